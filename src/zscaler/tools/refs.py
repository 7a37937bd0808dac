"""References between exported records: found by id, expressed by name, resolved to a tenant's ids.

A value is a reference when it is the id of an exported record and sits where ids of other records
sit: the ``id`` of a nested object (``{"serverGroups": [{"id": "72..."}]}``), a field named
``...Id`` / a list named ``...Ids`` (``segmentGroupId``), or the ``rhs`` of a ZPA policy operand
whose ``lhs`` is ``id``. In the name form a reference is ``{"$ref": "<file key>", "name": "<identity>"}``
(the cross-tenant form of an export, and what a plan resolves to the target's ids).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from .targets import DERIVED, IDENTITY_KEYS

REF = "$ref"

Records = dict[str, Any]  # file key -> list of records (collection) or one object (singleton)


def identity(record: dict[str, Any], id_field: str = "id") -> str:
    """The record's stable name: the first identity key present, else its id, else a hash of its content."""
    for k in IDENTITY_KEYS:
        v = record.get(k)
        if isinstance(v, (str, int)) and not isinstance(v, bool) and str(v) != "":
            return str(v)
    if record.get(id_field) is not None:
        return f"id:{record.get(id_field)}"
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "#" + hashlib.sha1(text.encode()).hexdigest()[:12]  # noqa: S324 - a name, not security


#: short words of wire keys and the words of resource names they stand for
_WORDS = {"dest": "destination", "dst": "destination", "src": "source", "nw": "network", "svc": "service",
          "grp": "group", "app": "application", "apps": "application", "cert": "certificate", "ec": "edge"}


def words(text: str) -> set[str]:
    """The words of a wire key or a file key (``destIpGroups`` -> destination, ip, group)."""
    out = set()
    for w in re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", text.replace(".", "_").replace("/", "_")):
        w = w.lower()
        w = w[:-3] + "y" if w.endswith("ies") else w[:-1] if w.endswith("s") and not w.endswith("ss") else w
        out.add(_WORDS.get(w, w))
    return out - {"id", "list", "get", "all"}


@dataclass
class Index:
    """Ids of exported records -> (file key, identity); several when ids repeat across files."""

    by_id: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    by_name: dict[tuple[str, str], Any] = field(default_factory=dict)  # (file key, identity) -> id

    @classmethod
    def build(cls, data: Records, id_fields: dict[str, str]) -> "Index":
        idx = cls()
        for key, recs in data.items():
            if not isinstance(recs, list):
                continue
            idf = id_fields.get(key, "id")
            for name, rec in keyed(recs, idf):
                oid = rec.get(idf)
                if oid is None or isinstance(oid, bool):
                    continue
                idx.by_id.setdefault(str(oid), []).append((key, name))
                idx.by_name[(key, name)] = oid
        return idx

    def owner(self, value: Any, hint: str, strict: bool = False, product: str = "") -> tuple[str, str] | None:
        """The record ``value`` names: of ``product`` first; when several (or ``strict``), the one whose
        file's words share most with ``hint`` (the field holding the value)."""
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            return None
        found = self.by_id.get(str(value))
        if not found:
            return None
        same = [f for f in found if f[0].split("/")[0] == product] or found
        if len(same) == 1 and not strict:
            return same[0]
        want = words(hint)
        scored = sorted(((len(want & words(f[0].split("/", 1)[1])), f) for f in same), reverse=True)
        if not scored or scored[0][0] == 0 or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return None
        return scored[0][1]


def keyed(records: list[dict[str, Any]], id_field: str = "id") -> Iterator[tuple[str, dict[str, Any]]]:
    """(identity, record) for each record; a repeated identity gets `` #2``, `` #3`` in the given order."""
    seen: dict[str, int] = {}
    for rec in records:
        name = identity(rec, id_field)
        seen[name] = seen.get(name, 0) + 1
        yield (name if seen[name] == 1 else f"{name} #{seen[name]}"), rec


Visit = Callable[[Any, str, bool], Any]  # (value, hint, strict) -> replacement (the value itself: unchanged)


def _scalar(v: Any) -> bool:
    return not isinstance(v, (dict, list))


def _walk(value: Any, visit: Visit, hint: str, skip: frozenset[str], depth: int) -> Any:
    if isinstance(value, dict):
        if REF in value:
            return value
        out: dict[str, Any] = {}
        for k, v in value.items():
            if depth == 0 and k in skip:
                out[k] = v
            elif k == "id" and depth > 0 and _scalar(v):
                out[k] = visit(v, hint, False)
            elif k.endswith("Id") and _scalar(v):
                out[k] = visit(v, k, False)
            elif k in ("lhs", "rhs") and "objectType" in value and _scalar(v):
                out[k] = visit(v, str(value.get("objectType", "")), False)
            elif isinstance(v, list) and any(_scalar(x) for x in v):
                strict = not k.endswith("Ids")  # a list of plain ids under a resource's name: urlCategories
                out[k] = [visit(x, k, strict) if _scalar(x) else _walk(x, visit, k, skip, depth + 1) for x in v]
            else:
                out[k] = _walk(v, visit, k, skip, depth + 1)
        return out
    if isinstance(value, list):
        return [_walk(x, visit, hint, skip, depth + 1) for x in value]
    return value


def to_names(record: Any, key: str, index: Index, own_id: Any = None) -> Any:
    """``record`` with every reference to an indexed record replaced by its name form."""
    def visit(v: Any, hint: str, strict: bool) -> Any:
        if own_id is not None and str(v) == str(own_id):
            return v
        found = index.owner(v, hint, strict, key.split("/")[0])
        return {REF: found[0], "name": found[1]} if found else v

    return _walk(record, visit, "", frozenset(), 0)


def references(record: Any, key: str, index: Index, own_id: Any = None) -> set[str]:
    """The file keys ``record`` refers to (derived fields left out: they point the other way)."""
    found: set[str] = set()

    def visit(v: Any, hint: str, strict: bool) -> Any:
        owner = None if own_id is not None and str(v) == str(own_id) else \
            index.owner(v, hint, strict, key.split("/")[0])
        if owner:
            found.add(owner[0])
        return v

    _walk(record, visit, "", DERIVED.get(key, frozenset()), 0)
    _names_in(record, found, DERIVED.get(key, frozenset()))
    found.discard(key)
    return found


def _names_in(value: Any, found: set[str], skip: frozenset[str], depth: int = 0) -> None:
    """File keys of name-form references already in ``value`` (a cross-tenant export)."""
    if isinstance(value, dict):
        if isinstance(value.get(REF), str):
            found.add(value[REF])
            return
        for k, v in value.items():
            if not (depth == 0 and k in skip):
                _names_in(v, found, skip, depth + 1)
    elif isinstance(value, list):
        for x in value:
            _names_in(x, found, skip, depth + 1)


class Unresolved(LookupError):
    """A name-form reference to a record the target tenant does not have."""


def resolve(value: Any, lookup: Callable[[str, str], Any]) -> Any:
    """``value`` with every name-form reference replaced by ``lookup(file key, name)`` (the target's id)."""
    if isinstance(value, dict):
        if isinstance(value.get(REF), str):
            return lookup(value[REF], str(value.get("name")))
        return {k: resolve(v, lookup) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(x, lookup) for x in value]
    return value
