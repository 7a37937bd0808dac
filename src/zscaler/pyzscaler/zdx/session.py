"""``zdx.session``: the legacy API-key token (``oauth/token``, ``oauth/validate``, ``oauth/jwks``)."""

from __future__ import annotations

import hashlib
import time
from typing import Any

from ...redaction import register as register_secret
from ..errors import UnexpectedValueError
from ._common import ZDXEndpoint


class SessionAPI(ZDXEndpoint):
    def _legacy_only(self, name: str) -> None:
        if self._api.oneapi:
            raise UnexpectedValueError(f"zdx.session.{name}() uses the legacy ZDX API key; in OneAPI mode the "
                                       "token comes from ZIdentity (ZSCALER_CLIENT_ID/ZSCALER_CLIENT_SECRET)")

    def create_token(self, client_id: str, client_secret: str) -> Any:
        """A new token for this key (the secret sent as ``sha256("<secret>:<epoch>")``)."""
        self._legacy_only("create_token")
        now = int(time.time())
        hashed = hashlib.sha256(f"{client_secret}:{now}".encode()).hexdigest()
        register_secret(client_secret)
        register_secret(hashed, ephemeral=True)
        return self._post(self._p("oauth/token"), json={"key_id": client_id, "key_secret": hashed, "timestamp": now})

    def validate_token(self) -> Any:
        self._legacy_only("validate_token")
        return self._get(self._p("oauth/validate"))

    def get_jwks(self) -> Any:
        self._legacy_only("get_jwks")
        return self._get(self._p("oauth/jwks"))
