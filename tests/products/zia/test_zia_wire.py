"""ZIA wire format: what goes out for rules, id lists, irregular keys, paging, search and URL lists."""

from __future__ import annotations

import pytest

from zscaler import catalog
from zscaler.catalog import zia_hooks

from helpers import api_requests

ZIA = catalog.load("zia")
STATE_OPS = [(r.attribute, o.name) for r, o in ZIA.ops() if o.enabled_to_state]
STATUS_OPS = [(r.attribute, o.name) for r, o in ZIA.ops() if o.hook is zia_hooks.enabled_to_status]
SEARCH_OPS = [(r.attribute, o.name) for r, o in ZIA.ops() if o.client_search]


def _write(client, attribute, method, **kwargs):
    op = ZIA.resource(attribute).op(method)
    args = [next(iter(op.maps.get(p.name, ["1"]))) for p in op.params
            if p.required and p.kind == "positional_or_keyword" and p.name not in kwargs]
    return getattr(getattr(client.zia, attribute), method)(*args, **kwargs)


def test_inventory_rule_methods_all_map_enabled_to_state():
    # the inventory lists 31 rule add/update methods reading `enabled` and writing `state`
    assert len(STATE_OPS) == 31 and len(STATUS_OPS) == 4


@pytest.mark.parametrize("attribute,name", STATE_OPS, ids=[f"{a}.{n}" for a, n in STATE_OPS])
def test_rule_enabled_goes_out_as_state(client, sim, attribute, name):
    for enabled, state in ((True, "ENABLED"), (False, "DISABLED")):
        _write(client, attribute, name, name="R", enabled=enabled)
        body = [r for r in api_requests(sim) if r.method in ("POST", "PUT")][-1].json()
        assert body["state"] == state and "enabled" not in body


@pytest.mark.parametrize("attribute,name", STATUS_OPS, ids=[f"{a}.{n}" for a, n in STATUS_OPS])
def test_vzen_enabled_goes_out_as_status(client, sim, attribute, name):
    _write(client, attribute, name, name="V", enabled=False)
    body = [r for r in api_requests(sim) if r.method in ("POST", "PUT")][-1].json()
    assert body["status"] == "DISABLED" and "enabled" not in body and "state" not in body


def test_explicit_state_wins_and_bad_enabled_is_refused(client, sim):
    client.zia.url_filtering.add_rule(name="R", enabled=True, state="DISABLED")
    assert api_requests(sim)[-1].json()["state"] == "DISABLED"
    with pytest.raises(ValueError, match="enabled must be True or False"):
        client.zia.url_filtering.add_rule(name="R", enabled="yes")


def test_id_lists_become_id_objects_with_integer_ids(client, sim):
    rule, _, err = client.zia.cloud_firewall_rules.add_rule(
        name="FW", order=1, src_ip_groups=["12", 13, "ip-abc"], locations=[{"id": "7"}], labels=["3"])
    assert err is None
    body = api_requests(sim)[-1].json()
    assert body["srcIpGroups"] == [{"id": 12}, {"id": 13}, {"id": "ip-abc"}]
    assert body["locations"] == [{"id": 7}] and body["labels"] == [{"id": 3}]
    assert rule.src_ip_groups[0].id == 12


def test_url_filtering_keeps_url_categories_by_name(client, sim):
    client.zia.url_filtering.add_rule(name="U", order=1, url_categories=["OTHER_ADULT_MATERIAL"], groups=["5"])
    body = api_requests(sim)[-1].json()
    assert body["urlCategories"] == ["OTHER_ADULT_MATERIAL"] and body["groups"] == [{"id": 5}]


def test_irregular_keys_surrogate_ip_and_ssl_bypass(client, sim):
    client.zia.locations.add_location(name="HQ", surrogate_ip=True, ip_addresses=["203.0.113.1"],
                                      surrogate_ip_enforced_for_known_browsers=True)
    body = api_requests(sim)[-1].json()
    assert body["surrogateIP"] is True and body["surrogateIPEnforcedForKnownBrowsers"] is True
    client.zia.advanced_settings.update_advanced_settings(
        enable_evaluate_policy_on_global_ssl_bypass=True, enforce_surrogate_ip_for_windows_app=True)
    body = api_requests(sim)[-1].json()
    assert body == {"enableEvaluatePolicyOnGlobalSSLBypass": True, "enforceSurrogateIpForWindowsApp": True}


def test_list_paging_is_page_and_page_size(client, sim):
    for i in range(5):
        client.zia.rule_labels.add_label(name=f"L{i}").unwrap()
    sim.clear_requests()
    labels, resp, err = client.zia.rule_labels.list_labels(query_params={"page": 1, "page_size": 2})
    assert err is None and [x.name for x in labels] == ["L0", "L1"]
    assert api_requests(sim)[-1].query == {"page": ["1"], "pageSize": ["2"]}
    assert resp.has_next()
    more, _, _ = resp.next()
    assert [x.name for x in more] == ["L2", "L3"] and api_requests(sim)[-1].query["page"] == ["2"]


