"""Business Insights behaviours of the simulator.

``GET /customapps`` and ``GET /reports/{report_type}`` serve both the list and the get-by-id of
the SDK (the get sends ``?id=``); ``POST /reports/{report_type}`` creates a report config;
``POST /report/download`` answers CSV bytes (gzip-compressed
with ``?compression=gzip``); ``GET /report/all`` answers ``{"reports": [...]}``.
"""

from __future__ import annotations

from typing import Any

import gzip

from .. import wire
from ..httpserver import Response
from . import behavior

BASE = "/bi/api/v1"


def _list_or_one(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    coll = engine.store.collection(ctx.rpath)
    items = coll.values() if coll is not None else []
    want = ctx.q("id")
    if want in (None, ""):
        return engine.json_response(200, items)
    for item in items:
        if str(item.get("id")) == want:
            return engine.json_response(200, item)
    return engine.error(ctx, 404, f"no object with id {want}")


behavior("zbi", "GET", BASE + "/customapps")(_list_or_one)
behavior("zbi", "GET", BASE + "/reports/{report_type}")(_list_or_one)


@behavior("zbi", "POST", BASE + "/reports/{report_type}")
def create_report_config(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    body = ctx.json()
    if not isinstance(body, dict) or not body.get("name"):
        return engine.error(ctx, 400, "name is required")
    oid = engine.store.new_ids("zbi", "int")[0]
    obj = {**body, "id": oid, **wire.server_fields("zbi", True)}
    engine.store.insert(ctx.rpath, str(oid), obj, "zbi")
    return engine.json_response(200, obj)


@behavior("zbi", "POST", BASE + "/report/download", no_pending=True)
def download(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    body = ctx.json()
    if not isinstance(body, dict) or not body.get("fileName") or not body.get("reportType"):
        return engine.error(ctx, 400, "fileName and reportType are required")
    data = (f"report,type,subType\n{body['fileName']},{body['reportType']},{body.get('subType', '')}\n").encode()
    headers = [("Content-Type", "application/octet-stream"),
               ("Content-Disposition", f'attachment; filename="{body["fileName"]}"')]
    if ctx.q("compression") == "gzip":
        data = gzip.compress(data, mtime=0)
    return Response(200, data, headers)
