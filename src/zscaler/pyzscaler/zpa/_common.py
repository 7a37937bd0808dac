"""Shared ZPA facade helpers: pyZscaler's payload building and read-modify-write update."""

from __future__ import annotations

from typing import Any, Callable, Mapping

from .._base import APIEndpoint, body_of
from ..box import boxed
from ..utils import snake_to_camel

#: pyZscaler's ZPA policy types and their API names
POLICY_MAP = {"access": "ACCESS_POLICY", "timeout": "TIMEOUT_POLICY",
              "client_forwarding": "CLIENT_FORWARDING_POLICY", "siem": "SIEM_POLICY"}


def camel_payload(payload: dict[str, Any], kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """``payload`` with every keyword added under its camelCase name."""
    for key, value in kwargs.items():
        payload[snake_to_camel(key)] = value
    return payload


def top_camel(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record read back (snake keys) with its top-level keys camelCased, as pyZscaler's updates send it."""
    return {snake_to_camel(k): v for k, v in record.items()}


def id_list(ids: Any) -> list[dict[str, Any]]:
    """``["1", "2"]`` -> ``[{"id": "1"}, {"id": "2"}]``."""
    return [{"id": i} for i in ids]


class ZPAEndpoint(APIEndpoint):
    """A ZPA resource: paths under the customer's ``mgmtconfig/v1`` root by default."""

    def _v1(self, path: str) -> str:
        return f"{self._api.v1}/{path}"  # type: ignore[attr-defined]

    def _v2(self, path: str) -> str:
        return f"{self._api.v2}/{path}"  # type: ignore[attr-defined]

    def _user(self, path: str) -> str:
        return f"{self._api.user_config}/{path}"  # type: ignore[attr-defined]

    def _put_then_get(self, path: str, payload: Any, get: Callable[[], Any], **kw: Any) -> Any:
        """PUT the merged record; the API answers 204, so the record is read again (a 200 body is returned)."""
        resp = self._send("PUT", path, json=payload, **kw)
        body = body_of(resp)
        if resp.status_code == 204 or body is None:
            return get()
        return boxed(body)
