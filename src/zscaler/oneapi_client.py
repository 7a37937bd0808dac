"""The clients: ``ZscalerClient`` (OneAPI) and the legacy per-product clients.

``client.zpa``, ``client.zia``... are product services built on first access; their resource
attributes (``client.zpa.segment_groups``) are generated from the catalog.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any, Mapping

from . import catalog
from .auth.oneapi import OneAPITokenProvider
from .config import Settings, check_headers, load_legacy, load_settings, merge_config
from .errors import ZscalerError
from .transport.executor import RequestExecutor, user_agent
from .transport.pipeline import CacheLayer, RetryPolicy
from .transport.urls import oneapi_base_url, oneapi_token_url, sandbox_base_url

if TYPE_CHECKING:  # pragma: no cover - IDE completion comes from the generated stubs
    from .compat.legacy_helper import LegacyHelper
    from ._stubs import ClientProducts as _Products  # client.zpa ... typed, generated from the catalogs
else:
    _Products = object

log = logging.getLogger("zscaler.client")



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
            if getattr(self._executor, "asynchronous", False):  # the async client's: awaitable methods
                from .aio.binding import async_resource_class as resource_class
            else:
                from .binding import resource_class

            try:
                cls = resource_class(self._name, attribute)
            except AttributeError:
                import difflib

                names = [r.attribute for r in catalog.load(self._name).resources]
                near = difflib.get_close_matches(attribute, names, n=3, cutoff=0.6)
                hint = ("did you mean " + " or ".join(map(repr, near)) + "?") if near else "known: " + ", ".join(names)
                raise AttributeError(f"{self._name} has no resource '{attribute}'; {hint}") from None
            with self._lock:
                res = self._resources.setdefault(attribute, cls(self._executor, self._config))
        return res

    def __dir__(self) -> list[str]:
        prod = catalog.load(self._name)
        return sorted([r.attribute for r in prod.resources] + list(prod.aliases))

    def __repr__(self) -> str:
        return f"<{self._name} service>"


def _service_type(product: str, legacy: bool) -> type[ProductService]:
    """The official class of ``client.<product>``: ``ZPAService``, or ``LegacyZPAClientHelper`` on a legacy client."""
    from .compat.surface import service_class

    try:
        cls: type[ProductService] = service_class(product, legacy)
    except LookupError:  # a product the official SDK does not have
        return ProductService
    return cls


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


class HeaderMethods:
    """The official clients' and helpers' header methods, over an object's ``_executor``."""

    _executor: RequestExecutor

    def set_custom_headers(self, headers: Mapping[str, str]) -> None:
        """Headers added to every API call (not to logins); values are checked (no line breaks)."""
        self._executor.custom_headers.update(check_headers(headers))

    def clear_custom_headers(self) -> None:
        self._executor.custom_headers.clear()

    def get_custom_headers(self) -> dict[str, str]:
        return self._executor.custom_headers

    def get_default_headers(self) -> dict[str, str]:
        return dict(self._executor.default_headers)


