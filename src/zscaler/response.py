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
from itertools import chain
from typing import TYPE_CHECKING, Any, Callable, Iterator, NamedTuple, Protocol

from .errors import ZscalerError
from .model import ZscalerObject, wrap_items
from .paging import STYLES, PageState, PagingStyle  # noqa: F401 - PageState/PagingStyle: the old import path

if TYPE_CHECKING:  # pragma: no cover
    import httpx


class Result(NamedTuple):
    """What every endpoint method returns. Unpacks as ``result, response, error``."""

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


APIResult = Result  # name used in the official SDK's annotations

def _fingerprint(items: list) -> tuple:
    """What identifies a page: its length and first and last items, compared by value."""
    if not items:
        return (0,)
    return (len(items), items[0], items[-1])


class PageSource(Protocol):
    """What fetches a listing's later pages: ``fetch(params)`` -> (decoded body, httpx response),
    raising a :class:`~zscaler.errors.ZscalerError` on failure. The one way a paged response asks
    for a page (concurrent fetching, issue #17, goes behind it)."""

    def fetch(self, params: dict[str, Any]) -> "tuple[Any, httpx.Response | None]": ...


class ZscalerAPIResponse:
    """One answer of the API, and the cursor to the pages after it."""

    def __init__(
        self,
        http_response: "httpx.Response | None",
        body: Any,
        *,
        paging: PagingStyle | None = None,
        params: dict[str, Any] | None = None,
        pages: PageSource | None = None,
        wrap: Callable[[dict], Any] | None = None,
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
        if pages is not None:
            self._state.fingerprint = _fingerprint(self._items)
            self._next_params = self._paging.advance(self._state, body, self._items, self._params)
        else:
            self._next_params = None

    # -- the official accessors
    def get_body(self) -> Any:
        return {} if self._body is None else self._body

    def get_results(self) -> list:
        return self._items

    def get_headers(self):
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

    def next(self) -> tuple[Any, "ZscalerAPIResponse", BaseException | None]:
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
        return other

    def _next_page(self) -> tuple[list | None, "ZscalerAPIResponse", BaseException | None]:
        if self._next_params is None or self._pages_source is None:
            raise StopIteration("No more pages available.")
        params = self._next_params
        try:
            body, http = self._pages_source.fetch(params)
            items = self._paging.items(body)
        except ZscalerError as e:
            return None, self, e
        fp = _fingerprint(items)
        if fp == self._state.fingerprint and items:
            # the endpoint ignored the page parameter: the same page again means there is no more
            self._next_params = None
            return None, self, None
        self._http, self._body, self._items, self._params = http, body, items, params
        self._state.fingerprint = fp
        self._next_params = self._paging.advance(self._state, body, items, params)
        return (self._wrap_items(items) if items else None), self, None

    def _wrap_items(self, items: list) -> list:
        if self._keep is not None:
            items = [i for i in items if self._keep(i)]
        w = self._wrap
        if not w:
            return items
        if isinstance(w, type) and issubclass(w, ZscalerObject):
            return wrap_items(items, w)
        fn: Callable[[dict], Any] = w  # the declared type again (mypy narrows w to "type[object]" here)
        return [fn(i) if isinstance(i, dict) else i for i in items]

    def iter_all(self) -> Iterator[Any]:
        """Every item of this page and of every later page, fetched lazily (flat memory)."""
        return chain.from_iterable(self._pages())  # the items of a page are iterated in C, not by a generator

    def _pages(self) -> Iterator[list]:
        yield self._wrap_items(self._items)
        while self.has_next():
            items, _, err = self._next_page()
            if err is not None:
                raise err
            if items:
                yield items

    __iter__ = iter_all

    def search(self, expression: str) -> list:
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


def _as_list(body: Any) -> list:
    if isinstance(body, list):
        return body
    if isinstance(body, dict):
        return [body]
    return []
