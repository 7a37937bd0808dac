"""The pytest plugin: a user's suite gets the fixtures through the installed entry point."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

USER_SUITE = textwrap.dedent(
    '''
    import httpx

    SEEN = {}

    def _groups(sim):
        token = httpx.post(sim.url + "/oauth2/v1/token", data={
            "grant_type": "client_credentials", "client_id": sim.client_id,
            "client_secret": sim.client_secret}).json()["access_token"]
        url = f"{sim.url}/zpa/mgmtconfig/v1/admin/customers/{sim.customer_id}/segmentGroup"
        return url, {"Authorization": "Bearer " + token}

    def test_first(zscaler_sim):
        url, h = _groups(zscaler_sim)
        assert httpx.post(url, json={"name": "one"}, headers=h).status_code == 201
        SEEN["url"] = zscaler_sim.url

    def test_second_starts_clean_on_the_same_server(zscaler_sim, zscaler_simulator):
        assert zscaler_sim is zscaler_simulator and zscaler_sim.url == SEEN["url"]
        url, h = _groups(zscaler_sim)
        assert httpx.get(url, headers=h).json()["list"] == []

    def test_client_fixture(zscaler_client):
        assert zscaler_client is not None
    '''
)


def test_fixtures_from_the_entry_point(tmp_path):
    (tmp_path / "test_user_suite.py").write_text(USER_SUITE)
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", str(tmp_path / "test_user_suite.py")],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "2 passed" in out or "3 passed" in out, out
    try:
        import zscaler.oneapi_client  # noqa: F401
    except ImportError:
        assert "1 skipped" in out, out
    else:
        assert "3 passed" in out, out


ENV_SUITE = textwrap.dedent(
    '''
    import os

    from zscaler.oneapi_client import ZscalerClient

    def build_from_environment():
        return ZscalerClient()  # the user's code: no config, only ZSCALER_* variables

    def test_env_fixture(zscaler_env, zscaler_sim):
        assert os.environ["ZSCALER_API_BASE_URL"] == zscaler_sim.url == zscaler_env["ZSCALER_API_BASE_URL"]
        assert "ZSCALER_MICROTENANT_ID" not in os.environ  # a stray variable of the shell is hidden
        zscaler_sim.seed("zpa", "segment_groups", 3)
        groups, _, err = build_from_environment().zpa.segment_groups.list_groups()
        assert err is None and len(groups) == 3

    def test_env_is_gone_after_the_test():
        assert os.environ.get("ZSCALER_API_BASE_URL") is None
        assert os.environ["ZSCALER_MICROTENANT_ID"] == "stray"
    '''
)


def test_the_env_fixture_sets_the_environment_for_one_test(tmp_path):
    (tmp_path / "test_env_suite.py").write_text(ENV_SUITE)
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZSCALER_")}
    env["ZSCALER_MICROTENANT_ID"] = "stray"
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
         str(tmp_path / "test_env_suite.py")],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, env=env,
    )
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out
    assert "2 passed" in out, out


def test_every_fixture_has_a_docstring(tmp_path):
    from zscaler.simulator import pytest_plugin

    names = ["zscaler_simulator", "zscaler_sim", "zscaler_client", "zscaler_env"]
    for name in names:
        fixture = getattr(pytest_plugin, name)
        fn = getattr(fixture, "__wrapped__", None) or getattr(fixture, "_fixture_function", None) or fixture
        assert (fn.__doc__ or "").strip(), name
    proc = subprocess.run([sys.executable, "-m", "pytest", "--fixtures", "-q", "-p", "no:cacheprovider"],
                          capture_output=True, text=True, timeout=120, cwd=tmp_path)
    for name in names:
        block = proc.stdout.split(name, 1)[1].split("\n\n", 1)[0]
        assert "no docstring available" not in block, (name, block)
