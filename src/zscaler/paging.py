"""Pagination, in one place: every paging style of every product.

A :class:`PagingStyle` owns, for one way of paging:

* its query keys (``page_key``, ``size_key``) and the one table of page sizes (:data:`LIMITS`);
* its envelope: where the items sit in a page's body (:meth:`PagingStyle.items`);
* how the next page is asked for (:meth:`PagingStyle.advance`, :meth:`PagingStyle.outgoing`);
* how the simulator serves a page of it (:meth:`PagingStyle.serve`).

``Product.paging`` names a product's style, ``Op.paging`` overrides it per operation; the client
(:mod:`zscaler.response`, :mod:`zscaler.binding`), the simulator (``simulator/crud.py`` and the
behaviours) and the CLI ask :func:`style` and never test a style's name. Adding a style: a subclass
(or an instance of an existing class with other keys) registered in :data:`STYLES`, its sizes in
:data:`LIMITS` (docs/architecture.md).
"""

from __future__ import annotations

import copy
import logging
import math
from collections import deque
from typing import Any, Mapping, Sequence, cast
from urllib.parse import parse_qsl, urlencode, urlsplit

from .errors import ResponseFormatError, ZscalerError

log = logging.getLogger("zscaler.paging")

#: style -> (default page size, maximum page size) the API documents; what the simulator serves and
#: what the CLI takes for "a full page". The official SDK's own clamp table
#: (``SERVICE_PAGE_LIMITS``: ZIA 500/10000, ZPA 100/500) only tunes its ``has_next()`` guess and is
#: not used here (docs/paging limits: core-behavior §6.5).
LIMITS: dict[str, tuple[int | None, int | None]] = {
    "zpa": (20, 500),
    "zia": (100, 1000),
    "zcc": (50, 5000),
    "zdx": (10, 1000),
    "ziam": (100, 1000),
    "zcell": (10, 100),
    "easm": (100, 1000),
    "zpa_search": (20, 500),
}

#: page-size keys a caller may give, in the order they are looked for
SIZE_KEYS = ("pageSize", "pagesize", "page_size", "size", "limit")


class PagingError(ValueError):
    """A page request the simulator refuses (a non-numeric page size ...): a 400."""


class ListingIncompleteError(ZscalerError):
    """A listing that cannot be read whole: a page that repeats the one before, a page without its
    item list, or fewer items than the API promised. ``listing`` (the path), ``page`` (the page
    that showed it) and ``reason`` (what was seen) are attributes; the message names all three."""

    def __init__(self, listing: str, page: Any, reason: str) -> None:
        super().__init__(f"listing {listing} is incomplete at page {page}: {reason}")
        self.listing, self.page, self.reason = listing, page, reason


class PageState:
    """Cursor of one listing: page number or offset, page size, the previous page's fingerprint."""

    __slots__ = ("page", "size", "fingerprint", "cursor", "done", "total")

    def __init__(self, page: int, size: int | None) -> None:
        self.page = page
        self.size = size
        self.fingerprint: tuple[Any, ...] | None = None
        self.cursor: Any = None
        self.done = False
        self.total: int | None = None  # pages the API says there are (styles that tell)


def _int(query: Mapping[str, Any], key: str, default: int) -> int:
    """The last value of ``key`` in a parsed query (``{key: [values]}``) as an int."""
    vals = query.get(key)
    if not vals:
        return default
    raw = vals[-1] if isinstance(vals, (list, tuple)) else vals
    try:
        return int(raw)
    except (TypeError, ValueError):
        raise PagingError(f"query parameter {key} must be an integer, got {raw!r}") from None


def _count(body: dict[str, Any], key: str | None) -> int | None:
    try:
        return int(body[key]) if key and body.get(key) not in (None, "") else None
    except (TypeError, ValueError):
        return None


