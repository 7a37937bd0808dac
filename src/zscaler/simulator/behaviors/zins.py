"""Z-Insights behaviours of the simulator (``POST /zins/graphql``), and the GraphQL answering ZMS shares.

The operation name identifies the method (no GraphQL parser: the catalog's operation table is
the schema). A request is checked as a GraphQL server would, and refused with HTTP 200 and
``{"errors": [{"message": ...}]}``: the document must declare the named operation, every
non-null variable the operation needs must be declared and given, and enum variables must
hold a member of their enum.

Answers are generated, deterministic and shaped like the selection: a report has 50 ``entries``
ranked by ``total`` (highest first); ``filterBy`` keeps those whose fields pass its string
filters (``{"name": {"eq"|"ne"|"in"|"nin": ...}}``), ``orderBy`` reorders them
(``[{"total": "ASC"}]`` or ``[{"fieldName": "name", "order": "ASC"}]``) and ``limit`` (5 by
default) cuts the list; nested entries have 2 items; the same arguments give the same answer.
"""

from __future__ import annotations

import re
import uuid
from typing import Any, Callable, Mapping

from ...catalog import load
from ...catalog.graphql import Operation, operations
from . import behavior

#: list-valued fields of the selections (the others are objects)
LIST_FIELDS = frozenset({"entries", "nodes", "agentStatuses", "agentVersions", "portRanges", "portAndProtocols"})
#: leaves holding a list of scalars
LIST_LEAVES = frozenset({"privateIps", "localIps", "cidrs", "fqdns", "processes", "appZoneIds", "appZoneNames",
                         "classifications", "trend_values"})
#: leaves holding an enum value: cycled through by item index
ENUM_LEAVES: dict[str, tuple[Any, ...]] = {
    "adminStatus": ("ENABLED", "DISABLED"), "agentAutoUpgrade": ("ENABLED", "DISABLED"),
    "agentGroupType": ("VM", "K8S"), "agentType": ("HOST", "CLUSTER", "KUBE_CONNECTOR"),
    "cloudProvider": ("AWS", "AZURE", "GCP", "ON_PREMISES"), "connectionStatus": ("CONNECTED", "DISCONNECTED"),
    "policyStatus": ("ENABLED", "DISABLED"), "tamperProtectionStatus": ("ENABLED", "DISABLED"),
    "upgradeStatus": ("UP_TO_DATE", "IN_PROGRESS"), "resourceType": ("VM", "POD", "K8S_WORKLOAD"),
    "status": ("ACTIVE", "INACTIVE"), "action": ("ALLOW", "BLOCK"), "direction": ("INBOUND", "OUTBOUND"),
    "scopeType": ("CUSTOMER",), "origin": ("USER_DEFINED", "ML_RECOMMENDED"), "protocol": ("TCP", "UDP"),
    "appZoneMappingState": ("MAPPED", "UNMAPPED"), "product": ("EYEZ",), "platformOs": ("LINUX", "WINDOWS"),
    "sourceTargetType": ("ANY", "RESOURCE_GROUP"), "destinationTargetType": ("RESOURCE_GROUP", "ANY"),
    "appZoneScopeTargetType": ("ANY", "APP_ZONE"), "sanctioned_state": ("SANCTIONED", "UNSANCTIONED"),
    "hostOs": ("Ubuntu 22.04", "Windows Server 2022"), "upgradeDay": ("SUNDAY",), "timezone": ("UTC",),
    "trend_interval": ("DAY",), "type": ("MANAGED", "UNMANAGED"), "category": ("Collaboration", "Storage", "Productivity"),
}
BOOL_LEAVES = frozenset({"obfuscated", "deleted", "includeAllSubnets", "includeAllVpcs", "undiscovered",
                         "integration"})
BASE_TIME = 1_735_689_600_000  # 2025-01-01T00:00:00Z, epoch milliseconds
DEFAULT_LIMIT, MAX_LIMIT = 5, 50


