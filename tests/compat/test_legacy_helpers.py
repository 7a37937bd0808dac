"""The official legacy helper classes used as the official SDK's users use them.

``LegacyZIAClientHelper(username=..., ...)`` built directly, each one against the simulator with
a real call through it; the resource names as class attributes; ``authenticate`` patched out
(construction sends nothing); the context manager; the ZTB and AI Guard legacy logins.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable
from unittest.mock import patch

import pytest

from zscaler.aiguard.legacy import LegacyZGuardClientHelper
from zscaler.compat.legacy_helper import data
from zscaler.compat.surface import service_class
from zscaler.errors import TokenError, ZscalerAPIError
from zscaler.oneapi_client import LegacyAIGuardClient, LegacyZIAClient, LegacyZTBClient
from zscaler.zcc.legacy import LegacyZCCClientHelper
from zscaler.zdx.legacy import LegacyZDXClientHelper
from zscaler.zia.legacy import LegacyZIAClientHelper
from zscaler.zpa.legacy import LegacyZPAClientHelper
from zscaler.ztb.legacy import LegacyZTBClientHelper
from zscaler.ztw.legacy import LegacyZTWClientHelper
from zscaler.zwa.legacy import LegacyZWAClientHelper

ROOT = Path(__file__).resolve().parents[2]
INVENTORY = ROOT.parent / "shared" / "zscaler-api" / "inventory"


def _zia(sim: Any, cls: type = LegacyZIAClientHelper, product: str = "zia") -> Any:
    c = sim.legacy_config(product)
    return cls(username=c["username"], password=c["password"], api_key=c["api_key"], cloud="zscaler",
               override_url=c["override_url"])


#: product -> (build the helper from the official keywords, one call through it, the login path)
CASES: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any], str | None]] = {
    "zia": (_zia, lambda h: h.admin_roles.list_roles(), "/_legacy/zia/api/v1/authenticatedSession"),
    "ztw": (lambda sim: _zia(sim, LegacyZTWClientHelper, "ztw"), lambda h: h.nw_service.list_network_services(),
            "/_legacy/ztw/api/v1/auth"),
    "zpa": (lambda sim: LegacyZPAClientHelper(sim.client_id, sim.client_secret, sim.customer_id, "PRODUCTION",
                                              override_url=sim.url + "/_legacy/zpa"),
            lambda h: h.segment_groups.list_groups(), "/_legacy/zpa/signin"),
    "zcc": (lambda sim: LegacyZCCClientHelper(api_key=sim.legacy_credentials["zcc"]["api_key"],
                                              secret_key=sim.legacy_credentials["zcc"]["secret_key"], cloud="zscaler",
                                              override_url=sim.url + "/_legacy/zcc"),
            lambda h: h.company.get_company_info(), "/_legacy/zcc/papi/auth/v1/login"),
    "zdx": (lambda sim: LegacyZDXClientHelper(client_id=sim.legacy_credentials["zdx"]["key_id"],
                                              client_secret=sim.legacy_credentials["zdx"]["key_secret"],
                                              cloud="zdxcloud", override_url=sim.url + "/_legacy/zdx"),
            lambda h: h.admin.list_departments(), "/_legacy/zdx/v1/oauth/token"),
    "zwa": (lambda sim: LegacyZWAClientHelper(key_id=sim.legacy_credentials["zwa"]["key_id"],
                                              key_secret=sim.legacy_credentials["zwa"]["key_secret"], cloud="us1",
                                              override_url=sim.url + "/_legacy/zwa"),
            lambda h: h.dlp_incidents.get_generated_tickets("1"), "/_legacy/zwa/v1/auth/api-key/token"),
    "ztb": (lambda sim: LegacyZTBClientHelper("sim", api_key=sim.legacy_credentials["ztb"]["api_key"],
                                              override_url=sim.url + "/_legacy/ztb"),
            lambda h: h.alarms.list_alarms(), "/_legacy/ztb/api/v3/api-key-auth/login"),
    "aiguard": (lambda sim: LegacyZGuardClientHelper(api_key=sim.legacy_credentials["aiguard"]["api_key"],
                                                     override_url=sim.url + "/_legacy/aiguard"),
                lambda h: h.policy_detection.execute_policy(content="hello", direction="IN"), None),
}
HELPERS = {"zia": LegacyZIAClientHelper, "ztw": LegacyZTWClientHelper, "zpa": LegacyZPAClientHelper,
           "zcc": LegacyZCCClientHelper, "zdx": LegacyZDXClientHelper, "zwa": LegacyZWAClientHelper,
           "ztb": LegacyZTBClientHelper, "aiguard": LegacyZGuardClientHelper}


@pytest.mark.skipif(not INVENTORY.exists(), reason="needs the inventory facts")
def test_data_file_is_current():
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_legacy_helpers.py"), "--check",
                          "--inventory", str(INVENTORY)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


@pytest.mark.skipif(not INVENTORY.exists(), reason="needs the inventory facts")
def test_every_official_method_exists_with_its_parameters():
    facts = json.loads((INVENTORY / "clients.json").read_text(encoding="utf-8"))["legacy_helpers"]
    assert {h["product"] for h in facts} == set(HELPERS)
    for h in facts:
        cls = HELPERS[h["product"]]
        for m in h["methods"]:
            assert hasattr(cls, m["name"]), (cls.__name__, m["name"])
            if m["name"].startswith("__"):
                continue
            params = [p for p in inspect.signature(getattr(cls, m["name"])).parameters.values()
                      if p.kind is p.POSITIONAL_OR_KEYWORD and p.name != "self"]
            official = [p["name"] for p in m["parameters"] if p["kind"] == "positional_or_keyword"]
            # the official parameters in order; any further one (send's data/headers) is optional
            assert [p.name for p in params[:len(official)]] == official, (cls.__name__, m["name"], official)
            assert all(p.default is not p.empty for p in params[len(official):]), (cls.__name__, m["name"])
        init = [p["name"] for p in next(m for m in h["methods"] if m["name"] == "__init__")["parameters"]]
        assert list(inspect.signature(cls).parameters) == init, cls.__name__


@pytest.mark.parametrize("product", sorted(CASES))
def test_standalone_helper_logs_in_and_calls_through_the_simulator(sim, product):
    build, call, login_path = CASES[product]
    helper = build(sim)
    assert type(helper) is HELPERS[product]
    logins = [r for r in sim.requests if r.method == "POST" and r.path == login_path]
    assert len(logins) == (0 if login_path is None else 1)  # logged in at construction (AI Guard: no login)
    result, _, err = call(helper)
    assert err is None and result is not None
    last = sim.requests[-1]
    assert last.path.startswith(f"/_legacy/{product}/") and last.status == 200
    assert helper.get_base_url("/anything") == sim.url + f"/_legacy/{product}" == helper.url
    helper.close()


def test_send_returns_the_response_and_the_request_info_without_credentials(sim):
    helper = _zia(sim)
    resp, info = helper.send("GET", "/api/v1/adminRoles/lite", params={"includeAuditorRole": True})
    assert resp.status_code == 200 and isinstance(resp.json(), list)
    assert info["method"] == "GET" and info["url"] == sim.url + "/_legacy/zia/api/v1/adminRoles/lite"
    assert info["params"] == {"includeAuditorRole": True} and info["json"] == {}
    assert not {"cookie", "authorization"} & {k.lower() for k in info["headers"]}
    assert sim.requests[-1].query == {"includeAuditorRole": ["true"]}
    assert "JSESSIONID" in sim.requests[-1].headers.get("cookie", "")
    with pytest.raises(ZscalerAPIError):
        helper.send("GET", "/api/v1/no/such/path")


def test_zia_session_methods_follow_the_provider_state(sim):
    helper = _zia(sim)
    assert helper.validate_session_status() is True
    assert helper.is_session_idle_expired() is False and helper.is_session_expired() is False
    assert helper.deauthenticate() is True
    assert helper.is_session_expired() is True and helper.is_session_idle_expired() is True
    assert helper.validate_session_status() is False
    helper.ensure_valid_session()  # logs in again
    assert helper.validate_session_status() is True
    assert helper.extractJSessionIDFromHeaders({"Set-Cookie": "JSESSIONID=abc123; Path=/"}) == "abc123"
    with pytest.raises(ValueError, match="JSESSIONID"):
        helper.extractJSessionIDFromHeaders({"set-cookie": "other=1"})


def test_class_level_resource_attributes():
    for product, cls in HELPERS.items():
        props = data()[product]["properties"]
        assert props, product
        for name in props:
            assert getattr(cls, name), (cls.__name__, name)
    for name in ("admin_roles", "dns_gatways", "url_categories", "activate"):  # the official spelling, typo too
        assert hasattr(LegacyZIAClientHelper, name)
    zpa = service_class("zpa")
    assert zpa.__name__ == "ZPAService" and hasattr(zpa, "segment_groups") and hasattr(zpa, "app_connector_groups")


def test_resource_attributes_on_an_instance_are_the_resources(sim):
    helper = _zia(sim)
    for name in data()["zia"]["properties"]:
        assert type(getattr(helper, name)).__module__.startswith("zscaler.zia."), name  # an official API class
    assert helper.admin_roles is helper.admin_roles


def test_patched_authenticate_keeps_construction_offline():
    # an address nothing listens on: any request would fail
    with patch.object(LegacyZIAClientHelper, "authenticate") as auth:
        helper = LegacyZIAClientHelper(username="test@example.com", password="testpassword", api_key="testapikey",
                                       cloud="beta")
        assert auth.call_count == 1
        assert helper.get_base_url("/api/test") == "https://zsapi.beta.net"
        assert helper.is_session_expired() is True and helper.is_session_idle_expired() is True
        helper.set_custom_headers({"X-Custom": "value"})
        assert helper.get_custom_headers() == {"X-Custom": "value"}
        helper.clear_custom_headers()
        assert helper.get_custom_headers() == {}
        assert helper.get_default_headers()["Accept"] == "application/json"
        assert helper.admin_roles is not None
        with patch.object(LegacyZIAClientHelper, "deauthenticate") as deauth:
            with helper as entered:
                assert entered is helper
            assert deauth.call_count == 1
    for product in ("zpa", "zcc"):
        with patch.object(HELPERS[product], "refreshToken") as refresh:
            HELPERS[product](client_id="i", client_secret="s", customer_id="1", cloud="PRODUCTION") \
                if product == "zpa" else HELPERS[product](api_key="k", secret_key="s", cloud="zscaler")
            assert refresh.call_count == 1
    with patch.object(LegacyZDXClientHelper, "create_token") as create:
        LegacyZDXClientHelper(client_id="i", client_secret="s", cloud="zdxcloud")
        assert create.call_count == 1


def test_the_legacy_client_uses_the_helper_login_and_returns_the_helper(sim):
    with patch.object(LegacyZIAClientHelper, "authenticate") as auth:
        client = LegacyZIAClient(sim.legacy_config("zia"))
        assert auth.call_count == 1 and sim.requests == []
    client = LegacyZIAClient(sim.legacy_config("zia"))
    assert type(client.zia) is LegacyZIAClientHelper and client.zia is client.zia
    assert client.zia.admin_roles.list_roles()[2] is None


def test_context_manager_ends_the_zia_session(sim):
    with _zia(sim) as helper:
        helper.admin_roles.list_roles()
    assert [r.method for r in sim.requests if r.path == "/_legacy/zia/api/v1/authenticatedSession"][-1] == "DELETE"
    assert sim.requests[-1].status == 204
    assert helper.validate_session_status() is False


def test_keywords_environment_and_errors(sim, monkeypatch):
    c = sim.legacy_config("zia")
    monkeypatch.setenv("ZIA_USERNAME", c["username"])
    monkeypatch.setenv("ZIA_PASSWORD", c["password"])
    monkeypatch.setenv("ZIA_API_KEY", c["api_key"])
    monkeypatch.setenv("ZIA_OVERRIDE_URL", c["override_url"])
    helper = LegacyZIAClientHelper("zscaler", unused_official_kw=1)  # **kw: accepted, as the official does
    assert helper.validate_session_status() is True
    with pytest.raises(TypeError, match="unexpected keyword argument 'no_such'"):
        LegacyZPAClientHelper("i", "s", "1", "PRODUCTION", no_such=1)
    with pytest.raises(TypeError, match="multiple values"):
        LegacyZPAClientHelper("i", client_id="j")
    with pytest.raises(ValueError, match="api_key"):
        LegacyZTBClientHelper("sim")


def test_zcc_client_side_quota():
    with patch.object(LegacyZCCClientHelper, "refreshToken"):
        helper = LegacyZCCClientHelper(api_key="k", secret_key="s", cloud="zscaler")
    for _ in range(3):
        helper.check_rate_limit("/downloadDevices")
    with pytest.raises(ValueError, match="3 calls per day"):
        helper.check_rate_limit("/downloadDevices")


def test_ztb_legacy_login_and_call(sim):
    client = LegacyZTBClient(sim.legacy_config("ztb"))
    login = [r for r in sim.requests if r.path == "/_legacy/ztb/api/v3/api-key-auth/login"]
    assert len(login) == 1 and json.loads(login[0].body) == {"api_key": sim.legacy_credentials["ztb"]["api_key"]}
    alarms, _, err = client.ztb.alarms.list_alarms()
    assert err is None and isinstance(alarms, list)
    assert sim.requests[-1].path == "/_legacy/ztb/api/v2/alarm"
    assert sim.requests[-1].headers["authorization"].startswith("Bearer ")
    with pytest.raises(TokenError):
        LegacyZTBClient(sim.legacy_config("ztb", api_key="wrong-key"))
    assert "wrong-key" not in repr(client) and sim.legacy_credentials["ztb"]["api_key"] not in repr(client.ztb)


def test_aiguard_legacy_api_key_and_call(sim):
    key = sim.legacy_credentials["aiguard"]["api_key"]
    client = LegacyAIGuardClient(sim.legacy_config("aiguard"))
    assert sim.requests == []  # no login request: the key is the bearer
    result, _, err = client.aiguard.policy_detection.execute_policy(content="hello", direction="IN")
    assert err is None and result.action == "ALLOW"
    assert sim.requests[-1].path == "/_legacy/aiguard/v1/detection/execute-policy"
    assert sim.requests[-1].headers["authorization"] == f"Bearer {key}"
    helper = client.aiguard
    assert helper.get_rate_limit_stats()["total_throttles"] == 0 and helper.get_jsessionid(None) is None

    class Req:
        headers: dict[str, str] = {}

    assert helper.set_auth_header(Req()).headers["Authorization"] == f"Bearer {key}"
    resp = helper.send("POST", "/v1/detection/execute-policy", json={"content": "hi", "direction": "IN"})
    assert resp.status_code == 200
    bad = LegacyAIGuardClient(sim.legacy_config("aiguard", api_key="wrong-key"))
    _, _, err = bad.aiguard.policy_detection.execute_policy(content="hello", direction="IN")
    assert isinstance(err, ZscalerAPIError) and err.status_code == 401


def test_helper_custom_headers_are_checked_and_sent(sim):
    from zscaler.errors import ConfigurationError

    with CASES["zpa"][0](sim) as helper:
        with pytest.raises(ConfigurationError):
            helper.set_custom_headers({"X-Trace": "a\r\nInjected: 1"})
        helper.set_custom_headers({"X-Trace": "abc"})
        assert helper.get_custom_headers() == {"X-Trace": "abc"}
        helper.segment_groups.list_groups()
        assert sim.requests[-1].headers["x-trace"] == "abc"
        helper.clear_custom_headers()
        assert helper.get_custom_headers() == {}
