"""ZPA segment groups and provisioning keys end to end, as the seed page uses them."""

import inspect

import pytest

from zscaler.errors import NotFoundError
from zscaler.response import Result

from helpers import api_requests


def test_segment_group_crud(client, sim):
    sg = client.zpa.segment_groups
    created, resp, err = sg.add_group(name="Apps", description="first", enabled=True, tcp_keep_alive_enabled="1")
    assert err is None and created.name == "Apps" and created.id
    body = api_requests(sim, "/segmentGroup")[-1].json()
    assert body == {"name": "Apps", "description": "first", "enabled": True, "tcpKeepAliveEnabled": "1"}

    got, _, err = sg.get_group(created.id)
    assert err is None and got.description == "first" and got.tcp_keep_alive_enabled == "1"

    updated, resp, err = sg.update_group(created.id, name="Apps2")
    assert err is None and updated.id == created.id
    assert sg.get_group(created.id).result.name == "Apps2"

    groups, resp, err = sg.list_groups()
    assert err is None and [g.name for g in groups] == ["Apps2"]

    none, resp, err = sg.delete_group(created.id)
    assert (none, err) == (None, None) and resp.get_status() == 204 and resp.get_body() == {}
    missing = sg.get_group(created.id)
    assert isinstance(missing, Result) and missing.result is None and isinstance(missing.error, NotFoundError)
    assert missing.error.status_code == 404 and missing.error.method == "GET" and created.id in missing.error.url
    with pytest.raises(NotFoundError):
        missing.unwrap()


def test_paths_carry_customer_id(client, sim):
    client.zpa.segment_groups.list_groups()
    req = api_requests(sim, "/segmentGroup")[-1]
    assert req.path == f"/zpa/mgmtconfig/v1/admin/customers/{sim.customer_id}/segmentGroup"


def test_search_is_rewritten_and_filters(client, sim):
    for name in ("alpha", "beta", "gamma"):
        client.zpa.segment_groups.add_group(name=name).unwrap()
    groups, _, err = client.zpa.segment_groups.list_groups(query_params={"search": "beta", "page_size": 50})
    assert err is None and [g.name for g in groups] == ["beta"]
    req = api_requests(sim, "/segmentGroup")[-1]
    assert req.query["search"] == ["name+EQ+beta"] and req.query["pagesize"] == ["50"]
    assert "name%2BEQ%2Bbeta" in req.raw_query


def test_connector_key_seed_example(client, sim):
    key, _, err = client.zpa.provisioning.add_provisioning_key(
        key_type="connector", name="Example App Connector Provisioning Key", max_usage=2,
        enrollment_cert_id="99999", component_id="888888")
    assert err is None and key.name == "Example App Connector Provisioning Key"
    req = api_requests(sim, "/provisioningKey")[-1]
    assert req.method == "POST" and "/associationType/CONNECTOR_GRP/provisioningKey" in req.path
    assert req.json() == {"name": "Example App Connector Provisioning Key", "maxUsage": 2,
                          "enrollmentCertId": "99999", "zcomponentId": "888888", "enabled": True}


def test_service_edge_key_disabled_positional(client, sim):
    key, _, err = client.zpa.provisioning.add_provisioning_key(
        "service_edge", "Edge key", 1, "99999", "777777", enabled=False)
    assert err is None
    req = api_requests(sim, "/provisioningKey")[-1]
    assert "/associationType/SERVICE_EDGE_GRP/" in req.path
    assert req.json()["enabled"] is False and req.json()["zcomponentId"] == "777777"
    keys, _, _ = client.zpa.provisioning.list_provisioning_keys(key_type="service_edge")
    assert [k.id for k in keys] == [key.id]
    assert client.zpa.provisioning.list_provisioning_keys(key_type="connector").result == []


def test_bad_key_type_names_accepted_values(client, sim):
    with pytest.raises(ValueError, match="key_type: 'app_connector' is not accepted; accepted values: connector, service_edge"):
        client.zpa.provisioning.list_provisioning_keys(key_type="app_connector")
    assert api_requests(sim) == []  # nothing was sent


