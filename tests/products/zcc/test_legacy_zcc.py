"""LegacyZCCClient against the simulator: login wire format, JWT renewal, rate-limit headers, no logout."""

from __future__ import annotations

import time

import httpx
import pytest

from zscaler.auth.legacy import jwt_expiry
from zscaler.oneapi_client import LegacyZCCClient
from zscaler.simulator import Simulator

LOGIN = "/_legacy/zcc/papi/auth/v1/login"
DEVICES = "/_legacy/zcc/papi/public/v1/getDevices"


def test_login_wire_format_and_auth_token_header(sim):
    with LegacyZCCClient(sim.legacy_config("zcc")) as client:
        devices, _, err = client.zcc.devices.list_devices(query_params={"os_type": "macos"})
        assert err is None and [d.type for d in devices] == [4]
    login = [r for r in sim.requests if r.path == LOGIN]
    assert len(login) == 1 and login[0].method == "POST"
    creds = sim.legacy_credentials["zcc"]
    assert login[0].json() == {"apiKey": creds["api_key"], "secretKey": creds["secret_key"]}
    call = [r for r in sim.requests if r.path == DEVICES][0]
    token = call.headers["auth-token"]
    assert token.count(".") == 2 and jwt_expiry(token) is not None  # the JWT itself, no "Bearer"
    assert "authorization" not in call.headers and "cookie" not in call.headers
    assert call.query == {"osType": ["4"]}
    assert not [r for r in sim.requests if r.method == "DELETE"]  # ZCC has no logout


def test_rate_limited_call_is_absorbed(sim):
    sim.fault(path=DEVICES, status=429, times=1)  # ZCC's own 429: X-Rate-Limit-Retry-After-Seconds
    client = LegacyZCCClient(sim.legacy_config("zcc"))
    devices, _, err = client.zcc.devices.list_devices()
    client.close()
    assert err is None and len(devices) == 6
    assert [r.status for r in sim.requests if r.path == DEVICES] == [429, 200]


def test_real_rate_limit_headers_and_retry(sim):
    client = LegacyZCCClient(sim.legacy_config("zcc"))
    token = client.get_request_executor().provider.headers()["auth-token"]
    sim.rate_limit("zcc", 1)
    try:
        with httpx.Client(base_url=sim.url) as raw:
            raw.get(DEVICES, headers={"auth-token": token})
            limited = raw.get(DEVICES, headers={"auth-token": token})
        assert limited.status_code == 429
        assert int(limited.headers["X-Rate-Limit-Retry-After-Seconds"]) >= 1
        assert limited.headers["X-Rate-Limit-Remaining"] == "0" and "retry-after" not in limited.headers
        assert "errorMessage" in limited.json()
        devices, _, err = client.zcc.devices.list_devices()  # waits the advertised seconds, then succeeds
        assert err is None and len(devices) == 6
    finally:
        sim.rate_limit("zcc", None)
        client.close()


@pytest.fixture(scope="module")
def short_sim():
    with Simulator(catalogs=["zcc"], token_lifetime=2) as s:
        yield s


def test_token_renewed_before_its_exp(short_sim):
    short_sim.reset()
    short_sim.clear_requests()
    client = LegacyZCCClient(short_sim.legacy_config("zcc"))
    provider = client.get_request_executor().provider
    first = provider.headers()["auth-token"]
    client.zcc.devices.list_devices().unwrap()
    time.sleep(max(0.0, jwt_expiry(first) - time.time()) + 0.2)  # the first token is now expired
    client.zcc.devices.list_devices().unwrap()
    client.close()
    assert provider.login_count >= 2
    calls = [r for r in short_sim.requests if r.path == DEVICES]
    assert calls[-1].headers["auth-token"] != first
    assert all(r.status == 200 for r in short_sim.requests)  # renewed before expiry: no 401


def test_rejected_token_is_replaced_once(sim):
    sim.fault(path=DEVICES, action="expire_token", times=1)
    client = LegacyZCCClient(sim.legacy_config("zcc"))
    devices, _, err = client.zcc.devices.list_devices()
    client.close()
    assert err is None and len(devices) == 6
    assert [(r.path, r.status) for r in sim.requests][-3:] == [(DEVICES, 401), (LOGIN, 200), (DEVICES, 200)]