class Client(HeaderMethods, _Products):
    """The OneAPI client. ``ZscalerClient(config)``; nothing is sent until the first call.

    Safe to share across threads: one token (refreshed before it expires) and one connection
    pool serve every thread. Use it as a context manager to close the pool on exit and to
    activate the ZIA/ZTW changes it made.
    """

    #: what sends this client's requests (the async client's is ``aio.executor.AsyncRequestExecutor``)
    _executor_type: type[RequestExecutor] = RequestExecutor

    def __init__(self, config: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        merged = merge_config(config, kwargs)
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
                user_agent=user_agent() if not s.get("privateKey") else "Zscaler-SDK",
                share=s.get("shareToken") is not False)
        self._executor = self._executor_type(
            base_url=base, provider=provider, sandbox_base_url=sandbox_base, sandbox_token=s.get("sandboxToken"),
            partner_id=s.get("partnerId"), user_agent_extra=s.get("userAgent"), retry=retry, cache=cache,
            timeout=s["requestTimeout"] or 240.0, connect_timeout=s["connectionTimeout"], verify=verify, proxy=proxy,
            transport=s.get("transport"), **speed_options(s))
        self._services: dict[str, ProductService] = {}
        self._lock = threading.Lock()

    # -- products
    def _service(self, prop: str) -> ProductService:
        svc = self._services.get(prop)
        if svc is None:
            name = catalog.properties()[prop]
            with self._lock:
                svc = self._services.setdefault(prop, _service_type(name, isinstance(self, LegacyClient))(
                    name, self._executor, self._config_values))
        return svc

    def __getattr__(self, name: str) -> Any:
        if name in catalog.properties():  # client.zpa, client.zidentity ... (Product.properties)
            return self._service(name)
        raise AttributeError(f"{type(self).__name__} has no attribute '{name}'")

    # -- official public methods
    def authenticate(self) -> None:
        """Fetch a token now (normally it is fetched on the first call); a 429 answer is waited out
        only within ``rateLimit.maxRetrySeconds``, as for a call."""
        from .auth import wait_budget

        if self._executor.provider is not None:
            with wait_budget(self._executor.retry_policy.max_wait_total):
                self._executor.provider.headers()

    def get_config(self) -> dict[str, Any]:
        return self._settings.as_official_dict()

    def get_request_executor(self) -> RequestExecutor:
        return self._executor

    # -- lifecycle
    def activate_written(self) -> dict[str, BaseException | None]:
        """End the ZIA/ZTW sessions this client wrote to, which activates staged changes.

        Every product written is activated, not only the last one used. Returns
        ``{product: error or None}``; failures are logged, never raised.
        """
        outcome: dict[str, BaseException | None] = {}
        for product in sorted(self._executor.written & set(catalog.products())):
            path = catalog.facts(product).activation  # the request that ends a session (Product.activation)
            if path is None:
                continue
            try:
                self._executor.send("DELETE", path)
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
        from .errors import safe_url

        return f"<ZscalerClient base={safe_url(self._executor.base_url)!r} client_id={self._settings.get('clientId')!r}>"


ZscalerClient = Client


# ---------------------------------------------------------------------------------- legacy

def speed_options(values: Any) -> dict[str, Any]:
    """The executor's rate limiter and page concurrency from ``rateLimit.perSecond``/``rateLimit.adaptive``
    and ``pagination.prefetch``/``pagination.concurrency`` (issue #17) of a client's settings (``Settings`` or a
    legacy client's dict); the async client reads the same."""
    from .config import KEY_BY_NAME
    from .transport.ratelimit import RateLimiter

    def get(key: str) -> Any:  # the value given, else the key's one default (config.KEYS)
        v = values.get(key)
        return KEY_BY_NAME[key].default if v is None else v

    limiter = RateLimiter(get("rateLimit.perSecond"), adaptive=bool(get("rateLimit.adaptive")))
    concurrency = int(get("pagination.concurrency")) if get("pagination.prefetch") else 0
    return {"rate_limiter": limiter, "page_concurrency": concurrency}


