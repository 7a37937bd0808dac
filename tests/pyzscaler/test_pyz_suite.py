"""pyZscaler 1.6.0's own ZPA, ZCC, ZIA and utils tests, unchanged, against the facade.

The suite is read from ``../shared/pyzscaler/tests`` (beside the repository; never vendored),
copied into a temporary folder and run in a child pytest with ``pyz_harness_plugin``: the
``pyzscaler`` name resolves to ``zscaler.pyzscaler`` and every request is answered by the
suite's ``responses`` registrations through ``pyz_adapter.ResponsesTransport``.
``test_pyzscaler.py`` (pyZscaler's pyproject/version sync check) is not behaviour and is left out.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SUITE = REPO.parent / "shared" / "pyzscaler" / "tests"
PARTS = {"zpa": "zpa", "zcc": "zcc", "utils": "test_utils.py", "zia": "zia"}


def run_part(part: str, tmp: Path) -> tuple[int, int, str]:
    """(passed, failed, output) of one part of the suite."""
    shutil.copytree(SUITE, tmp / "tests", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp / "pytest.ini").write_text("[pytest]\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(HERE), str(tmp)]))
    for name in [n for n in env if n.startswith(("ZSCALER_", "ZPA_", "ZIA_", "ZCC_"))]:
        del env[name]
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "pyz_harness_plugin", "-p", "no:cacheprovider",
                           "--rootdir", str(tmp), "-c", str(tmp / "pytest.ini"), f"tests/{PARTS[part]}"],
                          cwd=tmp, env=env, capture_output=True, text=True, timeout=600)
    out = proc.stdout + proc.stderr
    passed = int(m.group(1)) if (m := re.search(r"(\d+) passed", out)) else 0
    failed = sum(int(x) for x in re.findall(r"(\d+) (?:failed|error)", out))
    return passed, failed, out


@pytest.mark.timeout(900)
@pytest.mark.parametrize("part", ["zpa", "zcc", "zia", "utils"])
def test_pyzscaler_suite_part(part: str, tmp_path: Path) -> None:
    if not SUITE.is_dir():
        pytest.skip(f"pyZscaler's test suite is not at {SUITE} (../shared/pyzscaler/tests beside the repository)")
    passed, failed, out = run_part(part, tmp_path)
    print(f"pyZscaler suite {part}: {passed} passed, {failed} failed")
    assert passed > 0, out[-3000:]
    assert failed == 0, out[-6000:]
