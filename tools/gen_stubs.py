"""Write the typing stubs that let an IDE complete ``client.zpa.segment_groups.list_groups``.

The stubs form a partial PEP 561 stub package, ``src/zscaler-stubs/`` (``py.typed`` says
``partial``: a checker reads a module there first and the package's own sources for the rest):

* ``_stubs/<product>.pyi`` from the catalog: the resource classes of ``client.<product>``, each
  method typed ``Result[list[Model]]`` / ``Result[Model]`` / ``Result[None]`` where the catalog
  knows the result (a method with a hook keeps ``Result[Any]``: the hook may answer anything),
  its parameters typed (path ids, ``query_params``, the official annotations), the body fields of
  a ``**kwargs`` method as a ``TypedDict`` (``**kwargs: Unpack[...]``: completed by an editor, an
  unknown field is an error) and the method's full docstring (:mod:`zscaler.reference`);
* the official module paths (``zscaler/zpa/models/segment_group.pyi`` ...), virtual at runtime
  (:mod:`zscaler.compat`), from ``official_surface.json``: model classes with their declared
  attributes (scalars typed where ``compat/reference/<product>.json`` knows the type, nested
  models and lists typed, a misspelt attribute is an error), enums, API and service classes.

Run this after changing a catalog module or the surface data; it also writes the API reference
(``tools/gen_reference.py``). ``tests/unit/test_stubs.py`` and ``tests/unit/test_reference.py`` fail
when they are stale.

    python tools/gen_stubs.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import keyword  # noqa: E402

from zscaler import catalog, reference  # noqa: E402
from zscaler.compat import surface  # noqa: E402
from zscaler.binding import _class_name  # noqa: E402

PACKAGE = ROOT / "src" / "zscaler-stubs"  # the stub package (a checker maps it onto ``zscaler``)
OUT = PACKAGE / "_stubs"


def _param(p, op, known: dict, body: str | None) -> str:
    """One parameter as the stub declares it (types from :func:`zscaler.reference.param_type`)."""
    if p.kind == "var_keyword":
        return f"**{p.name}: Unpack[{body}]" if body else f"**{p.name}: Any"
    if p.kind == "var_positional":
        return f"*{p.name}: Any"
    ann = reference.param_type(op, p, known)
    return f"{p.name}: {ann}" if p.required else f"{p.name}: {ann} = {p.default!r}"


def service_class(product: str) -> str:
    return product.upper() + "Service"


def model_ref(product: str, name: str | None, attribute: str) -> str:
    """The stub name of the class ``model_class(product, name, attribute)`` answers."""
    if not name:
        return "ZscalerObject"
    d = surface.data()
    module = d["catalog_models_by_attribute"].get(product, {}).get(attribute, {}).get(name)
    module = module or d["catalog_models"].get(product, {}).get(name)
    return f"{module}.{name}" if module else "ZscalerObject"


def returns(product: str, op, attribute: str) -> str:
    """The method's return type: ``Result[list[<Model>]]`` for a plain list method (``op.returns`` says
    the convention; a hook may answer anything, so its methods keep ``Result[Any]``)."""
    return reference.result_type(op, model_ref(product, op.model, attribute))


def _body_name(attribute: str, op) -> str:
    return _class_name(attribute)[:-3] + "".join(w.capitalize() for w in op.name.split("_")) + "Body"


def body_typeddict(product: str, attribute: str, op) -> tuple[str | None, list[str]]:
    """``(name, lines)`` of the ``TypedDict`` of a ``**kwargs`` method's documented body fields;
    ``(None, [])`` when it has none or takes keywords beside them (ZCell ``days=``, ZDX ``since=``)."""
    fields = reference.body_fields(product, attribute, op)
    if not fields or op.window or op.shorthands:
        return None, []
    name = _body_name(attribute, op)
    doc = f'    """Body fields of ``{attribute}.{op.name}`` (keyword arguments; all optional)."""'
    if any(keyword.iskeyword(f) or not f.isidentifier() for f in fields):
        items = ", ".join(f"{f!r}: {t}" for f, t in fields.items())
        return name, [f"{name} = TypedDict({name!r}, {{{items}}}, total=False)", ""]
    return name, [f"class {name}(TypedDict, total=False):", doc] + [f"    {f}: {t}" for f, t in fields.items()] + [""]


def _docstring(text: str, indent: str) -> list[str]:
    """``text`` as a docstring (what an editor shows on hover), the same as the method's ``__doc__``."""
    lines = text.replace("\\", "\\\\").replace('"""', '\\"\\"\\"').splitlines()
    if len(lines) == 1:
        return [f'{indent}"""{lines[0]}"""']
    return [f'{indent}"""{lines[0]}'] + [f"{indent}{ln}" if ln else "" for ln in lines[1:]] + [f'{indent}"""']


