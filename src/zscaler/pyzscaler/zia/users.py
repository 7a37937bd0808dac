"""``zia.users``: users, groups and departments."""

from __future__ import annotations

from typing import Any

from ..utils import convert_keys
from ._common import ZIAEndpoint, camel_payload


class UserManagementAPI(ZIAEndpoint):
    def list_departments(self, **kwargs: Any) -> Any:
        return self._list(self._p("departments"), **kwargs)

    def get_department(self, department_id: str) -> Any:
        return self._get(self._p(f"departments/{department_id}"))

    def list_groups(self, **kwargs: Any) -> Any:
        return self._list(self._p("groups"), **kwargs)

    def get_group(self, group_id: str) -> Any:
        return self._get(self._p(f"groups/{group_id}"))

    def list_users(self, **kwargs: Any) -> Any:
        return self._list(self._p("users"), **kwargs)

    def add_user(self, name: str, email: str, groups: list[Any], department: dict[str, Any], **kwargs: Any) -> Any:
        """A new user; further keywords are sent under the names given (pyZscaler does not camelCase them)."""
        payload = {"name": name, "email": email, "groups": groups, "department": department, **kwargs}
        return self._post(self._p("users"), json=payload)

    def bulk_delete_users(self, user_ids: list[Any]) -> Any:
        return self._post(self._p("users/bulkDelete"), json={"ids": user_ids})

    def get_user(self, user_id: str | None = None, email: str | None = None) -> Any:
        """One user by id, or by email (None when no user has it)."""
        if user_id and email:
            raise ValueError("get_user: give user_id or email, not both")
        if email:
            return next((r for r in self.list_users(search=email) if r.email == email), None)
        return self._get(self._p(f"users/{user_id}"))

    def update_user(self, user_id: str, **kwargs: Any) -> Any:
        payload = camel_payload(convert_keys(self.get_user(user_id)), kwargs)
        return self._put(self._p(f"users/{user_id}"), json=payload)

    def delete_user(self, user_id: str) -> int:
        return self._status("DELETE", f"users/{user_id}")
