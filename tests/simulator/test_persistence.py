"""State in SQLite: survives a restart, and nothing acknowledged is lost when the process is killed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys

import httpx
import pytest

from zscaler.simulator import Simulator

from simhelpers import get_token, zpa


def test_state_survives_restart_in_process(tmp_path):
    db = str(tmp_path / "state.db")
    with Simulator(catalogs=["zpa"], db=db, tenant="empty") as sim:
        token = get_token(sim)
        h = {"Authorization": f"Bearer {token}"}
        ids = [httpx.post(sim.url + zpa(sim, "/segmentGroup"), json={"name": f"g{i}"}, headers=h).json()["id"]
               for i in range(3)]
        httpx.put(sim.url + zpa(sim, f"/segmentGroup/{ids[1]}"), json={"name": "renamed"}, headers=h)
        httpx.delete(sim.url + zpa(sim, f"/segmentGroup/{ids[2]}"), headers=h)
        sim.seed("zpa", "provisioning", 2, params={"key_type": "CONNECTOR_GRP"})
    with Simulator(catalogs=["zpa"], db=db, tenant="empty") as sim:
        h = {"Authorization": f"Bearer {get_token(sim)}"}
        groups = httpx.get(sim.url + zpa(sim, "/segmentGroup"), headers=h).json()["list"]
        assert [(g["id"], g["name"]) for g in groups] == [(ids[0], "g0"), (ids[1], "renamed")]
        keys = httpx.get(sim.url + zpa(sim, "/associationType/CONNECTOR_GRP/provisioningKey"), headers=h).json()
        assert keys["totalCount"] == "2"
        # ids keep increasing after a restart: no reuse of an id handed out before
        new = httpx.post(sim.url + zpa(sim, "/segmentGroup"), json={"name": "new"}, headers=h).json()["id"]
        assert int(new) > max(int(i) for i in ids)
        sim.reset()
    with Simulator(catalogs=["zpa"], db=db, tenant="empty") as sim:
        assert sim.state()["collections"] == {}


def test_singletons_and_microtenants_persist(tmp_path):
    from simhelpers import ZIA_TEST

    db = str(tmp_path / "s.db")
    with Simulator(catalogs=["zpa"], products=[ZIA_TEST], db=db) as sim:
        h = {"Authorization": f"Bearer {get_token(sim)}"}
        httpx.put(sim.url + "/zia/api/v1/settings", json={"on": True}, headers=h)
        httpx.post(sim.url + zpa(sim, "/segmentGroup"), params={"microtenantId": "7"}, json={"name": "m"}, headers=h)
    with Simulator(catalogs=["zpa"], products=[ZIA_TEST], db=db) as sim:
        h = {"Authorization": f"Bearer {get_token(sim)}"}
        assert httpx.get(sim.url + "/zia/api/v1/settings", headers=h).json() == {"on": True}
        coll = sim.url + zpa(sim, "/segmentGroup")
        assert httpx.get(coll, headers=h).json()["totalCount"] == "0"
        assert httpx.get(coll, params={"microtenantId": "7"}, headers=h).json()["totalCount"] == "1"


def _spawn(db: str):
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "zscaler.simulator", "--db", db, "--port", "0"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    head = []
    for _ in range(40):
        line = proc.stdout.readline()
        if not line:
            break
        head.append(line)
        if line.strip().startswith("control API"):
            break
    text = "".join(head)
    m = re.search(r"listening on (http://\S+)", text)
    if not m:
        proc.kill()
        pytest.fail(f"simulator did not start: {text}\n{proc.stderr.read()}")
    return proc, m.group(1), text


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_right_after_acknowledged_create(tmp_path):
    db = str(tmp_path / "kill.db")
    proc, url, banner = _spawn(db)
    try:
        # the banner tells where it listens and which credentials to use
        assert "clientSecret" in banner and "customerId" in banner and "/_legacy/" in banner
        cid = re.search(r"customerId: (\d+)", banner).group(1)
        secret = re.search(r"clientSecret: (\S+)", banner).group(1)
        client_id = re.search(r"clientId: (\S+)", banner).group(1)
        token = httpx.post(url + "/oauth2/v1/token", data={
            "grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}).json()["access_token"]
        coll = f"{url}/zpa/mgmtconfig/v1/admin/customers/{cid}/segmentGroup"
        created = httpx.post(coll, json={"name": "must-survive"}, headers={"Authorization": f"Bearer {token}"})
        assert created.status_code == 201
        os.kill(proc.pid, signal.SIGKILL)  # no chance to flush or close anything
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.stdout.close()
        proc.stderr.close()

    proc2, url2, _ = _spawn(db)
    try:
        token = httpx.post(url2 + "/oauth2/v1/token", data={
            "grant_type": "client_credentials", "client_id": client_id, "client_secret": secret}).json()["access_token"]
        coll2 = f"{url2}/zpa/mgmtconfig/v1/admin/customers/{cid}/segmentGroup"
        listed = httpx.get(coll2, headers={"Authorization": f"Bearer {token}"}).json()["list"]
        assert [(g["id"], g["name"]) for g in listed] == [(created.json()["id"], "must-survive")]
        # the old token died with the old process
        assert httpx.get(coll2, headers={"Authorization": "Bearer stale"}).status_code == 401
    finally:
        proc2.send_signal(signal.SIGTERM)
        try:
            proc2.wait(10)
        finally:
            if proc2.poll() is None:
                proc2.kill()
            proc2.stdout.close()
            proc2.stderr.close()
    assert proc2.returncode == 0  # SIGTERM is a clean shutdown
