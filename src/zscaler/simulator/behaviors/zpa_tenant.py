"""ZPA default tenant, linked views and server answers the generic routes cannot give (issue #16).

* The default tenant (``@on_reset("zpa", tenant=True)``; ``Simulator(tenant="empty")`` leaves
  it out): a USER identity provider with SCIM groups, SCIM attributes and SAML attributes, an
  ADMIN one, CBI regions, banner, root certificate and isolation profiles, an issued
  clientless certificate.
* Views follow their collections: ``clientlessCertificate/issued`` lists the certificates,
  ``samlAttribute/idp/{id}`` the SAML attributes of that IdP, ``server/summary`` and
  ``microtenants/summary`` answer id, name and enabled of each item,
  ``application/getAppsByType`` the apps of the segments (``commonAppsDto.appsConfig``) of that
  application type, searchable by name.
* ``authDomains`` answers ``{"authDomains": [...]}`` (the tenant's login domain and its IdPs'
  domains); CBI banner and certificate creates answer ``{"id": <uuid>}`` and store the object;
  CBI writes answer 200 with a body; SCIM attribute values; custom inspection controls keep their
  ``rules`` as the ``controlRuleJson`` string.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from .. import crud
from ..routes import fill
from . import behavior, on_reset
from .represent import answer, envelope
from .zpa import V1, V2

CBI = "/zpa/cbiconfig/cbi/api/customers/{customerId}"
USERCONFIG = "/zpa/userconfig/v1/customers/{customerId}"
TENANT_BASE = 72058304855400001  # ids of the default tenant's objects
_NS = uuid.UUID("6f1d4c52-8a3e-4d2b-9f61-5a0c2b7e9d10")  # CBI objects get name-based UUIDs


def _id(n: int) -> str:
    return str(TENANT_BASE + n)


def _cbi_id(name: str) -> str:
    return str(uuid.uuid5(_NS, name))


def _key(engine: Any, template: str, **values: Any) -> str:
    return fill(template, {"customerId": engine.customer_id, **values})


def _put(engine: Any, template: str, oid: str, obj: dict[str, Any], **values: Any) -> None:
    """Seed ``obj`` at ``template`` unless stored already (a kept SQLite state)."""
    key = _key(engine, template, **values)
    coll = engine.store.collection(key)
    if coll is None or oid not in coll.items:
        engine.store.insert(key, oid, obj, "zpa")


def _stamp(engine: Any) -> dict[str, Any]:
    t = "1700000000"
    return {"creationTime": t, "modifiedTime": t, "modifiedBy": _id(0)}


def _idp(engine: Any, n: int, name: str, sso: list[str], domains: list[str]) -> dict[str, Any]:
    idp = {"id": _id(n), "name": name, "ssoType": sso, "enabled": True, "domainList": domains,
            "scimEnabled": True, "enableScimBasedPolicy": True, "disableSamlBasedPolicy": False,
            "autoProvision": "0", "signSamlRequest": "1", "redirectBinding": False, "reauthOnUserUpdate": False,
            "forceAuth": False, "oneIdentityEnabled": False, "useCustomSPMetadata": False,
            "enableArbitraryAuthDomains": "0", "scimSharedSecretExists": True, "loginHint": False,
            "adminSpSigningCertId": "0", "userSpSigningCertId": "0", "delta": "0",
            "certificates": [{"cName": f"idp.{domains[0]}", "serialNo": str(TENANT_BASE + n),
                              "validFromInSec": "1700000000", "validToInSec": "1900000000"}],
            "userMetadata": {"spEntityId": f"https://samlsp.private.zscaler.com/auth/metadata/{_id(n)}",
                             "spMetadataUrl": f"https://samlsp.private.zscaler.com/auth/metadata/{_id(n)}",
                             "spPostUrl": "https://samlsp.private.zscaler.com/auth/login"},
            "adminMetadata": {"spEntityId": f"https://samlsp.private.zscaler.com/auth/metadata/{_id(n)}",
                              "spMetadataUrl": f"https://samlsp.private.zscaler.com/auth/metadata/{_id(n)}",
                              "spPostUrl": "https://samlsp.private.zscaler.com/auth/login"},
            "idpEntityId": f"https://idp.{domains[0]}/saml",
            "loginUrl": f"https://idp.{domains[0]}/sso", "scimServiceProviderEndpoint":
            f"https://scim.zpa.simulator/scim/1/{engine.customer_id}/{_id(n)}", **_stamp(engine)}
    if "ADMIN" not in sso:  # only an admin IdP has admin SP metadata and signing certificate
        del idp["adminMetadata"], idp["adminSpSigningCertId"]
    return idp


def _seed_identity(engine: Any) -> None:
    domain = f"{engine.vanity_domain}.example.com"
    user = _idp(engine, 1, "User IdP", ["USER"], [domain])
    _put(engine, V2 + "/idp", user["id"], user)
    admin = _idp(engine, 2, "Admin IdP", ["ADMIN"], [domain])
    _put(engine, V2 + "/idp", admin["id"], admin)
    for i, group in enumerate(("Engineering", "Finance", "Sales", "Contractors")):
        obj = {"id": str(10 + i + 1), "name": group, "idpId": user["id"], "idpGroupId": f"grp-{i + 1:04d}",
               "internalId": _id(10 + i), "creationTime": 1700000000, "modifiedTime": 1700000000}
        _put(engine, USERCONFIG + "/scimgroup/idpId/{idp_id}", obj["id"], obj, idp_id=user["id"])
        _put(engine, USERCONFIG + "/scimgroup", obj["id"], obj)
    for i, (name, dtype) in enumerate((("userName", "String"), ("emails", "String"), ("department", "String"),
                                        ("title", "String"))):
        obj = {"id": _id(20 + i), "name": name, "idpId": user["id"], "dataType": dtype, "multivalued": name == "emails",
               "required": name == "userName", "caseSensitive": False, "mutability": "readWrite",
               "returned": "default", "uniqueness": name == "userName",
               "schemaURI": "urn:ietf:params:scim:schemas:core:2.0:User", **_stamp(engine)}
        _put(engine, V1 + "/idp/{idp_id}/scimattribute", obj["id"], obj, idp_id=user["id"])
    for i, (name, saml) in enumerate((("Email", "email"), ("FirstName", "firstName"), ("LastName", "lastName"),
                                      ("DepartmentName", "department"))):
        obj = {"id": _id(30 + i), "name": f"{name}_User IdP", "samlName": saml, "userAttribute": False,
               "idpId": user["id"], "idpName": user["name"], **_stamp(engine)}
        _put(engine, V2 + "/samlAttribute", obj["id"], obj)


def _seed_isolation(engine: Any) -> None:
    for name in ("Frankfurt", "Washington", "Singapore", "London"):
        _put(engine, CBI + "/regions", _cbi_id("region:" + name), {"id": _cbi_id("region:" + name), "name": name})
    banner: dict[str, Any] = {"id": _cbi_id("banner:Default"), "name": "Default", "primaryColor": "#0076BE",
              "textColor": "#FFFFFF",
              "notificationTitle": "You have been redirected to Browser Isolation",
              "notificationText": "The website you were trying to access is rendered in an isolated browser.",
              "logo": "", "banner": True, "persist": False, "isDefault": True}
    _put(engine, CBI + "/banners", banner["id"], banner)
    cert: dict[str, Any] = {"id": _cbi_id("certificate:root"), "name": "Zscaler Root Certificate", "isDefault": True}
    _put(engine, CBI + "/certificates", cert["id"], cert)
    profile: dict[str, Any] = {"id": _cbi_id("profile:default"), "name": "Default Isolation Profile", "description": "",
               "enabled": True, "isDefault": True,
               "regions": [{"id": _cbi_id("region:Frankfurt"), "name": "Frankfurt"}],
               "banner": {"id": banner["id"], "name": "Default"}, "certificates": [cert],
               "href": f"https://redirect.isolation.zscaler.com/tenant/{engine.customer_id}/profile/default"}
    _put(engine, CBI + "/profiles", profile["id"], profile)
    zpa_profile = {"id": _id(40), "name": profile["name"], "description": "", "enabled": True,
                   "cbiTenantId": _cbi_id("tenant"), "cbiProfileId": profile["id"], "cbiUrl": profile["href"],
                   **_stamp(engine)}
    _put(engine, CBI + "/zpaprofiles", zpa_profile["id"], zpa_profile)
    isolation = {"id": _id(40), "name": profile["name"], "description": "", "enabled": True,
                 "isolationTenantId": _cbi_id("tenant"), "isolationProfileId": profile["id"],
                 "isolationUrl": profile["href"], **_stamp(engine)}
    _put(engine, V1 + "/isolation/profiles", isolation["id"], isolation)


def _seed_certificates(engine: Any) -> None:
    name = f"portal.{engine.vanity_domain}.example.com"
    cert = {"id": _id(50), "name": name, "description": name, "cName": name, "issuedTo": f"CN={name}",
            "issuedBy": "CN=Zscaler Intermediate CA", "serialNo": "4096", "readOnly": False,
            "zscalerManaged": False, "microtenantName": "Default",
            "publicKey": "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n",
            "validFromInEpochSec": "1700000000", "validToInEpochSec": "1900000000", "san": [name],
            "certificate": "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n", **_stamp(engine)}
    _put(engine, V1 + "/certificate", cert["id"], cert)


@on_reset("zpa", tenant=True)
def seed_tenant(engine: Any) -> None:
    """The identity provider, isolation and certificate objects every ZPA tenant has."""
    _seed_identity(engine)
    _seed_isolation(engine)
    _seed_certificates(engine)


# ------------------------------------------------------------------ views linked to their collections

def _own(engine: Any, ctx: Any, route: Any, params: Any) -> list[dict[str, Any]]:
    """Items stored at the view's own path (``seed(path=<the view>)`` puts them there)."""
    try:
        coll = engine.store.collection(engine.collection_key(route, params))
    except (KeyError, TypeError):
        return []
    return list(engine.visible_all(ctx, coll)) if coll is not None else []


