"""OneAPI (ZIdentity) OAuth2 client credentials: client secret or private-key JWT assertion."""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from pathlib import Path
from typing import Any, Callable, Mapping

import httpx

from ..errors import ConfigurationError, TokenError
from ..redaction import register as register_secret
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
    register_secret(raw)
    try:
        if raw.startswith("{"):
            from jwt.algorithms import RSAAlgorithm

            jwk = json.loads(raw)
            if isinstance(jwk, dict):  # the private members of a JWK
                register_secret(*(jwk.get(k) for k in ("d", "p", "q", "dp", "dq", "qi")))
            key: object = RSAAlgorithm.from_jwk(jwk)
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


class TokenState:
    """One OAuth token and its lifetime, guarded by ``lock``; shared by the providers of equal credentials."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.token: str | None = None
        self.expires_at = 0.0
        self.refresh_at = 0.0
        self.fetch_count = 0

    def __repr__(self) -> str:
        return f"TokenState(held={self.token is not None}, fetch_count={self.fetch_count})"


#: process-wide token states, keyed by (token URL, client id, keyed hash of the secret or private key)
_SHARED: dict[tuple[str, str, str], TokenState] = {}
_SHARED_LOCK = threading.Lock()
#: a random key of this process, so a fingerprint cannot be tested against guessed secrets elsewhere
_FINGERPRINT_KEY = os.urandom(32)


def credential_fingerprint(material: str) -> str:
    """A keyed hash of a secret: equal within one process for equal secrets, never the secret itself."""
    return hashlib.blake2b(material.encode(), key=_FINGERPRINT_KEY, digest_size=16).hexdigest()


def shared_token_state(token_url: str, client_id: str, material: str) -> TokenState:
    """The token state every provider of these credentials and token URL uses in this process."""
    key = (token_url, client_id, credential_fingerprint(material))
    with _SHARED_LOCK:
        state = _SHARED.get(key)
        if state is None:
            state = _SHARED[key] = TokenState()
        return state


def forget_shared_tokens() -> None:
    """Drop every shared token of this process (the next request of each client fetches a new one)."""
    with _SHARED_LOCK:
        _SHARED.clear()


class OneAPITokenProvider:
    """Fetches, caches and refreshes the bearer token. Safe to share across threads.

    The token is refreshed ahead of expiry (10% of its lifetime, at most 60 s early), and
    dropped when the API answers 401 to it so the next call fetches a new one. With
    ``share=True`` (the default) providers of equal credentials and token URL in one process
    hold one token between them (:func:`shared_token_state`): one token request per expiry,
    and a 401 makes one of them fetch a new token for all.
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
        share: bool = True,
    ) -> None:
        self.token_url = token_url
        self.client_id = client_id
        register_secret(client_secret, private_key)
        self._secret = client_secret
        self._key = load_private_key(private_key) if private_key else None
        self._http = http
        self._user_agent = user_agent
        self._clock = clock
        material = ("key:" + private_key) if private_key else ("secret:" + (client_secret or ""))
        self._state = shared_token_state(token_url, client_id, material) if share else TokenState()
        self.shared = share
        self.identity = f"oneapi:{client_id}"

    def __repr__(self) -> str:
        return (f"OneAPITokenProvider(client_id={self.client_id!r}, token_url={self.token_url!r}, "
                f"shared={self.shared})")

    @property
    def expires_at(self) -> float:
        return self._state.expires_at

    @property
    def fetch_count(self) -> int:
        """Token requests made for this provider's token (by any provider sharing it)."""
        return self._state.fetch_count

    def headers(self) -> Mapping[str, str]:
        state = self._state
        with state.lock:
            if state.token is None or self._clock() >= state.refresh_at:
                self._fetch(state)
            return {"Authorization": f"Bearer {state.token}"}

    def token(self) -> str:
        return self.headers()["Authorization"][7:]

    def invalidate(self, used: Mapping[str, str]) -> bool:
        state = self._state
        with state.lock:
            if state.token is not None and used.get("Authorization") == f"Bearer {state.token}":
                state.token = None
            return True

    def _form(self) -> dict[str, str]:
        form = {"grant_type": "client_credentials", "client_id": self.client_id}
        if self._key is not None:
            import jwt

            claims = {"iss": self.client_id, "sub": self.client_id, "aud": AUDIENCE, "exp": int(self._clock()) + 600}
            form["client_assertion"] = jwt.encode(claims, self._key, algorithm="RS256", headers={"typ": "JWT"})
            register_secret(form["client_assertion"], ephemeral=True)
            form["client_assertion_type"] = ASSERTION_TYPE
        else:
            form["client_secret"] = self._secret or ""
        form["audience"] = AUDIENCE
        return form

    def _fetch(self, state: TokenState) -> None:
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
        register_secret(token, body.get("refresh_token"), ephemeral=True)
        lifetime = float(body.get("expires_in") or 3600)
        now = self._clock()
        state.token = token
        state.expires_at = now + lifetime
        state.refresh_at = now + lifetime - min(60.0, lifetime * 0.1)
        state.fetch_count += 1


def _error_detail(resp: httpx.Response) -> str:
    try:
        body = resp.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    parts = [str(body[k]) for k in ("error", "error_description", "message", "detail") if body.get(k)]
    return (": " + "; ".join(parts)[:200]) if parts else ""