class PagingStyle:
    """One page, no cursor (``none``): the base every style refines."""

    name = "none"
    page_key = "page"
    size_key: str | None = None  # the wire key of the page size
    size_arg: str | None = None  # the caller's name of it (``query_params={"page_size": n}``, the CLI's ``--page-size``)
    first_page = 1
    items_key: str | None = None
    all_pages = False  # the method's result is every page (the official SDK loops itself)
    count_key: str | None = None  # where a page says how many items the listing has
    pages_key: str | None = None  # where a page says how many pages the listing has

    # -- the client side
    def items(self, body: Any) -> list[Any]:
        """The items of one page's decoded body."""
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

    def has_list(self, body: Any) -> bool:
        """Whether a page's body carries its item list (an empty one included)."""
        if isinstance(body, list):
            return True
        return isinstance(body, dict) and isinstance(body.get(self.items_key or "list"), list)

    def totals(self, body: Any) -> tuple[int | None, int | None]:
        """(items, pages) the page says the listing has; None where it does not say."""
        if not isinstance(body, dict):
            return None, None
        return _count(body, self.count_key), _count(body, self.pages_key)

    def start(self, params: Mapping[str, Any]) -> PageState:
        size = next((params[k] for k in SIZE_KEYS if k in params), None)
        try:
            page = int(params.get(self.page_key, self.first_page))
        except (TypeError, ValueError):
            page = self.first_page
        return PageState(page, int(size) if size not in (None, "") else None)

    def advance(self, state: PageState, body: Any, items: list[Any], params: dict[str, Any]) -> dict[str, Any] | None:
        """Params of the next request, or None when this was the last page."""
        return None

    def wire_query(self, query: dict[str, Any]) -> dict[str, Any]:
        """The first request's query after the product's key rules: the page-size key as this style
        spells it (only styles that rename it override this)."""
        return query

    def plan(self, body: Any, params: dict[str, Any]) -> list[dict[str, Any]] | None:
        """The params of every page after this one (``body``, asked with ``params``), each as
        :meth:`advance` would give it, when the page tells how many there are; None when it does not."""
        return None

    def prepare(self, query: dict[str, Any], body: Any) -> tuple[dict[str, Any], Any]:
        """The first request's query and body (styles that page in the body set its first page)."""
        return query, body

    def outgoing(self, params: dict[str, Any]) -> tuple[dict[str, Any], Any]:
        """A later page's request: (query, JSON body or None)."""
        return params, None

    def default_size(self) -> int | None:
        """The page size the API answers when none is asked (None: the style has no such size)."""
        try:
            return self.limits()[0]
        except ValueError:
            return None

    # -- the simulator side
    def limits(self) -> tuple[int, int]:
        d, mx = LIMITS.get(self.name, (None, None))
        if d is None or mx is None:
            raise ValueError(f"paging style {self.name!r} has no page size limits")
        return d, mx

    def page_size(self, query: Mapping[str, Any], key: str | None = None) -> int:
        d, mx = self.limits()
        return max(1, min(_int(query, key or self.size_key or "pageSize", d) or d, mx))

    def serve(self, items: Sequence[Any], query: Mapping[str, Any], *, base_url: str = "", path: str = "",
              body: Any = None, key: str | None = None) -> Any:
        """One page of ``items`` as the API answers it. ``query`` is the parsed query (``{key: [values]}``),
        ``body`` the decoded request body, ``key`` overrides where the items go (envelopes named per path)."""
        size_key = next((k for k in ("pageSize", "pagesize", "page_size", "limit") if query.get(k)), None)
        if size_key:  # one array; page and a page size are honoured when given
            size = max(1, _int(query, size_key, 100) or 100)
            start = (max(1, _int(query, "page", 1) or 1) - 1) * size
            return list(items[start: start + size])
        return list(items)


class FlatPaging(PagingStyle):
    """ZTW, ZWA and other arrays: one page (``page``/``pageSize`` accepted, never followed)."""

    name = "flat"


class PageNumberPaging(PagingStyle):
    """ZIA and ZCC: JSON arrays; a short page (or an empty one, when no size was asked) is the last."""

    size_key: str | None = "pageSize"
    size_arg: str | None = "page_size"

    def __init__(self, name: str = "zia") -> None:
        self.name = name

    def advance(self, state: Any, body: Any, items: Any, params: Any) -> Any:
        if not items or (state.size is not None and len(items) < state.size):
            return None
        state.page += 1
        return {**params, self.page_key: state.page}

    def window(self, items: Sequence[Any], query: Mapping[str, Any]) -> list[Any]:
        size = self.page_size(query)
        start = (max(1, _int(query, "page", 1)) - 1) * size
        return list(items[start: start + size])

    def serve(self, items: Any, query: Any, *, base_url: Any = "", path: Any = "", body: Any = None, key: Any = None) -> Any:
        return self.window(items, query)


