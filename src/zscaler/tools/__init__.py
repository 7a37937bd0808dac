"""Tenant export, canonical form, drift diff, plan and apply (issue #21; docs/export.md).

``export(client, dir)`` writes a tenant's configuration as canonical JSON files, ``diff(a, b)``
compares two exports (or an export and ``"live"``), ``plan(client, dir)`` says what ``apply(client,
dir)`` would change to make the tenant match an export. Loaded on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:  # pragma: no cover
    from .differ import Diff, Side
    from .exporter import ExportResult
    from .planner import ApplyResult, Plan

__all__ = ["export", "diff", "plan", "apply", "side"]


def export(client: Any, directory: str, products: Iterable[str] | None = None, **options: Any) -> "ExportResult":
    """Export the tenant of ``client`` into ``directory`` (see :func:`zscaler.tools.export.export`)."""
    from .exporter import export as run

    return run(client, directory, products, **options)


def side(source: Any, client: Any = None, products: Iterable[str] | None = None,
         only: Iterable[str] | None = None) -> "Side":
    """A diff side: an export directory, or ``"live"`` (the tenant of ``client``, read now: the
    ``only`` resource keys, else every resource of ``products``)."""
    from . import canonical
    from .differ import Side
    from .exporter import load, read
    from .planner import _id_fields

    if source == "live":
        if client is None:
            raise ValueError("source 'live' needs a client (the tenant to read)")
        keys = list(only) if only is not None else None
        chosen = sorted({k.split("/")[0] for k in keys}) if keys is not None else products
        got = read(client, chosen, only=keys)
        return Side("live", "same-tenant", canonical.canonical(got.data, got.id_fields), got.id_fields,
                    [e.key for e in got.entries if e.status != "ok"])
    manifest, data = load(source)
    return Side(str(source), str(manifest.get("mode", "same-tenant")), data, _id_fields(data))


def diff(a: Any, b: Any, client: Any = None, *, ids: bool = False,
         products: Iterable[str] | None = None) -> "Diff":
    """What changed from ``a`` to ``b`` (export directories, ``"live"``, or :func:`side` values)."""
    from .differ import Side, diff as run

    sa = a if isinstance(a, Side) or a == "live" else side(a)
    sb = b if isinstance(b, Side) or b == "live" else side(b)
    # a live side reads what the other side holds (every resource of ``products`` when both are live)
    if a == "live":
        sa = side("live", client, products, None if sb == "live" else _keys(sb))
    if b == "live":
        sb = side("live", client, products, None if isinstance(sa, str) else _keys(sa))
    return run(sa, sb, ids=ids)


def _keys(s: "Side") -> list[str]:
    return list(s.data)


def plan(client: Any, source: str, **options: Any) -> "Plan":
    """What :func:`apply` would do (see :func:`zscaler.tools.plan.plan`)."""
    from .planner import plan as run

    return run(client, source, **options)


def apply(client: Any, source: Any, **options: Any) -> "ApplyResult":
    """Make the tenant of ``client`` match the export ``source`` (see :func:`zscaler.tools.plan.apply`)."""
    from .planner import apply as run

    return run(client, source, **options)
