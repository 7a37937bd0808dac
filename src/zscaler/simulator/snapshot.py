"""``Simulator.save`` / ``Simulator.load``: the whole tenant state as one JSON file.

The file holds every collection (item ids and objects, in insertion order), every singleton
(settings objects), the id counters and the activation status. Loading replaces the state:
what was stored before is gone (with ``db=``, the database is rewritten too). Issued tokens,
faults and the request log are not part of the state.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any, cast

from . import wire

if TYPE_CHECKING:
    from .engine import Engine

FORMAT = "zscaler-simulator-state"
VERSION = 1


def snapshot(engine: "Engine") -> dict[str, Any]:
    """A JSON-ready copy of the engine's whole state (the document :func:`save` writes)."""
    with engine.lock:
        store = engine.store
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "collections": {k: dict(c.items) for k, c in store.collections.items() if len(c)},
            "singletons": dict(store.singletons),
            "counters": dict(store.counters),
            "activation": dict(engine.activation),
            "activations": dict(engine.activations),
        }
        return cast("dict[str, Any]", json.loads(wire.dumps(doc)))


def save(engine: "Engine", path: str | os.PathLike[str]) -> None:
    """Write the state to ``path`` as JSON (through a temporary file: a crash leaves the old one)."""
    doc = snapshot(engine)
    tmp = os.fspath(path) + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")
    os.replace(tmp, path)


def load(engine: "Engine", path: str | os.PathLike[str]) -> None:
    """Replace the state with the one saved in ``path`` (ValueError when it is not such a file)."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{os.fspath(path)}: not a saved simulator state ({exc})") from None
    restore(engine, doc, os.fspath(path))


def restore(engine: "Engine", doc: Any, source: str = "state") -> None:
    """Replace the state with ``doc`` (a :func:`snapshot` document)."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"{source}: not a saved simulator state (no \"format\": \"{FORMAT}\")")
    if doc.get("version") != VERSION:
        raise ValueError(f"{source}: state version {doc.get('version')!r}; this simulator reads version {VERSION}")
    with engine.lock:
        store = engine.store
        store.reset()
        for key, items in (doc.get("collections") or {}).items():
            store.bulk_insert(key, [(str(oid), obj) for oid, obj in items.items()])
        for key, obj in (doc.get("singletons") or {}).items():
            store.put_singleton(key, obj)
        store.counters.update({p: int(n) for p, n in (doc.get("counters") or {}).items()})
        store._tx([store._counter_stmt(p) for p in store.counters])
        engine.activation.update(doc.get("activation") or {})
        engine.activations.update(doc.get("activations") or {})
