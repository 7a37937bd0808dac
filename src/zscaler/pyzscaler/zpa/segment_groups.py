"""``zpa.segment_groups``: segment groups."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint, camel_payload, id_list, top_camel


class SegmentGroupsAPI(ZPAEndpoint):
    def list_groups(self, **kwargs: Any) -> Any:
        """Every segment group (``max_items``, ``max_pages``, ``pagesize``, ``search``)."""
        return self._list(self._v1("segmentGroup"), **kwargs)

    def get_group(self, group_id: str) -> Any:
        return self._get(self._v1(f"segmentGroup/{group_id}"))

    def delete_group(self, group_id: str) -> int:
        return self._delete(self._v1(f"segmentGroup/{group_id}"))

    def add_group(self, name: str, enabled: bool = False, **kwargs: Any) -> Any:
        """A new segment group; ``application_ids=[..]`` becomes ``applications``."""
        payload: dict[str, Any] = {"name": name, "enabled": enabled}
        if kwargs.get("application_ids"):
            payload["applications"] = id_list(kwargs.pop("application_ids"))
        return self._post(self._v1("segmentGroup"), json=camel_payload(payload, kwargs))

    def update_group(self, group_id: str, **kwargs: Any) -> Any:
        """Read-modify-write: fields not given keep their values; returns the record read again."""
        payload = top_camel(self.get_group(group_id))
        if kwargs.get("application_ids"):
            payload["applications"] = id_list(kwargs.pop("application_ids"))
        camel_payload(payload, kwargs)
        return self._put_then_get(self._v1(f"segmentGroup/{group_id}"), payload, lambda: self.get_group(group_id))
