"""ZMS (Microsegmentation, GraphQL) catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.

Every method is one GraphQL query ``POST /zms/graphql`` on one root field, which takes every
variable as the argument of the same name; :mod:`.graphql` writes the document and the
``variables`` from the table below and the result is read from ``field_path``. Lists answer
``{"nodes": [...], "pageInfo": {"pageNumber", "pageSize", "totalCount", "totalPages"}}``; page
numbers start at 1. Optional variables are sent only when given (``None`` leaves them out).
"""

from __future__ import annotations

from .graphql import graphql_hook, operation
from .spec import Op, Product, Resource, op

GRAPHQL = "/zms/graphql"

#: Enum types of the variables, with their members.
ENUMS = {
    "SortDirection": ("ASC", "DESC"),
    "NamespaceOrigin": ("CUSTOM", "EXTERNAL", "ML", "UNKNOWN"),
}

PAGE_INFO = "pageInfo.{pageNumber,pageSize,totalCount,totalPages}"
SEARCH = "customerId: ID!, page: Int, pageSize: Int, search: String, sort: String, sortDir: SortDirection"
PAGED = "customerId: ID!, pageNum: Int, pageSize: Int"
NONCE = "{agentGroupEyezId,agentGroupName,agentGroupType,creationTime,eyezId,key,maxUsage,modifiedTime,name,product," \
        "usageCount}"
PORTS = "portRanges.{endPort,startPort} protocol"
GROUP = "{description,id,modifiedTime,name,origin,resourceMemberCount,type}"


def query(name: str, method: str, params: str, root: str, variables: str, leaves: str, doc: str,
          args: dict[str, str] | None = None) -> Op:
    """One ZMS method on root field ``root``; list selections get ``pageInfo`` when the variables page."""
    if "pageSize" in variables:
        leaves = f"{leaves} {PAGE_INFO}"
    names = [v.split(":")[0].strip() for v in variables.split(",")]
    spec = operation(name, variables, leaves, {"": ", ".join(f"{n}: ${n}" for n in names)}, root=root,
                     args=args, enums=ENUMS)
    return op(method, "POST", GRAPHQL, params, "raw", hook=graphql_hook(spec), body_defaults={"operationName": name},
              field_path="data." + root, doc=f"{doc} GraphQL query ``{name}``.")


FILTER = {"filter": "filter_by"}

