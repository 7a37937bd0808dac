"""The buffered fast path to httpx's pool (transport/fasthttp.py)."""

import gzip
import zlib

import httpx
import pytest

from zscaler.transport import fasthttp


def test_pool_is_used_only_for_the_standard_transport():
    with httpx.Client() as plain:
        assert fasthttp.pool_for(plain, "http://127.0.0.1:1/x") is plain._transport._pool
    with httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200))) as custom:
        assert fasthttp.pool_for(custom, "http://127.0.0.1:1/x") is None
    with httpx.Client(proxy="http://127.0.0.1:3128") as proxied:
        pool = fasthttp.pool_for(proxied, "https://api.zsapi.net/x")
        assert pool is not None and pool is not proxied._transport._pool


@pytest.mark.parametrize("encoding,packed", [
    (b"gzip", gzip.compress(b'{"a": 1}')),
    (b"deflate", zlib.compress(b'{"a": 1}')),
    (b"deflate", zlib.compress(b'{"a": 1}')[2:-4]),  # raw deflate, as some servers send it
    (b"identity", b'{"a": 1}'),
])
def test_bodies_are_decoded(encoding, packed):
    assert fasthttp._decoded(packed, [(b"Content-Encoding", encoding)]) == b'{"a": 1}'


def test_unknown_encoding_is_an_error_not_garbage():
    with pytest.raises(httpx.DecodingError, match="br"):
        fasthttp._decoded(b"xx", [(b"content-encoding", b"br")])


def test_response_object():
    r = fasthttp.HttpResponse(404, [(b"Content-Type", b"application/json; charset=latin-1"), (b"X-A", b"1")],
                              '{"m": "é"}'.encode("latin-1"), fasthttp.RequestInfo("GET", "http://h/x?page=2"))
    assert r.headers["x-a"] == "1" and r.headers.get("content-type").startswith("application/json")
    assert r.text == '{"m": "é"}'  # the declared charset is honoured for text
    utf8 = fasthttp.HttpResponse(200, [], '{"m": "é"}'.encode(), r.request)
    assert utf8.json() == {"m": "é"} and utf8.is_success
    assert not r.is_success and r.reason_phrase == "Not Found"
    assert str(r.request.url).endswith("?page=2") and r.request.method == "GET"
    assert repr(r) == "<HttpResponse [404]>"


def test_inline_query_is_kept_and_params_are_appended(sim):
    with httpx.Client() as c:
        r = fasthttp.send(fasthttp.pool_for(c, sim.url), "GET", sim.url + "/zia/api/v1/nowhere?action=ADD",
                          [("page", "2")], {}, None, c.timeout.as_dict())
    assert str(r.request.url).endswith("/nowhere?action=ADD&page=2")
    got = [q for q in sim.requests if q.path == "/zia/api/v1/nowhere"][-1]
    assert got.raw_query == "action=ADD&page=2"


def test_wire_request_through_the_pool(sim):
    """Host, encoding, content length and the query encoding httpx would produce."""
    with httpx.Client() as c:
        pool = fasthttp.pool_for(c, sim.url)
        params = [("search", "name+EQ+a b"), ("page", "1")]
        r = fasthttp.send(pool, "POST", sim.url + "/zia/api/v1/nowhere", params, {"X-Test": "1"}, b"{}",
                          c.timeout.as_dict())
    assert r.status_code == 501
    got = [q for q in sim.requests if q.path == "/zia/api/v1/nowhere"][-1]
    assert got.raw_query == str(httpx.URL("http://h/", params=params).query, "ascii")
    assert got.headers["host"] == sim.url.split("//", 1)[1]
    assert got.headers["content-length"] == "2" and got.headers["x-test"] == "1"
    assert "gzip" in got.headers["accept-encoding"]
