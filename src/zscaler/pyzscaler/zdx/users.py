"""``zdx.users``: active users."""

from __future__ import annotations

from typing import Any

from ..utils import ZDXIterator, boxlist, zdx_params
from ._common import ZDXEndpoint


class UsersAPI(ZDXEndpoint):
    @zdx_params
    def list_users(self, **kwargs: Any) -> Any:
        """Every user (``next_offset`` pages followed)."""
        return boxlist(ZDXIterator(self._api, self._p("users"), **kwargs))

    @zdx_params
    def get_user(self, user_id: str, **kwargs: Any) -> Any:
        return self._get(self._p(f"users/{user_id}"), params=kwargs)
