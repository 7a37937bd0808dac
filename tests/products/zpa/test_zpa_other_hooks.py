"""ZPA LSS configs, app protection profiles/controls, fetch-then-merge updates, PRA and portal bulk bodies."""

import json
import re

import pytest

from zscaler.simulator.behaviors.zpa import SET_IDS, log_formats, predefined_groups

from helpers import api_requests


def _tail(req):
    return req.path.split("/customers/", 1)[1].split("/", 1)[1] if "/customers/" in req.path else req.path


def test_add_lss_config_body_format_lookup_and_siem_rule(client, sim):
    cfg, _, err = client.zpa.lss.add_lss_config(
        lss_host="10.0.0.5", lss_port="514", name="user-activity", source_log_type="user_activity",
        app_connector_group_ids=["216196257331290001"], filter_status_codes=["BRK_MT_SETUP_FAIL"],
        policy_rules=[("app", ["216196257331291111"]), ("scim_group", [("idp1", "g1")])])
    assert err is None
    fmt, lookup, post = api_requests(sim)
    assert _tail(fmt) == "lssConfig/logType/formats" and fmt.query == {"logType": ["zpn_trans_log"]}
    assert _tail(lookup) == "policySet/policyType/SIEM_POLICY"
    assert post.json() == {
        "config": {"enabled": True, "lssHost": "10.0.0.5", "lssPort": "514", "name": "user-activity",
                   "format": log_formats("zpn_trans_log")["csv"], "sourceLogType": "zpn_trans_log", "useTls": False,
                   "filter": ["BRK_MT_SETUP_FAIL"]},
        "connectorGroups": [{"id": "216196257331290001"}],
        "policyRuleResource": {"policySetId": SET_IDS["SIEM_POLICY"], "name": "user-activity", "conditions": [
            {"operator": "OR", "operands": [{"objectType": "APP", "values": ["216196257331291111"]}]},
            {"operator": "OR", "operands": [{"objectType": "SCIM_GROUP", "entryValues": [{"lhs": "idp1", "rhs": "g1"}]}]},
        ]}}
    got = client.zpa.lss.get_config(cfg.id).unwrap()
    assert got.config.source_log_type == "zpn_trans_log" and got.connector_groups[0].id == "216196257331290001"


def test_lss_json_format_explicit_content_and_update(client, sim):
    cfg = client.zpa.lss.add_lss_config("h", "514", "n", "audit_logs", source_log_format="json", use_tls=True).unwrap()
    body = api_requests(sim)[-1].json()
    assert body["config"]["format"] == log_formats("zpn_audit_log")["json"] and body["connectorGroups"] == []
    assert body["config"]["useTls"] is True and "policyRuleResource" not in body
    sim.clear_requests()
    client.zpa.lss.update_lss_config(cfg.id, enabled=False, log_stream_content="%s{custom}").unwrap()
    (put,) = api_requests(sim)  # no format lookup when the content is given
    assert put.json() == {"config": {"id": cfg.id, "enabled": False, "format": "%s{custom}"}}
    with pytest.raises(ValueError, match="source_log_format: 'xml' is not a format of zpn_auth_log"):
        client.zpa.lss.add_lss_config("h", "514", "n", "user_status", source_log_format="xml")


