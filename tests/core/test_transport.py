"""Auth, retries, headers, errors, cache and threads, over real loopback HTTP."""

import logging
import threading

import pytest

from zscaler import ZscalerClient
from zscaler.errors import (RateLimitError, RetryBudgetExceeded, ServerError, TokenError,
                            TransportError)

from helpers import api_requests, token_requests


def test_token_is_fetched_once_and_reused(client, sim):
    for _ in range(5):
        client.zpa.segment_groups.list_groups().unwrap()
    assert len(token_requests(sim)) == 1
    form = token_requests(sim)[0].body.decode()
    assert "grant_type=client_credentials" in form and "audience=https%3A%2F%2Fapi.zscaler.com" in form
    auth = api_requests(sim)[-1].headers["authorization"]
    assert auth.startswith("Bearer ")


def test_token_refreshed_before_expiry(client, sim):
    provider = client.get_request_executor().provider
    now = [1_000_000.0]
    provider._clock = lambda: now[0]
    client.zpa.segment_groups.list_groups().unwrap()
    assert len(token_requests(sim)) == 1
    now[0] = provider.expires_at - 30  # inside the early-refresh window, still valid
    client.zpa.segment_groups.list_groups().unwrap()
    assert len(token_requests(sim)) == 2


def test_expired_token_is_refreshed_once_on_401(client, sim):
    client.zpa.segment_groups.list_groups().unwrap()
    sim.expire_tokens()
    groups, _, err = client.zpa.segment_groups.list_groups()
    assert err is None and groups == []
    assert len(token_requests(sim)) == 2
    statuses = [r.path for r in api_requests(sim)]
    assert len(statuses) == 3  # ok, 401, retried ok


def test_wrong_secret_is_a_clear_error_without_the_secret(sim):
    c = ZscalerClient(sim.oneapi_config(clientSecret="wrong-secret-value"))
    _, _, err = c.zpa.segment_groups.list_groups()
    assert isinstance(err, TokenError) and "401" in str(err)
    assert "wrong-secret-value" not in str(err) and "wrong-secret-value" not in repr(err)


def test_private_key_jwt_pkcs8_pkcs1_and_jwk(sim):
    import json

    import jwt
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(sim.private_key_pem.encode(), password=None)
    pkcs1 = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                              serialization.NoEncryption()).decode()
    jwk = json.dumps(json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key)))
    for pk in (sim.private_key_pem, pkcs1, jwk):
        cfg = sim.oneapi_config(privateKey=pk)
        cfg.pop("clientSecret")
        with ZscalerClient(cfg) as c:
            assert c.zpa.segment_groups.list_groups().error is None
        form = token_requests(sim)[-1].body.decode()
        assert "client_assertion=" in form and "client_secret" not in form


def test_private_key_from_file(sim, tmp_path):
    path = tmp_path / "key.pem"
    path.write_text(sim.private_key_pem)
    cfg = sim.oneapi_config(privateKey=str(path))
    cfg.pop("clientSecret")
    with ZscalerClient(cfg) as c:
        assert c.zpa.segment_groups.list_groups().error is None


def test_bad_private_key_error_does_not_echo_it(sim):
    from zscaler.errors import ConfigurationError

    bad = "-----BEGIN PRIVATE KEY-----\nNOTAKEYsecretmaterial\n-----END PRIVATE KEY-----"
    with pytest.raises(ConfigurationError) as e:
        ZscalerClient(sim.oneapi_config(privateKey=bad))
    assert "NOTAKEYsecretmaterial" not in str(e.value) and "privateKey" in str(e.value)


def test_shared_client_across_threads(client, sim):
    created = client.zpa.segment_groups.add_group(name="shared").unwrap()
    errors = []

    def work():
        for _ in range(15):
            r = client.zpa.segment_groups.get_group(created.id)
            if r.error is not None or r.result.name != "shared":
                errors.append(r.error)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(token_requests(sim)) == 1
    assert len(api_requests(sim, created.id)) == 120


