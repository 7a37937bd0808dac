"""The hot path of the HTTP layer: buffered requests on pooled kept-alive connections.

``httpx.Client.request`` re-parses and validates the whole URL, merges headers and cookies,
runs its auth and redirect machinery, and then drives ``httpcore`` and ``h11``; per small
request that is several times the cost of the request itself on a fast network. The SDK
needs none of it (credentials are explicit headers, redirects are never followed), so
:class:`FastPool` sends a buffered request on a kept-alive :class:`~.http11.Connection`, with
the TLS context of the ``httpx.Client`` it belongs to, and wraps the answer in
:class:`HttpResponse`, a small object with the parts of ``httpx.Response`` the SDK and its
users read. Errors surface as the same ``httpx`` exception classes.

It is used only where it behaves exactly like httpx: a client with the standard transport, for
origins no proxy mount of that client applies to. Proxied origins, custom transports
(``httpClient``), streamed answers and async code go through ``httpx``. ``ZSCALER_SDK_HTTPX_ONLY=true`` turns the fast path off.

Request-ahead: :meth:`FastPool.presend` writes a GET on a connection of its own and parks that
connection without reading; the answer travels while the caller decodes the page it has. When
:meth:`FastPool.send` is later asked for exactly that request (method, URL, query and every
header, credentials included) by the same owner (the ``ticket`` of one listing) within
:data:`MAX_PARKED_AGE` seconds, it reads the parked answer instead of sending again. A parked
request nobody claims is closed with its connection (at most :data:`MAX_PARKED` are kept).
"""

from __future__ import annotations

import json
import os
import select
import socket
import ssl
import threading
import time
import zlib
from functools import lru_cache
from typing import Any, Iterable, Sequence
from urllib.parse import urlencode

import httpx

from .http11 import Connection, Disconnected, ProtocolError, check_headers

ACCEPT_ENCODING = "gzip, deflate"

