"""The buffered fast path (transport/fasthttp.py): kept-alive standard-library connections."""

import gzip
import socket
import threading
import zlib

import httpx
import pytest

from zscaler.transport import fasthttp

TIMEOUT = {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0}


def test_fast_pool_only_where_it_behaves_like_httpx(monkeypatch):
    with httpx.Client() as plain:
        assert fasthttp.FastPool.for_client(plain) is not None
    with httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200))) as custom:
        assert fasthttp.FastPool.for_client(custom) is None
    with httpx.Client(proxy="http://127.0.0.1:3128") as proxied:
        pool = fasthttp.FastPool.for_client(proxied)
        assert pool is not None and not pool.serves("https://api.zsapi.net/zia/api/v1/users")
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:3128")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with httpx.Client(trust_env=True) as env_proxied:  # a corporate setup: proxy, with exceptions
        pool = fasthttp.FastPool.for_client(env_proxied)
        assert pool.serves("http://127.0.0.1:8080/x") and not pool.serves("https://api.zsapi.net/x")
    monkeypatch.delenv("HTTPS_PROXY")
    monkeypatch.delenv("NO_PROXY")
    monkeypatch.setenv("ZSCALER_SDK_HTTPX_ONLY", "true")
    with httpx.Client() as plain:
        assert fasthttp.FastPool.for_client(plain) is None


def test_tls_settings_come_from_the_httpx_client():
    with httpx.Client(verify=False) as c:
        pool = fasthttp.FastPool.for_client(c)
        assert pool._ssl is c._transport._pool._ssl_context


@pytest.mark.parametrize("encoding,packed", [
    ("gzip", gzip.compress(b'{"a": 1}')),
    ("deflate", zlib.compress(b'{"a": 1}')),
    ("deflate", zlib.compress(b'{"a": 1}')[2:-4]),  # raw deflate, as some servers send it
    ("identity", b'{"a": 1}'),
])
def test_bodies_are_decoded(encoding, packed):
    assert fasthttp._decoded(packed, [("Content-Encoding", encoding)]) == b'{"a": 1}'


def test_unknown_encoding_is_an_error_not_garbage():
    with pytest.raises(httpx.DecodingError, match="br"):
        fasthttp._decoded(b"xx", [("content-encoding", "br")])


def test_response_object():
    r = fasthttp.HttpResponse(404, [("Content-Type", "application/json; charset=latin-1"), ("X-A", "1")],
                              '{"m": "é"}'.encode("latin-1"), fasthttp.RequestInfo("GET", "http://h/x?page=2"))
    assert r.headers["x-a"] == "1" and r.headers.get("content-type").startswith("application/json")
    assert r.text == '{"m": "é"}'  # the declared charset is honoured for text
    utf8 = fasthttp.HttpResponse(200, [], '{"m": "é"}'.encode(), r.request)
    assert utf8.json() == {"m": "é"} and utf8.is_success
    assert not r.is_success and r.reason_phrase == "Not Found"
    assert str(r.request.url).endswith("?page=2") and r.request.method == "GET"
    assert repr(r) == "<HttpResponse [404]>"


def test_wire_request(sim):
    """Host, encoding, content length and the query encoding httpx would produce."""
    pool = fasthttp.FastPool(None)
    params = [("search", "name+EQ+a b"), ("page", "1")]
    r = pool.send("POST", sim.url + "/zia/api/v1/nowhere", params, {"X-Test": "ü"}, b"{}", TIMEOUT)
    assert r.status_code == 501 and b"not simulated" in r.content
    got = [q for q in sim.requests if q.path == "/zia/api/v1/nowhere"][-1]
    assert got.raw_query == str(httpx.URL("http://h/", params=params).query, "ascii")
    assert got.headers["host"] == sim.url.split("//", 1)[1]
    assert got.headers["content-length"] == "2"
    assert "gzip" in got.headers["accept-encoding"]
    pool.close()


def test_inline_query_is_kept_and_params_are_appended(sim):
    pool = fasthttp.FastPool(None)
    r = pool.send("GET", sim.url + "/zia/api/v1/nowhere?action=ADD", [("page", "2")], {}, None, TIMEOUT)
    assert str(r.request.url).endswith("/nowhere?action=ADD&page=2")
    got = [q for q in sim.requests if q.path == "/zia/api/v1/nowhere"][-1]
    assert got.raw_query == "action=ADD&page=2"
    pool.close()


