"""ZTB (Zero Trust Branch) catalog.

Bootstrapped by tools/gen_catalog.py from the API inventory; maintained by hand since.
"""

from __future__ import annotations

from typing import Any

from . import ztb_hooks
from .hooks import items_under
from .spec import Product, Resource, op

API = "/ztb/api"
V2 = "/ztb/api/v2"
V3 = "/ztb/api/v3"
#: lists: the API answers {"result": [...]}
LIST: dict[str, Any] = {"hook": items_under("result")}


RESOURCES = (
    Resource(
        "alarms",
        (
            op("bulk_acknowledge", "PATCH", V2 + "/alarm/bulkAcknowledge", "**kwargs", "object", "AlarmBulkAcknowledge",
               doc="Bulk acknowledge."),
            op("bulk_acknowledge_all", "PATCH", V2 + "/alarm/bulkAcknowledgeAll", "", "object", "AlarmBulkAcknowledge",
               doc="Bulk acknowledge all."),
            op("bulk_ignore", "DELETE", V2 + "/alarm/bulkIgnore", "**kwargs", "object", "AlarmBulkAcknowledge",
               body="kwargs", doc="Bulk ignore."),
            op("bulk_ignore_all", "DELETE", V2 + "/alarm/bulkIgnoreAll", "", "object", "AlarmBulkAcknowledge",
               doc="Bulk ignore all."),
            op("create_alarm", "POST", V2 + "/alarm", "**kwargs", "object", "Alarms", doc="Create alarm."),
            op("delete_alarm", "DELETE", V2 + "/alarm/{alarm_id}", "alarm_id", "none", doc="Delete alarm."),
            op("get_alarm", "GET", V2 + "/alarm/{alarm_id}", "alarm_id", "object", "Alarms", doc="Get alarm."),
            op("list_alarms", "GET", V2 + "/alarm", "query_params=None", "list", "Alarms", **LIST, doc="List alarms."),
            op("update_alarm_patch", "PATCH", V2 + "/alarm", "**kwargs", "object", "Alarms", doc="Update alarm patch."),
            op("update_alarm_put", "PUT", V2 + "/alarm", "**kwargs", "object", "Alarms", doc="Update alarm put."),
        ),
        model="Alarms",
        id_field="alarmId",
    ),
    Resource(
        "api_keys",
        (
            op("create_api_key", "POST", V3 + "/api-key-auth/create", "**kwargs", "object", "APIKeyCreateResponse",
               doc="Create API key."),
            op("list_api_keys", "GET", V3 + "/api-key-auth/list", "query_params=None", "list", "APIKeyAuthRouter",
               **LIST, doc="List API keys."),
            op("revoke_api_key", "PUT", V3 + "/api-key-auth/revoke/{api_key_id}", "api_key_id", "none",
               doc="Revoke API key."),
        ),
        model="APIKeyCreateResponse",
    ),
    Resource(
        "app_connector_config",
        (
            op("create_app_connector_config", "POST", V3 + "/appconnector/config", "**kwargs", "object",
               "AppConnectorConfigResult", doc="Create app connector config."),
            op("delete_app_connector", "DELETE", V3 + "/appconnector/config", "cluster_id", "none",
               doc="Delete app connector."),
            op("get_app_connector_config", "GET", V3 + "/appconnector/config", "cluster_id", "object",
               "AppConnectorConfigResult", doc="Get app connector config."),
        ),
        model="AppConnectorConfigResult",
    ),
    Resource(
        "devices",
        (
            op("get_device_details_v2", "GET", V2 + "/devices/active/details/{device_id}/{minutes}",
               "device_id, minutes", "raw", field_path="result", doc="Get device details (v2 API)."),
            op("get_device_details_v3", "GET", V3 + "/device/details/{device_id}", "device_id", "raw",
               field_path="result", doc="Get device details v3."),
            op("get_device_tags", "GET", V2 + "/devices/tags", "", "object", "DeviceTags", doc="Get device tags."),
            op("get_dhcp_history", "GET", V2 + "/devices/details/id/{device_id}/{minutes}", "device_id, minutes", "raw",
               field_path="result", doc="Get dhcp history."),
            op("get_filter_values", "GET", V3 + "/device/filters/{field}/values", "field, query_params=None", "object",
               "DeviceFilterValues", doc="Get filter values."),
            op("get_group_by_list", "GET", V3 + "/device/group-by/list", "", "list", **LIST, doc="Get group by list."),
            op("list_active_devices", "GET", V2 + "/devices/active", "query_params=None", "list", "ActiveDevice",
               **LIST, doc="List active devices."),
            op("list_devices_by_category", "GET", V3 + "/device", "query_params=None", "raw",
               doc="List devices by category."),
            op("list_devices_group_by", "GET", V3 + "/device/{group}", "group, query_params=None", "list", "GroupByRow",
               **LIST, doc="List devices group by."),
            op("list_operating_systems", "GET", V3 + "/device/operating-systems", "query_params=None", "list",
               "OperatingSystemRow", **LIST, doc="List operating systems."),
        ),
        model="DeviceTags",
    ),
    Resource(
        "groups_router",
        (
            op("create_group", "POST", V2 + "/groups", "**kwargs", "object", "GroupsRouter", doc="Create group."),
            op("delete_group", "DELETE", V2 + "/groups/{group_id}", "group_id", "none", doc="Delete group."),
            op("get_group", "GET", V2 + "/groups/{group_id}", "group_id", "object", "GroupsRouter", doc="Get group."),
            op("list_groups", "GET", V2 + "/groups", "query_params=None", "list", "GroupsRouter", **LIST,
               doc="List groups."),
            op("update_group_patch", "PATCH", V2 + "/groups/{group_id}", "group_id, **kwargs", "object", "GroupsRouter",
               doc="Update group patch."),
            op("update_group_put", "PUT", V2 + "/groups/{group_id}", "group_id, **kwargs", "object", "GroupsRouter",
               doc="Update group put."),
        ),
        model="GroupsRouter",
        id_field="groupId",
    ),
    Resource(
        "logs",
        (
            op("get_visibility_chart", "GET", API + "/logs", "query_params=None", "object", "VisibilityChartData",
               doc="Get visibility chart."),
        ),
        model="VisibilityChartData",
    ),
    Resource(
        "policy_comments",
        (
            op("create_comment", "POST", V3 + "/policy-comments/comment/{policy_id}",
               "policy_id, comment, policy_type='application', query_params=None", "object", "PolicyCommentResponse",
               query=("policy_type",), doc="Create comment."),
            op("delete_comment", "DELETE", V3 + "/policy-comments/comment/{comment_id}", "comment_id", "object",
               "PolicyCommentResponse", doc="Delete comment."),
            op("list_comments", "GET", V3 + "/policy-comments/comment/{policy_id}",
               "policy_id, policy_type='application', query_params=None", "list", "PolicyComment", **LIST,
               doc="List comments."),
            op("update_comment", "PUT", V3 + "/policy-comments/comment/{comment_id}", "comment_id, comment", "none",
               doc="Update comment."),
        ),
        model="PolicyCommentResponse",
    ),
    Resource(
        "ransomware_kill",
        (
            op("get_email_template", "GET", V3 + "/ransomware-kill/email-template/{site_id}", "site_id", "object",
               "RansomwareKillEmailTemplate", doc="Get email template."),
            op("get_state", "GET", V3 + "/ransomware-kill/state/", "", "object", "RansomwareKillErrorPayload",
               doc="Get state."),
            op("save_email_template", "POST", V3 + "/ransomware-kill/email-template/{site_id}",
               "site_id, *, cluster_token=None, email_body=None, recipients=None, token=None, **kwargs", "object",
               "RansomwareKillEmailTemplate", doc="Save email template."),
            op("update_state", "PUT", V3 + "/ransomware-kill/state/{site_id}/{color}", "site_id, color", "none",
               doc="Update state."),
        ),
        model="RansomwareKillEmailTemplate",
    ),
    Resource(
        "site",
        (
            op("create_cloud_site", "POST", V2 + "/Site/cloudSite/", "body=None, **kwargs", "none", body="body",
               hook=ztb_hooks.merge_kwargs, doc="Create a cloud site: ``body`` (model or dict) overlaid with kwargs."),
            op("create_site", "POST", V2 + "/Site/", "**kwargs", "object", "Site", doc="Create site."),
            op("delete_site", "DELETE", V2 + "/Site/{site_id}", "site_id", "none", doc="Delete site."),
            op("get_hostname_config", "GET", V2 + "/Site/hostnameconfig",
               "gateway_ipaddress, site_name, query_params=None", "object", "HostnameConfig",
               doc="Get hostname config."),
            op("get_md5", "GET", V2 + "/Site/MD5", "", "raw", field_path="result", doc="Get MD5."),
            op("get_site_by_id", "GET", V2 + "/Site/siteByID/{site_id}", "site_id", "object", "Site",
               doc="Get site by ID."),
            op("get_site_by_name", "GET", V2 + "/Site/siteByName/{name}", "name", "object", "Site",
               doc="Get site by name."),
            op("get_site_overview", "GET", V2 + "/Site/siteByID/{site_id}/overview", "site_id", "object",
               "SiteOverview", doc="Get site overview."),
            op("list_app_segments", "GET", V2 + "/Site/app_segments", "query_params=None", "list", "AppSegment",
               **LIST, doc="List app segments."),
            op("list_site_names", "GET", V2 + "/Site/names", "query_params=None", "list", "SiteNameItem",
               **LIST, doc="List site names."),
            op("list_sites", "GET", V2 + "/Site/", "query_params=None", "list", "Site", **LIST, doc="List sites."),
            op("update_app_segments", "POST", V2 + "/Site/app_segments/{site_id}", "site_id", "none",
               doc="Update app segments."),
            op("update_site", "PUT", V2 + "/Site/{site_id}", "site_id, body=None, **kwargs", "none", body="body",
               hook=ztb_hooks.merge_kwargs, doc="Update a site: ``body`` (model or dict) overlaid with kwargs."),
            op("update_site_template", "PUT", V2 + "/Site/{site_id}/template/{template_id}", "site_id, template_id",
               "none", doc="Update site template."),
            op("update_static_ips_mapping", "PUT", V2 + "/Site/{site_id}/static_ips_mapping", "site_id, enabled",
               "none", doc="Update static IPS mapping."),
        ),
        model="Site",
    ),
    Resource(
        "site2site_vpn",
        (
            op("create_s2s_connections", "POST", V3 + "/CloudGateway/s2s/{cluster_id}", "cluster_id, connection",
               "object", "S2SConnection", body="connection", hook=ztb_hooks.s2s_connection,
               doc="Create site-to-site connections."),
            op("delete_s2s_connections", "DELETE", V3 + "/CloudGateway/s2s/{cluster_id}", "cluster_id, gateway_ids",
               "none", local=("gateway_ids",), hook=ztb_hooks.s2s_delete,
               doc="Delete site-to-site connections: DELETE with the body ``{\"gateway_ids\": [...]}``."),
            op("get_s2s_connections", "GET", V3 + "/CloudGateway/s2s/{cluster_id}", "cluster_id", "object",
               "S2SConnection", doc="Get site-to-site connections."),
            op("get_s2s_gateways", "GET", V3 + "/CloudGateway/s2s/{cluster_id}/gateways", "cluster_id", "list",
               "ClusterGatewayWithInterfaces", **LIST, doc="Get site-to-site gateways."),
            op("list_hubs", "GET", V3 + "/CloudGateway/hubs", "query_params=None", "list", "CloudGatewayHub",
               **LIST, doc="List hubs."),
            op("list_s2s_hubs", "GET", V3 + "/CloudGateway/s2s_hubs", "query_params=None", "list", "S2SHubItem",
               **LIST, doc="List site-to-site hubs."),
            op("update_s2s_connections", "PUT", V3 + "/CloudGateway/s2s/{cluster_id}", "cluster_id, connection",
               "object", "S2SConnection", body="connection", hook=ztb_hooks.s2s_connection,
               doc="Update site-to-site connections."),
        ),
        model="S2SConnection",
    ),
    Resource(
        "template_router",
        (
            op("create_template", "POST", V3 + "/templates", "**kwargs", "object", "TemplateRouter",
               doc="Create template."),
            op("delete_template", "DELETE", V3 + "/templates/{template_id}", "template_id", "none",
               doc="Delete template."),
            op("get_template", "GET", V3 + "/templates/{template_id}", "template_id", "object", "TemplateRouter",
               doc="Get template."),
            op("list_template_interfaces", "GET", V3 + "/templates/interfaces/{platform}",
               "platform, query_params=None", "list", "Common", **LIST, doc="List template interfaces."),
            op("list_template_names", "GET", V3 + "/templates/names", "", "list", "Common", **LIST,
               doc="List template names."),
            op("list_templates", "GET", V3 + "/templates", "query_params=None", "list", "TemplateRouter",
               **LIST, doc="List templates."),
            op("update_template_put", "PUT", V3 + "/templates/{template_id}", "template_id, **kwargs", "object",
               "TemplateRouter", doc="Update template put."),
        ),
        model="TemplateRouter",
    ),
)

PRODUCT = Product("ztb", "/ztb", "none", RESOURCES, body_case="none", id_style="uuid")
