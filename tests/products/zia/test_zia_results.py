"""ZIA methods whose official result is not ``(result, response, error)``: audit log reports,
the closest diverse VIPs, the URL quota, proxy gateways."""

from __future__ import annotations

import logging

import pytest

from helpers import api_requests
from zscaler.errors import ZscalerAPIError


def test_audit_log_report_methods_return_bare_values(client, sim):
    created = client.zia.audit_logs.create(1700000000000, 1700003600000)
    assert type(created) is int and 200 <= created < 300
    assert type(client.zia.audit_logs.get_status()) is dict
    cancelled = client.zia.audit_logs.cancel()  # the official reads a missing attribute here; this is the status
    assert type(cancelled) is int and 200 <= cancelled < 300
    post = [r for r in api_requests(sim, "/auditlogEntryReport") if r.method == "POST"][-1]
    assert post.json() == {"startTime": 1700000000000, "endTime": 1700003600000}


def test_audit_log_error_is_none_and_logged(client, sim, caplog):
    sim.fault(path="*/auditlogEntryReport", method="POST", status=400, body={"code": "BAD", "message": "no"})
    with caplog.at_level(logging.ERROR, logger="zscaler.client"):
        assert client.zia.audit_logs.create(2, 1) is None
    assert any("zia.audit_logs.create" in r.getMessage() for r in caplog.records)


def test_closest_diverse_vips_is_a_bare_pair_or_a_value_error(client, sim):
    pair = client.zia.gre_tunnel.get_closest_diverse_vip_ids("203.0.113.9")
    assert type(pair) is tuple and len(pair) == 2
    primary, secondary = pair
    assert (primary, secondary) == (1001, 1003)  # San Jose, then the closest VIP in another city
    sim.fault(path="*/vips/recommendedList", status=400, body={"code": "BAD", "message": "bad ip"})
    with pytest.raises(ValueError, match="Error fetching recommended VIPs") as info:
        client.zia.gre_tunnel.get_closest_diverse_vip_ids("x")
    assert isinstance(info.value.__cause__, ZscalerAPIError)
    sim.fault(path="*/vips/recommendedList", status=200, body=[{"id": 1, "city": "A"}, {"id": 2, "city": "A"}])
    with pytest.raises(ValueError, match="No diverse VIPs"):
        client.zia.gre_tunnel.get_closest_diverse_vip_ids("203.0.113.9")
    sim.fault(path="*/vips/recommendedList", status=200, body=[])
    with pytest.raises(ValueError, match="No VIPs found"):
        client.zia.gre_tunnel.get_closest_diverse_vip_ids("203.0.113.9")


def test_quota_is_a_bare_dict(client, sim):
    quota = client.zia.url_categories.get_quota()
    assert type(quota) is dict


def test_proxy_gateways_three_values_or_none(client, sim):
    out = client.zia.proxies.list_proxy_gateways()
    assert len(out) == 3 and isinstance(out[0], list) and out[2] is None
    sim.fault(path="*/proxyGateways", status=400, body={"code": "BAD", "message": "no"})
    assert client.zia.proxies.list_proxy_gateways() is None


def test_web_privacy_none_on_error(client, sim, caplog):
    sim.fault(path="*/getWebPrivacyInfo", status=400, body={"errorMessage": "nope"})
    with caplog.at_level(logging.ERROR, logger="zscaler.client"):
        assert client.zcc.web_privacy.get_web_privacy() is None
    assert any("zcc.web_privacy.get_web_privacy" in r.getMessage() for r in caplog.records)


def test_custom_file_type_count_is_an_int(client, sim):
    count, _, err = client.zia.custom_file_types.get_custom_file_type_count()
    assert err is None and count == 0 and type(count) is int
    client.zia.custom_file_types.add_custom_file_type(name="ft", extension="abc").unwrap()
    assert client.zia.custom_file_types.get_custom_file_type_count().result == 1
    sim.fault(path="*/customFileTypes/count", status=200, body={"count": "7"})
    assert client.zia.custom_file_types.get_custom_file_type_count().result == 7
    sim.fault(path="*/customFileTypes/count", status=200, body={"unexpected": True})
    count, _, err = client.zia.custom_file_types.get_custom_file_type_count()
    assert count is None and err is not None and "count" in str(err)


def test_ips_signature_export_is_the_csv_file_the_official_client_accepts(client, sim, tmp_path):
    client.zia.ips_signature_rules.add_ips_signature_rule(name="r1", signature_rule="alert tcp any any",
                                                          threat_category="x", description='say "hi"').unwrap()
    name = client.zia.ips_signature_rules.export_custom_ips_signatures(filename=str(tmp_path / "sigs.csv"))
    lines = (tmp_path / "sigs.csv").read_text().splitlines()
    assert name == str(tmp_path / "sigs.csv")
    assert lines[0] == '"Name","Signature Rule","Threat Category","Description","Status"'
    assert lines[1].startswith('"r1","alert tcp any any","x","say ""hi"""')
    assert sim.requests[-1].status == 200
