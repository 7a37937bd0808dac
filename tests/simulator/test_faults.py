"""Faults on demand and rate limits, with each product's real headers and bodies."""

from __future__ import annotations

import socket
import threading

import httpx
import pytest

from zscaler.simulator import Simulator

from simhelpers import get_token, zpa


def test_429_times_counting_with_zpa_shape(zsim, api):
    coll = zpa(zsim, "/segmentGroup")
    f = zsim.fault(path="*/segmentGroup*", method="GET", status=429, times=3)
    assert f.remaining == 3
    for left in (2, 1, 0):
        r = api.get(coll)
        assert r.status_code == 429
        assert r.headers["retry-after"] == "0s"
        assert r.json()["id"] == "invalid.toomanyrequests" and r.json()["reason"]
        assert {"x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"} <= set(r.headers)
        assert f.remaining == left
    assert api.get(coll).status_code == 200
    assert f.hits == 3


def test_fault_method_filter(zsim, api):
    coll = zpa(zsim, "/segmentGroup")
    zsim.fault(path="*/segmentGroup", method="POST", status=503, times=1)
    assert api.get(coll).status_code == 200
    r = api.post(coll, json={"name": "x"})
    assert r.status_code == 503 and r.json()["id"] and r.json()["reason"]
    assert api.post(coll, json={"name": "x"}).status_code == 201


@pytest.mark.parametrize("path,check", [
    ("/zia/api/v1/users", lambda r: r.headers["Retry-After"] == "0" and r.json() == {
        "message": "Rate Limit (1/SECOND) exceeded", "Retry-After": "0 seconds"}),
    ("/zcc/papi/public/v1/getDevices", lambda r: r.headers["X-Rate-Limit-Retry-After-Seconds"] == "0"
        and r.headers["X-Rate-Limit-Remaining"] == "0" and "errorMessage" in r.json()),
    ("/zdx/v1/devices", lambda r: all(h in r.headers for h in ("RateLimit-Reset", "RateLimit-Limit", "RateLimit-Remaining"))),
    ("/zwa/dlp/v1/incidents", lambda r: r.headers["RateLimit-Reset"] == "0"),
])
def test_429_shapes_per_product(zsim, path, check):
    zsim.fault(path=path, status=429, times=1)
    r = httpx.get(zsim.url + path)  # faults apply before authentication
    assert r.status_code == 429 and check(r)


def test_explicit_headers_and_body(zsim, api):
    zsim.fault(path="*/segmentGroup", status=429, headers={"Retry-After": "7"}, body={"custom": True})
    r = api.get(zpa(zsim, "/segmentGroup"))
    assert r.status_code == 429 and r.headers["retry-after"] == "7" and r.json() == {"custom": True}
    assert "x-ratelimit-reset" not in r.headers  # explicit headers replace the defaults


def test_unlimited_fault_and_clear(zsim, api):
    zsim.fault(path="*", status=500, times=None)
    for _ in range(3):
        assert api.get(zpa(zsim, "/segmentGroup")).status_code == 500
    zsim.clear_faults()
    assert api.get(zpa(zsim, "/segmentGroup")).status_code == 200


def test_reset_closes_without_answer(zsim, api):
    zsim.fault(path="*/segmentGroup", action="reset")
    with pytest.raises(httpx.TransportError):
        api.get(zpa(zsim, "/segmentGroup"))
    assert api.get(zpa(zsim, "/segmentGroup")).status_code == 200


