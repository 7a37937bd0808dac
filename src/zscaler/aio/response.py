"""The paged response of the async client: :class:`~zscaler.response.ZscalerAPIResponse` whose later
pages are awaited (``await resp.anext()``, ``async for item in resp.aiter_all()``, ``async for item
in resp``, ``await resp.afetch_all()``).

A page is requested by the async executor and then taken by the sync response's own reader
(``_accept``: paging style, listing checks, wrapping), so both clients page alike. As the sync
``iter_all()``, ``aiter_all()`` fetches later pages ahead of the reader (``pagination.prefetch``):
up to ``pagination.concurrency`` at once where the listing tells its page count
(:func:`zscaler.paging.remaining_pages`), one page ahead elsewhere.
"""

from __future__ import annotations

import asyncio
from collections import deque
from typing import TYPE_CHECKING, Any, AsyncIterator, Iterator

from ..errors import ZscalerError
from ..paging import remaining_pages
from ..response import ZscalerAPIResponse, _I
from ..transport.executor import decode

if TYPE_CHECKING:  # pragma: no cover
    import httpx


def _refuse_on_loop(what: str) -> None:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return  # a worker thread: the sync reader's requests run on the client's loop
    raise RuntimeError(f"{what} blocks: on the async client use 'await resp.anext()', "
                       "'async for item in resp.aiter_all()' or 'await resp.afetch_all()'")


class AsyncZscalerAPIResponse(ZscalerAPIResponse[_I]):
    """One answer of the API and the async cursor to the pages after it.

    ``has_next()``, ``get_results()``, ``get_body()`` ... are the sync response's. The sync
    ``next()``/``iter_all()``/``fetch_all()`` are refused inside a coroutine (they would block
    the event loop their requests need)."""

    async def anext(self) -> tuple[Any, "AsyncZscalerAPIResponse[_I]", BaseException | None]:
        """Fetch the next page: ``(items, self, error)`` as ``next()``; ``StopAsyncIteration`` when
        there is none."""
        items, _, err = await self._anext_page()
        if err is not None or self._each_page is None or items is None:
            return items, self, err
        value = await asyncio.to_thread(self._each_page, items, self)  # a hook's after may look things up
        if isinstance(value, Exception):
            return None, self, value
        return value, self, None

    async def _asend(self, params: dict[str, Any]) -> "httpx.Response":
        """The page's answer, not decoded (pages fetched ahead wait undecoded, as with the sync reader)."""
        from .. import binding
        from .binding import asend

        source = self._pages_source
        if not isinstance(source, binding.PageRequests):  # pragma: no cover - listings page through PageRequests
            raise TypeError(f"cannot page {type(source).__name__} asynchronously")
        query, body = source.style.outgoing(params)
        return await asend(source.executor, source.verb, source.path,  # type: ignore[arg-type,no-any-return]
                           params=binding._query_pairs(query), body=body, headers=source.headers)

    async def _afetch(self, params: dict[str, Any]) -> "tuple[Any, httpx.Response]":
        http = await self._asend(params)
        return decode(http), http

    async def _anext_page(self) -> tuple[list[Any] | None, "ZscalerAPIResponse", BaseException | None]:
        params = self._next_params
        if params is None or self._pages_source is None:
            raise StopAsyncIteration("No more pages available.")
        try:
            body, http = await self._afetch(params)
        except ZscalerError as e:
            return None, self, e
        return self._accept(params, body, http)

    async def aiter_all(self, limit: int | None = None) -> AsyncIterator[_I]:
        """Every item of this page and of every later page, in order, each once (flat memory: at
        most twice ``pagination.concurrency`` pages are held ahead of the reader); at most ``limit`` items
        when given, and then no page after the one holding the last of them is asked for."""
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
            raise ValueError(f"aiter_all(): 'limit' must be a whole number >= 0 or None, got {limit!r}")
        left = limit
        async for items in self._apage_lists(limit):
            for item in items if left is None else items[:left]:
                yield item
            if left is not None:
                left -= min(left, len(items))
                if left == 0:
                    return

    async def _apage_lists(self, limit: int | None) -> AsyncIterator[list[Any]]:
        """The item lists of this page and the later ones, up to ``limit`` items (None: all)."""
        first = self._wrap_items(self._items)
        yield first
        left = None if limit is None else limit - len(first)
        workers = int(getattr(self._pages_source, "concurrency", 0) or 0)
        if workers > 0 and self.has_next() and (left is None or (left > 0 and self._keep is None)):
            ahead = _AsyncAhead(self, workers, left)  # with a client-side filter a limit cannot be planned
            async for items in ahead.pages():
                yield items
            left = ahead.left
        while self.has_next() and (left is None or left > 0):  # page by page: no fetching ahead, or past the plan
            more, _, err = await self._anext_page()
            if err is not None:
                raise err
            if more:
                left = None if left is None else left - len(more)
                yield more

    async def afetch_all(self, limit: int | None = None) -> list[_I]:
        """Every item of this page and of every later page as one list (``fetch_all()``, awaited)."""
        return [item async for item in self.aiter_all(limit)]

    def __aiter__(self) -> AsyncIterator[_I]:
        return self.aiter_all()

    # the sync readers would block the loop their requests run on
    def next(self) -> tuple[Any, "ZscalerAPIResponse", BaseException | None]:
        _refuse_on_loop("resp.next()")
        return super().next()

    def _page_lists(self, limit: int | None) -> Iterator[list[Any]]:
        _refuse_on_loop("resp.iter_all()")
        return super()._page_lists(limit)

    def __repr__(self) -> str:
        return "<Async" + super().__repr__()[1:]


