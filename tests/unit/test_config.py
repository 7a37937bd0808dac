import pytest

from zscaler.config import load_settings
from zscaler.errors import ConfigurationError

BASE = {"clientId": "id", "clientSecret": "s3cr3t-value", "vanityDomain": "acme"}


def load(cfg=None, env=None, tmp_path=None):
    return load_settings(cfg, environ=env or {}, cwd=tmp_path, home=tmp_path)


def test_constructor_keys_and_defaults(tmp_path):
    s = load(BASE, tmp_path=tmp_path)
    assert s["clientId"] == "id"
    assert s["rateLimit.maxRetries"] == 2
    assert s["cache.enabled"] is False
    assert s["requestTimeout"] == 0


def test_snake_case_aliases_are_accepted(tmp_path):
    s = load({"client_id": "id", "client_secret": "x", "vanity_domain": "acme",
              "rate_limit": {"max_retries": 5}, "customer_id": "123"}, tmp_path=tmp_path)
    assert s["clientId"] == "id" and s["vanityDomain"] == "acme"
    assert s["rateLimit.maxRetries"] == 5 and s["customerId"] == "123"


def test_unknown_key_is_named(tmp_path):
    with pytest.raises(ConfigurationError, match="unknown configuration key 'clientSecrett'"):
        load({**BASE, "clientSecrett": "x"}, tmp_path=tmp_path)


def test_environment_values_are_typed(tmp_path):
    env = {"ZSCALER_CLIENT_ID": "eid", "ZSCALER_CLIENT_SECRET": "x", "ZSCALER_VANITY_DOMAIN": "v",
           "ZSCALER_RATE_LIMIT_MAX_RETRIES": "7", "ZSCALER_CACHE_ENABLED": "true", "ZSCALER_REQUEST_TIMEOUT": "12.5"}
    s = load(None, env, tmp_path)
    assert s["rateLimit.maxRetries"] == 7 and s["cache.enabled"] is True and s["requestTimeout"] == 12.5


def test_bad_environment_value_names_the_variable(tmp_path):
    env = {**{"ZSCALER_CLIENT_ID": "e", "ZSCALER_CLIENT_SECRET": "x", "ZSCALER_VANITY_DOMAIN": "v"},
           "ZSCALER_RATE_LIMIT_MAX_RETRIES": "lots"}
    with pytest.raises(ConfigurationError, match=r"rateLimit.maxRetries.*whole number.*ZSCALER_RATE_LIMIT_MAX_RETRIES"):
        load(None, env, tmp_path)


def test_precedence_constructor_over_env_over_yaml(tmp_path):
    (tmp_path / "zscaler.yaml").write_text("zscaler:\n  client:\n    clientId: yaml\n    cloud: beta\n"
                                           "    customerId: '1'\n    rateLimit:\n      maxRetries: 4\n")
    env = {"ZSCALER_CUSTOMER_ID": "2", "ZSCALER_CLIENT_SECRET": "x", "ZSCALER_VANITY_DOMAIN": "v"}
    s = load({"clientId": "ctor"}, env, tmp_path)
    assert s["clientId"] == "ctor"  # constructor wins
    assert s["customerId"] == "2"  # env beats YAML
    assert s["cloud"] == "beta" and s["rateLimit.maxRetries"] == 4  # YAML fills the rest


def test_home_yaml_is_lowest(tmp_path):
    (tmp_path / ".zscaler").mkdir()
    (tmp_path / ".zscaler" / "zscaler.yaml").write_text("zscaler:\n  client:\n    cloud: gov\n    clientId: home\n")
    (tmp_path / "zscaler.yaml").write_text("zscaler:\n  client:\n    clientId: cwd\n")
    s = load({"clientSecret": "x", "vanityDomain": "v"}, {}, tmp_path)
    assert s["clientId"] == "cwd" and s["cloud"] == "gov"


def test_empty_strings_are_not_set(tmp_path):
    s = load({**BASE, "customerId": "", "microtenantId": "", "partnerId": ""}, tmp_path=tmp_path)
    assert s.get("customerId") is None and s.get("partnerId") is None


@pytest.mark.parametrize("cfg,needle", [
    ({"clientSecret": "x", "vanityDomain": "v"}, "clientId: missing"),
    ({"clientId": "a", "vanityDomain": "v"}, "clientSecret/privateKey"),
    ({"clientId": "a", "clientSecret": "x"}, "vanityDomain: missing"),
    ({**BASE, "clientId": "{clientId}"}, "placeholder"),
    ({**BASE, "rateLimit": {"maxRetries": -1}}, "rateLimit.maxRetries"),
    ({**BASE, "requestTimeout": "soon"}, "requestTimeout"),
    ({**BASE, "proxy": {"port": 8080}}, "proxy: 'host' is required"),
    ({**BASE, "proxy": {"host": "p", "port": 70000}}, "proxy.port"),
    ({**BASE, "proxy": {"host": "p", "username": "u"}}, "both 'username' and 'password'"),
    ({**BASE, "apiBaseUrl": "not a url"}, "apiBaseUrl"),
    ({**BASE, "cache": {"enabled": "maybe"}}, "cache.enabled"),
])
def test_invalid_config_raises_naming_the_key(tmp_path, cfg, needle):
    with pytest.raises(ConfigurationError) as e:
        load(cfg, tmp_path=tmp_path)
    assert needle in str(e.value)


def test_sandbox_only_config_needs_no_oauth(tmp_path):
    s = load({"sandboxToken": "tok", "sandboxCloud": "zscalerbeta"}, tmp_path=tmp_path)
    assert s["sandboxCloud"] == "zscalerbeta"


def test_settings_repr_hides_secrets(tmp_path):
    s = load({**BASE, "proxy": {"host": "p", "username": "u", "password": "pw-123456"}}, tmp_path=tmp_path)
    text = repr(s)
    assert "s3cr3t-value" not in text and "pw-123456" not in text and "'clientId': 'id'" in text


def test_documented_env_names_also_work(tmp_path):
    env = {"ZSCALER_CLIENT_ID": "e", "ZSCALER_CLIENT_SECRET": "x", "ZSCALER_VANITY_DOMAIN": "v",
           "ZSCALER_CLIENT_CACHE_ENABLED": "true", "ZPA_CUSTOMER_ID": "99"}
    s = load(None, env, tmp_path)
    assert s["cache.enabled"] is True and s["customerId"] == "99"


def test_official_get_config_shape(tmp_path):
    s = load({**BASE, "rateLimit": {"maxRetries": 3}}, tmp_path=tmp_path)
    d = s.as_official_dict()
    assert d["client"]["clientId"] == "id" and d["client"]["rateLimit"]["maxRetries"] == 3
