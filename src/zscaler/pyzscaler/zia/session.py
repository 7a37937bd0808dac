"""``zia.session``: the legacy ``authenticatedSession``."""

from __future__ import annotations

from typing import Any

from ...redaction import register as register_secret
from ..utils import obfuscate_api_key
from ._common import ZIAEndpoint


class AuthenticatedSessionAPI(ZIAEndpoint):
    path = "authenticatedSession"

    def status(self) -> Any:
        return self._get(self._p(self.path))

    def create(self, api_key: str, username: str, password: str) -> Any:
        """A new session (the API key sent obfuscated with the current timestamp)."""
        register_secret(api_key, password)
        key = obfuscate_api_key(api_key)
        register_secret(key["key"], ephemeral=True)
        body = {"apiKey": key["key"], "username": username, "password": password, "timestamp": key["timestamp"]}
        return self._post(self._p(self.path), json=body)

    def delete(self) -> int:
        """End the session (this activates staged changes); the HTTP status."""
        status = self._status("DELETE", self.path)
        provider = self._api._executor.provider
        held = provider.current() if hasattr(provider, "current") else None
        if held is not None:
            provider.invalidate(held)  # the next call logs in again
        return status
