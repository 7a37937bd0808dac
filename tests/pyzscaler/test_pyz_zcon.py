"""The facade's ``ZCON`` (Cloud & Branch Connector, the catalog's ``ztw``) against the simulator: OneAPI mode
with activation on exit, and the legacy ``auth`` login ended on exit."""

from __future__ import annotations

import json
import os
from typing import Any

import pytest

from zscaler.pyzscaler import ZCON
from zscaler.pyzscaler.box import Box, BoxList

V1 = "/ztw/api/v1"


def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith(("ZSCALER_", "ZCON_"))]:
        monkeypatch.delenv(name)


@pytest.fixture
def zcon(zscaler_sim: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    _clean_env(monkeypatch)
    for name, value in zscaler_sim.environ().items():
        monkeypatch.setenv(name, value)
    client = ZCON()
    assert client.oneapi
    yield client
    client.close()


def calls(sim: Any, method: str, path: str) -> list[Any]:
    return [r for r in sim.requests if r.method == method and r.path == path]


def test_admins_read_modify_write(zcon: Any, zscaler_sim: Any) -> None:
    roles = zcon.admin.list_roles()
    assert isinstance(roles, BoxList) and roles[0].role_type == "EDGE_CONNECTOR_ADMIN"
    assert zcon.get("adminRoles")[0].id == roles[0].id  # a relative path starts at /ztw/api/v1
    admin = zcon.admin.add_admin(user_name="Ops", login_name="ops@example.com", role={"id": roles[0].id},
                                 email="ops@example.com", password="Ops-Passw0rd!", comments=None,
                                 name="Ops")  # the simulator's admin users require a name
    assert isinstance(admin, Box) and admin.login_name == "ops@example.com"
    assert "comments" not in json.loads(calls(zscaler_sim, "POST", f"{V1}/adminUsers")[-1].body)  # None dropped
    updated = zcon.admin.update_admin(admin.id, user_name="Operations")
    assert (updated.user_name, updated.email) == ("Operations", "ops@example.com")
    put = json.loads(calls(zscaler_sim, "PUT", f"{V1}/adminUsers/{admin.id}")[-1].body)
    assert put["userName"] == "Operations" and "user_name" not in put  # the record goes back camelCased
    assert zcon.admin.delete_admin(admin.id) == 204


def test_roles_and_location_templates(zcon: Any, zscaler_sim: Any) -> None:
    role = zcon.admin.add_role("Viewer", feature_permissions_tuples=[("edge_connector_cloud_provisioning", "NONE")])
    body = json.loads(calls(zscaler_sim, "POST", f"{V1}/adminRoles")[-1].body)
    assert body["roleType"] == "EDGE_CONNECTOR_ADMIN" and body["policyAccess"] == "NONE"
    assert body["featurePermissions"] == {"EDGE_CONNECTOR_CLOUD_PROVISIONING": "NONE"}
    assert zcon.admin.delete_role(role.id) == 204
    tmpl = zcon.locations.add_location_template("Branch", template={"template_prefix": "br"}, description="d")
    assert tmpl.desc == "d"
    sent = json.loads(calls(zscaler_sim, "POST", f"{V1}/locationTemplate")[-1].body)
    assert sent["template"] == {"templatePrefix": "br"} and "description" not in sent
    assert [t.name for t in zcon.locations.list_location_templates()] == ["Branch"]
    assert zcon.locations.delete_location_template(tmpl.id) == 204


def test_activation_and_exit(zcon: Any, zscaler_sim: Any) -> None:
    assert isinstance(zcon.config.get_status(), Box)
    zcon.config.activate()
    assert len(calls(zscaler_sim, "PUT", f"{V1}/ecAdminActivateStatus/activate")) == 1
    with zcon:
        zcon.admin.add_role("Staged")
    assert len(calls(zscaler_sim, "PUT", f"{V1}/ecAdminActivateStatus/activate")) == 2


def test_legacy_login_and_logout(zscaler_sim: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    _clean_env(monkeypatch)
    c = zscaler_sim.legacy_config("ztw")
    monkeypatch.setenv("ZCON_API_KEY", c["api_key"])
    monkeypatch.setenv("ZCON_OVERRIDE_URL", c["override_url"] + "/api/v1")
    with ZCON(username=c["username"], password=c["password"]) as zcon:
        assert not zcon.oneapi
        assert zcon.admin.list_roles()[0].name
        (login,) = [r for r in zscaler_sim.requests if r.method == "POST" and r.path.endswith("/api/v1/auth")]
        assert json.loads(login.body)["apiKey"] != c["api_key"]
    assert [r.path for r in zscaler_sim.requests if r.method == "DELETE"] == ["/_legacy/ztw/api/v1/auth"]
