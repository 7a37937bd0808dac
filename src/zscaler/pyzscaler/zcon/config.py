"""``zcon.config``: activation."""

from __future__ import annotations

from typing import Any

from ._common import ZCONEndpoint


class ZCONConfigAPI(ZCONEndpoint):
    def activate(self, force: bool = False) -> Any:
        """Activate the staged configuration (``force=True``: forced activation). Sent as ``PUT``, as the API
        and the official SDK do (pyZscaler 1.6.0 sent ``POST``)."""
        return self._put(self._p("ecAdminActivateStatus/forcedActivate" if force else "ecAdminActivateStatus/activate"))

    def get_status(self) -> Any:
        return self._get(self._p("ecAdminActivateStatus"))
