"""``zcon.connectors``: connector groups and their VMs."""

from __future__ import annotations

from typing import Any

from ..box import Box, BoxList
from ..utils import convert_keys
from ._common import ZCONEndpoint


def _snake(body: Any) -> Any:
    """Keys by pyZscaler's ``camel_to_snake`` (``ecVMs`` -> ``ec_vms``), boxed without python-box's own rule."""
    data = convert_keys(body, "to_snake")
    return BoxList(data) if isinstance(data, list) else Box(data) if isinstance(data, dict) else data


class ZCONConnectorsAPI(ZCONEndpoint):
    def list_groups(self, **kwargs: Any) -> Any:
        return _snake(self._send("GET", self._p("ecgroup"), params=kwargs).json())

    def get_group(self, group_id: str) -> Any:
        return _snake(self._send("GET", self._p(f"ecgroup/{group_id}")).json())

    def get_vm(self, group_id: str, vm_id: str) -> Any:
        return self._get(self._p(f"ecgroup/{group_id}/vm/{vm_id}"))

    def delete_vm(self, group_id: str, vm_id: str) -> int:
        return self._status("DELETE", f"ecgroup/{group_id}/vm/{vm_id}")
