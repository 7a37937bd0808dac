"""``zia.security``: the security policy's allow list (whitelist) and deny list (blacklist)."""

from __future__ import annotations

from typing import Any

from ..box import BoxList
from ._common import ZIAEndpoint


class SecurityPolicyAPI(ZIAEndpoint):
    def get_whitelist(self) -> Any:
        """The allowed URLs (an empty list when none are set)."""
        return self._get(self._p("security")).get("whitelist_urls") or BoxList()

    def get_blacklist(self) -> Any:
        return self._get(self._p("security/advanced")).get("blacklist_urls") or BoxList()

    def erase_whitelist(self) -> int:
        return self._status("PUT", "security", json={"whitelistUrls": []})

    def replace_whitelist(self, url_list: list[str]) -> Any:
        return self._put(self._p("security"), json={"whitelistUrls": url_list}).whitelist_urls

    def add_urls_to_whitelist(self, url_list: list[str]) -> Any:
        current = list(self.get_whitelist())
        urls = current + [u for u in url_list if u not in current]
        return self._put(self._p("security"), json={"whitelistUrls": urls}).whitelist_urls

    def delete_urls_from_whitelist(self, url_list: list[str]) -> Any:
        urls = [u for u in self.get_whitelist() if u not in url_list]
        return self._put(self._p("security"), json={"whitelistUrls": urls}).whitelist_urls

    def add_urls_to_blacklist(self, url_list: list[str]) -> Any:
        """Add URLs; the deny list after the change."""
        self._status("POST", "security/advanced/blacklistUrls", params={"action": "ADD_TO_LIST"},
                     json={"blacklistUrls": url_list})
        return self.get_blacklist()

    def replace_blacklist(self, url_list: list[str]) -> Any:
        return self._put(self._p("security/advanced"), json={"blacklistUrls": url_list}).blacklist_urls

    def erase_blacklist(self) -> int:
        return self._status("PUT", "security/advanced", json={"blacklistUrls": []})

    def delete_urls_from_blacklist(self, url_list: list[str]) -> int:
        return self._status("POST", "security/advanced/blacklistUrls", params={"action": "REMOVE_FROM_LIST"},
                            json={"blacklistUrls": url_list})
