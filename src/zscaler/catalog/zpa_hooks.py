"""ZPA hooks: the special behaviour of ZPA methods (see :class:`zscaler.catalog.call.Call`).

Each public function here is named in an ``op(..., hook=...)`` record of ``catalog/zpa.py``.
They run after the arguments are shaped (``call.body`` is camelCase, id lists are
``[{"id": ...}]``) and before the request is sent; raw arguments are in ``call.args``.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Callable, Iterable, Iterator, cast
from urllib.parse import quote

from .. import paging
from ..errors import ArgumentError
from ..model import ZscalerObject, convert_keys
from .call import Call
from .hooks import save_to, stamped

V1 = "/zpa/mgmtconfig/v1/admin/customers/{customerId}"
V2 = "/zpa/mgmtconfig/v2/admin/customers/{customerId}"
LSS_V2 = "/zpa/mgmtconfig/v2/admin/lssConfig"

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


def _kwargs(call: Call) -> dict[str, Any]:
    return dict(call.args.get("kwargs") or {})


def _arg(call: Call, name: str) -> Any:
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


def _policy_set_id(call: Call, ptype: str) -> str:
    """GET ``policySet/policyType/<type>`` (as the official methods do first): the id of that policy set."""
    mt = call.query.get("microtenantId")
    body = call.request("GET", f"{V1}/policySet/policyType/{ptype}", {"microtenantId": mt} if mt else None)
    psid = body.get("id") if isinstance(body, dict) else None
    if not psid:
        raise ValueError(f"{call.op.name}: the {ptype} policy set has no id in the API answer")
    return str(psid)


def _resolve_policy_set(call: Call, ptype: str, slot: str = "policy_set_id") -> None:
    call.path_values[slot] = quote(_policy_set_id(call, ptype), safe="")


def policy_set_by_type(call: Call) -> None:
    """get_rule / delete_rule / bulk_reorder_rules: ``policy_type`` names the set whose id fills the path."""
    _resolve_policy_set(call, policy_type(call.args.get("policy_type")))


def reorder_rule(call: Call) -> None:
    """PUT ``policySet/{id}/rule/{rule_id}/reorder/{rule_order}`` with an empty object body."""
    _resolve_policy_set(call, policy_type(call.args.get("policy_type")), slot="id")
    call.body = {}


# ------------------------------------------------------------------ conditions

_WRAPPERS = ("AND", "OR")


def _unwrap(cond: Any, where: str) -> tuple[str, tuple[Any, ...]]:
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
    return cast("dict[str, Any]", convert_keys(_plain(cond)))


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


def _values(rest: tuple[Any, ...]) -> list[Any]:
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


def _entries(rest: tuple[Any, ...], otype: str) -> list[dict[str, Any]]:
    if len(rest) == 2 and not any(isinstance(x, (list, tuple, dict)) for x in rest):
        return [{"lhs": rest[0], "rhs": rest[1]}]  # ("saml", "<attribute id>", "<value>")
    return [_pair(item, otype) for item in _values(rest)]


def _typed(conditions: Iterable[Any], arg: str, shape: str) -> Iterator[tuple[Any, Any, tuple[Any, ...]]]:
    """``(operator, OBJECT_TYPE, values...)`` of each ``(object_type, values)`` tuple; a condition
    given as a dict or model comes out as ``(None, <wire dict>, ())``."""
    for cond in conditions:
        if isinstance(cond, (dict, ZscalerObject)):
            yield None, _dict_condition(cond), ()
            continue
        operator, t = _unwrap(cond, arg)
        if len(t) < 2 or not isinstance(t[0], str):
            raise ValueError(f"{arg}: {shape} (object_type, values); got {cond!r}")
        yield operator, t[0].upper(), t[1:]


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
    dicts: list[dict[str, Any]] = []
    chrome: list[dict[str, Any]] = []
    app: list[dict[str, Any]] = []
    rest_out: list[dict[str, Any]] = []
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for operator, otype, rest in _typed(conditions, "conditions", "a v2 condition is"):
        if operator is None:
            dicts.append(otype)
        elif otype == "CHROME_ENTERPRISE":
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


def _ensure_client_type(conds: list[dict[str, Any]], version: int) -> None:
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


def _credential(call: Call, body: dict[str, Any], required: bool) -> None:
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
         profile: tuple[str, str] | None = None, extra: Callable[[Any, dict[str, Any]], None] | None = None) -> Hook:
    """The hook of one policy-rule add/update method.

    ``keys``: the wire keys always sent, in order (null when not given; ``drop_none`` leaves
    Nones out); ``None`` sends the caller's keyword arguments as they are. ``conditions``:
    ``"always"`` (an empty list when none) or ``"if_given"``. ``action``: a fixed action;
    otherwise the given one is upper-cased. ``profile``: ``(wire key, action)`` sent only with
    that action (zpnIsolationProfileId with ISOLATE ...). ``client_type``: add the exporter
    client-type condition when no condition starts with CLIENT_TYPE.
    """
    build = conditions_v1 if version == 1 else conditions_v2

    def hook(call: Call) -> None:
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


def capabilities_extra(call: Call, body: dict[str, Any]) -> None:
    caps = _arg(call, "privileged_capabilities")
    body.pop("privilegedCapabilities", None)
    if caps is not None:
        body["privilegedCapabilities"] = _capabilities(caps)


def credential_add(call: Call, body: dict[str, Any]) -> None:
    _credential(call, body, required=True)


def credential_update(call: Call, body: dict[str, Any]) -> None:
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


def port_ranges(call: Call) -> None:
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


def by_name(search_key: str = "name") -> Hook:
    """``get_*_by_name``: search the list by name, answer the item whose name matches exactly (None if none)."""

    def hook(call: Call) -> None:
        name = call.args.get(search_key)
        if not isinstance(name, str) or not name:
            raise ValueError(f"{search_key}: a non-empty name is required")
        call.query.pop(search_key, None)
        call.query.pop(_camel(search_key), None)
        call.query["search"] = f"name+EQ+{name}"
        cls = call.model_class()

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


def cert_validity(call: Call) -> None:
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

def schedule_add(call: Call) -> None:
    """Connector / service-edge schedules: the body carries ``customerId`` (the argument, else the configured
    one) with ``frequency`` and ``frequencyInterval`` (null when not given)."""
    body = dict(call.body) if isinstance(call.body, dict) else {}
    cid = body.pop("customerId", None) or call.config("customerId")
    out = {"customerId": cid, "frequency": body.pop("frequency", None),
           "frequencyInterval": body.pop("frequencyInterval", None)}
    out.update(body)
    call.body = out


# ------------------------------------------------------------------ LSS (log streaming)

#: source_log_type as the caller names it -> the zpn_* log type on the wire.
SOURCE_LOG_MAP = {
    "app_connector_metrics": "zpn_ast_comprehensive_stats", "app_connector_status": "zpn_ast_auth_log",
    "audit_logs": "zpn_audit_log", "browser_access": "zpn_http_trans_log", "private_svc_edge_status": "zpn_sys_auth_log",
    "user_activity": "zpn_trans_log", "user_status": "zpn_auth_log", "web_inspection": "zpn_waf_http_exchanges_log",
}
LSS_ENTRY_TYPES = ("SAML", "SCIM", "SCIM_GROUP")


def log_type(value: Any) -> str:
    """``"user_activity"`` -> ``"zpn_trans_log"``; a zpn_* name, or any other name, is sent as given."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"source_log_type: {value!r} is not accepted; accepted values: {', '.join(SOURCE_LOG_MAP)}")
    return SOURCE_LOG_MAP.get(value, value)