def test_server_side_search_is_sent(client, sim):
    client.zia.rule_labels.add_label(name="Alpha").unwrap()
    client.zia.rule_labels.add_label(name="Beta").unwrap()
    labels, _, _ = client.zia.rule_labels.list_labels(query_params={"search": "alp"})
    assert [x.name for x in labels] == ["Alpha"] and api_requests(sim)[-1].query == {"search": ["alp"]}


def test_inventory_client_side_search_methods():
    assert len(SEARCH_OPS) == 28


@pytest.mark.parametrize("attribute,name", SEARCH_OPS, ids=[f"{a}.{n}" for a, n in SEARCH_OPS])
def test_client_side_search_is_not_sent(client, sim, attribute, name):
    op = ZIA.resource(attribute).op(name)
    args = {"rule_type": "OFLCASB_DLP_ITSM"} if any(p.name == "rule_type" for p in op.params) else {}
    _, _, err = getattr(getattr(client.zia, attribute), name)(query_params={"search": "x", "page_size": 5}, **args)
    assert err is None
    assert api_requests(sim)[-1].query.get("search") is None and api_requests(sim)[-1].query["pageSize"] == ["5"]


def test_client_side_search_filters_by_name(client, sim):
    for name in ("Block Social", "Allow social media", "Other"):
        client.zia.cloud_firewall_dns.add_rule(name=name, enabled=True).unwrap()
    rules, _, err = client.zia.cloud_firewall_dns.list_rules(query_params={"search": "SOCIAL"})
    assert err is None and [r.name for r in rules] == ["Block Social", "Allow social media"]
    everything, _, _ = client.zia.cloud_firewall_dns.list_rules()
    assert len(everything) == 3


def test_client_side_search_matches_url_category_configured_name(client, sim):
    client.zia.url_categories.add_url_category(super_category="USER_DEFINED", configured_name="Partner Sites",
                                               urls=["partner.example"]).unwrap()
    cats, _, _ = client.zia.url_categories.list_categories(query_params={"search": "partner"})
    assert [c.configured_name for c in cats] == ["Partner Sites"] and cats[0].id.startswith("CUSTOM_")


def test_rules_get_the_next_order_when_none_is_given(client, sim):
    first = client.zia.ssl_inspection_rules.add_rule(name="A").unwrap()
    second = client.zia.ssl_inspection_rules.add_rule(name="B").unwrap()
    fixed = client.zia.ssl_inspection_rules.add_rule(name="C", order=9).unwrap()
    assert (first.order, second.order, fixed.order) == (1, 2, 9) and first.rank == 7


# ------------------------------------------------------------------ URL category list actions

def test_add_and_remove_urls_use_list_actions(client, sim):
    cat = client.zia.url_categories.add_url_category(
        super_category="USER_DEFINED", configured_name="Mine", urls=["a.example", "b.example"]).unwrap()
    added, _, err = client.zia.url_categories.add_urls_to_category(cat.id, configured_name="Mine",
                                                                   urls=["c.example"])
    assert err is None and added.urls == ["a.example", "b.example", "c.example"]
    put = api_requests(sim)[-1]
    assert put.method == "PUT" and put.path == f"/zia/api/v1/urlCategories/{cat.id}"
    assert put.query == {"action": ["ADD_TO_LIST"]} and put.json() == {"configuredName": "Mine", "urls": ["c.example"]}
    removed, _, err = client.zia.url_categories.delete_urls_from_category(cat.id, configured_name="Mine",
                                                                          urls=["a.example"])
    assert err is None and removed.urls == ["b.example", "c.example"]
    assert api_requests(sim)[-1].query == {"action": ["REMOVE_FROM_LIST"]}


def test_update_url_category_action_is_validated_and_sent(client, sim):
    cat = client.zia.url_categories.add_url_category(super_category="USER_DEFINED", configured_name="X",
                                                     urls=["x.example"]).unwrap()
    updated, _, err = client.zia.url_categories.update_url_category(cat.id, action="ADD_TO_LIST",
                                                                    configured_name="X", urls=["y.example"])
    assert err is None and updated.urls == ["x.example", "y.example"]
    assert api_requests(sim)[-1].query == {"action": ["ADD_TO_LIST"]}


# ------------------------------------------------------------------ URL lookup and review, in batches

def test_lookup_sends_batches_of_100_and_concatenates(client, sim):
    cat = client.zia.url_categories.add_url_category(super_category="USER_DEFINED", configured_name="Batch",
                                                     urls=["batch.example"]).unwrap()
    urls = [f"h{i}.batch.example" for i in range(250)] + ["malware.test"]
    sim.clear_requests()
    out = client.zia.url_categories.lookup(urls)
    assert type(out) is tuple and len(out) == 2  # (results, error), as the official SDK
    results, err = out
    assert err is None and isinstance(results, list)
    sent = api_requests(sim, "/urlLookup")
    assert [len(r.json()) for r in sent] == [100, 100, 51] and all(r.method == "POST" for r in sent)
    assert sum((r.json() for r in sent), []) == urls
    assert [r["url"] for r in results] == urls
    assert results[0]["urlClassifications"] == [cat.id]
    assert results[-1]["urlClassificationsWithSecurityAlert"] == ["MALWARE_SITE"]


