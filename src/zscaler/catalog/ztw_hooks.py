"""ZTW (Cloud & Branch Connector) hooks: what the catalog conventions cannot express.

Each function is ``hook(call)`` (see :class:`zscaler.catalog.call.Call`) named by an ``op(..., hook=...)``
record in :mod:`zscaler.catalog.ztw`.
"""

from __future__ import annotations

from ..model import ZscalerObject, convert_keys
from .call import Call

BASE = "/ztw/api/v1"


def forced_activate(call: Call) -> None:
    """``activate(force=True)`` uses ``/ecAdminActivateStatus/forcedActivate``; ``force`` itself is not sent."""
    force = call.args.get("force", False)
    if not isinstance(force, bool):
        raise TypeError(f"force must be True or False, got {force!r}")
    if force:
        call.path = BASE + "/ecAdminActivateStatus/forcedActivate"


def location_template(call: Call) -> None:
    """Location templates: ``template`` (a dict with snake or camel keys, or a model) is sent
    camelCased under ``template``; keyword arguments given as ``None`` are left out."""
    body = call.body
    if not isinstance(body, dict):
        return
    template = call.args.get("template", (call.args.get("kwargs") or {}).get("template"))
    if template is not None:
        if isinstance(template, ZscalerObject):
            template = template.request_format()
        if not isinstance(template, dict):
            raise TypeError(f"template must be a dict or a LocationTemplate model, got {type(template).__name__}")
        body["template"] = convert_keys(template, "camel")
    for key in [k for k, v in body.items() if v is None]:
        del body[key]
