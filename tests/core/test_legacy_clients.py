"""Legacy clients against the simulator's legacy hosts (/_legacy/<product>)."""

import random

import pytest

from zscaler.errors import ConfigurationError, TokenError
from zscaler.oneapi_client import (LegacyZCCClient, LegacyZDXClient, LegacyZIAClient, LegacyZPAClient,
                                   LegacyZTWClient, LegacyZWAClient)

from helpers import api_requests


def test_seed_zpa_legacy_example(sim):
    with LegacyZPAClient(sim.legacy_config("zpa")) as client:
        added, response, error = client.zpa.segment_groups.add_group(
            name=f"NewGroup_{random.randint(1000, 10000)}", description="d", enabled=True)
        assert error is None and added.as_dict()["enabled"] is True
    req = api_requests(sim, "/segmentGroup")[-1]
    assert req.path.startswith("/_legacy/zpa/mgmtconfig/v1/admin/customers/")
    assert req.headers["authorization"].startswith("Bearer ")


def test_seed_zia_legacy_example_logs_out_and_activates(sim):
    with LegacyZIAClient(sim.legacy_config("zia")) as client:
        added_label, response, error = client.zia.rule_labels.add_label(
            name=f"NewLabel_{random.randint(1000, 10000)}", description="x")
        assert error is None and added_label.name.startswith("NewLabel_")
        assert sim.activation_status("zia") == "PENDING"
    assert sim.activation_status("zia") == "ACTIVE"
    login = [r for r in sim.requests if r.path.endswith("/authenticatedSession") and r.method == "POST"][0]
    body = login.json()
    assert set(body) == {"apiKey", "username", "password", "timestamp"} and len(body["apiKey"]) == 12
    assert "JSESSIONID=" in api_requests(sim, "/ruleLabels")[-1].headers["cookie"]


def test_legacy_client_serves_only_its_product(sim):
    client = LegacyZPAClient(sim.legacy_config("zpa"))
    with pytest.raises(RuntimeError, match="serves only 'zpa'"):
        client.zia
    client.close()


def test_legacy_login_failure_raises_at_construction(sim):
    with pytest.raises(TokenError, match="zpa login refused: HTTP 401"):
        LegacyZPAClient(sim.legacy_config("zpa", clientSecret="nope"))


def test_legacy_missing_key_and_unknown_key(sim, monkeypatch):
    monkeypatch.delenv("ZIA_CLOUD", raising=False)
    cfg = sim.legacy_config("zia")
    cfg.pop("cloud")
    cfg.pop("override_url")
    with pytest.raises(ConfigurationError, match="'cloud' is required"):
        LegacyZIAClient(cfg)
    with pytest.raises(ConfigurationError, match="unknown configuration key 'apikey'"):
        LegacyZIAClient({**sim.legacy_config("zia"), "apikey": "x"})


@pytest.mark.parametrize("cls,product,header", [
    (LegacyZTWClient, "ztw", "cookie"), (LegacyZCCClient, "zcc", "auth-token"),
    (LegacyZDXClient, "zdx", "authorization"), (LegacyZWAClient, "zwa", "authorization"),
])
def test_other_legacy_logins(sim, cls, product, header):
    client = cls(sim.legacy_config(product))
    provider = client.get_request_executor().provider
    assert provider.login_count == 1
    assert header in {k.lower() for k in provider.headers()}
    client.close()


def test_legacy_token_renewed_before_expiry(sim):
    client = LegacyZPAClient(sim.legacy_config("zpa"))
    provider = client.get_request_executor().provider
    now = [provider._clock()]
    provider._clock = lambda: now[0]
    client.zpa.segment_groups.list_groups().unwrap()
    assert provider.login_count == 1
    now[0] += 3600  # past the simulator's token lifetime
    client.zpa.segment_groups.list_groups().unwrap()
    assert provider.login_count == 2
    client.close()


def test_legacy_pagination_prefetch_is_accepted_validated_and_changes_nothing(sim, monkeypatch):
    sim.seed("zpa", "segment_groups", 45)
    for extra in ({}, {"pagination": {"prefetch": False}}, {"pagination": {"prefetch": True}}):
        sim.clear_requests()
        with LegacyZPAClient({**sim.legacy_config("zpa"), **extra}) as client:
            _, resp, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 20})
            more, _, err = resp.next()
            assert err is None and len(more) == 20
            assert len([r for r in sim.requests if "/segmentGroup" in r.path]) == 2  # nothing requested ahead
    monkeypatch.setenv("ZSCALER_PAGINATION_PREFETCH", "0")
    LegacyZPAClient(sim.legacy_config("zpa")).close()
    for bad, match in (({"prefetch": "maybe"}, "pagination.prefetch.*boolean"),
                       ({"prefetch": True, "depth": 2}, "unknown configuration key 'pagination.depth'"),
                       (True, "'pagination' must be a mapping")):
        with pytest.raises(ConfigurationError, match=match):
            LegacyZPAClient({**sim.legacy_config("zpa"), "pagination": bad})
