"""ZPA behaviours of the simulator.

* Provisioning keys get their secret ``provisioningKey`` value and ``usageCount`` "0" on
  create; ``maxUsage`` must be at least 1 and can not drop below ``usageCount``; an update
  keeps the fields it does not name. Enrolment is modelled by :func:`enroll` (Python only:
  connectors and service edges enrol outside the public API): it spends one use of a key and
  adds the connector / service edge to the key's group; a disabled key, or one whose
  ``usageCount`` reached ``maxUsage``, is refused.
* Policy sets: ``GET policySet/policyType/{type}`` answers one stable set per policy type
  (fixed id, made on first use) with its ``rules`` in order. Rules created through v1 or v2
  live in one place per set and get the next ``ruleOrder``; a rule update keeps its order;
  ``.../rule/{id}/reorder/{order}`` moves one rule and ``.../reorder`` (a JSON array of rule
  ids) sets the order of the listed rules, the others following in their current order.
* Application segments: ``segmentGroupId`` and ``serverGroups`` must name existing groups
  (400 in the ZPA envelope otherwise); the two port-range forms (``tcpPortRanges`` flat list,
  ``tcpPortRange`` objects) are both stored, each derived from the other when only one is
  sent; a segment group answers its segments under ``applications``.
* The predefined enrollment certificates Root, Client, Connector and Service Edge exist in
  every tenant (fixed ids; stored when the certificates are first read, so a reset state
  stays empty).
* Generic CRUD (:data:`TRAITS`): updates answer 204; items with a ``microtenantId`` are seen
  only by callers that pass that ``microtenantId`` (a create with it stamps the new item);
  ``?search=`` takes ``field+OP+value`` expressions.
"""

from __future__ import annotations

import dataclasses
import re
import secrets
from typing import Any

from ... import paging
from .. import wire
from ..httpserver import Response
from ..routes import fill
from . import behavior, product_traits
from .represent import HIDE, KEEP, answer
from .zpa_defaults import DEFAULTS

V1 = "/zpa/mgmtconfig/v1/admin/customers/{customerId}"
V2 = "/zpa/mgmtconfig/v2/admin/customers/{customerId}"
PROV = V1 + "/associationType/{key_type}/provisioningKey"
RULES = V1 + "/policySet/{policy_set_id}/rule"

#: Policy types the simulator knows; each has a fixed policy-set id.
POLICY_TYPES = ("ACCESS_POLICY", "CAPABILITIES_POLICY", "CLIENT_FORWARDING_POLICY",
                "CLIENTLESS_SESSION_PROTECTION_POLICY", "CREDENTIAL_POLICY", "PRIVILEGED_PORTAL_POLICY",
                "VPN_TUNNEL_POLICY", "INSPECTION_POLICY", "ISOLATION_POLICY", "REDIRECTION_POLICY", "SIEM_POLICY",
                "TIMEOUT_POLICY", "USER_PORTAL", "BYPASS_POLICY", "GLOBAL_POLICY")
POLICY_SET_BASE = 72058304855000001
SET_IDS = {t: str(POLICY_SET_BASE + i) for i, t in enumerate(POLICY_TYPES)}
SET_TYPES = {v: k for k, v in SET_IDS.items()}

ENROLLMENT_CERTS = ("Root", "Client", "Connector", "Service Edge")
ENROLLMENT_CERT_BASE = 72058304855100001


def _path(template: str, **values: str) -> str:
    for k, v in values.items():
        template = template.replace("{" + k + "}", str(v))
    return template


def _coll(engine: Any, customer_id: str, template: str, **values: str) -> Any:
    return engine.store.collection(_path(template, customerId=customer_id, **values))


def _obj(resp: Any) -> Any:
    """A copy of the value of a generic answer, for the behaviour to change."""
    return None if resp.status == 204 else resp.copy_value()


# ------------------------------------------------------------------ generic CRUD: microtenants, search, 204

def _mt_of(obj: dict[str, Any]) -> str | None:
    v = obj.get("microtenantId")
    return None if v in (None, "", "0") else str(v)


def _visible(ctx: Any, obj: dict[str, Any]) -> bool:
    """An item of a microtenant is seen only by callers passing that ``microtenantId``."""
    owner = _mt_of(obj)
    return owner is None or owner == ctx.q("microtenantId")


