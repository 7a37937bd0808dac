"""The test tools users record, replay and mock their HTTP traffic with see every request of the SDK.

vcrpy (record against the simulator, replay with it stopped), respx, pytest-httpx and the SDK's own
``transport`` option (``httpx.MockTransport``): a OneAPI token request, list and get, and the login
of every legacy client (ZIA and ZTW sessions, ZPA signin, ZCC login, ZDX and ZWA tokens).

The mocked tests point every client at hosts under ``.invalid`` (RFC 6761: never resolvable), so a
request the tool did not intercept fails with a connection error instead of reaching a network.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

import httpx
import pytest

from zscaler import ZscalerClient
from zscaler.errors import ConfigurationError
from zscaler.oneapi_client import (LegacyZCCClient, LegacyZDXClient, LegacyZIAClient, LegacyZPAClient,
                                   LegacyZTWClient, LegacyZWAClient)
from zscaler.simulator import Simulator

API = "https://api.example.invalid"
TOKEN_URL = "https://vanity.zslogin.example.invalid/oauth2/v1/token"
CUSTOMER = "216196257331281920"
GROUPS = re.compile(re.escape(API) + r"/zpa/mgmtconfig/v1/admin/customers/" + CUSTOMER + r"/segmentGroup(\?.*)?$")
GROUP_1 = f"{API}/zpa/mgmtconfig/v1/admin/customers/{CUSTOMER}/segmentGroup/1"
GROUP = {"id": "1", "name": "web servers", "enabled": True}

#: product -> (client class, credentials, login path, login answer: JSON body, extra headers)
LEGACY: dict[str, tuple[type, dict[str, str], str, dict[str, Any], dict[str, str]]] = {
    "zia": (LegacyZIAClient, {"username": "admin@example.com", "password": "pw-0123456789", "api_key": "k" * 16,
                              "cloud": "zscaler"},
            "/api/v1/authenticatedSession", {"authType": "ADMIN_LOGIN"}, {"Set-Cookie": "JSESSIONID=s3ss10n; Path=/"}),
    "ztw": (LegacyZTWClient, {"username": "admin@example.com", "password": "pw-0123456789", "api_key": "k" * 16,
                              "cloud": "zscaler"},
            "/api/v1/auth", {"authType": "ADMIN_LOGIN"}, {"Set-Cookie": "JSESSIONID=s3ss10n; Path=/"}),
    "zpa": (LegacyZPAClient, {"clientId": "zpa-id", "clientSecret": "zpa-secret", "customerId": CUSTOMER},
            "/signin", {"access_token": "zpa-token", "token_type": "Bearer", "expires_in": 3600}, {}),
    "zcc": (LegacyZCCClient, {"api_key": "zcc-key", "secret_key": "zcc-secret"},
            "/papi/auth/v1/login", {"jwtToken": "zcc.jwt.token"}, {}),
    "zdx": (LegacyZDXClient, {"key_id": "zdx-id", "key_secret": "zdx-secret"},
            "/v1/oauth/token", {"token": "zdx-token", "expires_in": 3600}, {}),
    "zwa": (LegacyZWAClient, {"key_id": "zwa-id", "key_secret": "zwa-secret"},
            "/v1/auth/api-key/token", {"token": "zwa-token", "expires_in": 3600}, {}),
}


def legacy_host(product: str) -> str:
    return f"https://{product}.example.invalid"


def oneapi_config(**extra: Any) -> dict[str, Any]:
    # a client id of its own: no OAuth token shared with another test's client (the token request is asserted)
    return {"clientId": f"tools-{uuid.uuid4().hex[:8]}", "clientSecret": "tools-secret", "customerId": CUSTOMER,
            "apiBaseUrl": API, "tokenUrl": TOKEN_URL, "rateLimit": {"maxRetries": 0}, **extra}


def legacy_config(product: str, **extra: Any) -> dict[str, Any]:
    return {**LEGACY[product][1], "override_url": legacy_host(product), "maxRetries": 0, **extra}


def list_and_get(client: Any) -> tuple[list[str], str]:
    groups, _, err = client.zpa.segment_groups.list_groups()
    assert err is None, err
    group, _, err = client.zpa.segment_groups.get_group("1")
    assert err is None, err
    return [g.name for g in groups], group.name


TOKEN_ANSWER = {"access_token": "oneapi-token", "token_type": "Bearer", "expires_in": 3600}
LIST_ANSWER = {"totalPages": "1", "totalCount": "1", "list": [GROUP]}


# ------------------------------------------------------------------ the SDK's own transport option

def mock_handler(seen: list[httpx.Request]):
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        url = str(request.url)
        if url == TOKEN_URL:
            return httpx.Response(200, json=TOKEN_ANSWER)
        if GROUPS.match(url):
            return httpx.Response(200, json=LIST_ANSWER)
        if url == GROUP_1:
            return httpx.Response(200, json=GROUP)
        for product, (_, _, path, body, headers) in LEGACY.items():
            if url == legacy_host(product) + path:
                return httpx.Response(200, json=body, headers=headers)
        return httpx.Response(404, json={"reason": f"not mocked: {url}"})
    return handle


def test_transport_option_carries_the_token_request_and_api_calls():
    seen: list[httpx.Request] = []
    with ZscalerClient(oneapi_config(transport=httpx.MockTransport(mock_handler(seen)))) as client:
        assert list_and_get(client) == (["web servers"], "web servers")
    assert [(r.method, str(r.url).split("?")[0]) for r in seen] == [
        ("POST", TOKEN_URL), ("GET", GROUPS.pattern.split("(")[0].replace("\\", "")), ("GET", GROUP_1)]
    assert seen[1].headers["authorization"] == "Bearer oneapi-token"


@pytest.mark.parametrize("product", sorted(LEGACY))
def test_transport_option_carries_every_legacy_login(product):
    seen: list[httpx.Request] = []
    cls, _, path, _, _ = LEGACY[product]
    client = cls(legacy_config(product, transport=httpx.MockTransport(mock_handler(seen))))
    client.close()
    assert [(r.method, str(r.url)) for r in seen] == [("POST", legacy_host(product) + path)]


def test_transport_option_is_used_even_with_a_proxy_configured(monkeypatch):
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example.invalid:3128")
    seen: list[httpx.Request] = []
    cfg = oneapi_config(transport=httpx.MockTransport(mock_handler(seen)), proxy={"host": "proxy.example.invalid"})
    with ZscalerClient(cfg) as client:
        assert list_and_get(client)[1] == "web servers"
    assert len(seen) == 3


@pytest.mark.parametrize("value", ["https://proxy.example.invalid", httpx.Client(), object()])
def test_a_non_transport_value_is_refused_naming_the_key(value):
    with pytest.raises(ConfigurationError, match=r"config key 'transport' must be an httpx transport .*"
                                                 r"httpx\.BaseTransport.*MockTransport"):
        ZscalerClient(oneapi_config(transport=value))
    with pytest.raises(ConfigurationError, match=r"config key 'transport' must be an httpx transport"):
        LegacyZPAClient(legacy_config("zpa", transport=value))


# ------------------------------------------------------------------ respx

def test_respx_intercepts_oneapi_token_list_and_get():
    respx = pytest.importorskip("respx")
    with respx.mock(assert_all_called=True, assert_all_mocked=True) as router:
        token = router.post(TOKEN_URL).respond(200, json=TOKEN_ANSWER)
        listing = router.get(url__regex=GROUPS.pattern).respond(200, json=LIST_ANSWER)
        get = router.get(GROUP_1).respond(200, json=GROUP)
        with ZscalerClient(oneapi_config()) as client:
            assert list_and_get(client) == (["web servers"], "web servers")
    assert (token.call_count, listing.call_count, get.call_count) == (1, 1, 1)
    assert get.calls.last.request.headers["authorization"] == "Bearer oneapi-token"


@pytest.mark.parametrize("product", sorted(LEGACY))
def test_respx_intercepts_every_legacy_login(product):
    respx = pytest.importorskip("respx")
    cls, creds, path, body, headers = LEGACY[product]
    with respx.mock(assert_all_called=True, assert_all_mocked=True) as router:
        login = router.post(legacy_host(product) + path).respond(200, json=body, headers=headers)
        cls(legacy_config(product)).close()
    assert login.call_count == 1
    sent = login.calls.last.request.content
    first_secret = next(v for k, v in creds.items() if "secret" in k.lower() or k == "username")
    assert product in ("zdx", "zia", "ztw") or first_secret.encode() in sent  # ZDX hashes its secret


# ------------------------------------------------------------------ pytest-httpx

def test_pytest_httpx_intercepts_oneapi_token_list_and_get(httpx_mock):
    httpx_mock.add_response(method="POST", url=TOKEN_URL, json=TOKEN_ANSWER)
    httpx_mock.add_response(method="GET", url=GROUPS, json=LIST_ANSWER)
    httpx_mock.add_response(method="GET", url=GROUP_1, json=GROUP)
    with ZscalerClient(oneapi_config()) as client:
        assert list_and_get(client) == (["web servers"], "web servers")
    requests = httpx_mock.get_requests()
    assert [r.method for r in requests] == ["POST", "GET", "GET"]
    assert requests[2].headers["authorization"] == "Bearer oneapi-token"
    # the fixture's own teardown then checks that every response was asked for and nothing else was sent


@pytest.mark.parametrize("product", sorted(LEGACY))
def test_pytest_httpx_intercepts_every_legacy_login(httpx_mock, product):
    cls, _, path, body, headers = LEGACY[product]
    httpx_mock.add_response(method="POST", url=legacy_host(product) + path, json=body, headers=headers)
    cls(legacy_config(product)).close()
    (request,) = httpx_mock.get_requests()
    assert request.url == legacy_host(product) + path


# ------------------------------------------------------------------ vcrpy

@pytest.fixture
def own_sim():
    """A simulator of this test alone: it is stopped halfway through."""
    with Simulator() as s:
        yield s


def _session(sim: Simulator) -> dict[str, Any]:
    """A OneAPI list and get, and every legacy login, against ``sim``'s address; what they got back."""
    out: dict[str, Any] = {}
    with ZscalerClient(sim.oneapi_config(shareToken=False, rateLimit={"maxRetries": 0})) as client:
        groups, _, err = client.zpa.segment_groups.list_groups()
        assert err is None, err
        group, _, err = client.zpa.segment_groups.get_group(groups[0].id)
        assert err is None, err
        out["oneapi"] = ([g.name for g in groups], group.name)
    for product in sorted(LEGACY):
        client = LEGACY[product][0](sim.legacy_config(product, maxRetries=0))
        out[product] = type(client.get_request_executor().provider).__name__
        client.close()
    return out


