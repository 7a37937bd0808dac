"""``zdx.apps``: applications, their scores, metrics and users."""

from __future__ import annotations

from typing import Any

from ..utils import ZDXIterator, boxlist, zdx_params
from ._common import ZDXEndpoint


class AppsAPI(ZDXEndpoint):
    @zdx_params
    def list_apps(self, **kwargs: Any) -> Any:
        return self._get(self._p("apps"), params=kwargs)

    @zdx_params
    def get_app(self, app_id: str, **kwargs: Any) -> Any:
        return self._get(self._p(f"apps/{app_id}"), params=kwargs)

    @zdx_params
    def get_app_score(self, app_id: str, **kwargs: Any) -> Any:
        return self._get(self._p(f"apps/{app_id}/score"), params=kwargs)

    @zdx_params
    def get_app_metrics(self, app_id: str, **kwargs: Any) -> Any:
        return self._get(self._p(f"apps/{app_id}/metrics"), params=kwargs)

    @zdx_params
    def list_app_users(self, app_id: str, **kwargs: Any) -> Any:
        """Every user of the app (``next_offset`` pages followed)."""
        return boxlist(ZDXIterator(self._api, self._p(f"apps/{app_id}/users"), **kwargs))

    @zdx_params
    def get_app_user(self, app_id: str, user_id: str, **kwargs: Any) -> Any:
        return self._get(self._p(f"apps/{app_id}/users/{user_id}"), params=kwargs)
