"""ZDX (Digital Experience) catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.
"""

from __future__ import annotations

from . import zdx_hooks
from .spec import Login, Product, Resource, op, with_shorthands

BASE = "/zdx/v1"
#: Listings answered as one envelope per page (``{"devices": [...], "next_offset": ...}``): the
#: result is a one-element list of the envelope model, as the official SDK returns, and the
#: response pages by ``next_offset`` (``resp.has_next()`` / ``resp.next()`` give the next envelope).
ENVELOPE = "zdx_envelope"


RESOURCES = (
    Resource(
        "admin",
        (
            op("list_departments", "GET", BASE + "/administration/departments", "query_params=None", "list",
               "Administration"),
            op("list_locations", "GET", BASE + "/administration/locations", "query_params=None", "list",
               "Administration"),
        ),
        model="Administration",
    ),
    Resource(
        "alerts",
        (
            op("get_alert", "GET", BASE + "/alerts/{alert_id}", "alert_id", "object", "AlertDetails"),
            op("list_affected_devices", "GET", BASE + "/alerts/{alert_id}/affected_devices",
               "alert_id, query_params=None", "list", "AffectedDevices", paging=ENVELOPE),
            op("list_historical", "GET", BASE + "/alerts/historical", "query_params=None", "list", "Alerts",
               paging=ENVELOPE),
            op("list_ongoing", "GET", BASE + "/alerts/ongoing", "query_params=None", "list", "Alerts",
               paging=ENVELOPE),
        ),
        model="Alerts",
    ),
    Resource(
        "apps",
        (
            op("get_app", "GET", BASE + "/apps/{app_id}", "app_id, query_params=None", "list_of_one",
               "ApplicationScore"),
            op("get_app_metrics", "GET", BASE + "/apps/{app_id}/metrics", "app_id, query_params=None", "list",
               "ApplicationMetrics"),
            op("get_app_score", "GET", BASE + "/apps/{app_id}/score", "app_id, query_params=None", "list_of_one",
               "ApplicationScoreTrend"),
            op("get_app_user", "GET", BASE + "/apps/{app_id}/users/{user_id}", "app_id, user_id, query_params=None",
               "list_of_one", "ApplicationUserDetails"),
            op("list_app_users", "GET", BASE + "/apps/{app_id}/users", "app_id, query_params=None", "list_of_one",
               "ApplicationActiveUsers"),
            op("list_apps", "GET", BASE + "/apps", "query_params=None", "list", "ActiveApplications"),
        ),
        model="ApplicationScore",
    ),
    Resource(
        "devices",
        (
            op("get_call_quality_metrics", "GET", BASE + "/devices/{device_id}/apps/{app_id}/call-quality-metrics",
               "device_id, app_id, query_params=None", "list", "CallQualityMetrics"),
            op("get_cloudpath", "GET",
               BASE + "/devices/{device_id}/apps/{app_id}/cloudpath-probes/{probe_id}/cloudpath",
               "device_id, app_id, probe_id, query_params=None", "list", "DeviceCloudPathProbesHopData"),
            op("get_cloudpath_probe", "GET", BASE + "/devices/{device_id}/apps/{app_id}/cloudpath-probes/{probe_id}",
               "device_id, app_id, probe_id, query_params=None", "list", "DeviceCloudPathProbesMetric"),
            op("get_device", "GET", BASE + "/devices/{device_id}", "device_id, query_params=None", "list_of_one",
               "DeviceModelInfo"),
            op("get_device_app", "GET", BASE + "/devices/{device_id}/apps/{app_id}",
               "device_id, app_id, query_params=None", "list_of_one", "DeviceAppScoreTrend"),
            op("get_device_apps", "GET", BASE + "/devices/{device_id}/apps", "device_id, query_params=None",
               "list_of_one", "DeviceActiveApplications"),
            op("get_events", "GET", BASE + "/devices/{device_id}/events", "device_id, query_params=None", "list",
               "DeviceEvents"),
            op("get_health_metrics", "GET", BASE + "/devices/{device_id}/health-metrics",
               "device_id, query_params=None", "list", "DeviceHealthMetrics"),
            op("get_web_probe", "GET", BASE + "/devices/{device_id}/apps/{app_id}/web-probes/{probe_id}",
               "device_id, app_id, probe_id, query_params=None", "list", "DeviceWebProbePageFetch"),
            op("get_web_probes", "GET", BASE + "/devices/{device_id}/apps/{app_id}/web-probes",
               "device_id, app_id, query_params=None", "list", "DeviceAppWebProbes"),
            op("list_cloudpath_probes", "GET", BASE + "/devices/{device_id}/apps/{app_id}/cloudpath-probes",
               "device_id, app_id, query_params=None", "list", "DeviceAppCloudPathProbes"),
            op("list_devices", "GET", BASE + "/devices", "query_params=None", "list", "Devices",
               paging=ENVELOPE),
            op("list_geolocations", "GET", BASE + "/active_geo", "query_params=None", "list", "DeviceActiveGeo"),
        ),
        model="DeviceCloudPathProbesMetric",
    ),
    Resource(
        "inventory",
        (
            op("list_software_keys", "GET", BASE + "/inventory/software/{software_key}",
               "software_key, query_params=None", "list", "DeviceSoftwareInventory", paging="zdx_software",
               doc="The devices of one software key (the ``software`` items; ``resp.next()`` pages by ``next_offset``)."),
            op("list_softwares", "GET", BASE + "/inventory/software", "query_params=None", "list",
               "DeviceSoftwareInventory", paging="zdx_software",
               doc="The software inventory (the ``software`` items; ``resp.next()`` pages by ``next_offset``)."),
        ),
    ),
    Resource(
        "snapshot",
        (
            op("share_snapshot", "POST", BASE + "/snapshot/alert", "**kwargs", "object", "Snapshot",
               hook=zdx_hooks.snapshot_body,
               doc="Share a snapshot of an alert: ``name``, ``alert_id``, ``expiry`` (hours from now), "
                   "``obfuscation``."),
        ),
        model="Snapshot",
    ),
    Resource(
        "troubleshooting",
        (
            op("delete_analysis", "DELETE", BASE + "/analysis/{analysis_id}", "analysis_id", "none"),
            op("delete_deeptrace", "DELETE", BASE + "/devices/{device_id}/deeptraces/{trace_id}", "device_id, trace_id",
               "none"),
            # the official SDK declares a list but reads items from a body that has none (always []);
            # the API answers one analysis record (status and result)
            op("get_analysis", "GET", BASE + "/analysis/{analysis_id}", "analysis_id", "raw",
               hook=zdx_hooks.one_element_list,
               doc="The status and result of a score analysis, as a one-element list of the dict."),
            op("get_deeptrace", "GET", BASE + "/devices/{device_id}/deeptraces/{trace_id}", "device_id, trace_id",
               "list_of_one", "DeviceDeepTraces"),
            op("get_deeptrace_cloudpath", "GET", BASE + "/devices/{device_id}/deeptraces/{trace_id}/cloudpath",
               "device_id, trace_id", "list_of_one", "DeepTraceCloudPath"),
            op("get_deeptrace_cloudpath_metrics", "GET",
               BASE + "/devices/{device_id}/deeptraces/{trace_id}/cloudpath-metrics", "device_id, trace_id",
               "list_of_one", "DeepTraceCloudPathMetric"),
            op("get_deeptrace_events", "GET", BASE + "/devices/{device_id}/deeptraces/{trace_id}/events",
               "device_id, trace_id", "list_of_one", "DeepTraceEvents"),
            op("get_deeptrace_health_metrics", "GET",
               BASE + "/devices/{device_id}/deeptraces/{trace_id}/health-metrics", "device_id, trace_id", "list_of_one",
               "DeepTraceHealthMetrics"),
            op("get_deeptrace_webprobe_metrics", "GET",
               BASE + "/devices/{device_id}/deeptraces/{trace_id}/webprobe-metrics", "device_id, trace_id",
               "list_of_one", "DeepTraceWebProbeMetrics"),
            op("list_deeptraces", "GET", BASE + "/devices/{device_id}/deeptraces", "device_id", "list",
               "DeviceDeepTraces"),
            op("list_top_processes", "GET", BASE + "/devices/{device_id}/deeptraces/{trace_id}/top-processes",
               "device_id, trace_id", "list_of_one", "DeviceTopProcesses"),
            op("start_analysis", "POST", BASE + "/analysis", "**kwargs", "object", "DeviceApplicationAnalysis"),
            op("start_deeptrace", "POST", BASE + "/devices/{device_id}/deeptraces", "device_id, **kwargs", "object",
               "TraceDetails"),
        ),
        model="DeviceDeepTraces",
    ),
    Resource(
        "users",
        (
            op("get_user", "GET", BASE + "/users/{user_id}", "user_id, query_params=None", "list_of_one",
               "UserDeviceDetails"),
            op("list_users", "GET", BASE + "/users", "query_params=None", "list", "ActiveUsers",
               paging=ENVELOPE),
        ),
        model="UserDeviceDetails",
    ),
)