class ZccEnvelopePaging(PageNumberPaging):
    """ZCC listings answered as ``{"<key>": [...], "totalCount": n}``, paged like the ZCC arrays."""

    count_key: str | None = "totalCount"

    def __init__(self, name: str, items_key: str) -> None:
        self.name, self.items_key = name, items_key

    def limits(self) -> tuple[int, int]:
        return LIMITS["zcc"]  # type: ignore[return-value]

    def items(self, body: Any) -> list[Any]:
        return body if isinstance(body, list) else super().items(body)

    def serve(self, items: Any, query: Any, *, base_url: Any = "", path: Any = "", body: Any = None, key: Any = None) -> Any:
        return {key or self.items_key: self.window(items, query), "totalCount": len(items)}


class ZpaPaging(PagingStyle):
    """ZPA: ``{"totalPages": "N", "totalCount": "M", "list": [...]}`` (counts are strings); the page
    size goes as ``pagesize`` whatever the caller named it (``page_size``, ``pageSize``)."""

    name = "zpa"
    size_key: str | None = "pagesize"
    size_arg: str | None = "page_size"
    count_key: str | None = "totalCount"
    pages_key: str | None = "totalPages"

    def __init__(self, name: str = "zpa", size_key: str = "pagesize") -> None:
        self.name, self.size_key = name, size_key

    def limits(self) -> tuple[int, int]:
        return LIMITS["zpa"]  # type: ignore[return-value]

    def wire_query(self, query: Any) -> Any:
        size = None
        out: dict[str, Any] = {}
        for k, v in query.items():
            if k in ("page_size", "pagesize", "pageSize"):
                size = v
            else:
                out[k] = v
        if size is not None:
            out[cast(str, self.size_key)] = size
        return out

    def advance(self, state: Any, body: Any, items: Any, params: Any) -> Any:
        try:
            total = int((body or {}).get("totalPages") or 1) if isinstance(body, dict) else 1
        except (TypeError, ValueError):
            total = 1
        state.total = total
        if not items or state.page >= total:
            return None
        state.page += 1
        return {**params, "page": state.page}

    def plan(self, body: Any, params: dict[str, Any]) -> list[dict[str, Any]] | None:
        total = _count(body, self.pages_key) if isinstance(body, dict) else None
        if total is None or not self.items(body):
            return None
        page = self.start(params).page
        return [{**params, "page": n} for n in range(page + 1, total + self.first_page)]

    def envelope(self, items: Sequence[Any], page: int, size: int) -> dict[str, Any]:
        start = (page - 1) * size
        return {"totalPages": str(math.ceil(len(items) / size)), "totalCount": str(len(items)),
                "list": list(items[start: start + size])}

    def serve(self, items: Any, query: Any, *, base_url: Any = "", path: Any = "", body: Any = None, key: Any = None) -> Any:
        return self.envelope(items, max(1, _int(query, "page", 1)), self.page_size(query))


class ZpaSearchPaging(ZpaPaging):
    """ZPA ``POST .../search`` listings (tag groups, keys, namespaces): the page is asked for in the
    body, ``{"pageBy": {"page": n, "pageSize": 100}}``; the method returns every page, as the
    official SDK's ``_post_search_all_pages`` does."""

    name = "zpa_search"
    all_pages = True
    size_arg = None  # the style sets the page size
    request_size = 100  # the page size the client asks for

    def plan(self, body: Any, params: dict[str, Any]) -> list[dict[str, Any]] | None:
        total = _count(body, self.pages_key) if isinstance(body, dict) else None
        if total is None or not self.items(body):
            return None
        page_by = params.get("pageBy")
        page = int(page_by.get("page", 1)) if isinstance(page_by, dict) else 1
        rest = {k: v for k, v in params.items() if k not in ("page", "pageBy")}
        return [{**rest, "pageBy": {"page": n, "pageSize": self.request_size}} for n in range(page + 1, total + 1)]

    def __init__(self) -> None:
        pass

    def limits(self) -> tuple[int, int]:
        return LIMITS["zpa_search"]  # type: ignore[return-value]

    def start(self, params: Any) -> Any:
        return PageState(1, self.request_size)

    def prepare(self, query: Any, body: Any) -> Any:
        page_by = {"page": 1, "pageSize": self.request_size}
        return query, ({**body, "pageBy": page_by} if isinstance(body, dict) else {"pageBy": page_by})

    def advance(self, state: Any, body: Any, items: Any, params: Any) -> Any:
        nxt = super().advance(state, body, items, params)
        if nxt is None:
            return None
        nxt.pop("page", None)
        return {**nxt, "pageBy": {"page": state.page, "pageSize": state.size}}

    def outgoing(self, params: Any) -> Any:
        query = dict(params)
        return query, {"pageBy": query.pop("pageBy")}

    def serve(self, items: Any, query: Any, *, base_url: Any = "", path: Any = "", body: Any = None, key: Any = None) -> Any:
        page_by = (body.get("pageBy") if isinstance(body, dict) else None) or {}
        try:
            page, size = int(page_by.get("page") or 1), int(page_by.get("pageSize") or self.limits()[0])
        except (TypeError, ValueError):
            raise PagingError("pageBy.page and pageBy.pageSize must be whole numbers") from None
        if page < 1 or not 1 <= size <= self.limits()[1]:
            raise PagingError(f"pageBy.page starts at 1 and pageBy.pageSize is 1..{self.limits()[1]}")
        return {**self.envelope(items, page, size), "totalPages": str(max(1, math.ceil(len(items) / size)))}


