"""Literal tables the official SDK defines on its resource classes, which scripts read.

``TABLES[product][attribute]`` maps a class attribute name to its value; the binder sets each one
on the generated resource class (``resource_class("zpa", "server_groups").reformat_params``). They
are facts of the official 1.11.3 (the inventory's ``constant_tables``): ``reformat_params`` pairs an
``<name>_ids`` argument with the body key of its ``[{"id": ...}]`` list. Tables a hook also uses
live beside that hook and are named on the resource instead (``source_log_map``, ``POLICY_MAP``).
"""

from __future__ import annotations

from typing import Any

TABLES: dict[str, dict[str, dict[str, Any]]] = {
    "zia": {
        "url_filtering": {"reformat_params": [
            ("cbi_profile", "cbiProfile"), ("departments", "departments"), ("devices", "devices"),
            ("device_groups", "deviceGroups"), ("groups", "groups"), ("labels", "labels"), ("locations", "locations"),
            ("location_groups", "locationGroups"), ("override_users", "overrideUsers"),
            ("override_groups", "overrideGroups"), ("time_windows", "timeWindows"),
            ("workload_groups", "workloadGroups"), ("users", "users"),
        ]},
    },
    "zpa": {
        "app_connectors": {"reformat_params": [("connector_ids", "connectors"), ("server_group_ids", "serverGroups")]},
        "app_segments_ba": {"reformat_params": [("clientless_app_ids", "clientlessApps"),
                                                ("server_group_ids", "serverGroups")]},
        "app_segments_ba_v2": {"reformat_params": [("server_group_ids", "serverGroups")]},
        "app_segments_inspection": {"reformat_params": [("server_group_ids", "serverGroups")]},
        "app_segments_pra": {"reformat_params": [("server_group_ids", "serverGroups")]},
        "application_segment": {"reformat_params": [("clientless_app_ids", "clientlessApps"),
                                                    ("server_group_ids", "serverGroups")]},
        "policies": {"reformat_params": [("app_server_group_ids", "appServerGroups"),
                                         ("app_connector_group_ids", "PolicySetControllers"),
                                         ("service_edge_group_ids", "serviceEdgeGroups")]},
        "pra_credential_pool": {"reformat_params": [("credential_ids", "credentials")]},
        "server_groups": {"reformat_params": [("server_ids", "servers"),
                                              ("app_connector_group_ids", "appConnectorGroups")]},
        "service_edges": {"reformat_params": [("service_edge_ids", "serviceEdges"),
                                              ("trusted_network_ids", "trustedNetworks")]},
        "user_portal_link": {"reformat_params": [("user_portal_ids", "userPortals")]},
    },
}
