"""Configuration of the OneAPI client: sources, aliases, types and validation.

Sources, lowest priority first: built-in defaults, ``~/.zscaler/zscaler.yaml``,
``./zscaler.yaml``, ``ZSCALER_*`` environment variables, the dict given to the constructor.
Keys are the official camelCase names; snake_case spellings are accepted as aliases.
Environment values are converted to the key's type. Anything invalid raises
:class:`~zscaler.errors.ConfigurationError` naming the key and what is accepted.
"""

from __future__ import annotations

import logging
import math
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from .errors import ConfigurationError
from .redaction import register as register_secret

log = logging.getLogger("zscaler.config")


# ------------------------------------------------------------------ value parsers

def _str(key: str, v: Any) -> str:
    if isinstance(v, bool) or not isinstance(v, (str, int)):
        raise ConfigurationError(f"config key '{key}' must be a string, got {type(v).__name__}")
    return str(v)


def _bool(key: str, v: Any) -> bool:
    if isinstance(v, bool):
        return v
    if isinstance(v, str) and v.strip().lower() in ("true", "1", "yes", "on"):
        return True
    if isinstance(v, str) and v.strip().lower() in ("false", "0", "no", "off", ""):
        return False
    if isinstance(v, int) and v in (0, 1):
        return bool(v)
    raise ConfigurationError(f"config key '{key}' must be a boolean (true/false), got {v!r}")


def _number(key: str, v: Any, *, integer: bool = False, minimum: float = 0, maximum: float | None = None) -> Any:
    if isinstance(v, bool):
        raise ConfigurationError(f"config key '{key}' must be a number, got {v!r}")
    try:
        n = (int(v) if integer else float(v)) if isinstance(v, str) else v
        if integer and isinstance(n, float) and n.is_integer():
            n = int(n)
    except ValueError:
        n = None
    kind = "a whole number" if integer else "a number"
    if not isinstance(n, (int, float)) or (integer and not isinstance(n, int)):
        raise ConfigurationError(f"config key '{key}' must be {kind}, got {_shown(v)}")
    if isinstance(n, float) and not math.isfinite(n):
        raise ConfigurationError(f"config key '{key}' must be a finite number, got {_shown(v)}")
    if n < minimum or (maximum is not None and n > maximum):
        rng = f">= {minimum}" if maximum is None else f"between {minimum} and {maximum:g}"
        raise ConfigurationError(f"config key '{key}' must be {kind} {rng}, got {_shown(v)}")
    return n


def _int(minimum: int = 0, maximum: int | None = None) -> Callable[[str, Any], int]:
    return lambda k, v: _number(k, v, integer=True, minimum=minimum, maximum=maximum)


def _seconds(maximum: float = 86400.0) -> Callable[[str, Any], float]:
    """Seconds: finite, not negative, at most ``maximum`` (a day unless said otherwise)."""
    return lambda k, v: _number(k, v, maximum=maximum)


def _shown(v: Any, limit: int = 60) -> str:
    """A refused value as an error message shows it: its repr, cut to ``limit`` characters."""
    text = repr(v)
    return text if len(text) <= limit else f"{text[:limit]}... ({len(text)} characters)"


_LABEL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$")  # DNS labels; '_' as resolvers allow


def _host(key: str, v: Any) -> str:
    """A value that forms a host name (``<vanityDomain>.zslogin.net``, ``api.<cloud>.zsapi.net``):
    DNS labels only (letters, digits, underscores, inner hyphens; dots between labels)."""
    s = _str(key, v)
    if not s.strip():
        return s  # blank: "not set", or for cloud the error of _validate
    if len(s) > 253 or not all(_LABEL.match(label) for label in s.split(".")):
        raise ConfigurationError(
            f"config key '{key}' must be a host name part: letters, digits, '_' and inner hyphens, labels "
            f"separated by dots (such as 'acme' or 'zscalerbeta'), got {_shown(shown_url(s))}")
    return s


parse_host = _host


def _proxy_host(key: str, v: Any) -> str:
    """A proxy host: a host name, an IPv4 address or a bracketed IPv6 address."""
    s = _str(key, v).strip()
    return s if re.match(r"^\[[0-9A-Fa-f:.]+\]$", s) else _host(key, s)


def _header(key: str, v: Any) -> str:
    """A value sent in a request header: printable ASCII, no CR, LF, NUL or other control character."""
    s = _str(key, v)
    if len(s) > 1024 or any(not (" " <= ch <= "~") for ch in s):
        raise ConfigurationError(f"config key '{key}' is sent in a request header: it must be printable ASCII "
                                 f"without line breaks or control characters (at most 1024), got {_shown(s)}")
    return s


