"""What a method's docstring, its typing stub and the API reference say about it (issue #18).

One source for the three: the catalog's :class:`~zscaler.catalog.spec.Op` (name, verb, path,
parameters, result) and the committed facts of ``compat/reference/<product>.json`` (written by
``tools/gen_reference_data.py`` from the official SDK's inventory: documented body fields and
query keys, parameter annotations, model attribute types). Nothing here is imported by
``import zscaler``: a product's JSON is read the first time one of its resource classes is built.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from .catalog.spec import Op, Param, Resource

DATA = Path(__file__).resolve().parent / "compat" / "reference"

#: what a method returns (``Op.returns``), as a type; ``Result`` is filled with the result's type
RETURNS = {"tuple3": "Result", "bare": "Any", "bare_or_none": "Any", "tuple3_or_none": "Optional[Result]",
           "pair": "tuple[Any, Optional[BaseException]]"}

#: the result slot's type by result shape (``Op.result``), where a method without a hook always answers it
RESULT_TYPES = {"list": "list[{m}]", "raw_list": "list[Any]", "none": "None", "status_code": "int",
                "bytes": "bytes", "object": "{m}", "list_of_one": "list[{m}]"}

RETURNS_DOC = {
    "tuple3": "``(result, response, error)``; ``error`` is None on success",
    "bare": "the result alone (as the official SDK); an error raises",
    "bare_or_none": "the result alone (as the official SDK); on an error, logs it and returns ``None``",
    "tuple3_or_none": "``(result, response, error)``; on an error, logs it and returns ``None`` (as the official SDK)",
    "pair": "``(result, None)`` or ``(None, error)`` (a 2-tuple, as the official SDK)",
}

_SIMPLE = {"str": "str", "int": "int", "bool": "bool", "float": "float", "dict": "dict[str, Any]",
           "list": "list[Any]", "List[str]": "list[str]", "List[int]": "list[int]", "list[str]": "list[str]",
           "list[int]": "list[int]", "Dict": "dict[str, Any]", "List": "list[Any]", "bytes": "bytes"}


@lru_cache(maxsize=None)
def data(product: str) -> dict[str, Any]:
    """The committed facts of one product (``compat/reference/<product>.json``; empty for a product
    the official SDK does not have), read once."""
    path = DATA / f"{product}.json"
    if not path.is_file():
        return {"methods": {}, "models": {}}
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def facts(product: str, attribute: str, method: str) -> dict[str, Any]:
    """``{"a": {param: annotation}, "b": {body field: type}, "q": [query key ...]}`` of one method."""
    found: dict[str, Any] = data(product)["methods"].get(attribute, {}).get(method, {})
    return found


def model_types(module: str, name: str) -> dict[str, str]:
    """Attribute -> type name (``str``, ``int``, ``bool``, ``list[str]`` ...) of an official model
    (``zscaler.zpa.models.segment_group``, ``SegmentGroup``), where known."""
    product = module.split(".")[1] if module.count(".") >= 1 else ""
    found: dict[str, str] = data(product)["models"].get(module, {}).get(name, {})
    return found


def annotation(text: str | None) -> str:
    """An official annotation as written (``Optional[int]``, ``str``) as a stub type; ``Any`` when not simple."""
    if not text:
        return "Any"
    m = re.fullmatch(r"Optional\[(.+)\]", text.strip())
    if m:
        inner = annotation(m.group(1))
        return "Any" if inner == "Any" else f"{inner} | None"
    return _SIMPLE.get(text.strip(), "Any")


def param_type(op: Op, p: Param, known: dict[str, Any]) -> str:
    """The type of one parameter: ``query_params`` a mapping, a path id ``str | int`` (what
    ``binding.path_segment`` accepts) where no hook reads it first, else the official annotation."""
    if p.name == "query_params":
        return "Mapping[str, Any] | None"
    if op.hook is None and p.name in op.placeholders() and p.name not in op.maps:
        return "str | int" if p.required else "str | int | None"
    kind = annotation(known.get("a", {}).get(p.name))
    if kind != "Any" and not p.required and p.default is None and "None" not in kind:
        kind += " | None"
    return kind


def result_type(op: Op, model: str, items: bool = True) -> str:
    """The method's return type with ``model`` the result model's name: ``Result[list[SegmentGroup],
    SegmentGroup]`` for a plain list method (the second argument types the response's later pages:
    ``resp.iter_all()``; ``items=False`` leaves it out); a method with a hook keeps ``Result[Any]``
    (the hook may answer anything)."""
    kind = RETURNS[op.returns]
    item = RESULT_TYPES.get(op.result) if op.hook is None else None
    if item is None or "Result" not in kind:
        return kind
    paged = f", {model}" if items and op.result == "list" and model != "Any" else ""
    return kind.replace("Result", "Result[" + item.format(m=model) + paged + "]")


def body_fields(product: str, attribute: str, op: Op) -> dict[str, str]:
    """The documented body fields of a method taking ``**kwargs`` and their types (empty when it takes none)."""
    if not any(p.kind == "var_keyword" for p in op.params):
        return {}
    fields: dict[str, str] = facts(product, attribute, op.name).get("b", {})
    return fields


def _sample(name: str, kind: str) -> str:
    if name.endswith("_ids") or kind.startswith("list"):
        return '["123"]'
    return {"bool": "True", "int": "1", "float": "1.0"}.get(kind.split(" ")[0], '"123"' if name.endswith("id") else '"example"')


def example(product: str, res: Resource, op: Op) -> str:
    """One line calling the method as a user would."""
    args = [_sample(p.name, "str") for p in op.params if p.required and p.kind == "positional_or_keyword"]
    fields = body_fields(product, res.attribute, op)
    args += [f"{f}={_sample(f, fields[f])}" for f in ("name", "description", "enabled") if f in fields][:2]
    call = f"client.{product}.{res.attribute}.{op.name}({', '.join(args)})"
    if op.returns in ("tuple3", "tuple3_or_none"):
        var = {"list": "items", "object": "item", "none": "_"}.get(op.result, "result")
        return f"{var}, resp, err = {call}"
    return f"result = {call}"


def _wrapped(text: str, indent: str = "    ", width: int = 96) -> list[str]:
    """``text`` in lines of at most ``width`` (a longer word alone), the later ones indented two more."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = indent + "  " + word
        else:
            line = f"{line} {word}" if line else indent + word
    return lines + [line] if line else lines


