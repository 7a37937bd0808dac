"""``zpa.idp``: identity providers."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint


class IDPControllerAPI(ZPAEndpoint):
    def list_idps(self, **kwargs: Any) -> Any:
        return self._list(self._v2("idp"), **kwargs)

    def get_idp(self, idp_id: str) -> Any:
        return self._get(self._v1(f"idp/{idp_id}"))
