"""The HTTP side: unknown routes, every catalog operation served, keep-alive, pipelining, concurrency."""

from __future__ import annotations

import re
import socket
import threading

import httpx
import pytest

from zscaler.simulator import Simulator

from simhelpers import get_token, zpa


def test_unknown_route_is_501_naming_method_and_path(zsim, api):
    r = api.get("/zpa/mgmtconfig/v1/admin/customers/1/noSuchThing")
    assert r.status_code == 501 and r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["method"] == "GET" and body["path"] == "/zpa/mgmtconfig/v1/admin/customers/1/noSuchThing"
    assert "GET /zpa/mgmtconfig/v1/admin/customers/1/noSuchThing" in body["message"]
    # a known path with a verb the catalog does not have
    r = api.patch(zpa(zsim, "/segmentGroup"), json={})
    assert r.status_code == 501 and "PATCH" in r.json()["message"]
    assert httpx.get(zsim.url + "/nothing-here").status_code == 501  # (GET / is the HTML page: test_page.py)


def _concrete(template: str, sim) -> str:
    return re.sub(r"{(\w+)}", lambda m: sim.customer_id if m.group(1) == "customerId" else "123", template)


def test_every_catalog_operation_is_served(zsim, api):
    """Whatever catalogs are installed: no operation falls through to 501."""
    checked = 0
    for product in zsim.products.values():
        for res, o in product.ops():
            path = _concrete(o.path.partition("?")[0], zsim)
            query = o.path.partition("?")[2]
            if path.startswith("/zscsb"):
                query = (query + "&" if query else "") + "api_token=" + zsim.sandbox_token
            r = api.request(o.verb, path + ("?" + query if query else ""), json={})
            assert r.status_code != 501, f"{product.name}.{res.attribute}.{o.name}: {o.verb} {path} -> 501"
            assert r.status_code != 500, (o.verb, path, r.text)
            if r.status_code != 204 and o.result != "bytes":  # downloads answer CSV, YAML ...
                assert r.headers["content-type"] == "application/json"
            checked += 1
    assert checked >= 11  # at least the ZPA operations this project started with


def test_204_has_no_body_and_other_answers_are_json(zsim, api):
    gid = api.post(zpa(zsim, "/segmentGroup"), json={"name": "x"}).json()["id"]
    r = api.delete(zpa(zsim, f"/segmentGroup/{gid}"))
    assert r.status_code == 204 and r.content == b"" and "content-length" not in r.headers
    assert api.get(zpa(zsim, "/segmentGroup")).headers["content-type"] == "application/json"


def _read_response(sock_file):
    status = sock_file.readline()
    headers = {}
    while (line := sock_file.readline()) not in (b"\r\n", b""):
        k, _, v = line.decode().partition(":")
        headers[k.strip().lower()] = v.strip()
    body = sock_file.read(int(headers.get("content-length", 0)))
    return status, headers, body


def test_keep_alive_and_pipelining_on_one_connection(zsim, api):
    token = api.headers["Authorization"]
    path = zpa(zsim, "/segmentGroup")
    post = f'POST {path} HTTP/1.1\r\nHost: x\r\nAuthorization: {token}\r\nContent-Length: 12\r\n\r\n{{"name":"p"}}'
    get = f"GET {path} HTTP/1.1\r\nHost: x\r\nAuthorization: {token}\r\n\r\n"
    with socket.create_connection((zsim.host, zsim.port), timeout=5) as s:
        s.sendall((post + get + get).encode())  # three requests in one write
        f = s.makefile("rb")
        answers = [_read_response(f) for _ in range(3)]
        # the connection is still usable afterwards
        s.sendall(get.encode())
        answers.append(_read_response(f))
    assert [a[0].split()[1] for a in answers] == [b"201", b"200", b"200", b"200"]  # ZPA creates answer 201
    assert b'"name":"p"' in answers[1][2] and b'"totalCount":"1"' in answers[3][2]


def test_http10_and_connection_close(zsim):
    with socket.create_connection((zsim.host, zsim.port), timeout=5) as s:
        s.sendall(b"GET /_sim/info HTTP/1.0\r\n\r\n")
        data = b""
        while chunk := s.recv(65536):
            data += chunk  # the server closes after answering
    assert data.startswith(b"HTTP/1.1 200") and b"Connection: close" in data


def test_chunked_request_bodies_are_decoded(zsim):
    zsim.clear_requests()
    with socket.create_connection((zsim.host, zsim.port), timeout=5) as s:
        s.sendall(b"POST /zia/api/v1/chunky HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                  b"3\r\nabc\r\n4;ext=1\r\ndefg\r\n0\r\n\r\n")
        data = s.recv(65536)
    assert data.startswith(b"HTTP/1.1 ")
    got = [r for r in zsim.requests if r.path.endswith("/chunky")]
    assert got and got[0].body == b"abcdefg"


def test_bad_chunk_size_is_refused(zsim):
    with socket.create_connection((zsim.host, zsim.port), timeout=5) as s:
        s.sendall(b"POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n")
        data = s.recv(65536)
    assert data.startswith(b"HTTP/1.1 400") and b"chunk size" in data


def test_concurrent_clients(zsim):
    token = get_token(zsim)
    zsim.clear_requests()
    errors, ids = [], []
    lock = threading.Lock()

    def worker(n):
        try:
            with httpx.Client(base_url=zsim.url, headers={"Authorization": f"Bearer {token}"}) as c:
                for i in range(20):
                    r = c.post(zpa(zsim, "/segmentGroup"), json={"name": f"w{n}-{i}"})
                    assert r.status_code == 201
                    with lock:
                        ids.append(r.json()["id"])
                    assert c.get(zpa(zsim, f"/segmentGroup/{r.json()['id']}")).json()["name"] == f"w{n}-{i}"
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(ids) == 160 and len(set(ids)) == 160
    assert len(zsim.requests) == 320
    assert len(zsim.items(zpa(zsim, "/segmentGroup"))) == 160


def test_start_stop_without_with_and_restart_on_same_port():
    sim = Simulator(catalogs=["zpa"])
    assert not sim.running
    sim.start()
    try:
        port = sim.port
        assert port > 0 and sim.url == f"http://127.0.0.1:{port}" and sim.host == "127.0.0.1"
        sim.seed("zpa", "segment_groups", 2)
        sim.stop()
        assert not sim.running
        with pytest.raises(httpx.TransportError):
            httpx.get(sim.url + "/_sim/info", timeout=2)
        sim.start()
        assert sim.port == port
        assert len(httpx.get(sim.url + "/_sim/state").json()["collections"][zpa(sim, "/segmentGroup")]) == 2
    finally:
        sim.close()


def test_unknown_catalog_names_are_skipped():
    with pytest.warns(RuntimeWarning, match="zzzmissing"):
        sim = Simulator(catalogs=("zpa", "zzzmissing"))  # a product is a catalog module: no module, no product
    assert set(sim.products) == {"zpa"}
