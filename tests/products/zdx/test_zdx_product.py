"""ZDX through the client and the simulator: time windows, cursor paging, envelopes, hooks."""

from __future__ import annotations

import json
import time

import pytest
from helpers import api_requests

from zscaler.catalog import zdx_hooks

APPS = "/zdx/v1/apps"


def _q(req, key):
    return req.query.get(key, [None])[-1]


def test_since_becomes_an_epoch_window_and_shorthands_are_renamed(client, sim):
    before = int(time.time())
    _, _, err = client.zdx.apps.list_apps(query_params={"since": 2, "location_id": 7, "department_id": 8,
                                                        "geo_id": "g1", "exclude_dept": 3})
    assert err is None
    (req,) = api_requests(sim, APPS)
    start, end = int(_q(req, "from")), int(_q(req, "to"))
    assert end - start == 2 * 3600
    assert before <= end <= int(time.time())
    assert "since" not in req.query
    assert (_q(req, "loc"), _q(req, "dept"), _q(req, "geo"), _q(req, "excludeDept")) == ("7", "8", "g1", "3")


def test_explicit_window_and_search_go_out_unchanged(client, sim):
    _, _, err = client.zdx.admin.list_locations(query_params={"from": 1700000000, "to": 1700003600, "search": "HQ"})
    assert err is None
    (req,) = api_requests(sim, "/administration/locations")
    assert (_q(req, "from"), _q(req, "to"), _q(req, "q")) == ("1700000000", "1700003600", "HQ")


def test_score_bucket_is_checked_before_sending(client, sim):
    with pytest.raises(ValueError, match="score_bucket.*poor, okay, good"):
        client.zdx.apps.list_app_users("1", query_params={"score_bucket": "bad"})
    assert api_requests(sim) == []


def test_half_or_reversed_window_is_refused_by_the_simulator(client, sim):
    _, _, err = client.zdx.apps.list_apps(query_params={"from": 1700000000})
    assert err is not None and err.status_code == 400 and "'to' is required" in str(err)
    _, _, err = client.zdx.apps.list_apps(query_params={"from": 1700003600, "to": 1700000000})
    assert err is not None and err.status_code == 400


def test_cursor_paging_has_next_next_and_iteration(client, sim):
    sim.seed("zdx", "apps", 25, path=APPS)
    apps, resp, err = client.zdx.apps.list_apps(query_params={"limit": 10, "since": 2})
    assert err is None and len(apps) == 10 and resp.has_next()
    assert resp.get_body()["next_offset"] == "10"
    more, _, err = resp.next()
    assert err is None and len(more) == 10
    last, _, err = resp.next()
    assert err is None and len(last) == 5 and not resp.has_next()
    with pytest.raises(StopIteration):
        resp.next()
    names = [a.name for a in apps + more + last]
    assert names == [f"apps-{i:06d}" for i in range(25)]
    reqs = api_requests(sim, APPS)
    assert [_q(r, "offset") for r in reqs] == [None, "10", "20"]
    assert all(_q(r, "limit") == "10" and _q(r, "from") is not None for r in reqs)  # the window is kept

    sim.clear_requests()
    _, resp, _ = client.zdx.apps.list_apps(query_params={"limit": 10})
    assert [a["name"] for a in resp] == names  # iterating the response walks every page


def test_max_items_collects_across_pages(client, sim):
    sim.seed("zdx", "apps", 25, path=APPS)
    apps, _, err = client.zdx.apps.list_apps(query_params={"limit": 10, "max_items": 15})
    assert err is None and len(apps) == 15
    assert all("max_items" not in r.query and "maxItems" not in r.query for r in api_requests(sim, APPS))


def test_device_listing_answers_the_zdx_envelope_paged_by_offset(client, sim):
    sim.seed("zdx", "devices", 25, path="/zdx/v1/devices")
    seen, offset = [], None
    while True:
        query = {"limit": 10, "since": 24} | ({"offset": offset} if offset else {})
        (page,), _, err = client.zdx.devices.list_devices(query_params=query)
        assert err is None
        seen += [d["name"] for d in page.devices]
        offset = page.next_offset
        if offset is None:
            break
    assert seen == [f"devices-{i:06d}" for i in range(25)]
    assert [_q(r, "offset") for r in api_requests(sim, "/zdx/v1/devices")] == [None, "10", "20"]
    one = sim.items("/zdx/v1/devices")[3]
    (device,), _, err = client.zdx.devices.get_device(one["id"])
    assert err is None and device.name == one["name"]


def test_users_and_alert_envelopes(client, sim):
    sim.seed("zdx", "users", 3, path="/zdx/v1/users")
    sim.seed("zdx", "alerts", 2, path="/zdx/v1/alerts")
    sim.seed("zdx", "alerts", 1, path="/zdx/v1/alerts", ended_on=1700000000)
    (users,), _, err = client.zdx.users.list_users()
    assert err is None and len(users.users) == 3 and users.next_offset is None
    (ongoing,), _, _ = client.zdx.alerts.list_ongoing()
    (historical,), _, _ = client.zdx.alerts.list_historical(query_params={"since": 24})
    assert len(ongoing.alerts) == 2 and [a["ended_on"] for a in historical.alerts] == [1700000000]


