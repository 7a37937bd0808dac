"""``zpa.machine_groups``."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint


class MachineGroupsAPI(ZPAEndpoint):
    def list_groups(self, **kwargs: Any) -> Any:
        return self._list(self._v1("machineGroup"), **kwargs)

    def get_group(self, group_id: str) -> Any:
        return self._get(self._v1(f"machineGroup/{group_id}"))
