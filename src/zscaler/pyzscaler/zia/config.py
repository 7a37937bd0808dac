"""``zia.config``: activation status and activation."""

from __future__ import annotations

from ._common import ZIAEndpoint


class ActivationAPI(ZIAEndpoint):
    def status(self) -> str:
        return str(self._get(self._p("status")).status)

    def activate(self) -> str:
        return str(self._post(self._p("status/activate")).status)