def _model_modules(product: str, prod) -> set[str]:
    refs = {returns(product, op, res.attribute) for res in prod.resources for op in res.ops}
    return {m.group(1) for r in refs for m in [re.search(r"(zscaler\.[\w.]+)\.\w+\]", r)] if m}


#: what the async client (``zscaler.aio``) appends to a method's docstring
ASYNC_NOTE = "\n\nA coroutine: ``await`` it (the async client)."


def _methods(product: str, res, bodies: dict[str, str | None], is_async: bool) -> list[str]:
    """The method stubs of one resource class; ``is_async``: coroutines answering ``AsyncResult``."""
    out = []
    names = [(op.name, op) for op in res.ops] + [(a, res.op(t)) for a, t in res.aliases.items()]
    for name, op in names:
        known = reference.facts(product, res.attribute, op.name)
        parts = ["self"] + [_param(p, op, known, bodies.get(op.name)) for p in op.params]
        if any(p.kind == "keyword_only" for p in op.params):
            first_kw = next(i for i, p in enumerate(op.params) if p.kind == "keyword_only")
            parts.insert(first_kw + 1, "*")
        kind, doc = returns(product, op, res.attribute), reference.method_doc(product, res, op)
        if is_async:  # AsyncResult[list[X], X]: the awaited result, its async response's items X
            kind, doc = re.sub(r"^(Optional\[)?Result\b", r"\1AsyncResult", kind), doc + ASYNC_NOTE
        out.append(f"    {'async ' if is_async else ''}def {name}({', '.join(parts)}) -> {kind}:")
        out += _docstring(doc, "        ") + ["        ..."]
    return out or ["    ..."]


def _service(product: str, prod, prefix: str) -> list[str]:
    out = ["", "", f"class {prefix}{service_class(product)}:"]
    out += [f"    {res.attribute}: {prefix}{_class_name(res.attribute)}" for res in prod.resources]
    out += [f"    {alias}: {prefix}{_class_name(prod.resource(target).attribute)}" for alias, target in prod.aliases.items()]
    return out


def render(product: str) -> str:
    """``_stubs/<product>.pyi``: the resource classes (and their async twins, ``Async...API``) and the service."""
    prod = catalog.load(product)
    out = [f'"""Generated by tools/gen_stubs.py from the {product} catalog. Do not edit."""', "",
           "from typing import Any, Mapping, Optional", "", "from typing_extensions import TypedDict, Unpack", "",
           "from ..model import ZscalerObject", "from ..response import Result", "from .aio import AsyncResult"]
    out += [f"import {m}" for m in sorted(_model_modules(product, prod))] + [""]
    for res in prod.resources:
        bodies: dict[str, str | None] = {}
        for op in res.ops:
            bodies[op.name], lines = body_typeddict(product, res.attribute, op)
            out += ["", *lines] if lines else []
        out += ["", f"class {_class_name(res.attribute)}:", *_methods(product, res, bodies, False)]
        out += ["", "", f"class Async{_class_name(res.attribute)}:",
                f'    """``client.{product}.{res.attribute}`` of the async client: every method a coroutine."""', "",
                *_methods(product, res, bodies, True)]
    out += _service(product, prod, "") + _service(product, prod, "Async")
    return "\n".join(out) + "\n"


def render_index() -> str:
    lines = ['"""Generated by tools/gen_stubs.py. Do not edit."""', ""]
    for p in catalog.products():
        lines.append(f"from .{p} import {service_class(p)} as {service_class(p)}")
        lines.append(f"from .{p} import Async{service_class(p)} as Async{service_class(p)}")
    lines += ["", "PRODUCT_SERVICES: dict[str, type]", "", "",
              "class ClientProducts:",
              '    """The product properties of a client (``client.zpa``, ``client.zidentity`` ...): ``Product.properties``."""',
              ""]
    lines += [f"    {prop}: {service_class(product)}" for prop, product in catalog.properties().items()]
    lines += ["", "", "class AsyncClientProducts:",
              '    """The product properties of the async client (``zscaler.aio``): every method a coroutine."""', ""]
    lines += [f"    {prop}: Async{service_class(product)}" for prop, product in catalog.properties().items()]
    return "\n".join(lines) + "\n"


