"""ZIA default tenant and server answers the generic routes cannot give (issue #16).

* The default tenant (``@on_reset("zia", tenant=True)``; ``Simulator(tenant="empty")`` leaves
  it out): the predefined admin roles (an auditor role listed only with
  ``includeAuditorRole=true``), the predefined network services (``ICMP_ANY``, ``TCP_ANY``,
  ``DNS`` ...), the supported browser versions.
* Counts answer a bare JSON number (``locations/groups/count``, ``cloudToCloudIR/count`` ...).
* ``staticIP/validate`` answers the text ``SUCCESS`` (409 when the address is in use).
* ``webApplicationRules/{type}/availableActions`` answers the array of action names of the type.
* ``vips/groupByDatacenter`` groups the cloud's VIPs by datacenter; ``adminRoles/lite`` answers
  id, rank, name and role type; ``sandbox/report/quota`` is a one-element array.
"""

from __future__ import annotations

from typing import Any, cast

from ..httpserver import Response
from . import behavior, on_reset
from .zia import V1, recommended_vips

ROLES = V1 + "/adminRoles"
SERVICES = V1 + "/networkServices"
BROWSERS = V1 + "/browserControlSettings/supportedBrowserVersions"

#: predefined admin roles: (id, name, rank, role type, auditor)
PREDEFINED_ROLES = (
    (1, "Super Admin", 7, "ENTERPRISE_USER", False),
    (2, "Read Only Admin", 7, "ENTERPRISE_USER", False),
    (3, "Auditor", 7, "AUDITOR", True),
)

#: predefined network services: (id, name, protocol, destination ports)
#: (ids below the simulator's first generated ZIA id, 100001: created items never take them)
PREDEFINED_SERVICES = (
    (50001, "ICMP_ANY", "icmp", ()),
    (50002, "TCP_ANY", "tcp", ((1, 65535),)),
    (50003, "UDP_ANY", "udp", ((1, 65535),)),
    (50004, "DNS", "both", ((53, 53),)),
    (50005, "HTTP", "tcp", ((80, 80),)),
    (50006, "HTTPS", "tcp", ((443, 443),)),
    (50007, "SSH", "tcp", ((22, 22),)),
    (50008, "FTP", "tcp", ((21, 21),)),
    (50009, "NTP", "udp", ((123, 123),)),
    (50010, "RDP", "tcp", ((3389, 3389),)),
)

#: supported browser versions: (browser type, version prefix, current versions, older versions)
BROWSER_VERSIONS = (
    ("CHROME", "CH", range(138, 144), range(100, 138)),
    ("FIREFOX", "MF", range(140, 146), range(100, 140)),
    ("MSEDGE", "ME", range(138, 144), range(100, 138)),
    ("SAFARI", "AS", range(17, 19), range(13, 17)),
    ("OPERA", "O", range(117, 123), range(90, 117)),
)


def _insert_absent(engine: Any, key: str, oid: str, obj: dict[str, Any]) -> None:
    """Seed ``obj`` unless an item with that id is stored already (a kept SQLite state)."""
    coll = engine.store.collection(key)
    if coll is None or oid not in coll.items:
        engine.store.insert(key, oid, obj, "zia")


def _ports(ranges: Any) -> list[dict[str, Any]]:
    return [{"start": a, "end": b} if a != b else {"start": a} for a, b in ranges]


def _service(sid: int, name: str, proto: str, ranges: Any) -> dict[str, Any]:
    obj = {"id": sid, "name": name, "description": f"Predefined {name} service", "tag": name, "type": "PREDEFINED",
           "creatorContext": "ZIA", "isNameL10nTag": True}
    if proto in ("tcp", "both"):
        obj["destTcpPorts"] = _ports(ranges)
    if proto in ("udp", "both"):
        obj["destUdpPorts"] = _ports(ranges)
    return obj


@on_reset("zia", tenant=True)
def seed_tenant(engine: Any) -> None:
    """Admin roles, network services and browser versions every ZIA tenant has."""
    for rid, name, rank, rtype, auditor in PREDEFINED_ROLES:
        _insert_absent(engine, ROLES, str(rid), {
            "id": rid, "rank": rank, "name": name, "roleType": rtype, "isAuditor": auditor,
            "isNonEditable": True, "policyAccess": "READ_ONLY" if auditor or "Read" in name else "READ_WRITE",
            "dashboardAccess": "READ_WRITE", "reportAccess": "READ_WRITE", "analysisAccess": "READ_ONLY",
            "usernameAccess": "NONE", "deviceInfoAccess": "READ_ONLY", "adminAcctAccess": "READ_WRITE",
            "alertingAccess": "READ_WRITE", "logsLimit": "UNRESTRICTED", "reportTimeDuration": -1,
            "permissions": []})
    for sid, name, proto, ranges in PREDEFINED_SERVICES:
        _insert_absent(engine, SERVICES, str(sid), _service(sid, name, proto, ranges))
    for btype, prefix, current, older in BROWSER_VERSIONS:
        _insert_absent(engine, BROWSERS, btype, {
            "browserType": btype, "versions": [f"{prefix}{v}" for v in current],
            "olderVersions": [f"{prefix}{v}" for v in older]})


