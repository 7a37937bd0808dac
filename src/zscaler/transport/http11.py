"""A minimal HTTP/1.1 client connection: one buffered request at a time (RFC 9112 framing).

The fast path (:mod:`zscaler.transport.fasthttp`) needs to send a request and read a whole
answer on a kept-alive connection, nothing else: no streaming, no proxies, no upgrades.
``http.client`` does that too, but builds every header with a call of its own and parses the
answer's headers with the ``email`` package; this class writes the request in one ``sendall``
and reads the answer with ``readline``/``read`` on a buffered socket file, about 40 µs less
per request on loopback (``bench/RESULTS.md``).

Framing follows RFC 9112: interim 1xx answers are skipped; HEAD, 1xx, 204 and 304 answers
have no body; ``Transfer-Encoding: chunked`` is decoded (trailers are read and dropped); else
``Content-Length``; else the body runs to the end of the connection. The connection can be
reused unless the server said ``Connection: close`` (or is HTTP/1.0 without keep-alive) or
the body was delimited by closing.
"""

from __future__ import annotations

import re
import socket
import ssl
from typing import BinaryIO, Mapping

MAX_LINE = 65536  # bytes of one status or header line
MAX_HEADERS = 100
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})  # an empty body is announced as Content-Length: 0
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_BAD_TARGET = re.compile(r"[\x00-\x20\x7f]")
_HEX = frozenset(b"0123456789abcdefABCDEF")


class ProtocolError(Exception):
    """The answer is not framed as HTTP/1.1 says (or ended early)."""


class Disconnected(ProtocolError):
    """The connection closed before a status line arrived: a kept-alive connection the server dropped."""


def check_headers(headers: Mapping[str, str]) -> None:
    """Refuse header names that are not tokens and values with line breaks (header injection).

    The message names the header, never its value (it may be a credential).
    """
    for k, v in headers.items():
        if not _TOKEN.fullmatch(k):
            raise ValueError(f"invalid HTTP header name {k!r}: only letters, digits and !#$%&'*+-.^_`|~ are allowed")
        if "\r" in v or "\n" in v or "\0" in v:
            raise ValueError(f"the value of HTTP header {k!r} contains a line break or NUL character")


class Connection:
    """One HTTP/1.1 connection (plain or TLS). Not thread-safe: a pool hands it to one caller at a time."""

    __slots__ = ("scheme", "host", "port", "sock", "_ssl", "_rfile", "_host_header")

    def __init__(self, scheme: str, host: str, port: int, ssl_context: ssl.SSLContext | None = None) -> None:
        self.scheme, self.host, self.port = scheme, host, port
        self._ssl = ssl_context
        self.sock: socket.socket | None = None
        self._rfile: BinaryIO | None = None
        name = f"[{host}]" if ":" in host else host
        self._host_header = name if port == (443 if scheme == "https" else 80) else f"{name}:{port}"

    def connect(self, timeout: float | None) -> None:
        sock = socket.create_connection((self.host, self.port), timeout=timeout)
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            if self.scheme == "https":
                ctx = self._ssl or ssl.create_default_context()
                sock = ctx.wrap_socket(sock, server_hostname=self.host)
        except BaseException:
            sock.close()
            raise
        self.sock = sock
        self._rfile = sock.makefile("rb")

    def close(self) -> None:
        rfile, sock = self._rfile, self.sock
        self._rfile = self.sock = None
        if rfile is not None:
            rfile.close()
        if sock is not None:
            sock.close()

    def send_request(self, method: str, target: str, headers: Mapping[str, str], body: bytes | None) -> None:
        """Write the request line, ``headers`` (already checked by :func:`check_headers`) and ``body``."""
        if _BAD_TARGET.search(target):
            raise ValueError("the request target contains a space or control character")
        lines = [f"{method} {target} HTTP/1.1\r\n"]
        given = set()
        for k, v in headers.items():
            given.add(k.lower())
            lines.append(f"{k}: {v}\r\n")
        if "host" not in given:
            lines.insert(1, f"Host: {self._host_header}\r\n")
        if "content-length" not in given and "transfer-encoding" not in given:
            if body is not None:
                lines.append(f"Content-Length: {len(body)}\r\n")
            elif method in _BODY_METHODS:
                lines.append("Content-Length: 0\r\n")
        lines.append("\r\n")
        data = "".join(lines).encode("utf-8")
        assert self.sock is not None, "connect() first"
        if body and len(body) > 65536:
            self.sock.sendall(data)
            self.sock.sendall(body)
        else:
            self.sock.sendall(data + body if body else data)

    def read_response(self, method: str) -> tuple[int, list[tuple[str, str]], bytes, bool]:
        """``(status, headers, body, reusable)`` of the answer to the request just sent."""
        rf = self._rfile
        assert rf is not None, "connect() first"
        while True:
            line = rf.readline(MAX_LINE + 1)
            if not line:
                raise Disconnected("the server closed the connection without answering")
            version, status = _status_line(line)
            headers = _header_lines(rf)
            if not 100 <= status < 200 or status == 101:
                break  # 1xx answers other than 101 are interim: the real one follows
        te: str | None = None
        length: str | None = None
        tokens: set[str] = set()
        for k, v in headers:
            lk = k.lower()
            if lk == "transfer-encoding":
                te = v if te is None else f"{te}, {v}"
            elif lk == "content-length":
                if length is not None and length != v:
                    raise ProtocolError("the answer has conflicting Content-Length headers")
                length = v
            elif lk == "connection":
                tokens.update(t.strip().lower() for t in v.split(","))
        reusable = ("keep-alive" in tokens) if version == b"HTTP/1.0" else ("close" not in tokens)
        if method == "HEAD" or status in (204, 304) or status < 200:
            return status, headers, b"", reusable and status != 101
        if te is not None:
            if te.rsplit(",", 1)[-1].strip().lower() == "chunked":
                return status, headers, _chunked(rf), reusable
            return status, headers, rf.read(), False
        if length is not None:
            n = _content_length(length)
            body = rf.read(n)
            if len(body) < n:
                raise ProtocolError(f"the connection closed after {len(body)} of {n} body bytes")
            return status, headers, body, reusable
        return status, headers, rf.read(), False


