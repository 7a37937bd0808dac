"""ZIdentity catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.
"""

from __future__ import annotations

from . import zid_hooks
from .spec import Product, Resource, op

BASE = "/ziam/admin/api/v1"


RESOURCES = (
    Resource(
        "api_client",
        (
            op("add_api_client", "POST", BASE + "/api-clients", "**kwargs", "object", "APIClientRecords",
               doc="Add API client."),
            op("add_api_client_secret", "POST", BASE + "/api-clients/{client_id}/secrets", "client_id, **kwargs",
               "object", "APIClientSecrets", doc="Add API client secret."),
            op("delete_api_client", "DELETE", BASE + "/api-clients/{client_id}", "client_id", "none",
               doc="Delete API client."),
            op("delete_api_client_secret", "DELETE", BASE + "/api-clients/{client_id}/secrets/{secret_id}",
               "client_id, secret_id", "none", doc="Delete API client secret."),
            op("get_api_client", "GET", BASE + "/api-clients/{client_id}", "client_id", "object", "APIClientRecords",
               doc="Get API client."),
            op("get_api_client_secret", "GET", BASE + "/api-clients/{client_id}/secrets", "client_id", "object",
               "APIClientSecrets", doc="Get API client secret."),
            op("list_api_clients", "GET", BASE + "/api-clients", "query_params=None", "list", "APIClientRecords",
               hook=zid_hooks.records_page("APIClients"), doc="List API clients (a page envelope; see list_users)."),
            op("update_api_client", "PUT", BASE + "/api-clients/{client_id}", "client_id, **kwargs", "object",
               "APIClientRecords", doc="Update API client."),
        ),
        model="APIClientRecords",
        required=("name",),
    ),
    Resource(
        "groups",
        (
            op("list_groups", "GET", BASE + "/groups", "query_params=None", "list", "GroupRecord",
               hook=zid_hooks.records_page("Groups"), doc="List groups (a page envelope; see list_users)."),
            op("add_group", "POST", BASE + "/groups", "**kwargs", "object", "GroupRecord"),
            op("add_user_to_group", "POST", BASE + "/groups/{group_id}/users/{user_id}", "group_id, user_id, **kwargs",
               "object", "GroupRecord"),
            op("add_users_to_group", "POST", BASE + "/groups/{group_id}/users", "group_id, **kwargs", "object",
               "GroupRecord", hook=zid_hooks.id_list_body,
               doc="Add users to a group: ``id=[user ids]`` is sent as ``[{\"id\": ...}]``."),
            op("delete_group", "DELETE", BASE + "/groups/{group_id}", "group_id", "none"),
            op("get_group", "GET", BASE + "/groups/{group_id}", "group_id", "object", "GroupRecord"),
            op("list_group_users_details", "GET", BASE + "/groups/{group_id}/users", "group_id, query_params=None",
               "list", "UserRecord", hook=zid_hooks.records_page("Groups"),
               doc="List the users of a group (a page envelope; see list_users)."),
            op("remove_user_from_group", "DELETE", BASE + "/groups/{group_id}/users/{user_id}", "group_id, user_id",
               "none"),
            op("replace_users_groups", "PUT", BASE + "/groups/{group_id}/users", "group_id, **kwargs", "object",
               "GroupRecord", hook=zid_hooks.id_list_body,
               doc="Replace the users of a group: ``id=[user ids]`` is sent as ``[{\"id\": ...}]``."),
            op("update_group", "PUT", BASE + "/groups/{group_id}", "group_id, **kwargs", "object", "GroupRecord"),
        ),
        model="GroupRecord",
        required=("name",),
    ),
    Resource(
        "resource_servers",
        (
            op("get_resource_server", "GET", BASE + "/resource-servers/{resource_id}", "resource_id", "object",
               "ResourceServersRecord"),
            op("list_resource_servers", "GET", BASE + "/resource-servers", "query_params=None", "list",
               "ResourceServersRecord", hook=zid_hooks.records_page("ResourceServers"),
               doc="List resource servers (a page envelope; see list_users)."),
        ),
        model="ResourceServersRecord",
    ),
    Resource(
        "user_entitlement",
        (
            op("get_admin_entitlement", "GET", BASE + "/users/{user_id}/admin-entitlements", "user_id", "object",
               "Entitlements"),
            op("get_service_entitlement", "GET", BASE + "/users/{user_id}/service-entitlements", "user_id", "object",
               "Service"),
        ),
        model="Entitlements",
    ),
    Resource(
        "users",
        (
            op("list_users", "GET", BASE + "/users", "query_params=None", "list", "UserRecord",
               hook=zid_hooks.records_page("Users"),
               doc="List users. The result is the page envelope (``records``, ``results_total``, ``next_link``) "
                   "and also the list of its records; ``resp.has_next()``/``resp.next()`` follow ``next_link``."),
            op("add_user", "POST", BASE + "/users", "**kwargs", "object", "UserRecord"),
            op("delete_user", "DELETE", BASE + "/users/{user_id}", "user_id", "none"),
            op("get_user", "GET", BASE + "/users/{user_id}", "user_id", "object", "UserRecord"),
            op("list_user_group_details", "GET", BASE + "/users/{user_id}/groups", "user_id, query_params=None", "list",
               "UserRecord"),
            op("update_user", "PUT", BASE + "/users/{user_id}", "user_id, **kwargs", "object", "UserRecord"),
        ),
        model="UserRecord",
    ),
)

PRODUCT = Product("zid", "/ziam", "ziam", RESOURCES, id_style="uuid",
                  title="ZIdentity", properties=("zidentity",), paths=("/ziam/admin/api/v1",), order=70)
