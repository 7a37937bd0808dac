"""``zscaler.tools.export``: every readable resource of a tenant into a directory of canonical JSON.

Layout: ``<dir>/manifest.json`` and one file per resource, ``<dir>/<product>/<resource>.json``
(a JSON array of records; a settings object for a singleton). Reads go through the client's
generated list methods and every page of every listing (``iter_all``), so retries, rate limits and
redaction apply. A ZPA list that takes a microtenant id (:data:`~.targets.MICROTENANT_LISTS`) is read
once more per microtenant: the objects a microtenant owns join the file (each once) with their
``microtenantId``. A 401/403/404 answer marks the resource ``skipped`` (not licensed, not allowed)
and the export goes on; any other failure marks it ``error`` and is listed in ``errors.json``.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .. import __version__, binding, catalog
from ..model import ZscalerObject
from . import canonical, order, refs
from .targets import MICROTENANTS, Target, find, products as default_products, targets

FORMAT = "zscaler-tenant-export"
VERSION = 1
SKIP_STATUSES = frozenset({401, 403, 404})

#: exit codes of ``zscaler export`` beside the CLI's own: some resources failed
EXIT_PARTIAL = 6

Progress = Callable[[str, int, int, int, str], None]  # (file key, index, total, records so far, state)


@dataclass
class Entry:
    """One resource of an export: where it is read, how it went."""

    key: str
    kind: str
    path: str
    status: str = "ok"  # ok | skipped | error
    count: int = 0
    reason: str = ""
    writable: bool = False


@dataclass
class Reading:
    """What :func:`read` got: raw records by file key and how each resource went."""

    data: refs.Records = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    id_fields: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Entry]:
        return [e for e in self.entries if e.status == "error"]


@dataclass
class ExportResult:
    directory: Path
    entries: list[Entry]
    data: refs.Records
    mode: str

    @property
    def errors(self) -> list[Entry]:
        return [e for e in self.entries if e.status == "error"]

    @property
    def skipped(self) -> list[Entry]:
        return [e for e in self.entries if e.status == "skipped"]

    @property
    def exit_code(self) -> int:
        return EXIT_PARTIAL if self.errors else 0


def _wire(item: Any) -> Any:
    if isinstance(item, ZscalerObject):
        return item.request_format()
    return item


def _status(exc: BaseException) -> int | None:
    v = getattr(exc, "status_code", None) or getattr(exc, "status", None)
    return v if isinstance(v, int) else None


def _list(client: Any, t: Target, on_page: Callable[[int], None], query: dict[str, str] | None = None) -> Any:
    api = getattr(getattr(client, t.product), t.resource)
    kw: dict[str, Any] = dict(t.args)
    if query:
        kw["query_params"] = dict(query)
    result, resp, err = binding.call_result(api, t.list_op, **kw)
    if err is not None:
        raise err
    if t.kind == "singleton":
        return _wire(result) if result is not None else {}
    if resp is None or not hasattr(resp, "iter_all"):
        return [_wire(i) for i in result or []]
    out: list[Any] = []
    for item in resp.iter_all():
        out.append(_wire(item))
        if len(out) % 100 == 0:
            on_page(len(out))
    return [o for o in out if isinstance(o, dict)]


def _seen_key(record: dict[str, Any], id_field: str) -> str:
    oid = record.get(id_field)
    return f"id:{oid}" if oid is not None else canonical.dumps(record)


def _owned(client: Any, t: Target, parent: list[dict[str, Any]], microtenants: Iterable[str],
           on_page: Callable[[int], None]) -> list[dict[str, Any]]:
    """The records of each microtenant the parent view did not show, each once, with its ``microtenantId``."""
    seen = {_seen_key(r, t.id_field) for r in parent}
    out: list[dict[str, Any]] = []
    for mt in microtenants:
        for rec in _list(client, t, on_page, {"microtenantId": mt}):
            k = _seen_key(rec, t.id_field)
            if k not in seen:
                seen.add(k)
                out.append({**rec, "microtenantId": rec.get("microtenantId") or mt})
    return out


def _read_one(client: Any, t: Target, on_page: Callable[[int], None], microtenants: Iterable[str] = ()) -> Any:
    """The records of ``t``: the parent tenant's view, then (a microtenant-scoped ZPA list) each microtenant's."""
    value = _list(client, t, on_page)
    if t.kind != "collection" or not t.scoped:
        return value
    return value + _owned(client, t, value, microtenants, on_page)


def microtenant_ids(client: Any, data: refs.Records | None = None) -> list[str]:
    """The ids of the tenant's ZPA microtenants (from ``data`` when it holds them), the Default one ("0")
    left out; none when they cannot be read (not licensed, not allowed): the export reads the parent view."""
    recs = (data or {}).get(MICROTENANTS)
    if not isinstance(recs, list):
        try:
            recs = _list(client, find(MICROTENANTS), lambda n: None)
        except Exception:  # noqa: BLE001 - no microtenants readable: the parent tenant's view only
            recs = []
    return sorted({str(r.get("id")) for r in recs if isinstance(r, dict) and str(r.get("id") or "0") != "0"})


def select(products: Iterable[str] | None = None, only: Iterable[str] | None = None) -> list[Target]:
    """The targets of ``products`` (default: every product with writable resources), or the ``only`` keys."""
    chosen = list(products) if products else list(default_products())
    for p in chosen:
        if p not in catalog.products():
            raise ValueError(f"product {p!r} is not known; products: {', '.join(catalog.products())}")
    ts = {t.key: t for p in chosen for t in targets(p)}
    if only is not None:
        wanted = set(only)
        unknown = sorted(wanted - set(ts))
        if unknown:
            raise ValueError(f"{', '.join(unknown)}: not a resource key of {', '.join(chosen)} "
                             "(keys as in an export's manifest: zpa/segment_groups ...)")
        ts = {k: t for k, t in ts.items() if k in wanted}
    edges: dict[str, set[str]] = {}
    for p in chosen:
        edges.update(order.catalog_edges(p))
    return [ts[k] for k in order.sort(ts, edges)]


def read(client: Any, products: Iterable[str] | None = None, *, only: Iterable[str] | None = None,
         progress: Progress | None = None) -> Reading:
    """Read every target (raw wire records); failures are recorded, never raised."""
    ts = select(products, only)
    out = Reading()
    microtenants: list[str] | None = None
    for i, t in enumerate(ts, 1):
        entry = Entry(t.key, t.kind, t.path, writable=t.writable)
        out.id_fields[t.key] = t.id_field

        def note(n: int, t: Target = t, i: int = i) -> None:
            if progress:
                progress(t.key, i, len(ts), n, "reading")

        note(0)
        if t.scoped and microtenants is None:
            microtenants = microtenant_ids(client, out.data)
        try:
            value = _read_one(client, t, note, microtenants or ())
        except Exception as exc:  # noqa: BLE001 - every failure is recorded, the export goes on
            status = _status(exc)
            entry.status = "skipped" if status in SKIP_STATUSES else "error"
            entry.reason = f"HTTP {status}: {exc}" if status else f"{type(exc).__name__}: {exc}"
        else:
            if value or t.kind == "collection":  # an empty settings object: nothing set, nothing written
                out.data[t.key] = value
            entry.count = len(value) if isinstance(value, list) else int(bool(value))
        out.entries.append(entry)
        if progress:
            progress(t.key, i, len(ts), entry.count, entry.status)
    return out


def _tenant(client: Any) -> dict[str, Any]:
    cfg = client.get_config() if hasattr(client, "get_config") else {}
    inner = cfg.get("client", cfg) if isinstance(cfg, dict) else {}
    return {k: inner.get(k) for k in ("vanityDomain", "customerId", "cloud") if inner.get(k)}


def _check_target(root: Path) -> None:
    """An export goes to a new or empty directory, or over an earlier export (never over other files)."""
    if not root.exists():
        return
    if not root.is_dir():
        raise ValueError(f"{root}: exists and is not a directory")
    if any(root.iterdir()) and not (root / "manifest.json").exists():
        raise ValueError(f"{root}: not empty and not an earlier export (no manifest.json); "
                         "export into a new or empty directory")


def write(directory: str | os.PathLike[str], data: refs.Records, entries: list[Entry], mode: str,
          secrets: str, tenant: dict[str, Any]) -> Path:
    """Write the files, ``manifest.json`` and (when some failed) ``errors.json``; stale files are removed."""
    root = Path(directory)
    _check_target(root)
    root.mkdir(parents=True, exist_ok=True)
    for product in catalog.products():  # the files of an earlier export: a resource gone is no stale file
        for old in (root / product).glob("*.json"):
            old.unlink()
    for key, value in data.items():
        f = root / f"{key}.json"
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text(canonical.dumps(value), encoding="utf-8")
    deps = order.dependency_order([e.key for e in entries if e.key in data], data,
                                  refs.Index.build(data, {}) if mode == "same-tenant" else None)
    manifest = {
        "format": FORMAT, "version": VERSION, "sdk": __version__, "mode": mode, "secrets": secrets,
        "tenant": tenant, "exportedAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "order": deps,
        "resources": {e.key: {k: v for k, v in asdict(e).items() if k != "key" and v not in ("", None)}
                      for e in sorted(entries, key=lambda e: e.key)},
    }
    (root / "manifest.json").write_text(canonical.dumps(manifest), encoding="utf-8")
    errors = [asdict(e) for e in entries if e.status == "error"]
    err_file = root / "errors.json"
    if errors:
        err_file.write_text(canonical.dumps(errors), encoding="utf-8")
    elif err_file.exists():
        err_file.unlink()
    return root


def export(client: Any, directory: str | os.PathLike[str], products: Iterable[str] | None = None, *,
           mode: str = "same-tenant", secrets: str = "placeholder", only: Iterable[str] | None = None,
           progress: Progress | None = None) -> ExportResult:
    """Export the tenant ``client`` reaches into ``directory`` (see the module description).

    ``mode``: ``same-tenant`` (ids kept) or ``cross-tenant`` (ids dropped, references by name);
    ``secrets``: ``placeholder`` (default), ``omit`` or ``keep`` (the values, in clear: keep such a
    directory out of git). Returns what was written; ``exit_code`` is non-zero when a resource failed.
    """
    canonical.check_mode(mode, canonical.MODES, "mode")
    canonical.check_mode(secrets, canonical.SECRET_MODES, "secrets")
    got = read(client, products, only=only, progress=progress)
    data = canonical.canonical(got.data, got.id_fields, mode, secrets)
    root = write(directory, data, got.entries, mode, secrets, _tenant(client))
    return ExportResult(root, got.entries, data, mode)


def load(directory: str | os.PathLike[str]) -> tuple[dict[str, Any], refs.Records]:
    """(manifest, records by file key) of an export directory; ValueError when it is not one."""
    root = Path(directory)
    try:
        manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{root}: not a tenant export (no manifest.json)") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{root}/manifest.json: not JSON ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ValueError(f"{root}/manifest.json: not a tenant export manifest (format {FORMAT!r})")
    data: refs.Records = {}
    for key, info in (manifest.get("resources") or {}).items():
        f = root / f"{key}.json"
        if info.get("status", "ok") == "ok" and f.exists():
            try:
                data[key] = json.loads(f.read_text(encoding="utf-8"))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{f}: not JSON ({exc})") from None
    return manifest, data
