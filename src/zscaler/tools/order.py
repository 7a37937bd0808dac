"""Dependency order of exported files: what a record refers to comes first.

Edges come from two places: the catalog (a resource's ``id_lists`` / ``id_refs`` wire keys matched
to the writable collection whose last path name has their words: ZIA ``destIpGroups`` ->
``/ipDestinationGroups``, ZPA ``serverGroups`` -> ``/serverGroup``) and the data (the references :mod:`.refs` finds in the
records). A cycle is broken at the file with the fewest unmet dependencies (then catalog order).
"""

from __future__ import annotations

import re
from typing import Iterable

from .. import catalog
from . import refs
from .targets import Target, targets


def _named_by(wire: str, segments: dict[str, set[str]]) -> str | None:
    """The file whose last path name has every word of ``wire`` and the fewest others (None: no or a tie)."""
    want = refs.words(wire)
    fits = sorted((len(w), k) for k, w in segments.items() if want and want <= w)
    if not fits or (len(fits) > 1 and fits[0][0] == fits[1][0]):
        return None
    return fits[0][1]


def catalog_edges(product: str) -> dict[str, set[str]]:
    """file key -> file keys its resource's id lists name (same product): ``destIpGroups`` -> the
    writable collection at ``.../ipDestinationGroups``, ``labels`` -> ``.../ruleLabels``."""
    ts = targets(product)
    segments: dict[str, set[str]] = {}
    for t in ts:
        literal = [s for s in t.path.split("/") if s and not re.fullmatch(r"{\w+}", s)]
        if literal and t.kind == "collection" and t.writable:
            segments[t.key] = refs.words(literal[-1])
    prod = catalog.load(product)
    out: dict[str, set[str]] = {}
    for t in ts:
        res = prod.resource(t.resource)
        wanted = {_named_by(w, segments) for w in (*res.id_lists.values(), *res.id_refs.values())}
        out[t.key] = {k for k in wanted if k and k != t.key}
    return out


def data_edges(data: refs.Records, index: refs.Index | None) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for key, recs in data.items():
        found: set[str] = set()
        for rec in recs if isinstance(recs, list) else [recs]:
            found |= refs.references(rec, key, index or refs.Index(), rec.get("id") if isinstance(rec, dict) else None)
        out[key] = found
    return out


def sort(keys: Iterable[str], *edge_maps: dict[str, set[str]]) -> list[str]:
    """``keys`` with every file after those it depends on (edges outside ``keys`` ignored)."""
    keys = list(keys)
    wanted = set(keys)
    deps = {k: set().union(*(m.get(k, set()) for m in edge_maps)) & wanted - {k} for k in keys}
    done: list[str] = []
    left = list(keys)
    while left:
        ready = [k for k in left if not deps[k] - set(done)]
        pick = ready[0] if ready else min(left, key=lambda k: (len(deps[k] - set(done)), left.index(k)))
        done.append(pick)
        left.remove(pick)
    return done


def dependency_order(keys: Iterable[str], data: refs.Records, index: refs.Index | None) -> list[str]:
    keys = list(keys)
    products = sorted({k.split("/")[0] for k in keys})
    static: dict[str, set[str]] = {}
    for p in products:
        static.update(catalog_edges(p))
    return sort(keys, static, data_edges(data, index))


def target_map(products: Iterable[str]) -> dict[str, Target]:
    return {t.key: t for p in products for t in targets(p)}
