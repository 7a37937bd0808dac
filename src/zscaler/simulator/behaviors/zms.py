"""ZMS behaviours of the simulator (``POST /zms/graphql``).

Requests are checked as :mod:`.zins` describes (GraphQL-style ``errors`` with HTTP 200).
Every tenant (any ``customerId``) sees the same generated, deterministic inventory:

* lists answer ``{"nodes": [...], "pageInfo": {...}}``: 25 items (6 members per resource
  group), paged by ``page``/``pageNum`` (from 1) and ``pageSize`` (20 by default);
  ``search`` keeps the items whose ``name`` contains it (any case); ``filter`` takes string
  expressions per field (``{"name": {"contains": "01"}}``: ``equals``, ``contains``,
  ``starts``, ``ends``, ``in``); ``sort``/``sortDir`` and ``orderBy`` (``{"name": "DESC"}``)
  order the items;
* protection-status queries answer one summary node; statistics answer 3 buckets whose
  percentages add up to 100; ``nonce``/``agentGroupTotpSecrets`` echo the ``eyezId`` asked for;
  ``metadata`` is a JSON object.
"""

from __future__ import annotations

from typing import Any, Mapping

from ...catalog.graphql import Operation
from . import behavior
from .zins import Gen, ident, serve

TOTAL = 25
PROTECTION = {"resourceProtectionStatus": "Resource", "resourceGroupProtectionStatus": "ResourceGroup"}
SIZES = {"resourceGroupMembers": 6, "resourceProtectionStatus": 1, "resourceGroupProtectionStatus": 1}


def _label(root: str) -> str:
    words = "".join("-" + c.lower() if c.isupper() else c for c in root).strip("-")
    return words[:-1] if words.endswith("s") else words


def _matches(item: Mapping[str, Any], expr: Any) -> bool:
    """One ``filter`` input: every field's string expression must hold."""
    if not isinstance(expr, Mapping):
        return True
    for fname, cond in expr.items():
        value = str(item.get(fname, "")).lower()
        if not isinstance(cond, Mapping):
            if value != str(cond).lower():
                return False
            continue
        for op, want in cond.items():
            if op in ("in", "inList"):
                if value not in [str(w).lower() for w in (want or [])]:
                    return False
                continue
            want = str(want).lower()
            ok = {"equals": value == want, "contains": want in value, "starts": value.startswith(want),
                  "ends": value.endswith(want)}.get(op, True)
            if not ok:
                return False
    return True


def _page(nodes: list[dict[str, Any]], variables: Mapping[str, Any]) -> dict[str, Any]:
    number = variables.get("page") or variables.get("pageNum") or 1
    size = variables.get("pageSize") or 20
    number, size = max(1, int(number)), max(1, int(size))
    total = len(nodes)
    return {"nodes": nodes[(number - 1) * size: number * size],
            "pageInfo": {"pageNumber": number, "pageSize": size, "totalCount": total,
                         "totalPages": (total + size - 1) // size}}


def _ordered(nodes: list[dict[str, Any]], variables: Mapping[str, Any]) -> list[dict[str, Any]]:
    keys: list[tuple[str, bool]] = []
    if variables.get("sort"):
        keys.append((str(variables["sort"]), str(variables.get("sortDir") or "ASC").upper() == "DESC"))
    order = variables.get("orderBy")
    if isinstance(order, Mapping):
        keys.extend((k, str(v).upper() == "DESC") for k, v in order.items() if v)
    for fname, desc in reversed(keys):
        nodes = sorted(nodes, key=lambda n: str(n.get(fname, "")), reverse=desc)
    return nodes


def zms_data(spec: Operation, variables: Mapping[str, Any]) -> dict[str, Any]:
    tree = spec.tree()
    root = next(iter(tree))
    sel = tree[root]
    label = _label(root)
    if sel is None:  # metadata: a JSON scalar
        return {root: {"customerId": variables.get("customerId"), "cloudProviders": ["AWS", "AZURE", "GCP"],
                       "resourceTypes": ["VM", "POD", "K8S_WORKLOAD"], "regions": ["us-east-1", "westeurope"]}}
    if "nodes" in sel:
        count = SIZES.get(root, TOTAL)
        if root == "resourceGroupMembers":
            label = f"member-{str(variables.get('id'))[:8]}"
        nodes = [Gen(label).obj(sel["nodes"], i) for i in range(1, count + 1)]
        if root in PROTECTION:  # one consistent summary: 15 of 20 protected
            total, protected = 20, 15
            kind = PROTECTION[root]
            nodes = [{k: v for k, v in {f"total{kind}s": total, f"protected{kind}sCount": protected,
                                        f"unprotected{kind}sCount": total - protected,
                                        "protectedPercentage": 75.0}.items() if k in sel["nodes"]}]
        search = variables.get("search")
        if search:
            nodes = [n for n in nodes if str(search).lower() in str(n.get("name", "")).lower()]
        nodes = [n for n in nodes if _matches(n, variables.get("filter"))]
        return {root: _page(_ordered(nodes, variables), variables)}
    value = Gen(label, size=3).obj(sel)
    for bucket in ("agentStatuses", "agentVersions"):
        if bucket in value:  # percentages of the buckets add up to 100
            counts = [b.get("count", 1) for b in value[bucket]]
            for b, c in zip(value[bucket], counts):
                b["percentage"] = round(100.0 * c / sum(counts), 2)
            value["totalCount"], value["totalPercentage"] = sum(counts), 100.0
    target = value.get("nonce", value) if root == "nonce" else value
    if "eyezId" in target and variables.get("eyezId"):
        target["eyezId"] = variables["eyezId"]
    if root == "nonce" and "agentGroupEyezId" in target:
        target["agentGroupEyezId"] = ident("agent-group", variables.get("eyezId"))
    return {root: value}


@behavior("zms", "POST", "/zms/graphql")
def zms_graphql(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """ZMS GraphQL queries (see the module docstring)."""
    return serve(engine, ctx, "zms", zms_data)
