"""Where credentials come from and go: the OneAPI token endpoint and every legacy login,
session check and logout (ZIA/ZTW session cookies, ZPA ``/signin``, ZCC, ZDX, ZWA and ZTB keys, the
AI Guard API key).

:class:`Logins` answers those endpoints, issues tokens and sessions into ``engine.tokens`` /
``engine.sessions`` and tells the gateway which credential a legacy request carries. Ending a
ZIA/ZTW session applies the staged changes (``engine.activate``), under OneAPI too.
"""

from __future__ import annotations

import base64
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from . import auth as _auth
from .context import Ctx
from .httpserver import Response

if TYPE_CHECKING:
    from .engine import Engine

TOKEN_PATH = "/oauth2/v1/token"

#: the legacy credentials a new engine accepts (``Engine(legacy_credentials=...)`` overrides them)
DEFAULT_LEGACY = {
    "zia": {"username": "admin@simulator.zscaler.net", "password": "Simulator-Passw0rd!", "api_key": "sImUlAtOr9x7K"},
    "ztw": {"username": "admin@simulator.zscaler.net", "password": "Simulator-Passw0rd!", "api_key": "sImUlAtOr9x7K"},
    "zcc": {"api_key": "zcc-simulator-key", "secret_key": "zcc-simulator-secret"},
    "zdx": {"key_id": "zdx-simulator-key", "key_secret": "zdx-simulator-secret"},
    "zwa": {"key_id": "zwa-simulator-key", "key_secret": "zwa-simulator-secret"},
    "ztb": {"api_key": "ztb-simulator-api-key"},
    "aiguard": {"api_key": "aiguard-simulator-api-key"},
}

#: what a login endpoint receives must never be echoed by the control API
LOGIN_PATHS = (
    TOKEN_PATH,
    "/signin",
    "/papi/auth/v1/login",
    "/v1/oauth/token",
    "/v1/auth/api-key/token",
    "/api/v1/authenticatedSession",
    "/api/v1/auth",
    "/api/v3/api-key-auth/login",
)


@dataclass(frozen=True)
class Entry:
    """One login-related endpoint. ``gated``: the gateway checks the caller and the rate first."""

    run: Callable[["Logins", Ctx], Response]
    gated: bool = False
    product: str | None = None  # served only when this product is simulated


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        k, _, v = part.strip().partition("=")
        if k == name:
            return v.strip()
    return None


