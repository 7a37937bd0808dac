"""``zscaler export`` / ``diff`` / ``plan`` / ``apply`` on the command line, against the simulator."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from conftest import PRODUCTS
from tenant_seed import PSK

from zscaler.cli.main import cli

ENV_KEYS = ("clientId", "clientSecret", "vanityDomain", "customerId", "apiBaseUrl", "tokenUrl")


def run(sim: Any, *args: str) -> Any:
    env = {f"ZSCALER_{k}": None for k in ("PROFILE", "OUTPUT")}
    env.update(sim.environ() if sim is not None else {})
    env.update({"ZSCALER_RATE_LIMIT_BACKOFF_BASE": "0.01", "ZSCALER_RATE_LIMIT_BACKOFF_MAX": "0.05"})
    return CliRunner().invoke(cli, list(args), env=env, prog_name="zscaler")


@pytest.fixture
def changed(export_a: Path, tmp_path: Path) -> Path:
    """The export with one field changed."""
    out = tmp_path / "changed"
    shutil.copytree(export_a, out)
    f = out / "zia/rule_labels.json"
    labels = json.loads(f.read_text())
    labels[0]["description"] = "reviewed monthly"
    f.write_text(json.dumps(labels, indent=2))
    return out


def test_diff_fail_on_drift_exits_non_zero_on_a_one_field_change(export_a: Path, changed: Path) -> None:
    same = run(None, "diff", str(export_a), str(export_a), "--fail-on-drift")
    assert same.exit_code == 0 and "no drift" in same.output
    drift = run(None, "diff", str(export_a), str(changed), "--fail-on-drift")
    assert drift.exit_code == 7, drift.output
    assert "zia/rule_labels\n  ~ Audit\n      description: \"reviewed quarterly\" -> \"reviewed monthly\"" in drift.output
    assert "0 added, 0 removed, 1 changed in 1 resource(s)" in drift.output
    assert run(None, "diff", str(export_a), str(changed)).exit_code == 0  # drift alone is no failure


def test_diff_json_has_the_documented_shape(export_a: Path, changed: Path) -> None:
    res = run(None, "diff", str(export_a), str(changed), "--json")
    doc = json.loads(res.output)
    assert doc["format"] == "zscaler-tenant-diff" and doc["version"] == 1 and doc["mode"] == "cross-tenant"
    assert doc["summary"] == {"added": 0, "removed": 0, "changed": 1, "resources": 1}
    assert doc["changes"] == [{"resource": "zia/rule_labels", "record": "Audit", "change": "changed",
                               "fields": [{"path": "description", "old": "reviewed quarterly",
                                           "new": "reviewed monthly"}]}]
    assert doc["unreadable"] == []


def test_diff_against_the_live_tenant(tenant_a, export_a: Path, changed: Path) -> None:
    sim = tenant_a[0]
    assert run(sim, "diff", str(export_a), "live", "--fail-on-drift").exit_code == 0
    res = run(sim, "diff", "live", str(changed), "--fail-on-drift", "--json")
    assert res.exit_code == 7
    assert json.loads(res.output)["summary"]["changed"] == 1


def test_export_plan_apply_on_the_command_line(tenant_a, fresh, tmp_path: Path) -> None:
    out = tmp_path / "e"
    res = run(tenant_a[0], "export", str(out), *[a for p in PRODUCTS for a in ("--product", p)])
    assert res.exit_code == 0, res.output
    assert "skipped, 0 failed" in res.output and res.stderr_bytes in (None, b"")  # no progress off a terminal
    sim_b = fresh[0]
    plan = run(sim_b, "plan", str(out))
    assert plan.exit_code == 0 and "+ create   zpa/segment_groups Web Apps" in plan.output
    refused = run(sim_b, "apply", str(out))
    assert refused.exit_code == 6 and "holds the secret placeholder" in refused.output
    ok = run(sim_b, "apply", str(out), "--secret", f"zia/traffic_vpn_credentials:branch1@acme.com:preSharedKey={PSK}")
    assert ok.exit_code == 0, ok.output
    assert PSK not in ok.output
    again = run(sim_b, "plan", str(out))
    assert "no changes: the tenant matches the export" in again.output


def test_export_failures_give_exit_code_6(fresh, tmp_path: Path) -> None:
    sim = fresh[0]
    sim.fault(path="*/serverGroup*", status=500, times=None)
    res = run(sim, "export", str(tmp_path / "e"), "--product", "zpa")
    assert res.exit_code == 6 and "errors.json" in res.output
