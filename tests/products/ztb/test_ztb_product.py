"""ZTB through the client and the simulator: site bodies merged from a model and kwargs, the
site-to-site connection calls (conditional bodies, DELETE with a JSON body), and every resource
driven generically."""

from __future__ import annotations

import json
import pathlib
import sys

import pytest

from helpers import api_requests
from zscaler import catalog
from zscaler.model import model_class

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
import test_catalog_conformance as core  # noqa: E402

V2, V3 = "/ztb/api/v2", "/ztb/api/v3"
S2S = V3 + "/CloudGateway/s2s/42"


def _only(sim, part):
    (req,) = api_requests(sim, part)
    return req, (json.loads(req.body) if req.body else None)


@pytest.mark.parametrize("attribute", [r.attribute for r in catalog.load("ztb").resources])
def test_every_operation_is_served(client, sim, attribute):
    core.test_resource_operations(client, sim, "ztb", attribute)


def test_create_cloud_site_merges_kwargs_over_the_body(client, sim):
    result, _, err = client.ztb.site.create_cloud_site({"name": "edge", "plan": "basic", "vmsize": "s"},
                                                       plan="pro", enable_backup=True)
    assert err is None and result is None
    req, body = _only(sim, "/cloudSite/")
    assert (req.method, req.path) == ("POST", V2 + "/Site/cloudSite/")
    assert body == {"name": "edge", "plan": "pro", "vmsize": "s", "enable_backup": True}  # keys unconverted


def test_create_cloud_site_from_a_model_or_kwargs_only(client, sim):
    model = model_class("ztb", "CloudSiteCreateBody")({"name": "m1", "region": "us-east-1"})
    assert client.ztb.site.create_cloud_site(model, gateway_name="gw").error is None
    _, body = _only(sim, "/cloudSite/")
    assert body == {"name": "m1", "region": "us-east-1", "gateway_name": "gw"}
    sim.clear_requests()
    assert client.ztb.site.create_cloud_site(name="k", provider="aws").error is None
    assert _only(sim, "/cloudSite/")[1] == {"name": "k", "provider": "aws"}


def test_update_site_merges_kwargs_and_refuses_other_bodies(client, sim):
    site = client.ztb.site.create_site(name="branch").result
    sim.clear_requests()
    result, _, err = client.ztb.site.update_site(site.id, {"name": "branch", "dns": ["1.1.1.1"]}, display_name="B")
    assert err is None and result is None
    req, body = _only(sim, "/Site/")
    assert (req.method, req.path) == ("PUT", f"{V2}/Site/{site.id}")
    assert body == {"name": "branch", "dns": ["1.1.1.1"], "display_name": "B"}
    with pytest.raises(TypeError, match="'body' must be a model or a dict"):
        client.ztb.site.update_site(site.id, "name=x")


def test_s2s_create_get_update_delete(client, sim):
    conn = {"connect_to_hub": True, "hubs": {"primary_id": "h1", "secondary_id": "h2"},
            "gateways": [{"gateway_id": "g1", "hub_id": "h1"}, {"gateway_id": "g2", "hub_id": "h2"}]}
    made, _, err = client.ztb.site2site_vpn.create_s2s_connections(42, conn)
    assert err is None and made.connect_to_hub is True and made.hubs["primary_id"] == "h1"
    req, body = _only(sim, "/s2s/")
    assert (req.method, req.path, body) == ("POST", S2S, conn)

    sim.clear_requests()
    model = model_class("ztb", "S2SConnection")({"connect_to_hub": False})
    upd, _, err = client.ztb.site2site_vpn.update_s2s_connections(42, model)
    assert err is None and upd.connect_to_hub is False and len(upd.gateways) == 2
    req, body = _only(sim, "/s2s/")
    assert (req.method, req.path, body) == ("PUT", S2S, {"connect_to_hub": False})

    sim.clear_requests()
    result, _, err = client.ztb.site2site_vpn.delete_s2s_connections(42, ["g1"])
    assert err is None and result is None
    req, body = _only(sim, "/s2s/")
    assert (req.method, req.path, req.raw_query, body) == ("DELETE", S2S, "", {"gateway_ids": ["g1"]})
    assert req.headers["content-type"].startswith("application/json")

    got, _, err = client.ztb.site2site_vpn.get_s2s_connections(42)
    assert err is None and [g["gateway_id"] for g in got.gateways] == ["g2"]


def test_s2s_bad_arguments(client, sim):
    with pytest.raises(ValueError, match="gateway_ids"):
        client.ztb.site2site_vpn.delete_s2s_connections(42, [])
    with pytest.raises(TypeError, match="'connection' must be a model or a dict"):
        client.ztb.site2site_vpn.create_s2s_connections(42, ["x"])
    with pytest.raises(ValueError, match="'connection' is required"):
        client.ztb.site2site_vpn.update_s2s_connections(42, {})
    assert api_requests(sim) == []
    _, _, err = client.ztb.site2site_vpn.update_s2s_connections(7, {"connect_to_hub": True})
    assert err is not None and err.status_code == 404


def test_s2s_answer_without_body_is_none(client, sim):
    sim.fault(method="POST", path=S2S, status=204, times=1)
    result, _, err = client.ztb.site2site_vpn.create_s2s_connections(42, {"connect_to_hub": True})
    assert err is None and result is None


def test_lists_read_the_result_envelope(client, sim):
    for name in ("a", "b"):
        client.ztb.alarms.create_alarm(name=name, severity="high")
    sim.clear_requests()
    alarms, resp, err = client.ztb.alarms.list_alarms(query_params={"search": "a"})
    assert err is None and sorted(a.name for a in alarms) == ["a"]
    assert set(resp.get_body()) == {"result"}
    assert [a["name"] for a in resp.get_results()] == ["a"] and not resp.has_next()  # one page
    (req,) = api_requests(sim)
    assert (req.method, req.path, req.raw_query) == ("GET", V2 + "/alarm", "search=a")


def test_lists_take_a_recorded_envelope_with_extra_keys(client, sim):
    body = {"cluster_token": "t", "count": 2, "token": "x", "result": [{"name": "seg1"}, {"name": "seg2"}]}
    sim.fault(method="GET", path=V2 + "/Site/app_segments", status=200, body=body, times=1)
    segments, _, err = client.ztb.site.list_app_segments()
    assert err is None and [s.name for s in segments] == ["seg1", "seg2"]


@pytest.mark.parametrize("body,names", [
    ({"result": [{"name": "a"}]}, ["a"]),
    ({"result": {"alarms": [{"name": "b"}, {"name": "c"}], "count": 2}}, ["b", "c"]),  # the list inside result
    ({"count": 1, "rows": [{"name": "d"}]}, ["d"]),  # no result object: the body's first list
    ({"result": {"count": 0}}, []),
])
def test_listings_read_the_items_where_the_official_sdk_finds_them(client, sim, body, names):
    sim.fault(path="*/ztb/api/v2/alarm", method="GET", status=200, body=body)
    alarms, _, err = client.ztb.alarms.list_alarms()
    assert err is None and [a.name for a in alarms] == names
