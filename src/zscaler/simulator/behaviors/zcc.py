"""ZCC (Client Connector) behaviours of the simulator.

The ZCC API is not a plain REST collection API: lists are ``GET .../listByCompany`` (some wrap
their items as ``{"<key>": [...], "totalCount": n}``), writes are ``POST .../create``,
``PUT|POST .../edit`` (the id travels in the body) and ``DELETE .../{id}/delete``, settings are
read from ``getX`` and written to ``setX``/``updateX``, and the device inventory is filtered by
``osType`` codes and ``username``. A new tenant has enrolled devices, application profiles,
app definitions and company settings; they are seeded here (upserted, so idempotent).
Legacy answers report the remaining request quota in ``X-Rate-Limit-Remaining`` (:data:`TRAITS`).
"""

from __future__ import annotations

import hashlib
from typing import Any, Iterable, cast

from ... import paging
from ..httpserver import Response
from . import behavior, on_reset, product_traits

TRAITS = product_traits("zcc", quota_header="X-Rate-Limit-Remaining")

BASE = "/zcc/papi/public/v1"
OS_NAMES = {1: "iOS", 2: "Android", 3: "Windows", 4: "macOS", 5: "Linux"}
REG_STATES = {1: "Registered", 3: "Removal Pending", 4: "Unregistered", 5: "Removed", 6: "Quarantined"}
OK = {"success": "true", "errorCode": "0"}


def _device(n: int, os_type: int, user: str, state: int = 1) -> dict[str, Any]:
    udid = f"{n:08X}-SIM0-4000-8000-{n:012X}"
    return {
        "udid": udid, "user": user, "type": os_type, "osVersion": f"{OS_NAMES[os_type]} simulated",
        "machineHostname": f"{OS_NAMES[os_type].lower()}-{n}", "manufacturer": "Simulated", "owner": user.split("@")[0],
        "agentVersion": "4.5.0.300", "tunnelVersion": "2.0", "upmVersion": "4.4.0", "zappArch": "x64",
        "companyName": "Simulated Company", "policyName": f"{OS_NAMES[os_type]} default",
        "registrationState": REG_STATES[state], "state": state, "vpnState": 0, "detail": "",
        "macAddress": f"02:00:00:00:00:{n:02x}", "hardwareFingerprint": hashlib.sha1(udid.encode()).hexdigest(),
        "registration_time": "2025-01-15 10:00:00 GMT", "last_seen_time": "2025-06-01 08:30:00 GMT",
        "config_download_time": "2025-06-01 08:30:00 GMT", "keepAliveTime": "2025-06-01 08:30:00 GMT",
        "deregistrationTimestamp": "", "download_count": 3,
    }


DEVICES = (
    _device(1, 3, "alice@simulator.example"), _device(2, 4, "alice@simulator.example"),
    _device(3, 1, "bob@simulator.example"), _device(4, 2, "carol@simulator.example"),
    _device(5, 3, "dave@simulator.example"), _device(6, 5, "erin@simulator.example", state=4),
)
PROFILES: tuple[dict[str, Any], ...] = tuple(
    {"id": i, "name": f"{OS_NAMES[t]} default", "deviceType": t, "description": f"Default {OS_NAMES[t]} profile",
     "active": 1, "ruleOrder": i, "pac_url": "", "logMode": -1, "logLevel": 0, "logFileSize": 100, "reauth_period": 12,
     "groupAll": 1, "groupIds": [], "deviceGroupIds": [], "userIds": [], "bypassAppIds": [], "appServiceIds": []}
    for i, t in enumerate((3, 4, 1, 2, 5), start=1)
)
CUSTOM_APPS = ({"id": 1, "appName": "Simulated SaaS", "active": True, "uid": "sim-custom-1",
                "appData": [{"ipaddr": "203.0.113.0/24", "proto": "TCP", "port": "443"}], "createdBy": "1"},)
PREDEFINED_APPS = (
    {"id": 1, "appName": "Microsoft Teams", "appSvcId": 1, "active": True, "uid": "teams", "appVersion": 1},
    {"id": 2, "appName": "Zoom", "appSvcId": 2, "active": True, "uid": "zoom", "appVersion": 1},
)
PROCESS_APPS = ({"id": 1, "appName": "Simulated Updater", "fileNames": ["updater.exe"],
                 "filePaths": ["C:\\Program Files\\Sim\\updater.exe"], "matchingCriteria": 1},)
