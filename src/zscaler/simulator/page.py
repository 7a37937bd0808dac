"""The read-only HTML page at ``GET /`` (and ``GET /_sim/``): what a person looks at.

State per product (collections and objects), the request log (method, path, status; no
headers, queries or bodies) and the active faults. No credentials, tokens or object contents.
"""

from __future__ import annotations

import html
import time
from typing import Any, TYPE_CHECKING

from . import wire
from .httpserver import Response

if TYPE_CHECKING:
    from .engine import Engine

#: most recent requests shown
SHOWN_REQUESTS = 100

_STYLE = ("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;margin-bottom:1.5em}"
          "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}th{background:#eee}")


def _table(caption: str, head: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    esc = html.escape
    out = [f"<h2>{esc(caption)}</h2>"]
    if not rows:
        return out[0] + "<p>(none)</p>"
    out.append("<table><tr>" + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{esc(str(c))}</td>" for c in row) + "</tr>")
    out.append("</table>")
    return "\n".join(out)


def _products(engine: "Engine") -> list[tuple[Any, ...]]:
    per: dict[str, list[int]] = {p: [0, 0, 0] for p in sorted(engine.products)}
    for key, coll in engine.store.collections.items():
        if len(coll):
            row = per.setdefault(wire.detect_product(key) or "(other)", [0, 0, 0])
            row[0] += 1
            row[1] += len(coll)
    for key in engine.store.singletons:
        per.setdefault(wire.detect_product(key) or "(other)", [0, 0, 0])[2] += 1
    return [(p, c, o, s, engine.activation.get(p, "")) for p, (c, o, s) in per.items()]


def render(engine: "Engine") -> str:
    """The page's HTML."""
    with engine.lock:
        products = _products(engine)
        reqs = list(engine.requests)[-SHOWN_REQUESTS:]
        faults = [f.as_dict() for f in engine.faults if f.active]
    requests = [(time.strftime("%H:%M:%S", time.localtime(r.time)), r.method, r.path, r.status or "")
                for r in reversed(reqs)]
    fault_rows = [(f["method"] or "*", f["path"] or "*", f["status"] or "", f["action"] or "",
                   "always" if f["remaining"] is None else f["remaining"], f["hits"]) for f in faults]
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>Zscaler simulator</title>",
        f"<style>{_STYLE}</style></head><body><h1>Zscaler simulator</h1>",
        f"<p>{html.escape(engine.base_url)} &middot; tenant {html.escape(str(engine.tenant))} &middot; "
        "read-only; the control API is under <code>/_sim/</code></p>",
        _table("State per product", ("product", "collections", "objects", "settings", "activation"), products),
        _table(f"Requests (latest {SHOWN_REQUESTS}, newest first)", ("time", "method", "path", "status"), requests),
        _table("Active faults", ("method", "path", "status", "action", "remaining", "hits"), fault_rows),
        "</body></html>",
    ]
    return "\n".join(parts)


def answer(engine: "Engine") -> Response:
    return Response(200, render(engine).encode("utf-8"),
                    [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store")])
