"""ZCC (Client Connector) hooks: what the catalog conventions cannot express.

Each function is ``hook(call)`` (see :class:`zscaler.catalog.call.Call`) named by an ``op(..., hook=...)``
record in :mod:`zscaler.catalog.zcc`.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Mapping, cast

from ..model import convert_keys, to_wire
from .call import Call
from .hooks import chain, save_to, stamped

#: Operating systems and registration states as the ZCC API numbers them.
OS_TYPES = {"ios": 1, "android": 2, "windows": 3, "macos": 4, "linux": 5}
REGISTRATION_TYPES = {"all": 0, "registered": 1, "removal_pending": 3, "unregistered": 4, "removed": 5,
                      "quarantined": 6}

# wire key after the case rules -> (wire key sent, table, argument name for messages)
_CODED = {
    "osType": ("osType", OS_TYPES, "os_type"),
    "osTypes": ("osTypes", OS_TYPES, "os_types"),
    "deviceType": ("deviceType", OS_TYPES, "device_type"),
    "device_type": ("deviceType", OS_TYPES, "device_type"),  # kept snake by the ZCC body rule
    "registrationType": ("registrationType", REGISTRATION_TYPES, "registration_type"),
    "registrationTypes": ("registrationTypes", REGISTRATION_TYPES, "registration_types"),
}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _code(value: Any, table: Mapping[str, int], name: str) -> str:
    if isinstance(value, bool):
        raise ValueError(f"{name}: {value!r} is not accepted; accepted values: {', '.join(table)}")
    if isinstance(value, int) and value in table.values():
        return str(value)
    text = str(value).strip()
    if text.isdigit() and int(text) in table.values():
        return text
    key = text.lower().replace(" ", "_")
    if key in table:
        return str(table[key])
    raise ValueError(f"{name}: {value!r} is not accepted; accepted values: {', '.join(table)}")


def _codes(value: Any, table: Mapping[str, int], name: str) -> str:
    if isinstance(value, str) and "," in value:
        value = [v for v in value.split(",") if v.strip()]
    if isinstance(value, (list, tuple, set)):
        return ",".join(_code(v, table, name) for v in value)
    return _code(value, table, name)


def _map_params(target: dict[str, Any]) -> None:
    for key in [k for k in target if k in _CODED]:
        wire, table, name = _CODED[key]
        value = target.pop(key)
        target[wire] = value if value is None else _codes(value, table, name)
    for key, name in (("startDate", "start_date"), ("endDate", "end_date")):
        value = target.get(key)
        if value is not None and not (isinstance(value, str) and _DATE.match(value)):
            raise ValueError(f"{name}: {value!r} is not a date; use 'YYYY-MM-DD' (optionally followed by a time)")
    if "timeZone" in target:
        target["Time-Zone"] = target.pop("timeZone")


def zcc_params(call: Call) -> None:
    """OS, device and registration type names become the API's numeric codes (``os_type='windows'``
    -> ``osType=3``; plural forms are comma-joined), dates are checked and ``time_zone`` is sent as
    ``Time-Zone``. Applies to the query and, for methods that send one, the body."""
    _map_params(call.query)
    if isinstance(call.body, dict):
        _map_params(call.body)


def policy_id_in_body(call: Call) -> None:
    """Application profile updates repeat the path id in the body as ``policyId`` (an integer)."""
    pid = call.args.get("profile_id")
    if isinstance(call.body, dict) and pid not in (None, ""):
        call.body["policyId"] = int(pid) if str(pid).isdigit() else pid


def camel_body(call: Call) -> None:
    """Methods whose body follows the generic camelCase rule, without the ZCC snake_case exceptions."""
    call.body = convert_keys(dict(call.args.get("kwargs") or {}), "camel")


def time_zone_header(call: Call) -> None:
    """``Time-Zone`` travels as an HTTP header, not a query key."""
    tz = call.query.pop("Time-Zone", None)
    if tz not in (None, ""):
        call.headers["Time-Zone"] = str(tz)


def downloads(prefix: str, *extra: Callable[[Any], None]) -> Callable[[Any], None]:
    """CSV downloads: written to ``filename`` (default ``<prefix>-<local time>.csv``), the name is the result."""
    return cast("Callable[[Any], None]", chain(zcc_params, *extra, save_to("filename", stamped(prefix, "csv"))))



def device_id_as_udid(call: Call) -> None:
    """``get_otp(query_params={"device_id": ...})``: the device id is sent as ``udid``."""
    if "deviceId" in call.query:
        value = call.query.pop("deviceId")
        call.query.setdefault("udid", value)


# ------------------------------------------------------------------ model-driven keys (web policy, forwarding profile)

_PASSWORDS = {"disable_password": "disablePassword", "logout_password": "logoutPassword",
              "uninstall_password": "uninstallPassword"}
_TIMEOUTS = {"dtls_timeout": "DTLSTimeout", "tls_timeout": "TLSTimeout",
             "latency_based_server_mt_enablement": "latencyBasedServerMTEnablement"}
#: wire keys the API's models declare where the case rules say otherwise: {"keys": {...}, nested wire key: spec}
WEB_POLICY_KEYS: dict[str, Any] = {
    "iosPolicy": {"keys": _PASSWORDS},
    "macPolicy": {"keys": _PASSWORDS},
    "linuxPolicy": {"keys": {**_PASSWORDS, "install_ssl_certs": "installCerts"}},
    "policyExtension": {"keys": {"exit_password": "exitPassword",
                                 "truncate_large_udpdns_response": "truncateLargeUDPDNSResponse",
                                 "purge_kerberos_preferred_dc_cache": "purgeKerberosPreferredDCCache"}},
    "disasterRecovery": {"keys": {"enable_zia_dr": "enableZiaDR"}},
}
FORWARDING_PROFILE_KEYS: dict[str, Any] = {
    "keys": {"enable_lwf_driver": "enableLWFDriver", "enable_split_vpn_tn": "enableSplitVpnTN",
             "enable_all_default_adapters_tn": "enableAllDefaultAdaptersTN"},
    "forwardingProfileActions": {
        "keys": {**_TIMEOUTS, "udp_timeout": "UDPTimeout", "allow_tls_fallback": "allowTLSFallback"},
        "systemProxyData": {"keys": {"bypass_proxy_for_private_ip": "bypassProxyForPrivateIP",
                                     "enable_pac": "enablePAC",
                                     "pac_url": "pacURL", "perform_gp_update": "performGPUpdate"}},
    },
    "forwardingProfileZpaActions": {"keys": _TIMEOUTS},
    "unifiedTunnel": {"keys": {**_TIMEOUTS, "allow_tls_fallback": "allowTLSFallback",
                               "action_type_zia": "actionTypeZIA",
                               "action_type_zpa": "actionTypeZPA"}},
}


def _remodel(value: Any, spec: Mapping[str, Any]) -> Any:
    if isinstance(value, list):
        return [_remodel(v, spec) for v in value]
    if not isinstance(value, dict):
        return value
    renames: dict[str, str] = {}
    for snake, wire in (spec.get("keys") or {}).items():
        for spelled in (snake, to_wire(snake)):
            if spelled != wire:
                renames[spelled] = wire
    out: dict[str, Any] = {}
    for k, v in value.items():
        key: str = renames[k] if k in renames else k
        out[key] = _remodel(v, spec[key]) if key in spec and key != "keys" else v
    return out


def model_keys(spec: Mapping[str, Any]) -> Callable[[Any], None]:
    """Bodies built by the API's model field map: nested blocks use the model's own wire keys
    (``linux_policy={"install_ssl_certs": ...}`` is sent as ``linuxPolicy.installCerts``)."""

    def hook(call: Call) -> None:
        if isinstance(call.body, dict):
            call.body = _remodel(call.body, spec)

    hook.__name__ = "model_keys"
    return hook
