"""``zpa.servers``: application servers."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint, camel_payload, top_camel


class AppServersAPI(ZPAEndpoint):
    def add_server(self, name: str, address: str, enabled: bool = False, **kwargs: Any) -> Any:
        payload = {"name": name, "address": address, "enabled": enabled}
        return self._post(self._v1("server"), json=camel_payload(payload, kwargs))

    def list_servers(self, **kwargs: Any) -> Any:
        return self._list(self._v1("server"), **kwargs)

    def get_server(self, server_id: str) -> Any:
        return self._get(self._v1(f"server/{server_id}"))

    def delete_server(self, server_id: str) -> int:
        return self._delete(self._v1(f"server/{server_id}"))

    def update_server(self, server_id: str, **kwargs: Any) -> Any:
        payload = camel_payload(top_camel(self.get_server(server_id)), kwargs)
        return self._put_then_get(self._v1(f"server/{server_id}"), payload, lambda: self.get_server(server_id))
