"""The clients: ``ZscalerClient`` (OneAPI) and the legacy per-product clients.

``client.zpa``, ``client.zia``... are product services built on first access; their resource
attributes (``client.zpa.segment_groups``) are generated from the catalog.
"""

from __future__ import annotations

import logging
import os
import threading
from typing import Any, Mapping

from . import catalog
from .auth.oneapi import OneAPITokenProvider
from .config import Settings, load_settings
from .errors import ConfigurationError, ZscalerError
from .transport.executor import RequestExecutor, user_agent
from .transport.pipeline import CacheLayer, RetryPolicy
from .transport.urls import oneapi_base_url, oneapi_token_url, sandbox_base_url

log = logging.getLogger("zscaler.client")

#: product property -> catalog name
PRODUCT_PROPERTIES = {
    "zpa": "zpa", "zia": "zia", "zcc": "zcc", "zdx": "zdx", "ztw": "ztw", "zwa": "zwa", "zid": "zid",
    "zidentity": "zid", "zins": "zins", "zinsights": "zins", "zms": "zms", "zmicroseg": "zms", "zbi": "zbi",
    "zeasm": "zeasm", "ztb": "ztb", "aiguard": "aiguard", "zguard": "aiguard", "zcell": "zcell",
}
#: deauthentication request that ends a session and activates staged changes
ACTIVATION_ENDPOINTS = {"zia": "/zia/api/v1/authenticatedSession", "ztw": "/ztw/api/v1/auth"}


class ProductService:
    """``client.zpa``: resource attributes are generated classes, built on first access."""

    def __init__(self, name: str, executor: RequestExecutor, config: Mapping[str, Any]) -> None:
        self._name = name
        self._executor = executor
        self._config = config
        self._resources: dict[str, Any] = {}
        self._lock = threading.Lock()

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("_"):
            raise AttributeError(attribute)
        res = self._resources.get(attribute)
        if res is None:
            from .binding import resource_class

            try:
                cls = resource_class(self._name, attribute)
            except AttributeError:
                known = ", ".join(r.attribute for r in catalog.load(self._name).resources)
                raise AttributeError(f"{self._name} has no resource '{attribute}'; known: {known}") from None
            with self._lock:
                res = self._resources.setdefault(attribute, cls(self._executor, self._config))
        return res

    def __dir__(self) -> list[str]:
        prod = catalog.load(self._name)
        return sorted([r.attribute for r in prod.resources] + list(prod.aliases))

    def __repr__(self) -> str:
        return f"<{self._name} service>"