def _listed(engine: Any, ctx: Any, route: Any, params: Any, key: str, keep: Any = None) -> Any:
    """A page (the route's paging) of the visible items at ``key``, filtered by ``keep``, then the
    items stored at the view's own path."""
    coll = engine.store.collection(key)
    items = list(engine.visible_all(ctx, coll)) if coll is not None else []
    return _page(engine, ctx, route, [o for o in items if keep is None or keep(o)] + _own(engine, ctx, route, params))


def _page(engine: Any, ctx: Any, route: Any, items: list[Any], model_keys: bool = True) -> Any:
    from ... import paging

    search = ctx.q("search")
    if search:
        items = (engine.traits_of("zpa").search or crud.name_search)(items, search)
    try:
        shown = answer(engine, route, items, model_keys=model_keys)  # a summary view is not the whole model
        page = envelope(engine, route, paging.style(route.paging).serve(shown, ctx.query, path=ctx.req.path))
        return engine.json_response(200, page)
    except paging.PagingError as exc:
        return engine.error(ctx, 400, str(exc))


@behavior("zpa", "GET", V2 + "/clientlessCertificate/issued")
def list_issued_certificates(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The tenant's certificates (those created with ``POST certificate`` included)."""
    return _listed(engine, ctx, route, params, _key(engine, V1 + "/certificate"))


@behavior("zpa", "GET", V2 + "/samlAttribute/idp/{idp_id}")
def list_saml_attributes_by_idp(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The SAML attributes of one IdP."""
    return _listed(engine, ctx, route, params, _key(engine, V2 + "/samlAttribute"),
                   lambda o: str(o.get("idpId")) == params["idp_id"])


@behavior("zpa", "GET", V1 + "/server/summary")
def list_servers_summary(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """id, name and enabled of each server."""
    coll = engine.store.collection(_key(engine, V1 + "/server"))
    items = list(engine.visible_all(ctx, coll)) if coll is not None else []
    return _page(engine, ctx, route, [{"id": o.get("id"), "name": o.get("name"), "enabled": o.get("enabled", True)}
                                      for o in items], model_keys=False)


#: application type -> (the segment field listing its apps, protocols that make an app of that type)
APP_TYPES = {
    "BROWSER_ACCESS": ("clientlessApps", ("HTTP", "HTTPS")),
    "SECURE_REMOTE_ACCESS": ("praApps", ("RDP", "SSH", "VNC")),
    "INSPECT": ("inspectionApps", ()),
}


#: what an app entry of ``getAppsByType`` takes from the app it lists
APP_KEYS = ("applicationPort", "applicationProtocol", "domain", "connectionSecurity", "certificateId",
            "certificateName", "trustUntrustedCert")


def _apps_of(segment: dict[str, Any], app_type: str) -> list[dict[str, Any]]:
    field, protocols = APP_TYPES.get(app_type, ("", ()))
    apps = [a for a in segment.get(field) or () if isinstance(a, dict)]
    for a in ((segment.get("commonAppsDto") or {}).get("appsConfig") or ()):
        if not isinstance(a, dict):
            continue
        types = a.get("appTypes") or []
        if app_type in types or (not types and str(a.get("applicationProtocol", "")).upper() in protocols):
            apps.append(a)
    return apps


@behavior("zpa", "GET", V1 + "/application/getAppsByType")
def list_apps_by_type(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The apps of the given ``applicationType`` across segments; ``search`` matches the app name."""
    app_type = (ctx.q("applicationType") or "").upper()  # another type lists no segment's apps
    coll = engine.store.collection(_key(engine, V1 + "/application"))
    out = []
    for seg in (engine.visible_all(ctx, coll) if coll is not None else ()):
        for i, app in enumerate(_apps_of(seg, app_type)):
            out.append({"id": str(app.get("id") or f"{seg.get('id')}{i + 1:02d}"), "appId": seg.get("id"),
                        "name": app.get("name") or seg.get("name"), "enabled": app.get("enabled", True),
                        "hidden": False, **{k: app.get(k) for k in APP_KEYS},
                        "microtenantId": seg.get("microtenantId"),
                        "microtenantName": seg.get("microtenantName") or ("Default" if not seg.get("microtenantId")
                                                                         else None)})
    out = [{k: v for k, v in o.items() if v is not None} for o in out]
    return _page(engine, ctx, route, out + _own(engine, ctx, route, params))


@behavior("zpa", "GET", V1 + "/authDomains")
def get_auth_domains(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The tenant's login domain and the domains of its identity providers."""
    domains = [f"{engine.vanity_domain}.zslogin.net"]
    coll = engine.store.collection(_key(engine, V2 + "/idp"))
    for idp in (coll.values() if coll is not None else ()):
        domains += [d for d in idp.get("domainList") or () if d not in domains]
    return engine.json_response(200, {"authDomains": domains})


def _cbi_create(engine: Any, ctx: Any, items: str) -> Any:
    body = crud.body_object(ctx)
    if not body.get("name"):
        return engine.error(ctx, 400, "name is required")
    oid = str(uuid.uuid4())
    engine.store.insert(_key(engine, items), oid, {**body, "id": oid, "isDefault": False}, "zpa")
    return engine.json_response(200, {"id": oid})


@behavior("zpa", "POST", CBI + "/banner")
def create_cbi_banner(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The banner is stored under ``banners``; the answer holds its id only."""
    return _cbi_create(engine, ctx, CBI + "/banners")


@behavior("zpa", "POST", CBI + "/certificate")
def create_cbi_certificate(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The certificate is stored under ``certificates``; the answer holds its id only."""
    return _cbi_create(engine, ctx, CBI + "/certificates")


# ------------------------------------------------------------------ SCIM attribute values

#: the values the default tenant's users hold, per SCIM attribute name
SCIM_VALUES = {
    "userName": ["alice", "bob", "carol"],
    "emails": ["alice@{d}", "bob@{d}", "carol@{d}"],
    "department": ["Engineering", "Finance", "Sales"],
    "title": ["Engineer", "Analyst", "Manager"],
}


@behavior("zpa", "GET", USERCONFIG + "/scimattribute/idpId/{idp_id}/attributeId/{attribute_id}")
def get_scim_values(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The distinct values users of the IdP hold for one SCIM attribute (404 for an unknown attribute)."""
    coll = engine.store.collection(_key(engine, V1 + "/idp/{idp_id}/scimattribute", idp_id=params["idp_id"]))
    attr = coll.items.get(params["attribute_id"]) if coll is not None else None
    if attr is None:
        return engine.error(ctx, 404, f"scim attribute {params['attribute_id']} not found")
    domain = f"{engine.vanity_domain}.example.com"
    values = sorted(v.format(d=domain) for v in SCIM_VALUES.get(str(attr.get("name")), ()))
    return engine.json_response(200, {"totalPages": 1, "totalCount": len(values), "list": values})


# ------------------------------------------------------------------ custom inspection controls

CONTROLS = V1 + "/inspectionControls/custom"
CONTROL_NUMBER_BASE = 4500000


def _control_stored(obj: dict[str, Any], cur: dict[str, Any] | None) -> dict[str, Any]:
    """How the API keeps a custom control: ``rules`` as the ``controlRuleJson`` string, numbers as strings."""
    out = {k: v for k, v in obj.items() if k != "rules"}
    if "rules" in obj:
        out["controlRuleJson"] = json.dumps(obj.get("rules") or [], separators=(",", ":"))
    for k in ("controlNumber", "creationTime"):
        if cur and k in cur:
            out[k] = cur[k]
    out.setdefault("version", "1.0")
    out.setdefault("paranoiaLevel", "1")
    out.setdefault("protocolType", "HTTP")
    out.setdefault("defaultAction", out.get("action") or "PASS")
    return out


@behavior("zpa", "POST", CONTROLS)
def create_custom_control(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """201 with the control (``rules`` and ``controlRuleJson``); stored without ``rules``."""
    resp = engine.default(ctx, route, params)
    if resp.status >= 400:
        return resp
    obj = resp.copy_value()
    key = engine.collection_key(route, params)
    coll = engine.store.collection(key)
    stored = _control_stored(obj, None)
    stored["controlNumber"] = str(CONTROL_NUMBER_BASE + (len(coll) if coll is not None else 1))
    engine.store.update(key, str(obj["id"]), stored)
    answer = dict(stored)
    if "rules" in obj:
        answer["rules"] = obj["rules"]
    return engine.json_response(resp.status, answer)


@behavior("zpa", "PUT", CONTROLS + "/{control_id}")
def update_custom_control(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """An update may send ``rules`` or the ``controlRuleJson`` read before; either is kept as the string."""
    key = engine.collection_key(route, params)
    coll = engine.store.collection(key)
    cur = dict(coll.items.get(params["control_id"]) or {}) if coll is not None else {}
    resp = engine.default(ctx, route, params)
    if resp.status < 400 and cur:
        new = coll.items.get(params["control_id"]) if coll is not None else None
        if new is not None:
            engine.store.update(key, params["control_id"], _control_stored(dict(new), cur))
    return resp


def _cbi_write(engine: Any, ctx: Any, items: str, oid: str, what: str, verb: str, full: bool) -> Any:
    key = _key(engine, items)
    coll = engine.store.collection(key)
    cur = coll.items.get(oid) if coll is not None else None
    if cur is None:
        return engine.error(ctx, 404, f"{what} {oid} not found")
    if verb == "DELETE":
        engine.store.delete(key, oid)
        return engine.json_response(200, {"message": f"{what} deleted successfully."})
    new = {**cur, **crud.body_object(ctx), "id": oid, "isDefault": cur.get("isDefault", False)}
    engine.store.update(key, oid, new)
    return engine.json_response(200, dict(new) if full else {"id": oid})


@behavior("zpa", "PUT", CBI + "/banners/{banner_id}")
def update_cbi_banner(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """200 with the banner's id (the CBI API answers writes with a body, not 204)."""
    return _cbi_write(engine, ctx, CBI + "/banners", params["banner_id"], "Banner", "PUT", False)


@behavior("zpa", "DELETE", CBI + "/banners/{banner_id}")
def delete_cbi_banner(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _cbi_write(engine, ctx, CBI + "/banners", params["banner_id"], "Banner", "DELETE", False)


@behavior("zpa", "PUT", CBI + "/certificates/{certificate_id}")
def update_cbi_certificate(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """200 with the whole certificate."""
    return _cbi_write(engine, ctx, CBI + "/certificates", params["certificate_id"], "Certificate", "PUT", True)


@behavior("zpa", "DELETE", CBI + "/certificates/{certificate_id}")
def delete_cbi_certificate(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _cbi_write(engine, ctx, CBI + "/certificates", params["certificate_id"], "Certificate", "DELETE", True)


# ------------------------------------------------------------------ reference lists answered as arrays

#: the API's enumerations of inspection controls (path under inspectionControls -> values)
INSPECTION_ENUMS = {
    "/actionTypes": ("PASS", "BLOCK", "REDIRECT", "ALLOW"),
    "/severityTypes": ("CRITICAL", "ERROR", "WARNING", "INFO"),
    "/controlTypes": ("WEBSOCKET_PREDEFINED", "WEBSOCKET_CUSTOM", "THREATLABZ", "CUSTOM", "PREDEFINED",
                      "API_PREDEFINED", "ADP_PREDEFINED"),
    "/custom/httpMethods": ("GET", "HEAD", "POST", "OPTIONS", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT",
                            "COPY", "LOCK", "MERGE", "MKCOL", "MOVE", "PROPFIND", "PROPPATCH", "UNLOCK"),
}


def _enum_behavior(tail: str, values: tuple[Any, ...]) -> None:
    def handler(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
        return engine.json_response(200, list(values))

    handler.__name__ = handler.__qualname__ = "inspection" + tail.replace("/", "_")
    handler.__doc__ = f"The values of ``inspectionControls{tail}``, a JSON array of strings."
    behavior("zpa", "GET", V1 + "/inspectionControls" + tail)(handler)


for _tail, _values in INSPECTION_ENUMS.items():
    _enum_behavior(_tail, _values)


@behavior("zpa", "GET", V1 + "/inspectionControls/predefined/versions")
def list_predefined_control_versions(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The OWASP CRS versions predefined controls exist for, newest first, a JSON array."""
    from .zpa import CONTROL_VERSIONS

    return engine.json_response(200, sorted(CONTROL_VERSIONS, reverse=True))


@behavior("zpa", "GET", V1 + "/microtenants/summary")
def list_microtenants_summary(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """id, name and enabled of each microtenant and of the Default one (id "0"), a JSON array."""
    coll = engine.store.collection(_key(engine, V1 + "/microtenants"))
    items = [{"id": o.get("id"), "name": o.get("name"), "enabled": o.get("enabled", True)}
             for o in (engine.visible_all(ctx, coll) if coll is not None else ())]
    return engine.json_response(200, items + [{"id": "0", "name": "Default", "enabled": True}])
