"""A small HTTP/1.1 server on asyncio Protocols.

Only what the simulator needs: request line + headers, ``Content-Length`` and chunked bodies,
keep-alive and pipelining, and a few deliberate misbehaviours used by fault rules
(close without answering, cut a body short, answer late). It is written for speed:
the common path parses and answers a request inside ``data_received`` without creating
tasks or futures.
"""

from __future__ import annotations

import asyncio
import sys
import time
import traceback
from email.utils import formatdate
from typing import Any, Callable
from urllib.parse import unquote

MAX_HEAD = 64 * 1024
MAX_BODY = 256 * 1024 * 1024

REASONS = {
    200: "OK", 201: "Created", 202: "Accepted", 204: "No Content", 301: "Moved Permanently",
    302: "Found", 304: "Not Modified", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden",
    404: "Not Found", 405: "Method Not Allowed", 409: "Conflict", 411: "Length Required",
    412: "Precondition Failed", 413: "Payload Too Large", 415: "Unsupported Media Type",
    422: "Unprocessable Entity", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
}


class Request:
    """One parsed request. ``headers`` has lower-cased names; ``header_list`` keeps the wire order."""

    __slots__ = ("method", "target", "path", "raw_query", "version", "headers", "header_list", "body", "peer")

    def __init__(self, method, target, path, raw_query, version, headers, header_list, body, peer):
        self.method = method
        self.target = target
        self.path = path
        self.raw_query = raw_query
        self.version = version
        self.headers = headers
        self.header_list = header_list
        self.body = body
        self.peer = peer


class Response:
    """What the handler answers.

    ``action`` is ``None`` (normal), ``"reset"`` (close the connection without a byte)
    or ``"truncate"`` (announce the full body, send half of it, close). ``delay`` seconds are
    waited before anything is sent; ``later`` (a callable returning a Response) is then
    called to produce the answer, so the work happens after the wait.
    """

    __slots__ = ("status", "body", "headers", "action", "delay", "later")

    def __init__(self, status=200, body=b"", headers=None, action=None, delay=0.0, later=None):
        self.status = status
        self.body = body
        self.headers = headers if headers is not None else []
        self.action = action
        self.delay = delay
        self.later = later


_date_cache: list[Any] = [0, ""]  # [second, its HTTP date]


def http_date() -> str:
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache[0] = now
        _date_cache[1] = formatdate(now, usegmt=True)
    return _date_cache[1]


