"""The canonical form and references on their own (no tenant): secrets, nulls, sorting, names."""

from __future__ import annotations

from zscaler.tools import canonical, refs


def test_secret_values_become_placeholders_at_any_depth() -> None:
    data = {"zcc/x": [{"name": "p", "deviceOtpArray": ["111111", "222222"], "nested": {"password": "hunter22"},
                       "provisioningKeyName": "visible"}]}
    out = canonical.canonical(data, {})["zcc/x"][0]
    assert out["deviceOtpArray"] == ["${secret:zcc/x:p:deviceOtpArray[0]}", "${secret:zcc/x:p:deviceOtpArray[1]}"]
    assert out["nested"] == {"password": "${secret:zcc/x:p:nested.password}"}
    assert out["provisioningKeyName"] == "visible"  # a name, not a secret
    assert "hunter22" not in canonical.dumps(out) and "111111" not in canonical.dumps(out)
    assert canonical.blind(out)["deviceOtpArray"] == "${secret}"


def test_nulls_volatile_fields_and_list_order_do_not_matter() -> None:
    a = {"zpa/x": [{"id": "1", "name": "n", "description": None, "modifiedTime": "1", "domainNames": ["b", "a"]}]}
    b = {"zpa/x": [{"id": "1", "name": "n", "modifiedTime": "2", "domainNames": ["a", "b"]}]}
    assert canonical.dumps(canonical.canonical(a, {})) == canonical.dumps(canonical.canonical(b, {}))


def test_cross_tenant_mode_writes_references_by_name() -> None:
    data = {"zpa/segment_groups": [{"id": "7", "name": "Web"}],
            "zpa/server_groups": [{"id": "8", "name": "SG"}],
            "zpa/application_segment": [{"id": "9", "name": "App", "segmentGroupId": "7",
                                         "serverGroups": [{"id": "8"}], "bypassType": "NEVER"}],
            "zpa/policies.ACCESS_POLICY": [{"id": "10", "name": "R", "ruleOrder": "1", "conditions": [
                {"operands": [{"objectType": "APP", "lhs": "id", "rhs": "9"}]}]}]}
    out = canonical.canonical(data, {}, mode="cross-tenant")
    seg = out["zpa/application_segment"][0]
    assert seg == {"name": "App", "bypassType": "NEVER",
                   "segmentGroupId": {"$ref": "zpa/segment_groups", "name": "Web"},
                   "serverGroups": [{"id": {"$ref": "zpa/server_groups", "name": "SG"}}]}
    rule = out["zpa/policies.ACCESS_POLICY"][0]
    assert rule["conditions"][0]["operands"][0]["rhs"] == {"$ref": "zpa/application_segment", "name": "App"}
    idx = refs.Index.build(data, {})
    assert refs.references(data["zpa/application_segment"][0], "zpa/application_segment", idx, "9") == \
        {"zpa/segment_groups", "zpa/server_groups"}
    assert refs.resolve(seg, lambda key, name: f"{key}#{name}")["segmentGroupId"] == "zpa/segment_groups#Web"


def test_an_id_of_several_files_is_told_apart_by_the_field_name() -> None:
    data = {"zia/cloud_firewall.ipDestinationGroups": [{"id": 5, "name": "Dst"}],
            "zia/cloud_firewall.ipSourceGroups": [{"id": 5, "name": "Src"}],
            "zia/cloud_firewall_rules": [{"id": 6, "name": "R", "order": 1, "destIpGroups": [{"id": 5}],
                                          "srcIpGroups": [{"id": 5}], "labels": [{"id": 5}]}]}
    rule = canonical.canonical(data, {}, mode="cross-tenant")["zia/cloud_firewall_rules"][0]
    assert rule["destIpGroups"] == [{"id": {"$ref": "zia/cloud_firewall.ipDestinationGroups", "name": "Dst"}}]
    assert rule["srcIpGroups"] == [{"id": {"$ref": "zia/cloud_firewall.ipSourceGroups", "name": "Src"}}]
    assert rule["labels"] == [{"id": 5}]  # no file of that name: the id stays


def test_records_without_a_name_have_a_stable_identity() -> None:
    a, b = {"browserType": "CHROME", "v": 1}, {"browserType": "CHROME", "v": 2}
    assert refs.identity(a) == refs.identity(dict(reversed(list(a.items())))) != refs.identity(b)
    assert refs.identity({"id": 3}) == "id:3" and refs.identity({"configuredName": "C", "id": 1}) == "C"