class OneShotServer:
    """Answers each connection once, then closes it without saying so (a keep-alive timeout)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.connections = 0
        self.closed = threading.Semaphore(0)  # released after each connection is closed
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            head, _, body = data.partition(b"\r\n\r\n")
            length = next((int(line.split(b":")[1]) for line in head.split(b"\r\n")
                           if line.lower().startswith(b"content-length:")), 0)
            while len(body) < length:  # read the whole request: closing with unread bytes would send a RST
                body += conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
            conn.close()
            self.closed.release()


def test_a_connection_closed_while_idle_is_replaced():
    """The server closed the kept-alive connection: it is noticed before reuse (or, in the race where
    the close arrives just after, the idempotent request is sent again on a new connection)."""
    server = OneShotServer()
    pool = fasthttp.FastPool(None)
    for method in ("GET", "PUT", "DELETE"):
        assert pool.send(method, server.url + "/x", [], {}, b"{}" if method == "PUT" else None,
                         TIMEOUT).status_code == 200
        assert server.closed.acquire(timeout=5)
    assert server.connections == 3
    pool.close()
    server.sock.close()


def test_a_closed_idle_connection_is_not_used_for_a_post():
    server = OneShotServer()
    pool = fasthttp.FastPool(None)
    assert pool.send("POST", server.url + "/x", [], {}, b"{}", TIMEOUT).status_code == 200
    assert server.closed.acquire(timeout=5)
    (idle,) = next(iter(pool._idle.values()))
    deadline = __import__("time").monotonic() + 5
    while not fasthttp._dropped(idle) and __import__("time").monotonic() < deadline:
        pass  # wait for the FIN to arrive (immediate on loopback)
    assert pool.send("POST", server.url + "/x", [], {}, b"{}", TIMEOUT).status_code == 200
    assert server.connections == 2
    pool.close()
    server.sock.close()


def test_connection_refused_is_a_connect_error():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    with pytest.raises(httpx.ConnectError):
        fasthttp.FastPool(None).send("GET", f"http://127.0.0.1:{port}/x", [], {}, None, TIMEOUT)


def test_read_timeout_is_a_read_timeout():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    url = f"http://127.0.0.1:{srv.getsockname()[1]}"
    with pytest.raises(httpx.ReadTimeout):
        fasthttp.FastPool(None).send("GET", url + "/x", [], {}, None, {**TIMEOUT, "read": 0.2})
    srv.close()


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory):
    """A loopback HTTPS server with a self-signed certificate for 127.0.0.1."""
    import datetime
    import http.server
    import ipaddress
    import ssl

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
            .sign(key, hashes.SHA256()))
    d = tmp_path_factory.mktemp("tls")
    (d / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (d / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                                  serialization.NoEncryption()))

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "12")
            self.end_headers()
            self.wfile.write(b'{"tls":true}')

        def log_message(self, *a):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(d / "cert.pem", d / "key.pem")
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"https://127.0.0.1:{srv.server_address[1]}", str(d / "cert.pem")
    srv.shutdown()


def test_https_uses_the_httpx_clients_tls_settings(tls_server):
    url, ca = tls_server
    with httpx.Client() as default:  # system/certifi CAs: the self-signed server is refused
        with pytest.raises(httpx.ConnectError):
            fasthttp.FastPool.for_client(default).send("GET", url + "/x", [], {}, None, TIMEOUT)
    import ssl

    with httpx.Client(verify=ssl.create_default_context(cafile=ca)) as trusting:
        pool = fasthttp.FastPool.for_client(trusting)
        r = pool.send("GET", url + "/x", [], {}, None, TIMEOUT)
        r2 = pool.send("GET", url + "/y", [], {}, None, TIMEOUT)  # the kept-alive TLS connection
        assert r.status_code == r2.status_code == 200 and r.json() == {"tls": True}
        pool.close()


# ------------------------------------------------------------------ request-ahead (presend)

T = object()  # the owner of the requests sent ahead in these tests


def _sim_requests(sim, path):
    return [q for q in sim.requests if q.path == path]


def test_presend_then_send_of_the_same_request_reads_the_parked_answer(sim):
    pool = fasthttp.FastPool(None)
    url = sim.url + "/zia/api/v1/nowhere"
    assert pool.presend("GET", url, [("page", "2")], {"Authorization": "Bearer a"}, TIMEOUT, T)
    assert len(pool._parked) == 1
    r = pool.send("GET", url, [("page", "2")], {"Authorization": "Bearer a"}, None, TIMEOUT, T)
    assert r.status_code == 501 and str(r.request.url).endswith("?page=2")
    assert not pool._parked and len(_sim_requests(sim, "/zia/api/v1/nowhere")) == 1  # sent once, not twice
    assert sum(len(v) for v in pool._idle.values()) == 1  # the connection went back to the pool
    pool.close()


def test_a_different_request_does_not_take_a_parked_answer(sim):
    pool = fasthttp.FastPool(None)
    url = sim.url + "/zia/api/v1/nowhere"
    pool.presend("GET", url, [("page", "2")], {"Authorization": "Bearer old"}, TIMEOUT, T)
    for params, headers in (([("page", "3")], {"Authorization": "Bearer old"}),  # another page
                            ([("page", "2")], {"Authorization": "Bearer new"})):  # renewed credentials
        r = pool.send("GET", url, params, headers, None, TIMEOUT, T)
        assert r.status_code == 501 and len(pool._parked) == 1
    # header order does not matter: the same request is the same request
    pool.send("GET", url, [("page", "2")], {"X-B": "1", "Authorization": "Bearer old"}, None, TIMEOUT, T)
    assert len(pool._parked) == 1
    pool.presend("GET", url, [("page", "9")], {"X-B": "1", "Authorization": "Bearer old"}, TIMEOUT, T)
    r = pool.send("GET", url, [("page", "9")], {"Authorization": "Bearer old", "X-B": "1"}, None, TIMEOUT, T)
    assert r.status_code == 501 and len(pool._parked) == 1
    pool.close()
    assert not pool._parked


def test_parked_requests_are_bounded_and_closed(sim):
    pool = fasthttp.FastPool(None)
    url = sim.url + "/zia/api/v1/nowhere"
    for page in range(fasthttp.MAX_PARKED + 3):
        assert pool.presend("GET", url, [("page", str(page))], {}, TIMEOUT, T)
    assert len(pool._parked) == fasthttp.MAX_PARKED
    kept = [k[1] for k in pool._parked]
    assert kept == [f"{url}?page={p}" for p in range(3, fasthttp.MAX_PARKED + 3)]  # the newest are kept
    conns = [p[1] for p in pool._parked.values()]
    pool.close()
    assert not pool._parked and all(c.sock is None for c in conns)
    assert pool.presend("GET", sim.url + "/zia/api/v1/closed", [], {}, TIMEOUT, T) is False  # a closed pool sends nothing
    assert not pool._parked and not pool._idle and not _sim_requests(sim, "/zia/api/v1/closed")


def test_presend_to_an_unreachable_server_is_silent_and_send_reports_it():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    pool = fasthttp.FastPool(None)
    assert pool.presend("GET", f"http://127.0.0.1:{port}/x", [], {}, TIMEOUT, T) is False
    with pytest.raises(httpx.ConnectError):
        pool.send("GET", f"http://127.0.0.1:{port}/x", [], {}, None, TIMEOUT, T)


def test_a_parked_request_whose_connection_was_dropped_is_sent_again():
    """The server closes without answering the request sent ahead: send() sends it afresh."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    url = f"http://127.0.0.1:{srv.getsockname()[1]}"
    seen = []

    def serve():
        first = True
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            seen.append(data.split(b"\r\n", 1)[0])
            if first:
                first = False
                conn.close()  # dropped without an answer
                continue
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}")
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    pool = fasthttp.FastPool(None)
    assert pool.presend("GET", url + "/x", [("page", "2")], {}, TIMEOUT, T)
    r = pool.send("GET", url + "/x", [("page", "2")], {}, None, TIMEOUT, T)
    assert r.status_code == 200 and r.content == b"{}"
    assert seen == [b"GET /x?page=2 HTTP/1.1"] * 2
    pool.close()
    srv.close()


