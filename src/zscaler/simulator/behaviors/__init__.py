"""Product behaviours of the simulator that the generic catalog routes cannot express.

A behaviour is a handler bound to one verb and path template, registered with
:func:`behavior` in the product's module here (``zpa.py``, ``zia.py`` ...). It replaces the
generic meaning of that route (list/get/create/...), and usually delegates to it and
adjusts the answer::

    @behavior("zpa", "POST", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/policySet/{policy_set_id}/rule")
    def create_rule(engine, ctx, route, params):
        resp = engine.default(ctx, route, params)   # the generic create
        obj = resp.copy_value()                     # a Python value (a copy: resp.value is the stored one)
        ...
        return engine.json_response(201, obj)

Handlers run under the engine lock and receive ``(engine, ctx, route, params)``; they
return a :class:`~zscaler.simulator.httpserver.Response`, usually holding a Python value
(``engine.json_response(status, value)``) that is serialized once, when the answer leaves the
engine. ``engine.default`` runs the route's generic kind (its ``value`` may be the stored
object itself: change ``resp.copy_value()``, not ``resp.value``), ``engine.store`` holds the
state (a stored object changes only through its methods: the SQLite copy and the JSON texts
listings answer from rely on it) and ``engine.error`` builds an error in the product's envelope.

Every behaviour must match an operation of the product's catalog (same verb and path shape):
a typo is an error when the engine loads. A path that clients send but no operation describes
(a hook's rewritten ``call.path``, the official SDK's own spelling) says so with ``wire_only=True``.
For a caller-supplied stand-in product (``Simulator(products=[...])``) behaviours without a
matching operation are skipped.

How a product's *generic* CRUD differs (ZPA answers updates 204 and scopes items to
microtenants, ZIA stages writes until activation ...) is declared once per product with
:func:`product_traits`; :func:`on_reset` registers seed data.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])



@dataclass(frozen=True)
class Behavior:
    product: str
    verb: str
    template: str
    handler: Callable[..., Any]
    no_pending: bool = False  # True: a write through it does not stage ZIA/ZTW changes
    wire_only: bool = False  # True: clients send this path (a hook's rewrite ...) but no catalog op describes it
    #: ``fn(engine, ctx) -> Response | None`` checks the caller instead of the gateway (None: allowed)
    authenticate: Callable[..., Any] | None = None

    @property
    def name(self) -> str:
        return f"{getattr(self.handler, '__module__', '?')}.{getattr(self.handler, '__qualname__', '?')}"


@dataclass(frozen=True)
class Traits:
    """How a product's generic CRUD differs from the default (see :func:`product_traits`)."""

    update_status: int = 200  # what a PUT/PATCH of an item or settings object answers (ZPA: 204)
    create_status: int = 200  # what a POST creating an item answers (ZPA: 201)
    required_code: str | None = "INVALID_INPUT_ARGUMENT"  # error code of a missing required field
    staged: bool = False  # writes stage changes until activation (ZIA, ZTW)
    edit_lock: bool = False  # Engine.edit_lock() makes the next writes answer 409 (ZIA)
    #: ``visible(ctx, obj) -> bool``: whether the caller sees a stored item (ZPA microtenants)
    visible: Callable[[Any, dict[str, Any]], bool] | None = None
    #: ``on_create(ctx, obj, route)``: complete a new item before it is stored (server defaults ...)
    on_create: Callable[[Any, dict[str, Any], Any], None] | None = None
    #: ``search(items, expr) -> items`` for ``?search=`` (default: name contains the text)
    search: Callable[[list[Any], str], list[Any]] | None = None
    quota_header: str | None = None  # legacy answers report the remaining quota in this header (ZCC)
    #: model name -> {key: value}: the server defaults the API answers when a write left them out
    #: (``behaviors/<product>_defaults.py``; see :mod:`.represent`)
    defaults: dict[str, dict[str, Any]] = field(default_factory=dict)


DEFAULT_TRAITS = Traits()

_REGISTRY: list[Behavior] = []
_RESET_HOOKS: list[tuple[str, bool, Callable[..., Any]]] = []

#: the tenants a simulator can start with: "default" (the predefined and reference objects every
#: real tenant has, seeded by ``@on_reset(product, tenant=True)`` hooks) or "empty" (none of them)
TENANTS = ("default", "empty")
_TRAITS: dict[str, Traits] = {}
_loaded = False


def behavior(product: str, verb: str, template: str, *, no_pending: bool = False, wire_only: bool = False,
             authenticate: Callable[..., Any] | None = None) -> Callable[[F], F]:
    """Register the decorated function as the handler of ``verb template``."""

    def deco(fn: F) -> F:
        _REGISTRY.append(Behavior(product, verb.upper(), template, fn, no_pending, wire_only, authenticate))
        return fn

    return deco


def product_traits(product: str, **traits: Any) -> Traits:
    """Declare how ``product``'s generic CRUD differs (fields of :class:`Traits`)."""
    _TRAITS[product] = Traits(**traits)
    return _TRAITS[product]


def on_reset(product: str, *, tenant: bool = False) -> Callable[[F], F]:
    """Register a function ``fn(engine)`` run when the state is created or reset (seed data).

    ``tenant=True``: the hook seeds the default tenant (predefined and reference objects a real
    tenant has); it does not run for ``Simulator(tenant="empty")``.
    """

    def deco(fn: F) -> F:
        _RESET_HOOKS.append((product, tenant, fn))
        return fn

    return deco


def _load() -> None:
    global _loaded
    if _loaded:
        return
    from zscaler import catalog

    for name in catalog.products():  # behaviors/<product>.py, when the product has one
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


def reset_hooks(products: set[str] | None = None, tenant: str = "default") -> list[Callable[..., Any]]:
    """The seed hooks of ``products`` (all when ``None``); ``tenant="empty"`` leaves out the default tenant's."""
    if tenant not in TENANTS:
        raise ValueError(f"tenant must be one of {', '.join(TENANTS)}, got {tenant!r}")
    _load()
    return [fn for p, seeds_tenant, fn in _RESET_HOOKS
            if (products is None or p in products) and (tenant == "default" or not seeds_tenant)]


def traits(products: set[str]) -> dict[str, Traits]:
    """The declared traits of ``products`` (products without a declaration are absent)."""
    _load()
    return {p: t for p, t in _TRAITS.items() if p in products}