def log_formats(call: Call) -> None:
    """``get_all_log_formats``: with ``log_type`` the customer's ``lssConfig/logType/formats?logType=...``,
    without it the formats of every log type from ``lssConfig/logType/formats`` (no customer), as the
    official SDK asks."""
    if not call.args.get("log_type"):
        call.path = LSS_V2 + "/logType/formats"
        call.query.pop("logType", None)


def client_types(call: Call) -> None:
    """``get_client_types``: the API's ``{zpn_client_type_x: "Display Name"}`` turned around to
    ``{"display_name": "zpn_client_type_x"}``; with a known ``client_type`` only that entry."""
    wanted = call.args.get("client_type")

    def after(body: Any, response: Any) -> Any:
        names = {str(v).lower().replace(" ", "_"): k for k, v in (body or {}).items()} if isinstance(body, dict) else {}
        return {wanted: names[wanted]} if wanted and wanted in names else names

    call.after = after


def status_codes(call: Call) -> None:
    """``get_status_codes``: every status code (``log_type='all'``), or those whose ``log_types`` name
    the zpn_* type of ``log_type`` (a key of ``source_log_map``; another name raises ``ValueError``)."""
    wanted = _default(call, "log_type")
    if wanted == "all":
        return
    key = SOURCE_LOG_MAP.get(wanted)
    if not key:
        raise ValueError(f"Incorrect log_type provided: {wanted!r}; accepted values: all, {', '.join(SOURCE_LOG_MAP)}")

    def after(body: Any, response: Any) -> Any:
        if not isinstance(body, dict):
            return body
        return {code: d for code, d in body.items() if isinstance(d, dict) and key in (d.get("log_types") or [])}

    call.after = after


