"""The official legacy helper classes (``LegacyZIAClientHelper``...), usable on their own.

A helper is the ``client.<product>`` of a legacy client (:class:`zscaler.oneapi_client.LegacyClient`)
and, built directly with the official keyword arguments, a client of its own:
``LegacyZIAClientHelper(username=..., password=..., api_key=..., cloud=...)`` builds the matching
``LegacyZIAClient`` configuration (credentials fall back to the same environment variables),
owns that client's executor and logs in through its login method (``authenticate``,
``refreshToken`` or ``create_token``), so patching that method keeps construction offline.

Resource properties (``helper.admin_roles``) are class attributes: on the class a
:class:`ResourceProperty` (truthy), on an instance the resource object. The constructor
parameters, resource names and class attributes come from ``legacy_helpers.json``
(``tools/gen_legacy_helpers.py``), read on the first helper class built.
"""

from __future__ import annotations

import inspect
import json
import logging
import threading
import time
from collections import deque
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping
from urllib.parse import urlencode

import httpx

from ..oneapi_client import HeaderMethods, ProductService

if TYPE_CHECKING:
    from ..auth.legacy import LoginProvider
    from ..oneapi_client import LegacyClient

log = logging.getLogger("zscaler.legacy")

DATA_FILE = Path(__file__).with_name("legacy_helpers.json")

#: official helper keyword -> the legacy client's config key, per product (None: accepted, unused); the client
#: reads and checks the configuration (``config.load_legacy``), so a helper keyword is named by its config key
_COMMON = {"partner_id": "partnerId", "timeout": "timeout", "cache": "cache", "fail_safe": "failSafe",
           "request_executor_impl": "requestExecutor", "override_url": "override_url", "transport": "transport"}
KEYWORDS: dict[str, dict[str, str | None]] = {
    "zia": {**_COMMON, "username": "username", "password": "password", "api_key": "api_key", "cloud": "cloud",
            "session_safety_margin": "session_safety_margin", "use_session_validation": "use_session_validation",
            "sandbox_token": "sandboxToken", "sandbox_cloud": "sandboxCloud"},
    "ztw": {**_COMMON, "username": "username", "password": "password", "api_key": "api_key", "cloud": "cloud"},
    "zpa": {**_COMMON, "client_id": "clientId", "client_secret": "clientSecret", "customer_id": "customerId",
            "cloud": "cloud", "microtenant_id": "microtenantId"},
    "zcc": {**_COMMON, "api_key": "api_key", "secret_key": "secret_key", "cloud": "cloud"},
    "zdx": {**_COMMON, "client_id": "key_id", "client_secret": "key_secret", "cloud": "cloud"},
    "zwa": {**_COMMON, "key_id": "key_id", "key_secret": "key_secret", "cloud": "cloud"},
    "ztb": {**_COMMON, "api_key": "api_key", "cloud": "cloud", "max_retries": "maxRetries"},
    "aiguard": {**_COMMON, "api_key": "api_key", "cloud": "cloud", "auto_retry_on_rate_limit": None,
                "max_rate_limit_retries": None},
}


def client_name(product: str) -> str:
    """The legacy client class a helper builds when constructed on its own (``Product.legacy.client``)."""
    from .. import catalog

    return catalog.legacy(product).client


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    with DATA_FILE.open(encoding="utf-8") as fh:
        loaded: dict[str, Any] = json.load(fh)["helpers"]
    return loaded


class ResourceProperty:
    """``Helper.admin_roles``: this descriptor on the class, the resource object on an instance."""

    def __init__(self, attribute: str) -> None:
        self.attribute = attribute

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        return ProductService.__getattr__(obj, self.attribute)

    def __repr__(self) -> str:
        return f"<resource property {self.attribute!r}>"


def extract_jsessionid(header: Mapping[str, str]) -> str:
    """The ``JSESSIONID`` of a ``Set-Cookie`` header (ValueError when there is none)."""
    value = next((v for k, v in header.items() if k.lower() == "set-cookie"), None)
    if not value:
        raise ValueError("no Set-Cookie header received")
    for part in str(value).replace(",", ";").split(";"):
        name, _, sid = part.strip().partition("=")
        if name == "JSESSIONID" and sid:
            return sid
    raise ValueError("couldn't find JSESSIONID in header value")


