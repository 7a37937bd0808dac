"""``zpa.session``: the legacy sign-in, as a method."""

from __future__ import annotations

from typing import Any

from .._base import APIEndpoint, body_of


class AuthenticatedSessionAPI(APIEndpoint):
    def create_token(self, client_id: str, client_secret: str) -> Any:
        """Sign in with the legacy keys (``POST /signin``); returns the access token.

        The client's own token is managed by the project's credential provider (renewed before it
        lapses); this call is for scripts that ask for a token themselves.
        """
        from ...redaction import register

        register(client_secret)
        resp = self._send("POST", "/zpa/signin", data={"client_id": client_id, "client_secret": client_secret})
        token = (body_of(resp) or {}).get("access_token")
        if token:
            register(token, ephemeral=True)
        return token
