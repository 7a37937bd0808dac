"""One version source: ``zscaler.__version__``; pyproject.toml reads it, the installed metadata reports it."""

import importlib.metadata
import re
from pathlib import Path

import zscaler

ROOT = Path(__file__).resolve().parents[2]


def test_pyproject_reads_the_version_from_the_package():
    text = (ROOT / "pyproject.toml").read_text()
    project = text.split("[project]", 1)[1].split("\n[", 1)[0]
    assert re.search(r"^version\s*=", project, re.M) is None  # no second copy
    assert re.search(r'^dynamic = \[[^\]]*"version"', project, re.M)
    assert 'version = { attr = "zscaler.__version__" }' in text


def test_installed_metadata_reports_the_package_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+\S*", zscaler.__version__)
    assert importlib.metadata.version("zscaler-sdk-ng") == zscaler.__version__
