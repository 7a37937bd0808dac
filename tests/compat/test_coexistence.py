"""zscaler-sdk-python installed into the same environment: `import zscaler` and the CLI say so at once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import zscaler

PACKAGE = Path(zscaler.__file__).parent


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A site-packages-like folder holding a copy of this package (no official files yet)."""
    shutil.copytree(PACKAGE, tmp_path / "zscaler", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _run(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZSCALER_")}
    env["PYTHONPATH"] = str(site)
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, timeout=60, cwd=site)


def test_clean_install_imports(site: Path) -> None:
    r = _run(site, "-c", "import zscaler; print(zscaler.__file__)")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().startswith(str(site))


@pytest.mark.parametrize("leftover", ["zscaler/request_executor.py", "zscaler_sdk_python-1.11.3.dist-info/METADATA"])
def test_official_files_beside_ours_fail_at_import_with_the_fix(site: Path, leftover: str) -> None:
    path = site / leftover
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("")
    r = _run(site, "-c", "import zscaler")
    assert r.returncode == 1
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: import zscaler:")
    assert "'zscaler-sdk-python'" in last and "'zscaler-sdk-ng'" in last
    assert "pip uninstall -y zscaler-sdk-python zscaler-sdk-ng && pip install zscaler-sdk-ng" in last


def test_cli_reports_a_mixed_install_even_without_our_init(site: Path) -> None:
    # the official distribution installed last replaces zscaler/__init__.py with its own
    (site / "zscaler" / "request_executor.py").write_text("")
    (site / "zscaler" / "__init__.py").write_text("# another distribution's package init\n")
    r = _run(site, "-m", "zscaler.cli", "--help")
    assert r.returncode == 2
    assert r.stderr.startswith("zscaler: the official SDK distribution 'zscaler-sdk-python'")
    assert "Traceback" not in r.stderr
