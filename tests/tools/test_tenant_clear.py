"""Apply clears what the export no longer has: an explicit empty value on the wire, then no drift."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from conftest import PRODUCTS
from tenant_seed import PSK

from helpers import api_requests
from zscaler import tools
from zscaler.tools import canonical
from zscaler.tools.differ import ABSENT
from zscaler.tools.planner import with_cleared

SECRETS = {"zia/traffic_vpn_credentials:branch1@acme.com:preSharedKey": PSK}


def _edit(directory: Path, key: str, change: Any) -> None:
    f = directory / f"{key}.json"
    f.write_text(json.dumps(change(json.loads(f.read_text()))))


def _without_label_description(labels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if not (r["name"] == "Audit" and k == "description")} for r in labels]


def _puts(sim: Any) -> dict[str, dict[str, Any]]:
    """The JSON bodies of the PUTs the simulator received, by the path's last two names."""
    return {"/".join(r.path.split("/")[-2:]): json.loads(r.body) for r in api_requests(sim) if r.method == "PUT"}


def test_empty_values_are_absent_values() -> None:
    assert canonical.strip_volatile({"a": "", "b": [], "c": None, "d": {"e": ""}, "f": 0, "g": False}) == \
        {"d": {}, "f": 0, "g": False}
    live = {"name": "x", "description": "d", "urls": ["u"], "on": True, "inner": {"k": "v", "n": 1},
            "password": "${secret}"}
    assert with_cleared({"name": "x", "inner": {"n": 1}}, live) == \
        {"name": "x", "description": "", "urls": [], "on": None, "inner": {"n": 1, "k": ""}}


def test_apply_clears_fields_the_export_lacks(export_a: Path, fresh, tmp_path: Path) -> None:
    sim, client = fresh
    assert tools.apply(client, str(export_a), secrets=SECRETS).ok
    desired = tmp_path / "desired"
    shutil.copytree(export_a, desired)
    _edit(desired, "zia/rule_labels", _without_label_description)  # the export no longer has it
    # the live tenant gains values the export lacks: a description, a list
    groups = {g.name: g for g in client.zpa.segment_groups.list_groups()[0]}
    _, _, err = client.zpa.segment_groups.update_group(groups["Finance"].id, name="Finance", enabled=True,
                                                       description="temporary")
    assert err is None
    cat = next(c for c in client.zia.url_categories.list_categories()[0] if c.configured_name == "Blocked Sites")
    _, _, err = client.zia.url_categories.update_url_category(
        cat.id, **{**cat.request_format(), "keywords": ["promo"], "description": "temp"})
    assert err is None
    client.activate_written()

    p = tools.plan(client, str(desired))
    changed = {(a.resource, a.record): {(f.path, f.new) for f in a.fields} for a in p.changes}
    assert changed[("zpa/segment_groups", "Finance")] == {("description", ABSENT)}
    assert ("description", ABSENT) in changed[("zia/rule_labels", "Audit")]
    assert ("keywords", ABSENT) in changed[("zia/url_categories", "Blocked Sites")]
    sim.clear_requests()
    res = tools.apply(client, p)
    assert res.ok, res.failed
    puts = _puts(sim)
    assert puts[f"segmentGroup/{groups['Finance'].id}"]["description"] == ""
    label = next(b for path, b in puts.items() if path.startswith("ruleLabels/"))
    assert label["description"] == "" and label["name"] == "Audit"
    category = puts[f"urlCategories/{cat.id}"]
    assert category["keywords"] == [] and category["description"] == ""
    assert category["urls"] == ["bad.example.net", "worse.example.org"]  # the whole desired object is sent

    after = tmp_path / "after"
    tools.export(client, str(after), PRODUCTS)
    d = tools.diff(str(desired), str(after))
    assert not d.drift, d.render()
    assert {g.name: g.description for g in client.zpa.segment_groups.list_groups()[0]}["Finance"] in ("", None)
    sim.clear_requests()
    again = tools.plan(client, str(desired))
    assert again.changes == [], again.render()
    assert tools.apply(client, again).ok
    assert [r for r in api_requests(sim) if r.method != "GET"] == []
