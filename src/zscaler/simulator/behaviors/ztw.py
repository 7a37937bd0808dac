"""ZTW (Cloud & Branch Connector) behaviours of the simulator: activation, and a tenant that is
not empty. Generic CRUD (:data:`TRAITS`): writes stage changes until activation; the session
end that activates is a login endpoint (``logins.py``).

A new tenant is not empty: it has predefined admin roles, network services and service
groups, one Cloud Connector group with its VMs and the location it serves. They are seeded
here with small fixed ids (generated ids start at 100001, so they never collide) and upserted,
so a reset of a persistent state does not duplicate them.
"""

from __future__ import annotations

from typing import Any

from .. import wire
from . import behavior, on_reset, product_traits

BASE = "/ztw/api/v1"
TRAITS = product_traits("ztw", staged=True)

ROLES = (
    {"id": 1, "name": "Super Admin", "roleType": "EDGE_CONNECTOR_ADMIN", "rank": 7, "policyAccess": "READ_WRITE",
     "reportAccess": "READ_WRITE", "usernameAccess": "UNOBFUSCATED", "dashboardAccess": "READ_WRITE",
     "featurePermissions": {"EDGE_CONNECTOR_CLOUD_PROVISIONING": "READ_WRITE"}, "isNonEditable": True},
    {"id": 2, "name": "Read Only Admin", "roleType": "EDGE_CONNECTOR_ADMIN", "rank": 7, "policyAccess": "READ_ONLY",
     "reportAccess": "READ_ONLY", "usernameAccess": "OBFUSCATED", "dashboardAccess": "READ_ONLY",
     "featurePermissions": {"EDGE_CONNECTOR_CLOUD_PROVISIONING": "READ_ONLY"}, "isNonEditable": True},
)


def _svc(oid: int, name: str, proto: str, port: int) -> dict[str, Any]:
    return {"id": oid, "name": name, "type": "PREDEFINED", "tag": name, "isNameL10nTag": True,
            "destTcpPorts" if proto == "tcp" else "destUdpPorts": [{"start": port}], "creatorContext": "ZIA"}


SERVICES = (_svc(11, "HTTP", "tcp", 80), _svc(12, "HTTPS", "tcp", 443), _svc(13, "DNS", "udp", 53),
            _svc(14, "SSH", "tcp", 22), _svc(15, "NTP", "udp", 123))
SERVICE_GROUPS = ({"id": 21, "name": "Web", "services": [{"id": 11, "name": "HTTP"}, {"id": 12, "name": "HTTPS"}],
                   "description": "Predefined web services"},)
LOCATION = {"id": 31, "name": "AWS-us-east-1-vpc-sim", "ecLocation": True, "country": "UNITED_STATES",
            "tz": "UNITED_STATES_AMERICA_NEW_YORK", "profile": "CORPORATE", "authRequired": False,
            "xffForwardEnabled": False, "ofwEnabled": True, "childCount": 0}
EC_GROUP = {"id": 41, "name": "AWS-us-east-1-ecgroup-sim", "deployType": "CLOUD", "status": ["ENABLED"],
            "platform": "AWS", "awsAvailabilityZone": "us-east-1a", "location": {"id": 31, "name": LOCATION["name"]},
            "ecVMs": [{"id": 51, "name": "ec-vm-sim-1", "status": ["ENABLED"], "operationalStatus": "ACTIVE",
                       "formFactor": "SMALL", "managementIp": "10.0.1.10", "ecInstanceType": "EC"}]}
WORKLOAD_GROUPS = ({"id": 61, "name": "Simulated workloads", "description": "Tag-based workload group",
                    "expression": "tag:env=prod"},)


@on_reset("ztw")
def seed_predefined(engine: Any) -> None:
    """Predefined objects every tenant has (upserted: idempotent)."""
    tables = (
        (BASE + "/adminRoles", ROLES),
        (BASE + "/networkServices", SERVICES),
        (BASE + "/networkServiceGroups", SERVICE_GROUPS),
        (BASE + "/location", (LOCATION,)),
        (BASE + "/ecgroup", (EC_GROUP,)),
        (BASE + "/workloadGroups", WORKLOAD_GROUPS),
    )
    for key, items in tables:
        for obj in items:
            engine.store.insert(key, str(obj["id"]), dict(obj))


