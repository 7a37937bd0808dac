"""The simulated cloud: turns one HTTP request into one answer, and holds all state.

:class:`Engine` composes the parts, each in its own module:

* :mod:`.gateway`   authentication of API calls, rate limits, gateway headers, faults
* :mod:`.logins`    the OneAPI token endpoint and every legacy login, session check and logout
* :mod:`.crud`      the generic meaning of a catalog route (list/get/create/update/delete/...)
* :mod:`.control`   the control API under ``/_sim/``
* :mod:`.seeding`   :meth:`Engine.seed`
* ``behaviors/<product>.py``  what a product does beyond generic CRUD (and its :class:`Traits`)

A request's path: :meth:`Engine.handle` records it, takes the lock, checks fault rules, then
:meth:`Engine.serve` finds a login endpoint or a catalog route, has the gateway rate-limit and
authenticate it, and runs the route's behaviour or generic kind. Handlers answer Python values;
the engine serializes the answer once, still under the lock, at the end of :meth:`handle`.

The network side lives in :mod:`.httpserver`; the engine is independent of it (``handle`` is a
plain function), which keeps the logic testable and lets the server call it inline.
"""

from __future__ import annotations

import collections
import json
import threading
from typing import Any, Iterable, cast

from . import auth as _auth
from . import control, crud, seeding, wire
from .behaviors import DEFAULT_TRAITS, Traits, behaviors, reset_hooks, traits
from .context import BadRequest, Ctx
from .faults import Fault
from .gateway import Gateway, bad_request
from .network import make_latency, parse_duration, parse_endpoints, parse_rate
from .httpserver import Request, Response
from .logins import DEFAULT_LEGACY, Entry, Logins
from .recording import RecordedRequest
from .routes import Route, Router, bind_behaviors, build_routes, iter_products
from .store import Store

WRITE_VERBS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
KEEP: Any = object()  # set_network(): a keyword not given

DEFAULT_CREDENTIALS = {
    "client_id": "zscaler-simulator-client",
    "client_secret": "zscaler-simulator-secret",
    "customer_id": "216196257331281920",
    "vanity_domain": "simulator",
    "sandbox_token": "zscaler-simulator-sandbox-token",
}

