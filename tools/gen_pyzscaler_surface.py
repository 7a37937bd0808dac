"""Write src/zscaler/pyzscaler/surface.json: pyZscaler 1.6.0's public surface, read with ast.

Usage: python tools/gen_pyzscaler_surface.py /tmp/pyz/pyzscaler-1.6.0-py3-none-any.whl

For each client (zia, zpa, zcc, zdx, zcon): its resource properties (the attribute name and the
API class it returns) and each public method of that class with its parameters (name, kind,
whether it has a default). Only names and signatures are read; no code is kept.
"""

from __future__ import annotations

import ast
import json
import sys
import zipfile
from pathlib import Path
from typing import Any

CLIENTS = ("zia", "zpa", "zcc", "zdx", "zcon")
OUT = Path(__file__).resolve().parent.parent / "src" / "zscaler" / "pyzscaler" / "surface.json"


def _sources(wheel: Path) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as zf:
        return {n: zf.read(n).decode() for n in zf.namelist() if n.endswith(".py")}


def _classes(sources: dict[str, str], client: str) -> dict[str, ast.ClassDef]:
    found: dict[str, ast.ClassDef] = {}
    for name, text in sources.items():
        if name.startswith(f"pyzscaler/{client}/"):
            for node in ast.parse(text).body:
                if isinstance(node, ast.ClassDef):
                    found[node.name] = node
    return found


def _properties(init: ast.ClassDef) -> dict[str, str]:
    props: dict[str, str] = {}
    for node in init.body:
        if isinstance(node, ast.FunctionDef) and any(
            isinstance(d, ast.Name) and d.id == "property" for d in node.decorator_list
        ):
            for sub in ast.walk(node):
                if isinstance(sub, ast.Return) and isinstance(sub.value, ast.Call):
                    func = sub.value.func
                    if isinstance(func, ast.Name):
                        props[node.name] = func.id
    return props


def _params(fn: ast.FunctionDef) -> list[dict[str, Any]]:
    a = fn.args
    out: list[dict[str, Any]] = []
    positional = a.posonlyargs + a.args
    first_default = len(positional) - len(a.defaults)
    for i, arg in enumerate(positional):
        if arg.arg == "self":
            continue
        out.append({"name": arg.arg, "kind": "positional", "default": i >= first_default})
    if a.vararg:
        out.append({"name": a.vararg.arg, "kind": "var_positional", "default": False})
    for arg, dflt in zip(a.kwonlyargs, a.kw_defaults):
        out.append({"name": arg.arg, "kind": "keyword_only", "default": dflt is not None})
    if a.kwarg:
        out.append({"name": a.kwarg.arg, "kind": "var_keyword", "default": False})
    return out


def _methods(cls: ast.ClassDef) -> dict[str, list[dict[str, Any]]]:
    return {
        node.name: _params(node)
        for node in cls.body
        if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    }


def surface(wheel: Path) -> dict[str, Any]:
    sources = _sources(wheel)
    result: dict[str, Any] = {}
    for client in CLIENTS:
        classes = _classes(sources, client)
        main = classes[client.upper()]
        resources = {
            attr: {"class": cls, "methods": _methods(classes[cls])}
            for attr, cls in sorted(_properties(main).items())
        }
        result[client] = {"class": client.upper(), "resources": resources}
    return result


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    data = surface(Path(argv[1]))
    OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")
    for client, info in data.items():
        count = sum(len(r["methods"]) for r in info["resources"].values())
        print(f"{client}: {len(info['resources'])} resources, {count} methods")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
