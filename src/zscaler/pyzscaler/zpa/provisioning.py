"""``zpa.provisioning``: App Connector and Service Edge provisioning keys."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint, camel_payload, top_camel

KEY_TYPES = {"connector": "CONNECTOR_GRP", "service_edge": "SERVICE_EDGE_GRP"}


def association(key_type: str) -> str:
    """``connector`` -> ``CONNECTOR_GRP``, ``service_edge`` -> ``SERVICE_EDGE_GRP``."""
    try:
        return KEY_TYPES[key_type]
    except (KeyError, TypeError):
        raise ValueError(f"key_type: '{key_type}' is not accepted; use 'connector' or 'service_edge'") from None


class ProvisioningAPI(ZPAEndpoint):
    def _path(self, key_type: str, key_id: str | None = None) -> str:
        tail = f"/{key_id}" if key_id is not None else ""
        return self._v1(f"associationType/{association(key_type)}/provisioningKey{tail}")

    def list_provisioning_keys(self, key_type: str, **kwargs: Any) -> Any:
        return self._list(self._path(key_type), **kwargs)

    def get_provisioning_key(self, key_id: str, key_type: str) -> Any:
        return self._get(self._path(key_type, key_id))

    def add_provisioning_key(self, key_type: str, name: str, max_usage: str, enrollment_cert_id: str,
                             component_id: str, **kwargs: Any) -> Any:
        """A new key; ``enabled`` defaults to True as the page documents (sent, so no API default decides)."""
        payload: dict[str, Any] = {"name": name, "maxUsage": max_usage, "enrollmentCertId": enrollment_cert_id,
                                   "zcomponentId": component_id}
        camel_payload(payload, kwargs)
        payload.setdefault("enabled", True)
        return self._post(self._path(key_type), json=payload)

    def update_provisioning_key(self, key_id: str, key_type: str, **kwargs: Any) -> Any:
        path = self._path(key_type, key_id)
        payload = camel_payload(top_camel(self.get_provisioning_key(key_id, key_type)), kwargs)
        return self._put_then_get(path, payload, lambda: self.get_provisioning_key(key_id, key_type))

    def delete_provisioning_key(self, key_id: str, key_type: str) -> int:
        return self._delete(self._path(key_type, key_id))
