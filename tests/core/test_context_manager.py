"""`with ZscalerClient(...)` activates every ZIA/ZTW product written, as the seed README promises."""

from zscaler import ZscalerClient

from helpers import api_requests


def test_seed_readme_context_manager_example_activates_zia_and_ztw(sim):
    with ZscalerClient(sim.oneapi_config()) as client:
        added_role, response, error = client.zia.admin_roles.add_role(
            name="New API Role", description="Role created via API", feature_permissions={"ZIA_ADMIN_ROLE": "READ"})
        assert error is None and added_role.name == "New API Role"
        added_group, response, error = client.ztw.ip_destination_groups.add_group(
            name="New IP Group", description="IP group created via API")
        assert error is None and added_group.name == "New IP Group"
        assert sim.activation_status("zia") == "PENDING" and sim.activation_status("ztw") == "PENDING"
    assert sim.activation_status("zia") == "ACTIVE" and sim.activation_status("ztw") == "ACTIVE"
    role_body = [r for r in api_requests(sim, "/adminRoles") if r.method == "POST"][-1].json()
    assert role_body["featurePermissions"] == {"ZIA_ADMIN_ROLE": "READ"}
    deletes = [r.path for r in api_requests(sim) if r.method == "DELETE"]
    assert deletes == ["/zia/api/v1/authenticatedSession", "/ztw/api/v1/auth"]


def test_no_activation_without_writes(sim):
    with ZscalerClient(sim.oneapi_config()) as client:
        client.zia.rule_labels.list_labels().unwrap()
    assert [r for r in api_requests(sim) if r.method == "DELETE"] == []


def test_activation_even_when_the_block_raises(sim):
    try:
        with ZscalerClient(sim.oneapi_config()) as client:
            client.zia.rule_labels.add_label(name="L1").unwrap()
            raise RuntimeError("script failed")
    except RuntimeError:
        pass
    assert sim.activation_status("zia") == "ACTIVE"


def test_explicit_activation_endpoints(client, sim):
    client.zia.rule_labels.add_label(name="L2").unwrap()
    status, _, err = client.zia.activate.status()
    assert err is None and status.status == "PENDING"
    status, _, err = client.zia.activate.activate()
    assert err is None and status.status == "ACTIVE"
