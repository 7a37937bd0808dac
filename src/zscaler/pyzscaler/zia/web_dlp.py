"""``zia.web_dlp``: web DLP rules (bodies passed as given)."""

from __future__ import annotations

from typing import Any

from ._common import ZIAEndpoint


class WebDLPAPI(ZIAEndpoint):
    def list_rules(self, **kwargs: Any) -> Any:
        return self._get(self._p("webDlpRules"))

    def get_rule(self, rule_id: str) -> Any:
        return self._get(self._p(f"webDlpRules/{rule_id}"))

    def list_rules_lite(self) -> Any:
        return self._get(self._p("webDlpRules/lite"))

    def add_rule(self, payload: Any) -> Any:
        return self._post(self._p("webDlpRules"), json=payload)

    def update_rule(self, rule_id: str, payload: dict[str, Any]) -> Any:
        return self._put(self._p(f"webDlpRules/{rule_id}"), json=payload)

    def delete_rule(self, rule_id: str) -> Any:
        """The HTTP response of the deletion (pyZscaler returns it here, not the status: ``.status_code``)."""
        return self._send("DELETE", self._p(f"webDlpRules/{rule_id}"))
