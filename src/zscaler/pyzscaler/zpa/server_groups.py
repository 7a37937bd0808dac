"""``zpa.server_groups``."""

from __future__ import annotations

from typing import Any

from ..utils import add_id_groups
from ._common import ZPAEndpoint, camel_payload, id_list, top_camel


class ServerGroupsAPI(ZPAEndpoint):
    reformat_params = [("application_ids", "applications"), ("server_ids", "servers"),
                       ("app_connector_group_ids", "appConnectorGroups")]

    def list_groups(self, **kwargs: Any) -> Any:
        return self._list(self._v1("serverGroup"), **kwargs)

    def get_group(self, group_id: str) -> Any:
        return self._get(self._v1(f"serverGroup/{group_id}"))

    def delete_group(self, group_id: str) -> int:
        return self._delete(self._v1(f"serverGroup/{group_id}"))

    def add_group(self, app_connector_group_ids: list[str], name: str, **kwargs: Any) -> Any:
        payload: dict[str, Any] = {"name": name, "appConnectorGroups": id_list(app_connector_group_ids)}
        add_id_groups(self.reformat_params, kwargs, payload)
        return self._post(self._v1("serverGroup"), json=camel_payload(payload, kwargs))

    def update_group(self, group_id: str, **kwargs: Any) -> Any:
        payload = top_camel(self.get_group(group_id))
        add_id_groups(self.reformat_params, kwargs, payload)
        camel_payload(payload, kwargs)
        return self._put_then_get(self._v1(f"serverGroup/{group_id}"), payload, lambda: self.get_group(group_id))
