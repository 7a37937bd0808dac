"""ZPA behaviours of the simulator."""

from __future__ import annotations

import json
import secrets

from . import behavior

V1 = "/zpa/mgmtconfig/v1/admin/customers/{customerId}"
PROV = V1 + "/associationType/{key_type}/provisioningKey"


@behavior("zpa", "POST", PROV)
def create_provisioning_key(engine, ctx, route, params):
    """A new key gets its secret ``provisioningKey`` value and ``usageCount`` 0, as the cloud does."""
    resp = engine.default(ctx, route, params)
    if resp.status >= 400:
        return resp
    obj = json.loads(resp.body)
    obj.setdefault("usageCount", "0")
    obj["provisioningKey"] = f"{obj['id']}|{ctx.req.headers.get('host', 'sim')}|{secrets.token_urlsafe(24)}"
    key = engine.collection_key(route, params)
    engine.store.update(key, str(obj["id"]), obj)
    return engine.json_response(200, obj)