def _envelope_or_one(style: PagingStyle, body: Any) -> list[Any]:
    """The list under ``style.items_key``, or an object without it as a one-item list (ZCell and AI
    Guard answer a single object to some listings; the official SDK reads it as the one item)."""
    if isinstance(body, dict) and not isinstance(body.get(style.items_key or ""), list):
        return [body]
    return PagingStyle.items(style, body)


class ZcellPaging(ZpaPaging):
    """ZCell: ``{"content": [...], "totalPages", "totalElements"}``, 0-based ``page`` and ``size``."""

    name = "zcell"
    first_page = 0
    items_key: str | None = "content"
    size_key: str | None = "size"
    size_arg: str | None = "size"
    count_key: str | None = "totalElements"

    def __init__(self) -> None:
        pass

    def has_list(self, body: Any) -> bool:
        # a single object is the one item (as the official SDK reads it), an envelope is not
        return not (isinstance(body, dict) and "totalPages" in body) or super().has_list(body)

    def limits(self) -> tuple[int, int]:
        return LIMITS["zcell"]  # type: ignore[return-value]

    def wire_query(self, query: Any) -> Any:
        return query

    def items(self, body: Any) -> list[Any]:
        return _envelope_or_one(self, body)

    def advance(self, state: Any, body: Any, items: Any, params: Any) -> Any:
        total = int((body or {}).get("totalPages") or 1) if isinstance(body, dict) else 1
        state.total = total
        if not items or state.page + 1 >= total:
            return None
        state.page += 1
        return {**params, "page": state.page}

    def serve(self, items: Any, query: Any, *, base_url: Any = "", path: Any = "", body: Any = None, key: Any = None) -> Any:
        size, page = self.page_size(query), max(0, _int(query, "page", 0))
        start = page * size
        return {"content": list(items[start: start + size]), "totalPages": math.ceil(len(items) / size),
                "totalElements": len(items), "number": page, "size": size}


class ZdxPaging(PagingStyle):
    """ZDX: ``limit``/``offset``; ``{"items": [...], "next_offset": "..."|null}``."""

    name = "zdx"
    items_key: str | None = "items"
    size_key: str | None = "limit"
    size_arg: str | None = "limit"

    def __init__(self, name: str = "zdx", items_key: str = "items", size_arg: str | None = "limit") -> None:
        self.name, self.items_key, self.size_arg = name, items_key, size_arg

    def limits(self) -> tuple[int, int]:
        return LIMITS["zdx"]  # type: ignore[return-value]

    def advance(self, state: Any, body: Any, items: Any, params: Any) -> Any:
        nxt = body.get("next_offset") if isinstance(body, dict) else None
        if nxt in (None, "") or not items:
            return None
        return {**params, "offset": nxt}

    def serve(self, items: Any, query: Any, *, base_url: Any = "", path: Any = "", body: Any = None, key: Any = None) -> Any:
        size, offset = self.page_size(query), max(0, _int(query, "offset", 0))
        nxt = offset + size
        return {key or self.items_key or "items": list(items[offset:nxt]),
                "next_offset": str(nxt) if nxt < len(items) else None}


