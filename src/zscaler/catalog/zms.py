"""ZMS (Microsegmentation, GraphQL) catalog.

Bootstrapped by tools/gen_catalog.py from the API inventory; maintained by hand since.
"""

from __future__ import annotations

from .spec import Product, Resource, op

GRAPHQL = "/zms/graphql"


RESOURCES = (
    Resource(
        "agent_groups",
        (
            op("get_agent_group_totp_secrets", "POST", GRAPHQL, "customer_id, eyez_id", "raw",
               body_defaults={"operationName": "GetAgentGroupTotpSecrets"}, field_path="data.agentGroupTotpSecrets",
               doc="Get agent group TOTP secrets."),
            op("list_agent_groups", "POST", GRAPHQL,
               "customer_id, page=1, page_size=20, search=None, sort=None, sort_dir=None", "raw",
               body_defaults={"operationName": "ListAgentGroups"}, field_path="data.agentGroups",
               doc="List agent groups."),
        ),
    ),
    Resource(
        "agents",
        (
            op("get_agent_connection_status_statistics", "POST", GRAPHQL, "customer_id, search=None", "raw",
               body_defaults={"operationName": "AgentConnectionStatusStats"},
               field_path="data.agentConnectionStatusStatistics", doc="Get agent connection status statistics."),
            op("get_agent_version_statistics", "POST", GRAPHQL, "customer_id, search=None", "raw",
               body_defaults={"operationName": "AgentVersionStats"}, field_path="data.agentVersionStatistics",
               doc="Get agent version statistics."),
            op("list_agents", "POST", GRAPHQL,
               "customer_id, page=1, page_size=20, search=None, sort=None, sort_dir=None", "raw",
               body_defaults={"operationName": "ListAgents"}, field_path="data.agents", doc="List agents."),
        ),
    ),
    Resource(
        "app_catalog",
        (
            op("list_app_catalog", "POST", GRAPHQL,
               "customer_id, page_num=1, page_size=20, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "ListAppCatalog"}, field_path="data.appCatalog", doc="List app catalog."),
        ),
    ),
    Resource(
        "app_zones",
        (
            op("list_app_zones", "POST", GRAPHQL,
               "customer_id, page_num=1, page_size=20, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "ListAppZones"}, field_path="data.appZones", doc="List app zones."),
        ),
    ),
    Resource(
        "nonces",
        (
            op("get_nonce", "POST", GRAPHQL, "customer_id, eyez_id", "raw", body_defaults={"operationName": "GetNonce"},
               field_path="data.nonce", doc="Get nonce."),
            op("list_nonces", "POST", GRAPHQL,
               "customer_id, page=1, page_size=20, search=None, sort=None, sort_dir=None", "raw",
               body_defaults={"operationName": "ListNonces"}, field_path="data.nonces", doc="List nonces."),
        ),
    ),
    Resource(
        "policy_rules",
        (
            op("list_default_policy_rules", "POST", GRAPHQL, "customer_id, page_num=1, page_size=20", "raw",
               body_defaults={"operationName": "ListDefaultPolicyRules"}, field_path="data.defaultPolicyRules",
               doc="List default policy rules."),
            op("list_policy_rules", "POST", GRAPHQL,
               "customer_id, page_num=1, page_size=20, fetch_all=False, filter_by=None", "raw",
               body_defaults={"operationName": "ListPolicyRules"}, field_path="data.policyRules",
               doc="List policy rules."),
        ),
    ),
    Resource(
        "resource_groups",
        (
            op("get_resource_group_members", "POST", GRAPHQL, "customer_id, group_id, page_num=1, page_size=20", "raw",
               body_defaults={"operationName": "GetResourceGroupMembers"}, field_path="data.resourceGroupMembers",
               doc="Get resource group members."),
            op("get_resource_group_protection_status", "POST", GRAPHQL, "customer_id, page_num=1, page_size=20", "raw",
               body_defaults={"operationName": "ResourceGroupProtectionStatus"},
               field_path="data.resourceGroupProtectionStatus", doc="Get resource group protection status."),
            op("list_resource_groups", "POST", GRAPHQL, "customer_id, page_num=1, page_size=20, filter_by=None", "raw",
               body_defaults={"operationName": "ListResourceGroups"}, field_path="data.resourceGroups",
               doc="List resource groups."),
        ),
    ),
    Resource(
        "resources",
        (
            op("get_metadata", "POST", GRAPHQL, "customer_id", "raw", body_defaults={"operationName": "GetMetadata"},
               field_path="data.metadata", doc="Get metadata."),
            op("get_resource_protection_status", "POST", GRAPHQL, "customer_id, page_num=1, page_size=20", "raw",
               body_defaults={"operationName": "ResourceProtectionStatus"}, field_path="data.resourceProtectionStatus",
               doc="Get resource protection status."),
            op("list_resources", "POST", GRAPHQL,
               "customer_id, page_num=1, page_size=20, include_deleted=False, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "ListResources"}, field_path="data.resources", doc="List resources."),
        ),
    ),
    Resource(
        "tags",
        (
            op("list_tag_keys", "POST", GRAPHQL,
               "customer_id, namespace_id, page_num=1, page_size=20, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "ListTagKeys"}, field_path="data.tagKeys", doc="List tag keys."),
            op("list_tag_namespaces", "POST", GRAPHQL,
               "customer_id, page_num=1, page_size=20, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "ListTagNamespaces"}, field_path="data.tagNamespaces",
               doc="List tag namespaces."),
            op("list_tag_values", "POST", GRAPHQL,
               "customer_id, tag_id, namespace_origin, page_num=1, page_size=20, filter_by=None, order_by=None", "raw",
               body_defaults={"operationName": "ListTagValues"}, field_path="data.tagValues", doc="List tag values."),
        ),
    ),
)

PRODUCT = Product("zms", "/zms", "none", RESOURCES, id_style="uuid")
