"""``zia.url_categories``: URL categories and URL lookup."""

from __future__ import annotations

from typing import Any

from ..box import BoxList
from ..utils import chunker, convert_keys
from ._common import ZIAEndpoint, camel_payload

LOOKUP_BATCH = 100  # URLs per urlLookup request (the API's limit)


class URLCategoriesAPI(ZIAEndpoint):
    def lookup(self, urls: list[str]) -> Any:
        """The classification of each URL, asked 100 at a time (pacing is the client's rate limiter)."""
        results = BoxList()
        for batch in chunker(list(urls), LOOKUP_BATCH):
            results.extend(self._post(self._p("urlLookup"), json=list(batch)))
        return results

    def list_categories(self, custom_only: bool = False, only_counts: bool = False) -> Any:
        params = {"customOnly": custom_only, "includeOnlyUrlKeywordCounts": only_counts}
        return self._get(self._p("urlCategories"), params=params)

    def get_quota(self) -> Any:
        return self._get(self._p("urlCategories/urlQuota"))

    def get_category(self, category_id: str) -> Any:
        return self._get(self._p(f"urlCategories/{category_id}"))

    def add_url_category(self, name: str, super_category: str, urls: list[str], **kwargs: Any) -> Any:
        payload = {"type": "URL_CATEGORY", "superCategory": super_category, "configuredName": name, "urls": urls}
        return self._post(self._p("urlCategories"), json=camel_payload(payload, kwargs))

    def add_tld_category(self, name: str, tlds: list[str], **kwargs: Any) -> Any:
        payload = {"type": "TLD_CATEGORY", "superCategory": "USER_DEFINED", "configuredName": name, "urls": tlds}
        return self._post(self._p("urlCategories"), json=camel_payload(payload, kwargs))

    def update_url_category(self, category_id: str, **kwargs: Any) -> Any:
        payload = camel_payload(convert_keys(self.get_category(category_id)), kwargs)
        return self._put(self._p(f"urlCategories/{category_id}"), json=payload)

    def add_urls_to_category(self, category_id: str, urls: list[str]) -> Any:
        payload = convert_keys(self.get_category(category_id))
        payload["urls"] = urls
        return self._put(self._p(f"urlCategories/{category_id}"), params={"action": "ADD_TO_LIST"}, json=payload)

    def delete_urls_from_category(self, category_id: str, urls: list[str]) -> Any:
        payload = {"configuredName": self.get_category(category_id)["configured_name"], "urls": urls}
        return self._put(self._p(f"urlCategories/{category_id}"), params={"action": "REMOVE_FROM_LIST"},
                         json=payload)

    def delete_from_category(self, category_id: str, **kwargs: Any) -> Any:
        """Remove the given lists (``urls``, ``keywords``, ...) from the category."""
        payload = convert_keys({"configured_name": self.get_category(category_id)["configured_name"], **kwargs})
        return self._put(self._p(f"urlCategories/{category_id}"), params={"action": "REMOVE_FROM_LIST"},
                         json=payload)

    def delete_category(self, category_id: str) -> int:
        return self._status("DELETE", f"urlCategories/{category_id}")
