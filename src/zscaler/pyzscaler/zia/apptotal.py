"""``zia.apptotal``: AppTotal app information."""

from __future__ import annotations

from typing import Any

from ._common import ZIAEndpoint


class AppTotalAPI(ZIAEndpoint):
    def get_app(self, app_id: str, verbose: bool = False) -> Any:
        return self._get(self._p("apps/app"), params={"app_id": app_id, "verbose": verbose})

    def scan_app(self, app_id: str) -> Any:
        return self._post(self._p("apps/app"), json={"appId": app_id})