def test_vcrpy_records_against_the_simulator_and_replays_with_it_stopped(own_sim, tmp_path):
    vcr = pytest.importorskip("vcr")
    cassette = str(tmp_path / "session.yaml")
    own_sim.seed("zpa", "segment_groups", 3)
    with vcr.use_cassette(cassette, record_mode="all") as recording:
        recorded = _session(own_sim)
    paths = [httpx.URL(r.uri).path for r in recording.requests]
    assert any(p.endswith("/oauth2/v1/token") for p in paths)
    for product, (_, _, path, _, _) in LEGACY.items():
        assert f"/_legacy/{product}{path}" in paths, product
    assert len(recording.requests) == len(paths) >= 9

    url = own_sim.url
    own_sim.stop()
    with pytest.raises(httpx.ConnectError):  # the network is off: nothing answers there any more
        httpx.get(url + "/", timeout=5)

    with vcr.use_cassette(cassette, record_mode="none") as replay:
        replayed = _session(own_sim)  # the same configs: the stopped simulator's address
    assert replayed == recorded
    assert replay.all_played and replay.play_count == len(recording.requests)



# ------------------------------------------------------------------ the executor's own client factory, streams

def test_http_client_factory_and_streamed_bodies_go_through_the_given_client(tmp_path):
    from zscaler.transport.executor import RequestExecutor

    seen: list[tuple[str, bytes]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append((request.method, request.read()))
        return httpx.Response(200, content=b"chunk-1|chunk-2", headers={"content-type": "application/octet-stream"})

    ex = RequestExecutor(base_url=API, http_client_factory=lambda: httpx.Client(transport=httpx.MockTransport(handle)))
    upload = tmp_path / "sample.bin"
    upload.write_bytes(b"\x00binary-sample" * 10)
    with upload.open("rb") as f:
        ex.send("POST", "/zia/api/v1/upload", raw_body=f)
    resp = ex.send("GET", "/zia/api/v1/download", stream=True)  # a streamed answer, read by the caller
    assert b"".join(resp.iter_bytes()) == b"chunk-1|chunk-2"
    resp.close()
    ex.close()
    assert seen == [("POST", b"\x00binary-sample" * 10), ("GET", b"")]


def test_respx_sees_a_streamed_answer():
    respx = pytest.importorskip("respx")
    from zscaler.transport.executor import RequestExecutor

    with respx.mock(assert_all_called=True) as router:
        route = router.get(f"{API}/zia/api/v1/download").respond(200, content=b"payload")
        ex = RequestExecutor(base_url=API)
        resp = ex.send("GET", "/zia/api/v1/download", stream=True)
        assert resp.read() == b"payload"
        ex.close()
    assert route.call_count == 1
