"""Behaviours of issue #16 that programs written against the real cloud rely on: predefined URL
categories, custom-only listing, custom category ids, duplicate names, required fields, searches,
lookups, predefined controls and log formats, the ZTB legacy login. Over loopback HTTP, with the
project's client where it has the method."""

from __future__ import annotations

import httpx
import pytest

from zscaler.oneapi_client import ZscalerClient
from zscaler.simulator import Simulator

from simhelpers import get_token

Z = "/zia/api/v1"


@pytest.fixture(scope="module")
def sim16():
    with Simulator() as sim:
        yield sim


@pytest.fixture
def sim(sim16):
    sim16.reset()
    yield sim16


@pytest.fixture
def client(sim):
    c = ZscalerClient(sim.oneapi_config())
    yield c
    c.close()


@pytest.fixture
def api(sim):
    with httpx.Client(base_url=sim.url, timeout=10) as c:
        c.headers["Authorization"] = "Bearer " + get_token(sim, c)
        yield c


def zpa(sim, path: str, version: str = "v1") -> str:
    return f"/zpa/mgmtconfig/{version}/admin/customers/{sim.customer_id}{path}"


def ok(result):
    value, _, err = result
    assert err is None, err
    return value


# ------------------------------------------------------------------ ZIA URL categories

def test_predefined_categories_are_readable_by_id(client):
    finance = ok(client.zia.url_categories.get_category("FINANCE"))
    assert finance.id == "FINANCE" and finance.super_category == "BUSINESS_AND_ECONOMY"
    assert finance.custom_category is False and finance.val == 11
    listed = {c.id for c in ok(client.zia.url_categories.list_categories())}
    assert {"FINANCE", "NEWS_AND_MEDIA", "SOCIAL_NETWORKING", "MISCELLANEOUS_OR_UNKNOWN"} <= listed


def test_the_empty_tenant_has_no_predefined_categories():
    with Simulator(catalogs=["zia"], tenant="empty") as sim, ZscalerClient(sim.oneapi_config()) as c:
        _, _, err = c.zia.url_categories.get_category("FINANCE")
        assert err is not None and err.status_code == 404


def test_a_created_category_is_custom_with_a_generated_id(client, api):
    cats = client.zia.url_categories
    made = ok(cats.add_url_category(super_category="USER_DEFINED", configured_name="Allowed tools",
                                    urls=["tools.example.com", "wiki.example.com"]))
    assert made.custom_category is True  # the client sends customCategory=false; the API owns it
    assert made.id == "CUSTOM_01" and made.val == 128 and made.custom_urls_count == 2
    second = ok(cats.add_url_category(super_category="USER_DEFINED", configured_name="Blocked tools"))
    assert second.id == "CUSTOM_02" and second.val == 129
    # a PUT that does not send the server-owned fields keeps them
    r = api.put(f"{Z}/urlCategories/CUSTOM_01", json={"configuredName": "Allowed tools", "urls": ["a.example.com"]})
    assert r.status_code == 200
    after = api.get(f"{Z}/urlCategories/CUSTOM_01").json()
    assert after["customCategory"] is True and after["val"] == 128 and after["urls"] == ["a.example.com"]
    assert after["customUrlsCount"] == 1
    added = ok(cats.add_urls_to_category("CUSTOM_01", configured_name="Allowed tools", urls=["b.example.com"]))
    assert added.urls == ["a.example.com", "b.example.com"] and added.custom_urls_count == 2


def test_custom_only_lists_custom_categories_only(client):
    cats = client.zia.url_categories
    ok(cats.add_url_category(super_category="USER_DEFINED", configured_name="Mine"))
    custom = ok(cats.list_categories(query_params={"custom_only": True}))
    assert [c.id for c in custom] == ["CUSTOM_01"] and all(c.custom_category for c in custom)
    everything = ok(cats.list_categories())
    assert len(everything) > len(custom) and any(c.id == "FINANCE" for c in everything)


def test_category_type_filter(api):
    api.post(f"{Z}/urlCategories", json={"configuredName": "tlds", "superCategory": "USER_DEFINED",
                                         "type": "TLD_CATEGORY", "urls": [".xyz"]})
    tld = api.get(f"{Z}/urlCategories", params={"type": "TLD_CATEGORY"}).json()
    assert [c["configuredName"] for c in tld] == ["tlds"]
    assert len(api.get(f"{Z}/urlCategories", params={"type": "ALL"}).json()) > 1


