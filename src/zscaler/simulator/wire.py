"""Per-product wire conventions: error envelopes, paging envelopes, 429 shapes, server fields."""

from __future__ import annotations

import json
import math
import time
from typing import Any, Sequence
from urllib.parse import urlencode

_dumps = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def dumps(obj: Any) -> bytes:
    return _dumps(obj).encode("utf-8")


# -- product detection -----------------------------------------------------------------
def detect_product(path: str) -> str | None:
    """The product of a resource path, by the path prefixes the catalogs declare (``Product.paths``)."""
    from zscaler.transport.urls import product_of

    return product_of(path)


# -- errors --------------------------------------------------------------------------
_CODES = {
    400: "INVALID_INPUT_ARGUMENT",
    401: "NOT_AUTHENTICATED",
    403: "NOT_AUTHORIZED",
    404: "RESOURCE_NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    409: "DUPLICATE_ITEM",
    429: "RATE_LIMIT_EXCEEDED",
    500: "UNEXPECTED_ERROR",
    501: "NOT_SIMULATED",
    502: "BAD_GATEWAY",
    503: "SERVICE_UNAVAILABLE",
    504: "GATEWAY_TIMEOUT",
}
_ZPA_IDS = {
    400: "bad.request",
    401: "authn.required",
    403: "forbidden",
    404: "resource.not.found",
    409: "resource.conflict",
    429: "invalid.toomanyrequests",
    500: "internal.server.error",
    501: "not.simulated",
    503: "service.unavailable",
    504: "gateway.timeout",
}


def error_body(product: str | None, status: int, message: str, code: str | None = None) -> dict:
    """The error envelope of ``product`` (ZPA ``id/reason``, ZCC ``errorMessage``, others ``code/message``)."""
    if product == "zpa":
        return {"id": code or _ZPA_IDS.get(status, "error"), "reason": message}
    if product == "zcc":
        return {"errorMessage": message}
    return {"code": code or _CODES.get(status, "ERROR"), "message": message}


GATEWAY_401 = {"detail": "unauthorized", "type": "", "title": "", "status": ""}


def too_many_requests(product: str | None, retry_after: int, limit: int, oneapi: bool) -> tuple[list, dict]:
    """Headers and body of a 429 in the shape ``product`` really answers."""
    ra = str(int(retry_after))
    headers: list[tuple[str, str]] = []
    if product == "zia" or product == "ztw":
        headers.append(("Retry-After", ra))
        body = {"message": f"Rate Limit ({limit}/SECOND) exceeded", "Retry-After": f"{ra} seconds"}
    elif product == "zpa":
        headers.append(("retry-after", f"{ra}s"))
        body = {"id": "invalid.toomanyrequests", "reason": "Too many requests, please retry later"}
    elif product == "zcc":
        headers.append(("X-Rate-Limit-Retry-After-Seconds", ra))
        headers.append(("X-Rate-Limit-Remaining", "0"))
        body = {"errorMessage": "Rate limit exceeded, please retry later"}
    elif product in ("zdx", "zwa"):
        headers.append(("RateLimit-Limit", str(limit)))
        headers.append(("RateLimit-Remaining", "0"))
        headers.append(("RateLimit-Reset", ra))
        body = {"code": "RATE_LIMIT_EXCEEDED", "message": "Too many requests"}
    else:
        body = {"code": "RATE_LIMIT_EXCEEDED", "message": "Too many requests"}
    if oneapi and not any(k.lower() == "retry-after" for k, _ in headers):
        headers.append(("retry-after", ra))
    return headers, body


# -- server-assigned fields ----------------------------------------------------------
ADMIN_ID_ZPA = "216196257331200001"
ADMIN_ID_INT = 1001
ADMIN_NAME = "admin@simulator.zscaler.net"


def server_fields(product: str, created: bool, now: float | None = None) -> dict:
    t = int(now if now is not None else time.time())
    if product == "zpa":
        out: dict[str, Any] = {"modifiedTime": str(t), "modifiedBy": ADMIN_ID_ZPA}
        if created:
            out["creationTime"] = str(t)
        return out
    if product in ("zia", "ztw"):
        return {"lastModifiedTime": t, "lastModifiedBy": {"id": ADMIN_ID_INT, "name": ADMIN_NAME}}
    out = {"modifiedTime": t}
    if created:
        out["creationTime"] = t
    return out