def _on_create(ctx: Any, obj: dict[str, Any], route: Any = None) -> None:
    """Stamp the caller's microtenant; fill the server defaults of the item's model."""
    mt = ctx.q("microtenantId")
    if mt and mt != "0" and not obj.get("microtenantId"):
        obj["microtenantId"] = mt
    res = getattr(route, "resource", None)
    for k, v in DEFAULTS.get(getattr(res, "model", None) or "", {}).items():
        if v is not KEEP and v is not HIDE:
            obj.setdefault(k, v)


_SEARCH_RX = re.compile(r"^\s*(\w+)[+ ](EQ|NE|CONTAINS|STARTSWITH|ENDSWITH|LIKE|IN|NOT_IN)[+ ](.*)$", re.I | re.S)
_TESTS = {
    "EQ": lambda v, wanted: v in wanted,
    "NE": lambda v, wanted: v not in wanted,
    "CONTAINS": lambda v, wanted: any(w in v for w in wanted),
    "LIKE": lambda v, wanted: any(w in v for w in wanted),
    "STARTSWITH": lambda v, wanted: any(v.startswith(w) for w in wanted),
    "ENDSWITH": lambda v, wanted: any(v.endswith(w) for w in wanted),
}


def field_search(items: list[dict[str, Any]], expr: str) -> list[dict[str, Any]]:
    """ZPA ``field+OP+value`` search (``+`` or space separated); anything else: name contains the text."""
    m = _SEARCH_RX.match(expr)
    if m is None:
        needle = expr.lower()
        return [o for o in items if needle in str(o.get("name", "")).lower()]
    field, op, value = m.group(1), m.group(2).upper(), m.group(3)
    wanted = {value.lower(), value.replace("+", " ").lower()}

    def val(o: dict[str, Any]) -> str:
        v = o.get(field)
        return "" if v is None else str(v).lower()

    test = _TESTS.get(op)
    if test is not None:
        return [o for o in items if test(val(o), wanted)]
    choices = {c.strip().lower() for w in wanted for c in w.split(",")}
    if op == "IN":
        return [o for o in items if val(o) in choices]
    return [o for o in items if val(o) not in choices]


TRAITS = product_traits("zpa", update_status=204, create_status=201, required_code=None, visible=_visible,
                        on_create=_on_create, search=field_search, defaults=DEFAULTS)


# ------------------------------------------------------------------ provisioning keys