MODEL_BASE = """class Model:
    \"\"\"What type checkers see of a model class (at runtime a ``zscaler.model.ZscalerObject``
    subclass): its declared attributes only, so a misspelt one is an error.\"\"\"

    def __init__(self, config: Mapping[str, Any] | None = None, **fields: Any) -> None: ...
    def __getitem__(self, name: str) -> Any: ...
    def __setitem__(self, name: str, value: Any) -> None: ...
    def __contains__(self, name: object) -> bool: ...
    def __iter__(self) -> Iterator[str]: ...
    def get(self, name: str, default: Any = None) -> Any: ...
    def keys(self) -> list[str]: ...
    def as_dict(self) -> dict[str, Any]: ...
    def request_format(self) -> dict[str, Any]: ...
"""


def _attr_type(row: list, module: str, imports: set[str], scalars: dict[str, str]) -> str:
    """An attribute's type: a nested model or list of them, else its scalar type where known
    (``compat/reference``), else ``Any``; a field the API did not send reads ``None`` (a list ``[]``)."""
    nested = row[3]
    if nested:
        mod, name = nested.split(":", 1)
        if mod != module:
            imports.add(mod)
        kind = name if mod == module else f"{mod}.{name}"
        kind = f'"{kind}"' if mod == module else kind
    else:
        kind = scalars.get(row[0], "Any")
        if row[2] or kind.startswith("list["):
            return kind if kind.startswith("list[") else f"list[{kind}]"
        return kind if kind == "Any" else f"{kind} | None"
    if row[2]:
        return f"list[{kind}]"  # an absent list reads as []
    return f"{kind} | None"


def _model_class(module: str, name: str, spec: dict, imports: set[str]) -> list[str]:
    kind = spec["k"]
    if kind == "e":
        return [f"class {name}(str, Enum):"] + [f"    {k} = {v!r}" for k, v in spec["m"].items()] + [""]
    if kind == "o":
        out = [f"class {name}(Model):", f'    """Official model {module}.{name} (wire keys in camelCase)."""']
        scalars = reference.model_types(module, name)
        return out + [f"    {row[0]}: {_attr_type(row, module, imports, scalars)}" for row in spec["f"]] + [""]
    bases = []
    for ref in spec.get("b", []):
        mod, base = ref.split(":", 1)
        bases.append(base if mod == module else f"{mod}.{base}")
        if mod != module:
            imports.add(mod)
    out = [f"class {name}({', '.join(bases) or 'Input'}):"]
    return out + [f"    {row[0]}: Any" for row in spec["f"]] + ["    def as_dict(self) -> dict[str, Any]: ...", ""]


def _api_ref(product: str, attribute: str) -> str:
    prod = catalog.load(product)
    target = prod.aliases.get(attribute, attribute)
    found = [r for r in prod.resources if r.attribute == target]
    return f"zscaler._stubs.{product}.{_class_name(found[0].attribute)}" if found else "Any"


def _name_line(name: str, ref: list, imports: set[str]) -> str:
    kind = ref[0]
    target = "Any"
    if kind == "api":
        target = _api_ref(ref[1], ref[2])
    elif kind == "service":
        target = f"zscaler._stubs.{ref[1]}.{service_class(ref[1])}"
    elif kind == "obj":
        target = f"{ref[1]}.{ref[2]}"
    if target == "Any":
        return f"{name}: Any"
    imports.add(target.rsplit(".", 1)[0])
    return f"{name} = {target}"


def render_official(module: str) -> str:
    """The stub of one official module (``zscaler.zpa.models.segment_group``)."""
    d = surface.data()
    imports: set[str] = set()
    body: list[str] = []
    models = d["models"].get(module, {})
    for name, ref in sorted(d["modules"].get(module, {}).items()):
        if ref[0] == "model":
            body += _model_class(module, name, models[name], imports)
        else:
            body.append(_name_line(name, ref, imports))
    head = [f'"""Generated by tools/gen_stubs.py from official_surface.json ({module}). Do not edit."""', "",
            "from enum import Enum", "from typing import Any", "", "from zscaler._stubs.model import Input, Model"]
    head += [f"import {m}" for m in sorted(imports - {module})]
    return "\n".join(head + ["", ""] + body).rstrip() + "\n"