def _segment(key: str, v: Any) -> str:
    """A value that becomes one segment of a request path (``customers/{customerId}``) or a query value."""
    s = _str(key, v)
    if s.strip() in (".", "..") or len(s) > 256 or any(ch in s for ch in "/\\?#%") or \
            any(not (" " < ch <= "~") for ch in s):
        raise ConfigurationError(f"config key '{key}' becomes part of request paths: it must be an id ("
                                 f"without '/', '\\', '?', '#', '%', spaces or control characters, not '.' or '..', at most 256 "
                                 f"characters), got {_shown(s)}")
    return s


_USERINFO = re.compile(r"^((?:[A-Za-z][\w+.-]*:)?/*)(.*)@")


def shown_url(s: str) -> str:
    """A URL as an error may echo it: ``user:password@`` (anything up to the last ``@``) masked."""
    return _USERINFO.sub(r"\1***@", s) if "@" in s else s


def _url(key: str, v: Any) -> str:
    s = _str(key, v).rstrip("/")
    if "@" in s:  # user:password@host: the password is a secret from now on
        m = _USERINFO.match(s)
        if m:
            register_secret(m.group(2), m.group(2).partition(":")[2])
    if not _good_url(s):
        raise ConfigurationError(f"config key '{key}' must be an http(s) URL such as https://host[:port][/path], "
                                 f"got {_shown(shown_url(s))}")
    return s


def _good_url(s: str) -> bool:
    """http(s), a host, a valid port, no whitespace or control character anywhere."""
    from urllib.parse import urlsplit

    if not re.match(r"^https?://[^/\s]+", s) or any(not (" " < ch <= "~") and ch.isascii() for ch in s) \
            or any(ch.isspace() for ch in s):
        return False
    try:
        parts = urlsplit(s)
        parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
    except ValueError:
        return False
    return bool(parts.hostname)


def _any(key: str, v: Any) -> Any:
    return v


_RATE_HELP = ("requests per second: a number for every product (20), or per product as a mapping "
              "({'zpa': 20, 'zia': 5}; in the environment 'zpa=20,zia=5'; '*' is every other product)")


