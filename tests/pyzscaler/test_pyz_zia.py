"""The facade's ``ZIA`` against the simulator: OneAPI mode (the ZSCALER_* environment) and the legacy
``authenticatedSession`` login (obfuscated key, session ended on exit)."""

from __future__ import annotations

import json
import logging
import os
from typing import Any

import httpx
import pytest

from zscaler.pyzscaler import ZIA
from zscaler.pyzscaler.box import Box, BoxList
from zscaler.pyzscaler.errors import NotFoundError, UnauthorizedError
from zscaler.pyzscaler.utils import Iterator

V1 = "/zia/api/v1"


def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith(("ZSCALER_", "ZIA_"))]:
        monkeypatch.delenv(name)


@pytest.fixture
def zia(zscaler_sim: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    _clean_env(monkeypatch)
    for name, value in zscaler_sim.environ().items():
        monkeypatch.setenv(name, value)
    client = ZIA()
    assert client.oneapi
    yield client
    client.close()


def legacy(sim: Any, **over: Any) -> ZIA:
    c = sim.legacy_config("zia")
    kw = {"api_key": c["api_key"], "username": c["username"], "password": c["password"],
          "override_url": c["override_url"] + "/api/v1", **over}  # pyZscaler's override_url names the API root
    return ZIA(**kw)


def calls(sim: Any, method: str, suffix: str) -> list[Any]:
    return [r for r in sim.requests if r.method == method and r.path.endswith(suffix)]


def test_crud_read_modify_write_and_returns(zia: Any) -> None:
    loc = zia.locations.add_location(name="HQ", ip_addresses=["203.0.113.9"], tz="GERMANY_EUROPE_BERLIN")
    assert isinstance(loc, Box) and loc.ip_addresses == ["203.0.113.9"] and loc.ipAddresses == ["203.0.113.9"]
    updated = zia.locations.update_location(loc.id, description="moved")
    assert (updated.description, updated.tz) == ("moved", "GERMANY_EUROPE_BERLIN")  # omitted fields kept
    assert zia.locations.get_location(location_name="HQ").id == loc.id
    listed = zia.locations.list_locations(max_items=1)
    assert isinstance(listed, BoxList) and len(listed) == 1
    assert zia.locations.delete_location(loc.id) == 204
    with pytest.raises(NotFoundError) as err:
        zia.locations.get_location(loc.id)
    assert err.value.code == 404
    with pytest.raises(ValueError, match="location_id or location_name"):
        zia.locations.get_location(location_id="1", location_name="HQ")


def test_rule_id_lists_and_labels(zia: Any) -> None:
    label = zia.labels.add_label("L1", description="first")
    rule = zia.firewall.add_rule("allow-hq", "ALLOW", labels=[label.id], order=1)
    assert rule.labels == [{"id": label.id}] and rule.order == 1
    assert zia.labels.update_label(label.id, description="second").description == "second"
    assert zia.firewall.delete_rule(rule.id) == 204


def test_url_lookup_batches_of_100(zia: Any, zscaler_sim: Any) -> None:
    urls = [f"www.site{i}.example" for i in range(250)]
    zscaler_sim.clear_requests()
    found = zia.url_categories.lookup(urls)
    assert isinstance(found, BoxList) and [r.url for r in found] == urls
    sizes = [len(json.loads(r.body)) for r in calls(zscaler_sim, "POST", "/urlLookup")]
    assert sizes == [100, 100, 50]


def test_relative_paths_start_at_the_api_root(zia: Any) -> None:
    zia.labels.add_label("relative")
    assert zia.get("status").status in ("ACTIVE", "PENDING")  # restfly's session verb, pyZscaler's path
    assert [label.name for label in Iterator(zia, "ruleLabels")] == ["relative"]


def test_whitelist_helpers(zia: Any) -> None:
    assert zia.security.replace_whitelist(["a.example"]) == ["a.example"]
    assert zia.security.add_urls_to_whitelist(["b.example", "a.example"]) == ["a.example", "b.example"]
    assert zia.security.delete_urls_from_whitelist(["a.example"]) == ["b.example"]
    assert zia.security.erase_whitelist() in (200, 204)
    assert zia.security.get_whitelist() == []


def test_oneapi_exit_activates_changes(zia: Any, zscaler_sim: Any) -> None:
    with zia:
        zia.labels.add_label("staged")
    assert len(calls(zscaler_sim, "POST", f"{V1}/status/activate")) == 1


def test_oneapi_exit_without_changes_sends_nothing(zia: Any, zscaler_sim: Any) -> None:
    with zia:
        zia.labels.list_labels()
    assert calls(zscaler_sim, "POST", "/status/activate") == []


def test_legacy_login_obfuscates_and_exit_logs_out(zscaler_sim: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _clean_env(monkeypatch)
    key = zscaler_sim.legacy_config("zia")["api_key"]
    with legacy(zscaler_sim) as zia:
        assert not zia.oneapi
        assert zia.labels.add_label("legacy-label").name == "legacy-label"
        login = calls(zscaler_sim, "POST", "/authenticatedSession")[-1]
        body = json.loads(login.body)
        assert set(body) == {"apiKey", "username", "password", "timestamp"} and body["apiKey"] != key
    assert len(calls(zscaler_sim, "DELETE", "/authenticatedSession")) == 1


def test_legacy_environment_fallback(zscaler_sim: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _clean_env(monkeypatch)
    c = zscaler_sim.legacy_config("zia")
    for name in ("api_key", "username", "password"):
        monkeypatch.setenv(f"ZIA_{name.upper()}", c[name])
    monkeypatch.setenv("ZIA_OVERRIDE_URL", c["override_url"] + "/api/v1")
    zia = ZIA()
    assert not zia.oneapi and zia.config.status() in ("ACTIVE", "PENDING")
    zia.close()


def test_legacy_refused_login_names_no_secret(zscaler_sim: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _clean_env(monkeypatch)
    with pytest.raises(UnauthorizedError) as err:
        legacy(zscaler_sim, password="Wrong-Passw0rd-xyz")
    assert "Wrong-Passw0rd-xyz" not in f"{err.value} {err.value!r} {err.value.response.text}"


def test_missing_credential_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    _clean_env(monkeypatch)
    with pytest.raises(ValueError, match="api_key"):
        ZIA(username="u", password="p", cloud="zscaler")


def test_legacy_sandbox_submission(tmp_path: Any, monkeypatch: pytest.MonkeyPatch,
                                   caplog: pytest.LogCaptureFixture) -> None:
    _clean_env(monkeypatch)
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.path.endswith("/authenticatedSession"):
            return httpx.Response(200, json={"authType": "ADMIN_LOGIN"}, headers={"Set-Cookie": "JSESSIONID=s1d"})
        return httpx.Response(200, json={"code": 200, "md5": "F00"})

    sample = tmp_path / "sample.exe"
    sample.write_bytes(b"MZ sample")
    caplog.set_level(logging.DEBUG)
    zia = ZIA(api_key="0123456789abcdef", username="u@example.com", password="p", cloud="zscalerthree",
              sandbox_token="SbX-t0ken-42", transport=httpx.MockTransport(answer))
    assert zia.sandbox.submit_file(str(sample), force=True).md5 == "F00"
    sub = seen[-1]
    assert (sub.url.host, sub.url.path, sub.content) == ("csbapi.zscalerthree.net", "/zscsb/submit", b"MZ sample")
    assert dict(sub.url.params) == {"force": "1", "api_token": "SbX-t0ken-42"}
    assert "cookie" not in sub.headers  # the ZIA session stays on the ZIA host
    assert "/zscsb/submit" in caplog.text and "SbX-t0ken-42" not in caplog.text + repr(zia)


def test_sandbox_token_readable_but_never_printed(zscaler_sim: Any) -> None:
    token = zscaler_sim.sandbox_token
    client = legacy(zscaler_sim, sandbox_token=token)
    try:
        assert client.sandbox_token == token and client.sandbox.sandbox_token == token  # pyZscaler's attributes
        for shown in (repr(vars(client)), repr(client), str(client), repr(vars(client.sandbox))):
            assert token not in shown
    finally:
        client.close()