@behavior("zpa", "POST", PROV)
def create_provisioning_key(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """A new key gets its secret ``provisioningKey`` value and ``usageCount`` 0, as the cloud does."""
    body = ctx.json()
    if isinstance(body, dict) and body.get("maxUsage") not in (None, ""):
        try:
            ok = int(body["maxUsage"]) >= 1
        except (TypeError, ValueError):
            ok = False
        if not ok:
            return engine.error(ctx, 400, f"maxUsage must be a whole number of at least 1, got {body['maxUsage']!r}",
                                "invalid.input.maxUsage")
    resp = engine.default(ctx, route, params)
    if resp.status >= 400:
        return resp
    obj = _obj(resp)
    if obj.get("usageCount") in (None, ""):  # the answer may carry the model's empty value
        obj["usageCount"] = "0"
    obj["provisioningKey"] = f"{obj['id']}|{ctx.req.headers.get('host', 'sim')}|{secrets.token_urlsafe(24)}"
    _name_refs(engine, params["customerId"], obj)
    key = engine.collection_key(route, params)
    engine.store.update(key, str(obj["id"]), obj)
    return engine.json_response(200, answer(engine, route, obj))


def _name_refs(engine: Any, cid: str, obj: dict[str, Any]) -> None:
    """``zcomponentName`` / ``enrollmentCertName`` when the referenced group / certificate exists."""
    group_tpl = V1 + ("/appConnectorGroup" if obj.get("associationType", "CONNECTOR_GRP") == "CONNECTOR_GRP"
                      else "/serviceEdgeGroup")
    for ref, tpl, name_key in (("zcomponentId", group_tpl, "zcomponentName"),
                               ("enrollmentCertId", V2 + "/enrollmentCert", "enrollmentCertName")):
        coll = _coll(engine, cid, tpl)
        item = coll.items.get(str(obj.get(ref))) if coll is not None else None
        if item is not None:
            obj[name_key] = item.get("name")


@behavior("zpa", "PUT", PROV + "/{key_id}")
def update_provisioning_key(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """An update keeps what it does not name (usage count, secret value ...); maxUsage >= usageCount."""
    key = engine.collection_key(route, params)
    coll = engine.store.collection(key)
    cur = coll.items.get(params["key_id"]) if coll is not None else None
    if cur is None or not engine.visible(ctx, cur):
        return engine.error(ctx, 404, f"resource with id {params['key_id']} not found at {ctx.req.path}")
    body = ctx.json() or {}
    if not isinstance(body, dict):
        return engine.error(ctx, 400, "request body must be a JSON object")
    new = {**cur, **body, "id": cur["id"], "usageCount": cur.get("usageCount", "0"),
           "provisioningKey": cur.get("provisioningKey")}
    try:
        if int(new.get("maxUsage") or 0) < int(new["usageCount"]):
            return engine.error(ctx, 400, f"maxUsage {new['maxUsage']} is below the usage count {new['usageCount']}",
                                "invalid.input.maxUsage")
    except (TypeError, ValueError):
        return engine.error(ctx, 400, f"maxUsage must be a whole number, got {new.get('maxUsage')!r}")
    new.update(wire.server_fields("zpa", False))
    _name_refs(engine, params["customerId"], new)
    engine.store.update(key, params["key_id"], new)
    return Response(204)


def enroll(engine: Any, provisioning_key: str, name: str | None = None) -> dict[str, Any]:
    """Enrol one connector (or service edge) with ``provisioning_key`` (its secret value or its id).

    Spends one use of the key and adds the component to the key's group (``zcomponentId``):
    ``/connector`` for CONNECTOR_GRP keys, ``/serviceEdge`` for SERVICE_EDGE_GRP keys. Returns
    the new component. Raises ``ValueError`` for an unknown or disabled key, or one whose
    ``usageCount`` reached ``maxUsage``.
    """
    with engine.lock:
        found = None
        for coll_key, coll in engine.store.collections.items():
            if not coll_key.endswith("/provisioningKey") or "/associationType/" not in coll_key:
                continue
            for oid, obj in coll.items.items():
                if provisioning_key in (obj.get("provisioningKey"), oid):
                    found = coll_key, oid, obj
        if found is None:
            raise ValueError("enroll: no provisioning key with that value or id")
        coll_key, oid, obj = found
        if obj.get("enabled") is False:
            raise ValueError(f"enroll: provisioning key {oid} is disabled")
        used, limit = int(obj.get("usageCount") or 0), int(obj.get("maxUsage") or 0)
        if used >= limit:
            raise ValueError(f"enroll: provisioning key {oid} is used up ({used} of {limit})")
        engine.store.update(coll_key, oid, {**obj, "usageCount": str(used + 1)})
        base = coll_key.split("/associationType/")[0]
        edge = "/SERVICE_EDGE_GRP/" in coll_key
        comp_id = engine.store.new_ids("zpa", "zpa")[0]
        comp = {"id": comp_id, "name": name or f"{'edge' if edge else 'connector'}-{comp_id}", "enabled": True,
                ("serviceEdgeGroupId" if edge else "appConnectorGroupId"): obj.get("zcomponentId"),
                "provisioningKeyId": oid, "enrollmentCert": {"id": obj.get("enrollmentCertId")},
                **wire.server_fields("zpa", True)}
        if obj.get("microtenantId"):
            comp["microtenantId"] = obj["microtenantId"]
        engine.store.insert(base + ("/serviceEdge" if edge else "/connector"), str(comp_id), comp, "zpa")
        return dict(comp)


# ------------------------------------------------------------------ enrollment certificates

def _ensure_enrollment_certs(engine: Any, cid: str) -> None:
    """The four predefined certificates of every tenant, made on first use (fixed ids: idempotent)."""
    key = _path(V2 + "/enrollmentCert", customerId=cid)
    coll = engine.store.collection(key)
    for i, name in enumerate(ENROLLMENT_CERTS):
        oid = str(ENROLLMENT_CERT_BASE + i)
        if coll is None or oid not in coll.items:
            engine.store.insert(key, oid, {"id": oid, "name": name, "allowSigning": True, "readOnly": True, "creationTime": "0",
                                           "modifiedTime": "0"})


@behavior("zpa", "GET", V2 + "/enrollmentCert")
def list_enrollment_certs(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    _ensure_enrollment_certs(engine, params["customerId"])
    return engine.default(ctx, route, params)


@behavior("zpa", "GET", V1 + "/enrollmentCert/{cert_id}")
def get_enrollment_cert(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    _ensure_enrollment_certs(engine, params["customerId"])
    return engine.default(ctx, route, params)


# ------------------------------------------------------------------ policy sets and rules

def _set_of(ctx: Any, engine: Any, cid: str, psid: str) -> dict[str, Any]:
    ptype = SET_TYPES[psid]
    coll = _coll(engine, cid, RULES, policy_set_id=psid)
    rules = [dict(r) for r in (engine.visible_all(ctx, coll) if coll is not None else [])]
    return {"id": psid, "name": ptype.replace("_", " ").title(), "policyType": ptype, "enabled": True,
            "sorted": True, "description": f"{ptype} policy set", "creationTime": "0", "modifiedTime": "0",
            "rules": rules}


@behavior("zpa", "GET", V1 + "/policySet/policyType/{policy_type}")
def get_policy_set(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    ptype = params["policy_type"]
    if ptype not in SET_IDS:
        return engine.error(ctx, 400, f"invalid policy type {ptype}; one of {', '.join(POLICY_TYPES)}",
                            "invalid.policy.type")
    return engine.json_response(200, answer(engine, route, _set_of(ctx, engine, params["customerId"], SET_IDS[ptype])))


def _unknown_set(engine: Any, ctx: Any, psid: str) -> Any:
    return engine.error(ctx, 404, f"policy set {psid} not found", "resource.not.found")


def _rules_route(route: Any) -> Any:
    """The route with its items in the one rule collection of the set (v1 and v2 share it)."""
    return dataclasses.replace(route, coll_template=RULES)


def _renumber(engine: Any, key: str, order: list[str]) -> None:
    """Store the rules of a set in ``order`` (their list order) with ruleOrder 1..n."""
    for i, oid in enumerate(order, 1):
        obj = engine.store.delete(key, oid)
        obj["ruleOrder"] = str(i)
        engine.store.insert(key, oid, obj)


def _create_rule(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    psid = params["policy_set_id"]
    if psid not in SET_TYPES:
        return _unknown_set(engine, ctx, psid)
    resp = engine.default(ctx, _rules_route(route), params)
    if resp.status >= 400:
        return resp
    obj = _obj(resp)
    key = _path(RULES, **params)
    obj["ruleOrder"] = str(len(engine.store.collection(key)))
    obj["policySetId"] = psid
    obj["policyType"] = SET_TYPES[psid]
    engine.store.update(key, str(obj["id"]), obj)
    return engine.json_response(201, answer(engine, route, obj))


def _update_rule(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    psid = params["policy_set_id"]
    if psid not in SET_TYPES:
        return _unknown_set(engine, ctx, psid)
    key = _path(RULES, **params)
    coll = engine.store.collection(key)
    cur = coll.items.get(params["rule_id"]) if coll is not None else None
    kept = {k: cur[k] for k in ("ruleOrder", "policySetId", "policyType") if cur is not None and k in cur}
    resp = engine.default(ctx, _rules_route(route), params)
    if resp.status < 400 and kept:
        engine.store.update(key, params["rule_id"], {**coll.items[params["rule_id"]], **kept})
    return resp


for _base in (V1, V2):
    behavior("zpa", "POST", _base + "/policySet/{policy_set_id}/rule")(_create_rule)
    behavior("zpa", "PUT", _base + "/policySet/{policy_set_id}/rule/{rule_id}")(_update_rule)


@behavior("zpa", "DELETE", RULES + "/{rule_id}")
def delete_rule(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    resp = engine.default(ctx, route, params)
    if resp.status < 400:
        key = _path(RULES, **params)
        coll = engine.store.collection(key)
        _renumber(engine, key, list(coll.items) if coll is not None else [])
    return resp


@behavior("zpa", "PUT", RULES + "/{rule_id}/reorder/{rule_order}")
def reorder_rule(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    psid = params["policy_set_id"]
    if psid not in SET_TYPES:
        return _unknown_set(engine, ctx, psid)
    key = _path(RULES, **params)
    coll = engine.store.collection(key)
    order = list(coll.items) if coll is not None else []
    rid = params["rule_id"]
    if rid not in order or not engine.visible(ctx, coll.items[rid]):
        return engine.error(ctx, 404, f"rule {rid} not found in policy set {psid}", "resource.not.found")
    try:
        pos = int(params["rule_order"])
    except ValueError:
        pos = 0
    if not 1 <= pos <= len(order):
        return engine.error(ctx, 400, f"rule order {params['rule_order']} is outside 1..{len(order)}",
                            "invalid.rule.order")
    order.remove(rid)
    order.insert(pos - 1, rid)
    _renumber(engine, key, order)
    return Response(204)


@behavior("zpa", "PUT", V1 + "/policySet/{policy_set_id}/reorder")
def bulk_reorder(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    psid = params["policy_set_id"]
    if psid not in SET_TYPES:
        return _unknown_set(engine, ctx, psid)
    ids = ctx.json()
    if not isinstance(ids, list) or not all(isinstance(i, (str, int)) for i in ids):
        return engine.error(ctx, 400, "the body must be a JSON array of rule ids", "invalid.input")
    ids = [str(i) for i in ids]
    key = _path(RULES, **params)
    coll = engine.store.collection(key)
    current = list(coll.items) if coll is not None else []
    unknown = [i for i in ids if i not in current]
    if unknown or len(set(ids)) != len(ids):
        what = f"unknown rule ids {', '.join(unknown)}" if unknown else "a rule id is listed twice"
        return engine.error(ctx, 400, f"bulk reorder of policy set {psid}: {what}", "invalid.input")
    _renumber(engine, key, ids + [i for i in current if i not in ids])
    return Response(204)


@behavior("zpa", "GET", V1 + "/policySet/rules/policyType/{policy_type}")
def list_rules(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    ptype = params["policy_type"]
    if ptype not in SET_IDS:
        return engine.error(ctx, 400, f"invalid policy type {ptype}", "invalid.policy.type")
    return engine.default(ctx, _rules_route(route), {**params, "policy_set_id": SET_IDS[ptype]})


@behavior("zpa", "GET", V1 + "/policySet/rules/policyType/{policy_type}/count")
def rule_count(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    ptype = params["policy_type"]
    if ptype not in SET_IDS:
        return engine.error(ctx, 400, f"invalid policy type {ptype}", "invalid.policy.type")
    coll = _coll(engine, params["customerId"], RULES, policy_set_id=SET_IDS[ptype])
    return engine.json_response(200, {"count": str(len(engine.visible_all(ctx, coll)) if coll else 0)})


# ------------------------------------------------------------------ application segments

def _flat(ranges: list[Any]) -> list[str]:
    return [str(x) for r in ranges if isinstance(r, dict) for x in (r.get("from"), r.get("to", r.get("from")))]


def _objects(flat: list[Any]) -> list[dict[str, Any]]:
    return [{"from": str(flat[i]), "to": str(flat[i + 1])} for i in range(0, len(flat) - 1, 2)]


def _check_segment(engine: Any, ctx: Any, cid: str, body: dict[str, Any]) -> Any:
    """400 for a segment group / server group id that does not exist; the two port forms agree."""
    sg = body.get("segmentGroupId")
    if sg not in (None, ""):
        coll = _coll(engine, cid, V1 + "/segmentGroup")
        group = coll.items.get(str(sg)) if coll is not None else None
        if group is None:
            return engine.error(ctx, 400, f"segment group {sg} does not exist", "resource.not.found")
        body["segmentGroupName"] = group.get("name")
    for ref in body.get("serverGroups") or ():
        gid = ref.get("id") if isinstance(ref, dict) else ref
        coll = _coll(engine, cid, V1 + "/serverGroup")
        if coll is None or str(gid) not in coll.items:
            return engine.error(ctx, 400, f"server group {gid} does not exist", "resource.not.found")
    for proto in ("tcp", "udp"):
        flat, objs = body.get(f"{proto}PortRanges"), body.get(f"{proto}PortRange")
        if objs and not flat:
            body[f"{proto}PortRanges"] = _flat(objs)
        elif flat and not objs:
            body[f"{proto}PortRange"] = _objects(flat)
    return None


#: what a new application segment must carry besides its name: each entry a set of keys of which
#: one must be given and not empty (the API's validation; the ports in either form, TCP or UDP)
SEGMENT_REQUIRED = (("domainNames",), ("segmentGroupId",),
                    ("tcpPortRanges", "tcpPortRange", "udpPortRanges", "udpPortRange"))


def missing_required(body: dict[str, Any], required: tuple[tuple[str, ...], ...]) -> str | None:
    """The validation error for the first entry of ``required`` none of whose keys ``body`` gives."""
    for keys in required:
        if all(body.get(k) in (None, "", [], {}) for k in keys):
            return f"{' or '.join(keys)} is required" if len(keys) < 3 else f"one of {', '.join(keys)} is required"
    return None


@behavior("zpa", "POST", V1 + "/application")
def create_segment(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """A new segment's references must exist, and it needs domains, a segment group and ports (400 otherwise)."""
    body = ctx.json()  # parsed once per request: the checked, completed body is what the create stores
    if isinstance(body, dict):
        err = _check_segment(engine, ctx, params["customerId"], body)
        if err is not None:
            return err
        missing = missing_required(body, SEGMENT_REQUIRED) if body.get("name") else None
        if missing is not None:
            return engine.error(ctx, 400, missing)
    resp = engine.default(ctx, route, params)
    return engine.json_response(201, _obj(resp)) if resp.status == 200 else resp


@behavior("zpa", "PUT", V1 + "/application/{segment_id}")
def update_segment(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    body = ctx.json()
    if isinstance(body, dict):
        err = _check_segment(engine, ctx, params["customerId"], body)
        if err is not None:
            return err
    return engine.default(ctx, route, params)


def _applications_by_group(engine: Any, ctx: Any, cid: str) -> dict[str, list[dict[str, Any]]]:
    """The visible app segments, as the summaries a segment group lists, keyed by group id."""
    coll = _coll(engine, cid, V1 + "/application")
    out: dict[str, list[dict[str, Any]]] = {}
    for a in (engine.visible_all(ctx, coll) if coll is not None else ()):
        out.setdefault(str(a.get("segmentGroupId")), []).append(
            {"id": a["id"], "name": a.get("name"), "domainNames": a.get("domainNames", []),
             "enabled": a.get("enabled", True)})
    return out


@behavior("zpa", "GET", V1 + "/segmentGroup/{group_id}")  # applications: only when the group has some
def get_segment_group(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    resp = engine.default(ctx, route, params)
    if resp.status >= 400:
        return resp
    by_group = _applications_by_group(engine, ctx, params["customerId"])
    if not by_group:
        return resp
    obj = _obj(resp)
    apps = by_group.get(str(obj["id"]))
    if apps:
        obj["applications"] = apps
    return engine.json_response(200, obj)


@behavior("zpa", "GET", V1 + "/segmentGroup")
def list_segment_groups(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    resp = engine.default(ctx, route, params)
    if resp.status >= 400:
        return resp
    by_group = _applications_by_group(engine, ctx, params["customerId"])
    if not by_group:  # no segments at all: the generic page as it is (no re-encoding)
        return resp
    page = _obj(resp)
    for g in page.get("list") or ():
        apps = by_group.get(str(g["id"]))
        if apps:
            g["applications"] = apps
    return engine.json_response(200, page)


# ------------------------------------------------------------------ LSS log formats

LOG_TYPES = ("zpn_trans_log", "zpn_auth_log", "zpn_ast_auth_log", "zpn_http_trans_log", "zpn_audit_log",
             "zpn_sys_auth_log", "zpn_ast_comprehensive_stats", "zpn_waf_http_exchanges_log",
             "zpn_pbroker_comprehensive_stats")


def log_formats(log_type: str) -> dict[str, str]:
    """The csv / json / tsv format strings of one log type (simulated: short but distinct per type)."""
    fields = ("LogTimestamp:time", "Customer", "SessionID", log_type)
    return {"csv": ",".join(f'"%s{{{f}:csv}}"' for f in fields) + "\\n",
            "json": "{" + ",".join(f'"{f.split(":")[0]}":"%s{{{f}:json}}"' for f in fields) + "}\\n",
            "tsv": "\\t".join(f"%s{{{f}:tsv}}" for f in fields) + "\\n"}


@behavior("zpa", "GET", V2 + "/lssConfig/logType/formats")
def get_log_formats(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    wanted = ctx.q("logType")
    if wanted is None:
        return engine.json_response(200, {t: log_formats(t) for t in LOG_TYPES})
    if wanted not in LOG_TYPES:
        return engine.error(ctx, 400, f"invalid log type {wanted}; one of {', '.join(LOG_TYPES)}", "invalid.log.type")
    return engine.json_response(200, log_formats(wanted))


LSS_V2 = "/zpa/mgmtconfig/v2/admin/lssConfig"
CLIENT_TYPES = {
    "zpn_client_type_exporter": "Web Browser", "zpn_client_type_exporter_noauth": "Web Browser Unauthenticated",
    "zpn_client_type_machine_tunnel": "Machine Tunnel", "zpn_client_type_ip_anchoring": "ZIA Service Edge",
    "zpn_client_type_edge_connector": "Cloud Connector", "zpn_client_type_zapp": "Client Connector",
    "zpn_client_type_slogger": "ZPA LSS", "zpn_client_type_browser_isolation": "Cloud Browser Isolation",
    "zpn_client_type_branch_connector": "Branch Connector", "zpn_client_type_zapp_partner": "Client Connector Partner",
}
#: status code -> description and the log types it appears in (simulated; the official SDK filters on ``log_types``)
STATUS_CODES = {
    "BRK_MT_SETUP_FAIL_NO_POLICY_FOUND": ("No policy found for the application", ("zpn_trans_log",)),
    "BRK_MT_AUTH_SAML_FAILURE": ("SAML authentication failed", ("zpn_trans_log", "zpn_auth_log")),
    "ZPN_STATUS_AUTH_FAILED": ("Authentication failed", ("zpn_auth_log", "zpn_ast_auth_log", "zpn_sys_auth_log")),
    "AST_MT_SETUP_ERR_CONN_PEER": ("Connector could not reach the server", ("zpn_trans_log", "zpn_http_trans_log")),
}


@behavior("zpa", "GET", LSS_V2 + "/logType/formats", wire_only=True)  # get_all_log_formats' hook asks it
def get_all_log_formats(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Every log type's formats (the path without a customer, as the official SDK asks without ``log_type``)."""
    return engine.json_response(200, {t: log_formats(t) for t in LOG_TYPES})


@behavior("zpa", "GET", LSS_V2 + "/customers/{customerId}/clientTypes")
def get_client_types(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return engine.json_response(200, dict(CLIENT_TYPES))


@behavior("zpa", "GET", LSS_V2 + "/statusCodes")
def get_status_codes(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return engine.json_response(200, {code: {"name": code, "description": text, "log_types": list(types)}
                                      for code, (text, types) in STATUS_CODES.items()})


# ------------------------------------------------------------------ inspection (app protection) controls

CONTROL_VERSIONS = ("OWASP_CRS/3.3.0", "OWASP_CRS/3.3.5", "OWASP_CRS/4.8.0")
CONTROL_GROUPS = (("Protocol Issues", True, ("Missing Host header", "Invalid HTTP request line")),
                  ("Environment and Port Scanners", True, ("Scanner detection",)),
                  ("Preprocessors", False, ("Request body size limit",)))
CONTROL_BASE = 72058304855200001


def predefined_groups(version: str) -> list[dict[str, Any]]:
    """Predefined inspection control groups of ``version`` (fixed ids; default groups are the first two)."""
    out, n = [], 0
    for group, default, names in CONTROL_GROUPS:
        controls = []
        for name in names:
            controls.append({"id": str(CONTROL_BASE + n), "name": name, "action": "BLOCK", "defaultAction": "BLOCK",
                             "paranoiaLevel": "1", "severity": "CRITICAL", "controlGroup": group,
                             "version": version, "protocolType": "HTTP"})
            n += 1
        out.append({"controlGroup": group, "defaultGroup": default, "predefinedInspectionControls": controls})
    return out


@behavior("zpa", "GET", V1 + "/inspectionControls/predefined")
def list_predefined_controls(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    version = ctx.q("version") or CONTROL_VERSIONS[0]
    if version not in CONTROL_VERSIONS:
        return engine.error(ctx, 400, f"unknown controls version {version}; one of {', '.join(CONTROL_VERSIONS)}",
                            "invalid.version")
    return engine.json_response(200, predefined_groups(version))


@behavior("zpa", "GET", V1 + "/inspectionControls/predefined/{control_id}")
def get_predefined_control(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    for group in predefined_groups(ctx.q("version") or CONTROL_VERSIONS[0]):
        for c in group["predefinedInspectionControls"]:
            if c["id"] == params["control_id"]:
                return engine.json_response(200, c)
    return engine.error(ctx, 404, f"predefined control {params['control_id']} not found", "resource.not.found")


def _attach(engine: Any, ctx: Any, params: Any, controls_of: Any) -> Any:
    key = _path(V1 + "/inspectionProfile", customerId=params["customerId"])
    coll = engine.store.collection(key)
    profile = coll.items.get(params["profile_id"]) if coll is not None else None
    if profile is None or not engine.visible(ctx, profile):
        return engine.error(ctx, 404, f"inspection profile {params['profile_id']} not found", "resource.not.found")
    body = ctx.json() if isinstance(ctx.json(), dict) else {}
    version = body.get("version") or CONTROL_VERSIONS[0]
    engine.store.update(key, params["profile_id"], {**profile, "predefinedControlsVersion": version,
                                                     "predefinedControls": controls_of(version)})
    return Response(204)


@behavior("zpa", "PUT", V1 + "/inspectionProfile/{profile_id}/associateAllPredefinedControls")
def attach_all_controls(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Every predefined control of the version joins the profile."""
    return _attach(engine, ctx, params, lambda v: [
        {"id": c["id"], "action": c["action"], "defaultAction": c["defaultAction"]}
        for g in predefined_groups(v) for c in g["predefinedInspectionControls"]])


@behavior("zpa", "PUT", V1 + "/inspectionProfile/{profile_id}/deAssociateAllPredefinedControls", wire_only=True)
def detach_all_controls(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The profile keeps no predefined control (the official SDK's alternative path of profile_control_attach)."""
    return _attach(engine, ctx, params, lambda v: [])


# ------------------------------------------------------------------ POST searches (tags)

def _search(engine: Any, ctx: Any, key: str) -> Any:
    """A page of the items at ``key`` for a ``{"pageBy": {page, pageSize}, "filterBy": [...]}`` search body."""
    body = ctx.json() if isinstance(ctx.json(), dict) else {}
    coll = engine.store.collection(key)
    items = list(engine.visible_all(ctx, coll)) if coll is not None else []
    for f in body.get("filterBy") or ():
        if isinstance(f, dict) and f.get("filterName") and f.get("operator", "EQUALS") == "EQUALS":
            items = [o for o in items if str(o.get(f["filterName"])) in map(str, f.get("values") or [])]
    try:
        return engine.json_response(200, paging.style("zpa_search").serve(items, ctx.query, body=body))
    except paging.PagingError as exc:
        return engine.error(ctx, 400, str(exc), "invalid.input")


@behavior("zpa", "POST", V1 + "/tagGroup/search")
def search_tag_groups(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _search(engine, ctx, _path(V1 + "/tagGroup", **params))


@behavior("zpa", "POST", V1 + "/namespace/search")
def search_namespaces(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _search(engine, ctx, _path(V1 + "/namespace", **params))


@behavior("zpa", "POST", V1 + "/namespace/{namespace_id}/tagKey/search")
def search_tag_keys(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _search(engine, ctx, _path(V1 + "/namespace/{namespace_id}/tagKey", **params))


# ---------------------------------------------------------------- provisioning key of an enrolled component

_ASSOCIATION = V1 + "/associationType"


@behavior("zpa", "GET", _ASSOCIATION + "/{key_type}/zcomponent/{zcomponent_id}/provisioningKey", no_pending=True)
@behavior("zpa", "GET", _ASSOCIATION + "/{key_type}zcomponent/{zcomponent_id}/provisioningKey", no_pending=True,
          wire_only=True)
def provisioning_key_of_component(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The provisioning key a connector or service edge (``zcomponentId``) enrolled with."""
    coll = engine.store.collection(fill(_ASSOCIATION + "/{key_type}/provisioningKey", params))
    want = params.get("zcomponent_id")
    for o in (coll.values() if coll is not None else ()):
        if str(o.get("zcomponentId")) == want and engine.visible(ctx, o):
            return engine.json_response(200, o)
    return engine.error(ctx, 404, f"no provisioning key for zcomponent {want}")


from . import zpa_tenant  # noqa: E402,F401  (the default tenant, linked views, server answers; registers on import)
