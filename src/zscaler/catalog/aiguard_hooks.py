"""AI Guard hooks (see :class:`zscaler.catalog.call.Call`)."""

from __future__ import annotations

from typing import Mapping

from .call import Call

#: headers the client itself owns; a caller's ``headers`` cannot replace them
_RESERVED = frozenset({"authorization", "content-type", "content-length", "host"})


def extra_headers(call: Call) -> None:
    """``resolve_and_execute_policy(..., headers=None)``: ``headers`` (a dict of names to values) are
    sent as HTTP headers of the request, never in the body."""
    given = call.args.get("headers")
    if given is None:
        return
    if not isinstance(given, Mapping):
        raise TypeError(f"resolve_and_execute_policy: 'headers' must be a dict of header names to values, "
                        f"got {type(given).__name__}")
    for name, value in given.items():
        if not isinstance(name, str) or not name or value is None:
            raise ValueError(f"resolve_and_execute_policy: header {name!r} needs a non-empty name and a value")
        if name.lower() in _RESERVED:
            raise ValueError(f"resolve_and_execute_policy: header {name!r} is set by the client and cannot be given")
        call.headers[name] = str(value)
