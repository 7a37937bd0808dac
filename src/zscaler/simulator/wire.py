"""Per-product wire conventions: error envelopes, 429 shapes, server fields (paging envelopes: the
styles of :mod:`zscaler.paging`)."""

from __future__ import annotations

import json
import time
from typing import Any

#: the simulator's one JSON encoding (compact, UTF-8 as it is), as text
dumps_text = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def dumps(obj: Any) -> bytes:
    return dumps_text(obj).encode("utf-8")


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


def error_body(product: str | None, status: int, message: str, code: str | None = None) -> dict[str, Any]:
    """The error envelope of ``product`` (ZPA ``id/reason``, ZCC ``errorMessage``, others ``code/message``)."""
    if product == "zpa":
        return {"id": code or _ZPA_IDS.get(status, "error"), "reason": message}
    if product == "zcc":
        return {"errorMessage": message}
    return {"code": code or _CODES.get(status, "ERROR"), "message": message}


GATEWAY_401 = {"detail": "unauthorized", "type": "", "title": "", "status": ""}


# -- named collections -------------------------------------------------------------------
#: the keys naming an item, first present wins (ZIA custom URL categories are named ``configuredName``)
NAME_KEYS = ("name", "configuredName")
#: collections (path suffixes) of a product where names may repeat: the API keys them otherwise
#: (ZIA users by email, ZIA admin users by login name ...)
REPEATABLE_NAMES: dict[str, tuple[str, ...]] = {
    "zia": ("/users", "/adminUsers", "/dcExclusions"),
    "zpa": ("/scimgroup", "/scimattribute", "/samlAttribute"),
}
#: the products whose named collections refuse a second item of the same name
UNIQUE_NAMES = ("zia", "zpa")


def item_name(obj: dict[str, Any]) -> tuple[str, str] | None:
    """(key, value) of the name of ``obj`` (:data:`NAME_KEYS`), None when it has none."""
    for key in NAME_KEYS:
        value = obj.get(key)
        if isinstance(value, str) and value:
            return key, value
    return None


def names_unique(product: str | None, collection: str) -> bool:
    """Whether the API refuses a second item of the same name in ``collection`` of ``product``."""
    if product not in UNIQUE_NAMES:
        return False
    return not collection.rstrip("/").endswith(REPEATABLE_NAMES.get(product or "", ()))


def duplicate_error(product: str | None, key: str, name: str) -> tuple[int, dict[str, Any]]:
    """Status and body of the API's refusal of a name already taken in the collection: ZIA
    ``400 {"code": "DUPLICATE_ITEM", "message": "DUPLICATE_ITEM"}``, ZPA
    ``400 {"id": "resource.already.exist", "reason": ...}``."""
    if product == "zpa":
        return 400, {"id": "resource.already.exist", "reason": f"{key} {name!r} already exists"}
    return 400, {"code": "DUPLICATE_ITEM", "message": "DUPLICATE_ITEM"}


def too_many_requests(product: str | None, retry_after: int, limit: int, oneapi: bool,
                      unit: str = "SECOND") -> tuple[list[Any], dict[str, Any]]:
    """Headers and body of a 429 in the shape ``product`` really answers (``unit``: the window as
    ZIA names it in its body: ``SECOND``, ``MINUTE`` ...)."""
    ra = str(int(retry_after))
    headers: list[tuple[str, str]] = []
    if product == "zia" or product == "ztw":
        headers.append(("Retry-After", ra))
        body = {"message": f"Rate Limit ({limit}/{unit}) exceeded", "Retry-After": f"{ra} seconds"}
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
#: fields the server owns: a PUT that leaves them out keeps the stored value instead of dropping it
#: (a ZIA custom URL category stays ``customCategory: true`` after an update that does not send it)
SERVER_OWNED: dict[str, tuple[str, ...]] = {
    "zia": ("customCategory", "val", "editable", "type", "predefined", "defaultRule", "accessControl",
            "creatorContext", "isNameL10nTag", "dbCategorizedUrls"),
    "ztw": ("predefined", "defaultRule", "accessControl", "creatorContext"),
    "zpa": ("readOnly", "restrictionType", "zscalerManaged"),
}

ADMIN_ID_ZPA = "216196257331200001"
ADMIN_ID_INT = 1001
ADMIN_NAME = "admin@simulator.zscaler.net"


def server_fields(product: str, created: bool, now: float | None = None) -> dict[str, Any]:
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
