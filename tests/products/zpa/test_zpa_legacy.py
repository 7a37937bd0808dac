"""LegacyZPAClient: sign-in, token renewal before expiry, rate-limited calls, ZPA methods over the legacy host."""

import time

import pytest

from zscaler.oneapi_client import LegacyZPAClient
from zscaler.simulator import Simulator

from helpers import api_requests


def _signins(sim):
    return [r for r in sim.requests if r.path == "/_legacy/zpa/signin"]


@pytest.fixture(scope="module")
def short_sim():
    with Simulator(token_lifetime=2) as s:  # tokens lapse after 2 s
        yield s


def test_signs_in_with_the_form_and_sends_the_bearer(sim):
    with LegacyZPAClient(sim.legacy_config("zpa")) as client:
        client.zpa.segment_groups.list_groups().unwrap()
    (login,) = _signins(sim)
    assert login.method == "POST" and login.headers["content-type"].startswith("application/x-www-form-urlencoded")
    assert dict(p.split("=", 1) for p in login.body.decode().split("&")) == {
        "client_id": sim.client_id, "client_secret": sim.client_secret}
    call = api_requests(sim, "/segmentGroup")[-1]
    assert call.path == f"/_legacy/zpa/mgmtconfig/v1/admin/customers/{sim.customer_id}/segmentGroup"
    assert call.headers["authorization"].startswith("Bearer ") and sim.client_secret not in call.headers["authorization"]


def test_renews_inside_the_refresh_margin_before_the_token_lapses(sim):
    client = LegacyZPAClient(sim.legacy_config("zpa"))
    provider = client.get_request_executor().provider
    lifetime = float(sim.token_lifetime)
    margin = min(provider.margin, lifetime * 0.1)
    start = provider._clock()
    now = [start]
    provider._clock = lambda: now[0]
    client.zpa.segment_groups.list_groups().unwrap()
    assert provider.login_count == 1
    now[0] = start + lifetime - margin - 1  # not yet inside the margin: same token
    client.zpa.segment_groups.list_groups().unwrap()
    assert provider.login_count == 1
    now[0] = start + lifetime - margin + 0.5  # inside the margin, the server's token still valid: renewed
    client.zpa.segment_groups.list_groups().unwrap()
    assert provider.login_count == 2 and len(_signins(sim)) == 2
    assert all(r.status != 401 for r in api_requests(sim))
    client.close()


def test_short_lived_token_is_renewed_and_no_call_sees_401(short_sim):
    short_sim.clear_requests()
    with LegacyZPAClient(short_sim.legacy_config("zpa")) as client:
        provider = client.get_request_executor().provider
        client.zpa.segment_groups.add_group(name="before").unwrap()
        time.sleep(2.3)  # the first token has lapsed on the server
        added, _, err = client.zpa.segment_groups.add_group(name="after")
        assert err is None and added.name == "after"
        assert provider.login_count == 2
    statuses = [r.status for r in api_requests(short_sim, "/segmentGroup")]
    assert statuses == [201, 201]  # created (201), renewed before use: never a 401 and a retry
    assert len(_signins(short_sim)) == 2


def test_rate_limited_call_is_retried(sim):
    sim.fault(path="*/segmentGroup", method="GET", status=429, times=2,
              headers={"retry-after": "0s"},
              body={"id": "invalid.toomanyrequests", "reason": "Too many requests, please retry later"})
    with LegacyZPAClient(sim.legacy_config("zpa")) as client:
        groups, resp, err = client.zpa.segment_groups.list_groups()
    assert err is None and groups == [] and resp.get_status() == 200
    assert [r.status for r in api_requests(sim, "/segmentGroup")] == [429, 429, 200]


def test_policy_rule_and_microtenant_over_the_legacy_host(sim):
    with LegacyZPAClient({**sim.legacy_config("zpa"), "microtenantId": "8000"}) as client:
        rule = client.zpa.policies.add_access_rule_v2(name="legacy", action="allow",
                                                      conditions=[("app", ["1"])]).unwrap()
    lookup, post = api_requests(sim, "/mgmtconfig/")
    assert lookup.path == (f"/_legacy/zpa/mgmtconfig/v1/admin/customers/{sim.customer_id}"
                           "/policySet/policyType/ACCESS_POLICY")
    assert post.path.startswith("/_legacy/zpa/mgmtconfig/v2/") and post.path.endswith("/rule")
    assert lookup.query["microtenantId"] == post.query["microtenantId"] == ["8000"]
    assert rule.microtenant_id == "8000"
