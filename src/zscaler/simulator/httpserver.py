"""A small HTTP/1.1 server on asyncio Protocols: the simulator's edge.

Only what the simulator needs: request line + headers, ``Content-Length`` and chunked bodies,
keep-alive and pipelining, and a few deliberate misbehaviours used by fault rules
(close without answering, cut a body short, answer late). It is written for speed:
the common path parses and answers a request inside ``data_received`` without creating
tasks or futures.

Abusive clients are bounded by :class:`Limits`: a request line longer than
``max_line`` answers 414, a header field longer than ``max_field``, more than ``max_headers``
fields or a head larger than ``max_head`` answer 431, a body larger than ``max_body`` 413, a
malformed ``Content-Length`` 400. A client that takes longer than ``header_timeout`` to send a
request head gets 408 and is closed; an idle keep-alive connection is closed after
``idle_timeout`` (a sweep once a second checks both, so the hot path only stores a time).
"""

from __future__ import annotations

import asyncio
import sys
import time
import traceback
from dataclasses import dataclass
from email.utils import formatdate
from typing import Any, Callable, cast
from urllib.parse import unquote

from .wire import dumps as _dumps

MAX_HEAD = 64 * 1024
MAX_BODY = 64 * 1024 * 1024
UNSET: Any = object()  # Response.value when the answer is raw bytes


@dataclass(frozen=True)
class Limits:
    """What one connection may send, and how long it may take."""

    header_timeout: float = 30.0  # seconds from the first byte of a request to the end of its head
    idle_timeout: float = 120.0  # seconds a keep-alive connection may stay silent between requests
    max_line: int = 8 * 1024  # bytes of the request line (longer: 414)
    max_field: int = 8 * 1024  # bytes of one header line (longer: 431)
    max_headers: int = 100  # header fields (more: 431)
    max_head: int = MAX_HEAD  # bytes of the whole head (larger: 431)
    max_body: int = MAX_BODY  # bytes of a body (larger: 413)

    def __post_init__(self) -> None:
        for name in ("header_timeout", "idle_timeout"):
            if not 0 < getattr(self, name) < float("inf"):
                raise ValueError(f"{name} must be a positive number of seconds, got {getattr(self, name)!r}")
        for name in ("max_line", "max_field", "max_headers", "max_head", "max_body"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)!r}")

REASONS = {
    200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently",
    302: "Found", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict",
    411: "Length Required", 412: "Precondition Failed", 413: "Payload Too Large", 414: "URI Too Long",
    415: "Unsupported Media Type",
    422: "Unprocessable Entity", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
}


class Request:
    """One parsed request. ``headers`` has lower-cased names; ``header_list`` keeps the wire order.

    ``path`` is percent-decoded; ``raw_path`` is as sent, so routing can split segments before
    decoding them (``%2F`` inside an id stays part of the id).
    """

    __slots__ = ("method", "target", "path", "raw_path", "raw_query", "version", "headers", "header_list",
                 "body", "peer")

    def __init__(self, method: str, target: str, path: str, raw_query: str, version: str, headers: dict[str, str],
                 header_list: list[tuple[str, str]], body: bytes, peer: Any, raw_path: str | None = None) -> None:
        self.method = method
        self.target = target
        self.path = path
        self.raw_path = path if raw_path is None else raw_path
        self.raw_query = raw_query
        self.version = version
        self.headers = headers
        self.header_list = header_list
        self.body = body
        self.peer = peer


