"""ZCell hooks (see :class:`zscaler.catalog.call.Call`)."""

from __future__ import annotations

from .call import Call


def bare_array(call: Call) -> None:
    """``add_location_group(id=None, **kwargs)``: the API takes a JSON array; the keyword arguments
    are its one element (``[{"name": ..., "trackedDevices": [...]}]``)."""
    body = call.body if isinstance(call.body, dict) else {}
    if not body:
        raise ValueError("add_location_group: give the group's fields as keyword arguments (name=..., ...)")
    call.body = [body]