def test_429_then_success_honours_headers(client, sim):
    sim.fault(path="*/segmentGroup", method="GET", status=429, times=2)
    groups, resp, err = client.zpa.segment_groups.list_groups()
    assert err is None and resp.get_status() == 200
    assert len(api_requests(sim, "/segmentGroup")) == 3


def test_retries_exhausted_is_a_rate_limit_error(client, sim):
    sim.fault(path="*/segmentGroup", method="GET", status=429, times=10)
    _, resp, err = client.zpa.segment_groups.list_groups()
    assert isinstance(err, RateLimitError) and err.status_code == 429 and resp is None
    assert len(api_requests(sim, "/segmentGroup")) == 3  # maxRetries=2


def test_503_retried_for_get_not_for_post(client, sim):
    sim.fault(path="*/segmentGroup", method="GET", status=503, times=1)
    assert client.zpa.segment_groups.list_groups().error is None
    sim.fault(path="*/segmentGroup", method="POST", status=503, times=1)
    _, _, err = client.zpa.segment_groups.add_group(name="once")
    assert isinstance(err, ServerError) and err.status_code == 503
    assert len([r for r in api_requests(sim, "/segmentGroup") if r.method == "POST"]) == 1


def test_connection_reset_is_retried_for_get(client, sim):
    sim.fault(path="*/segmentGroup", method="GET", action="reset", times=1)
    assert client.zpa.segment_groups.list_groups().error is None


def test_connection_reset_on_post_is_a_transport_error(client, sim):
    sim.fault(path="*/segmentGroup", method="POST", action="reset", times=1)
    _, _, err = client.zpa.segment_groups.add_group(name="x")
    assert isinstance(err, TransportError) and "POST" in str(err)


def test_long_retry_after_fails_fast_instead_of_sleeping(sim):
    c = ZscalerClient(sim.oneapi_config(rateLimit={"maxRetrySeconds": 5}))
    sim.fault(path="*/segmentGroup", method="GET", status=429, times=1, headers={"Retry-After": "600"})
    _, _, err = c.zpa.segment_groups.list_groups()
    assert isinstance(err, RetryBudgetExceeded) and "maxRetrySeconds=5" in str(err)


def test_malformed_json_is_a_clear_error(client, sim):
    from zscaler.errors import ResponseFormatError

    sim.fault(path="*/segmentGroup", method="GET", action="malformed", times=1)
    _, _, err = client.zpa.segment_groups.list_groups()
    assert isinstance(err, ResponseFormatError) and "not valid JSON" in str(err)


def test_default_and_custom_headers(sim):
    c = ZscalerClient(sim.oneapi_config(partnerId="partner-42", userAgent="my-tool/1.0"))
    c.set_custom_headers({"X-Custom": "v1", "Authorization": "Bearer hijack"})
    c.zpa.segment_groups.list_groups()
    h = api_requests(sim)[-1].headers
    assert h["x-partner-id"] == "partner-42" and h["x-custom"] == "v1"
    assert h["user-agent"].startswith("zscaler-sdk-python/") and h["user-agent"].endswith(" my-tool/1.0")
    assert h["authorization"] != "Bearer hijack"
    assert c.get_custom_headers() == {"X-Custom": "v1", "Authorization": "Bearer hijack"}
    d = c.get_default_headers()
    d["x-partner-id"] = "changed"
    assert c.get_default_headers()["x-partner-id"] == "partner-42"
    c.clear_custom_headers()
    assert c.get_custom_headers() == {}
    c.zpa.segment_groups.list_groups()
    assert "x-custom" not in api_requests(sim)[-1].headers


def test_no_body_on_get_and_json_body_on_write(client, sim):
    client.zpa.segment_groups.list_groups()
    assert api_requests(sim)[-1].body == b""
    client.zpa.segment_groups.add_group(name="x")
    assert api_requests(sim)[-1].headers["content-type"] == "application/json"


