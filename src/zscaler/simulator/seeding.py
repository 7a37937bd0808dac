"""``Engine.seed``: many catalog items written straight into the state, for tests and benchmarks."""

from __future__ import annotations

import re
import reprlib
from typing import TYPE_CHECKING, Any

from . import wire
from .behaviors.represent import plan, table_entry
from .routes import collection_of, fill, resource_collection, split_template, trailing_placeholder

if TYPE_CHECKING:
    from .engine import Engine


def check_count(count: Any) -> int:
    """``count`` as a whole number >= 0 (ValueError naming it otherwise)."""
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        shown = reprlib.repr(count)  # a list passed by mistake is not printed whole
        raise ValueError(f"count must be a whole number >= 0 (how many items to create), got {shown}")
    return count


def seed(engine: "Engine", product: str | None, resource: str | None, count: int, params: dict[str, Any] | None,
         path: str | None, fields: dict[str, Any]) -> list[dict[str, Any]]:
    """Create ``count`` items (see :meth:`Engine.seed`); returns copies of them."""
    count = check_count(count)
    key, prod, res = target(engine, product, resource, params, path)
    id_field = (res.id_field if res is not None else None) or "id"
    style = prod.id_style if prod is not None else "int"
    pname = prod.name if prod is not None else (product or "zpa")
    coll = engine.store.collection(key)
    start = len(coll) if coll else 0
    ids = engine.store.new_ids(pname, style, count)
    server = wire.server_fields(pname, True)
    label = resource or "item"
    objs = []
    for i, oid in enumerate(ids, start):
        o = {id_field: oid, "name": f"{label}-{i:06d}", **server, **fields}
        objs.append(o)
    engine.store.bulk_insert(key, [(str(o[id_field]), o) for o in objs], pname)
    return _as_listed(engine, pname, res, objs)


def _as_listed(engine: "Engine", product: str, res: Any, objs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of ``objs`` as the resource's listing answers them (the server's representation, planned once)."""
    op = list_op(res) if res is not None else None
    model = getattr(op, "model", None) or getattr(res, "model", None)
    own = table_entry(engine.traits_of(product).defaults, model, "GET", getattr(op, "path", ""))
    how = plan(product, model, own)
    return [dict(o) if how is None else how.apply(o) for o in objs]


def target(engine: "Engine", product: str | None, resource: str | None, params: dict[str, Any] | None,
           path: str | None) -> tuple[str, Any, Any]:
    """(collection key, catalog Product or None, Resource or None) of what to seed."""
    prod = engine.products.get(product) if product else None
    if product and prod is None:
        raise ValueError(f"unknown product {product!r}; simulated products: {', '.join(engine.products)}")
    res = None
    if prod is not None and resource:
        try:
            res = prod.resource(resource)
        except AttributeError:
            raise ValueError(
                f"{product} has no resource {resource!r}; resources: " + ", ".join(r.attribute for r in prod.resources)
            ) from None
    if path:
        key = engine.normalize(path.rstrip("/") or "/")[0]
        route, values = engine.router.match("GET", key)
        if route is not None:
            if prod is None:
                prod = engine.products.get(route.product)
                res = route.resource
            key = _view_collection(route, values) or key
        return key, prod, res
    if res is None:
        raise ValueError("seed needs product and resource (or path)")
    return _collection_key(engine, prod, res, params), prod, res


def _view_collection(route: Any, values: list[str]) -> str | None:
    """The collection a list view path (``.../adminRoles/lite``, ``.../server/summary``) shows."""
    if route.kind != "list" or not route.coll_template or route.coll_template == route.template:
        return None
    try:
        return fill(route.coll_template, route.params(values))
    except KeyError:
        return None


#: last path segments of list views that are not the collection itself (counts, searches, summaries ...)
VIEW_WORDS = frozenset({"count", "search", "summary", "lite", "all", "names", "list", "configured"})


def list_op(res: Any) -> Any:
    """The resource's primary list operation: a GET answering a list over the resource's
    collection (where its creates, gets and deletes go), not a count/search/summary view; None
    when the resource lists nothing."""
    cands = [o for o in res.ops if o.verb == "GET" and o.result in ("list", "raw_list")
             and not trailing_placeholder(split_template(o.path)[0])]
    return min(cands, key=lambda o: _list_rank(res, o)) if cands else None


def _list_rank(res: Any, o: Any) -> tuple[Any, ...]:
    """Sort key of a list op candidate: lower is more likely the resource's own collection."""
    t = split_template(o.path)[0]
    on_coll = 0  # the resource's other ops on this collection: POST t, GET/PUT/DELETE t/{id}
    for other in res.ops:
        ot = split_template(other.path)[0]
        if other is not o and ((other.verb == "POST" and ot == t) or (trailing_placeholder(ot) and collection_of(ot) == t)):
            on_coll += 1
    words = [w.lower() for w in t.split("/") if w and not w.startswith("{")]
    view = bool(words) and words[-1] in VIEW_WORDS
    named = o.name.startswith("list_") and not o.name.endswith(("_lite", "_summary", "_count"))
    extra = [n for n in re.findall(r"{(\w+)}", t) if n not in ("customerId", "id")]
    return (view, -min(on_coll, 1), len(extra), not named, -on_coll, len(t), o.name)


def _seed_template(engine: "Engine", prod: Any, res: Any) -> str | None:
    """The template seeded items go to: the primary list op's path, or the collection a behaviour
    answering it filters (``/alerts/ongoing`` lists ``/alerts``, where ``/alerts/{alert_id}`` reads)."""
    lop = list_op(res)
    if lop is None:
        return resource_collection(prod, res)
    template = split_template(lop.path)[0]
    parent = template.rpartition("/")[0]
    item_colls = {collection_of(split_template(o.path)[0]) for o in res.ops
                  if trailing_placeholder(split_template(o.path)[0])}
    if template not in item_colls and parent in item_colls:
        if any(r.verb == "GET" and r.template == template and r.handler for r in engine.router.routes):
            return parent
    return template


def _collection_key(engine: "Engine", prod: Any, res: Any, params: dict[str, Any] | None) -> str:
    template = _seed_template(engine, prod, res)
    if template is None:
        raise ValueError(f"{prod.name}.{res.attribute} has no collection to seed")
    values: dict[str, Any] = {"customerId": engine.customer_id}
    for k, v in (params or {}).items():
        # accept the caller-side names of mapped values ("connector" -> "CONNECTOR_GRP")
        for o in res.ops:
            m = o.maps.get(k) if o.maps else None
            if m and v in m:
                v = m[v]
                break
        values[k] = v
    try:
        path = fill(template, values)
    except KeyError as exc:
        missing = [n for n in re.findall(r"{(\w+)}", template) if n not in values]
        raise ValueError(
            f"{prod.name}.{res.attribute} lives at {template}; give values for {', '.join(missing) or exc.args[0]} "
            f"with params={{...}}"
        ) from None
    route, found = engine.router.match("GET", path)
    return (_view_collection(route, found) if route is not None else None) or path
