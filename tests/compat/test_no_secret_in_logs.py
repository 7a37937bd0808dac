"""No secret reaches any log record while the SDK runs, the HTTP library's own DEBUG trace included.

The root logger is set to DEBUG with a handler that formats every record of every logger
(``zscaler.*``, ``httpx``, ``httpcore.*``...). Each login style then logs in and makes calls
against the simulator, and every credential it used or was given (configured secrets, the
bearer token, the session cookie, the ZCC auth token, the sandbox token, the obfuscated ZIA
API key sent at login) is looked for in the captured text.
"""

from __future__ import annotations

import re

import pytest

from zscaler import ZscalerClient
from zscaler.oneapi_client import (LegacyZCCClient, LegacyZDXClient, LegacyZIAClient, LegacyZPAClient,
                                   LegacyZTWClient, LegacyZWAClient)

from helpers import FAST_RETRY

SECRET_CONFIG_KEYS = ("clientSecret", "password", "api_key", "secret_key", "key_secret", "sandboxToken")
LEGACY = {"zia": LegacyZIAClient, "ztw": LegacyZTWClient, "zpa": LegacyZPAClient, "zcc": LegacyZCCClient,
          "zdx": LegacyZDXClient, "zwa": LegacyZWAClient}


def _credential_values(headers) -> set[str]:
    out: set[str] = set()
    for value in headers.values():
        for part in re.split(r"[;,\s]+", value):
            if part.lower() == "bearer":
                continue
            out.add(part.split("=", 1)[1] if "=" in part else part)
    return {v for v in out if len(v) >= 6}


def _secrets_sent_by_client(sim) -> set[str]:
    """Values of credential-like JSON keys in the requests the simulator received (login bodies)."""
    from zscaler.model import is_secret_key

    out: set[str] = set()
    for r in sim.requests:
        try:
            body = r.json()
        except Exception:  # noqa: BLE001 - not JSON: form bodies are covered by the config secrets
            continue
        if isinstance(body, dict):
            out |= {str(v) for k, v in body.items() if is_secret_key(k) and isinstance(v, str) and len(v) >= 6}
        for name in ("cookie", "auth-token", "authorization"):
            if name in r.headers:
                out |= _credential_values({name: r.headers[name]})
    return out


def _assert_clean(lines: list[str], secrets: set[str]) -> None:
    assert lines, "nothing was logged: the test would prove nothing"
    text = "\n".join(lines)
    assert any(line.startswith("httpcore") for line in lines), "the HTTP library's trace was not captured"
    leaked = sorted(s for s in secrets if s in text)
    assert not leaked, f"{len(leaked)} secret value(s) found in the logs, e.g. in: " + next(
        line for line in lines if leaked[0] in line).replace(leaked[0], "<SECRET>")


def test_oneapi_client_secret_and_sandbox(sim, root_debug, tmp_path):
    cfg = sim.oneapi_config(**FAST_RETRY)
    with ZscalerClient(cfg) as client:
        client.zpa.segment_groups.list_groups().unwrap()
        client.zia.rule_labels.list_labels().unwrap()
        sample = tmp_path / "sample.bin"
        sample.write_bytes(b"MZ" + b"\0" * 64)
        client.zia.sandbox.submit_file(str(sample))
        headers = client.get_request_executor().provider.headers()
    secrets = {str(cfg[k]) for k in SECRET_CONFIG_KEYS if cfg.get(k)} | _credential_values(headers)
    secrets |= _secrets_sent_by_client(sim)
    assert any(s.startswith("eyJ") or len(s) > 20 for s in secrets)
    _assert_clean(root_debug.lines, secrets)


def test_oneapi_private_key(sim, root_debug):
    cfg = sim.oneapi_config(clientSecret=None, privateKey=sim.private_key_pem, **FAST_RETRY)
    with ZscalerClient(cfg) as client:
        client.zpa.segment_groups.list_groups().unwrap()
        headers = client.get_request_executor().provider.headers()
    key_lines = {line for line in sim.private_key_pem.splitlines() if "-----" not in line and len(line) > 20}
    secrets = key_lines | _credential_values(headers) | _secrets_sent_by_client(sim)
    _assert_clean(root_debug.lines, secrets)


@pytest.mark.parametrize("product", sorted(LEGACY))
def test_legacy_login_styles(sim, root_debug, product):
    cfg = sim.legacy_config(product, **({"sandboxBaseUrl": sim.url} if product == "zia" else {}))
    client = LEGACY[product](cfg)
    try:
        headers = dict(client.get_request_executor().provider.headers())
        svc = getattr(client, product)
        call = {"zia": lambda: svc.rule_labels.list_labels(), "ztw": lambda: svc.admin_roles.list_roles(),
                "zpa": lambda: svc.segment_groups.list_groups(), "zcc": lambda: svc.devices.list_devices(),
                "zdx": lambda: svc.devices.list_devices(), "zwa": lambda: svc.dlp_incidents.dlp_incident_search()}
        result = call[product]()
        assert result[2] is None or getattr(result[2], "status_code", 0) < 500
    finally:
        client.close()
    secrets = {str(cfg[k]) for k in SECRET_CONFIG_KEYS if cfg.get(k)} | _credential_values(headers)
    secrets |= _secrets_sent_by_client(sim)
    assert secrets
    _assert_clean(root_debug.lines, secrets)
