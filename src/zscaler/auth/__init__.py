"""Credential providers. Each gives the headers that authenticate one API request."""

from __future__ import annotations

from typing import Mapping, Protocol


class CredentialProvider(Protocol):
    """What the auth layer needs from any login flow."""

    #: a stable, non-secret label of who is calling (used in cache keys and logs)
    identity: str

    def headers(self) -> Mapping[str, str]:
        """Headers for the next request, logging in or refreshing first when needed."""

    def invalidate(self, used: Mapping[str, str]) -> bool:
        """The server refused ``used``; drop it if still current. True when a retry may help."""


class NoCredentials:
    """For requests that authenticate otherwise (sandbox ``api_token``) or not at all."""

    identity = "anonymous"

    def headers(self) -> Mapping[str, str]:
        return {}

    def invalidate(self, used: Mapping[str, str]) -> bool:
        return False