def ident(*parts: Any) -> str:
    """A stable UUID for the given parts."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "sim:" + ":".join(map(str, parts))))


def leaf(name: str, i: int, label: str) -> Any:
    """The generated value of leaf ``name`` in item ``i`` (1-based) of a list labelled ``label``."""
    low = name.lower()
    if name in ENUM_LEAVES:
        choices = ENUM_LEAVES[name]
        return choices[(i - 1) % len(choices)]
    if name in BOOL_LEAVES:
        return name in ("includeAllVpcs", "integration")
    if name in LIST_LEAVES:
        if name == "trend_values":
            return [i * 10 + k for k in range(3)]
        if "ip" in low:
            return [f"10.0.{i % 250}.{k + 10}" for k in range(2)]
        if name == "cidrs":
            return [f"10.{i % 250}.0.0/16"]
        if name == "fqdns":
            return [f"app{i}.example.com"]
        if name == "processes":
            return [f"/usr/bin/app{i}"]
        if name == "appZoneIds":
            return [ident("app-zone", i)]
        if name == "appZoneNames":
            return [f"app-zone-{i:02d}"]
        return [f"{name[:-1] if name.endswith('s') else name}-{i}"]
    if name in ("id", "agentId", "eyezId", "agentGroupEyezId", "classification_uuid"):
        return ident(label, name, i)
    if "percentage" in low:
        return round(100.0 / (i + 1), 2)
    if low.endswith("time") or "timestamp" in low or name in ("lastHit", "last_access_time", "trend_start_time"):
        return BASE_TIME + i * 3_600_000
    if name in ("total",) or low.endswith("count") or low.startswith("total") or "bytes" in low or low.startswith(
            "data_") or name in ("maxUsage", "priority", "agentDeletionTimeoutSeconds", "authenticated_users",
                                 "risk_index", "computed_risk_index", "custom_risk_index", "vulnerability",
                                 "unAuthenticated_location_count", "totalResources", "totalResourceGroups"):
        return max(1, 100_000 // i) if name == "total" else i * 3
    if name == "startPort":
        return 8000 + i
    if name == "endPort":
        return 8000 + i + 10
    if name == "publicIp":
        return f"203.0.113.{i % 250}"
    if name in ("currentSoftwareVersion", "version", "versionProfileName"):
        return f"1.{i % 3}.0"
    if name in ("key", "totpSecret"):
        return ident("secret", label, i).replace("-", "")[:24].upper()
    if name == "totpQrCode":
        return "otpauth://totp/zms?secret=" + ident("secret", label, i).replace("-", "")[:24].upper()
    if name in ("name", "application", "appZoneName", "resourceHostname", "agentGroupName"):
        return f"{label}-{i:02d}"
    if name == "cloudRegion":
        return ("us-east-1", "westeurope", "us-central1")[(i - 1) % 3]
    if name == "platformOsDistro":
        return "ubuntu"
    if name == "platformOsVersion":
        return "22.04"
    if name == "description":
        return f"{label} {i}"
    return f"{name}-{i}"


class Gen:
    """Builds the value of a selection tree."""

    def __init__(self, label: str, size: int = DEFAULT_LIMIT, nested: int = 2) -> None:
        self.label = label
        self.size = size
        self.nested = nested

    def obj(self, tree: Mapping[str, Any], i: int = 1, depth: int = 0) -> dict[str, Any]:
        out: dict[str, Any] = {}
        fragments = [k for k in tree if k[:1].isupper() and not k.isupper()]
        for name, sub in tree.items():
            if name in fragments:
                continue
            if name == "__typename":
                out[name] = fragments[(i - 1) % len(fragments)] if fragments else self.label
            elif sub is None:
                out[name] = leaf(name, i, self.label)
            elif name in LIST_FIELDS:
                n = self.size if depth == 0 else self.nested
                out[name] = [self.obj(sub, k, depth + 1) for k in range(1, n + 1)]
            else:
                out[name] = self.obj(sub, i, depth)
        if fragments:  # a union member: the fields of one type condition
            out.update(self.obj(tree[fragments[(i - 1) % len(fragments)]], i, depth))
        return out


def errors(*messages: str) -> dict[str, Any]:
    return {"errors": [{"message": m, "extensions": {"code": "GRAPHQL_VALIDATION_FAILED"}} for m in messages]}


def _declared(document: str, name: str) -> dict[str, str] | None:
    """Variable definitions of operation ``name`` in ``document``; ``None`` when it is not there."""
    m = re.search(r"\b(?:query|mutation)\s+" + re.escape(name) + r"\b\s*(\(([^)]*)\))?\s*\{", document)
    if m is None:
        return None
    return dict(re.findall(r"\$(\w+)\s*:\s*([\[\]\w!]+)", m.group(2) or ""))


def check(spec: Operation, document: str, variables: Mapping[str, Any]) -> list[str]:
    """GraphQL validation messages for one request (empty when it is acceptable)."""
    declared = _declared(document, spec.name)
    if declared is None:
        return [f'Unknown operation named "{spec.name}".']
    problems: list[str] = []
    for v in spec.variables:
        if v.required and v.name not in declared:
            problems.append(f'Variable "${v.name}" is not defined by operation "{spec.name}".')
    for vname, vtype in declared.items():
        value = variables.get(vname)
        if value is None:
            if vtype.endswith("!"):
                problems.append(f'Variable "${vname}" of required type "{vtype}" was not provided.')
            continue
        base = vtype.replace("[", "").replace("]", "").replace("!", "")
        members = spec.enums.get(base)
        if members is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            if item not in members:
                problems.append(f'Variable "${vname}" got invalid value "{item}"; '
                                f'Value "{item}" does not exist in "{base}" enum.')
    return problems


Resolver = Callable[[Operation, Mapping[str, Any]], dict[str, Any]]


def serve(engine: Any, ctx: Any, product: str, resolve: Resolver) -> Any:
    """Answer one GraphQL request of ``product`` with ``resolve(spec, variables) -> data``."""
    body = ctx.json()
    if not isinstance(body, dict) or not isinstance(body.get("query"), str) or not body["query"].strip():
        return engine.json_response(400, errors("Must provide query string."))
    variables = body.get("variables") or {}
    if not isinstance(variables, dict):
        return engine.json_response(400, errors('"variables" must be an object.'))
    name = body.get("operationName")
    if not name:
        m = re.search(r"\b(?:query|mutation)\s+(\w+)", body["query"])
        name = m.group(1) if m else None
    spec = operations(load(product)).get(name or "")
    if spec is None:
        return engine.json_response(200, errors(f'Unknown operation named "{name}".'))
    problems = check(spec, body["query"], variables)
    if problems:
        return engine.json_response(200, errors(*problems))
    return engine.json_response(200, {"data": resolve(spec, variables)})


# ------------------------------------------------------------------ Z-Insights


def _limit(variables: Mapping[str, Any]) -> int:
    limit = variables.get("limit")
    return DEFAULT_LIMIT if not isinstance(limit, int) or limit <= 0 else min(limit, MAX_LIMIT)


def _kept(entry: Mapping[str, Any], filter_by: Any) -> bool:
    """``filterBy``: per field a string filter ``{"eq", "ne", "in", "nin"}``."""
    for fname, cond in (filter_by or {}).items() if isinstance(filter_by, Mapping) else ():
        if not isinstance(cond, Mapping) or fname not in entry:
            continue
        value = str(entry[fname])
        if ("eq" in cond and value != str(cond["eq"])) or ("ne" in cond and value == str(cond["ne"])):
            return False
        if ("in" in cond and value not in map(str, cond["in"] or [])) or (
                "nin" in cond and value in map(str, cond["nin"] or [])):
            return False
    return True


def _sorted(entries: list[Any], order_by: Any) -> list[Any]:
    """``orderBy``: ``[{"total": "ASC"}]`` or ``[{"fieldName": "name", "order": "ASC"}]``."""
    for item in reversed(order_by if isinstance(order_by, list) else [order_by] if order_by else []):
        if not isinstance(item, Mapping):
            continue
        pairs = [(item["fieldName"], item.get("order", "DESC"))] if "fieldName" in item else list(item.items())
        for fname, direction in reversed(pairs):
            entries = sorted(entries, key=lambda e: (e.get(fname) is None, e.get(fname)),
                             reverse=str(direction).upper() == "DESC")
    return entries


def zins_data(spec: Operation, variables: Mapping[str, Any]) -> dict[str, Any]:
    """``{ROOT: {report: ...}}``: the report's entries, filtered and ordered, as many as ``limit``."""
    tree = spec.tree()
    root = next(iter(tree))
    report = next(iter(tree[root]))
    limit = _limit(variables)
    value = Gen(report.replace("_", " ").strip(), size=MAX_LIMIT).obj(tree[root][report])
    if isinstance(value.get("entries"), list):
        kept = [e for e in value["entries"] if _kept(e, variables.get("filterBy"))]
        value["entries"] = _sorted(kept, variables.get("orderBy"))[:limit]
    return {root: {report: value}}


@behavior("zins", "POST", "/zins/graphql")
def zins_graphql(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Z-Insights GraphQL queries (see the module docstring)."""
    return serve(engine, ctx, "zins", zins_data)
