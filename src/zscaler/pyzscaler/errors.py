"""restfly's error classes as pyZscaler scripts catch them: one class per HTTP status.

``APIError`` carries ``.response`` (``ErrorResponse``: ``status_code``, ``headers``, ``url``,
``method``, ``text``, ``json()``) and ``.code`` (the status). Bodies are the project's redacted
copies, so no secret reaches a message. ``restfly.errors`` resolves to this module through the
opt-in shim when the real restfly is not installed (docs/pyzscaler.md).
"""

from __future__ import annotations

import json as _json
from typing import Any, Mapping

from ..errors import TokenError, ZscalerAPIError
from ..redaction import scrub


class RestflyException(Exception):
    """Base of every facade error (restfly's name)."""

    def __init__(self, msg: str = "", **kwargs: Any) -> None:
        self.msg = str(msg)
        super().__init__(self.msg)


class UnexpectedValueError(RestflyException):
    """A value outside what the method accepts."""


class RequiredParameterError(RestflyException):
    """A required parameter is missing."""


class ErrorResponse:
    """What the API answered: enough of a response for ``except APIError as e: e.response``."""

    def __init__(self, status_code: int, body: Any = None, *, headers: Mapping[str, str] | None = None,
                 url: str = "", method: str = "") -> None:
        self.status_code = status_code
        self.body = body
        self.headers = dict(headers or {})
        self.url = url
        self.method = method
        self.ok = False

    @property
    def text(self) -> str:
        if self.body is None:
            return ""
        return self.body if isinstance(self.body, str) else _json.dumps(self.body)

    @property
    def content(self) -> bytes:
        return self.text.encode()

    def json(self) -> Any:
        if isinstance(self.body, (dict, list)):
            return self.body
        return _json.loads(self.text)

    def __repr__(self) -> str:
        return f"<ErrorResponse [{self.status_code}]>"


class APIError(RestflyException):
    """The API answered with an error status (after the project's retries)."""

    def __init__(self, resp: ErrorResponse, **kwargs: Any) -> None:
        self.response = resp
        self.code = resp.status_code
        self.retries = kwargs.get("retries", 0)
        msg = f"[{resp.status_code}: {resp.method}] {resp.url} body={scrub(resp.text[:500])}"
        super().__init__(msg)


def _status_class(name: str, doc: str) -> type[APIError]:
    return type(name, (APIError,), {"__doc__": doc, "__module__": __name__})


BadRequestError = _status_class("BadRequestError", "400")
UnauthorizedError = _status_class("UnauthorizedError", "401")
ForbiddenError = _status_class("ForbiddenError", "403")
NotFoundError = _status_class("NotFoundError", "404")
InvalidMethodError = _status_class("InvalidMethodError", "405")
NotAcceptableError = _status_class("NotAcceptableError", "406")
ProxyAuthenticationError = _status_class("ProxyAuthenticationError", "407")
RequestTimeoutError = _status_class("RequestTimeoutError", "408")
RequestConflictError = _status_class("RequestConflictError", "409")
NoLongerExistsError = _status_class("NoLongerExistsError", "410")
LengthRequiredError = _status_class("LengthRequiredError", "411")
PreconditionFailedError = _status_class("PreconditionFailedError", "412")
PayloadTooLargeError = _status_class("PayloadTooLargeError", "413")
URITooLongError = _status_class("URITooLongError", "414")
UnsupportedMediaTypeError = _status_class("UnsupportedMediaTypeError", "415")
RangeNotSatisfiableError = _status_class("RangeNotSatisfiableError", "416")
ExpectationFailedError = _status_class("ExpectationFailedError", "417")
TeapotError = _status_class("TeapotError", "418")
MisdirectRequestError = _status_class("MisdirectRequestError", "421")
TooManyRequestsError = _status_class("TooManyRequestsError", "429 (and 420)")
ServerError = _status_class("ServerError", "500 and any other 5xx")
NotImplementedError = _status_class("NotImplementedError", "501")  # noqa: A001 - restfly's name
BadGatewayError = _status_class("BadGatewayError", "502")
ServiceUnavailableError = _status_class("ServiceUnavailableError", "503")
GatewayTimeoutError = _status_class("GatewayTimeoutError", "504")

BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError, 401: UnauthorizedError, 403: ForbiddenError, 404: NotFoundError,
    405: InvalidMethodError, 406: NotAcceptableError, 407: ProxyAuthenticationError, 408: RequestTimeoutError,
    409: RequestConflictError, 410: NoLongerExistsError, 411: LengthRequiredError, 412: PreconditionFailedError,
    413: PayloadTooLargeError, 414: URITooLongError, 415: UnsupportedMediaTypeError, 416: RangeNotSatisfiableError,
    417: ExpectationFailedError, 418: TeapotError, 420: TooManyRequestsError, 421: MisdirectRequestError,
    429: TooManyRequestsError, 500: ServerError, 501: NotImplementedError, 502: BadGatewayError,
    503: ServiceUnavailableError, 504: GatewayTimeoutError,
}


def error_for(resp: ErrorResponse) -> APIError:
    """The restfly class of an error answer."""
    cls = BY_STATUS.get(resp.status_code) or (ServerError if resp.status_code >= 500 else APIError)
    return cls(resp)


def from_project(err: ZscalerAPIError | TokenError) -> APIError:
    """The facade error for one of the project's errors (API error answer, or a refused login)."""
    if isinstance(err, ZscalerAPIError):
        return error_for(ErrorResponse(err.status_code, err.body, headers=err.headers, url=err.url,
                                       method=err.method))
    return error_for(ErrorResponse(err.status_code or 401, {"message": str(err)}, url=err.url, method="POST"))


__all__ = ["RestflyException", "UnexpectedValueError", "RequiredParameterError", "APIError", "ErrorResponse",
           "BY_STATUS", "error_for", "from_project"] + sorted({c.__name__ for c in BY_STATUS.values()})