def _default(call: Call, name: str) -> Any:
    """A named argument, or its declared default when the caller left it out."""
    if name in call.args:
        return call.args[name]
    return next((p.default for p in call.op.params if p.name == name), None)


def _log_format(call: Call, ltype: str, fmt: str) -> Any:
    """The format string of ``ltype`` in ``fmt`` (csv/json/tsv) from GET lssConfig/logType/formats."""
    answer = call.request("GET", V2 + "/lssConfig/logType/formats", {"logType": ltype})
    formats = answer.get(ltype, answer) if isinstance(answer, dict) else {}
    if not isinstance(formats, dict) or fmt not in formats:
        raise ValueError(f"source_log_format: {fmt!r} is not a format of {ltype}; "
                         f"formats: {', '.join(formats) if isinstance(formats, dict) else 'none'}")
    return formats[fmt]


def lss_conditions(rules: Iterable[Any]) -> list[dict[str, Any]]:
    """``policy_rules`` tuples ``(object_type, values)`` -> SIEM conditions; saml/scim/scim_group take
    ``(lhs, rhs)`` pairs (entryValues), the others plain values (client types by their zpn_* names)."""
    out = []
    for operator, otype, rest in _typed(rules, "policy_rules", "each rule is"):
        if operator is None:
            out.append(otype)
            continue
        operand = ({"objectType": otype, "entryValues": _entries(rest, otype)} if otype in LSS_ENTRY_TYPES
                   else {"objectType": otype, "values": _values(rest)})
        out.append({"operator": operator, "operands": [operand]})
    return out


def lss_config(update: bool) -> Hook:
    """LSS add/update: the body is ``{config: {...}, connectorGroups: [{id}], policyRuleResource: {...}}``.

    ``source_log_type`` is mapped to its zpn_* log type; ``format`` is the format string of that log
    type (GET lssConfig/logType/formats) unless ``log_stream_content`` is given; ``filter_status_codes``
    goes to ``config.filter``; ``policy_rules`` become the SIEM policy rule (its policy set looked up).
    An update sends the id plus the arguments given; ``connectorGroups`` only when given.
    """

    def hook(call: Call) -> None:
        kw = _kwargs(call)
        config: dict[str, Any] = {"id": call.args["lss_config_id"]} if update else {}
        ltype = _default(call, "source_log_type")
        for arg, key in (("enabled", "enabled"), ("lss_host", "lssHost"), ("lss_port", "lssPort"),
                         ("name", "name")):
            value = _default(call, arg)
            if value is not None:
                config[key] = value
        content = kw.pop("log_stream_content", None)
        if content is not None:
            config["format"] = content
        elif ltype is not None and log_type(ltype) in SOURCE_LOG_MAP.values():
            config["format"] = _log_format(call, log_type(ltype), _default(call, "source_log_format") or "csv")
        if ltype is not None:
            config["sourceLogType"] = log_type(ltype)
        if _default(call, "use_tls") is not None:
            config["useTls"] = _default(call, "use_tls")
        if kw.get("filter_status_codes") is not None:
            config["filter"] = list(kw.pop("filter_status_codes"))
        policy_name = kw.pop("policy_name", None)
        rules = kw.pop("policy_rules", None)
        kw.pop("microtenant_id", None)
        config.update(convert_keys(kw))
        body: dict[str, Any] = {"config": config}
        groups = call.args.get("app_connector_group_ids")
        if groups is not None or not update:
            body["connectorGroups"] = [{"id": _plain(g).get("id") if isinstance(_plain(g), dict) else g}
                                       for g in groups or ()]
        if rules:
            psid = _policy_set_id(call, "SIEM_POLICY")
            body["policyRuleResource"] = {"policySetId": psid, "conditions": lss_conditions(rules),
                                          "name": policy_name or config.get("name") or "SIEM_POLICY"}
        call.body = body

    hook.__name__ = "lss_update" if update else "lss_add"
    return hook


