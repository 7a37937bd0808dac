"""ZDX hooks (see :class:`zscaler.catalog.call.Call`).

The ZDX query shorthands (``since`` hours -> ``from``/``to`` epoch seconds, ``search`` -> ``q``,
``location_id`` -> ``loc`` ...) are product rules of the binder; the hooks here cover what a
single method does on top.
"""

from __future__ import annotations

import time
from typing import Any, Callable

from .call import Call

#: an ``expiry`` at or above this is already an epoch timestamp (seconds), not a number of hours
EPOCH_FLOOR = 1_000_000_000


def _expiry(value: Any, now: Callable[[], float]) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(f"expiry: expected a number of hours (or epoch seconds), got {value!r}")
    try:
        number = float(value)
    except ValueError:
        raise ValueError(f"expiry: expected a number of hours (or epoch seconds), got {value!r}") from None
    if number <= 0:
        raise ValueError(f"expiry: must be positive (hours from now, or epoch seconds), got {value!r}")
    if number >= EPOCH_FLOOR:
        return int(number)
    return int(now()) + int(number * 3600)


def snapshot_body(call: Call, now: Callable[[], float] = time.time) -> None:
    """``share_snapshot(name=..., alert_id=..., expiry=2)``: ``expiry`` in hours (also accepted in
    ``query_params``, as the official SDK reads it) becomes the body's epoch-seconds ``expiry``.

    Body keys stay snake_case (``alert_id``), as ZDX expects. ``obfuscation`` and any other
    keyword are sent too (the official SDK drops them).
    """
    body = call.body if isinstance(call.body, dict) else {}
    query = body.pop("query_params", None) or {}
    if not isinstance(query, dict):
        raise TypeError(f"query_params: expected a dict, got {type(query).__name__}")
    hours = query.pop("expiry", None)
    if "expiry" in body and body["expiry"] is not None:
        hours = body["expiry"]
    if hours is not None:
        body["expiry"] = _expiry(hours, now)
    call.body = body
    call.query.update(query)


def one_element_list(call: Call) -> None:
    """The decoded body as a one-element list (``get_analysis``: the official 1.11.3 answers
    ``[body]``, a list holding the analysis dict)."""
    call.after = lambda body, response: [body] if body is not None else []
