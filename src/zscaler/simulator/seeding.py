"""``Engine.seed``: many catalog items written straight into the state, for tests and benchmarks."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import wire
from .routes import fill, resource_collection

if TYPE_CHECKING:
    from .engine import Engine


def check_count(count: Any) -> int:
    """``count`` as a whole number >= 0 (ValueError naming it otherwise)."""
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise ValueError(f"count must be a whole number >= 0, got {count!r}")
    return count


def seed(engine: "Engine", product: str | None, resource: str | None, count: int, params: dict[str, Any] | None,
         path: str | None, fields: dict[str, Any]) -> list[dict]:
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
    return [dict(o) for o in objs]


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


def _collection_key(engine: "Engine", prod: Any, res: Any, params: dict[str, Any] | None) -> str:
    template = resource_collection(prod, res)
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
        return fill(template, values)
    except KeyError as exc:
        missing = [n for n in re.findall(r"{(\w+)}", template) if n not in values]
        raise ValueError(
            f"{prod.name}.{res.attribute} lives at {template}; give values for {', '.join(missing) or exc.args[0]} "
            f"with params={{...}}"
        ) from None
