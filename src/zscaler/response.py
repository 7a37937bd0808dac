"""The ``(result, response, error)`` tuple and the paged response object.

Each product pages differently (``docs/architecture.md``); a :class:`PagingStyle` knows where
the items sit in a body and which query keys ask for the next page. ``ZscalerAPIResponse``
keeps only the current page, so iterating every item of every page with
:meth:`ZscalerAPIResponse.iter_all` uses flat memory however large the tenant is.
"""

from __future__ import annotations

import json
from itertools import chain
from typing import TYPE_CHECKING, Any, Callable, Iterator, NamedTuple
from urllib.parse import parse_qsl, urlsplit

from .errors import ResponseFormatError, ZscalerError
from .model import ZscalerObject, wrap_items

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

PAGE_LIMITS = {"zpa": (20, 500), "zia": (100, 10000), "zcc": (50, 5000), "zdx": (10, None), "zcell": (10, 100)}
_SIZE_KEYS = ("pageSize", "pagesize", "page_size", "size", "limit")


class PageState:
    """Cursor of one listing: page number or offset, page size, the previous page's fingerprint."""

    __slots__ = ("page", "size", "fingerprint", "cursor", "done", "total")

    def __init__(self, page: int, size: int | None) -> None:
        self.page = page
        self.size = size
        self.fingerprint: tuple | None = None
        self.cursor: Any = None
        self.done = False
        self.total: int | None = None  # pages the API says there are (styles that tell)


class PagingStyle:
    """How one product pages. Subclasses override the three hooks."""

    name = "none"
    page_key = "page"
    first_page = 1
    items_key: str | None = None

    def items(self, body: Any) -> list:
        if isinstance(body, list):
            return body
        if isinstance(body, dict):
            key = self.items_key or "list"
            value = body.get(key)
            if value is None:
                return []
            if not isinstance(value, list):
                raise ResponseFormatError(200, f"expected a list under '{key}', got {type(value).__name__}")
            return value
        if body in (None, "", b""):
            return []
        raise ResponseFormatError(200, f"expected a JSON array or object, got {type(body).__name__}")

    def start(self, params: dict[str, Any]) -> PageState:
        size = next((params[k] for k in _SIZE_KEYS if k in params), None)
        try:
            page = int(params.get(self.page_key, self.first_page))
        except (TypeError, ValueError):
            page = self.first_page
        return PageState(page, int(size) if size not in (None, "") else None)

    def advance(self, state: PageState, body: Any, items: list, params: dict[str, Any]) -> dict[str, Any] | None:
        """Params of the next request, or None when this was the last page."""
        return None


class FlatPaging(PagingStyle):
    name = "flat"


class PageNumberPaging(PagingStyle):
    """ZIA and ZCC: JSON arrays; a short page (or an empty one, when no size was asked) is the last."""

    name = "zia"

    def advance(self, state, body, items, params):
        if not items or (state.size is not None and len(items) < state.size):
            return None
        state.page += 1
        return {**params, self.page_key: state.page}


class ZpaPaging(PagingStyle):
    """ZPA: ``{"totalPages": "N", "list": [...]}``."""

    name = "zpa"

    def advance(self, state, body, items, params):
        try:
            total = int((body or {}).get("totalPages") or 1) if isinstance(body, dict) else 1
        except (TypeError, ValueError):
            total = 1
        state.total = total
        if not items or state.page >= total:
            return None
        state.page += 1
        return {**params, "page": state.page}


def _envelope_or_one(style: PagingStyle, body: Any) -> list:
    """The list under ``style.items_key``, or an object without it as a one-item list (ZCell and AI
    Guard answer a single object to some listings; the official SDK reads it as the one item)."""
    if isinstance(body, dict) and not isinstance(body.get(style.items_key or ""), list):
        return [body]
    return PagingStyle.items(style, body)


class ZcellPaging(ZpaPaging):
    name = "zcell"
    first_page = 0
    items_key = "content"

    def items(self, body: Any) -> list:
        return _envelope_or_one(self, body)

    def advance(self, state, body, items, params):
        total = int((body or {}).get("totalPages") or 1) if isinstance(body, dict) else 1
        state.total = total
        if not items or state.page + 1 >= total:
            return None
        state.page += 1
        return {**params, "page": state.page}


class ZdxPaging(PagingStyle):
    name = "zdx"
    items_key = "items"

    def advance(self, state, body, items, params):
        nxt = body.get("next_offset") if isinstance(body, dict) else None
        if nxt in (None, "") or not items:
            return None
        return {**params, "offset": nxt}


