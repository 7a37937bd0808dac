"""``zscaler.tools.plan`` / ``apply``: put an export's configuration into a tenant.

The export and the target are compared in name form (:mod:`.refs`), file by file in dependency
order (:mod:`.order`). A record missing in the target is created, a differing one updated (the
target's id kept), and with ``prune`` a record the export lacks is deleted (in reverse order, after
the rest). References are resolved to the target's ids when the request is sent, so a record may
refer to one created earlier in the same apply. Rules are created in their order; where the product
has a reorder endpoint (ZPA policy sets) the order is set with it afterwards. Written ZIA/ZTW
changes are activated at the end. Secrets: a placeholder left in a record refuses that record
(fill the export file, or pass ``secrets={placeholder or "<file key>:<record>:<field>": value}``);
secret values are never compared (they cannot be read back).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from .. import binding, catalog, redaction
from . import canonical, order, refs
from .differ import FieldChange, _show, field_changes
from .exporter import load, read
from .targets import DERIVED, SERVER_SECRETS, Target, find


class PlanError(ValueError):
    """A record that can not be applied as it is (a secret placeholder left, a reference the target lacks)."""


@dataclass
class Action:
    kind: str  # create | update | delete | reorder | settings | activate
    resource: str
    record: str = ""
    fields: list[FieldChange] = field(default_factory=list)
    # the desired record in name form (create / update / settings) or names in order (reorder); it may hold
    # secret values (a filled export file), so it is never part of the repr
    body: Any = field(default=None, repr=False)
    target_id: Any = None

    def describe(self) -> str:
        mark = {"create": "+", "update": "~", "delete": "-", "reorder": "↕", "settings": "~", "activate": "!"}
        return f"{mark.get(self.kind, '?')} {self.kind:8} {self.resource} {self.record}".rstrip()


@dataclass
class Plan:
    actions: list[Action]
    kept: list[tuple[str, str]] = field(default_factory=list)  # target records the export lacks (no --prune)
    read_only: list[tuple[str, str]] = field(default_factory=list)  # differences in resources without writes
    failed_reads: list[str] = field(default_factory=list)
    live_ids: dict[tuple[str, str], Any] = field(default_factory=dict)
    live_microtenants: dict[tuple[str, str], str] = field(default_factory=dict)  # ZPA: the owner of a live record

    @property
    def changes(self) -> list[Action]:
        return [a for a in self.actions if a.kind != "activate"]

    def render(self) -> str:
        lines: list[str] = []
        for a in self.actions:
            lines.append(a.describe())
            lines += [f"      {f.path}: {_show(f.old)} -> {_show(f.new)}" for f in a.fields[:20]]
        for key, name in self.kept:
            lines.append(f"  (kept, not in the export; --prune deletes it) {key} {name}")
        for key, name in self.read_only:
            lines.append(f"  (differs, but the API cannot write it) {key} {name}")
        for key in self.failed_reads:
            lines.append(f"  (target not readable: skipped) {key}")
        n = len(self.changes)
        lines.append(f"{n} change(s)" if n else "no changes: the tenant matches the export")
        return "\n".join(lines) + "\n"




def _without(record: Any, key: str, t: Target) -> Any:
    """The record as compared and sent: derived fields and (reorder-endpoint rules) the order left out."""
    if not isinstance(record, dict):
        return record
    drop = set(DERIVED.get(key, ()))
    if t.writes is not None and t.writes.reorder:
        drop |= {"ruleOrder"}
    return {k: v for k, v in record.items() if k not in drop}


def _compare_form(record: Any) -> Any:
    return canonical.blind(record)


def _empty_like(value: Any) -> Any:
    """What clears a field holding ``value`` on the wire: ``""`` for a text, ``[]`` for a list, else null."""
    return "" if isinstance(value, str) else [] if isinstance(value, list) else None


def with_cleared(want: Any, have: Any) -> Any:
    """``want`` with an explicit empty value for each field ``have`` (the live record) holds and ``want``
    lacks, at every depth of nested objects: a PUT that replaces the object clears the field either way,
    one that keeps what it is not sent clears it only so. Secrets (never read back) are never cleared."""
    if not isinstance(want, dict) or not isinstance(have, dict) or refs.REF in want:
        return want
    out = {k: with_cleared(v, have.get(k)) for k, v in want.items()}
    for k, v in have.items():
        if k not in want and not redaction.is_secret_key(k):
            out[k] = _empty_like(v)
    return out


def _diff_file(key: str, t: Target, want: Any, have: Any, idf: str, plan: Plan, prune: bool) -> list[Action]:
    out: list[Action] = []
    if t.kind == "singleton":
        if not want:
            return out
        fields = list(field_changes(_compare_form(have or {}), _compare_form(want)))
        if fields:
            out.append(Action("settings", key, "settings", fields, with_cleared(want, have)))
        return out
    wanted, present = dict(refs.keyed(want, idf)), dict(refs.keyed(have or [], idf))
    for name, rec in wanted.items():
        if name not in present:
            out.append(Action("create", key, name, body=rec))
            continue
        live = _without(present[name], key, t)
        fields = list(field_changes(_compare_form(live), _compare_form(_without(rec, key, t))))
        if fields:
            out.append(Action("update", key, name, fields, with_cleared(rec, live), plan.live_ids.get((key, name))))
    extra = [n for n in present if n not in wanted]
    if prune:
        out += [Action("delete", key, n, target_id=plan.live_ids.get((key, n))) for n in extra]
    else:
        plan.kept += [(key, n) for n in extra]
    if t.writes is not None and t.writes.reorder and canonical.order_field(want):
        names = list(wanted)
        now = [n for n in present if n in wanted] + [n for n in wanted if n not in present]
        if names != now:
            out.append(Action("reorder", key, "", body=names))
    return out


def microtenant_of(value: Any) -> str | None:
    """The ZPA microtenant id a record's ``microtenantId`` names; None for the parent tenant ("0", empty)."""
    if isinstance(value, (dict, list, bool)) or value in (None, "", "0", 0):
        return None
    return str(value)


