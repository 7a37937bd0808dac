"""ZTW special behaviour through the OneAPI client and the simulator: exact wire requests."""

from __future__ import annotations

import pytest

from helpers import api_requests

BASE = "/ztw/api/v1"


def _last(sim, method, path):
    return [r for r in api_requests(sim, path) if r.method == method and r.path == path][-1]


def test_forwarding_rule_enabled_is_sent_as_state(client, sim):
    rule, _, err = client.ztw.forwarding_rules.add_rule(
        name="To ZPA", enabled=False, forward_method="ZPA", src_ip_groups=["5", 6], order=1)
    assert err is None
    body = _last(sim, "POST", BASE + "/ecRules/ecRdr").json()
    assert body["state"] == "DISABLED" and "enabled" not in body
    assert body["forwardMethod"] == "ZPA" and body["srcIpGroups"] == [{"id": 5}, {"id": 6}]

    _, _, err = client.ztw.forwarding_rules.update_rule(rule.id, name="To ZPA", enabled=True)
    assert err is None
    body = _last(sim, "PUT", f"{BASE}/ecRules/ecRdr/{rule.id}").json()
    assert body == {"name": "To ZPA", "state": "ENABLED"}


def test_explicit_state_wins_and_bad_enabled_is_refused(client, sim):
    client.ztw.forwarding_rules.add_rule(name="r", enabled=True, state="DISABLED").unwrap()
    assert _last(sim, "POST", BASE + "/ecRules/ecRdr").json()["state"] == "DISABLED"
    with pytest.raises(ValueError, match="enabled"):
        client.ztw.forwarding_rules.add_rule(name="r", enabled="yes")


def test_activate_and_forced_activate(client, sim):
    client.ztw.ip_groups.add_ip_group(name="g", ip_addresses=["10.0.0.1"]).unwrap()
    assert sim.activation_status("ztw") == "PENDING"
    status, _, err = client.ztw.activate.activate()
    assert err is None and sim.activation_status("ztw") == "ACTIVE"
    assert status.org_edit_status == "EDITS_CLEARED"
    req = _last(sim, "PUT", BASE + "/ecAdminActivateStatus/activate")
    assert req.json() in (None, {})  # force is not part of the body
    client.ztw.activate.activate(force=True).unwrap()
    assert _last(sim, "PUT", BASE + "/ecAdminActivateStatus/forcedActivate").json() in (None, {})
    with pytest.raises(TypeError, match="force"):
        client.ztw.activate.activate(force="yes")


def test_search_is_applied_client_side(client, sim):
    roles, _, err = client.ztw.admin_roles.list_roles(query_params={"search": "super"})
    assert err is None
    assert [r.name for r in roles] == ["Super Admin"]
    req = _last(sim, "GET", BASE + "/adminRoles")
    assert "search" not in req.query
    for name in ("Branch-A", "branch-b", "Cloud-C"):
        client.ztw.ip_source_groups.add_ip_source_group(name=name, ip_addresses=["10.1.1.1"]).unwrap()
    lite, _, _ = client.ztw.ip_source_groups.list_ip_source_groups_lite(query_params={"search": "BRANCH"})
    assert sorted(g.name for g in lite) == ["Branch-A", "branch-b"]


def test_location_template_body(client, sim):
    tmpl, _, err = client.ztw.location_template.add_location_template(
        "Branch template", template={"template_prefix": "br", "xff_forward_enabled": True, "auth_required": False},
        description="for branches", unused=None)
    assert err is None
    body = _last(sim, "POST", BASE + "/locationTemplate").json()
    assert body == {"name": "Branch template", "template": {"templatePrefix": "br", "xffForwardEnabled": True,
                                                           "authRequired": False}, "desc": "for branches"}
    client.ztw.location_template.update_location_template(
        tmpl.id, name="Branch template", template={"template_prefix": "br2"}, description=None).unwrap()
    body = _last(sim, "PUT", f"{BASE}/locationTemplate/{tmpl.id}").json()
    assert body == {"name": "Branch template", "template": {"templatePrefix": "br2"}}
    with pytest.raises(TypeError, match="template"):
        client.ztw.location_template.add_location_template("x", template="not a dict")


def test_lists_are_flat_arrays_without_paging(client, sim):
    for i in range(3):
        client.ztw.ip_groups.add_ip_group(name=f"g{i}", ip_addresses=["10.0.0.1"]).unwrap()
    groups, resp, err = client.ztw.ip_groups.list_ip_groups(query_params={"page_size": 2})
    assert err is None and len(groups) == 2
    assert _last(sim, "GET", BASE + "/ipGroups").query == {"pageSize": ["2"]}
    assert resp.has_next() is False  # ZTW arrays are final pages
    everything, _, _ = client.ztw.ip_groups.list_ip_groups()
    assert [g.name for g in everything] == ["g0", "g1", "g2"]


def test_predefined_objects_of_a_new_tenant(client, sim):
    services, _, _ = client.ztw.nw_service.list_network_services()
    assert {"HTTP", "HTTPS", "DNS"} <= {s.name for s in services}
    assert all(s.type == "PREDEFINED" for s in services)
    groups, _, _ = client.ztw.ec_groups.list_ec_groups()
    group = groups[0]
    vm, _, err = client.ztw.ec_groups.get_ec_group_vm(group.id, group.ec_vms[0]["id"])
    assert err is None and vm.name == "ec-vm-sim-1"
    lite, _, _ = client.ztw.location_management.list_locations_lite()
    assert lite[0].request_format() == {"id": 31, "name": "AWS-us-east-1-vpc-sim"}
    _, _, err = client.ztw.ec_groups.delete_ec_group_vm(group.id, group.ec_vms[0]["id"])
    assert err is None
    _, _, err = client.ztw.ec_groups.get_ec_group_vm(group.id, group.ec_vms[0]["id"])
    assert err is not None and err.status_code == 404


def test_cloud_formation_template_is_bytes(client, sim):
    text, _, err = client.ztw.public_cloud_info.get_cloud_formation_template(aws_account_id="123456789012")
    assert err is None and isinstance(text, bytes)
    assert b"AWSTemplateFormatVersion" in text and b"123456789012" in text
    assert _last(sim, "GET", BASE + "/publicCloudInfo/cloudFormationTemplate").query == {
        "awsAccountId": ["123456789012"]}


def test_oneapi_client_activates_ztw_on_exit(sim):
    from zscaler import ZscalerClient

    from helpers import FAST_RETRY

    with ZscalerClient(sim.oneapi_config(**FAST_RETRY)) as client:
        client.ztw.ip_destination_groups.add_group(name="dst", type="DSTN_IP", addresses=["8.8.8.8"]).unwrap()
        assert sim.activation_status("ztw") == "PENDING"
    assert sim.activation_status("ztw") == "ACTIVE"
    assert [r.method for r in api_requests(sim, "/ztw/api/v1/auth")] == ["DELETE"]


def test_get_ec_group_answers_the_group(client, sim):
    (group,), _, err = client.ztw.ec_groups.get_ec_group(41)
    assert err is None and group.name == "AWS-us-east-1-ecgroup-sim" and group.ec_vms[0]["name"] == "ec-vm-sim-1"
    _, _, err = client.ztw.ec_groups.get_ec_group(999)
    assert err is not None and err.status_code == 404
