"""ZDX behaviours of the simulator.

* Time window: ``from``/``to`` are epoch seconds (the client turns ``since=<hours>`` into them);
  a request giving only one of them, a non-integer, or ``from`` after ``to`` answers 400, as
  ZDX does. Items are not filtered by time (simulated records carry no samples).
* Device, user and alert listings answer ZDX's own envelopes (``{"devices": [...],
  "next_offset": "20"}``), paged by ``limit`` (default 10) and the ``offset`` cursor; the next
  offset is ``null`` on the last page. Seed them at their paths, e.g.
  ``sim.seed("zdx", "devices", 25, path="/zdx/v1/devices")``.
* Ongoing alerts are the alerts without ``ended_on``; historical ones have it. The software
  inventory (``/zdx/v1/inventory/software``) answers ``{"software": [...], "next_offset"}``.
"""

from __future__ import annotations

from typing import Any

from ... import paging
from . import behavior

V1 = "/zdx/v1"


def window_error(engine: Any, ctx: Any) -> Any:
    """The 400 answer for a bad ``from``/``to`` pair, or None when the window is fine."""
    raw = {k: ctx.q(k) for k in ("from", "to")}
    given = {k: v for k, v in raw.items() if v not in (None, "")}
    if not given:
        return None
    if len(given) == 1:
        missing = "to" if "from" in given else "from"
        return engine.error(ctx, 400, f"'{missing}' is required with '{next(iter(given))}' (epoch seconds)")
    try:
        start, end = int(given["from"]), int(given["to"])
    except ValueError:
        return engine.error(ctx, 400, "'from' and 'to' must be epoch seconds")
    if start > end:
        return engine.error(ctx, 400, "'from' must not be after 'to'")
    return None


def _envelope(engine: Any, ctx: Any, collection: str, key: str, keep: Any = None) -> Any:
    bad = window_error(engine, ctx)
    if bad is not None:
        return bad
    coll = engine.store.collection(collection)
    items = coll.values() if coll is not None else []
    if keep is not None:
        items = [o for o in items if keep(o)]
    try:
        return engine.json_response(200, paging.style("zdx").serve(list(items), ctx.query, key=key))
    except paging.PagingError as exc:
        return engine.error(ctx, 400, str(exc))


@behavior("zdx", "GET", V1 + "/devices")
def list_devices(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _envelope(engine, ctx, V1 + "/devices", "devices")


@behavior("zdx", "GET", V1 + "/users")
def list_users(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _envelope(engine, ctx, V1 + "/users", "users")


@behavior("zdx", "GET", V1 + "/alerts/ongoing")
def ongoing_alerts(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _envelope(engine, ctx, V1 + "/alerts", "alerts", keep=lambda o: not o.get("ended_on"))


@behavior("zdx", "GET", V1 + "/alerts/historical")
def historical_alerts(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _envelope(engine, ctx, V1 + "/alerts", "alerts", keep=lambda o: bool(o.get("ended_on")))


@behavior("zdx", "GET", V1 + "/alerts/{alert_id}/affected_devices")
def affected_devices(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _envelope(engine, ctx, f"{V1}/alerts/{params['alert_id']}/affected_devices", "devices")


@behavior("zdx", "GET", V1 + "/inventory/software")
def list_software(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _envelope(engine, ctx, V1 + "/inventory/software", "software")


@behavior("zdx", "GET", V1 + "/inventory/software/{software_key}")
def software_key_devices(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The inventory entries of one software key, in the same ``{"software": [...]}`` envelope."""
    key = params["software_key"]
    return _envelope(engine, ctx, V1 + "/inventory/software", "software",
                     keep=lambda o: str(o.get("software_key")) == key)


def _windowed(template: str) -> None:
    """A generic listing that checks the time window first."""

    @behavior("zdx", "GET", template)
    def handler(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
        bad = window_error(engine, ctx)
        return bad if bad is not None else engine.default(ctx, route, params)


for _t in ("/apps", "/administration/departments", "/administration/locations", "/active_geo",
           "/apps/{app_id}/metrics", "/devices/{device_id}/events", "/devices/{device_id}/health-metrics"):
    _windowed(V1 + _t)


@behavior("zdx", "POST", V1 + "/snapshot/alert")
def share_snapshot(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """A shared snapshot: the request's fields plus an id, a share URL and ``status``."""
    body = ctx.json()
    if not isinstance(body, dict) or not body.get("alert_id"):
        return engine.error(ctx, 400, "alert_id is required")
    sid = str(engine.store.new_ids("zdx", "int")[0])
    host = ctx.req.headers.get("host", "zdx.simulator")
    snap = {**body, "id": sid, "url": f"http://{host}/zdx/snapshots/{sid}", "status": "active"}
    return engine.json_response(200, snap)