def _args(op: Op, known: dict[str, Any]) -> list[str]:
    lines = []
    in_path = op.placeholders()
    for p in op.params:
        if p.kind not in ("positional_or_keyword", "keyword_only"):
            continue
        note = ": in the path" if p.name in in_path else ""
        if p.name == "query_params" and known.get("q"):
            note = ": query keys " + ", ".join(known["q"])
        default = "" if p.required else f", default {p.default!r}"
        lines += _wrapped(f"{p.name} ({param_type(op, p, known)}{default}){note}")
    return ["Args:"] + lines if lines else []


def _returns(op: Op) -> list[str]:
    text = f"{result_type(op, op.model or 'Any')}: {RETURNS_DOC[op.returns]}"
    if op.result == "list" and op.returns == "tuple3":
        text += "; ``resp.has_next()``, ``resp.next()`` and ``resp.iter_all()`` read the later pages"
    lines = ["Returns:"] + _wrapped(text + ".")
    if op.window:
        lines += _wrapped(f"``days=N`` sets ``{op.window[0]}``/``{op.window[1]}`` to the last N days ({op.window[2]}).")
    for name, table in op.maps.items():
        lines += _wrapped(f"``{name}`` accepts: {', '.join(map(str, table))}")
    return lines


def method_doc(product: str, res: Resource, op: Op) -> str:
    """The docstring of a generated method (``help()``, an editor's hover, the API reference):
    summary, arguments, body fields, result, endpoint, example."""
    known = facts(product, res.attribute, op.name)
    sections = [[op.summary], _args(op, known)]
    fields = body_fields(product, res.attribute, op)
    if fields:
        sections.append(["Body fields (keyword arguments, snake_case; sent as the JSON body):"]
                        + _wrapped(", ".join(f"{f}: {t}" for f, t in fields.items())))
    elif any(p.kind == "var_keyword" for p in op.params):
        sections.append(["Keyword arguments: fields of the request (snake_case)."])
    sections += [_returns(op), ["Endpoint:", f"    {op.verb} {op.path}"],
                 ["Example::", "", "    " + example(product, res, op)]]
    return "\n\n".join("\n".join(s) for s in sections if s)
