"""Simulator fidelity (issue #16): the default tenant, views linked to their collections, and the
server's own answers (status codes, bare counts, arrays, text), all over real loopback HTTP."""

from __future__ import annotations

import json

import httpx
import pytest

from zscaler.simulator import Simulator

from simhelpers import get_token, zpa

ZIA = "/zia/api/v1"


@pytest.fixture(scope="module")
def fsim():
    with Simulator(catalogs=["zpa", "zia"]) as s:
        yield s


@pytest.fixture
def fapi(fsim):
    fsim.reset()
    with httpx.Client(base_url=fsim.url, timeout=10) as c:
        c.headers["Authorization"] = "Bearer " + get_token(fsim, c)
        yield c


def v2(sim, tail: str) -> str:
    return f"/zpa/mgmtconfig/v2/admin/customers/{sim.customer_id}{tail}"


def cbi(sim, tail: str) -> str:
    return f"/zpa/cbiconfig/cbi/api/customers/{sim.customer_id}{tail}"


def user_idp(sim, api) -> dict:
    idps = api.get(v2(sim, "/idp")).json()["list"]
    return next(i for i in idps if "USER" in i["ssoType"])


# ------------------------------------------------------------------ the default tenant

def test_default_tenant_has_a_user_idp_with_scim_groups_attributes_and_saml_attributes(fsim, fapi):
    idp = user_idp(fsim, fapi)
    groups = fapi.get(f"/zpa/userconfig/v1/customers/{fsim.customer_id}/scimgroup/idpId/{idp['id']}").json()["list"]
    assert len(groups) >= 2 and all(g["idpId"] == idp["id"] for g in groups)
    one = fapi.get(f"/zpa/userconfig/v1/customers/{fsim.customer_id}/scimgroup/{groups[0]['id']}")
    assert one.status_code == 200 and one.json()["name"] == groups[0]["name"]
    attrs = fapi.get(zpa(fsim, f"/idp/{idp['id']}/scimattribute")).json()["list"]
    assert attrs and fapi.get(zpa(fsim, f"/idp/{idp['id']}/scimattribute/{attrs[0]['id']}")).status_code == 200
    dept = next(a for a in attrs if a["name"] == "department")
    values = fapi.get(f"/zpa/userconfig/v1/customers/{fsim.customer_id}/scimattribute/idpId/{idp['id']}"
                      f"/attributeId/{dept['id']}").json()
    assert values["totalCount"] == len(values["list"]) > 0 and all(isinstance(v, str) for v in values["list"])
    saml = fapi.get(v2(fsim, f"/samlAttribute/idp/{idp['id']}")).json()["list"]
    assert saml and {a["idpId"] for a in saml} == {idp["id"]}
    assert fapi.get(zpa(fsim, f"/samlAttribute/{saml[0]['id']}")).json()["samlName"] == saml[0]["samlName"]


def test_default_tenant_isolation_and_certificates(fsim, fapi):
    regions = fapi.get(cbi(fsim, "/regions")).json()
    assert isinstance(regions, list) and len(regions) >= 2 and all(set(r) == {"id", "name"} for r in regions)
    assert fapi.get(zpa(fsim, "/isolation/profiles")).json()["list"]
    assert any(b["isDefault"] for b in fapi.get(cbi(fsim, "/banners")).json())
    assert fapi.get(v2(fsim, "/clientlessCertificate/issued")).json()["list"]


def test_default_tenant_zia_reference_data(fsim, fapi):
    roles = fapi.get(ZIA + "/adminRoles/lite").json()
    assert any(r["name"] == "Super Admin" for r in roles) and not any(r.get("isAuditor") for r in roles)
    assert all(set(r) == {"id", "rank", "name", "roleType", "reportTimeDuration"} for r in roles)  # the lite view's
    with_auditor = fapi.get(ZIA + "/adminRoles/lite", params={"includeAuditorRole": "true"}).json()
    assert any(r.get("isAuditor") for r in with_auditor) and len(with_auditor) == len(roles) + 1
    for name in ("ICMP_ANY", "TCP_ANY", "UDP_ANY", "DNS"):
        found = fapi.get(ZIA + "/networkServices", params={"search": name}).json()
        assert any(s["name"] == name and s["type"] == "PREDEFINED" for s in found), name
    browsers = fapi.get(ZIA + "/browserControlSettings/supportedBrowserVersions").json()
    assert browsers and all(b["browserType"] and b["versions"] for b in browsers)
    by_dc = fapi.get(ZIA + "/vips/groupByDatacenter", params={"sourceIp": "203.0.113.9"}).json()
    assert by_dc and all(g["datacenter"]["datacenter"] and g["greVips"][0]["virtualIp"] for g in by_dc)


