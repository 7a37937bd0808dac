"""The async twin of :mod:`zscaler.transport.pipeline`: the same layers, awaiting instead of blocking.

``cache -> retry/rate limit -> auth -> logging -> http`` over one ``httpx.AsyncClient``. What a
layer decides (which answer is retried and how long to wait, the retry budget, what is cached,
what a log line shows) is the sync layer's own code, called from here; only the I/O and the
sleeping differ (``asyncio.sleep``, an ``asyncio.Lock`` around a credential refresh).
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, AsyncIterator, Awaitable, Callable, Iterable, Sequence, TypeVar

import httpx

from ..auth import CredentialProvider, wait_budget
from ..errors import safe_url
from ..transport.pipeline import (CacheLayer, Request, RetryLayer, RetryPolicy, _deleted_before, log_failure,
                                  log_request, log_response, settled, to_httpx)

log = logging.getLogger("zscaler.transport")

_T = TypeVar("_T")
AsyncHandler = Callable[[Request], Awaitable[httpx.Response]]
AsyncLayer = Callable[[Request, AsyncHandler], Awaitable[httpx.Response]]


def compose(layers: Sequence[AsyncLayer], last: AsyncHandler) -> AsyncHandler:
    handler = last
    for layer in reversed(layers):
        handler = (lambda lay, nxt: (lambda req: lay(req, nxt)))(layer, handler)
    return handler


# ------------------------------------------------------------------ HTTP

class AsyncHttpLayer:
    """Sends with one pooled ``httpx.AsyncClient``, created on first use in the running event loop
    (a client used from another loop later gets a new pool: an httpx pool belongs to one loop)."""

    def __init__(self, client_factory: Callable[[], httpx.AsyncClient]) -> None:
        self._factory = client_factory
        self._client: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    @property
    def client(self) -> httpx.AsyncClient:
        loop = asyncio.get_running_loop()
        c = self._client
        if c is None or c.is_closed or self._loop is not loop:
            c = self._client = self._factory()
            self._loop = loop
        return c

    async def __call__(self, req: Request) -> httpx.Response:
        client = self.client
        content = req.body_for_send()
        if content is not None and not isinstance(content, bytes):  # a file or iterable of bytes
            content = _chunks(content)
        resp = await client.send(to_httpx(client, req, content), stream=req.stream)
        return resp if req.stream else settled(resp)

    async def aclose(self) -> None:
        c, self._client = self._client, None
        if c is not None and not c.is_closed and self._loop is asyncio.get_running_loop():
            await c.aclose()  # a pool of a loop that has ended went with it


async def _chunks(chunks: Iterable[bytes]) -> AsyncIterator[bytes]:
    for chunk in chunks:
        yield chunk


# ------------------------------------------------------------------ auth

def ready_headers(provider: CredentialProvider) -> dict[str, str] | None:
    """The headers ``provider.headers()`` would answer without a login or token request, read
    without taking the provider's lock (None: a login or refresh is due, or the provider is not
    one of the SDK's).

    The event loop never waits on a provider's lock: a worker thread may hold it while its login
    request runs on this very loop."""
    from ..auth import NoCredentials
    from ..auth.legacy import LoginProvider
    from ..auth.oneapi import OneAPITokenProvider

    if isinstance(provider, OneAPITokenProvider):
        state = provider._state
        token = state.token
        if token is not None and provider._clock() < state.refresh_at:
            return {"Authorization": f"Bearer {token}"}
        return None
    if isinstance(provider, LoginProvider) and type(provider).headers is LoginProvider.headers:
        held = provider._headers
        if held is not None and provider._clock() < provider._renew_at:
            provider._touch()  # an idle-timeout session extends itself on use
            return dict(held)
        return None
    if isinstance(provider, NoCredentials):
        return {}
    return None


class AsyncAuthLayer:
    """The credential headers; a login or token request runs in a worker thread (the provider's
    own code, its HTTP through the client's event loop), one at a time: concurrent tasks wait on
    an ``asyncio.Lock`` and share the one refresh. A 401 drops the credential and retries once.

    The provider runs on the layer's own thread, not the loop's default pool: calls whose hooks
    wait in that pool for their requests must not leave the login that those requests need
    without a thread."""

    def __init__(self, provider: CredentialProvider) -> None:
        self.provider = provider
        self._lock: asyncio.Lock | None = None
        self._lock_loop: asyncio.AbstractEventLoop | None = None
        self._pool: ThreadPoolExecutor | None = None

    async def _in_thread(self, fn: Callable[..., _T], *args: Any) -> _T:
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="zscaler-login")
        ctx = contextvars.copy_context()  # the call's retry budget (auth.wait_budget) goes along
        return await asyncio.get_running_loop().run_in_executor(self._pool, functools.partial(ctx.run, fn, *args))

    async def headers(self) -> dict[str, str]:
        held = ready_headers(self.provider)
        if held is not None:
            return held
        loop = asyncio.get_running_loop()
        if self._lock is None or self._lock_loop is not loop:  # an asyncio.Lock serves one loop
            self._lock, self._lock_loop = asyncio.Lock(), loop
        async with self._lock:
            held = ready_headers(self.provider)
            if held is not None:
                return held
            return dict(await self._in_thread(self.provider.headers))

    async def __call__(self, req: Request, nxt: AsyncHandler) -> httpx.Response:
        if not req.authenticate:
            return await nxt(req)
        used = await self.headers()
        resp = await nxt(req.with_headers(used))
        if resp.status_code == 401 and req.replayable and await self._in_thread(self.provider.invalidate, used):
            log.info("HTTP 401 on %s %s: refreshing credentials and retrying once", req.method, safe_url(req.url))
            await resp.aclose()
            resp = await nxt(req.with_headers(await self.headers()))
        return resp

    def close(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False)


# ------------------------------------------------------------------ retry

class AsyncRetryLayer(RetryLayer):
    """:class:`RetryLayer`'s rules (what is retried, the waits, the budget, a lost DELETE) with
    ``asyncio.sleep``; a policy given its own ``sleep`` (a test's) keeps it."""

    def __init__(self, policy: RetryPolicy) -> None:
        super().__init__(policy)

    async def _sleep(self, wait: float) -> None:
        if self.policy.sleep is time.sleep:
            await asyncio.sleep(wait)
        else:
            self.policy.sleep(wait)

    async def acall(self, req: Request, nxt: AsyncHandler) -> httpx.Response:
        p = self.policy
        waited, attempt, started, maybe_done = 0.0, 0, time.monotonic(), False
        while True:
            resp: httpx.Response | None = None
            try:
                with wait_budget(p.max_wait_total - waited) as budget:
                    resp = await nxt(req)
            except httpx.TransportError as e:
                waited += budget.spent
                wait, reason, sent = self._after_transport_error(req, e, attempt)
                maybe_done = maybe_done or sent
            else:
                waited += budget.spent
                if maybe_done and req.method == "DELETE" and resp.status_code == 404:
                    await resp.aclose()
                    return _deleted_before(req, _buffered_copy(resp))
                retry = self._retry_of(req, resp, attempt, waited)
                if retry is None or attempt >= p.max_retries or not req.replayable:
                    return resp
                wait, reason = retry
                maybe_done = maybe_done or resp.status_code == 504
            if resp is not None:
                await resp.aclose()
            self._check_budget(req, None, reason, wait, waited, started)
            log.info("%s on %s %s: retry %d/%d in %.2fs", reason, req.method, safe_url(req.url), attempt + 1,
                     p.max_retries, wait)
            if wait > 0:
                await self._sleep(wait)
            waited += wait
            attempt += 1


def _buffered_copy(resp: httpx.Response) -> httpx.Response:
    """A read answer as a plain (sync-closable) response, for the sync layer's helpers that close it."""
    return httpx.Response(resp.status_code, headers=resp.headers, content=resp.content, request=resp.request)


# ------------------------------------------------------------------ rate limit

class AsyncRateLimit:
    """The client's rate limiter (``transport.ratelimit.RateLimiter``, shared with its threads):
    each attempt awaits the slot ``reserve`` gives it, and every answer is shown to ``observe``."""

    def __init__(self, limiter: Any) -> None:
        self.limiter = limiter

    async def __call__(self, req: Request, nxt: AsyncHandler) -> httpx.Response:
        wait = self.limiter.reserve(req)
        if wait > 0:
            if log.isEnabledFor(logging.DEBUG):
                log.debug("rate limit: %s %s waits %.3fs", req.method, safe_url(req.url), wait)
            await asyncio.sleep(wait)
        resp = await nxt(req)
        self.limiter.observe(req, resp)
        return resp


# ------------------------------------------------------------------ logging

async def logging_layer(req: Request, nxt: AsyncHandler) -> httpx.Response:
    """Each attempt logged as the sync ``LoggingLayer`` logs it: INFO one line, DEBUG headers and
    bodies, always redacted."""
    if not log.isEnabledFor(logging.INFO):
        return await nxt(req)
    url, t0 = log_request(req)
    try:
        resp = await nxt(req)
    except httpx.HTTPError as e:
        log_failure(req, url, t0, e)
        raise
    log_response(req, url, t0, resp)
    return resp


# ------------------------------------------------------------------ cache

class AsyncCache:
    """The client's :class:`CacheLayer` (its entries, lifetimes and invalidation) in front of an
    async handler."""

    def __init__(self, cache: CacheLayer) -> None:
        self.cache = cache

    async def __call__(self, req: Request, nxt: AsyncHandler) -> httpx.Response:
        c = self.cache
        if req.method != "GET" or req.stream or "/zscsb" in req.url:
            resp = await nxt(req)
            if req.method != "GET" and resp.status_code < 400:
                c.invalidate(req.resource_path or httpx.URL(req.url).path)
            return resp
        hit = _cached(c, req)
        if hit is not None:
            return hit
        now = c.clock()
        resp = await nxt(req)
        if resp.status_code < 300:
            await resp.aread()
            with c._lock:
                c._entries[c._key(req)] = (resp, now + c.ttl, now + c.tti, httpx.URL(req.url).path)
        return resp


def _cached(c: CacheLayer, req: Request) -> httpx.Response | None:
    key, now = c._key(req), c.clock()
    with c._lock:
        hit = c._entries.get(key)
        if hit is None:
            return None
        resp, dies, _, path = hit
        if c._live(hit, now):
            c._entries[key] = (resp, dies, now + c.tti, path)
            c.hits += 1
            return resp
        del c._entries[key]
    return None


def retry_layer(policy: RetryPolicy) -> AsyncLayer:
    return AsyncRetryLayer(policy).acall


__all__ = ["AsyncAuthLayer", "AsyncCache", "AsyncRateLimit", "AsyncHttpLayer", "AsyncRetryLayer", "compose", "ready_headers",
           "logging_layer", "retry_layer"]

