"""``zpa.saml_attributes``."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint


class SAMLAttributesAPI(ZPAEndpoint):
    def list_attributes(self, **kwargs: Any) -> Any:
        return self._list(self._v2("samlAttribute"), **kwargs)

    def list_attributes_by_idp(self, idp_id: str, **kwargs: Any) -> Any:
        return self._list(self._v2(f"samlAttribute/idp/{idp_id}"), **kwargs)

    def get_attribute(self, attribute_id: str) -> Any:
        return self._get(self._v1(f"samlAttribute/{attribute_id}"))
