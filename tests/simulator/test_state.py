"""State: CRUD with the real answers, error envelopes, microtenants, search, singletons, seeding."""

from __future__ import annotations

import pytest

from simhelpers import zpa


def test_segment_group_crud(zsim, api):
    coll = zpa(zsim, "/segmentGroup")
    r = api.post(coll, json={"name": "apps", "enabled": True, "tcpKeepAliveEnabled": "1"})
    assert r.status_code == 201  # ZPA creates answer 201 Created
    g = r.json()
    gid = g["id"]
    assert isinstance(gid, str) and gid.isdigit() and len(gid) >= 15
    assert g["name"] == "apps" and g["enabled"] is True
    assert {"creationTime", "modifiedTime", "modifiedBy"} <= set(g)

    got = api.get(f"{coll}/{gid}").json()
    assert {k: v for k, v in got.items() if k != "microtenantName"} == g  # a create answer has no microtenantName
    listed = api.request("GET", coll, json={}).json()  # OneAPI clients send {} even on GET
    assert listed["list"] == [got] and listed["totalCount"] == "1" and listed["totalPages"] == "1"

    upd = api.put(f"{coll}/{gid}", json={"name": "apps2", "description": "d"})
    assert upd.status_code == 204 and upd.content == b"" and "content-type" not in upd.headers
    after = api.get(f"{coll}/{gid}").json()
    # PUT replaces: what it does not send is back to the server's default
    assert after["name"] == "apps2" and after["description"] == "d" and after.get("tcpKeepAliveEnabled") != "1"
    assert after["id"] == gid and after["creationTime"] == g["creationTime"]

    assert api.request("DELETE", f"{coll}/{gid}", json={}).status_code == 204
    gone = api.get(f"{coll}/{gid}")
    assert gone.status_code == 404
    assert gone.json()["id"] == "resource.not.found" and gid in gone.json()["reason"]
    assert api.delete(f"{coll}/{gid}").status_code == 404
    assert api.put(f"{coll}/{gid}", json={"name": "x"}).status_code == 404


def test_ids_are_unique_and_increase(zsim, api):
    coll = zpa(zsim, "/segmentGroup")
    ids = [api.post(coll, json={"name": f"g{i}"}).json()["id"] for i in range(5)]
    assert len(set(ids)) == 5 and ids == sorted(ids, key=int)


def test_v2_update_reaches_the_v1_object(zsim, api):
    gid = api.post(zpa(zsim, "/segmentGroup"), json={"name": "a"}).json()["id"]
    v2 = f"/zpa/mgmtconfig/v2/admin/customers/{zsim.customer_id}/segmentGroup/{gid}"
    assert api.put(v2, json={"name": "b"}).status_code == 204
    assert api.get(zpa(zsim, f"/segmentGroup/{gid}")).json()["name"] == "b"


