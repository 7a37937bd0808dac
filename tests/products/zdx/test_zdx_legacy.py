"""LegacyZDXClient: login wire format, renewal, rate limits; and the README's ZDX example."""

from __future__ import annotations

import hashlib
import json
import time

import httpx
import pytest
from helpers import api_requests

from zscaler.errors import TokenError
from zscaler.oneapi_client import LegacyZDXClient
from zscaler.simulator import Simulator

LOGIN = "/_legacy/zdx/v1/oauth/token"


def _logins(sim):
    return [r for r in sim.requests if r.path == LOGIN]


def test_login_sends_key_id_and_hashed_secret_with_timestamp(sim):
    before = int(time.time())
    with LegacyZDXClient(sim.legacy_config("zdx")) as client:
        (login,) = _logins(sim)
        body = json.loads(login.body)
        assert set(body) == {"key_id", "key_secret", "timestamp"}
        assert body["key_id"] == sim.legacy_credentials["zdx"]["key_id"]
        ts = body["timestamp"]
        assert isinstance(ts, int) and before <= ts <= int(time.time())
        secret = sim.legacy_credentials["zdx"]["key_secret"]
        assert body["key_secret"] == hashlib.sha256(f"{secret}:{ts}".encode()).hexdigest()
        assert secret not in login.body.decode()
        assert login.headers["content-type"].startswith("application/json")

        _, _, err = client.zdx.apps.list_apps()
        assert err is None
        (call,) = api_requests(sim, "/zdx/v1/apps")
        assert call.path == "/_legacy/zdx/v1/apps"  # the /zdx prefix is the legacy host's path
        assert call.headers["authorization"].startswith("Bearer ") and len(call.headers["authorization"]) > 20


def test_wrong_secret_fails_at_construction(sim):
    with pytest.raises(TokenError, match="zdx login refused: HTTP 401"):
        LegacyZDXClient(sim.legacy_config("zdx", key_secret="wrong"))


@pytest.fixture(scope="module")
def short_sim():
    with Simulator(token_lifetime=1) as s:
        yield s


def test_token_is_renewed_before_it_expires(short_sim):
    sim = short_sim
    sim.reset()
    with LegacyZDXClient(sim.legacy_config("zdx")) as client:
        assert client.zdx.apps.list_apps().error is None
        first = api_requests(sim, "/zdx/v1/apps")[-1].headers["authorization"]
        time.sleep(1.1)  # the first token has lapsed on the server
        stale = httpx.get(sim.url + "/_legacy/zdx/v1/apps", headers={"Authorization": first})
        assert stale.status_code == 401
        assert client.zdx.apps.list_apps().error is None
        assert len(_logins(sim)) == 2
        assert api_requests(sim, "/zdx/v1/apps")[-1].headers["authorization"] != first


def test_rate_limit_headers_are_zdx_own(sim):
    """Legacy ZDX answers 429 with RateLimit-Limit/Remaining/Reset; OneAPI adds the gateway's x-ratelimit-*."""
    with LegacyZDXClient(sim.legacy_config("zdx")) as client:
        auth = dict(client.get_request_executor().provider.headers())
    sim.rate_limit("zdx", 1)
    with httpx.Client(base_url=sim.url, headers=auth) as http:
        answers = [http.get("/_legacy/zdx/v1/apps") for _ in range(3)]
    limited = next(r for r in answers if r.status_code == 429)
    assert limited.headers["RateLimit-Limit"] == "1" and limited.headers["RateLimit-Remaining"] == "0"
    assert int(limited.headers["RateLimit-Reset"]) >= 1
    assert limited.json()["code"] == "RATE_LIMIT_EXCEEDED"
    assert "x-ratelimit-reset" not in limited.headers

    sim.rate_limit("zdx", None)
    token = httpx.post(sim.url + "/oauth2/v1/token", data={"grant_type": "client_credentials",
                                                           "client_id": sim.client_id,
                                                           "client_secret": sim.client_secret}).json()["access_token"]
    sim.rate_limit("zdx", 1)
    with httpx.Client(base_url=sim.url, headers={"Authorization": f"Bearer {token}"}) as http:
        answers = [http.get("/zdx/v1/apps") for _ in range(3)]
    limited = next(r for r in answers if r.status_code == 429)
    assert limited.headers["RateLimit-Reset"] == limited.headers["x-ratelimit-reset"]
    assert "retry-after" in limited.headers


def test_readme_legacy_zdx_example(sim, capsys):
    """The README's LegacyZDXClient example, with only the config pointed at the simulator."""
    sim.seed("zdx", "apps", 2, path="/zdx/v1/apps", score=80)
    config = sim.legacy_config("zdx", logging={"enabled": False, "verbose": False})

    def main():
        with LegacyZDXClient(config) as client:
            app_list, _, err = client.zdx.apps.list_apps(query_params={"since": 2})
            if err:
                print(f"Error listing applications: {err}")
                return
            for app in app_list:
                print(app.as_dict())

    main()
    out = capsys.readouterr().out
    assert "Error" not in out and out.count("'score': 80") == 2
    (req,) = api_requests(sim, "/zdx/v1/apps")
    assert set(req.query) == {"from", "to"}


def test_rate_limited_login_is_retried(sim):
    sim.fault(path=LOGIN, status=429, times=1)  # ZDX's RateLimit-Reset: 0
    with LegacyZDXClient(sim.legacy_config("zdx")) as client:
        assert client.zdx.apps.list_apps().error is None
    assert [r.status for r in _logins(sim)] == [429, 200]
