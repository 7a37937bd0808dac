"""ZPA (Private Access) catalog."""

from __future__ import annotations

from .spec import Product, Resource, crud, op

V1 = "/zpa/mgmtconfig/v1/admin/customers/{customerId}"
V2 = "/zpa/mgmtconfig/v2/admin/customers/{customerId}"

#: Provisioning-key types as the caller names them -> the association type on the wire.
KEY_TYPES = {"connector": "CONNECTOR_GRP", "service_edge": "SERVICE_EDGE_GRP"}
PROV = V1 + "/associationType/{key_type}"


RESOURCES = (
    Resource(
        "segment_groups",
        crud(V1, "/segmentGroup", "SegmentGroup", list_name="list_groups", get_name="get_group",
             add_name="add_group", update_name="update_group", delete_name="delete_group",
             id_arg="group_id", microtenant=True)
        + (op("update_group_v2", "PUT", V2 + "/segmentGroup/{group_id}", "group_id, **kwargs", "object", "SegmentGroup"),),
        model="SegmentGroup",
        required=("name",),
    ),
    Resource(
        "provisioning",
        (
            op("list_provisioning_keys", "GET", PROV + "/provisioningKey", "key_type, query_params=None, **kwargs",
               "list", "ProvisioningKey", maps={"key_type": KEY_TYPES}),
            op("get_provisioning_key", "GET", PROV + "/provisioningKey/{key_id}", "key_id, key_type, query_params=None",
               "object", "ProvisioningKey", maps={"key_type": KEY_TYPES}),
            op("get_provisioning_key_by_zcomponent", "GET", PROV + "/zcomponent/{zcomponent_id}/provisioningKey",
               "zcomponent_id, key_type, query_params=None", "object", "ProvisioningKey", maps={"key_type": KEY_TYPES}),
            op("add_provisioning_key", "POST", PROV + "/provisioningKey",
               "key_type, name=None, max_usage=None, enrollment_cert_id=None, component_id=None, **kwargs",
               "object", "ProvisioningKey", maps={"key_type": KEY_TYPES},
               wire={"component_id": "zcomponentId", "enrollment_cert_id": "enrollmentCertId", "max_usage": "maxUsage"},
               body_defaults={"enabled": True}),
            op("update_provisioning_key", "PUT", PROV + "/provisioningKey/{key_id}", "key_id, key_type, **kwargs",
               "object", "ProvisioningKey", maps={"key_type": KEY_TYPES},
               wire={"component_id": "zcomponentId", "enrollment_cert_id": "enrollmentCertId", "max_usage": "maxUsage"}),
            op("delete_provisioning_key", "DELETE", PROV + "/provisioningKey/{key_id}", "key_id, key_type, microtenant_id=None",
               "none", maps={"key_type": KEY_TYPES}),
        ),
        model="ProvisioningKey",
        required=("name", "maxUsage"),
    ),
)

PRODUCT = Product("zpa", "/zpa", "zpa", RESOURCES, id_style="zpa")
