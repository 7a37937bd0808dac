"""The typing corpus (tests/typing/*.py, user-style scripts with ``assert_type``) under both checkers.

``assert_type`` is the checked form of ``reveal_type``: each checker fails the script when the type it
infers differs. The scripts are ``# pyright: strict`` (nothing a user touches is partly unknown).
mypy --strict and pyright (the dev extra's PyPI ``pyright``, which runs the node on PATH)
run always; pyright is looked up next to this interpreter, then on PATH, or ``$PYRIGHT``.
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


def _mypy(*files: str) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mypy")
    return _run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-executable",
                 sys.executable, *files])


def _pyright(*files: str) -> subprocess.CompletedProcess[str]:
    beside = Path(sys.executable).with_name("pyright")
    exe = os.environ.get("PYRIGHT") or (str(beside) if beside.exists() else shutil.which("pyright"))
    if not exe:
        pytest.skip("pyright is not installed (pip install -e '.[dev]' brings it)")
    return _run([exe, "--pythonpath", sys.executable, *files])


def test_corpus_is_not_empty():
    assert len(CORPUS) >= 4, "typing scripts missing"
    assert all(Path(p).read_text().startswith("# pyright: strict\n") for p in CORPUS)


def test_mypy_strict_accepts_the_corpus():
    out = _mypy(*CORPUS)
    assert out.returncode == 0, out.stdout + out.stderr


def test_pyright_accepts_the_corpus():
    out = _pyright(*CORPUS)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 errors" in out.stdout, out.stdout


BAD = """from typing_extensions import assert_type
from zscaler import ZscalerClient

def f(c: ZscalerClient) -> None:
    groups, _, err = c.zpa.segment_groups.list_groups()
    assert_type(err, None)
    for g in groups:
        print(g.nmae)
    c.zpa.segment_groups.get_group(["1"])
    c.zpa.segment_groups.add_group(name="x", nmae="y")
    c.zpa.segment_groups.update_group("1", enabled="yes")
"""


def test_mypy_flags_wrong_types_misspellings_and_unknown_body_fields(tmp_path):
    """The checks can fail: a wrong ``assert_type``, ``g.nmae`` on a model, a list as a path id, an
    unknown body field and a body field of the wrong type are each reported."""
    bad = tmp_path / "bad.py"
    bad.write_text(BAD)
    out = _mypy(str(bad))
    assert out.returncode == 1 and "[assert-type]" in out.stdout, out.stdout
    assert '"SegmentGroup" has no attribute "nmae"' in out.stdout, out.stdout
    assert '"get_group" of "SegmentGroupsAPI" has incompatible type "list[str]"' in out.stdout, out.stdout
    assert 'Unexpected keyword argument "nmae" for "add_group"' in out.stdout, out.stdout
    assert 'Argument "enabled" to "update_group" of "SegmentGroupsAPI" has incompatible type "str"' in out.stdout, out.stdout


def test_pyright_flags_wrong_types_misspellings_and_unknown_body_fields(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(BAD)
    out = _pyright(str(bad))
    assert out.returncode == 1, out.stdout
    assert 'Cannot access attribute "nmae" for class "SegmentGroup"' in out.stdout, out.stdout
    assert 'No parameter named "nmae"' in out.stdout, out.stdout
    assert "assert_type" in out.stdout and '"list[str]"' in out.stdout and '"Literal[\'yes\']"' in out.stdout, out.stdout
