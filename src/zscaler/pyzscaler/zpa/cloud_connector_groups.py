"""``zpa.cloud_connector_groups``."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint


class CloudConnectorGroupsAPI(ZPAEndpoint):
    def list_groups(self, **kwargs: Any) -> Any:
        return self._list(self._v1("cloudConnectorGroup"), **kwargs)

    def get_group(self, group_id: str) -> Any:
        return self._get(self._v1(f"cloudConnectorGroup/{group_id}"))
