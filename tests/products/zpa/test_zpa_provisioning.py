"""ZPA provisioning keys as the seed page uses them, with usage counted by the simulator's enrolment."""

import pytest

from zscaler.simulator.behaviors.zpa import enroll

from helpers import api_requests


def test_connector_key_can_be_used_at_most_twice(client, sim):
    group = client.zpa.app_connector_groups.add_connector_group(name="dc1", enrollment_cert_id="1").unwrap()
    key = client.zpa.provisioning.add_provisioning_key(
        key_type="connector", name="Example App Connector Provisioning Key", max_usage=2,
        enrollment_cert_id="99999", component_id=group.id).unwrap()
    assert key.usage_count == "0"  # the create answer names no component; a read does
    assert client.zpa.provisioning.get_provisioning_key(key.id, key_type="connector").unwrap().zcomponent_name == "dc1"
    first = enroll(sim, key.provisioning_key)
    second = enroll(sim, key.id)
    assert first["appConnectorGroupId"] == second["appConnectorGroupId"] == group.id
    with pytest.raises(ValueError, match=r"used up \(2 of 2\)"):
        enroll(sim, key.provisioning_key)
    got = client.zpa.provisioning.get_provisioning_key(key.id, key_type="connector").unwrap()
    assert got.usage_count == "2" and got.max_usage == 2
    connectors = client.zpa.app_connectors.list_connectors().unwrap()
    assert sorted(c.id for c in connectors) == sorted([first["id"], second["id"]])


def test_disabled_service_edge_key_cannot_be_used(client, sim):
    key = client.zpa.provisioning.add_provisioning_key(
        key_type="service_edge", name="Example Service Edge Provisioning Key", max_usage=1,
        enrollment_cert_id="99999", component_id="777777", enabled=False).unwrap()
    assert api_requests(sim, "/provisioningKey")[-1].json()["enabled"] is False
    with pytest.raises(ValueError, match="is disabled"):
        enroll(sim, key.provisioning_key)
    client.zpa.provisioning.update_provisioning_key(key.id, "service_edge", enabled=True).unwrap()
    assert api_requests(sim, "/provisioningKey")[-1].json() == {"enabled": True}
    edge = enroll(sim, key.provisioning_key)
    assert edge["serviceEdgeGroupId"] == "777777"
    assert [e.id for e in client.zpa.service_edges.list_service_edges().unwrap()] == [edge["id"]]


def test_max_usage_rules(client, sim):
    _, _, err = client.zpa.provisioning.add_provisioning_key("connector", "k", 0, "1", "2")
    assert err is not None and err.status_code == 400 and "at least 1" in str(err)
    key = client.zpa.provisioning.add_provisioning_key("connector", "k", 3, "1", "2").unwrap()
    enroll(sim, key.id)
    enroll(sim, key.id)
    _, _, err = client.zpa.provisioning.update_provisioning_key(key.id, "connector", max_usage=1)
    assert err is not None and err.status_code == 400 and "below the usage count 2" in str(err)
    client.zpa.provisioning.update_provisioning_key(key.id, "connector", name="renamed").unwrap()
    got = client.zpa.provisioning.get_provisioning_key(key.id, "connector").unwrap()
    # an update keeps what it does not name: the secret value, the usage, the limit
    assert (got.name, got.usage_count, got.max_usage, got.provisioning_key) == ("renamed", "2", 3,
                                                                                 key.provisioning_key)
    with pytest.raises(ValueError, match="no provisioning key"):
        enroll(sim, "nope")


def test_list_with_search_and_client_side_limits(client, sim):
    sim.seed("zpa", "provisioning", 30, params={"key_type": "connector"})
    client.zpa.provisioning.add_provisioning_key("connector", "special-key", 1, "1", "2").unwrap()
    found = client.zpa.provisioning.list_provisioning_keys(key_type="connector", search="special-key").unwrap()
    assert [k.name for k in found] == ["special-key"]
    req = api_requests(sim, "/provisioningKey")[-1]
    assert req.query["search"] == ["name+EQ+special-key"]
    keys = client.zpa.provisioning.list_provisioning_keys(key_type="connector", pagesize=7, max_pages=3).unwrap()
    assert len(keys) == 21
    pages = [r.query.get("page", ["1"])[0] for r in api_requests(sim, "/provisioningKey")[-3:]]
    assert pages == ["1", "2", "3"] and api_requests(sim)[-1].query["pagesize"] == ["7"]
