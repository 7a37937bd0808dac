"""``zpa.inspection``: AppProtection (inspection) profiles and controls."""

from __future__ import annotations

from typing import Any

from ..utils import convert_keys
from ._common import ZPAEndpoint, camel_payload

DEFAULT_VERSION = "OWASP_CRS/3.3.0"


def create_rule(rule: dict[str, Any]) -> dict[str, Any]:
    """``{"names", "type", "conditions": [(lhs, op, rhs), ...]}`` -> the API's rule."""
    return {"names": rule["names"], "type": rule["type"],
            "conditions": [{"lhs": c[0], "op": c[1], "rhs": c[2]} for c in rule["conditions"]]}


def control_list(controls: Any) -> list[dict[str, Any]]:
    """``[(id, action), ...]`` -> ``[{"id", "action"}, ...]``."""
    return [{"id": c[0], "action": c[1]} for c in controls]


class InspectionControllerAPI(ZPAEndpoint):
    def add_custom_control(self, name: str, default_action: str, severity: str, type: str, rules: list[Any],
                           **kwargs: Any) -> Any:
        payload: dict[str, Any] = {"name": name, "defaultAction": default_action, "severity": severity,
                                   "rules": [create_rule(r) for r in rules], "type": type, **kwargs}
        return self._post(self._v1("inspectionControls/custom"), json=convert_keys(payload))

    def add_profile(self, name: str, paranoia_level: int, predef_controls_version: str, **kwargs: Any) -> Any:
        """A new profile with the default predefined controls, plus ``predef_controls``/``custom_controls``
        as ``[(id, action), ...]``."""
        defaults: list[Any] = []
        for group in self.list_predef_controls(DEFAULT_VERSION):
            if group.default_group:
                defaults = group.predefined_inspection_controls
        payload: dict[str, Any] = {"name": name, "paranoiaLevel": paranoia_level, "predefinedControls": defaults,
                                   "predefinedControlsVersion": predef_controls_version}
        if kwargs.get("predef_controls"):
            payload["predefinedControls"].extend(control_list(kwargs.pop("predef_controls")))
        if kwargs.get("custom_controls"):
            payload["customControls"] = control_list(kwargs.pop("custom_controls"))
        payload.update(kwargs)
        return self._post(self._v1("inspectionProfile"), json=convert_keys(payload))

    def delete_custom_control(self, control_id: str) -> int:
        return self._delete(self._v1(f"inspectionControls/custom/{control_id}"))

    def delete_profile(self, profile_id: str) -> int:
        return self._delete(self._v1(f"inspectionProfile/{profile_id}"))

    def get_custom_control(self, control_id: str) -> Any:
        return self._get(self._v1(f"inspectionControls/custom/{control_id}"))

    def get_predef_control(self, control_id: str) -> Any:
        return self._get(self._v1(f"inspectionControls/predefined/{control_id}"))

    def get_profile(self, profile_id: str) -> Any:
        return self._get(self._v1(f"inspectionProfile/{profile_id}"))

    def list_control_action_types(self) -> Any:
        return self._get(self._v1("inspectionControls/actionTypes"))

    def list_control_severity_types(self) -> Any:
        return self._get(self._v1("inspectionControls/severityTypes"))

    def list_control_types(self) -> Any:
        return self._get(self._v1("inspectionControls/controlTypes"))

    def list_custom_control_types(self) -> Any:
        return self._get("/zpa/mgmtconfig/v1/admin/inspectionControls/customControlTypes")

    def list_custom_controls(self, **kwargs: Any) -> Any:
        return self._list(self._v1("inspectionControls/custom"), **kwargs)

    def list_custom_http_methods(self) -> Any:
        return self._get(self._v1("inspectionControls/custom/httpMethods"))

    def list_predef_control_versions(self) -> Any:
        return self._get(self._v1("inspectionControls/predefined/versions"))

    def list_predef_controls(self, version: str, **kwargs: Any) -> Any:
        return self._get(self._v1("inspectionControls/predefined"), params=convert_keys({"version": version, **kwargs}))

    def list_profiles(self, **kwargs: Any) -> Any:
        return self._list(self._v1("inspectionProfile"), **kwargs)

    def profile_control_attach(self, profile_id: str, action: str, **kwargs: Any) -> Any:
        """``action='attach'`` (all predefined controls of ``profile_version``) or ``'detach'``."""
        if action == "attach":
            resp = self._send("PUT", self._v1(f"inspectionProfile/{profile_id}/associateAllPredefinedControls"),
                              params={"version": kwargs.pop("profile_version", DEFAULT_VERSION)})
        elif action == "detach":
            resp = self._send("PUT", self._v1(f"inspectionProfile/{profile_id}/deAssociateAllPredefinedControls"))
        else:
            raise ValueError("Unknown action provided. Valid actions are 'attach' or 'detach'.")
        return self.get_profile(profile_id) if resp.status_code == 204 else resp.status_code

    def update_custom_control(self, control_id: str, **kwargs: Any) -> Any:
        payload = convert_keys(self.get_custom_control(control_id))
        if kwargs.get("rules"):
            payload["rules"] = [create_rule(r) for r in kwargs.pop("rules")]
        camel_payload(payload, kwargs)
        return self._put_then_get(self._v1(f"inspectionControls/custom/{control_id}"), payload,
                                  lambda: self.get_custom_control(control_id))

    def update_profile(self, profile_id: str, **kwargs: Any) -> Any:
        """Read-modify-write of a profile (``predef_controls``/``custom_controls`` replace those lists)."""
        payload = self.get_profile(profile_id)  # a Box: camelCase keys set below land snake_cased
        payload["predefinedControlsVersion"] = kwargs.get("predef_controls_version", DEFAULT_VERSION)
        if kwargs.get("predef_controls"):
            payload["predefined_controls"] = control_list(kwargs.pop("predef_controls"))
        if kwargs.get("custom_controls"):
            payload["custom_controls"] = control_list(kwargs.pop("custom_controls"))
        for key, value in kwargs.items():
            payload[key] = value
        return self._put_then_get(self._v1(f"inspectionProfile/{profile_id}"), convert_keys(payload),
                                  lambda: self.get_profile(profile_id))

    def update_profile_and_controls(self, profile_id: str, inspection_profile: dict[str, Any], **kwargs: Any) -> int:
        payload = convert_keys({"inspection_profile_id": profile_id, "inspection_profile": inspection_profile})
        return self._send("PATCH", self._v1(f"inspectionProfile/{profile_id}/patch"), json=payload).status_code
