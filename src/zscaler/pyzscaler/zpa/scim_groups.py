"""``zpa.scim_groups``."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint


class SCIMGroupsAPI(ZPAEndpoint):
    def list_groups(self, idp_id: str, **kwargs: Any) -> Any:
        return self._list(self._user(f"scimgroup/idpId/{idp_id}"), **kwargs)

    def get_group(self, group_id: str, **kwargs: Any) -> Any:
        """One SCIM group (keywords are accepted, as in pyZscaler, and not sent)."""
        return self._get(self._user(f"scimgroup/{group_id}"))
