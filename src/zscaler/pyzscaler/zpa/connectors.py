"""``zpa.connectors``: App Connectors and App Connector groups."""

from __future__ import annotations

from typing import Any

from ..utils import add_id_groups, pick_version_profile
from ._common import ZPAEndpoint, camel_payload, top_camel


class ConnectorsAPI(ZPAEndpoint):
    reformat_params = [("connector_ids", "connectors"), ("server_group_ids", "serverGroups")]

    def list_connectors(self, **kwargs: Any) -> Any:
        return self._list(self._v1("connector"), **kwargs)

    def get_connector(self, connector_id: str) -> Any:
        return self._get(self._v1(f"connector/{connector_id}"))

    def update_connector(self, connector_id: str, **kwargs: Any) -> Any:
        payload = top_camel(self.get_connector(connector_id))
        add_id_groups(self.reformat_params, kwargs, payload)
        camel_payload(payload, kwargs)
        return self._put_then_get(self._v1(f"connector/{connector_id}"), payload,
                                  lambda: self.get_connector(connector_id))

    def delete_connector(self, connector_id: str) -> int:
        return self._delete(self._v1(f"connector/{connector_id}"))

    def bulk_delete_connectors(self, connector_ids: list[str]) -> int:
        return self._send("POST", self._v1("connector/bulkDelete"), json={"ids": connector_ids}).status_code

    def list_connector_groups(self, **kwargs: Any) -> Any:
        return self._list(self._v1("appConnectorGroup"), **kwargs)

    def get_connector_group(self, group_id: str) -> Any:
        return self._get(self._v1(f"appConnectorGroup/{group_id}"))

    def add_connector_group(self, name: str, latitude: int, location: str, longitude: int, **kwargs: Any) -> Any:
        """A new group; ``connector_ids``/``server_group_ids`` lists, ``version_profile`` by name."""
        payload: dict[str, Any] = {"name": name, "latitude": latitude, "location": location, "longitude": longitude}
        add_id_groups(self.reformat_params, kwargs, payload)
        pick_version_profile(kwargs, payload)
        return self._post(self._v1("appConnectorGroup"), json=camel_payload(payload, kwargs))

    def update_connector_group(self, group_id: str, **kwargs: Any) -> Any:
        payload = top_camel(self.get_connector_group(group_id))
        add_id_groups(self.reformat_params, kwargs, payload)
        pick_version_profile(kwargs, payload)
        camel_payload(payload, kwargs)
        return self._put_then_get(self._v1(f"appConnectorGroup/{group_id}"), payload,
                                  lambda: self.get_connector_group(group_id))

    def delete_connector_group(self, group_id: str) -> int:
        return self._delete(self._v1(f"appConnectorGroup/{group_id}"))
