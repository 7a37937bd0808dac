"""ZCell through the client and the simulator: the customer id taken from the configuration, the
location-group array body, the SIM download, result shapes, and every resource driven generically."""

from __future__ import annotations

import json
import re

import pytest

from helpers import FAST_RETRY, api_requests
from zscaler import ZscalerClient, catalog
from zscaler.catalog.spec import WRITE_VERBS


BASE = "/zcell/config/api/v1"
PRODUCT = catalog.load("zcell")
ID_OPS = [(r.attribute, o) for r, o in PRODUCT.ops() if any(p.name == "id" for p in o.params)]


@pytest.fixture
def zc(sim):
    c = ZscalerClient(sim.oneapi_config(zcellCustomerId="77", **FAST_RETRY))
    yield c
    c.close()


def _method(client, attribute, op):
    return getattr(getattr(client.zcell, attribute), op.name)


def _others(op):
    """Dummy values for every path argument but ``id``."""
    return {p: "5" for p in op.placeholders() if p != "id"}


def test_every_operation_is_served(zc, sim, tmp_path, monkeypatch):
    """The generic driver of the core products passes only required arguments; ZCell's path
    arguments are all optional keywords, so every operation is driven here with keywords."""
    monkeypatch.chdir(tmp_path)  # the SIM download writes its file in the working directory
    for attribute, op in [(r.attribute, o) for r, o in PRODUCT.ops()]:
        extra = {"name": "g"} if op.verb in WRITE_VERBS and any(p.kind == "var_keyword" for p in op.params) else {}
        if op.body:
            extra[op.body] = [{"region": "eu"}]
        sim.clear_requests()
        out = _method(zc, attribute, op)(**_others(op), **extra)
        err = out[2] if op.returns == "tuple3" else None  # the download returns the file name alone
        assert err is None or err.status_code not in (405, 501), f"{op.name}: {err}"
        sent = api_requests(sim, BASE)
        pattern = "^" + re.sub(r"\\{\w+\\}", "[^/]+", re.escape(op.path)) + "$"
        assert [(r.method, bool(re.match(pattern, r.path))) for r in sent] == [(op.verb, True)], op.name


def test_thirty_five_methods_take_id_from_the_configuration():
    assert len(ID_OPS) == 35
    assert all("{id}" in op.path for _, op in ID_OPS)


