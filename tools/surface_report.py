#!/usr/bin/env python3
"""Compare the package's public surface with the official SDK inventory.

    python tools/surface_report.py [--strict] [--inventory DIR] [product ...]

For every resource attribute and public method the inventory lists, check that the
package has it with the same parameter names, kinds, order and defaults. The package's
surface comes from the generated resource classes when ``zscaler.binding`` provides
``resource_class(product, attribute)`` (``inspect.signature`` of each method), otherwise
from the catalog records (``zscaler.catalog.load`` + ``Op.params``).

A method whose signature only *adds* optional parameters after the official ones (every
call the official signature accepts binds the same way) counts as matching and is listed
as a compatible extension. Exit status is 0 unless ``--strict`` is given and some product
is below 100%.
"""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

#: the official SDK inventory, beside the repository (``../shared/zscaler-api/inventory``); ``--inventory DIR`` overrides
INVENTORY = ROOT.parent / "shared" / "zscaler-api" / "inventory"
CORE = ("zpa", "zia", "ztw", "zcc", "zdx", "zwa", "zid")
_MISSING = object()

Sig = list  # list of (name, kind, default-or-_MISSING)


@dataclass
class ProductReport:
    product: str
    source: str = "catalog"
    resources_total: int = 0
    resources_present: int = 0
    methods_total: int = 0
    methods_matching: int = 0
    missing_resources: list[str] = field(default_factory=list)
    missing_methods: list[str] = field(default_factory=list)
    mismatches: list[str] = field(default_factory=list)
    extensions: list[str] = field(default_factory=list)
    binding_errors: list[str] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * self.methods_matching / self.methods_total if self.methods_total else 100.0

    @property
    def complete(self) -> bool:
        return self.methods_matching == self.methods_total and self.resources_present == self.resources_total


def _inventory_sig(method: dict) -> Sig:
    out = []
    for p in method["parameters"]:
        default = _MISSING if p["default"] is None else ast.literal_eval(p["default"])
        out.append((p["name"], p["kind"], default))
    return out


def _catalog_sig(op) -> Sig:
    return [(p.name, p.kind, _MISSING if p.required or p.kind.startswith("var_") else p.default) for p in op.params]


_KINDS = {
    inspect.Parameter.POSITIONAL_ONLY: "positional_only",
    inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional_or_keyword",
    inspect.Parameter.KEYWORD_ONLY: "keyword_only",
    inspect.Parameter.VAR_POSITIONAL: "var_positional",
    inspect.Parameter.VAR_KEYWORD: "var_keyword",
}


def _callable_sig(fn) -> Sig:
    sig = inspect.signature(fn)
    params = list(sig.parameters.values())
    if params and params[0].name == "self":
        params = params[1:]
    return [(p.name, _KINDS[p.kind], _MISSING if p.default is inspect.Parameter.empty else p.default) for p in params]


def _fmt(sig: Sig) -> str:
    parts, star = [], False
    for name, kind, default in sig:
        if kind == "keyword_only" and not star:
            parts.append("*")
            star = True
        if kind == "var_positional":
            parts.append("*" + name)
            star = True
        elif kind == "var_keyword":
            parts.append("**" + name)
        elif default is _MISSING:
            parts.append(name)
        else:
            parts.append(f"{name}={default!r}")
    return ", ".join(parts)


def _same(a, b) -> bool:
    return (a is _MISSING and b is _MISSING) or (a is not _MISSING and b is not _MISSING and type(a) is type(b) and a == b)


def compare(official: Sig, ours: Sig) -> str:
    """``"match"``, ``"extension"`` (ours only adds optional parameters) or a mismatch description."""
    if len(official) == len(ours) and all(o[0] == u[0] and o[1] == u[1] and _same(o[2], u[2]) for o, u in zip(official, ours)):
        return "match"
    # compatible extension: official params appear in order with identical kind/default; extras are optional
    # and come after the last official positional parameter
    it = iter(enumerate(ours))
    positions = []
    for name, kind, default in official:
        for i, (n, k, d) in it:
            if n == name:
                if k != kind or not _same(default, d):
                    return f"differs: ({_fmt(ours)}) vs official ({_fmt(official)})"
                positions.append(i)
                break
        else:
            return f"differs: ({_fmt(ours)}) vs official ({_fmt(official)})"
    used = set(positions)
    last_pos = max([i for i, (_, k, _) in zip(positions, official) if k == "positional_or_keyword"], default=-1)
    for i, (n, k, d) in enumerate(ours):
        if i in used:
            continue
        if k not in ("var_keyword",) and d is _MISSING:
            return f"differs: ({_fmt(ours)}) vs official ({_fmt(official)}) (extra required `{n}`)"
        if k == "positional_or_keyword" and i < last_pos:
            return f"differs: ({_fmt(ours)}) vs official ({_fmt(official)}) (extra `{n}` shifts positions)"
    return "extension"