def setup_logging(enabled: bool, verbose: bool) -> None:
    """Switch the ``zscaler`` logger on. Never touches the root logger or other handlers."""
    logger = logging.getLogger("zscaler")
    if not enabled:
        return
    logger.setLevel(logging.DEBUG if verbose else logging.INFO)
    if not any(getattr(h, "_zscaler", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler._zscaler = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.propagate = False


class Client:
    """The OneAPI client. ``ZscalerClient(config)``; nothing is sent until the first call.

    Safe to share across threads: one token (refreshed before it expires) and one connection
    pool serve every thread. Use it as a context manager to close the pool on exit and to
    activate the ZIA/ZTW changes it made.
    """

    def __init__(self, config: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        merged = {**(config or {}), **kwargs}
        self._settings: Settings = load_settings(merged)
        s = self._settings
        setup_logging(bool(s["logging.enabled"]), bool(s["logging.verbose"]))
        if s.get("proxy.host"):
            auth = f"{s['proxy.username']}:{s['proxy.password']}@" if s.get("proxy.username") else ""
            port = f":{s['proxy.port']}" if s.get("proxy.port") else ""
            proxy = f"http://{auth}{s['proxy.host']}{port}"
        else:
            proxy = None
        verify: Any = s.get("sslContext", True)
        if verify is None:
            verify = True
        if s["disableHttpsCheck"]:
            verify = False
        if verify is False:
            log.warning("TLS certificate verification is disabled")
        self._config_values = {"customerId": s.get("customerId"), "microtenantId": s.get("microtenantId"),
                               "zcellCustomerId": s.get("zcellCustomerId")}
        cache = None
        if s["cache.enabled"]:
            cache = s.get("cacheManager") or CacheLayer(ttl=s["cache.defaultTtl"], tti=s["cache.defaultTti"],
                                                       identity=str(s.get("clientId")))
        retry = RetryPolicy(max_retries=s["rateLimit.maxRetries"], max_wait_total=s["rateLimit.maxRetrySeconds"],
                            backoff_base=s["rateLimit.backoffBase"], backoff_max=s["rateLimit.backoffMax"],
                            edit_lock_base=s["rateLimit.editLockBase"], total_timeout=s["requestTimeout"])
        cloud = s.get("cloud")
        base = s.get("apiBaseUrl") or oneapi_base_url(cloud)
        sandbox_base = s.get("sandboxBaseUrl") or (sandbox_base_url(s["sandboxCloud"]) if s.get("sandboxCloud") else None)
        provider = None
        if s.get("clientId"):
            token_url = s.get("tokenUrl") or oneapi_token_url(s.get("vanityDomain"), cloud)
            provider = OneAPITokenProvider(
                token_url=token_url, client_id=s["clientId"], client_secret=s.get("clientSecret"),
                private_key=s.get("privateKey"), http=lambda: self._executor.http.client,
                user_agent=user_agent() if not s.get("privateKey") else "Zscaler-SDK")
        self._executor = RequestExecutor(
            base_url=base, provider=provider, sandbox_base_url=sandbox_base, sandbox_token=s.get("sandboxToken"),
            partner_id=s.get("partnerId"), user_agent_extra=s.get("userAgent"), retry=retry, cache=cache,
            timeout=s["requestTimeout"] or 240.0, connect_timeout=s["connectionTimeout"], verify=verify, proxy=proxy)
        self._services: dict[str, ProductService] = {}
        self._lock = threading.Lock()

    # -- products
    def _service(self, prop: str) -> ProductService:
        svc = self._services.get(prop)
        if svc is None:
            name = PRODUCT_PROPERTIES[prop]
            with self._lock:
                svc = self._services.setdefault(prop, ProductService(name, self._executor, self._config_values))
        return svc

    def __getattr__(self, name: str) -> Any:
        if name in PRODUCT_PROPERTIES:
            return self._service(name)
        raise AttributeError(f"{type(self).__name__} has no attribute '{name}'")

    # -- official public methods
    def authenticate(self) -> None:
        """Fetch a token now (normally it is fetched on the first call)."""
        if self._executor.provider is not None:
            self._executor.provider.headers()

    def get_config(self) -> dict[str, Any]:
        return self._settings.as_official_dict()

    def get_request_executor(self) -> RequestExecutor:
        return self._executor

    def set_custom_headers(self, headers: Mapping[str, str]) -> None:
        self._executor.custom_headers.update(headers)

    def clear_custom_headers(self) -> None:
        self._executor.custom_headers.clear()

    def get_custom_headers(self) -> dict[str, str]:
        return self._executor.custom_headers

    def get_default_headers(self) -> dict[str, str]:
        return dict(self._executor.default_headers)

    # -- lifecycle
    def activate_written(self) -> dict[str, BaseException | None]:
        """End the ZIA/ZTW sessions this client wrote to, which activates staged changes.

        Every product written is activated, not only the last one used. Returns
        ``{product: error or None}``; failures are logged, never raised.
        """
        outcome: dict[str, BaseException | None] = {}
        for product in sorted(self._executor.written & set(ACTIVATION_ENDPOINTS)):
            try:
                self._executor.send("DELETE", ACTIVATION_ENDPOINTS[product])
                outcome[product] = None
            except (ZscalerError, ValueError) as e:
                log.warning("activating %s on exit failed: %s", product, e)
                outcome[product] = e
        self._executor.written.clear()
        return outcome

    def close(self) -> None:
        self._executor.close()

    def __enter__(self) -> "Client":
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            self.activate_written()
        finally:
            self.close()

    def __repr__(self) -> str:
        return f"<ZscalerClient base={self._executor.base_url!r} client_id={self._settings.get('clientId')!r}>"


ZscalerClient = Client

__all__ = ["Client", "ZscalerClient", "ProductService", "ConfigurationError"]
