"""The twin: an export loaded as the simulator's state (``Simulator(load=DIR)``, ``--load DIR``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PRODUCTS, client_of

from zscaler import ZscalerClient, tools
from zscaler.simulator import Simulator


def test_the_twin_answers_what_the_tenant_answered(export_a: Path, tmp_path: Path) -> None:
    with Simulator(load=str(export_a)) as twin:
        client = client_of(twin)
        assert tools.plan(client, str(export_a)).changes == []
        out = tmp_path / "twin"
        tools.export(client, str(out), PRODUCTS)
        d = tools.diff(str(export_a), str(out), ids=True)  # ids kept: the same records, not look-alikes
        assert not d.drift, d.render()
        seg = {r["name"]: r for r in json.loads((out / "zpa/application_segment.json").read_text())}
        orig = {r["name"]: r for r in json.loads((export_a / "zpa/application_segment.json").read_text())}
        assert seg["Intranet"]["id"] == orig["Intranet"]["id"]
        # a rehearsal: a change planned and applied on the twin, then planned against the export
        client.zpa.segment_groups.add_group(name="Rehearsal", enabled=True)
        created = client.zpa.segment_groups.list_groups(query_params={"search": "Rehearsal"})[0]
        assert int(created[0].id) > max(int(r["id"]) for r in orig.values())  # new ids do not collide
        p = tools.plan(client, str(export_a), prune=True)
        assert [(a.kind, a.record) for a in p.actions] == [("delete", "Rehearsal")]


def test_a_cross_tenant_export_is_refused_as_a_twin(tenant_a, tmp_path: Path) -> None:
    tools.export(tenant_a[1], str(tmp_path / "x"), ["zpa"], mode="cross-tenant",
                 only=["zpa/segment_groups"])
    with pytest.raises(ValueError, match="cross-tenant export has no ids"):
        Simulator(load=str(tmp_path / "x"))


def test_python_m_zscaler_simulator_load_dir(export_a: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "zscaler.simulator", "--port", "0", "--json", "--load",
                             str(export_a)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        info = json.loads(proc.stdout.readline())
        with ZscalerClient(info["oneapi"]) as client:
            groups = sorted(g.name for g in client.zpa.segment_groups.list_groups()[0])
        assert groups == ["Finance", "Web Apps"]
    finally:
        proc.terminate()
        proc.wait(10)
