"""State of the simulated tenant(s): collections of items and singleton settings objects.

Collections are keyed by their concrete path (placeholders substituted, so the customer
id and e.g. the provisioning-key association type are part of the key). Items live in
insertion-ordered dicts; a list of the values is cached for paging and kept valid on
appends and in-place updates, so a page costs a slice, not a walk of the collection.

With a database path every change is written to SQLite (WAL journal) and committed
before the caller gets an answer; on start the database is loaded back into memory.
"""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from typing import Any, Iterable

from .wire import dumps_text as _dumps

ZPA_ID_BASE = 216196257331280000
INT_ID_BASE = 100000


def _mt(obj: dict[str, Any]) -> bool:
    v = obj.get("microtenantId")
    return bool(v) and v != "0"


class Collection:
    """Items of one concrete collection path. ``scoped`` counts items owned by a ZPA microtenant.

    ``answers`` keeps, per way of answering (a route's representation plan), the JSON text a listing
    answers for each stored object, by the object's identity (``behaviors.represent.Represented``
    fills it). It relies on what the SQLite copy relies on: a stored object changes only through
    this class (``add``, ``replace``, ``remove``), which drops the object's texts."""

    __slots__ = ("items", "_values", "scoped", "answers")

    def __init__(self) -> None:
        self.items: dict[str, dict[str, Any]] = {}
        self._values: list[dict[str, Any]] | None = None
        self.scoped = 0
        self.answers: dict[Any, dict[int, str]] = {}

    def _forget(self, obj: dict[str, Any]) -> None:
        """Drop the answer texts of ``obj`` (it changed or left)."""
        for texts in self.answers.values():
            texts.pop(id(obj), None)

    def values(self) -> list[dict[str, Any]]:
        if self._values is None:
            self._values = list(self.items.values())
        return self._values

    def add(self, oid: str, obj: dict[str, Any]) -> None:
        if oid in self.items:
            self.replace(oid, obj)
            return
        self.items[oid] = obj
        if _mt(obj):
            self.scoped += 1
        if self._values is not None:
            self._values.append(obj)

    def replace(self, oid: str, obj: dict[str, Any]) -> dict[str, Any]:
        """Swap the content of the stored object in place (keeps the cached list valid)."""
        cur = self.items[oid]
        if self.answers:
            self._forget(cur)
        if cur is not obj:
            self.scoped -= _mt(cur)
            cur.clear()
            cur.update(obj)
            self.scoped += _mt(cur)
        return cur

    def remove(self, oid: str) -> dict[str, Any] | None:
        obj = self.items.pop(oid, None)
        if obj is not None:
            if self.answers:
                self._forget(obj)
            self._values = None
            self.scoped -= _mt(obj)
        return obj

    def __len__(self) -> Any:
        return len(self.items)


