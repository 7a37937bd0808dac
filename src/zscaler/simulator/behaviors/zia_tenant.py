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
from .represent import answer
from .zia import CATEGORIES, V1, category_counts, recommended_vips

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


#: predefined URL categories, a realistic subset: super category -> ((id, val), ...) (``val``: the
#: category's number; custom categories ``CUSTOM_nn`` number from 128)
URL_CATEGORIES: dict[str, tuple[tuple[str, int], ...]] = {
    "ADULT_MATERIAL": (("OTHER_ADULT_MATERIAL", 1), ("ADULT_THEMES", 2), ("NUDITY", 4), ("PORNOGRAPHY", 5)),
    "BUSINESS_AND_ECONOMY": (("OTHER_BUSINESS_AND_ECONOMY", 9), ("CORPORATE_MARKETING", 10), ("FINANCE", 11),
                             ("PROFESSIONAL_SERVICES", 12), ("CLASSIFIEDS", 13), ("INSURANCE", 126)),
    "DRUGS": (("OTHER_DRUGS", 14), ("MARIJUANA", 118)),
    "EDUCATION": (("OTHER_EDUCATION", 15), ("HISTORY", 17), ("K_12", 18), ("REFERENCE_SITES", 19),
                  ("SCIENCE_AND_TECHNOLOGY", 20)),
    "ENTERTAINMENT_AND_RECREATION": (("ENTERTAINMENT", 22), ("TELEVISION_AND_MOVIES", 23), ("MUSIC", 24),
                                     ("STREAMING_MEDIA", 25), ("RADIO_STATIONS", 26)),
    "GAMBLING": (("GAMBLING", 27),),
    "GAMES": (("OTHER_GAMES", 28), ("SOCIAL_NETWORKING_GAMES", 101)),
    "GOVERNMENT_AND_POLITICS": (("GOVERNMENT", 30), ("POLITICS", 31), ("MILITARY", 120)),
    "HEALTH": (("HEALTH", 32),),
    "ILLEGAL_OR_QUESTIONABLE": (("COPYRIGHT_INFRINGEMENT", 34), ("COMPUTER_HACKING", 35), ("QUESTIONABLE", 36),
                                ("ANONYMIZER", 39)),
    "INFORMATION_TECHNOLOGY": (("OTHER_INFORMATION_TECHNOLOGY", 40), ("FILE_HOST", 43), ("WEB_HOST", 46),
                               ("WEB_SEARCH", 47), ("PORTALS", 48), ("CDN", 107), ("DNS_OVER_HTTPS", 117),
                               ("AI_ML_APPS", 122), ("GENERAL_AI_ML", 125), ("DEVELOPER_TOOLS", 3075)),
    "INTERNET_COMMUNICATION": (("INTERNET_SERVICES", 51), ("ONLINE_CHAT", 53), ("EMAIL_HOST", 54), ("BLOG", 55),
                               ("P2P_COMMUNICATION", 97), ("REMOTE_ACCESS", 104), ("WEB_CONFERENCING", 111)),
    "JOB_SEARCH": (("JOB_SEARCH", 56),),
    "MISCELLANEOUS": (("OTHER_MISCELLANEOUS", 58), ("MISCELLANEOUS_OR_UNKNOWN", 98), ("NEWLY_REG_DOMAINS", 106),
                      ("NON_CATEGORIZABLE", 110)),
    "NEWS_AND_MEDIA": (("NEWS_AND_MEDIA", 59),),
    "SECURITY": (("OTHER_SECURITY", 91), ("ADWARE_OR_SPYWARE", 92), ("ENCR_WEB_CONTENT", 113), ("DYNAMIC_DNS", 119)),
    "SHOPPING_AND_AUCTIONS": (("OTHER_SHOPPING_AND_AUCTIONS", 79), ("REAL_ESTATE", 81), ("ONLINE_AUCTIONS", 82)),
    "SOCIETY_AND_LIFESTYLE": (("OTHER_SOCIETY_AND_LIFESTYLE", 72), ("HOBBIES_AND_LEISURE", 75),
                              ("SOCIAL_NETWORKING", 78)),
    "SPORTS": (("SPORTS", 84),),
    "TRAVEL": (("TRAVEL", 86),),
    "VEHICLES": (("VEHICLES", 87),),
    "USER_DEFINED": (("USER_DEFINED", 90),),
}
#: sample domains the simulated URL database classifies into a predefined category (``urlLookup``)
CATEGORY_DOMAINS = {
    "NEWS_AND_MEDIA": ("news.example.com", "cnn.com", "bbc.co.uk"),
    "PROFESSIONAL_SERVICES": ("zscaler.com", "example.com"),
    "SOCIAL_NETWORKING": ("facebook.com", "linkedin.com", "x.com"),
    "WEB_SEARCH": ("google.com", "bing.com"),
    "FINANCE": ("bank.example.com", "paypal.com"),
}


