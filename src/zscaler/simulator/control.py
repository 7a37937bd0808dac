"""The control API under ``/_sim/``: what tests and other processes use to drive the simulator
(reset, seed, state, recorded requests, faults, expiring tokens, edit lock, rate limits,
the realistic network (latency, limits, 429 counters), activation, info). Loopback clients only;
it is not recorded, not delayed and not rate limited.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from . import page
from .context import BadRequest, parse_json
from .httpserver import Request, Response
from .logins import LOGIN_PATHS

if TYPE_CHECKING:
    from .engine import Engine

Handler = Callable[["Engine", dict[str, Any]], Response]

FAULT_FIELDS = frozenset({"path", "method", "status", "times", "headers", "body", "delay", "action", "query"})
NETWORK_FIELDS = frozenset({"latency", "latency_jitter", "rate_limit", "endpoint_limits"})


def _is_loopback(peer: Any) -> bool:
    if not peer:
        return True
    host = peer[0] if isinstance(peer, (tuple, list)) else str(peer)
    return host.startswith("127.") or host in ("::1", "localhost") or host.startswith("::ffff:127.")


def _error(status: int, code: str, message: str) -> Response:
    return Response.json(status, {"code": code, "message": message})


def handle(engine: "Engine", req: Request) -> Response:
    """Answer one control request (serialized here: control answers do not pass the engine's edge)."""
    return _answer(engine, req).serialize()


def _answer(engine: "Engine", req: Request) -> Response:
    if not _is_loopback(req.peer):
        return _error(403, "FORBIDDEN", "the control API answers loopback clients only")
    m, p = req.method, req.path.rstrip("/")
    try:
        body = parse_json(req.body)
    except BadRequest as exc:
        return _error(400, "INVALID_INPUT_ARGUMENT", str(exc))
    handler = ROUTES.get((m, p))
    if handler is None:
        return Response.json(501, {"code": "NOT_SIMULATED", "message": f"{m} {req.path} is not a control endpoint",
                                   "method": m, "path": req.path})
    try:
        return handler(engine, body if isinstance(body, dict) else {})
    except (ValueError, KeyError, TypeError) as exc:
        return _error(400, "INVALID_INPUT_ARGUMENT", str(exc))


def _count(value: Any, name: str) -> int:
    """A whole number >= 0 from a JSON body (``"3"`` accepted, ``-1``, ``2.5`` and ``true`` refused)."""
    if isinstance(value, bool) or isinstance(value, float) and not value.is_integer():
        raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")
    n = int(value)
    if n < 0:
        raise ValueError(f"{name} must be a whole number >= 0, got {value!r}")
    return n


def _reset(engine: "Engine", body: dict[str, Any]) -> Response:
    engine.reset()
    return Response.json(200, {"reset": True})


def _seed(engine: "Engine", body: dict[str, Any]) -> Response:
    fields = dict(body.get("fields") or {})
    objs = engine.seed(body.get("product"), body.get("resource"), _count(body.get("count", 1), "count"),
                       body.get("params"), path=body.get("path"), **fields)
    ids = [o.get("id") for o in objs] if len(objs) <= 1000 else None
    return Response.json(200, {"count": len(objs), "ids": ids, "first": objs[0] if objs else None})


def _requests(engine: "Engine", body: dict[str, Any]) -> Response:
    with engine.lock:
        out = [r.as_dict(redact_body=r.path.endswith(LOGIN_PATHS)) for r in engine.requests]
    return Response.json(200, out)


def _clear_requests(engine: "Engine", body: dict[str, Any]) -> Response:
    engine.clear_requests()
    return Response(204)


def _add_fault(engine: "Engine", body: dict[str, Any]) -> Response:
    bad = set(body) - FAULT_FIELDS
    if bad:
        raise ValueError(f"unknown fault fields: {', '.join(sorted(bad))}")
    return Response.json(200, engine.fault(**body).as_dict())


def _clear_faults(engine: "Engine", body: dict[str, Any]) -> Response:
    engine.clear_faults()
    return Response(204)


def _edit_lock(engine: "Engine", body: dict[str, Any]) -> Response:
    engine.edit_lock(_count(body.get("times", 1), "times"))
    return Response.json(200, {"times": engine.edit_lock_remaining})


def _rate_limit(engine: "Engine", body: dict[str, Any]) -> Response:
    engine.rate_limit(body["product"], body.get("per_second"))
    return Response.json(200, {"rate_limits": engine.rate_limits})


def _set_network(engine: "Engine", body: dict[str, Any]) -> Response:
    bad = set(body) - NETWORK_FIELDS
    if bad:
        raise ValueError(f"unknown network fields: {', '.join(sorted(bad))} (accepted: {', '.join(sorted(NETWORK_FIELDS))})")
    return Response.json(200, engine.set_network(**body))


def _reset_network_counters(engine: "Engine", body: dict[str, Any]) -> Response:
    engine.reset_network_counters()
    return Response.json(200, engine.network_stats())


ROUTES: dict[tuple[str, str], Handler] = {
    ("POST", "/_sim/reset"): _reset,
    ("POST", "/_sim/seed"): _seed,
    ("GET", "/_sim/state"): lambda engine, body: Response.json(200, engine.state()),
    ("GET", "/_sim/requests"): _requests,
    ("DELETE", "/_sim/requests"): _clear_requests,
    ("POST", "/_sim/faults"): _add_fault,
    ("GET", "/_sim/faults"): lambda engine, body: Response.json(200, [f.as_dict() for f in engine.faults]),
    ("DELETE", "/_sim/faults"): _clear_faults,
    ("POST", "/_sim/expire-tokens"): lambda engine, body: Response.json(200, {"expired": engine.expire_tokens()}),
    ("POST", "/_sim/edit-lock"): _edit_lock,
    ("POST", "/_sim/rate-limit"): _rate_limit,
    ("GET", "/_sim/network"): lambda engine, body: Response.json(200, engine.network_stats()),
    ("POST", "/_sim/network"): _set_network,
    ("DELETE", "/_sim/network/counters"): _reset_network_counters,
    ("GET", "/_sim/activation"): lambda engine, body: Response.json(
        200, {"status": dict(engine.activation), "activations": dict(engine.activations)}),
    ("GET", "/_sim/info"): lambda engine, body: Response.json(200, engine.info()),
    ("GET", "/_sim"): lambda engine, body: page.answer(engine),  # the read-only HTML page (also at GET /)
}
