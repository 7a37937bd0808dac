"""``zdx.admin``: departments, locations and geolocations."""

from __future__ import annotations

from typing import Any

from ..utils import zdx_params
from ._common import ZDXEndpoint


class AdminAPI(ZDXEndpoint):
    @zdx_params
    def list_departments(self, **kwargs: Any) -> Any:
        return self._get(self._p("administration/departments"), params=kwargs)

    @zdx_params
    def list_locations(self, **kwargs: Any) -> Any:
        return self._get(self._p("administration/locations"), params=kwargs)

    @zdx_params
    def list_geolocations(self, **kwargs: Any) -> Any:
        return self._get(self._p("active_geo"), params=kwargs)
