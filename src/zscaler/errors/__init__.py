"""Typed errors. Every error carries what went wrong and where, never a credential.

Messages, ``str()``, ``repr()``, the kept error body and headers all go through the redaction
authority (:mod:`zscaler.redaction`): an answer that echoes the bearer token, the session
cookie or a secret (``{"reason": "Bearer <token> lacks scope"}``) is masked before anyone sees it.

``ZscalerAPIError`` (an HTTP error status) is subclassed by status so callers can catch the
case they handle: ``except NotFoundError``. The classes are also reachable under the module
paths of the official SDK (``zscaler.errors.zscaler_api_error.ZscalerAPIError``).
"""

from __future__ import annotations

import json
from typing import Any, Mapping
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..redaction import MASK, is_secret_key, redact, scrub

_CODE_KEYS = ("code", "id", "errorCode", "title", "msgId", "error")
_MESSAGE_KEYS = ("message", "reason", "errorDetails", "errorMessage", "detail", "error_description")


def safe_url(url: str) -> str:
    """The URL with ``user:password@`` and the values of credential-like query keys masked
    (sandbox ``api_token``...), and any registered secret scrubbed."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<unparseable url>"
    netloc = parts.netloc
    if "@" in netloc:
        netloc = "***@" + netloc.rsplit("@", 1)[1]
    if not parts.query:
        return scrub(url if netloc == parts.netloc else urlunsplit(parts._replace(netloc=netloc)))
    q = [(k, "***" if is_secret_key(k) else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return scrub(urlunsplit((parts.scheme, netloc, parts.path, urlencode(q, safe="*"), parts.fragment)))


#: response/request headers whose values are credentials whatever their name says
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "set-cookie", "cookie", "auth-token"})


def _safe_headers(headers: Mapping[str, str] | None) -> dict[str, str]:
    return {k: (MASK if k.lower() in _SECRET_HEADERS or is_secret_key(k) else scrub(str(v)))
            for k, v in (headers or {}).items()}


class ZscalerError(Exception):
    """Base class of every error raised or returned by this package.

    ``str()`` and ``repr()`` mask every secret the client holds, whatever built the message.
    """

    def __init__(self, *args: Any) -> None:
        super().__init__(*(scrub(a) if isinstance(a, str) else a for a in args))

    def __str__(self) -> str:
        return scrub(super().__str__())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class ConfigurationError(ZscalerError, ValueError):
    """A configuration value is missing or invalid; the message names the key."""


class ArgumentError(ZscalerError, ValueError):
    """A method argument the official SDK answers with an error in the result's error slot (not
    raised): returned as ``(None, None, ArgumentError)``; the message names the argument."""


class ZscalerAPIError(ZscalerError):
    """The API answered with an error status (after retries)."""

    def __init__(
        self,
        status_code: int,
        body: Any = None,
        *,
        method: str = "",
        url: str = "",
        headers: Mapping[str, str] | None = None,
        service_type: str | None = None,
        params: Any = None,
    ) -> None:
        self.status_code = status_code
        self.method = method
        self.url = safe_url(url)
        self.headers = _safe_headers(headers)
        self.service_type = service_type
        if not isinstance(body, dict):
            body = {"message": body} if body not in (None, "", b"") else {}
        self.body = body = redact(body)  # credential fields and echoed secrets masked
        self.error_code = next((str(body[k]) for k in _CODE_KEYS if body.get(k) not in (None, "")), None)
        self.error_message = next((str(body[k]) for k in _MESSAGE_KEYS if body.get(k) not in (None, "")), None)
        self.params = body.get("params") if params is None else params
        self.path = body.get("path")
        self.timestamp = body.get("timestamp")
        parts = [f"HTTP {status_code}"]
        if self.error_code:
            parts.append(self.error_code)
        if self.error_message:
            parts.append(self.error_message)
        self.message = " ".join(parts)
        super().__init__(self.message)

    @property
    def status(self) -> int:
        return self.status_code

    @property
    def retry_after(self) -> str | None:
        for k, v in self.headers.items():
            if k.lower() == "retry-after":
                return v
        return None

    def __str__(self) -> str:
        where = f" ({self.method} {self.url})" if self.url else ""
        return scrub(f"{self.message}{where}")

    def to_json(self) -> str:
        out = {"status": self.status_code, "code": self.error_code, "message": self.error_message, "url": self.url}
        return json.dumps(out, indent=2)


class BadRequestError(ZscalerAPIError):
    """400: the request was rejected as invalid."""


ValidationError = BadRequestError


class AuthenticationError(ZscalerAPIError):
    """401: credentials were refused or the token is no longer valid."""


UnauthorizedError = AuthenticationError


class PermissionDeniedError(ZscalerAPIError):
    """403: the API client lacks the role or scope for this call."""


ForbiddenError = PermissionDeniedError


class NotFoundError(ZscalerAPIError):
    """404: no such resource."""


class ConflictError(ZscalerAPIError):
    """409: a conflicting change, for example the ZIA edit lock held by another admin."""


class EditLockError(ConflictError):
    """409 EDIT_LOCK_NOT_AVAILABLE that outlasted the retry budget."""


class RateLimitError(ZscalerAPIError):
    """429 after the retry budget was spent."""


RateLimitExceededError = RateLimitError


class ServerError(ZscalerAPIError):
    """5xx from the API."""


class UnprocessableError(BadRequestError):
    """422: semantically invalid request."""


_BY_STATUS = {400: BadRequestError, 401: AuthenticationError, 403: PermissionDeniedError, 404: NotFoundError,
              409: ConflictError, 422: UnprocessableError, 429: RateLimitError}


def api_error(status: int, body: Any = None, **kw: Any) -> ZscalerAPIError:
    """The most specific error class for an HTTP status."""
    cls = _BY_STATUS.get(status) or (ServerError if status >= 500 else ZscalerAPIError)
    if status == 409 and isinstance(body, dict) and body.get("code") == "EDIT_LOCK_NOT_AVAILABLE":
        cls = EditLockError
    return cls(status, body, **kw)


class HTTPError(ZscalerError):
    """The API answered with a body that is not what it promises (for example broken JSON)."""

    def __init__(self, status_code: int, message: str, *, method: str = "", url: str = "",
                 response_headers: Mapping[str, str] | None = None) -> None:
        self.status_code = status_code
        self.method = method
        self.url = safe_url(url)
        self.response_headers = _safe_headers(response_headers)
        self.message = scrub(f"HTTP {status_code} {message}")
        super().__init__(f"{self.message} ({method} {self.url})" if url else self.message)


class ResponseFormatError(HTTPError):
    """A success answer whose body does not have the shape the API documents."""


class TransportError(ZscalerError):
    """The request could not be completed: connection refused or reset, DNS, TLS, timeout."""

    def __init__(self, message: str, *, method: str = "", url: str = "", cause: BaseException | None = None) -> None:
        self.method = method
        self.url = safe_url(url)
        self.cause_type = type(cause).__name__ if cause else None
        super().__init__(f"{message} ({method} {self.url})" if url else message)


class TimeoutError_(TransportError):
    """The request timed out."""


class RetryTooLong(ZscalerError):
    """The next retry wait would exceed the configured budget (``rateLimit.maxRetrySeconds``)."""

    def __init__(self, message: str, *, method: str = "", url: str = "", last_error: BaseException | None = None) -> None:
        self.method = method
        self.url = safe_url(url)
        self.last_error = last_error
        super().__init__(message)


class RetryBudgetExceeded(RetryTooLong):
    """Retries were exhausted (count or total wait) without success."""


RetryLimitExceededError = RetryBudgetExceeded


class TokenError(ZscalerError):
    """Obtaining or refreshing credentials failed. The message never contains the secret."""

    def __init__(self, message: str, *, status_code: int | None = None, url: str = "") -> None:
        self.status_code = status_code
        self.url = safe_url(url)
        super().__init__(scrub(message))


TokenRefreshError = TokenError


class GraphQLAPIError(ZscalerError):
    """A GraphQL answer carried ``errors`` (Z-Insights, ZMS), even with HTTP 200."""

    def __init__(self, errors: Any, *, url: str = "") -> None:
        self.errors = errors = redact(errors)
        self.url = safe_url(url)
        first = errors[0].get("message") if isinstance(errors, list) and errors and isinstance(errors[0], dict) else errors
        super().__init__(f"GraphQL error: {first}")


__all__ = [n for n in dir() if n[0].isupper() or n in ("api_error", "safe_url")]
