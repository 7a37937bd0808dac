"""The ``(result, response, error)`` tuple and the paged response object.

Each product pages differently; a paging style (:mod:`zscaler.paging`) knows where the items sit
in a body and how the next page is asked for, and a :class:`PageSource` (the binding's
:class:`~zscaler.binding.PageRequests`) sends that request. ``ZscalerAPIResponse``
keeps only the current page, so iterating every item of every page with
:meth:`ZscalerAPIResponse.iter_all` uses flat memory however large the tenant is.
"""

from __future__ import annotations

import copy
import json
from collections import deque
from itertools import chain, islice
from types import GenericAlias
from typing import TYPE_CHECKING, Any, Callable, Generic, Iterator, NamedTuple, Protocol, TypeVar

from .errors import ZscalerError
from .model import ZscalerObject, wrap_items
from .paging import STYLES, ListingWatch, PageState, PagingStyle, remaining_pages  # noqa: F401 - PageState/PagingStyle: the old import path

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import Future

    import httpx


_T = TypeVar("_T", covariant=True)
if TYPE_CHECKING:  # the item type of a listing's pages; a bare ``ZscalerAPIResponse`` is ``[Any]``
    from typing_extensions import TypeVar as _DefaultedTypeVar

    _I = _DefaultedTypeVar("_I", default=Any)
else:
    _I = TypeVar("_I")

if TYPE_CHECKING:
    # What type checkers see: a fixed 3-tuple generic in its result. The unpacked response is typed
    # present and the error as the SDK's error, so after ``if err: return`` the script uses ``resp``
    # without a cast (the slots are not correlated for a checker, so the success shape is the one
    # typed; on an error the result and the response are None). A tuple subclass rather than a
    # generic NamedTuple: those exist at runtime from Python 3.11 only (this package runs on 3.10).
    class Result(tuple[_T, "ZscalerAPIResponse[_I]", "ZscalerError | None"], Generic[_T, _I]):
        """What every endpoint method returns. Unpacks as ``result, response, error``."""

        def __new__(cls, result: _T, response: ZscalerAPIResponse[_I] | None,
                    error: BaseException | None) -> Result[_T, _I]: ...
        @property
        def result(self) -> _T: ...
        @property
        def response(self) -> ZscalerAPIResponse[_I]: ...
        @property
        def error(self) -> ZscalerError | None: ...
        def unwrap(self) -> _T: ...
else:
    class Result(NamedTuple):
        """What every endpoint method returns. Unpacks as ``result, response, error``.

        ``Result[X]`` names the type of a call's answer (``Result[list[SegmentGroup]]``)."""

        result: Any
        response: "ZscalerAPIResponse | None"
        error: BaseException | None

        def unwrap(self) -> Any:
            """The result, or raise the error."""
            if self.error is not None:
                raise self.error
            return self.result

        def __repr__(self) -> str:
            from .redaction import redact, scrub

            result = self.result
            shown = repr(redact(result)) if isinstance(result, (dict, list, str)) else scrub(repr(result))
            return f"Result(result={shown}, response={self.response!r}, error={self.error!r})"

        __class_getitem__ = classmethod(GenericAlias)


APIResult = Result  # name used in the official SDK's annotations

def _fingerprint(items: list[Any]) -> tuple[Any, ...]:
    """What identifies a page: its length and first and last items, compared by value."""
    if not items:
        return (0,)
    return (len(items), items[0], items[-1])


class PageSource(Protocol):
    """What fetches a listing's later pages: ``fetch(params)`` -> (decoded body, httpx response),
    raising a :class:`~zscaler.errors.ZscalerError` on failure. The one way a paged response asks
    for a page. A source may also say how many pages of one listing may be fetched at once
    (``concurrency``, an int; absent or 0: none ahead): ``iter_all()`` and ``fetch_all()`` then
    fetch ahead of the reader (issue #17); ``fetch`` is called from worker threads then."""

    def fetch(self, params: dict[str, Any]) -> "tuple[Any, httpx.Response | None]": ...


