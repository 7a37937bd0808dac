"""Product behaviours of the simulator that the generic catalog routes cannot express.

A behaviour is a handler bound to one verb and path template, registered with
:func:`behavior` in the product's module here (``zpa.py``, ``zia.py`` ...). It replaces the
generic meaning of that route (list/get/create/...), and usually delegates to it and
adjusts the answer::

    @behavior("zpa", "POST", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policy_set_id}/rule")
    def create_rule(engine, ctx, route, params):
        resp = engine.default(ctx, route, params)   # the generic create
        ...

Handlers run under the engine lock and receive ``(engine, ctx, route, params)``; they
return a :class:`~zscaler.simulator.httpserver.Response`. ``engine.default`` runs the
route's generic kind, ``engine.store`` holds the state, ``engine.json_response`` builds an
answer and ``engine.error`` an error in the product's envelope.

A behaviour may also be registered with ``seed=True`` semantics by products that need
initial objects: see :func:`on_reset`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable

#: Product modules in this package; each registers its behaviours when imported.
MODULES = ("zpa", "zia", "ztw", "zcc", "zdx", "zwa", "zid", "zins", "zms", "zbi", "ztb", "aiguard", "zcell")


@dataclass(frozen=True)
class Behavior:
    product: str
    verb: str
    template: str
    handler: Callable[..., Any]
    no_pending: bool = False  # True: a write through it does not stage ZIA/ZTW changes


_REGISTRY: list[Behavior] = []
_RESET_HOOKS: list[tuple[str, Callable[..., Any]]] = []
_loaded = False


def behavior(product: str, verb: str, template: str, *, no_pending: bool = False):
    """Register the decorated function as the handler of ``verb template``."""

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        _REGISTRY.append(Behavior(product, verb.upper(), template, fn, no_pending))
        return fn

    return deco


def on_reset(product: str):
    """Register a function ``fn(engine)`` run when the state is created or reset (seed data)."""

    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        _RESET_HOOKS.append((product, fn))
        return fn

    return deco


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for name in MODULES:
        try:
            importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
    _loaded = True


def behaviors(products: set[str] | None = None) -> list[Behavior]:
    """Registered behaviours, for the given products (all when ``None``)."""
    _load()
    return [b for b in _REGISTRY if products is None or b.product in products]


def reset_hooks(products: set[str] | None = None) -> list[Callable[..., Any]]:
    _load()
    return [fn for p, fn in _RESET_HOOKS if products is None or p in products]
