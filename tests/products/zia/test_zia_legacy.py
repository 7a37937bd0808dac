"""LegacyZIAClient: login wire format, session cookie, renewal, logout, hosts, rate limits.

tests/core/test_legacy_clients.py already covers the seed example (login body keys, cookie use,
logout activation); these tests go further.
"""

from __future__ import annotations

import time

import pytest

from zscaler.oneapi_client import LegacyZIAClient
from zscaler.simulator import Simulator
from zscaler.transport.urls import legacy_base_url

from helpers import api_requests

LOGIN = "/_legacy/zia/api/v1/authenticatedSession"


def _obfuscated(key: str, timestamp_ms: int) -> str:
    """The documented obfuscation, written out independently of the client's implementation."""
    n = str(timestamp_ms)[-6:]
    r = str(int(n) >> 1).zfill(6)
    return "".join(key[int(d)] for d in n) + "".join(key[int(d) + 2] for d in r)


def _logins(sim):
    return [r for r in sim.requests if r.path == LOGIN and r.method == "POST"]


def test_obfuscation_reference_example():
    assert _obfuscated("abcdefghijkl", 1700000123456) == "bcdefgcidjek"


def test_login_wire_format(sim):
    before = int(time.time() * 1000)
    client = LegacyZIAClient(sim.legacy_config("zia"))
    after = int(time.time() * 1000)
    (login,) = _logins(sim)
    body = login.json()
    creds = sim.legacy_credentials["zia"]
    assert before <= body["timestamp"] <= after
    assert body == {"apiKey": _obfuscated(creds["api_key"], body["timestamp"]), "username": creds["username"],
                    "password": creds["password"], "timestamp": body["timestamp"]}
    assert login.headers["content-type"] == "application/json" and "authorization" not in login.headers
    client.close()


def test_session_cookie_on_every_call_and_no_bearer(sim):
    with LegacyZIAClient(sim.legacy_config("zia")) as client:
        client.zia.rule_labels.list_labels().unwrap()
        client.zia.locations.list_locations().unwrap()
    calls = [r for r in api_requests(sim) if r.path.startswith("/_legacy/zia/api/v1/") and "authenticatedSession"
             not in r.path]
    assert [r.path for r in calls] == ["/_legacy/zia/api/v1/ruleLabels", "/_legacy/zia/api/v1/locations"]
    assert all(r.headers["cookie"].startswith("JSESSIONID=") and "authorization" not in r.headers for r in calls)
    assert len({r.headers["cookie"] for r in calls}) == 1 and len(_logins(sim)) == 1


def test_session_renewed_before_the_idle_timeout(sim):
    client = LegacyZIAClient(sim.legacy_config("zia"))
    provider = client.get_request_executor().provider
    now = [time.time()]
    provider._clock = lambda: now[0]
    client.zia.rule_labels.list_labels().unwrap()
    now[0] += 200  # still inside the 5-minute idle window: the same session
    client.zia.rule_labels.list_labels().unwrap()
    assert provider.login_count == 1
    now[0] += 290  # idle past 5 minutes minus the safety margin: a new login first
    client.zia.rule_labels.list_labels().unwrap()
    assert provider.login_count == 2 and len(_logins(sim)) == 2
    cookies = [r.headers["cookie"] for r in api_requests(sim, "/ruleLabels")]
    assert cookies[0] == cookies[1] != cookies[2]
    client.close()


def test_session_expired_by_the_server_is_renewed_once():
    with Simulator(session_idle_timeout=0.2) as sim:
        client = LegacyZIAClient(sim.legacy_config("zia"))
        client.zia.rule_labels.list_labels().unwrap()
        time.sleep(0.3)  # the server forgets the idle session; the client does not know yet
        labels, _, err = client.zia.rule_labels.list_labels()
        assert err is None and labels == []
        statuses = [r.status for r in api_requests(sim, "/ruleLabels")]
        assert statuses == [200, 401, 200] and len(_logins(sim)) == 2
        client.close()


def test_logout_on_exit_even_without_writes(sim):
    with LegacyZIAClient(sim.legacy_config("zia")) as client:
        client.zia.rule_labels.list_labels().unwrap()
    logout = [r for r in sim.requests if r.path == LOGIN and r.method == "DELETE"]
    assert len(logout) == 1 and logout[0].headers["cookie"].startswith("JSESSIONID=")
    assert sim.activation_status("zia") == "ACTIVE"


def test_zia_override_url_from_the_environment(sim, monkeypatch):
    monkeypatch.setenv("ZIA_OVERRIDE_URL", sim.url + "/_legacy/zia")
    cfg = sim.legacy_config("zia")
    cfg.pop("override_url")
    client = LegacyZIAClient({**cfg, "cloud": "zscalertwo"})
    assert client.get_request_executor().base_url == sim.url + "/_legacy/zia"
    client.zia.rule_labels.list_labels().unwrap()
    assert api_requests(sim, "/ruleLabels")[-1].path == "/_legacy/zia/api/v1/ruleLabels"
    client.close()


@pytest.mark.parametrize("cloud,url", [
    ("zscaler", "https://zsapi.zscaler.net"), ("zscalerone", "https://zsapi.zscalerone.net"),
    ("zscalertwo", "https://zsapi.zscalertwo.net"), ("zscalerthree", "https://zsapi.zscalerthree.net"),
    ("zscloud", "https://zsapi.zscloud.net"), ("zscalerbeta", "https://zsapi.zscalerbeta.net"),
    ("zscalergov", "https://zsapi.zscalergov.net"), ("zscalerten", "https://zsapi.zscalerten.net"),
    ("zspreview", "https://admin.zspreview.net"),
])
def test_every_zia_cloud_name_maps_to_its_host(cloud, url):
    assert legacy_base_url("zia", cloud) == url


def test_cloud_names_reach_the_host_and_the_prefix_is_stripped(monkeypatch):
    from zscaler.auth.legacy import ZIASession

    seen = {}
    monkeypatch.setattr(ZIASession, "_login", lambda self: (seen.setdefault("base", self.base_url), ({}, 300.0))[1])
    client = LegacyZIAClient(username="u", password="p", api_key="abcdefghijkl", cloud="zscalerthree")
    executor = client.get_request_executor()
    assert executor.url_for("/zia/api/v1/users")[0] == "https://zsapi.zscalerthree.net/api/v1/users"
    client.close()


def test_rate_limited_call_is_retried_after_the_wait(sim):
    sim.fault(path="*/ruleLabels", method="GET", status=429, times=2,
              headers={"Retry-After": "0", "Content-Type": "application/json"},
              body={"message": "Rate Limit (1/SECOND) exceeded", "Retry-After": "0 seconds"})
    with LegacyZIAClient(sim.legacy_config("zia")) as client:
        labels, resp, err = client.zia.rule_labels.list_labels()
    assert err is None and labels == [] and resp.get_status() == 200
    assert [r.status for r in api_requests(sim, "/ruleLabels")] == [429, 429, 200]


def test_rate_limit_from_the_simulator_gateway(sim):
    sim.rate_limit("zia", 2)
    try:
        with LegacyZIAClient(sim.legacy_config("zia")) as client:
            for _ in range(4):
                assert client.zia.rule_labels.list_labels().error is None
    finally:
        sim.rate_limit("zia", None)
    statuses = [r.status for r in api_requests(sim, "/ruleLabels")]
    assert statuses.count(200) == 4 and 429 in statuses

