"""Write ``src/zscaler/compat/reference/<product>.json``: what the stubs, docstrings and API reference
say about arguments, body fields and model attribute types, from the facts.

* per method (``product.resource.method``): the documented body fields of ``**kwargs`` methods
  (``documented_kwargs`` and the keys the method reads), the documented ``query_params`` keys and
  each named parameter's annotation as written (``str``, ``Optional[int]`` ...), from
  ``inventory/<product>.json``;
* per model attribute: its scalar type (``str``, ``int``, ``float``, ``bool``, ``list[str]`` ...)
  where the values seen agree: the recorded answers of the official SDK's integration tests
  (``../shared/peer-suite`` cassettes, ZIA and ZPA) first, then the simulator's seed data (every
  product). A key seen with different types, or never seen, stays untyped (``Any``).

CI may not have ``../shared``: the JSON is committed; run this after the inventory or the seed data
change (``tests/unit/test_reference.py`` checks the file is in step with the catalog)::

    python tools/gen_reference_data.py [--inventory DIR] [--cassettes DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

OUT = ROOT / "src" / "zscaler" / "compat" / "reference"
SHARED = ROOT.parent / "shared"
PRODUCTS = ("aiguard", "zbi", "zcc", "zcell", "zdx", "zeasm", "zia", "zid", "zins", "zms", "zpa", "ztb", "ztw", "zwa")


def _scalar(value: Any) -> str | None:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return None


def _kind(value: Any) -> str | None:
    """The type name of a JSON value, ``None`` when it says nothing (null, objects, empty lists)."""
    if isinstance(value, list):
        inner = {_scalar(v) for v in value}
        if len(inner) == 1 and None not in inner:
            return f"list[{inner.pop()}]"
        return None
    return _scalar(value)


def _walk(value: Any) -> Iterator[tuple[str, Any]]:
    """Every ``(key, value)`` pair of a JSON document, at every depth."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield k, v
            yield from _walk(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v)


def _observe(seen: dict[str, dict[str, set[str]]], product: str, doc: Any) -> None:
    table = seen.setdefault(product, {})
    for key, value in _walk(doc):
        kind = _kind(value)
        if kind is not None:
            table.setdefault(key, set()).add(kind)


def _cassette_bodies(folder: Path) -> Iterator[tuple[str, str, str, Any]]:
    """``(product, verb, path, decoded body)`` of every recorded JSON answer (ZIA, ZPA)."""
    import yaml

    for path in sorted(folder.rglob("*.yaml")):
        for inter in (yaml.safe_load(path.read_text()) or {}).get("interactions", []):
            request = inter.get("request", {})
            uri = urlsplit(request.get("uri", ""))
            product = next((p for p in ("zia", "zpa") if uri.path.startswith(f"/{p}/")), None)
            text = ((inter.get("response") or {}).get("body") or {}).get("string")
            if not product or not isinstance(text, str) or not text.strip().startswith(("{", "[")):
                continue
            try:
                yield product, request.get("method", "GET"), uri.path, json.loads(text)
            except ValueError:
                continue


def _seed_bodies(engine: Any) -> Iterator[tuple[str, str, str, Any]]:
    """``(product, "GET", path, items or object)`` of the simulator's seed data."""
    state = engine.state()
    for group in ("collections", "singletons"):
        for path, value in (state.get(group) or {}).items():
            product = str(path).strip("/").split("/", 1)[0]
            if product in PRODUCTS:
                yield product, "GET", str(path), value


def _items(body: Any) -> list[Any]:
    if isinstance(body, list):
        return body
    if isinstance(body, dict):
        for key in ("list", "items", "content", "records", "results", "result"):
            if isinstance(body.get(key), list):
                return list(body[key])
        return [body]
    return []


class ModelObserver:
    """Types seen per model attribute: each answer routed (the simulator's router) to its catalog op,
    the op's model read, nested models followed through the inventory's field records."""

    def __init__(self, engine: Any, inventories: dict[str, dict[str, Any]]) -> None:
        from gen_stubs import model_ref

        self.engine, self.model_ref = engine, model_ref
        self.classes: dict[str, dict[str, dict[str, Any]]] = {}  # product -> class -> model record
        for product, inv in inventories.items():
            for m in inv.get("models", []):
                self.classes.setdefault(product, {}).setdefault(m["class"], m)
        self.seen: dict[tuple[str, str], dict[str, set[str]]] = {}

    def observe(self, product: str, verb: str, path: str, body: Any) -> None:
        route, _ = self.engine.router.match(verb, path)
        if route is None or route.op is None or not route.op.model or route.op.hook is not None:
            return
        ref = self.model_ref(product, route.op.model, route.resource.attribute)
        name = ref.rsplit(".", 1)[-1]
        if name in self.classes.get(product, {}):
            for item in _items(body):
                self._item(product, name, item, 0)

    def _item(self, product: str, name: str, item: Any, depth: int) -> None:
        model = self.classes[product].get(name)
        if model is None or not isinstance(item, dict) or depth > 4:
            return
        table = self.seen.setdefault((model["module"], name), {})
        for field in model.get("fields", []):
            value = item.get(field.get("key"))
            if field.get("model"):
                for v in value if isinstance(value, list) else [value]:
                    self._item(product, field["model"], v, depth + 1)
                continue
            kind = _kind(value)
            if kind is not None:
                table.setdefault(field["attr"], set()).add(kind)


