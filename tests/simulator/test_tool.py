"""The simulator as a tool: the command line (busy port, --port 0, --env, --save/--load),
``sim.environ()``, ``sim.save()``/``sim.load()``, the ``zscaler_env`` fixture."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys

import httpx
import pytest

from zscaler.simulator import Simulator

from simhelpers import get_token

SEG = "/zpa/mgmtconfig/v1/admin/customers/{cid}/segmentGroup"


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zscaler.simulator", *args], capture_output=True, text=True,
                          timeout=timeout, env=dict(os.environ, PYTHONUNBUFFERED="1"))


def _spawn(*args: str) -> tuple[subprocess.Popen, str]:
    """A running simulator process and its first stdout line."""
    proc = subprocess.Popen([sys.executable, "-m", "zscaler.simulator", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=dict(os.environ, PYTHONUNBUFFERED="1"))
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if not first:
        proc.kill()
        pytest.fail(f"simulator did not start: {proc.stderr.read() if proc.stderr else ''}")
    return proc, first


def _stop(proc: subprocess.Popen) -> str:
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0
    return out


def test_a_busy_port_is_a_one_line_error_without_traceback():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = _run("--port", str(port))
    assert r.returncode == 2
    assert r.stdout == ""
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: cannot listen on 127.0.0.1:{port}: ")
    assert "--port 0" in lines[0]


def test_port_0_picks_a_free_port_and_prints_it():
    proc, first = _spawn("--port", "0")
    try:
        url = re.search(r"listening on (http://127\.0\.0\.1:(\d+))", first)
        assert url and int(url.group(2)) > 0
        assert httpx.get(url.group(1) + "/_sim/state").status_code == 200
    finally:
        _stop(proc)


def test_env_prints_export_lines_a_shell_can_eval():
    proc, first = _spawn("--port", "0", "--env", "--tenant", "empty")
    try:
        lines = [first] + [proc.stdout.readline() for _ in range(8)]  # type: ignore[union-attr]
        assert all(line.startswith("export ZSCALER_") for line in lines), lines
        script = "".join(lines) + 'echo "$ZSCALER_CLIENT_ID|$ZSCALER_API_BASE_URL|$ZSCALER_TOKEN_URL"'
        shown = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=True).stdout.strip()
        client_id, base, token_url = shown.split("|")
        assert client_id == "zscaler-simulator-client" and token_url == base + "/oauth2/v1/token"
        r = httpx.post(token_url, data={"grant_type": "client_credentials", "client_id": client_id,
                                        "client_secret": "zscaler-simulator-secret"})
        assert r.status_code == 200 and r.json()["access_token"]
    finally:
        _stop(proc)


def test_environ_is_the_oneapi_config_under_its_env_names():
    with Simulator(tenant="empty") as sim:
        env = sim.environ()
        cfg = sim.oneapi_config()
        assert env["ZSCALER_CLIENT_ID"] == cfg["clientId"] and env["ZSCALER_CLIENT_SECRET"] == cfg["clientSecret"]
        assert env["ZSCALER_VANITY_DOMAIN"] == cfg["vanityDomain"]
        assert env["ZSCALER_CUSTOMER_ID"] == str(sim.customer_id)
        assert env["ZSCALER_API_BASE_URL"] == sim.url and env["ZSCALER_TOKEN_URL"] == sim.url + "/oauth2/v1/token"
        assert env["ZSCALER_SANDBOX_TOKEN"] == sim.sandbox_token
        assert all(isinstance(v, str) for v in env.values())
        assert "ZSCALER_CLIENT_SECRET" not in sim.environ(clientSecret=None)


def test_a_client_built_from_environ_alone_talks_to_the_simulator(monkeypatch):
    from zscaler.oneapi_client import ZscalerClient

    with Simulator(tenant="empty") as sim:
        sim.seed("zpa", "segment_groups", 2)
        for name in [n for n in os.environ if n.startswith("ZSCALER_")]:
            monkeypatch.delenv(name)
        for name, value in sim.environ().items():
            monkeypatch.setenv(name, value)
        client = ZscalerClient()
        groups, _, err = client.zpa.segment_groups.list_groups()
        assert err is None and len(groups) == 2


def _state_sim(sim: Simulator) -> list[str]:
    """Objects, a setting and ids written through the API; returns the created group ids."""
    with httpx.Client(base_url=sim.url, timeout=10) as c:
        c.headers["Authorization"] = "Bearer " + get_token(sim, c)
        coll = SEG.format(cid=sim.customer_id)
        ids = [c.post(coll, json={"name": f"g{i}"}).json()["id"] for i in range(3)]
    sim.seed("zia", "rule_labels", 2)
    return ids


def test_save_and_load_round_trip_the_whole_state(tmp_path):
    path = tmp_path / "state.json"
    with Simulator(tenant="empty") as a:
        ids = _state_sim(a)
        a.save(path)
        before = a.state()
    doc = json.loads(path.read_text())
    assert doc["format"] == "zscaler-simulator-state" and doc["version"] == 1
    with Simulator(tenant="empty") as b:
        b.seed("zpa", "servers", 4)  # replaced by the load
        b.load(path)
        assert b.state() == before
        with httpx.Client(base_url=b.url, timeout=10) as c:
            c.headers["Authorization"] = "Bearer " + get_token(b, c)
            coll = SEG.format(cid=b.customer_id)
            listed = [o["id"] for o in c.get(coll).json()["list"]]
            assert sorted(listed) == sorted(ids)
            new = c.post(coll, json={"name": "after-load"}).json()["id"]
            assert new not in ids  # the id counters came along


def test_load_refuses_a_file_that_is_not_a_saved_state(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"collections": {}}')
    with Simulator(tenant="empty") as sim:
        with pytest.raises(ValueError, match="not a saved simulator state"):
            sim.load(bad)
        bad.write_text("{nope")
        with pytest.raises(ValueError, match="not a saved simulator state"):
            sim.load(bad)


def test_save_and_load_on_the_command_line(tmp_path):
    first, second = tmp_path / "one.json", tmp_path / "two.json"
    with Simulator(tenant="empty") as sim:
        ids = _state_sim(sim)
        sim.save(first)
    proc, line = _spawn("--port", "0", "--load", str(first), "--save", str(second))
    try:
        url = re.search(r"listening on (http://\S+)", line)
        assert url
        state = httpx.get(url.group(1) + "/_sim/state").json()
        key = SEG.format(cid=sim.customer_id)
        assert sorted(o["id"] for o in state["collections"][key]) == sorted(ids)
    finally:
        _stop(proc)
    saved = json.loads(second.read_text())
    assert sorted(saved["collections"][key]) == sorted(ids)


def test_load_of_a_missing_file_is_a_one_line_error(tmp_path):
    r = _run("--port", "0", "--load", str(tmp_path / "missing.json"))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.strip().startswith("error: cannot read ") and len(r.stderr.strip().splitlines()) == 1
