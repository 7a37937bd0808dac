"""``zpa.trusted_networks``."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint


class TrustedNetworksAPI(ZPAEndpoint):
    def list_networks(self, **kwargs: Any) -> Any:
        return self._list(self._v2("network"), **kwargs)

    def get_network(self, network_id: str) -> Any:
        return self._get(self._v1(f"network/{network_id}"))
