"""ZTB hooks (see :class:`zscaler.catalog.call.Call`). ZTB bodies are sent with their keys unchanged."""

from __future__ import annotations

from typing import Any, Mapping, cast

from ..model import NOT_GIVEN, ZscalerObject, convert_keys
from .call import Call


def _object(name: str, value: Any, method: str) -> dict[str, Any]:
    """A model or a dict as the JSON object to send (``None`` is an empty one)."""
    if value is None:
        return {}
    if isinstance(value, ZscalerObject):
        return value.request_format()
    if isinstance(value, Mapping):
        return cast("dict[str, Any]", convert_keys(dict(value), "none"))
    raise TypeError(f"{method}: '{name}' must be a model or a dict, got {type(value).__name__}")


def merge_kwargs(call: Call) -> None:
    """``create_cloud_site(body=None, **kwargs)`` / ``update_site(site_id, body=None, **kwargs)``: the
    body is ``body`` (a model or a dict) with the keyword arguments laid over it."""
    body = _object("body", call.args.get("body"), call.op.name)
    extra = {k: v for k, v in (call.args.get("kwargs") or {}).items() if v is not NOT_GIVEN}
    body.update(convert_keys(extra, "none"))
    call.body = body


def s2s_connection(call: Call) -> None:
    """``create_s2s_connections`` / ``update_s2s_connections``: ``connection`` is an ``S2SConnection``
    model or a dict (``{"connect_to_hub": ..., "gateways": [...], "hubs": {...}}``), sent as is. An
    answer without a body gives ``None``, as the official SDK returns."""
    call.body = _object("connection", call.args.get("connection"), call.op.name)
    if not call.body:
        raise ValueError(f"{call.op.name}: 'connection' is required (an S2SConnection or a dict)")
    call.after = lambda value, response: None if response is None or response.get_body() in (None, "", {}) else value


def s2s_delete(call: Call) -> None:
    """``delete_s2s_connections(cluster_id, gateway_ids)``: DELETE with the JSON body
    ``{"gateway_ids": [...]}`` (the ``S2SDeleteRequest`` format)."""
    ids = call.args.get("gateway_ids")
    if isinstance(ids, (str, int)):
        ids = [ids]
    if not isinstance(ids, (list, tuple, set)) or not ids:
        raise ValueError("delete_s2s_connections: 'gateway_ids' must be a non-empty list of gateway ids")
    call.body = {"gateway_ids": list(ids)}