#: Pre-sent requests waiting for their caller, per pool; the oldest is dropped beyond this.
MAX_PARKED = 4
#: Seconds a pre-sent answer stays usable; an older one is dropped and the request sent afresh.
MAX_PARKED_AGE = 60.0


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

    def __init__(self, status_code: int, raw_headers: Sequence[tuple[str, str]], content: bytes,
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
def _target(url: str) -> tuple[str, str, int, str]:
    """``(scheme, host, port, target)`` of an absolute URL, parsed (and validated by httpx) once."""
    u = httpx.URL(url)
    if u.scheme not in ("http", "https"):
        raise httpx.UnsupportedProtocol(f"the URL scheme must be http or https, got {u.scheme!r}")
    port = u.port or (443 if u.scheme == "https" else 80)
    return u.scheme, u.host, port, u.raw_path.decode("ascii")  # raw_path keeps an inline query


def _decoded(content: bytes, headers: Iterable[tuple[str, str]]) -> bytes:
    for k, v in headers:
        if k.lower() == "content-encoding":
            enc = v.strip().lower()
            if enc == "gzip":
                return zlib.decompress(content, 16 + zlib.MAX_WBITS)
            if enc == "deflate":
                try:
                    return zlib.decompress(content)
                except zlib.error:
                    return zlib.decompress(content, -zlib.MAX_WBITS)
            if enc not in ("identity", ""):
                raise httpx.DecodingError(f"unsupported Content-Encoding {enc!r}")
    return content


def _dropped(conn: Connection) -> bool:
    """An idle kept-alive socket that is readable was closed (or spoken to) by the server."""
    sock = conn.sock
    if sock is None:
        return True
    try:
        return bool(select.select([sock], [], [], 0)[0])
    except (OSError, ValueError):
        return True


class FastPool:
    """Kept-alive connections per origin, shared safely by threads."""

    def __init__(self, ssl_context: ssl.SSLContext | None, max_idle: int = 16,
                 client: httpx.Client | None = None) -> None:
        self._ssl = ssl_context
        self._max_idle = max_idle
        self._idle: dict[tuple[str, str, int], list[Connection]] = {}
        self._lock = threading.Lock()
        self._closed = False
        self._client = client
        self._direct: dict[str, bool] = {}  # origin -> served without a proxy (decided once)
        self._parked: dict[tuple, tuple[tuple[str, str, int], Connection, float]] = {}

    @classmethod
    def for_client(cls, client: httpx.Client) -> "FastPool | None":
        """A pool with ``client``'s TLS settings, or None where only httpx behaves like httpx."""
        if os.environ.get("ZSCALER_SDK_HTTPX_ONLY", "").strip().lower() in ("1", "true", "yes", "on"):
            return None
        transport = client._transport
        if type(transport) is not httpx.HTTPTransport:
            return None  # a custom transport: httpx does the work
        pool = getattr(transport, "_pool", None)
        ctx = getattr(pool, "_ssl_context", None)
        if pool is None or getattr(pool, "_http2", False):
            return None
        return cls(ctx, client=client)

    def serves(self, url: str) -> bool:
        """Whether ``url`` goes straight to its host (no proxy mount of the client applies to it)."""
        client = self._client
        if client is None or not client._mounts:
            return True
        origin = url[: url.find("/", url.find("//") + 2)] if url.count("/") >= 3 else url
        hit = self._direct.get(origin)
        if hit is None:
            hit = self._direct[origin] = client._transport_for_url(httpx.URL(url)) is client._transport
        return hit

    def _checkout(self, key: tuple[str, str, int], fresh: bool = False) -> tuple[Connection, bool]:
        """An idle connection to ``key`` that is still open (reused), or a new unconnected one."""
        with self._lock:
            idle = None if fresh else self._idle.get(key)
            while idle:
                conn = idle.pop()
                if not _dropped(conn):
                    return conn, True
                conn.close()
        return Connection(*key, ssl_context=self._ssl), False

    def _checkin(self, key: tuple[str, str, int], conn: Connection) -> None:
        with self._lock:
            idle = self._idle.setdefault(key, [])
            if not self._closed and len(idle) < self._max_idle:
                idle.append(conn)
                return
        conn.close()

    def close(self) -> None:
        with self._lock:
            self._closed = True
            conns = [c for idle in self._idle.values() for c in idle]
            conns += [p[1] for p in self._parked.values()]
            self._idle.clear()
            self._parked.clear()
        for c in conns:
            c.close()

    def presend(self, method: str, url: str, params: Sequence[tuple[str, str]], headers: dict[str, str],
                timeout: dict[str, float | None], ticket: object) -> bool:
        """Send a body-less request now and park its connection for :meth:`send` (see the module doc).

        Only a ``send`` with the same ``ticket`` (any object the caller keeps, e.g. one per listing)
        takes the answer. Returns whether it was sent. Never raises for a network failure: the
        later ``send`` of the same request then simply sends it itself.
        """
        if self._closed:
            return False
        key, target, url, hdrs = _prepare(url, params, headers)
        conn, _ = self._checkout(key)
        try:
            _send_on(conn, method, target, hdrs, None, timeout)
        except Exception:  # noqa: BLE001 - a request sent ahead is only an optimisation
            conn.close()
            return False
        drop: list[Connection] = []
        with self._lock:
            if self._closed:
                drop.append(conn)
            else:
                sig = _signature(method, url, headers, ticket)
                old = self._parked.pop(sig, None)
                if old is not None:
                    drop.append(old[1])
                self._parked[sig] = (key, conn, time.monotonic())
                while len(self._parked) > MAX_PARKED:
                    drop.append(self._parked.pop(next(iter(self._parked)))[1])
        for c in drop:
            c.close()
        return conn not in drop

    def _claim(self, method: str, url: str, headers: dict[str, str], timeout: dict[str, float | None],
               request: RequestInfo, ticket: object) -> HttpResponse | None:
        """The answer of a parked request identical to this one, or None (then it is sent as usual)."""
        with self._lock:
            parked = self._parked.pop(_signature(method, url, headers, ticket), None)
        if parked is None:
            return None
        key, conn, sent_at = parked
        if time.monotonic() - sent_at > MAX_PARKED_AGE:
            conn.close()  # too old to stand for the page asked for now
            return None
        try:
            assert conn.sock is not None
            conn.sock.settimeout(timeout.get("read"))
            answer = conn.read_response(method)
        except Exception as exc:  # noqa: BLE001
            conn.close()
            if isinstance(exc, _STALE):
                return None  # the kept-alive connection had been closed by the server: send it afresh
            raise _as_httpx(exc, False, request) from exc
        return self._finish(key, conn, answer, request)

    def _finish(self, key: tuple[str, str, int], conn: Connection,
                answer: tuple[int, list[tuple[str, str]], bytes, bool], request: RequestInfo) -> HttpResponse:
        status, raw, body, reusable = answer
        if reusable:
            self._checkin(key, conn)
        else:
            conn.close()
        return HttpResponse(status, raw, _decoded(body, raw), request)

    def send(self, method: str, url: str, params: Sequence[tuple[str, str]], headers: dict[str, str],
             content: bytes | None, timeout: dict[str, float | None], ticket: object = None) -> HttpResponse:
        """Send one buffered request; raises the ``httpx.TransportError`` subclass httpx would.

        With the ``ticket`` of an earlier :meth:`presend` of the same request, its answer is read.
        """
        key, target, url, hdrs = _prepare(url, params, headers)
        request = RequestInfo(method, url)
        if ticket is not None and content is None and self._parked:
            claimed = self._claim(method, url, headers, timeout, request, ticket)
            if claimed is not None:
                return claimed
        for attempt in (0, 1):
            conn, reused = self._checkout(key, fresh=attempt > 0)
            connecting = conn.sock is None
            sent = False
            try:
                _send_on(conn, method, target, hdrs, content, timeout)
                connecting, sent = False, True
                answer = conn.read_response(method)
            except BaseException as exc:  # noqa: BLE001 - every failure closes the connection
                conn.close()
                if not isinstance(exc, Exception):
                    raise
                if reused and isinstance(exc, _STALE) and attempt == 0 and (not sent or method in _REPLAY_SAFE):
                    continue  # the server closed the idle connection just before we used it
                raise _as_httpx(exc, connecting, request) from exc
            return self._finish(key, conn, answer, request)
        raise AssertionError("unreachable")  # pragma: no cover


_REPLAY_SAFE = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
_STALE = (Disconnected, ConnectionResetError, BrokenPipeError)


def _send_on(conn: Connection, method: str, target: str, headers: dict[str, str], body: bytes | None,
             timeout: dict[str, float | None]) -> None:
    if conn.sock is None:
        conn.connect(timeout.get("connect"))
    assert conn.sock is not None
    conn.sock.settimeout(timeout.get("read"))
    conn.send_request(method, target, headers, body)


def _prepare(url: str, params: Sequence[tuple[str, str]], headers: dict[str, str]
             ) -> tuple[tuple[str, str, int], str, str, dict[str, str]]:
    """``(pool key, request target, full URL, wire headers)`` of one request."""
    scheme, host, port, target = _target(url)
    if params:
        query = _query(params)
        target += ("&" if "?" in target else "?") + query
        url += ("&" if "?" in url else "?") + query
    check_headers(headers)  # a line break in a value (a token, a custom header) is refused before sending
    hdrs = headers if any(k.lower() == "accept-encoding" for k in headers) else {"Accept-Encoding": ACCEPT_ENCODING,
                                                                                **headers}
    return (scheme, host, port), target, url, hdrs


def _query(params: Sequence[tuple[str, str]]) -> str:
    """``urlencode(params)``; pairs of plain ASCII letters and digits (``page=2``) need no quoting."""
    for k, v in params:
        if not (k.isascii() and k.isalnum() and v.isascii() and v.isalnum()):
            return urlencode(params)
    return "&".join([f"{k}={v}" for k, v in params])


def _signature(method: str, url: str, headers: dict[str, str], ticket: object) -> tuple:
    """What makes two requests the same request of one owner: method, full URL, every header (any order)."""
    return method, url, frozenset(headers.items()), ticket


def _as_httpx(exc: Exception, connecting: bool, request: RequestInfo) -> httpx.TransportError:
    """The httpx exception class for a socket or protocol failure (what RetryLayer understands)."""
    req = httpx.Request(request.method, request.url)
    msg = f"{type(exc).__name__}: {exc}"
    if isinstance(exc, (socket.timeout, TimeoutError)):
        return (httpx.ConnectTimeout if connecting else httpx.ReadTimeout)(msg, request=req)
    if isinstance(exc, (ConnectionRefusedError, socket.gaierror, ssl.SSLError)) or connecting:
        return httpx.ConnectError(msg, request=req)
    if isinstance(exc, ProtocolError):
        return httpx.RemoteProtocolError(msg, request=req)
    if isinstance(exc, OSError):
        return httpx.ReadError(msg, request=req)
    return httpx.TransportError(msg, request=req)
