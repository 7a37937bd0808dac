"""``zcon.admin``: admin roles, admin users, password change and API keys."""

from __future__ import annotations

from typing import Any

from ..utils import convert_keys
from ._common import ZCONEndpoint, given


def _permissions(pairs: Any) -> dict[str, Any]:
    """``[("apiKeyManagement", "READ_ONLY"), ...]`` -> ``{"APIKEYMANAGEMENT": "READ_ONLY"}`` (pyZscaler's rule)."""
    return {str(k).upper(): v for k, v in pairs}


class ZCONAdminAPI(ZCONEndpoint):
    # -- roles
    def list_roles(self, **kwargs: Any) -> Any:
        return self._get(self._p("adminRoles"))

    def get_role(self, role_id: str) -> Any:
        return self._get(self._p(f"adminRoles/{role_id}"))

    def add_role(self, name: str, policy_access: str = "NONE", report_access: str = "NONE",
                 username_access: str = "NONE", dashboard_access: str = "NONE", **kwargs: Any) -> Any:
        """A new role; ``feature_permissions_tuples=[(name, access), ...]`` are sent under upper-case names
        (pyZscaler 1.6.0 camelCased them on the way out, which the API does not accept)."""
        pairs = kwargs.pop("feature_permissions_tuples", None)
        payload = convert_keys({"name": name, "role_type": "EDGE_CONNECTOR_ADMIN", "policy_access": policy_access,
                                "report_access": report_access, "username_access": username_access,
                                "dashboard_access": dashboard_access, **given(kwargs)})
        if pairs:
            payload["featurePermissions"] = _permissions(pairs)
        return self._post(self._p("adminRoles"), json=payload)

    def update_role(self, role_id: str, **kwargs: Any) -> Any:
        """Read-modify-write; ``feature_permissions=[(name, access), ...]`` replaces the permissions."""
        pairs = kwargs.pop("feature_permissions", None)
        payload = convert_keys({**self.get_role(role_id), **given(kwargs)})
        if pairs:
            payload["featurePermissions"] = _permissions(pairs)
        return self._put(self._p(f"adminRoles/{role_id}"), json=payload)

    def delete_role(self, role_id: str) -> int:
        return self._status("DELETE", f"adminRoles/{role_id}")

    def change_password(self, username: str, old_password: str, new_password: str) -> int:
        body = {"userName": username, "oldPassword": old_password, "newPassword": new_password}
        return self._status("POST", "passwordChange", json=body)

    # -- admin users
    def list_admins(self, **kwargs: Any) -> Any:
        params = convert_keys({"partnerType": "EDGE_CONNECTOR_ADMIN", **given(kwargs)})
        return self._get(self._p("adminUsers"), params=params)

    def get_admin(self, admin_id: str) -> Any:
        return self._get(self._p(f"adminUsers/{admin_id}"))

    def add_admin(self, user_name: str, login_name: str, role: str, email: str, password: str,
                  **kwargs: Any) -> Any:
        payload = {"loginName": login_name, "userName": user_name, "email": email, "role": role,
                   "password": password, **given(kwargs)}
        return self._post(self._p("adminUsers"), json=convert_keys(payload))

    def update_admin(self, admin_id: str, **kwargs: Any) -> Any:
        payload = convert_keys({**self.get_admin(admin_id), **given(kwargs)})
        return self._put(self._p(f"adminUsers/{admin_id}"), json=payload)

    def delete_admin(self, admin_id: str) -> int:
        return self._status("DELETE", f"adminUsers/{admin_id}")

    # -- API keys
    def list_api_keys(self, **kwargs: Any) -> Any:
        params = {"includePartnerKeys": kwargs["include_partner_keys"]} if "include_partner_keys" in kwargs else {}
        return self._get(self._p("apiKeys"), params=params)

    def regenerate_api_key(self, api_key_id: str) -> Any:
        return self._post(self._p(f"apiKeys/{api_key_id}/regenerate"))