def test_the_simulator_enforces_the_100_url_limit(sim):
    import httpx

    from zscaler import ZscalerClient

    with ZscalerClient(sim.oneapi_config()) as c:
        token = c.get_request_executor().provider.headers()["Authorization"]
    resp = httpx.post(sim.url + "/zia/api/v1/urlLookup", json=[f"u{i}.example" for i in range(101)],
                      headers={"Authorization": token})
    assert resp.status_code == 400 and "at most 100" in resp.text


def test_lookup_of_nothing_sends_nothing_and_bad_input_is_refused(client, sim):
    assert client.zia.url_categories.lookup([]) == ([], None)
    assert api_requests(sim) == []
    with pytest.raises(TypeError, match="urls must be a list of URL strings"):
        client.zia.url_categories.lookup("example.com")


def test_lookup_error_in_a_later_batch_is_returned(client, sim):
    results, err = client.zia.url_categories.lookup([f"e{i}.example" for i in range(100)] + [5])
    assert results is None and err is not None and err.status_code == 400
    assert len(api_requests(sim, "/urlLookup")) == 2


@pytest.mark.parametrize("method,verb", [("review_domains_post", "POST"), ("review_domains_put", "PUT")])
def test_review_domains_batches(client, sim, method, verb):
    domains = [f"d{i}.example" for i in range(120)]
    result = getattr(client.zia.url_categories, method)(domains)
    assert isinstance(result, list)  # the bare list, as the official SDK
    sent = api_requests(sim, "/review/domains")
    assert [(r.method, len(r.json())) for r in sent] == [(verb, 100), (verb, 20)]


def test_review_domains_leaves_a_refused_batch_out_and_logs_it(client, sim, caplog):
    client.zia.url_categories.add_url_category(super_category="USER_DEFINED", configured_name="Rev",
                                               urls=["d0.example"]).unwrap()
    with caplog.at_level("ERROR", logger="zscaler.client"):
        result = client.zia.url_categories.review_domains_post([f"d{i}.example" for i in range(100)] + [5])
    assert [r["url"] for r in result] == ["d0.example"]  # the first batch's answer is kept
    assert len(api_requests(sim, "/review/domains")) == 2
    (record,) = [r for r in caplog.records if "review_domains" in r.getMessage()]
    assert "1 URLs failed" in record.getMessage() and "400" in record.getMessage()


def test_id_suffixed_keywords_map_to_their_wire_keys(client, sim):
    client.zia.bandwidth_control_rules.add_rule(name="BW", order=1, bandwidth_class_ids=["5", "6"])
    assert api_requests(sim)[-1].json()["bandwidthClasses"] == [{"id": 5}, {"id": 6}]
    client.zia.cloud_firewall_rules.add_rule(name="FW", order=1, nw_service_groups=["9"],
                                             dest_ipv6_groups=["10"], workload_groups=[{"id": 11, "name": "w"}])
    body = api_requests(sim)[-1].json()
    assert body["nwServiceGroups"] == [{"id": 9}] and body["destIpv6Groups"] == [{"id": 10}]
    assert body["workloadGroups"] == [{"id": 11, "name": "w"}]


def test_irregular_field_names_reach_the_wire_as_the_official_sdk_sends_them():
    """... except where the official SDK misspells the key (API_SPELLINGS): then as the API spells it."""
    import json
    from pathlib import Path

    from zscaler._case_tables import API_SPELLINGS
    from zscaler.model import to_wire

    rules = Path(__file__).resolve().parents[4] / "shared" / "zscaler-api" / "inventory" / "body-rules.json"
    if not rules.exists():
        pytest.skip("inventory not available")
    pairs = [p for p in json.loads(rules.read_text())["irregular_field_names"]["pairs"] if "zia" in p["products"]]
    assert len(pairs) > 50
    assert [p["attr"] for p in pairs if to_wire(p["attr"]) != API_SPELLINGS.get(p["attr"], p["sdk_sends"])] == []
    assert [p["attr"] for p in pairs if p["attr"] in API_SPELLINGS and to_wire(p["attr"]) != p["wire"]] == []


def test_endpoint_dlp_resource_groups_listed_by_channel(client, sim):
    added, _, err = client.zia.endpoint_dlp_resource_groups.add_group(name="laptops", channel="USB")
    assert err is None and added.name == "laptops"
    client.zia.endpoint_dlp_resource_groups.add_group(name="printers", channel="PRINTER")
    usb, _, err = client.zia.endpoint_dlp_resource_groups.list_resource_group_tags("USB")
    assert err is None and [g.name for g in usb] == ["laptops"]
    assert api_requests(sim)[-1].path.endswith("/endPointDlpResourceGroups/USB")
    updated, _, err = client.zia.endpoint_dlp_resource_groups.update_group(added.id, name="laptops-2", channel="USB")
    assert err is None and updated.name == "laptops-2"
    assert client.zia.endpoint_dlp_resource_groups.delete_group(added.id).error is None
    assert client.zia.endpoint_dlp_resource_groups.list_resource_group_tags("USB").result == []