# ------------------------------------------------------------------ duplicate names

def test_zia_refuses_a_second_item_of_a_name(client, api):
    cats = client.zia.url_categories
    ok(cats.add_url_category(super_category="USER_DEFINED", configured_name="Dup"))
    _, _, err = cats.add_url_category(super_category="USER_DEFINED", configured_name="Dup")
    assert err is not None and err.status_code == 400
    assert err.body == {"code": "DUPLICATE_ITEM", "message": "DUPLICATE_ITEM"}
    # predefined objects hold their names too
    r = api.post(f"{Z}/networkServices", json={"name": "DNS", "type": "CUSTOM"})
    assert r.status_code == 400 and r.json()["code"] == "DUPLICATE_ITEM"
    # the name is free again once its holder is deleted
    assert api.delete(f"{Z}/urlCategories/CUSTOM_01").status_code == 204
    ok(cats.add_url_category(super_category="USER_DEFINED", configured_name="Dup"))


def test_zpa_refuses_a_duplicate_name_on_create_and_rename(sim, api):
    coll = zpa(sim, "/segmentGroup")
    first = api.post(coll, json={"name": "apps"}).json()["id"]
    r = api.post(coll, json={"name": "apps"})
    assert r.status_code == 400
    assert r.json()["id"] == "resource.already.exist" and "apps" in r.json()["reason"]
    other = api.post(coll, json={"name": "other"}).json()["id"]
    assert api.put(f"{coll}/{other}", json={"name": "apps"}).status_code == 400
    assert api.put(f"{coll}/{first}", json={"name": "apps", "description": "same name, same item"}).status_code == 204
    assert api.get(f"{coll}/{other}").json()["name"] == "other"


def test_names_may_repeat_across_collections(sim, api):
    assert api.post(zpa(sim, "/segmentGroup"), json={"name": "shared"}).status_code == 201
    assert api.post(zpa(sim, "/serverGroup"), json={"name": "shared", "dynamicDiscovery": True}).status_code == 201


# ------------------------------------------------------------------ ZPA required fields

def test_application_segment_requires_domains_group_and_ports(sim, client):
    segs = client.zpa.application_segment
    _, _, err = segs.add_segment(name="s1")
    assert err is not None and err.status_code == 400 and "domainNames" in err.body["reason"]
    _, _, err = segs.add_segment(name="s1", domain_names=["app.example.com"])
    assert err.status_code == 400 and "segmentGroupId" in err.body["reason"]
    group = ok(client.zpa.segment_groups.add_group(name="g1", enabled=True))
    _, _, err = segs.add_segment(name="s1", domain_names=["app.example.com"], segment_group_id=group.id)
    assert err.status_code == 400 and "tcpPortRanges" in err.body["reason"]
    made = ok(segs.add_segment(name="s1", domain_names=["app.example.com"], segment_group_id=group.id,
                               tcp_port_ranges=["443", "443"]))
    assert made.id and made.domain_names == ["app.example.com"]


# ------------------------------------------------------------------ ZIA rules, search, lookups

def test_web_application_rule_is_created_in_its_type(api):
    r = api.post(f"{Z}/webApplicationRules/STREAMING_MEDIA", json={"name": "no video", "state": "ENABLED",
                                                                   "actions": ["BLOCK_STREAMING_VIEW_LISTEN"]})
    assert r.status_code == 200 and r.json()["id"] and r.json()["type"] == "STREAMING_MEDIA"
    listed = api.get(f"{Z}/webApplicationRules/STREAMING_MEDIA").json()
    assert [x["name"] for x in listed] == ["no video"]
    assert api.get(f"{Z}/webApplicationRules/WEBMAIL").json() == []


