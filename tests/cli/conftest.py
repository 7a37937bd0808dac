"""Fixtures of the CLI tests: an isolated environment, a click runner, simulator env vars."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

CREDENTIAL_PREFIXES = ("ZSCALER_", "ZIA_", "ZPA_", "ZTW_", "ZCC_", "ZDX_", "ZWA_", "_ZSCALER_COMPLETE", "NO_COLOR")


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: installs the project in a fresh venv (skip with ZSCALER_SKIP_SLOW=1)")


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """No credentials, YAML files or profiles of the developer's machine leak into a test."""
    for k in list(os.environ):
        if k.startswith(CREDENTIAL_PREFIXES):
            monkeypatch.delenv(k, raising=False)
    home = tmp_path / "home"
    home.mkdir()
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(work)
    return work


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def invoke(runner):
    """``invoke(*args, env=None, input=None)`` -> click Result of the ``zscaler`` command."""
    from zscaler.cli.main import cli

    def run(*args, env=None, input=None):
        return runner.invoke(cli, list(args), env=env, input=input, prog_name="zscaler")

    return run


def sim_env(sim, **extra):
    """The env vars that point the SDK (and so the CLI) at a running simulator."""
    cfg = sim.oneapi_config()
    env = {
        "ZSCALER_CLIENT_ID": cfg["clientId"],
        "ZSCALER_CLIENT_SECRET": cfg["clientSecret"],
        "ZSCALER_VANITY_DOMAIN": cfg["vanityDomain"],
        "ZSCALER_CUSTOMER_ID": cfg["customerId"],
        "ZSCALER_API_BASE_URL": cfg["apiBaseUrl"],
        "ZSCALER_TOKEN_URL": cfg["tokenUrl"],
        "ZSCALER_RATE_LIMIT_BACKOFF_BASE": "0.01",
        "ZSCALER_RATE_LIMIT_BACKOFF_MAX": "0.05",
    }
    env.update({k: str(v) for k, v in extra.items()})
    return env


@pytest.fixture
def env_for(sim):
    return lambda **extra: sim_env(sim, **extra)


def run_cli(*args, env=None, timeout=60, module=True):
    """Run the CLI as a real process: ``python -m zscaler.cli`` (or the console script)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(CREDENTIAL_PREFIXES)}
    full_env.update(env or {})
    if module:
        cmd = [sys.executable, "-m", "zscaler.cli", *args]
    else:
        script = os.path.join(os.path.dirname(sys.executable), "zscaler")
        cmd = [script, *args]
    return subprocess.run(cmd, env=full_env, capture_output=True, text=True, timeout=timeout)