class ZdxKeyedPaging(ZdxPaging):
    """ZDX listings whose items sit under another key than ``items`` (inventory ``software``)."""

    def __init__(self, name: str, items_key: str) -> None:
        self.name, self.items_key = name, items_key


class ZdxEnvelopePaging(ZdxPaging):
    """ZDX listings whose whole body is the page's one item (an envelope with ``next_offset``)."""

    name = "zdx_envelope"

    def items(self, body: Any) -> list:
        return [body] if isinstance(body, dict) else []


class KeyedPage(PagingStyle):
    """One page, the items under ``items_key`` of an object (ZTB ``result``, AI Guard ``items``, ZBI ``reports``)."""

    def __init__(self, name: str, items_key: str) -> None:
        self.name, self.items_key = name, items_key

    def advance(self, state, body, items, params):
        return None


class OneOrKeyedPage(KeyedPage):
    """AI Guard: the list under ``items``, or a single object as the one item."""

    def items(self, body: Any) -> list:
        return _envelope_or_one(self, body)


class ZtbPage(KeyedPage):
    """ZTB: one page; the items are ``result`` when it is a list, else the first list inside a
    ``result`` object (``{"result": {"alarms": [...], "count": n}}``), else, without a ``result``
    object, the first list of the body (``{"count": n, "rows": [...]}``), as the official SDK reads them."""

    def items(self, body: Any) -> list:
        if not isinstance(body, dict):
            return super().items(body)
        result = body.get("result")
        if isinstance(result, list):
            return result
        where = result if isinstance(result, dict) and result else body
        return next((v for v in where.values() if isinstance(v, list)), [])


class LinkPaging(PagingStyle):
    """ZIdentity: follow ``next_link``; EASM: ``next_page``."""

    def __init__(self, name: str, items_key: str, link_key: str) -> None:
        self.name, self.items_key, self.link_key = name, items_key, link_key

    def advance(self, state, body, items, params):
        link = body.get(self.link_key) if isinstance(body, dict) else None
        if not link or not items:
            return None
        if isinstance(link, (int, float)) or str(link).isdigit():
            return {**params, "page": link}
        query = dict(parse_qsl(urlsplit(str(link)).query))
        return {**params, **query}


STYLES: dict[str, PagingStyle] = {
    s.name: s
    for s in (PagingStyle(), FlatPaging(), PageNumberPaging(), ZpaPaging(), ZcellPaging(), ZdxPaging(),
              ZdxEnvelopePaging(), ZdxKeyedPaging("zdx_software", "software"),
              LinkPaging("ziam", "records", "next_link"), LinkPaging("easm", "results", "next_page"))
}
STYLES["zcc"] = PageNumberPaging()
STYLES.update({k.name: k for k in (ZtbPage("ztb", "result"), OneOrKeyedPage("aiguard", "items"),
                                   KeyedPage("zbi_reports", "reports"))})


def _fingerprint(items: list) -> tuple:
    """What identifies a page: its length and first and last items, compared by value."""
    if not items:
        return (0,)
    return (len(items), items[0], items[-1])


#: Fetches one page: ``fetch(params)`` -> (decoded body, httpx response); raises ZscalerError.
PageFetcher = Callable[[dict[str, Any]], "tuple[Any, httpx.Response | None]"]


class ZscalerAPIResponse:
    """One answer of the API, and the cursor to the pages after it."""

    def __init__(
        self,
        http_response: "httpx.Response | None",
        body: Any,
        *,
        paging: PagingStyle | None = None,
        params: dict[str, Any] | None = None,
        fetch: PageFetcher | None = None,
        wrap: Callable[[dict], Any] | None = None,
        service_type: str | None = None,
        keep: Callable[[Any], bool] | None = None,
    ) -> None:
        self._http = http_response
        self._body = body
        self._paging = paging or STYLES["none"]
        self._params = dict(params or {})
        self._fetch = fetch
        self._wrap = wrap
        self._keep = keep  # items filtered on the client (lists whose ``search`` the API ignores), every page
        self.service_type = service_type
        self._state = self._paging.start(self._params)
        self._items = self._paging.items(body) if paging is not None else ([] if body is None else _as_list(body))
        if fetch is not None:
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
        """Fetch the next page: ``(items, self, error)``; StopIteration when there is none."""
        if self._next_params is None or self._fetch is None:
            raise StopIteration("No more pages available.")
        params = self._next_params
        try:
            body, http = self._fetch(params)
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
            items, _, err = self.next()
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
