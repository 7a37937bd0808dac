"""The control surface under /_sim/ (no authentication, loopback only) and the request log."""

from __future__ import annotations

import httpx

from simhelpers import get_token, zpa


def test_seed_state_reset_over_http(zsim, api):
    r = httpx.post(zsim.url + "/_sim/seed", json={"product": "zpa", "resource": "segment_groups", "count": 4})
    assert r.status_code == 200 and r.json()["count"] == 4 and len(r.json()["ids"]) == 4
    assert api.get(zpa(zsim, "/segmentGroup")).json()["totalCount"] == "4"
    st = httpx.get(zsim.url + "/_sim/state").json()
    assert len(st["collections"][zpa(zsim, "/segmentGroup")]) == 4
    assert httpx.post(zsim.url + "/_sim/reset").status_code == 200
    assert api.get(zpa(zsim, "/segmentGroup")).json()["totalCount"] == "0"


def test_seed_needs_placeholder_values(zsim, api):
    r = httpx.post(zsim.url + "/_sim/seed", json={"product": "zpa", "resource": "provisioning", "count": 2})
    assert r.status_code == 400 and "key_type" in r.json()["message"]
    r = httpx.post(zsim.url + "/_sim/seed", json={"product": "zpa", "resource": "provisioning", "count": 2,
                                                   "params": {"key_type": "CONNECTOR_GRP"},
                                                   "fields": {"maxUsage": "3"}})
    assert r.status_code == 200 and r.json()["first"]["maxUsage"] == "3"
    keys = api.get(zpa(zsim, "/associationType/CONNECTOR_GRP/provisioningKey")).json()["list"]
    assert len(keys) == 2


def test_seed_by_concrete_path(zsim, api):
    path = zpa(zsim, "/associationType/SERVICE_EDGE_GRP/provisioningKey")
    r = httpx.post(zsim.url + "/_sim/seed", json={"path": path, "count": 3})
    assert r.status_code == 200
    listed = api.get(path).json()
    assert listed["totalCount"] == "3" and listed["list"][0]["id"].isdigit()


def test_seed_unknown_product_is_400(zsim):
    r = httpx.post(zsim.url + "/_sim/seed", json={"product": "nope", "resource": "x", "count": 1})
    assert r.status_code == 400 and "nope" in r.json()["message"]


def test_faults_over_http(zsim, api):
    r = httpx.post(zsim.url + "/_sim/faults", json={"path": "*/segmentGroup", "method": "GET", "status": 503, "times": 2})
    assert r.status_code == 200 and r.json()["remaining"] == 2
    assert httpx.get(zsim.url + "/_sim/faults").json()[0]["status"] == 503
    assert api.get(zpa(zsim, "/segmentGroup")).status_code == 503
    assert httpx.delete(zsim.url + "/_sim/faults").status_code == 204
    assert api.get(zpa(zsim, "/segmentGroup")).status_code == 200
    bad = httpx.post(zsim.url + "/_sim/faults", json={"path": "*", "wat": 1})
    assert bad.status_code == 400


def test_expire_tokens_over_http(zsim, api):
    assert api.get(zpa(zsim, "/segmentGroup")).status_code == 200
    r = httpx.post(zsim.url + "/_sim/expire-tokens")
    assert r.status_code == 200 and r.json()["expired"] >= 1
    assert api.get(zpa(zsim, "/segmentGroup")).status_code == 401


def test_request_log_over_http_redacts_credentials(zsim, api):
    api.get(zpa(zsim, "/segmentGroup"), params={"page": 2})
    log = httpx.get(zsim.url + "/_sim/requests").json()
    token_call = [e for e in log if e["path"] == "/oauth2/v1/token"][0]
    assert token_call["body"] == "<redacted>" and zsim.client_secret not in str(log)
    call = [e for e in log if e["path"].endswith("/segmentGroup")][0]
    assert call["query"] == {"page": ["2"]} and call["status"] == 200
    assert call["headers"]["Authorization"] == "<redacted>"
    assert not any(e["path"].startswith("/_sim") for e in log)  # control calls are not logged
    assert httpx.delete(zsim.url + "/_sim/requests").status_code == 204
    assert httpx.get(zsim.url + "/_sim/requests").json() == []


def test_other_control_endpoints(zsim, api):
    info = httpx.get(zsim.url + "/_sim/info").json()
    assert info["url"] == zsim.url and "zpa" in info["products"]
    assert httpx.post(zsim.url + "/_sim/edit-lock", json={"times": 1}).json() == {"times": 1}
    zsim.edit_lock(0)
    r = httpx.post(zsim.url + "/_sim/rate-limit", json={"product": "zdx", "per_second": 50})
    assert r.json()["rate_limits"] == {"zdx": 50.0}
    assert httpx.get(zsim.url + "/_sim/activation").json()["status"] == {"zia": "ACTIVE", "ztw": "ACTIVE"}
    r = httpx.get(zsim.url + "/_sim/nothing")
    assert r.status_code == 501 and "/_sim/nothing" in r.json()["message"]


def test_recorded_requests_python_api(zsim):
    token = get_token(zsim)
    zsim.clear_requests()
    url = zsim.url + zpa(zsim, "/segmentGroup") + "?search=name%2BEQ%2Ba%20b&page=1"
    httpx.post(url, content=b'{"name":"a b"}',
               headers={"Authorization": f"Bearer {token}", "X-Custom": "v", "Content-Type": "application/json"})
    (rec,) = zsim.requests
    assert rec.method == "POST" and rec.path == zpa(zsim, "/segmentGroup")
    assert rec.raw_query == "search=name%2BEQ%2Ba%20b&page=1"
    assert rec.query == {"search": ["name+EQ+a b"], "page": ["1"]}
    assert rec.headers["x-custom"] == "v" and rec.headers["X-CUSTOM"] == "v" and "authorization" in rec.headers
    assert rec.json() == {"name": "a b"} and rec.body == b'{"name":"a b"}' and rec.status == 201
    assert repr(rec) == f"<RecordedRequest POST {zpa(zsim, '/segmentGroup')}>"
    assert token not in repr(rec) and token not in repr(rec.headers)
    zsim.clear_requests()
    assert zsim.requests == []
