"""The CLI as a real process: ``python -m zscaler.cli`` and the ``zscaler`` console script."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import run_cli, sim_env
from zscaler.cli import exits


def test_module_entry_point_version():
    p = run_cli("--version")
    assert p.returncode == 0 and p.stdout.strip().startswith("zscaler ")


def test_console_script_help():
    script = os.path.join(os.path.dirname(sys.executable), "zscaler")
    if not os.path.exists(script):
        pytest.skip("console script not installed in this environment")
    p = run_cli("--help", module=False)
    assert p.returncode == 0 and "Products:" in p.stdout


def test_paginated_all_listing_against_a_test_simulator(sim):
    sim.seed("zpa", "segment_groups", 1100)
    p = run_cli("zpa", "segment-groups", "list", "--all", "--page-size", "500", env=sim_env(sim))
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)
    assert len(data) == 1100 and len({g["id"] for g in data}) == 1100
    assert p.stderr == ""  # stderr is a pipe: no progress bar
    pages = [r.query.get("page") for r in sim.requests if r.path.endswith("/segmentGroup")]
    assert pages == [None, ["2"], ["3"]] or pages == [["1"], ["2"], ["3"]]


def test_all_with_sim_flag_and_jmespath():
    p = run_cli("--sim", "--sim-seed", "42", "zpa", "segment-groups", "list", "--all", "--page-size", "10",
                "--query", "length(@)")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == 42


@pytest.mark.parametrize("args, env_extra, code", [
    (["zpa", "segment-groups", "get"], {}, exits.USAGE),
    (["zpa", "segment-groups", "get", "--group-id", "404404"], {}, exits.API),
    (["zpa", "segment-groups", "list"], {"ZSCALER_CLIENT_SECRET": "not-the-secret"}, exits.AUTH),
    (["zpa", "segment-groups", "list"], {"ZSCALER_API_BASE_URL": "http://127.0.0.1:9",
                                         "ZSCALER_RATE_LIMIT_MAX_RETRIES": "0"}, exits.TRANSPORT),
])
def test_exit_codes_of_the_process(sim, args, env_extra, code):
    p = run_cli(*args, env=sim_env(sim, **env_extra))
    assert p.returncode == code, (p.stdout, p.stderr)
    assert p.stderr.strip()  # the message goes to stderr
    assert p.stdout == ""
    assert "not-the-secret" not in p.stderr


def test_demo_in_a_process():
    p = run_cli("demo", "--no-color", timeout=60)
    assert p.returncode == 0, p.stdout + p.stderr
    assert "Summary: 6/6 steps passed" in p.stdout
    assert "\x1b[" not in p.stdout


def test_sim_command_serves_until_terminated(tmp_path):
    db = tmp_path / "state.db"
    proc = subprocess.Popen([sys.executable, "-m", "zscaler.cli", "sim", "--port", "0", "--db", str(db), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        info = json.loads(line)
        assert re.match(r"http://127\.0\.0\.1:\d+$", info["url"])
        env = {"ZSCALER_CLIENT_ID": info["oneapi"]["clientId"], "ZSCALER_CLIENT_SECRET": info["oneapi"]["clientSecret"],
               "ZSCALER_VANITY_DOMAIN": info["oneapi"]["vanityDomain"],
               "ZSCALER_CUSTOMER_ID": info["oneapi"]["customerId"], "ZSCALER_API_BASE_URL": info["url"],
               "ZSCALER_TOKEN_URL": info["oneapi"]["tokenUrl"]}
        p = run_cli("zpa", "segment-groups", "add", "--name", "persisted", env=env)
        assert p.returncode == 0, p.stderr
        assert json.loads(p.stdout)["name"] == "persisted"
    finally:
        proc.terminate()
        proc.wait(10)
    assert proc.returncode == 0
    assert db.exists()
