"""``zia.admin_and_role_management``: admin users and roles."""

from __future__ import annotations

from typing import Any

from ..utils import snake_to_camel
from ._common import ZIAEndpoint, camel_record


def _admin_fields(payload: dict[str, Any], kwargs: dict[str, Any], *, name_key: str = "") -> dict[str, Any]:
    """pyZscaler's admin keywords: ``admin_scope`` (not 'organization') with ``scope_ids``, ``role_id``."""
    scope = kwargs.pop("admin_scope", None)
    if scope and scope != "organization":
        payload["adminScopeType"] = scope.upper()
        payload["adminScopeScopeEntities"] = []
    for key, value in kwargs.items():
        if key == "scope_ids":
            payload.setdefault("adminScopeScopeEntities", []).extend({"id": i} for i in value)
        elif key == "role_id" and not name_key:
            payload["role"] = {"id": value}
        elif key == "name" and name_key:
            payload[name_key] = value
        else:
            payload[snake_to_camel(key)] = value
    return payload


class AdminAndRoleManagementAPI(ZIAEndpoint):
    def add_user(self, name: str, login_name: str, email: str, password: str, **kwargs: Any) -> Any:
        payload = {"userName": name, "loginName": login_name, "email": email, "password": password}
        return self._post(self._p("adminUsers"), json=_admin_fields(payload, kwargs))

    def list_users(self, **kwargs: Any) -> Any:
        return self._list(self._p("adminUsers"), **kwargs)

    def list_roles(self, **kwargs: Any) -> Any:
        return self._get(self._p("adminRoles/lite"), params={snake_to_camel(k): v for k, v in kwargs.items()})

    def get_user(self, user_id: str) -> Any:
        """The admin user with this id (read from the listing, as the API has no single-admin GET)."""
        return next(user for user in self.list_users() if user.id == int(user_id))

    def delete_user(self, user_id: str) -> int:
        return self._status("DELETE", f"adminUsers/{user_id}")

    def update_user(self, user_id: str, **kwargs: Any) -> Any:
        payload = _admin_fields(camel_record(self.get_user(user_id)), kwargs, name_key="userName")
        return self._put(self._p(f"adminUsers/{user_id}"), json=payload)
