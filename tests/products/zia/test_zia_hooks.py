"""ZIA methods with special behaviour: follow-up reads, computed bodies, preliminary requests."""

from __future__ import annotations

import calendar

import pytest

from helpers import api_requests


def _calls(sim):
    return [(r.method, r.path, r.raw_query) for r in api_requests(sim)]


# ------------------------------------------------------------------ URL lists with follow-up reads

def test_atp_malicious_urls_add_then_read_back(client, sim):
    urls, _, err = client.zia.atp_policy.add_atp_malicious_urls(["bad.example", "worse.example"])
    assert err is None and urls == ["bad.example", "worse.example"]
    assert _calls(sim) == [("PUT", "/zia/api/v1/cyberThreatProtection/maliciousUrls", "action=ADD_TO_LIST"),
                           ("GET", "/zia/api/v1/cyberThreatProtection/maliciousUrls", "")]
    assert api_requests(sim)[0].json() == {"maliciousUrls": ["bad.example", "worse.example"]}
    urls, _, err = client.zia.atp_policy.delete_atp_malicious_urls(["bad.example"])
    assert err is None and urls == ["worse.example"]
    with pytest.raises(ValueError, match="malicious_urls must be a non-empty list"):
        client.zia.atp_policy.add_atp_malicious_urls([])


def test_auth_exempt_urls_add_and_remove(client, sim):
    urls, _, err = client.zia.authentication_settings.add_urls_to_exempt_list(["sso.example", "idp.example"])
    assert err is None and urls == ["sso.example", "idp.example"]
    assert _calls(sim)[0] == ("POST", "/zia/api/v1/authSettings/exemptedUrls", "action=ADD_TO_LIST")
    assert api_requests(sim)[0].json() == {"urls": ["sso.example", "idp.example"]}
    urls, _, err = client.zia.authentication_settings.delete_urls_from_exempt_list(["sso.example"])
    assert err is None and urls == ["idp.example"]


def test_blacklist_actions_and_replace(client, sim):
    settings, _, err = client.zia.security_policy_settings.add_urls_to_blacklist(["a.bad", "b.bad"])
    assert err is None and settings.blacklist_urls == ["a.bad", "b.bad"]
    assert _calls(sim) == [("POST", "/zia/api/v1/security/advanced/blacklistUrls", "action=ADD_TO_LIST"),
                           ("GET", "/zia/api/v1/security/advanced", "")]
    settings, _, _ = client.zia.security_policy_settings.delete_urls_from_blacklist(["a.bad"])
    assert settings.blacklist_urls == ["b.bad"]
    settings, _, _ = client.zia.security_policy_settings.replace_blacklist(["c.bad"])
    assert settings.blacklist_urls == ["c.bad"] and api_requests(sim)[-2].json() == {"blacklistUrls": ["c.bad"]}
    settings, _, _ = client.zia.security_policy_settings.erase_blacklist()
    assert settings.blacklist_urls == [] and api_requests(sim)[-2].method == "PUT"


def test_whitelist_is_read_changed_and_put_whole(client, sim):
    client.zia.security_policy_settings.replace_whitelist(["a.ok", "b.ok"]).unwrap()
    sim.clear_requests()
    settings, _, err = client.zia.security_policy_settings.add_urls_to_whitelist(["c.ok", "a.ok"])
    assert err is None and settings.whitelist_urls == ["a.ok", "b.ok", "c.ok"]
    assert [(m, p) for m, p, _ in _calls(sim)] == [("GET", "/zia/api/v1/security"), ("PUT", "/zia/api/v1/security"),
                                                   ("GET", "/zia/api/v1/security")]
    assert api_requests(sim)[1].json() == {"whitelistUrls": ["a.ok", "b.ok", "c.ok"]}
    settings, _, _ = client.zia.security_policy_settings.delete_urls_from_whitelist(["b.ok"])
    assert settings.whitelist_urls == ["a.ok", "c.ok"]
    settings, _, _ = client.zia.security_policy_settings.erase_whitelist()
    assert settings.whitelist_urls == []
    with pytest.raises(TypeError, match="url_list must be a list of URL strings"):
        client.zia.security_policy_settings.add_urls_to_whitelist("x.ok")


