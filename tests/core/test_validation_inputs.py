"""Bad input is named, never dangerous (issue #15, items 9-16).

Every refused value raises an error naming the key or the argument before anything is sent; the
retry layer reads rate-limit headers defensively, jitters the waits they ask for and keeps logins
inside the call's budget; a DELETE replayed after its answer was lost reports success.
"""

from __future__ import annotations

import logging

import httpx
import pytest

from zscaler import ZscalerClient
from zscaler.errors import ConfigurationError, RetryBudgetExceeded, TokenError
from zscaler.oneapi_client import LegacyZIAClient, LegacyZPAClient
from zscaler.transport.pipeline import NOTE_HEADER, Request, RetryLayer, RetryPolicy, header_wait, jittered

from helpers import FAST_RETRY, api_requests

TOKEN = {"access_token": "tok-validation", "expires_in": 3600}


class Recorder:
    """An httpx transport answering every request (token: a token; the rest: ``[]``), recording them."""

    def __init__(self, token_status: int = 200, token_headers: dict | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.token_status, self.token_headers = token_status, token_headers or {}

    def __call__(self, req: httpx.Request) -> httpx.Response:
        self.requests.append(req)
        if req.url.path.endswith("/oauth2/v1/token"):
            return httpx.Response(self.token_status, json=TOKEN if self.token_status == 200 else {},
                                  headers=self.token_headers)
        return httpx.Response(200, json=[])

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)


def config(**over):
    cfg = {"clientId": "cid", "clientSecret": "secret-validation", "vanityDomain": "acme", "customerId": "123"}
    cfg.update(over)
    return cfg


def refused(key: str, **over) -> str:
    rec = Recorder()
    with pytest.raises(ConfigurationError) as e:
        ZscalerClient(config(transport=rec.transport(), **over))
    assert f"'{key}'" in str(e.value), str(e.value)
    assert rec.requests == []
    return str(e.value)


# ------------------------------------------------------------------ 9: host-forming values

@pytest.mark.parametrize("key", ["vanityDomain", "cloud", "sandboxCloud"])
@pytest.mark.parametrize("value", ["evil.example/x", "a b", "x@y", "a:b", "evil.example#", "x\r\ny", "-bad", "a..b"])
def test_host_forming_values_are_host_labels(key, value):
    message = refused(key, **{key: value})
    assert "host name part" in message


@pytest.mark.parametrize("key,value", [("vanityDomain", "acme-corp"), ("cloud", "beta"), ("cloud", "zscalerbeta"),
                                       ("sandboxCloud", "zscalerthree"), ("vanityDomain", "tenant.eu")])
def test_host_forming_values_accepted(key, value):
    ZscalerClient(config(transport=Recorder().transport(), **{key: value})).close()


def test_legacy_cloud_is_a_host_label_from_config_and_environment(monkeypatch):
    base = {"username": "u", "password": "p", "api_key": "abcdefghijklmnop", "transport": Recorder().transport()}
    with pytest.raises(ConfigurationError, match="LegacyZIAClient: config key 'cloud'"):
        LegacyZIAClient({**base, "cloud": "evil.example/x"})
    monkeypatch.setenv("ZIA_CLOUD", "evil.example/x")
    with pytest.raises(ConfigurationError, match="'cloud' must be a host name part"):
        LegacyZIAClient(base)


@pytest.mark.parametrize("value", ["ftp://host", "https://", "https://ho st", "https://host:99999", "host.example",
                                   "https://host:port", "https://h\tx"])
def test_base_urls_are_http_urls(value):
    refused("apiBaseUrl", apiBaseUrl=value)


def test_base_url_error_never_echoes_userinfo():
    message = refused("tokenUrl", tokenUrl="https://admin:hunter2-pw@ho st/oauth2")
    assert "hunter2" not in message and "***@" in message


# ------------------------------------------------------------------ 10: path segments

@pytest.mark.parametrize("value", [".", "..", " ", ""])
def test_dot_and_empty_ids_are_refused_before_sending(client, sim, value):
    for method in (client.zpa.segment_groups.get_group, client.zpa.segment_groups.delete_group):
        with pytest.raises(ValueError, match="'group_id'"):
            method(value)
    assert api_requests(sim, "/segmentGroup") == []


