"""Every Python example in the README and docs/ that runs against the simulator runs, and prints
what its comments say (``print(x)  # expected output`` lines are compared in order; a block with an
``# e.g. ...`` comment shows values that vary and is only run)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("**/*.md"))]
EXPECTED = re.compile(r"^\s*(?:print\(|main\(\)).*#\s(.+)$", re.M)


def _examples():
    for doc in DOCS:
        for i, code in enumerate(re.findall(r"```python\n(.*?)```", doc.read_text(), re.S)):
            if "Simulator(" in code and "import" in code:  # the others need a tenant, or show a signature
                yield pytest.param(doc, code, id=f"{doc.relative_to(ROOT)}#{i}")


EXAMPLES = list(_examples())


@pytest.mark.parametrize("doc,code", EXAMPLES)
def test_doc_example(doc, code, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # examples that write files write them here
    exec(compile(code, str(doc), "exec"), {"__name__": "docs_example"})
    out = capsys.readouterr().out
    assert "Error" not in out
    expected = EXPECTED.findall(code)
    if expected and not any(e.startswith("e.g.") for e in expected):  # "# e.g. ..." shows a varying value
        assert [line.strip() for line in out.strip().splitlines()] == [e.strip() for e in expected]


def test_every_product_guide_has_runnable_examples():
    guides = sorted((ROOT / "docs" / "products").glob("*.md"))
    assert {g.stem for g in guides} >= {"zpa", "zia", "ztw", "zcc", "zdx", "zwa", "zid"}
    for g in guides:
        assert sum(1 for d, *_ in (p.values for p in EXAMPLES) if d == g) >= 3, g.name
