"""The generic meaning of a catalog route over the store: list, get, create, update, delete,
settings singletons and actions (the route *kinds* of :mod:`.routes`).

Each kind is a function ``(engine, ctx, route, params) -> Response`` answering a Python value
(``Response.json``); the engine serializes it once. Where a product differs (ZPA's 204 on
update, microtenant scoping, field searches ...) the function asks the product's
:class:`~zscaler.simulator.behaviors.Traits`; nothing here names a product.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from .. import paging
from . import wire
from .behaviors.represent import answer, answer_each, envelope
from .context import BadRequest, Ctx
from .httpserver import Response
from .routes import Route, fill

if TYPE_CHECKING:
    from .engine import Engine

Kind = Callable[["Engine", Ctx, Route, dict[str, Any]], Response]


def coll_key(route: Route, params: dict[str, Any]) -> str:
    """The store key of the collection ``route`` addresses."""
    if route.coll_template is None:
        raise TypeError(f"route {route.verb} {route.template} has no item collection")
    return fill(route.coll_template, params)


def singleton_key(route: Route, params: dict[str, Any]) -> str:
    try:
        return fill(route.coll_template or route.template, params)
    except KeyError:
        return route.template


def name_search(items: list[dict[str, Any]], expr: str) -> list[dict[str, Any]]:
    """``?search=`` by default: the items whose name contains ``expr`` (any case)."""
    needle = expr.lower()
    return [o for o in items if needle in str(o.get("name", "")).lower()]


def list_action(cur: dict[str, Any], body: dict[str, Any], action: str) -> dict[str, Any]:
    """``?action=ADD_TO_LIST`` / ``REMOVE_FROM_LIST``: merge list fields instead of replacing them."""
    new = dict(cur)
    for k, v in body.items():
        old = cur.get(k)
        if isinstance(v, list) and isinstance(old, list):
            if action == "ADD_TO_LIST":
                new[k] = old + [x for x in v if x not in old]
            else:
                new[k] = [x for x in old if x not in v]
        elif action == "ADD_TO_LIST" or k not in cur:
            new[k] = v
    return new


def body_object(ctx: Ctx) -> dict[str, Any]:
    body = ctx.json()
    if body is None:
        return {}
    if not isinstance(body, dict):
        raise BadRequest("request body must be a JSON object")
    return body


def not_found(engine: "Engine", ctx: Ctx, oid: str) -> Response:
    return engine.error(ctx, 404, f"resource with id {oid} not found at {ctx.req.path}")


def lookup(engine: "Engine", ctx: Ctx, route: Route, params: dict[str, Any]) -> tuple[str, str, dict[str, Any] | None]:
    """(collection key, id, the item or None when absent or not visible to the caller)."""
    key = coll_key(route, params)
    oid = params[route.names[-1]] if route.names else ""
    coll = engine.store.collection(key)
    obj = coll.items.get(oid) if coll is not None else None
    if not engine.visible(ctx, obj):
        obj = None
    return key, oid, obj


def name_taken(engine: "Engine", ctx: Ctx, route: Route, key: str, body: dict[str, Any],
               oid: str | None = None) -> Response | None:
    """The API's refusal when ``body`` names an item another item of collection ``key`` already has
    (per-product statuses and bodies: :func:`wire.duplicate_error`); None when the name is free."""
    named = wire.item_name(body)
    coll = engine.store.collection(key)
    if named is None or coll is None or not wire.names_unique(route.product, key):
        return None
    name_key, name = named
    for other_id, other in coll.items.items():
        if other.get(name_key) == name and str(other_id) != oid and engine.visible(ctx, other):
            status, err = wire.duplicate_error(route.product, name_key, name)
            return Response.json(status, err)
    return None


def k_list(engine: "Engine", ctx: Ctx, route: Route, params: dict[str, Any]) -> Response:
    try:
        key = coll_key(route, params)
    except KeyError:
        key = ""
    coll = engine.store.collection(key)
    items = engine.visible_all(ctx, coll) if coll is not None else []
    search = ctx.q("search")
    if search:
        items = (engine.traits_of(ctx.product).search or name_search)(items, search)
    try:
        host = ctx.req.headers.get("host")
        base = f"http://{host}" if host else engine.base_url
        body = ctx.json() if route.verb != "GET" else None  # the page of a POST search may sit in the body
        page = paging.style(route.paging).serve(answer_each(engine, route, items, coll), ctx.query, base_url=base,
                                                path=ctx.req.path, body=body)
        page = envelope(engine, route, page)
        return Response.json(200, page, fragments=coll is not None)
    except paging.PagingError as exc:
        return engine.error(ctx, 400, str(exc))


def k_get(engine: "Engine", ctx: Ctx, route: Route, params: dict[str, Any]) -> Response:
    _, oid, obj = lookup(engine, ctx, route, params)
    return not_found(engine, ctx, oid) if obj is None else Response.json(200, answer(engine, route, obj))


def k_create(engine: "Engine", ctx: Ctx, route: Route, params: dict[str, Any]) -> Response:
    body = body_object(ctx)
    res = route.resource
    traits = engine.traits_of(route.product)
    for k in (res.required if res is not None else ()):
        if body.get(k) in (None, ""):
            return engine.error(ctx, 400, f"{k} is required", traits.required_code)
    taken = name_taken(engine, ctx, route, coll_key(route, params), body)
    if taken is not None:
        return taken
    prod = engine.products.get(route.product)
    style = prod.id_style if prod is not None else "int"
    id_field = (res.id_field if res is not None else None) or "id"
    oid = engine.store.new_ids(route.product, style)[0]
    obj = dict(body)
    obj[id_field] = oid
    obj.update(wire.server_fields(route.product, True))
    if traits.on_create is not None:
        traits.on_create(ctx, obj, route)
    engine.store.insert(coll_key(route, params), str(oid), obj, route.product)
    return Response.json(traits.create_status, answer(engine, route, obj))


def _updated(ctx: Ctx, route: Route, cur: dict[str, Any], body: dict[str, Any]) -> dict[str, Any]:
    """The object a PUT/PATCH stores: the body (PATCH: merged), keeping the server-owned fields."""
    action = route.inline_query.get("action", "")
    if action in ("ADD_TO_LIST", "REMOVE_FROM_LIST"):
        return list_action(cur, body, action)
    if ctx.req.method == "PATCH":
        return {**cur, **body}
    new = dict(body)
    for keep in ("creationTime", "microtenantId", *wire.SERVER_OWNED.get(route.product, ())):
        if keep in cur and keep not in new:
            new[keep] = cur[keep]
    return new


def _update_answer(engine: "Engine", route: Route, stored: Any) -> Response:
    status = engine.traits_of(route.product).update_status
    return Response(204) if status == 204 else Response.json(status, answer(engine, route, stored))


def k_update(engine: "Engine", ctx: Ctx, route: Route, params: dict[str, Any]) -> Response:
    key, oid, cur = lookup(engine, ctx, route, params)
    if cur is None:
        return not_found(engine, ctx, oid)
    new = _updated(ctx, route, cur, body_object(ctx))
    taken = name_taken(engine, ctx, route, key, new, oid)
    if taken is not None:
        return taken
    res = route.resource
    id_field = (res.id_field if res is not None else None) or "id"
    new[id_field] = cur.get(id_field, oid)
    new.update(wire.server_fields(route.product, False))
    return _update_answer(engine, route, engine.store.update(key, oid, new))


def k_delete(engine: "Engine", ctx: Ctx, route: Route, params: dict[str, Any]) -> Response:
    key, oid, cur = lookup(engine, ctx, route, params)
    if cur is None:
        return not_found(engine, ctx, oid)
    engine.store.delete(key, oid)
    return Response(204)


def k_singleton_get(engine: "Engine", ctx: Ctx, route: Route, params: dict[str, Any]) -> Response:
    return Response.json(200, answer(engine, route, engine.store.singletons.get(singleton_key(route, params), {})))


def k_singleton_put(engine: "Engine", ctx: Ctx, route: Route, params: dict[str, Any]) -> Response:
    key = singleton_key(route, params)
    body = ctx.json()
    if body is None:
        body = {}
    cur = engine.store.singletons.get(key)
    action = route.inline_query.get("action", "")
    if action in ("ADD_TO_LIST", "REMOVE_FROM_LIST") and isinstance(body, dict):
        body = list_action(cur if isinstance(cur, dict) else {}, body, action)
    elif ctx.req.method == "PATCH" and isinstance(cur, dict) and isinstance(body, dict):
        body = {**cur, **body}
    return _update_answer(engine, route, engine.store.put_singleton(key, body))


def k_singleton_delete(engine: "Engine", ctx: Ctx, route: Route, params: dict[str, Any]) -> Response:
    engine.store.delete_singleton(singleton_key(route, params))
    return Response(204)


def k_action(engine: "Engine", ctx: Ctx, route: Route, params: dict[str, Any]) -> Response:
    body = ctx.json()  # reject invalid JSON like the real API would
    action = route.inline_query.get("action")
    if action in ("ADD_TO_LIST", "REMOVE_FROM_LIST") and isinstance(body, dict):
        key = singleton_key(route, params)
        cur = engine.store.singletons.get(key)
        stored = engine.store.put_singleton(key, list_action(cur if isinstance(cur, dict) else {}, body, action))
        return Response.json(200, stored)
    if route.result in ("none", "status_code"):
        return Response(204)
    if route.result in ("list", "raw_list"):
        return Response.json(200, [])
    stored = engine.store.singletons.get(singleton_key(route, params), {})
    return Response.json(200, answer(engine, route, stored, model_keys=False))


#: route kind -> its generic meaning
KINDS: dict[str, Kind] = {
    "list": k_list,
    "get": k_get,
    "create": k_create,
    "update": k_update,
    "delete": k_delete,
    "singleton_get": k_singleton_get,
    "singleton_put": k_singleton_put,
    "singleton_delete": k_singleton_delete,
    "action": k_action,
}
