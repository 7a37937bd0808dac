"""ZIA activation: explicit status/activate, activation on exit (OneAPI and legacy), the 409 edit lock."""

from __future__ import annotations

import pytest

from zscaler import ZscalerClient
from zscaler.errors import ZscalerAPIError
from zscaler.oneapi_client import LegacyZIAClient

from helpers import FAST_RETRY, api_requests


def test_status_and_activate(client, sim):
    status, _, err = client.zia.activate.status()
    assert err is None and status.status == "ACTIVE"
    client.zia.url_filtering.add_rule(name="Block", order=1, action="BLOCK", enabled=True).unwrap()
    assert client.zia.activate.status().result.status == "PENDING"
    activated, _, err = client.zia.activate.activate()
    assert err is None and activated.status == "ACTIVE" and sim.activation_status("zia") == "ACTIVE"
    req = api_requests(sim, "/status/activate")[-1]
    assert req.method == "POST" and req.path == "/zia/api/v1/status/activate"


def test_context_manager_activates_zia_writes_once_on_exit(sim):
    with ZscalerClient(sim.oneapi_config(**FAST_RETRY)) as client:
        client.zia.cloud_firewall_rules.add_rule(name="FW", order=1, action="ALLOW", enabled=True).unwrap()
        client.zia.rule_labels.add_label(name="L").unwrap()
        assert sim.activation_status("zia") == "PENDING"
        assert [r for r in api_requests(sim) if r.method == "DELETE"] == []
    assert sim.activation_status("zia") == "ACTIVE"
    ends = [r for r in api_requests(sim) if r.path == "/zia/api/v1/authenticatedSession"]
    assert [r.method for r in ends] == ["DELETE"] and ends[0].headers["authorization"].startswith("Bearer ")


def test_context_manager_reads_only_do_not_end_the_session(sim):
    with ZscalerClient(sim.oneapi_config(**FAST_RETRY)) as client:
        results, err = client.zia.url_categories.lookup(["example.com"])  # a POST that changes nothing
        assert err is None and results
        client.zia.rule_labels.list_labels().unwrap()
    assert sim.activation_status("zia") == "ACTIVE"


def test_legacy_context_manager_activates_on_exit(sim):
    with LegacyZIAClient(sim.legacy_config("zia")) as client:
        client.zia.url_filtering.add_rule(name="Legacy", order=1, action="ALLOW", enabled=False).unwrap()
        assert sim.activation_status("zia") == "PENDING"
    assert sim.activation_status("zia") == "ACTIVE"
    body = [r for r in api_requests(sim, "/urlFilteringRules") if r.method == "POST"][-1].json()
    assert body["state"] == "DISABLED"


def test_edit_lock_is_waited_out(client, sim):
    sim.edit_lock(2)
    rule, _, err = client.zia.cloud_firewall_rules.add_rule(name="Locked", order=1, action="ALLOW")
    assert err is None and rule.name == "Locked"
    statuses = [r.status for r in api_requests(sim, "/firewallFilteringRules")]
    assert statuses == [409, 409, 200]


def test_edit_lock_that_never_clears_is_reported(client, sim):
    sim.edit_lock(10)
    rule, _, err = client.zia.cloud_firewall_rules.add_rule(name="Stuck", order=1, action="ALLOW")
    assert rule is None and isinstance(err, ZscalerAPIError) and err.status_code == 409
    assert "EDIT_LOCK_NOT_AVAILABLE" in str(err)
    assert len(api_requests(sim, "/firewallFilteringRules")) == 3  # maxRetries=2: three attempts, then the error
    assert client.zia.rule_labels.list_labels().error is None  # reads are not locked


def test_edit_lock_waits_grow_and_are_capped(sim):
    waits = []
    client = ZscalerClient(sim.oneapi_config(rateLimit={"maxRetries": 6, "editLockBase": 5.0,
                                                        "maxRetrySeconds": 1000}))
    client.get_request_executor().retry_policy.sleep = waits.append  # record the waits instead of sleeping
    sim.edit_lock(6)
    _, _, err = client.zia.rule_labels.add_label(name="Patient")
    client.close()
    assert err is None
    assert waits == [5.0, 10.0, 20.0, 40.0, 60.0, 60.0]


@pytest.mark.parametrize("verb", ["PUT", "DELETE"])
def test_edit_lock_applies_to_updates_and_deletes(client, sim, verb):
    label = client.zia.rule_labels.add_label(name="L").unwrap()
    sim.edit_lock(1)
    if verb == "PUT":
        result = client.zia.rule_labels.update_label(label.id, name="L2")
    else:
        result = client.zia.rule_labels.delete_label(label.id)
    assert result.error is None
    assert [r.status for r in api_requests(sim, f"/ruleLabels/{label.id}") if r.method == verb] == [409, 204 if
                                                                                                   verb == "DELETE"
                                                                                                   else 200]
