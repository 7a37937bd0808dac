"""ZPA policy rules: the policy-set lookup, v1/v2 condition grouping, nulls, reorder, microtenants."""

import pytest

from zscaler.catalog.zpa_hooks import conditions_v1, conditions_v2
from zscaler.simulator.behaviors.zpa import SET_IDS

from helpers import api_requests

ACCESS_SET = SET_IDS["ACCESS_POLICY"]


def _sent(sim):
    return [(r.method, r.path.split("/customers/")[1].split("/", 1)[1]) for r in api_requests(sim)]


def test_add_access_rule_v1_looks_up_the_policy_set_and_sends_nulls(client, sim):
    rule, _, err = client.zpa.policies.add_access_rule(
        name="Allow apps", action="allow", app_connector_group_ids=["216196257331290001"],
        conditions=[("app", "id", "216196257331291111"), ("app_group", "id", "216196257331292222"),
                    ("client_type", "id", "zpn_client_type_exporter")])
    assert err is None and rule.name == "Allow apps"
    assert _sent(sim) == [("GET", "policySet/policyType/ACCESS_POLICY"), ("POST", f"policySet/{ACCESS_SET}/rule")]
    assert api_requests(sim)[-1].json() == {
        "name": "Allow apps", "description": None, "customMsg": None, "ruleOrder": None, "action": "ALLOW",
        "appConnectorGroups": [{"id": "216196257331290001"}], "appServerGroups": [],
        "conditions": [
            {"operator": "OR", "operands": [{"objectType": "CLIENT_TYPE", "lhs": "id", "rhs": "zpn_client_type_exporter"}]},
            {"operator": "OR", "operands": [{"objectType": "APP", "lhs": "id", "rhs": "216196257331291111"},
                                            {"objectType": "APP_GROUP", "lhs": "id", "rhs": "216196257331292222"}]},
        ]}
    assert rule.rule_order == "1" and rule.policy_set_id is None  # the API's create answer has no policySetId
    stored = client.zpa.policies.get_rule("access", rule.id).unwrap()
    assert stored.policy_set_id == ACCESS_SET


def test_add_access_rule_v1_without_conditions_matches_the_recording(client, sim):
    client.zpa.policies.add_access_rule(name="r", action="DENY").unwrap()
    body = api_requests(sim)[-1].json()
    # the recorded request: action, appConnectorGroups, appServerGroups, customMsg, description, name, ruleOrder
    assert sorted(body) == ["action", "appConnectorGroups", "appServerGroups", "customMsg", "description", "name",
                            "ruleOrder"]


def test_update_access_rule_v1_drops_none_and_answers_the_id(client, sim):
    rule = client.zpa.policies.add_access_rule(name="r", action="allow").unwrap()
    updated, resp, err = client.zpa.policies.update_access_rule(rule.id, name="r2", description="d")
    assert err is None and resp.get_status() == 204 and updated.id == rule.id
    last = api_requests(sim)[-1]
    assert last.method == "PUT" and last.path.endswith(f"/policySet/{ACCESS_SET}/rule/{rule.id}")
    assert last.json() == {"name": "r2", "description": "d"}
    got = client.zpa.policies.get_rule("access", rule.id).unwrap()
    assert got.name == "r2" and got.rule_order == "1"


