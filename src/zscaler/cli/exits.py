"""Exit codes of the ``zscaler`` command and the mapping from exceptions to them."""

from __future__ import annotations

import re

OK = 0
FAILED = 1  # an unexpected failure (a bug, or a demo step that failed)
USAGE = 2  # bad command line, bad argument value, invalid (non-credential) configuration
API = 3  # the API answered with an error (other than 401/403)
AUTH = 4  # credentials missing, refused or lacking permission
TRANSPORT = 5  # the request could not be completed (connection refused, DNS, TLS, timeout)

_CREDENTIAL_WORDS = re.compile(
    r"clientId|clientSecret|privateKey|vanityDomain|tokenUrl|customerId|sandboxToken|username|password|"
    r"api_key|secret_key|key_id|key_secret|credential|ZSCALER_CLIENT|_CLIENT_ID|_CLIENT_SECRET|_API_KEY",
    re.IGNORECASE)


def _network_cause(e: BaseException) -> bool:
    """True when an error was caused by a failed connection (``raise ... from None`` keeps __context__)."""
    import httpx

    seen = 0
    cur: BaseException | None = e
    while cur is not None and seen < 5:
        if isinstance(cur, httpx.TransportError):
            return True
        cur = cur.__cause__ or cur.__context__
        seen += 1
    return False


_REQUIRED_KEY = re.compile(r"'(\w+)' is required")


def _config_hint(e: BaseException, product: str | None, legacy: str | None) -> str | None:
    """A hint naming the missing configuration key, its environment variable and the product that
    needs it (``customerId`` of a ZPA path), or the legacy keys of ``--legacy``; None when generic."""
    from ..config import KEY_BY_NAME
    from ..errors import ConfigurationError

    if legacy and isinstance(e, ConfigurationError) and _CREDENTIAL_WORDS.search(str(e)):
        return (f"--legacy {legacy} reads the legacy {legacy.upper()} keys named above (their environment "
                f"variables, or a --profile holding them), not the ZSCALER_* OneAPI variables")
    m = _REQUIRED_KEY.search(str(e))
    key = KEY_BY_NAME.get(m.group(1)) if m else None
    if key is None or not key.env:
        return None
    who = f"{product} " if product else ""
    return f"{who}needs {key.name}: set {key.env[0]}, or {key.name} in the profile / zscaler.yaml (zscaler.client)"


def classify(e: BaseException, product: str | None = None, legacy: str | None = None) -> tuple[int, str]:
    """``(exit code, hint)`` for an exception raised while running a command (of ``product``,
    through its legacy client when ``legacy``).

    The hint names what to fix; it never repeats a credential value.
    """
    from ..errors import (AuthenticationError, ConfigurationError, GraphQLAPIError, HTTPError,
                          PermissionDeniedError, RetryTooLong, TokenError, TransportError, ZscalerAPIError)

    try:
        import httpx
        transport_types: tuple[type, ...] = (TransportError, httpx.TransportError)
    except ImportError:  # pragma: no cover
        transport_types = (TransportError,)

    if isinstance(e, transport_types):
        return TRANSPORT, "check the network and the base URL (apiBaseUrl / ZSCALER_API_BASE_URL, or the cloud)"
    if isinstance(e, TokenError):
        if e.status_code is None and _network_cause(e):
            return TRANSPORT, "the token endpoint could not be reached: check tokenUrl / vanityDomain / cloud and the network"
        return AUTH, ("check the credentials (clientId + clientSecret or privateKey, vanityDomain), "
                      "the profile (--profile) or the ZSCALER_* environment variables")
    if isinstance(e, (AuthenticationError, PermissionDeniedError)):
        if isinstance(e, PermissionDeniedError):
            return AUTH, "the API client lacks the role or scope for this call: grant it in ZIdentity"
        return AUTH, "the credentials were refused: check clientId / clientSecret and the tenant (vanityDomain)"
    if isinstance(e, ZscalerAPIError):
        hints = {400: "the request was rejected: check the option values (see --help)",
                 404: "no such object: check the id (list the resource to find it)",
                 409: "a conflicting change (for ZIA, another admin may hold the edit lock): retry later",
                 429: "rate limited beyond the retry budget: retry later or raise rateLimit.maxRetries"}
        return API, hints.get(e.status_code, "")
    if isinstance(e, RetryTooLong):
        return API, "the API kept asking to wait: retry later or raise rateLimit.maxRetrySeconds"
    if isinstance(e, (HTTPError, GraphQLAPIError)):
        return API, ""
    if isinstance(e, (ConfigurationError, ValueError)) and _config_hint(e, product, legacy):
        return (AUTH if isinstance(e, ConfigurationError) else USAGE), _config_hint(e, product, legacy) or ""
    if isinstance(e, ConfigurationError):
        if _CREDENTIAL_WORDS.search(str(e)):
            return AUTH, ("set the credentials: --profile NAME, ~/.zscaler/zscaler.yaml (zscaler.client), or "
                          "ZSCALER_CLIENT_ID, ZSCALER_CLIENT_SECRET, ZSCALER_VANITY_DOMAIN (see docs/cli.md)")
        return USAGE, "fix the configuration key named above"
    if isinstance(e, (ValueError, TypeError)):
        return USAGE, "see --help for the accepted options"
    return FAILED, ""
