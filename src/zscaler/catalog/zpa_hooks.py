"""ZPA hooks: the special behaviour of ZPA methods (see :class:`zscaler.binding.Call`).

Each public function here is named in an ``op(..., hook=...)`` record of ``catalog/zpa.py``.
They run after the arguments are shaped (``call.body`` is camelCase, id lists are
``[{"id": ...}]``) and before the request is sent; raw arguments are in ``call.args``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Iterable
from urllib.parse import quote

from ..model import ZscalerObject, convert_keys, model_class

V1 = "/zpa/mgmtconfig/v1/admin/customers/{customerId}"
V2 = "/zpa/mgmtconfig/v2/admin/customers/{customerId}"

#: Policy types as the caller names them -> the policy type on the wire.
POLICY_MAP = {
    "access": "ACCESS_POLICY",
    "capabilities": "CAPABILITIES_POLICY",
    "client_forwarding": "CLIENT_FORWARDING_POLICY",
    "clientless": "CLIENTLESS_SESSION_PROTECTION_POLICY",
    "credential": "CREDENTIAL_POLICY",
    "portal_policy": "PRIVILEGED_PORTAL_POLICY",
    "vpn_policy": "VPN_TUNNEL_POLICY",
    "inspection": "INSPECTION_POLICY",
    "isolation": "ISOLATION_POLICY",
    "redirection": "REDIRECTION_POLICY",
    "siem": "SIEM_POLICY",
    "timeout": "TIMEOUT_POLICY",
    "user_portal": "USER_PORTAL",
}

Hook = Callable[[Any], None]


def _kwargs(call: Any) -> dict[str, Any]:
    return dict(call.args.get("kwargs") or {})


def _arg(call: Any, name: str) -> Any:
    """A named argument or a ``**kwargs`` entry (None when absent)."""
    if name in call.args and name != "kwargs":
        return call.args[name]
    return _kwargs(call).get(name)


def _plain(value: Any) -> Any:
    return value.request_format() if isinstance(value, ZscalerObject) else value


# ------------------------------------------------------------------ policy sets

def policy_type(value: Any) -> str:
    """``"access"`` or ``"ACCESS_POLICY"`` -> ``"ACCESS_POLICY"``; anything else raises ValueError."""
    if value in POLICY_MAP:
        return POLICY_MAP[value]
    if isinstance(value, str) and value.upper() in POLICY_MAP.values():
        return value.upper()
    raise ValueError(f"policy_type: {value!r} is not accepted; accepted values: {', '.join(POLICY_MAP)}")


def _resolve_policy_set(call: Any, ptype: str, slot: str = "policy_set_id") -> None:
    """GET ``policySet/policyType/<type>`` (as the official methods do first) and fill ``{slot}``."""
    mt = call.query.get("microtenantId")
    body = call.request("GET", f"{V1}/policySet/policyType/{ptype}", {"microtenantId": mt} if mt else None)
    psid = body.get("id") if isinstance(body, dict) else None
    if not psid:
        raise ValueError(f"{call.op.name}: the {ptype} policy set has no id in the API answer")
    call.path_values[slot] = quote(str(psid), safe="")


def policy_set_by_type(call: Any) -> None:
    """get_rule / delete_rule / bulk_reorder_rules: ``policy_type`` names the set whose id fills the path."""
    _resolve_policy_set(call, policy_type(call.args.get("policy_type")))


def reorder_rule(call: Any) -> None:
    """PUT ``policySet/{id}/rule/{rule_id}/reorder/{rule_order}`` with an empty object body."""
    _resolve_policy_set(call, policy_type(call.args.get("policy_type")), slot="id")
    call.body = {}


# ------------------------------------------------------------------ conditions

_WRAPPERS = ("AND", "OR")


def _unwrap(cond: Any, where: str) -> tuple[str, tuple]:
    """``("AND", ("app", ...))`` -> ``("AND", ("app", ...))``; ``("app", ...)`` -> ``("OR", ...)``."""
    if not isinstance(cond, (tuple, list)) or not cond:
        raise ValueError(f"{where}: each condition is a tuple like ('app', ...), optionally wrapped as "
                         f"('AND'|'OR', tuple), or a dict; got {cond!r}")
    head = cond[0]
    if (len(cond) == 2 and isinstance(head, str) and head.upper() in _WRAPPERS
            and isinstance(cond[1], (tuple, list))):
        return head.upper(), tuple(cond[1])
    return "OR", tuple(cond)


def _dict_condition(cond: Any) -> dict[str, Any]:
    """A condition given as a dict passes through, camelCased (``idp_id`` -> ``idpId``)."""
    return convert_keys(_plain(cond))


def conditions_v1(conditions: Iterable[Any] | None) -> list[dict[str, Any]]:
    """v1 conditions from ``(object_type, lhs, rhs)`` tuples.

    APP and APP_GROUP operands share one condition (operator of the APP tuple), SCIM and
    SCIM_GROUP share one (operator of the SCIM_GROUP tuple); every other tuple is its own
    condition. Dict conditions pass through and come first. The official SDK drops object
    types it does not know; here they are sent, so the API judges them.
    """
    if not conditions:
        return []
    dicts, own, app, scim = [], [], [], []
    app_op = scim_op = "OR"
    for cond in conditions:
        if isinstance(cond, (dict, ZscalerObject)):
            dicts.append(_dict_condition(cond))
            continue
        operator, t = _unwrap(cond, "conditions")
        if len(t) != 3 or not isinstance(t[0], str):
            raise ValueError(f"conditions: a v1 condition is (object_type, lhs, rhs); got {cond!r}")
        otype = t[0].upper()
        operand = {"objectType": otype, "lhs": t[1], "rhs": t[2]}
        if otype in ("APP", "APP_GROUP"):
            app.append(operand)
            app_op = operator if otype == "APP" else app_op
        elif otype in ("SCIM", "SCIM_GROUP"):
            scim.append(operand)
            scim_op = operator if otype == "SCIM_GROUP" else scim_op
        else:
            own.append({"operator": operator, "operands": [operand]})
    out = dicts + own
    if app:
        out.append({"operator": app_op, "operands": app})
    if scim:
        out.append({"operator": scim_op, "operands": scim})
    return out


#: v2 object types whose operands carry ``entryValues`` ([{lhs, rhs}]) instead of ``values``.
ENTRY_TYPES = ("POSTURE", "TRUSTED_NETWORK", "COUNTRY_CODE", "PLATFORM", "RISK_FACTOR_TYPE", "SAML", "SCIM",
               "SCIM_GROUP")


def _values(rest: tuple) -> list:
    if len(rest) == 1 and isinstance(rest[0], (list, tuple, set)):
        return list(rest[0])
    return list(rest)


def _pair(item: Any, otype: str) -> dict[str, Any]:
    if isinstance(item, dict) and "lhs" in item and "rhs" in item:
        return {"lhs": item["lhs"], "rhs": item["rhs"]}
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return {"lhs": item[0], "rhs": item[1]}
    raise ValueError(f"conditions: {otype.lower()} takes (lhs, rhs) pairs, e.g. ('{otype.lower()}', "
                     f"[('<lhs>', '<rhs>')]); got {item!r}")


def _entries(rest: tuple, otype: str) -> list[dict[str, Any]]:
    if len(rest) == 2 and not any(isinstance(x, (list, tuple, dict)) for x in rest):
        return [{"lhs": rest[0], "rhs": rest[1]}]  # ("saml", "<attribute id>", "<value>")
    return [_pair(item, otype) for item in _values(rest)]


def conditions_v2(conditions: Iterable[Any] | None) -> list[dict[str, Any]]:
    """v2 conditions from ``(object_type, values...)`` tuples.

    * ``chrome_enterprise`` (entryValues) and ``chrome_posture_profile`` (values) share one
      condition without operator, sent first;
    * ``app`` and ``app_group`` share one condition without operator;
    * posture, trusted_network, country_code, platform, risk_factor_type, saml, scim and
      scim_group take ``(lhs, rhs)`` pairs, grouped into one condition per (operator, type);
    * every other type (console, location, machine_grp, client_type, user_portal ...) is its
      own ``{operator, operands: [{objectType, values}]}`` condition.
    """
    if not conditions:
        return []
    dicts: list[dict] = []
    chrome: list[dict] = []
    app: list[dict] = []
    rest_out: list[dict] = []
    grouped: dict[tuple[str, str], dict] = {}
    for cond in conditions:
        if isinstance(cond, (dict, ZscalerObject)):
            dicts.append(_dict_condition(cond))
            continue
        operator, t = _unwrap(cond, "conditions")
        if len(t) < 2 or not isinstance(t[0], str):
            raise ValueError(f"conditions: a v2 condition is (object_type, values); got {cond!r}")
        otype, rest = t[0].upper(), t[1:]
        if otype == "CHROME_ENTERPRISE":
            chrome.append({"objectType": otype, "entryValues": _entries(rest, otype)})
        elif otype == "CHROME_POSTURE_PROFILE":
            chrome.append({"objectType": otype, "values": _values(rest)})
        elif otype in ("APP", "APP_GROUP"):
            app.append({"objectType": otype, "values": _values(rest)})
        elif otype in ENTRY_TYPES:
            key = (operator, otype)
            if key not in grouped:
                grouped[key] = {"operator": operator, "operands": [{"objectType": otype, "entryValues": []}]}
                rest_out.append(grouped[key])
            grouped[key]["operands"][0]["entryValues"].extend(_entries(rest, otype))
        else:
            rest_out.append({"operator": operator, "operands": [{"objectType": otype, "values": _values(rest)}]})
    out = dicts
    if chrome:
        out.append({"operands": chrome})
    if app:
        out.append({"operands": app})
    return out + rest_out


def _ensure_client_type(conds: list[dict], version: int) -> None:
    """Isolation / browser protection: add the exporter client type unless a condition starts with CLIENT_TYPE."""
    if any((c.get("operands") or [{}])[0].get("objectType") == "CLIENT_TYPE" for c in conds):
        return
    operand: dict[str, Any] = {"objectType": "CLIENT_TYPE"}
    if version == 1:
        operand.update(lhs="id", rhs="zpn_client_type_exporter")
    else:
        operand["values"] = ["zpn_client_type_exporter"]
    conds.append({"operator": "OR", "operands": [operand]})


# ------------------------------------------------------------------ policy rules

#: privileged_capabilities flag -> capability name (file_upload=False means INSPECT_FILE_UPLOAD).
CAPABILITIES = {
    "clipboard_copy": "CLIPBOARD_COPY", "clipboard_paste": "CLIPBOARD_PASTE", "file_download": "FILE_DOWNLOAD",
    "file_upload": "FILE_UPLOAD", "inspect_file_download": "INSPECT_FILE_DOWNLOAD",
    "inspect_file_upload": "INSPECT_FILE_UPLOAD", "monitor_session": "MONITOR_SESSION",
    "record_session": "RECORD_SESSION", "share_session": "SHARE_SESSION",
}


def _capabilities(value: Any) -> dict[str, list[str]]:
    value = _plain(value)
    if isinstance(value, (list, tuple)):
        return {"capabilities": [str(v).upper() for v in value]}
    if not isinstance(value, dict):
        raise ValueError("privileged_capabilities: a dict of booleans (clipboard_copy=True, ...) or a list of "
                         f"capability names; got {value!r}")
    if "capabilities" in value:
        return {"capabilities": list(value["capabilities"])}
    out = []
    for k, v in value.items():
        if k not in CAPABILITIES:
            raise ValueError(f"privileged_capabilities: {k!r} is not accepted; accepted keys: {', '.join(CAPABILITIES)}")
        if k == "file_upload" and v is False:
            out.append("INSPECT_FILE_UPLOAD")
        elif v:
            out.append(CAPABILITIES[k])
    return {"capabilities": out}


def _credential(call: Any, body: dict, required: bool) -> None:
    cred, pool = _arg(call, "credential_id"), _arg(call, "credential_pool_id")
    body.pop("credentialId", None)
    body.pop("credentialPoolId", None)
    if cred and pool:
        raise ValueError("give credential_id or credential_pool_id, not both")
    if cred:
        body["credential"] = {"id": cred}
    elif pool:
        body["credentialPool"] = {"id": pool}
    elif required:
        raise ValueError("credential_id or credential_pool_id is required")


def rule(ptype: str, version: int, keys: tuple[str, ...] | None, *, conditions: str = "always",
         action: str | None = None, drop_none: bool = False, client_type: bool = False,
         profile: tuple[str, str] | None = None, extra: Callable[[Any, dict], None] | None = None) -> Hook:
    """The hook of one policy-rule add/update method.

    ``keys``: the wire keys always sent, in order (null when not given; ``drop_none`` leaves
    Nones out); ``None`` sends the caller's keyword arguments as they are. ``conditions``:
    ``"always"`` (an empty list when none) or ``"if_given"``. ``action``: a fixed action;
    otherwise the given one is upper-cased. ``profile``: ``(wire key, action)`` sent only with
    that action (zpnIsolationProfileId with ISOLATE ...). ``client_type``: add the exporter
    client-type condition when no condition starts with CLIENT_TYPE.
    """
    build = conditions_v1 if version == 1 else conditions_v2

    def hook(call: Any) -> None:
        _resolve_policy_set(call, ptype)
        shaped = dict(call.body or {})
        shaped.pop("conditions", None)
        shaped.pop("microtenantId", None)  # it travels in the query
        if action is not None:
            shaped["action"] = action
        elif isinstance(shaped.get("action"), str):
            shaped["action"] = shaped["action"].upper()
        if keys is None:
            body = shaped
        else:
            body = {k: shaped.pop(k, None) for k in keys}
            body.update(shaped)  # keyword arguments beyond the official literal body are sent too
        given = _arg(call, "conditions")
        if conditions == "always" or given:
            conds = build(_plain(given))
            if client_type:
                _ensure_client_type(conds, version)
            body["conditions"] = conds
        if profile is not None and body.get("action") != profile[1]:
            body.pop(profile[0], None)
        if extra is not None:
            extra(call, body)
        if drop_none:
            body = {k: v for k, v in body.items() if v is not None}
        call.body = body

    hook.__name__ = f"rule_{ptype.lower()}_v{version}"
    return hook


def capabilities_extra(call: Any, body: dict) -> None:
    caps = _arg(call, "privileged_capabilities")
    body.pop("privilegedCapabilities", None)
    if caps is not None:
        body["privilegedCapabilities"] = _capabilities(caps)


def credential_add(call: Any, body: dict) -> None:
    _credential(call, body, required=True)


def credential_update(call: Any, body: dict) -> None:
    _credential(call, body, required=False)


BASE_KEYS = ("name", "description", "ruleOrder", "action")
ACCESS_KEYS = ("name", "description", "customMsg", "ruleOrder", "action", "appConnectorGroups", "appServerGroups")
TIMEOUT_V2_KEYS = ("name", "description", "customMsg", "action", "reauthTimeout", "reauthIdleTimeout")


# ------------------------------------------------------------------ application segments

def _from_to(item: Any, name: str) -> dict[str, str]:
    item = _plain(item)
    if isinstance(item, dict) and "from" in item:
        return {"from": str(item["from"]), "to": str(item.get("to", item["from"]))}
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return {"from": str(item[0]), "to": str(item[1])}
    if isinstance(item, (int, str)) and str(item).replace("-", "").isdigit():
        low, _, high = str(item).partition("-")
        return {"from": low, "to": high or low}
    raise ValueError(f"{name}: each range is {{'from': '80', 'to': '81'}}, ('80', '81'), '80-81' or 80; got {item!r}")


def _port_list(value: Any, name: str) -> list[str]:
    if not isinstance(value, (list, tuple)) or len(value) % 2:
        raise ValueError(f"{name}: a flat list of port pairs ['80', '80', '443', '445'] (start, end, ...); got {value!r}")
    return [str(v) for v in value]


def port_ranges(call: Any) -> None:
    """App segments: ``tcp_port_range=[{"from", "to"}]`` -> ``tcpPortRange``; ``tcp_port_ranges=["80", "80"]`` ->
    ``tcpPortRanges`` (the legacy flat list); the same for UDP. Giving both forms of one protocol is refused.
    Updates always send the four keys; an absent one goes out as ``[]`` (it clears the ports), as the official
    SDK does (the catalog's ``body_defaults``)."""
    kw = _kwargs(call)
    body = call.body if isinstance(call.body, dict) else {}
    for proto in ("tcp", "udp"):
        objs, flat = kw.get(f"{proto}_port_range"), kw.get(f"{proto}_port_ranges")
        if objs is not None and flat is not None:
            raise ValueError(f"give {proto}_port_range ([{{'from', 'to'}}]) or {proto}_port_ranges (flat list), "
                             "not both")
        if objs is not None:
            body[f"{proto}PortRange"] = [_from_to(x, f"{proto}_port_range") for x in objs]
        if flat is not None:
            body[f"{proto}PortRanges"] = _port_list(flat, f"{proto}_port_ranges")
    call.body = body


# ------------------------------------------------------------------ enrollment certificates

def _find_by_name(call: Any, path: str, name: str) -> dict | None:
    body = call.request("GET", path, {"search": f"name+EQ+{name}"})
    items = body.get("list") if isinstance(body, dict) else body
    for item in items or ():
        if isinstance(item, dict) and str(item.get("name", "")).lower() == name.lower():
            return item
    return None


def enrollment_cert(default_name: str) -> Hook:
    """Connector / service-edge groups: without ``enrollment_cert_id`` the id of the certificate named
    ``default_name`` is looked up (GET v2 enrollmentCert, search by name) and sent as ``enrollmentCertId``.
    When no such certificate exists the body goes out without it and the API decides."""

    def hook(call: Any) -> None:
        body = call.body if isinstance(call.body, dict) else {}
        if body.get("enrollmentCertId"):
            return
        body.pop("enrollmentCertId", None)
        cert = _find_by_name(call, V2 + "/enrollmentCert", default_name)
        if cert is not None:
            body["enrollmentCertId"] = cert.get("id")
        call.body = body

    hook.__name__ = f"enrollment_cert_{default_name.lower().replace(' ', '_')}"
    return hook


def by_name(search_key: str = "name") -> Hook:
    """``get_*_by_name``: search the list by name, answer the item whose name matches exactly (None if none)."""

    def hook(call: Any) -> None:
        name = call.args.get(search_key)
        if not isinstance(name, str) or not name:
            raise ValueError(f"{search_key}: a non-empty name is required")
        call.query.pop(search_key, None)
        call.query.pop(_camel(search_key), None)
        call.query["search"] = f"name+EQ+{name}"
        cls = model_class(call.op.model)

        def pick(value: Any, response: Any) -> Any:
            body = response.get_body() if response is not None else None
            items = body.get("list") if isinstance(body, dict) else body
            for item in items if isinstance(items, list) else ():
                if isinstance(item, dict) and str(item.get("name", "")).lower() == name.lower():
                    return cls(item)
            return None

        call.after = pick

    hook.__name__ = "by_name"
    return hook


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


def _epoch(value: Any, tz: Any, name: str) -> str:
    if isinstance(value, (int, float)):
        return str(int(value))
    if isinstance(value, _dt.datetime):
        stamp = value
    elif isinstance(value, str):
        try:
            stamp = _dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"{name}: an ISO date/time ('2025-01-31T00:00:00'), a datetime or epoch seconds; "
                             f"got {value!r}") from None
    else:
        raise ValueError(f"{name}: an ISO date/time, a datetime or epoch seconds; got {value!r}")
    if stamp.tzinfo is None:
        try:
            from zoneinfo import ZoneInfo

            stamp = stamp.replace(tzinfo=ZoneInfo(str(tz)) if tz else _dt.timezone.utc)
        except Exception:
            raise ValueError(f"time_zone: {tz!r} is not an IANA time zone name ('America/Vancouver')") from None
    return str(int(stamp.timestamp()))


