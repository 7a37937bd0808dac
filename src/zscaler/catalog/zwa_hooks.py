"""ZWA hooks (see :class:`zscaler.catalog.call.Call`)."""

from __future__ import annotations

from .call import Call


def group_ids_list(call: Call) -> None:
    """``incident_group_search(incident_id, incident_group_ids=...)``: the body always carries the
    list ``incidentGroupIds`` (one id is wrapped; none sends ``[]``, every group of the incident)."""
    body = call.body if isinstance(call.body, dict) else {}
    value = body.get("incidentGroupIds")
    if value is None:
        value = []
    elif isinstance(value, (str, int)):
        value = [value]
    elif isinstance(value, (list, tuple, set)):
        value = list(value)
    else:
        raise TypeError(f"incident_group_ids: expected an id or a list of ids, got {type(value).__name__}")
    body["incidentGroupIds"] = value
    call.body = body
