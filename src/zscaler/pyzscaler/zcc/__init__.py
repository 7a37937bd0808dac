"""``ZCC``: pyZscaler's Zscaler Client Connector (mobile admin portal) client over this project's transport."""

from __future__ import annotations

import importlib
from typing import Any, Callable

import httpx

from .._base import APIClient


def _resource(module: str, cls: str) -> property:
    def get(self: "ZCC") -> Any:
        return getattr(importlib.import_module(f"{__name__}.{module}"), cls)(self)

    get.__name__ = module
    return property(get, doc=f"The ``{cls}`` interface.")


class ZCC(APIClient):
    """pyZscaler's ``ZCC(client_id=, client_secret=, cloud=, override_url=)``; each keyword falls back to
    ``ZCC_<NAME>``. ``override_url`` may end in ``/papi`` as pyZscaler's does."""

    _env_base = "ZCC"
    _product = "zcc"
    _prefix = "/zcc"
    _legacy_args = ("client_id", "client_secret")
    _root = "/zcc/papi"
    _product_name = "Zscaler Mobile Admin Portal"

    def _legacy_base(self) -> str:
        base = super()._legacy_base()
        return base[: -len("/papi")] if base.endswith("/papi") else base

    def _legacy_provider(self, base: str, http: Callable[[], httpx.Client], ua: str) -> Any:
        from ...auth.legacy import ZCCLogin

        return ZCCLogin(base_url=base, http=http, user_agent=ua, api_key=str(self._required("client_id")),
                        secret_key=str(self._required("client_secret")))

    devices = _resource("devices", "DevicesAPI")
    secrets = _resource("secrets", "SecretsAPI")
    session = _resource("session", "AuthenticatedSessionAPI")


__all__ = ["ZCC"]
