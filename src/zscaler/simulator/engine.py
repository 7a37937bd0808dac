"""The simulated cloud: turns one HTTP request into one answer, and holds all state.

The network side lives in :mod:`.httpserver`; :class:`Engine` is independent of it (its
``handle(request) -> Response`` is a plain function), which keeps the logic testable and
lets the server call it inline on the event loop without tasks or thread hops.
"""

from __future__ import annotations

import collections
import itertools
import json
import math
import re
import threading
import time
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs

from . import auth as _auth
from . import wire
from .faults import Fault
from .httpserver import Request, Response
from .recording import RecordedRequest
from .routes import Route, Router, build_routes, fill, iter_products, resource_collection, split_template
from .store import Store

WRITE_VERBS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
ACTIVATED_PRODUCTS = ("zia", "ztw")
_dumps = wire.dumps

DEFAULT_CREDENTIALS = {
    "client_id": "zscaler-simulator-client",
    "client_secret": "zscaler-simulator-secret",
    "customer_id": "216196257331281920",
    "vanity_domain": "simulator",
    "sandbox_token": "zscaler-simulator-sandbox-token",
}

DEFAULT_LEGACY = {
    "zia": {"username": "admin@simulator.zscaler.net", "password": "Simulator-Passw0rd!", "api_key": "sImUlAtOr9x7K"},
    "ztw": {"username": "admin@simulator.zscaler.net", "password": "Simulator-Passw0rd!", "api_key": "sImUlAtOr9x7K"},
    "zcc": {"api_key": "zcc-simulator-key", "secret_key": "zcc-simulator-secret"},
    "zdx": {"key_id": "zdx-simulator-key", "key_secret": "zdx-simulator-secret"},
    "zwa": {"key_id": "zwa-simulator-key", "key_secret": "zwa-simulator-secret"},
}

# what a login endpoint receives must never be echoed by the control API
_LOGIN_PATHS = (
    "/oauth2/v1/token",
    "/signin",
    "/papi/auth/v1/login",
    "/v1/oauth/token",
    "/v1/auth/api-key/token",
    "/api/v1/authenticatedSession",
    "/api/v1/auth",
)

_SEARCH_RX = re.compile(r"^\s*(\w+)[+ ](EQ|NE|CONTAINS|STARTSWITH|ENDSWITH|LIKE|IN|NOT_IN)[+ ](.*)$", re.I | re.S)


class BadRequest(Exception):
    pass


def _json_response(status: int, obj: Any, headers: list | None = None) -> Response:
    return Response(status, _dumps(obj) if status != 204 else b"", headers or [])


def _is_loopback(peer) -> bool:
    if not peer:
        return True
    host = peer[0] if isinstance(peer, (tuple, list)) else str(peer)
    return host.startswith("127.") or host in ("::1", "localhost") or host.startswith("::ffff:127.")