def test_malware_settings_put_whole_then_read(client, sim):
    settings, _, err = client.zia.malware_protection_policy.update_malware_settings(
        {"virus_blocked": True, "unwanted_applications_blocked": False})
    assert err is None and settings.virus_blocked is True
    assert [m for m, _, _ in _calls(sim)] == ["PUT", "GET"]
    assert api_requests(sim)[0].json() == {"virusBlocked": True, "unwantedApplicationsBlocked": False}


# ------------------------------------------------------------------ computed bodies

def test_dlp_dictionary_phrases_and_patterns_from_pairs(client, sim):
    d, _, err = client.zia.dlp_dictionary.add_dict(
        name="Secrets", custom_phrase_match_type="MATCH_ANY_CUSTOM_PHRASE_PATTERN_DICTIONARY",
        dictionary_type="PATTERNS_AND_PHRASES", phrases=[("PHRASE_COUNT_TYPE_ALL", "top secret")],
        patterns=[("PATTERN_COUNT_TYPE_UNIQUE", r"\d{3}-\d{2}")])
    assert err is None
    body = api_requests(sim)[-1].json()
    assert body["phrases"] == [{"action": "PHRASE_COUNT_TYPE_ALL", "phrase": "top secret"}]
    assert body["patterns"] == [{"action": "PATTERN_COUNT_TYPE_UNIQUE", "pattern": r"\d{3}-\d{2}"}]
    client.zia.dlp_dictionary.update_dict(d.id, phrases=[{"action": "PHRASE_COUNT_TYPE_UNIQUE", "phrase": "x"}])
    assert api_requests(sim)[-1].json()["phrases"] == [{"action": "PHRASE_COUNT_TYPE_UNIQUE", "phrase": "x"}]
    with pytest.raises(ValueError, match="phrases: each entry must be an"):
        client.zia.dlp_dictionary.update_dict(d.id, phrases=["lonely"])


def test_dlp_predefined_identifiers_by_dictionary_name(client, sim):
    d = client.zia.dlp_dictionary.add_dict(name="ABA Bank Routing Numbers", custom_phrase_match_type="X",
                                           dictionary_type="PATTERNS_AND_PHRASES").unwrap()
    sim.clear_requests()
    client.zia.dlp_dictionary.list_dict_predefined_identifiers("ABA Bank Routing Numbers")
    assert [p for _, p, _ in _calls(sim)] == ["/zia/api/v1/dlpDictionaries",
                                              f"/zia/api/v1/dlpDictionaries/{d.id}/predefinedIdentifiers"]


def test_ips_rule_text_is_dedented(client, sim):
    client.zia.ips_signature_rules.validate_ips_signature_rule("""
        alert tcp any any -> any any (msg:"x"; sid:1;)
        """)
    assert api_requests(sim)[-1].json() == {"ruleText": 'alert tcp any any -> any any (msg:"x"; sid:1;)\n'}


def test_shadow_it_bulk_update(client, sim):
    client.zia.shadow_it_report.bulk_update("unsanctioned", application_ids=["101", "102"], custom_tag_ids=["7"])
    assert api_requests(sim)[-1].json() == {"sanctionedState": "UN_SANCTIONED", "applicationIds": ["101", "102"],
                                            "customTags": [{"id": 7}]}
    with pytest.raises(ValueError, match="sanction_state: 'maybe' is not accepted"):
        client.zia.shadow_it_report.bulk_update("maybe")


def test_dc_exclusion_is_a_one_element_array_with_epoch_times(client, sim):
    made, _, err = client.zia.traffic_datacenters.add_dc_exclusion(
        start_time="01/02/2026 10:00:00", end_time="2026-01-03T10:00:00", description="maintenance")
    assert err is None and made[0].dcid == 1001  # the first datacenter
    start, end = (calendar.timegm((2026, 1, d, 10, 0, 0)) for d in (2, 3))
    assert [p for _, p, _ in _calls(sim)] == ["/zia/api/v1/datacenters", "/zia/api/v1/dcExclusions"]
    assert api_requests(sim)[-1].json() == [{"startTime": start, "endTime": end, "description": "maintenance",
                                             "dcid": 1001}]
    _, _, err = client.zia.traffic_datacenters.update_dc_exclusion(1001, start_time=start, end_time=end + 60,
                                                                   time_zone="Europe/Berlin")
    assert err is None and api_requests(sim)[-1].json() == [{"dcid": 1001, "startTime": start, "endTime": end + 60}]
    with pytest.raises(ValueError, match="startTime: 'soon' is not a date"):
        client.zia.traffic_datacenters.add_dc_exclusion(dcid=1001, start_time="soon", end_time=end)


