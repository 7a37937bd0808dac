"""The API gateway in front of every product: who may call, how often, and injected faults.

:class:`Gateway` authenticates API calls (OneAPI bearer tokens, legacy tokens and session
cookies), counts requests against the rate limits (per product, per client, per endpoint) and
adds the gateway's ``x-ratelimit-*`` / request-id headers, turns a request that matches a fault
rule into the fault's answer, and adds the configured latency to answers. It holds the rate
windows, the fault rules and the network counters; credentials live on the engine
(``engine.tokens``, ``engine.sessions``), issued by :mod:`.logins`.
"""

from __future__ import annotations

import collections
import itertools
import math
import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any, TYPE_CHECKING

from . import wire
from .context import BadRequest, Ctx
from .faults import Fault
from .httpserver import Response
from .network import EndpointLimit, Latency, Rate, parse_endpoints, parse_rate

if TYPE_CHECKING:
    from .engine import Engine

Headers = list[tuple[str, str]]


@dataclass
class Traffic:
    """Answers delayed by the added latency: how many, how long in total, how many at once."""

    delayed: int = 0
    delay_total: float = 0.0
    in_flight: int = 0
    max_in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def started(self, seconds: float) -> None:
        with self._lock:
            self.delayed += 1
            self.delay_total += seconds
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def finished(self) -> None:
        with self._lock:
            self.in_flight = max(0, self.in_flight - 1)

    def as_dict(self) -> dict[str, Any]:
        with self._lock:
            return {"delayed": self.delayed, "delay_total": round(self.delay_total, 6),
                    "in_flight": self.in_flight, "max_in_flight": self.max_in_flight}


def _per_second(value: float) -> Rate:
    """A per-product limit in requests per second as a window (0.5/s: 1 per 2 s)."""
    if value >= 1:
        return Rate(int(value), 1.0)
    return Rate(1, 1.0 / value)


NOMINAL = Rate(5000, 60.0)  # what the gateway announces when no limit is configured (not enforced)