def test_app_protection_profile_sends_default_controls(client, sim):
    profile, _, err = client.zpa.app_protection.add_profile(
        name="owasp", paranoia_level="2", action="BLOCK", predefined_controls=[("72058304855200004", "log")])
    assert err is None
    get_controls, post, get_profile = api_requests(sim)
    assert _tail(get_controls) == "inspectionControls/predefined"
    assert get_controls.query == {"version": ["OWASP_CRS/3.3.0"]}
    defaults = [c for g in predefined_groups("OWASP_CRS/3.3.0") if g["defaultGroup"]
                for c in g["predefinedInspectionControls"]]
    body = post.json()
    assert body["predefinedControls"] == [{"id": c["id"], "action": "BLOCK", "defaultAction": "BLOCK"}
                                          for c in defaults] + [{"id": "72058304855200004", "action": "LOG"}]
    assert body["predefinedControlsVersion"] == "OWASP_CRS/3.3.0" and body["defaultAction"] == "BLOCK"
    assert get_profile.method == "GET" and _tail(get_profile) == f"inspectionProfile/{profile['id']}"
    assert profile["name"] == "owasp"  # the full profile read back

    sim.clear_requests()
    _, resp, err = client.zpa.app_protection.profile_control_attach(profile["id"], "detach")
    assert err is None and resp.get_status() == 204
    assert api_requests(sim)[-1].path.endswith("/deAssociateAllPredefinedControls")
    assert api_requests(sim)[-1].json() == {"version": "OWASP_CRS/3.3.0"}
    assert client.zpa.app_protection.get_profile(profile["id"]).unwrap().predefined_controls == []
    client.zpa.app_protection.profile_control_attach(profile["id"], "attach", profile_version="OWASP_CRS/3.3.5")
    assert api_requests(sim)[-1].path.endswith("/associateAllPredefinedControls")
    assert len(client.zpa.app_protection.get_profile(profile["id"]).unwrap().predefined_controls) == 4
    with pytest.raises(ValueError, match="action: 'toggle' is not accepted"):
        client.zpa.app_protection.profile_control_attach(profile["id"], "toggle")


def test_custom_control_rules_and_fetch_merge_update(client, sim):
    control, _, err = client.zpa.app_protection.add_custom_control(
        name="hdr", severity="CRITICAL", action="BLOCK", type="REQUEST",
        rules=[{"type": "REQUEST_HEADERS", "names": ["x-api"], "conditions": [("SIZE", "GE", "100")]}])
    assert err is None
    assert api_requests(sim)[-1].json()["rules"] == [
        {"type": "REQUEST_HEADERS", "names": ["x-api"], "conditions": [{"lhs": "SIZE", "op": "GE", "rhs": "100"}]}]
    sim.clear_requests()
    client.zpa.app_protection.update_custom_control(control.id, description="now described").unwrap()
    get, put = api_requests(sim)
    assert get.method == "GET" and put.method == "PUT"
    sent = put.json()
    assert sent["name"] == "hdr" and sent["severity"] == "CRITICAL" and sent["description"] == "now described"
    # the API keeps the rules as the controlRuleJson string the GET answered; the merge sends it back
    assert json.loads(sent["controlRuleJson"])[0]["conditions"] == [{"lhs": "SIZE", "op": "GE", "rhs": "100"}]


def test_server_group_update_reads_then_merges(client, sim):
    group = client.zpa.server_groups.add_group(name="srv", dynamic_discovery=False,
                                               app_connector_group_ids=["216196257331290001"]).unwrap()
    sim.clear_requests()
    client.zpa.server_groups.update_group(group.id, description="merged").unwrap()
    get, put = api_requests(sim)
    assert get.method == "GET" and get.path == put.path
    sent = put.json()  # what the GET answered (the server's whole representation), merged with the change
    assert {k: sent.get(k) for k in ("name", "dynamicDiscovery", "appConnectorGroups", "id", "description")} == {
        "name": "srv", "dynamicDiscovery": False, "appConnectorGroups": [{"id": "216196257331290001"}],
        "id": group.id, "description": "merged"}
    stored = client.zpa.server_groups.get_group(group.id).unwrap()
    assert stored.dynamic_discovery is False and stored.description == "merged"


def test_pra_approval_working_hours(client, sim):
    client.zpa.pra_approval.add_approval(
        email_ids=["a@acme.com"], application_ids=["216196257331291111"],
        working_hours={"days": ["MON", "TUE"], "start_time": "09:00", "end_time": "17:00", "time_zone": "UTC",
                       "start_time_cron": "0 0 9 ? * MON,TUE", "end_time_cron": "0 0 17 ? * MON,TUE"}).unwrap()
    assert api_requests(sim)[-1].json() == {
        "emailIds": ["a@acme.com"], "applications": [{"id": "216196257331291111"}],
        "workingHours": {"startTimeCron": "0 0 9 ? * MON,TUE", "endTimeCron": "0 0 17 ? * MON,TUE",
                         "startTime": "09:00", "endTime": "17:00", "days": ["MON", "TUE"], "timeZone": "UTC"}}
    with pytest.raises(ValueError, match="working_hours: 'lunch' is not accepted"):
        client.zpa.pra_approval.update_approval("1", working_hours={"lunch": "12:00"})


