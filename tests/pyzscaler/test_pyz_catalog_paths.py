"""Every ZPA and ZCC facade method sends its requests to this project's catalog paths (the paths the
simulator serves and the official-style clients use), except the few pyZscaler reaches elsewhere.

Each method is called with placeholder arguments over an ``httpx.MockTransport`` that records
(verb, path); each request must match the verb and path template of a catalog op of the product.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from zscaler import catalog
from zscaler.pyzscaler import ZCC, ZPA

SURFACE = json.loads((Path(__file__).resolve().parents[2] / "src/zscaler/pyzscaler/surface.json").read_text())
#: where pyZscaler goes outside the catalog: logins as methods, and paths it spells its own way
OUTSIDE = {
    "zpa": {"session.create_token": "POST /signin (the legacy login)",
            "certificates.get_browser_access": "v1 clientlessCertificate/{id} (the catalog has the v2 path)",
            "inspection.list_custom_control_types": "mgmtconfig/v1/admin/inspectionControls/customControlTypes",
            "lss.get_log_formats": "mgmtconfig/v2/admin/lssConfig/logType/formats",
            "lss.get_client_types": "mgmtconfig/v2/admin/lssConfig/clientTypes"},
    "zcc": {"session.create_token": "POST /papi/auth/v1/login (the legacy login)"},
}
ARGS = {"key_type": "connector", "policy_type": "access", "source_log_type": "user_activity", "action": "attach",
        "rules": [], "inspection_profile": {}, "os_type": "windows", "log_type": "all"}


class Recorder:
    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    def __call__(self, req: httpx.Request) -> httpx.Response:
        path = req.url.path
        if path.endswith(("/signin", "/auth/v1/login")):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3600, "jwtToken": "t"})
        self.seen.append((req.method, path))
        if path.endswith(("/predefined", "/clientTypes")) or req.url.params.get("page", "1") != "1":
            return httpx.Response(200, json=[] if not path.endswith("/clientTypes") else {"zpn_x": "Web Browser"})
        return httpx.Response(200, json={"id": "1", "list": [], "totalPages": "1", "name": "n"})


def templates(product: str) -> list[tuple[str, re.Pattern[str]]]:
    prefix = catalog.load(product).prefix
    out = []
    for res in catalog.load(product).resources:
        for op in res.ops:
            rx = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(op.path[len(prefix):]))
            out.append((op.verb, re.compile(rx + "$")))
    return out


def call_all(client: Any, product: str, tmp_path: Path) -> dict[str, Any]:
    """{resource.method: the requests it sent}; arguments are placeholders by parameter name."""
    rec: Recorder = client._kw["transport"].handler  # type: ignore[attr-defined]
    sent: dict[str, Any] = {}
    for attribute, spec in SURFACE[product]["resources"].items():
        resource = getattr(client, attribute)
        for name, params in spec["methods"].items():
            kw = {p["name"]: ARGS.get(p["name"], ["1"] if p["name"].endswith("_ids") else "1")
                  for p in params if not p["default"] and p["kind"] == "positional"}
            if name == "add_lss_config":
                kw["log_stream_content"] = "%s"
            if name == "download_devices":
                kw["filename"] = str(tmp_path / "devices.csv")
            rec.seen.clear()
            getattr(resource, name)(**kw)
            sent[f"{attribute}.{name}"] = list(rec.seen)
    return sent


@pytest.mark.parametrize("product", ["zpa", "zcc"])
def test_methods_use_catalog_paths(product: str, tmp_path: Path) -> None:
    transport = httpx.MockTransport(Recorder())
    client = (ZPA(client_id="1", client_secret="s", customer_id="1", transport=transport) if product == "zpa"
              else ZCC(client_id="1", client_secret="s", transport=transport))
    sent = call_all(client, product, tmp_path)
    assert len(sent) == sum(len(r["methods"]) for r in SURFACE[product]["resources"].values())
    ops = templates(product)
    outside = {}
    for method, requests in sent.items():
        stray = [(v, p) for v, p in requests if not any(v == verb and rx.match(p) for verb, rx in ops)]
        if stray or not requests:
            outside[method] = stray
    assert set(outside) == set(OUTSIDE[product]), outside
    print(f"{product}: {len(sent) - len(outside)} of {len(sent)} methods on catalog paths")
