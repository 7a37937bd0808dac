"""The typing corpus (tests/typing/*.py, user-style scripts with ``assert_type``) under the checkers.

mypy --strict runs always (a dev dependency); pyright runs when a ``pyright`` executable is on PATH
or ``$PYRIGHT`` names one (``npm install pyright`` in any tools directory), else that test skips.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
CORPUS = sorted(str(p) for p in HERE.glob("*.py") if not p.name.startswith("test_"))


def _run(cmd: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=HERE, capture_output=True, text=True, timeout=600)


def test_corpus_is_not_empty():
    assert CORPUS, "no typing scripts found"


def test_mypy_strict_accepts_the_corpus():
    pytest.importorskip("mypy")
    out = _run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-executable",
                sys.executable, *CORPUS])
    assert out.returncode == 0, out.stdout + out.stderr


BAD = """from typing_extensions import assert_type
from zscaler import ZscalerClient

def f(c: ZscalerClient) -> None:
    groups, _, err = c.zpa.segment_groups.list_groups()
    assert_type(err, None)
    for g in groups:
        print(g.nmae)
    c.zpa.segment_groups.get_group(["1"])
"""


def test_mypy_flags_a_wrong_expectation_and_a_misspelt_attribute(tmp_path):
    """The check can fail: a wrong ``assert_type``, ``g.nmae`` on a model, a list as a path id are reported."""
    pytest.importorskip("mypy")
    bad = tmp_path / "bad.py"
    bad.write_text(BAD)
    out = _run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-executable",
                sys.executable, str(bad)])
    assert out.returncode == 1 and "[assert-type]" in out.stdout, out.stdout
    assert '"SegmentGroup" has no attribute "nmae"' in out.stdout, out.stdout
    assert '"get_group" of "SegmentGroupsAPI" has incompatible type "list[str]"' in out.stdout, out.stdout


def test_pyright_accepts_the_corpus():
    exe = os.environ.get("PYRIGHT") or shutil.which("pyright")
    if not exe:
        pytest.skip("pyright is not installed (npm install pyright; put it on PATH or set $PYRIGHT)")
    out = _run([exe, "--pythonpath", sys.executable, *CORPUS])
    assert out.returncode == 0, out.stdout + out.stderr
