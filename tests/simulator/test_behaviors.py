"""Product behaviours registered in zscaler.simulator.behaviors replace generic routes."""

from zscaler.simulator.behaviors import behaviors


def test_registry_lists_product_behaviours():
    found = {(b.product, b.verb) for b in behaviors({"zpa"})}
    assert ("zpa", "POST") in found
    assert all(b.product == "zpa" for b in behaviors({"zpa"}))


def test_provisioning_key_gets_secret_value_and_usage_count(client, sim):
    key, _, err = client.zpa.provisioning.add_provisioning_key(
        "connector", name="k1", max_usage="2", enrollment_cert_id="1", component_id="2")
    assert err is None
    assert key.provisioning_key and key.provisioning_key.startswith(f"{key.id}|")
    assert key.usage_count == "0"
    stored = sim.items(f"/zpa/mgmtconfig/v1/admin/customers/{sim.customer_id}"
                       "/associationType/CONNECTOR_GRP/provisioningKey")
    assert stored[0]["provisioningKey"] == key.provisioning_key


def test_a_behaviour_can_target_one_inline_action():
    """``...?action=ADD_TO_LIST`` replaces only that op; the REMOVE_FROM_LIST op keeps its meaning."""
    import httpx

    from zscaler.simulator import Simulator
    from zscaler.simulator import behaviors as registry

    path = "/zia/api/v1/authSettings/exemptedUrls"

    @registry.behavior("zia", "POST", path + "?action=ADD_TO_LIST")
    def add(engine, ctx, route, params):
        return engine.json_response(200, {"handled": route.inline_query})

    try:
        with Simulator() as s:
            token = httpx.post(s.url + "/oauth2/v1/token", data={
                "grant_type": "client_credentials", "client_id": s.client_id, "client_secret": s.client_secret,
                "audience": "https://api.zscaler.com"}).json()["access_token"]
            h = {"Authorization": f"Bearer {token}"}
            added = httpx.post(s.url + path + "?action=ADD_TO_LIST", json={"urls": ["a.com"]}, headers=h)
            removed = httpx.post(s.url + path + "?action=REMOVE_FROM_LIST", json={"urls": ["a.com"]}, headers=h)
        assert added.json() == {"handled": {"action": "ADD_TO_LIST"}}
        assert removed.status_code == 200 and "handled" not in removed.json()
    finally:
        registry._REGISTRY.remove(next(b for b in registry._REGISTRY if b.handler is add))