def _agreed(seen: dict[str, set[str]]) -> dict[str, str]:
    out = {}
    for key, kinds in seen.items():
        if kinds == {"int", "float"}:
            kinds = {"float"}
        if len(kinds) == 1:
            out[key] = next(iter(kinds))
    return out


def wire_types(cassettes: Path | None, observer: ModelObserver) -> dict[str, dict[str, str]]:
    """``{product: {wire key: type}}``: recorded answers first, the simulator's seed data for the rest;
    every answer is also given to ``observer`` (types per model attribute)."""
    recorded: dict[str, dict[str, set[str]]] = {}
    seeded: dict[str, dict[str, set[str]]] = {}
    sources = [(recorded, _cassette_bodies(cassettes) if cassettes is not None and cassettes.is_dir() else iter(())),
               (seeded, _seed_bodies(observer.engine))]
    for seen, documents in sources:
        for product, verb, path, doc in documents:
            _observe(seen, product, doc)
            observer.observe(product, verb, path, doc)
    out: dict[str, dict[str, str]] = {}
    for product in PRODUCTS:
        types = _agreed(seeded.get(product, {}))
        types.update(_agreed(recorded.get(product, {})))
        out[product] = types
    return out


def _method_facts(method: dict[str, Any], models: dict[str, dict[str, str]]) -> dict[str, Any]:
    """The facts of one method; body fields typed as the attributes of the model it answers."""
    body = dict.fromkeys(method.get("documented_kwargs") or [])
    handling = method.get("body_handling") or {}
    if handling.get("accepts_var_keyword"):
        body.update(dict.fromkeys(handling.get("kwargs_keys_read") or []))
    result_models = (method.get("result") or {}).get("models") or []
    types = models.get(result_models[0], {}) if result_models else {}
    facts: dict[str, Any] = {}
    params = {p["name"]: p["annotation"] for p in method.get("parameters", [])
              if p.get("annotation") and p["kind"] in ("positional_or_keyword", "keyword_only")}
    if params:
        facts["a"] = params
    if body:
        facts["b"] = {k: types.get(k, "Any") for k in sorted(body)}
    if method.get("documented_query_params"):
        facts["q"] = sorted(method["documented_query_params"])
    return facts


def _model_types(inv: dict[str, Any], types: dict[str, str],
                 per_model: dict[tuple[str, str], dict[str, set[str]]]) -> dict[str, dict[str, dict[str, str]]]:
    """``{module: {class: {attribute: type}}}`` of a product's object models, where the type is known:
    the type seen in the answers of the model's own methods; for an attribute never seen there, the
    product's one type for its wire key. Seen with two types: unknown."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for model in inv.get("models", []):
        if model.get("kind") != "object":
            continue
        attrs = {}
        own = per_model.get((model["module"], model["class"]), {})
        for field in model.get("fields", []):
            if field.get("model") or not field.get("key"):
                continue
            if field["attr"] in own:
                kind = _agreed({field["attr"]: own[field["attr"]]}).get(field["attr"])
            else:
                kind = types.get(field["key"])
            if kind is None:
                continue
            if field.get("list") and not kind.startswith("list["):
                kind = f"list[{kind}]"
            elif not field.get("list") and kind.startswith("list["):
                continue
            attrs[field["attr"]] = kind
        if attrs:
            out.setdefault(model["module"], {})[model["class"]] = attrs
    return out


def build(inventory: Path, cassettes: Path | None) -> dict[str, dict[str, Any]]:
    """``{product: {"methods": {resource: {method: facts}}, "models": {module: {class: {attr: type}}}}}``."""
    from zscaler.simulator.engine import Engine

    inventories = {p: json.loads((inventory / f"{p}.json").read_text()) for p in PRODUCTS}
    observer = ModelObserver(Engine(), inventories)
    types = wire_types(cassettes, observer)
    out: dict[str, dict[str, Any]] = {}
    for product in PRODUCTS:
        inv = inventories[product]
        models = _model_types(inv, types[product], observer.seen)
        by_class = {name: attrs for mod in models.values() for name, attrs in mod.items()}
        methods: dict[str, Any] = {}
        for res in inv.get("resources", []):
            for method in res.get("methods", []):
                facts = _method_facts(method, by_class)
                if facts:
                    methods.setdefault(res["attribute"], {})[method["name"]] = facts
        out[product] = {"sdk_version": inv.get("sdk_version"), "methods": methods, "models": models}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inventory", type=Path, default=SHARED / "zscaler-api" / "inventory")
    ap.add_argument("--cassettes", type=Path, default=SHARED / "peer-suite" / "tests" / "integration")
    args = ap.parse_args()
    data = build(args.inventory, args.cassettes)
    OUT.mkdir(exist_ok=True)
    for product, facts in data.items():
        (OUT / f"{product}.json").write_text(json.dumps(facts, sort_keys=True, separators=(",", ":")) + "\n")
    n_methods = sum(len(r) for d in data.values() for r in d["methods"].values())
    n_attrs = sum(len(a) for d in data.values() for m in d["models"].values() for a in m.values())
    print(f"wrote {OUT.relative_to(ROOT)}/<product>.json: {n_methods} methods, {n_attrs} typed model attributes")


if __name__ == "__main__":
    main()