# -- paging --------------------------------------------------------------------------
class PagingError(ValueError):
    pass


def _int(query: dict, key: str, default: int | None) -> int | None:
    vals = query.get(key)
    if not vals:
        return default
    try:
        return int(vals[-1])
    except ValueError:
        raise PagingError(f"query parameter {key} must be an integer, got {vals[-1]!r}") from None


def _first(query: dict, *keys: str) -> str | None:
    for k in keys:
        if query.get(k):
            return k
    return None


# style -> (default size, max size)
PAGE_LIMITS = {
    "zpa": (20, 500),
    "zia": (100, 1000),
    "zcc": (50, 5000),
    "zdx": (10, 1000),
    "ziam": (100, 1000),
    "zcell": (10, 100),
    "easm": (100, 1000),
    "flat": (None, None),
    "none": (None, None),
}


def _limits(style: str) -> tuple[int, int]:
    """(default size, max size) of a style that has them."""
    d, mx = PAGE_LIMITS[style]
    if d is None or mx is None:
        raise ValueError(f"paging style {style!r} has no page size limits")
    return d, mx


#: single-page envelopes: style -> the key holding the items
KEYED = {"ztb": "result", "aiguard": "items", "zbi_reports": "reports"}


def paginate(style: str, items: Sequence, query: dict, base_url: str, path: str) -> Any:
    """One page of ``items`` in the envelope of ``style`` (see docs/architecture.md)."""
    n = len(items)
    if style == "zpa":
        d, mx = _limits("zpa")
        size = max(1, min(_int(query, "pagesize", d) or d, mx))
        page = max(1, _int(query, "page", 1) or 1)
        start = (page - 1) * size
        return {
            "totalPages": str(math.ceil(n / size)),
            "totalCount": str(n),
            "list": list(items[start : start + size]),
        }
    if style in ("zia", "zcc"):
        d, mx = _limits(style)
        size = max(1, min(_int(query, "pageSize", d) or d, mx))
        page = max(1, _int(query, "page", 1) or 1)
        start = (page - 1) * size
        return list(items[start : start + size])
    if style == "zdx":
        d, mx = _limits("zdx")
        size = max(1, min(_int(query, "limit", d) or d, mx))
        offset = max(0, _int(query, "offset", 0) or 0)
        nxt = offset + size
        return {"items": list(items[offset:nxt]), "next_offset": str(nxt) if nxt < n else None}
    if style == "ziam":
        d, mx = _limits("ziam")
        size = max(1, min(_int(query, "limit", d) or d, mx))
        offset = max(0, _int(query, "offset", 0) or 0)
        records = list(items[offset : offset + size])

        def link(off):
            q = {k: v[-1] for k, v in query.items() if k not in ("offset", "limit")}
            q.update(offset=off, limit=size)
            return f"{base_url}{path}?{urlencode(q)}"

        return {
            "pageOffset": offset,
            "pageSize": size,
            "totalRecord": n,
            "results_total": n,
            "records": records,
            "next_link": link(offset + size) if offset + size < n else None,
            "prev_link": link(max(0, offset - size)) if offset > 0 else None,
        }
    if style in KEYED:  # one page under a key
        return {KEYED[style]: list(items)}
    if style == "zcell":
        d, mx = _limits("zcell")
        size = max(1, min(_int(query, "size", d) or d, mx))
        page = max(0, _int(query, "page", 0) or 0)
        start = page * size
        return {
            "content": list(items[start : start + size]),
            "totalPages": math.ceil(n / size),
            "totalElements": n,
            "number": page,
            "size": size,
        }
    if style == "easm":
        d, mx = _limits("easm")
        size = max(1, min(_int(query, "page_size", d) or d, mx))
        page = max(1, _int(query, "page", 1) or 1)
        start = (page - 1) * size
        return {
            "results": list(items[start : start + size]),
            "total_results": n,
            "next_page": page + 1 if start + size < n else None,
            "prev_page": page - 1 if page > 1 else None,
        }
    # flat / none: one array; page/pageSize are honoured when given
    key = _first(query, "pageSize", "pagesize", "page_size", "limit")
    if key:
        size = max(1, _int(query, key, 100) or 100)
        page = max(1, _int(query, "page", 1) or 1)
        start = (page - 1) * size
        return list(items[start : start + size])
    return list(items)