def _lite(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: obj[k] for k in ("id", "name") if k in obj}


# (no /ipDestinationGroups/lite: the catalog's lite listing of IP destination groups sends the full listing's GET)
LITE_VIEWS = ("/accountGroups", "/ecgroup", "/gateways", "/ipGroups", "/ipSourceGroups",
              "/location", "/locationTemplate", "/publicCloudInfo", "/publicCloudAccountDetails")


def _lite_view(path: str) -> Any:
    def handler(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
        """``<collection>/lite`` lists the items of ``<collection>``, with ids and names only."""
        coll = engine.store.collection(BASE + path)
        return engine.json_response(200, [_lite(o) for o in (coll.values() if coll is not None else [])])

    handler.__name__ = "lite_" + path.strip("/")
    return behavior("ztw", "GET", BASE + path + "/lite")(handler)


for _path in LITE_VIEWS:
    _lite_view(_path)


@behavior("ztw", "GET", BASE + "/ecgroup/{group_id}/vm/{vm_id}")
def ec_group_vm(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """A VM of a Cloud Connector group is read from the group's ``ecVMs``."""
    coll = engine.store.collection(BASE + "/ecgroup")
    group = coll.items.get(params["group_id"]) if coll is not None else None
    for vm in (group or {}).get("ecVMs") or ():
        if str(vm.get("id")) == params["vm_id"]:
            return engine.json_response(200, vm)
    return engine.error(ctx, 404, f"VM {params['vm_id']} not found in Cloud Connector group {params['group_id']}")


@behavior("ztw", "DELETE", BASE + "/ecgroup/{group_id}/vm/{vm_id}")
def delete_ec_group_vm(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    key = BASE + "/ecgroup"
    coll = engine.store.collection(key)
    group = coll.items.get(params["group_id"]) if coll is not None else None
    vms = (group or {}).get("ecVMs") or []
    kept = [vm for vm in vms if str(vm.get("id")) != params["vm_id"]]
    if group is None or len(kept) == len(vms):
        return engine.error(ctx, 404, f"VM {params['vm_id']} not found in Cloud Connector group {params['group_id']}")
    engine.store.update(key, params["group_id"], {**group, "ecVMs": kept})
    return engine.json_response(204, None)


@behavior("ztw", "GET", BASE + "/publicCloudInfo/cloudFormationTemplate", no_pending=True)
def cloud_formation_template(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    """The CloudFormation template is a document (YAML text), not JSON."""
    from ..httpserver import Response

    account = ctx.q("awsAccountId") or "000000000000"
    text = ("AWSTemplateFormatVersion: '2010-09-09'\n"
            "Description: Zscaler Cloud Connector discovery role (simulated)\n"
            f"Parameters:\n  AccountId:\n    Type: String\n    Default: '{account}'\n")
    return Response(200, text.encode(), [("Content-Type", "application/x-yaml")])


# ---------------------------------------------------------------- activation

def activation_document(engine: Any) -> dict[str, Any]:
    """The ZTW activation status document (``ecAdminActivateStatus``)."""
    pending = engine.activation.get("ztw") == "PENDING"
    admin = "ADM_EDITING" if pending else "ADM_ACTV_DONE"
    return {
        "orgEditStatus": "EDITS_PRESENT" if pending else "EDITS_CLEARED",
        "orgLastActivateStatus": "CAC_ACTV_SUCCESS",
        "adminStatusMap": {wire.ADMIN_NAME: admin},
        "adminActivateStatus": admin,
    }


@behavior("ztw", "GET", BASE + "/ecAdminActivateStatus", no_pending=True)
def activation_status(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return engine.json_response(200, engine.ztw_status())


@behavior("ztw", "PUT", BASE + "/ecAdminActivateStatus/activate", no_pending=True)
@behavior("ztw", "PUT", BASE + "/ecAdminActivateStatus/forcedActivate", no_pending=True, wire_only=True)
def activate(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    engine.activate("ztw", True)
    return engine.json_response(200, engine.ztw_status())
