"""The facade's ``ZDX`` against the simulator: time windows and parameter names, ``ZDXIterator`` paging,
OneAPI mode and the legacy hashed-secret token."""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from zscaler.pyzscaler import ZDX
from zscaler.pyzscaler.box import Box, BoxList
from zscaler.pyzscaler.errors import UnexpectedValueError


def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith(("ZSCALER_", "ZDX_"))]:
        monkeypatch.delenv(name)


@pytest.fixture
def zdx(zscaler_sim: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    _clean_env(monkeypatch)
    for name, value in zscaler_sim.environ().items():
        monkeypatch.setenv(name, value)
    client = ZDX()
    assert client.oneapi
    yield client
    client.close()


def queries(sim: Any, path: str) -> list[dict[str, list[str]]]:
    return [parse_qs(r.raw_query) for r in sim.requests if r.method == "GET" and r.path == path]


def test_users_follow_next_offset_with_the_window(zdx: Any, zscaler_sim: Any) -> None:
    zscaler_sim.engine.seed("zdx", "users", 25)
    zscaler_sim.clear_requests()
    users = zdx.users.list_users(since=2, search="users", location_id=7)
    assert isinstance(users, BoxList) and len(users) == 25 and isinstance(users[0], Box)
    sent = queries(zscaler_sim, "/zdx/v1/users")
    assert len(sent) == 3 and [q.get("offset") for q in sent] == [None, ["10"], ["20"]]
    first = sent[0]
    assert int(first["to"][0]) - int(first["from"][0]) == 2 * 3600
    assert (first["q"], first["loc"]) == (["users"], ["7"]) and "since" not in first and "dept" not in first


def test_devices_and_apps(zdx: Any, zscaler_sim: Any) -> None:
    zscaler_sim.engine.seed("zdx", "devices", 2)
    devices = zdx.devices.list_devices(since=1)
    assert isinstance(devices, Box) and len(devices.devices) == 2
    assert len(zdx.get("devices").devices) == 2  # a relative path starts at /zdx/v1
    zscaler_sim.clear_requests()
    zdx.apps.get_app_score("1", since=4, department_id=3)
    (q,) = queries(zscaler_sim, "/zdx/v1/apps/1/score")
    assert q["dept"] == ["3"] and int(q["to"][0]) - int(q["from"][0]) == 4 * 3600


def test_session_calls_are_legacy_only_in_oneapi_mode(zdx: Any) -> None:
    with pytest.raises(UnexpectedValueError, match="legacy ZDX API key"):
        zdx.session.validate_token()


def test_legacy_token_hashes_the_secret(zscaler_sim: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _clean_env(monkeypatch)
    c = zscaler_sim.legacy_config("zdx")
    zdx = ZDX(client_id=c["key_id"], client_secret=c["key_secret"], override_url=c["override_url"] + "/v1")
    assert not zdx.oneapi
    zscaler_sim.engine.seed("zdx", "users", 3)
    assert len(zdx.users.list_users()) == 3
    token = zdx.session.create_token(client_id=c["key_id"], client_secret=c["key_secret"])
    assert token.token
    logins = [r for r in zscaler_sim.requests if r.path.endswith("/v1/oauth/token")]
    body = json.loads(logins[-1].body)
    assert set(body) == {"key_id", "key_secret", "timestamp"} and len(body["key_secret"]) == 64
    assert c["key_secret"] not in logins[-1].body.decode()
    zdx.close()


def test_legacy_default_cloud_is_zdxcloud(monkeypatch: pytest.MonkeyPatch) -> None:
    _clean_env(monkeypatch)
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={"token": "t0k3n-abc", "token_type": "Bearer", "expires_in": 3600})

    ZDX(client_id="id", client_secret="s3cret", transport=httpx.MockTransport(answer)).close()
    assert seen == ["https://api.zdxcloud.net/v1/oauth/token"]
    with pytest.raises(ValueError, match="client_secret"):
        ZDX(client_id="only-an-id")