def test_share_snapshot_expiry_hours_become_epoch_seconds(client, sim):
    before = int(time.time())
    snap, _, err = client.zdx.snapshot.share_snapshot(name="outage", alert_id="7011", query_params={"expiry": 2})
    assert err is None and snap.alert_id == "7011" and snap.url and snap.id
    (req,) = api_requests(sim, "/snapshot/alert")
    body = json.loads(req.body)
    assert set(body) == {"name", "alert_id", "expiry"} and req.query == {}
    assert before + 7200 <= body["expiry"] <= int(time.time()) + 7200

    sim.clear_requests()
    client.zdx.snapshot.share_snapshot(name="x", alert_id="1", expiry=1, obfuscation=True)
    body = json.loads(api_requests(sim, "/snapshot/alert")[0].body)
    assert body["obfuscation"] is True and body["expiry"] >= before + 3600


def test_snapshot_expiry_rules():
    class FakeCall:
        def __init__(self, body):
            self.body, self.query = body, {}

    call = FakeCall({"alert_id": "1", "expiry": 1800000000})
    zdx_hooks.snapshot_body(call, now=lambda: 1000.0)
    assert call.body["expiry"] == 1800000000  # already an epoch timestamp
    call = FakeCall({"alert_id": "1", "query_params": {"expiry": 1.5, "other": "x"}})
    zdx_hooks.snapshot_body(call, now=lambda: 1000.0)
    assert call.body == {"alert_id": "1", "expiry": 1000 + 5400} and call.query == {"other": "x"}
    with pytest.raises(ValueError, match="expiry"):
        zdx_hooks.snapshot_body(FakeCall({"expiry": -1}))
    with pytest.raises(TypeError, match="expiry"):
        zdx_hooks.snapshot_body(FakeCall({"expiry": [2]}))


def test_deeptrace_and_analysis_round_trip(client, sim):
    trace, _, err = client.zdx.troubleshooting.start_deeptrace("d1", session_name="s1", app_id="3",
                                                               session_length_minutes=5)
    assert err is None and trace.session_name == "s1"
    body = json.loads(api_requests(sim, "/deeptraces")[0].body)
    assert body == {"session_name": "s1", "app_id": "3", "session_length_minutes": 5}  # ZDX bodies stay snake_case
    traces, _, err = client.zdx.troubleshooting.list_deeptraces("d1")
    assert err is None and [t.id for t in traces] == [trace.id]
    (got,), _, err = client.zdx.troubleshooting.get_deeptrace("d1", trace.id)
    assert err is None and got.session_name == "s1"
    _, _, err = client.zdx.troubleshooting.delete_deeptrace("d1", trace.id)
    assert err is None

    started, _, err = client.zdx.troubleshooting.start_analysis(device_id="d1", app_id="3", t0=1, t1=2)
    assert err is None
    analysis, _, err = client.zdx.troubleshooting.get_analysis(started.id)
    assert err is None and type(analysis) is list and len(analysis) == 1  # [body], as the official 1.11.3
    assert type(analysis[0]) is dict and analysis[0]["device_id"] == "d1" and analysis[0]["t1"] == 2


def test_software_inventory_returns_the_items_not_the_envelope(client, sim):
    """The official SDK answers ``SoftwareList(body).software``: the models, not ``{"software": [...]}``."""
    sim.seed("zdx", "inventory", 12, path="/zdx/v1/inventory/software", software_key="chrome")
    items, resp, err = client.zdx.inventory.list_softwares(query_params={"limit": 10})
    assert err is None and isinstance(items, list) and len(items) == 10
    assert type(items[0]).__name__ == "DeviceSoftwareInventory" and items[0].software_key == "chrome"
    assert resp.has_next()
    more, _, err = resp.next()  # pages by next_offset
    assert err is None and len(more) == 2 and api_requests(sim)[-1].query["offset"] == ["10"]
    keyed, _, err = client.zdx.inventory.list_software_keys("chrome", query_params={"limit": 20})
    assert err is None and len(keyed) == 12 and all(i.software_key == "chrome" for i in keyed)
    assert api_requests(sim)[-1].path == "/zdx/v1/inventory/software/chrome"
    none, _, err = client.zdx.inventory.list_software_keys("firefox")
    assert err is None and none == []


def test_envelope_listings_page_by_next_offset(client, sim):
    """list_devices answers [Devices(envelope)] like the official SDK; the response pages by next_offset."""
    sim.seed("zdx", "devices", 25, path="/zdx/v1/devices")
    (first,), resp, err = client.zdx.devices.list_devices(query_params={"since": 24, "limit": 10})
    assert err is None and len(first.devices) == 10 and resp.has_next()
    names = [d["name"] if isinstance(d, dict) else d.name for d in first.devices]
    while resp.has_next():
        more, resp, err = resp.next()
        assert err is None and len(more) == 1
        names += [d["name"] if isinstance(d, dict) else d.name for d in more[0].devices]
    assert len(names) == 25 and len(set(names)) == 25
    offsets = [r.query.get("offset") for r in sim.requests if r.path == "/zdx/v1/devices"]
    assert offsets[0] is None and all(o is not None for o in offsets[1:]) and len(offsets) == 3
