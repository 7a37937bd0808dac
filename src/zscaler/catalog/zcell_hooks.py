"""ZCell hooks (see :class:`zscaler.binding.Call`)."""

from __future__ import annotations

from typing import Any


def bare_array(call: Any) -> None:
    """``add_location_group(id=None, **kwargs)``: the API takes a JSON array; the keyword arguments
    are its one element (``[{"name": ..., "trackedDevices": [...]}]``)."""
    body = call.body if isinstance(call.body, dict) else {}
    if not body:
        raise ValueError("add_location_group: give the group's fields as keyword arguments (name=..., ...)")
    call.body = [body]
