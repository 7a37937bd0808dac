"""Credentials the simulator issues and checks: OneAPI tokens, legacy sessions and tokens."""

from __future__ import annotations

from typing import Any

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from dataclasses import dataclass

AUDIENCE = "https://api.zscaler.com"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"


def obfuscate_api_key(api_key: str, timestamp: int | str) -> str:
    """The ZIA/ZTW login key: characters of the raw key picked by the timestamp's last digits."""
    n = str(timestamp)[-6:]
    r = str(int(n) >> 1).zfill(6)
    return "".join(api_key[int(d)] for d in n) + "".join(api_key[int(d) + 2] for d in r)


def zdx_hashed_secret(secret: str, timestamp: int | str) -> str:
    return hashlib.sha256(f"{secret}:{timestamp}".encode()).hexdigest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def mint_jwt(claims: dict[str, Any], key: bytes) -> str:
    """A compact HS256 JWT (the simulator only ever looks its tokens up, but clients may decode them)."""
    head = _b64(b'{"alg":"HS256","typ":"JWT"}')
    body = _b64(json.dumps(claims, separators=(",", ":")).encode())
    sig = hmac.new(key, f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{_b64(sig)}"


@dataclass
class Credential:
    kind: str  # oneapi | zia | ztw | zpa | zcc | zdx | zwa
    expires_at: float  # epoch seconds (sessions: idle deadline is computed separately)
    subject: str = ""
    last_used: float = 0.0


_KEY_LOCK = threading.Lock()
_GENERATED_KEY: tuple[str, str] | None = None


def generated_keypair() -> tuple[str, str]:
    """A 2048-bit RSA key pair (PKCS#8 private PEM, SubjectPublicKeyInfo PEM), generated once per process."""
    global _GENERATED_KEY
    with _KEY_LOCK:
        if _GENERATED_KEY is None:
            from cryptography.hazmat.primitives import serialization
            from cryptography.hazmat.primitives.asymmetric import rsa

            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            priv = key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ).decode()
            pub = key.public_key().public_bytes(
                serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
            ).decode()
            _GENERATED_KEY = (priv, pub)
        return _GENERATED_KEY


def verify_assertion(assertion: str, public_key_pem: str, client_id: str) -> str | None:
    """Check a private-key JWT client assertion; return None if valid, else the reason."""
    try:
        import jwt  # PyJWT, a dependency of the SDK
    except ImportError:  # pragma: no cover
        return "PyJWT is not installed; private-key JWT assertions cannot be verified"
    try:
        claims = jwt.decode(
            assertion,
            public_key_pem,
            algorithms=["RS256"],
            audience=AUDIENCE,
            options={"require": ["exp", "iss", "sub", "aud"]},
            leeway=5,
        )
    except Exception as exc:  # any decode/signature/claim failure
        return f"invalid client assertion: {exc}"
    if claims.get("iss") != client_id or claims.get("sub") != client_id:
        return "client assertion iss/sub must be the client id"
    return None


def new_token() -> str:
    return secrets.token_urlsafe(24)


def now() -> float:
    return time.time()