def test_empty_tenant_opts_out_and_reset_restores_the_default_one(fsim, fapi):
    with Simulator(catalogs=["zpa", "zia"], tenant="empty") as empty:
        keys = set(empty.state()["collections"])
        assert not any(k.endswith(("/idp", "/adminRoles", "/networkServices", "/regions")) for k in keys), keys
        assert empty.info()["tenant"] == "empty"
    with pytest.raises(ValueError, match="tenant"):
        Simulator(catalogs=["zpa"], tenant="full")
    fsim.seed(None, None, 1, path=ZIA + "/adminRoles", name="extra")
    fsim.reset()
    names = [r["name"] for r in fapi.get(ZIA + "/adminRoles/lite").json()]
    assert "Super Admin" in names and "extra" not in names


# ------------------------------------------------------------------ views linked to their collections

def test_lite_and_summary_views_list_what_was_created(fsim, fapi):
    role = fapi.post(ZIA + "/adminRoles", json={"name": "custom role", "rank": 7}).json()
    assert role["id"] in [r["id"] for r in fapi.get(ZIA + "/adminRoles/lite").json()]
    server = fapi.post(zpa(fsim, "/server"), json={"name": "srv1", "address": "10.0.0.1", "enabled": True})
    assert server.status_code == 201
    summary = fapi.get(zpa(fsim, "/server/summary")).json()["list"]
    assert summary == [{"id": server.json()["id"], "name": "srv1", "enabled": True}]


def test_issued_certificates_list_created_certificates(fsim, fapi):
    cert = fapi.post(zpa(fsim, "/certificate"), json={"name": "created.example.com", "certBlob": "x"}).json()
    issued = fapi.get(v2(fsim, "/clientlessCertificate/issued")).json()["list"]
    assert cert["id"] in [c["id"] for c in issued]


def test_apps_by_type_follow_the_segments(fsim, fapi):
    group = fapi.post(zpa(fsim, "/segmentGroup"), json={"name": "sg"}).json()
    domain = "rdp.example.com"
    seg = fapi.post(zpa(fsim, "/application"), json={
        "name": domain, "domainNames": [domain], "segmentGroupId": group["id"], "tcpPortRanges": ["3389", "3389"],
        "commonAppsDto": {"appsConfig": [{"enabled": True, "applicationPort": "3389", "applicationProtocol": "RDP",
                                          "domain": domain, "name": domain}]}})
    assert seg.status_code == 201, seg.text
    q = {"applicationType": "SECURE_REMOTE_ACCESS", "search": f"name+EQ+{domain}"}
    apps = fapi.get(zpa(fsim, "/application/getAppsByType"), params=q).json()["list"]
    assert [(a["name"], a["appId"], a["applicationProtocol"]) for a in apps] == [(domain, seg.json()["id"], "RDP")]
    assert fapi.get(zpa(fsim, "/application/getAppsByType"),
                    params={"applicationType": "BROWSER_ACCESS"}).json()["list"] == []
    assert fapi.get(zpa(fsim, "/application/getAppsByType"), params={"applicationType": "X"}).json()["list"] == []


# ------------------------------------------------------------------ the server's answers

def test_zpa_creates_answer_201_and_cbi_creates_answer_the_id(fsim, fapi):
    assert fapi.post(zpa(fsim, "/segmentGroup"), json={"name": "g"}).status_code == 201
    for create, items in (("/banner", "/banners"), ("/certificate", "/certificates")):
        r = fapi.post(cbi(fsim, create), json={"name": "mine", "pem": "x"})
        assert r.status_code == 200 and set(r.json()) == {"id"}
        got = fapi.get(cbi(fsim, f"{items}/{r.json()['id']}"))
        assert got.status_code == 200 and got.json()["name"] == "mine" and got.json()["isDefault"] is False


def test_auth_domains_answer_the_auth_domains_key(fsim, fapi):
    body = fapi.get(zpa(fsim, "/authDomains")).json()
    assert set(body) == {"authDomains"} and f"{fsim.vanity_domain}.zslogin.net" in body["authDomains"]


def test_custom_control_rules_are_kept_as_control_rule_json(fsim, fapi):
    rules = [{"type": "REQUEST_HEADERS", "names": ["x"], "conditions": [{"lhs": "SIZE", "op": "GE", "rhs": "9"}]}]
    created = fapi.post(zpa(fsim, "/inspectionControls/custom"),
                        json={"name": "c", "severity": "CRITICAL", "action": "PASS", "type": "REQUEST", "rules": rules})
    assert created.status_code == 201 and created.json()["rules"] == rules
    url = zpa(fsim, f"/inspectionControls/custom/{created.json()['id']}")
    got = fapi.get(url).json()
    assert "rules" not in got and json.loads(got["controlRuleJson"]) == rules and got["controlNumber"]
    assert fapi.put(url, json={**got, "name": "c2"}).status_code == 204  # the body read before is accepted back
    again = fapi.get(url).json()
    assert again["name"] == "c2" and json.loads(again["controlRuleJson"]) == rules


