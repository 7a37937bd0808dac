"""ZWA (Workflow Automation) catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.
"""

from __future__ import annotations

from typing import Any

from . import zwa_hooks
from .spec import Login, Product, Resource, op

#: the search bodies always carry both keys (empty when not given), as the API requires
SEARCH_DEFAULTS: dict[str, Any] = {"fields": [], "timeRange": {}}

BASE = "/zwa/dlp/v1"


RESOURCES = (
    Resource(
        "audit_logs",
        (
            op("audit_logs", "POST", BASE + "/customer/audit",
               "query_params=None, fields=None, time_range=None, **kwargs", "object", "AuditLogs",
               body_defaults=SEARCH_DEFAULTS,
               doc="Search the audit log: ``time_range={\"startTime\": ..., \"endTime\": ...}``, ``fields``; "
                   "``query_params`` ``page``, ``page_size``, ``page_id``."),
        ),
        model="AuditLogs",
    ),
    Resource(
        "dlp_incidents",
        (
            op("assign_labels", "POST", BASE + "/incidents/{incident_id}/labels", "incident_id, labels=None", "object",
               "IncidentDLPDetails"),
            op("change_history", "GET", BASE + "/incidents/{incident_id}/change-history",
               "incident_id, query_params=None", "list_of_one", "ChangeHistory"),
            op("dlp_incident_search", "POST", BASE + "/incidents/search",
               "query_params=None, fields=None, time_range=None, **kwargs", "object", "IncidentSearch",
               body_defaults=SEARCH_DEFAULTS,
               doc="Search DLP incidents: ``time_range``, ``fields``; ``query_params`` ``page``, ``page_size``, "
                   "``page_id``. The answer's ``cursor`` tells the pages."),
            op("get_generated_tickets", "GET", BASE + "/incidents/{incident_id}/tickets", "incident_id", "list_of_one",
               "GeneratedTickets"),
            op("get_incident_details", "GET", BASE + "/incidents/{incident_id}", "incident_id, query_params=None",
               "list_of_one", "IncidentDLPDetails"),
            op("get_incident_evidence", "GET", BASE + "/incidents/{incident_id}/evidence", "incident_id", "object",
               "IncidentEvidence"),
            op("get_incident_transactions", "GET", BASE + "/incidents/transactions/{transaction_id}",
               "transaction_id, query_params=None", "list_of_one", "IncidentDLPDetails"),
            op("get_incident_triggers", "GET", BASE + "/incidents/{incident_id}/triggers", "incident_id", "object",
               "IncidentTrigger"),
            op("incident_close", "POST", BASE + "/incidents/{incident_id}/close",
               "incident_id, resolution_label=None, resolution_code=None, notes=None", "object", "IncidentDLPDetails"),
            op("incident_group_search", "POST", BASE + "/incidents/{incident_id}/incident-groups/search",
               "incident_id, incident_group_ids=None", "object", "IncidentGroupSearch", hook=zwa_hooks.group_ids_list),
            op("incident_notes", "POST", BASE + "/incidents/{incident_id}/notes", "incident_id, notes=None", "object",
               "IncidentDLPDetails"),
        ),
        model="IncidentDLPDetails",
    ),
)

PRODUCT = Product("zwa", "/zwa", "flat", RESOURCES, id_style="uuid",
                  title="Zscaler Workflow Automation", order=60,
                  legacy=Login(client="LegacyZWAClient", provider="ZWAToken",
                               keys={"key_id": ("ZWA_CLIENT_ID",), "key_secret": ("ZWA_CLIENT_SECRET",),
                                     "cloud": ("ZWA_CLOUD",)},
                               required=("key_id", "key_secret"), args={"key_id": "key_id", "key_secret": "key_secret"},
                               host="https://api.{cloud}.zsworkflow.net", defaults={"cloud": "us1"}))
