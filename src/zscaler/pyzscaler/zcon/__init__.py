"""``ZCON``: pyZscaler's Cloud & Branch Connector client (the catalog's ``ztw``) over this project's transport."""

from __future__ import annotations

import importlib
from typing import Any, Callable

import httpx

from .._base import APIClient
from ..zia import FacadeZIASession, strip_suffix


def _resource(module: str, cls: str) -> property:
    def get(self: APIClient) -> Any:
        return getattr(importlib.import_module(f"{__name__}.{module}"), cls)(self)

    get.__name__ = module
    return property(get, doc=f"The ``{cls}`` interface.")


class FacadeZCONSession(FacadeZIASession):
    """The Cloud & Branch Connector login: ``POST /api/v1/auth``, ended by ``DELETE /api/v1/auth``."""

    product = "ztw"
    login_path = "/api/v1/auth"
    logout_path = "/api/v1/auth"


class ZCON(APIClient):
    """pyZscaler's ``ZCON(api_key=, username=, password=, cloud=, override_url=)``; each keyword falls back to
    ``ZCON_<NAME>``. Leaving (``with ZCON() as zcon:``) ends the session; in OneAPI mode it activates the
    changes this client made (``PUT /ecAdminActivateStatus/activate``)."""

    _env_base = "ZCON"
    _product = "ztw"
    _prefix = "/ztw"
    _root = "/ztw/api/v1"  # pyZscaler's relative paths ("users") start here
    _legacy_args = ("api_key", "username", "password")

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.env_cloud = self._values.get("cloud")

    def _legacy_base(self) -> str:
        return strip_suffix(super()._legacy_base(), "/api/v1")

    def _legacy_provider(self, base: str, http: Callable[[], httpx.Client], ua: str) -> Any:
        return FacadeZCONSession(base_url=base, http=http, user_agent=ua, api_key=str(self._required("api_key")),
                                 username=str(self._required("username")),
                                 password=str(self._required("password")))

    def _deauthenticate(self) -> Any:
        """Legacy: log out (staged changes are activated); OneAPI: activate what this client changed."""
        if not self.oneapi:
            return super()._deauthenticate()
        if "ztw" in self._executor.written:
            status = self._send("PUT", "/ztw/api/v1/ecAdminActivateStatus/activate").status_code
            self._executor.written.discard("ztw")
            return status
        return None

    admin = _resource("admin", "ZCONAdminAPI")
    connectors = _resource("connectors", "ZCONConnectorsAPI")
    config = _resource("config", "ZCONConfigAPI")
    locations = _resource("locations", "ZCONLocationsAPI")
    session = _resource("session", "ZCONSessionAPI")


__all__ = ["ZCON"]
