"""The shared test matrix: each test runs once through the sync client and once through the async
one, with the same operations and the same assertions (a :class:`Side` calls or awaits)."""

from __future__ import annotations

import asyncio
import inspect
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import pytest

from helpers import FAST_RETRY


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


class Side:
    """One client of the matrix: ``await side.call(method, ...)`` calls a sync method or awaits an async
    one; ``await side.items(resp)`` reads every page (``iter_all()`` / ``async for``)."""

    def __init__(self, kind: str, client: Any) -> None:
        self.kind, self.client = kind, client

    async def call(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        answer = method(*args, **kwargs)
        return await answer if inspect.isawaitable(answer) else answer

    async def items(self, resp: Any, limit: int | None = None) -> list[Any]:
        if self.kind == "async":
            return [item async for item in resp.aiter_all(limit)]
        return list(resp.iter_all(limit))

    async def many(self, method: Callable[..., Any], times: int) -> list[Any]:
        """``method()`` ``times`` times at once: tasks on the async client, 6 threads on the sync one."""
        if self.kind == "async":
            return list(await asyncio.gather(*(method() for _ in range(times))))
        with ThreadPoolExecutor(6) as pool:
            return await asyncio.to_thread(lambda: list(pool.map(lambda _: method(), range(times))))

    async def close(self) -> None:
        """Leave the client as its context manager does (activation, pool closed)."""
        if self.kind == "async":
            await self.client.__aexit__(None, None, None)
        else:
            self.client.__exit__(None, None, None)

    def __repr__(self) -> str:
        return f"<{self.kind} side>"


def make_client(kind: str, config: dict[str, Any]) -> Any:
    if kind == "async":
        from zscaler import AsyncZscalerClient

        return AsyncZscalerClient(config)
    from zscaler import ZscalerClient

    return ZscalerClient(config)


@pytest.fixture(params=["sync", "async"])
async def side(request: Any, sim: Any, anyio_backend: str) -> Any:
    """The sync or the async client for ``sim`` (fast retries), left as ``with``/``async with`` leaves it."""
    s = Side(request.param, make_client(request.param, sim.oneapi_config(**FAST_RETRY)))
    yield s
    await s.close()


@pytest.fixture
def make_side() -> Callable[[str, dict[str, Any]], Side]:
    """``make_side(kind, config)``: a :class:`Side` of a client built from ``config`` (close it in the test)."""
    return lambda kind, config: Side(kind, make_client(kind, config))