# ------------------------------------------------------------------ app protection (inspection)

DEFAULT_CONTROLS_VERSION = "OWASP_CRS/3.3.0"


def _predefined_groups(call: Call, version: str) -> list[dict[str, Any]]:
    answer = call.request("GET", V1 + "/inspectionControls/predefined", {"version": version})
    return answer if isinstance(answer, list) else (answer or {}).get("list") or []


def _control(item: Any, name: str) -> dict[str, Any]:
    item = _plain(item)
    if isinstance(item, dict) and "id" in item:
        return {"id": item["id"], "action": item.get("action"), **({"actionValue": item["action_value"]}
                                                                    if "action_value" in item else {})}
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return {"id": item[0], "action": str(item[1]).upper()}
    raise ValueError(f"{name}: each control is (id, action) or {{'id': ..., 'action': ...}}; got {item!r}")


def inspection_profile(call: Call) -> None:
    """Profiles: every control of the default predefined groups of ``predefined_controls_version``
    (GET inspectionControls/predefined) is sent as ``{id, action, defaultAction}``; ``predefined_controls``
    (``(id, action)`` pairs) are added; ``action`` is the profile's ``defaultAction``."""
    kw = _kwargs(call)
    body = dict(call.body) if isinstance(call.body, dict) else {}
    version = kw.get("predefined_controls_version") or DEFAULT_CONTROLS_VERSION
    body.pop("version", None)
    body.pop("predefinedControls", None)
    controls = []
    for group in _predefined_groups(call, version):
        if group.get("defaultGroup"):
            for c in group.get("predefinedInspectionControls") or ():
                controls.append({"id": c["id"], "action": c.get("action") or c.get("defaultAction"),
                                 "defaultAction": c.get("defaultAction")})
    controls.extend(_control(c, "predefined_controls") for c in kw.get("predefined_controls") or ())
    body["predefinedControls"] = controls
    body["predefinedControlsVersion"] = version
    if kw.get("custom_controls") is not None:
        body["customControls"] = [_control(c, "custom_controls") for c in kw["custom_controls"]]
    call.body = body


def inspection_profile_full(call: Call) -> None:
    """add_profile: after the create, the full profile is read back (GET inspectionProfile/{id})."""
    inspection_profile(call)

    def full(value: Any, response: Any) -> Any:
        if isinstance(value, dict) and value.get("id"):
            return call.request("GET", f"{V1}/inspectionProfile/{quote(str(value['id']), safe='')}")
        return value

    call.after = full


def profile_control_attach(call: Call) -> None:
    """``action="attach"`` PUTs .../associateAllPredefinedControls, ``"detach"`` .../deAssociateAllPredefinedControls;
    the body is ``{"version": profile_version}`` (default OWASP_CRS/3.3.0)."""
    action = str(call.args.get("action") or "").lower()
    if action in ("detach", "deassociate", "dissociate"):
        call.path = call.path.replace("/associateAllPredefinedControls", "/deAssociateAllPredefinedControls")
    elif action not in ("attach", "associate"):
        raise ValueError(f"action: {call.args.get('action')!r} is not accepted; accepted values: attach, detach")
    call.body = {"version": _kwargs(call).get("profile_version") or DEFAULT_CONTROLS_VERSION}


def _rules(rules: Any) -> list[dict[str, Any]]:
    out = []
    for rule_ in rules or ():
        rule_ = _plain(rule_)
        if not isinstance(rule_, dict) or "type" not in rule_:
            raise ValueError(f"rules: each rule is {{'type': ..., 'names': [...], 'conditions': [(lhs, op, rhs)]}}; "
                             f"got {rule_!r}")
        one: dict[str, Any] = {"type": rule_["type"]}
        if rule_.get("names"):
            one["names"] = list(rule_["names"])
        conds = []
        for c in rule_.get("conditions") or ():
            c = _plain(c)
            if isinstance(c, dict):
                conds.append({"lhs": c.get("lhs"), "op": c.get("op"), "rhs": c.get("rhs")})
            elif isinstance(c, (tuple, list)) and len(c) == 3:
                conds.append({"lhs": c[0], "op": c[1], "rhs": c[2]})
            else:
                raise ValueError(f"rules: each condition is (lhs, op, rhs); got {c!r}")
        one["conditions"] = conds
        out.append(one)
    return out