def render(resp: Response, keep_alive: bool) -> bytes:
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
    __slots__ = ("server", "transport", "buf", "busy", "peer", "closed")

    def __init__(self, server: "HTTPServer"):
        self.server = server
        self.transport: asyncio.Transport | None = None
        self.buf = bytearray()
        self.busy = False
        self.peer = None
        self.closed = False

    # -- asyncio callbacks ---------------------------------------------------------
    def connection_made(self, transport):
        self.transport = transport
        self.peer = transport.get_extra_info("peername")
        self.server.connections.add(self)

    def connection_lost(self, exc):
        self.closed = True
        self.server.connections.discard(self)

    def data_received(self, data):
        self.buf += data
        if not self.busy:
            self._process()

    # -- parsing -------------------------------------------------------------------
    def _fail(self, status, message):
        body = ('{"code":"BAD_REQUEST","message":"%s"}' % message).encode()
        self.transport.write(render(Response(status, body), False))
        self.transport.close()
        self.buf.clear()
        self.busy = True

    def _parse_one(self):
        buf = self.buf
        end = buf.find(b"\r\n\r\n")
        if end < 0:
            if len(buf) > MAX_HEAD:
                self._fail(431, "request head too large")
            return None
        head = bytes(buf[:end]).decode("latin-1")
        lines = head.split("\r\n")
        # tolerate stray empty lines between pipelined requests
        while lines and not lines[0]:
            lines.pop(0)
        if not lines:
            del buf[: end + 4]
            return self._parse_one()
        parts = lines[0].split(" ")
        if len(parts) != 3:
            self._fail(400, "malformed request line")
            return None
        method, target, version = parts
        headers: dict[str, str] = {}
        header_list = []
        for line in lines[1:]:
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
        if "chunked" in headers.get("transfer-encoding", "").lower():
            got = self._chunked_body(end + 4)
            if got is None:
                return None
            body, total = got
            del buf[:total]
            path, _, query = target.partition("?")
            if "%" in path:
                path = unquote(path)
            return Request(method.upper(), target, path, query, version, headers, header_list, body, self.peer)
        cl = headers.get("content-length")
        length = 0
        if cl:
            try:
                length = int(cl)
            except ValueError:
                self._fail(400, "bad Content-Length")
                return None
            if length < 0 or length > MAX_BODY:
                self._fail(413, "body too large")
                return None
        total = end + 4 + length
        if len(buf) < total:
            return None
        body = bytes(buf[end + 4 : total])
        del buf[:total]
        path, _, query = target.partition("?")
        if "%" in path:
            path = unquote(path)
        return Request(method.upper(), target, path, query, version, headers, header_list, body, self.peer)

    def _chunked_body(self, pos: int):
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
                self._fail(400, "bad chunk size")
                return None
            size_total += size
            if size_total > MAX_BODY:
                self._fail(413, "body too large")
                return None
            start = eol + 2
            if size == 0:
                trailer_end = buf.find(b"\r\n\r\n", eol)  # optional trailers end with an empty line
                if trailer_end < 0:
                    return None
                return b"".join(parts), trailer_end + 4
            if len(buf) < start + size + 2:
                return None
            parts.append(bytes(buf[start:start + size]))
            pos = start + size + 2

    def _keep_alive(self, req: Request) -> bool:
        conn = req.headers.get("connection", "").lower()
        if req.version == "HTTP/1.0":
            return "keep-alive" in conn
        return "close" not in conn

    def _process(self):
        while not self.closed and not self.busy:
            req = self._parse_one()
            if req is None:
                return
            keep = self._keep_alive(req)
            try:
                resp = self.server.handler(req)
            except Exception:  # pragma: no cover - defensive
                traceback.print_exc(file=sys.stderr)
                resp = Response(500, b'{"code":"UNEXPECTED_ERROR","message":"simulator error"}')
            if resp.delay or resp.action or resp.later is not None:
                self.busy = True
                self.transport.pause_reading()
                self.server.loop.create_task(self._slow(resp, keep))
                return
            data = render(resp, keep)
            if req.method == "HEAD":  # headers only (Content-Length still tells the size)
                data = data[: data.index(b"\r\n\r\n") + 4]
            self.transport.write(data)
            if not keep:
                self.transport.close()
                self.busy = True
                return

    async def _slow(self, resp: Response, keep: bool):
        try:
            if resp.delay:
                await asyncio.sleep(resp.delay)
            if resp.later is not None:
                try:
                    resp = resp.later()
                except Exception:  # pragma: no cover - defensive
                    traceback.print_exc(file=sys.stderr)
                    resp = Response(500, b'{"code":"UNEXPECTED_ERROR","message":"simulator error"}')
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
                self.transport.resume_reading()
                if self.buf:
                    self._process()


class HTTPServer:
    """Owns the listening socket and the open connections of one event loop."""

    def __init__(self, handler: Callable[[Request], Response]):
        self.handler = handler
        self.connections: set[HTTPProtocol] = set()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.server: asyncio.base_events.Server | None = None

    async def listen(self, host: str, port: int):
        self.loop = asyncio.get_running_loop()
        self.server = await self.loop.create_server(
            lambda: HTTPProtocol(self), host, port, reuse_address=True, backlog=1024
        )
        return self.server.sockets[0].getsockname()[:2]

    async def close(self):
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
