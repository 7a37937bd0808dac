"""``zia.locations``: locations, sub-locations and geography lookups."""

from __future__ import annotations

from typing import Any

from ._common import ZIAEndpoint, camel_payload, camel_record


class LocationsAPI(ZIAEndpoint):
    def list_locations(self, **kwargs: Any) -> Any:
        return self._list(self._p("locations"), **kwargs)

    def add_location(self, name: str, **kwargs: Any) -> Any:
        return self._post(self._p("locations"), json=camel_payload({"name": name}, kwargs))

    def get_location(self, location_id: str | None = None, location_name: str | None = None) -> Any:
        """One location by id, or by exact name (None when no location has that name)."""
        if location_id and location_name:
            raise ValueError("get_location: give location_id or location_name, not both")
        if location_name:
            return next((r for r in self.list_locations(search=location_name) if r.name == location_name), None)
        return self._get(self._p(f"locations/{location_id}"))

    def list_sub_locations(self, location_id: str, **kwargs: Any) -> Any:
        kwargs.setdefault("max_pages", 1)
        return self._list(self._p(f"locations/{location_id}/sublocations"), **kwargs)

    def list_locations_lite(self, **kwargs: Any) -> Any:
        return self._list(self._p("locations/lite"), **kwargs)

    def update_location(self, location_id: str, **kwargs: Any) -> Any:
        """Read-modify-write; ``displayTimeUnit`` defaults to MINUTE when the record has none."""
        payload = camel_payload(camel_record(self.get_location(location_id)), kwargs)
        if not payload.get("displayTimeUnit"):
            payload["displayTimeUnit"] = "MINUTE"
        return self._put(self._p(f"locations/{location_id}"), json=payload)

    def delete_location(self, location_id: str) -> int:
        return self._status("DELETE", f"locations/{location_id}")

    def get_geo_by_coordinates(self, latitude: int, longitude: int) -> Any:
        return self._get(self._p("region/byGeoCoordinates"), params={"latitude": latitude, "longitude": longitude})

    def get_geo_by_ip(self, ip: str) -> Any:
        return self._get(self._p(f"region/byIPAddress/{ip}"))

    def list_cities_by_name(self, **kwargs: Any) -> Any:
        return self._list(self._p("region/search"), **kwargs)
