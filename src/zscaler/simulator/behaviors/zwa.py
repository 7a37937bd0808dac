"""ZWA (Workflow Automation) behaviours of the simulator.

Incidents live in ``/zwa/dlp/v1/incidents`` and audit entries in ``/zwa/dlp/v1/customer/audit``
(seed them with ``sim.seed("zwa", "dlp_incidents", 30, path="/zwa/dlp/v1/incidents")``).
The two searches are POSTs paged by the query keys ``page`` (1-based), ``pageSize`` (default 50,
max 100) and ``pageId``; the answer carries the items and a ``cursor``. The incident actions
(notes, labels, close) change the stored incident.
"""

from __future__ import annotations

from typing import Any

import math
import time

from . import behavior

V1 = "/zwa/dlp/v1"
INCIDENTS = V1 + "/incidents"
AUDIT = V1 + "/customer/audit"
PAGE_SIZE, MAX_PAGE_SIZE = 50, 100


def _int(ctx: Any, key: str, default: int) -> int | None:
    raw = ctx.q(key)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        return None


def _search(engine: Any, ctx: Any, collection: str, items_key: str) -> Any:
    body = ctx.json()
    if body is not None and not isinstance(body, dict):
        return engine.error(ctx, 400, "request body must be a JSON object")
    page, size = _int(ctx, "page", 1), _int(ctx, "pageSize", PAGE_SIZE)
    if page is None or size is None or page < 1 or size < 1:
        return engine.error(ctx, 400, "page and pageSize must be positive integers")
    size = min(size, MAX_PAGE_SIZE)
    coll = engine.store.collection(collection)
    items = coll.values() if coll is not None else []
    start = (page - 1) * size
    total_pages = math.ceil(len(items) / size)
    cursor = {"totalPages": total_pages, "currentPageNumber": page, "currentPageSize": size,
              "totalElements": len(items), "pageId": f"{collection.rsplit('/', 1)[-1]}-{page}"}
    return engine.json_response(200, {"cursor": cursor, items_key: list(items[start:start + size])})


@behavior("zwa", "POST", INCIDENTS + "/search", no_pending=True)
def search_incidents(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _search(engine, ctx, INCIDENTS, "incidents")


@behavior("zwa", "POST", AUDIT, no_pending=True)
def search_audit(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _search(engine, ctx, AUDIT, "logs")


@behavior("zwa", "GET", INCIDENTS + "/transactions/{transaction_id}")
def incident_of_transaction(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The incident a transaction raised (matched on ``transactionId``, or the incident id)."""
    tid = params["transaction_id"]
    coll = engine.store.collection(INCIDENTS)
    for obj in coll.values() if coll is not None else ():
        if str(obj.get("transactionId")) == tid or str(obj.get("id")) == tid:
            return engine.json_response(200, obj)
    return engine.error(ctx, 404, f"no incident for transaction {tid}")


def _change(engine: Any, ctx: Any, params: Any, change: Any) -> Any:
    iid = params["incident_id"]
    coll = engine.store.collection(INCIDENTS)
    cur = coll.items.get(iid) if coll is not None else None
    if cur is None:
        return engine.error(ctx, 404, f"incident {iid} not found")
    body = ctx.json()
    if body is not None and not isinstance(body, dict):
        return engine.error(ctx, 400, "request body must be a JSON object")
    new = dict(cur)
    change(new, body or {})
    new["lastUpdatedAt"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    return engine.json_response(200, engine.store.update(INCIDENTS, iid, new))


@behavior("zwa", "POST", INCIDENTS + "/{incident_id}/notes")
def add_notes(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    def change(obj: Any, body: Any) -> None:
        if body.get("notes"):
            obj["notes"] = list(obj.get("notes") or []) + [{"body": body["notes"], "createdAt": int(time.time())}]
    return _change(engine, ctx, params, change)


@behavior("zwa", "POST", INCIDENTS + "/{incident_id}/labels")
def assign_labels(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    def change(obj: Any, body: Any) -> None:
        if "labels" in body:
            obj["labels"] = body["labels"]
    return _change(engine, ctx, params, change)


@behavior("zwa", "POST", INCIDENTS + "/{incident_id}/close")
def close_incident(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    def change(obj: Any, body: Any) -> None:
        obj["status"] = "CLOSED"
        if body.get("resolutionLabel"):
            obj["resolution"] = body["resolutionLabel"]
        if body.get("resolutionCode"):
            obj["closedCode"] = body["resolutionCode"]
        if body.get("notes"):
            obj["notes"] = list(obj.get("notes") or []) + [{"body": body["notes"], "createdAt": int(time.time())}]
    return _change(engine, ctx, params, change)
