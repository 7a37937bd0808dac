"""``zscaler.tools.diff``: added, removed and changed records between two exports (or an export and
the live tenant), by record identity, with field paths and old/new values.

Both sides are compared in name form by default (ids dropped, references by name: a record deleted
and recreated with the same content is not drift); ``ids=True`` compares same-tenant exports as
they are. The JSON form (:meth:`Diff.as_json`) is documented in docs/export.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from . import canonical, refs

FORMAT = "zscaler-tenant-diff"
VERSION = 1
ABSENT: Any = object()


@dataclass
class Side:
    """One side of a diff: a label, its mode and canonical records by file key."""

    label: str
    mode: str
    data: refs.Records
    id_fields: dict[str, str] = field(default_factory=dict)
    unreadable: list[str] = field(default_factory=list)  # live resources that could not be read (left out)


@dataclass
class FieldChange:
    path: str
    old: Any = ABSENT
    new: Any = ABSENT

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path}
        if self.old is not ABSENT:
            out["old"] = self.old
        if self.new is not ABSENT:
            out["new"] = self.new
        return out


@dataclass
class Change:
    resource: str
    record: str
    change: str  # added | removed | changed
    fields: list[FieldChange] = field(default_factory=list)
    value: Any = None  # the record, for added / removed

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"resource": self.resource, "record": self.record, "change": self.change}
        if self.change == "changed":
            out["fields"] = [f.as_json() for f in self.fields]
        else:
            out["value"] = self.value
        return out


@dataclass
class Diff:
    a: str
    b: str
    mode: str
    changes: list[Change]
    unreadable: list[str] = field(default_factory=list)

    @property
    def drift(self) -> bool:
        return bool(self.changes)

    def summary(self) -> dict[str, int]:
        out = {k: sum(1 for c in self.changes if c.change == k) for k in ("added", "removed", "changed")}
        out["resources"] = len({c.resource for c in self.changes})
        return out

    def as_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "a": self.a, "b": self.b, "mode": self.mode,
                "summary": self.summary(), "changes": [c.as_json() for c in self.changes],
                "unreadable": self.unreadable}

    def render(self) -> str:
        """The terminal view: one block per resource, ``+`` added, ``-`` removed, ``~`` changed."""
        lines = [f"(not compared: could not be read live) {k}" for k in self.unreadable]
        if not self.changes:
            return "".join(f"{x}\n" for x in lines) + f"no drift between {self.a} and {self.b}\n"
        current = None
        for c in self.changes:
            if c.resource != current:
                current = c.resource
                lines.append(current)
            mark = {"added": "+", "removed": "-", "changed": "~"}[c.change]
            lines.append(f"  {mark} {c.record}")
            for f in c.fields:
                lines.append(f"      {f.path}: {_show(f.old)} -> {_show(f.new)}")
        s = self.summary()
        lines.append(f"{s['added']} added, {s['removed']} removed, {s['changed']} changed "
                     f"in {s['resources']} resource(s) ({self.a} -> {self.b})")
        return "\n".join(lines) + "\n"


def _show(v: Any) -> str:
    if v is ABSENT:
        return "(absent)"
    text = canonical._text(v)
    return text if len(text) <= 120 else text[:117] + "..."


def field_changes(old: Any, new: Any, path: str = "") -> Iterator[FieldChange]:
    """The differing leaves of two JSON values (lists of another length change as a whole)."""
    if isinstance(old, dict) and isinstance(new, dict):
        for k in sorted(set(old) | set(new)):
            at = f"{path}.{k}" if path else k
            yield from field_changes(old.get(k, ABSENT), new.get(k, ABSENT), at)
    elif isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (x, y) in enumerate(zip(old, new)):
            yield from field_changes(x, y, f"{path}[{i}]")
    elif old is ABSENT or new is ABSENT or canonical._text(old) != canonical._text(new):
        yield FieldChange(path or "(record)", old, new)


def _named(side: Side, ids: bool) -> refs.Records:
    """The side as compared: name form unless ``ids``; secrets as placeholders (a ``keep`` export's values
    are never shown, and a secret is no drift)."""
    mode = "same-tenant" if ids else "cross-tenant"
    return canonical.canonical(side.data, side.id_fields, mode, "placeholder")


def _records(value: Any, id_field: str) -> dict[str, Any]:
    if isinstance(value, dict):
        return {"settings": value}
    return dict(refs.keyed(value or [], id_field))


def diff(a: Side, b: Side, *, ids: bool = False) -> Diff:
    """What changed from ``a`` to ``b`` (see the module description)."""
    if ids and "cross-tenant" in (a.mode, b.mode):
        raise ValueError("ids=True compares ids: both sides must be same-tenant exports")
    da, db = _named(a, ids), _named(b, ids)
    changes: list[Change] = []
    unreadable = sorted(set(a.unreadable) | set(b.unreadable))
    for key in sorted((set(da) | set(db)) - set(unreadable)):
        idf = a.id_fields.get(key) or b.id_fields.get(key) or "id"
        ra, rb = _records(da.get(key, []), idf), _records(db.get(key, []), idf)
        for name in sorted(set(ra) | set(rb)):
            if name not in rb:
                changes.append(Change(key, name, "removed", value=ra[name]))
            elif name not in ra:
                changes.append(Change(key, name, "added", value=rb[name]))
            else:
                fields = list(field_changes(ra[name], rb[name]))
                if fields:
                    changes.append(Change(key, name, "changed", fields))
    return Diff(a.label, b.label, "same-tenant" if ids else "cross-tenant", changes, unreadable)
