"""ZCell catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.
"""

from __future__ import annotations

from . import zcell_hooks
from .hooks import lowercase_flags, save_to, stamped
from .spec import Product, Resource, op

BASE = "/zcell/config/api/v1"


#: ``days=N`` (the official ``zcell_params`` decorator): the window's start and end keys, and where they go
DATE_TIME = ("startDateTime", "endDateTime", "query")
DATE = ("startDate", "endDate", "query")

RESOURCES = (
    Resource(
        "anomaly_policy",
        (
            op("create_anomaly_policy", "POST", BASE + "/customers/{id}/anomaly-policy", "id=None, **kwargs", "object",
               "AnomalyPolicy"),
            op("delete_anomaly_policy", "DELETE", BASE + "/customers/{id}/anomaly-policy/{policy_id}",
               "id=None, policy_id=None", "none"),
            op("get_anomaly_policy_violations", "GET",
               BASE + "/customers/{id}/anomaly-policy/{policy_id}/violations/{iccid}",
               "id=None, policy_id=None, iccid=None, query_params=None", "list", "GetViolationDetails",
               window=DATE_TIME),
            op("list_anomaly_policy", "GET", BASE + "/customers/{id}/anomaly-policy",
               "id=None, start_date_time=None, end_date_time=None, query_params=None", "list", "AnomalyPolicy",
               window=DATE_TIME),
            op("list_anomaly_policy_logs", "GET", BASE + "/customers/{id}/anomaly-policy/{policy_id}/logs",
               "id=None, policy_id=None, query_params=None", "list", "AnomalyPolicyLogContent"),
            op("list_anomaly_policy_violations", "GET", BASE + "/customers/{id}/anomaly-policy/{policy_id}/violations",
               "id=None, policy_id=None, start_date_time=None, end_date_time=None, query_params=None", "list",
               "AnomalyPolicy", window=DATE_TIME),
            op("update_anomaly_policy", "PATCH", BASE + "/customers/{id}/anomaly-policy/{policy_id}",
               "id=None, policy_id=None, **kwargs", "object", "AnomalyPolicy"),
            op("update_anomaly_policy_status", "PATCH", BASE + "/customers/{id}/anomaly-policy/{policy_id}/status",
               "id=None, policy_id=None, enabled=None", "raw", query=("enabled",), hook=lowercase_flags("enabled")),
        ),
        model="AnomalyPolicy",
    ),
    Resource(
        "audit_data_handling",
        (
            op("list_audit_customers_search", "POST", BASE + "/audit/customers/{id}/search",
               "id=None, query_params=None, **kwargs", "list", "AuditDataHandling",
               window=("startDate", "endDate", "body")),
            op("list_audit_metadata", "GET", BASE + "/audit/metadata", "query_params=None", "list", "AuditMetadata"),
        ),
        model="AuditDataHandling",
    ),
    Resource(
        "customer_data_handling",
        (
            op("get_customer_data_handling", "GET", BASE + "/customers/{id}", "id=None", "object",
               "CustomerDataHandling"),
            op("update_customer_data_handling", "PUT", BASE + "/customers/{id}", "id=None, **kwargs", "object",
               "ResponseMessage"),
        ),
        model="CustomerDataHandling",
    ),
    Resource(
        "customer_region_handling",
        (
            op("list_regions", "GET", BASE + "/customers/{id}/regions", "id=None, query_params=None", "list",
               "CustomerRegionHandling"),
            op("list_regions_operational_status", "GET", BASE + "/customers/{id}/regions/operational-status",
               "id=None, query_params=None", "list", "ExtendedRegionStatus"),
            op("update_regions", "PUT", BASE + "/customers/{id}/regions", "id=None, regions=None", "raw",
               body="regions"),
        ),
        model="CustomerRegionHandling",
    ),
    Resource(
        "network_events",
        (
            op("list_network_events_search", "POST",
               BASE + "/network-events/{id}/search/startTime/{start_time}/endTime/{end_time}",
               "id=None, start_time=None, end_time=None, **kwargs", "list", "NetworkEvents",
               window=("start_time", "end_time", "path")),
        ),
        model="NetworkEvents",
    ),
    Resource(
        "sim_analytics",
        (
            op("list_sim_analytics_map", "POST", BASE + "/customers/{id}/sim/analytics/map",
               "id=None, query_params=None, **kwargs", "list", "SimAnalytics", doc="List SIM analytics map."),
            op("list_sim_analytics_summary", "GET", BASE + "/customers/{id}/sim/analytics/summary",
               "id=None, query_params=None", "list", "SimSummary", doc="List SIM analytics summary."),
            op("list_sim_analytics_usage_countries", "GET", BASE + "/customers/{id}/sim/analytics/usage/countries",
               "id=None, start_date=None, end_date=None, query_params=None", "list", "SimCountryUsage",
               window=DATE, doc="List SIM analytics usage countries."),
            op("list_sim_analytics_usage_day", "GET", BASE + "/customers/{id}/sim/analytics/usage/day",
               "id=None, start_date=None, end_date=None, query_params=None", "list", "SimDayUsage",
               window=DATE, doc="List SIM analytics usage day."),
            op("list_sim_analytics_usage_sims", "GET", BASE + "/customers/{id}/sim/analytics/usage/sims",
               "id=None, start_date=None, end_date=None, query_params=None", "list", "SimUsage",
               window=DATE, doc="List SIM analytics usage SIMs."),
        ),
        model="SimAnalytics",
    ),
    Resource(
        "sim_handling",
        (
            op("create_sims_download", "POST", BASE + "/customers/{id}/sims/download",
               "id=None, query_params=None, filename=None, **kwargs", "bytes", local=("filename",),
               hook=save_to("filename", stamped("zcell-sims", "csv")), returns="bare",
               doc="Download the SIM list as CSV into ``filename`` (default ``zcell-sims-<time>.csv``); returns the name."),
            op("create_sims_search", "POST", BASE + "/customers/{id}/sims/search", "id=None, **kwargs", "object",
               "SimDataResponse", doc="Create SIMs search."),
            op("list_sims_details", "GET", BASE + "/customers/{id}/sims/details",
               "id=None, icc_id=None, query_params=None", "object", "SimDetails", doc="List SIMs details."),
            op("update_sims_assign", "PATCH", BASE + "/customers/{id}/sims/{iccid}/assign",
               "id=None, iccid=None, assignment=None, **kwargs", "object", "GetActivationCodeResponse",
               doc="Update SIMs assign."),
            op("update_sims_assign_tag", "PATCH", BASE + "/customers/{id}/sims/assign/tag", "id=None, **kwargs",
               "object", "SimHandling", doc="Update SIMs assign tag."),
            op("update_sims_lock", "PATCH", BASE + "/customers/{id}/sims/lock", "id=None, **kwargs", "object",
               "SimLockRequest", doc="Update SIMs lock."),
            op("update_sims_state", "PATCH", BASE + "/customers/{id}/sims/{iccid}/state",
               "id=None, iccid=None, **kwargs", "object", "RefreshEsimState", doc="Update SIMs state."),
            op("update_sims_status", "PATCH", BASE + "/customers/{id}/sims/status", "id=None, **kwargs", "object",
               "SimUpdateRequest", doc="Update SIMs status."),
        ),
        model="SimDataResponse",
    ),
    Resource(
        "sim_location_groups",
        (
            op("add_location_group", "POST", BASE + "/customers/{id}/sim-location-groups",
               "id=None, query_params=None, **kwargs", "list", "ResponseMessage", hook=zcell_hooks.bare_array,
               doc="Add a location group (sent as a one-element JSON array)."),
            op("delete_sim_location_group", "DELETE", BASE + "/customers/{id}/sim-location-groups/{group_id}",
               "id=None, group_id=None", "none", doc="Delete SIM location group."),
            op("get_sim_location_group", "GET", BASE + "/customers/{id}/sim-location-groups/{group_id}",
               "id=None, group_id=None", "object", "GetSimLocationGroup", doc="Get SIM location group."),
            op("list_sim_location_groups", "GET", BASE + "/customers/{id}/sim-location-groups",
               "id=None, query_params=None", "list", "SimLocationGroups", doc="List SIM location groups."),
            op("update_sim_location_group", "PUT", BASE + "/customers/{id}/sim-location-groups/{group_id}",
               "id=None, group_id=None, **kwargs", "object", "UpdateSimLocationGroup",
               doc="Update SIM location group."),
        ),
        model="ResponseMessage",
    ),
    Resource(
        "tag_handling",
        (
            op("create_tag", "POST", BASE + "/customers/{id}/tag", "id=None, **kwargs", "object", "CreateTag"),
            op("list_tag", "GET", BASE + "/customers/{id}/tag", "id=None, query_params=None", "list", "TagHandling"),
        ),
        model="CreateTag",
        required=("name",),
    ),
)

PRODUCT = Product("zcell", "/zcell/config/api/v1", "zcell", RESOURCES, fallbacks={"id": "zcellCustomerId"},
                  title="Zscaler Cellular (ZCell)", order=140)