def test_an_id_is_one_percent_encoded_segment():
    rec = Recorder()
    client = ZscalerClient(config(transport=rec.transport()))
    client.zpa.segment_groups.get_group("a/../b?c#d")
    path = rec.requests[-1].url.raw_path.decode()
    assert path.endswith("/segmentGroup/a%2F..%2Fb%3Fc%23d")


@pytest.mark.parametrize("value", [".", "..", "a/b", "1?x", "12 3"])
def test_customer_id_forming_paths_is_checked(value):
    refused("customerId", customerId=value)


def test_customer_id_from_legacy_environment_is_checked_at_construction(sim, monkeypatch):
    cfg = sim.legacy_config("zpa")
    cfg.pop("customerId")
    monkeypatch.setenv("ZPA_CUSTOMER_ID", "..")
    with pytest.raises(ConfigurationError, match="LegacyZPAClient: config key 'customerId'.*environment variable "
                                                 "ZPA_CUSTOMER_ID"):
        LegacyZPAClient(cfg)
    assert api_requests(sim, "/segmentGroup") == []


# ------------------------------------------------------------------ 11: Retry-After, login 429 budget

@pytest.mark.parametrize("headers,wait", [
    ({"Retry-After": "13 seconds"}, 13.0), ({"Retry-After": "soon"}, None), ({"Retry-After": "nan"}, None),
    ({"Retry-After": ""}, None), ({"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"}, 0.0),
    ({"Retry-After": "Mon, 99 Foo 2015"}, None), ({"X-RateLimit-Reset": "abc"}, None),
    ({"Retry-After": "later", "X-RateLimit-Reset": "4"}, 4.0)])
def test_header_wait_is_defensive(headers, wait):
    assert header_wait(headers) == wait


def run_retry(answers, method="GET", **policy):
    sleeps, calls = [], []

    def handler(req):
        calls.append(req)
        a = answers[len(calls) - 1]
        if isinstance(a, Exception):
            raise a
        return a

    layer = RetryLayer(RetryPolicy(sleep=sleeps.append, jitter=lambda: 1.0, backoff_base=0.1, **policy))
    return layer(Request(method, "https://h/x"), handler), sleeps, calls


def test_garbage_retry_after_falls_back_to_backoff():
    out, sleeps, calls = run_retry([httpx.Response(429, headers={"Retry-After": "soon, maybe"}), httpx.Response(200)])
    assert out.status_code == 200 and sleeps == [0.1] and len(calls) == 2


def test_garbage_retry_after_through_the_simulator(client, sim):
    sim.fault(path="*/segmentGroup", method="GET", status=429, times=1, headers={"Retry-After": "13 parsecs"})
    groups, _, error = client.zpa.segment_groups.list_groups()
    assert error is None and len(api_requests(sim, "/segmentGroup")) == 2


def test_token_429_stays_inside_the_retry_budget():
    rec = Recorder(token_status=429, token_headers={"Retry-After": "10"})
    client = ZscalerClient(config(transport=rec.transport(), rateLimit={"maxRetrySeconds": 1}))
    _, _, error = client.zpa.segment_groups.list_groups()
    assert isinstance(error, TokenError) and "429" in str(error)
    assert len(rec.requests) == 1  # the 10 s wait is beyond the 1 s budget: not waited, not repeated


def test_authenticate_429_stays_inside_the_retry_budget():
    rec = Recorder(token_status=429, token_headers={"Retry-After": "10"})
    client = ZscalerClient(config(transport=rec.transport(), rateLimit={"maxRetrySeconds": 1}))
    with pytest.raises(TokenError, match="429"):
        client.authenticate()
    assert len(rec.requests) == 1  # not waited 10 s outside any call, as before


def test_legacy_login_at_construction_429_stays_inside_the_retry_budget(sim):
    from zscaler.oneapi_client import LegacyZPAClient

    # beyond the legacy client's retry budget (120 s): answered at once, not waited 10 s per attempt
    sim.fault("/_legacy/zpa/signin", status=429, times=5, headers={"Retry-After": "500"})
    with pytest.raises(TokenError, match="429"):
        LegacyZPAClient(sim.legacy_config("zpa"))
    assert len([r for r in sim.requests if r.path.endswith("/signin")]) == 1