class ZdxEnvelopePaging(ZdxPaging):
    """ZDX listings whose whole body is the page's one item (``{"devices": [...], "next_offset": ...}``;
    the simulator names the key per path)."""

    def items(self, body: Any) -> list[Any]:
        return [body] if isinstance(body, dict) else []

    def has_list(self, body: Any) -> bool:
        return isinstance(body, dict)


class KeyedPage(PagingStyle):
    """One page, the items under ``items_key`` of an object (ZTB ``result``, AI Guard ``items``, ZBI ``reports``)."""

    def __init__(self, name: str, items_key: str) -> None:
        self.name, self.items_key = name, items_key

    def serve(self, items: Any, query: Any, *, base_url: Any = "", path: Any = "", body: Any = None, key: Any = None) -> Any:
        return {key or self.items_key: list(items)}


class OneOrKeyedPage(KeyedPage):
    """AI Guard: the list under ``items``, or a single object as the one item."""

    def items(self, body: Any) -> list[Any]:
        return _envelope_or_one(self, body)

    def has_list(self, body: Any) -> bool:
        return isinstance(body, (dict, list))


class ZtbPage(KeyedPage):
    """ZTB: one page; the items are ``result`` when it is a list, else the first list inside a
    ``result`` object (``{"result": {"alarms": [...], "count": n}}``), else, without a ``result``
    object, the first list of the body (``{"count": n, "rows": [...]}``), as the official SDK reads them."""

    def items(self, body: Any) -> list[Any]:
        if not isinstance(body, dict):
            return super().items(body)
        result = body.get("result")
        if isinstance(result, list):
            return result
        where = result if isinstance(result, dict) and result else body
        return next((v for v in where.values() if isinstance(v, list)), [])


class LinkPaging(PagingStyle):
    """Follow a link the page carries: ZIdentity ``next_link`` (offset/limit), EASM ``next_page``."""

    def __init__(self, name: str, items_key: str, link_key: str, size_key: str) -> None:
        self.name, self.items_key, self.link_key = name, items_key, link_key
        self.size_key = self.size_arg = size_key

    def advance(self, state: Any, body: Any, items: Any, params: Any) -> Any:
        link = body.get(self.link_key) if isinstance(body, dict) else None
        if not link or not items:
            return None
        if isinstance(link, (int, float)) or str(link).isdigit():
            return {**params, "page": link}
        query = dict(parse_qsl(urlsplit(str(link)).query))
        return {**params, **query}

    def _full_page(self, body: Any) -> tuple[Any, int, int] | None:
        """(next link, items on this page, the listing's total) when this page says all three."""
        if not isinstance(body, dict):
            return None
        link, total, size = body.get(self.link_key), _count(body, self.count_key), len(self.items(body))
        return (link, size, total) if link and total is not None and size else None


class ZiamPaging(LinkPaging):
    """ZIdentity: ``offset``/``limit``; absolute ``next_link``/``prev_link`` URLs."""

    count_key = "totalRecord"

    def plan(self, body: Any, params: dict[str, Any]) -> list[dict[str, Any]] | None:
        full = self._full_page(body)
        if full is None or isinstance(full[0], (int, float)):
            return None
        link, size, total = full
        query = dict(parse_qsl(urlsplit(str(link)).query))
        if not str(query.get("offset", "")).isdigit():
            return None
        size = _count(body, "pageSize") or size
        return [{**params, **query, "offset": str(off)} for off in range(int(query["offset"]), total, size)]

    def serve(self, items: Any, query: Any, *, base_url: Any = "", path: Any = "", body: Any = None, key: Any = None) -> Any:
        size, offset = self.page_size(query), max(0, _int(query, "offset", 0))
        n = len(items)

        def link(off: int) -> str:
            q = {k: v[-1] for k, v in query.items() if k not in ("offset", "limit")}
            q.update(offset=off, limit=size)
            return f"{base_url}{path}?{urlencode(q)}"

        return {"pageOffset": offset, "pageSize": size, "totalRecord": n, "results_total": n,
                "records": list(items[offset: offset + size]),
                "next_link": link(offset + size) if offset + size < n else None,
                "prev_link": link(max(0, offset - size)) if offset > 0 else None}