def parse_per_second(key: str, v: Any) -> dict[str, float] | None:
    """A static rate limit: a number (every product, key ``"*"``), a mapping ``{product: number}`` or its
    text form ``zpa=20,zia=5``; ``None``/empty: none. Each rate is a positive finite number."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return None
    if isinstance(v, str) and "=" in v:
        pairs = [part.partition("=") for part in v.split(",") if part.strip()]
        v = {name.strip(): value.strip() for name, _, value in pairs}
    items = v.items() if isinstance(v, Mapping) else (("*", v),)
    out: dict[str, float] = {}
    for product, rate in items:
        if not isinstance(product, str) or not product.strip():
            raise ConfigurationError(f"config key '{key}' must be {_RATE_HELP}, got the product name {_shown(product)}")
        if isinstance(rate, (bool, Mapping, list, tuple)) or rate is None:
            raise ConfigurationError(f"config key '{key}' must be {_RATE_HELP}, got {_shown(rate)} for {product!r}")
        n = _number(f"{key}.{product}" if product != "*" else key, rate, maximum=1e6)
        if n <= 0:
            raise ConfigurationError(f"config key '{key}' must be {_RATE_HELP}; a rate must be above 0, "
                                     f"got {_shown(rate)} for {product!r}")
        out[product.strip()] = float(n)
    return out


def parse_ssl_context(key: str, v: Any) -> Any:
    """TLS verification: None or True (system CAs), False, an ``ssl.SSLContext``, or the path of a CA
    bundle file or directory that exists."""
    import ssl

    if v is None or isinstance(v, (bool, ssl.SSLContext)):
        return v
    if isinstance(v, (str, os.PathLike)) and str(v).strip() and Path(v).expanduser().exists():
        return str(Path(v).expanduser())
    raise ConfigurationError(f"config key '{key}' must be None, True, False, an ssl.SSLContext or the path of an "
                             f"existing CA bundle file or directory, got {_shown(v)}")


def parse_cache_manager(key: str, v: Any) -> Any:
    """A GET cache layer: callable as ``cache(request, next) -> response`` with ``invalidate(path)``
    (``zscaler.transport.pipeline.CacheLayer(ttl=..., tti=...)``)."""
    if not callable(v) or not callable(getattr(v, "invalidate", None)):
        raise ConfigurationError(f"config key '{key}' must be a cache layer such as "
                                 f"zscaler.transport.pipeline.CacheLayer(ttl=300, tti=300), got {type(v).__name__}")
    return v


def parse_transport(key: str, v: Any) -> Any:
    """An ``httpx.BaseTransport`` instance (``httpx.MockTransport(handler)``, ``httpx.HTTPTransport(...)``),
    or for the async client an ``httpx.AsyncBaseTransport`` (``httpx.AsyncHTTPTransport(...)``)."""
    import httpx

    if not isinstance(v, (httpx.BaseTransport, httpx.AsyncBaseTransport)):
        raise ConfigurationError(f"config key '{key}' must be an httpx transport (an httpx.BaseTransport instance "
                                 f"such as httpx.MockTransport(handler) or httpx.HTTPTransport(...); for the async "
                                 f"client an httpx.AsyncBaseTransport), got {type(v).__name__}")
    return v


@dataclass(frozen=True)
class Key:
    name: str  # dotted camelCase path: "rateLimit.maxRetries"
    parse: Callable[[str, Any], Any]
    env: tuple[str, ...] = ()  # environment variables, first set wins
    default: Any = None
    secret: bool = False
    doc: str = ""


KEYS: tuple[Key, ...] = (
    Key("clientId", _str, ("ZSCALER_CLIENT_ID",), doc="ZIdentity API client id"),
    Key("clientSecret", _str, ("ZSCALER_CLIENT_SECRET",), secret=True, doc="API client secret"),
    Key("privateKey", _str, ("ZSCALER_PRIVATE_KEY", "ZSCALER_CLIENT_PRIVATEKEY"), secret=True,
        doc="private key for JWT client assertion: PEM (PKCS#8 or PKCS#1) text, JWK JSON, or a file path"),
    Key("vanityDomain", _host, ("ZSCALER_VANITY_DOMAIN",), doc="tenant vanity name (token host prefix)"),
    Key("cloud", _host, ("ZSCALER_CLOUD",), doc="production (default), beta, gov, govus or another cloud name"),
    Key("customerId", _segment, ("ZSCALER_CUSTOMER_ID", "ZPA_CUSTOMER_ID"), doc="ZPA tenant id"),
    Key("microtenantId", _segment, ("ZSCALER_MICROTENANT_ID", "ZPA_MICROTENANT_ID"), doc="default ZPA microtenant"),
    Key("partnerId", _header, ("ZSCALER_PARTNER_ID",), doc="sent as x-partner-id"),
    Key("userAgent", _header, ("ZSCALER_USER_AGENT", "ZSCALER_CLIENT_USERAGENT"), doc="appended to User-Agent"),
    Key("sandboxToken", _str, ("ZSCALER_SANDBOX_TOKEN",), secret=True, doc="ZIA Cloud Sandbox token"),
    Key("sandboxCloud", _host, ("ZSCALER_SANDBOX_CLOUD",), doc="ZIA Cloud Sandbox cloud name"),
    Key("zcellCustomerId", _segment, ("ZSCALER_ZCELL_CUSTOMER_ID", "ZCELL_CUSTOMER_ID"), doc="ZCell customer id"),
    Key("requestTimeout", _seconds(), ("ZSCALER_REQUEST_TIMEOUT",), 0,
        doc="seconds; per attempt and total budget of one call; 0 = no limit"),
    Key("connectionTimeout", _seconds(3600), ("ZSCALER_CONNECTION_TIMEOUT",), 30, doc="seconds to establish a connection"),
    Key("apiBaseUrl", _url, ("ZSCALER_API_BASE_URL",), doc="override of the OneAPI gateway URL"),
    Key("tokenUrl", _url, ("ZSCALER_TOKEN_URL",), doc="override of the ZIdentity token endpoint URL"),
    Key("sandboxBaseUrl", _url, ("ZSCALER_SANDBOX_BASE_URL",), doc="override of the Cloud Sandbox host URL"),
    Key("rateLimit.maxRetries", _int(0, 100), ("ZSCALER_RATE_LIMIT_MAX_RETRIES",), 2,
        doc="extra attempts after the first (429, 503, 504, connection errors, 401 refresh, edit lock)"),
    Key("rateLimit.maxRetrySeconds", _seconds(), ("ZSCALER_RATE_LIMIT_MAX_RETRY_SECONDS",), 120,
        doc="total seconds one call may spend waiting between retries; beyond it the call fails"),
    Key("rateLimit.backoffBase", _seconds(3600), ("ZSCALER_RATE_LIMIT_BACKOFF_BASE",), 0.5,
        doc="first backoff wait in seconds (doubles per attempt, with jitter)"),
    Key("rateLimit.backoffMax", _seconds(3600), ("ZSCALER_RATE_LIMIT_BACKOFF_MAX",), 30, doc="largest single backoff wait"),
    Key("rateLimit.editLockBase", _seconds(3600), ("ZSCALER_RATE_LIMIT_EDIT_LOCK_BASE",), 5,
        doc="first wait on a ZIA 409 edit lock (doubles, capped at 60)"),
    Key("rateLimit.perSecond", parse_per_second, ("ZSCALER_RATE_LIMIT", "ZSCALER_RATE_LIMIT_PER_SECOND"),
        doc="client-side limit in requests per second: a number for every product or {product: number} "
            "(env 'zpa=20,zia=5'); none by default (the gateway's headers are followed)"),
    Key("rateLimit.adaptive", _bool, ("ZSCALER_RATE_LIMIT_ADAPTIVE",), True,
        doc="follow the gateway's x-ratelimit-* headers and per-endpoint 429 limits, so parallel work does "
            "not trip 429s; false: only rateLimit.perSecond and the waits 429 answers ask for"),
    Key("cache.enabled", _bool, ("ZSCALER_CACHE_ENABLED", "ZSCALER_CLIENT_CACHE_ENABLED"), False, doc="GET cache"),
    Key("cache.defaultTtl", _seconds(366 * 86400), ("ZSCALER_CACHE_DEFAULT_TTL", "ZSCALER_CLIENT_CACHE_DEFAULTTTL"), 300,
        doc="cache time to live, seconds"),
    Key("cache.defaultTti", _seconds(366 * 86400), ("ZSCALER_CACHE_DEFAULT_TTI", "ZSCALER_CLIENT_CACHE_DEFAULTTTI"), 300,
        doc="cache time to idle, seconds"),
    Key("pagination.prefetch", _bool, ("ZSCALER_PAGINATION_PREFETCH",), True,
        doc="iter_all() and fetch_all() fetch later pages ahead of the caller: at once where the listing "
            "tells its page count, one page ahead where it does not; false: each page when asked for"),
    Key("pagination.concurrency", _int(1, 64), ("ZSCALER_PAGINATION_CONCURRENCY",), 16,
        doc="pages of one listing fetched at the same time when the page count is known"),
    Key("shareToken", _bool, ("ZSCALER_SHARE_TOKEN",), None,
        doc="clients of one process with the same clientId, secret or key and token URL share one OAuth token "
            "(one token request per expiry for all of them); false = this client fetches its own (default true)"),
    Key("logging.enabled", _bool, ("ZSCALER_SDK_LOG", "ZSCALER_LOGGING_ENABLED"), False, doc="log requests"),
    Key("logging.verbose", _bool, ("ZSCALER_SDK_VERBOSE",), False, doc="DEBUG level (bodies, redacted)"),
    Key("proxy.host", _proxy_host, ("ZSCALER_PROXY_HOST", "ZSCALER_CLIENT_PROXY_HOST")),
    Key("proxy.port", _int(1, 65535), ("ZSCALER_PROXY_PORT", "ZSCALER_CLIENT_PROXY_PORT")),
    Key("proxy.username", _str, ("ZSCALER_PROXY_USERNAME", "ZSCALER_CLIENT_PROXY_USERNAME")),
    Key("proxy.password", _str, ("ZSCALER_PROXY_PASSWORD", "ZSCALER_CLIENT_PROXY_PASSWORD"), secret=True),
    # constructor-only keys (objects, not text)
    Key("sslContext", parse_ssl_context, doc="TLS verification: None (system CAs), False, a CA bundle path or an ssl.SSLContext"),
    Key("raiseException", _bool, (), False, doc="accepted for compatibility; see Result.unwrap()"),
    Key("requestExecutor", _any), Key("httpClient", _any), Key("cacheManager", parse_cache_manager),
    Key("transport", parse_transport,
        doc="an httpx transport that sends every request of the client, logins and token requests included "
            "(httpx.MockTransport(handler) in tests); proxy settings do not apply to it"),
    Key("service", _str, (), "zia", doc="accepted for compatibility"),
    Key("disableHttpsCheck", _bool, ("ZSCALER_TESTING_TESTINGDISABLEHTTPSCHECK",), False,
        doc="documented by the official SDK; here it really disables TLS verification"),
)
KEY_BY_NAME = {k.name: k for k in KEYS}
_GROUPS = {k.name.split(".")[0] for k in KEYS if "." in k.name}
_CONSTRUCTOR_ONLY = {"sslContext", "requestExecutor", "httpClient", "cacheManager", "transport"}


def _camel(s: str) -> str:
    parts = [p for p in s.split("_") if p]
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:]) if parts else s


def _alias_table() -> dict[str, str]:
    """snake_case and lower-case spellings -> canonical dotted names."""
    out: dict[str, str] = {}
    for k in KEYS:
        segs = k.name.split(".")
        snake = ".".join(re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s).lower() for s in segs)
        out[snake] = k.name
        out[k.name.lower()] = k.name
        out[k.name] = k.name
    return out


_ALIASES = _alias_table()


def _canonical(path: str) -> str | None:
    return _ALIASES.get(path) or _ALIASES.get(path.lower()) or _ALIASES.get(".".join(_camel(p) for p in path.split(".")))


def _flatten(d: Mapping[str, Any], source: str, prefix: str = "") -> dict[str, Any]:
    """Nested dict -> {canonical dotted key: value}; unknown keys raise, naming the key and source."""
    out: dict[str, Any] = {}
    for raw_key, value in d.items():
        if not isinstance(raw_key, str):
            raise ConfigurationError(f"{source}: configuration keys must be strings, got {raw_key!r}")
        if not prefix and _camel(raw_key) in _GROUPS and not _canonical(raw_key):
            if not isinstance(value, Mapping):
                keys = ", ".join(k.name.split(".", 1)[1] for k in KEYS if k.name.startswith(_camel(raw_key) + "."))
                raise ConfigurationError(f"{source}: config key '{raw_key}' must be a mapping of {keys}, "
                                         f"got {type(value).__name__}")
            out.update(_flatten(value, source, _camel(raw_key) + "."))
            continue
        name = _canonical(prefix + raw_key)
        if name is None:
            raise ConfigurationError(unknown_key(source, prefix + raw_key, [k.name for k in KEYS]))
        out[name] = value
    return out


def merge_config(config: Any, kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """The constructor's configuration (a mapping, or None) with its keyword arguments over it."""
    if config is not None and not isinstance(config, Mapping):
        raise ConfigurationError(f"the client configuration must be a dict (a mapping of config keys), "
                                 f"got {type(config).__name__}")
    return {**(config or {}), **kwargs}


