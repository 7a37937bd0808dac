"""``zscaler.tools.export``: files, manifest, canonical bytes, secrets, skipped and failed resources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PRODUCTS, files
from tenant_seed import PSK

from helpers import api_requests
from zscaler import tools


def test_an_export_is_one_sorted_file_per_resource_and_a_manifest(export_a: Path) -> None:
    manifest = json.loads((export_a / "manifest.json").read_text())
    assert manifest["format"] == "zscaler-tenant-export" and manifest["mode"] == "same-tenant"
    assert manifest["secrets"] == "placeholder" and manifest["tenant"]["vanityDomain"] == "simulator"
    groups = manifest["resources"]["zpa/segment_groups"]
    assert groups == {"count": 2, "kind": "collection", "path": groups["path"], "status": "ok", "writable": True}
    names = [r["name"] for r in json.loads((export_a / "zpa/segment_groups.json").read_text())]
    assert names == ["Finance", "Web Apps"]  # sorted by identity
    rules = json.loads((export_a / "zpa/policies.ACCESS_POLICY.json").read_text())
    assert [r["name"] for r in rules] == ["Allow Intranet", "Allow Payroll", "Default Deny"]  # rule order
    fw = json.loads((export_a / "zia/cloud_firewall_rules.json").read_text())
    assert [(r["name"], r["order"]) for r in fw] == [("Partners DNS", 1), ("Block Rest", 2)]
    # the order of the manifest puts what is referred to first
    order = manifest["order"]
    assert order.index("zpa/segment_groups") < order.index("zpa/application_segment") \
        < order.index("zpa/policies.ACCESS_POLICY")
    assert order.index("zia/url_categories") < order.index("zia/url_filtering.urlFilteringRules")
    assert order.index("zia/cloud_firewall.ipDestinationGroups") < order.index("zia/cloud_firewall_rules")
    assert order.index("ztw/ip_destination_groups") < order.index("ztw/forwarding_rules")


def test_volatile_fields_are_left_out_and_lists_sorted(export_a: Path) -> None:
    text = "".join(f.read_text() for f in export_a.rglob("*.json") if f.name != "manifest.json")
    for volatile in ('"modifiedTime"', '"creationTime"', '"modifiedBy"', '"lastModifiedTime"', '"lastModifiedBy"'):
        assert volatile not in text
    seg = {r["name"]: r for r in json.loads((export_a / "zpa/application_segment.json").read_text())}
    assert seg["Intranet"]["domainNames"] == ["intranet.acme.com", "wiki.acme.com"]
    assert seg["Intranet"]["tcpPortRanges"] == ["80", "80", "443", "443"]  # pairs: order kept


def test_two_exports_of_an_unchanged_tenant_are_byte_identical(tenant_a, export_a: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    tools.export(tenant_a[1], str(again), PRODUCTS)
    assert files(again) == files(export_a)
    assert len(files(export_a)) > 100


def test_secrets_never_reach_an_export_by_default(tenant_a, export_a: Path) -> None:
    sim = tenant_a[0]
    keys = [o["provisioningKey"] for k, c in sim.engine.store.collections.items() if "provisioningKey" in k
            for o in c.values()]
    assert keys and all(len(k) > 10 for k in keys)
    text = "".join(f.read_text() for f in export_a.rglob("*.json"))
    assert PSK not in text
    for k in keys:
        assert k not in text
    cred = json.loads((export_a / "zia/traffic_vpn_credentials.json").read_text())[0]
    assert cred["preSharedKey"] == "${secret:zia/traffic_vpn_credentials:branch1@acme.com:preSharedKey}"
    pk = json.loads((export_a / "zpa/provisioning.CONNECTOR_GRP.json").read_text())[0]
    assert pk["provisioningKey"] == "${secret:zpa/provisioning.CONNECTOR_GRP:PK East:provisioningKey}"


@pytest.mark.parametrize("mode", ["omit", "keep"])
def test_secret_modes(tenant_a, tmp_path: Path, mode: str) -> None:
    tools.export(tenant_a[1], str(tmp_path / mode), ["zia"], only=["zia/traffic_vpn_credentials"], secrets=mode)
    cred = json.loads((tmp_path / mode / "zia/traffic_vpn_credentials.json").read_text())[0]
    # the API never answers a VPN credential's pre-shared key: there is nothing to keep, and only the
    # placeholder mode marks the field apply must be given
    assert "preSharedKey" not in cred


def test_an_unlicensed_feature_is_skipped_and_the_rest_completes(fresh, tmp_path: Path) -> None:
    sim, client = fresh
    sim.fault(path="*/segmentGroup*", status=403, times=None, body={"id": "authz.featureflag.disabled"})
    sim.fault(path="/zia/api/v1/ruleLabels*", status=404, times=None)
    res = tools.export(client, str(tmp_path / "e"), ["zpa", "zia"])
    assert res.exit_code == 0
    assert {e.key for e in res.skipped} == {"zpa/segment_groups", "zia/rule_labels"}
    manifest = json.loads((tmp_path / "e/manifest.json").read_text())
    assert manifest["resources"]["zpa/segment_groups"]["status"] == "skipped"
    assert "403" in manifest["resources"]["zpa/segment_groups"]["reason"]
    assert not (tmp_path / "e/zpa/segment_groups.json").exists()
    assert not (tmp_path / "e/errors.json").exists()
    ok = [e for e in res.entries if e.status == "ok"]
    assert len(ok) == len(res.entries) - 2 and (tmp_path / "e/zpa/server_groups.json").exists()


def test_other_failures_are_listed_in_errors_json_with_a_distinct_exit_code(fresh, tmp_path: Path) -> None:
    sim, client = fresh
    sim.fault(path="*/serverGroup*", status=500, times=None)
    res = tools.export(client, str(tmp_path / "e"), ["zpa"])
    assert res.exit_code == 6
    errors = json.loads((tmp_path / "e/errors.json").read_text())
    assert [e["key"] for e in errors] == ["zpa/server_groups"] and "500" in errors[0]["reason"]
    assert (tmp_path / "e/zpa/segment_groups.json").exists()


def test_every_page_of_every_listing_is_read(fresh, tmp_path: Path) -> None:
    sim, client = fresh
    sim.seed("zia", "rule_labels", 1234)
    sim.seed("zpa", "segment_groups", 777)
    res = tools.export(client, str(tmp_path / "e"), ["zpa", "zia"], only=["zia/rule_labels", "zpa/segment_groups"])
    counts = {e.key: e.count for e in res.entries}
    assert counts == {"zia/rule_labels": 1234, "zpa/segment_groups": 777}
    assert len(json.loads((tmp_path / "e/zia/rule_labels.json").read_text())) == 1234
    assert len(api_requests(sim, "/ruleLabels")) > 1 and len(api_requests(sim, "/segmentGroup")) > 1


def test_progress_is_reported_per_resource(fresh, tmp_path: Path) -> None:
    seen: list[tuple[str, str]] = []
    tools.export(fresh[1], str(tmp_path / "e"), ["zpa"], only=["zpa/segment_groups", "zpa/servers"],
                 progress=lambda key, i, n, count, state: seen.append((key, state)))
    assert ("zpa/segment_groups", "ok") in seen and ("zpa/servers", "ok") in seen
    assert seen[0][1] == "reading"


def test_an_export_never_writes_over_a_directory_that_is_not_one(fresh, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ValueError, match="not empty and not an earlier export"):
        tools.export(fresh[1], str(tmp_path), ["zpa"])
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_unknown_product_and_modes_are_named(fresh, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="product 'zzz' is not known"):
        tools.export(fresh[1], str(tmp_path / "x"), ["zzz"])
    with pytest.raises(ValueError, match="secrets: 'plain' is not accepted; use one of placeholder, omit, keep"):
        tools.export(fresh[1], str(tmp_path / "x"), ["zpa"], secrets="plain")


def test_an_unknown_resource_key_is_named(fresh, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="zpa/segment_gruops: not a resource key of zpa"):
        tools.export(fresh[1], str(tmp_path / "x"), ["zpa"], only=["zpa/segment_gruops"])
