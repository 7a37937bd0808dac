"""Hooks shared by several products' catalog entries (see :class:`zscaler.catalog.call.Call`).

A hook is a function ``hook(call)`` named in an ``op(..., hook=...)`` record. It runs after
the arguments are shaped into ``call.query`` / ``call.body`` and before the request is sent.
Product-specific hooks live beside their catalog module (``zpa_hooks.py`` ...); the ones here
are used by more than one product.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable

from .call import Call

STATES = {True: "ENABLED", False: "DISABLED"}


def enabled_to_state(call: Call) -> None:
    """ZIA/ZTW rules: ``enabled=True|False`` is sent as ``"state": "ENABLED"|"DISABLED"``. Declared
    with ``op(..., enabled_to_state=True)``; the binder applies it before the op's hook.

    An explicit ``state`` wins; any other value of ``enabled`` raises ``ValueError``.
    """
    body = call.body
    if not isinstance(body, dict) or "enabled" not in body:
        return
    value = body.pop("enabled")
    if value is None:
        return
    if not isinstance(value, bool):
        raise ValueError(f"enabled must be True or False, got {value!r}")
    body.setdefault("state", STATES[value])


def chain(*hooks: Any) -> Any:
    """One hook running several in order."""

    def run(call: Call) -> None:
        for h in hooks:
            h(call)

    run.__name__ = "+".join(getattr(h, "__name__", "hook") for h in hooks)
    return run


# ------------------------------------------------------------------ placeholders computed by a hook

def computed(record: Any, *names: str) -> Any:
    """``record`` with ``names`` marked as path placeholders its hook fills (``call.path_values``)."""
    from dataclasses import replace

    return replace(record, computed=tuple(names))  # Op checks the hook and the path slots


# ------------------------------------------------------------------ shared by ZIA, ZTW and ZCC

def _name_matches(item: Any, needle: str) -> bool:
    get = item.get if hasattr(item, "get") else (lambda k: None)
    return any(needle in str(get(k) or "").lower() for k in ("name", "configuredName"))


def client_search(call: Call) -> None:
    """Lists the API does not filter: ``search`` is taken out of the query (the API would ignore or
    reject it) and the returned page is filtered here on ``name`` (or ``configuredName``, as custom
    ZIA URL categories have), case-insensitively. Declared with ``op(..., client_search=True)``; the
    binder applies it before the op's hook."""
    term = call.query.pop("search", None)
    if term in (None, ""):
        return
    needle = str(term).strip().lower()
    call.keep = lambda item: _name_matches(item, needle)  # applied to later pages too


def stamped(prefix: str, ext: str) -> Callable[[Any], str]:
    """Default download file name of the official SDK: ``<prefix>-YYYYmmdd-HH_MM_SS.<ext>``, local time."""

    def name(call: Call) -> str:
        return f"{prefix}-{datetime.now().strftime('%Y%m%d-%H_%M_%S')}.{ext}"

    return name


def save_to(arg: str, default: Callable[[Any], str | None] | None = None) -> Any:
    """Downloads: when argument ``arg`` names a file, the bytes are written there and the file name
    is the result (as the official download methods return). With ``default`` (a function of the
    call giving a file name), a call without ``arg`` writes to that name instead, as the official
    methods that always write a file do."""

    def hook(call: Call) -> None:
        target = call.args.get(arg) or (default(call) if default is not None else None)
        if not target:
            return

        def after(data: Any, response: Any) -> Any:
            with open(target, "wb") as f:
                f.write(data if isinstance(data, (bytes, bytearray)) else str(data or "").encode())
            return target

        call.after = after

    hook.__name__ = f"save_to({arg})"
    return hook


# ------------------------------------------------------------------ boolean query flags

def lowercase_flags(*keys: str, omit_false: bool = False) -> Any:
    """Boolean query values go out as Python renders them (``True``/``False``), as the official SDK
    sends them; the few official methods that spell a flag ``true``/``false`` get this hook, naming
    the wire keys. With ``omit_false`` a false flag is left out (the official sends it only when set)."""

    def hook(call: Call) -> None:
        for key in keys:
            value = call.query.get(key)
            if not isinstance(value, bool):
                continue
            if omit_false and not value:
                del call.query[key]
            else:
                call.query[key] = "true" if value else "false"

    hook.__name__ = f"lowercase_flags({', '.join(keys)})"
    return hook


def also_in_query(arg: str, key: str) -> Any:
    """A path argument the official SDK also sends as query key ``key`` (``/app_views/1/apps?appViewId=1``)."""

    def hook(call: Call) -> None:
        value = call.args.get(arg)
        if value not in (None, ""):
            call.query[key] = value

    hook.__name__ = f"also_in_query({arg}, {key})"
    return hook