@dataclass(frozen=True)
class Settings:
    """The validated configuration of one client. ``repr`` never shows a secret."""

    values: Mapping[str, Any]
    sources: Mapping[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.values.get(key, KEY_BY_NAME[key].default if key in KEY_BY_NAME else None)

    def get(self, key: str, default: Any = None) -> Any:
        v = self.values.get(key)
        return default if v is None else v

    def __repr__(self) -> str:
        shown = {k: ("***" if KEY_BY_NAME[k].secret else shown_url(v) if isinstance(v, str) else v)
                 for k, v in self.values.items() if k in KEY_BY_NAME}
        return f"Settings({shown!r})"

    def as_official_dict(self) -> dict[str, Any]:
        """``get_config()`` shape of the official SDK: ``{"client": {...}}`` with nested groups."""
        client: dict[str, Any] = {}
        for k in KEYS:
            if k.name in _CONSTRUCTOR_ONLY and k.name not in self.values:
                continue
            v = self[k.name]
            if v is None:
                continue
            node = client
            *heads, last = k.name.split(".")
            for h in heads:
                node = node.setdefault(h, {})
            node[last] = v
        return {"client": client}


def _read_yaml_document(path: Path) -> dict[str, Any]:
    import yaml

    try:
        data = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as e:
        raise ConfigurationError(f"{path}: not valid YAML ({e.__class__.__name__})") from None
    return data if isinstance(data, dict) else {}


def _read_yaml(path: Path) -> dict[str, Any]:
    data = _read_yaml_document(path)
    section = (data.get("zscaler") or {}).get("client") if isinstance(data.get("zscaler"), dict) else None
    if section is None:
        return {}
    if not isinstance(section, dict):
        raise ConfigurationError(f"{path}: 'zscaler.client' must be a mapping")
    if "sslContext" in section:
        log.warning("%s: sslContext is ignored in YAML files; pass it to the constructor", path)
        section = {k: v for k, v in section.items() if k != "sslContext"}
    return section


def env_values(environ: Mapping[str, str], keys: tuple[Key, ...] | None = None) -> dict[str, tuple[str, str]]:
    """{key: (env var name, raw value)} for every set variable of ``keys`` (default :data:`KEYS`; first listed
    name wins)."""
    out: dict[str, tuple[str, str]] = {}
    for k in KEYS if keys is None else keys:
        for name in k.env:
            v = environ.get(name)
            if v not in (None, ""):
                out[k.name] = (name, v)
                break
    return out


PROFILE_ENV = "ZSCALER_PROFILE"
_WARNED: set[str] = set()  # the writable YAML files already warned about in this process


def _warn_if_writable(path: Path) -> None:
    """Warn, once per file and process, that a YAML file other users can write is applied."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & 0o022 and str(path) not in _WARNED:
        _WARNED.add(str(path))
        log.warning("applying configuration from %s, which other users can write (mode %o): make sure it is "
                    "trusted, or chmod go-w it", path, mode & 0o777)


def read_profile(name: str, files: list[Path]) -> dict[str, Any]:
    """The keys of ``zscaler.profiles.<name>``: the first of ``files`` defining it wins (not merged)."""
    known: list[str] = []
    for path in files:
        if not path.is_file():
            continue
        data = _read_yaml_document(path)
        section = data.get("zscaler", {}).get("profiles") if isinstance(data.get("zscaler"), Mapping) else None
        if not isinstance(section, Mapping):
            continue
        if name in section:
            value = section[name] or {}
            if not isinstance(value, Mapping):
                raise ConfigurationError(f"{path}: profile '{name}' must be a mapping of configuration keys")
            return dict(value)
        known.extend(str(p) for p in section if p not in known)
    if known:
        raise ConfigurationError(unknown_key(f"profile (from {PROFILE_ENV} or profile=)", name, known)
                                 .replace("configuration key", "profile"))
    raise ConfigurationError(f"no profile '{name}': define it under zscaler.profiles.{name} in "
                             + " or ".join(map(str, files)))


def load_settings(
    config: Mapping[str, Any] | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    home: Path | None = None,
) -> Settings:
    """Merge every source, convert types and validate. Raises ConfigurationError.

    A profile (``profile=`` in ``config``, else ``ZSCALER_PROFILE``) applies ``zscaler.profiles.NAME``
    of ``./zscaler.yaml`` or ``~/.zscaler/zscaler.yaml`` over the files and the environment."""
    environ = os.environ if environ is None else environ
    if config is not None and not isinstance(config, Mapping):
        raise ConfigurationError(f"the client configuration must be a dict, got {type(config).__name__}")
    config = dict(config or {})
    profile = config.pop("profile") if "profile" in config else environ.get(PROFILE_ENV) or None  # None: none
    merged: dict[str, Any] = {}
    sources: dict[str, str] = {}
    home_file = (home or Path.home()) / ".zscaler" / "zscaler.yaml"
    cwd_file = (cwd or Path.cwd()) / "zscaler.yaml"
    for path in (home_file, cwd_file):
        if path.is_file():
            _warn_if_writable(path)
            for k, v in _flatten(_read_yaml(path), str(path)).items():
                merged[k], sources[k] = v, str(path)
    for k, (name, v) in env_values(environ).items():
        merged[k], sources[k] = v, f"environment variable {name}"
    if profile:
        for k, v in _flatten(read_profile(str(profile), [cwd_file, home_file]), f"profile {profile}").items():
            merged[k], sources[k] = v, f"profile {profile}"
    if config:
        for k, v in _flatten(config, "config").items():
            merged[k], sources[k] = v, "config"
    values: dict[str, Any] = {}
    for k, v in merged.items():
        if v is None or (isinstance(v, str) and v.strip() == "" and k != "cloud"):
            continue  # empty strings are "not set", as in the official SDK
        key = KEY_BY_NAME[k]
        where = sources[k]
        try:
            values[k] = key.parse(k, v)
        except ConfigurationError as e:
            raise ConfigurationError(f"{e} (from {where})") from None
    _validate(values)
    register_secret(*(v for k, v in values.items() if KEY_BY_NAME[k].secret))
    return Settings(values, sources)


def _validate(v: dict[str, Any]) -> None:
    errors: list[str] = []
    if "proxy.host" not in v and any(k.startswith("proxy.") for k in v):
        errors.append("proxy: 'host' is required when a proxy is configured")
    if ("proxy.username" in v) != ("proxy.password" in v):
        errors.append("proxy: give both 'username' and 'password', or neither")
    if "cloud" in v and not str(v["cloud"]).strip():
        errors.append("cloud: must not be blank; omit it for production or use beta, gov, govus, ...")
    sandbox_only = "sandboxToken" in v and "clientId" not in v
    if not sandbox_only:
        if "clientId" not in v:
            errors.append("clientId: missing; set it in the config or ZSCALER_CLIENT_ID (the ZIdentity API client id)")
        elif "{clientid}" in v["clientId"].lower():
            errors.append("clientId: contains the placeholder value {clientId}; replace it with your API client id")
        if "clientSecret" not in v and "privateKey" not in v:
            errors.append("clientSecret/privateKey: one is required (ZSCALER_CLIENT_SECRET or ZSCALER_PRIVATE_KEY)")
        if "vanityDomain" not in v and "tokenUrl" not in v:
            errors.append("vanityDomain: missing; set your ZIdentity vanity domain (ZSCALER_VANITY_DOMAIN)")
    if errors:
        raise ConfigurationError("invalid Zscaler configuration:\n  " + "\n  ".join(errors))


# ------------------------------------------------------------------ legacy clients

def _text(key: str, v: Any) -> str:
    if not isinstance(v, str):
        raise ConfigurationError(f"config key '{key}' must be a string, got {type(v).__name__}")
    return v


#: parsers of the products' own legacy keys (``Product.legacy.keys``) by name; any other is a string
_LEGACY_PARSERS: dict[str, Callable[[str, Any], Any]] = {
    "cloud": _host, "customerId": _segment, "microtenantId": _segment, "api_key": _text,
}
_LEGACY_SECRETS = frozenset({"password", "api_key", "secret_key", "key_secret", "clientSecret"})

#: the keys every legacy client takes beside its product's own, official spellings, parsed as ZscalerClient
#: parses the same kind of value. ``logging`` and ``pagination`` are mappings (``logging={"enabled": True}``);
#: ``cache.*`` come from their environment variables only (the ``cache`` key is accepted and unused).
LEGACY_COMMON: tuple[Key, ...] = (
    Key("partnerId", _header, ("ZSCALER_PARTNER_ID",), doc="sent as x-partner-id"),
    Key("timeout", _seconds(), (), 240, doc="seconds per request (0: 240)"),
    Key("maxRetries", _int(0, 100), (), 4, doc="extra attempts after the first"),
    Key("override_url", _url, doc="the legacy host; environment variable <PRODUCT>_OVERRIDE_URL"),
    Key("session_safety_margin", _seconds(3600), doc="ZIA/ZTW: seconds before its end the session is renewed"),
    Key("use_session_validation", _bool, doc="accepted for compatibility"),
    Key("failSafe", _bool, doc="accepted for compatibility"),
    Key("logging.enabled", _bool, ("ZSCALER_SDK_LOG",), False, doc="log requests"),
    Key("logging.verbose", _bool, ("ZSCALER_SDK_VERBOSE",), False, doc="DEBUG level (bodies, redacted)"),
    Key("pagination.prefetch", _bool, ("ZSCALER_PAGINATION_PREFETCH",), True, doc="as for ZscalerClient"),
    Key("pagination.concurrency", _int(1, 64), ("ZSCALER_PAGINATION_CONCURRENCY",), 16, doc="as for ZscalerClient"),
    Key("rateLimit.perSecond", parse_per_second, ("ZSCALER_RATE_LIMIT", "ZSCALER_RATE_LIMIT_PER_SECOND"),
        doc="as for ZscalerClient"),
    Key("rateLimit.adaptive", _bool, ("ZSCALER_RATE_LIMIT_ADAPTIVE",), True, doc="as for ZscalerClient"),
    Key("cache.enabled", _bool, ("ZSCALER_CLIENT_CACHE_ENABLED",), False, doc="GET cache"),
    Key("cache.defaultTtl", _seconds(366 * 86400), ("ZSCALER_CLIENT_CACHE_DEFAULT_TTL",), 3600),
    Key("cache.defaultTti", _seconds(366 * 86400), ("ZSCALER_CLIENT_CACHE_DEFAULT_TTI",), 1800),
    Key("transport", parse_transport), Key("cache", _any), Key("requestExecutor", _any),
)
#: accepted by every legacy client; read from the environment and used by the products with ``Login.sandbox``
LEGACY_SANDBOX: tuple[Key, ...] = (
    Key("sandboxToken", _str, ("ZSCALER_SANDBOX_TOKEN",), secret=True, doc="ZIA Cloud Sandbox token"),
    Key("sandboxCloud", _host, ("ZSCALER_SANDBOX_CLOUD",), doc="ZIA Cloud Sandbox cloud name"),
    Key("sandboxBaseUrl", _url, ("ZSCALER_SANDBOX_BASE_URL",), doc="override of the Cloud Sandbox host URL"),
)


def legacy_keys(product: str, login: Any) -> tuple[Key, ...]:
    """The key table of one legacy client: its product's ``Login.keys`` (with their environment variables
    and ``Login.defaults``), then :data:`LEGACY_COMMON` and :data:`LEGACY_SANDBOX`."""
    from dataclasses import replace

    own = tuple(Key(name, _LEGACY_PARSERS.get(name, _str), tuple(envs), login.defaults.get(name),
                    secret=name in _LEGACY_SECRETS) for name, envs in login.keys.items())
    common = tuple(replace(k, env=(f"{product.upper()}_OVERRIDE_URL",)) if k.name == "override_url" else k
                   for k in LEGACY_COMMON)
    sandbox = LEGACY_SANDBOX if login.sandbox else tuple(replace(k, env=()) for k in LEGACY_SANDBOX)
    return own + common + sandbox


def unknown_key(source: str, key: str, known: list[str]) -> str:
    """The message of a misspelt key: the nearest known names (difflib), or all of them when none is near."""
    import difflib

    near = difflib.get_close_matches(key, known, n=3, cutoff=0.6)
    if near:
        return f"{source}: unknown configuration key '{key}'. Did you mean " + " or ".join(map(repr, near)) + "?"
    return f"{source}: unknown configuration key '{key}'. Known keys: {', '.join(known)}"


def _legacy_given(owner: str, table: Mapping[str, Key], given: Mapping[str, Any]) -> dict[str, Any]:
    """The constructor's keys by table name (``logging={"enabled": x}`` -> ``logging.enabled``); an unknown key
    or a group that is not a mapping raises, naming the client and the key."""
    groups = {n.split(".")[0] for n in table if "." in n} - set(table) - {"cache"}
    accepted = sorted({n for n in table if "." not in n} | groups)
    out: dict[str, Any] = {}
    for key, value in given.items():
        if key in groups and value is not None:
            subs = [n for n in table if n.startswith(key + ".")]
            if not isinstance(value, Mapping):
                raise ConfigurationError(f"{owner}: config key '{key}' must be a mapping of "
                                         f"{', '.join(n.split('.', 1)[1] for n in subs)}, got {_shown(value)}")
            unknown = sorted(f"{key}.{k}" for k in value if f"{key}.{k}" not in subs)
            if unknown:
                raise ConfigurationError(unknown_key(owner, unknown[0], subs))
            out.update({f"{key}.{k}": v for k, v in value.items()})
        elif key in accepted or key in groups:
            out[key] = value
        else:
            raise ConfigurationError(unknown_key(owner, key, accepted))
    return out


def load_legacy(owner: str, product: str, login: Any, given: Mapping[str, Any],
                environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The validated configuration of a legacy client (``LegacyZIAClient({...})``), by the machinery of
    :func:`load_settings`: given keys over their environment variables over the defaults, each value parsed
    by its :class:`Key`; an error names the client, the key and where the value came from."""
    keys = legacy_keys(product, login)
    table = {k.name: k for k in keys}
    raw = {name: (v, f" (from environment variable {env})")
           for name, (env, v) in env_values(os.environ if environ is None else environ, keys).items()}
    raw.update({k: (v, "") for k, v in _legacy_given(owner, table, given).items()
                if v is not None and not (isinstance(v, str) and v == "")})
    values = {k.name: k.default for k in keys if k.default is not None}
    for name, (value, where) in raw.items():
        try:
            values[name] = table[name].parse(name, value)
        except ConfigurationError as e:
            raise ConfigurationError(f"{owner}: {e}{where}") from None
    register_secret(*(v for k, v in values.items() if table[k].secret))
    missing = [k for k in login.required if not values.get(k)]
    if missing:
        raise ConfigurationError(f"{owner}: '{missing[0]}' is required (config key or {' / '.join(login.keys[missing[0]])})")
    if not values.get("override_url") and not values.get("cloud"):
        raise ConfigurationError(f"{owner}: 'cloud' is required (config key, {' / '.join(login.keys['cloud'])} "
                                 f"or override_url)")
    return values


_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")


def check_headers(headers: Any, where: str = "set_custom_headers") -> dict[str, str]:
    """Custom request headers: a mapping of header names (HTTP tokens) to printable ASCII values."""
    if not isinstance(headers, Mapping):
        raise ConfigurationError(f"{where}: headers must be a dict of header name to value, got {type(headers).__name__}")
    out: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not _TOKEN.match(name):
            raise ConfigurationError(f"{where}: {_shown(name)} is not a valid header name "
                                     f"(letters, digits and !#$%&'*+-.^_`|~)")
        out[name] = _header(f"header {name}", value)
    return out