def test_v2_conditions_grouping_round_trip(client, sim):
    conds = [("app", ["1001", "1002"]), ("app_group", ["2001"]),
             ("scim_group", [("idp1", "g1"), ("idp1", "g2")]), ("saml", [("attr1", "a@b.c")]),
             ("AND", ("platform", [("linux", "true"), ("mac", "true")])),
             ("posture", [("udid-1", "true")]), ("posture", [("udid-2", "false")]),
             ("client_type", ["zpn_client_type_exporter", "zpn_client_type_zapp"]),
             ("chrome_enterprise", [("managed", "true")]), ("chrome_posture_profile", ["cp1"])]
    rule, _, err = client.zpa.policies.add_access_rule_v2(name="v2", action="allow", conditions=conds,
                                                          custom_msg="hello")
    assert err is None
    req = api_requests(sim)[-1]
    assert req.path.startswith("/zpa/mgmtconfig/v2/") and req.path.endswith(f"/policySet/{ACCESS_SET}/rule")
    body = req.json()
    assert body["customMsg"] == "hello" and body["description"] is None and body["ruleOrder"] is None
    assert body["conditions"] == [
        {"operands": [{"objectType": "CHROME_ENTERPRISE", "entryValues": [{"lhs": "managed", "rhs": "true"}]},
                      {"objectType": "CHROME_POSTURE_PROFILE", "values": ["cp1"]}]},
        {"operands": [{"objectType": "APP", "values": ["1001", "1002"]}, {"objectType": "APP_GROUP", "values": ["2001"]}]},
        {"operator": "OR", "operands": [{"objectType": "SCIM_GROUP", "entryValues": [
            {"lhs": "idp1", "rhs": "g1"}, {"lhs": "idp1", "rhs": "g2"}]}]},
        {"operator": "OR", "operands": [{"objectType": "SAML", "entryValues": [{"lhs": "attr1", "rhs": "a@b.c"}]}]},
        {"operator": "AND", "operands": [{"objectType": "PLATFORM", "entryValues": [
            {"lhs": "linux", "rhs": "true"}, {"lhs": "mac", "rhs": "true"}]}]},
        {"operator": "OR", "operands": [{"objectType": "POSTURE", "entryValues": [
            {"lhs": "udid-1", "rhs": "true"}, {"lhs": "udid-2", "rhs": "false"}]}]},
        {"operator": "OR", "operands": [{"objectType": "CLIENT_TYPE",
                                         "values": ["zpn_client_type_exporter", "zpn_client_type_zapp"]}]},
    ]
    got = client.zpa.policies.get_rule("ACCESS_POLICY", rule.id).unwrap()
    assert got.as_dict()["conditions"][1]["operands"][0]["values"] == ["1001", "1002"]
    assert [r.id for r in client.zpa.policies.list_rules("access").unwrap()] == [rule.id]


def test_v1_condition_operators_and_dicts():
    conds = conditions_v1([{"operator": "AND", "operands": [{"object_type": "SAML", "idp_id": "9", "lhs": "a",
                                                             "rhs": "b"}]},
                           ("AND", ("app", "id", "1")), ("app_group", "id", "2"),
                           ("scim", "idp", "x"), ("AND", ("scim_group", "idp", "y")), ("posture", "u1", "true")])
    assert conds == [
        {"operator": "AND", "operands": [{"objectType": "SAML", "idpId": "9", "lhs": "a", "rhs": "b"}]},
        {"operator": "OR", "operands": [{"objectType": "POSTURE", "lhs": "u1", "rhs": "true"}]},
        {"operator": "AND", "operands": [{"objectType": "APP", "lhs": "id", "rhs": "1"},
                                         {"objectType": "APP_GROUP", "lhs": "id", "rhs": "2"}]},
        {"operator": "AND", "operands": [{"objectType": "SCIM", "lhs": "idp", "rhs": "x"},
                                         {"objectType": "SCIM_GROUP", "lhs": "idp", "rhs": "y"}]},
    ]
    assert conditions_v2([("saml", "attr", "v")]) == [
        {"operator": "OR", "operands": [{"objectType": "SAML", "entryValues": [{"lhs": "attr", "rhs": "v"}]}]}]


@pytest.mark.parametrize("bad", [["app"], [("app", "id")], ["x"], [42]])
def test_bad_v1_conditions_name_the_argument(client, sim, bad):
    with pytest.raises(ValueError, match="condition"):
        client.zpa.policies.add_access_rule(name="r", action="allow", conditions=bad)
    assert not [r for r in api_requests(sim) if r.method == "POST"]


def test_bad_v2_pairs_are_refused(client, sim):
    with pytest.raises(ValueError, match=r"saml takes \(lhs, rhs\) pairs"):
        client.zpa.policies.add_access_rule_v2(name="r", action="allow", conditions=[("saml", ["only-one"])])