def test_dc_exclusion_time_zone_applies_to_date_strings(client, sim):
    client.zia.traffic_datacenters.add_dc_exclusion(dcid=1002, start_time="01/02/2026 10:00:00",
                                                    end_time="01/02/2026 12:00:00", time_zone="Europe/Berlin")
    body = api_requests(sim)[-1].json()[0]
    assert body["startTime"] == calendar.timegm((2026, 1, 2, 9, 0, 0)) and "timeZone" not in body


# ------------------------------------------------------------------ preliminary reads

def test_gre_tunnel_picks_closest_diverse_vips(client, sim):
    pair = client.zia.gre_tunnel.get_closest_diverse_vip_ids("203.0.113.9")
    assert type(pair) is tuple and pair == (1001, 1003)  # a bare 2-tuple: San Jose first, then another city
    sim.clear_requests()
    _, _, err = client.zia.gre_tunnel.add_gre_tunnel(source_ip="203.0.113.9", comment="branch")
    assert err is None
    vips, post = api_requests(sim)
    assert vips.path == "/zia/api/v1/vips/recommendedList" and vips.query == {"sourceIp": ["203.0.113.9"]}
    assert post.json() == {"sourceIp": "203.0.113.9", "comment": "branch", "primaryDestVip": {"id": 1001},
                           "secondaryDestVip": {"id": 1003}}
    sim.clear_requests()
    client.zia.gre_tunnel.add_gre_tunnel(source_ip="203.0.113.9", primary_dest_vip={"id": 5},
                                         secondary_dest_vip={"id": 6})
    assert [r.method for r in api_requests(sim)] == ["POST"]


def test_http_header_profile_update_keeps_its_slot(client, sim):
    p = client.zia.http_header_control.add_http_header_profile(name="H", slot_id=3).unwrap()
    sim.clear_requests()
    client.zia.http_header_control.update_http_header_profile(p.id, name="H2")
    assert api_requests(sim)[-1].json() == {"name": "H2", "slotId": 3} and len(api_requests(sim)) == 2
    a = client.zia.http_header_control.add_http_header_action_profile(name="A", slot_id=4).unwrap()
    client.zia.http_header_control.update_http_header_action_profile(a.id, name="A2", slot_id=9)
    assert api_requests(sim)[-1].json() == {"name": "A2", "slotId": 9}


def test_static_ip_update_keeps_the_address(client, sim):
    ip = client.zia.traffic_static_ip.add_static_ip(ip_address="198.51.100.7", comment="a").unwrap()
    updated, _, err = client.zia.traffic_static_ip.update_static_ip(ip.id, comment="b", ip_address="198.51.100.8")
    assert err is None and updated.ip_address == "198.51.100.7" and updated.comment == "b"
    _, _, err = client.zia.traffic_static_ip.update_static_ip(999, comment="c")
    assert err is not None and err.status_code == 404


def test_vpn_credential_identity_cannot_change(client, sim):
    cred = client.zia.traffic_vpn_credentials.add_vpn_credential(type="UFQDN", fqdn="a@example.com",
                                                                 pre_shared_key="secret-1").unwrap()
    with pytest.raises(ValueError, match="fqdn cannot be changed"):
        client.zia.traffic_vpn_credentials.update_vpn_credential(cred.id, fqdn="b@example.com")
    _, _, err = client.zia.traffic_vpn_credentials.update_vpn_credential(cred.id, type="UFQDN", fqdn="a@example.com",
                                                                         comments="ok")
    assert err is None and [r.method for r in api_requests(sim)][-2:] == ["GET", "PUT"]


def test_vzen_cluster_is_emptied_before_delete(client, sim):
    c = client.zia.vzen_clusters.add_vzen_cluster(name="C", enabled=True, type="VIP", ip_address="10.0.0.2",
                                                  virtual_zen_nodes=["5"]).unwrap()
    assert c.status == "ENABLED"
    sim.clear_requests()
    _, _, err = client.zia.vzen_clusters.delete_vzen_cluster(c.id)
    assert err is None
    get, put, delete = api_requests(sim)
    assert (get.method, put.method, delete.method) == ("GET", "PUT", "DELETE")
    assert put.json()["virtualZenNodes"] == [] and put.json()["status"] == "ENABLED"


