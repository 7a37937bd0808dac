"""Z-Insights (GraphQL) catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.

Every method is one GraphQL query ``POST /zins/graphql``; :mod:`.graphql` writes the document
and the ``variables`` from the table below (variables, their types, the selected fields) and
the result is read from ``field_path``. Time bounds are epoch milliseconds (``Long``).

Where the arguments sit: the report field (``CYBER_SECURITY.incidents``, ``WEB_TRAFFIC.location``
...) takes the time range and the report options, its ``entries`` take ``limit``, ``filter_by``
and ``order_by``.

Official SDK bug, not copied: its documents declare ``$filter_by``/``$order_by`` while its key
converter sends those variables as ``filterBy``/``orderBy``, so a server never binds them. Here
the document declares ``$filterBy``/``$orderBy``, the names that go on the wire.
"""

from __future__ import annotations

from .graphql import graphql_hook, operation
from .spec import Op, Product, Resource, op

GRAPHQL = "/zins/graphql"

#: Enum types of the variables, with their members.
ENUMS = {
    "IncidentsGroupBy": ("THREAT_CATEGORY_ID", "APP_ID", "TIME", "USER_ID", "SRC_COUNTRY"),
    "IncidentsWithIdGroupBy": ("LOCATION_ID",),
    "WebTrafficUnits": ("TRANSACTIONS", "BYTES"),
    "DlpEngineFilter": ("ANY", "NONE", "HIPAA", "CYBER_BULLY_ENG", "GLBA", "PCI", "OFFENSIVE_LANGUAGE", "EXTERNAL"),
    "ActionStatus": ("ALLOW", "BLOCK"),
    "TrendInterval": ("DAY", "HOUR"),
}

RANGE = "startTime: Long!, endTime: Long!"
ON_RANGE = "start_time: $startTime, end_time: $endTime"
ON_ENTRIES = "limit: $limit, filter_by: $filterBy, order_by: $orderBy"
NAME_TOTAL = "obfuscated entries.{name,total}"
TREND = "entries.trend.{trend_interval,trend_start_time,trend_values}"
WEB_UNIT = "trafficUnit: WebTrafficUnits!"
ON_UNIT = "traffic_unit: $trafficUnit"
WEB_TREND = "includeTrend: Boolean, trendInterval: TrendInterval"
ON_TREND = "include_trend: $includeTrend, trend_interval: $trendInterval"


def query(name: str, method: str, params: str, report: str, variables: str, leaves: str,
          arguments: dict[str, str], doc: str, result: str = "entries") -> Op:
    """One Z-Insights method on ``report`` (``ROOT.report``), the selection relative to it; the
    method returns the report's ``result`` field (the whole report when empty)."""
    spec = operation(name, variables, leaves, arguments, root=report, enums=ENUMS)
    return op(method, "POST", GRAPHQL, params, "raw", hook=graphql_hook(spec), body_defaults={"operationName": name},
              field_path=f"data.{report}" + (f".{result}" if result else ""), doc=f"{doc} GraphQL query ``{name}``.")


def report(name: str, method: str, params: str, field_path: str, filter_type: str, order_type: str, doc: str,
           *, leaves: str = NAME_TOTAL, extra: str = "", on_extra: str = "") -> Op:
    """A ranked report over a time range: ``obfuscated`` and ``entries`` (``limit``/filter/order)."""
    variables = ", ".join(filter(None, (RANGE, extra, f"limit: Int, filterBy: {filter_type}, orderBy: [{order_type}]")))
    return query(name, method, params, field_path, variables, leaves,
                 {"": ", ".join(filter(None, (ON_RANGE, on_extra))), "entries": ON_ENTRIES}, doc)


LIST = "limit=None, filter_by=None, order_by=None"
WEB = "start_time, end_time, traffic_unit='TRANSACTIONS', limit=None, filter_by=None, order_by=None"
SUMMARY_GROUPS = ("access_for_app", "provisioning_status_for_app", "risk_index_for_app")
SUMMARY_NESTED = ("app_cat_for_app", "app_cat_for_download_bytes", "app_cat_for_total_bytes",
                  "app_cat_for_upload_bytes", "app_cat_for_user_count")

