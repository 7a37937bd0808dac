"""ZIA behaviours of the simulator: activation, Cloud Sandbox submissions (authenticated by the
sandbox ``api_token``), URL lookup and review, recommended VIPs, DC exclusions, rule ordering,
and a few predefined objects (URL categories, datacenters).

Generic CRUD (:data:`TRAITS`): writes stage changes until activation and honour the edit lock
(``Engine.edit_lock``). The session end that activates is a login endpoint (``logins.py``).
URL list actions (``?action=ADD_TO_LIST`` / ``REMOVE_FROM_LIST``) are generic engine behaviour.
"""

from __future__ import annotations

from typing import Any

import hashlib
from urllib.parse import urlsplit

from .. import wire
from ..httpserver import Response
from . import behavior, on_reset, product_traits
from .represent import answer
from .zia_defaults import DEFAULTS

V1 = "/zia/api/v1"
LOOKUP_LIMIT = 100  # URLs per urlLookup / review request, as the API enforces
CATEGORIES = V1 + "/urlCategories"
DATACENTERS = V1 + "/datacenters"

#: ``val`` of custom URL category ``CUSTOM_nn`` is this plus ``nn`` (predefined ones number below it)
CUSTOM_VAL_BASE = 127
SECURITY_WORDS = {"malware": "MALWARE_SITE", "phish": "PHISHING", "botnet": "BOTNET"}

TRAITS = product_traits("zia", staged=True, edit_lock=True, defaults=DEFAULTS)

#: rule collections whose new rules get the next ``order`` (and default ``rank`` 7) when none is given
RULES = ("firewallFilteringRules", "firewallDnsRules", "firewallIpsRules", "urlFilteringRules", "sslInspectionRules",
         "sandboxRules", "fileTypeRules", "forwardingRules", "dnatRules", "bandwidthControlRules", "casbDlpRules",
         "casbMalwareRules", "trafficCaptureRules", "webDlpRules")


@on_reset("zia")
def seed_predefined(engine: Any) -> None:
    """Two datacenters (the predefined URL categories are the default tenant's: ``zia_tenant.py``)."""
    for dcid, name, city in ((1001, "SJC4", "San Jose"), (1002, "FRA4", "Frankfurt")):
        engine.store.insert(DATACENTERS, str(dcid), {"id": dcid, "name": name, "city": city, "provider": "Zscaler"})


def _host(url: str) -> str:
    url = url.strip().lower()
    return (urlsplit(url if "//" in url else "//" + url).hostname or url).rstrip(".")


def _classify(engine: Any, url: str) -> dict[str, Any]:
    host = _host(url)
    coll = engine.store.collection(CATEGORIES)
    found = []
    for cat in coll.values() if coll is not None else []:
        urls = (cat.get("urls") or []) + (cat.get("dbCategorizedUrls") or [])
        listed = {_host(u) for u in urls if isinstance(u, str)}
        if host in listed or any(host.endswith("." + d.lstrip(".")) for d in listed):
            found.append(str(cat.get("id")))
    alerts = [v for k, v in SECURITY_WORDS.items() if k in host]
    return {"url": url, "urlClassifications": found or ["MISCELLANEOUS_OR_UNKNOWN"],
            "urlClassificationsWithSecurityAlert": alerts}


def _url_array(engine: Any, ctx: Any) -> Any:
    body = ctx.json()
    if not isinstance(body, list) or not all(isinstance(u, str) for u in body):
        return None, engine.error(ctx, 400, "request body must be a JSON array of URL strings",
                                  "INVALID_INPUT_ARGUMENT")
    if len(body) > LOOKUP_LIMIT:
        return None, engine.error(ctx, 400, f"at most {LOOKUP_LIMIT} URLs per request, got {len(body)}",
                                  "INVALID_INPUT_ARGUMENT")
    return body, None


