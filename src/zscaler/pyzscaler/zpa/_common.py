"""Shared ZPA facade helpers: pyZscaler's payload building and read-modify-write update."""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from .._base import APIEndpoint
from ..utils import add_id_groups, snake_to_camel


def camel_payload(payload: dict[str, Any], kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """``payload`` with every keyword added under its camelCase name."""
    for key, value in kwargs.items():
        payload[snake_to_camel(key)] = value
    return payload


class ZPAEndpoint(APIEndpoint):
    """A ZPA resource: paths under the customer's ``mgmtconfig/v1`` root by default."""

    def _v1(self, path: str) -> str:
        return f"{self._api.v1}/{path}"  # type: ignore[attr-defined]

    def _v2(self, path: str) -> str:
        return f"{self._api.v2}/{path}"  # type: ignore[attr-defined]

    def _update(self, path: str, current: Mapping[str, Any], kwargs: dict[str, Any],
                id_groups: Iterable[tuple[str, str]] = (), refetch: Any = None) -> Any:
        """pyZscaler's update: the current record's keys camelCased, id lists and keywords merged, PUT;
        on 204 the record is read again (``refetch()``, default a GET of ``path``)."""
        payload = {snake_to_camel(k): v for k, v in current.items()}
        add_id_groups(id_groups, kwargs, payload)
        camel_payload(payload, kwargs)
        resp = self._send("PUT", path, json=payload)
        if resp.status_code == 204:
            return refetch() if refetch else self._get(path)
        return None
