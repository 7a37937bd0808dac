"""Business Insights catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.
"""

from __future__ import annotations


from . import zbi_hooks
from .spec import Product, Resource, op

BASE = "/bi/api/v1"


RESOURCES = (
    Resource(
        "custom_apps",
        (
            op("create_custom_app", "POST", BASE + "/customapps", "**kwargs", "object", "CustomApp"),
            op("delete_custom_app", "DELETE", BASE + "/customapps/{app_id}", "app_id", "status_code"),
            op("get_custom_app", "GET", BASE + "/customapps", "app_id", "object", "CustomApp", wire={"app_id": "id"}),
            op("list_custom_apps", "GET", BASE + "/customapps", "query_params=None", "list", "CustomApp"),
            op("update_custom_app", "PUT", BASE + "/customapps/{app_id}", "app_id, **kwargs", "object", "CustomApp"),
        ),
        model="CustomApp",
        required=("name",),
    ),
    Resource(
        "report_configs",
        (
            op("create_report_config", "POST", BASE + "/reports/{report_type}", "report_type='customapps', **kwargs",
               "object", "ReportConfig"),
            op("delete_report_config", "DELETE", BASE + "/reports/{report_type}/{config_id}",
               "config_id, report_type='customapps'", "status_code"),
            op("get_report_config", "GET", BASE + "/reports/{report_type}", "config_id, report_type='customapps'",
               "object", "ReportConfig", wire={"config_id": "id"}),
            op("list_report_configs", "GET", BASE + "/reports/{report_type}",
               "report_type='customapps', query_params=None", "list", "ReportConfig"),
            op("update_report_config", "PUT", BASE + "/reports/{report_type}/{config_id}",
               "config_id, report_type='customapps', **kwargs", "object", "ReportConfig"),
        ),
        model="ReportConfig",
        required=("name",),
    ),
    Resource(
        "reports",
        (
            op("download_report", "POST", BASE + "/report/download",
               "file_name, report_type, sub_type='CustomDataFeed', compression=None, save_path=None", "bytes",
               query=("compression",), maps={"compression": {"gzip": "gzip"}}, local=("save_path",),
               hook=zbi_hooks.download_report, returns="bare",
               doc="Download a report to ``save_path`` (default: ``file_name``) and return that path."),
            op("list_reports", "GET", BASE + "/report/all", "query_params=None", "raw_list",
               paging="zbi_reports", doc="List reports (the API answers ``{\"reports\": [...]}``)."),
        ),
    ),
)

PRODUCT = Product("zbi", "/bi", "none", RESOURCES,
                  title="Zscaler Business Insights", order=100)