WEB_APP_SERVICES = tuple({**a, "version": 1} for a in PREDEFINED_APPS)
ADMIN_ROLES = ({"id": 1, "roleName": "Super Admin", "isEditable": False, "companyId": "1", "dashboard": 1,
                "deviceOverview": 1, "publicApi": 1},
               {"id": 2, "roleName": "Read Only", "isEditable": False, "companyId": "1", "dashboard": 1,
                "deviceOverview": 1, "publicApi": 0})
ADMIN_USERS = ({"id": 1, "userName": "admin@simulator.example", "companyId": "1", "companyRole": {"id": 1},
                "accountEnabled": "true", "editEnabled": "true", "isDefaultAdmin": "true", "serviceType": "ZIA"},)
WEB_POLICIES = tuple({**{k: p[k] for k in ("name", "deviceType", "description", "active", "ruleOrder")},
                      "id": 100 + int(p["id"]), "pac_url": "", "groupIds": [], "groups": []} for p in PROFILES)
FAIL_OPEN = ({"id": 1, "active": 1, "enableFailOpen": 1, "enableCaptivePortalDetection": 1,
              "captivePortalWebSecDisableMinutes": 10, "enableStrictEnforcementPrompt": 0,
              "strictEnforcementPromptDelayMinutes": 2, "strictEnforcementPromptMessage": "",
              "enableWebSecOnProxyUnreachable": 0, "enableWebSecOnTunnelFailure": 0, "tunnelFailureRetryCount": 25},)
FORWARDING_PROFILES = ({"id": 1, "name": "Default forwarding", "active": 1, "conditionType": 1, "hostname": "",
                        "resolvedIpsForHostname": "", "evaluateTrustedNetwork": 0,
                        "forwardingProfileActions": [{"networkType": 0, "actionType": 1, "primaryTransport": 1}]},)
SINGLETONS: dict[str, dict[str, Any]] = {
    "/getCompanyInfo": {"orgId": 1, "name": "Simulated Company", "businessName": "Simulated Company",
                        "defaultAuthType": 1, "version": 1, "proxyEnabled": 1, "zpnEnabled": 1, "upmEnabled": 1},
    "/getZdxGroupEntitlements": {"upmEnableForAll": 1, "collectZdxLocation": 0, "computeDeviceGroupsForZDX": 0,
                                 "logoutZCCForZDXService": 0, "upmGroupList": [], "upmDeviceGroupList": [],
                                 "totalCount": 0},
    "/getZpaGroupEntitlements": {"zpaEnableForAll": 1, "machineTunEnabledForAll": 0, "computeDeviceGroupsForZPA": 0,
                                 "groupList": [], "deviceGroupList": [], "totalCount": 0},
    "/getWebPrivacyInfo": {"id": "1", "active": "1", "collectUserInfo": "1", "collectMachineHostname": "1",
                           "collectZdxLocation": "0", "enablePacketCapture": "1", "disableCrashlytics": "0",
                           "exportLogsForNonAdmin": "0", "enableAutoLogSnippet": "0"},
    "/getDeviceCleanupInfo": {"id": "1", "active": "1", "autoPurgeDays": "30", "autoRemovalDays": "60",
                              "deviceExceedLimit": "16", "forceRemoveType": "0"},
    "/getAdminUsersSyncInfo": {"id": 1, "companyId": 1, "ziaSyncStatus": "SUCCESS", "zpaSyncStatus": "SUCCESS",
                               "ziaInitialSyncDone": True, "zpaInitialSyncDone": True},
}
#: where each settings writer stores (the reader's key)
SETTINGS_WRITERS = {
    ("PUT", "/setWebPrivacyInfo"): "/getWebPrivacyInfo",
    ("PUT", "/setDeviceCleanupInfo"): "/getDeviceCleanupInfo",
    ("PUT", "/updateZdxGroupEntitlement"): "/getZdxGroupEntitlements",
    ("PUT", "/updateZpaGroupEntitlement"): "/getZpaGroupEntitlements",
}
LISTS: dict[str, tuple[tuple[dict[str, Any], ...], str]] = {  # collection path -> seed items, id field
    "/getDevices": (DEVICES, "udid"),
    "/application-profiles": (PROFILES, "id"),
    "/custom-ip-based-apps": (CUSTOM_APPS, "id"),
    "/predefined-ip-based-apps": (PREDEFINED_APPS, "id"),
    "/process-based-apps": (PROCESS_APPS, "id"),
    "/webAppService/listByCompany": (WEB_APP_SERVICES, "id"),
    "/getAdminRoles": (ADMIN_ROLES, "id"),
    "/getAdminUsers": (ADMIN_USERS, "id"),
    "/web/policy/listByCompany": (WEB_POLICIES, "id"),
    "/webFailOpenPolicy/listByCompany": (FAIL_OPEN, "id"),
    "/webForwardingProfile/listByCompany": (FORWARDING_PROFILES, "id"),
}


