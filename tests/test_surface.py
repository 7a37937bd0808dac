"""The package exposes every resource and method of the official SDK with the same signatures."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("surface_report", ROOT / "tools" / "surface_report.py")
surface_report = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("surface_report", surface_report)
_spec.loader.exec_module(surface_report)  # type: ignore[union-attr]

pytestmark = pytest.mark.skipif(not surface_report.INVENTORY.is_dir(), reason="API inventory not available")


@pytest.mark.parametrize("product", surface_report.CORE)
def test_surface_complete(product):
    rep = surface_report.report(product)
    assert rep.resources_present == rep.resources_total, rep.missing_resources
    assert not rep.missing_methods, rep.missing_methods
    assert not rep.mismatches, rep.mismatches
    assert rep.percent == 100.0


@pytest.mark.parametrize("product", surface_report.CORE)
def test_catalog_records_match(product):
    """The catalog records alone (without the generated classes) carry the official signatures."""
    rep = surface_report.report(product, use_binding=False)
    assert rep.complete, surface_report.render(rep)


def test_compare_rules():
    m = surface_report._MISSING
    official = [("key_type", "positional_or_keyword", m), ("kwargs", "var_keyword", m)]
    assert surface_report.compare(official, list(official)) == "match"
    extended = [official[0], ("name", "positional_or_keyword", None), official[1]]
    assert surface_report.compare(official, extended) == "extension"
    assert surface_report.compare(official, [official[0], ("name", "positional_or_keyword", m), official[1]]) != "match"
    differs = surface_report.compare([("a", "positional_or_keyword", 1)], [("a", "positional_or_keyword", True)])
    assert differs.startswith("differs")
