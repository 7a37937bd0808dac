"""``zpa.service_edges``: Service Edges and their groups."""

from __future__ import annotations

from typing import Any

from ..utils import add_id_groups, pick_version_profile
from ._common import ZPAEndpoint, camel_payload, top_camel


class ServiceEdgesAPI(ZPAEndpoint):
    reformat_params = [("service_edge_ids", "serviceEdges"), ("trusted_network_ids", "trustedNetworks")]

    def list_service_edges(self, **kwargs: Any) -> Any:
        return self._list(self._v1("serviceEdge"), **kwargs)

    def get_service_edge(self, service_edge_id: str) -> Any:
        return self._get(self._v1(f"serviceEdge/{service_edge_id}"))

    def update_service_edge(self, service_edge_id: str, **kwargs: Any) -> Any:
        payload = camel_payload(top_camel(self.get_service_edge(service_edge_id)), kwargs)
        return self._put_then_get(self._v1(f"serviceEdge/{service_edge_id}"), payload,
                                  lambda: self.get_service_edge(service_edge_id))

    def delete_service_edge(self, service_edge_id: str) -> int:
        return self._delete(self._v1(f"serviceEdge/{service_edge_id}"))

    def bulk_delete_service_edges(self, service_edge_ids: list[str]) -> int:
        return self._send("POST", self._v1("serviceEdge/bulkDelete"), json={"ids": service_edge_ids}).status_code

    def list_service_edge_groups(self, **kwargs: Any) -> Any:
        return self._list(self._v1("serviceEdgeGroup"), **kwargs)

    def get_service_edge_group(self, group_id: str) -> Any:
        return self._get(self._v1(f"serviceEdgeGroup/{group_id}"))

    def add_service_edge_group(self, name: str, latitude: str, longitude: str, location: str, **kwargs: Any) -> Any:
        """A new group; ``service_edge_ids``/``trusted_network_ids`` lists, ``version_profile`` by name."""
        payload: dict[str, Any] = {"name": name, "latitude": latitude, "longitude": longitude, "location": location}
        add_id_groups(self.reformat_params, kwargs, payload)
        pick_version_profile(kwargs, payload)
        return self._post(self._v1("serviceEdgeGroup"), json=camel_payload(payload, kwargs))

    def update_service_edge_group(self, group_id: str, **kwargs: Any) -> Any:
        payload = top_camel(self.get_service_edge_group(group_id))
        add_id_groups(self.reformat_params, kwargs, payload)
        pick_version_profile(kwargs, payload)
        camel_payload(payload, kwargs)
        return self._put_then_get(self._v1(f"serviceEdgeGroup/{group_id}"), payload,
                                  lambda: self.get_service_edge_group(group_id))

    def delete_service_edge_group(self, service_edge_group_id: str) -> int:
        return self._delete(self._v1(f"serviceEdgeGroup/{service_edge_group_id}"))