def cert_validity(call: Any) -> None:
    """Enrollment certificates: ``valid_from`` / ``valid_to`` (+ ``time_zone``) -> ``validFromInEpochSec`` /
    ``validToInEpochSec`` (epoch seconds as strings); the three originals are not sent."""
    kw = _kwargs(call)
    body = call.body if isinstance(call.body, dict) else {}
    for key in ("validFrom", "validTo", "timeZone"):
        body.pop(key, None)
    tz = kw.get("time_zone")
    if kw.get("valid_from") is not None:
        body["validFromInEpochSec"] = _epoch(kw["valid_from"], tz, "valid_from")
    if kw.get("valid_to") is not None:
        body["validToInEpochSec"] = _epoch(kw["valid_to"], tz, "valid_to")
    call.body = body


# ------------------------------------------------------------------ schedules

def schedule_add(call: Any) -> None:
    """Connector / service-edge schedules: the body carries ``customerId`` (the argument, else the configured
    one) with ``frequency`` and ``frequencyInterval`` (null when not given)."""
    body = dict(call.body) if isinstance(call.body, dict) else {}
    cid = body.pop("customerId", None) or call.api._config_value("customerId")
    out = {"customerId": cid, "frequency": body.pop("frequency", None),
           "frequencyInterval": body.pop("frequencyInterval", None)}
    out.update(body)
    call.body = out