RESOURCES = (
    Resource(
        "cyber_security",
        (
            query("CyberSecurityIncidents", "get_incidents", "start_time, end_time, categorize_by=None, limit=None",
                  "CYBER_SECURITY.incidents", f"{RANGE}, categorizeBy: [IncidentsGroupBy!]!, limit: Int",
                  "obfuscated entries.{name,total} entries.entries.{name,total}",
                  {"": f"{ON_RANGE}, categorize_by: $categorizeBy", "entries": "limit: $limit",
                   "entries.entries": "limit: $limit"},
                  "Get incidents, grouped by one or more ``categorize_by`` values (required)."),
            query("CyberSecurityByLocation", "get_incidents_by_location",
                  "start_time, end_time, categorize_by='LOCATION_ID', limit=None",
                  "CYBER_SECURITY.cyber_security_location",
                  f"{RANGE}, categorizeBy: IncidentsWithIdGroupBy!, limit: Int", "obfuscated entries.{id,name,total}",
                  {"": f"{ON_RANGE}, categorize_by: $categorizeBy", "entries": "limit: $limit"},
                  "Get incidents by location."),
        ),
    ),
    Resource(
        "firewall",
        (
            report("FirewallNetworkServices", "get_network_services", f"start_time, end_time, {LIST}",
                   "ZERO_TRUST_FIREWALL.network_service", "FirewallEntriesFilterBy", "FirewallEntryOrderBy",
                   "Get network services."),
            report("FirewallByAction", "get_traffic_by_action", f"start_time, end_time, {LIST}",
                   "ZERO_TRUST_FIREWALL.action", "FirewallEntriesFilterBy", "FirewallEntryOrderBy",
                   "Get traffic by action."),
            report("FirewallByLocation", "get_traffic_by_location", f"start_time, end_time, {LIST}",
                   "ZERO_TRUST_FIREWALL.location_firewall", "FirewallEntriesFilterBy", "FirewallEntryOrderBy",
                   "Get traffic by location.", leaves="obfuscated entries.{id,name,total}"),
        ),
    ),
    Resource(
        "iot",
        (
            query("IoTDeviceStats", "get_device_stats", LIST, "IOT.device_stats",
                  "limit: Int, filterBy: IoTDeviceFilterBy, orderBy: [IoTDeviceOrderBy]",
                  "{devices_count,iot_devices_count,server_devices_count,un_classified_devices_count,"
                  "user_devices_count} entries.{category,classification_uuid,classifications,total}",
                  {"entries": ON_ENTRIES}, "Get device stats.", result=""),
        ),
    ),
    Resource(
        "saas_security",
        (
            report("CasbAppReport", "get_casb_app_report", f"start_time, end_time, {LIST}", "SAAS_SECURITY.casb_app",
                   "CasbEntriesFilterBy", "CasbEntryOrderBy", "Get CASB app report."),
        ),
    ),
    Resource(
        "shadow_it",
        (
            report("ShadowITApps", "get_apps", f"start_time, end_time, {LIST}", "SHADOW_IT.apps",
                   "shadowITAppsSearchFilterBy", "ShadowITAppsOrderBy", "Get apps.",
                   leaves="entries.{application,application_category,authenticated_users,computed_risk_index,"
                          "custom_risk_index,data_consumed,data_downloaded,data_uploaded,integration,"
                          "last_access_time,risk_index,sanctioned_state,unAuthenticated_location_count,"
                          "undiscovered,vulnerability}"),
            query("ShadowITSummary", "get_shadow_it_summary", "start_time, end_time",
                  "SHADOW_IT.shadow_it_summary", RANGE,
                  "{total_apps,total_bytes,total_download_bytes,total_upload_bytes} "
                  + " ".join(f"group_by_{g}.obfuscated group_by_{g}.entries.{{name,total}}" for g in SUMMARY_GROUPS)
                  + " " + " ".join(f"group_by_{g}.obfuscated group_by_{g}.entries.{{name,total}} "
                                   f"group_by_{g}.entries.entries.{{name,total}}" for g in SUMMARY_NESTED),
                  {"": ON_RANGE}, "Get shadow IT summary.", result=""),
        ),
    ),
    Resource(
        "web_traffic",
        (
            report("WebTrafficNoGrouping", "get_no_grouping",
                   "start_time, end_time, traffic_unit='TRANSACTIONS', dlp_engine_filter=None, action_filter=None, "
                   "include_trend=False, trend_interval=None, limit=None, filter_by=None, order_by=None",
                   "WEB_TRAFFIC.no_grouping", "WebEntriesFilterBy", "WebOrderBy", "Get no grouping.",
                   leaves=f"{NAME_TOTAL} {TREND}",
                   extra=f"{WEB_UNIT}, dlpEngineFilter: DlpEngineFilter, actionFilter: ActionStatus, {WEB_TREND}",
                   on_extra=f"{ON_UNIT}, dlp_engine_filter: $dlpEngineFilter, action_filter: $actionFilter, "
                            f"{ON_TREND}"),
            report("WebProtocols", "get_protocols", WEB, "WEB_TRAFFIC.protocols", "WebEntriesFilterBy", "WebOrderBy",
                   "Get protocols.", extra=WEB_UNIT, on_extra=ON_UNIT),
            report("WebThreatClass", "get_threat_class", WEB, "WEB_TRAFFIC.threat_class", "WebEntriesFilterBy",
                   "WebOrderBy", "Get threat class.", extra=WEB_UNIT, on_extra=ON_UNIT),
            report("WebThreatSuperCategories", "get_threat_super_categories", WEB,
                   "WEB_TRAFFIC.threat_super_categories", "WebEntriesFilterBy", "WebOrderBy",
                   "Get threat super categories.", extra=WEB_UNIT, on_extra=ON_UNIT),
            report("WebTrafficByLocation", "get_traffic_by_location",
                   "start_time, end_time, traffic_unit='TRANSACTIONS', include_trend=False, trend_interval=None, "
                   "limit=None, filter_by=None, order_by=None", "WEB_TRAFFIC.location", "WebEntriesFilterBy",
                   "WebOrderBy", "Get traffic by location.", leaves=f"{NAME_TOTAL} {TREND}",
                   extra=f"{WEB_UNIT}, {WEB_TREND}", on_extra=f"{ON_UNIT}, {ON_TREND}"),
        ),
    ),
)

PRODUCT = Product("zins", "/zins", "none", RESOURCES,
                  title="Z-Insights (GraphQL analytics)", properties=("zinsights",), order=80)
