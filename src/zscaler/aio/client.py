"""``AsyncZscalerClient`` and the async legacy clients.

The sync clients' construction (configuration sources, validation, credential provider, retry
policy, cache, rate limiter) with an :class:`~zscaler.aio.executor.AsyncRequestExecutor`; every
endpoint method of ``client.<product>.<resource>`` is a coroutine function of the same signature
returning the same ``(result, response, error)``. The lifecycle methods are coroutines too.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Mapping

from .. import catalog
from ..auth import wait_budget
from ..config import merge_config
from ..errors import ZscalerError
from ..oneapi_client import Client, LegacyClient
from ..transport.executor import RequestExecutor
from .executor import AsyncRequestExecutor

log = logging.getLogger("zscaler.client")


class _AsyncLifecycle:
    """``async with``, ``await close()``; a plain ``with`` is refused (it cannot await)."""

    _executor: RequestExecutor

    @property
    def _aexecutor(self) -> AsyncRequestExecutor:
        ex = self._executor
        assert isinstance(ex, AsyncRequestExecutor)
        return ex

    async def close(self) -> None:
        """Close the connection pool."""
        await self._aexecutor.aclose()

    aclose = close

    def __enter__(self) -> Any:
        raise TypeError(f"{type(self).__name__} is asynchronous: use 'async with', not 'with'")

    def __exit__(self, *exc: Any) -> None:  # pragma: no cover - __enter__ refuses
        return None


class AsyncZscalerClient(_AsyncLifecycle, Client):  # type: ignore[misc]
    """The OneAPI client, async: ``async with AsyncZscalerClient(config) as client:``, then
    ``items, resp, err = await client.zpa.segment_groups.list_groups()``.

    Configuration, errors, retries, rate limiting, token sharing, logging and redaction are the
    sync :class:`~zscaler.ZscalerClient`'s. Concurrent tasks share one token (one refresh) and
    one connection pool. One event loop at a time (a later loop gets a new pool).
    """

    _executor_type = AsyncRequestExecutor

    async def authenticate(self) -> None:  # type: ignore[override]
        """Fetch a token now (normally fetched on the first call)."""
        ex = self._aexecutor
        ex.bind_loop()
        with wait_budget(ex.retry_policy.max_wait_total):
            await ex.auth_layer.headers()

    async def activate_written(self) -> dict[str, BaseException | None]:  # type: ignore[override]
        """End the ZIA/ZTW sessions this client wrote to (activating staged changes), as the sync
        client's; ``{product: error or None}``, failures logged, never raised."""
        outcome: dict[str, BaseException | None] = {}
        ex = self._aexecutor
        for product in sorted(ex.written & set(catalog.products())):
            path = catalog.facts(product).activation
            if path is None:
                continue
            try:
                await ex.asend("DELETE", path)
                outcome[product] = None
            except (ZscalerError, ValueError) as e:
                log.warning("activating %s on exit failed: %s", product, e)
                outcome[product] = e
        ex.written.clear()
        return outcome

    async def __aenter__(self) -> "AsyncZscalerClient":
        return self

    async def __aexit__(self, *exc: Any) -> None:
        try:
            await self.activate_written()
        finally:
            await self.close()

    def __repr__(self) -> str:
        return "<Async" + super().__repr__()[1:]


class AsyncLegacyClient(_AsyncLifecycle, LegacyClient):  # type: ignore[misc]
    """Base of the async legacy clients. The construction does not log in (it cannot await):
    ``async with`` (or ``await client.login()``) logs in at once, so wrong credentials fail there;
    otherwise the first call logs in. ``async with`` logs out on exit (ZIA/ZTW: activation)."""

    _executor_type = AsyncRequestExecutor

    def __init__(self, config: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        self._build(merge_config(config, kwargs))

    async def login(self) -> None:
        """Log in now, as the sync legacy client's construction does (its 429 waits in the retry budget)."""
        self._aexecutor.bind_loop()
        await asyncio.to_thread(self._helper_instance()._login_at_construction)

    async def authenticate(self) -> None:  # type: ignore[override]
        await self.login()

    async def logout(self) -> bool:  # type: ignore[override]
        """End the session (ZIA/ZTW: this activates staged changes). True when the server confirmed."""
        self._aexecutor.bind_loop()
        return await asyncio.to_thread(LegacyClient.logout, self)

    async def activate_written(self) -> dict[str, BaseException | None]:  # type: ignore[override]
        self._executor.written.clear()
        return {}

    async def __aenter__(self) -> "AsyncLegacyClient":
        await self.login()
        return self

    async def __aexit__(self, *exc: Any) -> None:
        try:
            await self.logout()
        finally:
            await self.close()


class AsyncLegacyZIAClient(AsyncLegacyClient):
    _product = "zia"


class AsyncLegacyZTWClient(AsyncLegacyClient):
    _product = "ztw"


class AsyncLegacyZPAClient(AsyncLegacyClient):
    _product = "zpa"


class AsyncLegacyZCCClient(AsyncLegacyClient):
    _product = "zcc"


class AsyncLegacyZDXClient(AsyncLegacyClient):
    _product = "zdx"


class AsyncLegacyZWAClient(AsyncLegacyClient):
    _product = "zwa"


class AsyncLegacyAIGuardClient(AsyncLegacyClient):
    _product = "aiguard"


class AsyncLegacyZTBClient(AsyncLegacyClient):
    _product = "ztb"


AsyncClient = AsyncZscalerClient

__all__ = ["AsyncClient", "AsyncZscalerClient", "AsyncLegacyClient", "AsyncLegacyZIAClient", "AsyncLegacyZTWClient",
           "AsyncLegacyZPAClient", "AsyncLegacyZCCClient", "AsyncLegacyZDXClient", "AsyncLegacyZWAClient",
           "AsyncLegacyAIGuardClient", "AsyncLegacyZTBClient"]
