"""The API gateway in front of every product: who may call, how often, and injected faults.

:class:`Gateway` authenticates API calls (OneAPI bearer tokens, legacy tokens and session
cookies), counts requests per product against the rate limits and adds the gateway's
``x-ratelimit-*`` / request-id headers, and turns a request that matches a fault rule into
the fault's answer. It holds the rate windows and the fault rules; credentials live on the
engine (``engine.tokens``, ``engine.sessions``), issued by :mod:`.logins`.
"""

from __future__ import annotations

import itertools
import math
import time
from typing import Any, TYPE_CHECKING

from . import wire
from .context import BadRequest, Ctx
from .faults import Fault
from .httpserver import Response

if TYPE_CHECKING:
    from .engine import Engine

Headers = list[tuple[str, str]]


class Gateway:
    """Rate limits, gateway headers, authentication and faults of one engine."""

    def __init__(self, engine: "Engine", rate_limits: dict[str, float] | None):
        self.engine = engine
        self.configured_rate_limits = {k: float(v) for k, v in (rate_limits or {}).items() if v}
        self.rate_limits: dict[str, float] = dict(self.configured_rate_limits)
        self.windows: dict[str, list[Any]] = {}
        self.faults: list[Fault] = []
        self._request_ids = itertools.count(1)

    def reset(self) -> None:
        self.faults.clear()
        self.rate_limits = dict(self.configured_rate_limits)
        self.windows.clear()

    # -- rate limits and headers -------------------------------------------------------
    def rate_check(self, product: str, ctx: Ctx) -> tuple[Response | None, Headers | None]:
        """``(429 answer, None)`` when over the limit, else ``(None, headers to add to the answer)``."""
        now = time.monotonic()
        limit = self.rate_limits.get(product)
        window = 1.0 if limit else 60.0
        nominal = int(limit) if limit else 5000
        w = self.windows.get(product)
        if w is None or now >= w[0] + window:
            w = self.windows[product] = [now, 0]
        reset = max(0, math.ceil(w[0] + window - now))
        if limit and w[1] >= limit:
            return self._too_many(product, ctx, max(1, reset), nominal), None
        w[1] += 1
        remaining = max(0, nominal - w[1])
        if not ctx.oneapi:
            header = self.engine.traits_of(product).quota_header
            return None, ([(header, str(remaining))] if header else None)
        return None, [
            ("x-ratelimit-limit", f"{nominal}, {nominal};w={'1' if limit else '60'}"),
            ("x-ratelimit-remaining", str(remaining)),
            ("x-ratelimit-reset", str(reset)),
        ] + self.request_id_headers()

    def _too_many(self, product: str, ctx: Ctx, retry: int, nominal: int) -> Response:
        headers, body = wire.too_many_requests(product, retry, nominal, ctx.oneapi)
        if ctx.oneapi:
            headers = [
                ("x-ratelimit-limit", f"{nominal}, {nominal};w=1"),
                ("x-ratelimit-remaining", "0"),
                ("x-ratelimit-reset", str(retry)),
            ] + headers + self.request_id_headers()
        return Response.json(429, body, headers)

    def request_id_headers(self) -> Headers:
        rid = f"{next(self._request_ids):032x}"
        return [("x-oneapi-request-id", rid), ("x-transaction-id", rid[:16])]

    def token_headers(self) -> Headers:
        """The gateway headers of the OneAPI token endpoint's answers."""
        return [("x-ratelimit-limit", "500, 500;w=1, 10000;w=60"), ("x-ratelimit-remaining", "499"),
                ("x-ratelimit-reset", "1")] + self.request_id_headers()

    # -- authentication ------------------------------------------------------------------
    def caller_credential(self, ctx: Ctx) -> tuple[str | None, str | None]:
        """(table, key) of the credential the request carries: ``tokens`` or ``sessions``."""
        h = ctx.req.headers
        if ctx.legacy is not None:
            carried = self.engine.logins.legacy_credential(ctx)
            if carried is not None:
                return carried
        a = h.get("authorization", "")
        if a[:7].lower() == "bearer ":
            return "tokens", a[7:].strip()
        return None, None

    def drop_credential(self, ctx: Ctx) -> None:
        table, key = self.caller_credential(ctx)
        if table == "tokens":
            self.engine.tokens.pop(key or "", None)
        elif table == "sessions":
            self.engine.sessions.pop(key or "", None)

    def authenticate(self, ctx: Ctx) -> Response | None:
        """None when the request carries a live credential for its product, else the 401 answer."""
        if self._credential_ok(ctx, time.time()):
            return None
        if ctx.oneapi:
            return Response.json(401, wire.GATEWAY_401)
        return self.engine.error(ctx, 401, "authentication required: missing, expired or unknown credentials")

    def _credential_ok(self, ctx: Ctx, now: float) -> bool:
        engine = self.engine
        table, key = self.caller_credential(ctx)
        if key is None:
            return False
        if table == "tokens":
            cred = engine.tokens.get(key)
            if cred is None:
                return False
            if cred.expires_at <= now:
                del engine.tokens[key]
                return False
            return cred.kind == "oneapi" or cred.kind == ctx.legacy
        cred = engine.sessions.get(key)
        if cred is None:
            return False
        if now - cred.last_used > engine.session_idle_timeout:
            del engine.sessions[key]
            return False
        if cred.kind != ctx.legacy:
            return False
        cred.last_used = now
        return True

    # -- faults --------------------------------------------------------------------------
    def match_fault(self, ctx: Ctx) -> Fault | None:
        req = ctx.req
        for f in self.faults:
            if f.matches(req.method, req.path, ctx.rpath, raw_query=req.raw_query) and f.take():
                return f
        return None

    def apply_fault(self, f: Fault, ctx: Ctx) -> Response:
        ctx.product = wire.detect_product(ctx.rpath) if ctx.rpath != "/oauth2/v1/token" else None
        delay = f.delay
        if f.action == "reset":
            return Response(action="reset", delay=delay)
        if f.action == "malformed":
            return Response(200, b"{not json", delay=delay)
        if f.action == "delay":
            return Response(delay=delay, later=lambda: self.engine.serve_locked(ctx))
        if f.action == "truncate":
            return Response(delay=delay, later=lambda: self._truncated(ctx))
        if f.action == "expire_token":
            self.drop_credential(ctx)
            resp = Response.json(401, wire.GATEWAY_401) if ctx.oneapi else self.engine.error(
                ctx, 401, "authentication required: the session has expired")
            resp.delay = delay
            return resp
        status, body, headers = self._fault_answer(f, ctx)
        return Response(status, body, headers, delay=delay)

    def _truncated(self, ctx: Ctx) -> Response:
        r = self.engine.serve_locked(ctx)
        if not r.body or len(r.body) < 2:
            r.body = wire.dumps({"truncated": True, "path": ctx.req.path})
        if r.status == 204:
            r.status = 200
        r.action = "truncate"
        return r

    def _fault_answer(self, f: Fault, ctx: Ctx) -> tuple[int, bytes, Headers]:
        status, product = f.status, ctx.product
        headers = [(k, str(v)) for k, v in f.headers.items()] if f.headers else []
        if f.body is not None:
            body = f.body
            body = body.encode() if isinstance(body, str) else body if isinstance(body, bytes) else wire.dumps(body)
        elif status == 204:
            body = b""
        elif status == 429:
            h429, obj = wire.too_many_requests(product, 0, 1, ctx.oneapi)
            body = wire.dumps(obj)
            if not f.headers:
                headers = h429
        elif status < 300:
            body = b"{}"
        else:
            obj = wire.GATEWAY_401 if status == 401 and ctx.oneapi else wire.error_body(
                product, status, f"simulated fault: {status} for {ctx.req.method} {ctx.req.path}")
            body = wire.dumps(obj)
        if ctx.oneapi and status == 429 and not f.headers:
            headers = [("x-ratelimit-limit", "5000, 5000;w=60"), ("x-ratelimit-remaining", "0"),
                       ("x-ratelimit-reset", "0")] + headers
        return status, body, headers


def bad_request(ctx: Ctx, exc: BadRequest) -> Response:
    """The 400 answer to a request that could not be read (invalid or too deeply nested JSON ...)."""
    return Response.json(400, wire.error_body(wire.detect_product(ctx.rpath), 400, str(exc)))