class Ctx:
    """One request being served."""

    __slots__ = ("req", "rpath", "legacy", "product", "_query", "_json", "oneapi")

    def __init__(self, req: Request, rpath: str, legacy: str | None):
        self.req = req
        self.rpath = rpath
        self.legacy = legacy
        self.oneapi = legacy is None
        self.product: str | None = None
        self._query: dict | None = None
        self._json: Any = ...

    @property
    def query(self) -> dict[str, list[str]]:
        if self._query is None:
            raw = self.req.raw_query
            self._query = parse_qs(raw, keep_blank_values=True) if raw else {}
        return self._query

    def q(self, key: str) -> str | None:
        v = self.query.get(key)
        return v[-1] if v else None

    def json(self) -> Any:
        if self._json is ...:
            body = self.req.body
            if not body or not body.strip():
                self._json = None
            else:
                try:
                    self._json = json.loads(body)
                except ValueError as exc:
                    raise BadRequest(f"request body is not valid JSON: {exc}") from None
        return self._json

    def form(self) -> dict[str, str]:
        ctype = self.req.headers.get("content-type", "")
        if "json" in ctype:
            data = self.json()
            return {k: str(v) for k, v in data.items()} if isinstance(data, dict) else {}
        text = self.req.body.decode("utf-8", "replace")
        return {k: v[-1] for k, v in parse_qs(text, keep_blank_values=True).items()}


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
        public_key: str | bytes | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        customer_id: str | None = None,
        vanity_domain: str | None = None,
        sandbox_token: str | None = None,
        legacy_credentials: dict[str, dict[str, str]] | None = None,
        record_limit: int | None = 100_000,
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
        self._jwt_key = _auth.new_token().encode()

        # catalogs -> routes
        self.products: dict[str, Any] = {}
        if catalogs:
            from zscaler.catalog import PRODUCTS

            names = PRODUCTS if catalogs is True else tuple(catalogs)
            for p in iter_products(names):
                self.products[p.name] = p
        for p in products or ():
            if isinstance(p, str):
                for loaded in iter_products([p]):
                    self.products[loaded.name] = loaded
            else:
                self.products[p.name] = p
        self.prefixes = {name: p.prefix for name, p in self.products.items()}
        self.router = Router()
        for p in self.products.values():
            build_routes(p, self.router)
        self._add_behaviors()

        # credentials issued
        self.tokens: dict[str, _auth.Credential] = {}
        self.sessions: dict[str, _auth.Credential] = {}

        # behaviour switches
        self._configured_rate_limits = {k: float(v) for k, v in (rate_limits or {}).items() if v}
        self.rate_limits: dict[str, float] = dict(self._configured_rate_limits)
        self._windows: dict[str, list] = {}
        self._faults: list[Fault] = []
        self._edit_lock = 0
        self.activation: dict[str, str] = {p: "ACTIVE" for p in ACTIVATED_PRODUCTS}
        self.activations: collections.Counter = collections.Counter({p: 0 for p in ACTIVATED_PRODUCTS})
        self._record_limit = record_limit
        self._requests: collections.deque = collections.deque(maxlen=record_limit)
        self._request_ids = itertools.count(1)
        self._base_url = ""
        self._run_reset_hooks()  # seed data of product behaviours (must be idempotent: SQLite state survives)

    # ------------------------------------------------------------------------------
    # public state API
    # ------------------------------------------------------------------------------
    def reset(self) -> None:
        """Forget all objects, settings, faults, recorded requests, activation and rate windows.

        Issued tokens and sessions stay valid (use :meth:`expire_tokens` to drop them).
        """
        with self.lock:
            self.store.reset()
            self._faults.clear()
            self._requests.clear()
            self._edit_lock = 0
            self.activation = {p: "ACTIVE" for p in ACTIVATED_PRODUCTS}
            self.activations.clear()
            self.activations.update({p: 0 for p in ACTIVATED_PRODUCTS})
            self.rate_limits = dict(self._configured_rate_limits)
            self._windows.clear()
            self._run_reset_hooks()

    def state(self) -> dict:
        """A JSON-ready copy of everything stored, plus activation status."""
        with self.lock:
            out = self.store.dump()
            out["activation"] = dict(self.activation)
            out["activations"] = dict(self.activations)
            return json.loads(_dumps(out))

    def items(self, path: str) -> list[dict]:
        """Copies of the items of one concrete collection path (OneAPI form, or ``/_legacy/...``)."""
        key = self._normalize(path)[0]
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
        """Make the next ``times`` ZIA writes answer 409 EDIT_LOCK_NOT_AVAILABLE."""
        with self.lock:
            self._edit_lock = max(0, int(times))

    def rate_limit(self, product: str, per_second: float | None) -> None:
        """Limit ``product`` to ``per_second`` requests per second (None or 0: no limit)."""
        with self.lock:
            if per_second:
                self.rate_limits[product] = float(per_second)
            else:
                self.rate_limits.pop(product, None)
            self._windows.pop(product, None)

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
            self._faults.append(f)
        return f

    @property
    def faults(self) -> list[Fault]:
        with self.lock:
            return list(self._faults)

    def clear_faults(self) -> None:
        with self.lock:
            self._faults.clear()

    def seed(
        self,
        product: str | None,
        resource: str | None,
        count: int = 1,
        params: dict[str, Any] | None = None,
        *,
        path: str | None = None,
        **fields: Any,
    ) -> list[dict]:
        """Create ``count`` items of a catalog resource directly in the state.

        Names are ``f"{resource}-{i:06d}"`` (continuing after existing items); ``fields``
        are added to every item (``microtenantId="..."`` scopes them to a microtenant).
        Collection placeholders other than ``customerId`` need ``params``
        (``params={"key_type": "CONNECTOR_GRP"}``); ``path`` gives the concrete
        collection path directly instead.
        """
        with self.lock:
            key, prod, res = self._seed_target(product, resource, params, path)
            id_field = (res.id_field if res is not None else None) or "id"
            style = prod.id_style if prod is not None else "int"
            pname = prod.name if prod is not None else (product or "zpa")
            coll = self.store.collection(key)
            start = len(coll) if coll else 0
            ids = self.store.new_ids(pname, style, count)
            sf = wire.server_fields(pname, True)
            label = resource or "item"
            objs = []
            pairs = []
            for i, oid in enumerate(ids, start):
                o = {id_field: oid, "name": f"{label}-{i:06d}"}
                o.update(sf)
                if fields:
                    o.update(fields)
                objs.append(o)
                pairs.append((str(oid), o))
            self.store.bulk_insert(key, pairs, pname)
            return [dict(o) for o in objs]

    # ------------------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------------------
    def _normalize(self, path: str) -> tuple[str, str | None]:
        """``/_legacy/zia/api/v1/x`` -> (``/zia/api/v1/x``, ``"zia"``)."""
        if path.startswith("/_legacy/"):
            rest = path[9:]
            name, slash, tail = rest.partition("/")
            prefix = self.prefixes.get(name, "/" + name)
            return prefix + (slash + tail if slash else ""), name
        return path, None

    def _seed_target(self, product, resource, params, path):
        prod = self.products.get(product) if product else None
        if product and prod is None:
            raise ValueError(f"unknown product {product!r}; simulated products: {', '.join(self.products)}")
        res = None
        if prod is not None and resource:
            try:
                res = prod.resource(resource)
            except AttributeError:
                raise ValueError(
                    f"{product} has no resource {resource!r}; resources: "
                    + ", ".join(r.attribute for r in prod.resources)
                ) from None
        if path:
            key = self._normalize(path.rstrip("/") or "/")[0]
            if prod is None:
                route, _ = self.router.match("GET", key)
                if route is not None:
                    prod = self.products.get(route.product)
                    res = route.resource
            return key, prod, res
        if res is None:
            raise ValueError("seed needs product and resource (or path)")
        template = resource_collection(prod, res)
        if template is None:
            raise ValueError(f"{product}.{resource} has no collection to seed")
        values = {"customerId": self.customer_id}
        for k, v in (params or {}).items():
            # accept the caller-side names of mapped values ("connector" -> "CONNECTOR_GRP")
            for o in res.ops:
                m = o.maps.get(k) if o.maps else None
                if m and v in m:
                    v = m[v]
                    break
            values[k] = v
        try:
            key = fill(template, values)
        except KeyError as exc:
            missing = [n for n in re.findall(r"{(\w+)}", template) if n not in values]
            raise ValueError(
                f"{product}.{resource} lives at {template}; give values for {', '.join(missing) or exc.args[0]} "
                f"with params={{...}}"
            ) from None
        return key, prod, res

    def _err(self, ctx: Ctx, status: int, message: str, code: str | None = None, headers=None) -> Response:
        return _json_response(status, wire.error_body(ctx.product, status, message, code), headers)

    # ------------------------------------------------------------------------------
    # request entry point
    # ------------------------------------------------------------------------------
    def handle(self, req: Request) -> Response:
        if req.path.startswith("/_sim"):
            return self._control(req)
        rec = RecordedRequest(req.method, req.path, req.raw_query, req.header_list, req.body)
        with self.lock:
            self._requests.append(rec)
            try:
                resp = self._dispatch(req)
            except BadRequest as exc:
                rpath, legacy = self._normalize(req.path)
                resp = _json_response(400, wire.error_body(wire.detect_product(rpath), 400, str(exc)))
        if resp.later is not None:
            later = resp.later

            def finish():
                r = later()
                rec.status = r.status
                return r

            resp.later = finish
        else:
            rec.status = resp.status
        return resp

    def _dispatch(self, req: Request) -> Response:
        rpath, legacy = self._normalize(req.path)
        ctx = Ctx(req, rpath, legacy)
        if self._faults:
            fault = self._match_fault(req.method, req.path, rpath, req.raw_query)
            if fault is not None:
                return self._apply_fault(fault, ctx)
        return self._serve(ctx)

    def _serve_locked(self, ctx: Ctx) -> Response:
        with self.lock:
            try:
                return self._serve(ctx)
            except BadRequest as exc:
                return self._err(ctx, 400, str(exc))

    def _serve(self, ctx: Ctx) -> Response:
        req = ctx.req
        method = req.method
        rpath = ctx.rpath
        if ctx.legacy is None:
            if rpath == "/oauth2/v1/token":
                ctx.product = None
                resp = self._token_endpoint(ctx)
                self._gateway_headers(resp, None)
                return resp
        else:
            login = self._logins.get((method, rpath))
            if login is not None:
                ctx.product = ctx.legacy
                return login(self, ctx)

        route, values = self.router.match(method, rpath, ctx.query if req.raw_query else None)
        product = route.product if route is not None else wire.detect_product(rpath)
        ctx.product = product

        rl_headers = None
        if product is not None:
            limited, rl_headers = self._rate_check(product, ctx)
            if limited is not None:
                return limited

        if route is None:
            resp = _json_response(
                501,
                {
                    "code": "NOT_SIMULATED",
                    "message": f"{method} {req.path} is not simulated (no catalog operation matches)",
                    "method": method,
                    "path": req.path,
                },
            )
        else:
            denied = self._authenticate(ctx)
            if denied is not None:
                resp = denied
            else:
                resp = self._route(ctx, route, values)
        if rl_headers:
            resp.headers.extend(rl_headers)
        return resp

    def _route(self, ctx: Ctx, route: Route, values: list[str]) -> Response:
        method = ctx.req.method
        product = route.product
        is_write = method in WRITE_VERBS and not route.no_pending
        if is_write and product == "zia" and self._edit_lock > 0:
            self._edit_lock -= 1
            return _json_response(
                409,
                {"code": "EDIT_LOCK_NOT_AVAILABLE",
                 "message": "Failed to get the edit lock: another admin is editing the configuration"},
            )
        params = route.params(values)
        if route.handler is not None:
            resp = route.handler(self, ctx, route, params)
        else:
            resp = getattr(self, "_k_" + route.kind)(ctx, route, params)
        if is_write and product in ACTIVATED_PRODUCTS and resp.status < 400:
            self.activation[product] = "PENDING"
        return resp

    # ------------------------------------------------------------------------------
    # gateway: rate limits, headers, authentication
    # ------------------------------------------------------------------------------
    def _rate_check(self, product: str, ctx: Ctx):
        now = time.monotonic()
        limit = self.rate_limits.get(product)
        window = 1.0 if limit else 60.0
        nominal = int(limit) if limit else 5000
        w = self._windows.get(product)
        if w is None or now >= w[0] + window:
            w = self._windows[product] = [now, 0]
        reset = max(0, math.ceil(w[0] + window - now))
        if limit and w[1] >= limit:
            retry = max(1, reset)
            headers, body = wire.too_many_requests(product, retry, nominal, ctx.oneapi)
            if ctx.oneapi:
                headers = [
                    ("x-ratelimit-limit", f"{nominal}, {nominal};w=1"),
                    ("x-ratelimit-remaining", "0"),
                    ("x-ratelimit-reset", str(retry)),
                ] + headers + self._request_id_headers()
            return _json_response(429, body, headers), None
        w[1] += 1
        if not ctx.oneapi:  # legacy ZCC reports its remaining quota on every answer
            return None, ([("X-Rate-Limit-Remaining", str(max(0, nominal - w[1])))] if product == "zcc" else None)
        remaining = max(0, nominal - w[1])
        win = "1" if limit else "60"
        return None, [
            ("x-ratelimit-limit", f"{nominal}, {nominal};w={win}"),
            ("x-ratelimit-remaining", str(remaining)),
            ("x-ratelimit-reset", str(reset)),
        ] + self._request_id_headers()

    def _request_id_headers(self) -> list:
        n = next(self._request_ids)
        rid = f"{n:032x}"
        return [("x-oneapi-request-id", rid), ("x-transaction-id", rid[:16])]

    def _gateway_headers(self, resp: Response, product: str | None) -> None:
        resp.headers.extend(
            [("x-ratelimit-limit", "500, 500;w=1, 10000;w=60"), ("x-ratelimit-remaining", "499"),
             ("x-ratelimit-reset", "1")] + self._request_id_headers()
        )

    def _caller_credential(self, ctx: Ctx) -> tuple[str | None, str | None]:
        """(table, key) of the credential the request carries."""
        h = ctx.req.headers
        if ctx.legacy in ("zia", "ztw"):
            sid = _cookie(h.get("cookie", ""), "JSESSIONID")
            if sid:
                return "sessions", sid
        if ctx.legacy == "zcc" and h.get("auth-token"):
            return "tokens", h["auth-token"].strip()
        a = h.get("authorization", "")
        if a[:7].lower() == "bearer ":
            return "tokens", a[7:].strip()
        return None, None

    def _authenticate(self, ctx: Ctx) -> Response | None:
        now = time.time()
        rpath = ctx.rpath
        if rpath.startswith("/zscsb"):
            if ctx.q("api_token") == self.sandbox_token:
                return None
            return self._err(ctx, 401, "missing or invalid api_token", "UNAUTHORIZED")
        table, key = self._caller_credential(ctx)
        if table == "tokens" and key is not None:
            cred = self.tokens.get(key)
            if cred is not None:
                if cred.expires_at <= now:
                    del self.tokens[key]
                elif cred.kind == "oneapi" or cred.kind == ctx.legacy:
                    return None
        elif table == "sessions" and key is not None:
            cred = self.sessions.get(key)
            if cred is not None:
                if now - cred.last_used > self.session_idle_timeout:
                    del self.sessions[key]
                elif cred.kind == ctx.legacy:
                    cred.last_used = now
                    return None
        if ctx.oneapi:
            return _json_response(401, wire.GATEWAY_401)
        return self._err(ctx, 401, "authentication required: missing, expired or unknown credentials")

    # ------------------------------------------------------------------------------
    # faults
    # ------------------------------------------------------------------------------
    def _match_fault(self, method: str, path: str, rpath: str, raw_query: str = "") -> Fault | None:
        for f in self._faults:
            if f.matches(method, path, rpath, raw_query=raw_query) and f.take():
                return f
        return None

    def _apply_fault(self, f: Fault, ctx: Ctx) -> Response:
        product = wire.detect_product(ctx.rpath) if ctx.rpath != "/oauth2/v1/token" else None
        ctx.product = product
        delay = f.delay
        if f.action == "reset":
            return Response(action="reset", delay=delay)
        if f.action == "malformed":
            return Response(200, b"{not json", delay=delay)
        if f.action == "delay":
            return Response(delay=delay, later=lambda: self._serve_locked(ctx))
        if f.action == "truncate":
            def cut():
                r = self._serve_locked(ctx)
                if not r.body or len(r.body) < 2:
                    r.body = _dumps({"truncated": True, "path": ctx.req.path})
                if r.status == 204:
                    r.status = 200
                r.action = "truncate"
                return r
            return Response(delay=delay, later=cut)
        if f.action == "expire_token":
            table, key = self._caller_credential(ctx)
            if table:
                getattr(self, table).pop(key, None)
            resp = _json_response(401, wire.GATEWAY_401) if ctx.oneapi else self._err(
                ctx, 401, "authentication required: the session has expired")
            resp.delay = delay
            return resp
        # plain answer
        status = f.status
        headers = [(k, str(v)) for k, v in f.headers.items()] if f.headers else []
        if f.body is not None:
            body = f.body
            if isinstance(body, str):
                body = body.encode()
            elif not isinstance(body, bytes):
                body = _dumps(body)
        elif status == 204:
            body = b""
        elif status == 429:
            h429, obj = wire.too_many_requests(product, 0, 1, ctx.oneapi)
            body = _dumps(obj)
            if not f.headers:
                headers = h429
        elif status < 300:
            body = b"{}"
        else:
            obj = wire.GATEWAY_401 if status == 401 and ctx.oneapi else wire.error_body(
                product, status, f"simulated fault: {status} for {ctx.req.method} {ctx.req.path}")
            body = _dumps(obj)
        if ctx.oneapi and status == 429 and not f.headers:
            headers = [("x-ratelimit-limit", "5000, 5000;w=60"), ("x-ratelimit-remaining", "0"),
                       ("x-ratelimit-reset", "0")] + headers
        return Response(status, body, headers, delay=delay)

    # ------------------------------------------------------------------------------
    # route kinds
    # ------------------------------------------------------------------------------
    def _coll_key(self, route: Route, params: dict) -> str:
        if route.coll_template is None:
            raise TypeError(f"route {route.verb} {route.template} has no item collection")
        return fill(route.coll_template, params)

    def visible_all(self, ctx: Ctx, coll) -> list[dict]:
        """The items of ``coll`` the caller may see (ZPA microtenant scoping; all of them elsewhere)."""
        items = coll.values()
        if ctx.product != "zpa":
            return items
        mt = ctx.q("microtenantId")
        if mt in (None, "", "0"):
            mt = None
        if coll.scoped == 0:
            return items
        return [o for o in items if _mt_of(o) in (None, mt)]

    def visible(self, ctx: Ctx, obj: dict | None) -> bool:
        """Whether the caller may see ``obj`` (ZPA microtenant scoping; everything elsewhere)."""
        if obj is None:
            return False
        if ctx.product != "zpa":
            return True
        owner = _mt_of(obj)
        if owner is None:
            return True
        return owner == ctx.q("microtenantId")

    def _k_list(self, ctx: Ctx, route: Route, params: dict) -> Response:
        try:
            key = self._coll_key(route, params)
        except KeyError:
            key = ""
        coll = self.store.collection(key)
        items = self.visible_all(ctx, coll) if coll is not None else []
        search = ctx.q("search")
        if search:
            items = _search(items, search, ctx.product == "zpa")
        try:
            host = ctx.req.headers.get("host")
            base = f"http://{host}" if host else self._base_url
            body = wire.paginate(route.paging, items, ctx.query, base, ctx.req.path)
        except wire.PagingError as exc:
            return self._err(ctx, 400, str(exc))
        return Response(200, _dumps(body))

    def _lookup(self, ctx: Ctx, route: Route, params: dict):
        key = self._coll_key(route, params)
        oid = params[route.names[-1]] if route.names else ""
        coll = self.store.collection(key)
        obj = coll.items.get(oid) if coll is not None else None
        if not self.visible(ctx, obj):
            obj = None
        return key, oid, obj

    def _not_found(self, ctx: Ctx, oid: str) -> Response:
        return self._err(ctx, 404, f"resource with id {oid} not found at {ctx.req.path}")

    def _k_get(self, ctx, route, params):
        _, oid, obj = self._lookup(ctx, route, params)
        if obj is None:
            return self._not_found(ctx, oid)
        return Response(200, _dumps(obj))

    def _body_object(self, ctx: Ctx) -> dict:
        body = ctx.json()
        if body is None:
            return {}
        if not isinstance(body, dict):
            raise BadRequest("request body must be a JSON object")
        return body

    def _k_create(self, ctx, route, params):
        body = self._body_object(ctx)
        res = route.resource
        for k in (res.required if res is not None else ()):
            if body.get(k) in (None, ""):
                return self._err(ctx, 400, f"{k} is required", "INVALID_INPUT_ARGUMENT" if ctx.product != "zpa" else None)
        prod = self.products.get(route.product)
        style = prod.id_style if prod is not None else "int"
        id_field = (res.id_field if res is not None else None) or "id"
        oid = self.store.new_ids(route.product, style)[0]
        obj = dict(body)
        obj[id_field] = oid
        obj.update(wire.server_fields(route.product, True))
        if route.product == "zpa":
            mt = ctx.q("microtenantId")
            if mt and mt != "0" and not obj.get("microtenantId"):
                obj["microtenantId"] = mt
        self.store.insert(self._coll_key(route, params), str(oid), obj, route.product)
        return Response(200, _dumps(obj))

    def _k_update(self, ctx, route, params):
        key, oid, cur = self._lookup(ctx, route, params)
        if cur is None:
            return self._not_found(ctx, oid)
        body = self._body_object(ctx)
        res = route.resource
        id_field = (res.id_field if res is not None else None) or "id"
        action = route.inline_query.get("action", "")
        if action in ("ADD_TO_LIST", "REMOVE_FROM_LIST"):
            new = _list_action(cur, body, action)
        elif ctx.req.method == "PATCH":
            new = dict(cur)
            new.update(body)
        else:
            new = dict(body)
            for keep in ("creationTime", "microtenantId"):
                if keep in cur and keep not in new:
                    new[keep] = cur[keep]
        new[id_field] = cur.get(id_field, oid)
        new.update(wire.server_fields(route.product, False))
        stored = self.store.update(key, oid, new)
        if route.product == "zpa":
            return Response(204)
        return Response(200, _dumps(stored))

    def _k_delete(self, ctx, route, params):
        key, oid, cur = self._lookup(ctx, route, params)
        if cur is None:
            return self._not_found(ctx, oid)
        self.store.delete(key, oid)
        return Response(204)

    def _singleton_key(self, route, params) -> str:
        try:
            return fill(route.coll_template or route.template, params)
        except KeyError:
            return route.template

    def _k_singleton_get(self, ctx, route, params):
        return Response(200, _dumps(self.store.singletons.get(self._singleton_key(route, params), {})))

    def _k_singleton_put(self, ctx, route, params):
        key = self._singleton_key(route, params)
        body = ctx.json()
        if body is None:
            body = {}
        cur = self.store.singletons.get(key)
        action = route.inline_query.get("action", "")
        if action in ("ADD_TO_LIST", "REMOVE_FROM_LIST") and isinstance(body, dict):
            body = _list_action(cur if isinstance(cur, dict) else {}, body, action)
        elif ctx.req.method == "PATCH" and isinstance(cur, dict) and isinstance(body, dict):
            body = {**cur, **body}
        stored = self.store.put_singleton(key, body)
        if route.product == "zpa":
            return Response(204)
        return Response(200, _dumps(stored))

    def _k_singleton_delete(self, ctx, route, params):
        self.store.delete_singleton(self._singleton_key(route, params))
        return Response(204)

    def _k_action(self, ctx, route, params):
        body = ctx.json()  # reject invalid JSON like the real API would
        if route.inline_query.get("action") in ("ADD_TO_LIST", "REMOVE_FROM_LIST") and isinstance(body, dict):
            key = self._singleton_key(route, params)
            cur = self.store.singletons.get(key)
            stored = self.store.put_singleton(
                key, _list_action(cur if isinstance(cur, dict) else {}, body, route.inline_query["action"]))
            return Response(200, _dumps(stored))
        if route.result in ("none", "status_code"):
            return Response(204)
        if route.result in ("list", "raw_list"):
            return Response(200, b"[]")
        return Response(200, _dumps(self.store.singletons.get(self._singleton_key(route, params), {})))

    # ------------------------------------------------------------------------------
    # activation state (ZIA/ZTW); the routes that use it are behaviours (behaviors/zia.py, ztw.py)
    # ------------------------------------------------------------------------------
    def activate(self, product: str, explicit: bool) -> None:
        """Apply ``product``'s staged changes (ZIA/ZTW); ``explicit``: an activate call, not a logout."""
        if explicit or self.activation.get(product) == "PENDING":
            self.activations[product] += 1
        self.activation[product] = "ACTIVE"

    def ztw_status(self) -> dict:
        """The ZTW activation status document (``ecAdminActivateStatus``)."""
        pending = self.activation["ztw"] == "PENDING"
        admin = "ADM_EDITING" if pending else "ADM_ACTV_DONE"
        return {
            "orgEditStatus": "EDITS_PRESENT" if pending else "EDITS_CLEARED",
            "orgLastActivateStatus": "CAC_ACTV_SUCCESS",
            "adminStatusMap": {wire.ADMIN_NAME: admin},
            "adminActivateStatus": admin,
        }

    # ------------------------------------------------------------------------------
    # product behaviours (zscaler.simulator.behaviors)
    # ------------------------------------------------------------------------------
    def default(self, ctx: Ctx, route: Route, params: dict) -> Response:
        """The generic meaning of ``route`` (list, get, create ...), for behaviours to delegate to."""
        kind = route.kind if route.kind != "handler" else "action"
        return getattr(self, "_k_" + kind)(ctx, route, params)

    def json_response(self, status: int, obj: Any, headers: list | None = None) -> Response:
        return _json_response(status, obj, headers)

    def error(self, ctx: Ctx, status: int, message: str, code: str | None = None) -> Response:
        """An error answer in the product's real envelope."""
        return self._err(ctx, status, message, code)

    def collection_key(self, route: Route, params: dict) -> str:
        return self._coll_key(route, params)

    def _add_behaviors(self) -> None:
        from .behaviors import behaviors, reset_hooks

        shape = lambda t: re.sub(r"{\w+}", "{}", t)  # noqa: E731
        existing: dict[tuple, Route] = {}
        for r in self.router.routes:
            existing.setdefault((r.verb, shape(r.template), frozenset(r.inline_query.items())), r)
        for b in behaviors(set(self.products)):
            template, inline = split_template(b.template)  # "...?action=ADD_TO_LIST" matches that op only
            names: list[str] = re.findall(r"{(\w+)}", template)
            base = existing.get((b.verb, shape(template), frozenset(inline.items())))
            if base is not None:
                rename: dict[str, str] = dict(zip(base.names, names))
                coll = base.coll_template
                if coll:
                    coll = re.sub(r"{(\w+)}", lambda m: "{" + rename.get(m.group(1), m.group(1)) + "}", coll)
                route = Route(product=b.product, verb=b.verb, template=template, kind=base.kind, names=names,
                              resource=base.resource, op=base.op, coll_template=coll, paging=base.paging,
                              result=base.result, inline_query=inline, handler=b.handler,
                              no_pending=b.no_pending or base.no_pending)
            else:
                route = Route(product=b.product, verb=b.verb, template=template, kind="handler", names=names,
                              inline_query=inline, handler=b.handler, no_pending=b.no_pending)
            self.router.add(route, first=True)
        self._reset_hooks = reset_hooks(set(self.products))

    def _run_reset_hooks(self) -> None:
        for fn in getattr(self, "_reset_hooks", ()):
            fn(self)

    # ------------------------------------------------------------------------------
    # OneAPI token endpoint and legacy logins
    # ------------------------------------------------------------------------------
    def _oauth_error(self, status: int, error: str, description: str) -> Response:
        return _json_response(status, {"error": error, "error_description": description})

    def _token_endpoint(self, ctx: Ctx) -> Response:
        if ctx.req.method != "POST":
            return self._oauth_error(405, "invalid_request", "the token endpoint accepts POST only")
        form = ctx.form()
        if form.get("grant_type") != "client_credentials":
            return self._oauth_error(400, "unsupported_grant_type", "grant_type must be client_credentials")
        client_id = form.get("client_id")
        secret = form.get("client_secret")
        basic = ctx.req.headers.get("authorization", "")
        if basic[:6].lower() == "basic ":
            import base64

            try:
                cid, _, sec = base64.b64decode(basic[6:]).decode().partition(":")
                client_id, secret = client_id or cid, secret or sec
            except Exception:
                pass
        assertion = form.get("client_assertion")
        if assertion:
            if form.get("client_assertion_type") != _auth.ASSERTION_TYPE:
                return self._oauth_error(400, "invalid_request", f"client_assertion_type must be {_auth.ASSERTION_TYPE}")
            if client_id and client_id != self.client_id:
                return self._oauth_error(401, "invalid_client", "unknown client_id")
            reason = _auth.verify_assertion(assertion, self.public_key_pem, self.client_id)
            if reason:
                return self._oauth_error(401, "invalid_client", reason)
        else:
            if not client_id or secret is None:
                return self._oauth_error(400, "invalid_request", "client_id and client_secret or client_assertion are required")
            if client_id != self.client_id or secret != self.client_secret:
                return self._oauth_error(401, "invalid_client", "Invalid client credentials")
        token = self._issue("oneapi", self.client_id)
        return _json_response(200, {"access_token": token, "token_type": "Bearer", "expires_in": self.token_lifetime})

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

    def _issue(self, kind: str, subject: str) -> str:
        now = time.time()
        exp = now + self.token_lifetime
        token = _auth.mint_jwt(
            {"iss": "zscaler-simulator", "sub": subject, "aud": _auth.AUDIENCE, "iat": int(now), "exp": int(exp),
             "jti": _auth.new_token()[:16], "kind": kind},
            self._jwt_key,
        )
        self.tokens[token] = _auth.Credential(kind, exp, subject)
        return token

    def _login_session(self, ctx: Ctx) -> Response:
        product = ctx.legacy
        if product is None:
            raise RuntimeError("legacy login handler called for a OneAPI request")
        body = ctx.json()
        creds = self.legacy_credentials.get(product, {})
        if not isinstance(body, dict):
            return self._err(ctx, 400, "login body must be a JSON object")
        ts = body.get("timestamp")
        try:
            expected = _auth.obfuscate_api_key(creds["api_key"], ts) if ts is not None else None
        except (KeyError, ValueError, IndexError, TypeError):
            expected = None
        if (
            expected is None
            or body.get("apiKey") != expected
            or body.get("username") != creds.get("username")
            or body.get("password") != creds.get("password")
        ):
            return self._err(ctx, 401, "Invalid username, password or API key", "AUTHENTICATION_FAILED")
        sid = _auth.new_token()
        now = time.time()
        self.sessions[sid] = _auth.Credential(product, now + self.session_idle_timeout, creds.get("username", ""), now)
        resp = _json_response(
            200, {"authType": "ADMIN_LOGIN", "obfuscateApiKey": False, "passwordExpiryTime": 0, "passwordExpiryDays": 0}
        )
        resp.headers.append(("Set-Cookie", f"JSESSIONID={sid}; Path=/; HttpOnly"))
        return resp

    def _session_check(self, ctx: Ctx) -> Response:
        denied = self._authenticate(ctx)
        if denied is not None:
            return denied
        return _json_response(200, {"authType": "ADMIN_LOGIN", "obfuscateApiKey": False, "passwordExpiryTime": 0})

    def _logout(self, ctx: Ctx) -> Response:
        denied = self._authenticate(ctx)
        if denied is not None:
            return denied
        table, key = self._caller_credential(ctx)
        if table:
            getattr(self, table).pop(key, None)
        if ctx.legacy is None:
            raise RuntimeError("legacy logout handler called for a OneAPI request")
        self.activate(ctx.legacy, False)
        return Response(204)

    def _login_zpa(self, ctx: Ctx) -> Response:
        form = ctx.form()
        if form.get("client_id") != self.client_id or form.get("client_secret") != self.client_secret:
            return self._err(ctx, 401, "Invalid client credentials", "invalid.credentials")
        token = self._issue("zpa", self.client_id)
        return _json_response(200, {"access_token": token, "token_type": "Bearer", "expires_in": str(self.token_lifetime)})

    def _login_zcc(self, ctx: Ctx) -> Response:
        body = ctx.json()
        creds = self.legacy_credentials["zcc"]
        if not isinstance(body, dict) or body.get("apiKey") != creds["api_key"] or body.get("secretKey") != creds["secret_key"]:
            return self._err(ctx, 401, "Invalid API key or secret key")
        return _json_response(200, {"jwtToken": self._issue("zcc", creds["api_key"])})

    def _login_zdx(self, ctx: Ctx) -> Response:
        body = ctx.json()
        creds = self.legacy_credentials["zdx"]
        ok = isinstance(body, dict) and body.get("key_id") == creds["key_id"] and body.get("timestamp") is not None
        if ok:
            ok = body.get("key_secret") == _auth.zdx_hashed_secret(creds["key_secret"], body["timestamp"])
        if not ok:
            return self._err(ctx, 401, "Invalid key id or key secret", "UNAUTHORIZED")
        token = self._issue("zdx", creds["key_id"])
        return _json_response(200, {"token": token, "token_type": "Bearer", "expires_in": self.token_lifetime})

    def _login_zwa(self, ctx: Ctx) -> Response:
        body = ctx.json()
        creds = self.legacy_credentials["zwa"]
        if not isinstance(body, dict) or body.get("key_id") != creds["key_id"] or body.get("key_secret") != creds["key_secret"]:
            return self._err(ctx, 401, "Invalid key id or key secret", "UNAUTHORIZED")
        return _json_response(200, {"token": self._issue("zwa", creds["key_id"]), "expires_in": self.token_lifetime})

    _logins: dict[tuple[str, str], Callable] = {
        ("POST", "/zia/api/v1/authenticatedSession"): _login_session,
        ("GET", "/zia/api/v1/authenticatedSession"): _session_check,
        ("DELETE", "/zia/api/v1/authenticatedSession"): _logout,
        ("POST", "/ztw/api/v1/auth"): _login_session,
        ("DELETE", "/ztw/auth"): _logout,
        ("DELETE", "/ztw/api/v1/auth"): _logout,
        ("POST", "/zpa/signin"): _login_zpa,
        ("POST", "/zcc/papi/auth/v1/login"): _login_zcc,
        ("POST", "/zdx/v1/oauth/token"): _login_zdx,
        ("POST", "/zwa/v1/auth/api-key/token"): _login_zwa,
    }

    # ------------------------------------------------------------------------------
    # control API (/_sim/...)
    # ------------------------------------------------------------------------------
    def _control(self, req: Request) -> Response:
        if not _is_loopback(req.peer):
            return _json_response(403, {"code": "FORBIDDEN", "message": "the control API answers loopback clients only"})
        m, p = req.method, req.path.rstrip("/")
        try:
            body = json.loads(req.body) if req.body and req.body.strip() else {}
        except ValueError as exc:
            return _json_response(400, {"code": "INVALID_INPUT_ARGUMENT", "message": f"invalid JSON: {exc}"})
        if not isinstance(body, dict):
            body = {}
        try:
            if (m, p) == ("POST", "/_sim/reset"):
                self.reset()
                return _json_response(200, {"reset": True})
            if (m, p) == ("POST", "/_sim/seed"):
                fields = dict(body.get("fields") or {})
                objs = self.seed(body.get("product"), body.get("resource"), int(body.get("count", 1)),
                                 body.get("params"), path=body.get("path"), **fields)
                ids = [o.get("id") for o in objs] if len(objs) <= 1000 else None
                return _json_response(200, {"count": len(objs), "ids": ids,
                                            "first": objs[0] if objs else None})
            if (m, p) == ("GET", "/_sim/state"):
                return _json_response(200, self.state())
            if p == "/_sim/requests":
                if m == "GET":
                    with self.lock:
                        out = [r.as_dict(redact_body=r.path.endswith(_LOGIN_PATHS)) for r in self._requests]
                    return _json_response(200, out)
                if m == "DELETE":
                    self.clear_requests()
                    return Response(204)
            if p == "/_sim/faults":
                if m == "POST":
                    allowed = {"path", "method", "status", "times", "headers", "body", "delay", "action", "query"}
                    bad = set(body) - allowed
                    if bad:
                        raise ValueError(f"unknown fault fields: {', '.join(sorted(bad))}")
                    f = self.fault(**body)
                    return _json_response(200, f.as_dict())
                if m == "GET":
                    return _json_response(200, [f.as_dict() for f in self.faults])
                if m == "DELETE":
                    self.clear_faults()
                    return Response(204)
            if (m, p) == ("POST", "/_sim/expire-tokens"):
                return _json_response(200, {"expired": self.expire_tokens()})
            if (m, p) == ("POST", "/_sim/edit-lock"):
                self.edit_lock(int(body.get("times", 1)))
                return _json_response(200, {"times": self._edit_lock})
            if (m, p) == ("POST", "/_sim/rate-limit"):
                self.rate_limit(body["product"], body.get("per_second"))
                return _json_response(200, {"rate_limits": self.rate_limits})
            if (m, p) == ("GET", "/_sim/activation"):
                return _json_response(200, {"status": dict(self.activation), "activations": dict(self.activations)})
            if (m, p) == ("GET", "/_sim/info"):
                return _json_response(200, self.info())
        except (ValueError, KeyError, TypeError) as exc:
            return _json_response(400, {"code": "INVALID_INPUT_ARGUMENT", "message": str(exc)})
        return _json_response(501, {"code": "NOT_SIMULATED", "message": f"{m} {req.path} is not a control endpoint",
                                    "method": m, "path": req.path})

    def info(self) -> dict:
        return {
            "url": self._base_url,
            "products": sorted(self.products),
            "client_id": self.client_id,
            "customer_id": self.customer_id,
            "vanity_domain": self.vanity_domain,
            "rate_limits": dict(self.rate_limits),
            "db": self._db_path,
        }


