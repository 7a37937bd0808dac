"""``zia.labels``: rule labels."""

from __future__ import annotations

from typing import Any

from ..utils import convert_keys
from ._common import ZIAEndpoint, camel_payload


class RuleLabelsAPI(ZIAEndpoint):
    def list_labels(self, **kwargs: Any) -> Any:
        return self._list(self._p("ruleLabels"), **kwargs)

    def get_label(self, label_id: str) -> Any:
        return self._get(self._p(f"ruleLabels/{label_id}"))

    def add_label(self, name: str, **kwargs: Any) -> Any:
        return self._post(self._p("ruleLabels"), json=camel_payload({"name": name}, kwargs))

    def update_label(self, label_id: str, **kwargs: Any) -> Any:
        payload = camel_payload(convert_keys(self.get_label(label_id)), kwargs)
        return self._put(self._p(f"ruleLabels/{label_id}"), json=payload)

    def delete_label(self, label_id: Any) -> int:
        return self._status("DELETE", f"ruleLabels/{label_id}")