def test_cache_ttl_and_invalidation(sim):
    c = ZscalerClient(sim.oneapi_config(cache={"enabled": True}))
    g = c.zpa.segment_groups.add_group(name="cached").unwrap()
    sim.clear_requests()
    assert c.zpa.segment_groups.get_group(g.id).unwrap().name == "cached"
    assert c.zpa.segment_groups.get_group(g.id).unwrap().name == "cached"
    assert c.zpa.segment_groups.list_groups().unwrap()[0].name == "cached"
    assert len(api_requests(sim)) == 2  # one GET of the item, one of the list
    c.zpa.segment_groups.update_group(g.id, name="renamed").unwrap()
    assert c.zpa.segment_groups.get_group(g.id).unwrap().name == "renamed"
    assert c.zpa.segment_groups.list_groups().unwrap()[0].name == "renamed"


def test_logging_never_shows_secrets(sim):
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    root_handlers = list(logging.getLogger().handlers)
    handler = Keep()
    lg = logging.getLogger("zscaler")
    c = ZscalerClient(sim.oneapi_config(logging={"enabled": True, "verbose": True}))
    lg.addHandler(handler)
    try:
        c.zpa.provisioning.add_provisioning_key("connector", "k", 1, "99999", "888888",
                                                provisioningKey="3|secret-provisioning-key-value").unwrap()
        c.zpa.segment_groups.list_groups(query_params={"search": "x"}).unwrap()
        token = c.get_request_executor().provider.token()
    finally:
        lg.removeHandler(handler)
        lg.setLevel(logging.NOTSET)
        for h in [h for h in lg.handlers if getattr(h, "_zscaler", False)]:
            lg.removeHandler(h)
        lg.propagate = True
    text = "\n".join(records)
    assert "segmentGroup" in text and "-> 200" in text
    for secret in (sim.client_secret, token):
        assert secret not in text
    assert "secret-provisioning-key-value" not in text and "maxUsage" in text
    assert logging.getLogger().handlers == root_handlers


def test_errors_never_carry_the_token(client, sim):
    sim.fault(path="*/segmentGroup", method="GET", status=403, times=1, body={"id": "forbidden", "reason": "no"})
    _, _, err = client.zpa.segment_groups.list_groups()
    token = client.get_request_executor().provider.token()
    assert err.status_code == 403 and token not in str(err) and token not in repr(err)
    assert "HTTP 403 forbidden no" in str(err)


def test_context_manager_closes_the_pool(sim):
    with ZscalerClient(sim.oneapi_config()) as c:
        c.zpa.segment_groups.list_groups().unwrap()
        pool = c.get_request_executor().http.client
    assert pool.is_closed
    # still usable afterwards: a new pool is opened on demand
    assert c.zpa.segment_groups.list_groups().error is None


def test_pool_is_reused_without_context_manager(client, sim):
    client.zpa.segment_groups.list_groups()
    pool = client.get_request_executor().http.client
    client.zpa.segment_groups.list_groups()
    assert client.get_request_executor().http.client is pool


def test_unknown_resource_is_named(client):
    with pytest.raises(AttributeError, match="zpa has no resource 'segment_groupz'"):
        client.zpa.segment_groupz


def test_requests_carry_compression_and_our_headers(client, sim):
    client.zpa.segment_groups.list_groups()
    from helpers import api_requests

    req = api_requests(sim, "/segmentGroup")[-1]
    headers = req.headers
    assert "gzip" in headers.get("accept-encoding", "")
    assert headers["authorization"].startswith("Bearer ")
    assert headers["user-agent"].startswith("zscaler-sdk-python")


def test_rate_limited_token_request_is_retried(sim):
    from zscaler import ZscalerClient
    from helpers import token_requests

    sim.fault("/oauth2/v1/token", status=429, times=1, headers={"Retry-After": "0"})
    with ZscalerClient(sim.oneapi_config()) as c:
        assert c.zpa.segment_groups.list_groups().error is None
    assert [r.status for r in token_requests(sim)] == [429, 200]