def test_bulk_consoles_and_portal_links(client, sim):
    client.zpa.pra_console.add_bulk_console([
        {"name": "rdp", "pra_application_id": "11", "pra_portal_ids": ["21", "22"]},
        {"name": "ssh", "pra_application_id": "12", "enabled": False, "description": "jump"}])
    assert api_requests(sim)[-1].json() == [
        {"name": "rdp", "enabled": True, "praApplication": {"id": "11"}, "praPortals": [{"id": "21"}, {"id": "22"}],
         "description": ""},
        {"name": "ssh", "enabled": False, "praApplication": {"id": "12"}, "praPortals": [], "description": "jump"}]
    client.zpa.user_portal_link.add_bulk_portal_links([{"name": "wiki", "link": "wiki.acme.com", "protocol": "https://"}],
                                                      user_portal_link_ids=["31"])
    assert api_requests(sim)[-1].json() == {
        "userPortalLinks": [{"name": "wiki", "description": "", "enabled": True, "iconText": "", "link": "wiki.acme.com",
                             "linkPath": "", "protocol": "https://"}],
        "userPortals": [{"id": "31"}]}
    with pytest.raises(ValueError, match="consoles: a non-empty list is required"):
        client.zpa.pra_console.add_bulk_console([])


def test_global_policy_rules_answer_the_response_object(client, sim):
    sim.fault(path="*/GLOBAL_POLICY/guest/guest-1", status=200, body={"list": [{"id": "1"}], "totalPages": "1"})
    rules, resp, err = client.zpa.b2b_policy.get_global_policy_rules("guest-1")
    assert err is None and rules is resp  # (response, response, None), as the official SDK
    assert rules.get_body()["list"] == [{"id": "1"}]


def test_tag_searches_collect_every_page_and_find_by_name(client, sim):
    for i in range(105):
        client.zpa.tag_namespace.create_namespace({"name": f"ns-{i:03d}"}).unwrap()
    sim.clear_requests()
    spaces, _, err = client.zpa.tag_namespace.list_namespaces()
    assert err is None and len(spaces) == 105 and len({s.id for s in spaces}) == 105
    assert [r.json() for r in api_requests(sim)] == [{"pageBy": {"page": 1, "pageSize": 100}},
                                                     {"pageBy": {"page": 2, "pageSize": 100}}]
    assert all(r.method == "POST" and r.path.endswith("/namespace/search") for r in api_requests(sim))
    found = client.zpa.tag_namespace.get_namespace_by_name("NS-104").unwrap()  # case-insensitive, a model
    assert type(found).__name__ == "Namespace" and found.name == "ns-104"
    missing, resp, err = client.zpa.tag_namespace.get_namespace_by_name("absent")
    assert missing is None and resp is not None and isinstance(err, ValueError)
    assert str(err) == "no namespace named 'absent' was found"  # as the official SDK answers
    group = client.zpa.tag_group.create_tag_group({"name": "g"}).unwrap()
    assert api_requests(sim)[-1].json() == {"name": "g", "tags": []}
    assert [g.id for g in client.zpa.tag_group.list_tag_groups().unwrap()] == [group.id]
    key = client.zpa.tag_key.create_tag_key(spaces[0].id, {"name": "env"}).unwrap()
    assert client.zpa.tag_key.get_tag_key_by_name(spaces[0].id, "env").unwrap().id == key.id
    assert client.zpa.tag_group.get_tag_group_by_name("G").unwrap().id == group.id


def test_business_continuity_download_writes_the_file(client, sim, tmp_path, monkeypatch):
    target = tmp_path / "bc-cert.pem"
    name = client.zpa.business_continuity.get_business_continuity_setting_certificate(str(target))
    assert name == str(target) and target.exists()  # a bare str, as the official SDK
    req = api_requests(sim)[-1]
    assert req.raw_query == "" and req.headers["accept"] == "*/*"  # filename stays local
    monkeypatch.chdir(tmp_path)
    name = client.zpa.business_continuity.get_business_continuity_setting_metadata()
    assert re.fullmatch(r"bc-metadata-\d{8}-\d\d_\d\d_\d\d\.xml", name) and (tmp_path / name).read_bytes()
