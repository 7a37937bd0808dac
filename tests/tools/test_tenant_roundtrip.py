"""Plan and apply against the simulator: round trips, cross-tenant copies, secrets, prune, rule order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import PRODUCTS, files
from tenant_seed import PSK

from helpers import api_requests
from zscaler import tools
from zscaler.tools.planner import PlanError

VPN = "zia/traffic_vpn_credentials:branch1@acme.com:preSharedKey"
SECRETS = {VPN: PSK}


def kinds(plan) -> list[tuple[str, str, str]]:
    return [(a.kind, a.resource, a.record) for a in plan.actions]


def test_export_wipe_apply_export_gives_no_diff(tenant_a, export_a: Path, fresh, tmp_path: Path) -> None:
    sim, client = fresh
    shutil.rmtree(tmp_path, ignore_errors=True)
    # tenant A's state in this simulator, then wiped: only the predefined objects are left
    first = tools.apply(client, str(export_a), secrets=SECRETS)
    assert first.ok, first.failed
    sim.reset()
    p = tools.plan(client, str(export_a))
    assert ("create", "zpa/segment_groups", "Web Apps") in kinds(p)
    assert ("create", "zia/url_filtering.urlFilteringRules", "Block Sites") in kinds(p)
    assert ("settings", "zia/advanced_settings", "settings") in kinds(p)
    assert kinds(p)[-2:] == [("activate", "zia", ""), ("activate", "ztw", "")]
    res = tools.apply(client, p, secrets=SECRETS)
    assert res.ok, res.failed
    assert PSK not in repr(res) and PSK not in repr(p) and PSK not in p.render()
    after = tmp_path / "after"
    tools.export(client, str(after), PRODUCTS)
    d = tools.diff(str(export_a), str(after))
    assert not d.drift, d.render()
    assert sim.activation_status("zia") == "ACTIVE" and sim.activation_status("ztw") == "ACTIVE"
    # the records refer to the new ids: the segment's group is the re-created one
    seg = {r["name"]: r for r in json.loads((after / "zpa/application_segment.json").read_text())}
    groups = {r["name"]: r["id"] for r in json.loads((after / "zpa/segment_groups.json").read_text())}
    assert seg["Intranet"]["segmentGroupId"] == groups["Web Apps"]
    # apply again: nothing to do, nothing sent
    sim.clear_requests()
    again = tools.plan(client, str(export_a))
    assert again.changes == [] and "no changes" in again.render()
    assert tools.apply(client, again).ok
    assert [r for r in api_requests(sim) if r.method != "GET"] == []


def test_a_cross_tenant_copy_exports_equal(export_a: Path, tenant_a, fresh, tmp_path: Path) -> None:
    a_cross, b_cross = tmp_path / "a", tmp_path / "b"
    tools.export(tenant_a[1], str(a_cross), PRODUCTS, mode="cross-tenant")
    text = (a_cross / "zpa/application_segment.json").read_text()
    assert '"id"' not in text.replace('"id": {', "")
    assert '"$ref": "zpa/segment_groups"' in text and '"name": "Web Apps"' in text
    res = tools.apply(fresh[1], str(a_cross), secrets=SECRETS)
    assert res.ok, res.failed
    tools.export(fresh[1], str(b_cross), PRODUCTS, mode="cross-tenant")
    assert files(b_cross) == files(a_cross)
    # and the same-tenant export applies to the other tenant too (ids mapped by name)
    assert tools.plan(fresh[1], str(export_a)).changes == []


def test_a_secret_placeholder_refuses_its_record_with_a_clear_error(export_a: Path, fresh) -> None:
    res = tools.apply(fresh[1], str(export_a))
    failed = {(a.resource, a.record): why for a, why in res.failed}
    why = failed[("zia/traffic_vpn_credentials", "branch1@acme.com")]
    assert "field 'preSharedKey' holds the secret placeholder" in why and f"--secret '{VPN}=VALUE'" in why
    assert "which the target tenant does not have" in failed[("zia/locations.locations", "Branch 1")]
    assert len(res.failed) == 2  # the rest applied; a generated secret (provisioning key) is not refused
    assert any(a.resource == "zpa/provisioning.CONNECTOR_GRP" for a in res.done)
    assert PSK not in repr(res.failed)


def test_prune_deletes_what_the_export_lacks_and_only_then(export_a: Path, fresh) -> None:
    sim, client = fresh
    assert tools.apply(client, str(export_a), secrets=SECRETS).ok
    client.zpa.segment_groups.add_group(name="Stray", enabled=True)
    client.zia.rule_labels.add_label(name="Stray label")
    kept = tools.plan(client, str(export_a))
    assert kept.changes == [] and ("zpa/segment_groups", "Stray") in kept.kept
    pruned = tools.plan(client, str(export_a), prune=True)
    assert kinds(pruned) == [("delete", "zpa/segment_groups", "Stray"), ("delete", "zia/rule_labels", "Stray label"),
                             ("activate", "zia", "")] or \
        sorted(kinds(pruned)[:2]) == [("delete", "zia/rule_labels", "Stray label"),
                                      ("delete", "zpa/segment_groups", "Stray")]
    assert tools.apply(client, pruned).ok
    names = [g.name for g in client.zpa.segment_groups.list_groups()[0]]
    assert "Stray" not in names and "Web Apps" in names


def test_rule_order_is_reconciled(export_a: Path, fresh) -> None:
    sim, client = fresh
    assert tools.apply(client, str(export_a), secrets=SECRETS).ok
    rules = client.zpa.policies.list_rules("ACCESS_POLICY")[0]
    deny = next(r for r in rules if r.name == "Default Deny")
    _, _, err = client.zpa.policies.reorder_rule(policy_type="ACCESS_POLICY", rule_id=deny.id, rule_order="1")
    assert err is None
    fw = {r.name: r for r in client.zia.cloud_firewall_rules.list_rules()[0]}
    client.zia.cloud_firewall_rules.update_rule(fw["Block Rest"].id, **{**fw["Block Rest"].request_format(),
                                                                        "order": 5})
    p = tools.plan(client, str(export_a))
    assert ("reorder", "zpa/policies.ACCESS_POLICY", "") in kinds(p)
    assert ("update", "zia/cloud_firewall_rules", "Block Rest") in kinds(p)
    assert tools.apply(client, p).ok
    after = client.zpa.policies.list_rules("ACCESS_POLICY")[0]
    assert [r.name for r in sorted(after, key=lambda r: int(r.rule_order))] == \
        ["Allow Intranet", "Allow Payroll", "Default Deny"]
    assert tools.plan(client, str(export_a)).changes == []


def test_a_one_field_change_is_one_update(export_a: Path, fresh, tmp_path: Path) -> None:
    sim, client = fresh
    assert tools.apply(client, str(export_a), secrets=SECRETS).ok
    changed = tmp_path / "changed"
    shutil.copytree(export_a, changed)
    f = changed / "zpa/segment_groups.json"
    groups = json.loads(f.read_text())
    groups[1]["description"] = "intranet and wiki"
    f.write_text(json.dumps(groups))
    p = tools.plan(client, str(changed))
    assert kinds(p) == [("update", "zpa/segment_groups", "Web Apps")]
    assert [(c.path, c.old, c.new) for c in p.actions[0].fields] == [("description", "intranet", "intranet and wiki")]
    assert tools.apply(client, p).ok
    assert {g.name: g.description for g in client.zpa.segment_groups.list_groups()[0]}["Web Apps"] == \
        "intranet and wiki"


def test_bad_sources_are_named(export_a: Path, fresh, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a tenant export"):
        tools.plan(fresh[1], str(tmp_path))
    with pytest.raises(ValueError, match="zpa/nothing: not exported in"):
        tools.plan(fresh[1], str(export_a), only=["zpa/nothing"])
    assert issubclass(PlanError, ValueError)


def test_apply_waits_out_the_zia_edit_lock(export_a: Path, fresh) -> None:
    sim, client = fresh
    sim.edit_lock(2)  # another admin holds the lock for the first two writes
    res = tools.apply(client, str(export_a), secrets=SECRETS, only=["zia/rule_labels", "zia/url_categories"])
    assert res.ok, res.failed
    assert sim.edit_lock_remaining == 0
    assert [r.status for r in api_requests(sim, "/ruleLabels") if r.method == "POST"][:3] == [409, 409, 200]
