"""Z-Insights (GraphQL) catalog.

Bootstrapped by tools/gen_catalog.py from the API inventory; maintained by hand since.
"""

from __future__ import annotations

from .spec import Product, Resource, op

GRAPHQL = "/zins/graphql"


RESOURCES = (
    Resource(
        "cyber_security",
        (
            op("get_incidents", "POST", GRAPHQL, "start_time, end_time, categorize_by=None, limit=None", "raw",
               body_defaults={"operationName": "CyberSecurityIncidents"},
               field_path="data.CYBER_SECURITY.incidents.entries", doc="Get incidents."),
            op("get_incidents_by_location", "POST", GRAPHQL,
               "start_time, end_time, categorize_by='LOCATION_ID', limit=None", "raw",
               body_defaults={"operationName": "CyberSecurityByLocation"},
               field_path="data.CYBER_SECURITY.cyber_security_location.entries", doc="Get incidents by location."),
        ),
    ),
    Resource(
        "firewall",
        (
            op("get_network_services", "POST", GRAPHQL,
               "start_time, end_time, limit=None, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "FirewallNetworkServices"},
               field_path="data.ZERO_TRUST_FIREWALL.network_service.entries", doc="Get network services."),
            op("get_traffic_by_action", "POST", GRAPHQL,
               "start_time, end_time, limit=None, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "FirewallByAction"},
               field_path="data.ZERO_TRUST_FIREWALL.action.entries", doc="Get traffic by action."),
            op("get_traffic_by_location", "POST", GRAPHQL,
               "start_time, end_time, limit=None, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "FirewallByLocation"},
               field_path="data.ZERO_TRUST_FIREWALL.location_firewall.entries", doc="Get traffic by location."),
        ),
    ),
    Resource(
        "iot",
        (
            op("get_device_stats", "POST", GRAPHQL, "limit=None, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "IoTDeviceStats"}, field_path="data.IOT.device_stats",
               doc="Get device stats."),
        ),
    ),
    Resource(
        "saas_security",
        (
            op("get_casb_app_report", "POST", GRAPHQL,
               "start_time, end_time, limit=None, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "CasbAppReport"}, field_path="data.SAAS_SECURITY.casb_app.entries",
               doc="Get CASB app report."),
        ),
    ),
    Resource(
        "shadow_it",
        (
            op("get_apps", "POST", GRAPHQL, "start_time, end_time, limit=None, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "ShadowITApps"}, field_path="data.SHADOW_IT.apps.entries",
               doc="Get apps."),
            op("get_shadow_it_summary", "POST", GRAPHQL, "start_time, end_time", "raw",
               body_defaults={"operationName": "ShadowITSummary"}, field_path="data.SHADOW_IT.shadow_it_summary",
               doc="Get shadow it summary."),
        ),
    ),
    Resource(
        "web_traffic",
        (
            op("get_no_grouping", "POST", GRAPHQL,
               "start_time, end_time, traffic_unit='TRANSACTIONS', dlp_engine_filter=None, action_filter=None, "
               "include_trend=False, trend_interval=None, limit=None, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "WebTrafficNoGrouping"},
               field_path="data.WEB_TRAFFIC.no_grouping.entries", doc="Get no grouping."),
            op("get_protocols", "POST", GRAPHQL,
               "start_time, end_time, traffic_unit='TRANSACTIONS', limit=None, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "WebProtocols"}, field_path="data.WEB_TRAFFIC.protocols.entries",
               doc="Get protocols."),
            op("get_threat_class", "POST", GRAPHQL,
               "start_time, end_time, traffic_unit='TRANSACTIONS', limit=None, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "WebThreatClass"}, field_path="data.WEB_TRAFFIC.threat_class.entries",
               doc="Get threat class."),
            op("get_threat_super_categories", "POST", GRAPHQL,
               "start_time, end_time, traffic_unit='TRANSACTIONS', limit=None, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "WebThreatSuperCategories"},
               field_path="data.WEB_TRAFFIC.threat_super_categories.entries", doc="Get threat super categories."),
            op("get_traffic_by_location", "POST", GRAPHQL,
               "start_time, end_time, traffic_unit='TRANSACTIONS', include_trend=False, trend_interval=None, "
               "limit=None, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "WebTrafficByLocation"}, field_path="data.WEB_TRAFFIC.location.entries",
               doc="Get traffic by location."),
        ),
    ),
)

PRODUCT = Product("zins", "/zins", "none", RESOURCES)
