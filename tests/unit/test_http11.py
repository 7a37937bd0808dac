"""The minimal HTTP/1.1 connection of the fast path, against a scripted loopback server."""

import socket
import threading

import pytest

from zscaler.transport import http11


class Scripted:
    """Accepts connections; for each request read, sends the next canned answer (bytes), or closes."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests = []
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while self.answers:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                buf = b""
                while self.answers:
                    while b"\r\n\r\n" not in buf:
                        data = conn.recv(65536)
                        if not data:
                            break
                        buf += data
                    if b"\r\n\r\n" not in buf:
                        break
                    head, _, buf = buf.partition(b"\r\n\r\n")
                    length = next((int(v) for k, _, v in (h.partition(b":") for h in head.split(b"\r\n")[1:])
                                   if k.strip().lower() == b"content-length"), 0)
                    while len(buf) < length:
                        buf += conn.recv(65536)
                    self.requests.append((head, buf[:length]))
                    buf = buf[length:]
                    answer = self.answers.pop(0)
                    if answer is None:
                        break  # close without answering
                    conn.sendall(answer)
                    if answer.endswith(b"#close"):
                        break

    def connection(self):
        c = http11.Connection("http", "127.0.0.1", self.port)
        c.connect(5)
        c.sock.settimeout(5)
        return c


def ok(body=b"{}", extra=b""):
    return b"HTTP/1.1 200 OK\r\nContent-Length: " + str(len(body)).encode() + b"\r\n" + extra + b"\r\n" + body


def test_request_bytes_and_a_kept_alive_answer():
    srv = Scripted(ok(b'{"a":1}', b"X-Ratelimit-Remaining: 9\r\n"), ok(b"[]"))
    c = srv.connection()
    c.send_request("POST", "/zia/api/v1/x?page=2", {"Authorization": "Bearer t", "X-U": "é"}, b'{"n":1}')
    status, headers, body, reusable = c.read_response("POST")
    assert (status, body, reusable) == (200, b'{"a":1}', True)
    assert ("X-Ratelimit-Remaining", "9") in headers
    c.send_request("GET", "/y", {}, None)
    assert c.read_response("GET")[2] == b"[]"
    head, sent = srv.requests[0]
    lines = head.split(b"\r\n")
    assert lines[0] == b"POST /zia/api/v1/x?page=2 HTTP/1.1"
    assert lines[1] == f"Host: 127.0.0.1:{srv.port}".encode()
    assert b"X-U: \xc3\xa9" in lines and b"Content-Length: 7" in lines and sent == b'{"n":1}'
    assert b"Content-Length" not in srv.requests[1][0]  # a GET without a body announces none
    c.close()
    assert c.sock is None


def test_empty_post_announces_zero_length_and_host_can_be_given():
    srv = Scripted(ok())
    c = srv.connection()
    c.send_request("PUT", "/x", {"Host": "api.zsapi.net"}, None)
    c.read_response("PUT")
    lines = srv.requests[0][0].split(b"\r\n")
    assert b"Content-Length: 0" in lines and lines.count(b"Host: api.zsapi.net") == 1
    assert not any(line.startswith(b"Host: 127.0.0.1") for line in lines)


def test_default_ports_and_ipv6_in_the_host_header():
    assert http11.Connection("https", "api.zsapi.net", 443)._host_header == "api.zsapi.net"
    assert http11.Connection("http", "::1", 8080)._host_header == "[::1]:8080"
    assert http11.Connection("http", "h", 80)._host_header == "h"


def test_chunked_body_with_extensions_and_trailers():
    answer = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
              b"4;ext=1\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\nX-Trailer: t\r\n\r\n")
    srv = Scripted(answer, ok(b"next"))
    c = srv.connection()
    c.send_request("GET", "/x", {}, None)
    assert c.read_response("GET")[2:] == (b'{"a":1}', True)
    c.send_request("GET", "/x", {}, None)  # the connection is positioned exactly after the body
    assert c.read_response("GET")[2] == b"next"


def test_interim_answers_are_skipped():
    srv = Scripted(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + ok(b"done"))
    c = srv.connection()
    c.send_request("GET", "/x", {}, None)
    status, headers, body, _ = c.read_response("GET")
    assert (status, body) == (200, b"done") and ("Link", "</a>") not in headers


@pytest.mark.parametrize("answer,method,reusable", [
    (b"HTTP/1.1 204 No Content\r\n\r\n", "DELETE", True),
    (b"HTTP/1.1 304 Not Modified\r\nContent-Length: 99\r\n\r\n", "GET", True),
    (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", "HEAD", True),
    (b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}", "GET", False),
    (b"HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\n{}", "GET", False),
    (b"HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\n{}", "GET", True),
])
def test_bodies_that_are_not_there_and_connection_reuse(answer, method, reusable):
    srv = Scripted(answer)
    c = srv.connection()
    c.send_request(method, "/x", {}, None)
    status, _, body, again = c.read_response(method)
    assert again is reusable and body == (b"{}" if b"{}" in answer else b"")


def test_body_until_close():
    srv = Scripted(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it#close")
    c = srv.connection()
    c.send_request("GET", "/x", {}, None)
    assert c.read_response("GET")[2:] == (b"all of it#close", False)


def test_folded_header_lines_continue_the_value():
    srv = Scripted(b"HTTP/1.1 200 OK\r\nX-Long: a\r\n\tb\r\nContent-Length: 0\r\n\r\n")
    c = srv.connection()
    c.send_request("GET", "/x", {}, None)
    assert ("X-Long", "a b") in c.read_response("GET")[1]


@pytest.mark.parametrize("answer,match", [
    (b"HTTP/2 200 OK\r\n\r\n", "not an HTTP/1.x status line"),
    (b"ICY 200 OK\r\n\r\n", "not an HTTP/1.x status line"),
    (b"HTTP/1.1 20 OK\r\n\r\n", "not an HTTP/1.x status line"),
    (b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n", "malformed header line"),
    (b"HTTP/1.1 200 OK\r\n folded first\r\n\r\n", "continuation line"),
    (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", "conflicting Content-Length"),
    (b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "invalid Content-Length"),
    (b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc#close", "after 9 of 10 body bytes"),
    (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "invalid chunk size"),
    (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab#close", "ended early"),
    (b"HTTP/1.1 200 OK\r\nX: " + b"a" * 70000 + b"\r\n\r\n", "longer than"),
    (b"HTTP/1.1 200 OK\r\n" + b"X: 1\r\n" * 101 + b"\r\n", "more than 100 headers"),
    (b"HTTP/1.1 200 OK\r\nX: 1#close", "closed in the middle of the headers"),
])
def test_malformed_answers_are_protocol_errors(answer, match):
    srv = Scripted(answer)
    c = srv.connection()
    c.send_request("GET", "/x", {}, None)
    with pytest.raises(http11.ProtocolError, match=match):
        c.read_response("GET")


def test_a_close_before_the_status_line_is_a_disconnect():
    srv = Scripted(None)
    c = srv.connection()
    c.send_request("GET", "/x", {}, None)
    with pytest.raises(http11.Disconnected):
        c.read_response("GET")


@pytest.mark.parametrize("headers,match", [
    ({"Bad Name": "x"}, "invalid HTTP header name 'Bad Name'"),
    ({"X:Y": "x"}, "invalid HTTP header name"),
    ({"Authorization": "Bearer secret\r\nX-Injected: 1"}, "'Authorization' contains a line break"),
    ({"X": "a\nb"}, "line break"), ({"X": "a\0b"}, "NUL"),
])
def test_header_injection_is_refused_without_echoing_the_value(headers, match):
    with pytest.raises(ValueError, match=match) as e:
        http11.check_headers(headers)
    assert "secret" not in str(e.value)


def test_request_target_with_spaces_is_refused():
    srv = Scripted(ok())
    c = srv.connection()
    with pytest.raises(ValueError, match="request target"):
        c.send_request("GET", "/a b", {}, None)