class Engine:
    """State, authentication, faults and routing of the simulated Zscaler cloud."""

    def __init__(
        self,
        *,
        db: str | None = None,
        products: Iterable[Any] | None = None,
        catalogs: Iterable[str] | bool = True,
        token_lifetime: int = 3600,
        session_idle_timeout: float = 1800.0,
        rate_limits: dict[str, float] | None = None,
        rate_limit: Any = None,
        endpoint_limits: Any = None,
        latency: float | str = 0.0,
        latency_jitter: float | str = 0.0,
        public_key: str | bytes | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        customer_id: str | None = None,
        vanity_domain: str | None = None,
        sandbox_token: str | None = None,
        legacy_credentials: dict[str, dict[str, str]] | None = None,
        record_limit: int | None = 100_000,
        tenant: str = "default",
    ):
        self.lock = threading.RLock()
        self.client_id = client_id or DEFAULT_CREDENTIALS["client_id"]
        self.client_secret = client_secret or DEFAULT_CREDENTIALS["client_secret"]
        self.customer_id = str(customer_id or DEFAULT_CREDENTIALS["customer_id"])
        self.vanity_domain = vanity_domain or DEFAULT_CREDENTIALS["vanity_domain"]
        self.sandbox_token = sandbox_token or DEFAULT_CREDENTIALS["sandbox_token"]
        self.legacy_credentials = {k: dict(v) for k, v in DEFAULT_LEGACY.items()}
        for k, v in (legacy_credentials or {}).items():
            self.legacy_credentials.setdefault(k, {}).update(v)
        self.token_lifetime = int(token_lifetime)
        self.session_idle_timeout = float(session_idle_timeout)
        self._public_key = public_key.decode() if isinstance(public_key, bytes) else public_key
        self._db_path = db
        self.store = Store(db)
        self.jwt_key = _auth.new_token().encode()
        self.tokens: dict[str, _auth.Credential] = {}
        self.sessions: dict[str, _auth.Credential] = {}
        self.base_url = ""

        self.products: dict[str, Any] = {}
        stand_ins = self._load_products(products, catalogs)
        self.prefixes = {name: p.prefix for name, p in self.products.items()}
        self.router = Router()
        for p in self.products.values():
            build_routes(p, self.router)
        names = set(self.products)
        bind_behaviors(self.router, behaviors(names), strict=lambda product: product not in stand_ins)
        self.traits: dict[str, Traits] = traits(names)
        self.tenant = tenant
        self._reset_hooks = reset_hooks(names, tenant)

        self.gateway = Gateway(self, rate_limits, rate_limit=rate_limit, endpoint_limits=endpoint_limits,
                               latency=make_latency(latency, latency_jitter))
        self.logins = Logins(self)
        self._edit_lock = 0
        self.staged_products = tuple(p for p, t in self.traits.items() if t.staged)
        self.activation: dict[str, str] = {p: "ACTIVE" for p in self.staged_products}
        self.activations: collections.Counter[str] = collections.Counter({p: 0 for p in self.staged_products})
        self._record_limit = record_limit
        self._requests: collections.deque[Any] = collections.deque(maxlen=record_limit)
        self._run_reset_hooks()  # seed data of product behaviours (must be idempotent: SQLite state survives)

    def _load_products(self, products: Iterable[Any] | None, catalogs: Iterable[str] | bool) -> set[str]:
        """Fill ``self.products``; returns the names of caller-supplied (stand-in) products."""
        if catalogs:
            from zscaler import catalog

            for p in iter_products(catalog.products() if catalogs is True else tuple(catalogs)):
                self.products[p.name] = p
        stand_ins: set[str] = set()
        for p in products or ():
            if isinstance(p, str):
                for loaded in iter_products([p]):
                    self.products[loaded.name] = loaded
            else:
                self.products[p.name] = p
                stand_ins.add(p.name)
        return stand_ins

    # ------------------------------------------------------------------------------
    # public state API
    # ------------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget all objects, settings, faults, recorded requests, activation and rate windows.

        Issued tokens and sessions stay valid (use :meth:`expire_tokens` to drop them).
        """
        with self.lock:
            self.store.reset()
            self.gateway.reset()
            self._requests.clear()
            self._edit_lock = 0
            self.activation = {p: "ACTIVE" for p in self.staged_products}
            self.activations.clear()
            self.activations.update({p: 0 for p in self.staged_products})
            self._run_reset_hooks()

    def reopen(self) -> None:
        """Open the database again after :meth:`close` of the store (a restarted simulator)."""
        if self.store.db is None and self._db_path:
            self.store = Store(self._db_path)

    def state(self) -> dict[str, Any]:
        """A JSON-ready copy of everything stored, plus activation status."""
        with self.lock:
            out = self.store.dump()
            out["activation"] = dict(self.activation)
            out["activations"] = dict(self.activations)
            return cast("dict[str, Any]", json.loads(wire.dumps(out)))

    def items(self, path: str) -> list[dict[str, Any]]:
        """Copies of the items of one concrete collection path (OneAPI form, or ``/_legacy/...``)."""
        key = self.normalize(path)[0]
        with self.lock:
            coll = self.store.collection(key)
            return [dict(o) for o in coll.values()] if coll else []

    @property
    def requests(self) -> list[RecordedRequest]:
        with self.lock:
            return list(self._requests)

    def clear_requests(self) -> None:
        with self.lock:
            self._requests.clear()

    def expire_tokens(self) -> int:
        """Invalidate every issued token and session now; returns how many there were."""
        with self.lock:
            n = len(self.tokens) + len(self.sessions)
            self.tokens.clear()
            self.sessions.clear()
            return n

    def edit_lock(self, times: int = 1) -> None:
        """Make the next ``times`` writes of products with an edit lock (ZIA) answer 409 EDIT_LOCK_NOT_AVAILABLE."""
        with self.lock:
            self._edit_lock = max(0, int(times))

    @property
    def edit_lock_remaining(self) -> int:
        return self._edit_lock

    @property
    def rate_limits(self) -> dict[str, float]:
        return self.gateway.rate_limits

    def rate_limit(self, product: str, per_second: float | None) -> None:
        """Limit ``product`` to ``per_second`` requests per second (None or 0: no limit)."""
        with self.lock:
            if per_second:
                self.gateway.rate_limits[product] = float(per_second)
            else:
                self.gateway.rate_limits.pop(product, None)
            self.gateway.windows.pop(product, None)

    def set_network(self, *, latency: Any = KEEP, latency_jitter: Any = KEEP, rate_limit: Any = KEEP,
                    endpoint_limits: Any = KEEP) -> dict[str, Any]:
        """Change the realistic network at run time; only the keywords given change.

        ``latency``/``latency_jitter``: seconds or text (``"40ms"``) added to every answer
        (``latency ± jitter``, evenly spread; ``latency`` alone is a fixed latency);
        ``rate_limit``: the per-client window (``"50/s"``, ``"5000/60s"``, ``(N, seconds)``,
        None: off); ``endpoint_limits``:
        ``{"GET /zia/api/v1/users": "1/s"}`` (replaces the previous ones; None: none).
        Returns :meth:`network_stats`. ``reset()`` goes back to the constructor's values.
        """
        gw = self.gateway
        base = gw.latency.base if latency is KEEP else parse_duration(latency or 0, "latency")
        if latency_jitter is KEEP:  # a latency given alone is a fixed one
            jitter = gw.latency.jitter if latency is KEEP else 0.0
        else:
            jitter = parse_duration(latency_jitter or 0, "latency_jitter")
        new_latency = make_latency(base, jitter)
        rate = gw.client_rate if rate_limit is KEEP else parse_rate(rate_limit, "rate_limit")
        endpoints = gw.endpoint_limits if endpoint_limits is KEEP else parse_endpoints(endpoint_limits)
        with self.lock:  # everything checked before anything changes
            gw.latency = new_latency
            if rate != gw.client_rate:
                gw.set_client_rate(rate)
            if endpoints != gw.endpoint_limits:
                gw.set_endpoint_limits(endpoints)
            return gw.network()

    def network_stats(self) -> dict[str, Any]:
        """Latency and limits in force, 429s sent by the limits (``throttled``, ``throttled_by``
        client / endpoint / product) and the delayed answers (``delayed``, ``delay_total``,
        ``in_flight``, ``max_in_flight``)."""
        with self.lock:
            return self.gateway.network()

    @property
    def throttled(self) -> int:
        """How many 429 answers the rate limits sent (since the start, ``reset()`` or ``reset_network_counters()``)."""
        return sum(self.gateway.throttled.values())

    def reset_network_counters(self) -> None:
        """Zero the 429 and latency counters of :meth:`network_stats` (limits and windows stay)."""
        with self.lock:
            self.gateway.reset_counters()

    def activation_status(self, product: str = "zia") -> str:
        with self.lock:
            return self.activation.get(product, "ACTIVE")

    def fault(
        self,
        path: str = "*",
        method: str | None = None,
        status: int = 500,
        times: int | None = 1,
        headers: dict[str, str] | None = None,
        body: Any = None,
        delay: float = 0.0,
        action: str | None = None,
        query: dict[str, Any] | None = None,
    ) -> Fault:
        """Add a fault rule (first added, first matched); see :class:`Fault`."""
        f = Fault(path=path, method=method, status=status, times=times, headers=headers, body=body,
                  delay=delay, action=action, query=query)
        with self.lock:
            self.gateway.faults.append(f)
        return f

    @property
    def faults(self) -> list[Fault]:
        with self.lock:
            return list(self.gateway.faults)

    def clear_faults(self) -> None:
        with self.lock:
            self.gateway.faults.clear()

    def seed(
        self,
        product: str | None,
        resource: str | None,
        count: int = 1,
        params: dict[str, Any] | None = None,
        *,
        path: str | None = None,
        **fields: Any,
    ) -> list[dict[str, Any]]:
        """Create ``count`` items of a catalog resource directly in the state.

        Names are ``f"{resource}-{i:06d}"`` (continuing after existing items); ``fields``
        are added to every item (``microtenantId="..."`` scopes them to a microtenant).
        Collection placeholders other than ``customerId`` need ``params``
        (``params={"key_type": "CONNECTOR_GRP"}``); ``path`` gives the concrete
        collection path directly instead. ``count`` must be a whole number >= 0 (ValueError).
        """
        with self.lock:
            return seeding.seed(self, product, resource, count, params, path, fields)

    def info(self) -> dict[str, Any]:
        return {
            "url": self.base_url,
            "products": sorted(self.products),
            "client_id": self.client_id,
            "customer_id": self.customer_id,
            "vanity_domain": self.vanity_domain,
            "rate_limits": dict(self.rate_limits),
            "network": self.gateway.network(),
            "db": self._db_path,
            "tenant": self.tenant,
        }

    @property
    def public_key_pem(self) -> str:
        """The public key client assertions are checked against (given, or of the generated pair)."""
        if self._public_key:
            return self._public_key
        return _auth.generated_keypair()[1]

    @property
    def private_key_pem(self) -> str | None:
        """PKCS#8 PEM of the generated key pair (None when a public key was given)."""
        if self._public_key:
            return None
        return _auth.generated_keypair()[0]

    # ------------------------------------------------------------------------------
    # request entry point
    # ------------------------------------------------------------------------------
    def handle(self, req: Request) -> Response:
        """Answer one request (the HTTP server calls this inline); the answer's body is serialized."""
        if req.path.startswith("/_sim"):
            return control.handle(self, req)
        rec = RecordedRequest(req.method, req.path, req.raw_query, req.header_list, req.body, req.peer)
        with self.lock:
            self._requests.append(rec)
            resp = self._answer(self.context(req))
        if resp.later is None:
            rec.status = resp.status
            rec.delay = self.gateway.delay(resp)
            return resp
        later = resp.later

        def finish() -> Response:
            r = later()
            rec.status = r.status
            return cast("Response", r)

        resp.later = finish
        rec.delay = self.gateway.delay(resp)
        return resp

    def context(self, req: Request) -> Ctx:
        rpath, legacy = self.normalize(req.path)
        raw = req.raw_path
        raw_rpath = rpath if raw == req.path else self.normalize(raw)[0]
        return Ctx(req, rpath, legacy, raw_rpath)

    def _answer(self, ctx: Ctx) -> Response:
        try:
            if self.gateway.faults:
                fault = self.gateway.match_fault(ctx)
                if fault is not None:
                    return self.gateway.apply_fault(fault, ctx).serialize()
            return self.serve(ctx).serialize()
        except BadRequest as exc:
            return bad_request(ctx, exc).serialize()

    def serve_locked(self, ctx: Ctx) -> Response:
        """:meth:`serve` under the lock, serialized (for answers produced after a fault's delay)."""
        with self.lock:
            try:
                return self.serve(ctx).serialize()
            except BadRequest as exc:
                return self.error(ctx, 400, str(exc)).serialize()

    def serve(self, ctx: Ctx) -> Response:
        """Route one request: login endpoints, then the gateway, then the route's handler."""
        entry = self.logins.entry(ctx)
        if entry is not None and not entry.gated:
            ctx.product = ctx.legacy
            return entry.run(self.logins, ctx)
        req = ctx.req
        route, values = self.router.match(req.method, ctx.raw_rpath, ctx.query if req.raw_query else None)
        if route is not None:
            ctx.product = route.product
        else:
            ctx.product = entry.product if entry is not None else wire.detect_product(ctx.rpath)
        rl_headers = None
        if ctx.product is not None:
            limited, rl_headers = self.gateway.rate_check(ctx.product, ctx)
            if limited is not None:
                return limited
        resp = self._guarded(ctx, entry, route, values)
        if rl_headers:
            resp.headers.extend(rl_headers)
        return resp

    def _guarded(self, ctx: Ctx, entry: Entry | None, route: Route | None, values: list[str]) -> Response:
        if entry is None and route is None:
            method, path = ctx.req.method, ctx.req.path
            return Response.json(501, {
                "code": "NOT_SIMULATED", "message": f"{method} {path} is not simulated (no catalog operation matches)",
                "method": method, "path": path})
        check = route.authenticate if route is not None and route.authenticate is not None else None
        denied = check(self, ctx) if check is not None else self.gateway.authenticate(ctx)
        if denied is not None:
            return denied
        if entry is not None:
            return entry.run(self.logins, ctx)
        assert route is not None
        return self._route(ctx, route, values)

    def _route(self, ctx: Ctx, route: Route, values: list[str]) -> Response:
        traits = self.traits_of(route.product)
        is_write = ctx.req.method in WRITE_VERBS and not route.no_pending
        if is_write and traits.edit_lock and self._edit_lock > 0:
            self._edit_lock -= 1
            return Response.json(409, {
                "code": "EDIT_LOCK_NOT_AVAILABLE",
                "message": "Failed to get the edit lock: another admin is editing the configuration"})
        params = route.params(values)
        if route.handler is not None:
            resp = route.handler(self, ctx, route, params)
        else:
            resp = crud.KINDS[route.kind](self, ctx, route, params)
        if is_write and traits.staged and resp.status < 400:
            self.activation[route.product] = "PENDING"
        return cast("Response", resp)

    # ------------------------------------------------------------------------------
    # for behaviours (zscaler.simulator.behaviors)
    # ------------------------------------------------------------------------------
    def traits_of(self, product: str | None) -> Traits:
        """How ``product``'s generic CRUD differs (its declared :class:`Traits`, or the defaults)."""
        return self.traits.get(product or "", DEFAULT_TRAITS)

    def default(self, ctx: Ctx, route: Route, params: dict[str, Any]) -> Response:
        """The generic meaning of ``route`` (list, get, create ...), for behaviours to delegate to.

        The answer's ``value`` may share dicts with the store (nothing is copied unless asked):
        read it as it is, or take ``resp.copy_value()`` before changing it.
        """
        return crud.KINDS[route.kind if route.kind in crud.KINDS else "action"](self, ctx, route, params)

    def json_response(self, status: int, obj: Any, headers: list[Any] | None = None) -> Response:
        return Response.json(status, obj, headers)

    def error(self, ctx: Ctx, status: int, message: str, code: str | None = None, headers: list[Any] | None = None
              ) -> Response:
        """An error answer in the product's real envelope."""
        return Response.json(status, wire.error_body(ctx.product, status, message, code), headers)

    def collection_key(self, route: Route, params: dict[str, Any]) -> str:
        return crud.coll_key(route, params)

    def visible_all(self, ctx: Ctx, coll: Any) -> list[dict[str, Any]]:
        """The items of ``coll`` the caller may see (the product's ``visible`` trait; all by default)."""
        items = coll.values()
        visible = self.traits_of(ctx.product).visible
        if visible is None or coll.scoped == 0:
            return cast("list[dict[str, Any]]", items)
        return [o for o in items if visible(ctx, o)]

    def visible(self, ctx: Ctx, obj: dict[str, Any] | None) -> bool:
        """Whether the caller may see ``obj`` (the product's ``visible`` trait; everything by default)."""
        if obj is None:
            return False
        visible = self.traits_of(ctx.product).visible
        return visible is None or bool(visible(ctx, obj))

    def activate(self, product: str, explicit: bool) -> None:
        """Apply ``product``'s staged changes (ZIA/ZTW); ``explicit``: an activate call, not a logout."""
        if explicit or self.activation.get(product) == "PENDING":
            self.activations[product] += 1
        self.activation[product] = "ACTIVE"

    def ztw_status(self) -> dict[str, Any]:
        """The ZTW activation status document (``ecAdminActivateStatus``); kept in ``behaviors/ztw.py``."""
        from .behaviors.ztw import activation_document

        return activation_document(self)

    # ------------------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------------------
    def normalize(self, path: str) -> tuple[str, str | None]:
        """``/_legacy/zia/api/v1/x`` -> (``/zia/api/v1/x``, ``"zia"``)."""
        if path.startswith("/_legacy/"):
            name, slash, tail = path[9:].partition("/")
            prefix = self.prefixes.get(name, "/" + name)
            return prefix + (slash + tail if slash else ""), name
        return path, None

    def _run_reset_hooks(self) -> None:
        for fn in self._reset_hooks:
            fn(self)


__all__ = ["Engine", "BadRequest", "Ctx", "DEFAULT_CREDENTIALS", "DEFAULT_LEGACY", "WRITE_VERBS"]
