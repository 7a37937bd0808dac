"""The IDE stubs are generated from the catalog and must not go stale."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _gen():
    spec = importlib.util.spec_from_file_location("gen_stubs", ROOT / "tools" / "gen_stubs.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["gen_stubs"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_stubs_are_up_to_date():
    stale = [p.name for p, text in _gen().expected().items() if not p.exists() or p.read_text() != text]
    assert stale == [], f"run: python tools/gen_stubs.py ({stale})"


def test_stub_declares_seed_methods():
    text = (ROOT / "src/zscaler-stubs/_stubs/zpa.pyi").read_text()
    assert ("def list_groups(self, query_params: Optional[Mapping[str, Any]] = None)"
            " -> Result[list[zscaler.zpa.models.segment_group.SegmentGroup]]:") in text
    assert "    segment_groups: SegmentGroupsAPI" in text


def test_stub_methods_carry_the_runtime_docstring():
    """Hover in an editor shows the stub's docstring: the method's own ``__doc__``, endpoint included."""
    import ast
    import inspect

    from zscaler import catalog
    from zscaler.binding import _doc

    tree = ast.parse((ROOT / "src/zscaler-stubs/_stubs/zpa.pyi").read_text())
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "SegmentGroupsAPI")
    method = next(n for n in cls.body if isinstance(n, ast.FunctionDef) and n.name == "list_groups")
    op = catalog.load("zpa").resource("segment_groups").op("list_groups")
    assert ast.get_docstring(method) == inspect.cleandoc(_doc(op))
    assert "GET /zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup" in _doc(op)