class _AsyncAhead:
    """The sync reader's ``_Ahead`` with tasks: later pages fetched ahead of the reader and taken in
    order through ``_accept``. With a plan (the page count is known) up to ``workers`` pages are in
    flight and twice that asked for, else one page ahead; a planned page that is not the one the
    listing asks for next stops the plan. Tasks not taken are cancelled when the reader stops,
    however it stops."""

    def __init__(self, resp: AsyncZscalerAPIResponse, workers: int, left: int | None = None) -> None:
        self.resp = resp
        self.left = left  # items still wanted (None: all): the plan is cut to the pages holding them
        plan = remaining_pages(resp._paging, resp._body, resp._params)
        if plan and left is not None:
            plan = plan[: -(-left // max(1, len(resp._items)))]
        self.plan = iter(plan) if plan else None
        self.width = max(1, workers) if plan else 1
        self.ahead = 2 * self.width if plan else 1  # pages asked for and not yet read (as the sync reader)
        self.slots = asyncio.Semaphore(self.width)  # requests in flight
        self.queue: deque[tuple[dict[str, Any], asyncio.Task[Any]]] = deque()

    async def _fetch(self, params: dict[str, Any]) -> Any:
        async with self.slots:
            return await self.resp._asend(params)

    def _refill(self) -> None:
        if self.plan is not None:
            while len(self.queue) < self.ahead:
                params = next(self.plan, None)
                if params is None:
                    return
                self.queue.append((params, asyncio.ensure_future(self._fetch(params))))
        elif not self.queue and self.resp._next_params is not None and (self.left is None or self.left > 0):
            params = self.resp._next_params
            self.queue.append((params, asyncio.ensure_future(self.resp._asend(params))))

    async def pages(self) -> AsyncIterator[list[Any]]:
        try:
            self._refill()
            while self.queue:
                params, task = self.queue.popleft()
                if params != self.resp._next_params:
                    task.cancel()
                    return
                http = await task  # a failed fetch raises here, as the page-by-page reader raises
                body = decode(http)  # decoded as it is taken: pages ahead wait as bytes
                items, _, err = self.resp._accept(params, body, http)
                if err is not None:
                    raise err
                if self.left is not None and items:
                    self.left -= len(items)
                self._refill()
                if items:
                    yield items
                if self.left is not None and self.left <= 0:
                    return
        finally:
            for _, task in self.queue:
                if task.done() and not task.cancelled():
                    task.exception()  # retrieved: an error of a page never read is not reported as lost
                task.cancel()
            self.queue.clear()


__all__ = ["AsyncZscalerAPIResponse"]

