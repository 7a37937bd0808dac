"""Shared ZCON helpers: the catalog's ``/ztw/api/v1`` root."""

from __future__ import annotations

from typing import Any

from ..zia._common import ZIAEndpoint


class ZCONEndpoint(ZIAEndpoint):
    root = "/ztw/api/v1"


def given(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The keywords whose value is not None (pyZscaler's ZCON methods drop the others)."""
    return {k: v for k, v in kwargs.items() if v is not None}
