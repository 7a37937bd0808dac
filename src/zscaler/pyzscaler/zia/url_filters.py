"""``zia.url_filters``: URL filtering rules."""

from __future__ import annotations

from typing import Any

from ._common import ZIAEndpoint, camel_payload, camel_record

RULE_ID_LISTS = ("departments", "groups", "locations", "location_groups", "override_users", "override_groups",
                 "time_windows", "users")


class URLFilteringAPI(ZIAEndpoint):
    def list_rules(self) -> Any:
        return self._get(self._p("urlFilteringRules"))

    def get_rule(self, rule_id: str) -> Any:
        return self._get(self._p(f"urlFilteringRules/{rule_id}"))

    def delete_rule(self, rule_id: str) -> int:
        return self._status("DELETE", f"urlFilteringRules/{rule_id}")

    def add_rule(self, rank: str, name: str, action: str, protocols: list[str], **kwargs: Any) -> Any:
        """A new rule; ``order`` defaults to the end of the list."""
        order = kwargs.pop("order") if "order" in kwargs else len(self.list_rules())
        payload = {"rank": rank, "name": name, "action": action, "protocols": protocols, "order": order}
        return self._post(self._p("urlFilteringRules"), json=camel_payload(payload, kwargs, RULE_ID_LISTS))

    def update_rule(self, rule_id: str, **kwargs: Any) -> Any:
        payload = camel_payload(camel_record(self.get_rule(rule_id)), kwargs, RULE_ID_LISTS)
        return self._put(self._p(f"urlFilteringRules/{rule_id}"), json=payload)
