"""``ZDX``: pyZscaler's Zscaler Digital Experience client over this project's transport."""

from __future__ import annotations

import importlib
from typing import Any, Callable

import httpx

from .._base import APIClient
from ..zia import strip_suffix


def _resource(module: str, cls: str) -> property:
    def get(self: APIClient) -> Any:
        return getattr(importlib.import_module(f"{__name__}.{module}"), cls)(self)

    get.__name__ = module
    return property(get, doc=f"The ``{cls}`` interface.")


class ZDX(APIClient):
    """pyZscaler's ``ZDX(client_id=, client_secret=, cloud=, override_url=)``; each keyword falls back to
    ``ZDX_<NAME>``; ``cloud`` defaults to ``zdxcloud``. Time windows: ``since=<hours>`` on the methods
    that take keywords (``from``/``to`` epoch seconds), ``search``/``location_id``/``department_id``/``geo_id``
    sent as ``q``/``loc``/``dept``/``geo``."""

    _env_base = "ZDX"
    _product = "zdx"
    _prefix = "/zdx"
    _root = "/zdx/v1"  # pyZscaler's relative paths ("users") start here
    _legacy_args = ("client_id", "client_secret")

    def _default_cloud(self) -> str:
        return "zdxcloud"

    def _legacy_base(self) -> str:
        return strip_suffix(super()._legacy_base(), "/v1")

    def _legacy_provider(self, base: str, http: Callable[[], httpx.Client], ua: str) -> Any:
        from ...auth.legacy import ZDXToken

        return ZDXToken(base_url=base, http=http, user_agent=ua, key_id=str(self._required("client_id")),
                        key_secret=str(self._required("client_secret")))

    session = _resource("session", "SessionAPI")
    admin = _resource("admin", "AdminAPI")
    apps = _resource("apps", "AppsAPI")
    devices = _resource("devices", "DevicesAPI")
    users = _resource("users", "UsersAPI")


__all__ = ["ZDX"]