def test_token_429_within_the_budget_is_waited_out(sim):
    sim.fault("/oauth2/v1/token", status=429, times=2, headers={"Retry-After": "0"})
    client = ZscalerClient(sim.oneapi_config(**FAST_RETRY))
    _, _, error = client.zpa.segment_groups.list_groups()
    assert error is None
    assert len([r for r in sim.requests if r.path.endswith("/oauth2/v1/token")]) == 3


# ------------------------------------------------------------------ 12: numbers, headers, objects

NUMERIC = ["requestTimeout", "connectionTimeout", "rateLimit.maxRetries", "rateLimit.maxRetrySeconds",
           "rateLimit.backoffBase", "rateLimit.backoffMax", "rateLimit.editLockBase", "cache.defaultTtl",
           "cache.defaultTti", "proxy.port"]


def nested(key, value):
    if "." not in key:
        return {key: value}
    group, name = key.split(".")
    extra = {"host": "proxy.local"} if group == "proxy" else {}
    return {group: {name: value, **extra}}


@pytest.mark.parametrize("key", NUMERIC)
@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), "nan", "inf", 10 ** 30, 1e308, -1,
                                   "1e400", True])
def test_numeric_keys_are_finite_and_in_range(key, value):
    refused(key, **nested(key, value))


def test_numeric_key_from_the_environment_is_checked(monkeypatch):
    monkeypatch.setenv("ZSCALER_RATE_LIMIT_MAX_RETRY_SECONDS", "NaN")
    message = refused("rateLimit.maxRetrySeconds")
    assert "ZSCALER_RATE_LIMIT_MAX_RETRY_SECONDS" in message


@pytest.mark.parametrize("key", ["userAgent", "partnerId"])
@pytest.mark.parametrize("value", ["a\r\nX-Evil: 1", "a\nb", "nul\x00", "tab\x7f", "ü"])
def test_header_values_are_checked_at_construction(key, value):
    refused(key, **{key: value})


def test_custom_headers_are_checked():
    client = ZscalerClient(config(transport=Recorder().transport()))
    with pytest.raises(ConfigurationError, match="X-Trace"):
        client.set_custom_headers({"X-Trace": "a\r\nInjected: 1"})
    with pytest.raises(ConfigurationError, match="header name"):
        client.set_custom_headers({"Bad Name": "v"})
    client.set_custom_headers({"X-Trace": "abc"})
    assert client.get_custom_headers() == {"X-Trace": "abc"}


@pytest.mark.parametrize("key,value", [("sslContext", "/nonexistent/ca-bundle.pem"), ("sslContext", 5),
                                       ("sslContext", ["ca.pem"]), ("cacheManager", "lru"), ("cacheManager", 3)])
def test_objects_are_checked_at_construction(key, value):
    refused(key, **{key: value})


@pytest.mark.parametrize("value", [[], "clientId=x", 5, [("clientId", "x")]])
def test_a_non_mapping_configuration_is_named(value):
    with pytest.raises(ConfigurationError, match="must be a dict"):
        ZscalerClient(value)
    with pytest.raises(ConfigurationError, match="must be a dict"):
        LegacyZPAClient(value)


def test_a_group_that_is_not_a_mapping_is_named():
    refused("rateLimit", rateLimit=5)


def test_an_existing_ca_bundle_path_is_accepted(tmp_path):
    bundle = tmp_path / "ca.pem"
    bundle.write_text("")
    client = ZscalerClient(config(transport=Recorder().transport(), sslContext=str(bundle)))
    assert client.get_config()["client"]["sslContext"] == str(bundle)


# ------------------------------------------------------------------ 13: legacy configuration

@pytest.mark.parametrize("key,value", [("logging", True), ("logging", {"enabled": "perhaps"}), ("timeout", "abc"),
                                       ("maxRetries", "two"), ("maxRetries", -1), ("timeout", float("nan")),
                                       ("session_safety_margin", "x"), ("override_url", True),
                                       ("override_url", "not a url"), ("partnerId", "a\r\nb"), ("username", 1.5),
                                       ("failSafe", "maybe"), ("cloud", "a b")])