def _owners(data: refs.Records, id_fields: dict[str, str]) -> dict[tuple[str, str], str]:
    """(file key, identity) -> microtenant id of every live record a microtenant owns (named as :class:`refs.Index`)."""
    out: dict[tuple[str, str], str] = {}
    for key, recs in data.items():
        for name, rec in refs.keyed(recs if isinstance(recs, list) else [], id_fields.get(key, "id")):
            mt = microtenant_of(rec.get("microtenantId"))
            if mt is not None:
                out[(key, name)] = mt
    return out


def _id_fields(keys: Iterable[str]) -> dict[str, str]:
    out = {}
    for k in keys:
        try:
            out[k] = find(k).id_field
        except ValueError:
            out[k] = "id"
    return out


def plan(client: Any, source: str, *, prune: bool = False, only: Iterable[str] | None = None) -> Plan:
    """What :func:`apply` would do to make the tenant of ``client`` match the export in ``source``."""
    manifest, data = load(source)
    missing = sorted(set(only or ()) - set(data))
    if missing:
        raise ValueError(f"{', '.join(missing)}: not exported in {source} (see its manifest.json resources)")
    keys = [k for k in data if only is None or k in set(only)]
    idf = _id_fields(keys)
    want = canonical.canonical({k: data[k] for k in keys}, idf, "cross-tenant", "keep") \
        if manifest.get("mode") != "cross-tenant" else {k: canonical.strip_volatile(data[k]) for k in keys}
    live = read(client, sorted({k.split("/")[0] for k in keys}), only=keys)
    live_idx = refs.Index.build(live.data, idf)
    have = canonical.canonical(live.data, idf, "cross-tenant", "placeholder", index=live_idx)
    p = Plan([], live_ids=dict(live_idx.by_name), live_microtenants=_owners(live.data, idf))
    p.failed_reads = [e.key for e in live.entries if e.status != "ok"]
    deletes: list[Action] = []
    for key in order.dependency_order(keys, want, None):
        t = find(key)
        if key in p.failed_reads:
            continue
        kept = len(p.kept)
        acts = _diff_file(key, t, want[key], have.get(key), idf[key], p, prune)
        if not t.writable:
            del p.kept[kept:]  # nothing to keep or prune where the API writes nothing
            p.read_only += [(key, a.record) for a in acts if a.kind not in ("delete", "reorder")]
            continue
        p.actions += [a for a in acts if a.kind != "delete"]
        deletes = [a for a in acts if a.kind == "delete"] + deletes
    p.actions += deletes
    written = sorted(w for w in {a.resource.split("/")[0] for a in p.actions} if catalog.facts(w).activation)
    p.actions += [Action("activate", w) for w in written]
    return p


# ------------------------------------------------------------------------------------------ apply