class Gateway:
    """Rate limits, gateway headers, authentication, faults and added latency of one engine.

    Rate limits come in three kinds, each a window of N requests per W seconds that starts at its
    first request: per product (``rate_limits``, shared by every caller), per client (``rate_limit``:
    OneAPI requests of one client id, like the gateway's ``5000, 5000;w=60``) and per endpoint
    (``endpoint_limits``: method + path glob, shared by every caller, like ZIA's
    ``Rate Limit (1/SECOND) exceeded``). A request over any of them answers 429 and counts in none;
    ``throttled`` counts those 429s by kind.
    """

    def __init__(self, engine: "Engine", rate_limits: dict[str, float] | None, *, rate_limit: Any = None,
                 endpoint_limits: Any = None, latency: Latency | None = None):
        self.engine = engine
        self.configured_rate_limits = {k: float(v) for k, v in (rate_limits or {}).items() if v}
        self.rate_limits: dict[str, float] = dict(self.configured_rate_limits)
        self.configured_client_rate = parse_rate(rate_limit, "rate_limit")
        self.client_rate = self.configured_client_rate
        self.configured_endpoints = parse_endpoints(endpoint_limits)
        self.endpoint_limits = self.configured_endpoints
        self.configured_latency = latency or Latency()
        self.latency = self.configured_latency
        self.windows: dict[Any, list[float]] = {}
        self.faults: list[Fault] = []
        self.throttled: collections.Counter[str] = collections.Counter()
        self.traffic = Traffic()
        self.rng = random.Random()
        self._request_ids = itertools.count(1)

    def reset(self) -> None:
        """Back to the configured limits and latency; faults, windows and counters cleared."""
        self.faults.clear()
        self.rate_limits = dict(self.configured_rate_limits)
        self.client_rate = self.configured_client_rate
        self.endpoint_limits = self.configured_endpoints
        self.latency = self.configured_latency
        self.windows.clear()
        self.reset_counters()

    def reset_counters(self) -> None:
        self.throttled.clear()
        self.traffic = Traffic(in_flight=self.traffic.in_flight)

    def set_client_rate(self, rate: Rate | None) -> None:
        self.client_rate = rate
        for key in [k for k in self.windows if isinstance(k, tuple) and k[0] == "client"]:
            del self.windows[key]

    def set_endpoint_limits(self, limits: tuple[EndpointLimit, ...]) -> None:
        self.endpoint_limits = limits
        for key in [k for k in self.windows if isinstance(k, tuple) and k[0] == "endpoint"]:
            del self.windows[key]

    # -- rate limits and headers -------------------------------------------------------
    def rate_check(self, product: str, ctx: Ctx) -> tuple[Response | None, Headers | None]:
        """``(429 answer, None)`` when over a limit, else ``(None, headers to add to the answer)``."""
        now = time.monotonic()
        per_second = self.rate_limits.get(product)
        product_rate = _per_second(per_second) if per_second else NOMINAL
        checks: list[tuple[Any, Rate, str | None]] = [(product, product_rate, "product" if per_second else None)]
        if ctx.oneapi:
            client = ("client", self.client_key(ctx))
            checks.append((client, self.client_rate or NOMINAL, "client" if self.client_rate else None))
        for i, limit in enumerate(self.endpoint_limits):
            if limit.matches(ctx.req.method, ctx.rpath):
                checks.append((("endpoint", i), limit.rate, "endpoint"))
        opened: list[list[float]] = []
        for key, rate, kind in checks:
            w = self._window(key, rate, now)
            if kind is not None and w[1] >= rate.limit:
                self.throttled[kind] += 1
                return self._too_many(product, ctx, rate, max(1, math.ceil(w[0] + rate.window - now))), None
            opened.append(w)
        for w in opened:
            w[1] += 1
        shown, rate = (0, product_rate) if per_second or not ctx.oneapi else (1, checks[1][1])
        remaining = max(0, rate.limit - opened[shown][1])
        if not ctx.oneapi:
            header = self.engine.traits_of(product).quota_header
            return None, ([(header, str(remaining))] if header else None)
        reset = max(0, math.ceil(opened[shown][0] + rate.window - now))
        return None, [
            ("x-ratelimit-limit", rate.header()),
            ("x-ratelimit-remaining", str(remaining)),
            ("x-ratelimit-reset", str(reset)),
        ] + self.request_id_headers()

    def _window(self, key: Any, rate: Rate, now: float) -> list[float]:
        """``[start, count]`` of the current window of ``key`` (a new one once ``rate.window`` has passed)."""
        w = self.windows.get(key)
        if w is None or now >= w[0] + rate.window:
            w = self.windows[key] = [now, 0]
        return w

    def client_key(self, ctx: Ctx) -> str:
        """Whose window a request counts in: the client id its token was issued to."""
        table, key = self.caller_credential(ctx)
        cred = (self.engine.tokens if table == "tokens" else self.engine.sessions).get(key or "")
        return cred.subject if cred is not None and cred.subject else "(unauthenticated)"

    def _too_many(self, product: str, ctx: Ctx, rate: Rate, retry: int) -> Response:
        headers, body = wire.too_many_requests(product, retry, rate.limit, ctx.oneapi, rate.unit())
        if ctx.oneapi:
            headers = [
                ("x-ratelimit-limit", rate.header()),
                ("x-ratelimit-remaining", "0"),
                ("x-ratelimit-reset", str(retry)),
            ] + headers + self.request_id_headers()
        return Response.json(429, body, headers)

    # -- latency ---------------------------------------------------------------------------
    def delay(self, resp: Response) -> float:
        """Add the configured latency to ``resp`` (waited by the HTTP server, other connections go
        on); counts the answer in flight until the wait is over. Returns the seconds added."""
        if not self.latency:
            return 0.0
        added = self.latency.sample(self.rng)
        traffic = self.traffic
        traffic.started(added)
        later = resp.later

        def finish() -> Response:
            traffic.finished()
            return later() if later is not None else resp

        resp.delay += added
        resp.later = finish
        return added

    def network(self) -> dict[str, Any]:
        """The network settings and counters (``GET /_sim/network``)."""
        return {
            "latency": self.latency.base,
            "latency_jitter": self.latency.jitter,
            "rate_limit": None if self.client_rate is None else
            {"limit": self.client_rate.limit, "window": self.client_rate.window},
            "endpoint_limits": [e.as_dict() for e in self.endpoint_limits],
            "rate_limits": dict(self.rate_limits),
            "throttled": sum(self.throttled.values()),
            "throttled_by": {k: self.throttled.get(k, 0) for k in ("client", "endpoint", "product")},
            **self.traffic.as_dict(),
        }

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
