"""``zpa.scim_attributes``."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint


class SCIMAttributesAPI(ZPAEndpoint):
    def list_attributes_by_idp(self, idp_id: str, **kwargs: Any) -> Any:
        return self._list(self._v1(f"idp/{idp_id}/scimattribute"), **kwargs)

    def get_attribute(self, idp_id: str, attribute_id: str) -> Any:
        return self._get(self._v1(f"idp/{idp_id}/scimattribute/{attribute_id}"))

    def get_values(self, idp_id: str, attribute_id: str, **kwargs: Any) -> Any:
        return self._list(self._user(f"scimattribute/idpId/{idp_id}/attributeId/{attribute_id}"), **kwargs)