def _role_lite(role: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {k: role[k] for k in ("id", "rank", "name", "roleType") if k in role}
    if role.get("isAuditor"):
        out["isAuditor"] = True
    return out


def _page(engine: Any, ctx: Any, route: Any, items: list[Any]) -> Any:
    """``items`` served in the route's paging (``search`` first: name contains the text)."""
    from ... import paging
    from ..crud import name_search

    if ctx.q("search"):
        items = name_search(items, ctx.q("search"))
    try:
        return engine.json_response(200, paging.style(route.paging).serve(items, ctx.query, path=ctx.req.path))
    except paging.PagingError as exc:
        return engine.error(ctx, 400, str(exc))


@behavior("zia", "GET", ROLES + "/lite", no_pending=True)
def list_roles(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """id, rank, name and role type of each role; auditor roles only with ``includeAuditorRole=true``."""
    coll = engine.store.collection(ROLES)
    auditors = (ctx.q("includeAuditorRole") or "").lower() == "true"
    roles = [_role_lite(r) for r in (coll.values() if coll is not None else ()) if auditors or not r.get("isAuditor")]
    return _page(engine, ctx, route, roles)


def _count(engine: Any, key: str) -> Response:
    coll = engine.store.collection(key)
    return cast("Response", engine.json_response(200, len(coll.values()) if coll is not None else 0))


@behavior("zia", "GET", V1 + "/locations/groups/count", no_pending=True)
def location_group_count(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The number of location groups, a bare JSON number."""
    return _count(engine, V1 + "/locations/groups")


@behavior("zia", "GET", V1 + "/cloudToCloudIR/count", no_pending=True)
def c2c_count(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The number of cloud-to-cloud incident receivers, a bare JSON number."""
    return _count(engine, V1 + "/cloudToCloudIR")


#: the actions a cloud application rule type offers (verbs of the type's activities)
ACTION_VERBS = {
    "WEBMAIL": ("VIEW", "ATTACHMENT_SEND", "SEND"),
    "STREAMING_MEDIA": ("VIEW", "UPLOAD"),
    "FILE_SHARE": ("VIEW", "UPLOAD", "DOWNLOAD", "SHARE", "DELETE", "EDIT", "RENAME", "CREATE", "INVITE"),
    "SOCIAL_NETWORKING": ("VIEW", "POST", "COMMENT", "CHAT", "UPLOAD"),
    "INSTANT_MESSAGING": ("CHAT", "FILE_TRANSFER", "VIDEO", "VOICE"),
}


@behavior("zia", "POST", V1 + "/webApplicationRules/{rule_type}/availableActions", no_pending=True)
def available_actions(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The action names of the rule type: ``ALLOW_<TYPE>_<VERB>`` and ``DENY_<TYPE>_<VERB>``."""
    rtype = params["rule_type"].upper()
    verbs = ACTION_VERBS.get(rtype, ("VIEW", "UPLOAD"))
    return engine.json_response(200, sorted(f"{a}_{rtype}_{v}" for a in ("ALLOW", "DENY") for v in verbs))


@behavior("zia", "GET", V1 + "/vips/groupByDatacenter", no_pending=True)
def vips_by_datacenter(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The cloud's VIPs (as ``vips/recommendedList`` answers them), one entry per datacenter."""
    groups: dict[str, dict[str, Any]] = {}
    for vip in recommended_vips(engine, ctx, route, params).value:
        dc = groups.setdefault(vip["datacenter"], {
            "datacenter": {k: vip[k] for k in ("datacenter", "latitude", "longitude", "city", "countryCode", "region")},
            "greVips": []})
        dc["greVips"].append({"id": vip["id"], "virtualIp": vip["virtualIp"]})
    seeded = engine.store.collection(V1 + "/vips/groupByDatacenter")  # seed(path=...) puts entries there
    return _page(engine, ctx, route, list(groups.values()) + (seeded.values() if seeded is not None else []))


@behavior("zia", "GET", V1 + "/sandbox/report/quota", no_pending=True)
def sandbox_quota(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The Cloud Sandbox submission quota, a one-element JSON array (a day's allowance, none used)."""
    return engine.json_response(200, [{"startTime": -1, "used": 0, "allowed": 1000, "scale": "DAYS", "unused": 1000}])
