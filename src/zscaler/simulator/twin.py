"""The twin: a tenant export (``zscaler export DIR``) loaded as the simulator's state.

``Simulator(load=DIR)``, ``sim.load(DIR)``, ``zscaler sim --load DIR`` and ``python -m
zscaler.simulator --load DIR`` replace the state with the export's records, ids kept: each file goes
to the collection (or settings object) its list path names in this simulator, so the twin answers
what the tenant answered and ``zscaler plan`` / ``apply`` can be rehearsed on it. Secret
placeholders stay placeholders. A cross-tenant export (no ids) is refused: apply it instead.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable

from .store import INT_ID_BASE, ZPA_ID_BASE

if TYPE_CHECKING:
    from .engine import Engine


def _zpa_policy_set(engine: "Engine", args: dict[str, str]) -> str:
    from .behaviors.zpa import SET_IDS

    return SET_IDS[args["policy_type"]]


#: the simulator's own id of a write path's ``{parent}`` (the ZPA policy set of a policy type)
PARENTS: dict[tuple[str, str], Callable[["Engine", dict[str, str]], str]] = {
    ("zpa", "policies"): _zpa_policy_set,
}


def _fill(template: str, values: dict[str, str]) -> str:
    for k, v in values.items():
        template = template.replace("{" + k + "}", v)
    return template


def _store_key(engine: "Engine", t: Any) -> tuple[str, dict[str, str]]:
    """(store key, values stamped on each record) of a target in this simulator."""
    from .crud import coll_key, singleton_key

    values = {"customerId": engine.customer_id, **dict(t.args)}
    parent = PARENTS.get((t.product, t.resource))
    if parent is not None and t.create:
        values["parent"] = parent(engine, dict(t.args))
        return _fill(t.create, values), {"policySetId": values["parent"]}
    path = _fill(t.path, values)
    route, found = engine.router.match("GET", path)
    if route is None:
        return path, {}
    params = route.params(found)
    if t.kind == "singleton":
        return singleton_key(route, params), {}
    try:
        return coll_key(route, params), {}
    except (KeyError, TypeError):
        return path, {}


def _bump(counters: dict[str, int], product: str, oid: Any) -> None:
    try:
        n = int(oid)
    except (TypeError, ValueError):
        return
    for base in (ZPA_ID_BASE, INT_ID_BASE):
        if base < n < base + 10**9:
            counters[product] = max(counters.get(product, 0), n - base)
            return


def load_export(engine: "Engine", directory: str | os.PathLike[str]) -> None:
    """Replace the state with the export in ``directory`` (ValueError when it is not a same-tenant export)."""
    from ..tools.exporter import load
    from ..tools.targets import find

    manifest, data = load(directory)
    if manifest.get("mode") == "cross-tenant":
        raise ValueError(f"{os.fspath(directory)}: a cross-tenant export has no ids; a twin loads a same-tenant "
                         "export (apply this one to the simulator instead: zscaler apply)")
    with engine.lock:
        engine.store.reset()
        counters: dict[str, int] = {}
        writable = {(find(k).product, find(k).resource) for k in data if find(k).create}
        for key, value in data.items():
            t = find(key)
            if t.kind == "collection" and not t.create and (t.product, t.resource) in writable:
                continue  # a read-only view of the resource's own collection (issued certificates ...)
            store_key, stamp = _store_key(engine, t)
            if t.kind == "singleton":
                engine.store.put_singleton(store_key, value)
                continue
            pairs = [(str(r.get(t.id_field, i)), {**r, **stamp}) for i, r in enumerate(value, 1)]
            for oid, _ in pairs:
                _bump(counters, t.product, oid)
            engine.store.bulk_insert(store_key, pairs)
        engine.store.counters.update(counters)
        engine.store._tx([engine.store._counter_stmt(p) for p in counters])
