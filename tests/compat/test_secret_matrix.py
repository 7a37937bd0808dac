"""No secret in any SDK-controlled place, across the product matrix, with credential-echoing errors.

Each scenario runs with the root logger at DEBUG (the SDK's and the HTTP library's records are
captured), makes calls against the simulator, then makes the API answer 400/401/403 with bodies
that echo the bearer token, the session cookie and the configured secrets (with and without a
``Bearer``/``JSESSIONID=`` prefix, so opaque values must be masked by value, not by shape), and
lists records whose wire items carry secrets (ZIA VPN ``preSharedKey``, ZPA ``provisioningKey``,
ZTW ``keyValue``, the ZCC one-time passwords). Everything a user can print is collected: log
lines, ``str()``/``repr()`` of errors, results, responses, models, clients and settings. Every
secret value is then looked for in every collected text: the count must be 0.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from zscaler import ZscalerClient
from zscaler.errors import ConfigurationError, ZscalerError
from zscaler.model import ZscalerObject
from zscaler.oneapi_client import (LegacyZCCClient, LegacyZDXClient, LegacyZIAClient, LegacyZPAClient,
                                   LegacyZTWClient, LegacyZWAClient)
from zscaler.response import Result

from helpers import FAST_RETRY

LEGACY = {"zia": LegacyZIAClient, "ztw": LegacyZTWClient, "zpa": LegacyZPAClient, "zcc": LegacyZCCClient,
          "zdx": LegacyZDXClient, "zwa": LegacyZWAClient}
SECRET_CONFIG_KEYS = ("clientSecret", "password", "api_key", "secret_key", "key_secret", "sandboxToken")

#: wire records that carry secrets in their fields (answered by the simulator's fault rules)
FIELD_SECRETS = {
    "psk": "vpn-psk-Q7r2W9x4",
    "prov": "3|api.private.zscaler.com|prov-key-F3k9Lm2P",
    "keyvalue": "ztw-api-key-value-8Hq2Zt5N",
    "otp": "otp-exit-51739284",
    "otp2": "otp-uninstall-20481736",
}
OPAQUE = "opaque-access-T0k3n-zq8X2vLw"


class Audit:
    """Everything printable, by channel, and the secrets to look for in it."""

    def __init__(self, capture: Any) -> None:  # conftest.LogCapture
        self.capture = capture
        self.texts: dict[str, list[str]] = {}
        self.secrets: set[str] = set()
        self.errors = 0

    def add(self, channel: str, *objs: Any) -> None:
        self.texts.setdefault(channel, []).extend(t for o in objs for t in (str(o), repr(o)))

    def error(self, e: BaseException | None) -> None:
        if e is not None:
            self.errors += 1
            self.add("error", e, e.args)
            if hasattr(e, "to_json"):
                self.add("error", e.to_json())

    def result(self, res: Result) -> Result:
        self.add("result", res)
        if res.response is not None:
            self.add("response", res.response)
        self.error(res.error)
        items = res.result if isinstance(res.result, list) else [res.result]
        self.add("model", *(i for i in items if isinstance(i, ZscalerObject)))
        return res

    def call(self, fn: Any, *args: Any, **kw: Any) -> None:
        try:
            self.result(fn(*args, **kw))
        except ZscalerError as e:
            self.error(e)

    def leaks(self) -> Counter:
        texts = dict(self.texts, log=self.capture.lines)
        found: Counter = Counter()
        for channel, lines in texts.items():
            for line in lines:
                for s in self.secrets:
                    found[channel] += line.count(s)
        return +found

    def assert_clean(self) -> None:
        assert self.capture.lines and any(line.startswith("httpcore") for line in self.capture.lines)
        assert self.errors, "no error was produced: the echoing answers were not exercised"
        assert self.secrets and all(len(s) >= 6 for s in self.secrets)
        leaks = self.leaks()
        assert not leaks, f"{sum(leaks.values())} secret occurrence(s) by channel: {dict(leaks)}"


@pytest.fixture
def audit(root_debug):
    return Audit(root_debug)


def _header_values(headers: Any) -> set[str]:
    out = set()
    for v in dict(headers).values():
        v = v.split(" ", 1)[1] if v.startswith("Bearer ") else v
        out.add(v.split("=", 1)[1] if v.startswith("JSESSIONID=") else v)
    return out


def _sent_secrets(sim) -> set[str]:
    """Credential values the client sent (login bodies, the client assertion, the obfuscated key)."""
    from urllib.parse import parse_qsl

    from zscaler.model import is_secret_key

    out: set[str] = set()
    for r in sim.requests:
        fields: dict = {}
        try:
            body = r.json()
            fields = body if isinstance(body, dict) else {}
        except Exception:  # noqa: BLE001 - a form body
            try:
                fields = dict(parse_qsl(r.body.decode()))
            except Exception:  # noqa: BLE001 - binary upload
                fields = {}
        out |= {str(v) for k, v in fields.items() if is_secret_key(k) and isinstance(v, str) and len(v) >= 6}
    return out


def _echo(*values: str) -> dict:
    """An error body that quotes credentials, as some gateways and login services do."""
    first = sorted(values)[0]
    return {"code": "ECHO", "reason": f"Bearer {first} lacks scope",
            "message": "; ".join(f"credential {v} rejected" for v in sorted(values)),
            "detail": f"session JSESSIONID={first}"}


def _field_records(sim) -> None:
    """Make the simulator answer listings whose records carry secrets."""
    s = FIELD_SECRETS
    sim.fault(path="*/vpnCredentials*", method="GET", status=200, times=None,
              body=[{"id": 1, "type": "UFQDN", "fqdn": "a@b.com", "preSharedKey": s["psk"]}])
    sim.fault(path="*/provisioningKey*", method="GET", status=200, times=None,
              body={"totalPages": "1", "totalCount": "1",
                    "list": [{"id": "7", "name": "k", "provisioningKey": s["prov"], "provisioningKeyId": "7"}]})
    sim.fault(path="*/apiKeys*", method="GET", status=200, times=None,
              body=[{"id": 3, "keyValue": s["keyvalue"], "enabled": True}])
    sim.fault(path="*/getOtp*", method="GET", status=200, times=None,
              body={"exitOtp": s["otp"], "uninstallOtp": s["otp2"], "otp": s["otp"]})


def _list_field_records(audit: Audit, client: Any, products: tuple[str, ...]) -> None:
    if "zia" in products:
        audit.call(client.zia.traffic_vpn_credentials.list_vpn_credentials)
    if "zpa" in products:
        audit.call(client.zpa.provisioning.list_provisioning_keys, key_type="connector")
    if "ztw" in products:
        audit.call(client.ztw.api_keys.list_api_keys)
    if "zcc" in products:
        audit.call(client.zcc.secrets.get_otp, query_params={"device_id": "d1"})


ONEAPI_CALLS = (("zpa", "segment_groups", "list_groups"), ("zia", "rule_labels", "list_labels"),
                ("zcc", "devices", "list_devices"), ("ztw", "admin_roles", "list_roles"),
                ("zdx", "devices", "list_devices"), ("zwa", "dlp_incidents", "dlp_incident_search"))


def _oneapi_calls(audit: Audit, client: Any) -> None:
    for product, resource, method in ONEAPI_CALLS:
        audit.call(getattr(getattr(getattr(client, product), resource), method))


@pytest.mark.parametrize("status", [400, 401, 403])
def test_oneapi_client_secret_session(sim, audit, tmp_path, status):
    cfg = sim.oneapi_config(**FAST_RETRY)
    client = ZscalerClient(cfg)
    try:
        _oneapi_calls(audit, client)
        token = client.get_request_executor().provider.token()
        _field_records(sim)
        _list_field_records(audit, client, ("zia", "zpa", "ztw", "zcc"))
        sim.clear_faults()
        sim.fault(path="*", method="GET", status=status, times=None, body=_echo(token, cfg["clientSecret"]))
        sim.fault(path="*/submit*", method="POST", status=status, times=None, body=_echo(cfg["sandboxToken"]))
        _oneapi_calls(audit, client)
        sample = tmp_path / "sample.bin"
        sample.write_bytes(b"MZ" + b"\0" * 64)
        audit.call(client.zia.sandbox.submit_file, str(sample))
        audit.secrets |= {token, *_header_values(client.get_request_executor().provider.headers())}
        audit.add("object", client, client._settings, client.get_request_executor().provider)
    finally:
        client.close()
    audit.secrets |= {str(cfg[k]) for k in SECRET_CONFIG_KEYS if cfg.get(k)} | _sent_secrets(sim)
    audit.secrets |= set(FIELD_SECRETS.values())
    audit.assert_clean()


def test_oneapi_opaque_token_and_token_endpoint_echo(sim, audit):
    cfg = sim.oneapi_config(shareToken=False, **FAST_RETRY)
    sim.fault(path="/oauth2/v1/token", method="POST", status=200, times=None,
              body={"access_token": OPAQUE, "token_type": "Bearer", "expires_in": 3600})
    sim.fault(path="*", method="GET", status=403, times=None, body=_echo(OPAQUE))
    client = ZscalerClient(cfg)
    try:
        _oneapi_calls(audit, client)
    finally:
        client.close()
    sim.clear_faults()
    sim.fault(path="/oauth2/v1/token", method="POST", status=401, times=None,
              body={"error": "invalid_client", "error_description": f"client_secret {cfg['clientSecret']} is wrong"})
    client = ZscalerClient(cfg)
    try:
        audit.call(client.zpa.segment_groups.list_groups)
    finally:
        client.close()
    audit.secrets |= {OPAQUE, cfg["clientSecret"], cfg["sandboxToken"]} | _sent_secrets(sim)
    audit.assert_clean()


def test_oneapi_private_key_session(sim, audit):
    cfg = sim.oneapi_config(clientSecret=None, privateKey=sim.private_key_pem, **FAST_RETRY)
    client = ZscalerClient(cfg)
    try:
        audit.call(client.zpa.segment_groups.list_groups)
        token = client.get_request_executor().provider.token()
        sim.fault(path="*", method="GET", status=403, times=None, body=_echo(token))
        audit.call(client.zpa.segment_groups.list_groups)
        audit.add("object", client, client._settings)
    finally:
        client.close()
    key_lines = {line for line in sim.private_key_pem.splitlines() if "-----" not in line and len(line) > 20}
    audit.secrets |= {token} | key_lines | _sent_secrets(sim)
    audit.assert_clean()


LEGACY_CALLS = {"zia": ("rule_labels", "list_labels"), "ztw": ("admin_roles", "list_roles"),
                "zpa": ("segment_groups", "list_groups"), "zcc": ("devices", "list_devices"),
                "zdx": ("devices", "list_devices"), "zwa": ("dlp_incidents", "dlp_incident_search")}


@pytest.mark.parametrize("status", [401, 403])
@pytest.mark.parametrize("product", sorted(LEGACY))
def test_legacy_session(sim, audit, product, status):
    cfg = sim.legacy_config(product)
    client = LEGACY[product](cfg)
    try:
        svc = getattr(client, product)
        resource, method = LEGACY_CALLS[product]
        call = getattr(getattr(svc, resource), method)
        audit.call(call)
        credential = _header_values(client.get_request_executor().provider.headers())
        _field_records(sim)
        _list_field_records(audit, client, (product,))
        sim.clear_faults()
        given = {str(cfg[k]) for k in SECRET_CONFIG_KEYS if cfg.get(k)}
        sim.fault(path="*", method="GET", status=status, times=None, body=_echo(*credential, *given))
        sim.fault(path="*/incidents/*", method="POST", status=status, times=None, body=_echo(*credential, *given))
        audit.call(call)
        credential |= _header_values(client.get_request_executor().provider.headers())
        audit.add("object", client, client.get_request_executor().provider)
    finally:
        client.close()
    audit.secrets |= credential | given | _sent_secrets(sim)
    if product in ("zia", "zpa", "ztw", "zcc"):
        audit.secrets |= {v for k, v in FIELD_SECRETS.items() if k in {"zia": ("psk",), "zpa": ("prov",),
                                                                        "ztw": ("keyvalue",),
                                                                        "zcc": ("otp", "otp2")}[product]}
    audit.assert_clean()


def test_malformed_base_url_userinfo_not_echoed():
    for url in ("htps://admin:S3cret-pw-77@api.example.com", "https//admin:S3cret-pw-77@api.example.com/x",
                "ftp://admin:S3cret-pw-77@host"):
        with pytest.raises(ConfigurationError) as info:
            ZscalerClient({"clientId": "id", "clientSecret": "client-secret-1", "vanityDomain": "acme",
                           "apiBaseUrl": url})
        assert "apiBaseUrl" in str(info.value)
        for text in (str(info.value), repr(info.value), str(info.value.args)):
            assert "S3cret-pw-77" not in text
            assert "***@" in text