def test_isolation_rule_adds_exporter_client_type_and_keeps_profile_only_for_isolate(client, sim):
    client.zpa.policies.add_isolation_rule_v2(name="iso", action="isolate", zpn_isolation_profile_id="77",
                                              conditions=[("app", ["1"])]).unwrap()
    body = api_requests(sim)[-1].json()
    assert api_requests(sim)[-2].path.endswith("/policySet/policyType/ISOLATION_POLICY")
    assert body["action"] == "ISOLATE" and body["zpnIsolationProfileId"] == "77"
    assert body["conditions"][-1] == {"operator": "OR", "operands": [
        {"objectType": "CLIENT_TYPE", "values": ["zpn_client_type_exporter"]}]}
    client.zpa.policies.add_isolation_rule(name="bypass", action="bypass_isolate", zpn_isolation_profile_id="77",
                                           conditions=[("client_type", "id", "zpn_client_type_zapp")]).unwrap()
    body = api_requests(sim)[-1].json()
    assert "zpnIsolationProfileId" not in body
    assert body["conditions"] == [{"operator": "OR", "operands": [
        {"objectType": "CLIENT_TYPE", "lhs": "id", "rhs": "zpn_client_type_zapp"}]}]


def test_timeout_v2_capabilities_and_credential_rules(client, sim):
    client.zpa.policies.add_timeout_rule_v2(name="t", conditions=[("app", ["1"])]).unwrap()
    body = api_requests(sim)[-1].json()
    assert api_requests(sim)[-2].path.endswith("/policyType/TIMEOUT_POLICY")
    assert (body["action"], body["reauthTimeout"], body["reauthIdleTimeout"]) == ("RE_AUTH", 172800, 600)
    assert list(body)[:6] == ["name", "description", "customMsg", "action", "reauthTimeout", "reauthIdleTimeout"]

    client.zpa.policies.add_capabilities_rule_v2(
        name="c", privileged_capabilities={"clipboard_copy": True, "file_upload": False, "record_session": True,
                                           "share_session": False}).unwrap()
    body = api_requests(sim)[-1].json()
    assert body["action"] == "CHECK_CAPABILITIES"
    assert body["privilegedCapabilities"] == {"capabilities": ["CLIPBOARD_COPY", "INSPECT_FILE_UPLOAD", "RECORD_SESSION"]}

    client.zpa.policies.add_privileged_credential_rule_v2(name="p", credential_id="55").unwrap()
    body = api_requests(sim)[-1].json()
    assert body["credential"] == {"id": "55"} and body["action"] == "INJECT_CREDENTIALS"
    assert "credentialId" not in body and "credentialPool" not in body
    client.zpa.policies.add_privileged_credential_rule_v2(name="p2", credential_pool_id="66").unwrap()
    assert api_requests(sim)[-1].json()["credentialPool"] == {"id": "66"}
    with pytest.raises(ValueError, match="not both"):
        client.zpa.policies.add_privileged_credential_rule_v2(name="p3", credential_id="1", credential_pool_id="2")
    with pytest.raises(ValueError, match="privileged_capabilities"):
        client.zpa.policies.add_capabilities_rule_v2(name="c", privileged_capabilities={"teleport": True})
    sets = {r.path.rsplit("/", 1)[1] for r in api_requests(sim, "/policyType/")}
    assert sets == {"TIMEOUT_POLICY", "CAPABILITIES_POLICY", "CREDENTIAL_POLICY"}


def test_redirection_and_forwarding_rules(client, sim):
    client.zpa.policies.add_redirection_rule_v2(name="r", action="redirect_preferred",
                                                service_edge_group_ids=["9001"]).unwrap()
    body = api_requests(sim)[-1].json()
    assert body["serviceEdgeGroups"] == [{"id": "9001"}] and body["action"] == "REDIRECT_PREFERRED"
    client.zpa.policies.add_client_forwarding_rule(name="f", action="bypass").unwrap()
    body = api_requests(sim)[-1].json()
    assert body == {"name": "f", "description": None, "ruleOrder": None, "action": "BYPASS", "conditions": []}
    assert api_requests(sim)[-2].path.endswith("/policyType/CLIENT_FORWARDING_POLICY")


def _orders(client):
    return [(r.name, r.rule_order) for r in client.zpa.policies.list_rules("access").unwrap()]