@behavior("zia", "POST", V1 + "/urlLookup", no_pending=True)
def url_lookup(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """One classification per URL: custom and predefined categories listing the host, else MISCELLANEOUS."""
    urls, err = _url_array(engine, ctx)
    return err or engine.json_response(200, [_classify(engine, u) for u in urls])


@behavior("zia", "POST", CATEGORIES + "/review/domains", no_pending=True)
def review_domains(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The custom categories each domain is already listed in (empty list when none)."""
    urls, err = _url_array(engine, ctx)
    if err:
        return err
    out = []
    for u in urls:
        cats = [c for c in _classify(engine, u)["urlClassifications"] if c.startswith("CUSTOM_")]
        if cats:
            out.append({"url": u, "urlCategories": cats})
    return engine.json_response(200, out)


@behavior("zia", "PUT", CATEGORIES + "/review/domains")
def review_domains_put(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    urls, err = _url_array(engine, ctx)
    return err or engine.json_response(200, [])


@behavior("zia", "POST", CATEGORIES)
def create_url_category(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """A created category is custom (``customCategory: true`` whatever the body says), with the
    API's generated id ``CUSTOM_01``, ``CUSTOM_02`` ... and ``val`` 128, 129 ..."""
    resp = engine.default(ctx, route, params)
    if resp.status >= 400:
        return resp
    coll = engine.store.collection(CATEGORIES)
    obj = dict(coll.items[str(resp.value["id"])])  # the stored object (the answer is its representation)
    used = {str(k) for k in coll.items}
    n = 1
    while f"CUSTOM_{n:02d}" in used:
        n += 1
    engine.store.delete(CATEGORIES, str(obj["id"]))
    obj.update(id=f"CUSTOM_{n:02d}", customCategory=True, editable=True, val=CUSTOM_VAL_BASE + n)
    obj.setdefault("urls", [])
    obj.update(category_counts(obj))
    engine.store.insert(CATEGORIES, obj["id"], obj, "zia")
    return engine.json_response(200, answer(engine, route, obj))


def category_counts(obj: dict[str, Any]) -> dict[str, int]:
    """The counts a URL category answers beside its lists (``customUrlsCount`` ...)."""
    def n(key: str) -> int:
        value = obj.get(key)
        return len(value) if isinstance(value, list) else 0
    return {"customUrlsCount": n("urls"), "urlsRetainingParentCategoryCount": n("urlsRetainingParentCategory"),
            "customIpRangesCount": n("ipRanges"),
            "ipRangesRetainingParentCategoryCount": n("ipRangesRetainingParentCategory")}


@behavior("zia", "GET", V1 + "/ipsSignatureRules/export", no_pending=True)
def export_ips_signatures(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The custom IPS signature rules as a CSV file (``application/octet-stream``, quoted cells)."""
    coll = engine.store.collection(V1 + "/ipsSignatureRules")
    cols = (("Name", "name"), ("Signature Rule", "signatureRule"), ("Threat Category", "threatCategory"),
            ("Description", "description"), ("Status", "status"))

    def row(cells: Any) -> str:
        return ",".join('"' + str(c if c is not None else "").replace('"', '""') + '"' for c in cells)

    lines = [row(title for title, _ in cols)]
    lines += [row(o.get(key) for _, key in cols) for o in (coll.values() if coll is not None else [])]
    return Response(200, ("\n".join(lines) + "\n").encode(), [("Content-Type", "application/octet-stream"),
                    ("Content-Disposition", 'attachment; filename="custom-ips-signatures.csv"')])


@behavior("zia", "GET", V1 + "/customFileTypes/count", no_pending=True)
def custom_file_type_count(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The number of custom file types, a bare JSON number."""
    coll = engine.store.collection(V1 + "/customFileTypes")
    return engine.json_response(200, len(coll.values()) if coll is not None else 0)


@behavior("zia", "GET", V1 + "/vips/recommendedList", no_pending=True)
def recommended_vips(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Five VIPs in three datacenters, closest first, for any ``sourceIp``."""
    vips = [(1, "165.225.0.10", "SJC4", "San Jose", "US"), (2, "165.225.0.11", "SJC4", "San Jose", "US"),
            (3, "165.225.8.10", "LAX1", "Los Angeles", "US"), (4, "165.225.8.11", "LAX1", "Los Angeles", "US"),
            (5, "165.225.16.10", "FRA4", "Frankfurt", "DE")]
    return engine.json_response(200, [
        {"id": 1000 + i, "virtualIp": ip, "privateServiceEdge": False, "datacenter": dc, "city": city,
         "countryCode": cc, "region": cc, "latitude": 37.0, "longitude": -121.0} for i, ip, dc, city, cc in vips])


def _dc_exclusion(engine: Any, ctx: Any, route: Any, params: Any, create: bool) -> Any:
    body = ctx.json()
    if not isinstance(body, list) or len(body) != 1 or not isinstance(body[0], dict):
        return engine.error(ctx, 400, "body must be a one-element JSON array of exclusions", "INVALID_INPUT_ARGUMENT")
    item = dict(body[0])
    missing = [k for k in ("dcid", "startTime", "endTime") if item.get(k) is None]
    if missing:
        return engine.error(ctx, 400, f"{', '.join(missing)} required", "INVALID_INPUT_ARGUMENT")
    key = engine.collection_key(route, params)
    oid = str(item["dcid"])
    coll = engine.store.collection(key)
    if not create and (coll is None or oid not in coll.items):
        return engine.error(ctx, 404, f"no DC exclusion for dcid {oid}")
    item.setdefault("expired", False)
    engine.store.insert(key, oid, item, None)
    return engine.json_response(200, [item])


@behavior("zia", "POST", V1 + "/dcExclusions")
def add_dc_exclusion(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """DC exclusions are sent and answered as one-element arrays, keyed by ``dcid``."""
    return _dc_exclusion(engine, ctx, route, params, True)


@behavior("zia", "PUT", V1 + "/dcExclusions")
def update_dc_exclusion(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _dc_exclusion(engine, ctx, route, params, False)


def _ordered_create(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    body = ctx.json()
    if isinstance(body, dict) and body.get("order") is None:
        coll = engine.store.collection(engine.collection_key(route, params))
        items = coll.values() if coll is not None else ()
        orders = [o["order"] for o in items if isinstance(o.get("order"), int)]
        body["order"] = max(orders, default=0) + 1
        body.setdefault("rank", 7)
        ctx._json = body  # the generic create reads the adjusted body
    resp = engine.default(ctx, route, params)
    return engine.json_response(resp.status, answer(engine, route, resp.copy_value())) if resp.status < 300 else resp


for _coll in RULES:
    behavior("zia", "POST", f"{V1}/{_coll}")(_ordered_create)


@behavior("zia", "POST", V1 + "/intermediateCaCertificate/uploadCert/{cert_id}")
def upload_cert(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """A multipart upload with one ``fileUpload`` part: the PEM is kept on the certificate."""
    ctype = ctx.req.headers.get("content-type", "")
    if not ctype.startswith("multipart/form-data") or "boundary=" not in ctype:
        return engine.error(ctx, 400, "expected multipart/form-data with a fileUpload part", "INVALID_INPUT_ARGUMENT")
    boundary = ctype.split("boundary=", 1)[1].strip().strip('"').encode()
    for part in ctx.req.body.split(b"--" + boundary)[1:-1]:
        head, _, content = part.partition(b"\r\n\r\n")
        if b'name="fileUpload"' in head:
            break
    else:
        return engine.error(ctx, 400, "the fileUpload part is missing", "INVALID_INPUT_ARGUMENT")
    key = V1 + "/intermediateCaCertificate"
    coll = engine.store.collection(key)
    cert = coll.items.get(params["cert_id"]) if coll is not None else None
    if cert is None:
        return engine.error(ctx, 404, f"no intermediate CA certificate {params['cert_id']}")
    updated = {**cert, "certificate": content[:-2].decode("utf-8", "replace"), "status": "CERT_UPLOADED"}
    engine.store.update(key, params["cert_id"], updated)
    return engine.json_response(200, updated)


@behavior("zia", "POST", V1 + "/pacFiles/validate", no_pending=True)
def validate_pac(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """PAC text (not JSON): valid when it defines ``FindProxyForURL``."""
    text = ctx.req.body.decode("utf-8", "replace")
    ok = "FindProxyForURL" in text
    return engine.json_response(200, {
        "success": ok, "severity": "NONE" if ok else "ERROR", "warningCount": 0, "errorCount": 0 if ok else 1,
        "message": "" if ok else "FindProxyForURL is not defined",
        "messages": [] if ok else [{"message": "FindProxyForURL is not defined", "line": 1}]})


ADVANCED = V1 + "/security/advanced"
BLACKLIST = ADVANCED + "/blacklistUrls"  # where the generic list actions keep the blacklist


@behavior("zia", "GET", ADVANCED)
def get_advanced(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The advanced security settings carry the blacklist changed by ``blacklistUrls?action=...``."""
    out = dict(engine.store.singletons.get(ADVANCED) or {})
    listed = engine.store.singletons.get(BLACKLIST)
    if isinstance(listed, dict) and "blacklistUrls" in listed:
        out["blacklistUrls"] = listed["blacklistUrls"]
    return engine.json_response(200, answer(engine, route, out))


@behavior("zia", "PUT", ADVANCED)
def put_advanced(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    resp = engine.default(ctx, route, params)
    body = ctx.json()
    if resp.status < 400 and isinstance(body, dict) and "blacklistUrls" in body:
        engine.store.put_singleton(BLACKLIST, {"blacklistUrls": body["blacklistUrls"]})
    return resp


@behavior("zia", "POST", V1 + "/staticIP/validate", no_pending=True)
def validate_static_ip(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """``SUCCESS`` as text when the address can be added; 409 DUPLICATE_ITEM when it is in use."""
    body = ctx.json()
    ip = body.get("ipAddress") if isinstance(body, dict) else None
    if not ip:
        return engine.error(ctx, 400, "ipAddress is required", "INVALID_INPUT_ARGUMENT")
    coll = engine.store.collection(V1 + "/staticIP")
    if any(o.get("ipAddress") == ip for o in (coll.values() if coll is not None else ())):
        return engine.error(ctx, 409, f"This IP {ip} is already associated with another location", "DUPLICATE_ITEM")
    return Response(200, b"SUCCESS", [("Content-Type", "text/plain;charset=UTF-8")])


@behavior("zia", "GET", V1 + "/endPointDlpResourceGroups/{channel}")
def resource_groups_of_channel(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """``GET /endPointDlpResourceGroups/{channel}`` lists the groups of a channel (the path has the
    item path's shape, but the API answers the channel's groups as an array)."""
    coll = engine.store.collection(V1 + "/endPointDlpResourceGroups")
    groups = list(coll.values()) if coll is not None else []
    channel = params["channel"]
    return engine.json_response(200, [g for g in groups if str(g.get("channel", channel)) == channel])


# ---------------------------------------------------------------- activation, sandbox

@behavior("zia", "GET", V1 + "/status", no_pending=True)
def activation_status(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return engine.json_response(200, {"status": engine.activation["zia"]})


@behavior("zia", "POST", V1 + "/status/activate", no_pending=True)
def activate(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    engine.activate("zia", True)
    return engine.json_response(200, {"status": "ACTIVE"})


def sandbox_token(engine: Any, ctx: Any) -> Any:
    """Cloud Sandbox calls carry the sandbox ``api_token`` in the query, not the API credential."""
    if ctx.q("api_token") == engine.sandbox_token:
        return None
    return engine.error(ctx, 401, "missing or invalid api_token", "UNAUTHORIZED")


@behavior("zia", "POST", "/zscsb/submit", no_pending=True, authenticate=sandbox_token)
@behavior("zia", "POST", "/zscsb/discan", no_pending=True, authenticate=sandbox_token)
def sandbox_submission(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Cloud Sandbox: the file's MD5 and a verdict (``discan``: scanned, ``submit``: queued)."""
    kind = "discan" if ctx.rpath.endswith("discan") else "submit"
    return engine.json_response(200, {
        "code": 200,
        "message": f"/{kind} response OK",
        "md5": hashlib.md5(ctx.req.body).hexdigest(),
        "sandboxSubmission": "Clean" if kind == "discan" else "Submitted for analysis",
        "virusName": None,
        "virusType": None,
        "fileType": ctx.req.headers.get("content-type", "application/octet-stream"),
    })


@behavior("zia", "POST", V1 + "/webApplicationRules/{rule_type}")
def create_web_application_rule(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """A cloud application control rule of the path's type: stored in that type's list, next order."""
    body = ctx.json()
    if not isinstance(body, dict) or not body.get("name"):
        return engine.error(ctx, 400, "Rule Name is mandatory", "INVALID_INPUT_ARGUMENT")
    key = f"{V1}/webApplicationRules/{params['rule_type']}"
    coll = engine.store.collection(key)
    orders = [o["order"] for o in (coll.values() if coll is not None else ()) if isinstance(o.get("order"), int)]
    oid = engine.store.new_ids("zia", "int")[0]
    obj = {"order": max(orders, default=0) + 1, "rank": 7, "state": "ENABLED", **body, "id": oid,
           "type": params["rule_type"], **wire.server_fields("zia", True)}
    engine.store.insert(key, str(oid), obj, "zia")
    return engine.json_response(200, answer(engine, route, obj))


@behavior("zia", "PUT", V1 + "/remoteAssistance")
def update_remote_assistance(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The remote assistance settings are stored; the API answers the update 204 with no body."""
    resp = engine.default(ctx, route, params)
    return Response(204) if resp.status == 200 else resp


@behavior("zia", "GET", V1 + "/groups/lite")
def groups_lite(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The lite view of the groups: a JSON array of ``{id, name}`` (the official method reads one object)."""
    coll = engine.store.collection(V1 + "/groups")
    groups = coll.values() if coll is not None else ()
    return engine.json_response(200, [{"id": g.get("id"), "name": g.get("name")} for g in groups])


@behavior("zia", "GET", V1 + "/subscriptions")
def subscriptions(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The organization's subscriptions: a JSON array (stored with ``engine.store.put_singleton``)."""
    stored = engine.store.singletons.get(V1 + "/subscriptions")
    return engine.json_response(200, stored if isinstance(stored, list) else [])


from . import zia_tenant  # noqa: E402,F401  (the default tenant and server answers; registers on import)
from . import zia_answers  # noqa: E402,F401  (reference tables the API serves; registers on import)
