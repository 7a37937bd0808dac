"""The package is ready to publish (issue #19): `python -m build` gives a wheel and an sdist; the
sdist holds what it takes to run the test suite, the wheel the metadata a package index shows."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from email.parser import Parser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(600),
    pytest.mark.skipif(os.environ.get("ZSCALER_SKIP_SLOW") == "1", reason="ZSCALER_SKIP_SLOW=1"),
]


@pytest.fixture(scope="module")
def dist(tmp_path_factory):
    pytest.importorskip("build", reason="the dev extra's `build` is not installed")
    out = tmp_path_factory.mktemp("dist")
    # --no-isolation: the environment's setuptools (>= 77, as build-system.requires says), no network
    p = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "-o", str(out), str(ROOT)],
                       capture_output=True, text=True, timeout=500)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-3000:]
    return out


def _tracked(*dirs: str) -> set[str]:
    p = subprocess.run(["git", "ls-files", *dirs], cwd=ROOT, capture_output=True, text=True)
    if p.returncode != 0:
        pytest.skip("not a git checkout")
    return {line for line in p.stdout.splitlines() if (ROOT / line).exists()}


def test_sdist_holds_the_test_suite_docs_and_license(dist):
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    wanted = _tracked("tests", "docs", "tools") | {"LICENSE", "README.md", "CHANGELOG.md", "pyproject.toml",
                                                   "MANIFEST.in", "tests/conftest.py", "tests/cli/conftest.py"}
    assert not wanted - names, sorted(wanted - names)[:20]
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]


def test_wheel_metadata_for_a_package_index(dist):
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as z:
        meta_name = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        meta = Parser().parsestr(z.read(meta_name).decode())
        assert any(n.endswith(".dist-info/licenses/LICENSE") for n in z.namelist())
        assert "zscaler/py.typed" in z.namelist()
    assert meta["License-Expression"] == "MIT"
    assert "Typing :: Typed" in meta.get_all("Classifier")
    assert meta.get_all("Project-URL") is None  # no invented URLs
    body = meta.get_payload()
    first_screen = body[:600]
    assert "pip install zscaler-sdk-ng" in first_screen and "pip install -e" not in body
    assert "](docs/" not in body  # no relative link, broken on an index page


def test_the_unpacked_sdist_runs_its_tests(dist, tmp_path):
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as tar:
        tar.extractall(tmp_path / "unpacked", filter="data")
    (top,) = (tmp_path / "unpacked").iterdir()
    env = {**os.environ, "PYTHONPATH": str(top / "src"), "ZSCALER_SKIP_SLOW": "1"}
    p = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:randomly",
                        "tests/unit", "tests/cli/test_cli_pipeline.py", "tests/test_doc_examples.py"],
                       cwd=top, capture_output=True, text=True, timeout=500, env=env)
    assert p.returncode == 0, p.stdout[-3000:] + p.stderr[-2000:]
    assert " passed" in p.stdout
    probe = subprocess.run([sys.executable, "-c", "import zscaler; print(zscaler.__file__)"], cwd=top,
                           capture_output=True, text=True, env=env)
    assert probe.stdout.startswith(str(top))  # the tests ran the sdist's code, not the checkout's