def test_rules_get_appended_orders_and_reorder(client, sim):
    ids = [client.zpa.policies.add_access_rule_v2(name=n, action="allow").unwrap().id for n in "abcd"]
    assert _orders(client) == [("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")]

    sim.clear_requests()
    _, resp, err = client.zpa.policies.reorder_rule("access", ids[3], "1")
    assert err is None and resp.get_status() == 204
    get, put = api_requests(sim)
    assert get.method == "GET" and get.path.endswith("/policySet/policyType/ACCESS_POLICY")
    assert put.method == "PUT" and put.path.endswith(f"/policySet/{ACCESS_SET}/rule/{ids[3]}/reorder/1")
    assert put.json() == {}
    assert _orders(client) == [("d", "1"), ("a", "2"), ("b", "3"), ("c", "4")]

    sim.clear_requests()
    _, resp, err = client.zpa.policies.bulk_reorder_rules("access", [ids[2], ids[0]])
    assert err is None and resp.get_status() == 204
    put = api_requests(sim)[-1]
    assert put.path.endswith(f"/policySet/{ACCESS_SET}/reorder") and put.json() == [ids[2], ids[0]]
    assert _orders(client) == [("c", "1"), ("a", "2"), ("d", "3"), ("b", "4")]
    assert client.zpa.policies.list_rules("access").unwrap()[0].name == "c"

    sim.clear_requests()
    _, _, err = client.zpa.policies.delete_rule("access", ids[0])
    assert err is None and _sent(sim) == [("GET", "policySet/policyType/ACCESS_POLICY"),
                                          ("DELETE", f"policySet/{ACCESS_SET}/rule/{ids[0]}")]
    assert _orders(client) == [("c", "1"), ("d", "2"), ("b", "3")]


def test_reorder_errors_come_back_in_the_zpa_envelope(client, sim):
    rid = client.zpa.policies.add_access_rule(name="a", action="allow").unwrap().id
    _, _, err = client.zpa.policies.reorder_rule("access", rid, "5")
    assert err is not None and err.status_code == 400 and "outside 1..1" in str(err)
    _, _, err = client.zpa.policies.bulk_reorder_rules("access", ["999"])
    assert err is not None and err.status_code == 400 and "999" in str(err)
    _, _, err = client.zpa.policies.get_rule("timeout", rid)
    assert err is not None and err.status_code == 404  # the rule lives in the access policy set


def test_bad_policy_type_names_accepted_values(client, sim):
    with pytest.raises(ValueError, match="policy_type: 'acces' is not accepted; accepted values: access, "):
        client.zpa.policies.get_rule("acces", "1")
    assert api_requests(sim) == []


def test_policy_sets_are_stable_per_type(client, sim):
    a = client.zpa.policies.get_policy("access").unwrap()
    b = client.zpa.policies.get_policy("ACCESS_POLICY").unwrap()
    t = client.zpa.policies.get_policy("timeout").unwrap()
    assert a["id"] == b["id"] == ACCESS_SET and t["id"] != a["id"]
    assert a.get("rules") is None  # the set answers without its rules, as the API does
    assert api_requests(sim)[0].path.endswith("/policySet/policyType/ACCESS_POLICY")


def test_microtenant_from_config_reaches_lookup_and_rule(sim):
    from zscaler import ZscalerClient

    with ZscalerClient(sim.oneapi_config(microtenantId="3000")) as c:
        rule = c.zpa.policies.add_access_rule_v2(name="mt", action="allow").unwrap()
        lookup, post = api_requests(sim)
        assert lookup.query["microtenantId"] == ["3000"] and post.query["microtenantId"] == ["3000"]
        assert "microtenantId" not in post.json()
        assert [r.id for r in c.zpa.policies.list_rules("access").unwrap()] == [rule.id]
        sim.clear_requests()
        c.zpa.policies.get_rule("access", rule.id, query_params={"microtenant_id": "4000"})
        assert {tuple(r.query["microtenantId"]) for r in api_requests(sim)} == {("4000",)}
    with ZscalerClient(sim.oneapi_config()) as parent:
        assert parent.zpa.policies.list_rules("access").unwrap() == []  # owned by the microtenant


@pytest.mark.parametrize("how", [{"microtenant_id": "7100"}, {"microtenantId": "7100"}])
def test_every_microtenant_spelling_reaches_lookup_and_rule(client, sim, how):
    client.zpa.policies.add_timeout_rule(name="t", action="re_auth", **how).unwrap()
    lookup, post = api_requests(sim)
    assert lookup.query["microtenantId"] == post.query["microtenantId"] == ["7100"]
    sim.clear_requests()
    key = next(iter(how))
    rules = client.zpa.policies.list_rules("timeout", query_params={key: "7100"}).unwrap()
    assert len(rules) == 1 and api_requests(sim)[-1].query["microtenantId"] == ["7100"]