def test_truncate_cuts_the_body(zsim, api):
    zsim.seed("zpa", "segment_groups", 5)
    zsim.fault(path="*/segmentGroup", action="truncate")
    with socket.create_connection((zsim.host, zsim.port), timeout=5) as s:
        s.sendall(f"GET {zpa(zsim, '/segmentGroup')} HTTP/1.1\r\nHost: x\r\n"
                  f"Authorization: {api.headers['Authorization']}\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    headers = {k.lower(): v for k, _, v in (line.partition(": ") for line in head.decode().split("\r\n")[1:])}
    assert head.startswith(b"HTTP/1.1 200") and headers["content-type"] == "application/json"
    assert 0 < len(body) < int(headers["content-length"])
    assert body.startswith(b'{"totalPages"')
    with pytest.raises(ValueError):
        import json

        json.loads(body)


def test_truncate_seen_by_httpx(zsim, api):
    zsim.fault(path="*/segmentGroup", action="truncate")
    with pytest.raises(httpx.TransportError):
        api.get(zpa(zsim, "/segmentGroup"))


def test_malformed_body(zsim, api):
    zsim.fault(path="*/segmentGroup", action="malformed")
    r = api.get(zpa(zsim, "/segmentGroup"))
    assert r.status_code == 200 and r.content == b"{not json" and r.headers["content-type"] == "application/json"


def test_delay_then_normal_answer(zsim, api):
    f = zsim.fault(path="*/segmentGroup", method="POST", action="delay", delay=0.05)
    r = api.post(zpa(zsim, "/segmentGroup"), json={"name": "late"})
    assert r.status_code == 201 and r.json()["name"] == "late" and f.hits == 1
    assert [g["name"] for g in api.get(zpa(zsim, "/segmentGroup")).json()["list"]] == ["late"]
    assert zsim.requests[-2].status == 201  # the delayed request is recorded with its final status


def test_delayed_connection_does_not_block_others(zsim, api):
    zsim.fault(path="*/slow-path", action="delay", delay=60)
    with socket.create_connection((zsim.host, zsim.port), timeout=10) as slow:
        slow.sendall(b"GET /zpa/slow-path HTTP/1.1\r\nHost: x\r\n\r\n")
        for _ in range(1000):  # wait until the server has taken the slow request
            if any(r.path == "/zpa/slow-path" for r in zsim.requests):
                break
            threading.Event().wait(0.01)
        assert api.get(zpa(zsim, "/segmentGroup")).status_code == 200  # served meanwhile
        slow.setblocking(False)
        with pytest.raises(BlockingIOError):
            slow.recv(1)  # the delayed answer has not been sent
    # closing the client side cancels nothing else: the server keeps serving
    assert api.get(zpa(zsim, "/segmentGroup")).status_code == 200


def test_expire_token_fault(zsim, api):
    zsim.fault(path="*/segmentGroup", action="expire_token")
    r = api.get(zpa(zsim, "/segmentGroup"))
    assert r.status_code == 401 and r.json()["detail"] == "unauthorized"
    assert api.get(zpa(zsim, "/segmentGroup")).status_code == 401  # that token is gone for good
    api.headers["Authorization"] = "Bearer " + get_token(zsim)
    assert api.get(zpa(zsim, "/segmentGroup")).status_code == 200


def test_fault_validation(zsim):
    with pytest.raises(ValueError):
        zsim.fault(action="explode")
    with pytest.raises(ValueError):
        zsim.fault(action="delay")


def test_faults_on_the_token_endpoint(zsim):
    zsim.fault(path="/oauth2/v1/token", status=503)
    r = httpx.post(zsim.url + "/oauth2/v1/token", data={"grant_type": "client_credentials"})
    assert r.status_code == 503


# -- rate limits ----------------------------------------------------------------------
def test_every_oneapi_answer_carries_rate_limit_headers(zsim, api):
    ok = api.get(zpa(zsim, "/segmentGroup"))
    missing = api.get(zpa(zsim, "/segmentGroup/1"))
    for r in (ok, missing):
        assert r.headers["x-ratelimit-limit"].startswith("5000")
        assert int(r.headers["x-ratelimit-remaining"]) >= 0 and int(r.headers["x-ratelimit-reset"]) >= 0
        assert r.headers["x-oneapi-request-id"]
    r1 = int(api.get(zpa(zsim, "/segmentGroup")).headers["x-ratelimit-remaining"])
    r2 = int(api.get(zpa(zsim, "/segmentGroup")).headers["x-ratelimit-remaining"])
    assert r2 == r1 - 1


def test_rate_limit_zpa_gateway_429():
    with Simulator(catalogs=["zpa"], rate_limits={"zpa": 5}) as sim:
        with httpx.Client(base_url=sim.url, headers={"Authorization": "Bearer " + get_token(sim)}) as c:
            answers = [c.get(zpa(sim, "/segmentGroup")) for _ in range(12)]
        ok = [r for r in answers if r.status_code == 200]
        limited = [r for r in answers if r.status_code == 429]
        assert limited and len(ok) <= 10
        r = limited[0]
        assert r.json()["id"] == "invalid.toomanyrequests"
        assert r.headers["retry-after"].endswith("s") and int(r.headers["retry-after"][:-1]) >= 1
        assert r.headers["x-ratelimit-limit"].startswith("5") and r.headers["x-ratelimit-remaining"] == "0"
        assert ok[0].headers["x-ratelimit-limit"] == "5, 5;w=1"
        # switched off at run time
        sim.rate_limit("zpa", None)
        with httpx.Client(base_url=sim.url, headers={"Authorization": "Bearer " + get_token(sim)}) as c:
            assert all(c.get(zpa(sim, "/segmentGroup")).status_code == 200 for _ in range(12))


def test_rate_limit_zia_shape(zia_sim, zia_api):
    zia_sim.rate_limit("zia", 2)
    try:
        answers = [zia_api.get("/zia/api/v1/status") for _ in range(8)]
        limited = [r for r in answers if r.status_code == 429]
        assert limited
        assert limited[0].json()["message"] == "Rate Limit (2/SECOND) exceeded"
        assert int(limited[0].headers["Retry-After"]) >= 1
    finally:
        zia_sim.rate_limit("zia", None)


def test_rate_limit_legacy_zcc_shape(zsim):
    zsim.rate_limit("zcc", 1)
    cfg = zsim.legacy_config("zcc")
    tok = httpx.post(cfg["override_url"] + "/papi/auth/v1/login",
                     json={"apiKey": cfg["api_key"], "secretKey": cfg["secret_key"]}).json()["jwtToken"]
    answers = [httpx.get(cfg["override_url"] + "/papi/public/v1/getDevices", headers={"auth-token": tok})
               for _ in range(5)]
    limited = [r for r in answers if r.status_code == 429]
    assert limited and int(limited[0].headers["X-Rate-Limit-Retry-After-Seconds"]) >= 1
    assert "x-ratelimit-limit" not in limited[0].headers  # legacy hosts are not the OneAPI gateway
