"""The async request executor: :class:`~zscaler.transport.executor.RequestExecutor` (URLs, headers,
request building, typed errors) whose sending is awaited over one ``httpx.AsyncClient``.

Code written against the sync executor keeps working in a worker thread: the catalog's hooks
(``call.request``), the credential providers' logins and a sync ``next()`` of a listing call
:meth:`AsyncRequestExecutor.send`, which runs :meth:`AsyncRequestExecutor.asend` on the client's
event loop and waits for it. So there is one transport (the ``httpx.AsyncClient``, or the
configured ``httpx.AsyncBaseTransport``) and one copy of every rule.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Coroutine, Mapping, Sequence, TypeVar

import httpx

from ..errors import api_error
from ..transport.executor import POOL_LIMITS, WRITE_METHODS, RequestExecutor, _decode_error_body, shared_verify
from ..transport.pipeline import Request
from .pipeline import AsyncAuthLayer, AsyncCache, AsyncRateLimit, AsyncHttpLayer, AsyncLayer, compose, logging_layer, retry_layer

_T = TypeVar("_T")


class LoopBridgeClient(httpx.Client):
    """An ``httpx.Client`` whose ``send`` is the async client's, run on the executor's event loop.

    The credential providers log in through ``client.post``/``client.delete`` from a worker thread
    (:class:`~zscaler.aio.pipeline.AsyncAuthLayer`); this is the client they are given."""

    def __init__(self, executor: "AsyncRequestExecutor", **kw: Any) -> None:
        super().__init__(**kw)
        self._executor = executor

    def send(self, request: httpx.Request, *, stream: bool = False, **_: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            resp = await self._executor.http_async.client.send(request, stream=stream)
            if not stream:
                await resp.aread()
            return resp

        return self._executor.run_from_thread(go())


class AsyncRequestExecutor(RequestExecutor):
    """Owns the async pipeline of one client; ``await executor.asend(...)`` sends one request.

    Serves one event loop at a time: its pool (an ``httpx.AsyncClient``) is remade in a later loop."""

    asynchronous = True

    def __init__(self, *, transport: Any = None, **kw: Any) -> None:
        if transport is not None and not isinstance(transport, httpx.AsyncBaseTransport):
            raise TypeError("transport: the async client takes an httpx.AsyncBaseTransport (such as "
                            f"httpx.AsyncHTTPTransport or httpx.MockTransport), got {type(transport).__name__}")
        proxy = None if transport is not None else kw.pop("proxy", None)
        kw.pop("proxy", None)
        timeout = httpx.Timeout(kw.get("timeout") or None, connect=kw.get("connect_timeout", 30.0) or None)
        verify = kw.get("verify", True)
        super().__init__(http_client_factory=lambda: LoopBridgeClient(self, timeout=timeout, trust_env=False,
                                                                      verify=shared_verify(True, False)), **kw)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_lock = threading.Lock()
        trust = proxy is None and transport is None
        self.http_async = AsyncHttpLayer(lambda: httpx.AsyncClient(
            timeout=timeout, verify=shared_verify(verify, trust), proxy=proxy, trust_env=trust,
            transport=transport, limits=POOL_LIMITS))
        self.auth_layer = AsyncAuthLayer(self.provider)
        layers: list[AsyncLayer] = []
        if self.cache is not None:
            layers.append(AsyncCache(self.cache))
        layers += [retry_layer(self.retry_policy), self.auth_layer]
        limiter = getattr(self, "rate_limiter", None)  # rateLimit.* (the sync executor's, shared)
        if limiter is not None:
            layers.append(AsyncRateLimit(limiter))
        layers.append(logging_layer)
        self._asend = compose(layers, self.http_async)

    async def asend(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        body: Any = None,
        raw_body: Any = None,
        headers: Mapping[str, str] | None = None,
        resource_path: str | None = None,
        stream: bool = False,
    ) -> httpx.Response:
        """:meth:`RequestExecutor.send`, awaited: one request through the async pipeline; a typed
        error for an error status."""
        self._loop = asyncio.get_running_loop()
        req: Request = self._request(method, path, params, body, raw_body, headers, resource_path, stream)
        product = "zia" if req.product == "zscsb" else req.product
        with self._lock:
            self.last_product = product
            if req.method in WRITE_METHODS and product and req.product != "zscsb":
                self.written.add(product)
        resp = await self._asend(req)
        if resp.status_code >= 400:
            if stream:
                await resp.aread()
            raise api_error(resp.status_code, _decode_error_body(resp), method=req.method, url=str(resp.request.url),
                            headers=resp.headers, service_type=product)
        return resp

    def send(self, method: str, path: str, **kw: Any) -> httpx.Response:
        """The sync form, for code running in a worker thread of this client's loop (hooks, logins,
        a sync ``next()``): :meth:`asend` run on the loop."""
        return self.run_from_thread(self.asend(method, path, **kw))

    def run_from_thread(self, coro: Coroutine[Any, Any, _T]) -> _T:
        """Run ``coro`` on this executor's event loop from a worker thread and wait for its answer."""
        loop = self._loop
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if loop is None or running is not None:
            coro.close()
            raise RuntimeError("a blocking call on an async client: inside a coroutine, await the async form "
                               "(await resp.anext(), async for item in resp.aiter_all())")
        return asyncio.run_coroutine_threadsafe(coro, loop).result()

    def bind_loop(self) -> None:
        """Remember the running loop (before a worker thread may call :meth:`send`)."""
        self._loop = asyncio.get_running_loop()

    async def aclose(self) -> None:
        await self.http_async.aclose()
        self.http.close()
        self.auth_layer.close()


__all__ = ["AsyncRequestExecutor", "LoopBridgeClient"]