class Response:
    """What the handler answers.

    ``value`` is the answer as a Python value (built with :meth:`json`); it is serialized once,
    by :meth:`serialize`, when the answer leaves the engine. ``body`` holds raw bytes
    (CSV, YAML, fault bodies) or the serialized value.

    ``action`` is ``None`` (normal), ``"reset"`` (close the connection without a byte)
    or ``"truncate"`` (announce the full body, send half of it, close). ``delay`` seconds are
    waited before anything is sent; ``later`` (a callable returning a Response) is then
    called to produce the answer, so the work happens after the wait.
    """

    __slots__ = ("status", "body", "headers", "action", "delay", "later", "_value", "_fragments")

    def __init__(self, status: int = 200, body: bytes = b"", headers: Any = None, action: str | None = None,
                 delay: float = 0.0, later: Any = None, value: Any = UNSET) -> None:
        self.status = status
        self.body = body
        self.headers = headers if headers is not None else []
        self.action = action
        self.delay = delay
        self.later = later
        self._value = value
        self._fragments = False

    @classmethod
    def json(cls, status: int, value: Any, headers: list[Any] | None = None, *, fragments: bool = False) -> "Response":
        """A JSON answer (no body for 204). ``fragments``: ``value`` is a page holding
        :class:`~zscaler.simulator.behaviors.represent.Fragment` items (a listing's objects as text)."""
        resp = cls(status, b"", headers, value=value if status != 204 else UNSET)
        resp._fragments = fragments
        return resp

    @property
    def value(self) -> Any:
        """The answer as a Python value (UNSET once encoded, or when the answer is raw bytes)."""
        if self._fragments:
            from .behaviors.represent import plain

            self._value, self._fragments = plain(self._value), False
        return self._value

    @value.setter
    def value(self, value: Any) -> None:
        self._value, self._fragments = value, False

    def copy_value(self) -> Any:
        """A copy of ``value`` sharing no dict or list with it (or with the store it came from)."""
        return _detached(self.value)

    def serialize(self) -> "Response":
        """Encode ``value`` into ``body`` (once; later calls do nothing)."""
        if self._value is not UNSET:
            if self._fragments:
                from .behaviors.represent import encode

                self.body = encode(self._value).encode("utf-8")
            else:
                self.body = _dumps(self._value)
            self._value, self._fragments = UNSET, False
        return self


_date_cache: list[Any] = [0, ""]  # [second, its HTTP date]


def http_date() -> str:
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache[0] = now
        _date_cache[1] = formatdate(now, usegmt=True)
    return cast("str", _date_cache[1])