class Logins:
    """The token endpoint and the legacy logins of one engine."""

    def __init__(self, engine: "Engine"):
        self.engine = engine

    def entry(self, ctx: Ctx) -> Entry | None:
        """The login endpoint ``ctx`` addresses, if any."""
        if ctx.legacy is None and ctx.rpath == TOKEN_PATH:
            return TOKEN_ENTRY
        found = (LEGACY if ctx.legacy is not None else ONEAPI).get((ctx.req.method, ctx.rpath))
        if found is not None and found.product is not None and found.product not in self.engine.products:
            return None
        return found

    def legacy_credential(self, ctx: Ctx) -> tuple[str, str] | None:
        """(table, key) of a legacy session cookie or ZCC ``auth-token``; None: look for a bearer token."""
        h = ctx.req.headers
        if ctx.legacy in ("zia", "ztw"):
            sid = _cookie(h.get("cookie", ""), "JSESSIONID")
            if sid:
                return "sessions", sid
        if ctx.legacy == "zcc" and h.get("auth-token"):
            return "tokens", h["auth-token"].strip()
        if ctx.legacy == "aiguard":  # the API key itself is the bearer credential
            bearer = h.get("authorization", "")
            key = self.engine.legacy_credentials["aiguard"]["api_key"]
            if bearer[:7].lower() == "bearer " and bearer[7:].strip() == key:
                self.engine.tokens.setdefault(key, _auth.Credential("aiguard", time.time() + 3650 * 86400, "aiguard-api-key"))
        return None

    def issue(self, kind: str, subject: str) -> str:
        """A signed token of ``kind`` (``oneapi`` or a legacy product), valid for the token lifetime."""
        engine = self.engine
        now = time.time()
        exp = now + engine.token_lifetime
        token = _auth.mint_jwt(
            {"iss": "zscaler-simulator", "sub": subject, "aud": _auth.AUDIENCE, "iat": int(now), "exp": int(exp),
             "jti": _auth.new_token()[:16], "kind": kind},
            engine.jwt_key,
        )
        engine.tokens[token] = _auth.Credential(kind, exp, subject)
        return token

    # -- OneAPI ----------------------------------------------------------------------------
    def token_endpoint(self, ctx: Ctx) -> Response:
        resp = self._token_answer(ctx)
        resp.headers.extend(self.engine.gateway.token_headers())
        return resp

    def _token_answer(self, ctx: Ctx) -> Response:
        if ctx.req.method != "POST":
            return _oauth_error(405, "invalid_request", "the token endpoint accepts POST only")
        form = ctx.form()
        if form.get("grant_type") != "client_credentials":
            return _oauth_error(400, "unsupported_grant_type", "grant_type must be client_credentials")
        client_id, secret = _client_credentials(ctx, form)
        engine = self.engine
        assertion = form.get("client_assertion")
        if assertion:
            if form.get("client_assertion_type") != _auth.ASSERTION_TYPE:
                return _oauth_error(400, "invalid_request", f"client_assertion_type must be {_auth.ASSERTION_TYPE}")
            if client_id and client_id != engine.client_id:
                return _oauth_error(401, "invalid_client", "unknown client_id")
            reason = _auth.verify_assertion(assertion, engine.public_key_pem, engine.client_id)
            if reason:
                return _oauth_error(401, "invalid_client", reason)
        else:
            if not client_id or secret is None:
                return _oauth_error(400, "invalid_request",
                                    "client_id and client_secret or client_assertion are required")
            if client_id != engine.client_id or secret != engine.client_secret:
                return _oauth_error(401, "invalid_client", "Invalid client credentials")
        token = self.issue("oneapi", engine.client_id)
        return Response.json(200, {"access_token": token, "token_type": "Bearer", "expires_in": engine.token_lifetime})

    def end_session(self, ctx: Ctx) -> Response:
        """A OneAPI client ending its ZIA/ZTW session: the staged changes apply, as in the real cloud."""
        self.engine.activate(ctx.product or "zia", False)
        return Response.json(200, {})

    # -- legacy ----------------------------------------------------------------------------
    def login_session(self, ctx: Ctx) -> Response:
        """ZIA/ZTW: username, password and the obfuscated API key -> a ``JSESSIONID`` cookie."""
        engine, product = self.engine, ctx.legacy or ""
        body = ctx.json()
        creds = engine.legacy_credentials.get(product, {})
        if not isinstance(body, dict):
            return engine.error(ctx, 400, "login body must be a JSON object")
        ts = body.get("timestamp")
        try:
            expected = _auth.obfuscate_api_key(creds["api_key"], ts) if ts is not None else None
        except (KeyError, ValueError, IndexError, TypeError):
            expected = None
        if (expected is None or body.get("apiKey") != expected or body.get("username") != creds.get("username")
                or body.get("password") != creds.get("password")):
            return engine.error(ctx, 401, "Invalid username, password or API key", "AUTHENTICATION_FAILED")
        sid = _auth.new_token()
        now = time.time()
        engine.sessions[sid] = _auth.Credential(product, now + engine.session_idle_timeout,
                                                creds.get("username", ""), now)
        return Response.json(
            200, {"authType": "ADMIN_LOGIN", "obfuscateApiKey": False, "passwordExpiryTime": 0, "passwordExpiryDays": 0},
            [("Set-Cookie", f"JSESSIONID={sid}; Path=/; HttpOnly")])

    def session_check(self, ctx: Ctx) -> Response:
        denied = self.engine.gateway.authenticate(ctx)
        if denied is not None:
            return denied
        return Response.json(200, {"authType": "ADMIN_LOGIN", "obfuscateApiKey": False, "passwordExpiryTime": 0})

    def logout(self, ctx: Ctx) -> Response:
        gateway = self.engine.gateway
        denied = gateway.authenticate(ctx)
        if denied is not None:
            return denied
        gateway.drop_credential(ctx)
        self.engine.activate(ctx.legacy or "", False)
        return Response(204)

    def login_zpa(self, ctx: Ctx) -> Response:
        engine = self.engine
        form = ctx.form()
        if form.get("client_id") != engine.client_id or form.get("client_secret") != engine.client_secret:
            return engine.error(ctx, 401, "Invalid client credentials", "invalid.credentials")
        token = self.issue("zpa", engine.client_id)
        return Response.json(200, {"access_token": token, "token_type": "Bearer",
                                   "expires_in": str(engine.token_lifetime)})

    def login_zcc(self, ctx: Ctx) -> Response:
        body = ctx.json()
        creds = self.engine.legacy_credentials["zcc"]
        if not isinstance(body, dict) or body.get("apiKey") != creds["api_key"] or body.get("secretKey") != creds["secret_key"]:
            return self.engine.error(ctx, 401, "Invalid API key or secret key")
        return Response.json(200, {"jwtToken": self.issue("zcc", creds["api_key"])})

    def login_zdx(self, ctx: Ctx) -> Response:
        body = ctx.json()
        creds = self.engine.legacy_credentials["zdx"]
        ok = isinstance(body, dict) and body.get("key_id") == creds["key_id"] and body.get("timestamp") is not None
        if ok:
            ok = body.get("key_secret") == _auth.zdx_hashed_secret(creds["key_secret"], body["timestamp"])
        if not ok:
            return self.engine.error(ctx, 401, "Invalid key id or key secret", "UNAUTHORIZED")
        token = self.issue("zdx", creds["key_id"])
        return Response.json(200, {"token": token, "token_type": "Bearer", "expires_in": self.engine.token_lifetime})

    def login_zwa(self, ctx: Ctx) -> Response:
        body = ctx.json()
        creds = self.engine.legacy_credentials["zwa"]
        if not isinstance(body, dict) or body.get("key_id") != creds["key_id"] or body.get("key_secret") != creds["key_secret"]:
            return self.engine.error(ctx, 401, "Invalid key id or key secret", "UNAUTHORIZED")
        return Response.json(200, {"token": self.issue("zwa", creds["key_id"]), "expires_in": self.engine.token_lifetime})

    def login_ztb(self, ctx: Ctx) -> Response:
        """ZTB: the API key -> ``{"result": {"delegate_token": <bearer token>}}``."""
        body = ctx.json()
        key = self.engine.legacy_credentials["ztb"]["api_key"]
        if not isinstance(body, dict) or body.get("api_key") != key:
            return self.engine.error(ctx, 401, "Invalid API key", "UNAUTHORIZED")
        return Response.json(200, {"result": {"delegate_token": self.issue("ztb", "ztb-api-key")}})


