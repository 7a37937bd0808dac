"""OneAPI (ZIdentity) OAuth2 client credentials: client secret or private-key JWT assertion."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any, Callable, Mapping

import httpx

from ..errors import ConfigurationError, TokenError
from . import post_login

AUDIENCE = "https://api.zscaler.com"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def load_private_key(text: str) -> Any:
    """Parse a private key given as JWK JSON, PEM (PKCS#8 or PKCS#1) text, or a file path.

    Error messages never include the key material.
    """
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    raw = text.strip()
    if not raw.startswith("{") and "-----BEGIN" not in raw:
        path = Path(raw).expanduser()
        if "\n" in raw or len(raw) > 4096 or not path.is_file():
            raise ConfigurationError(
                "privateKey: not a PEM key, not JWK JSON, and not the path of a readable file")
        raw = path.read_text().strip()
    try:
        if raw.startswith("{"):
            from jwt.algorithms import RSAAlgorithm

            key: object = RSAAlgorithm.from_jwk(json.loads(raw))
        else:
            key = load_pem_private_key(raw.encode(), password=None)
    except Exception as e:  # noqa: BLE001 - every parse failure gets the same safe message
        raise ConfigurationError(
            f"privateKey: could not be parsed as an unencrypted RSA private key ({type(e).__name__}); "
            "accepted: PEM PKCS#8 ('BEGIN PRIVATE KEY'), PEM PKCS#1 ('BEGIN RSA PRIVATE KEY'), JWK JSON, or a file path"
        ) from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ConfigurationError("privateKey: must be an RSA private key (RS256 is used for the client assertion)")
    if key.key_size < 2048:
        raise ConfigurationError(f"privateKey: RSA key of {key.key_size} bits is too weak; at least 2048 bits required")
    return key


class OneAPITokenProvider:
    """Fetches, caches and refreshes the bearer token. Safe to share across threads.

    The token is refreshed ahead of expiry (10% of its lifetime, at most 60 s early), and
    dropped when the API answers 401 to it so the next call fetches a new one.
    """

    def __init__(
        self,
        *,
        token_url: str,
        client_id: str,
        client_secret: str | None = None,
        private_key: str | None = None,
        http: Callable[[], httpx.Client],
        user_agent: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        self._secret = client_secret
        self._key = load_private_key(private_key) if private_key else None
        self._http = http
        self._user_agent = user_agent
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._expires_at = 0.0
        self._refresh_at = 0.0
        self.fetch_count = 0
        self.identity = f"oneapi:{client_id}"

    def __repr__(self) -> str:
        return f"OneAPITokenProvider(client_id={self.client_id!r}, token_url={self.token_url!r})"

    @property
    def expires_at(self) -> float:
        return self._expires_at

    def headers(self) -> Mapping[str, str]:
        with self._lock:
            if self._token is None or self._clock() >= self._refresh_at:
                self._fetch()
            return {"Authorization": f"Bearer {self._token}"}

    def token(self) -> str:
        return self.headers()["Authorization"][7:]

    def invalidate(self, used: Mapping[str, str]) -> bool:
        with self._lock:
            if self._token is not None and used.get("Authorization") == f"Bearer {self._token}":
                self._token = None
            return True

    def _form(self) -> dict[str, str]:
        form = {"grant_type": "client_credentials", "client_id": self.client_id}
        if self._key is not None:
            import jwt

            claims = {"iss": self.client_id, "sub": self.client_id, "aud": AUDIENCE, "exp": int(self._clock()) + 600}
            form["client_assertion"] = jwt.encode(claims, self._key, algorithm="RS256", headers={"typ": "JWT"})
            form["client_assertion_type"] = ASSERTION_TYPE
        else:
            form["client_secret"] = self._secret or ""
        form["audience"] = AUDIENCE
        return form

    def _fetch(self) -> None:
        headers = {"Accept": "application/json", "User-Agent": self._user_agent}
        try:
            resp = post_login(self._http(), self.token_url, data=self._form(), headers=headers)
        except httpx.HTTPError as e:
            raise TokenError(f"token request failed: {type(e).__name__}: could not reach {self.token_url}",
                             url=self.token_url) from None
        if resp.status_code >= 300:
            detail = _error_detail(resp)
            raise TokenError(f"token request refused: HTTP {resp.status_code}{detail} ({self.token_url})",
                             status_code=resp.status_code, url=self.token_url)
        try:
            body = resp.json()
            token = body["access_token"]
        except (ValueError, KeyError, TypeError):
            raise TokenError(f"token response has no access_token (HTTP {resp.status_code}, {self.token_url})",
                             status_code=resp.status_code, url=self.token_url) from None
        if not isinstance(token, str) or not token:
            raise TokenError("token response carried an empty access_token", url=self.token_url)
        lifetime = float(body.get("expires_in") or 3600)
        now = self._clock()
        self._token = token
        self._expires_at = now + lifetime
        self._refresh_at = now + lifetime - min(60.0, lifetime * 0.1)
        self.fetch_count += 1


def _error_detail(resp: httpx.Response) -> str:
    try:
        body = resp.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    parts = [str(body[k]) for k in ("error", "error_description", "message", "detail") if body.get(k)]
    return (": " + "; ".join(parts)[:200]) if parts else ""
