"""``ZPA``: pyZscaler's Zscaler Private Access client over this project's transport."""

from __future__ import annotations

import importlib
from typing import Any, Callable, ClassVar

import httpx

from .._base import APIClient


def _resource(module: str, cls: str) -> property:
    def get(self: "ZPA") -> Any:
        return getattr(importlib.import_module(f"{__name__}.{module}"), cls)(self)

    get.__name__ = module
    return property(get, doc=f"The ``{cls}`` interface.")


class ZPA(APIClient):
    """pyZscaler's ``ZPA(client_id=, client_secret=, customer_id=, cloud=, override_url=)``; each keyword
    falls back to ``ZPA_<NAME>``. ``cloud``: ``production`` (default), ``beta`` or another ZPA cloud."""

    _env_base = "ZPA"
    _product = "zpa"
    _prefix = "/zpa"
    _legacy_args = ("client_id", "client_secret", "customer_id")
    _query_renames: ClassVar[dict[str, str]] = {"page_size": "pagesize"}  # ZPA's key (pyZscaler sent pageSize)
    _product_name = "Zscaler Private Access"

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        customer = self._values.get("customer_id")
        if self._client is not None and not customer:
            customer = self._client.get_config()["client"].get("customerId")
        if not customer:
            raise ValueError("ZPA: customer_id is required (argument customer_id, environment variable "
                             "ZPA_CUSTOMER_ID, or ZSCALER_CUSTOMER_ID in OneAPI mode)")
        self._customer_id = str(customer)
        self.v1 = f"/zpa/mgmtconfig/v1/admin/customers/{customer}"
        self.v2 = f"/zpa/mgmtconfig/v2/admin/customers/{customer}"
        self.user_config = f"/zpa/userconfig/v1/customers/{customer}"
        self.cbi = f"/zpa/cbiconfig/cbi/api/customers/{customer}"

    def _root_path(self) -> str:
        return self.v1

    def _default_cloud(self) -> str:
        return "production"

    def _legacy_provider(self, base: str, http: Callable[[], httpx.Client], ua: str) -> Any:
        from ...auth.legacy import ZPASignin

        return ZPASignin(base_url=base, http=http, user_agent=ua, client_id=str(self._required("client_id")),
                         client_secret=str(self._required("client_secret")))

    app_segments = _resource("app_segments", "AppSegmentsAPI")
    certificates = _resource("certificates", "CertificatesAPI")
    cloud_connector_groups = _resource("cloud_connector_groups", "CloudConnectorGroupsAPI")
    connectors = _resource("connectors", "ConnectorsAPI")
    idp = _resource("idp", "IDPControllerAPI")
    inspection = _resource("inspection", "InspectionControllerAPI")
    lss = _resource("lss", "LSSConfigControllerAPI")
    machine_groups = _resource("machine_groups", "MachineGroupsAPI")
    policies = _resource("policies", "PolicySetsAPI")
    posture_profiles = _resource("posture_profiles", "PostureProfilesAPI")
    provisioning = _resource("provisioning", "ProvisioningAPI")
    saml_attributes = _resource("saml_attributes", "SAMLAttributesAPI")
    scim_attributes = _resource("scim_attributes", "SCIMAttributesAPI")
    scim_groups = _resource("scim_groups", "SCIMGroupsAPI")
    segment_groups = _resource("segment_groups", "SegmentGroupsAPI")
    server_groups = _resource("server_groups", "ServerGroupsAPI")
    servers = _resource("servers", "AppServersAPI")
    service_edges = _resource("service_edges", "ServiceEdgesAPI")
    session = _resource("session", "AuthenticatedSessionAPI")
    trusted_networks = _resource("trusted_networks", "TrustedNetworksAPI")


__all__ = ["ZPA"]