def test_provisioning_get_update_delete_and_by_component(client, sim):
    prov = client.zpa.provisioning
    key = prov.add_provisioning_key("connector", "k1", 2, "99999", "888888").unwrap()
    assert prov.get_provisioning_key(key.id, key_type="connector").unwrap().max_usage in (2, "2")
    prov.update_provisioning_key(key.id, key_type="connector", name="Updated Name").unwrap()
    assert api_requests(sim, "/provisioningKey")[-1].json() == {"name": "Updated Name"}
    assert prov.get_provisioning_key(key.id, "connector").unwrap().name == "Updated Name"
    prov.update_provisioning_key(key.id, "connector", max_usage=10).unwrap()
    assert api_requests(sim, "/provisioningKey")[-1].json() == {"maxUsage": 10}
    by_comp = prov.get_provisioning_key_by_zcomponent("888888", "connector")
    assert api_requests(sim, "zcomponent")[-1].path.endswith("/associationType/CONNECTOR_GRP/zcomponent/888888/provisioningKey")
    assert by_comp.error is None or by_comp.error.status_code == 404
    _, resp, err = prov.delete_provisioning_key(key_id=key.id, key_type="connector")
    assert err is None and resp.get_status() == 204


def test_provisioning_list_seed_keywords(client, sim):
    sim.seed("zpa", "provisioning", 45, params={"key_type": "CONNECTOR_GRP"})
    keys, resp, err = client.zpa.provisioning.list_provisioning_keys(key_type="connector", pagesize=10, max_items=25)
    assert err is None and len(keys) == 25 and len({k.id for k in keys}) == 25
    keys, _, _ = client.zpa.provisioning.list_provisioning_keys(key_type="connector", pagesize=10, max_pages=2)
    assert len(keys) == 20
    keys, _, _ = client.zpa.provisioning.list_provisioning_keys("connector", {"page_size": 20})
    assert len(keys) == 20  # the official style: first page only
    assert all("max_items" not in r.query and "maxItems" not in r.query for r in api_requests(sim))


def test_signatures_match_the_official_and_seed():
    from zscaler.binding import resource_class

    sg = resource_class("zpa", "segment_groups")
    assert str(inspect.signature(sg.list_groups)) == "(self, query_params=None)"
    assert str(inspect.signature(sg.delete_group)) == "(self, group_id, microtenant_id=None)"
    pk = resource_class("zpa", "provisioning")
    assert str(inspect.signature(pk.add_provisioning_key)) == (
        "(self, key_type, name=None, max_usage=None, enrollment_cert_id=None, component_id=None, **kwargs)")
    assert "GET" in pk.list_provisioning_keys.__doc__
    with pytest.raises(TypeError, match="group_id"):
        sg.get_group(object.__new__(sg))


def test_microtenant_from_config_and_per_call(sim):
    from zscaler import ZscalerClient

    with ZscalerClient(sim.oneapi_config(microtenantId="777")) as c:
        c.zpa.segment_groups.list_groups()
        assert api_requests(sim)[-1].query["microtenantId"] == ["777"]
        c.zpa.segment_groups.list_groups(query_params={"microtenant_id": "888"})
        assert api_requests(sim)[-1].query["microtenantId"] == ["888"]
        c.zpa.segment_groups.delete_group("1", microtenant_id="999")
        assert api_requests(sim)[-1].query["microtenantId"] == ["999"]
        c.zpa.segment_groups.add_group(name="x", microtenant_id="555")
        last = api_requests(sim)[-1]
        assert last.query["microtenantId"] == ["555"] and last.json()["microtenantId"] == "555"


def test_none_is_sent_as_null_and_not_given_is_left_out(client, sim):
    from zscaler import NOT_GIVEN

    g = client.zpa.segment_groups.add_group(name="n", description="d").unwrap()
    client.zpa.segment_groups.update_group(g.id, description=None, enabled=NOT_GIVEN).unwrap()
    assert api_requests(sim, "/segmentGroup")[-1].json() == {"description": None}
