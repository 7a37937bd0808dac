"""The clients: ``ZscalerClient`` (OneAPI) and the legacy per-product clients.

``client.zpa``, ``client.zia``... are product services built on first access; their resource
attributes (``client.zpa.segment_groups``) are generated from the catalog.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any, Callable, Mapping

from . import catalog
from .auth.oneapi import OneAPITokenProvider
from .config import Settings, load_settings, parse_transport
from .errors import ConfigurationError, ZscalerError
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


class Client(_Products):
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
                user_agent=user_agent() if not s.get("privateKey") else "Zscaler-SDK",
                share=s.get("shareToken") is not False)
        self._executor = RequestExecutor(
            base_url=base, provider=provider, sandbox_base_url=sandbox_base, sandbox_token=s.get("sandboxToken"),
            partner_id=s.get("partnerId"), user_agent_extra=s.get("userAgent"), retry=retry, cache=cache,
            timeout=s["requestTimeout"] or 240.0, connect_timeout=s["connectionTimeout"], verify=verify, proxy=proxy,
            transport=s.get("transport"))
        note_prefetch_ignored(s.get("pagination.prefetch"))
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

_COMMON_LEGACY_KEYS = {"partnerId": "ZSCALER_PARTNER_ID", "timeout": None, "override_url": None, "logging": None,
                       "cache": None, "failSafe": None, "session_safety_margin": "ZIA_SESSION_SAFETY_MARGIN",
                       "use_session_validation": None, "requestExecutor": None, "sandboxToken": None,
                       "sandboxCloud": None, "sandboxBaseUrl": None, "maxRetries": None,
                       "pagination": "ZSCALER_PAGINATION_PREFETCH", "transport": None}


_prefetch_noted = False


def note_prefetch_ignored(value: bool | None) -> None:
    """``pagination.prefetch`` is accepted for compatibility and changes nothing: say so once, at DEBUG."""
    global _prefetch_noted
    if value is None or _prefetch_noted:
        return
    _prefetch_noted = True
    log.debug("pagination.prefetch=%s is accepted and has no effect: each next() requests its own page "
              "(request-ahead was removed; see the CHANGELOG)", value)


def _legacy_prefetch(given: Mapping[str, Any]) -> bool | None:
    """``pagination={"prefetch": bool}`` or its environment variable, validated as for ZscalerClient (None if unset)."""
    import os

    from .config import KEY_BY_NAME

    key = KEY_BY_NAME["pagination.prefetch"]
    section = given.get("pagination")
    if section is not None and not isinstance(section, Mapping):
        raise ConfigurationError(f"config key 'pagination' must be a mapping such as {{'prefetch': False}}, "
                                 f"got {type(section).__name__}")
    unknown = sorted(set(section or {}) - {"prefetch"})
    if unknown:
        raise ConfigurationError(f"unknown configuration key 'pagination.{unknown[0]}'. Known keys: pagination.prefetch")
    value = (section or {}).get("prefetch")
    if value is None:
        name, raw = next(((e, os.environ[e]) for e in key.env if os.environ.get(e, "").strip()), (key.name, None))
        if raw is None:
            return None
        return key.parse(name, raw)
    return key.parse(key.name, value)


class _Legacy:
    """What differs between the legacy products: config keys, login flow, defaults."""

    def __init__(self, product: str, keys: Mapping[str, tuple[str, ...]], required: tuple[str, ...],
                 provider: Callable[..., Any], provider_args: Mapping[str, str], defaults: Mapping[str, str] = {},
                 logs_out: bool = False, base: Callable[[str], str] | None = None) -> None:
        self.product, self.keys, self.required = product, keys, required
        self.provider, self.provider_args, self.defaults, self.logs_out = provider, provider_args, defaults, logs_out
        self.base = base  # cloud -> legacy host (None: transport.urls.legacy_base_url)


def _legacy_specs() -> dict[str, _Legacy]:
    from .auth import legacy as L

    zia_keys = lambda p: {"username": (f"{p}_USERNAME",), "password": (f"{p}_PASSWORD",),  # noqa: E731
                          "api_key": (f"{p}_API_KEY",), "cloud": (f"{p}_CLOUD",)}
    zia_args = {"username": "username", "password": "password", "api_key": "api_key"}
    return {
        "zia": _Legacy("zia", zia_keys("ZIA"), ("username", "password", "api_key", "cloud"), L.ZIASession, zia_args,
                       logs_out=True),
        "ztw": _Legacy("ztw", zia_keys("ZTW"), ("username", "password", "api_key", "cloud"), L.ZTWSession, zia_args,
                       logs_out=True),
        "zpa": _Legacy("zpa", {"clientId": ("ZPA_CLIENT_ID",), "clientSecret": ("ZPA_CLIENT_SECRET",),
                               "customerId": ("ZPA_CUSTOMER_ID",), "microtenantId": ("ZPA_MICROTENANT_ID",),
                               "cloud": ("ZSCALER_CLOUD", "ZPA_CLOUD")},
                       ("clientId", "clientSecret", "customerId"), L.ZPASignin,
                       {"client_id": "clientId", "client_secret": "clientSecret"}, {"cloud": "PRODUCTION"}),
        "zcc": _Legacy("zcc", {"api_key": ("ZCC_CLIENT_ID", "api_key"), "secret_key": ("ZCC_CLIENT_SECRET", "secret_key"),
                               "cloud": ("ZCC_CLOUD",)}, ("api_key", "secret_key"), L.ZCCLogin,
                       {"api_key": "api_key", "secret_key": "secret_key"}, {"cloud": "zscaler"}),
        "zdx": _Legacy("zdx", {"key_id": ("ZDX_CLIENT_ID",), "key_secret": ("ZDX_CLIENT_SECRET",), "cloud": ("ZDX_CLOUD",)},
                       ("key_id", "key_secret"), L.ZDXToken, {"key_id": "key_id", "key_secret": "key_secret"},
                       {"cloud": "zdxcloud"}),
        "zwa": _Legacy("zwa", {"key_id": ("ZWA_CLIENT_ID",), "key_secret": ("ZWA_CLIENT_SECRET",), "cloud": ("ZWA_CLOUD",)},
                       ("key_id", "key_secret"), L.ZWAToken, {"key_id": "key_id", "key_secret": "key_secret"},
                       {"cloud": "us1"}),
        "ztb": _Legacy("ztb", {"api_key": ("ZTB_API_KEY",), "cloud": ("ZTB_CLOUD",)}, ("api_key",), L.ZTBLogin,
                       {"api_key": "api_key"}, base=lambda cloud: f"https://{cloud}.goairgap.com"),
        "aiguard": _Legacy("aiguard", {"api_key": ("AIGUARD_API_KEY",), "cloud": ("AIGUARD_CLOUD",)}, ("api_key",),
                           L.AIGuardKey, {"api_key": "api_key"}, {"cloud": "us1"},
                           base=lambda cloud: f"https://api.{cloud}.zseclipse.net"),
    }


class LegacyClient(Client):
    """Base of the legacy clients: one product, its own login, its own host.

    Logs in at construction (so wrong credentials fail at once), renews the credential
    before it lapses, and for ZIA/ZTW logs out on exit, which activates staged changes.
    ``client.<product>`` is the official legacy helper (``LegacyZIAClientHelper``...), which
    performs that construction login; a helper built on its own builds one of these clients.
    """

    _product = ""

    def __init__(self, config: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        self._build({**(config or {}), **kwargs})
        self._helper_instance()._login_at_construction()

    def _build(self, given: Mapping[str, Any]) -> None:  # noqa: C901
        """Everything but the login: settings, credential provider, executor."""
        import os

        from .transport.urls import legacy_base_url

        spec = _legacy_specs()[self._product]
        unknown = sorted(set(given) - set(spec.keys) - set(_COMMON_LEGACY_KEYS))
        if unknown:
            known = ", ".join(sorted(set(spec.keys) | set(_COMMON_LEGACY_KEYS)))
            raise ConfigurationError(f"{type(self).__name__}: unknown configuration key '{unknown[0]}'. Known keys: {known}")
        values: dict[str, Any] = dict(spec.defaults)
        for key, envs in spec.keys.items():
            v = given.get(key)
            if v in (None, ""):
                v = next((os.environ[e] for e in envs if os.environ.get(e)), None)
            if v not in (None, ""):
                values[key] = v
        missing = [k for k in spec.required if not values.get(k)]
        if missing:
            env_names = " / ".join(spec.keys[missing[0]])
            raise ConfigurationError(f"{type(self).__name__}: '{missing[0]}' is required (config key or {env_names})")
        log_cfg = given.get("logging") or {}
        setup_logging(bool(log_cfg.get("enabled")) or os.environ.get("ZSCALER_SDK_LOG", "").lower() == "true",
                      bool(log_cfg.get("verbose")) or os.environ.get("ZSCALER_SDK_VERBOSE", "").lower() == "true")
        override = given.get("override_url") or os.environ.get(f"{self._product.upper()}_OVERRIDE_URL")
        if not override and not values.get("cloud"):
            raise ConfigurationError(f"{type(self).__name__}: 'cloud' is required (config key, "
                                     f"{' / '.join(spec.keys['cloud'])} or override_url)")
        cloud = str(values.get("cloud", ""))
        base = (str(override).rstrip("/") if override
                else spec.base(cloud) if spec.base is not None else legacy_base_url(self._product, cloud))
        partner = given.get("partnerId") or os.environ.get("ZSCALER_PARTNER_ID")
        timeout = float(given.get("timeout") or 240)
        self._legacy_values = values
        self._config_values = {"customerId": values.get("customerId"), "microtenantId": values.get("microtenantId")}
        ua = user_agent()
        provider_kw = {arg: values[key] for arg, key in spec.provider_args.items()}
        if self._product in ("zia", "ztw") and given.get("session_safety_margin") is not None:
            provider_kw["safety_margin"] = float(given["session_safety_margin"])
        provider = spec.provider(base_url=base, http=lambda: self._executor.http.client, user_agent=ua,
                                 partner_id=partner, **provider_kw)
        cache_on = os.environ.get("ZSCALER_CLIENT_CACHE_ENABLED", "").lower() == "true"
        sandbox: dict[str, Any] = {}
        if self._product == "zia":  # the official legacy client accepts these but never uses them
            sb_cloud = given.get("sandboxCloud") or os.environ.get("ZSCALER_SANDBOX_CLOUD")
            sandbox = {"sandbox_token": given.get("sandboxToken") or os.environ.get("ZSCALER_SANDBOX_TOKEN"),
                       "sandbox_base_url": given.get("sandboxBaseUrl") or os.environ.get("ZSCALER_SANDBOX_BASE_URL")
                       or (sandbox_base_url(sb_cloud) if sb_cloud else None)}
        self._executor = RequestExecutor(
            base_url=base, provider=provider, strip_prefix=catalog.load(self._product).prefix, partner_id=partner,
            **sandbox,
            retry=RetryPolicy(max_retries=int(given.get("maxRetries", 4))), timeout=timeout,
            transport=parse_transport("transport", given["transport"]) if given.get("transport") is not None else None,
            cache=CacheLayer(ttl=float(os.environ.get("ZSCALER_CLIENT_CACHE_DEFAULT_TTL", 3600)),
                             tti=float(os.environ.get("ZSCALER_CLIENT_CACHE_DEFAULT_TTI", 1800))) if cache_on else None)
        note_prefetch_ignored(_legacy_prefetch(given))
        self._services = {}
        self._lock = threading.Lock()
        self._logs_out = spec.logs_out
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
