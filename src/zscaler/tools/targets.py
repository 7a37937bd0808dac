"""What a tenant export reads and an apply writes, derived from the catalog.

A :class:`Target` is one exported file: a collection (a list op whose path needs no argument but
configuration values, or only arguments :data:`PLACEHOLDER_VALUES` enumerates) or a settings
singleton (a GET and a PUT on the same path). Its writes come from the same resource's ops: a POST
on the list path creates, a PUT / DELETE on ``<list path>/{id}`` updates / deletes; a target
without them is exported but read-only. Views of a collection (``.../summary``, ``.../lite``,
another list op whose path extends this one's) and a second resource listing the same path are
left out. What the catalog cannot say lives in the tables of this module (the one home of
hand-written export knowledge): placeholder values, write paths elsewhere than the list path
(ZPA policy rules), the ZPA resources listed per microtenant, volatile and derived fields, identity keys.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Mapping

from .. import catalog
from ..catalog.spec import Op, Product, Resource

#: path placeholders filled from the client's configuration, never enumerated
CONFIG_PLACEHOLDERS = frozenset({"customerId"})

#: values an export enumerates for a list path's placeholder: (product, placeholder) -> values
PLACEHOLDER_VALUES: Mapping[tuple[str, str], tuple[str, ...]] = {
    ("zpa", "policy_type"): ("ACCESS_POLICY", "TIMEOUT_POLICY", "CLIENT_FORWARDING_POLICY", "INSPECTION_POLICY",
                             "ISOLATION_POLICY", "CREDENTIAL_POLICY", "CAPABILITIES_POLICY",
                             "CLIENTLESS_SESSION_PROTECTION_POLICY", "PRIVILEGED_PORTAL_POLICY",
                             "REDIRECTION_POLICY", "SIEM_POLICY"),
    ("zpa", "key_type"): ("CONNECTOR_GRP", "SERVICE_EDGE_GRP"),
}

#: list ops exported only for some of the values above (resource attribute, op) -> placeholder it enumerates;
#: a list op with a placeholder not in this table and not in CONFIG_PLACEHOLDERS is not exported
ENUMERATED: Mapping[tuple[str, str, str], str] = {
    ("zpa", "policies", "list_rules"): "policy_type",
    ("zpa", "provisioning", "list_provisioning_keys"): "key_type",
}

_ZPA = "/zpa/mgmtconfig/v1/admin/customers/{customerId}"

#: the file key of the ZPA microtenants: an export reads it first, then every MICROTENANT_LISTS target per microtenant
MICROTENANTS = "zpa/microtenants"

#: ZPA resources whose list op takes a microtenant id (the official SDK's list methods read ``microtenant_id``
#: from ``query_params``; it goes as the ``microtenantId`` query key, as on every write of an owned object):
#: (product, resource attribute)
MICROTENANT_LISTS: frozenset[tuple[str, str]] = frozenset(("zpa", a) for a in (
    "administrator_controller", "api_keys", "app_connector_groups", "app_connectors", "application_segment",
    "branch_connector_group", "certificates", "emergency_access", "machine_groups", "managed_browser_profile",
    "policies", "policy_group_set", "pra_approval", "pra_console", "pra_credential", "pra_credential_pool",
    "pra_portal", "private_cloud_controller", "private_cloud_group", "provisioning", "role_controller",
    "segment_groups", "server_groups", "servers", "service_edge_group", "service_edges", "stepup_auth_level",
    "user_portal_aup", "user_portal_controller", "user_portal_link"))


@dataclass(frozen=True)
class Writes:
    """Where a target's records are written when it is not ``<list path>`` / ``<list path>/{id}``.

    ``lookup`` is a GET whose answer's ``id`` fills ``{parent}`` (the ZPA policy set of a policy type);
    ``reorder`` a PUT taking the JSON array of the rule ids in order."""

    create: str
    item: str
    lookup: str | None = None
    reorder: str | None = None


#: write paths the catalog's list path does not give: (product, resource attribute) -> Writes
WRITE_PATHS: Mapping[tuple[str, str], Writes] = {
    ("zpa", "policies"): Writes(create=_ZPA + "/policySet/{parent}/rule", item=_ZPA + "/policySet/{parent}/rule/{id}",
                                lookup=_ZPA + "/policySet/policyType/{policy_type}",
                                reorder=_ZPA + "/policySet/{parent}/reorder"),
}

#: fields the server changes on its own: never exported, never compared, never sent
VOLATILE = frozenset({
    "modifiedTime", "creationTime", "modifiedBy", "createdBy", "lastModifiedTime", "lastModifiedBy",
    "lastModified", "createdTime", "createTime", "updateTime", "updatedAt", "createdAt", "lastUpdatedTime",
    "usageCount", "hitCount", "referencedRuleCount", "lastSeenTime", "lastBrokerConnectTime", "lastBrokerDisconnectTime",
})

#: fields the server derives from other records (a segment group's segments): exported and compared,
#: never sent (the server builds them), and no dependency (they point the other way)
DERIVED: Mapping[str, frozenset[str]] = {
    "zpa/segment_groups": frozenset({"applications"}),
    "zpa/application_segment": frozenset({"segmentGroupName"}),
}

#: secret fields the server generates on create (ZPA provisioning keys): a placeholder there is not
#: refused on apply, the field is left out of the request
SERVER_SECRETS = frozenset({"provisioningKey"})

#: secret fields the API never answers but a create needs (ZIA VPN credentials' pre-shared key): an
#: export in ``placeholder`` mode holds a placeholder for them, so apply asks for the value (``--secret``)
#: instead of the server refusing the record; ``keep`` cannot keep what is never read back
WRITE_ONLY_SECRETS: Mapping[str, tuple[str, ...]] = {"zia/traffic_vpn_credentials": ("preSharedKey",)}

#: server-assigned ids that are not references to exported records: dropped in cross-tenant mode
TENANT_IDS = frozenset({"customerId", "policySetId"})

#: lists whose order means something (kept as they are; every other list is sorted)
ORDERED_LISTS = frozenset({"tcpPortRanges", "udpPortRanges", "rules"})

#: the fields naming a record, first present wins (then the id)
IDENTITY_KEYS = ("name", "configuredName", "email", "loginName", "userName", "ipAddress", "ipStart", "fqdn")

#: the fields holding a rule's position, first present in every record wins
ORDER_FIELDS = ("ruleOrder", "order")


@dataclass(frozen=True)
class Target:
    """One exported file: a collection or a singleton of one product resource."""

    product: str
    resource: str  # the client attribute (segment_groups)
    list_op: str  # the op reading it
    path: str  # its path template
    args: Mapping[str, str] = field(default_factory=dict)  # placeholder values of the list op
    kind: str = "collection"  # collection | singleton
    id_field: str = "id"
    create: str | None = None  # POST path template (None: read-only)
    item: str | None = None  # PUT/DELETE path template with {id}
    update_verb: str = "PUT"
    deletable: bool = False
    writes: Writes | None = None
    suffix: str = ""  # when the resource has several targets: the path's last name (else the list op's)
    scoped: bool = False  # ZPA: listed once more per microtenant (MICROTENANT_LISTS)

    @property
    def key(self) -> str:
        """``zpa/segment_groups``, ``zpa/policies.ACCESS_POLICY``: the file's name without ``.json``."""
        name = "".join(f".{v}" for v in self.args.values()) or (f".{self.suffix}" if self.suffix else "")
        return f"{self.product}/{self.resource}{name}"

    @property
    def writable(self) -> bool:
        return self.kind == "singleton" or self.create is not None