#: keywords the official ``zdx_params`` decorator takes beside a method's signature (``list_devices(since=2)``);
#: each joins ``query_params`` (the query rule then spells it: ``since`` -> ``from``/``to``, ``search`` -> ``q`` ...)
SHORTHANDS = ("since", "search", "location_id", "department_id", "geo_id", "exclude_dept", "exclude_loc", "exclude_geo",
              "score_bucket", "limit", "offset", "expiry")
#: the methods that decorator wraps (and share_snapshot, whose ``**kwargs`` takes every keyword already)
WITH_SHORTHANDS = {
    "admin": ("list_departments", "list_locations"),
    "alerts": ("list_affected_devices", "list_historical", "list_ongoing"),
    "apps": ("get_app", "get_app_metrics", "get_app_score", "get_app_user", "list_app_users", "list_apps"),
    "devices": ("get_call_quality_metrics", "get_cloudpath", "get_cloudpath_probe", "get_device", "get_device_app",
                "get_device_apps", "get_events", "get_health_metrics", "get_web_probe", "get_web_probes",
                "list_cloudpath_probes", "list_devices", "list_geolocations"),
    "inventory": ("list_software_keys", "list_softwares"),
    "users": ("get_user", "list_users"),
}
PRODUCT = Product("zdx", "/zdx", "zdx", with_shorthands(RESOURCES, WITH_SHORTHANDS, SHORTHANDS), body_case="none",
                  query="zdx", title="Zscaler Digital Experience", order=40,
                  legacy=Login(client="LegacyZDXClient", provider="ZDXToken",
                               keys={"key_id": ("ZDX_CLIENT_ID",), "key_secret": ("ZDX_CLIENT_SECRET",),
                                     "cloud": ("ZDX_CLOUD",)},
                               required=("key_id", "key_secret"), args={"key_id": "key_id", "key_secret": "key_secret"},
                               host="https://api.{cloud}.net", defaults={"cloud": "zdxcloud"}))
