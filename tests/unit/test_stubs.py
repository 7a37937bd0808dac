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
    text = (ROOT / "src/zscaler/_stubs/zpa.pyi").read_text()
    assert "def list_groups(self, query_params: Optional[dict] = None) -> Result: ..." in text
    assert "    segment_groups: SegmentGroupsAPI" in text
