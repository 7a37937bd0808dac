import pytest

from zscaler.model import NOT_GIVEN, ZscalerObject, convert_keys, model_class, to_attr, to_wire


@pytest.mark.parametrize("snake,wire", [
    ("config_space", "configSpace"), ("surrogate_ip", "surrogateIP"), ("min_tls_version", "minTLSVersion"),
    ("enable_office365", "enableOffice365"), ("alreadyCamel", "alreadyCamel"), ("ip_V6", "ipV6"),
    ("some_ID_x", "someIdX"), ("page_size", "pageSize"),
])
def test_to_wire(snake, wire):
    assert to_wire(snake) == wire


@pytest.mark.parametrize("wire,attr", [
    ("configSpace", "config_space"), ("surrogateIP", "surrogate_ip"), ("minTLSVersion", "min_tls_version"),
    ("URLCategories", "url_categories"), ("id", "id"), ("next_offset", "next_offset"),
])
def test_to_attr(wire, attr):
    assert to_attr(wire) == attr


def test_object_attribute_access_nested():
    o = ZscalerObject({"name": "g", "configSpace": "DEFAULT", "applications": [{"id": "1", "domainNames": ["a"]}],
                       "owner": {"loginName": "x"}})
    assert o.name == "g" and o.config_space == "DEFAULT"
    assert o.applications[0].id == "1" and o.applications[0].domain_names == ["a"]
    assert o.owner.login_name == "x"
    assert o.description is None  # missing fields read as None
    assert o["config_space"] == "DEFAULT" and "config_space" in o and "nope" not in o
    with pytest.raises(KeyError):
        o["nope"]
    assert o.get("nope", 5) == 5


def test_object_round_trip_and_as_dict():
    raw = {"name": "g", "surrogateIP": True, "extra": None, "enabled": False}
    o = ZscalerObject(raw)
    assert o.request_format() == raw
    assert o.as_dict() == {"name": "g", "surrogate_ip": True, "enabled": False}
    o.description = "d"
    assert o.request_format()["description"] == "d"


def test_repr_masks_secret_values():
    o = model_class("zpa", "ProvisioningKey")({"name": "k", "provisioningKey": "3|abc-secret-key", "maxUsage": "2"})
    assert "abc-secret-key" not in repr(o) and "ProvisioningKey(" in repr(o) and "'max_usage': '2'" in repr(o)
    assert o.provisioning_key == "3|abc-secret-key"  # the value itself is still readable


def test_convert_keys_styles():
    body = {"config_space": "x", "nested": [{"tcp_keep_alive": 1}], "featurePermissions": {"a_b": 1},
            "skip": NOT_GIVEN, "device_type": 3}
    assert convert_keys(body) == {"configSpace": "x", "nested": [{"tcpKeepAlive": 1}], "featurePermissions": {"a_b": 1},
                                  "deviceType": 3}
    assert convert_keys(body, "zcc")["device_type"] == 3
    assert convert_keys(body, "none") == {"config_space": "x", "nested": [{"tcp_keep_alive": 1}],
                                          "featurePermissions": {"a_b": 1}, "device_type": 3}


def test_not_given_is_falsy_singleton():
    assert not NOT_GIVEN and repr(NOT_GIVEN) == "NOT_GIVEN" and type(NOT_GIVEN)() is NOT_GIVEN


def test_nested_changes_write_through_to_the_parent():
    from zscaler.model import ZscalerObject

    rule = ZscalerObject({"name": "r", "conditions": [{"operator": "AND", "operands": []}], "owner": {"id": "1"}})
    rule.conditions[0].operator = "OR"
    rule.owner.id = "2"
    assert rule.request_format()["conditions"][0]["operator"] == "OR"
    assert rule.request_format()["owner"] == {"id": "2"}


def test_constructor_copies_but_adopt_is_a_view():
    from zscaler.model import ZscalerObject, wrap_items

    mine = {"name": "a"}
    ZscalerObject(mine).name = "b"
    assert mine == {"name": "a"}  # a caller's dict is never changed
    decoded = [{"name": "a"}, {"name": "b"}, "x"]
    wrapped = wrap_items(decoded, ZscalerObject)
    assert [w.name for w in wrapped[:2]] == ["a", "b"] and wrapped[2] == "x"
    assert wrapped[0]._data is decoded[0]


def test_keys_the_official_sdk_misspells_reach_the_api():
    from zscaler.model import ZscalerObject, convert_keys, to_wire

    assert to_wire("gre_tunnel_ip") == "greTunnelIP"  # official: greTunnelIp, ignored by the API
    assert to_wire("enable_google_ai_prompt") == "enableGoogleAIPrompt"
    assert to_wire("use_tunnel_sdk4_3") == "useTunnelSDK4_3"
    assert convert_keys({"logout_zcc_for_zdx_service": True}, "zcc") == {"logoutZCCForZDXService": True}
    assert ZscalerObject({"showEUNATP": True}).show_eun_atp is True


def test_one_time_passwords_are_masked_in_reprs():
    from zscaler.model import ZscalerObject, is_secret_key

    assert all(is_secret_key(k) for k in ("otp", "exitOtp", "uninstall_otp", "revertOtp", "OTPs", "logoutOtpCode"))
    assert not any(is_secret_key(k) for k in ("footprint", "hotplug", "options"))
    assert "123456" not in repr(ZscalerObject({"exitOtp": "123456", "name": "d"}))
