"""ZCell behaviours of the simulator.

``POST .../sim-location-groups`` takes a JSON array of groups, stores each and answers one
``{"id", "message"}`` per group; ``POST .../sims/download`` answers the SIM list as CSV.
The customer record (``GET``/``PUT ./customers/{id}``) is one object per customer id.
"""

from __future__ import annotations

from typing import Any, cast

from .. import wire
from ..httpserver import Response
from . import behavior

BASE = "/zcell/config/api/v1/customers/{customer}"


@behavior("zcell", "POST", BASE + "/sim-location-groups")
def add_location_groups(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    body = ctx.json()
    if not isinstance(body, list) or not body or not all(isinstance(g, dict) for g in body):
        return engine.error(ctx, 400, "request body must be a JSON array of location groups")
    if any(not g.get("name") for g in body):
        return engine.error(ctx, 400, "name is required")
    key = ctx.rpath
    out = []
    for group, oid in zip(body, engine.store.new_ids("zcell", "int", len(body))):
        obj = {**group, "id": oid, **wire.server_fields("zcell", True)}
        engine.store.insert(key, str(oid), obj, "zcell")
        out.append({"id": oid, "message": "Location group created"})
    return engine.json_response(200, out)


@behavior("zcell", "POST", BASE + "/sims/download", no_pending=True)
def download_sims(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    body = ctx.json()
    if body is not None and not isinstance(body, dict):
        return engine.error(ctx, 400, "request body must be a JSON object")
    iccids = (body or {}).get("iccids") or []
    rows = ["iccid,status"] + [f"{i},ACTIVE" for i in iccids]
    return Response(200, ("\n".join(rows) + "\n").encode(),
                    [("Content-Type", "text/csv"), ("Content-Disposition", 'attachment; filename="sims.csv"')])


def _customer_key(ctx: Any) -> str:
    return cast("str", "zcell:customer:" + ctx.rpath.rstrip("/").rsplit("/", 1)[-1])


@behavior("zcell", "GET", BASE)
def get_customer(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    cur = engine.store.singletons.get(_customer_key(ctx))
    return engine.json_response(200, cur or {"id": ctx.rpath.rstrip("/").rsplit("/", 1)[-1]})


@behavior("zcell", "PUT", BASE)
def update_customer(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    body = ctx.json()
    if not isinstance(body, dict):
        return engine.error(ctx, 400, "request body must be a JSON object")
    cid = ctx.rpath.rstrip("/").rsplit("/", 1)[-1]
    cur = engine.store.singletons.get(_customer_key(ctx)) or {"id": cid}
    engine.store.put_singleton(_customer_key(ctx), {**cur, **body, "id": cid})
    return engine.json_response(200, {"id": cid, "message": "Customer updated"})
