"""ZTB (Zero Trust Branch) catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.
"""

from __future__ import annotations


from . import ztb_hooks
from .spec import Login, Product, Resource, crud, in_name_order, op

API = "/ztb/api"
V2 = "/ztb/api/v2"
V3 = "/ztb/api/v3"


RESOURCES = (
    Resource(
        "alarms",
        (
            op("bulk_acknowledge", "PATCH", V2 + "/alarm/bulkAcknowledge", "**kwargs", "object",
               "AlarmBulkAcknowledge"),
            op("bulk_acknowledge_all", "PATCH", V2 + "/alarm/bulkAcknowledgeAll", "", "object", "AlarmBulkAcknowledge"),
            op("bulk_ignore", "DELETE", V2 + "/alarm/bulkIgnore", "**kwargs", "object", "AlarmBulkAcknowledge",
               body="kwargs"),
            op("bulk_ignore_all", "DELETE", V2 + "/alarm/bulkIgnoreAll", "", "object", "AlarmBulkAcknowledge"),
            op("create_alarm", "POST", V2 + "/alarm", "**kwargs", "object", "Alarms"),
            op("delete_alarm", "DELETE", V2 + "/alarm/{alarm_id}", "alarm_id", "none"),
            op("get_alarm", "GET", V2 + "/alarm/{alarm_id}", "alarm_id", "object", "Alarms"),
            op("list_alarms", "GET", V2 + "/alarm", "query_params=None", "list", "Alarms"),
            op("update_alarm_patch", "PATCH", V2 + "/alarm", "**kwargs", "object", "Alarms"),
            op("update_alarm_put", "PUT", V2 + "/alarm", "**kwargs", "object", "Alarms"),
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
               doc="List API keys."),
            op("revoke_api_key", "PUT", V3 + "/api-key-auth/revoke/{api_key_id}", "api_key_id", "none",
               doc="Revoke API key."),
        ),
        model="APIKeyCreateResponse",
    ),
    Resource(
        "app_connector_config",
        (
            op("create_app_connector_config", "POST", V3 + "/appconnector/config", "**kwargs", "object",
               "AppConnectorConfigResult"),
            op("delete_app_connector", "DELETE", V3 + "/appconnector/config", "cluster_id", "none"),
            op("get_app_connector_config", "GET", V3 + "/appconnector/config", "cluster_id", "object",
               "AppConnectorConfigResult"),
        ),
        model="AppConnectorConfigResult",
    ),
    Resource(
        "devices",
        (
            op("get_device_details_v2", "GET", V2 + "/devices/active/details/{device_id}/{minutes}",
               "device_id, minutes", "raw", field_path="result", doc="Get device details (v2 API)."),
            op("get_device_details_v3", "GET", V3 + "/device/details/{device_id}", "device_id", "raw",
               field_path="result"),
            op("get_device_tags", "GET", V2 + "/devices/tags", "", "object", "DeviceTags"),
            op("get_dhcp_history", "GET", V2 + "/devices/details/id/{device_id}/{minutes}", "device_id, minutes", "raw",
               field_path="result"),
            op("get_filter_values", "GET", V3 + "/device/filters/{field}/values", "field, query_params=None", "object",
               "DeviceFilterValues"),
            op("get_group_by_list", "GET", V3 + "/device/group-by/list", "", "list"),
            op("list_active_devices", "GET", V2 + "/devices/active", "query_params=None", "list", "ActiveDevice"),
            op("list_devices_by_category", "GET", V3 + "/device", "query_params=None", "raw"),
            op("list_devices_group_by", "GET", V3 + "/device/{group}", "group, query_params=None", "list",
               "GroupByRow"),
            op("list_operating_systems", "GET", V3 + "/device/operating-systems", "query_params=None", "list",
               "OperatingSystemRow"),
        ),
        model="DeviceTags",
    ),
    Resource(
        "groups_router",
        in_name_order(
            *crud(V2, "/groups", "GroupsRouter", list_name="list_groups", get_name="get_group", add_name="create_group",
                  update_name="update_group_put", delete_name="delete_group", id_arg="group_id",
                  extra={"get": {"params": "group_id"}}),
            op("update_group_patch", "PATCH", V2 + "/groups/{group_id}", "group_id, **kwargs", "object",
               "GroupsRouter"),
        ),
        model="GroupsRouter",
        id_field="groupId",
    ),
    Resource(
        "logs",
        (
            op("get_visibility_chart", "GET", API + "/logs", "query_params=None", "object", "VisibilityChartData"),
        ),
        model="VisibilityChartData",
    ),
    Resource(
        "policy_comments",
        (
            op("create_comment", "POST", V3 + "/policy-comments/comment/{policy_id}",
               "policy_id, comment, policy_type='application', query_params=None", "object", "PolicyCommentResponse",
               query=("policy_type",)),
            op("delete_comment", "DELETE", V3 + "/policy-comments/comment/{comment_id}", "comment_id", "object",
               "PolicyCommentResponse"),
            op("list_comments", "GET", V3 + "/policy-comments/comment/{policy_id}",
               "policy_id, policy_type='application', query_params=None", "list", "PolicyComment"),
            op("update_comment", "PUT", V3 + "/policy-comments/comment/{comment_id}", "comment_id, comment", "none"),
        ),
        model="PolicyCommentResponse",
    ),
    Resource(
        "ransomware_kill",
        (
            op("get_email_template", "GET", V3 + "/ransomware-kill/email-template/{site_id}", "site_id", "object",
               "RansomwareKillEmailTemplate"),
            op("get_state", "GET", V3 + "/ransomware-kill/state/", "", "object", "RansomwareKillErrorPayload"),
            op("save_email_template", "POST", V3 + "/ransomware-kill/email-template/{site_id}",
               "site_id, *, cluster_token=None, email_body=None, recipients=None, token=None, **kwargs", "object",
               "RansomwareKillEmailTemplate"),
            op("update_state", "PUT", V3 + "/ransomware-kill/state/{site_id}/{color}", "site_id, color", "none"),
        ),
        model="RansomwareKillEmailTemplate",
    ),
    Resource(
        "site",
        (
            op("create_cloud_site", "POST", V2 + "/Site/cloudSite/", "body=None, **kwargs", "none", body="body",
               hook=ztb_hooks.merge_kwargs, doc="Create a cloud site: ``body`` (model or dict) overlaid with kwargs."),
            op("create_site", "POST", V2 + "/Site/", "**kwargs", "object", "Site"),
            op("delete_site", "DELETE", V2 + "/Site/{site_id}", "site_id", "none"),
            op("get_hostname_config", "GET", V2 + "/Site/hostnameconfig",
               "gateway_ipaddress, site_name, query_params=None", "object", "HostnameConfig"),
            op("get_md5", "GET", V2 + "/Site/MD5", "", "raw", field_path="result", doc="Get MD5."),
            op("get_site_by_id", "GET", V2 + "/Site/siteByID/{site_id}", "site_id", "object", "Site",
               doc="Get site by ID."),
            op("get_site_by_name", "GET", V2 + "/Site/siteByName/{name}", "name", "object", "Site"),
            op("get_site_overview", "GET", V2 + "/Site/siteByID/{site_id}/overview", "site_id", "object",
               "SiteOverview"),
            op("list_app_segments", "GET", V2 + "/Site/app_segments", "query_params=None", "list", "AppSegment"),
            op("list_site_names", "GET", V2 + "/Site/names", "query_params=None", "list", "SiteNameItem"),
            op("list_sites", "GET", V2 + "/Site/", "query_params=None", "list", "Site"),
            op("update_app_segments", "POST", V2 + "/Site/app_segments/{site_id}", "site_id", "none"),
            op("update_site", "PUT", V2 + "/Site/{site_id}", "site_id, body=None, **kwargs", "none", body="body",
               hook=ztb_hooks.merge_kwargs, doc="Update a site: ``body`` (model or dict) overlaid with kwargs."),
            op("update_site_template", "PUT", V2 + "/Site/{site_id}/template/{template_id}", "site_id, template_id",
               "none"),
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
               "ClusterGatewayWithInterfaces", doc="Get site-to-site gateways."),
            op("list_hubs", "GET", V3 + "/CloudGateway/hubs", "query_params=None", "list", "CloudGatewayHub"),
            op("list_s2s_hubs", "GET", V3 + "/CloudGateway/s2s_hubs", "query_params=None", "list", "S2SHubItem",
               doc="List site-to-site hubs."),
            op("update_s2s_connections", "PUT", V3 + "/CloudGateway/s2s/{cluster_id}", "cluster_id, connection",
               "object", "S2SConnection", body="connection", hook=ztb_hooks.s2s_connection,
               doc="Update site-to-site connections."),
        ),
        model="S2SConnection",
    ),
    Resource(
        "template_router",
        in_name_order(
            *crud(V3, "/templates", "TemplateRouter", list_name="list_templates", get_name="get_template",
                  add_name="create_template", update_name="update_template_put", delete_name="delete_template",
                  id_arg="template_id", extra={"get": {"params": "template_id"}}),
            op("list_template_interfaces", "GET", V3 + "/templates/interfaces/{platform}",
               "platform, query_params=None", "list", "Common"),
            op("list_template_names", "GET", V3 + "/templates/names", "", "list", "Common"),
        ),
        model="TemplateRouter",
    ),
)

PRODUCT = Product("ztb", "/ztb", "ztb", RESOURCES, body_case="none", id_style="uuid",
                  title="Zero Trust Branch", order=120,
                  legacy=Login(client="LegacyZTBClient", provider="ZTBLogin",
                               keys={"api_key": ("ZTB_API_KEY",), "cloud": ("ZTB_CLOUD",)}, required=("api_key",),
                               args={"api_key": "api_key"}, host="https://{cloud}.goairgap.com"))