def _status_line(line: bytes) -> tuple[bytes, int]:
    parts = line.split(None, 2)
    if (len(line) > MAX_LINE or len(parts) < 2 or not parts[0].startswith(b"HTTP/1.")
            or len(parts[1]) != 3 or not parts[1].isdigit()):
        raise ProtocolError(f"not an HTTP/1.x status line: {line[:40]!r}")
    return parts[0], int(parts[1])


def _header_lines(rf: BinaryIO) -> list[tuple[str, str]]:
    headers: list[tuple[str, str]] = []
    while True:
        line = rf.readline(MAX_LINE + 1)
        if line in (b"\r\n", b"\n"):
            return headers
        if not line:
            raise ProtocolError("the connection closed in the middle of the headers")
        if len(line) > MAX_LINE:
            raise ProtocolError(f"a header line is longer than {MAX_LINE} bytes")
        if line[:1] in (b" ", b"\t"):  # obsolete line folding: continues the previous value
            if not headers:
                raise ProtocolError("the headers start with a continuation line")
            k, v = headers[-1]
            headers[-1] = (k, f"{v} {line.strip().decode('latin-1')}")
            continue
        if len(headers) >= MAX_HEADERS:
            raise ProtocolError(f"the answer has more than {MAX_HEADERS} headers")
        name, sep, value = line.decode("latin-1").partition(":")
        name = name.strip()
        if not sep or not name:
            raise ProtocolError(f"malformed header line: {line[:40]!r}")
        headers.append((name, value.strip()))


def _content_length(value: str) -> int:
    values = {v.strip() for v in value.split(",")}  # "5, 5" (a repeated header folded) is allowed
    if len(values) != 1 or not next(iter(values)).isdigit():
        raise ProtocolError(f"invalid Content-Length {value[:40]!r}")
    return int(values.pop())


def _chunked(rf: BinaryIO) -> bytes:
    chunks = []
    while True:
        line = rf.readline(MAX_LINE + 1)
        size_text = line.split(b";", 1)[0].strip()
        if not size_text or not set(size_text) <= _HEX or len(line) > MAX_LINE:
            raise ProtocolError("the chunked body ended early" if not line else f"invalid chunk size line {line[:40]!r}")
        size = int(size_text, 16)
        if size == 0:
            break
        data = rf.read(size)
        if len(data) < size or rf.readline(3) not in (b"\r\n", b"\n"):
            raise ProtocolError("the chunked body ended early or a chunk is not followed by CRLF")
        chunks.append(data)
    while True:  # trailer fields, then the empty line
        line = rf.readline(MAX_LINE + 1)
        if line in (b"\r\n", b"\n"):
            return b"".join(chunks)
        if not line or len(line) > MAX_LINE:
            raise ProtocolError("the chunked body's trailer section ended early")
