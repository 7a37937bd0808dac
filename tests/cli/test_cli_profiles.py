"""Profiles honoured by the SDK too, the YAML trust notice, `zscaler auth status`, `zscaler configure` (issue #19)."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys

import pytest
import yaml

from zscaler import ZscalerClient
from zscaler.errors import ConfigurationError


def _write_profiles(path, profiles, client=None):
    doc = {"zscaler": {"profiles": profiles, **({"client": client} if client else {})}}
    path.write_text(yaml.safe_dump(doc))
    os.chmod(path, 0o600)


def test_sdk_reads_a_profile_from_the_environment_or_the_argument(sim, isolated, monkeypatch):
    sim.seed("zpa", "segment_groups", 2)
    _write_profiles(isolated / "zscaler.yaml", {"sim": sim.oneapi_config()})
    monkeypatch.setenv("ZSCALER_PROFILE", "sim")
    with ZscalerClient() as client:
        groups, _, err = client.zpa.segment_groups.list_groups()
    assert err is None and len(groups) == 2
    monkeypatch.delenv("ZSCALER_PROFILE")
    with ZscalerClient(profile="sim") as client:
        assert len(client.zpa.segment_groups.list_groups().unwrap()) == 2
    with pytest.raises(ConfigurationError) as e:
        ZscalerClient(profile="smi")
    assert "Did you mean 'sim'" in str(e.value)


def test_a_script_run_with_zscaler_profile_uses_it(sim, isolated):
    sim.seed("zpa", "segment_groups", 3)
    _write_profiles(isolated / "zscaler.yaml", {"sim": sim.oneapi_config()})
    script = ("from zscaler import ZscalerClient\n"
              "with ZscalerClient() as c:\n    print(len(c.zpa.segment_groups.list_groups().unwrap()))\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZSCALER_")}
    p = subprocess.run([sys.executable, "-c", script], cwd=isolated, capture_output=True, text=True,
                       env={**env, "ZSCALER_PROFILE": "sim"}, timeout=60)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "3"


def test_yaml_trust_notice_only_for_writable_files_and_once(isolated, caplog, sim):
    path = isolated / "zscaler.yaml"
    _write_profiles(path, {}, client=sim.oneapi_config())
    with caplog.at_level(logging.WARNING, logger="zscaler"):
        ZscalerClient().close()
    assert "other users can write" not in caplog.text  # 0600: no notice
    os.chmod(path, 0o666)
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="zscaler"):
        ZscalerClient().close()
        ZscalerClient().close()
    assert caplog.text.count("other users can write") == 1


def test_auth_status_names_the_client_tenant_and_expiry_never_the_token(invoke, sim, env_for):
    assert invoke("auth", "status", "-o", "json", env=env_for()).stdout == invoke(
        "-o", "json", "auth", "status", env=env_for()).stdout  # a root option after the command group too
    r = invoke("-o", "json", "auth", "status", env=env_for())
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["clientId"] == sim.oneapi_config()["clientId"]
    assert data["vanityDomain"] == sim.oneapi_config()["vanityDomain"] and data["token"] == "valid"
    assert data["tokenExpires"].endswith("Z") and int(data["tokenExpiresIn"].split()[0]) > 0
    assert data["sources"]["clientId"] == "environment variable ZSCALER_CLIENT_ID"
    with ZscalerClient(sim.oneapi_config()) as client:  # equal credentials: the token the command fetched
        token = client._executor.provider.token()
    assert token and token not in r.output
    assert "access_token" not in r.output and "Bearer" not in r.output


def test_auth_status_without_credentials_exits_4(invoke):
    r = invoke("auth", "status")
    assert r.exit_code == 4 and "clientId" in r.stderr


def test_configure_writes_a_profile_the_cli_and_the_sdk_use(invoke, sim, isolated):
    cfg = sim.oneapi_config()
    answers = "\n".join([cfg["clientId"], cfg["clientSecret"], cfg["vanityDomain"], "", cfg["customerId"]]) + "\n"
    r = invoke("configure", "--profile", "lab", input=answers)
    assert r.exit_code == 0, r.output
    path = isolated.parent / "home" / ".zscaler" / "zscaler.yaml"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    written = yaml.safe_load(path.read_text())["zscaler"]["profiles"]["lab"]
    assert written == {"clientId": cfg["clientId"], "clientSecret": cfg["clientSecret"],
                       "vanityDomain": cfg["vanityDomain"], "customerId": cfg["customerId"]}
    assert cfg["clientSecret"] not in r.stdout  # the secret prompt does not echo
    # the profile only lacks the simulator's URLs (a real tenant's come from the cloud)
    env = {"ZSCALER_API_BASE_URL": cfg["apiBaseUrl"], "ZSCALER_TOKEN_URL": cfg["tokenUrl"]}
    r = invoke("--profile", "lab", "-o", "json", "auth", "status", env=env)
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["sources"]["clientId"] == "config"
    r = invoke("configure", "--profile", "other", input=answers)
    profiles = yaml.safe_load(path.read_text())["zscaler"]["profiles"]
    assert set(profiles) == {"lab", "other"}  # an existing profile is kept