def test_legacy_configuration_is_named(sim, key, value):
    cfg = {**sim.legacy_config("zia"), key: value}
    with pytest.raises(ConfigurationError) as e:
        LegacyZIAClient(cfg)
    assert str(e.value).startswith("LegacyZIAClient: ") and f"'{key}" in str(e.value)


def test_legacy_configuration_valid_values_still_work(sim):
    cfg = {**sim.legacy_config("zia"), "timeout": "30", "maxRetries": 1, "logging": {"enabled": False}}
    with LegacyZIAClient(cfg) as client:
        _, _, error = client.zia.rule_labels.list_labels()
        assert error is None


# ------------------------------------------------------------------ 14: wrong-typed arguments

def test_wrong_typed_arguments_are_named(client, sim):
    with pytest.raises(TypeError, match=r"list_groups: 'query_params' must be a dict"):
        client.zpa.segment_groups.list_groups(query_params=True)
    with pytest.raises(TypeError, match=r"'key_type' must be one of"):
        client.zpa.provisioning.list_provisioning_keys(key_type=[])
    with pytest.raises(ValueError, match=r"get_group: 'group_id' is 100000 characters long"):
        client.zpa.segment_groups.get_group("1" * 100_000)
    for bad in ([1], {"id": 1}, True, float("nan"), object()):
        with pytest.raises(TypeError, match=r"get_group: 'group_id' must be an id"):
            client.zpa.segment_groups.get_group(bad)
    assert api_requests(sim, "/segmentGroup") == [] and api_requests(sim, "/associationType") == []


# ------------------------------------------------------------------ 15: replayed DELETE

def test_replayed_delete_that_finds_nothing_reports_success(client, sim, caplog):
    group, _, error = client.zpa.segment_groups.add_group(name="doomed")
    assert error is None
    # the delete is carried out, then its answer is cut: the retry finds nothing
    sim.fault(path="*/segmentGroup/*", method="DELETE", action="truncate", times=1)
    with caplog.at_level(logging.WARNING, logger="zscaler.transport"):
        _, response, error = client.zpa.segment_groups.delete_group(group.id)
    assert error is None
    assert response.status_code == 204 and "answer was lost" in response.headers[NOTE_HEADER]
    assert any("answer was lost" in r.getMessage() for r in caplog.records)
    assert len(api_requests(sim, f"/segmentGroup/{group.id}")) == 2
    _, _, error = client.zpa.segment_groups.get_group(group.id)
    assert error is not None and error.status == 404


def test_a_delete_that_was_never_carried_out_still_reports_not_found(client):
    _, _, error = client.zpa.segment_groups.delete_group("999999")
    assert error is not None and error.status == 404


def test_post_replay_is_not_touched():
    out, _, calls = run_retry([httpx.Response(404)], method="DELETE")
    assert out.status_code == 404 and len(calls) == 1  # no earlier attempt was lost: a plain 404


# ------------------------------------------------------------------ 16: jittered header waits

def test_header_waits_are_jittered_upward():
    assert jittered(2.0, lambda: 0.0) == 2.0
    assert jittered(2.0, lambda: 1.0) == pytest.approx(2.3)
    assert jittered(100.0, lambda: 1.0) == pytest.approx(101.0)  # at most one second more
    waits = {round(jittered(5.0), 6) for _ in range(20)}
    assert len(waits) > 1 and min(waits) >= 5.0


def test_jitter_never_pushes_a_fitting_wait_beyond_the_budget():
    out, sleeps, _ = run_retry([httpx.Response(429, headers={"Retry-After": "1"}), httpx.Response(200)],
                               max_wait_total=1.0)
    assert out.status_code == 200 and sleeps == [1.0]
    with pytest.raises(RetryBudgetExceeded):
        run_retry([httpx.Response(429, headers={"Retry-After": "3600"}), httpx.Response(200)], max_wait_total=10)


def test_a_body_value_json_cannot_encode_names_the_field(client, sim):
    sim.clear_requests()
    with pytest.raises(TypeError, match=r"add_group: body field 'description' cannot be sent as JSON: a object"):
        client.zpa.segment_groups.add_group(name="g", description=object())
    assert not [r for r in sim.requests if "/segmentGroup" in r.path]
