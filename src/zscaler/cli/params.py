"""Click parameter types and value parsing shared by the generated commands."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import click

_STRING_WORDS = ("name", "description", "comment", "password", "email", "notes", "search", "url", "domain",
                 "pattern", "token", "content", "text", "message", "path", "file", "key", "secret", "user")
_LIST_NAMES = {"labels", "domains", "urls", "bypass_urls", "malicious_urls", "tlds", "recipients", "ports",
               "regions", "consoles", "cloud_apps", "portal_links", "domain_list", "url_list", "policy_types",
               "rules_orders", "md5_hash_value_list", "zpa_app_segments", "fields"}


def parse_scalar(text: str) -> Any:
    """JSON when the text parses as JSON (numbers, true/false/null, arrays, objects), else the text."""
    try:
        return json.loads(text)
    except (ValueError, TypeError):
        return text


def read_json_arg(text: str, what: str = "--json") -> Any:
    """``@file.json``, ``@-`` (stdin) or JSON text."""
    source = "the argument"
    if text.startswith("@"):
        name = text[1:]
        if name == "-":
            text, source = sys.stdin.read(), "stdin"
        else:
            p = Path(name).expanduser()
            if not p.is_file():
                raise click.BadParameter(f"file {name!r} does not exist", param_hint=what)
            text, source = p.read_text(), name
    try:
        return json.loads(text)
    except ValueError as e:
        raise click.BadParameter(f"{source} is not valid JSON: {e}", param_hint=what) from None


class AutoValue(click.ParamType):
    """A string, or a JSON value when it looks like one (``2``, ``true``, ``[1,2]``, ``{"a":1}``)."""

    name = "value"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if not isinstance(value, str):
            return value
        s = value.strip()
        if s[:1] in "[{" or s in ("true", "false", "null") or re.fullmatch(r"-?\d+(\.\d+)?([eE][-+]?\d+)?", s):
            return parse_scalar(s)
        return value


class ListValue(click.ParamType):
    """A list: a JSON array, or comma-separated values; the option may be repeated."""

    name = "list"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if not isinstance(value, str):
            return value
        s = value.strip()
        if s.startswith("["):
            v = parse_scalar(s)
            if isinstance(v, list):
                return v
            self.fail(f"{value!r} is not a JSON array", param, ctx)
        return [p.strip() for p in s.split(",") if p.strip()]


class JsonValue(click.ParamType):
    """JSON text, ``@file.json`` or ``@-``; plain text is taken as a string."""

    name = "json|@file"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if not isinstance(value, str):
            return value
        if value.startswith("@"):
            return read_json_arg(value, f"--{param.name}" if param is not None else "--json")
        return parse_scalar(value)


class KeyValue(click.ParamType):
    """``KEY=VALUE``; the value is parsed as JSON when it parses, else kept as a string."""

    name = "key=value"

    def __init__(self, parse_values: bool = True) -> None:
        self.parse_values = parse_values

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, tuple):
            return value
        key, sep, raw = str(value).partition("=")
        if not sep or not key.strip():
            self.fail(f"{value!r} is not KEY=VALUE", param, ctx)
        return key.strip(), (parse_scalar(raw) if self.parse_values else raw)


AUTO = AutoValue()
LIST = ListValue()
JSON = JsonValue()

#: a ``--query`` value that is a query parameter (KEY=VALUE) rather than a JMESPath expression
QUERY_PAIR = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*=(?!=)")


class MappedChoice(click.Choice):
    """The SDK-side names of a value table (``connector``); the wire values are accepted too,
    but only the SDK-side names are shown and completed."""

    def __init__(self, table: Any) -> None:
        self.shown = [str(k) for k in table]
        super().__init__(list(dict.fromkeys([*self.shown, *map(str, table.values())])), case_sensitive=False)

    def shell_complete(self, ctx: Any, param: Any, incomplete: str) -> list[Any]:
        from click.shell_completion import CompletionItem

        return [CompletionItem(c) for c in self.shown if c.lower().startswith(incomplete.lower())]


def value_type(name: str, default: Any, maps: Any = None, id_list: bool = False) -> tuple[Any, bool, bool]:
    """``(click type, is_flag, multiple)`` for a catalog parameter."""
    if maps:
        return MappedChoice(maps), False, False
    if isinstance(default, bool):
        return click.BOOL, True, False
    if isinstance(default, int):
        return click.INT, False, False
    if isinstance(default, list) or id_list or name.endswith("_ids") or name in _LIST_NAMES:
        return LIST, False, True
    if name == "id" or name.endswith("_id") or name.endswith("id") and len(name) <= 6:
        return click.STRING, False, False
    if any(w in name for w in _STRING_WORDS):
        return click.STRING, False, False
    return AUTO, False, False


def flatten_lists(values: tuple[Any, ...]) -> list[Any]:
    out: list[Any] = []
    for v in values:
        out.extend(v if isinstance(v, list) else [v])
    return out
