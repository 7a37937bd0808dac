"""Exit codes: 2 usage, 3 API error, 4 authentication, 5 transport; messages name what to fix."""

from __future__ import annotations

import socket

import pytest

from zscaler.cli import exits
from zscaler.errors import (AuthenticationError, BadRequestError, ConfigurationError, NotFoundError,
                            PermissionDeniedError, RetryBudgetExceeded, ServerError, TokenError, TransportError)


def _free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_usage_errors_exit_2(invoke, sim, env_for):
    r = invoke("zpa", "segment-groups", "get", env=env_for())  # --group-id missing
    assert r.exit_code == exits.USAGE and "--group-id" in r.output
    r = invoke("zpa", "segment-groups", "add", "--set", "novalue", env=env_for())
    assert r.exit_code == exits.USAGE and "KEY=VALUE" in r.output
    r = invoke("zpa", "segment-groups", "add", "--json", "[1, 2]", env=env_for())
    assert r.exit_code == exits.USAGE and "JSON object" in r.output
    r = invoke("zpa", "segment-groups", "add", "--json", "@/does/not/exist.json", env=env_for())
    assert r.exit_code == exits.USAGE and "does not exist" in r.output
    r = invoke("--output", "xml", "zpa", "segment-groups", "list", env=env_for())
    assert r.exit_code == exits.USAGE
    assert api_calls(sim) == []  # nothing was sent


def api_calls(sim):
    return [r for r in sim.requests if "/oauth2/" not in r.path]


def test_invalid_configuration_value_exits_2(invoke, sim, env_for):
    r = invoke("zpa", "segment-groups", "list", env=env_for(ZSCALER_RATE_LIMIT_MAX_RETRIES="many"))
    assert r.exit_code == exits.USAGE
    assert "rateLimit.maxRetries" in r.output and "ZSCALER_RATE_LIMIT_MAX_RETRIES" in r.output


def test_api_errors_exit_3(invoke, sim, env_for):
    r = invoke("zpa", "segment-groups", "get", "--group-id", "12345", env=env_for())
    assert r.exit_code == exits.API
    assert "HTTP 404" in r.output and "hint:" in r.output
    r = invoke("zpa", "provisioning", "add", "--key-type", "connector", "--name", "no-max-usage", env=env_for())
    assert r.exit_code == exits.API and "maxUsage" in r.output  # the simulator requires it, the message says so
    sim.fault(path="*/segmentGroup", method="GET", status=500, times=1)
    r = invoke("zpa", "segment-groups", "list", env=env_for())
    assert r.exit_code == exits.API and "HTTP 500" in r.output


def test_missing_credentials_exit_4(invoke):
    r = invoke("zpa", "segment-groups", "list")
    assert r.exit_code == exits.AUTH
    assert "clientId" in r.output and "ZSCALER_CLIENT_ID" in r.output


def test_refused_credentials_exit_4_without_leaking_the_secret(invoke, sim, env_for):
    r = invoke("zpa", "segment-groups", "list", env=env_for(ZSCALER_CLIENT_SECRET="wrong-secret-value"))
    assert r.exit_code == exits.AUTH
    assert "401" in r.output and "wrong-secret-value" not in r.output


def test_forbidden_exits_4(invoke, sim, env_for):
    sim.fault(path="*/segmentGroup", method="GET", status=403, times=1)
    r = invoke("zpa", "segment-groups", "list", env=env_for())
    assert r.exit_code == exits.AUTH and "HTTP 403" in r.output


def test_legacy_without_keys_exits_4(invoke):
    r = invoke("--legacy", "zia", "zia", "rule-labels", "list")
    assert r.exit_code == exits.AUTH and "ZIA_USERNAME" in r.output


def test_unreachable_api_exits_5(invoke, sim, env_for):
    port = _free_port()
    r = invoke("zpa", "segment-groups", "list",
               env=env_for(ZSCALER_API_BASE_URL=f"http://127.0.0.1:{port}", ZSCALER_RATE_LIMIT_MAX_RETRIES="0"))
    assert r.exit_code == exits.TRANSPORT, r.output
    assert f"127.0.0.1:{port}" in r.output


def test_unreachable_token_endpoint_exits_5(invoke, sim, env_for):
    port = _free_port()
    r = invoke("zpa", "segment-groups", "list", env=env_for(ZSCALER_TOKEN_URL=f"http://127.0.0.1:{port}/oauth2/v1/token"))
    assert r.exit_code == exits.TRANSPORT, r.output
    assert "could not reach" in r.output


def test_connection_reset_exits_5(invoke, sim, env_for):
    sim.fault(path="*/segmentGroup", method="GET", action="reset", times=None)
    r = invoke("zpa", "segment-groups", "list", env=env_for(ZSCALER_RATE_LIMIT_MAX_RETRIES="0"))
    assert r.exit_code == exits.TRANSPORT, r.output


@pytest.mark.parametrize("error, code", [
    (NotFoundError(404, {"message": "x"}), exits.API),
    (BadRequestError(400, {}), exits.API),
    (ServerError(502, {}), exits.API),
    (RetryBudgetExceeded("too long"), exits.API),
    (AuthenticationError(401, {}), exits.AUTH),
    (PermissionDeniedError(403, {}), exits.AUTH),
    (TokenError("token request refused: HTTP 401", status_code=401), exits.AUTH),
    (ConfigurationError("clientId: missing"), exits.AUTH),
    (ConfigurationError("config key 'requestTimeout' must be a number"), exits.USAGE),
    (TransportError("request failed: ConnectError"), exits.TRANSPORT),
    (ValueError("score_bucket: 'x' is not accepted"), exits.USAGE),
    (RuntimeError("bug"), exits.FAILED),
])
def test_classify(error, code):
    assert exits.classify(error)[0] == code
