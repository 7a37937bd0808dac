"""The API reference (docs/reference/) and the method docstrings come from the catalog and the
committed facts (src/zscaler/compat/reference/), and must not go stale."""

import importlib.util
import json
import os
import pydoc
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
INVENTORY = ROOT.parent / "shared" / "zscaler-api" / "inventory"


def _tool(name: str):
    sys.path.insert(0, str(ROOT / "tools"))
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_reference_pages_are_up_to_date():
    """Regenerated in memory, every page equals the committed one (run: python tools/gen_reference.py)."""
    files = _tool("gen_reference").expected()
    stale = [p.name for p, text in files.items() if not p.exists() or p.read_text() != text]
    assert stale == [], f"run: python tools/gen_reference.py ({stale})"
    extra = {p.name for p in (ROOT / "docs" / "reference").glob("*.md")} - {p.name for p in files}
    assert not extra, f"pages no product has: {extra}"


def test_reference_entry_of_a_method():
    page = (ROOT / "docs" / "reference" / "zpa.md").read_text()
    entry = page.split("### segment_groups.add_group\n", 1)[1].split("\n### ", 1)[0]
    assert "add_group(**kwargs: Unpack[SegmentGroupsAddGroupBody]) -> Result[SegmentGroup]" in entry
    assert "enabled: bool" in entry
    assert "**Endpoint**: `POST /zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup`" in entry
    assert "client.zpa.segment_groups.add_group(name=" in entry and "(#model-segmentgroup)" in entry
    assert '<a id="model-segmentgroup"></a>' in page and "- `policy_migrated` (`policyMigrated`): `bool`" in page
    index = (ROOT / "docs" / "reference" / "index.md").read_text()
    assert "[Zscaler Private Access](zpa.md)" in index


def _facts_without_types(data: dict) -> dict:
    """The inventory's part of the facts: method arguments, body field names, query keys (the scalar
    types also come from the simulator's seed data, which other work changes; they are a snapshot)."""
    return {res: {m: {"a": f.get("a"), "b": sorted(f.get("b", {})), "q": f.get("q")} for m, f in methods.items()}
            for res, methods in data["methods"].items()}


@pytest.mark.skipif(not INVENTORY.is_dir(), reason="the inventory (../shared) is not beside the repository")
def test_reference_data_is_up_to_date():
    """The committed facts hold what tools/gen_reference_data.py reads from the inventory today."""
    gen = _tool("gen_reference_data")
    data = gen.build(INVENTORY, None)
    for product, facts in data.items():
        committed = json.loads((gen.OUT / f"{product}.json").read_text())
        fresh = json.loads(json.dumps(facts))
        hint = f"run: python tools/gen_reference_data.py ({product})"
        assert _facts_without_types(committed) == _facts_without_types(fresh), hint
        assert all(module.startswith(f"zscaler.{product}.") for module in committed["models"]), product


def test_help_shows_arguments_body_fields_result_endpoint_and_example(zscaler_client):
    """``help(client.zpa.segment_groups.update_group)`` on a client of the simulator."""
    text = pydoc.render_doc(zscaler_client.zpa.segment_groups.update_group, renderer=pydoc.plaintext)
    for part in ("Update group.", "group_id (str | int): in the path", "Body fields", "name: str",
                 "Result[SegmentGroup]", "PUT /zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup/{group_id}",
                 'client.zpa.segment_groups.update_group("123", name="example"'):
        assert part in text, part


def test_every_method_has_a_full_docstring():
    from zscaler import catalog
    from zscaler.binding import resource_class

    for product in catalog.products():
        for res in catalog.load(product).resources:
            cls = resource_class(product, res.attribute)
            for op in res.ops:
                doc = getattr(cls, op.name).__doc__
                assert doc.startswith(op.summary) and f"{op.verb} {op.path}" in doc, (product, op.name)
                assert "Returns:" in doc and f".{op.name}(" in doc, (product, op.name)


def test_import_zscaler_reads_no_reference_data():
    """The facts are read when a resource class is built, not by ``import zscaler``."""
    code = "import sys, zscaler; print('zscaler.reference' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert out.stdout.strip() == "False", out.stderr