def _detached(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _detached(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_detached(v) for v in value]
    return value


def render(resp: Response, keep_alive: bool) -> bytes:
    resp.serialize()
    status = resp.status
    body = resp.body or b""
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Unknown')}\r\n"]
    has_ct = False
    for k, v in resp.headers:
        if k.lower() == "content-type":
            has_ct = True
        lines.append(f"{k}: {v}\r\n")
    if status != 204 and status != 304:
        if not has_ct:
            lines.append("Content-Type: application/json\r\n")
        lines.append(f"Content-Length: {len(body)}\r\n")
    else:
        body = b""
    lines.append(f"Date: {http_date()}\r\n")
    if not keep_alive:
        lines.append("Connection: close\r\n")
    lines.append("\r\n")
    head = "".join(lines).encode("latin-1", "replace")
    return head + body if body else head


class HTTPProtocol(asyncio.Protocol):
    __slots__ = ("server", "transport", "buf", "busy", "peer", "closed", "deadline")

    def __init__(self, server: "HTTPServer"):
        self.server = server
        self.transport: asyncio.Transport | None = None
        self.buf = bytearray()
        self.busy = False
        self.peer = None
        self.closed = False
        self.deadline = time.monotonic() + server.limits.idle_timeout  # checked by HTTPServer's sweep

    # -- asyncio callbacks ---------------------------------------------------------
    def connection_made(self, transport: Any) -> None:
        self.transport = transport
        self.peer = transport.get_extra_info("peername")
        self.server.connections.add(self)

    def connection_lost(self, exc: Any) -> None:
        self.closed = True
        self.server.connections.discard(self)

    def data_received(self, data: Any) -> None:
        if not self.buf:  # a new request starts: its head must be complete within header_timeout
            self.deadline = time.monotonic() + self.server.limits.header_timeout
        self.buf += data
        if not self.busy:
            self._process()

    def expire(self) -> None:
        """The deadline passed: 408 to a half-sent request, silence to an idle connection."""
        transport = self.transport
        if transport is None or self.closed or transport.is_closing():
            return
        if self.buf:
            transport.write(render(Response(408, _error_body("request head not received in time")), False))
        transport.close()
        self.buf.clear()
        self.busy = True

    # -- parsing -------------------------------------------------------------------
    def _fail(self, status: Any, message: Any) -> None:
        transport = cast(asyncio.Transport, self.transport)  # set by connection_made, before any data
        transport.write(render(Response(status, _error_body(message)), False))
        transport.close()
        self.buf.clear()
        self.busy = True

    def _parse_one(self) -> Any:
        buf = self.buf
        limits = self.server.limits
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            if len(buf) > limits.max_line and buf.find(b"\r\n", 0, limits.max_line + 2) < 0:
                self._fail(414, "request line too long")
            elif len(buf) > limits.max_head:
                self._fail(431, "request head too large")
            return None
        if end > limits.max_head:
            self._fail(431, "request head too large")
            return None
        lines = bytes(buf[:end]).decode("latin-1").split("\r\n")
        # tolerate stray empty lines between pipelined requests
        while lines and not lines[0]:
            lines.pop(0)
        if not lines:
            del buf[: end + 4]
            return self._parse_one()
        head = self._parse_head(lines)
        if head is None:
            return None
        if "chunked" in head[3].get("transfer-encoding", "").lower():
            got = self._chunked_body(end + 4)
        else:
            got = self._sized_body(end + 4, head[3].get("content-length"))
        if got is None:
            return None
        body, total = got
        del buf[:total]
        return self._request(head, body)

    def _parse_head(self, lines: list[str]) -> Any:
        """``(method, target, version, headers, header_list)``, or None after answering an error."""
        limits = self.server.limits
        if len(lines[0]) > limits.max_line:
            self._fail(414, "request line too long")
            return None
        parts = lines[0].split(" ")
        if len(parts) != 3:
            self._fail(400, "malformed request line")
            return None
        if len(lines) - 1 > limits.max_headers:
            self._fail(431, "too many header fields")
            return None
        headers: dict[str, str] = {}
        header_list = []
        for line in lines[1:]:
            if len(line) > limits.max_field:
                self._fail(431, "header field too large")
                return None
            name, sep, value = line.partition(":")
            if not sep:
                continue
            value = value.strip()
            header_list.append((name.strip(), value))
            key = name.strip().lower()
            if key in headers:
                headers[key] = headers[key] + ("; " if key == "cookie" else ", ") + value
            else:
                headers[key] = value
        return parts[0], parts[1], parts[2], headers, header_list

    def _sized_body(self, start: int, cl: str | None) -> Any:
        """``(body, end)`` of a ``Content-Length`` body; None while incomplete or after an error."""
        length = 0
        if cl is not None:
            if not (cl.isascii() and cl.isdigit()):
                self._fail(400, "Content-Length must be a non-negative whole number")
                return None
            length = int(cl)
            if length > self.server.limits.max_body:
                self._fail(413, "body too large")
                return None
        total = start + length
        if len(self.buf) < total:
            if length:  # receiving the body: give the client time as long as it sends
                self.deadline = time.monotonic() + self.server.limits.idle_timeout
            return None
        return bytes(self.buf[start:total]), total

    def _request(self, head: Any, body: bytes) -> Request:
        method, target, version, headers, header_list = head
        raw_path, _, query = target.partition("?")
        path = unquote(raw_path) if "%" in raw_path else raw_path
        return Request(method.upper(), target, path, query, version, headers, header_list, body, self.peer,
                       raw_path)

    def _chunked_body(self, pos: int) -> Any:
        """Decode a chunked body starting at ``pos``: ``(body, end)``, or None while incomplete."""
        buf = self.buf
        parts: list[bytes] = []
        size_total = 0
        while True:
            eol = buf.find(b"\r\n", pos)
            if eol < 0:
                return None
            try:
                size = int(bytes(buf[pos:eol]).split(b";")[0].strip() or b"x", 16)
            except ValueError:
                size = -1
            if size < 0:
                self._fail(400, "bad chunk size")
                return None
            size_total += size
            if size_total > self.server.limits.max_body:
                self._fail(413, "body too large")
                return None
            start = eol + 2
            if size == 0:
                trailer_end = buf.find(b"\r\n\r\n", eol)  # optional trailers end with an empty line
                if trailer_end < 0:
                    return None
                return b"".join(parts), trailer_end + 4
            if len(buf) < start + size + 2:
                self.deadline = time.monotonic() + self.server.limits.idle_timeout
                return None
            parts.append(bytes(buf[start:start + size]))
            pos = start + size + 2

    def _keep_alive(self, req: Request) -> bool:
        conn = req.headers.get("connection", "").lower()
        if req.version == "HTTP/1.0":
            return "keep-alive" in conn
        return "close" not in conn

    def _process(self) -> None:
        transport = cast(asyncio.Transport, self.transport)  # set by connection_made, before any data
        while not self.closed and not self.busy:
            req = self._parse_one()
            if req is None:
                return
            keep = self._keep_alive(req)
            try:
                resp = self.server.handler(req)
            except Exception:  # pragma: no cover - defensive
                traceback.print_exc(file=sys.stderr)
                resp = Response(500, _error_body("simulator error", "UNEXPECTED_ERROR"))
            if resp.delay or resp.action or resp.later is not None:
                self.busy = True
                transport.pause_reading()
                cast(asyncio.AbstractEventLoop, self.server.loop).create_task(self._slow(resp, keep))
                return
            data = render(resp, keep)
            if req.method == "HEAD":  # headers only (Content-Length still tells the size)
                data = data[: data.index(b"\r\n\r\n") + 4]
            transport.write(data)
            if not keep:
                transport.close()
                self.busy = True
                return
            self._rearm()

    def _rearm(self) -> None:
        """After an answer: the next request's head is due (pipelined bytes) or the idle clock runs."""
        limits = self.server.limits
        self.deadline = time.monotonic() + (limits.header_timeout if self.buf else limits.idle_timeout)

    async def _slow(self, resp: Response, keep: bool) -> None:
        try:
            if resp.delay:
                await asyncio.sleep(resp.delay)
            if resp.later is not None:
                try:
                    resp = resp.later()
                except Exception:  # pragma: no cover - defensive
                    traceback.print_exc(file=sys.stderr)
                    resp = Response(500, _error_body("simulator error", "UNEXPECTED_ERROR"))
            if self.closed:
                return
            transport = self.transport
            if transport is None:
                raise RuntimeError("HTTPProtocol: a response was scheduled before the connection was made")
            if resp.action == "reset":
                transport.abort()
                return
            if resp.action == "truncate":
                data = render(resp, False)
                cut = len(data) - max(1, len(resp.body or b"") // 2)
                transport.write(data[:cut])
                transport.close()
                return
            transport.write(render(resp, keep))
            if not keep:
                transport.close()
                return
        finally:
            if not self.closed and self.transport is not None and not self.transport.is_closing():
                self.busy = False
                self._rearm()
                self.transport.resume_reading()
                if self.buf:
                    self._process()


def _error_body(message: str, code: str = "BAD_REQUEST") -> bytes:
    return _dumps({"code": code, "message": message})


class HTTPServer:
    """Owns the listening socket and the open connections of one event loop."""

    def __init__(self, handler: Callable[[Request], Response], limits: Limits | None = None):
        self.handler = handler
        self.limits = limits or Limits()
        self.connections: set[HTTPProtocol] = set()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.server: asyncio.base_events.Server | None = None
        self._sweeper: asyncio.TimerHandle | None = None

    async def listen(self, host: str, port: int) -> Any:
        self.loop = asyncio.get_running_loop()
        self.server = await self.loop.create_server(
            lambda: HTTPProtocol(self), host, port, reuse_address=True, backlog=1024
        )
        self._schedule_sweep()
        return self.server.sockets[0].getsockname()[:2]

    def _schedule_sweep(self) -> None:
        if self.loop is None:
            return
        every = min(1.0, self.limits.header_timeout / 4, self.limits.idle_timeout / 4)
        self._sweeper = self.loop.call_later(every, self._sweep)

    def _sweep(self) -> None:
        """Close the connections whose header or idle deadline has passed (busy ones are answering)."""
        now = time.monotonic()
        for conn in [c for c in self.connections if not c.busy and c.deadline < now]:
            conn.expire()
        self._schedule_sweep()

    async def close(self) -> None:
        if self._sweeper is not None:
            self._sweeper.cancel()
            self._sweeper = None
        if self.server is not None:
            self.server.close()
        for conn in list(self.connections):
            if conn.transport is not None:
                conn.transport.abort()
        self.connections.clear()
        if self.server is not None:
            try:
                await asyncio.wait_for(self.server.wait_closed(), 2)
            except (asyncio.TimeoutError, Exception):  # pragma: no cover
                pass