# ------------------------------------------------------------------ PAC files

PAC = """
    function FindProxyForURL(url, host) {
        return "DIRECT";
    }
"""


def test_validate_pac_sends_the_text(client, sim):
    result, _, err = client.zia.pac_files.validate_pac_file(PAC)
    assert err is None and result.success is True
    req = api_requests(sim)[-1]
    assert req.body.decode().startswith("function FindProxyForURL") and "json" not in req.headers["content-type"]


def test_add_pac_file_validates_first(client, sim):
    made, _, err = client.zia.pac_files.add_pac_file(name="p", pac_content=PAC, domain="example.com")
    assert err is None and made.name == "p"
    assert [p for _, p, _ in _calls(sim)] == ["/zia/api/v1/pacFiles/validate", "/zia/api/v1/pacFiles"]
    with pytest.raises(ValueError, match="not accepted by PAC validation"):
        client.zia.pac_files.add_pac_file(name="bad", pac_content="return 1;")


def test_clone_pac_file_deletes_the_oldest_of_ten_versions(client, sim):
    p = client.zia.pac_files.add_pac_file(name="p", pac_content=PAC).unwrap()
    with sim.lock:
        for n in range(3, 13):
            sim.store.insert(f"/zia/api/v1/pacFiles/{p.id}/version", str(n), {"id": n, "pacVersion": n})
    sim.clear_requests()
    client.zia.pac_files.clone_pac_file(p.id, 12, pac_content=PAC, pac_version_status="DEPLOYED")
    validate, versions, clone = api_requests(sim)
    assert validate.path.endswith("/validate") and versions.path == f"/zia/api/v1/pacFiles/{p.id}/version"
    assert clone.path == f"/zia/api/v1/pacFiles/{p.id}/version/12" and clone.query == {"deleteVersion": ["3"]}
    assert clone.json() == {"pacContent": PAC, "pacVersionStatus": "DEPLOYED", "pacVerificationStatus": "VERIFY_NOERR",
                            "pacCommitMessage": ""}


def test_atp_malware_settings_answer_snake_case_dicts(client, sim):
    result, _, err = client.zia.malware_protection_policy.update_atp_malware_policy(True, False)
    assert err is None and result == {"block_unscannable_files": True, "block_password_protected_archive_files": False}
    assert api_requests(sim)[-1].json() == {"blockUnscannableFiles": True, "blockPasswordProtectedArchiveFiles": False}
    protocols, _, _ = client.zia.malware_protection_policy.update_atp_malware_protocols(True, False, True)
    assert protocols == {"inspect_http": True, "inspect_ftp_over_http": False, "inspect_ftp": True}
    got, _, _ = client.zia.malware_protection_policy.get_atp_malware_protocols()
    assert got == protocols
    with pytest.raises(TypeError, match="inspect_inbound must be True or False"):
        client.zia.malware_protection_policy.update_atp_malware_inspection("yes", True)


def test_check_static_ip_true_or_false(client, sim):
    assert client.zia.traffic_static_ip.check_static_ip("198.51.100.20") == (True, None, None)
    client.zia.traffic_static_ip.add_static_ip(ip_address="198.51.100.20").unwrap()
    used, _, err = client.zia.traffic_static_ip.check_static_ip("198.51.100.20")
    assert used is False and err.status_code == 409  # False with the error, as the official SDK
    assert api_requests(sim)[-1].json() == {"ipAddress": "198.51.100.20"}
    bad, _, err = client.zia.traffic_static_ip.check_static_ip("")
    assert bad is False and err is not None and err.status_code == 400


def test_client_side_search_filters_every_page(client, sim):
    """A search the API ignores is applied to later pages too, never only to the first."""
    sim.seed("zia", "bandwidth_classes", 25)
    names = [o["name"] for o in sim.items("/zia/api/v1/bandwidthClasses")]
    wanted = sorted(n for n in names if "1" in n)
    found, resp, err = client.zia.bandwidth_classes.list_classes(query_params={"search": "1", "page_size": 10})
    assert err is None
    got = [c.name for c in found]
    while resp.has_next():
        more, resp, err = resp.next()
        got += [c.name for c in more or []]
    assert sorted(got) == wanted and len(wanted) < len(names)
    sent = [r for r in sim.requests if r.path == "/zia/api/v1/bandwidthClasses"]
    assert len(sent) == 3 and all("search" not in r.query for r in sent)
