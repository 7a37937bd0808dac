"""Every ZIA, ZDX and ZCON facade method sends its requests to this project's catalog paths (what the
simulator serves and the official-style clients call), except the few listed in ``OUTSIDE`` with why.

Each method is called with placeholder arguments over an ``httpx.MockTransport`` that records
(verb, path) and answers with a body every method can read; each request must match the verb and
the path template of a catalog op of the product (ZCON is the catalog's ``ztw``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from zscaler import catalog
from zscaler.pyzscaler import ZCON, ZDX, ZIA

SURFACE = json.loads((Path(__file__).resolve().parents[2] / "src/zscaler/pyzscaler/surface.json").read_text())
PRODUCT = {"zia": "zia", "zdx": "zdx", "zcon": "ztw"}
OUTSIDE = {
    "zia": {
        "session.status": "the legacy login resource authenticatedSession (GET)",
        "session.create": "the legacy login resource authenticatedSession (POST)",
        "session.delete": "the legacy logout authenticatedSession (DELETE)",
        "sandbox.submit_file": "the Cloud Sandbox host csbapi.<cloud>.net /zscsb/submit",
        "security.add_urls_to_blacklist": "POST security/advanced/blacklistUrls?action=ADD_TO_LIST",
        "security.delete_urls_from_blacklist": "POST security/advanced/blacklistUrls?action=REMOVE_FROM_LIST",
        "ssl.get_csr": "sslSettings/downloadcsr (no catalog op)",
        "ssl.get_intermediate_ca": "sslSettings/showcert (no catalog op)",
        "ssl.generate_csr": "sslSettings/generatecsr (no catalog op)",
        "ssl.upload_int_ca_cert": "sslSettings/uploadcert/text (no catalog op)",
        "ssl.upload_int_ca_chain": "sslSettings/uploadcertchain/text (no catalog op)",
        "ssl.delete_int_chain": "sslSettings/certchain (no catalog op)",
        "vips.list_public_se": "the public host api.config.zscaler.com",
        "vips.list_ca": "the public host api.config.zscaler.com",
        "vips.list_pac": "the public host api.config.zscaler.com",
    },
    "zdx": {
        "session.create_token": "the legacy login oauth/token",
        "session.validate_token": "the legacy oauth/validate",
        "session.get_jwks": "the legacy oauth/jwks",
    },
    "zcon": {
        "session.status": "the legacy login resource auth (GET)",
        "session.create": "the legacy login resource auth (POST)",
        "session.delete": "the legacy logout auth (DELETE)",
        "admin.get_role": "GET adminRoles/{id} (the catalog lists roles only)",
        "admin.update_role": "its read of adminRoles/{id}",
        "locations.get_location_template": "GET locationTemplate/{id} (the catalog lists templates only)",
        "locations.update_location_template": "its read of locationTemplate/{id}",
    },
}
ARGS = {"api_key": "0123456789abcdef", "match_type": "all", "sanction_state": "any", "cloud": "zscaler",
        "cert": b"cert", "template": {}}
ONE = {"id": 1, "name": "n", "city": "a", "email": "1", "fqdn": "1", "status": "ACTIVE", "configuredName": "n",
       "whitelistUrls": [], "blacklistUrls": [], "ranges": [], "ip": [], "users": [], "next_offset": None}


class Recorder:
    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []

    def __call__(self, req: httpx.Request) -> httpx.Response:
        path = req.url.path
        if req.method == "POST" and path.endswith(("/authenticatedSession", "/api/v1/auth", "/oauth/token")):
            return httpx.Response(200, json={"token": "t0k3n"}, headers={"Set-Cookie": "JSESSIONID=abc"})
        self.seen.append((req.method, path if req.url.host.startswith(("zsapi", "api.zdx", "connector")) else
                          f"{req.url.host}{path}"))
        if "page" in req.url.params:
            return httpx.Response(200, json=[ONE] if req.url.params["page"] == "1" else [])
        if path.endswith(("/quota", "/recommendedList", "/urlLookup")):
            return httpx.Response(200, json=[ONE, {**ONE, "id": 2, "city": "b"}])
        if path.endswith("/cenr/json"):
            return httpx.Response(200, json={"zscaler.net": {"continent : apac": {}}})
        return httpx.Response(200, json=ONE)


def templates(product: str) -> list[tuple[str, re.Pattern[str]]]:
    prod = catalog.load(product)
    return [(op.verb, re.compile(re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(op.path[len(prod.prefix):])) + "$"))
            for res in prod.resources for op in res.ops]


def build(name: str, transport: httpx.MockTransport) -> Any:
    if name == "zdx":
        return ZDX(client_id="1", client_secret="s", transport=transport)
    keys = {"api_key": "0123456789abcdef", "username": "u", "password": "p", "cloud": "zscaler", "transport": transport}
    return ZIA(sandbox_token="t", **keys) if name == "zia" else ZCON(**keys)


def call_all(client: Any, name: str, rec: Recorder, tmp_path: Path) -> dict[str, list[tuple[str, str]]]:
    sample = tmp_path / "sample.bin"
    sample.write_bytes(b"sample")
    sent: dict[str, list[tuple[str, str]]] = {}
    for attribute, spec in SURFACE[name]["resources"].items():
        resource = getattr(client, attribute)
        for method, params in spec["methods"].items():
            kw = {p["name"]: ARGS.get(p["name"], ["1"] if p["name"].endswith(("_ids", "_list", "urls", "s")) else "1")
                  for p in params if not p["default"] and p["kind"] == "positional"}
            if method == "submit_file":
                kw["file"] = str(sample)
            rec.seen.clear()
            getattr(resource, method)(**kw)
            sent[f"{attribute}.{method}"] = list(rec.seen)
    return sent


@pytest.mark.parametrize("name", ["zia", "zdx", "zcon"])
def test_methods_use_catalog_paths(name: str, tmp_path: Path) -> None:
    rec = Recorder()
    client = build(name, httpx.MockTransport(rec))
    sent = call_all(client, name, rec, tmp_path)
    assert len(sent) == {"zia": 148, "zdx": 36, "zcon": 29}[name]
    ops = templates(PRODUCT[name])
    outside = {method: stray for method, requests in sent.items()
               if (stray := [(v, p) for v, p in requests if not any(v == verb and rx.match(p) for verb, rx in ops)])
               or not requests}
    assert set(outside) == set(OUTSIDE[name]), {m: outside.get(m) for m in set(outside) ^ set(OUTSIDE[name])}
    print(f"{name}: {len(sent) - len(outside)} of {len(sent)} methods on catalog paths")
