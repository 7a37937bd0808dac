"""The pytest plugin: a user's suite gets the fixtures through the installed entry point."""

from __future__ import annotations

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
