"""LegacyZWAClient: login wire format, renewal, rate limits; and the README's ZWA example."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from helpers import api_requests

from zscaler.errors import TokenError
from zscaler.oneapi_client import LegacyZWAClient
from zscaler.simulator import Simulator

LOGIN = "/_legacy/zwa/v1/auth/api-key/token"
TX = "SVDP-17410643229970491392"


def _logins(sim):
    return [r for r in sim.requests if r.path == LOGIN]


def test_login_sends_key_id_and_secret(sim):
    with LegacyZWAClient(sim.legacy_config("zwa")) as client:
        (login,) = _logins(sim)
        creds = sim.legacy_credentials["zwa"]
        assert json.loads(login.body) == {"key_id": creds["key_id"], "key_secret": creds["key_secret"]}
        assert login.headers["content-type"].startswith("application/json")
        client.zwa.dlp_incidents.get_incident_evidence("i-1")
        (call,) = api_requests(sim, "/evidence")
        assert call.path == "/_legacy/zwa/dlp/v1/incidents/i-1/evidence"
        assert call.headers["authorization"].startswith("Bearer ")


def test_wrong_secret_fails_at_construction(sim):
    with pytest.raises(TokenError, match="zwa login refused: HTTP 401"):
        LegacyZWAClient(sim.legacy_config("zwa", key_secret="wrong"))


@pytest.fixture(scope="module")
def short_sim():
    with Simulator(token_lifetime=1) as s:
        yield s


def test_token_is_renewed_before_it_expires(short_sim):
    sim = short_sim
    sim.reset()
    with LegacyZWAClient(sim.legacy_config("zwa")) as client:
        assert client.zwa.dlp_incidents.dlp_incident_search().error is None
        first = api_requests(sim, "/incidents/search")[-1].headers["authorization"]
        time.sleep(1.1)
        stale = httpx.post(sim.url + "/_legacy/zwa/dlp/v1/incidents/search", json={},
                           headers={"Authorization": first})
        assert stale.status_code == 401
        assert client.zwa.dlp_incidents.dlp_incident_search().error is None
        assert len(_logins(sim)) == 2


def test_rate_limit_headers_are_zwa_own(sim):
    with LegacyZWAClient(sim.legacy_config("zwa")) as client:
        auth = dict(client.get_request_executor().provider.headers())
    sim.rate_limit("zwa", 1)
    with httpx.Client(base_url=sim.url, headers=auth) as http:
        answers = [http.get("/_legacy/zwa/dlp/v1/incidents/i-1/evidence") for _ in range(3)]
    limited = next(r for r in answers if r.status_code == 429)
    assert limited.headers["RateLimit-Remaining"] == "0" and int(limited.headers["RateLimit-Reset"]) >= 1
    assert "retry-after" not in limited.headers


def test_readme_legacy_zwa_example(sim, capsys):
    """The README's LegacyZWAClient example, with only the config pointed at the simulator."""
    sim.seed("zwa", "dlp_incidents", 1, path="/zwa/dlp/v1/incidents", transactionId=TX, severity="HIGH")
    config = sim.legacy_config("zwa", logging={"enabled": False, "verbose": False})

    def main():
        with LegacyZWAClient(config) as client:
            transactions, _, err = client.zwa.dlp_incidents.get_incident_transactions('SVDP-17410643229970491392')
            if err:
                print(f"Error listing transactions: {err}")
                return
            for incident in transactions:
                print(incident.as_dict())

    main()
    out = capsys.readouterr().out
    assert "Error" not in out and TX in out and "'severity': 'HIGH'" in out


def test_rate_limited_login_is_retried(sim):
    sim.fault(path=LOGIN, status=429, times=1)  # ZWA's RateLimit-Reset: 0
    with LegacyZWAClient(sim.legacy_config("zwa")) as client:
        assert client.zwa.dlp_incidents.dlp_incident_search().error is None
    assert [r.status for r in _logins(sim)] == [429, 200]