def test_zia_counts_are_bare_numbers(fsim, fapi):
    assert fapi.get(ZIA + "/locations/groups/count").json() == 0
    fsim.seed(None, None, 3, path=ZIA + "/locations/groups")
    assert fapi.get(ZIA + "/locations/groups/count").json() == 3
    assert fapi.get(ZIA + "/cloudToCloudIR/count").json() == 0


def test_static_ip_validate_answers_text(fsim, fapi):
    r = fapi.post(ZIA + "/staticIP/validate", json={"ipAddress": "198.51.100.7"})
    assert r.status_code == 200 and r.text == "SUCCESS" and r.headers["content-type"].startswith("text/plain")
    fsim.seed(None, None, 1, path=ZIA + "/staticIP", ipAddress="198.51.100.7")
    dup = fapi.post(ZIA + "/staticIP/validate", json={"ipAddress": "198.51.100.7"})
    assert dup.status_code == 409 and dup.json()["code"] == "DUPLICATE_ITEM"


def test_available_actions_answer_an_array(fsim, fapi):
    actions = fapi.post(ZIA + "/webApplicationRules/STREAMING_MEDIA/availableActions", json={}).json()
    assert isinstance(actions, list) and "ALLOW_STREAMING_MEDIA_VIEW" in actions


def test_cbi_writes_answer_a_body_and_lists_are_arrays(fsim, fapi):
    banner = fapi.post(cbi(fsim, "/banner"), json={"name": "b"}).json()["id"]
    put = fapi.put(cbi(fsim, f"/banners/{banner}"), json={"name": "b2"})
    assert put.status_code == 200 and put.json() == {"id": banner}
    assert [b["name"] for b in fapi.get(cbi(fsim, "/banners")).json() if b["id"] == banner] == ["b2"]
    gone = fapi.delete(cbi(fsim, f"/banners/{banner}"))
    assert gone.status_code == 200 and "deleted" in gone.json()["message"]
    assert fapi.get(cbi(fsim, f"/banners/{banner}")).status_code == 404
    cert = fapi.post(cbi(fsim, "/certificate"), json={"name": "c", "pem": "p"}).json()["id"]
    assert fapi.put(cbi(fsim, f"/certificates/{cert}"), json={"name": "c2", "pem": "p"}).json()["name"] == "c2"


def test_zpa_creates_fill_the_server_defaults(fsim, fapi):
    group = fapi.post(zpa(fsim, "/segmentGroup"), json={"name": "g"}).json()
    assert group["enabled"] is True and group["configSpace"] == "DEFAULT" and "microtenantName" not in group
    off = fapi.post(zpa(fsim, "/segmentGroup"), json={"name": "off", "enabled": False}).json()
    assert off["enabled"] is False  # a value sent wins over the default
    cert = fapi.post(zpa(fsim, "/certificate"), json={"name": "c.example.com"}).json()
    assert "configSpace" not in cert  # only where the API fills them in


def test_reference_lists_answer_arrays(fsim, fapi):
    for tail in ("/actionTypes", "/severityTypes", "/controlTypes", "/custom/httpMethods", "/predefined/versions"):
        values = fapi.get(zpa(fsim, "/inspectionControls" + tail)).json()
        assert isinstance(values, list) and values and all(isinstance(v, str) for v in values), tail
    mt = fapi.post(zpa(fsim, "/microtenants"), json={"name": "mt1"}).json()
    summary = fapi.get(zpa(fsim, "/microtenants/summary")).json()
    default = {"id": "0", "name": "Default", "enabled": True}
    assert summary == [{"id": mt["id"], "name": "mt1", "enabled": True}, default]
    quota = fapi.get(ZIA + "/sandbox/report/quota").json()
    assert isinstance(quota, list) and quota[0]["allowed"] >= quota[0]["used"] == 0


def test_seeding_a_view_path_seeds_the_collection_it_shows(fsim, fapi):
    seeded = fsim.seed(None, None, 2, path=zpa(fsim, "/server/summary"))
    assert {o["id"] for o in fsim.items(zpa(fsim, "/server"))} == {o["id"] for o in seeded}
    listed = fapi.get(zpa(fsim, "/server/summary")).json()["list"]
    assert sorted(o["id"] for o in listed) == sorted(o["id"] for o in seeded)
    assert len(fsim.seed("zia", "admin_roles", 1)) == 1  # the resource lists /adminRoles/lite: seeds /adminRoles
    assert len(fapi.get(ZIA + "/adminRoles/lite").json()) == 3  # two predefined (the auditor hidden) + the seeded
