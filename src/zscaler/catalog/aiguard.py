"""AI Guard catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.
"""

from __future__ import annotations


from . import aiguard_hooks
from .spec import Login, Product, Resource, crud, in_name_order, op

BASE = "/aiguard/v1"


RESOURCES = (
    Resource(
        "llm_application_credentials",
        in_name_order(
            *crud(BASE, "/llm-application-credentials", "LlmApplicationCredentials", list_name="list_credentials",
                  get_name="get_credential", add_name="add_credential", update_name="update_credential",
                  delete_name="delete_credential", id_arg="credential_id", extra={"get": {"params": "credential_id"}}),
            op("get_credential_by_name", "GET", BASE + "/llm-application-credentials/name/{name}", "name", "object",
               "LlmApplicationCredentials"),
            op("regenerate_credential", "POST", BASE + "/llm-application-credentials/{credential_id}/regenerate",
               "credential_id", "object", "LlmApplicationCredentials"),
        ),
        model="LlmApplicationCredentials",
        required=("name",),
    ),
    Resource(
        "llm_applications",
        in_name_order(
            *crud(BASE, "/llm-applications", "LlmApplications", list_name="list_applications",
                  get_name="get_application", add_name="add_application", update_name="update_application",
                  delete_name="delete_application", id_arg="application_id",
                  extra={"get": {"params": "application_id"}}),
            op("get_application_by_name", "GET", BASE + "/llm-applications/name/{name}", "name", "object",
               "LlmApplications"),
        ),
        model="LlmApplications",
        required=("name",),
    ),
    Resource(
        "llm_provider_credentials",
        in_name_order(
            *crud(BASE, "/llm-provider-credentials", "LlmProviderCredentials", list_name="list_credentials",
                  get_name="get_credential", add_name="add_credential", update_name="update_credential",
                  delete_name="delete_credential", id_arg="credential_id", extra={"get": {"params": "credential_id"}}),
            op("get_credential_by_name", "GET", BASE + "/llm-provider-credentials/name/{name}", "name", "object",
               "LlmProviderCredentials"),
        ),
        model="LlmProviderCredentials",
        required=("name",),
    ),
    Resource(
        "llm_providers",
        in_name_order(
            *crud(BASE, "/llm-providers", "LlmProviders", list_name="list_providers", get_name="get_provider",
                  add_name="add_provider", update_name="update_provider", delete_name="delete_provider",
                  id_arg="provider_id", extra={"get": {"params": "provider_id"}}),
            op("get_provider_by_name", "GET", BASE + "/llm-providers/name/{name}", "name", "object", "LlmProviders"),
            op("get_provider_type", "GET", BASE + "/llm-provider-types/{provider_type}", "provider_type", "raw"),
            op("list_provider_types", "GET", BASE + "/llm-provider-types", "query_params=None", "raw_list"),
        ),
        model="LlmProviders",
        required=("name",),
    ),
    Resource(
        "policies",
        in_name_order(
            *crud(BASE, "/detections/policies", "Policies", list_name="list_policies", get_name="get_policy",
                  add_name="add_policy", update_name="update_policy", delete_name="delete_policy", id_arg="policy_id",
                  extra={"get": {"params": "policy_id"}}),
            op("get_policy_by_name", "GET", BASE + "/detections/policies/name/{name}", "name", "object", "Policies"),
        ),
        model="Policies",
        required=("name",),
    ),
    Resource(
        "policy_detection",
        (
            op("execute_policy", "POST", BASE + "/detection/execute-policy",
               "content, direction, policy_id=None, transaction_id=None", "object", "ExecuteDetectionsPolicyResponse"),
            op("resolve_and_execute_policy", "POST", BASE + "/detection/resolve-and-execute-policy",
               "content, direction, transaction_id=None, user=None, headers=None", "object",
               "ResolveAndExecuteDetectionsPolicyResponse", local=("headers",), hook=aiguard_hooks.extra_headers,
               doc="Resolve and execute policy; ``headers`` (a dict) are sent as HTTP headers."),
        ),
        model="ExecuteDetectionsPolicyResponse",
    ),
    Resource(
        "policy_match_rules",
        in_name_order(
            *crud(BASE, "/detections/policy-match-rules", "PolicyMatchRules", list_name="list_rules",
                  get_name="get_rule", add_name="add_rule", update_name="update_rule", delete_name="delete_rule",
                  id_arg="rule_id", extra={"get": {"params": "rule_id"}}),
            op("get_rule_by_name", "GET", BASE + "/detections/policy-match-rules/name/{name}", "name", "object",
               "PolicyMatchRules"),
        ),
        model="PolicyMatchRules",
        required=("name",),
    ),
)

PRODUCT = Product("aiguard", "/aiguard", "aiguard", RESOURCES, id_style="uuid",
                  title="AI Guard", properties=("zguard",), order=130,
                  legacy=Login(client="LegacyAIGuardClient", provider="AIGuardKey",
                               keys={"api_key": ("AIGUARD_API_KEY",), "cloud": ("AIGUARD_CLOUD",)}, required=("api_key",),
                               args={"api_key": "api_key"}, host="https://api.{cloud}.zseclipse.net",
                               defaults={"cloud": "us1"}))
