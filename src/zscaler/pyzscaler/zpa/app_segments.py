"""``zpa.app_segments``: application segments."""

from __future__ import annotations

from typing import Any

from ..utils import add_id_groups, convert_keys
from ._common import ZPAEndpoint, camel_payload


class AppSegmentsAPI(ZPAEndpoint):
    reformat_params = [("clientless_app_ids", "clientlessApps"), ("server_group_ids", "serverGroups")]

    def list_segments(self, **kwargs: Any) -> Any:
        return self._list(self._v1("application"), **kwargs)

    def get_segment(self, segment_id: str) -> Any:
        return self._get(self._v1(f"application/{segment_id}"))

    def delete_segment(self, segment_id: str, force_delete: bool = False) -> int:
        return self._delete(self._v1(f"application/{segment_id}"), params={"forceDelete": force_delete})

    def add_segment(self, name: str, domain_names: list[str], segment_group_id: str, server_group_ids: list[str],
                    tcp_ports: Any = None, udp_ports: Any = None, **kwargs: Any) -> Any:
        payload: dict[str, Any] = {
            "name": name, "domainNames": domain_names, "tcpPortRanges": tcp_ports, "udpPortRanges": udp_ports,
            "segmentGroupId": segment_group_id, "serverGroups": [{"id": i} for i in server_group_ids]}
        add_id_groups(self.reformat_params, kwargs, payload)
        return self._post(self._v1("application"), json=camel_payload(payload, kwargs))

    def update_segment(self, segment_id: str, **kwargs: Any) -> Any:
        """Read-modify-write; ``tcp_ports``/``udp_ports`` as ``[(from, to), ...]`` become ``*PortRange``."""
        payload = convert_keys(self.get_segment(segment_id))
        for arg, key in (("tcp_ports", "tcpPortRange"), ("udp_ports", "udpPortRange")):
            if kwargs.get(arg):
                payload[key] = [{"from": p[0], "to": p[1]} for p in kwargs.pop(arg)]
        add_id_groups(self.reformat_params, kwargs, payload)
        camel_payload(payload, kwargs)
        return self._put_then_get(self._v1(f"application/{segment_id}"), payload,
                                  lambda: self.get_segment(segment_id))