def test_required_field_and_bad_body_give_400(zsim, api):
    r = api.post(zpa(zsim, "/segmentGroup"), json={"description": "no name"})
    assert r.status_code == 400 and r.json()["id"] and "name" in r.json()["reason"]
    r = api.post(zpa(zsim, "/associationType/CONNECTOR_GRP/provisioningKey"), json={"name": "k"})
    assert r.status_code == 400 and "maxUsage" in r.json()["reason"]
    r = api.post(zpa(zsim, "/segmentGroup"), content=b"{broken", headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and "JSON" in r.json()["reason"]
    r = api.post(zpa(zsim, "/segmentGroup"), json=[{"name": "list body"}])
    assert r.status_code == 400


def test_provisioning_keys_per_association_type(zsim, api):
    conn = zpa(zsim, "/associationType/CONNECTOR_GRP/provisioningKey")
    edge = zpa(zsim, "/associationType/SERVICE_EDGE_GRP/provisioningKey")
    k1 = api.post(conn, json={"name": "c", "maxUsage": "10", "zcomponentId": "77"}).json()
    k2 = api.post(edge, json={"name": "e", "maxUsage": "5"}).json()
    assert [k["id"] for k in api.get(conn).json()["list"]] == [k1["id"]]
    assert [k["id"] for k in api.get(edge).json()["list"]] == [k2["id"]]
    assert api.get(f"{edge}/{k1['id']}").status_code == 404
    assert api.get(f"{conn}/{k1['id']}").json()["name"] == "c"
    by_component = api.get(zpa(zsim, "/associationType/CONNECTOR_GRP/zcomponent/77/provisioningKey"))
    assert by_component.status_code == 200 and by_component.json()["id"] == k1["id"]
    assert api.get(zpa(zsim, "/associationType/CONNECTOR_GRP/zcomponent/78/provisioningKey")).status_code == 404
    assert api.put(f"{conn}/{k1['id']}", json={"name": "c2", "maxUsage": "11"}).status_code == 204
    assert api.delete(f"{edge}/{k2['id']}").status_code == 204
    assert api.get(edge).json()["list"] == []
    assert len(api.get(conn).json()["list"]) == 1


def test_state_is_per_customer(zsim, api):
    api.post(zpa(zsim, "/segmentGroup"), json={"name": "mine"})
    other = "/zpa/mgmtconfig/v1/admin/customers/999999999999999999/segmentGroup"
    assert api.get(other).json()["list"] == []
    assert len(api.get(zpa(zsim, "/segmentGroup")).json()["list"]) == 1


def test_microtenant_isolation(zsim, api):
    coll = zpa(zsim, "/segmentGroup")
    shared = api.post(coll, json={"name": "shared"}).json()
    a = api.post(coll, params={"microtenantId": "111"}, json={"name": "a"}).json()
    b = api.post(coll, params={"microtenantId": "222"}, json={"name": "b"}).json()
    assert a["microtenantId"] == "111"

    def names(**params):
        return sorted(g["name"] for g in api.get(coll, params=params).json()["list"])

    assert names(microtenantId="111") == ["a", "shared"]
    assert names(microtenantId="222") == ["b", "shared"]
    assert names() == ["shared"]
    assert api.get(f"{coll}/{a['id']}", params={"microtenantId": "222"}).status_code == 404
    assert api.get(f"{coll}/{a['id']}").status_code == 404
    assert api.get(f"{coll}/{a['id']}", params={"microtenantId": "111"}).status_code == 200
    assert api.get(f"{coll}/{shared['id']}", params={"microtenantId": "222"}).status_code == 200
    assert api.delete(f"{coll}/{b['id']}", params={"microtenantId": "111"}).status_code == 404
    assert api.delete(f"{coll}/{b['id']}", params={"microtenantId": "222"}).status_code == 204
    # an update keeps the owner
    assert api.put(f"{coll}/{a['id']}", params={"microtenantId": "111"}, json={"name": "a2"}).status_code == 204
    assert names(microtenantId="111") == ["a2", "shared"] and names() == ["shared"]


def test_seeded_microtenant_objects_are_scoped(zsim, api):
    zsim.seed("zpa", "segment_groups", 3, microtenantId="555")
    zsim.seed("zpa", "segment_groups", 2)
    coll = zpa(zsim, "/segmentGroup")
    assert api.get(coll).json()["totalCount"] == "2"
    assert api.get(coll, params={"microtenantId": "555"}).json()["totalCount"] == "5"


@pytest.mark.parametrize("raw_query,expected", [
    ("search=name%2BEQ%2Bsegment_groups-000003", ["segment_groups-000003"]),  # as the SDK sends it
    ("search=name+EQ+segment_groups-000003", ["segment_groups-000003"]),  # '+' decoded to spaces
    ("search=name%20EQ%20segment_groups-000003", ["segment_groups-000003"]),
    ("search=name%2BSTARTSWITH%2Bsegment_groups-00000", [f"segment_groups-00000{i}" for i in range(10)]),
    ("search=name%2BCONTAINS%2B-00001", [f"segment_groups-00001{i}" for i in range(2)]),
    ("search=name%2BNE%2Bsegment_groups-000000", [f"segment_groups-0000{i:02d}" for i in range(1, 12)]),
])
def test_zpa_search(zsim, api, raw_query, expected):
    zsim.seed("zpa", "segment_groups", 12)
    r = api.get(zpa(zsim, "/segmentGroup") + "?pagesize=100&" + raw_query)
    assert [g["name"] for g in r.json()["list"]] == expected
    assert r.json()["totalCount"] == str(len(expected))


def test_search_value_with_spaces(zsim, api):
    coll = zpa(zsim, "/segmentGroup")
    api.post(coll, json={"name": "My Group"})
    api.post(coll, json={"name": "Other"})
    assert [g["name"] for g in api.get(coll, params={"search": "name+EQ+My Group"}).json()["list"]] == ["My Group"]
    assert [g["name"] for g in api.get(coll + "?search=name+EQ+My+Group").json()["list"]] == ["My Group"]


def test_zia_style_search_is_a_name_substring(zsim, api):
    zsim.seed("tzia", "things", 25)
    r = api.get("/tzia/api/v1/things", params={"search": "THINGS-00001"})
    assert [t["name"] for t in r.json()] == [f"things-00001{i}" for i in range(10)]


def test_array_product_update_answers_200_with_object(zsim, api):
    t = api.post("/tzia/api/v1/things", json={"name": "t"}).json()
    assert isinstance(t["id"], int)
    r = api.put(f"/tzia/api/v1/things/{t['id']}", json={"name": "t2", "urls": ["a"]})
    assert r.status_code == 200 and r.json()["name"] == "t2" and r.json()["id"] == t["id"]
    # ?action=ADD_TO_LIST merges list fields instead of replacing them
    r = api.put(f"/tzia/api/v1/things/{t['id']}?action=ADD_TO_LIST", json={"urls": ["b", "a"]})
    assert r.status_code == 200 and r.json()["urls"] == ["a", "b"] and r.json()["name"] == "t2"
    nf = api.get("/tzia/api/v1/things/424242")
    assert nf.status_code == 404 and nf.json()["code"] == "RESOURCE_NOT_FOUND" and nf.json()["message"]
    bad = api.post("/tzia/api/v1/things", json={})
    assert bad.status_code == 400 and bad.json()["code"] and "name" in bad.json()["message"]


def test_uuid_ids(zsim, api):
    t = api.post("/tziam/api/v1/things", json={"name": "u"}).json()
    assert len(t["id"]) == 36 and t["id"].count("-") == 4
    assert api.get(f"/tziam/api/v1/things/{t['id']}").json()["name"] == "u"


def test_singleton_settings_and_actions(zsim, api):
    assert api.get("/tzia/api/v1/settings").json() == {}
    r = api.put("/tzia/api/v1/settings", json={"enabled": True, "level": 3})
    assert r.status_code == 200 and r.json() == {"enabled": True, "level": 3}
    assert api.get("/tzia/api/v1/settings").json() == {"enabled": True, "level": 3}
    act = api.post("/tzia/api/v1/things/check", json={"x": 1})
    assert act.status_code == 200 and act.json() == {}
    assert api.get("/tzia/api/v1/things").json() == []  # the action created nothing


def test_error_envelopes_per_product(zsim, api):
    zcc = next((r.template for r in zsim.router.routes if r.product == "zcc" and r.kind == "get"), None)
    if zcc:
        path = zcc.replace(zcc[zcc.rindex("{"):], "123456")
        path = path.replace("{customerId}", zsim.customer_id)
        if "{" not in path:
            r = api.get(path)
            assert r.status_code == 404 and "errorMessage" in r.json()
    r = api.get("/tzdx/api/v1/things/5")
    assert r.status_code == 404 and set(r.json()) == {"code", "message"}


def test_seed_python_api(zsim, api):
    objs = zsim.seed("zpa", "provisioning", 3, params={"key_type": "SERVICE_EDGE_GRP"}, maxUsage="9")
    assert [o["name"] for o in objs] == ["provisioning-000000", "provisioning-000001", "provisioning-000002"]
    assert all(o["maxUsage"] == "9" for o in objs)
    listed = api.get(zpa(zsim, "/associationType/SERVICE_EDGE_GRP/provisioningKey")).json()
    assert [k["id"] for k in listed["list"]] == [o["id"] for o in objs]
    # caller-side names of mapped values are accepted too
    zsim.seed("zpa", "provisioning", 1, params={"key_type": "connector"})
    assert api.get(zpa(zsim, "/associationType/CONNECTOR_GRP/provisioningKey")).json()["totalCount"] == "1"
    with pytest.raises(ValueError, match="key_type"):
        zsim.seed("zpa", "provisioning", 1)
    with pytest.raises(ValueError, match="resource"):
        zsim.seed("zpa", "no_such_thing", 1)
    more = zsim.seed("zpa", "provisioning", 1, params={"key_type": "SERVICE_EDGE_GRP"})
    assert more[0]["name"] == "provisioning-000003"  # names continue after existing items


def test_seed_200k_and_page_through_the_end(zsim, api):
    objs = zsim.seed("zpa", "segment_groups", 200_000)
    assert len(objs) == 200_000 and objs[-1]["name"] == "segment_groups-199999"
    coll = zpa(zsim, "/segmentGroup")
    last = api.get(coll, params={"page": 400, "pagesize": 500}).json()
    assert last["totalCount"] == "200000" and last["totalPages"] == "400"
    assert len(last["list"]) == 500 and last["list"][-1]["name"] == "segment_groups-199999"
    assert api.get(coll, params={"page": 401, "pagesize": 500}).json()["list"] == []


def test_state_dump_and_reset(zsim, api):
    api.post(zpa(zsim, "/segmentGroup"), json={"name": "x"})
    api.put("/tzia/api/v1/settings", json={"a": 1})
    st = zsim.state()
    assert [o["name"] for o in st["collections"][zpa(zsim, "/segmentGroup")]] == ["x"]
    assert st["singletons"]["/tzia/api/v1/settings"] == {"a": 1}
    assert zsim.items(zpa(zsim, "/segmentGroup"))[0]["name"] == "x"
    zsim.reset()
    after = zsim.state()
    assert zpa(zsim, "/segmentGroup") not in after["collections"] and "/tzia/api/v1/settings" not in after["singletons"]
    assert api.get(zpa(zsim, "/segmentGroup")).json()["list"] == []