@pytest.mark.parametrize("attribute,op", ID_OPS, ids=[f"{a}.{o.name}" for a, o in ID_OPS])
def test_id_defaults_to_configured_customer(zc, sim, attribute, op, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the SIM download writes its file in the working directory
    extra = {"name": "g"} if op.verb in WRITE_VERBS and any(p.kind == "var_keyword" for p in op.params) else {}
    if op.body:
        extra[op.body] = [{"region": "eu"}]
    _method(zc, attribute, op)(**_others(op), **extra)
    sent = api_requests(sim, BASE)
    assert sent and sent[-1].method == op.verb
    assert sent[-1].path.startswith(f"{BASE}/") and "/77/" in sent[-1].path + "/"
    sim.clear_requests()
    _method(zc, attribute, op)(id="88", **_others(op), **extra)  # an explicit id wins
    assert "/88/" in api_requests(sim, BASE)[-1].path + "/"


def test_id_without_configuration_is_a_clear_error(client, sim):
    with pytest.raises(ValueError, match="'id' is required"):
        client.zcell.tag_handling.list_tag()
    assert api_requests(sim) == []
    items, _, err = client.zcell.tag_handling.list_tag(id="5")
    assert err is None and items == []


def test_add_location_group_sends_a_bare_array(zc, sim):
    res, _, err = zc.zcell.sim_location_groups.add_location_group(name="depot", tracked_devices=["a", "b"])
    assert err is None
    (req,) = api_requests(sim)
    assert (req.method, req.path) == ("POST", BASE + "/customers/77/sim-location-groups")
    assert json.loads(req.body) == [{"name": "depot", "trackedDevices": ["a", "b"]}]
    assert len(res) == 1 and res[0].message == "Location group created"
    gid = res[0].id
    got, _, err = zc.zcell.sim_location_groups.get_sim_location_group(group_id=gid)
    assert err is None and got.name == "depot" and got.tracked_devices == ["a", "b"]
    with pytest.raises(ValueError, match="keyword arguments"):
        zc.zcell.sim_location_groups.add_location_group()


def test_location_group_round_trip(zc, sim):
    gid = zc.zcell.sim_location_groups.add_location_group(name="g1").result[0].id
    items, _, err = zc.zcell.sim_location_groups.list_sim_location_groups()
    assert err is None and [i.id for i in items] == [gid]
    _, _, err = zc.zcell.sim_location_groups.update_sim_location_group(group_id=gid, name="g2")
    assert err is None
    assert zc.zcell.sim_location_groups.get_sim_location_group(group_id=gid).result.name == "g2"
    assert zc.zcell.sim_location_groups.delete_sim_location_group(group_id=gid).error is None
    _, _, err = zc.zcell.sim_location_groups.get_sim_location_group(group_id=gid)
    assert err is not None and err.status_code == 404
    paths = [(r.method, r.path) for r in api_requests(sim)]
    assert ("PUT", f"{BASE}/customers/77/sim-location-groups/{gid}") in paths
    assert ("DELETE", f"{BASE}/customers/77/sim-location-groups/{gid}") in paths


def test_sims_download_writes_the_file_and_returns_its_name(zc, sim, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = zc.zcell.sim_handling.create_sims_download(iccids=["8901"], query_params={"sort_by": "iccid"})
    assert isinstance(name, str) and name.startswith("zcell-sims-") and name.endswith(".csv")
    assert (tmp_path / name).read_bytes() == b"iccid,status\n8901,ACTIVE\n"
    (req,) = api_requests(sim)
    assert (req.method, req.path, req.raw_query) == ("POST", BASE + "/customers/77/sims/download", "sortBy=iccid")
    assert json.loads(req.body) == {"iccids": ["8901"]}
    sim.clear_requests()
    target = tmp_path / "sims.csv"
    name = zc.zcell.sim_handling.create_sims_download(filename=str(target), iccids=["1", "2"])
    assert name == str(target)
    assert target.read_bytes() == b"iccid,status\n1,ACTIVE\n2,ACTIVE\n"
    (req,) = api_requests(sim)
    assert json.loads(req.body) == {"iccids": ["1", "2"]}  # the file name is never sent


def test_anomaly_policy_status_is_raw_and_enabled_is_a_query_key(zc, sim):
    res, _, err = zc.zcell.anomaly_policy.update_anomaly_policy_status(policy_id="3", enabled=True)
    assert err is None and not hasattr(res, "request_format")  # decoded JSON, no model
    (req,) = api_requests(sim)
    assert (req.method, req.path, req.raw_query) == ("PATCH", BASE + "/customers/77/anomaly-policy/3/status",
                                                     "enabled=true")


def test_tags_create_and_list(zc, sim):
    tag, _, err = zc.zcell.tag_handling.create_tag(name="fleet")
    assert err is None and tag.name == "fleet"
    items, _, err = zc.zcell.tag_handling.list_tag(query_params={"page": 0, "size": 5})
    assert err is None and [t.name for t in items] == ["fleet"]
    req = api_requests(sim)[-1]
    assert (req.method, req.path, req.raw_query) == ("GET", BASE + "/customers/77/tag", "page=0&size=5")


def test_anomaly_policy_round_trip(zc, sim):
    made, _, err = zc.zcell.anomaly_policy.create_anomaly_policy(name="roaming", enabled=True)
    assert err is None and made.name == "roaming"
    items, _, err = zc.zcell.anomaly_policy.list_anomaly_policy()
    assert err is None and [i.id for i in items] == [made.id]
    upd, _, err = zc.zcell.anomaly_policy.update_anomaly_policy(policy_id=made.id, name="roaming2")
    assert err is None and upd.name == "roaming2"
    assert zc.zcell.anomaly_policy.delete_anomaly_policy(policy_id=made.id).error is None
    assert zc.zcell.anomaly_policy.list_anomaly_policy().result == []
    reqs = [(r.method, r.path) for r in api_requests(sim)]
    assert reqs[0] == ("POST", BASE + "/customers/77/anomaly-policy")
    assert ("PATCH", f"{BASE}/customers/77/anomaly-policy/{made.id}") in reqs


def test_customer_settings_read_back(zc, sim):
    _, _, err = zc.zcell.customer_data_handling.update_customer_data_handling(name="Acme", contact_email="a@b.c")
    assert err is None
    (req,) = api_requests(sim)
    assert (req.method, req.path) == ("PUT", BASE + "/customers/77")
    assert json.loads(req.body) == {"name": "Acme", "contactEmail": "a@b.c"}
    got, _, err = zc.zcell.customer_data_handling.get_customer_data_handling()
    assert err is None and got.name == "Acme"