class LegacyHelper(HeaderMethods, ProductService):
    """Shared behaviour of the legacy helpers; one subclass per product (built by :func:`helper_class`)."""

    _product = ""
    _params: tuple[str, ...] = ()
    _var_keyword = False
    _login_method: str | None = None  # what construction calls to log in

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(self._params):
            raise TypeError(f"{type(self).__name__}() takes at most {len(self._params)} positional arguments")
        given = dict(zip(self._params, args))
        for name in given.keys() & kwargs.keys():
            raise TypeError(f"{type(self).__name__}() got multiple values for argument '{name}'")
        given.update(kwargs)
        client = _new_client(self._product, self._config_from(given))
        self._attach(client, owned=True)
        client._helper = self
        self._login_at_construction()

    @classmethod
    def _config_from(cls, given: Mapping[str, Any]) -> dict[str, Any]:
        mapping = KEYWORDS[cls._product]
        config: dict[str, Any] = {}
        for name, value in given.items():
            if name not in mapping:
                if cls._var_keyword:
                    log.debug("%s: keyword %r is accepted and not used", cls.__name__, name)
                    continue
                raise TypeError(f"{cls.__name__}() got an unexpected keyword argument '{name}'")
            key = mapping[name]
            if key is not None and value is not None:
                config[key] = value
        return config

    @classmethod
    def _bound(cls, client: "LegacyClient") -> "LegacyHelper":
        """The helper of an existing legacy client (``client.zia``): shares its executor."""
        helper = cls.__new__(cls)
        helper._attach(client, owned=False)
        return helper

    def _attach(self, client: "LegacyClient", owned: bool) -> None:
        ProductService.__init__(self, self._product, client._executor, client._config_values)
        self._client = client
        self._owned = owned
        self.url = client._executor.base_url  # as the official helpers' ``url``
        self._session: Any = None

    def _login_at_construction(self) -> None:
        """The official helper's login, its 429 waits inside the client's retry budget."""
        from ..auth import wait_budget

        if self._login_method:
            with wait_budget(self._executor.retry_policy.max_wait_total):
                getattr(self, self._login_method)()

    @property
    def _provider(self) -> "LoginProvider":
        from ..auth.legacy import LoginProvider

        provider = self._executor.provider
        if not isinstance(provider, LoginProvider):  # pragma: no cover - every legacy client has one
            raise TypeError(f"{type(self).__name__}: no legacy credential provider")
        return provider

    # -- official methods every helper has
    def get_base_url(self, endpoint: str = "") -> str:
        """The legacy host every path is sent to (the official helpers ignore ``endpoint``)."""
        return self._executor.base_url

    def send(self, method: str, path: str, json: Any = None, params: Mapping[str, Any] | None = None,
             data: Any = None, headers: Mapping[str, str] | None = None) -> tuple[httpx.Response, dict[str, Any]]:
        """Send ``path`` (relative to :meth:`get_base_url`) with the helper's credential.

        Returns ``(response, request info)`` as the official helpers do; the info repeats method,
        URL, params and JSON body, and the headers without credentials. Error statuses raise
        the SDK's typed errors (after the retries and the one re-login on 401).
        """
        url = f"{self._executor.base_url}/{path.lstrip('/')}"
        extra = dict(headers or {})
        raw: Any = None
        if data is not None:
            if isinstance(data, Mapping):
                raw = urlencode(list(data.items()), doseq=True)
                extra.setdefault("Content-Type", "application/x-www-form-urlencoded")
            else:
                raw = data
        prefix = self._executor.strip_prefix or ""
        resp = self._executor.send(method, prefix + "/" + path.lstrip("/"), params=_pairs(params),
                                   body=json if raw is None else None, raw_body=raw, headers=extra)
        shown = {k: v for k, v in self._executor.headers_for(extra).items()
                 if k.lower() not in ("authorization", "cookie", "auth-token")}
        return resp, {"method": method.upper(), "url": url, "params": dict(params or {}), "headers": shown,
                      "json": json or {}}

    def set_session(self, session: Any) -> None:
        """Accepted for compatibility and kept as ``_session``: requests go through the SDK's httpx pool
        (give ``transport=`` for a custom httpx transport)."""
        self._session = session

    def __enter__(self) -> "LegacyHelper":
        return self

    def __exit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        return None

    def close(self) -> None:
        """Close the connection pool of a helper built on its own (a legacy client's helper leaves it)."""
        if self._owned:
            self._client.close()

    def __repr__(self) -> str:
        from ..errors import safe_url

        return f"<{type(self).__name__} base={safe_url(self._executor.base_url)!r}>"