def _official_files() -> dict[Path, str]:
    d = surface.data()
    real = {"zscaler", "zscaler.oneapi_client"}
    modules = set(d["modules"]) - real
    packages = set(d["packages"]) | {m.rsplit(".", 1)[0] for m in modules} - {"zscaler"}
    files = {}
    for m in sorted(modules | packages):
        rel = Path(*m.split(".")[1:])
        path = PACKAGE / rel / "__init__.pyi" if m in packages else PACKAGE / rel.with_suffix(".pyi")
        files[path] = render_official(m)
    return files


ASYNC_RESULT = '''"""Generated by tools/gen_stubs.py. Do not edit."""

from typing import Any, Generic, TypeVar

from typing_extensions import TypeVar as DefaultedTypeVar

from zscaler.aio.response import AsyncZscalerAPIResponse
from zscaler.errors import ZscalerError

_T = TypeVar("_T", covariant=True)
_I = DefaultedTypeVar("_I", default=Any)


class AsyncResult(tuple[_T, AsyncZscalerAPIResponse[_I], ZscalerError | None], Generic[_T, _I]):
    """What a method of the async client answers, awaited: ``result, response, error`` (at runtime a
    ``Result``); the response pages with ``await resp.anext()`` and ``async for item in resp.aiter_all()``."""

    @property
    def result(self) -> _T: ...
    @property
    def response(self) -> AsyncZscalerAPIResponse[_I]: ...
    @property
    def error(self) -> ZscalerError | None: ...
    def unwrap(self) -> _T: ...
'''

ASYNC_LIFECYCLE = """    async def close(self) -> None: ...
    async def aclose(self) -> None: ...
    async def activate_written(self) -> dict[str, BaseException | None]: ...
    async def authenticate(self) -> None: ...
    async def __aenter__(self) -> Self: ...
    async def __aexit__(self, *exc: Any) -> None: ...
"""


def render_async_client() -> str:
    """``aio/client.pyi``: what checkers see of ``zscaler.aio.client`` (the classes of the runtime module,
    ``client.<product>`` typed with the async resource classes)."""
    out = ['"""Generated by tools/gen_stubs.py: the async clients as checkers see them. Do not edit."""', "",
           "from typing import Any, Mapping", "", "from typing_extensions import Self", "",
           "from zscaler._stubs import AsyncClientProducts", "from zscaler.oneapi_client import Client, LegacyClient",
           "", "", "class AsyncZscalerClient(AsyncClientProducts, Client):",
           '    """The OneAPI client, async: ``async with AsyncZscalerClient(config) as client:``, then',
           '    ``items, resp, err = await client.zpa.segment_groups.list_groups()``."""', "", ASYNC_LIFECYCLE, "",
           "AsyncClient = AsyncZscalerClient", "", "",
           "class AsyncLegacyClient(AsyncClientProducts, LegacyClient):",
           '    """Base of the async legacy clients (``async with`` logs in and out)."""', "",
           "    def __init__(self, config: Mapping[str, Any] | None = None, **kwargs: Any) -> None: ...",
           "    async def login(self) -> None: ...", "    async def logout(self) -> bool: ...", ASYNC_LIFECYCLE]
    names = ["AsyncClient", "AsyncZscalerClient", "AsyncLegacyClient"]
    for product in catalog.legacy_products():
        name = f"Async{catalog.load(product).legacy.client}"
        out += ["", f"class {name}(AsyncLegacyClient): ..."]
        names.append(name)
    return "\n".join(out + ["", f"__all__ = {names!r}"]) + "\n"


def expected() -> dict[Path, str]:
    files = {OUT / f"{p}.pyi": render(p) for p in catalog.products()}
    files[OUT / "__init__.pyi"] = render_index()
    files[OUT / "model.pyi"] = ('"""Generated by tools/gen_stubs.py. Do not edit."""\n\n'
                                "from typing import Any, Iterator, Mapping\n\n\n" + MODEL_BASE +
                                '\n\nclass Input:\n    """A GraphQL input (a dataclass at runtime)."""\n\n'
                                "    def __init__(self, *args: Any, **kwargs: Any) -> None: ...\n")
    files[OUT / "aio.pyi"] = ASYNC_RESULT
    files[PACKAGE / "aio" / "client.pyi"] = render_async_client()
    files.update(_official_files())
    files[PACKAGE / "py.typed"] = "partial\n"
    return files


def main() -> None:
    files = expected()
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    print(f"wrote {len(files)} stub files to {PACKAGE.relative_to(ROOT)}")
    sys.path.insert(0, str(ROOT / "tools"))
    import gen_reference  # the API reference reads the same catalogs: one command keeps both fresh

    gen_reference.main()


if __name__ == "__main__":
    main()
