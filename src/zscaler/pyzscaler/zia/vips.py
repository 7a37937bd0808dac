"""``zia.vips``: Zscaler's public data-center lists (``api.config.zscaler.com``, no authentication)."""

from __future__ import annotations

from typing import Any

import httpx

from ..box import boxed
from ..errors import from_project
from ...errors import api_error
from ._common import ZIAEndpoint

CONFIG_HOST = "https://api.config.zscaler.com"


class DataCenterVIPSAPI(ZIAEndpoint):
    def _public(self, cloud: str, kind: str) -> Any:
        """The public JSON of ``<cloud>.net/<kind>/json``, fetched without the session's credentials."""
        url = f"{CONFIG_HOST}/{cloud}.net/{kind}/json"
        resp: httpx.Response = self._api._executor.http.client.get(url, headers={"Accept": "application/json"})
        if resp.status_code >= 400:
            raise from_project(api_error(resp.status_code, resp.text, method="GET", url=url, headers=resp.headers))
        return boxed(resp.json())

    def list_public_se(self, cloud: str, continent: str | None = None) -> Any:
        """The cloud's public service edges, all or of one continent (``amer``, ``emea``, ``apac``, ...)."""
        edges = self._public(cloud, "cenr")[f"{cloud}.net"]
        if continent is None:
            return edges
        return edges["continent :_americas" if continent == "amer" else f"continent : {continent}"]

    def list_ca(self, cloud: str) -> Any:
        return self._public(cloud, "ca")["ranges"]

    def list_pac(self, cloud: str) -> Any:
        return self._public(cloud, "pac")["ip"]
