"""Shared ZDX helpers: the catalog's ``/zdx/v1`` root."""

from __future__ import annotations

from ..zia._common import ZIAEndpoint


class ZDXEndpoint(ZIAEndpoint):
    root = "/zdx/v1"
