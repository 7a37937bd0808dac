"""Credential providers. Each gives the headers that authenticate one API request."""

from __future__ import annotations

import time
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Iterator, Mapping, Protocol

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


class WaitBudget:
    """Seconds a call may still spend waiting (``rateLimit.maxRetrySeconds`` less what it waited):
    the retry layer opens one around each attempt, and a login or token request that attempt
    makes waits out its 429s inside it (:func:`post_login`), adding what it waited to ``spent``."""

    def __init__(self, remaining: float) -> None:
        self.remaining = remaining
        self.spent = 0.0


_BUDGET: ContextVar[WaitBudget | None] = ContextVar("zscaler_wait_budget", default=None)


@contextmanager
def wait_budget(remaining: float) -> Iterator[WaitBudget]:
    """Run the block with ``remaining`` seconds of waiting allowed to the logins it triggers."""
    budget = WaitBudget(remaining)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def post_login(client: "httpx.Client", url: str, **kw: Any) -> "httpx.Response":
    """POST a login or token request; a 429 answer is waited out and retried (as the official
    ZDX/ZWA clients do), so a burst of scripts starting together does not fail at construction.

    The waits stay inside the retry budget of the call, the construction login or the
    ``authenticate()`` that needed the login (:func:`wait_budget`): a server asking for more than
    is left answers the 429 at once, which the caller reports as a refused login. Without a
    budget (a provider used on its own) a wait is capped at ``LOGIN_WAIT_MAX``."""
    from ..transport.pipeline import header_wait, jittered

    budget = _BUDGET.get()
    for attempt in range(LOGIN_ATTEMPTS):
        resp = client.post(url, **kw)
        if resp.status_code != 429 or attempt == LOGIN_ATTEMPTS - 1:
            return resp
        asked = header_wait(resp.headers)
        wanted = 1.0 if asked is None else jittered(asked)
        if budget is not None and wanted > budget.remaining - budget.spent:
            return resp  # the server asks for more than the budget left: answer the 429 now
        wait = wanted if budget is not None else min(LOGIN_WAIT_MAX, wanted)
        resp.close()
        time.sleep(wait)
        if budget is not None:
            budget.spent += wait
    raise AssertionError("unreachable")  # pragma: no cover
