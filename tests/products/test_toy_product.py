"""Adding a product takes its catalog module and nothing else.

A toy product's module is written to a temporary folder that joins the catalog package's
search path; no other file knows it. The client property (and its alias), product detection
from a path, the simulator's routes and the CLI group all work for it.
"""

from __future__ import annotations

import sys
import warnings

import pytest
from click.testing import CliRunner

from zscaler import catalog

TOY = '''"""ztoy: a product that exists only in this module."""

from zscaler.catalog.spec import Product, Resource, crud

BASE = "/ztoy/api/v1"
RESOURCES = (
    Resource("gadgets", crud(BASE, "/gadgets", "Gadget", list_name="list_gadgets", get_name="get_gadget",
                             add_name="add_gadget", update_name="update_gadget", delete_name="delete_gadget",
                             id_arg="gadget_id"), required=("name",)),
)

PRODUCT = Product("ztoy", "/ztoy", "zia", RESOURCES,
                  title="Toy Gadgets", properties=("ztoyland",), paths=("/ztoy", "/toybox"), order=5)
'''


def _join(folder, modules: dict[str, str]):
    for name, text in modules.items():
        (folder / f"{name}.py").write_text(text)
    catalog.__path__.append(str(folder))
    catalog.refresh()


def _leave(folder, modules: dict[str, str]):
    catalog.__path__.remove(str(folder))
    for name in modules:
        sys.modules.pop(f"zscaler.catalog.{name}", None)
    catalog.refresh()


@pytest.fixture
def toy(tmp_path):
    _join(tmp_path, {"ztoy": TOY})
    try:
        yield
    finally:
        _leave(tmp_path, {"ztoy": TOY})
    assert "ztoy" not in catalog.products()


def test_facts_are_read_from_the_module_alone(toy):
    assert catalog.products()[0] == "ztoy"  # order=5: listed before zpa (10)
    assert "zscaler.catalog.ztoy" not in sys.modules  # discovered without importing it
    f = catalog.facts("ztoy")
    assert (f.title, f.properties, f.paths, f.activation) == ("Toy Gadgets", ("ztoyland",), ("/ztoy", "/toybox"), None)
    assert catalog.properties()["ztoyland"] == "ztoy"
    assert catalog.load("ztoy").facts() == f


def test_product_detection_from_a_path(toy):
    from zscaler.simulator import wire
    from zscaler.transport.urls import product_of

    for path in ("/ztoy/api/v1/gadgets/12", "/toybox", "/toybox/x?y=1"):
        assert product_of(path) == "ztoy" and wire.detect_product(path) == "ztoy"
    assert product_of("/ztoys/api") is None and product_of("/zpa/mgmtconfig/v1") == "zpa"


def test_client_property_and_simulator_routes(toy):
    from zscaler import ZscalerClient
    from zscaler.simulator import Simulator

    with Simulator() as sim:
        assert "ztoy" in sim.products
        with ZscalerClient(sim.oneapi_config()) as client:
            made, _, err = client.ztoy.gadgets.add_gadget(name="sprocket")
            assert err is None and made.name == "sprocket"
            assert client.ztoyland is client.ztoyland and client.ztoyland._name == "ztoy"
            items, _, err = client.ztoyland.gadgets.list_gadgets()
            assert err is None and [g.name for g in items] == ["sprocket"]
            got, _, _ = client.ztoy.gadgets.get_gadget(made.id)
            assert got.name == "sprocket"
            assert client.get_request_executor().written == {"ztoy"}  # the write was detected as ztoy's
        assert [(r.path, r.status) for r in sim.requests if r.method == "POST" and "/ztoy/" in r.path] == [
            ("/ztoy/api/v1/gadgets", 200)]


def test_cli_group(toy):
    from zscaler.cli.main import cli
    from zscaler.simulator import Simulator

    runner = CliRunner()
    listing = runner.invoke(cli, ["--help"], prog_name="zscaler")
    assert listing.exit_code == 0 and "ztoy" in listing.output and "Toy Gadgets" in listing.output
    assert "ztoyland" not in listing.output  # an alias is accepted, not listed
    with Simulator() as sim:
        cfg = sim.oneapi_config()
        env = {"ZSCALER_CLIENT_ID": cfg["clientId"], "ZSCALER_CLIENT_SECRET": cfg["clientSecret"],
               "ZSCALER_VANITY_DOMAIN": cfg["vanityDomain"], "ZSCALER_CUSTOMER_ID": cfg["customerId"],
               "ZSCALER_API_BASE_URL": cfg["apiBaseUrl"], "ZSCALER_TOKEN_URL": cfg["tokenUrl"]}
        added = runner.invoke(cli, ["-o", "json", "ztoyland", "gadgets", "add", "--set", "name=widget"], env=env,
                              prog_name="zscaler")
        assert added.exit_code == 0, added.output
        listed = runner.invoke(cli, ["-o", "json", "--query", "[].name", "ztoy", "gadgets", "list"], env=env,
                               prog_name="zscaler")
        assert listed.exit_code == 0, listed.output
        assert listed.output.split() == ['[', '"widget"', ']']


def test_facts_must_be_literals_and_agree(tmp_path):
    bad = {"zbadname": TOY.replace('Product("ztoy"', 'Product("zother"'),
           "zbadfact": TOY.replace('"ztoy", "/ztoy"', '"zbadfact", "/ztoy"').replace('title="Toy Gadgets"',
                                                                                   'title="Toy " + "Gadgets"')}
    for name, text in bad.items():
        folder = tmp_path / name
        folder.mkdir()
        _join(folder, {name: text})
        try:
            with pytest.raises(ValueError, match=f"catalog {name}: "):
                catalog.products()
        finally:
            _leave(folder, {name: text})


def test_a_catalog_that_fails_to_load_is_skipped_by_the_simulator(tmp_path):
    from zscaler.simulator import Simulator

    broken = TOY.replace('"ztoy"', '"zbroken"').replace("RESOURCES = (", "RESOURCES = 1 / 0\nX = (")
    _join(tmp_path, {"zbroken": broken})
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            sim = Simulator()
        assert "zbroken" not in sim.products and "zpa" in sim.products
        assert any("zbroken" in str(w.message) for w in caught)
    finally:
        _leave(tmp_path, {"zbroken": broken})
