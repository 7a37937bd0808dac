"""One request being served (:class:`Ctx`) and the parsing of what it carries.

Request bodies are parsed here once per request; JSON nested deeper than
:data:`MAX_JSON_DEPTH` is refused with :class:`BadRequest` (answered 400) before the parser
recurses into it.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import parse_qs

from .httpserver import Request

#: arrays/objects nested deeper than this are refused (the real APIs nest a handful of levels)
MAX_JSON_DEPTH = 256

_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKETS = re.compile(rb"[^\[\]{}]+")


class BadRequest(Exception):
    """The request cannot be read (invalid JSON, nesting too deep ...): answered 400."""


def json_depth(body: bytes) -> int:
    """How deeply arrays and objects nest in the JSON text ``body`` (strings ignored)."""
    depth = deepest = 0
    for ch in _NOT_BRACKETS.sub(b"", _STRINGS.sub(b"", body)):
        if ch in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def parse_json(body: bytes, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The JSON value of ``body`` (None when empty); :class:`BadRequest` when invalid or too deep."""
    if not body or not body.strip():
        return None
    # cheap guard first: only a body with that many brackets can nest that deep
    if body.count(b"[") + body.count(b"{") > max_depth and json_depth(body) > max_depth:
        raise BadRequest(f"request body nests arrays/objects deeper than {max_depth} levels")
    try:
        return json.loads(body)
    except RecursionError:
        raise BadRequest(f"request body nests arrays/objects deeper than {max_depth} levels") from None
    except ValueError as exc:
        raise BadRequest(f"request body is not valid JSON: {exc}") from None


class Ctx:
    """One request being served: the request, its resource path, and what was parsed from it.

    ``rpath`` is the resource path (``/_legacy/<product>`` removed) and ``raw_rpath`` the same
    before percent-decoding (routing splits it into segments first). ``legacy`` names the
    legacy product the request came through (None: OneAPI); ``product`` is set once routed.
    """

    __slots__ = ("req", "rpath", "raw_rpath", "legacy", "product", "_query", "_json", "oneapi")

    def __init__(self, req: Request, rpath: str, legacy: str | None, raw_rpath: str | None = None):
        self.req = req
        self.rpath = rpath
        self.raw_rpath = rpath if raw_rpath is None else raw_rpath
        self.legacy = legacy
        self.oneapi = legacy is None
        self.product: str | None = None
        self._query: dict[str, Any] | None = None
        self._json: Any = ...

    @property
    def query(self) -> dict[str, list[str]]:
        if self._query is None:
            raw = self.req.raw_query
            self._query = parse_qs(raw, keep_blank_values=True) if raw else {}
        return self._query

    def q(self, key: str) -> str | None:
        v = self.query.get(key)
        return v[-1] if v else None

    def json(self) -> Any:
        if self._json is ...:
            self._json = parse_json(self.req.body)
        return self._json

    def form(self) -> dict[str, str]:
        ctype = self.req.headers.get("content-type", "")
        if "json" in ctype:
            data = self.json()
            return {k: str(v) for k, v in data.items()} if isinstance(data, dict) else {}
        text = self.req.body.decode("utf-8", "replace")
        return {k: v[-1] for k, v in parse_qs(text, keep_blank_values=True).items()}
