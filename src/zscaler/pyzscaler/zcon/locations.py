"""``zcon.locations``: locations and location templates."""

from __future__ import annotations

from typing import Any

from ..utils import convert_keys
from ._common import ZCONEndpoint, given


def _desc(kwargs: dict[str, Any]) -> dict[str, Any]:
    """``description`` is the API's ``desc``."""
    if "description" in kwargs:
        kwargs["desc"] = kwargs.pop("description")
    return kwargs


class ZCONLocationsAPI(ZCONEndpoint):
    def list_locations(self, **kwargs: Any) -> Any:
        return self._get(self._p("location"))

    def get_location(self, location_id: str) -> Any:
        """One location (``GET /location/{id}``; pyZscaler 1.6.0 asked ``adminRoles/{id}`` by mistake)."""
        return self._get(self._p(f"location/{location_id}"))

    def list_location_templates(self, **kwargs: Any) -> Any:
        return self._get(self._p("locationTemplate"), params=kwargs)

    def get_location_template(self, template_id: str) -> Any:
        return self._get(self._p(f"locationTemplate/{template_id}"))

    def add_location_template(self, name: str, template: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        payload = {"name": name, "template": template if template is not None else {}, **given(_desc(kwargs))}
        return self._post(self._p("locationTemplate"), json=convert_keys(payload))

    def update_location_template(self, template_id: str, **kwargs: Any) -> Any:
        """Read-modify-write: the template read back and the keywords, both camelCased (pyZscaler 1.6.0 sent
        the record's keys in snake_case)."""
        payload = convert_keys({**self.get_location_template(template_id), **_desc(kwargs)})
        return self._put(self._p(f"locationTemplate/{template_id}"), json=payload)

    def delete_location_template(self, template_id: str) -> int:
        return self._status("DELETE", f"locationTemplate/{template_id}")