def _category(cid: str, group: str, val: int) -> dict[str, Any]:
    return {"id": cid, "superCategory": group, "keywords": [], "keywordsRetainingParentCategory": [], "urls": [],
            "dbCategorizedUrls": list(CATEGORY_DOMAINS.get(cid, ())), "customCategory": False, "editable": True,
            "type": "URL_CATEGORY", "val": val, "customUrlsCount": 0, "urlsRetainingParentCategoryCount": 0,
            "customIpRangesCount": 0, "ipRangesRetainingParentCategoryCount": 0, "categoryGroup": "REGULAR",
            "urlType": "EXACT"}


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


#: features a role grants access to (roles answer ``featurePermissions``, not the older policy access)
ROLE_FEATURES = ("LOCATIONS", "SUBCLOUDS", "FTP_CONTROL", "CLOUD_APP_CONTROL", "BROWSER_ISOLATION",
                 "INTERMEDIATE_CA_CERTIFICATES", "ZIA_TRAFFIC_CAPTURE")


def _feature_permissions(read_only: bool) -> dict[str, str]:
    return {f: "READ_ONLY" if read_only else "READ_WRITE" for f in ROLE_FEATURES}


@on_reset("zia", tenant=True)
def seed_tenant(engine: Any) -> None:
    """Admin roles, network services, predefined URL categories and browser versions every ZIA tenant has."""
    for rid, name, rank, rtype, auditor in PREDEFINED_ROLES:
        _insert_absent(engine, ROLES, str(rid), {
            "id": rid, "rank": rank, "name": name, "roleType": rtype, "isAuditor": auditor,
            "isNonEditable": True, "featurePermissions": _feature_permissions(auditor or "Read" in name),
            "dashboardAccess": "READ_WRITE", "reportAccess": "READ_WRITE", "analysisAccess": "READ_ONLY",
            "usernameAccess": "NONE", "deviceInfoAccess": "READ_ONLY",
            "alertingAccess": "READ_WRITE", "logsLimit": "UNRESTRICTED", "reportTimeDuration": -1,
            "permissions": []})
    for sid, name, proto, ranges in PREDEFINED_SERVICES:
        _insert_absent(engine, SERVICES, str(sid), _service(sid, name, proto, ranges))
    for group, categories in URL_CATEGORIES.items():
        for cid, val in categories:
            _insert_absent(engine, CATEGORIES, cid, _category(cid, group, val))
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
    return _page(engine, ctx, route, answer(engine, route, roles, model_keys=False))


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


def _true(ctx: Any, key: str) -> bool:
    return (ctx.q(key) or "").lower() == "true"


def _serve(engine: Any, ctx: Any, route: Any, items: list[Any], hidden: tuple[str, ...] = ()) -> Any:
    """``items`` as the route answers them (the server's representation, without the ``hidden``
    keys), in the route's paging."""
    from ... import paging

    shown = [{k: v for k, v in o.items() if k not in hidden} for o in answer(engine, route, items)]
    try:
        page = paging.style(route.paging).serve(shown, ctx.query, path=ctx.req.path)
    except paging.PagingError as exc:
        return engine.error(ctx, 400, str(exc))
    return engine.json_response(200, page)


def _stored(engine: Any, ctx: Any, key: str) -> list[dict[str, Any]]:
    coll = engine.store.collection(key)
    return engine.visible_all(ctx, coll) if coll is not None else []


