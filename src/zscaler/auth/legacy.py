"""Legacy (pre-OneAPI) logins, one provider per product.

Every provider logs in lazily or on demand, renews its credential before it lapses (the
official ZPA, ZDX and ZWA clients never do), drops it when the API answers 401, and is safe
to share across threads. Nothing here ever puts a secret into a message or a repr.
"""

from __future__ import annotations

import base64
import hashlib
import json
import threading
import time
from typing import Any, Callable, Mapping

import httpx

from ..errors import TokenError, safe_url
from ..redaction import register as register_secret
from . import post_login


def obfuscate_api_key(api_key: str, timestamp_ms: int) -> str:
    """The ZIA/ZTW ``apiKey`` login value: 12 characters picked from the key by the timestamp."""
    if len(api_key) < 12:
        raise ValueError("api_key: must be at least 12 characters (the ZIA/ZTW API key)")
    n = str(timestamp_ms)[-6:]
    r = str(int(n) >> 1).zfill(6)
    return "".join(api_key[int(d)] for d in n) + "".join(api_key[int(d) + 2] for d in r)


def jwt_expiry(token: str) -> float | None:
    """The ``exp`` claim of a JWT, read without verifying it (None when absent or unreadable)."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    try:
        payload = json.loads(base64.urlsafe_b64decode(parts[1] + "=" * (-len(parts[1]) % 4)))
        return float(payload["exp"]) if "exp" in payload else None
    except (ValueError, KeyError, TypeError):
        return None


class LoginProvider:
    """Shared machinery: lock, expiry, early renewal, invalidation on 401."""

    product = ""
    margin = 60.0  # renew this many seconds before the credential lapses

    def __init__(self, *, base_url: str, http: Callable[[], httpx.Client], user_agent: str,
                 partner_id: str | None = None, clock: Callable[[], float] = time.time) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = http
        self._ua = user_agent
        self._partner = partner_id
        self._clock = clock
        self._lock = threading.Lock()
        self._headers: dict[str, str] | None = None
        self._renew_at = 0.0
        self.login_count = 0
        self.identity = f"{self.product}-legacy"
        #: the answer of the last login request (its body holds the credential: never logged)
        self.last_login: httpx.Response | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r})"

    def headers(self) -> Mapping[str, str]:
        with self._lock:
            if self._headers is None or self._clock() >= self._renew_at:
                self._headers, lifetime = self._login()
                now = self._clock()
                self._renew_at = now + max(0.0, lifetime - min(self.margin, lifetime * 0.1))
                self.login_count += 1
            self._touch()
            return dict(self._headers)

    def _touch(self) -> None:
        """Called under the lock on every use (idle-timeout sessions extend themselves)."""

    def login_now(self) -> httpx.Response | None:
        """Log in now, whatever the state of the current credential; the login answer (None: no request)."""
        with self._lock:
            self._headers, lifetime = self._login()
            self._renew_at = self._clock() + max(0.0, lifetime - min(self.margin, lifetime * 0.1))
            self.login_count += 1
            self._touch()
            return self.last_login

    def current(self) -> dict[str, str] | None:
        """The credential headers held now, without logging in (None: not logged in)."""
        with self._lock:
            return None if self._headers is None else dict(self._headers)

    def lapsed(self) -> bool:
        """True when the next use logs in again (never logged in, dropped, or due for renewal)."""
        with self._lock:
            return self._headers is None or self._clock() >= self._renew_at

    def invalidate(self, used: Mapping[str, str]) -> bool:
        with self._lock:
            if self._headers is not None and all(used.get(k) == v for k, v in self._headers.items()):
                self._headers = None
            return True

    def _post(self, path: str, **kw: Any) -> httpx.Response:
        headers = {"User-Agent": self._ua, "Accept": "application/json", **kw.pop("headers", {})}
        url = self.base_url + path
        try:
            resp = post_login(self._http(), url, headers=headers, **kw)
        except httpx.HTTPError as e:
            raise TokenError(f"{self.product} login failed: {type(e).__name__} reaching {safe_url(url)}", url=url) from None
        if resp.status_code >= 300:
            raise TokenError(f"{self.product} login refused: HTTP {resp.status_code} ({safe_url(url)}); "
                             "check the credentials and cloud", status_code=resp.status_code, url=url)
        self.last_login = resp
        return resp

    def _json(self, resp: httpx.Response, field: str) -> tuple[dict[str, Any], str]:
        try:
            body = resp.json()
            value = body[field]
        except (ValueError, KeyError, TypeError):
            raise TokenError(f"{self.product} login answer has no '{field}'", url=str(resp.request.url)) from None
        if not isinstance(value, str) or not value:
            raise TokenError(f"{self.product} login answer has an empty '{field}'", url=str(resp.request.url))
        register_secret(value, ephemeral=True)
        return body, value

    def _login(self) -> tuple[dict[str, str], float]:  # pragma: no cover - abstract
        raise NotImplementedError

    def logout(self) -> bool:
        return False


class ZIASession(LoginProvider):
    """ZIA ``authenticatedSession``: obfuscated API key, then the ``JSESSIONID`` cookie.

    The session lapses after ``idle_timeout`` seconds without use; it is renewed before that.
    """

    product = "zia"
    login_path = "/api/v1/authenticatedSession"
    logout_path = "/api/v1/authenticatedSession"

    def __init__(self, *, username: str, password: str, api_key: str, idle_timeout: float = 300.0,
                 safety_margin: float = 30.0, **kw: Any) -> None:
        super().__init__(**kw)
        self._username, self._password, self._api_key = username, password, api_key
        register_secret(password, api_key)
        self.idle_timeout = idle_timeout
        self.margin = safety_margin
        self.login_response: dict[str, Any] = {}

    def _login(self) -> tuple[dict[str, str], float]:
        ts = int(self._clock() * 1000)
        payload = {"apiKey": obfuscate_api_key(self._api_key, ts), "username": self._username,
                   "password": self._password, "timestamp": ts}
        register_secret(payload["apiKey"], ephemeral=True)
        headers = {"Content-Type": "application/json"}
        if self._partner:
            headers["x-partner-id"] = self._partner
        resp = self._post(self.login_path, json=payload, headers=headers)
        session = resp.cookies.get("JSESSIONID")
        if not session:
            raise TokenError(f"{self.product} login answer set no JSESSIONID cookie", url=str(resp.request.url))
        register_secret(session, ephemeral=True)
        try:
            self.login_response = {k: v for k, v in resp.json().items() if "password" not in k.lower() or "Expiry" in k}
        except ValueError:
            self.login_response = {}
        return {"Cookie": f"JSESSIONID={session}"}, self.idle_timeout

    def _touch(self) -> None:
        # an idle-timeout session: each use pushes its end forward
        self._renew_at = self._clock() + max(0.0, self.idle_timeout - self.margin)

    def logout(self) -> bool:
        with self._lock:
            if self._headers is None:
                return False
            headers = {"User-Agent": self._ua, **self._headers}
            self._headers = None
        try:
            resp = self._http().delete(self.base_url + self.logout_path, headers=headers)
        except httpx.HTTPError:
            return False
        return resp.status_code in (200, 204)


class ZTWSession(ZIASession):
    product = "ztw"
    login_path = "/api/v1/auth"
    logout_path = "/auth"


class ZPASignin(LoginProvider):
    product = "zpa"

    def __init__(self, *, client_id: str, client_secret: str, **kw: Any) -> None:
        super().__init__(**kw)
        self._id, self._secret = client_id, client_secret
        register_secret(client_secret)

    def _login(self) -> tuple[dict[str, str], float]:
        resp = self._post("/signin", data={"client_id": self._id, "client_secret": self._secret})
        body, token = self._json(resp, "access_token")
        return {"Authorization": f"Bearer {token}"}, float(body.get("expires_in") or 3600)


class ZCCLogin(LoginProvider):
    product = "zcc"
    margin = 10.0

    def __init__(self, *, api_key: str, secret_key: str, **kw: Any) -> None:
        super().__init__(**kw)
        self._key, self._secret = api_key, secret_key
        register_secret(api_key, secret_key)

    def _login(self) -> tuple[dict[str, str], float]:
        resp = self._post("/papi/auth/v1/login", json={"apiKey": self._key, "secretKey": self._secret},
                          headers={"Content-Type": "application/json"})
        _, token = self._json(resp, "jwtToken")
        exp = jwt_expiry(token)
        lifetime = (exp - self._clock()) if exp else 3600.0
        return {"auth-token": token}, max(lifetime, 0.0)


class ZDXToken(LoginProvider):
    product = "zdx"

    def __init__(self, *, key_id: str, key_secret: str, **kw: Any) -> None:
        super().__init__(**kw)
        self._id, self._secret = key_id, key_secret
        register_secret(key_secret)

    def _login(self) -> tuple[dict[str, str], float]:
        ts = int(self._clock())
        hashed = hashlib.sha256(f"{self._secret}:{ts}".encode()).hexdigest()
        register_secret(hashed, ephemeral=True)
        resp = self._post("/v1/oauth/token", json={"key_id": self._id, "key_secret": hashed, "timestamp": ts},
                          headers={"Content-Type": "application/json"})
        body, token = self._json(resp, "token")
        return {"Authorization": f"Bearer {token}"}, float(body.get("expires_in") or 3600)


class ZWAToken(LoginProvider):
    product = "zwa"

    def __init__(self, *, key_id: str, key_secret: str, **kw: Any) -> None:
        super().__init__(**kw)
        self._id, self._secret = key_id, key_secret
        register_secret(key_secret)

    def _login(self) -> tuple[dict[str, str], float]:
        resp = self._post("/v1/auth/api-key/token", json={"key_id": self._id, "key_secret": self._secret},
                          headers={"Content-Type": "application/json"})
        body, token = self._json(resp, "token")
        return {"Authorization": f"Bearer {token}"}, float(body.get("expires_in") or 3600)


class ZTBLogin(LoginProvider):
    """ZTB: ``POST /api/v3/api-key-auth/login`` with the API key; ``result.delegate_token`` is the bearer."""

    product = "ztb"
    login_path = "/api/v3/api-key-auth/login"

    def __init__(self, *, api_key: str, **kw: Any) -> None:
        super().__init__(**kw)
        self._key = api_key
        register_secret(api_key)

    def _login(self) -> tuple[dict[str, str], float]:
        headers = {"Content-Type": "application/json"}
        if self._partner:
            headers["x-partner-id"] = self._partner
        resp = self._post(self.login_path, json={"api_key": self._key}, headers=headers)
        try:
            token = resp.json()["result"]["delegate_token"]
        except (ValueError, KeyError, TypeError):
            token = None
        if not isinstance(token, str) or not token:
            raise TokenError(f"{self.product} login answer has no 'result.delegate_token'", url=str(resp.request.url))
        register_secret(token)
        exp = jwt_expiry(token)
        return {"Authorization": f"Bearer {token}"}, max((exp - self._clock()) if exp else 3600.0, 0.0)


class AIGuardKey(LoginProvider):
    """AI Guard: the API key itself is the bearer credential; there is no login request."""

    product = "aiguard"

    def __init__(self, *, api_key: str, **kw: Any) -> None:
        super().__init__(**kw)
        self._key = api_key
        register_secret(api_key)

    def _login(self) -> tuple[dict[str, str], float]:
        return {"Authorization": f"Bearer {self._key}"}, 365 * 86400.0

    def invalidate(self, used: Mapping[str, str]) -> bool:
        return False  # a fixed key: asking again gives the same answer
