"""AI Guard behaviours of the simulator: the two detection calls answer a verdict.

Content containing ``BLOCKME`` is blocked (severity ``CRITICAL``), anything else allowed. The
resolve call names the first stored policy (or a default one) as the one it applied. The
``./name/{name}`` lookups find an object of the collection by its exact name. Listings answer
``{"items": [...]}`` as the API does.
"""

from __future__ import annotations

from typing import Any

import uuid

from . import behavior

BASE = "/aiguard/v1/detection"


def _verdict(engine: Any, ctx: Any, resolve: bool) -> Any:
    body = ctx.json()
    if not isinstance(body, dict) or not isinstance(body.get("content"), str) or not body.get("direction"):
        return engine.error(ctx, 400, "content (a string) and direction are required")
    if body["direction"] not in ("IN", "OUT"):
        return engine.error(ctx, 400, "direction must be IN or OUT")
    blocked = "BLOCKME" in body["content"]
    out = {"transactionId": body.get("transactionId") or str(uuid.uuid4()), "statusCode": 200,
           "action": "BLOCK" if blocked else "ALLOW", "severity": "CRITICAL" if blocked else "NONE",
           "direction": body["direction"], "detectorErrorCount": 0, "detector_responses": {}}
    if resolve:
        coll = engine.store.collection("/aiguard/v1/detections/policies")
        policies = coll.values() if coll is not None else []
        policy = policies[0] if policies else {"id": 1, "name": "Default Policy"}
        out.update(policyId=policy.get("id"), policyName=policy.get("name"), policyVersion=1)
    elif body.get("policyId") is not None:
        out["policyId"] = body["policyId"]
    return engine.json_response(200, out)


@behavior("aiguard", "POST", BASE + "/execute-policy", no_pending=True)
def execute(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _verdict(engine, ctx, resolve=False)


@behavior("aiguard", "POST", BASE + "/resolve-and-execute-policy", no_pending=True)
def resolve_and_execute(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _verdict(engine, ctx, resolve=True)


def _by_name(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    coll_path, _, name = ctx.rpath.rpartition("/name/")
    coll = engine.store.collection(coll_path)
    for item in coll.values() if coll is not None else []:
        if item.get("name") == name:
            return engine.json_response(200, item)
    return engine.error(ctx, 404, f"no object named {name!r}")


for _coll in ("/llm-application-credentials", "/llm-applications", "/llm-provider-credentials", "/llm-providers",
              "/detections/policies", "/detections/policy-match-rules"):
    behavior("aiguard", "GET", "/aiguard/v1" + _coll + "/name/{name}")(_by_name)


