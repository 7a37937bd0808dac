"""Paging envelopes, parameters, defaults and maximum page sizes of each style."""

from __future__ import annotations

import httpx

from simhelpers import zpa


def test_zpa_default_page_size_and_string_counts(zsim, api):
    zsim.seed("zpa", "segment_groups", 45)
    coll = zpa(zsim, "/segmentGroup")
    first = api.get(coll).json()
    assert first["totalPages"] == "3" and first["totalCount"] == "45" and len(first["list"]) == 20
    third = api.get(coll, params={"page": 3}).json()
    assert [g["name"] for g in third["list"]] == [f"segment_groups-{i:06d}" for i in range(40, 45)]
    assert api.get(coll, params={"page": 4}).json()["list"] == []
    assert api.get(coll, params={"pagesize": 7, "page": 2}).json()["list"][0]["name"] == "segment_groups-000007"


def test_zpa_page_size_is_capped_at_500(zsim, api):
    zsim.seed("zpa", "segment_groups", 600)
    page = api.get(zpa(zsim, "/segmentGroup"), params={"pagesize": 1000}).json()
    assert len(page["list"]) == 500 and page["totalPages"] == "2"


def test_zpa_empty_collection(zsim, api):
    assert api.get(zpa(zsim, "/segmentGroup")).json() == {"totalPages": "0", "totalCount": "0", "list": []}


def test_zpa_bad_page_number_is_400(zsim, api):
    r = api.get(zpa(zsim, "/segmentGroup"), params={"page": "two"})
    assert r.status_code == 400 and "page" in r.json()["reason"]


def test_zia_arrays_default_100_max_1000(zsim, api):
    zsim.seed("tzia", "things", 1200)
    assert len(api.get("/tzia/api/v1/things").json()) == 100
    second = api.get("/tzia/api/v1/things", params={"page": 2, "pageSize": 500}).json()
    assert len(second) == 500 and second[0]["name"] == "things-000500"
    assert len(api.get("/tzia/api/v1/things", params={"pageSize": 5000}).json()) == 1000
    assert api.get("/tzia/api/v1/things", params={"page": 3, "pageSize": 1000}).json() == []


def test_zcc_arrays_default_50_max_5000(zsim, api):
    zsim.seed("tzcc", "things", 5100)
    assert len(api.get("/tzcc/api/v1/things").json()) == 50
    assert len(api.get("/tzcc/api/v1/things", params={"pageSize": 9999}).json()) == 5000
    assert len(api.get("/tzcc/api/v1/things", params={"pageSize": 5000, "page": 2}).json()) == 100


def test_zdx_offset_cursor(zsim, api):
    zsim.seed("tzdx", "things", 25)
    names, offset, pages = [], None, 0
    while True:
        params = {} if offset is None else {"offset": offset}
        body = api.get("/tzdx/api/v1/things", params=params).json()
        pages += 1
        assert set(body) == {"items", "next_offset"}
        names += [t["name"] for t in body["items"]]
        offset = body["next_offset"]
        if offset is None:
            break
    assert pages == 3 and names == [f"things-{i:06d}" for i in range(25)]
    assert len(api.get("/tzdx/api/v1/things", params={"limit": 20}).json()["items"]) == 20


def test_ziam_records_and_next_link(zsim, api):
    zsim.seed("tziam", "things", 250)
    body = api.get("/tziam/api/v1/things").json()
    assert body["pageOffset"] == 0 and body["pageSize"] == 100 and body["totalRecord"] == 250
    assert body["results_total"] == 250 and body["prev_link"] is None and len(body["records"]) == 100
    seen = [r["name"] for r in body["records"]]
    while body["next_link"]:
        assert body["next_link"].startswith(zsim.url)
        body = api.get(body["next_link"]).json()  # the link is absolute and usable as is
        seen += [r["name"] for r in body["records"]]
    assert seen == [f"things-{i:06d}" for i in range(250)] and body["prev_link"]


def test_zcell_zero_based_pages(zsim, api):
    zsim.seed("tzcell", "things", 15)
    p0 = api.get("/tzcell/api/v1/things").json()
    assert p0["totalPages"] == 2 and p0["totalElements"] == 15 and len(p0["content"]) == 10
    assert p0["content"][0]["name"] == "things-000000"
    assert len(api.get("/tzcell/api/v1/things", params={"page": 1}).json()["content"]) == 5


def test_easm_pages(zsim, api):
    zsim.seed("teasm", "things", 3)
    body = api.get("/teasm/api/v1/things", params={"page_size": 2}).json()
    assert body["total_results"] == 3 and body["next_page"] == 2 and body["prev_page"] is None
    body = api.get("/teasm/api/v1/things", params={"page_size": 2, "page": 2}).json()
    assert len(body["results"]) == 1 and body["next_page"] is None and body["prev_page"] == 1


def test_flat_lists_everything_unless_paged(zsim, api):
    zsim.seed("tflat", "things", 150)
    assert len(api.get("/tflat/api/v1/things").json()) == 150
    assert len(api.get("/tflat/api/v1/things", params={"pageSize": 20, "page": 2}).json()) == 20


def test_legacy_paths_page_like_oneapi(zsim):
    zsim.seed("zpa", "segment_groups", 30)
    cfg = zsim.legacy_config("zpa")
    token = httpx.post(cfg["override_url"] + "/signin",
                       data={"client_id": cfg["clientId"], "client_secret": cfg["clientSecret"]}).json()["access_token"]
    url = f"{cfg['override_url']}/mgmtconfig/v1/admin/customers/{zsim.customer_id}/segmentGroup"
    body = httpx.get(url, params={"page": 2}, headers={"Authorization": f"Bearer {token}"}).json()
    assert body["totalCount"] == "30" and len(body["list"]) == 10
