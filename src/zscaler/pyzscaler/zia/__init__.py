"""``ZIA``: pyZscaler's Zscaler Internet Access client over this project's transport."""

from __future__ import annotations

import importlib
import os
from typing import Any, Callable, Mapping

import httpx

from ...auth.legacy import ZIASession
from ...errors import TokenError
from ...redaction import register as register_secret
from .._base import APIClient


def _resource(module: str, cls: str) -> property:
    def get(self: APIClient) -> Any:
        return getattr(importlib.import_module(f"{__name__}.{module}"), cls)(self)

    get.__name__ = module
    return property(get, doc=f"The ``{cls}`` interface.")


def strip_suffix(url: str, suffix: str) -> str:
    """pyZscaler's ``override_url`` names the API root (``https://host/api/v1``); the facade's base is the host."""
    url = url.rstrip("/")
    return url[: -len(suffix)] if url.endswith(suffix) else url


class FacadeZIASession(ZIASession):
    """ZIA ``authenticatedSession`` login of the facade: an answer without a ``JSESSIONID`` cookie is accepted
    (pyZscaler kept whatever cookies it got), with no session header; any other refusal still raises."""

    def _login(self) -> tuple[dict[str, str], float]:
        self.last_login = None
        try:
            return super()._login()
        except TokenError:
            resp = self.last_login
            if resp is None or resp.cookies.get("JSESSIONID"):
                raise
            return {}, self.idle_timeout


class _Hidden:
    """A secret attribute value whose repr never shows it (vars() of a client stays safe to print)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = None if value is None else str(value)

    def __repr__(self) -> str:
        return "<hidden>" if self.value else "None"


class ZIA(APIClient):
    """pyZscaler's ``ZIA(api_key=, username=, password=, cloud=, override_url=, sandbox_token=)``; each
    keyword falls back to ``ZIA_<NAME>``. Leaving (``with ZIA() as zia:``) ends the session, which activates
    staged changes; in OneAPI mode it activates them explicitly (``POST /status/activate``)."""

    _env_base = "ZIA"
    _product = "zia"
    _prefix = "/zia"
    _root = "/zia/api/v1"  # pyZscaler's relative paths ("users") start here
    _legacy_args = ("api_key", "username", "password")
    _extra_args = ("sandbox_token",)

    def __init__(self, **kw: Any) -> None:
        token = kw.get("sandbox_token") or os.getenv("ZIA_SANDBOX_TOKEN")
        if token:
            register_secret(str(token))  # masked in every log line (it travels in the query string)
        super().__init__(**kw)
        self.env_cloud = self._values.get("cloud")
        # kept out of vars()/_kw/_values: readable as ``zia.sandbox_token`` as in pyZscaler
        self._sandbox = _Hidden(self._values.pop("sandbox_token", None))
        self._kw.pop("sandbox_token", None)

    @property
    def sandbox_token(self) -> str | None:
        return self._sandbox.value

    def _legacy_base(self) -> str:
        return strip_suffix(super()._legacy_base(), "/api/v1")

    def _legacy_executor_args(self) -> dict[str, Any]:
        cloud = self._values.get("cloud")
        return {"sandbox_base_url": f"https://csbapi.{cloud}.net" if cloud else None,
                "sandbox_token": self._values.get("sandbox_token")}

    def _oneapi_config(self, kw: Mapping[str, Any]) -> dict[str, Any]:
        cfg = super()._oneapi_config(kw)
        if self._values.get("sandbox_token"):
            cfg.setdefault("sandboxToken", self._values["sandbox_token"])
        if self._values.get("cloud"):
            cfg.setdefault("sandboxCloud", self._values["cloud"])
        return cfg

    def _legacy_provider(self, base: str, http: Callable[[], httpx.Client], ua: str) -> Any:
        return FacadeZIASession(base_url=base, http=http, user_agent=ua, api_key=str(self._required("api_key")),
                                username=str(self._required("username")),
                                password=str(self._required("password")))

    def _deauthenticate(self) -> Any:
        """Legacy: log out (the API activates staged changes); OneAPI: activate what this client changed."""
        if not self.oneapi:
            return super()._deauthenticate()
        if "zia" in self._executor.written:
            status = self._send("POST", "/zia/api/v1/status/activate").status_code
            self._executor.written.discard("zia")
            return status
        return None

    session = _resource("session", "AuthenticatedSessionAPI")
    admin_and_role_management = _resource("admin_and_role_management", "AdminAndRoleManagementAPI")
    apptotal = _resource("apptotal", "AppTotalAPI")
    audit_logs = _resource("audit_logs", "AuditLogsAPI")
    config = _resource("config", "ActivationAPI")
    dlp = _resource("dlp", "DLPAPI")
    firewall = _resource("firewall", "FirewallPolicyAPI")
    labels = _resource("labels", "RuleLabelsAPI")
    locations = _resource("locations", "LocationsAPI")
    cloud_apps = _resource("cloud_apps", "CloudAppsAPI")
    sandbox = _resource("sandbox", "CloudSandboxAPI")
    security = _resource("security", "SecurityPolicyAPI")
    ssl = _resource("ssl_inspection", "SSLInspectionAPI")
    traffic = _resource("traffic", "TrafficForwardingAPI")
    url_categories = _resource("url_categories", "URLCategoriesAPI")
    url_filters = _resource("url_filters", "URLFilteringAPI")
    users = _resource("users", "UserManagementAPI")
    vips = _resource("vips", "DataCenterVIPSAPI")
    web_dlp = _resource("web_dlp", "WebDLPAPI")


__all__ = ["ZIA"]
