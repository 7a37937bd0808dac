"""Absent fields read as the official models' defaults (compat/official_defaults.json)."""

from __future__ import annotations

import json

from zscaler.compat import surface


def test_every_default_names_a_declared_field_of_an_official_model() -> None:
    models = surface.data()["models"]
    table = json.loads(surface.DEFAULTS_FILE.read_text())
    assert table["sdk_version"] == surface.data()["sdk_version"]
    assert len(table["defaults"]) > 50
    for ref, fields in table["defaults"].items():
        module, name = ref.split(":")
        declared = {row[0] for row in models[module][name]["f"]}
        assert set(fields) <= declared, ref


def test_flag_defaults_by_attribute_and_in_as_dict() -> None:
    from zscaler.zpa.models.server_group import ServerGroup

    group = ServerGroup({"name": "g"})
    assert group.enabled is True and group.dynamic_discovery is True
    assert vars(group)["enabled"] is True
    d = group.as_dict()
    assert d["enabled"] is True and d["app_connector_groups"] == []
    assert group.request_format() == {"name": "g"}  # defaults are not sent back


def test_a_value_the_api_sent_wins_over_the_default() -> None:
    from zscaler.zpa.models.server_group import ServerGroup

    group = ServerGroup({"enabled": False})
    assert group.enabled is False and group.as_dict()["enabled"] is False


def test_string_and_mutable_defaults_are_fresh_per_read() -> None:
    from zscaler.zia.models.admin_roles import AdminRoles
    from zscaler.zpa.models.application_servers import AppServers

    assert AppServers({}).config_space == "DEFAULT"
    role = AdminRoles({})
    first = role.feature_permissions
    first["x"] = 1
    assert role.feature_permissions == {}


def test_client_results_carry_the_defaults() -> None:
    import httpx

    from zscaler import ZscalerClient
    from zscaler.zpa.models.server_group import ServerGroup

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/v1/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3600})
        # a server group as the API answers a create: no 'enabled' key
        return httpx.Response(200, json={"totalPages": "1", "list": [{"id": "7", "name": "sg", "dynamicDiscovery": True}]})

    cfg = {"clientId": "id", "clientSecret": "s", "vanityDomain": "acme", "customerId": "123",
           "transport": httpx.MockTransport(answer), "shareToken": False}
    with ZscalerClient(cfg) as client:
        (item,) = client.zpa.server_groups.list_groups().unwrap()
    assert isinstance(item, ServerGroup) and "enabled" not in item.request_format()
    assert item.enabled is True  # the official model reads an absent 'enabled' as True
