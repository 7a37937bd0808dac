"""LegacyZTWClient against the simulator: login wire format, session renewal, rate limits, activation on exit."""

from __future__ import annotations

import time

import httpx
import pytest

from zscaler.oneapi_client import LegacyZTWClient
from zscaler.simulator import Simulator
from zscaler.simulator.auth import obfuscate_api_key

LOGIN = "/_legacy/ztw/api/v1/auth"
FAST = {"maxRetries": 3}


def _api(sim):
    return [r for r in sim.requests if r.path.startswith("/_legacy/ztw/") and r.path != LOGIN]


def test_login_wire_format_and_cookie(sim):
    with LegacyZTWClient(sim.legacy_config("ztw")) as client:
        urls, _, err = client.ztw.provisioning_url.list_provisioning_url()
        assert err is None and urls == []
    login = [r for r in sim.requests if r.path == LOGIN]
    assert len(login) == 1 and login[0].method == "POST"
    assert login[0].headers["content-type"].startswith("application/json")
    body = login[0].json()
    creds = sim.legacy_credentials["ztw"]
    assert set(body) == {"apiKey", "username", "password", "timestamp"}
    assert body["username"] == creds["username"] and body["password"] == creds["password"]
    assert isinstance(body["timestamp"], int) and body["timestamp"] > 1_600_000_000_000  # epoch milliseconds
    assert body["apiKey"] == obfuscate_api_key(creds["api_key"], body["timestamp"])
    assert body["apiKey"] != creds["api_key"]
    call = [r for r in _api(sim) if r.path == "/_legacy/ztw/api/v1/provUrl"][0]
    assert call.headers["cookie"].startswith("JSESSIONID=")
    assert "authorization" not in call.headers


def test_exit_logs_out_which_activates(sim):
    with LegacyZTWClient(sim.legacy_config("ztw")) as client:
        group, _, err = client.ztw.ip_destination_groups.add_group(name="dst", type="DSTN_FQDN",
                                                                 addresses=["example.com"])
        assert err is None and group.name == "dst"
        assert sim.activation_status("ztw") == "PENDING"
    assert sim.activation_status("ztw") == "ACTIVE"
    logout = [r for r in sim.requests if r.method == "DELETE"]
    assert [r.path for r in logout] == ["/_legacy/ztw/auth"]  # without /api/v1, as the API documents
    assert logout[0].headers["cookie"].startswith("JSESSIONID=") and logout[0].status == 204


def test_explicit_logout_reports_success(sim):
    client = LegacyZTWClient(sim.legacy_config("ztw"))
    assert client.logout() is True
    assert client.logout() is False  # no session left
    client.close()


def test_wrong_api_key_fails_at_construction(sim):
    from zscaler.errors import TokenError

    with pytest.raises(TokenError, match="ztw login refused: HTTP 401"):
        LegacyZTWClient(sim.legacy_config("ztw", api_key="wrongKey12345"))


def test_rate_limited_call_is_absorbed_with_retry_after(sim):
    sim.fault(path="/_legacy/ztw/api/v1/provUrl", status=429, times=2)  # ZTW's own 429: Retry-After
    with LegacyZTWClient(sim.legacy_config("ztw", **FAST)) as client:
        urls, _, err = client.ztw.provisioning_url.list_provisioning_url()
    assert err is None and urls == []
    assert [r.status for r in _api(sim) if r.path.endswith("/provUrl")] == [429, 429, 200]


def test_real_rate_limit_headers_and_retry(sim):
    client = LegacyZTWClient(sim.legacy_config("ztw", **FAST))
    cookie = client.get_request_executor().provider.headers()["Cookie"]
    sim.rate_limit("ztw", 1)
    try:
        with httpx.Client(base_url=sim.url) as raw:
            raw.get("/_legacy/ztw/api/v1/provUrl", headers={"Cookie": cookie})
            limited = raw.get("/_legacy/ztw/api/v1/provUrl", headers={"Cookie": cookie})
        assert limited.status_code == 429
        assert int(limited.headers["Retry-After"]) >= 1 and "x-rate-limit-remaining" not in limited.headers
        assert "Rate Limit" in limited.json()["message"]
        urls, _, err = client.ztw.provisioning_url.list_provisioning_url()  # waits Retry-After, then succeeds
        assert err is None and urls == []
    finally:
        sim.rate_limit("ztw", None)
        client.close()


@pytest.fixture(scope="module")
def idle_sim():
    with Simulator(catalogs=["ztw"], session_idle_timeout=0.4) as s:
        yield s


def test_session_renewed_before_idle_expiry(idle_sim):
    idle_sim.reset()
    idle_sim.clear_requests()
    # margin 299.9 s of the 300 s idle window: the client renews after 0.1 s without use
    client = LegacyZTWClient(idle_sim.legacy_config("ztw", session_safety_margin=299.9))
    client.ztw.location_management.list_locations().unwrap()
    time.sleep(0.6)  # longer than the server's idle timeout
    client.ztw.location_management.list_locations().unwrap()
    client.close()
    logins = [r for r in idle_sim.requests if r.path == LOGIN]
    assert len(logins) == 2
    assert all(r.status == 200 for r in idle_sim.requests)  # renewed before: no 401 was ever answered


def test_expired_session_is_recovered_after_401(idle_sim):
    idle_sim.reset()
    idle_sim.clear_requests()
    client = LegacyZTWClient(idle_sim.legacy_config("ztw"))  # default margin: it cannot know the short timeout
    client.ztw.location_management.list_locations().unwrap()
    time.sleep(0.6)
    locations, _, err = client.ztw.location_management.list_locations()
    client.close()
    assert err is None and locations[0].name == "AWS-us-east-1-vpc-sim"
    statuses = [(r.path, r.status) for r in idle_sim.requests]
    assert statuses[-3:] == [("/_legacy/ztw/api/v1/location", 401), (LOGIN, 200), ("/_legacy/ztw/api/v1/location", 200)]
