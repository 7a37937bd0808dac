"""``zia.cloud_apps``: cloud applications, custom tags and Shadow IT reports."""

from __future__ import annotations

from typing import Any, Iterable

from ._common import ZIAEndpoint, requests_json

SANCTION_STATES = {"sanctioned": "SANCTIONED", "unsanctioned": "UN_SANCTIONED", "any": "ANY"}


def _ids(values: Iterable[Any]) -> list[dict[str, str]]:
    return [{"id": str(v)} for v in values]


class CloudAppsAPI(ZIAEndpoint):
    def bulk_update(self, sanction_state: str, **kwargs: Any) -> int:
        """Set the sanction state of applications (``application_ids``) and their ``custom_tag_ids``."""
        state = SANCTION_STATES.get(str(sanction_state).lower())
        if state is None:
            raise ValueError(f"Invalid sanction state: {sanction_state}. "
                             "Accepted values are 'sanctioned', 'unsanctioned', or 'any'.")
        payload: dict[str, Any] = {"sanctionedState": state}
        if kwargs.get("application_ids") is not None:
            payload["applicationIds"] = kwargs.pop("application_ids")
        if kwargs.get("custom_tag_ids") is not None:
            payload["customTags"] = _ids(kwargs.pop("custom_tag_ids"))
        return self._status("PUT", "cloudApplications/bulkUpdate", json=payload)

    def export_shadow_it_report(self, duration: str = "LAST_1_DAYS", **kwargs: Any) -> str:
        """The Shadow IT report as CSV text; keywords are sent as given."""
        return self._text("POST", "shadowIT/applications/export", json={"duration": duration, **kwargs})

    def export_shadow_it_csv(self, application: str, entity: str, duration: str = "LAST_1_DAYS",
                             **kwargs: Any) -> str:
        """The CSV of one application's ``entity`` (USER, LOCATION, DEPARTMENT); ``users``/``locations``/
        ``departments`` id lists become ``[{"id": ..}]``."""
        payload: dict[str, Any] = {"application": application, "duration": duration}
        for key in ("users", "locations", "departments"):
            if kwargs.get(key) is not None:
                payload[key] = _ids(kwargs.pop(key))
        payload.update(kwargs)
        return self._text("POST", f"shadowIT/applications/{entity}/exportCsv", data=requests_json(payload),
                          headers={"Content-Type": "application/json"})

    def list_apps(self) -> Any:
        return self._get(self._p("cloudApplications/lite"))

    def list_custom_tags(self) -> Any:
        return self._get(self._p("customTags"))
