"""Declarative endpoint catalogs, one module per product, loaded on first use.

A product is a module of this package that declares ``PRODUCT = Product(...)``; nothing else
lists it. Its facts (title, client properties, path prefixes, activation path, listing order,
legacy login) are read from that declaration's literal arguments without importing the module
(:func:`facts`), so product detection and ``zscaler --help`` stay cheap; :func:`load` imports
the module and checks that what it built agrees with what was read.
"""

from __future__ import annotations

import ast
import importlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from .spec import Facts, Login, Op, Param, Product, Resource, crud, op

_DECLARATION = "\nPRODUCT = Product("
_POSITIONAL = ("name", "prefix")
_KEYWORDS = ("title", "properties", "paths", "activation", "order", "legacy")


def _literal(module: str, node: ast.expr, what: str) -> Any:
    """A literal argument; ``legacy=Login(...)`` is a call whose keyword arguments are literals."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Login" and not node.args:
        return Login(**{k.arg: _literal(module, k.value, f"{what}.{k.arg}") for k in node.keywords if k.arg})
    try:
        return ast.literal_eval(node)
    except ValueError:
        raise ValueError(f"catalog {module}: Product {what} must be a literal (it is read without "
                         f"importing the module)") from None


def _declared(module: str, text: str) -> Facts | None:
    """The facts of the ``PRODUCT = Product(...)`` declaration in ``text`` (None: not a product module)."""
    at = text.find(_DECLARATION)
    if at < 0:
        return None
    call = ast.parse(text[at + 1:]).body[0].value  # type: ignore[attr-defined]
    given = {k: _literal(module, a, k) for k, a in zip(_POSITIONAL, call.args)}
    given.update({k.arg: _literal(module, k.value, k.arg) for k in call.keywords
                  if k.arg in _POSITIONAL + _KEYWORDS})
    if given.get("name") != module:
        raise ValueError(f"catalog {module}: PRODUCT is named {given.get('name')!r}; a product's name is its module's")
    return Product(resources=(), paging="none", **given).facts()


@lru_cache(maxsize=1)
def _index() -> dict[str, Facts]:
    found: dict[str, Facts] = {}
    for folder in __path__:
        for file in sorted(Path(folder).glob("*.py")):
            if file.stem.startswith("_") or file.stem.endswith("_hooks") or file.stem in found:
                continue
            facts = _declared(file.stem, file.read_text(encoding="utf-8"))
            if facts is not None:
                found[file.stem] = facts
    return dict(sorted(found.items(), key=lambda kv: (kv[1].order, kv[0])))


def products() -> tuple[str, ...]:
    """Products with a catalog module, in listing order (the order the official SDK lists them)."""
    return tuple(_index())


def facts(product: str) -> Facts:
    """The facts of one product, without importing its catalog (``facts("zid").properties``)."""
    try:
        return _index()[product]
    except KeyError:
        raise ValueError(f"unknown product {product!r}; known products: {', '.join(_index())}") from None


@lru_cache(maxsize=1)
def properties() -> dict[str, str]:
    """Client property -> product (``zidentity`` -> ``zid``; every product is its own property)."""
    out = {name: name for name in _index()}
    for f in _index().values():
        out.update(dict.fromkeys(f.properties, f.name))
    return out


@lru_cache(maxsize=1)
def _prefixes() -> tuple[tuple[str, str], ...]:
    pairs = [(p.rstrip("/"), f.name) for f in _index().values() for p in f.paths]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))  # the longest prefix decides


@lru_cache(maxsize=512)
def product_of(path: str) -> str | None:
    """The product a gateway path belongs to (``/zpa/mgmtconfig/...`` -> ``zpa``, ``/zscsb/...`` -> ``zia``).

    A prefix matches whole path segments: ``/zpa`` and ``/zpa/x`` are ZPA, ``/zpax`` is nothing.
    Callers pass the head of long paths (the cache is keyed by the string).
    """
    for prefix, product in _prefixes():
        if path.startswith(prefix) and (len(path) == len(prefix) or path[len(prefix)] in "/?"):
            return product
    return None


@lru_cache(maxsize=1)
def head_length() -> int:
    """How much of a path :func:`product_of` needs (the longest prefix and one character)."""
    return max((len(p) for p, _ in _prefixes()), default=0) + 1


@lru_cache(maxsize=None)
def load(product: str) -> Product:
    """Import and return the catalog of one product (``load("zpa")``)."""
    expected = facts(product)
    module = importlib.import_module(f"{__name__}.{product}")
    built: Product = module.PRODUCT
    if built.facts() != expected:
        raise ValueError(f"catalog {product}: the facts read from its PRODUCT declaration ({expected}) differ "
                         f"from the product it built ({built.facts()}); write them as literal arguments")
    return built


def legacy_products() -> tuple[str, ...]:
    """Products with a legacy client (``Product.legacy``), in listing order."""
    return tuple(name for name, f in _index().items() if f.legacy is not None)


def legacy(product: str) -> Login:
    """The legacy login description of ``product`` (ValueError when it has no legacy client)."""
    login = facts(product).legacy
    if login is None:
        raise ValueError(f"no legacy client for {product!r}; one of {', '.join(legacy_products())}")
    return login


def available() -> list[str]:
    """Products whose catalog module exists in this installation."""
    return list(products())


def refresh() -> None:
    """Forget what was discovered (after a catalog folder was added to ``__path__``, in tests)."""
    for cached in (_index, properties, _prefixes, product_of, head_length, load):
        cached.cache_clear()


def __getattr__(name: str) -> Any:
    if name == "PRODUCTS":  # kept for callers of the former constant
        return products()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Facts", "Login", "Op", "Param", "Product", "Resource", "crud", "op", "load", "available", "facts", "products",
           "properties", "product_of", "refresh", "legacy", "legacy_products", "PRODUCTS"]