def _binding_resource_class():
    try:
        mod = importlib.import_module("zscaler.binding")
    except Exception:
        return None
    fn = getattr(mod, "resource_class", None)
    return fn if callable(fn) else None


def report(product: str, inventory: Path = INVENTORY, use_binding: bool = True) -> ProductReport:
    from zscaler import catalog

    inv = json.loads((inventory / f"{product}.json").read_text())
    rep = ProductReport(product)
    cat = catalog.load(product)
    resource_class = _binding_resource_class() if use_binding else None
    if resource_class is not None:
        rep.source = "binding"
    for res in inv["resources"]:
        attr = res["attribute"]
        rep.resources_total += 1
        rep.methods_total += len(res["methods"])
        cls = None
        try:
            cat_res = cat.resource(attr)
        except AttributeError:
            cat_res = None
        if resource_class is not None:
            try:
                cls = resource_class(product, attr)
            except Exception as e:  # report it, then judge the catalog records
                rep.binding_errors.append(f"{attr}: {type(e).__name__}: {e}")
                cls = None
        if cat_res is None and cls is None:
            rep.missing_resources.append(attr)
            rep.missing_methods.extend(f"{attr}.{m['name']}" for m in res["methods"])
            continue
        rep.resources_present += 1
        for m in res["methods"]:
            qual = f"{attr}.{m['name']}"
            ours = None
            if cls is not None:
                fn = getattr(cls, m["name"], None)
                if fn is not None and callable(fn):
                    ours = _callable_sig(fn)
            elif cat_res is not None:
                try:
                    ours = _catalog_sig(cat_res.op(m["name"]))
                except KeyError:
                    ours = None
            if ours is None:
                rep.missing_methods.append(qual)
                continue
            verdict = compare(_inventory_sig(m), ours)
            if verdict == "match":
                rep.methods_matching += 1
            elif verdict == "extension":
                rep.methods_matching += 1
                rep.extensions.append(f"{qual}({_fmt(ours)}) extends official ({_fmt(_inventory_sig(m))})")
            else:
                rep.mismatches.append(f"{qual}: {verdict}")
    return rep


def render(rep: ProductReport) -> str:
    lines = [
        f"{rep.product}: resources {rep.resources_present}/{rep.resources_total}, "
        f"methods {rep.methods_matching}/{rep.methods_total} matching ({rep.percent:.1f}%) [source: {rep.source}]"
    ]
    for title, items in (("missing resources", rep.missing_resources), ("missing methods", rep.missing_methods),
                         ("signature mismatches", rep.mismatches), ("compatible extensions", rep.extensions),
                         ("binding errors (catalog records used instead)", rep.binding_errors)):
        if items:
            lines.append(f"  {title} ({len(items)}):")
            lines.extend(f"    {x}" for x in items)
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("products", nargs="*", default=list(CORE))
    ap.add_argument("--strict", action="store_true", help="exit non-zero when a product is below 100%%")
    ap.add_argument("--inventory", type=Path, default=INVENTORY)
    ap.add_argument("--catalog-only", action="store_true", help="ignore zscaler.binding even if it exists")
    args = ap.parse_args(argv)
    if not args.inventory.is_dir():
        print(f"surface_report: no inventory at {args.inventory}; give --inventory DIR (the official SDK's "
              f"inventory/*.json)", file=sys.stderr)
        return 2
    reports = [report(p, args.inventory, use_binding=not args.catalog_only) for p in args.products]
    for rep in reports:
        print(render(rep))
    total = sum(r.methods_total for r in reports)
    ok = sum(r.methods_matching for r in reports)
    print(f"total: {ok}/{total} methods matching ({100.0 * ok / total if total else 100.0:.1f}%)")
    if args.strict and not all(r.complete for r in reports):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
