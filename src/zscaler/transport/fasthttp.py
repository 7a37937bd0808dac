"""The hot path of the HTTP layer: one request straight to httpx's connection pool.

``httpx.Client.request`` re-parses and validates the whole URL, merges headers and cookies,
and runs its auth and redirect machinery on every call; on a listing of 20,000 objects that
costs more than decoding the JSON. The SDK needs none of it (credentials are explicit
headers, redirects are never followed), so :func:`send` hands a request to the same
``httpcore`` pool the ``httpx.Client`` owns (its proxy mounts, TLS settings, limits and
timeouts included) and wraps the answer in :class:`HttpResponse`, a small read-only object
with the parts of ``httpx.Response`` the SDK and its users read.

It applies to buffered requests through a standard ``httpx.HTTPTransport``; anything else
(streamed answers, custom transports) goes through ``httpx.Client`` as before.
"""

from __future__ import annotations

import json
import zlib
from functools import lru_cache
from typing import Any, Iterable, Sequence
from urllib.parse import urlencode

import httpx

try:  # the same mapping httpx applies: httpcore errors surface as httpx.TransportError subclasses
    from httpx._transports.default import map_httpcore_exceptions
except ImportError:  # pragma: no cover - a future httpx without it takes the ordinary path
    map_httpcore_exceptions = None  # type: ignore[assignment]

import httpcore

ACCEPT_ENCODING = b"gzip, deflate"


class RequestInfo:
    """What an answer remembers of its request: method and full URL (``str(resp.request.url)``)."""

    __slots__ = ("method", "url")

    def __init__(self, method: str, url: str) -> None:
        self.method = method
        self.url = url

    def __repr__(self) -> str:
        return f"<Request {self.method}>"


class HttpResponse:
    """A buffered HTTP answer with the ``httpx.Response`` attributes the SDK uses."""

    __slots__ = ("status_code", "content", "request", "_raw_headers", "_headers")

    def __init__(self, status_code: int, raw_headers: Sequence[tuple[bytes, bytes]], content: bytes,
                 request: RequestInfo) -> None:
        self.status_code = status_code
        self.content = content
        self.request = request
        self._raw_headers = raw_headers
        self._headers: httpx.Headers | None = None

    @property
    def headers(self) -> httpx.Headers:
        h = self._headers
        if h is None:
            h = self._headers = httpx.Headers(list(self._raw_headers))
        return h

    @property
    def text(self) -> str:
        return self.content.decode(self.encoding, "replace")

    @property
    def encoding(self) -> str:
        ctype = self.headers.get("content-type", "")
        for part in ctype.split(";")[1:]:
            k, _, v = part.strip().partition("=")
            if k.lower() == "charset" and v:
                return v.strip('"')
        return "utf-8"

    def json(self, **kwargs: Any) -> Any:
        return json.loads(self.content, **kwargs)

    @property
    def is_success(self) -> bool:
        return 200 <= self.status_code < 300

    @property
    def reason_phrase(self) -> str:
        from http import HTTPStatus

        try:
            return HTTPStatus(self.status_code).phrase
        except ValueError:
            return ""

    @property
    def url(self) -> str:
        return self.request.url

    def read(self) -> bytes:
        return self.content

    def close(self) -> None:
        """Nothing to release: the body is read and the connection is back in the pool."""

    def __repr__(self) -> str:
        return f"<HttpResponse [{self.status_code}]>"


@lru_cache(maxsize=512)
def _target(url: str) -> tuple[bytes, bytes, int | None, bytes, bytes]:
    """``(scheme, host, port, target, host_header)`` of an absolute URL, parsed (and validated) once."""
    u = httpx.URL(url)
    return u.raw_scheme, u.raw_host, u.port, u.raw_path, u.netloc  # raw_path keeps an inline query


def _decoded(content: bytes, headers: Iterable[tuple[bytes, bytes]]) -> bytes:
    for k, v in headers:
        if k.lower() == b"content-encoding":
            enc = v.strip().lower()
            if enc == b"gzip":
                return zlib.decompress(content, 16 + zlib.MAX_WBITS)
            if enc == b"deflate":
                try:
                    return zlib.decompress(content)
                except zlib.error:
                    return zlib.decompress(content, -zlib.MAX_WBITS)
            if enc not in (b"identity", b""):
                raise httpx.DecodingError(f"unsupported Content-Encoding {enc.decode('latin-1')!r}")
    return content


def pool_for(client: httpx.Client, url: str) -> Any | None:
    """The httpcore pool that would carry ``url`` (proxy mounts honoured), or None if not standard."""
    transport = client._transport_for_url(httpx.URL(url)) if client._mounts else client._transport
    if type(transport) is not httpx.HTTPTransport or map_httpcore_exceptions is None:
        return None
    return transport._pool


def send(pool: Any, method: str, url: str, params: Sequence[tuple[str, str]], headers: dict[str, str],
         content: bytes | None, timeout: dict[str, float | None]) -> HttpResponse:
    """Send one buffered request through ``pool``; raises ``httpx.TransportError`` subclasses."""
    scheme, host, port, path, host_header = _target(url)
    query = urlencode(params) if params else ""
    target = path + (b"&" if b"?" in path else b"?") + query.encode("ascii") if query else path
    raw: list[tuple[bytes, bytes]] = [(b"Host", host_header), (b"Accept-Encoding", ACCEPT_ENCODING)]
    for k, v in headers.items():
        lk = k.lower()
        if lk == "host" or lk == "accept-encoding":  # the caller's choice replaces the default
            raw = [h for h in raw if h[0].lower() != lk.encode()]
        raw.append((k.encode("ascii"), v.encode("utf-8")))
    if content is not None:
        raw.append((b"Content-Length", str(len(content)).encode()))
    elif method in ("POST", "PUT", "PATCH"):
        raw.append((b"Content-Length", b"0"))
    req = httpcore.Request(method.encode("ascii"), httpcore.URL(scheme=scheme, host=host, port=port, target=target),
                           headers=raw, content=content, extensions={"timeout": timeout})
    with map_httpcore_exceptions():
        resp = pool.handle_request(req)
        try:
            body = resp.read()
        finally:
            resp.close()
    full = url + ("&" if "?" in url else "?") + query if query else url
    return HttpResponse(resp.status, resp.headers, _decoded(body, resp.headers), RequestInfo(method, full))