class EasmPaging(LinkPaging):
    """EASM: ``page``/``page_size``; ``next_page`` is the next page number."""

    count_key = "total_results"

    def plan(self, body: Any, params: dict[str, Any]) -> list[dict[str, Any]] | None:
        full = self._full_page(body)
        if full is None or not isinstance(full[0], int) or isinstance(full[0], bool):
            return None
        link, size, total = full
        return [{**params, "page": n} for n in range(link, math.ceil(total / size) + 1)]

    def serve(self, items: Any, query: Any, *, base_url: Any = "", path: Any = "", body: Any = None, key: Any = None) -> Any:
        size, page = self.page_size(query), max(1, _int(query, "page", 1))
        start = (page - 1) * size
        return {"results": list(items[start: start + size]), "total_results": len(items),
                "next_page": page + 1 if start + size < len(items) else None,
                "prev_page": page - 1 if page > 1 else None}


#: how many pages back a listing remembers item ids to drop repeats (shifted offset pages)
SEEN_PAGES = 4


class ListingWatch:
    """What one listing has seen, so that it never ends early without saying so (issue #15).

    Every page (the first included) passes :meth:`page`: a page without its item list where more
    was promised (or on any later page), a page shorter than a full one while the API promises
    more, or a listing ending with fewer items than the API's unchanged total raises
    :class:`ListingIncompleteError`. Items whose ``id`` one of the :data:`SEEN_PAGES` pages before
    carried are dropped and counted, and a total that changes between pages is noted: both are what
    items inserted or deleted while an offset listing runs do (an insert shifts items onto the next
    page). Only those pages' ids are kept, so a listing's memory stays flat in its length. Notes go to ``notes`` (the response's
    ``listing_notes``) and to the ``zscaler.paging`` logger as warnings."""

    def __init__(self, listing: str, whole: bool = True) -> None:
        self.listing = listing
        self.whole = whole  # the listing starts at its first page: item counts are comparable to totals
        self.notes: list[str] = []
        self.seen: deque[set[Any]] = deque(maxlen=SEEN_PAGES)  # the ids of the last pages, newest last
        self.dropped = 0  # items dropped as already seen
        self.read = 0  # items the pages carried, repeats included
        self.total: int | None = None  # the last item count the API gave
        self.total_changed = False
        self.full = 0  # the longest page so far
        self.pages = 0

    def copy(self) -> "ListingWatch":
        """A watch for a cursor: its own ids and counts, the same notes."""
        other = copy.copy(self)
        other.seen = deque((set(ids) for ids in self.seen), maxlen=SEEN_PAGES)
        return other

    def note(self, text: str) -> None:
        self.notes.append(text)
        log.warning("listing %s: %s", self.listing, text)

    def repeated(self, items: list[Any]) -> None:
        """A page equal to the one before. Page 2 repeating page 1 where nothing promised more is an
        endpoint that ignores the page parameter: noted, the listing ends. Any other repeat raises.
        Pages are named by their place in the listing (1 is the first page read)."""
        page = self.pages + 1
        if self.pages == 1 and not self._promised(None):
            self.note(f"page {page} repeated page 1 ({len(items)} items): the endpoint ignores the page "
                      "parameter; the listing is its first page")
            return
        raise ListingIncompleteError(self.listing, page, f"it repeats page {page - 1} ({len(items)} items, "
                                     f"{self.read} read so far): the listing would end early")

    def page(self, style: PagingStyle, number: int, body: Any, items: list[Any], last: bool) -> list[Any]:
        """Check one page (``number``: the style's page number; ``last``: the style asks for no page
        after it); its items without those an earlier page carried."""
        self.pages += 1
        page = self.pages
        count, pages = style.totals(body)
        self.read += len(items)
        self._count(count, page)
        more = self._promised(pages is not None and number < pages - 1 + style.first_page)
        if not style.has_list(body) and (more or self.pages > 1):
            said = f"totalPages={pages}" if pages is not None else f"total {count}" if count is not None else "a full page before"
            raise ListingIncompleteError(self.listing, page, f"the answer has no item list ({said})")
        if more and not last and 0 < len(items) < self.full:
            raise ListingIncompleteError(self.listing, page, f"{len(items)} items where pages hold {self.full}, "
                                         f"and the API promises {count if count is not None else pages} in all")
        if last and self._promised(None) and not self.total_changed:
            raise ListingIncompleteError(self.listing, page, f"the listing ends with {self.read} of the "
                                         f"{self.total} items the API promised")
        self.full = max(self.full, len(items))
        return self._dedupe(items, page)

    def _promised(self, more_pages: bool | None) -> bool:
        return bool(more_pages) or (self.whole and self.total is not None and self.read < self.total)

    def _count(self, count: int | None, page: Any) -> None:
        if count is None:
            return
        if self.total is not None and count != self.total:
            self.total_changed = True
            self.note(f"the total changed from {self.total} to {count} at page {page}: items were added or "
                      "removed while listing, so offset pages may have shifted")
        self.total = count

    def _dedupe(self, items: list[Any], page: Any) -> list[Any]:
        idents = [item.get("id") if isinstance(item, dict) else None for item in items]
        try:
            fresh = set(idents)
        except TypeError:  # an id that is an object or a list: item by item below
            fresh = None
        if fresh is not None:
            fresh.discard(None)
            if all(fresh.isdisjoint(ids) for ids in self.seen):  # the usual page: nothing seen before
                self.seen.append(fresh)
                return items
        earlier = set().union(*self.seen)
        ids: set[Any] = set()
        kept = []
        for item in items:
            ident = item.get("id") if isinstance(item, dict) else None
            if ident is None or isinstance(ident, (dict, list)):
                kept.append(item)
            elif ident in earlier:
                self.dropped += 1
            else:
                ids.add(ident)
                kept.append(item)
        self.seen.append(ids)
        if len(kept) < len(items):
            self.note(f"page {page}: {len(items) - len(kept)} items an earlier page carried were dropped "
                      "(items were added while listing, so offset pages shifted)")
        return kept