class Store:
    def __init__(self, db_path: str | os.PathLike[str] | None = None):
        self.db_path: str | None = os.fspath(db_path) if db_path else None
        self.collections: dict[str, Collection] = {}
        self.singletons: dict[str, Any] = {}
        self.counters: dict[str, int] = {}
        self.meta: dict[str, str] = {}
        self.db: sqlite3.Connection | None = None
        if self.db_path:
            self._open()

    # -- persistence ---------------------------------------------------------------
    def _open(self) -> None:
        if self.db_path is None:
            raise RuntimeError("Store._open needs a db_path")
        db = sqlite3.connect(self.db_path, check_same_thread=False, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode: a commit survives the process being killed (not a power cut)
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(
            """
            CREATE TABLE IF NOT EXISTS objects (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                coll TEXT NOT NULL, oid TEXT NOT NULL, body TEXT NOT NULL,
                UNIQUE (coll, oid));
            CREATE TABLE IF NOT EXISTS singletons (key TEXT PRIMARY KEY, body TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """
        )
        self.db = db
        for coll, oid, body in db.execute("SELECT coll, oid, body FROM objects ORDER BY seq"):
            c = self.collections.get(coll)
            if c is None:
                c = self.collections[coll] = Collection()
            c.add(oid, json.loads(body))
        for key, body in db.execute("SELECT key, body FROM singletons"):
            self.singletons[key] = json.loads(body)
        for key, value in db.execute("SELECT key, value FROM meta"):
            if key.startswith("counter:"):
                self.counters[key[8:]] = int(value)
            else:
                self.meta[key] = value

    def close(self) -> None:
        if self.db is not None:
            try:
                self.db.close()
            finally:
                self.db = None

    def _tx(self, statements: Iterable[tuple[str, Any]]) -> None:
        db = self.db
        if db is None:
            return
        db.execute("BEGIN")
        try:
            for sql, args in statements:
                if isinstance(args, list):
                    db.executemany(sql, args)
                else:
                    db.execute(sql, args)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def set_meta(self, key: str, value: str) -> None:
        self.meta[key] = value
        self._tx([("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))])

    # -- ids -------------------------------------------------------------------------
    def new_ids(self, product: str, style: str, count: int = 1) -> list[Any]:
        if style == "uuid":
            return [str(uuid.uuid4()) for _ in range(count)]
        start = self.counters.get(product, 0) + 1
        self.counters[product] = start + count - 1
        if style == "zpa":
            return [str(ZPA_ID_BASE + i) for i in range(start, start + count)]
        return list(range(INT_ID_BASE + start, INT_ID_BASE + start + count))

    def _counter_stmt(self, product: str) -> Any:
        return (
            "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
            (f"counter:{product}", str(self.counters.get(product, 0))),
        )

    # -- collections -----------------------------------------------------------------
    def collection(self, key: str) -> Collection | None:
        return self.collections.get(key)

    def insert(self, key: str, oid: str, obj: dict[str, Any], product: str | None = None) -> dict[str, Any]:
        c = self.collections.get(key)
        if c is None:
            c = self.collections[key] = Collection()
        if self.db is not None:
            stmts = [(
                "INSERT INTO objects(coll, oid, body) VALUES (?, ?, ?) "
                "ON CONFLICT(coll, oid) DO UPDATE SET body = excluded.body",
                (key, oid, _dumps(obj)),
            )]
            if product:
                stmts.append(self._counter_stmt(product))
            self._tx(stmts)
        c.add(oid, obj)
        return obj

    def bulk_insert(self, key: str, pairs: list[tuple[str, dict[str, Any]]], product: str | None = None) -> None:
        c = self.collections.get(key)
        if c is None:
            c = self.collections[key] = Collection()
        if self.db is not None:
            stmts: list[Any] = [(
                "INSERT INTO objects(coll, oid, body) VALUES (?, ?, ?) "
                "ON CONFLICT(coll, oid) DO UPDATE SET body = excluded.body",
                [(key, oid, _dumps(obj)) for oid, obj in pairs],
            )]
            if product:
                stmts.append(self._counter_stmt(product))
            self._tx(stmts)
        items = c.items
        if not items:
            items.update(pairs)
            c._values = None
            c.scoped = sum(1 for _, o in pairs if _mt(o))
        else:
            for oid, obj in pairs:
                c.add(oid, obj)

    def update(self, key: str, oid: str, obj: dict[str, Any]) -> dict[str, Any]:
        c = self.collections[key]
        if self.db is not None:
            self._tx([("UPDATE objects SET body = ? WHERE coll = ? AND oid = ?", (_dumps(obj), key, oid))])
        return c.replace(oid, obj)

    def delete(self, key: str, oid: str) -> dict[str, Any] | None:
        c = self.collections.get(key)
        if c is None or oid not in c.items:
            return None
        if self.db is not None:
            self._tx([("DELETE FROM objects WHERE coll = ? AND oid = ?", (key, oid))])
        return c.remove(oid)

    # -- singletons ------------------------------------------------------------------
    def put_singleton(self, key: str, obj: Any) -> Any:
        if self.db is not None:
            self._tx([("INSERT OR REPLACE INTO singletons(key, body) VALUES (?, ?)", (key, _dumps(obj)))])
        self.singletons[key] = obj
        return obj

    def delete_singleton(self, key: str) -> Any:
        if key not in self.singletons:
            return None
        if self.db is not None:
            self._tx([("DELETE FROM singletons WHERE key = ?", (key,))])
        return self.singletons.pop(key)

    # -- whole state -----------------------------------------------------------------
    def reset(self) -> None:
        self.collections.clear()
        self.singletons.clear()
        self.counters.clear()
        self._tx([
            ("DELETE FROM objects", ()),
            ("DELETE FROM singletons", ()),
            ("DELETE FROM meta WHERE key LIKE 'counter:%'", ()),
        ])

    def dump(self) -> dict[str, Any]:
        return {
            "collections": {k: [dict(o) for o in c.values()] for k, c in self.collections.items() if len(c)},
            "singletons": {k: v for k, v in self.singletons.items()},
        }
