"""Request-ahead of one listing: its next page is fetched on a small shared thread pool.

A :class:`PageAhead` belongs to one paged response. ``start(params)`` submits the page's whole
fetch (the executor's ``send`` through every pipeline layer, then decoding) to the pool;
``fetch(params)`` returns that result when the page asked for is the one on its way, and
otherwise drops it and fetches directly. At most one page is on its way per listing, and a page
is never requested twice.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable, Generic, TypeVar

T = TypeVar("T")

#: threads shared by every listing of the process (one page ahead per listing)
POOL_SIZE = 4

_pool: ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


def _shared_pool() -> ThreadPoolExecutor:
    global _pool
    if _pool is None:
        with _pool_lock:
            if _pool is None:
                _pool = ThreadPoolExecutor(max_workers=POOL_SIZE, thread_name_prefix="zscaler-page-ahead")
    return _pool


def _forget_pool_in_child() -> None:
    """A forked child has none of the parent's threads: it builds a pool of its own when needed."""
    global _pool, _pool_lock
    _pool, _pool_lock = None, threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_pool_in_child)


class PageAhead(Generic[T]):
    """The one page of a listing that may be on its way; not shared between threads."""

    def __init__(self, fetch: Callable[[dict[str, Any]], T]) -> None:
        self._fetch = fetch
        self._params: dict[str, Any] | None = None
        self._future: Future[T] | None = None

    @property
    def pending(self) -> dict[str, Any] | None:
        """The params of the page on its way, if any."""
        return self._params if self._future is not None else None

    def start(self, params: dict[str, Any]) -> None:
        """Fetch the page of ``params`` in the background (nothing new if it is already on its way)."""
        if self._future is not None and self._params == params:
            return
        self.discard()
        try:
            future = _shared_pool().submit(self._fetch, dict(params))
        except RuntimeError:  # the interpreter is shutting down: next() fetches the page itself
            return
        self._params, self._future = dict(params), future

    def fetch(self, params: dict[str, Any]) -> T:
        """The page of ``params``: the one on its way when it is that page, else fetched now.

        An error of the page fetched ahead is raised here, as the direct fetch would raise it;
        the next ``fetch`` of the same page asks again.
        """
        future, ahead = self._future, self._params
        self._future = self._params = None
        if future is not None and ahead == params:
            return future.result()
        if future is not None:
            future.cancel()  # a page nobody will read (if it already left, its answer is dropped)
        return self._fetch(params)

    def discard(self) -> None:
        if self._future is not None:
            self._future.cancel()
        self._future = self._params = None


__all__ = ["PageAhead", "POOL_SIZE"]