@behavior("zia", "GET", CATEGORIES, no_pending=True)
def list_url_categories(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Predefined and custom categories; ``customOnly=true``: the custom ones only; ``type``:
    ``URL_CATEGORY``, ``TLD_CATEGORY`` or ``ALL`` (the API does not filter by ``search``)."""
    items = _stored(engine, ctx, CATEGORIES)
    if _true(ctx, "customOnly"):
        items = [c for c in items if c.get("customCategory") is True]
    wanted = (ctx.q("type") or "").upper()
    if wanted and wanted != "ALL":
        items = [c for c in items if str(c.get("type", "URL_CATEGORY")).upper() == wanted]
    return _serve(engine, ctx, route, items)


@behavior("zia", "PUT", CATEGORIES + "/{category_id}")
@behavior("zia", "PUT", CATEGORIES + "/{category_id}?action=ADD_TO_LIST")
@behavior("zia", "PUT", CATEGORIES + "/{category_id}?action=REMOVE_FROM_LIST")
def update_url_category(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """An update (or a URL list action) answers the category with its URL counts recomputed."""
    resp = engine.default(ctx, route, params)
    coll = engine.store.collection(CATEGORIES)
    stored = coll.items.get(params["category_id"]) if coll is not None and resp.status == 200 else None
    if stored is None:
        return resp
    updated = engine.store.update(CATEGORIES, params["category_id"], {**stored, **category_counts(stored)})
    return engine.json_response(200, answer(engine, route, updated))


#: the fields ``?search=`` matches per collection (the API's documented search: any part of any of
#: them, any case); collections not listed match the name (the generic list)
SEARCH_FIELDS = {
    "/vpnCredentials": ("commonName", "fqdn", "ipAddress", "comments", "location.name"),
}
#: keys a listing never answers (the API leaves the VPN pre-shared keys out of ``GET /vpnCredentials``)
LIST_HIDDEN = {"/vpnCredentials": ("preSharedKey",)}


def _field(obj: dict[str, Any], dotted: str) -> Any:
    value: Any = obj
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def field_search(items: list[dict[str, Any]], expr: str, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """The items where any of ``fields`` contains ``expr`` (any case)."""
    needle = expr.lower()
    return [o for o in items if any(needle in str(_field(o, f) or "").lower() for f in fields)]


def _search_list(suffix: str) -> Any:
    fields = SEARCH_FIELDS[suffix]

    def list_searched(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
        items = _stored(engine, ctx, V1 + suffix)
        if ctx.q("search"):
            items = field_search(items, ctx.q("search"), fields)
        if ctx.q("type"):
            items = [o for o in items if o.get("type") == ctx.q("type")]
        if _true(ctx, "includeOnlyWithoutLocation"):
            items = [o for o in items if not o.get("location")]
        if ctx.q("locationId"):
            items = [o for o in items if str(_field(o, "location.id")) == ctx.q("locationId")]
        return _serve(engine, ctx, route, items, LIST_HIDDEN.get(suffix, ()))

    list_searched.__doc__ = f"``GET {suffix}``: ``search`` matches {', '.join(fields)}; type/location filters."
    return list_searched


for _suffix in SEARCH_FIELDS:
    behavior("zia", "GET", V1 + _suffix, no_pending=True)(_search_list(_suffix))


#: geography answered for an address: first octet -> (city, state, country, code, continent, lat, lon, postal)
REGIONS = {
    8: ("Mountain View", "California", "United States", "US", "NA", 37.386, -122.0838, "94035"),
    1: ("Sydney", "New South Wales", "Australia", "AU", "OC", -33.8688, 151.2093, "2000"),
    81: ("Frankfurt am Main", "Hesse", "Germany", "DE", "EU", 50.1109, 8.6821, "60311"),
    185: ("London", "England", "United Kingdom", "GB", "EU", 51.5072, -0.1276, "EC1A"),
}
DEFAULT_REGION = ("San Jose", "California", "United States", "US", "NA", 37.3382, -121.8863, "95113")


@behavior("zia", "GET", V1 + "/region/byIPAddress/{ip}", no_pending=True)
def geo_by_ip(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """A lookup (not an item of a collection): the geography of any public IPv4 address."""
    import ipaddress

    try:
        addr = ipaddress.IPv4Address(params["ip"])
    except ValueError:
        return engine.error(ctx, 400, f"Invalid IP address: {params['ip']}", "INVALID_INPUT_ARGUMENT")
    city, state, country, code, continent, lat, lon, postal = REGIONS.get(int(addr) >> 24, DEFAULT_REGION)
    geo_id = 4_000_000 + sum(map(ord, city))
    return engine.json_response(200, {
        "cityGeoId": geo_id, "stateGeoId": geo_id // 10, "latitude": lat, "longitude": lon, "cityName": city,
        "stateName": state, "countryName": country, "countryCode": code, "postalCode": postal,
        "continentCode": continent})


GRE_INTERNAL = "172.17.0.0/16"  # where the cloud takes GRE tunnels' internal /29 ranges from


@behavior("zia", "GET", V1 + "/greTunnels/availableInternalIpRanges", no_pending=True)
def available_gre_ranges(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Free internal /29 ranges for a GRE tunnel (``limit`` of them, 10 by default): those no
    stored tunnel's ``internalIpRange`` starts."""
    import ipaddress

    used = {str(t.get("internalIpRange")) for t in _stored(engine, ctx, V1 + "/greTunnels")}
    try:
        limit = max(1, min(1000, int(ctx.q("limit") or 10)))
    except ValueError:
        return engine.error(ctx, 400, f"limit must be a number, got {ctx.q('limit')!r}", "INVALID_INPUT_ARGUMENT")
    out: list[dict[str, str]] = []
    for block in ipaddress.IPv4Network(GRE_INTERNAL).subnets(new_prefix=29):
        if str(block.network_address) not in used:
            out.append({"startIPAddress": str(block.network_address), "endIPAddress": str(block.broadcast_address)})
        if len(out) == limit:
            break
    return engine.json_response(200, out)