@pytest.mark.parametrize("params", [
    [("page", "2"), ("pagesize", "500")],
    [("search", "name+EQ+a b"), ("page", "1")],
    [("q", "é"), ("x", "")], [("a-b", "c_d.e~f")], [("k", "a&b=c")], [],
])
def test_query_encoding_is_urlencode(params):
    from urllib.parse import urlencode

    assert fasthttp._query(params) == urlencode(params) if params else True


def test_only_the_owner_reads_a_parked_answer_and_only_while_fresh(sim, monkeypatch):
    pool = fasthttp.FastPool(None)
    url = sim.url + "/zia/api/v1/nowhere"
    pool.presend("GET", url, [("page", "2")], {}, TIMEOUT, T)
    for other in (None, object()):  # a plain send, or another listing asking for the same page
        assert pool.send("GET", url, [("page", "2")], {}, None, TIMEOUT, other).status_code == 501
        assert len(pool._parked) == 1
    clock = [fasthttp.time.monotonic()]
    monkeypatch.setattr(fasthttp.time, "monotonic", lambda: clock[0])
    pool.presend("GET", url, [("page", "3")], {}, TIMEOUT, T)
    clock[0] += fasthttp.MAX_PARKED_AGE + 1
    (conn3,) = [p[1] for k, p in pool._parked.items() if k[1].endswith("page=3")]
    assert pool.send("GET", url, [("page", "3")], {}, None, TIMEOUT, T).status_code == 501
    assert conn3.sock is None  # the stale answer was dropped, the request sent afresh
    assert not [k for k in pool._parked if k[1].endswith("page=3")]
    pool.close()
