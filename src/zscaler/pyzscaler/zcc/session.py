"""``zcc.session``: the legacy login, as a method."""

from __future__ import annotations

from typing import Any

from .._base import APIEndpoint, body_of


class AuthenticatedSessionAPI(APIEndpoint):
    def create_token(self, client_id: str, client_secret: str) -> Any:
        """Log in with the portal's API key and secret (``POST auth/v1/login``); returns the JWT.

        The client's own token is managed by the project's credential provider; this call is for
        scripts that ask for a token themselves.
        """
        from ...redaction import register

        register(client_secret)
        resp = self._send("POST", "/zcc/papi/auth/v1/login", json={"apiKey": client_id, "secretKey": client_secret})
        token = (body_of(resp) or {}).get("jwtToken")
        if token:
            register(token, ephemeral=True)
        return token
