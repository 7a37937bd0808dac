"""ZTW (Cloud & Branch Connector) catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.
"""

from __future__ import annotations

from . import ztw_hooks
from .id_lists import IDS, IDS_NO_URL_CATEGORIES
from .spec import Login, Product, Resource, crud, in_name_order, op

BASE = "/ztw/api/v1"


RESOURCES = (
    Resource(
        "account_details",
        (
            op("get_public_account_details", "GET", BASE + "/publicCloudAccountDetails/{account_id}",
               "account_id, query_params=None", "list_of_one", doc="Get public account details (a one-element list)."),
            op("list_public_account_details", "GET", BASE + "/publicCloudAccountDetails", "query_params=None", "list"),
            op("list_public_account_details_lite", "GET", BASE + "/publicCloudAccountDetails/lite", "query_params=None",
               "list", doc="List public account details (lite view)."),
            op("list_public_account_status", "GET", BASE + "/publicCloudAccountIdStatus", "", "raw"),
            op("update_public_account_status", "PUT", BASE + "/publicCloudAccountIdStatus", "**kwargs", "raw"),
        ),
    ),
    Resource(
        "account_groups",
        in_name_order(
            *crud(BASE, "/accountGroups", "AccountGroups", list_name="list_account_groups",
                  get_name="get_account_group", add_name="add_account_group", update_name="update_account_group",
                  delete_name="delete_account_group", id_arg="account_group_id",
                  extra={"get": {"params": "account_group_id"}}),
            op("get_account_group_count", "GET", BASE + "/accountGroups/count", "", "list"),
            op("list_account_groups_lite", "GET", BASE + "/accountGroups/lite", "", "list", "AccountGroups",
               doc="List account groups (lite view)."),
        ),
        model="AccountGroups",
        required=("name",),
    ),
    Resource(
        "activate",
        (
            op("activate", "PUT", BASE + "/ecAdminActivateStatus/activate", "force=False, **kwargs", "object",
               "Activation", local=("force",), hook=ztw_hooks.forced_activate,
               doc="Activate the staged configuration (``force=True``: forced activation)."),
            op("get_status", "GET", BASE + "/ecAdminActivateStatus", "", "object", "Activation"),
        ),
        model="Activation",
    ),
    Resource(
        "admin_roles",
        (
            op("add_role", "POST", BASE + "/adminRoles",
               "name, policy_access='NONE', report_access='NONE', username_access='NONE', dashboard_access='NONE', "
               "**kwargs", "object", "AdminRoles", body_defaults={"roleType": "EDGE_CONNECTOR_ADMIN"}),
            op("delete_role", "DELETE", BASE + "/adminRoles/{role_id}", "role_id", "none"),
            op("list_roles", "GET", BASE + "/adminRoles", "query_params=None", "list", "AdminRoles",
               client_search=True),
            op("update_role", "PUT", BASE + "/adminRoles/{role_id}", "role_id, **kwargs", "object", "AdminRoles"),
        ),
        model="AdminRoles",
        required=("name",),
    ),
    Resource(
        "admin_users",
        in_name_order(
            *crud(BASE, "/adminUsers", "AdminUsers", list_name="list_admins", get_name="get_admin",
                  add_name="add_admin", update_name="update_admin", delete_name="delete_admin", id_arg="admin_id",
                  extra={"get": {"params": "admin_id"},
                  "add": {"params": "user_name, login_name, role, email, password, **kwargs"}}),
            op("change_password", "POST", BASE + "/passwordChange", "username, old_password, new_password, **kwargs",
               "raw", wire={"username": "userName"}),
        ),
        model="AdminUsers",
        required=("name",),
    ),
    Resource(
        "api_keys",
        (
            op("list_api_keys", "GET", BASE + "/apiKeys", "query_params=None", "list", "ApiKeys", doc="List API keys."),
            op("regenerate_api_key", "POST", BASE + "/apiKeys/{key_id}/regenerate", "key_id, **kwargs", "object",
               "ApiKeys", doc="Regenerate API key."),
        ),
        model="ApiKeys",
    ),
    Resource(
        "discovery_service",
        (
            op("get_discovery_settings", "GET", BASE + "/discoveryService/workloadDiscoverySettings", "", "object",
               "DiscoveryService"),
            op("update_discovery_service_permissions", "PUT", BASE + "/discoveryService/{account_group_id}/permissions",
               "account_group_id, **kwargs", "object", "DiscoveryServicePermissions"),
        ),
        model="DiscoveryService",
    ),
    Resource(
        "ec_groups",
        (
            op("delete_ec_group_vm", "DELETE", BASE + "/ecgroup/{group_id}/vm/{vm_id}", "group_id, vm_id", "none",
               doc="Delete EC group VM."),
            op("get_ec_group", "GET", BASE + "/ecgroup/{group_id}", "group_id, query_params=None", "list_of_one",
               "ECGroup", doc="Get a Cloud Connector group (a one-element list, as the official SDK's list shape)."),
            op("get_ec_group_vm", "GET", BASE + "/ecgroup/{group_id}/vm/{vm_id}", "group_id, vm_id", "object",
               "ECGroupVM", doc="Get EC group VM."),
            op("list_ec_group_lite", "GET", BASE + "/ecgroup/lite", "query_params=None", "list", "ECGroup",
               doc="List EC group (lite view)."),
            op("list_ec_groups", "GET", BASE + "/ecgroup", "query_params=None", "list", "ECGroup",
               doc="List EC groups."),
            op("list_ec_instance_lite", "GET", BASE + "/ecInstance/lite", "", "object", "CommonIDNameExternalID",
               doc="List EC instance (lite view)."),
        ),
        model="ECGroup",
    ),
    Resource(
        "forwarding_gateways",
        (
            op("add_gateway", "POST", BASE + "/gateways", "**kwargs", "object", "ForwardingGateways"),
            op("delete_gateway", "DELETE", BASE + "/gateways/{gateway_id}", "gateway_id", "none"),
            op("list_gateway_lite", "GET", BASE + "/gateways/lite", "query_params=None", "list", "ForwardingGateways",
               client_search=True, doc="List gateway (lite view)."),
            op("list_gateways", "GET", BASE + "/gateways", "query_params=None", "list", "ForwardingGateways",
               client_search=True),
        ),
        model="ForwardingGateways",
        required=("name",),
    ),
    Resource(
        "forwarding_rules",
        (
            op("add_rule", "POST", BASE + "/ecRules/ecRdr", "**kwargs", "object", "ForwardingControlRule",
               enabled_to_state=True, doc="Add rule (``enabled=True|False`` is sent as ``state``)."),
            op("delete_rule", "DELETE", BASE + "/ecRules/ecRdr/{rule_id}", "rule_id", "none"),
            op("list_rules", "GET", BASE + "/ecRules/ecRdr", "query_params=None", "list", "ForwardingControlRule",
               client_search=True),
            op("update_rule", "PUT", BASE + "/ecRules/ecRdr/{rule_id}", "rule_id, **kwargs", "object",
               "ForwardingControlRule", enabled_to_state=True,
               doc="Update rule (``enabled=True|False`` is sent as ``state``)."),
        ),
        model="ForwardingControlRule",
        required=("name",),
        id_lists=IDS_NO_URL_CATEGORIES,
    ),
    Resource(
        "ip_destination_groups",
        (
            op("add_ip_destination_group", "POST", BASE + "/ipDestinationGroups", "**kwargs", "object",
               "IPDestinationGroups", doc="Add IP destination group."),
            op("delete_ip_destination_group", "DELETE", BASE + "/ipDestinationGroups/{group_id}", "group_id", "none",
               doc="Delete IP destination group."),
            op("list_ip_destination_groups", "GET", BASE + "/ipDestinationGroups",
               "exclude_type=None, query_params=None", "list", "IPDestinationGroups", doc="List IP destination groups."),
            # the official SDK asks the full listing here (its /lite URL is overwritten before sending)
            op("list_ip_destination_groups_lite", "GET", BASE + "/ipDestinationGroups",
               "exclude_type=None, query_params=None", "list", "IPDestinationGroups",
               doc="List IP destination groups (the official SDK sends the full listing's GET)."),
            op("update_ip_destination_group", "PUT", BASE + "/ipDestinationGroups/{group_id}",
               "group_id, query_params=None, **kwargs", "object", "IPDestinationGroups",
               doc="Update IP destination group."),
        ),
        model="IPDestinationGroups",
        required=("name",),
        aliases={"add_group": "add_ip_destination_group"},
    ),
    Resource(
        "ip_groups",
        (
            op("add_ip_group", "POST", BASE + "/ipGroups", "**kwargs", "object", "IPGroups", doc="Add IP group."),
            op("delete_ip_group", "DELETE", BASE + "/ipGroups/{group_id}", "group_id", "none", doc="Delete IP group."),
            op("list_ip_groups", "GET", BASE + "/ipGroups", "query_params=None", "list", "IPGroups",
               doc="List IP groups."),
            op("list_ip_groups_lite", "GET", BASE + "/ipGroups/lite", "query_params=None", "list", "IPGroups",
               client_search=True, doc="List IP groups (lite view)."),
        ),
        model="IPGroups",
        required=("name",),
    ),
    Resource(
        "ip_source_groups",
        (
            op("add_ip_source_group", "POST", BASE + "/ipSourceGroups", "**kwargs", "object", "IPSourceGroup",
               doc="Add IP source group."),
            op("delete_ip_source_group", "DELETE", BASE + "/ipSourceGroups/{group_id}", "group_id", "none",
               doc="Delete IP source group."),
            op("list_ip_source_groups", "GET", BASE + "/ipSourceGroups", "query_params=None", "list", "IPSourceGroup",
               doc="List IP source groups."),
            op("list_ip_source_groups_lite", "GET", BASE + "/ipSourceGroups/lite", "query_params=None", "list",
               "IPSourceGroup", client_search=True, doc="List IP source groups (lite view)."),
        ),
        model="IPSourceGroup",
        required=("name",),
    ),
    Resource(
        "location_management",
        (
            op("get_location", "GET", BASE + "/location/{location_id}", "location_id", "object", "LocationManagement"),
            op("list_locations", "GET", BASE + "/location", "query_params=None", "list", "LocationManagement"),
            op("list_locations_lite", "GET", BASE + "/location/lite", "query_params=None", "list", "LocationManagement",
               doc="List locations (lite view)."),
        ),
        model="LocationManagement",
    ),
    Resource(
        "location_template",
        (
            op("add_location_template", "POST", BASE + "/locationTemplate", "name, template=None, **kwargs", "object",
               "LocationTemplate", wire={"description": "desc"}, hook=ztw_hooks.location_template),
            op("delete_location_template", "DELETE", BASE + "/locationTemplate/{template_id}", "template_id", "none"),
            op("list_location_templates", "GET", BASE + "/locationTemplate", "query_params=None", "list",
               "LocationTemplate"),
            op("list_template_lite", "GET", BASE + "/locationTemplate/lite", "query_params=None", "list",
               "LocationTemplate", doc="List template (lite view)."),
            op("update_location_template", "PUT", BASE + "/locationTemplate/{template_id}", "template_id, **kwargs",
               "object", "LocationTemplate", wire={"description": "desc"},
               hook=ztw_hooks.location_template),
        ),
        model="LocationTemplate",
        required=("name",),
    ),
    Resource(
        "nw_service",
        (
            op("add_network_service", "POST", BASE + "/networkServices", "ports=None, **kwargs", "object",
               "NetworkServices"),
            op("delete_network_service", "DELETE", BASE + "/networkServices/{service_id}", "service_id", "none"),
            op("list_network_services", "GET", BASE + "/networkServices", "query_params=None", "list",
               "NetworkServices"),
            op("update_network_service", "PUT", BASE + "/networkServices/{service_id}",
               "service_id, ports=None, **kwargs", "object", "NetworkServices"),
        ),
        model="NetworkServices",
        required=("name",),
    ),
    Resource(
        "nw_service_groups",
        (
            op("list_network_svc_groups", "GET", BASE + "/networkServiceGroups", "query_params=None", "list",
               "NetworkServiceGroups"),
        ),
        model="NetworkServiceGroups",
    ),
    Resource(
        "provisioning_url",
        (
            op("add_provisioning_url", "POST", BASE + "/provUrl", "**kwargs", "object", "ProvisioningURL",
               doc="Add provisioning URL."),
            op("delete_provisioning_url", "DELETE", BASE + "/provUrl/{provision_id}", "provision_id", "none",
               doc="Delete provisioning URL."),
            op("get_provisioning_url", "GET", BASE + "/provUrl/{provision_id}", "provision_id", "object",
               "ProvisioningURL", doc="Get provisioning URL."),
            op("list_provisioning_url", "GET", BASE + "/provUrl", "query_params=None", "list", "ProvisioningURL",
               doc="List provisioning URL."),
            op("update_provisioning_url", "PUT", BASE + "/provUrl/{provision_id}", "provision_id, **kwargs", "object",
               "ProvisioningURL", doc="Update provisioning URL."),
        ),
        model="ProvisioningURL",
        required=("name",),
    ),
    Resource(
        "public_cloud_info",
        in_name_order(
            *crud(BASE, "/publicCloudInfo", "PublicCloudInfo", list_name="list_public_cloud_info",
                  get_name="get_public_cloud_info", add_name="add_public_cloud_info",
                  update_name="update_public_cloud_info", delete_name="delete_public_cloud_info", id_arg="cloud_id",
                  extra={"get": {"params": "cloud_id"}}),
            op("change_state_public_cloud_info", "PUT", BASE + "/publicCloudInfo/{cloud_id}/changeState",
               "cloud_id, **kwargs", "object", "PublicCloudInfo"),
            op("generate_external_id", "POST", BASE + "/publicCloudInfo/generateExternalId", "**kwargs", "object",
               "AccountDetails", doc="Generate external ID."),
            op("get_cloud_formation_template", "GET", BASE + "/publicCloudInfo/cloudFormationTemplate",
               "aws_account_id=None", "bytes"),
            op("get_public_cloud_info_count", "GET", BASE + "/publicCloudInfo/count", "", "list"),
            op("list_public_cloud_info_lite", "GET", BASE + "/publicCloudInfo/lite", "query_params=None", "list",
               "PublicCloudInfo", doc="List public cloud info (lite view)."),
        ),
        model="PublicCloudInfo",
        required=("name",),
        id_lists=IDS,
    ),
    Resource(
        "workload_groups",
        (
            op("list_groups", "GET", BASE + "/workloadGroups", "query_params=None", "list", "WorkloadGroups"),
        ),
        model="WorkloadGroups",
    ),
)

PRODUCT = Product("ztw", "/ztw", "flat", RESOURCES, int_ids=True,
                  title="Zscaler Cloud & Branch Connector (ZTW)", activation="/ztw/api/v1/auth", order=50,
                  legacy=Login(client="LegacyZTWClient", provider="ZTWSession",
                               keys={"username": ("ZTW_USERNAME",), "password": ("ZTW_PASSWORD",),
                                     "api_key": ("ZTW_API_KEY",), "cloud": ("ZTW_CLOUD",)},
                               required=("username", "password", "api_key", "cloud"),
                               args={"username": "username", "password": "password", "api_key": "api_key",
                                     "safety_margin": "session_safety_margin"},
                               host="https://connector.{cloud}.net", logs_out=True))