def custom_control(call: Call) -> None:
    """Custom controls: ``rules`` reshaped to ``[{type, names?, conditions: [{lhs, op, rhs}]}]``."""
    kw = _kwargs(call)
    if "rules" in kw and isinstance(call.body, dict):
        call.body["rules"] = _rules(kw["rules"])


def fetch_merge(get_path: str, drop: tuple[str, ...] = (), defaults: dict[str, Any] | None = None) -> Hook:
    """Updates that start from the stored object (GET ``get_path``), overlay the given fields, then PUT."""

    def hook(call: Call) -> None:
        path = get_path
        for name, value in call.path_values.items():
            path = path.replace("{" + name + "}", value)
        mt = call.query.get("microtenantId")
        current = call.request("GET", path, {"microtenantId": mt} if mt else None)
        base = {k: v for k, v in (current or {}).items() if k not in drop and k not in ("modifiedTime", "modifiedBy",
                                                                                         "creationTime")}
        given = dict(call.body) if isinstance(call.body, dict) else {}
        for k in drop:
            if k in given:
                base[k] = given[k]
        base.update(given)
        for k, v in (defaults or {}).items():
            base.setdefault(k, v)
        call.body = base

    hook.__name__ = "fetch_merge"
    return hook


def custom_control_update(call: Call) -> None:
    fetch_merge(V1 + "/inspectionControls/custom/{control_id}")(call)
    custom_control(call)


# ------------------------------------------------------------------ PRA, portals

def working_hours(call: Call) -> None:
    """PRA approvals: ``working_hours`` dict -> ``workingHours`` {startTimeCron, endTimeCron, startTime, endTime,
    days, timeZone}."""
    wh = _kwargs(call).get("working_hours")
    body = call.body if isinstance(call.body, dict) else {}
    body.pop("workingHours", None)
    if wh:
        wh = convert_keys(_plain(wh))
        keys = ("startTimeCron", "endTimeCron", "startTime", "endTime", "days", "timeZone")
        unknown = sorted(set(wh) - set(keys))
        if unknown:
            raise ValueError(f"working_hours: {unknown[0]!r} is not accepted; accepted keys: start_time_cron, "
                             "end_time_cron, start_time, end_time, days, time_zone")
        body["workingHours"] = {k: wh[k] for k in keys if k in wh}
    call.body = body


def bulk_consoles(call: Call) -> None:
    """PRA consoles in bulk: a bare JSON array, each entry {name, enabled (true), praApplication {id},
    praPortals [{id}], description ('')} plus the other keyword arguments."""
    kw = _kwargs(call)
    consoles = call.args.get("consoles")
    kw.pop("microtenant_id", None)
    if not isinstance(consoles, (list, tuple)) or not consoles:
        raise ValueError("consoles: a non-empty list is required ({'name', 'pra_application_id', 'pra_portal_ids', "
                         "...} dicts)")
    out = []
    for c in consoles:
        c = dict(_plain(c))
        app = c.pop("pra_application_id", None) or c.pop("praApplicationId", None)
        portals = c.pop("pra_portal_ids", None) or c.pop("praPortalIds", None) or []
        entry = {"name": c.pop("name", None), "enabled": c.pop("enabled", True), "praApplication": {"id": app},
                 "praPortals": [{"id": p} for p in portals], "description": c.pop("description", "")}
        entry.update(convert_keys({**kw, **c}))
        out.append(entry)
    call.body = out