@on_reset("zcc")
def seed(engine: Any) -> None:
    for path, (items, id_field) in LISTS.items():
        for obj in items:
            engine.store.insert(BASE + path, str(obj[id_field]), dict(obj))
    for path, settings in SINGLETONS.items():
        engine.store.put_singleton(BASE + path, dict(settings))


# ------------------------------------------------------------------ helpers

def _items(engine: Any, path: str) -> list[dict[str, Any]]:
    coll = engine.store.collection(BASE + path)
    return list(coll.values()) if coll is not None else []


def _codes(ctx: Any, *keys: str) -> set[int] | None:
    raw = next((ctx.q(k) for k in keys if ctx.q(k)), None)
    if raw is None:
        return None
    try:
        return {int(v) for v in raw.split(",") if v.strip()}
    except ValueError:
        raise paging.PagingError(
            f"{keys[0]} must be numeric codes (1 iOS, 2 Android, 3 Windows, 4 macOS, 5 Linux)") from None


def _page(engine: Any, ctx: Any, route: Any, items: list[Any]) -> Response:
    """One page of ``items`` in the paging style of the route's op (an array, or an envelope)."""
    try:
        page = paging.style(route.paging).serve(items, ctx.query, path=ctx.req.path)
    except paging.PagingError as exc:
        return cast("Response", engine.error(ctx, 400, str(exc)))
    return cast("Response", engine.json_response(200, page))


def _search(items: Iterable[dict[str, Any]], ctx: Any, *fields: str) -> list[dict[str, Any]]:
    term = (ctx.q("search") or "").strip().lower()
    if not term:
        return list(items)
    return [o for o in items if any(term in str(o.get(f) or "").lower() for f in fields)]


def _filtered_devices(engine: Any, ctx: Any) -> list[dict[str, Any]]:
    devices = _items(engine, "/getDevices")
    os_codes = _codes(ctx, "osType", "osTypes")
    reg_codes = _codes(ctx, "registrationType", "registrationTypes")
    user = ctx.q("username") or ctx.q("userName")
    if os_codes:
        devices = [d for d in devices if d.get("type") in os_codes]
    if reg_codes and 0 not in reg_codes:
        devices = [d for d in devices if d.get("state") in reg_codes]
    if user:
        devices = [d for d in devices if str(d.get("user", "")).lower() == user.lower()]
    return devices


def _body(ctx: Any) -> dict[str, Any]:
    body = ctx.json()
    return body if isinstance(body, dict) else {}


# ------------------------------------------------------------------ devices

