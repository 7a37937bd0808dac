"""ZMS: every method's GraphQL request on the wire, its result, paging, argument and GraphQL errors.

The expectations come from the inventory facts in ``zms_graphql_facts.json`` (operation names,
variable types, fields taking arguments, selected leaf fields, result field), not from the catalog.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zscaler.errors import GraphQLAPIError

from graphql_reader import field, has_path, read_document, sent_body
from helpers import api_requests

FACTS = json.loads((Path(__file__).with_name("zms_graphql_facts.json")).read_text())["methods"]
METHODS = sorted(FACTS)
CUSTOMER = "cust-7"

#: arguments whose variable is not their camelCase name
WIRE_NAME = {"filter_by": "filter", "group_id": "id"}
#: a valid value for every argument name
SAMPLE = {
    "customer_id": CUSTOMER, "eyez_id": "eyez-1", "page": 2, "page_num": 2, "page_size": 5, "search": "0",
    "sort": "name", "sort_dir": "DESC", "filter_by": {"name": {"contains": "1"}}, "order_by": {"name": "DESC"},
    "fetch_all": True, "group_id": "grp-1", "include_deleted": True, "namespace_id": "ns-1", "tag_id": "tag-1",
    "namespace_origin": "CUSTOM",
}
#: inventory leaf paths that are artefacts of an inline fragment (``... on Type``), not fields
NOT_FIELDS = {"resourceGroups.nodes.on"}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


def _var(arg: str) -> str:
    return WIRE_NAME.get(arg, _camel(arg))


def _call(client, method: str, *args, **kwargs):
    attr, name = method.split(".")
    return getattr(getattr(client.zms, attr), name)(*args, **kwargs)


def _body(sim) -> dict:
    return sent_body(sim, "/zms/graphql")


# ------------------------------------------------------------------ every method

@pytest.mark.parametrize("method", METHODS)
def test_zms_wire_body_all_arguments(client, sim, method):
    facts = FACTS[method]
    kwargs = {p["name"]: SAMPLE[p["name"]] for p in facts["params"]}
    result, resp, err = _call(client, method, **kwargs)
    assert err is None
    body = _body(sim)
    assert set(body) == {"operationName", "query", "variables"}
    assert body["operationName"] == facts["operation_name"]
    assert body["variables"] == {_var(k): v for k, v in kwargs.items()}
    assert set(body["variables"]) == set(facts["variables"])

    kind, name, decls, tree, with_args, used = read_document(body["query"])
    assert (kind, name) == (facts["operation_type"], facts["operation_name"])
    assert decls == facts["variables"]
    assert used == set(decls), "every declared variable is used, and only those"
    assert with_args == set(facts["fields_with_arguments"])
    missing = [leaf for leaf in facts["selected_leaf_fields"] if leaf not in NOT_FIELDS and not has_path(tree, leaf)]
    assert not missing

    assert result == field(resp.get_body(), facts["body_field"])
    assert result is not None


@pytest.mark.parametrize("method", METHODS)
def test_zms_defaults_sent_and_none_left_out(client, sim, method):
    facts = FACTS[method]
    positional = [SAMPLE[p["name"]] for p in facts["params"] if p["required"]]
    _, _, err = _call(client, method, *positional)
    assert err is None
    expected = {_var(p["name"]): SAMPLE[p["name"]] for p in facts["params"] if p["required"]}
    for p in facts["params"]:
        if not p["required"] and p["default"] != "None":
            expected[_var(p["name"])] = {"1": 1, "20": 20, "False": False}[p["default"]]
    assert _body(sim)["variables"] == expected


@pytest.mark.parametrize("method", METHODS)
def test_zms_required_variables_refused_before_sending(client, sim, method):
    facts = FACTS[method]
    kwargs = {p["name"]: SAMPLE[p["name"]] for p in facts["params"]}
    required = [p["name"] for p in facts["params"] if facts["variables"].get(_var(p["name"]), "").endswith("!")]
    assert "customer_id" in required
    for arg in required:
        with pytest.raises(ValueError, match=f"'{arg}' is required"):
            _call(client, method, **{**kwargs, arg: None})
    with pytest.raises(TypeError):  # a required parameter left out entirely
        _call(client, method)
    assert api_requests(sim, "/zms/graphql") == []


@pytest.mark.parametrize("method", METHODS)
def test_zms_graphql_errors_come_back_in_the_error_slot(client, sim, method):
    facts = FACTS[method]
    sim.fault(path="/zms/graphql", status=200, headers={"Content-Type": "application/json"},
              body={"errors": [{"message": "Not authorized to access customer"}], "data": None})
    result, _, err = _call(client, method, **{p["name"]: SAMPLE[p["name"]] for p in facts["params"]})
    assert result is None
    assert isinstance(err, GraphQLAPIError)
    assert err.errors == [{"message": "Not authorized to access customer"}]


# ------------------------------------------------------------------ arguments


def test_zms_enum_values_checked(client, sim):
    with pytest.raises(ValueError, match="sort_dir: 'UP' is not accepted; accepted values: ASC, DESC"):
        client.zms.agents.list_agents(CUSTOMER, sort_dir="UP")
    with pytest.raises(ValueError, match="namespace_origin: 'OTHER' is not accepted"):
        client.zms.tags.list_tag_values(CUSTOMER, "tag-1", "OTHER")
    with pytest.raises(TypeError, match="page_size must be Int"):
        client.zms.agents.list_agents(CUSTOMER, page_size=2.5)
    assert api_requests(sim) == []


def test_zms_filter_objects_and_snake_keys(client, sim):
    class Filter:
        def as_dict(self):
            return {"key_name": {"starts": "env"}}

    client.zms.tags.list_tag_keys(CUSTOMER, "ns-1", filter_by=Filter())
    assert _body(sim)["variables"]["filter"] == {"keyName": {"starts": "env"}}


# ------------------------------------------------------------------ the simulated service


def test_zms_paging(client, sim):
    first, _, err = client.zms.agents.list_agents(CUSTOMER, page=1, page_size=10)
    assert err is None
    assert first["pageInfo"] == {"pageNumber": 1, "pageSize": 10, "totalCount": 25, "totalPages": 3}
    assert len(first["nodes"]) == 10
    last, _, _ = client.zms.agents.list_agents(CUSTOMER, page=3, page_size=10)
    assert len(last["nodes"]) == 5 and last["pageInfo"]["pageNumber"] == 3
    names = {n["name"] for n in first["nodes"]} | {n["name"] for n in last["nodes"]}
    assert len(names) == 15  # different items on different pages
    again, _, _ = client.zms.resources.list_resources(CUSTOMER, page_num=2, page_size=3)
    assert again["pageInfo"]["pageNumber"] == 2 and len(again["nodes"]) == 3


def test_zms_search_filter_and_order(client, sim):
    found, _, _ = client.zms.agent_groups.list_agent_groups(CUSTOMER, search="GROUP-1")
    assert found["nodes"] and all("group-1" in n["name"] for n in found["nodes"])
    assert found["pageInfo"]["totalCount"] == len(found["nodes"]) == 10  # 10..19
    zones, _, _ = client.zms.app_zones.list_app_zones(CUSTOMER, filter_by={"app_zone_name": {"ends": "-07"}})
    assert [z["appZoneName"] for z in zones["nodes"]] == ["app-zone-07"]
    desc, _, _ = client.zms.tags.list_tag_namespaces(CUSTOMER, page_size=3, order_by={"name": "DESC"})
    assert [n["name"] for n in desc["nodes"]] == ["tag-namespace-25", "tag-namespace-24", "tag-namespace-23"]
    srt, _, _ = client.zms.nonces.list_nonces(CUSTOMER, page_size=2, sort="name", sort_dir="DESC")
    assert [n["name"] for n in srt["nodes"]] == ["nonce-25", "nonce-24"]


def test_zms_single_objects(client, sim):
    nonce, _, err = client.zms.nonces.get_nonce(CUSTOMER, "eyez-42")
    assert err is None and nonce["nonce"]["eyezId"] == "eyez-42"
    totp, _, _ = client.zms.agent_groups.get_agent_group_totp_secrets(CUSTOMER, "eyez-9")
    assert totp["eyezId"] == "eyez-9" and totp["totpSecret"]
    stats, _, _ = client.zms.agents.get_agent_connection_status_statistics(CUSTOMER)
    assert round(sum(s["percentage"] for s in stats["agentStatuses"])) == 100
    assert stats["totalCount"] == sum(s["count"] for s in stats["agentStatuses"])
    status, _, _ = client.zms.resources.get_resource_protection_status(CUSTOMER)
    node = status["nodes"][0]
    assert node["totalResources"] == node["protectedResourcesCount"] + node["unprotectedResourcesCount"]
    groups, _, _ = client.zms.resource_groups.list_resource_groups(CUSTOMER, page_size=2)
    assert [g["__typename"] for g in groups["nodes"]] == ["ManagedResourceGroup", "UnmanagedResourceGroup"]
    assert "cidrs" in groups["nodes"][1] and "cidrs" not in groups["nodes"][0]
    meta, _, _ = client.zms.resources.get_metadata(CUSTOMER)
    assert isinstance(meta, dict) and meta


def _post(client, body):
    return client.get_request_executor().send("POST", "/zms/graphql", body=body).json()


def test_zms_simulator_validates_like_a_graphql_server(client, sim):
    doc = ("query ListTagValues($customerId: ID!, $tagId: String!, $namespaceOrigin: NamespaceOrigin!) {"
           " tagValues(customerId: $customerId, tagId: $tagId, namespaceOrigin: $namespaceOrigin) { nodes { id } } }")
    answer = _post(client, {"operationName": "ListTagValues", "query": doc,
                            "variables": {"customerId": CUSTOMER, "namespaceOrigin": "ML"}})
    assert answer == {"errors": [{"message": 'Variable "$tagId" of required type "String!" was not provided.',
                                  "extensions": {"code": "GRAPHQL_VALIDATION_FAILED"}}]}
    answer = _post(client, {"operationName": "ListTagValues", "query": doc,
                            "variables": {"customerId": CUSTOMER, "tagId": "t", "namespaceOrigin": "NOPE"}})
    assert 'does not exist in "NamespaceOrigin" enum' in answer["errors"][0]["message"]
    short = "query ListTagValues($customerId: ID!) { tagValues(customerId: $customerId) { nodes { id } } }"
    answer = _post(client, {"operationName": "ListTagValues", "query": short, "variables": {"customerId": CUSTOMER}})
    assert 'Variable "$tagId" is not defined by operation "ListTagValues".' in [e["message"] for e in answer["errors"]]
    answer = _post(client, {"operationName": "ListAgents", "query": doc, "variables": {}})
    assert answer["errors"][0]["message"] == 'Unknown operation named "ListAgents".'
