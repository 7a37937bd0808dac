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