@behavior("zcc", "GET", BASE + "/getDevices")
def list_devices(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Devices filtered by ``osType`` (codes), ``username`` and ``registrationType``, one page (page/pageSize)."""
    try:
        return _page(engine, ctx, route, _filtered_devices(engine, ctx))
    except paging.PagingError as exc:
        return engine.error(ctx, 400, str(exc))


@behavior("zcc", "GET", BASE + "/getDeviceDetails")
def device_details(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    udid, user = ctx.q("udid"), ctx.q("username")
    if not udid and not user:
        return engine.error(ctx, 400, "udid or username is required")
    for d in _items(engine, "/getDevices"):
        if (not udid or d["udid"] == udid) and (not user or d["user"].lower() == user.lower()):
            detail = {"id": d["udid"], "unique_id": d["udid"], "user_name": d["user"], "type": d["type"],
                      "os_version": d["osVersion"], "agent_version": d["agentVersion"], "state": d["state"],
                      "machineHostname": d["machineHostname"], "mac_address": d["macAddress"],
                      "manufacturer": d["manufacturer"], "owner": d["owner"],
                      "registration_time": d["registration_time"],
                      "last_seen_time": d["last_seen_time"], "hardwareFingerprint": d["hardwareFingerprint"],
                      "devicePolicyName": d["policyName"], "tunnelVersion": d["tunnelVersion"]}
            return engine.json_response(200, detail)
    return engine.error(ctx, 400, "no device matches the given udid/username")


def _remove(engine: Any, ctx: Any, force: bool) -> Response:
    body = _body(ctx)
    udids = set(body.get("udids") or [])
    user = body.get("userName") or body.get("username")
    os_type = str(body.get("osType") or "")
    key = BASE + "/getDevices"
    removed = 0
    for d in _items(engine, "/getDevices"):
        if udids and d["udid"] not in udids:
            continue
        if user and d["user"].lower() != str(user).lower():
            continue
        if os_type and str(d["type"]) not in os_type.split(","):
            continue
        if not (udids or user or os_type):
            continue
        if force:
            engine.store.delete(key, d["udid"])
        else:
            engine.store.update(key, d["udid"], {**d, "state": 3, "registrationState": REG_STATES[3]})
        removed += 1
    out: dict[str, Any] = {"devicesRemoved": removed}
    if force:
        out["errorMsg"] = ""
    return cast("Response", engine.json_response(200, out))


@behavior("zcc", "POST", BASE + "/removeDevices")
def remove_devices(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Soft removal: matching devices go to *Removal Pending*."""
    return _remove(engine, ctx, force=False)


@behavior("zcc", "POST", BASE + "/forceRemoveDevices")
def force_remove_devices(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """Forced removal: matching devices leave the inventory."""
    return _remove(engine, ctx, force=True)


@behavior("zcc", "POST", BASE + "/removeMachineTunnel")
def remove_machine_tunnel(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    hosts = _body(ctx).get("hostNames") or []
    return engine.json_response(200, {"devicesRemoved": len(hosts), "errorMsg": ""})


@behavior("zcc", "GET", BASE + "/getOtp")
def get_otp(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    udid = ctx.q("udid")
    if not udid or not any(d["udid"] == udid for d in _items(engine, "/getDevices")):
        return engine.error(ctx, 400, "a known device udid is required")
    seed = int(hashlib.sha1(udid.encode()).hexdigest(), 16)
    names = ("exitOtp", "logoutOtp", "revertOtp", "uninstallOtp", "zdpDisableOtp", "zdxDisableOtp",
             "ziaDisableOtp", "zpaDisableOtp", "antiTemperingDisableOtp", "deceptionSettingsOtp")
    return engine.json_response(200, {n: f"{(seed >> (i * 20)) % 1_000_000:06d}" for i, n in enumerate(names)})


@behavior("zcc", "GET", BASE + "/getPasswords")
def get_passwords(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    if not ctx.q("username") or not ctx.q("osType"):
        return engine.error(ctx, 400, "username and osType are required")
    names = ("exitPass", "logoutPass", "uninstallPass", "zdSettingsAccessPass", "zdxDisablePass", "ziaDisablePass",
             "zpaDisablePass")
    return engine.json_response(200, {n: "" for n in names})


def _csv(devices: list[dict[str, Any]]) -> bytes:
    cols = ("User", "Device type", "Device model", "UDID", "Hostname", "Zscaler Client Connector version",
            "Registration state", "Last seen")
    rows = [",".join(cols)]
    for d in devices:
        rows.append(",".join(str(v) for v in (d["user"], OS_NAMES.get(d["type"], d["type"]), d["manufacturer"],
                                               d["udid"], d["machineHostname"], d["agentVersion"],
                                               d["registrationState"], d["last_seen_time"])))
    return ("\n".join(rows) + "\n").encode()


def _download(engine: Any, ctx: Any, route: Any, params: Any) -> Response:
    """CSV of the devices matching ``osTypes``/``registrationTypes``."""
    try:
        devices = _filtered_devices(engine, ctx)
    except paging.PagingError as exc:
        return cast("Response", engine.error(ctx, 400, str(exc)))
    return Response(200, _csv(devices), [("Content-Type", "application/octet-stream"),
                                         ("Content-Disposition", 'attachment; filename="devices.csv"')])


for _path in ("/downloadDevices", "/downloadServiceStatus", "/downloadDisableReasons"):
    behavior("zcc", "GET", BASE + _path)(_download)


# ------------------------------------------------------------------ lists wrapped in an envelope

def _search_list(path: str, *search_fields: str) -> Any:
    """A listing searched by ``search`` over ``search_fields`` and by ``deviceType``, answered in
    the paging style of its op (``{"policies": [...], "totalCount": n}`` envelopes included)."""

    def handler(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
        items = _search(_items(engine, path), ctx, *search_fields)
        device_type = ctx.q("deviceType")
        if device_type and device_type.isdigit():
            items = [o for o in items if str(o.get("deviceType")) == device_type]
        return _page(engine, ctx, route, items)

    handler.__name__ = "list_" + path.strip("/").replace("/", "_")
    return behavior("zcc", "GET", BASE + path)(handler)


_search_list("/application-profiles", "name")
_search_list("/custom-ip-based-apps", "appName")
_search_list("/predefined-ip-based-apps", "appName")
_search_list("/process-based-apps", "appName")
_search_list("/webTrustedNetwork/listByCompany", "networkName")
_search_list("/web/policy/listByCompany", "name")
_search_list("/webForwardingProfile/listByCompany", "name")
_search_list("/webAppService/listByCompany", "appName")
_search_list("/webFailOpenPolicy/listByCompany")


# ------------------------------------------------------------------ create / edit / delete by body id

def _new_id(engine: Any) -> int:
    return cast("int", engine.store.new_ids("zcc", "int")[0])


def _edit(engine: Any, ctx: Any, path: str, create: bool) -> Response:
    """Store the body in ``path``: an existing ``id`` updates (merge), no id creates."""
    body = _body(ctx)
    if "device_type" in body:  # policy bodies carry device_type; the API lists it as deviceType
        dt = body.pop("device_type")
        body["deviceType"] = int(dt) if str(dt).isdigit() else dt
    key = BASE + path
    coll = engine.store.collection(key)
    oid = body.get("id")
    cur = coll.items.get(str(oid)) if (coll is not None and oid not in (None, "")) else None
    if cur is None and oid not in (None, "") and not create:
        return cast("Response", engine.error(ctx, 400, f"no object with id {oid}"))
    if cur is None:
        oid = _new_id(engine)
        obj = {**body, "id": oid}
        engine.store.insert(key, str(oid), obj, "zcc")
    else:
        obj = {**cur, **body}
        engine.store.update(key, str(oid), obj)
    return cast("Response", engine.json_response(200, obj))


def _delete(engine: Any, ctx: Any, path: str, oid: str) -> Response:
    if engine.store.delete(BASE + path, oid) is None:
        return cast("Response", engine.error(ctx, 400, f"no object with id {oid}"))
    return cast("Response", engine.json_response(200, {**OK, "id": oid}))


@behavior("zcc", "POST", BASE + "/webTrustedNetwork/create")
def create_trusted_network(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    if not _body(ctx).get("networkName"):
        return engine.error(ctx, 400, "networkName is required")
    return _edit(engine, ctx, "/webTrustedNetwork/listByCompany", create=True)


@behavior("zcc", "PUT", BASE + "/webTrustedNetwork/edit")
def edit_trusted_network(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    resp = _edit(engine, ctx, "/webTrustedNetwork/listByCompany", create=False)
    return resp if resp.status >= 400 else engine.json_response(200, OK)


@behavior("zcc", "DELETE", BASE + "/webTrustedNetwork/{network_id}/delete")
def delete_trusted_network(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _delete(engine, ctx, "/webTrustedNetwork/listByCompany", params["network_id"])


def _edit_then_ack(path: str, verb: str, edit_path: str, delete_path: str | None) -> None:
    @behavior("zcc", verb, BASE + edit_path)
    def edit(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
        resp = _edit(engine, ctx, path, create=True)
        if resp.status >= 400:
            return resp
        return engine.json_response(200, {"success": "true", "id": resp.value["id"]})

    if delete_path:
        @behavior("zcc", "DELETE", BASE + delete_path)
        def delete(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
            return _delete(engine, ctx, path, params["object_id"])


_edit_then_ack("/webForwardingProfile/listByCompany", "POST", "/webForwardingProfile/edit",
               "/webForwardingProfile/{object_id}/delete")
_edit_then_ack("/web/policy/listByCompany", "PUT", "/web/policy/edit", "/web/policy/{object_id}/delete")
_edit_then_ack("/webFailOpenPolicy/listByCompany", "PUT", "/webFailOpenPolicy/edit", None)


@behavior("zcc", "PUT", BASE + "/web/policy/activate")
def activate_web_policy(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    body = _body(ctx)
    key = BASE + "/web/policy/listByCompany"
    coll = engine.store.collection(key)
    cur = coll.items.get(str(body.get("policyId"))) if coll is not None else None
    if cur is None:
        return engine.error(ctx, 400, f"no web policy with id {body.get('policyId')}")
    engine.store.update(key, str(cur["id"]), {**cur, "active": 1})
    return engine.json_response(200, {**OK, "id": cur["id"]})


# ------------------------------------------------------------------ settings written through a separate path

def _settings_writer(reader: str) -> Any:
    def handler(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
        key = BASE + reader
        cur = engine.store.singletons.get(key)
        merged = {**(cur if isinstance(cur, dict) else {}), **_body(ctx)}
        engine.store.put_singleton(key, merged)
        return engine.json_response(200, merged)

    handler.__name__ = "set" + reader
    return handler


for (_verb, _path), _reader in SETTINGS_WRITERS.items():
    behavior("zcc", _verb, BASE + _path)(_settings_writer(_reader))
