"""AI Guard catalog.

Bootstrapped by tools/gen_catalog.py from the API inventory; maintained by hand since.
"""

from __future__ import annotations


from . import aiguard_hooks
from .spec import Product, Resource, op

BASE = "/aiguard/v1"


RESOURCES = (
    Resource(
        "llm_application_credentials",
        (
            op("add_credential", "POST", BASE + "/llm-application-credentials", "**kwargs", "object",
               "LlmApplicationCredentials", doc="Add credential."),
            op("delete_credential", "DELETE", BASE + "/llm-application-credentials/{credential_id}", "credential_id",
               "none", doc="Delete credential."),
            op("get_credential", "GET", BASE + "/llm-application-credentials/{credential_id}", "credential_id",
               "object", "LlmApplicationCredentials", doc="Get credential."),
            op("get_credential_by_name", "GET", BASE + "/llm-application-credentials/name/{name}", "name", "object",
               "LlmApplicationCredentials", doc="Get credential by name."),
            op("list_credentials", "GET", BASE + "/llm-application-credentials", "query_params=None", "list",
               "LlmApplicationCredentials", doc="List credentials."),
            op("regenerate_credential", "POST", BASE + "/llm-application-credentials/{credential_id}/regenerate",
               "credential_id", "object", "LlmApplicationCredentials", doc="Regenerate credential."),
            op("update_credential", "PUT", BASE + "/llm-application-credentials/{credential_id}",
               "credential_id, **kwargs", "object", "LlmApplicationCredentials", doc="Update credential."),
        ),
        model="LlmApplicationCredentials",
        required=("name",),
    ),
    Resource(
        "llm_applications",
        (
            op("add_application", "POST", BASE + "/llm-applications", "**kwargs", "object", "LlmApplications",
               doc="Add application."),
            op("delete_application", "DELETE", BASE + "/llm-applications/{application_id}", "application_id", "none",
               doc="Delete application."),
            op("get_application", "GET", BASE + "/llm-applications/{application_id}", "application_id", "object",
               "LlmApplications", doc="Get application."),
            op("get_application_by_name", "GET", BASE + "/llm-applications/name/{name}", "name", "object",
               "LlmApplications", doc="Get application by name."),
            op("list_applications", "GET", BASE + "/llm-applications", "query_params=None", "list", "LlmApplications",
               doc="List applications."),
            op("update_application", "PUT", BASE + "/llm-applications/{application_id}", "application_id, **kwargs",
               "object", "LlmApplications", doc="Update application."),
        ),
        model="LlmApplications",
        required=("name",),
    ),
    Resource(
        "llm_provider_credentials",
        (
            op("add_credential", "POST", BASE + "/llm-provider-credentials", "**kwargs", "object",
               "LlmProviderCredentials", doc="Add credential."),
            op("delete_credential", "DELETE", BASE + "/llm-provider-credentials/{credential_id}", "credential_id",
               "none", doc="Delete credential."),
            op("get_credential", "GET", BASE + "/llm-provider-credentials/{credential_id}", "credential_id", "object",
               "LlmProviderCredentials", doc="Get credential."),
            op("get_credential_by_name", "GET", BASE + "/llm-provider-credentials/name/{name}", "name", "object",
               "LlmProviderCredentials", doc="Get credential by name."),
            op("list_credentials", "GET", BASE + "/llm-provider-credentials", "query_params=None", "list",
               "LlmProviderCredentials", doc="List credentials."),
            op("update_credential", "PUT", BASE + "/llm-provider-credentials/{credential_id}",
               "credential_id, **kwargs", "object", "LlmProviderCredentials", doc="Update credential."),
        ),
        model="LlmProviderCredentials",
        required=("name",),
    ),
    Resource(
        "llm_providers",
        (
            op("add_provider", "POST", BASE + "/llm-providers", "**kwargs", "object", "LlmProviders",
               doc="Add provider."),
            op("delete_provider", "DELETE", BASE + "/llm-providers/{provider_id}", "provider_id", "none",
               doc="Delete provider."),
            op("get_provider", "GET", BASE + "/llm-providers/{provider_id}", "provider_id", "object", "LlmProviders",
               doc="Get provider."),
            op("get_provider_by_name", "GET", BASE + "/llm-providers/name/{name}", "name", "object", "LlmProviders",
               doc="Get provider by name."),
            op("get_provider_type", "GET", BASE + "/llm-provider-types/{provider_type}", "provider_type", "raw",
               doc="Get provider type."),
            op("list_provider_types", "GET", BASE + "/llm-provider-types", "query_params=None", "raw_list",
               doc="List provider types."),
            op("list_providers", "GET", BASE + "/llm-providers", "query_params=None", "list", "LlmProviders",
               doc="List providers."),
            op("update_provider", "PUT", BASE + "/llm-providers/{provider_id}", "provider_id, **kwargs", "object",
               "LlmProviders", doc="Update provider."),
        ),
        model="LlmProviders",
        required=("name",),
    ),
    Resource(
        "policies",
        (
            op("add_policy", "POST", BASE + "/detections/policies", "**kwargs", "object", "Policies",
               doc="Add policy."),
            op("delete_policy", "DELETE", BASE + "/detections/policies/{policy_id}", "policy_id", "none",
               doc="Delete policy."),
            op("get_policy", "GET", BASE + "/detections/policies/{policy_id}", "policy_id", "object", "Policies",
               doc="Get policy."),
            op("get_policy_by_name", "GET", BASE + "/detections/policies/name/{name}", "name", "object", "Policies",
               doc="Get policy by name."),
            op("list_policies", "GET", BASE + "/detections/policies", "query_params=None", "list", "Policies",
               doc="List policies."),
            op("update_policy", "PUT", BASE + "/detections/policies/{policy_id}", "policy_id, **kwargs", "object",
               "Policies", doc="Update policy."),
        ),
        model="Policies",
        required=("name",),
    ),
    Resource(
        "policy_detection",
        (
            op("execute_policy", "POST", BASE + "/detection/execute-policy",
               "content, direction, policy_id=None, transaction_id=None", "object", "ExecuteDetectionsPolicyResponse",
               doc="Execute policy."),
            op("resolve_and_execute_policy", "POST", BASE + "/detection/resolve-and-execute-policy",
               "content, direction, transaction_id=None, user=None, headers=None", "object",
               "ResolveAndExecuteDetectionsPolicyResponse", local=("headers",), hook=aiguard_hooks.extra_headers,
               doc="Resolve and execute policy; ``headers`` (a dict) are sent as HTTP headers."),
        ),
        model="ExecuteDetectionsPolicyResponse",
    ),
    Resource(
        "policy_match_rules",
        (
            op("add_rule", "POST", BASE + "/detections/policy-match-rules", "**kwargs", "object", "PolicyMatchRules",
               doc="Add rule."),
            op("delete_rule", "DELETE", BASE + "/detections/policy-match-rules/{rule_id}", "rule_id", "none",
               doc="Delete rule."),
            op("get_rule", "GET", BASE + "/detections/policy-match-rules/{rule_id}", "rule_id", "object",
               "PolicyMatchRules", doc="Get rule."),
            op("get_rule_by_name", "GET", BASE + "/detections/policy-match-rules/name/{name}", "name", "object",
               "PolicyMatchRules", doc="Get rule by name."),
            op("list_rules", "GET", BASE + "/detections/policy-match-rules", "query_params=None", "list",
               "PolicyMatchRules", doc="List rules."),
            op("update_rule", "PUT", BASE + "/detections/policy-match-rules/{rule_id}", "rule_id, **kwargs", "object",
               "PolicyMatchRules", doc="Update rule."),
        ),
        model="PolicyMatchRules",
        required=("name",),
    ),
)

PRODUCT = Product("aiguard", "/aiguard", "aiguard", RESOURCES, id_style="uuid",
                  title="AI Guard", properties=("zguard",), order=130)
