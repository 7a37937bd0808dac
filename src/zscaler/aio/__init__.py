"""The async client: ``from zscaler import AsyncZscalerClient`` (or ``from zscaler.aio import ...``).

Every endpoint method of the sync client, awaitable with the same signature and the same
``(result, response, error)``; ``async with`` closes the pool and activates ZIA/ZTW changes;
``async for item in resp.aiter_all()`` reads every page. See docs/async.md.
Loaded lazily: importing :mod:`zscaler` does not import asyncio or this package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .client import (AsyncLegacyAIGuardClient, AsyncLegacyClient, AsyncLegacyZCCClient, AsyncLegacyZDXClient,
                         AsyncLegacyZIAClient, AsyncLegacyZPAClient, AsyncLegacyZTBClient, AsyncLegacyZTWClient,
                         AsyncLegacyZWAClient, AsyncZscalerClient)
    from .client import AsyncZscalerClient as AsyncClient
    from .response import AsyncZscalerAPIResponse

_CLIENT_NAMES = ("AsyncZscalerClient", "AsyncClient", "AsyncLegacyClient", "AsyncLegacyZIAClient",
                 "AsyncLegacyZTWClient", "AsyncLegacyZPAClient", "AsyncLegacyZCCClient", "AsyncLegacyZDXClient",
                 "AsyncLegacyZWAClient", "AsyncLegacyAIGuardClient", "AsyncLegacyZTBClient")


def __getattr__(name: str) -> Any:
    import importlib

    if name in _CLIENT_NAMES:
        module = "zscaler.aio.client"
    elif name == "AsyncZscalerAPIResponse":
        module = "zscaler.aio.response"
    else:
        raise AttributeError(f"module 'zscaler.aio' has no attribute '{name}'")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = ["AsyncZscalerClient", "AsyncClient", "AsyncLegacyClient", "AsyncLegacyZIAClient", "AsyncLegacyZTWClient",
           "AsyncLegacyZPAClient", "AsyncLegacyZCCClient", "AsyncLegacyZDXClient", "AsyncLegacyZWAClient",
           "AsyncLegacyAIGuardClient", "AsyncLegacyZTBClient", "AsyncZscalerAPIResponse"]