def test_vpn_credentials_are_searched_by_fqdn_and_comments(client):
    vpn = client.zia.traffic_vpn_credentials
    ok(vpn.add_vpn_credential(type="UFQDN", fqdn="branch7@example.com", pre_shared_key="k-1", comments="Lyon"))
    ok(vpn.add_vpn_credential(type="IP", ip_address="203.0.113.9", pre_shared_key="k-2", comments="Paris"))
    assert [v.fqdn for v in ok(vpn.list_vpn_credentials(query_params={"search": "branch7"}))] == ["branch7@example.com"]
    assert [v.ip_address for v in ok(vpn.list_vpn_credentials(query_params={"search": "paris"}))] == ["203.0.113.9"]
    assert [v.type for v in ok(vpn.list_vpn_credentials(query_params={"type": "IP"}))] == ["IP"]
    assert ok(vpn.list_vpn_credentials(query_params={"search": "nowhere"})) == []

def test_vpn_credentials_are_listed_without_their_keys(client, api):
    ok(client.zia.traffic_vpn_credentials.add_vpn_credential(type="UFQDN", fqdn="b8@example.com",
                                                             pre_shared_key="k-secret"))
    r = api.get(f"{Z}/vpnCredentials")
    assert r.status_code == 200 and r.json()[0]["fqdn"] == "b8@example.com"
    assert "k-secret" not in r.text and "preSharedKey" not in r.text


def test_geo_by_ip_is_a_lookup(client, api):
    geo = ok(client.zia.locations.get_geo_by_ip("8.8.8.8"))
    assert geo.country_code == "US" and geo.city_name and isinstance(geo.latitude, float)
    assert api.get(f"{Z}/region/byIPAddress/203.0.113.5").json()["countryCode"]
    r = api.get(f"{Z}/region/byIPAddress/not-an-ip")
    assert r.status_code == 400 and r.json()["code"] == "INVALID_INPUT_ARGUMENT"


def test_available_gre_ranges_leave_out_the_tunnels_ranges(api):
    ranges = api.get(f"{Z}/greTunnels/availableInternalIpRanges").json()
    assert len(ranges) == 10 and ranges[0] == {"startIPAddress": "172.17.0.0", "endIPAddress": "172.17.0.7"}
    api.post(f"{Z}/greTunnels", json={"sourceIp": "203.0.113.7", "internalIpRange": "172.17.0.0"})
    after = api.get(f"{Z}/greTunnels/availableInternalIpRanges", params={"limit": 3}).json()
    assert [r["startIPAddress"] for r in after] == ["172.17.0.8", "172.17.0.16", "172.17.0.24"]


# ------------------------------------------------------------------ ZPA predefined data

def test_predefined_inspection_controls_of_crs_4_8_0(sim, api):
    groups = api.get(zpa(sim, "/inspectionControls/predefined"), params={"version": "OWASP_CRS/4.8.0"}).json()
    controls = [c for g in groups for c in g["predefinedInspectionControls"]]
    assert controls and all(c["version"] == "OWASP_CRS/4.8.0" for c in controls)
    assert api.get(zpa(sim, "/inspectionControls/predefined"), params={"version": "OWASP_CRS/9.9"}).status_code == 400


def test_lss_formats_include_private_broker_stats(sim, api):
    path = zpa(sim, "/lssConfig/logType/formats", "v2")
    one = api.get(path, params={"logType": "zpn_pbroker_comprehensive_stats"})
    assert one.status_code == 200 and set(one.json()) == {"csv", "json", "tsv"}
    assert "zpn_pbroker_comprehensive_stats" in api.get(path).json()


def test_issued_certificates_are_readable_by_id(sim, api):
    issued = api.get(zpa(sim, "/clientlessCertificate/issued", "v2")).json()["list"]
    assert issued
    for cert in issued:
        got = api.get(zpa(sim, f"/certificate/{cert['id']}"))
        assert got.status_code == 200 and got.json()["name"] == cert["name"]


# ------------------------------------------------------------------ legacy logins

def test_ztb_legacy_login_gives_a_bearer_token(sim):
    cfg = sim.legacy_config("ztb")
    base = cfg["override_url"]
    refused = httpx.post(base + "/api/v3/api-key-auth/login", json={"api_key": "wrong"})
    assert refused.status_code == 401
    r = httpx.post(base + "/api/v3/api-key-auth/login", json={"api_key": cfg["api_key"]})
    assert r.status_code == 200
    token = r.json()["result"]["delegate_token"]
    assert isinstance(token, str) and token and cfg["api_key"] not in r.text
