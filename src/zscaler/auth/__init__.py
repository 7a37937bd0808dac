"""Credential providers. Each gives the headers that authenticate one API request."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, Mapping, Protocol

if TYPE_CHECKING:  # pragma: no cover
    import httpx


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


#: Login and token requests answered 429 are tried this many times in all ...
LOGIN_ATTEMPTS = 3
#: ... waiting what the server asks (Retry-After and the like), but never longer than this per attempt.
LOGIN_WAIT_MAX = 10.0


def post_login(client: "httpx.Client", url: str, **kw: Any) -> "httpx.Response":
    """POST a login or token request; a 429 answer is waited out and retried (as the official
    ZDX/ZWA clients do), so a burst of scripts starting together does not fail at construction."""
    from ..transport.pipeline import header_wait

    for attempt in range(LOGIN_ATTEMPTS):
        resp = client.post(url, **kw)
        if resp.status_code != 429 or attempt == LOGIN_ATTEMPTS - 1:
            return resp
        wait = header_wait(resp.headers)
        resp.close()
        time.sleep(min(LOGIN_WAIT_MAX, 1.0 if wait is None else wait))
    raise AssertionError("unreachable")  # pragma: no cover
