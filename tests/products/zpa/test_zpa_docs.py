"""Every Python example of docs/products/zpa.md runs against the simulator and prints what its comments say."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[3] / "docs" / "products" / "zpa.md"
BLOCKS = re.findall(r"```python\n(.*?)```", DOC.read_text(), re.S)
EXPECTED = re.compile(r"^\s*(?:print\(|main\(\)).*#\s(.+)$", re.M)


@pytest.mark.parametrize("code", BLOCKS, ids=[f"example{i}" for i in range(len(BLOCKS))])
def test_doc_example(code, capsys):
    exec(compile(code, str(DOC), "exec"), {"__name__": "docs_example"})
    out = capsys.readouterr().out
    assert out and "Error" not in out
    expected = EXPECTED.findall(code)
    if expected:
        assert [line.strip() for line in out.strip().splitlines()] == [e.strip() for e in expected]


def test_doc_has_the_sections():
    text = DOC.read_text()
    assert "## README section" in text and "## CHANGELOG entries" in text and len(BLOCKS) >= 3
