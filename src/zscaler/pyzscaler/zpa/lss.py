"""``zpa.lss``: Log Streaming Service configurations."""

from __future__ import annotations

from typing import Any

from ..box import Box
from ..utils import convert_keys, keys_exists
from ._common import ZPAEndpoint, camel_payload, id_list

LSS_ADMIN = "/zpa/mgmtconfig/v2/admin/lssConfig"
STATUS_LOG_TYPES = ("user_activity", "user_status", "private_svc_edge_status", "app_connector_status")
CONFIG_KEYS = ("name", "lss_host", "lss_port", "enabled", "use_tls")


class LSSConfigControllerAPI(ZPAEndpoint):
    source_log_map = {
        "app_connector_metrics": "zpn_ast_comprehensive_stats",
        "app_connector_status": "zpn_ast_auth_log",
        "audit_logs": "zpn_audit_log",
        "browser_access": "zpn_http_trans_log",
        "private_svc_edge_status": "zpn_sys_auth_log",
        "user_activity": "zpn_trans_log",
        "user_status": "zpn_auth_log",
        "web_inspection": "zpn_waf_http_exchanges_log",
    }

    def _log_type(self, name: str) -> str:
        try:
            return self.source_log_map[name]
        except KeyError:
            raise ValueError(f"source_log_type: '{name}' is not one of {', '.join(self.source_log_map)}") from None

    def _create_policy(self, conditions: list[Any]) -> list[dict[str, Any]]:
        """``[("saml", [(attr_id, value), ...]), ("client_type", ["web_browser", ...]), (object_type, [ids])]``."""
        template: list[dict[str, Any]] = []
        for condition in conditions:
            if isinstance(condition, tuple) and len(condition) == 2 and condition[0] == "saml":
                entries = [{"lhs": item[0], "rhs": item[1]} for item in condition[1]]
                operand: dict[str, Any] = {"objectType": "SAML", "entryValues": entries}
            elif condition[0] == "client_type":
                types = self.get_client_types()
                operand = {"objectType": "CLIENT_TYPE", "values": [types[item] for item in condition[1]]}
            else:
                operand = {"objectType": str(condition[0]).upper(), "values": condition[1]}
            template.append({"operands": [operand]})
        return template

    def get_client_types(self) -> Any:
        """``{"web_browser": "zpn_client_type_exporter", ...}``: readable names to the API's client types."""
        resp = self._get(f"{LSS_ADMIN}/clientTypes")
        return Box({v.lower().replace(" ", "_"): k for k, v in resp.items()})

    def list_configs(self, **kwargs: Any) -> Any:
        return self._list(self._v2("lssConfig"), **kwargs)

    def get_config(self, lss_id: str) -> Any:
        return self._get(self._v2(f"lssConfig/{lss_id}"))

    def get_log_formats(self) -> Any:
        return self._get(f"{LSS_ADMIN}/logType/formats")

    def get_status_codes(self, log_type: str = "all") -> Any:
        if log_type == "all":
            return self._get(f"{LSS_ADMIN}/statusCodes")
        if log_type in STATUS_LOG_TYPES:
            return self._get(f"{LSS_ADMIN}/statusCodes")[self.source_log_map[log_type]]
        raise ValueError(f"Incorrect log_type provided: '{log_type}'; use 'all' or one of {', '.join(STATUS_LOG_TYPES)}")

    def add_lss_config(self, lss_host: str, lss_port: str, name: str, source_log_type: str,
                       app_connector_group_ids: list[str] | None = None, enabled: bool = True,
                       source_log_format: str = "csv", use_tls: bool = False, **kwargs: Any) -> Any:
        log_type = self._log_type(source_log_type)
        content = kwargs.pop("log_stream_content", None) or self.get_log_formats()[log_type][source_log_format]
        payload: dict[str, Any] = {
            "config": {"enabled": enabled, "lssHost": lss_host, "lssPort": lss_port, "name": name, "format": content,
                       "sourceLogType": log_type, "useTls": use_tls},
            "connectorGroups": id_list(app_connector_group_ids or [])}
        if kwargs.get("policy_rules"):
            payload["policyRuleResource"] = {"conditions": self._create_policy(kwargs.pop("policy_rules")),
                                             "name": kwargs.get("policy_name", "placeholder")}
        if kwargs.get("filter_status_codes"):
            payload["config"]["filter"] = kwargs.pop("filter_status_codes")
        return self._post(self._v2("lssConfig"), json=camel_payload(payload, kwargs))

    def _merge_config(self, payload: dict[str, Any], kwargs: dict[str, Any]) -> None:
        if kwargs.get("log_stream_content"):
            payload["config"]["format"] = kwargs.pop("log_stream_content")
        elif kwargs.get("source_log_type"):
            log_type = self._log_type(kwargs.pop("source_log_type"))
            payload["config"]["sourceLogType"] = log_type
            payload["config"]["format"] = self.get_log_formats()[log_type][kwargs.pop("source_log_format", "csv")]
        for key in list(kwargs):
            if key in CONFIG_KEYS:
                camel_payload(payload["config"], {key: kwargs.pop(key)})
            elif key == "filter_status_codes":
                payload["config"]["filter"] = kwargs.pop(key)

    def update_lss_config(self, lss_config_id: str, **kwargs: Any) -> Any:
        """Read-modify-write: config fields (``name``, ``lss_host`` ...), ``source_log_type``, ``policy_rules``."""
        payload = convert_keys(self.get_config(lss_config_id))
        self._merge_config(payload, kwargs)
        if kwargs.get("policy_rules"):
            current = payload["policyRuleResource"]["name"] if keys_exists(payload, "policyRuleResource", "name") \
                else "placeholder"
            payload["policyRuleResource"] = {"conditions": self._create_policy(kwargs.pop("policy_rules")),
                                             "name": kwargs.pop("policy_name", current)}
        camel_payload(payload, kwargs)
        return self._put_then_get(self._v2(f"lssConfig/{lss_config_id}"), payload,
                                  lambda: self.get_config(lss_config_id))

    def delete_lss_config(self, lss_id: str) -> int:
        return self._delete(self._v2(f"lssConfig/{lss_id}"))