#: every style by name (``Product.paging`` / ``Op.paging``)
STYLES: dict[str, PagingStyle] = {
    s.name: s
    for s in (
        PagingStyle(), FlatPaging(), PageNumberPaging("zia"), PageNumberPaging("zcc"), ZpaPaging(),
        ZpaPaging("zpa_page_size", "pageSize"), ZpaSearchPaging(), ZcellPaging(), ZdxPaging(),
        ZdxEnvelopePaging("zdx_envelope", size_arg=None), ZdxPaging("zdx_software", "software", None),
        ZiamPaging("ziam", "records", "next_link", "limit"), EasmPaging("easm", "results", "next_page", "page_size"),
        ZtbPage("ztb", "result"), OneOrKeyedPage("aiguard", "items"), KeyedPage("zbi_reports", "reports"),
        ZccEnvelopePaging("zcc_policies", "policies"),
        ZccEnvelopePaging("zcc_custom_apps", "customAppContracts"),
        ZccEnvelopePaging("zcc_predefined_apps", "appServiceContracts"),
        ZccEnvelopePaging("zcc_process_apps", "appIdentities"),
        ZccEnvelopePaging("zcc_trusted_networks", "trustedNetworkContracts"),
    )
}


def remaining_pages(style: PagingStyle, body: Any, query: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The params of every page after the one ``body`` answered to ``query``, as the style's
    :meth:`~PagingStyle.advance` would give them one by one, when the page says how many pages there are
    (ZPA and ZCell ``totalPages``, ZPA search, ZIdentity ``totalRecord``, EASM ``total_results``): what a
    listing fetches concurrently (issue #17). None when the page does not tell (ZIA, ZCC, ZDX: those are
    fetched one page ahead). The caller compares each planned page with what ``advance`` asks for next,
    so a page count that changes while listing is caught there."""
    try:
        return style.plan(body, query)
    except (TypeError, ValueError, KeyError, AttributeError):
        return None


def style(name: str) -> PagingStyle:
    """The style named ``name`` (``KeyError`` naming the known ones otherwise)."""
    try:
        return STYLES[name]
    except KeyError:
        raise KeyError(f"unknown paging style {name!r}; known: {', '.join(sorted(STYLES))}") from None


def of(product: Any, op: Any) -> PagingStyle:
    """The style of one catalog op (its own, else its product's)."""
    return style(op.paging or product.paging)


__all__ = ["LIMITS", "SIZE_KEYS", "STYLES", "ListingIncompleteError", "ListingWatch", "PageState", "PagingError",
           "PagingStyle", "of", "remaining_pages", "style"]
