"""Authentication: OneAPI client secret and private-key JWT, token expiry, every legacy login."""

from __future__ import annotations

import base64
import hashlib
import json
import time

import httpx
import jwt
import pytest

from zscaler.simulator import Simulator
from zscaler.simulator.auth import obfuscate_api_key

from simhelpers import get_token, zpa

GATEWAY_401 = {"detail": "unauthorized", "type": "", "title": "", "status": ""}
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def _assertion(sim, key_pem, **claims):
    now = int(time.time())
    body = {"iss": sim.client_id, "sub": sim.client_id, "aud": "https://api.zscaler.com", "exp": now + 600}
    body.update(claims)
    return jwt.encode(body, key_pem, algorithm="RS256", headers={"typ": "JWT"})


def _jwt_login(sim, assertion):
    return httpx.post(sim.url + "/oauth2/v1/token", data={
        "grant_type": "client_credentials", "client_id": sim.client_id, "client_assertion": assertion,
        "client_assertion_type": ASSERTION_TYPE, "audience": "https://api.zscaler.com"})


def test_client_secret_token_and_bearer_access(zsim):
    r = httpx.post(zsim.url + "/oauth2/v1/token", data={
        "grant_type": "client_credentials", "client_id": zsim.client_id, "client_secret": zsim.client_secret,
        "audience": "https://api.zscaler.com"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3600 and body["access_token"]
    ok = httpx.get(zsim.url + zpa(zsim, "/segmentGroup"), headers={"Authorization": "Bearer " + body["access_token"]})
    assert ok.status_code == 200 and ok.json()["list"] == []


@pytest.mark.parametrize("field,value", [("client_secret", "wrong"), ("client_id", "someone-else")])
def test_wrong_credentials_are_invalid_client(zsim, field, value):
    form = {"grant_type": "client_credentials", "client_id": zsim.client_id, "client_secret": zsim.client_secret}
    form[field] = value
    r = httpx.post(zsim.url + "/oauth2/v1/token", data=form)
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"


def test_wrong_grant_type(zsim):
    r = httpx.post(zsim.url + "/oauth2/v1/token", data={
        "grant_type": "password", "client_id": zsim.client_id, "client_secret": zsim.client_secret})
    assert r.status_code == 400 and r.json()["error"] == "unsupported_grant_type"


def test_private_key_jwt_with_generated_key(zsim):
    r = _jwt_login(zsim, _assertion(zsim, zsim.private_key_pem))
    assert r.status_code == 200, r.text
    token = r.json()["access_token"]
    assert httpx.get(zsim.url + zpa(zsim, "/segmentGroup"), headers={"Authorization": f"Bearer {token}"}).status_code == 200


@pytest.mark.parametrize("claims", [
    {"aud": "https://example.com"},
    {"exp": int(time.time()) - 3600},
    {"iss": "intruder", "sub": "intruder"},
])
def test_private_key_jwt_bad_claims(zsim, claims):
    r = _jwt_login(zsim, _assertion(zsim, zsim.private_key_pem, **claims))
    assert r.status_code == 401 and r.json()["error"] == "invalid_client"


def test_private_key_jwt_wrong_key_and_given_public_key():
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    priv = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption()).decode()
    pub = key.public_key().public_bytes(serialization.Encoding.PEM,
                                        serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    with Simulator(catalogs=["zpa"], public_key=pub) as sim:
        assert sim.private_key_pem is None
        assert _jwt_login(sim, _assertion(sim, priv)).status_code == 200
        from zscaler.simulator.auth import generated_keypair

        other = generated_keypair()[0]
        r = _jwt_login(sim, _assertion(sim, other))
        assert r.status_code == 401 and "signature" in r.json()["error_description"].lower()


def test_missing_unknown_and_expired_tokens_get_gateway_401(zsim):
    url = zsim.url + zpa(zsim, "/segmentGroup")
    assert httpx.get(url).status_code == 401
    assert httpx.get(url).json() == GATEWAY_401
    r = httpx.get(url, headers={"Authorization": "Bearer not-a-token"})
    assert r.status_code == 401 and r.json() == GATEWAY_401
    token = get_token(zsim)
    assert httpx.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 200
    assert zsim.expire_tokens() >= 1
    r = httpx.get(url, headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401 and r.json() == GATEWAY_401


def test_token_lifetime_is_configurable_and_enforced():
    with Simulator(catalogs=["zpa"], token_lifetime=0) as sim:
        r = httpx.post(sim.url + "/oauth2/v1/token", data={
            "grant_type": "client_credentials", "client_id": sim.client_id, "client_secret": sim.client_secret})
        assert r.json()["expires_in"] == 0
        token = r.json()["access_token"]
        resp = httpx.get(sim.url + zpa(sim, "/segmentGroup"), headers={"Authorization": f"Bearer {token}"})
        assert resp.status_code == 401 and resp.json() == GATEWAY_401


def test_obfuscation_algorithm_documented_example():
    assert obfuscate_api_key("abcdefghijkl", 1700000123456) == "bcdefgcidjek"


def _zia_login(sim, product="zia", api_key=None, ts=None):
    creds = sim.legacy_config(product)
    ts = ts or int(time.time() * 1000)
    path = "/api/v1/authenticatedSession" if product == "zia" else "/api/v1/auth"
    return httpx.post(creds["override_url"] + path, json={
        "apiKey": api_key or obfuscate_api_key(creds["api_key"], ts),
        "username": creds["username"], "password": creds["password"], "timestamp": ts})


def test_legacy_zia_session_lifecycle(zsim):
    base = zsim.legacy_config("zia")["override_url"]
    r = _zia_login(zsim)
    assert r.status_code == 200 and "JSESSIONID=" in r.headers["set-cookie"]
    sid = r.cookies["JSESSIONID"]
    cookie = {"Cookie": f"JSESSIONID={sid}"}
    assert httpx.get(base + "/api/v1/authenticatedSession", headers=cookie).status_code == 200
    # an API call with the session cookie, and without it
    assert httpx.get(base + "/api/v1/status", headers=cookie).json() == {"status": "ACTIVE"}
    denied = httpx.get(base + "/api/v1/status")
    assert denied.status_code == 401 and "code" in denied.json() and "message" in denied.json()
    assert httpx.delete(base + "/api/v1/authenticatedSession", headers=cookie).status_code == 204
    assert httpx.get(base + "/api/v1/authenticatedSession", headers=cookie).status_code == 401


def test_legacy_zia_rejects_raw_key_and_wrong_password(zsim):
    creds = zsim.legacy_config("zia")
    assert _zia_login(zsim, api_key=creds["api_key"][:12]).status_code == 401
    ts = int(time.time() * 1000)
    good = obfuscate_api_key(creds["api_key"], ts)
    # obfuscated for another timestamp
    assert _zia_login(zsim, api_key=good, ts=ts + 7).status_code == 401
    r = httpx.post(creds["override_url"] + "/api/v1/authenticatedSession", json={
        "apiKey": good, "username": creds["username"], "password": "nope", "timestamp": ts})
    assert r.status_code == 401 and r.json()["code"] == "AUTHENTICATION_FAILED"


def test_legacy_session_idle_timeout():
    with Simulator(catalogs=["zpa"], session_idle_timeout=0) as sim:
        r = _zia_login(sim)
        assert r.status_code == 200
        check = httpx.get(sim.legacy_config("zia")["override_url"] + "/api/v1/authenticatedSession",
                          cookies={"JSESSIONID": r.cookies["JSESSIONID"]})
        assert check.status_code == 401


def test_legacy_ztw_login_and_logout(zsim):
    base = zsim.legacy_config("ztw")["override_url"]
    r = _zia_login(zsim, "ztw")
    assert r.status_code == 200
    cookie = {"Cookie": f"JSESSIONID={r.cookies['JSESSIONID']}"}
    st = httpx.get(base + "/api/v1/ecAdminActivateStatus", headers=cookie)
    assert st.status_code == 200 and st.json()["orgEditStatus"] == "EDITS_CLEARED"
    assert httpx.delete(base + "/auth", headers=cookie).status_code == 204
    assert httpx.get(base + "/api/v1/ecAdminActivateStatus", headers=cookie).status_code == 401


def test_legacy_zpa_signin(zsim):
    cfg = zsim.legacy_config("zpa")
    r = httpx.post(cfg["override_url"] + "/signin", data={"client_id": cfg["clientId"], "client_secret": cfg["clientSecret"]})
    assert r.status_code == 200 and r.json()["token_type"] == "Bearer" and int(r.json()["expires_in"]) > 0
    url = f"{cfg['override_url']}/mgmtconfig/v1/admin/customers/{cfg['customerId']}/segmentGroup"
    assert httpx.get(url, headers={"Authorization": "Bearer " + r.json()["access_token"]}).status_code == 200
    assert httpx.get(url).status_code == 401
    assert httpx.get(url).json()["id"]  # ZPA envelope
    bad = httpx.post(cfg["override_url"] + "/signin", data={"client_id": cfg["clientId"], "client_secret": "x"})
    assert bad.status_code == 401


def _first_route(sim, product, kind="list"):
    for r in sim.router.routes:
        if r.product == product and r.kind == kind and r.names in ([], ["customerId"]):
            return r.template
    pytest.skip(f"the {product} catalog has no {kind} route without parameters")


def test_legacy_zcc_login_jwt_and_auth_token_header(zsim):
    cfg = zsim.legacy_config("zcc")
    r = httpx.post(cfg["override_url"] + "/papi/auth/v1/login", json={"apiKey": cfg["api_key"], "secretKey": cfg["secret_key"]})
    assert r.status_code == 200
    token = r.json()["jwtToken"]
    parts = token.split(".")
    assert len(parts) == 3
    claims = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
    assert claims["exp"] > time.time()
    path = _first_route(zsim, "zcc").removeprefix("/zcc")
    ok = httpx.get(cfg["override_url"] + path, headers={"auth-token": token})
    assert ok.status_code == 200 and int(ok.headers["X-Rate-Limit-Remaining"]) >= 0  # on every legacy ZCC answer
    denied = httpx.get(cfg["override_url"] + path)
    assert denied.status_code == 401 and "errorMessage" in denied.json()
    bad = httpx.post(cfg["override_url"] + "/papi/auth/v1/login", json={"apiKey": cfg["api_key"], "secretKey": "x"})
    assert bad.status_code == 401


def test_legacy_zdx_hashed_secret(zsim):
    cfg = zsim.legacy_config("zdx")
    ts = int(time.time())
    digest = hashlib.sha256(f"{cfg['key_secret']}:{ts}".encode()).hexdigest()
    r = httpx.post(cfg["override_url"] + "/v1/oauth/token", json={"key_id": cfg["key_id"], "key_secret": digest, "timestamp": ts})
    assert r.status_code == 200 and r.json()["token_type"] == "Bearer"
    path = _first_route(zsim, "zdx").removeprefix("/zdx")
    assert httpx.get(cfg["override_url"] + path, headers={"Authorization": "Bearer " + r.json()["token"]}).status_code == 200
    raw = httpx.post(cfg["override_url"] + "/v1/oauth/token",
                     json={"key_id": cfg["key_id"], "key_secret": cfg["key_secret"], "timestamp": ts})
    assert raw.status_code == 401


def test_legacy_zwa_key_token(zsim):
    cfg = zsim.legacy_config("zwa")
    r = httpx.post(cfg["override_url"] + "/v1/auth/api-key/token",
                   json={"key_id": cfg["key_id"], "key_secret": cfg["key_secret"]})
    assert r.status_code == 200 and set(r.json()) >= {"token", "expires_in"}
    bad = httpx.post(cfg["override_url"] + "/v1/auth/api-key/token", json={"key_id": cfg["key_id"], "key_secret": "x"})
    assert bad.status_code == 401
    # a ZWA token is not a ZPA credential
    zpa_url = zsim.legacy_config("zpa")["override_url"] + f"/mgmtconfig/v1/admin/customers/{zsim.customer_id}/segmentGroup"
    assert httpx.get(zpa_url, headers={"Authorization": "Bearer " + r.json()["token"]}).status_code == 401


def test_oneapi_token_works_on_legacy_paths_too(zsim):
    token = get_token(zsim)
    url = zsim.legacy_config("zpa")["override_url"] + f"/mgmtconfig/v1/admin/customers/{zsim.customer_id}/segmentGroup"
    assert httpx.get(url, headers={"Authorization": f"Bearer {token}"}).status_code == 200


def test_configs_point_at_the_simulator(zsim):
    cfg = zsim.oneapi_config(customerId="42", clientSecret=None, privateKey="pem")
    assert cfg["apiBaseUrl"] == zsim.url and cfg["tokenUrl"] == zsim.url + "/oauth2/v1/token"
    assert cfg["sandboxBaseUrl"] == zsim.url and cfg["sandboxCloud"] == "zscalerbeta" and cfg["sandboxToken"]
    assert cfg["customerId"] == "42" and "clientSecret" not in cfg and cfg["privateKey"] == "pem"
    assert cfg["clientId"] == zsim.client_id and cfg["vanityDomain"] == zsim.vanity_domain
    assert zsim.customer_id.isdigit() and len(zsim.customer_id) >= 15
    expected = {
        "zia": {"username", "password", "api_key", "cloud", "sandboxToken", "sandboxBaseUrl"},
        "ztw": {"username", "password", "api_key", "cloud"},
        "zpa": {"clientId", "clientSecret", "customerId", "cloud"},
        "zcc": {"api_key", "secret_key", "cloud"},
        "zdx": {"key_id", "key_secret", "cloud"},
        "zwa": {"key_id", "key_secret", "cloud"},
    }
    for product, keys in expected.items():
        c = zsim.legacy_config(product)
        assert set(c) == keys | {"override_url"}
        assert c["override_url"] == f"{zsim.url}/_legacy/{product}"
    assert zsim.legacy_config("zpa")["cloud"] == "PRODUCTION"
    assert zsim.legacy_config("zia", cloud="zscalertwo")["cloud"] == "zscalertwo"
    with pytest.raises(ValueError):
        zsim.legacy_config("nope")