class LegacyClient(Client):
    """Base of the legacy clients: one product, its own login, its own host.

    Logs in at construction (so wrong credentials fail at once), renews the credential
    before it lapses, and for ZIA/ZTW logs out on exit, which activates staged changes.
    ``client.<product>`` is the official legacy helper (``LegacyZIAClientHelper``...), which
    performs that construction login; a helper built on its own builds one of these clients.
    """

    _product = ""

    def __init__(self, config: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        self._build(merge_config(config, kwargs))
        self._helper_instance()._login_at_construction()

    def _build(self, given: Mapping[str, Any]) -> None:
        """Everything but the login: settings (``config.load_legacy`` over the product's ``Login``),
        credential provider, executor."""
        from .auth import legacy as auth_legacy
        from .transport.urls import legacy_base_url

        login = catalog.legacy(self._product)
        v = load_legacy(type(self).__name__, self._product, login, given)
        setup_logging(bool(v["logging.enabled"]), bool(v["logging.verbose"]))
        base = v.get("override_url") or legacy_base_url(self._product, str(v.get("cloud", "")))
        self._legacy_values = {k: v[k] for k in login.keys if k in v}
        self._config_values = {"customerId": v.get("customerId"), "microtenantId": v.get("microtenantId")}
        provider = getattr(auth_legacy, login.provider)(
            base_url=base, http=lambda: self._executor.http.client, user_agent=user_agent(),
            partner_id=v.get("partnerId"), **{arg: v[key] for arg, key in login.args.items() if v.get(key) is not None})
        sandbox: dict[str, Any] = {}
        if login.sandbox:  # the official legacy client accepts these but never uses them
            sandbox = {"sandbox_token": v.get("sandboxToken"), "sandbox_base_url": v.get("sandboxBaseUrl")
                       or (sandbox_base_url(v["sandboxCloud"]) if v.get("sandboxCloud") else None)}
        self._executor = self._executor_type(
            base_url=base, provider=provider, strip_prefix=catalog.load(self._product).prefix,
            partner_id=v.get("partnerId"), **sandbox, retry=RetryPolicy(max_retries=int(v["maxRetries"])),
            timeout=float(v["timeout"] or 240), transport=v.get("transport"),
            cache=CacheLayer(ttl=v["cache.defaultTtl"], tti=v["cache.defaultTti"]) if v["cache.enabled"] else None,
            **speed_options(v))
        self._services = {}
        self._lock = threading.Lock()
        self._logs_out = login.logs_out
        self._helper: LegacyHelper | None = None

    def _helper_instance(self) -> "LegacyHelper":
        helper = self._helper
        if helper is None:
            with self._lock:
                if self._helper is None:
                    self._helper = _service_type(self._product, True)._bound(self)  # type: ignore[attr-defined]
                helper = self._helper
        return helper

    def _service(self, prop: str) -> ProductService:
        if catalog.properties()[prop] != self._product:
            raise RuntimeError(f"{type(self).__name__} serves only '{self._product}'; '{prop}' needs a OneAPI "
                               f"ZscalerClient or the legacy client of that product")
        return self._helper_instance()

    def get_config(self) -> dict[str, Any]:
        return {"client": dict(self._legacy_values)}

    def activate_written(self) -> dict[str, BaseException | None]:
        self._executor.written.clear()
        return {}

    def logout(self) -> bool:
        """End the session (ZIA/ZTW: this activates staged changes). True when the server confirmed."""
        if not self._logs_out:
            return False
        from .auth.legacy import LoginProvider

        provider = self._executor.provider
        if not isinstance(provider, LoginProvider):
            raise TypeError(f"{type(self).__name__}: the credential provider {type(provider).__name__} cannot log out")
        return bool(provider.logout())

    def __exit__(self, *exc: Any) -> None:
        try:
            self.logout()
        finally:
            self.close()

    def __repr__(self) -> str:
        from .errors import safe_url

        return f"<{type(self).__name__} base={safe_url(self._executor.base_url)!r}>"


class LegacyZIAClient(LegacyClient):
    _product = "zia"


class LegacyZTWClient(LegacyClient):
    _product = "ztw"


class LegacyZPAClient(LegacyClient):
    _product = "zpa"


class LegacyZCCClient(LegacyClient):
    _product = "zcc"


class LegacyZDXClient(LegacyClient):
    _product = "zdx"


class LegacyZWAClient(LegacyClient):
    _product = "zwa"


class LegacyAIGuardClient(LegacyClient):
    """AI Guard with its API key (``Authorization: Bearer <api_key>``, host ``api.<cloud>.zseclipse.net``)."""

    _product = "aiguard"


class LegacyZTBClient(LegacyClient):
    """ZTB with its API key: ``POST /api/v3/api-key-auth/login`` gives the bearer delegate token."""

    _product = "ztb"


__all__ = ["Client", "ZscalerClient", "ProductService", "LegacyClient", "LegacyZIAClient", "LegacyZTWClient",
           "LegacyZPAClient", "LegacyZCCClient", "LegacyZDXClient", "LegacyZWAClient", "LegacyAIGuardClient",
           "LegacyZTBClient"]
