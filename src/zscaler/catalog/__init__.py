"""Declarative endpoint catalogs, one module per product, loaded on first use."""

from __future__ import annotations

import importlib
from functools import lru_cache

from .spec import Op, Param, Product, Resource, crud, op

#: Products with a catalog module, in the order the official SDK lists them.
PRODUCTS = ("zpa", "zia", "zcc", "zdx", "ztw", "zwa", "zid", "zins", "zms", "zbi", "zeasm", "ztb", "aiguard", "zcell")


@lru_cache(maxsize=None)
def load(product: str) -> Product:
    """Import and return the catalog of one product (``load("zpa")``)."""
    if product not in PRODUCTS:
        raise ValueError(f"unknown product {product!r}; known products: {', '.join(PRODUCTS)}")
    module = importlib.import_module(f"{__name__}.{product}")
    return module.PRODUCT


def available() -> list[str]:
    """Products whose catalog module exists in this installation."""
    out = []
    for p in PRODUCTS:
        try:
            importlib.util.find_spec(f"{__name__}.{p}")  # type: ignore[attr-defined]
        except ModuleNotFoundError:
            continue
        if importlib.util.find_spec(f"{__name__}.{p}") is not None:  # type: ignore[attr-defined]
            out.append(p)
    return out


__all__ = ["Op", "Param", "Product", "Resource", "crud", "op", "load", "available", "PRODUCTS"]
