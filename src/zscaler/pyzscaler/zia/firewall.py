"""``zia.firewall``: firewall filtering rules, IP groups, network applications and services."""

from __future__ import annotations

from typing import Any, Sequence

from ._common import ZIAEndpoint, camel_payload, camel_record

#: rule keywords given as id lists and sent as ``[{"id": ..}]``
RULE_ID_LISTS = ("app_services", "app_service_groups", "departments", "dest_ip_groups", "groups", "labels",
                 "locations", "location_groups", "nw_application_groups", "nw_services", "nw_service_groups",
                 "time_windows", "users")


def _ports(payload: dict[str, Any], ports: Sequence[Sequence[Any]], *, replace: bool) -> None:
    """``ports=[("src"|"dest", "tcp"|"udp", start[, end]), ...]`` -> ``srcTcpPorts: [{"start"}, {"end"}]``."""
    for entry in ports:
        key = f"{entry[0]}{str(entry[1]).title()}Ports"
        rng: list[dict[str, Any]] = [{"start": entry[2]}] + ([{"end": entry[3]}] if len(entry) == 4 else [])
        if replace:
            payload[key] = rng
        else:
            payload.setdefault(key, []).extend(rng)


class FirewallPolicyAPI(ZIAEndpoint):
    # -- rules
    def list_rules(self) -> Any:
        return self._get(self._p("firewallFilteringRules"))

    def add_rule(self, name: str, action: str, **kwargs: Any) -> Any:
        """A new rule; ``order`` defaults to the end of the list."""
        order = kwargs.pop("order") if "order" in kwargs else len(self.list_rules())
        payload = camel_payload({"name": name, "action": action, "order": order}, kwargs, RULE_ID_LISTS)
        return self._post(self._p("firewallFilteringRules"), json=payload)

    def get_rule(self, rule_id: str) -> Any:
        return self._get(self._p(f"firewallFilteringRules/{rule_id}"))

    def update_rule(self, rule_id: str, **kwargs: Any) -> Any:
        payload = camel_payload(camel_record(self.get_rule(rule_id)), kwargs, RULE_ID_LISTS)
        return self._put(self._p(f"firewallFilteringRules/{rule_id}"), json=payload)

    def delete_rule(self, rule_id: str) -> int:
        return self._status("DELETE", f"firewallFilteringRules/{rule_id}")

    # -- IP destination groups
    def list_ip_destination_groups(self, exclude_type: str | None = None) -> Any:
        return self._get(self._p("ipDestinationGroups"), params={"excludeType": exclude_type})

    def get_ip_destination_group(self, group_id: str) -> Any:
        return self._get(self._p(f"ipDestinationGroups/{group_id}"))

    def delete_ip_destination_group(self, group_id: str) -> int:
        return self._status("DELETE", f"ipDestinationGroups/{group_id}")

    def add_ip_destination_group(self, name: str, **kwargs: Any) -> Any:
        return self._post(self._p("ipDestinationGroups"), json=camel_payload({"name": name}, kwargs))

    def update_ip_destination_group(self, group_id: str, **kwargs: Any) -> Any:
        payload = camel_payload(camel_record(self.get_ip_destination_group(group_id)), kwargs)
        return self._put(self._p(f"ipDestinationGroups/{group_id}"), json=payload)

    # -- IP source groups
    def list_ip_source_groups(self, search: str | None = None) -> Any:
        return self._get(self._p("ipSourceGroups"), params={"search": search})

    def get_ip_source_group(self, group_id: str) -> Any:
        return self._get(self._p(f"ipSourceGroups/{group_id}"))

    def delete_ip_source_group(self, group_id: str) -> int:
        return self._status("DELETE", f"ipSourceGroups/{group_id}")

    def add_ip_source_group(self, name: str, ip_addresses: list[str], description: str | None = None) -> Any:
        payload = {"name": name, "ipAddresses": ip_addresses, "description": description}
        return self._post(self._p("ipSourceGroups"), json=payload)

    def update_ip_source_group(self, group_id: str, **kwargs: Any) -> Any:
        payload = camel_payload(camel_record(self.get_ip_source_group(group_id)), kwargs)
        return self._put(self._p(f"ipSourceGroups/{group_id}"), json=payload)

    # -- network applications
    def list_network_app_groups(self, search: str | None = None) -> Any:
        return self._get(self._p("networkApplicationGroups"), params={"search": search})

    def get_network_app_group(self, group_id: str) -> Any:
        return self._get(self._p(f"networkApplicationGroups/{group_id}"))

    def list_network_apps(self, search: str | None = None) -> Any:
        return self._get(self._p("networkApplications"), params={"search": search})

    def get_network_app(self, app_id: str) -> Any:
        return self._get(self._p(f"networkApplications/{app_id}"))

    # -- network services and their groups
    def list_network_svc_groups(self, search: str | None = None) -> Any:
        return self._get(self._p("networkServiceGroups"), params={"search": search})

    def get_network_svc_group(self, group_id: str) -> Any:
        return self._get(self._p(f"networkServiceGroups/{group_id}"))

    def delete_network_svc_group(self, group_id: str) -> int:
        return self._status("DELETE", f"networkServiceGroups/{group_id}")

    def add_network_svc_group(self, name: str, service_ids: list[Any], description: str | None = None) -> Any:
        payload = {"name": name, "services": [{"id": i} for i in service_ids], "description": description}
        return self._post(self._p("networkServiceGroups"), json=payload)

    def list_network_services(self, search: str | None = None, protocol: str | None = None) -> Any:
        return self._get(self._p("networkServices"), params={"search": search, "protocol": protocol})

    def get_network_service(self, service_id: str) -> Any:
        return self._get(self._p(f"networkServices/{service_id}"))

    def delete_network_service(self, service_id: str) -> int:
        return self._status("DELETE", f"networkServices/{service_id}")

    def add_network_service(self, name: str, ports: list[Any] | None = None, **kwargs: Any) -> Any:
        payload: dict[str, Any] = {"name": name}
        _ports(payload, ports or [], replace=False)
        return self._post(self._p("networkServices"), json=camel_payload(payload, kwargs))

    def update_network_service(self, service_id: str, ports: list[Any] | None = None, **kwargs: Any) -> Any:
        payload = camel_record(self.get_network_service(service_id))
        _ports(payload, ports or [], replace=True)
        return self._put(self._p(f"networkServices/{service_id}"), json=camel_payload(payload, kwargs))