def _cookie(header: str, name: str) -> str | None:
    for part in header.split(";"):
        k, _, v = part.strip().partition("=")
        if k == name:
            return v.strip()
    return None


def _list_action(cur: dict, body: dict, action: str) -> dict:
    """``?action=ADD_TO_LIST`` / ``REMOVE_FROM_LIST``: merge list fields instead of replacing them."""
    new = dict(cur)
    for k, v in body.items():
        old = cur.get(k)
        if isinstance(v, list) and isinstance(old, list):
            if action == "ADD_TO_LIST":
                new[k] = old + [x for x in v if x not in old]
            else:
                new[k] = [x for x in old if x not in v]
        elif action == "ADD_TO_LIST" or k not in cur:
            new[k] = v
    return new


def _mt_of(obj: dict) -> str | None:
    v = obj.get("microtenantId")
    if v in (None, "", "0"):
        return None
    return str(v)


def _search(items: list[dict], expr: str, zpa: bool) -> list[dict]:
    """ZPA ``field+OP+value`` search (``+`` or space separated); others: substring of name."""
    m = _SEARCH_RX.match(expr) if zpa else None
    if m is None:
        needle = expr.lower()
        return [o for o in items if needle in str(o.get("name", "")).lower()]
    field, op, value = m.group(1), m.group(2).upper(), m.group(3)
    wanted = {value.lower(), value.replace("+", " ").lower()}

    def val(o):
        v = o.get(field)
        return "" if v is None else str(v).lower()

    if op == "EQ":
        return [o for o in items if val(o) in wanted]
    if op == "NE":
        return [o for o in items if val(o) not in wanted]
    if op in ("CONTAINS", "LIKE"):
        return [o for o in items if any(w in val(o) for w in wanted)]
    if op == "STARTSWITH":
        return [o for o in items if any(val(o).startswith(w) for w in wanted)]
    if op == "ENDSWITH":
        return [o for o in items if any(val(o).endswith(w) for w in wanted)]
    choices = {c.strip().lower() for w in wanted for c in w.split(",")}
    if op == "IN":
        return [o for o in items if val(o) in choices]
    return [o for o in items if val(o) not in choices]