class RawPageSource(PageSource, Protocol):
    """A :class:`PageSource` that can also send without decoding: ``send(params)`` -> httpx response,
    ``decode(response)`` -> body. Pages fetched ahead then wait undecoded, and the reader decodes
    each as it takes it (the same work, on the reader's thread, with a quarter of the memory)."""

    def send(self, params: dict[str, Any]) -> "httpx.Response": ...

    def decode(self, http: "httpx.Response") -> Any: ...


class ZscalerAPIResponse(Generic[_I]):
    """One answer of the API, and the cursor to the pages after it."""

    def __init__(
        self,
        http_response: "httpx.Response | None",
        body: Any,
        *,
        paging: PagingStyle | None = None,
        params: dict[str, Any] | None = None,
        pages: PageSource | None = None,
        wrap: Callable[[dict[str, Any]], Any] | None = None,
        service_type: str | None = None,
        keep: Callable[[Any], bool] | None = None,
        each_page: Callable[[Any, "ZscalerAPIResponse"], Any] | None = None,
    ) -> None:
        self._http = http_response
        self._body = body
        self._paging = paging or STYLES["none"]
        self._params = dict(params or {})
        self._pages_source = pages
        self._wrap = wrap
        self._keep = keep  # items filtered on the client (lists whose ``search`` the API ignores), every page
        self._each_page = each_page  # a list op's ``after``: the value of every page next() returns
        self.service_type = service_type
        self._state = self._paging.start(self._params)
        self._items = self._paging.items(body) if paging is not None else ([] if body is None else _as_list(body))
        self._watch: ListingWatch | None = None
        self._next_params = None
        if pages is not None:
            self._watch = ListingWatch(_listing_name(http_response, service_type), self._starts_whole())
            self._state.fingerprint = _fingerprint(self._items)
            page = self._state.page
            self._next_params = self._paging.advance(self._state, body, self._items, self._params)
            self._items = self._watch.page(self._paging, page, body, self._items, self._next_params is None)

    def _starts_whole(self) -> bool:
        """Whether the listing starts at its first page (its item counts compare with the API's totals)."""
        return self._state.page == self._paging.first_page and not self._params.get("offset")

    @property
    def listing_notes(self) -> list[str]:
        """What paging noticed but did not stop for (issue #15): ids an earlier page carried that were
        dropped, a total that changed between pages, an endpoint that ignores the page parameter.
        Empty when the listing read cleanly. Each note is also logged as a warning (``zscaler.paging``)."""
        return list(self._watch.notes) if self._watch is not None else []

    @property
    def shifted(self) -> bool:
        """Whether items were added or removed while this listing ran (repeated ids were dropped or
        the total changed): then items may have been missed; list again to be sure."""
        w = self._watch
        return w is not None and (w.dropped > 0 or w.total_changed)

    # -- the official accessors
    def get_body(self) -> Any:
        return {} if self._body is None else self._body

    def get_results(self) -> list[Any]:
        return self._items

    def get_headers(self) -> Any:
        return self._http.headers if self._http is not None else {}

    def get_status(self) -> int:
        return self._http.status_code if self._http is not None else 0

    status_code = property(get_status)
    headers = property(get_headers)

    @property
    def url(self) -> str:
        from .errors import safe_url

        return safe_url(str(self._http.request.url)) if self._http is not None else ""

    def has_next(self) -> bool:
        return self._next_params is not None

    def next(self) -> tuple[Any, "ZscalerAPIResponse[_I]", BaseException | None]:
        """Fetch the next page: ``(items, self, error)``; StopIteration when there is none. A list
        method's ``after`` hook shapes every page's items as it shaped the first page's."""
        items, _, err = self._next_page()
        if err is not None or self._each_page is None or items is None:
            return items, self, err
        value = self._each_page(items, self)
        if isinstance(value, Exception):
            return None, self, value
        return value, self, None

    def cursor(self) -> "ZscalerAPIResponse":
        """A copy of this response at the same page, that pages on without moving this one."""
        other = copy.copy(self)
        other._state = copy.copy(self._state)
        other._watch = self._watch.copy() if self._watch is not None else None
        return other

    def _next_page(self) -> tuple[list[Any] | None, "ZscalerAPIResponse", BaseException | None]:
        if self._next_params is None or self._pages_source is None:
            raise StopIteration("No more pages available.")
        params = self._next_params
        try:
            body, http = self._pages_source.fetch(params)
        except ZscalerError as e:
            return None, self, e
        return self._accept(params, body, http)

    def _accept(self, params: dict[str, Any], body: Any,
                http: "httpx.Response | None") -> tuple[list[Any] | None, "ZscalerAPIResponse", BaseException | None]:
        """Take the page ``body`` fetched with ``params`` (the pending ``_next_params``) as the current one:
        the listing checks (:class:`~zscaler.paging.ListingWatch`), the next page's params, its items.
        Every page passes here in order, however it was fetched (a worker thread, the async client)."""
        watch = self._watch
        try:
            items = self._paging.items(body)
            fp = _fingerprint(items)
            if fp == self._state.fingerprint and items and watch is not None:
                watch.repeated(items)  # raises, unless the endpoint ignores the page
                self._next_params = None
                return None, self, None
            page = self._state.page
            nxt = self._paging.advance(self._state, body, items, params)
            if watch is not None:
                items = watch.page(self._paging, page, body, items, nxt is None)
        except ZscalerError as e:
            return None, self, e
        self._http, self._body, self._items, self._params = http, body, items, params
        self._state.fingerprint, self._next_params = fp, nxt
        return (self._wrap_items(items) if items else None), self, None

    def _wrap_items(self, items: list[Any]) -> list[Any]:
        if self._keep is not None:
            items = [i for i in items if self._keep(i)]
        w = self._wrap
        if not w:
            return items
        if isinstance(w, type) and issubclass(w, ZscalerObject):
            return wrap_items(items, w)
        fn: Callable[[dict[str, Any]], Any] = w  # the declared type again (mypy narrows w to "type[object]" here)
        return [fn(i) if isinstance(i, dict) else i for i in items]

    def iter_all(self, limit: int | None = None) -> Iterator[_I]:
        """Every item of this page and of every later page, in order, each once (flat memory: at most
        twice ``pagination.concurrency`` pages are held ahead of the reader); at most ``limit`` items when
        given, and then no page after the one holding the last of them is asked for.

        Later pages are fetched ahead of the reader (``pagination.prefetch``, on by default): where the
        listing tells its page count (ZPA, ZCell, ZIdentity, EASM) up to ``pagination.concurrency`` pages
        at once, elsewhere (ZIA, ZCC, ZDX) one page ahead. Pages are checked and taken in order exactly as
        :meth:`next` takes them; the response ends on the last page read."""
        if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
            raise ValueError(f"iter_all(): 'limit' must be a whole number >= 0 or None, got {limit!r}")
        pages = self._pages() if limit is None else self._page_lists(limit)
        items = chain.from_iterable(pages)  # the items of a page are iterated in C, not by a generator
        return items if limit is None else islice(items, limit)

    def fetch_all(self, limit: int | None = None) -> list[_I]:
        """Every item of this page and of every later page as one list, in order, each once: the
        "all pages" call (issue #17). Later pages are fetched concurrently as :meth:`iter_all` says; an
        error on a later page raises (``ListingIncompleteError``, the API's error). ``limit``: at most
        that many items, as for :meth:`iter_all`."""
        return list(self.iter_all(limit))

    def _pages(self) -> Iterator[list[Any]]:
        return self._page_lists(None)

    def _page_lists(self, limit: int | None) -> Iterator[list[Any]]:
        """The item lists of this page and the later ones, up to ``limit`` items (None: all)."""
        first = self._wrap_items(self._items)
        yield first
        left = None if limit is None else limit - len(first)  # items still wanted (None: all)
        workers = int(getattr(self._pages_source, "concurrency", 0) or 0)
        if workers > 0 and self.has_next() and (left is None or (left > 0 and self._keep is None)):
            ahead = _Ahead(self, workers, left)  # with a client-side filter a limit cannot be planned: page by page
            yield from ahead.pages()
            left = ahead.left
        while self.has_next() and (left is None or left > 0):  # page by page: no fetching ahead, or past the plan
            items, _, err = self._next_page()
            if err is not None:
                raise err
            if items:
                left = None if left is None else left - len(items)
                yield items

    __iter__ = iter_all

    def search(self, expression: str) -> list[Any]:
        """JMESPath over the current page's wire JSON (``resp.search("[?enabled].name")``)."""
        import jmespath

        data = self._body if self._body is not None else self._items
        found = jmespath.search(expression, data)
        if found is None:
            return []
        return found if isinstance(found, list) else [found]

    def __str__(self) -> str:
        """The current page's items as JSON, secret fields and secrets the client holds masked."""
        from .redaction import redact

        return json.dumps(redact(self._items), indent=2, default=str)

    def __repr__(self) -> str:
        return f"<ZscalerAPIResponse {self.get_status()} {self.url} items={len(self._items)} has_next={self.has_next()}>"


