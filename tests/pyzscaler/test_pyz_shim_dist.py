"""The opt-in distribution ``packages/pyzscaler-shim``: its wheel puts a ``.pth`` at the root of
site-packages that makes ``import pyzscaler`` the facade, and a real pyzscaler still wins."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHIM = REPO / "packages" / "pyzscaler-shim"


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", str(SHIM),
                    "-w", str(out)], check=True, capture_output=True, cwd=build, timeout=300)
    for leftover in (SHIM / "build", *SHIM.glob("*.egg-info")):
        subprocess.run(["rm", "-rf", str(leftover)], check=True)
    wheel = next(out.glob("zscaler_pyzscaler_shim-*.whl"))
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        zf.extractall(site)
    assert {"zscaler_pyzscaler_shim.pth", "zscaler_pyzscaler_shim.py"} <= names
    return site


def run(site: Path, code: str, extra_path: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if extra_path:
        env["PYTHONPATH"] = str(extra_path)
    script = f"import site; site.addsitedir({str(site)!r})\n{code}"
    return subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_wheel_pth_makes_pyzscaler_the_facade(site_dir: Path) -> None:
    out = run(site_dir, "from pyzscaler import ZPA\nfrom pyzscaler.utils import snake_to_camel\n"
                        "from restfly.errors import APIError\nprint(ZPA.__module__, snake_to_camel('max_usage'))")
    assert out == "zscaler.pyzscaler.zpa maxUsage"


def test_wheel_pth_leaves_a_real_pyzscaler_alone(site_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "pyzscaler").mkdir()
    (tmp_path / "pyzscaler" / "__init__.py").write_text("WHO = 'real'\n")
    assert run(site_dir, "import pyzscaler; print(pyzscaler.WHO)", extra_path=tmp_path) == "real"