def _placeholders(path: str) -> list[str]:
    return re.findall(r"{(\w+)}", path)


def _list_ops(res: Resource) -> list[Op]:
    ops = [o for o in res.ops if o.verb == "GET" and o.result in ("list", "raw_list")]
    paths = [o.path for o in ops]
    return [o for o in ops if not any(o.path != p and o.path.startswith(p + "/") for p in paths)]


def _expansions(product: str, res: Resource, o: Op) -> list[dict[str, str]]:
    """The argument sets to read ``o`` with ([{}] when it needs none; [] when it is not exported)."""
    free = [p for p in _placeholders(o.path) if p not in CONFIG_PLACEHOLDERS]
    if any(p.required and p.name not in free and p.kind == "positional_or_keyword" for p in o.params):
        return []  # a listing that needs a filter argument (rule_type ...) is not a configuration
    if not free:
        return [{}]
    name = ENUMERATED.get((product, res.attribute, o.name))
    if name is None or free != [name]:
        return []
    return [{name: v} for v in PLACEHOLDER_VALUES[(product, name)]]


def _collection(prod: Product, res: Resource, o: Op, args: dict[str, str]) -> Target:
    writes = WRITE_PATHS.get((prod.name, res.attribute))
    create = item = None
    verb, deletable = "PUT", False
    for w in res.ops:
        if w.verb == "POST" and w.path == o.path:
            create = w.path
        elif w.verb in ("PUT", "PATCH") and w.collection == o.path and w.path != o.path and item is None:
            item, verb = w.path, w.verb
        elif w.verb == "DELETE" and w.collection == o.path:
            deletable = True
    if writes is not None:
        create, item, deletable = writes.create, writes.item, True
    if item is not None:
        item = re.sub(r"{\w+}$", "{id}", item)
    return Target(prod.name, res.attribute, o.name, o.path, args, "collection", res.id_field or "id",
                  create if item is not None else None, item, verb, deletable, writes,
                  scoped=(prod.name, res.attribute) in MICROTENANT_LISTS)