def bulk_portal_links(call: Call) -> None:
    """User portal links in bulk: ``{userPortalLinks: [{name, description '', enabled true, iconText '', link '',
    linkPath '', protocol ''}], userPortals: [{id}]}``."""
    links = call.args.get("portal_links")
    if not isinstance(links, (list, tuple)) or not links:
        raise ValueError("portal_links: a non-empty list of portal-link dicts is required ({'name': ..., 'link': ...})")
    kw = _kwargs(call)
    portal_ids = call.args.get("user_portal_link_ids") or kw.get("user_portal_ids") or []
    defaults = {"description": "", "enabled": True, "iconText": "", "link": "", "linkPath": "", "protocol": ""}
    call.body = {"userPortalLinks": [{"name": convert_keys(_plain(link)).get("name"),
                                      **{k: v for k, v in {**defaults, **convert_keys(_plain(link))}.items()
                                         if k != "name"}} for link in links],
                 "userPortals": [{"id": i} for i in portal_ids]}


CONTROLS_VERSIONS = ("OWASP_CRS/3.3.0", "OWASP_CRS/3.3.5", "OWASP_CRS/4.8.0")


def predefined_query(call: Call) -> None:
    """list_predef_controls: ``query_params["version"]`` is required and must be a known version (as in
    the official SDK, nothing is sent otherwise and the error is returned in the error slot);
    ``search`` applies to ``search_field``."""
    q = dict(call.args.get("query_params") or {})
    version = call.query.get("version")
    if version not in CONTROLS_VERSIONS:
        given = "missing" if version is None else f"{version!r} is not supported"
        raise ArgumentError(f"list_predef_controls: query_params['version'] is {given}; "
                         f"accepted: {', '.join(CONTROLS_VERSIONS)}")
    field = q.get("search_field")
    call.query.pop("searchField", None)
    if field and q.get("search"):
        call.query["search"] = f"{field}+EQ+{q['search']}"


# ------------------------------------------------------------------ POST searches (tags), downloads

def _search_pages(call: Call, first: Any) -> list[dict[str, Any]]:
    """Items of every page of a POST .../search answer, ``first`` being page 1, the pages asked for
    as the ``zpa_search`` paging style asks (``{"pageBy": {"page": n, "pageSize": 100}}``)."""
    style = paging.style("zpa_search")
    state, body, params = style.start(call.query), first, dict(call.query)
    items = list(style.items(first))
    path = call.path
    for name, value in call.path_values.items():
        path = path.replace("{" + name + "}", value)
    while (nxt := style.advance(state, body, style.items(body), params)) is not None:
        params = nxt
        query, page_body = style.outgoing(params)
        body = call.request("POST", path, query, page_body)
        items.extend(style.items(body))
    return items


def search_by_name(arg: str, label: str, model: str) -> Hook:
    """``get_*_by_name``: every page of the search, then the ``model`` whose name is ``arg``, compared
    case-insensitively; none is the error ``ValueError("no <label> named '<name>' was found")``, as
    the official SDK answers."""

    def hook(call: Call) -> None:
        name = call.args.get(arg)
        if not isinstance(name, str) or not name:
            raise ValueError(f"{arg}: a non-empty name is required")
        call.query, call.body = paging.style("zpa_search").prepare(call.query, None)

        def pick(value: Any, response: Any) -> Any:
            for item in _search_pages(call, response.get_body() if response is not None else None):
                if isinstance(item, dict) and str(item.get("name") or "").lower() == name.lower():
                    return call.model_class(model)(item)
            return ValueError(f"no {label} named '{name}' was found")

        call.after = pick

    hook.__name__ = "search_by_name"
    return hook


def response_as_result(call: Call) -> None:
    """The result is the response object (``get_body()``, ``get_results()``), as the official SDK
    answers ``(response, response, None)``."""
    call.after = lambda value, response: response


def save_download(prefix: str, ext: str) -> Hook:
    """Downloads: sent with ``Accept: */*``; the bytes are written to ``filename`` (default
    ``<prefix>-<local time>.<ext>``) and the name is the result, as the official SDK does."""
    save = save_to("filename", stamped(prefix, ext))

    def hook(call: Call) -> None:
        call.headers["Accept"] = "*/*"
        save(call)

    hook.__name__ = f"save_download({prefix})"
    return hook


def whole_body_default(key: str, value: Any) -> Hook:
    """Methods whose argument is the whole body: ``key`` is sent as ``value`` when the caller left it out or None."""

    def hook(call: Call) -> None:
        if isinstance(call.body, dict) and call.body.get(key) is None:
            call.body[key] = value() if callable(value) else value

    hook.__name__ = f"default_{key}"
    return hook