class _Ahead:
    """Fetches a listing's later pages ahead of its reader on a small thread pool; the reader takes
    them in order through ``ZscalerAPIResponse._accept``, as ``next()`` would.

    With a plan (:func:`~zscaler.paging.remaining_pages`: the page count is known) up to ``workers``
    pages are in flight and twice that asked for (a worker takes the next page as soon as any page
    arrives); without one, the next page is fetched while the reader has this one. A
    planned page that is not the page the listing asks for next (its count changed, it ended early)
    stops the plan; the reader goes on page by page from there. The pool is shut down when the
    reader stops, however it stops. ``left``: the items still wanted (None: all); the plan is cut to
    the pages that hold them (pages as full as this one), and one page ahead stops once they are read."""

    def __init__(self, resp: ZscalerAPIResponse, workers: int, left: int | None = None) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.resp = resp
        self.left = left
        plan = remaining_pages(resp._paging, resp._body, resp._params)
        if plan and left is not None:
            plan = plan[: -(-left // max(1, len(resp._items)))]
        self.plan = iter(plan) if plan else None
        self.width = max(1, workers) if plan else 1
        #: pages asked for and not yet read: twice the requests in flight, so that a worker starts the
        #: next page as soon as any page arrives, not only once the reader has taken the oldest one
        self.ahead = 2 * self.width if plan else 1
        source = resp._pages_source
        #: the source is a RawPageSource: pages wait undecoded
        self.raw = callable(getattr(source, "send", None)) and callable(getattr(source, "decode", None))
        self.pool = ThreadPoolExecutor(max_workers=self.width, thread_name_prefix="zscaler-pages")
        self.queue: deque[tuple[dict[str, Any], Future[Any]]] = deque()

    def _refill(self) -> None:
        source = self.resp._pages_source
        fetch = source.send if self.raw else source.fetch  # type: ignore[union-attr]  # set: the response pages
        if self.plan is not None:
            while len(self.queue) < self.ahead:
                params = next(self.plan, None)
                if params is None:
                    return
                self.queue.append((params, self.pool.submit(fetch, params)))
        elif not self.queue and self.resp._next_params is not None and (self.left is None or self.left > 0):
            params = self.resp._next_params
            self.queue.append((params, self.pool.submit(fetch, params)))

    def _take(self, got: Any) -> Any:
        """(body, http) of a finished fetch: an undecoded answer is decoded now, by the reader."""
        if self.raw:
            return self.resp._pages_source.decode(got), got  # type: ignore[union-attr]  # a RawPageSource
        return got

    def pages(self) -> Iterator[list[Any]]:
        try:
            self._refill()
            while self.queue:
                params, future = self.queue.popleft()
                if params != self.resp._next_params:
                    return
                body, http = self._take(future.result())  # a failed fetch raises here, as the page-by-page reader raises
                items, _, err = self.resp._accept(params, body, http)
                if err is not None:
                    raise err
                if self.left is not None and items:
                    self.left -= len(items)
                self._refill()  # the next fetches start before the reader gets these items
                if items:
                    yield items
                if self.left is not None and self.left <= 0:
                    return
        finally:
            # pages not started are dropped; those in flight are waited for (at most ``width``), so no
            # request of this listing is still running once the reader has stopped
            self.pool.shutdown(wait=True, cancel_futures=True)


def _listing_name(http: "httpx.Response | None", service_type: str | None) -> str:
    """The path of a listing's first request (what its errors and notes name)."""
    try:
        return http.request.url.path if http is not None else (service_type or "listing")
    except RuntimeError:  # a response built without a request
        return service_type or "listing"


def _as_list(body: Any) -> list[Any]:
    if isinstance(body, list):
        return body
    if isinstance(body, dict):
        return [body]
    return []
