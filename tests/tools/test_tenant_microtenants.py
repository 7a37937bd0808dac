"""ZPA objects owned by microtenants: exported once each, applied back into the microtenant they belong to."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import parse_qs

import pytest
from conftest import client_of, files

from helpers import api_requests
from zscaler import tools
from zscaler.simulator import Simulator
from zscaler.tools.targets import MICROTENANT_LISTS, targets

INVENTORY = Path("/work/shared/zscaler-api/inventory/zpa.json")


def _ok(result: Any) -> Any:
    value, _, err = result
    assert err is None, err
    return value


def seed_microtenants(client: Any) -> dict[str, Any]:
    """Two microtenants, each owning a segment group; one also a server and an access rule; the parent a group."""
    zpa = client.zpa
    mts = {n: _ok(zpa.microtenants.add_microtenant(name=n, enabled=True, criteria_attribute="AuthDomain",
                                                     criteria_attribute_values=[f"{n.lower()}.acme.com"]))
           for n in ("Branch", "Lab")}
    _ok(zpa.segment_groups.add_group(name="Parent Apps", enabled=True))
    branch = _ok(zpa.segment_groups.add_group(name="Branch Apps", enabled=True, description="branch",
                                              microtenant_id=mts["Branch"].id))
    _ok(zpa.segment_groups.add_group(name="Lab Apps", enabled=True, microtenant_id=mts["Lab"].id))
    _ok(zpa.servers.add_server(name="branch-01", address="10.1.0.1", enabled=True, microtenant_id=mts["Branch"].id))
    _ok(zpa.policies.add_access_rule(name="Branch Allow", action="ALLOW", microtenant_id=mts["Branch"].id,
                                     conditions=[("app_group", "id", branch.id)]))
    return mts


@pytest.fixture(scope="module")
def tenant_m() -> Iterator[tuple[Simulator, Any]]:
    with Simulator() as sim:
        client = client_of(sim)
        seed_microtenants(client)
        yield sim, client
        client.close()


@pytest.fixture(scope="module")
def export_m(tenant_m: tuple[Simulator, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("mt") / "a"
    assert tools.export(tenant_m[1], str(out), ["zpa"]).exit_code == 0
    return out


def _records(directory: Path, key: str) -> list[dict[str, Any]]:
    return json.loads((directory / f"{key}.json").read_text())


def _names_in(client: Any, mt: str | None) -> list[str]:
    query = {"microtenant_id": mt} if mt else None
    return sorted(g.name for g in _ok(client.zpa.segment_groups.list_groups(query_params=query))
                  if (g.request_format().get("microtenantId") or None) == mt)


def _mt_ids(client: Any) -> dict[str, str]:
    return {m.name: m.id for m in _ok(client.zpa.microtenants.list_microtenants())}


def test_the_export_holds_each_microtenant_s_objects_once(export_m: Path, tenant_m) -> None:
    mts = _mt_ids(tenant_m[1])
    groups = _records(export_m, "zpa/segment_groups")
    assert {g["name"]: g.get("microtenantId") for g in groups} == \
        {"Parent Apps": None, "Branch Apps": mts["Branch"], "Lab Apps": mts["Lab"]}
    assert len({g["id"] for g in groups}) == len(groups) == 3
    assert [(s["name"], s["microtenantId"]) for s in _records(export_m, "zpa/servers")] == [("branch-01", mts["Branch"])]
    rules = _records(export_m, "zpa/policies.ACCESS_POLICY")
    assert [(r["name"], r["microtenantId"]) for r in rules] == [("Branch Allow", mts["Branch"])]
    manifest = json.loads((export_m / "manifest.json").read_text())
    assert manifest["resources"]["zpa/segment_groups"]["count"] == 3


def test_each_microtenant_is_listed_with_its_id_in_the_query(tenant_m, tmp_path: Path) -> None:
    sim, client = tenant_m
    sim.clear_requests()
    tools.export(client, str(tmp_path / "x"), ["zpa"], only=["zpa/segment_groups", "zpa/microtenants"])
    listed = [parse_qs(r.raw_query).get("microtenantId") for r in api_requests(sim, "/segmentGroup")
              if r.method == "GET"]
    expected = [None] + [[m] for m in _mt_ids(client).values()]  # the parent's view, then each microtenant's
    assert sorted(listed, key=str) == sorted(expected, key=str)


def test_export_wipe_apply_puts_each_object_back_in_its_microtenant(export_m: Path, tenant_m, tmp_path: Path) -> None:
    with Simulator() as sim:  # the wiped tenant: no microtenant, no object
        client = client_of(sim)
        p = tools.plan(client, str(export_m))
        kinds = [(a.kind, a.resource, a.record) for a in p.actions]
        assert kinds.index(("create", "zpa/microtenants", "Branch")) < kinds.index(("create", "zpa/segment_groups",
                                                                                    "Branch Apps"))
        sim.clear_requests()
        res = tools.apply(client, p)
        assert res.ok, res.failed
        mts = _mt_ids(client)
        posts = {json.loads(r.body)["name"]: parse_qs(r.raw_query).get("microtenantId")
                 for r in api_requests(sim, "/segmentGroup") if r.method == "POST"}
        assert posts == {"Parent Apps": None, "Branch Apps": [mts["Branch"]], "Lab Apps": [mts["Lab"]]}
        assert _names_in(client, None) == ["Parent Apps"]
        assert _names_in(client, mts["Branch"]) == ["Branch Apps"] and _names_in(client, mts["Lab"]) == ["Lab Apps"]
        after = tmp_path / "after"
        tools.export(client, str(after), ["zpa"])
        d = tools.diff(str(export_m), str(after))
        assert not d.drift, d.render()
        sim.clear_requests()
        again = tools.plan(client, str(export_m))
        assert again.changes == [], again.render()
        assert tools.apply(client, again).ok
        assert [r for r in api_requests(sim) if r.method != "GET"] == []


def test_a_cross_tenant_copy_finds_or_creates_the_microtenants_by_name(tenant_m, tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    tools.export(tenant_m[1], str(a), ["zpa"], mode="cross-tenant")
    branch = next(g for g in _records(a, "zpa/segment_groups") if g["name"] == "Branch Apps")
    assert branch["microtenantId"] == {"$ref": "zpa/microtenants", "name": "Branch"}
    with Simulator() as sim:
        client = client_of(sim)
        _ok(client.zpa.microtenants.add_microtenant(name="Other", enabled=True))  # ids differ from A's
        lab = _ok(client.zpa.microtenants.add_microtenant(name="Lab", enabled=True, criteria_attribute="AuthDomain",
                                                          criteria_attribute_values=["lab.acme.com"]))
        p = tools.plan(client, str(a))
        created = [a.record for a in p.actions if a.kind == "create" and a.resource == "zpa/microtenants"]
        assert created == ["Branch"]  # Lab exists in B: matched by name, not created again
        res = tools.apply(client, p)
        assert res.ok, res.failed
        mts = _mt_ids(client)
        assert mts["Lab"] == lab.id and mts["Branch"] not in (lab.id, mts["Other"])
        assert _names_in(client, lab.id) == ["Lab Apps"] and _names_in(client, mts["Branch"]) == ["Branch Apps"]
        tools.export(client, str(b), ["zpa"], mode="cross-tenant")
        got = files(b)
        got["zpa/microtenants.json"] = files(a)["zpa/microtenants.json"]  # B has one more: Other
        assert json.loads(files(b)["zpa/microtenants.json"])[-1]["name"] == "Other"
        assert {k: v for k, v in got.items() if k != "manifest.json"} == \
            {k: v for k, v in files(a).items() if k != "manifest.json"}


def test_a_microtenant_object_s_change_is_diffed_planned_and_updated_in_place(export_m: Path, tenant_m) -> None:
    with Simulator() as sim:
        client = client_of(sim)
        assert tools.apply(client, str(export_m)).ok
        mts = _mt_ids(client)
        group = next(g for g in _ok(client.zpa.segment_groups.list_groups(query_params={"microtenant_id": mts["Lab"]}))
                     if g.name == "Lab Apps")
        _ok(client.zpa.segment_groups.update_group(group.id, name="Lab Apps", enabled=False,
                                                   microtenant_id=mts["Lab"]))
        d = tools.diff(str(export_m), "live", client=client)
        assert [(c.resource, c.record, [f.path for f in c.fields]) for c in d.changes] == \
            [("zpa/segment_groups", "Lab Apps", ["enabled"])]
        p = tools.plan(client, str(export_m))
        assert [(a.kind, a.record) for a in p.changes] == [("update", "Lab Apps")]
        sim.clear_requests()
        assert tools.apply(client, p).ok
        put = next(r for r in api_requests(sim, "/segmentGroup/") if r.method == "PUT")
        assert parse_qs(put.raw_query)["microtenantId"] == [mts["Lab"]]
        assert tools.plan(client, str(export_m)).changes == []


@pytest.mark.skipif(not INVENTORY.exists(), reason="the official SDK facts are not on this machine")
def test_the_microtenant_table_matches_the_official_list_methods() -> None:
    inv = {r["attribute"]: {m["name"]: m for m in r["methods"]} for r in json.loads(INVENTORY.read_text())["resources"]}
    takes = {("zpa", t.resource) for t in targets("zpa") if t.kind == "collection"
             and inv.get(t.resource, {}).get(t.list_op, {}).get("microtenant_sources")}
    assert MICROTENANT_LISTS == takes
    assert all(t.scoped == (("zpa", t.resource) in takes) for t in targets("zpa"))


def test_the_twin_keeps_each_object_in_its_microtenant(export_m: Path, tmp_path: Path) -> None:
    with Simulator(load=str(export_m)) as twin:
        client = client_of(twin)
        mts = _mt_ids(client)
        assert _names_in(client, None) == ["Parent Apps"] and _names_in(client, mts["Lab"]) == ["Lab Apps"]
        out = tmp_path / "twin"
        tools.export(client, str(out), ["zpa"])
        d = tools.diff(str(export_m), str(out), ids=True)
        assert not d.drift, d.render()
