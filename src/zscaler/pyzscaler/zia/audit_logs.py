"""``zia.audit_logs``: the admin audit log report."""

from __future__ import annotations

from typing import Any

from ._common import ZIAEndpoint


class AuditLogsAPI(ZIAEndpoint):
    def status(self) -> Any:
        return self._get(self._p("auditlogEntryReport"))

    def create(self, start_time: str, end_time: str) -> int:
        return self._status("POST", "auditlogEntryReport", json={"startTime": start_time, "endTime": end_time})

    def cancel(self) -> int:
        return self._status("DELETE", "auditlogEntryReport")

    def get_report(self) -> str:
        """The report as CSV text."""
        return self._text("GET", "auditlogEntryReport/download")