def _oauth_error(status: int, error: str, description: str) -> Response:
    return Response.json(status, {"error": error, "error_description": description})


def _client_credentials(ctx: Ctx, form: dict[str, str]) -> tuple[str | None, str | None]:
    """client id and secret from the form, completed from an HTTP Basic ``Authorization`` header."""
    client_id, secret = form.get("client_id"), form.get("client_secret")
    basic = ctx.req.headers.get("authorization", "")
    if basic[:6].lower() == "basic ":
        try:
            cid, _, sec = base64.b64decode(basic[6:]).decode().partition(":")
            client_id, secret = client_id or cid, secret or sec
        except (ValueError, UnicodeDecodeError):
            pass
    return client_id, secret


#: endpoints under ``/_legacy/<product>`` (paths without the prefix)
LEGACY: dict[tuple[str, str], Entry] = {
    ("POST", "/zia/api/v1/authenticatedSession"): Entry(Logins.login_session),
    ("GET", "/zia/api/v1/authenticatedSession"): Entry(Logins.session_check),
    ("DELETE", "/zia/api/v1/authenticatedSession"): Entry(Logins.logout),
    ("POST", "/ztw/api/v1/auth"): Entry(Logins.login_session),
    ("DELETE", "/ztw/auth"): Entry(Logins.logout),
    ("DELETE", "/ztw/api/v1/auth"): Entry(Logins.logout),
    ("POST", "/zpa/signin"): Entry(Logins.login_zpa),
    ("POST", "/zcc/papi/auth/v1/login"): Entry(Logins.login_zcc),
    ("POST", "/zdx/v1/oauth/token"): Entry(Logins.login_zdx),
    ("POST", "/zwa/v1/auth/api-key/token"): Entry(Logins.login_zwa),
    ("POST", "/ztb/api/v3/api-key-auth/login"): Entry(Logins.login_ztb),
}

#: the OneAPI token endpoint (every verb reaches it; it answers 405 to all but POST)
TOKEN_ENTRY = Entry(Logins.token_endpoint)

#: session ends of OneAPI clients (gateway-authenticated like any API call)
ONEAPI: dict[tuple[str, str], Entry] = {
    ("DELETE", "/zia/api/v1/authenticatedSession"): Entry(Logins.end_session, gated=True, product="zia"),
    ("DELETE", "/ztw/api/v1/auth"): Entry(Logins.end_session, gated=True, product="ztw"),
}
