"""Legacy clients read their configuration through the Key table of ``zscaler.config`` (issue #14 item 6).

Their own keys and environment variables come from each product's ``Product.legacy`` (a ``Login``);
parsing, environment fallback and error messages are those of ``ZscalerClient``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from zscaler import catalog, oneapi_client
from zscaler.config import LEGACY_COMMON, ConfigurationError, legacy_keys, load_legacy, load_settings
from zscaler.transport.urls import legacy_base_url

INVENTORY = Path(__file__).resolve().parents[3] / "shared" / "zscaler-api" / "inventory" / "clients.json"
ONEAPI = {"clientId": "c", "clientSecret": "s", "vanityDomain": "acme"}


def _client(product: str):
    return getattr(oneapi_client, catalog.legacy(product).client)


def _clean_env(monkeypatch):
    for product in catalog.legacy_products():
        for key in legacy_keys(product, catalog.legacy(product)):
            for name in key.env:
                monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize("product", catalog.legacy_products())
@pytest.mark.parametrize("key,value", [("logging", True), ("timeout", "abc"), ("maxRetries", "two"),
                                       ("logging", {"enabled": "perhaps"}), ("partnerId", 1.5)])
def test_every_legacy_client_names_a_wrong_typed_key(sim, product, key, value):
    cls = _client(product)
    with pytest.raises(ConfigurationError) as e:
        cls({**sim.legacy_config(product), key: value})
    assert str(e.value).startswith(f"{cls.__name__}: ") and f"'{key}" in str(e.value)


@pytest.mark.parametrize("key,value", [("cloud", 5.5), ("partnerId", 1.5), ("sandboxCloud", True),
                                       ("sandboxBaseUrl", "ftp://x"), ("customerId", [1])])
def test_a_legacy_value_is_refused_as_zscaler_client_refuses_it(monkeypatch, key, value):
    _clean_env(monkeypatch)
    with pytest.raises(ConfigurationError) as oneapi:
        load_settings({**ONEAPI, key: value}, environ={}, cwd=Path("/nonexistent"), home=Path("/nonexistent"))
    with pytest.raises(ConfigurationError) as legacy:
        load_legacy("LegacyZPAClient", "zpa", catalog.legacy("zpa"),
                    {"clientId": "c", "clientSecret": "s", "customerId": "1", key: value}, environ={})
    assert str(legacy.value) == f"LegacyZPAClient: {str(oneapi.value).removesuffix(' (from config)')}"


@pytest.mark.parametrize("env,value,key", [("ZSCALER_SDK_LOG", "perhaps", "logging.enabled"),
                                           ("ZSCALER_CLIENT_CACHE_DEFAULT_TTL", "abc", "cache.defaultTtl"),
                                           ("ZSCALER_PAGINATION_PREFETCH", "maybe", "pagination.prefetch"),
                                           ("ZIA_OVERRIDE_URL", "nope", "override_url")])
def test_an_environment_value_is_parsed_and_named(env, value, key):
    login = catalog.legacy("zia")
    given = {"username": "u", "password": "p", "api_key": "k", "cloud": "zscaler"}
    with pytest.raises(ConfigurationError, match=f"LegacyZIAClient: config key '{key}'.*"
                                                 f"\\(from environment variable {env}\\)$"):
        load_legacy("LegacyZIAClient", "zia", login, given, environ={env: value})


def test_environment_fallback_defaults_and_precedence():
    login = catalog.legacy("zpa")
    environ = {"ZPA_CLIENT_ID": "env-id", "ZPA_CLIENT_SECRET": "env-secret", "ZPA_CUSTOMER_ID": "42",
               "ZSCALER_SDK_LOG": "1", "ZSCALER_CLIENT_CACHE_ENABLED": "true", "ZSCALER_CLIENT_CACHE_DEFAULT_TTL": "60"}
    v = load_legacy("LegacyZPAClient", "zpa", login, {"clientId": "given-id", "timeout": "30"}, environ=environ)
    assert v["clientId"] == "given-id" and v["clientSecret"] == "env-secret" and v["customerId"] == "42"
    assert v["cloud"] == "PRODUCTION" and v["timeout"] == 30.0 and v["maxRetries"] == 4
    assert v["logging.enabled"] is True and v["cache.enabled"] is True
    assert v["cache.defaultTtl"] == 60.0 and v["cache.defaultTti"] == 1800
    with pytest.raises(ConfigurationError, match="'customerId' is required \\(config key or ZPA_CUSTOMER_ID\\)"):
        load_legacy("LegacyZPAClient", "zpa", login, {"clientId": "a", "clientSecret": "b"}, environ={})


def test_sandbox_environment_is_read_only_where_the_product_uses_it():
    environ = {"ZSCALER_SANDBOX_CLOUD": "zscalerbeta", "ZSCALER_SANDBOX_TOKEN": "tok"}
    zia = load_legacy("LegacyZIAClient", "zia", catalog.legacy("zia"),
                      {"username": "u", "password": "p", "api_key": "k", "cloud": "zscaler"}, environ=environ)
    zcc = load_legacy("LegacyZCCClient", "zcc", catalog.legacy("zcc"), {"api_key": "k", "secret_key": "s"},
                      environ=environ)
    assert zia["sandboxCloud"] == "zscalerbeta" and zia["sandboxToken"] == "tok"
    assert "sandboxCloud" not in zcc and "sandboxToken" not in zcc


@pytest.mark.skipif(not INVENTORY.is_file(), reason="API inventory not available")
def test_every_official_legacy_key_and_environment_variable_is_read():
    classes = json.loads(INVENTORY.read_text())["oneapi_client_module_classes"]
    by_client = {catalog.legacy(p).client: p for p in catalog.legacy_products()}
    checked = 0
    for cls in classes:
        product = by_client.get(cls["class"])
        if product is None:
            continue
        table = {k.name: k for k in legacy_keys(product, catalog.legacy(product))}
        for read in cls["config_and_env_reads"]:
            if read.get("source") != "config":
                continue
            assert read["key"] in table, (cls["class"], read["key"])
            if read.get("env") and read["key"] != "override_url":
                assert read["env"] in table[read["key"]].env, (cls["class"], read)
            checked += 1
    assert sorted(by_client) == sorted(c["class"] for c in classes if c["class"] in by_client)
    assert checked > 40


def test_legacy_facts_drive_the_product_lists():
    from zscaler.cli.session import LEGACY_PRODUCTS as cli_products
    from zscaler.simulator.core import LEGACY_PRODUCTS as sim_products

    products = catalog.legacy_products()
    assert set(products) == {"zia", "ztw", "zpa", "zcc", "zdx", "zwa", "ztb", "aiguard"}
    assert cli_products == sim_products == products
    for product in products:
        assert _client(product)._product == product
    assert legacy_base_url("zia", "zscalertwo") == "https://zsapi.zscalertwo.net"
    assert legacy_base_url("ztb", "acme") == "https://acme.goairgap.com"
    assert legacy_base_url("zpa", "govus") == "https://config.zpagov.us"
    with pytest.raises(ConfigurationError, match="not a ZPA cloud"):
        legacy_base_url("zpa", "nowhere")
    with pytest.raises(ConfigurationError, match="no legacy API for product 'zms'"):
        legacy_base_url("zms", "x")


def _refusal(parse, name, value):
    try:
        parse(name, value)
    except ConfigurationError as e:
        return str(e)
    return None


@pytest.mark.parametrize("value", ["perhaps", "-1", "1e9", "a\nb", True, [1]])
def test_a_common_key_parses_as_the_zscaler_client_key_of_the_same_name(value):
    from zscaler.config import KEY_BY_NAME

    shared = [k for k in LEGACY_COMMON if k.name in KEY_BY_NAME]
    assert {k.name for k in shared} >= {"partnerId", "logging.enabled", "pagination.prefetch", "cache.defaultTtl"}
    for key in shared:
        assert _refusal(key.parse, key.name, value) == _refusal(KEY_BY_NAME[key.name].parse, key.name, value), key.name


TOY = '''"""ztoy: a product with a legacy login, only in this module."""

from zscaler.catalog.spec import Login, Product, Resource, op

RESOURCES = (Resource("gadgets", (op("list_gadgets", "GET", "/ztoy/api/v1/gadgets", "", "list", "Gadget"),)),)

PRODUCT = Product("ztoy", "/ztoy", "zia", RESOURCES, title="Toy", order=5,
                  legacy=Login(client="LegacyZToyClient", provider="AIGuardKey", keys={"api_key": ("ZTOY_API_KEY",),
                               "cloud": ("ZTOY_CLOUD",)}, required=("api_key",), args={"api_key": "api_key"},
                               host="https://api.{cloud}.toy.example", defaults={"cloud": "eu1"}))
'''


def test_a_toy_product_declares_its_legacy_login_in_its_module_alone(tmp_path, monkeypatch, sim):
    monkeypatch.delenv("ZTOY_API_KEY", raising=False)
    (tmp_path / "ztoy.py").write_text(TOY)
    catalog.__path__.append(str(tmp_path))
    catalog.refresh()
    try:
        assert "ztoy" in catalog.legacy_products() and "zscaler.catalog.ztoy" not in sys.modules
        assert legacy_base_url("ztoy", "eu1") == "https://api.eu1.toy.example"
        assert sim.legacy_config("ztoy", api_key="k") == {"api_key": "k", "cloud": "eu1",
                                                          "override_url": f"{sim.url}/_legacy/ztoy"}
        values = load_legacy("LegacyZToyClient", "ztoy", catalog.legacy("ztoy"), {}, environ={"ZTOY_API_KEY": "e"})
        assert values["api_key"] == "e" and values["cloud"] == "eu1"
        catalog.load("ztoy")  # the built product agrees with the facts read from the declaration
    finally:
        catalog.__path__.remove(str(tmp_path))
        sys.modules.pop("zscaler.catalog.ztoy", None)
        catalog.refresh()
    assert "ztoy" not in catalog.legacy_products()
