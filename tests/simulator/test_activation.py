"""ZIA/ZTW staged configuration, activation (explicit and at session end) and the ZIA edit lock."""

from __future__ import annotations

import time

import httpx

from zscaler.simulator.auth import obfuscate_api_key


def test_zia_write_pending_then_explicit_activation(zia_sim, zia_api):
    assert zia_api.get("/zia/api/v1/status").json() == {"status": "ACTIVE"}
    assert zia_api.get("/zia/api/v1/things").status_code == 200
    assert zia_sim.activation_status("zia") == "ACTIVE"  # reads stage nothing
    assert zia_api.post("/zia/api/v1/things", json={"name": "t"}).status_code == 200
    assert zia_api.get("/zia/api/v1/status").json() == {"status": "PENDING"}
    assert zia_sim.activation_status("zia") == "PENDING"
    r = zia_api.post("/zia/api/v1/status/activate")
    assert r.status_code == 200 and r.json() == {"status": "ACTIVE"}
    assert zia_sim.activation_status("zia") == "ACTIVE" and zia_sim.activations["zia"] == 1


def test_failed_write_stages_nothing(zia_sim, zia_api):
    assert zia_api.delete("/zia/api/v1/things/99").status_code == 404
    assert zia_sim.activation_status("zia") == "ACTIVE"


def test_zia_session_end_by_bearer_client_activates(zia_sim, zia_api):
    t = zia_api.post("/zia/api/v1/things", json={"name": "t"}).json()
    zia_api.put(f"/zia/api/v1/things/{t['id']}", json={"name": "u"})
    assert zia_sim.activation_status("zia") == "PENDING"
    r = zia_api.request("DELETE", "/zia/api/v1/authenticatedSession", json={})
    assert r.status_code == 200
    assert zia_sim.activation_status("zia") == "ACTIVE" and zia_sim.activations["zia"] == 1
    # a session end with nothing staged is not an activation
    zia_api.delete("/zia/api/v1/authenticatedSession")
    assert zia_sim.activations["zia"] == 1


def test_zia_legacy_logout_activates(zia_sim):
    cfg = zia_sim.legacy_config("zia")
    ts = int(time.time() * 1000)
    login = httpx.post(cfg["override_url"] + "/api/v1/authenticatedSession", json={
        "apiKey": obfuscate_api_key(cfg["api_key"], ts), "username": cfg["username"],
        "password": cfg["password"], "timestamp": ts})
    cookies = {"JSESSIONID": login.cookies["JSESSIONID"]}
    zia_sim.reset()
    r = httpx.post(cfg["override_url"] + "/api/v1/things", json={"name": "legacy"}, cookies=cookies)
    assert r.status_code == 200 and zia_sim.activation_status("zia") == "PENDING"
    assert httpx.delete(cfg["override_url"] + "/api/v1/authenticatedSession", cookies=cookies).status_code == 204
    assert zia_sim.activation_status("zia") == "ACTIVE" and zia_sim.activations["zia"] == 1


def test_ztw_activation_status_and_endpoints(zia_sim, zia_api):
    st = zia_api.get("/ztw/api/v1/ecAdminActivateStatus").json()
    assert st["orgEditStatus"] == "EDITS_CLEARED" and st["orgLastActivateStatus"] == "CAC_ACTV_SUCCESS"
    assert "adminStatusMap" in st and "adminActivateStatus" in st
    zia_api.post("/ztw/api/v1/things", json={"name": "ec"})
    assert zia_api.get("/ztw/api/v1/ecAdminActivateStatus").json()["orgEditStatus"] == "EDITS_PRESENT"
    assert zia_sim.activation_status("ztw") == "PENDING"
    r = zia_api.put("/ztw/api/v1/ecAdminActivateStatus/activate")
    assert r.status_code == 200 and r.json()["orgEditStatus"] == "EDITS_CLEARED"
    zia_api.post("/ztw/api/v1/things", json={"name": "ec2"})
    assert zia_api.put("/ztw/api/v1/ecAdminActivateStatus/forcedActivate").json()["orgEditStatus"] == "EDITS_CLEARED"
    zia_api.post("/ztw/api/v1/things", json={"name": "ec3"})
    assert zia_api.delete("/ztw/api/v1/auth").status_code == 200
    assert zia_sim.activation_status("ztw") == "ACTIVE" and zia_sim.activations["ztw"] == 3
    assert zia_sim.activation_status("zia") == "ACTIVE"  # products are staged separately


def test_zpa_writes_need_no_activation(zia_sim, zia_api):
    zia_api.post(f"/zpa/mgmtconfig/v1/admin/customers/{zia_sim.customer_id}/segmentGroup", json={"name": "g"})
    assert zia_sim.activation_status("zia") == "ACTIVE" and zia_sim.activation_status("ztw") == "ACTIVE"


def test_edit_lock_on_demand(zia_sim, zia_api):
    zia_sim.edit_lock(times=2)
    for _ in range(2):
        r = zia_api.post("/zia/api/v1/things", json={"name": "t"})
        assert r.status_code == 409 and r.json()["code"] == "EDIT_LOCK_NOT_AVAILABLE" and r.json()["message"]
    assert zia_api.get("/zia/api/v1/things").json() == []  # nothing was written
    assert zia_sim.activation_status("zia") == "ACTIVE"
    assert zia_api.post("/zia/api/v1/things", json={"name": "t"}).status_code == 200


def test_edit_lock_spares_reads_and_other_products(zia_sim, zia_api):
    zia_sim.edit_lock(times=1)
    assert zia_api.get("/zia/api/v1/things").status_code == 200
    assert zia_api.post("/ztw/api/v1/things", json={"name": "x"}).status_code == 200
    assert zia_api.post("/zia/api/v1/things", json={"name": "x"}).status_code == 409