@dataclass
class ApplyResult:
    done: list[Action] = field(default_factory=list)
    failed: list[tuple[Action, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed


def _fill_secrets(value: Any, secrets: Mapping[str, str], where: str) -> Any:
    """Placeholders replaced from ``secrets``; a server-generated secret's field left out; else PlanError."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if canonical.is_placeholder(v):
                inner = v[len(canonical.PLACEHOLDER):-1]
                if v in secrets or inner in secrets:
                    out[k] = secrets.get(v, secrets.get(inner))
                elif k in SERVER_SECRETS:
                    continue
                else:
                    raise PlanError(f"{where}: field {k!r} holds the secret placeholder {v}; put the value in the "
                                    f"export file or pass it (--secret '{inner}=VALUE')")
            else:
                out[k] = _fill_secrets(v, secrets, where)
        return out
    if isinstance(value, list):
        return [_fill_secrets(x, secrets, where) for x in value]
    return value


class _Writer:
    """Sends an apply's requests through the client's generated resource (its executor and layers)."""

    def __init__(self, client: Any, plan: Plan, secrets: Mapping[str, str]) -> None:
        self.client, self.secrets = client, secrets
        self.ids: dict[tuple[str, str], Any] = dict(plan.live_ids)
        self.owners = plan.live_microtenants
        self.parents: dict[tuple[str, str], str] = {}

    def call(self, t: Target) -> binding.Call:
        api = getattr(getattr(self.client, t.product), t.resource)
        return binding.Call(api, api._resource.op(t.list_op), {})

    def lookup(self, key: str, name: str) -> Any:
        found = self.ids.get((key, name))
        if found is None:
            raise PlanError(f"refers to {key} {name!r}, which the target tenant does not have")
        return found

    def path(self, t: Target, template: str, oid: Any = None, query: dict[str, str] | None = None) -> str:
        out = template.replace("{id}", str(oid))
        for k, v in t.args.items():
            out = out.replace("{" + k + "}", v)
        if "{parent}" in out and t.writes is not None and t.writes.lookup:
            at = (t.key, (query or {}).get("microtenantId", ""))
            if at not in self.parents:
                got = self.call(t).request("GET", self.path(t, t.writes.lookup), query)
                self.parents[at] = str(got["id"])
            out = out.replace("{parent}", self.parents[at])
        return out

    def body(self, a: Action, t: Target) -> Any:
        where = f"{a.resource} {a.record!r}"
        rec = _without(a.body, a.resource, t)
        try:
            rec = refs.resolve(rec, self.lookup)
        except PlanError as exc:
            raise PlanError(f"{where}: {exc}") from None
        return _fill_secrets(rec, self.secrets, where)

    def owner(self, a: Action, body: Any = None) -> dict[str, str] | None:
        """The ``microtenantId`` query of a ZPA write: the new record's owner (create), the live one's (else)."""
        if a.kind == "create":
            mt = microtenant_of(body.get("microtenantId")) if isinstance(body, dict) else None
        else:
            mt = self.owners.get((a.resource, a.record))
        return {"microtenantId": mt} if mt else None

    def run(self, a: Action) -> None:
        if a.kind == "activate":
            return
        t = find(a.resource)
        call = self.call(t)
        if a.kind == "settings":
            call.request(t.update_verb, self.path(t, t.path), body=self.body(a, t))
        elif a.kind == "create":
            assert t.create is not None
            body = self.body(a, t)
            q = self.owner(a, body)
            got = call.request("POST", self.path(t, t.create, query=q), q, body=body)
            if isinstance(got, dict) and got.get(t.id_field) is not None:
                self.ids[(a.resource, a.record)] = got[t.id_field]
        elif a.kind == "update":
            assert t.item is not None
            oid, q = self.ids[(a.resource, a.record)], self.owner(a)
            call.request(t.update_verb, self.path(t, t.item, oid, q), q, body={**self.body(a, t), t.id_field: oid})
        elif a.kind == "delete":
            assert t.item is not None
            q = self.owner(a)
            call.request("DELETE", self.path(t, t.item, self.ids[(a.resource, a.record)], q), q, read_body=False)
        elif a.kind == "reorder":
            assert t.writes is not None and t.writes.reorder
            ids = [self.lookup(a.resource, n) for n in a.body]
            call.request("PUT", self.path(t, t.writes.reorder), body=ids, read_body=False)


def apply(client: Any, source: str | Plan, *, prune: bool = False, secrets: Mapping[str, str] | None = None,
          only: Iterable[str] | None = None) -> ApplyResult:
    """Make the tenant of ``client`` match the export ``source`` (a directory, or a :func:`plan`).

    Every action is tried; a failed one (a refused placeholder, an API error) is recorded and the
    rest goes on (records referring to a failed create fail in turn). Written ZIA/ZTW changes are
    activated at the end. Re-running on a tenant that matches does nothing.
    """
    p = source if isinstance(source, Plan) else plan(client, source, prune=prune, only=only)
    given = dict(secrets or {})
    redaction.register(*given.values())  # masked in the client's logs and errors like its own credentials
    w = _Writer(client, p, given)
    out = ApplyResult()
    for a in p.actions:
        try:
            w.run(a)
        except Exception as exc:  # noqa: BLE001 - recorded; the remaining actions still run
            out.failed.append((a, str(exc)))
        else:
            out.done.append(a)
    if any(a.kind == "activate" for a in p.actions) and hasattr(client, "activate_written"):
        for product, err in (client.activate_written() or {}).items():
            if err is not None:
                out.failed.append((Action("activate", product), str(err)))
    return out