def _singletons(prod: Product, res: Resource) -> list[Target]:
    out = []
    puts = {w.path for w in res.ops if w.verb in ("PUT", "PATCH")}
    for o in res.ops:
        if o.verb == "GET" and o.result in ("object", "raw") and o.path in puts \
                and not [p for p in _placeholders(o.path) if p not in CONFIG_PLACEHOLDERS]:
            verb = next(w.verb for w in res.ops if w.verb in ("PUT", "PATCH") and w.path == o.path)
            out.append(Target(prod.name, res.attribute, o.name, o.path, {}, "singleton", update_verb=verb))
    return out


def _rank(res: Resource, t: Target) -> tuple[int, int, str]:
    return (0 if t.writable else 1, -len(res.ops), res.attribute)


@lru_cache(maxsize=None)
def targets(product: str) -> tuple[Target, ...]:
    """Every exported target of ``product``, one per distinct path (and arguments), in catalog order."""
    prod = catalog.load(product)
    best: dict[tuple[str, tuple[tuple[str, str], ...]], tuple[tuple[int, int, str], Target]] = {}
    order: list[tuple[str, tuple[tuple[str, str], ...]]] = []
    for res in prod.resources:
        found = [_collection(prod, res, o, a) for o in _list_ops(res) for a in _expansions(product, res, o)]
        for t in found + _singletons(prod, res):
            k = (t.path, tuple(sorted(t.args.items())))
            rank = _rank(res, t)
            if k not in best:
                order.append(k)
            if k not in best or rank < best[k][0]:
                best[k] = (rank, t)
    chosen = [best[k][1] for k in order]
    per_resource = Counter(t.resource for t in chosen if not t.args)
    segments = Counter((t.resource, _last_literal(t.path)) for t in chosen if not t.args)
    return tuple(t if t.args or per_resource[t.resource] == 1 else
                 replace(t, suffix=_last_literal(t.path) if segments[(t.resource, _last_literal(t.path))] == 1
                         else t.list_op) for t in chosen)


def _last_literal(path: str) -> str:
    return [s for s in path.split("/") if s and not s.startswith("{")][-1]


def find(key: str) -> Target:
    """The target of a file key (``zpa/segment_groups``); ValueError naming the known ones otherwise."""
    product = key.partition("/")[0]
    if product not in catalog.products():
        raise ValueError(f"{key}: unknown product {product!r}; products: {', '.join(catalog.products())}")
    for t in targets(product):
        if t.key == key:
            return t
    raise ValueError(f"{key}: not an exported resource of {product}")


def products() -> tuple[str, ...]:
    """The products an export reads by default: those whose catalog has a writable target."""
    return tuple(p for p in catalog.products() if any(t.writable for t in targets(p)))