def _pairs(params: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for k, v in (params or {}).items():
        if v is None:
            continue
        for item in (v if isinstance(v, (list, tuple)) else [v]):
            out.append((k, str(item).lower() if isinstance(item, bool) else str(item)))
    return out


def _new_client(product: str, config: Mapping[str, Any]) -> "LegacyClient":
    from .. import oneapi_client

    cls: type[LegacyClient] = getattr(oneapi_client, client_name(product))
    client = cls.__new__(cls)
    client._build(config)
    return client


class _SessionHelper(LegacyHelper):
    """ZTW (and the base of ZIA): a ``JSESSIONID`` session, ended on exit."""

    _login_method = "authenticate"

    def authenticate(self) -> None:
        """Log in now (a new session)."""
        self._provider.login_now()

    def deauthenticate(self) -> bool:
        """End the session (this activates staged changes). True when the server confirmed."""
        return bool(self._provider.logout())

    def is_session_expired(self) -> bool:
        """True without a session, or when the login's ``passwordExpiryTime`` (epoch ms) is near."""
        provider = self._provider
        if provider.current() is None:
            return True
        expiry_ms = getattr(provider, "login_response", {}).get("passwordExpiryTime") or 0
        if not isinstance(expiry_ms, (int, float)) or expiry_ms <= 0:
            return False
        return time.time() >= expiry_ms / 1000 - provider.margin

    @staticmethod
    def extractJSessionIDFromHeaders(header: Mapping[str, str]) -> str:  # noqa: N802 - official name
        return extract_jsessionid(header)

    def __exit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        self.deauthenticate()


class _ZIAHelper(_SessionHelper):
    """ZIA: also the idle timeout and the ``GET authenticatedSession`` check."""

    def is_session_idle_expired(self) -> bool:
        """True without a session or when it has been idle for the timeout minus the safety margin."""
        return self._provider.lapsed()

    def validate_session_status(self) -> bool:
        """Ask the API whether the session is alive (``GET /api/v1/authenticatedSession``)."""
        headers = self._provider.current()
        if headers is None:
            return False
        url = self._executor.base_url + "/api/v1/authenticatedSession"
        try:
            resp = self._executor.http.client.get(url, headers={**self._executor.headers_for(), **headers})
        except httpx.HTTPError:
            return False
        return resp.status_code == 200

    def ensure_valid_session(self) -> None:
        """Log in again when the session is idle-expired or the API no longer knows it."""
        if self.is_session_idle_expired() or not self.validate_session_status():
            self.authenticate()


class _TokenHelper(LegacyHelper):
    """ZPA and ZCC: ``login`` / ``refreshToken``."""

    _login_method = "refreshToken"

    def login(self) -> httpx.Response | None:
        """Log in now; the login answer (its body holds the token)."""
        return self._provider.login_now()

    def refreshToken(self) -> None:  # noqa: N802 - official name
        self._provider.login_now()


class _ZCCHelper(_TokenHelper):
    """ZCC: also the client-side quotas of the mobile portal API."""

    RATE_LIMIT = 100
    DOWNLOAD_DEVICES_LIMIT = 3

    def _calls(self) -> tuple[deque[float], deque[float], threading.Lock]:
        if "_quota" not in self.__dict__:
            self.__dict__["_quota"] = (deque(), deque(), threading.Lock())
        quota: tuple[deque[float], deque[float], threading.Lock] = self.__dict__["_quota"]
        return quota

    def check_rate_limit(self, path: str) -> None:
        """Count a call to ``path``; ValueError past 100 calls an hour or 3 ``/downloadDevices`` a day."""
        hourly, daily, lock = self._calls()
        now = time.time()
        with lock:
            while hourly and now - hourly[0] >= 3600:
                hourly.popleft()
            while daily and now - daily[0] >= 86400:
                daily.popleft()
            if len(hourly) >= self.RATE_LIMIT:
                raise ValueError("Specific IP addresses are subjected to a rate limit of 100 calls per hour.")
            if "/downloadDevices" in path:
                if len(daily) >= self.DOWNLOAD_DEVICES_LIMIT:
                    raise ValueError("This endpoint has a rate limit of 3 calls per day, try again in 24 hours.")
                daily.append(now)
            hourly.append(now)

    def send(self, method: str, path: str, json: Any = None, params: Mapping[str, Any] | None = None,  # type: ignore[override]
             stream: bool = False) -> tuple[httpx.Response, dict[str, Any]]:
        self.check_rate_limit(path)
        return super().send(method, path, json=json, params=params)


class _KeyTokenHelper(LegacyHelper):
    """ZDX and ZWA: ``create_token``."""

    _login_method = "create_token"

    def create_token(self) -> str:
        """Fetch a new bearer token now and return it."""
        self._provider.login_now()
        headers = self._provider.current() or {}
        return headers.get("Authorization", "").removeprefix("Bearer ")


class _ZDXHelper(_KeyTokenHelper):
    def validate_token(self) -> Any:
        """``GET /v1/oauth/validate`` with the current token: the decoded answer."""
        from ..transport.executor import decode

        return decode(self.send("GET", "/v1/oauth/validate")[0])

    def get_jwks(self) -> Any:
        """``GET /v1/oauth/jwks``: the decoded key set."""
        from ..transport.executor import decode

        return decode(self.send("GET", "/v1/oauth/jwks")[0])


class _ZTBHelper(LegacyHelper):
    """ZTB: ``authenticate`` posts the API key and keeps the delegate token."""

    _login_method = "authenticate"

    def authenticate(self) -> None:
        self._provider.login_now()


class _AIGuardHelper(LegacyHelper):
    """AI Guard: the API key is the bearer token; no login request."""

    def get_rate_limit_stats(self) -> dict[str, Any]:
        """The official client-side throttle counters: always zero here (the SDK retries 429s by the headers)."""
        return {"total_throttles": 0, "request_count_throttles": 0, "content_size_throttles": 0,
                "currently_limited": False}

    def reset_rate_limit_stats(self) -> None:
        return None

    def clear_rate_limits(self) -> None:
        return None

    def get_jsessionid(self, request: Any) -> str | None:
        """None: AI Guard has no session cookie."""
        return None

    def set_auth_header(self, request: Any) -> Any:
        """Put ``Authorization: Bearer <api key>`` on ``request`` (anything with a ``headers`` mapping)."""
        request.headers.update(self._provider.headers())
        return request

    def send(self, method: str, path: str, json: Any = None, params: Mapping[str, Any] | None = None,  # type: ignore[override]
             **kwargs: Any) -> httpx.Response:
        """Send ``path``; the response alone, as the official AI Guard helper returns it."""
        return super().send(method, path, json=json, params=params, data=kwargs.get("data"),
                            headers=kwargs.get("headers"))[0]


_MIXINS: dict[str, type[LegacyHelper]] = {"zia": _ZIAHelper, "ztw": _SessionHelper, "zpa": _TokenHelper,
                                          "zcc": _ZCCHelper, "zdx": _ZDXHelper, "zwa": _KeyTokenHelper,
                                          "ztb": _ZTBHelper, "aiguard": _AIGuardHelper}


def helper_class(product: str, module: str, name: str) -> type[LegacyHelper]:
    """Build the official helper class ``module.name`` of ``product`` (call once per product)."""
    spec = data()[product]
    ns: dict[str, Any] = {"__module__": module, "__qualname__": name, "_product": product,
                          "_params": tuple(p[0] for p in spec["params"]), "_var_keyword": spec["var_keyword"],
                          "__doc__": f"The official legacy helper {name} of {product}: standalone, or the "
                                     f"``client.{product}`` of {client_name(product)}."}
    for attr, value in spec["class_attributes"].items():
        ns.setdefault(attr, value)
    for prop in spec["properties"]:
        ns[prop] = ResourceProperty(prop)
    cls = type(name, (_MIXINS[product],), ns)
    params = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    params += [inspect.Parameter(p, inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                 default=inspect.Parameter.empty if required else default)
               for p, default, required in spec["params"]]
    if spec["var_keyword"]:
        params.append(inspect.Parameter("kw", inspect.Parameter.VAR_KEYWORD))
    cls.__signature__ = inspect.Signature(params[1:])  # type: ignore[attr-defined]
    return cls
