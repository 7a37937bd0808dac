"""ZCC (Client Connector) catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.
"""

from __future__ import annotations

from . import zcc_hooks as h
from .hooks import chain
from .spec import Login, Product, Resource, op

BASE = "/zcc/papi/public/v1"


RESOURCES = (
    Resource(
        "admin_user",
        (
            op("get_admin_user_sync_info", "GET", BASE + "/getAdminUsersSyncInfo", "", "object", "AdminUserSyncInfo"),
            op("list_admin_roles", "GET", BASE + "/getAdminRoles", "query_params=None", "list", "AdminRoles"),
            op("list_admin_users", "GET", BASE + "/getAdminUsers", "query_params=None", "list", "AdminUser"),
            op("sync_zia_zdx_admin_users", "POST", BASE + "/syncZiaZdxAdminUsers", "", "list",
               doc="Sync ZIA ZDX admin users."),
            op("sync_zpa_admin_users", "POST", BASE + "/syncZpaAdminUsers", "", "list", doc="Sync ZPA admin users."),
        ),
        model="AdminUserSyncInfo",
    ),
    Resource(
        "application_profiles",
        (
            op("get_application_profile", "GET", BASE + "/application-profiles/{profile_id}", "profile_id", "object",
               "ApplicationProfile"),
            op("get_application_profiles", "GET", BASE + "/application-profiles", "query_params=None", "list",
               "ApplicationProfile", hook=h.zcc_params, paging="zcc_policies",
               doc="Get application profiles (``device_type`` by name: ios, android, windows, macos, linux)."),
            op("update_application_profile", "PATCH", BASE + "/application-profiles/{profile_id}",
               "profile_id, **kwargs", "object", "ApplicationProfile", hook=chain(h.zcc_params, h.policy_id_in_body),
               doc="Update application profile (PATCH; the id is repeated in the body as ``policyId``)."),
        ),
        model="ApplicationProfile",
    ),
    Resource(
        "company",
        (
            op("get_company_info", "GET", BASE + "/getCompanyInfo", "", "list_of_one", "CompanyInfo",
               doc="Get company info (a one-element list)."),
        ),
        model="CompanyInfo",
    ),
    Resource(
        "custom_ip_base_apps",
        (
            op("get_custom_ip_base_app", "GET", BASE + "/custom-ip-based-apps/{app_id}", "app_id", "object",
               "CustomIpBaseApps", doc="Get custom IP base app."),
            op("get_custom_ip_base_apps", "GET", BASE + "/custom-ip-based-apps", "", "list", "CustomIpBaseApps",
               paging="zcc_custom_apps", doc="Get custom IP base apps."),
        ),
        model="CustomIpBaseApps",
    ),
    Resource(
        "devices",
        (
            op("download_devices", "GET", BASE + "/downloadDevices", "query_params=None, filename=None", "bytes",
               local=("filename",), hook=h.downloads("zcc-devices"), returns="bare",
               doc="Download devices as CSV into ``filename`` (default ``zcc-devices-<time>.csv``); returns the name."),
            op("download_disable_reasons", "GET", BASE + "/downloadDisableReasons", "query_params=None, filename=None",
               "bytes", local=("filename",), hook=h.downloads("zcc-disable-reasons", h.time_zone_header), returns="bare",
               doc="Download disable reasons as CSV into ``filename`` and return the name (``time_zone`` is a header)."),
            op("download_service_status", "GET", BASE + "/downloadServiceStatus", "query_params=None, filename=None",
               "bytes", local=("filename",), hook=h.downloads("zcc-service-status"), returns="bare",
               doc="Download service status as CSV into ``filename`` and return the name."),
            op("force_remove_devices", "POST", BASE + "/forceRemoveDevices", "query_params=None, **kwargs",
               "list_of_one", "ForceRemoveDevices", hook=h.zcc_params, doc="Force remove devices (a one-element list)."),
            op("get_device_cleanup_info", "GET", BASE + "/getDeviceCleanupInfo", "", "list_of_one", "DeviceCleanup",
               doc="Get device cleanup info (a one-element list)."),
            op("get_device_details", "GET", BASE + "/getDeviceDetails", "query_params=None", "object", "DeviceDetails"),
            op("list_devices", "GET", BASE + "/getDevices", "query_params=None", "list", "Device", hook=h.zcc_params,
               doc="List devices (``os_type`` by name: ios, android, windows, macos, linux; ``username``)."),
            op("remove_devices", "POST", BASE + "/removeDevices", "query_params=None, **kwargs",
               "list_of_one", "ForceRemoveDevices", hook=h.zcc_params, doc="Remove devices (a one-element list)."),
            op("remove_machine_tunnel", "POST", BASE + "/removeMachineTunnel", "query_params=None, **kwargs", "raw",
               hook=h.camel_body),
            op("update_device_cleanup_info", "PUT", BASE + "/setDeviceCleanupInfo", "**kwargs", "object",
               "SetDeviceCleanupInfo"),
        ),
        model="ForceRemoveDevices",
    ),
    Resource(
        "entitlements",
        (
            op("get_zdx_group_entitlements", "GET", BASE + "/getZdxGroupEntitlements", "query_params=None",
               "list_of_one", "ZdxGroupEntitlements", doc="Get ZDX group entitlements (a one-element list)."),
            op("get_zpa_group_entitlements", "GET", BASE + "/getZpaGroupEntitlements", "query_params=None",
               "list_of_one", "ZpaGroupEntitlements", doc="Get ZPA group entitlements (a one-element list)."),
            op("update_zdx_group_entitlement", "PUT", BASE + "/updateZdxGroupEntitlement", "", "object",
               "ZdxGroupEntitlements", doc="Update ZDX group entitlement."),
            op("update_zpa_group_entitlement", "PUT", BASE + "/updateZpaGroupEntitlement", "", "object",
               "ZpaGroupEntitlements", doc="Update ZPA group entitlement."),
        ),
        model="ZdxGroupEntitlements",
    ),
    Resource(
        "fail_open_policy",
        (
            op("list_by_company", "GET", BASE + "/webFailOpenPolicy/listByCompany", "query_params=None", "list",
               "FailOpenPolicy"),
            op("update_failopen_policy", "PUT", BASE + "/webFailOpenPolicy/edit", "**kwargs", "object",
               "FailOpenPolicy"),
        ),
        model="FailOpenPolicy",
    ),
    Resource(
        "forwarding_profile",
        (
            op("delete_forwarding_profile", "DELETE", BASE + "/webForwardingProfile/{profile_id}/delete", "profile_id",
               "none"),
            op("list_by_company", "GET", BASE + "/webForwardingProfile/listByCompany", "query_params=None", "list",
               "ForwardingProfile"),
            op("update_forwarding_profile", "POST", BASE + "/webForwardingProfile/edit", "**kwargs", "object",
               "ForwardingProfile", hook=h.model_keys(h.FORWARDING_PROFILE_KEYS),
               doc="Create (no ``id``) or update a forwarding profile."),
        ),
        model="ForwardingProfile",
    ),
    Resource(
        "predefined_ip_based_apps",
        (
            op("get_predefined_ip_based_app", "GET", BASE + "/predefined-ip-based-apps/{app_id}", "app_id", "object",
               "PredefinedIPBasedApps", doc="Get predefined IP based app."),
            op("get_predefined_ip_based_apps", "GET", BASE + "/predefined-ip-based-apps", "", "list",
               "PredefinedIPBasedApps", paging="zcc_predefined_apps", doc="Get predefined IP based apps."),
        ),
        model="PredefinedIPBasedApps",
    ),
    Resource(
        "process_based_apps",
        (
            op("get_process_based_app", "GET", BASE + "/process-based-apps/{app_id}", "app_id", "object",
               "ProcessBasedApps"),
            op("get_process_based_apps", "GET", BASE + "/process-based-apps", "", "list", "ProcessBasedApps",
               paging="zcc_process_apps"),
        ),
        model="ProcessBasedApps",
    ),
    Resource(
        "secrets",
        (
            op("get_otp", "GET", BASE + "/getOtp", "query_params=None", "object", "OtpResponse",
               wire={"device_id": "udid"}, hook=h.device_id_as_udid, doc="Get OTP (``device_id`` is sent as ``udid``)."),
            op("get_passwords", "GET", BASE + "/getPasswords", "query_params=None", "object", "Passwords",
               hook=h.zcc_params, doc="Get passwords (``os_type`` by name, ``username``)."),
        ),
        model="OtpResponse",
    ),
    Resource(
        "trusted_networks",
        (
            op("add_trusted_network", "POST", BASE + "/webTrustedNetwork/create", "**kwargs", "object",
               "TrustedNetworks"),
            op("delete_trusted_network", "DELETE", BASE + "/webTrustedNetwork/{network_id}/delete", "network_id",
               "none"),
            op("list_by_company", "GET", BASE + "/webTrustedNetwork/listByCompany", "query_params=None", "list",
               "TrustedNetworks", paging="zcc_trusted_networks"),
            op("update_trusted_network", "PUT", BASE + "/webTrustedNetwork/edit", "**kwargs", "object",
               "TrustedNetworks"),
        ),
        model="TrustedNetworks",
    ),
    Resource(
        "web_app_service",
        (
            op("list_by_company", "GET", BASE + "/webAppService/listByCompany", "query_params=None", "list",
               "WebAppService"),
        ),
        model="WebAppService",
    ),
    Resource(
        "web_policy",
        (
            op("activate_web_policy", "PUT", BASE + "/web/policy/activate", "**kwargs", "object", "WebPolicy",
               hook=h.zcc_params, doc="Activate web policy (``device_type`` by name)."),
            op("delete_web_policy", "DELETE", BASE + "/web/policy/{policy_id}/delete", "policy_id", "none"),
            op("list_by_company", "GET", BASE + "/web/policy/listByCompany", "query_params=None", "list", "WebPolicy",
               hook=h.zcc_params, doc="List by company (``device_type`` by name)."),
            op("web_policy_edit", "PUT", BASE + "/web/policy/edit", "**kwargs", "object", "WebPolicy",
               hook=h.model_keys(h.WEB_POLICY_KEYS), doc="Create (no ``id``) or update a web policy."),
        ),
        model="WebPolicy",
    ),
    Resource(
        "web_privacy",
        (
            op("get_web_privacy", "GET", BASE + "/getWebPrivacyInfo", "", "raw", returns="bare_or_none",
               doc="The web privacy settings (a dict; on an error: logged, ``None`` returned)."),
            op("set_web_privacy_info", "PUT", BASE + "/setWebPrivacyInfo", "**kwargs", "object", "WebPrivacy"),
        ),
        model="WebPrivacy",
    ),
)

PRODUCT = Product("zcc", "/zcc", "zcc", RESOURCES, body_case="zcc",
                  title="Zscaler Client Connector", order=30,
                  legacy=Login(client="LegacyZCCClient", provider="ZCCLogin",
                               keys={"api_key": ("ZCC_CLIENT_ID", "api_key"),
                                     "secret_key": ("ZCC_CLIENT_SECRET", "secret_key"), "cloud": ("ZCC_CLOUD",)},
                               required=("api_key", "secret_key"), args={"api_key": "api_key", "secret_key": "secret_key"},
                               host="https://api-mobile.{cloud}.net", hosts={"zscalerten": "https://mobile6.zscalerten.net"},
                               defaults={"cloud": "zscaler"}))
