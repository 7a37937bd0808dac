"""AI Guard through the client and the simulator: the detection calls (``headers`` sent as HTTP
headers, optional body keys), by-name lookups, and every resource driven generically."""

from __future__ import annotations

import json
import pathlib
import sys

import pytest

from helpers import api_requests
from zscaler import catalog

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
import test_catalog_conformance as core  # noqa: E402

BASE = "/aiguard/v1"
RESOURCES = [r.attribute for r in catalog.load("aiguard").resources]


@pytest.mark.parametrize("attribute", RESOURCES)
def test_every_operation_is_served(client, sim, attribute):
    core.test_resource_operations(client, sim, "aiguard", attribute)


def test_resolve_and_execute_sends_headers_as_http_headers(client, sim):
    policy = client.aiguard.policies.add_policy(name="strict").result
    sim.clear_requests()
    res, _, err = client.aiguard.policy_detection.resolve_and_execute_policy(
        "hello", "IN", transaction_id="t-1", user="ann@example.com", headers={"X-Trace-Id": "abc", "X-Num": 7})
    assert err is None
    (req,) = api_requests(sim)
    assert (req.method, req.path) == ("POST", BASE + "/detection/resolve-and-execute-policy")
    assert json.loads(req.body) == {"content": "hello", "direction": "IN", "transactionId": "t-1",
                                    "user": "ann@example.com"}
    assert req.headers["x-trace-id"] == "abc" and req.headers["x-num"] == "7"
    assert (res.action, res.transaction_id, res.policy_id, res.policy_name) == ("ALLOW", "t-1", policy.id, "strict")


def test_resolve_and_execute_minimal_body_and_bad_headers(client, sim):
    res, _, err = client.aiguard.policy_detection.resolve_and_execute_policy("BLOCKME now", "OUT")
    assert err is None and (res.action, res.severity, res.direction) == ("BLOCK", "CRITICAL", "OUT")
    (req,) = api_requests(sim)
    assert json.loads(req.body) == {"content": "BLOCKME now", "direction": "OUT"}
    with pytest.raises(TypeError, match="'headers' must be a dict"):
        client.aiguard.policy_detection.resolve_and_execute_policy("x", "IN", headers=["X-A"])
    with pytest.raises(ValueError, match="set by the client"):
        client.aiguard.policy_detection.resolve_and_execute_policy("x", "IN", headers={"Authorization": "y"})
    assert len(api_requests(sim)) == 1


def test_execute_policy_body(client, sim):
    res, _, err = client.aiguard.policy_detection.execute_policy("hi", "IN", policy_id=9)
    assert err is None and res.policy_id == 9 and res.action == "ALLOW"
    (req,) = api_requests(sim)
    assert (req.method, req.path) == ("POST", BASE + "/detection/execute-policy")
    assert json.loads(req.body) == {"content": "hi", "direction": "IN", "policyId": 9}


@pytest.mark.parametrize("res,add,by_name,path", [
    ("policies", "add_policy", "get_policy_by_name", "/detections/policies"),
    ("llm_providers", "add_provider", "get_provider_by_name", "/llm-providers"),
])
def test_get_by_name_path(client, sim, res, add, by_name, path):
    api = getattr(client.aiguard, res)
    assert getattr(api, add)(name="Default Anthropic Provider").error is None
    sim.clear_requests()
    got, resp, err = getattr(api, by_name)("Default Anthropic Provider")
    assert err is None and got.name == "Default Anthropic Provider"
    (req,) = api_requests(sim)
    assert (req.method, req.path) == ("GET", f"{BASE}{path}/name/Default Anthropic Provider")
    assert resp is not None and resp.url.endswith(f"{path}/name/Default%20Anthropic%20Provider")


def test_lists_read_the_items_envelope(client, sim):
    client.aiguard.policy_match_rules.add_rule(name="r1", policy_id="p", rule_order=1, enabled=True)
    sim.clear_requests()
    rules, resp, err = client.aiguard.policy_match_rules.list_rules()
    assert err is None and [r.name for r in rules] == ["r1"] and rules[0].rule_order == 1
    assert list(resp.get_body()) == ["items"]
    (req,) = api_requests(sim)
    assert (req.method, req.path) == ("GET", BASE + "/detections/policy-match-rules")
    sim.fault(method="GET", path=BASE + "/llm-provider-types", status=200,
              body={"items": [{"type": "OPENAI", "name": "OpenAI"}]}, times=1)
    types, _, err = client.aiguard.llm_providers.list_provider_types()
    assert err is None and types == [{"type": "OPENAI", "name": "OpenAI"}]
