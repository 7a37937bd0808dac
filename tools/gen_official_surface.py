"""Write ``src/zscaler/compat/official_surface.json``: the official SDK's import paths, as data.

Reads the facts in ``../shared/zscaler-api/inventory`` (service classes, resource modules and
classes, model modules with their fields, enum members and GraphQL input dataclasses, legacy
helpers) and the project's catalog (to pick, for a model name that two official modules
define, the module the resource that returns it uses). The lazy module finder in
``zscaler.compat`` materialises modules from this file; nothing here is read at
``import zscaler`` time. ``tests/compat/test_official_imports.py`` fails when the file is stale.

    python tools/gen_official_surface.py [--inventory DIR] [--check]
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_INVENTORY = ROOT.parent / "shared" / "zscaler-api" / "inventory"
OUT = ROOT / "src" / "zscaler" / "compat" / "official_surface.json"
PRODUCTS = ("zia", "zpa", "zcc", "zdx", "ztw", "zwa", "zid", "aiguard", "zbi", "zcell", "zeasm", "zins", "zms", "ztb")
PRIMITIVES = {"str", "int", "float", "bool", "dict", "list", "Any", "object"}

#: shared base classes of the official package (clients.json) -> the project's own class
BASE_CLASSES = {
    "model_base_class": ("zscaler.model", "ZscalerObject"),
    "resource_base_class": ("zscaler.binding", "ResourceAPI"),
    "response_class": ("zscaler.response", "ZscalerAPIResponse"),
}


def _stem(module: str) -> str:
    return module.rsplit(".", 1)[-1]


def _resolve(name: str | None, module: str, by_name: dict[str, list[str]]) -> str | None:
    """``module:Class`` of a nested model named in a field (same module first)."""
    if not name or name in PRIMITIVES:
        return None
    mods = by_name.get(name)
    if not mods:
        return None
    target = module if module in mods else mods[0]
    return f"{target}:{name}"


def _model_spec(m: dict[str, Any], by_name: dict[str, list[str]]) -> dict[str, Any]:
    kind = m["kind"]
    if kind == "enum":
        return {"k": "e", "m": m["members"]}
    if kind == "dataclass":
        spec: dict[str, Any] = {"k": "d", "f": [[f["attr"], f["annotation"], f["default"]] for f in m["fields"]]}
        bases = [b for b in m["bases"] if b in by_name]
        if bases:
            spec["b"] = [_resolve(b, m["module"], by_name) for b in bases]
        if m.get("serialized_keys"):
            spec["s"] = m["serialized_keys"]
        return spec
    fields = []
    for f in m.get("fields", []):
        row: list[Any] = [f["attr"], f.get("key"), 1 if f.get("list") else 0,
                          _resolve(f.get("model"), m["module"], by_name)]
        if f.get("alt_keys"):
            row.append(f["alt_keys"])
        fields.append(row)
    return {"k": "o", "f": fields}


def build(inventory: Path) -> dict[str, Any]:
    from zscaler import catalog

    clients = json.loads((inventory / "clients.json").read_text())
    modules: dict[str, dict[str, list[Any]]] = {}
    models: dict[str, dict[str, Any]] = {}
    services: dict[str, list[str]] = {}
    helpers: dict[str, list[str]] = {}
    catalog_models: dict[str, dict[str, str]] = {}
    apis: dict[str, dict[str, list[str]]] = {}
    by_attribute: dict[str, dict[str, dict[str, str]]] = {}

    def put(module: str, name: str, ref: list[Any]) -> None:
        modules.setdefault(module, {})[name] = ref

    for p in PRODUCTS:
        inv = json.loads((inventory / f"{p}.json").read_text())
        mod, cls = inv["service_class"].rsplit(".", 1)
        services[p] = [mod, cls]
        put(mod, cls, ["service", p])
        if inv.get("legacy_helper_class"):
            mod, cls = inv["legacy_helper_class"].rsplit(".", 1)
            helpers[p] = [mod, cls]
            put(mod, cls, ["helper", p])
        for r in inv["resources"]:
            put(r["module"], r["class"], ["api", p, r["attribute"]])
            apis.setdefault(p, {})[r["attribute"]] = [r["module"], r["class"]]
        for um in inv.get("unexposed_modules") or []:
            modules.setdefault(um if isinstance(um, str) else um["module"], {})
        by_name: dict[str, list[str]] = {}
        for m in inv["models"]:
            by_name.setdefault(m["class"], []).append(m["module"])
        for m in inv["models"]:
            models.setdefault(m["module"], {})[m["class"]] = _model_spec(m, by_name)
            put(m["module"], m["class"], ["model"])
        # catalog model name -> official module; an ambiguous name is decided per resource attribute
        res_module = {r["attribute"]: r["module"] for r in inv["resources"]}
        prod = catalog.load(p)
        names: dict[str, str] = {}
        for res in prod.resources:
            for name in {o.model for o in res.ops if o.model} | ({res.model} if res.model else set()):
                cands = by_name.get(name)
                if not cands:
                    continue
                if len(cands) == 1:
                    names[name] = cands[0]
                    continue
                stem = _stem(res_module.get(res.attribute, res.attribute))
                best = max(sorted(cands), key=lambda c: difflib.SequenceMatcher(None, stem, _stem(c)).ratio())
                by_attribute.setdefault(p, {}).setdefault(res.attribute, {})[name] = best
                names.setdefault(name, sorted(cands)[0])
        for name, cands in by_name.items():
            names.setdefault(name, cands[0])
        catalog_models[p] = dict(sorted(names.items()))

    for c in clients["oneapi_client_module_classes"]:
        put(c["module"], c["class"], ["obj", "zscaler.oneapi_client", c["class"]])
    for export, origin in clients["package_exports"].items():
        put("zscaler", export, ["obj", *origin.rsplit(".", 1)])
    for key, (mod, name) in BASE_CLASSES.items():
        spec = clients[key]
        put(spec["module"], spec["class"], ["obj", mod, name])

    packages = sorted({m.rsplit(".", i)[0] for m in modules for i in range(1, m.count("."))} - {"zscaler"})
    return {
        "sdk_version": clients["sdk_version"],
        "packages": packages,
        "modules": {k: dict(sorted(v.items())) for k, v in sorted(modules.items())},
        "models": {k: dict(sorted(v.items())) for k, v in sorted(models.items())},
        "services": services,
        "helpers": helpers,
        "apis": apis,
        "catalog_models": catalog_models,
        "catalog_models_by_attribute": by_attribute,
    }


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, separators=(",", ":"), sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inventory", type=Path, default=DEFAULT_INVENTORY)
    ap.add_argument("--check", action="store_true", help="exit 1 when the committed file is stale")
    args = ap.parse_args(argv)
    text = render(build(args.inventory))
    if args.check:
        same = OUT.exists() and OUT.read_text() == text
        print("official_surface.json is " + ("up to date" if same else "stale: run tools/gen_official_surface.py"))
        return 0 if same else 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(text)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
