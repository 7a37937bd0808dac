"""ZTB behaviours of the simulator.

A cluster's site-to-site connection (``/ztb/api/v3/CloudGateway/s2s/{cluster_id}``) is one
object: POST and PUT store it (PUT merges over what is stored), GET reads it, DELETE takes the
body ``{"gateway_ids": [...]}`` and removes those gateways from it. Listings answer
``{"result": [...]}`` as the API does.
"""

from __future__ import annotations

from typing import Any, cast


from ..httpserver import Response
from . import behavior

S2S = "/ztb/api/v3/CloudGateway/s2s/{cluster_id}"


def _key(ctx: Any) -> str:
    return cast("str", "ztb:s2s:" + ctx.rpath.rsplit("/", 1)[-1])


def _write(engine: Any, ctx: Any, merge: bool) -> Any:
    body = ctx.json()
    if not isinstance(body, dict):
        return engine.error(ctx, 400, "request body must be a JSON object")
    cur = engine.store.singletons.get(_key(ctx)) if merge else None
    stored = engine.store.put_singleton(_key(ctx), {**(cur or {}), **body})
    return engine.json_response(200, stored)


@behavior("ztb", "POST", S2S)
def create_s2s(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _write(engine, ctx, merge=False)


@behavior("ztb", "PUT", S2S)
def update_s2s(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    if engine.store.singletons.get(_key(ctx)) is None:
        return engine.error(ctx, 404, "no site-to-site connection for this cluster")
    return _write(engine, ctx, merge=True)


@behavior("ztb", "GET", S2S)
def get_s2s(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    cur = engine.store.singletons.get(_key(ctx))
    if cur is None:
        return engine.error(ctx, 404, "no site-to-site connection for this cluster")
    return engine.json_response(200, cur)


@behavior("ztb", "DELETE", S2S)
def delete_s2s(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    body = ctx.json()
    ids = body.get("gateway_ids") if isinstance(body, dict) else None
    if not isinstance(ids, list) or not ids:
        return engine.error(ctx, 400, "body must be {\"gateway_ids\": [...]} with at least one id")
    cur = engine.store.singletons.get(_key(ctx))
    if cur is None:
        return engine.error(ctx, 404, "no site-to-site connection for this cluster")
    wanted = {str(i) for i in ids}
    gateways = [g for g in cur.get("gateways") or [] if str(g.get("gateway_id", g.get("id"))) not in wanted]
    engine.store.put_singleton(_key(ctx), {**cur, "gateways": gateways})
    return Response(204)