RESOURCES = (
    Resource(
        "agent_groups",
        (
            query("GetAgentGroupTotpSecrets", "get_agent_group_totp_secrets", "customer_id, eyez_id",
                  "agentGroupTotpSecrets", "customerId: ID!, eyezId: String!",
                  "{eyezId,totpGenerationTimestamp,totpQrCode,totpSecret}", "Get agent group TOTP secrets."),
            query("ListAgentGroups", "list_agent_groups",
                  "customer_id, page=1, page_size=20, search=None, sort=None, sort_dir=None", "agentGroups", SEARCH,
                  "nodes.{adminStatus,agentAutoUpgrade,agentCount,agentDeletionTimeoutSeconds,agentGroupType,"
                  "cloudProvider,description,eyezId,name,policyStatus,tamperProtectionStatus,timezone,upgradeDay,"
                  "upgradeStatus,upgradeTime,versionProfileName}", "List agent groups."),
        ),
    ),
    Resource(
        "agents",
        (
            query("AgentConnectionStatusStats", "get_agent_connection_status_statistics", "customer_id, search=None",
                  "agentConnectionStatusStatistics", "customerId: ID!, search: String",
                  "agentStatuses.{agentType,connectionStatus,count,percentage} totalCount totalPercentage",
                  "Get agent connection status statistics."),
            query("AgentVersionStats", "get_agent_version_statistics", "customer_id, search=None",
                  "agentVersionStatistics", "customerId: ID!, search: String",
                  "agentVersions.{agentType,count,percentage,version} totalCount totalPercentage",
                  "Get agent version statistics."),
            query("ListAgents", "list_agents", "customer_id, page=1, page_size=20, search=None, sort=None, sort_dir=None",
                  "agents", SEARCH,
                  "nodes.{adminStatus,agentGroupName,agentGroupType,agentType,cloudProvider,connectionStatus,"
                  "currentSoftwareVersion,description,eyezId,hostOs,name,privateIps,publicIp,upgradeStatus}",
                  "List agents."),
        ),
    ),
    Resource(
        "app_catalog",
        (
            query("ListAppCatalog", "list_app_catalog",
                  "customer_id, page_num=1, page_size=20, filter_by=None, order_by=None", "appCatalog",
                  f"{PAGED}, filter: AppCatalogQueryFilter, orderBy: AppCatalogQueryOrderBy",
                  "nodes.{category,creationTime,id,modifiedTime,name} nodes.details.processes "
                  "nodes.details.portAndProtocol.portRanges.{endPort,startPort} nodes.details.portAndProtocol.protocol",
                  "List app catalog.", FILTER),
        ),
    ),
    Resource(
        "app_zones",
        (
            query("ListAppZones", "list_app_zones", "customer_id, page_num=1, page_size=20, filter_by=None, order_by=None",
                  "appZones", f"{PAGED}, filter: AppZoneFilter, orderBy: AppZoneQueryOrderBy",
                  "nodes.{appZoneName,description,id,includeAllSubnets,includeAllVpcs,memberCount}",
                  "List app zones.", FILTER),
        ),
    ),
    Resource(
        "nonces",
        (
            query("GetNonce", "get_nonce", "customer_id, eyez_id", "nonce", "customerId: ID!, eyezId: String!",
                  "nonce." + NONCE, "Get nonce."),
            query("ListNonces", "list_nonces", "customer_id, page=1, page_size=20, search=None, sort=None, sort_dir=None",
                  "nonces", SEARCH, "nodes." + NONCE, "List nonces."),
        ),
    ),
    Resource(
        "policy_rules",
        (
            query("ListDefaultPolicyRules", "list_default_policy_rules", "customer_id, page_num=1, page_size=20",
                  "defaultPolicyRules", PAGED,
                  "nodes.{action,description,direction,id,modifiedTime,name,scopeType}", "List default policy rules."),
            query("ListPolicyRules", "list_policy_rules",
                  "customer_id, page_num=1, page_size=20, fetch_all=False, filter_by=None", "policyRules",
                  f"{PAGED}, fetchAll: Boolean, filter: PolicyRuleFilter",
                  "nodes.{action,appZoneScopeTargetType,creationTime,deleted,description,destinationTargetType,id,"
                  "lastHit,modifiedTime,name,priority,sourceTargetType} nodes.portAndProtocols.portRanges.{endPort,"
                  "startPort} nodes.portAndProtocols.protocol", "List policy rules.", FILTER),
        ),
    ),
    Resource(
        "resource_groups",
        (
            query("GetResourceGroupMembers", "get_resource_group_members",
                  "customer_id, group_id, page_num=1, page_size=20", "resourceGroupMembers",
                  "customerId: ID!, id: String!, pageNum: Int, pageSize: Int",
                  "nodes.{cloudProvider,cloudRegion,id,name,platformOs,resourceHostname,resourceType,status}",
                  "Get resource group members.", {"id": "group_id"}),
            query("ResourceGroupProtectionStatus", "get_resource_group_protection_status",
                  "customer_id, page_num=1, page_size=20", "resourceGroupProtectionStatus", PAGED,
                  "nodes.{protectedPercentage,protectedResourceGroupsCount,totalResourceGroups,"
                  "unprotectedResourceGroupsCount}", "Get resource group protection status."),
            # nodes are a union: __typename tells a ManagedResourceGroup from an UnmanagedResourceGroup
            query("ListResourceGroups", "list_resource_groups", "customer_id, page_num=1, page_size=20, filter_by=None",
                  "resourceGroups", f"{PAGED}, filter: ResourceGroupsFilter",
                  f"nodes.__typename nodes.ManagedResourceGroup.{GROUP} nodes.UnmanagedResourceGroup.{GROUP} "
                  "nodes.UnmanagedResourceGroup.{cidrs,fqdns}", "List resource groups.", FILTER),
        ),
    ),
    Resource(
        "resources",
        (
            query("GetMetadata", "get_metadata", "customer_id", "metadata", "customerId: String!", "", "Get metadata."),
            query("ResourceProtectionStatus", "get_resource_protection_status", "customer_id, page_num=1, page_size=20",
                  "resourceProtectionStatus", PAGED,
                  "nodes.{protectedPercentage,protectedResourcesCount,totalResources,unprotectedResourcesCount}",
                  "Get resource protection status."),
            query("ListResources", "list_resources",
                  "customer_id, page_num=1, page_size=20, include_deleted=False, filter_by=None, order_by=None",
                  "resources", f"{PAGED}, includeDeleted: Boolean, filter: ResourceQueryFilter, "
                               "orderBy: ResourceQueryOrderBy",
                  "nodes.{agentId,appZoneIds,appZoneMappingState,appZoneNames,cloudProvider,cloudRegion,deleted,id,"
                  "localIps,modifiedTime,name,platformOs,platformOsDistro,platformOsVersion,resourceHostname,"
                  "resourceType,status}", "List resources.", FILTER),
        ),
    ),
    Resource(
        "tags",
        (
            query("ListTagKeys", "list_tag_keys",
                  "customer_id, namespace_id, page_num=1, page_size=20, filter_by=None, order_by=None", "tagKeys",
                  "customerId: ID!, namespaceId: String!, pageNum: Int, pageSize: Int, filter: TagKeyFilter, "
                  "orderBy: TagKeyQueryOrderBy", "nodes.{description,id,name}", "List tag keys.", FILTER),
            query("ListTagNamespaces", "list_tag_namespaces",
                  "customer_id, page_num=1, page_size=20, filter_by=None, order_by=None", "tagNamespaces",
                  f"{PAGED}, filter: NamespaceFilter, orderBy: NamespaceQueryOrderBy",
                  "nodes.{description,id,name,origin}", "List tag namespaces.", FILTER),
            query("ListTagValues", "list_tag_values",
                  "customer_id, tag_id, namespace_origin, page_num=1, page_size=20, filter_by=None, order_by=None",
                  "tagValues", "customerId: ID!, tagId: String!, namespaceOrigin: NamespaceOrigin!, pageNum: Int, "
                               "pageSize: Int, filter: TagValueFilter, orderBy: TagValueQueryOrderBy",
                  "nodes.{id,name}", "List tag values.", FILTER),
        ),
    ),
)

PRODUCT = Product("zms", "/zms", "none", RESOURCES, id_style="uuid",
                  title="Zscaler Microsegmentation", properties=("zmicroseg",), order=90)
