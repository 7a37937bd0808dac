"""Z-Insights: every method's GraphQL request on the wire, its result, argument errors and GraphQL errors.

The expectations come from the inventory facts in ``zins_graphql_facts.json`` (operation names,
variable types, fields taking arguments, selected leaf fields, result field), not from the catalog.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from zscaler.errors import GraphQLAPIError

from graphql_reader import field, has_path, read_document, sent_body
from helpers import api_requests

FACTS = json.loads((Path(__file__).with_name("zins_graphql_facts.json")).read_text())["methods"]
METHODS = sorted(FACTS)
START, END = 1_735_689_600_000, 1_735_776_000_000

#: the official documents declare $filter_by/$order_by but send filterBy/orderBy; ours declare the sent names
WIRE_NAME = {"filter_by": "filterBy", "order_by": "orderBy"}

#: a valid value for every argument name (enums: a member other than the default where there is one)
SAMPLE = {
    "start_time": START, "end_time": END, "limit": 3, "categorize_by": "LOCATION_ID", "traffic_unit": "BYTES",
    "dlp_engine_filter": "PCI", "action_filter": "BLOCK", "include_trend": True, "trend_interval": "HOUR",
    "filter_by": {"name": {"eq": "x"}}, "order_by": [{"total": "DESC"}],
}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.capitalize() for p in rest)


def _sample(method: str, name: str):
    if method == "cyber_security.get_incidents" and name == "categorize_by":
        return ["APP_ID", "USER_ID"]
    return SAMPLE[name]


def _declared(facts: dict) -> dict[str, str]:
    return {WIRE_NAME.get(k, k): v for k, v in facts["variables"].items()}


def _call(client, method: str, **kwargs):
    attr, name = method.split(".")
    return getattr(getattr(client.zins, attr), name)(**kwargs)


def _body(sim) -> dict:
    return sent_body(sim, "/zins/graphql")


# ------------------------------------------------------------------ every method

@pytest.mark.parametrize("method", METHODS)
def test_zins_wire_body_all_arguments(client, sim, method):
    facts = FACTS[method]
    kwargs = {p["name"]: _sample(method, p["name"]) for p in facts["params"]}
    result, resp, err = _call(client, method, **kwargs)
    assert err is None
    body = _body(sim)
    assert set(body) == {"operationName", "query", "variables"}
    assert body["operationName"] == facts["operation_name"]
    expected = {WIRE_NAME.get(k, _camel(k)): v for k, v in kwargs.items()}
    if method == "web_traffic.get_no_grouping" or "order_by" in kwargs:
        expected["orderBy"] = [{"total": "DESC"}]
    assert body["variables"] == expected
    assert set(body["variables"]) == set(_declared(facts))

    kind, name, decls, tree, with_args, used = read_document(body["query"])
    assert (kind, name) == (facts["operation_type"], facts["operation_name"])
    assert decls == _declared(facts)
    assert used == set(decls), "every declared variable is used, and only those"
    assert with_args == set(facts["fields_with_arguments"])
    missing = [leaf for leaf in facts["selected_leaf_fields"] if not has_path(tree, leaf)]
    assert not missing

    # the result is the answer's field at the inventory's body_field
    assert result == field(resp.get_body(), facts["body_field"])
    assert result is not None


@pytest.mark.parametrize("method", METHODS)
def test_zins_defaults_and_omitted_optionals(client, sim, method):
    facts = FACTS[method]
    kwargs = {p["name"]: _sample(method, p["name"]) for p in facts["params"] if p["required"]}
    if method == "cyber_security.get_incidents":
        kwargs["categorize_by"] = "APP_ID"  # a single value is sent as a one-element list
    _, _, err = _call(client, method, **kwargs)
    assert err is None
    variables = _body(sim)["variables"]
    expected = {_camel(k): v for k, v in kwargs.items()}
    defaults = {p["name"]: p["default"] for p in facts["params"] if not p["required"]}
    if defaults.get("traffic_unit") == "'TRANSACTIONS'":
        expected["trafficUnit"] = "TRANSACTIONS"
    if defaults.get("include_trend") == "False":
        expected["includeTrend"] = False
    if method == "cyber_security.get_incidents_by_location":
        expected["categorizeBy"] = "LOCATION_ID"
    if method == "cyber_security.get_incidents":
        expected["categorizeBy"] = ["APP_ID"]
    assert variables == expected  # None-valued optionals (limit, filter_by, ...) are left out


@pytest.mark.parametrize("method", METHODS)
def test_zins_required_variables_refused_before_sending(client, sim, method):
    facts = FACTS[method]
    required_vars = [v for v, t in facts["variables"].items() if t.endswith("!")]
    if not required_vars:  # iot.get_device_stats: every variable optional
        _, _, err = _call(client, method)
        assert err is None and _body(sim)["variables"] == {}
        return
    base = {p["name"]: _sample(method, p["name"]) for p in facts["params"]}
    for var in required_vars:
        arg = re.sub(r"(?<=[a-z])([A-Z])", r"_\1", var).lower()
        with pytest.raises(ValueError, match=f"'{arg}' is required"):
            _call(client, method, **{**base, arg: None})
    assert api_requests(sim, "/zins/graphql") == []


@pytest.mark.parametrize("method", METHODS)
def test_zins_graphql_errors_come_back_in_the_error_slot(client, sim, method):
    facts = FACTS[method]
    sim.fault(path="/zins/graphql", status=200, headers={"Content-Type": "application/json"},
              body={"errors": [{"message": "Cannot query field", "path": ["x"]}], "data": None})
    result, resp, err = _call(client, method, **{p["name"]: _sample(method, p["name"]) for p in facts["params"]})
    assert result is None
    assert isinstance(err, GraphQLAPIError)
    assert err.errors[0]["message"] == "Cannot query field"
    assert "Cannot query field" in str(err)


# ------------------------------------------------------------------ argument handling


def test_zins_get_incidents_needs_categorize_by(client, sim):
    with pytest.raises(ValueError, match=r"'categorize_by' is required .*\[IncidentsGroupBy!\]!"):
        client.zins.cyber_security.get_incidents(START, END)
    assert api_requests(sim) == []


@pytest.mark.parametrize("kwargs,message", [
    ({"traffic_unit": "PACKETS"}, "traffic_unit: 'PACKETS' is not accepted; accepted values: TRANSACTIONS, BYTES"),
    ({"trend_interval": "WEEK"}, "trend_interval: 'WEEK' is not accepted"),
    ({"action_filter": "DROP"}, "action_filter: 'DROP' is not accepted"),
    ({"dlp_engine_filter": "SOX"}, "dlp_engine_filter: 'SOX' is not accepted"),
])
def test_zins_enum_values_checked(client, sim, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        client.zins.web_traffic.get_no_grouping(START, END, **kwargs)
    assert api_requests(sim) == []


def test_zins_enum_members_and_numeric_strings(client, sim):
    import enum

    class Unit(str, enum.Enum):
        BYTES = "BYTES"

    client.zins.web_traffic.get_protocols(str(START), END, traffic_unit=Unit.BYTES, limit="2")
    assert _body(sim)["variables"] == {"startTime": START, "endTime": END, "trafficUnit": "BYTES", "limit": 2}


def test_zins_type_errors_name_the_argument(client, sim):
    with pytest.raises(TypeError, match="start_time must be Long"):
        client.zins.firewall.get_traffic_by_action("yesterday", END)
    with pytest.raises(TypeError, match="filter_by must be a dict"):
        client.zins.firewall.get_traffic_by_action(START, END, filter_by="name")
    with pytest.raises(ValueError, match="'categorize_by' needs at least one value"):
        client.zins.cyber_security.get_incidents(START, END, categorize_by=[])
    assert api_requests(sim) == []


def test_zins_input_objects_from_objects_and_snake_keys(client, sim):
    class OrderBy:
        def as_dict(self):
            return {"field_name": "total", "order": "DESC"}

    client.zins.firewall.get_network_services(START, END, order_by=OrderBy(),
                                              filter_by={"name": {"in": ["HTTP", "DNS"]}})
    assert _body(sim)["variables"]["orderBy"] == [{"fieldName": "total", "order": "DESC"}]
    assert _body(sim)["variables"]["filterBy"] == {"name": {"in": ["HTTP", "DNS"]}}


# ------------------------------------------------------------------ the simulated service


def test_zins_limit_honoured_and_entries_ranked(client, sim):
    entries, _, err = client.zins.web_traffic.get_traffic_by_location(START, END, limit=7)
    assert err is None and len(entries) == 7
    totals = [e["total"] for e in entries]
    assert totals == sorted(totals, reverse=True)
    entries, _, _ = client.zins.web_traffic.get_traffic_by_location(START, END)
    assert len(entries) == 5  # the simulator's default page of a ranked report
    again, _, _ = client.zins.web_traffic.get_traffic_by_location(START, END)
    assert again == entries  # deterministic


def test_zins_nested_results(client, sim):
    incidents, _, err = client.zins.cyber_security.get_incidents(START, END, categorize_by=["APP_ID"], limit=2)
    assert err is None and len(incidents) == 2
    assert {"name", "total", "entries"} <= set(incidents[0]) and len(incidents[0]["entries"]) == 2
    stats, _, _ = client.zins.iot.get_device_stats(limit=4)
    assert len(stats["entries"]) == 4 and isinstance(stats["devices_count"], int)
    summary, _, _ = client.zins.shadow_it.get_shadow_it_summary(START, END)
    assert {"total_apps", "total_bytes", "group_by_app_cat_for_app"} <= set(summary)


def _post(client, body):
    resp = client.get_request_executor().send("POST", "/zins/graphql", body=body)
    return resp.json()


def test_zins_simulator_validates_like_a_graphql_server(client, sim):
    doc = "query WebProtocols($startTime: Long!, $endTime: Long!, $trafficUnit: WebTrafficUnits!) {" \
          " WEB_TRAFFIC { protocols(start_time: $startTime, end_time: $endTime, traffic_unit: $trafficUnit)" \
          " { obfuscated entries { name total } } } }"
    answer = _post(client, {"operationName": "WebProtocols", "query": doc,
                            "variables": {"startTime": START, "trafficUnit": "BYTES"}})
    assert answer["errors"][0]["message"] == 'Variable "$endTime" of required type "Long!" was not provided.'
    assert "data" not in answer
    answer = _post(client, {"operationName": "WebProtocols", "query": doc,
                            "variables": {"startTime": START, "endTime": END, "trafficUnit": "PACKETS"}})
    assert 'got invalid value "PACKETS"' in answer["errors"][0]["message"]
    answer = _post(client, {"operationName": "Nope", "query": "query Nope { X { y } }", "variables": {}})
    assert answer["errors"][0]["message"] == 'Unknown operation named "Nope".'
    answer = _post(client, {"operationName": "WebProtocols", "query": doc,
                            "variables": {"startTime": START, "endTime": END, "trafficUnit": "BYTES"}})
    assert [e["name"] for e in answer["data"]["WEB_TRAFFIC"]["protocols"]["entries"]][:1] == ["protocols-01"]


def test_zins_simulator_error_through_the_client(client, sim):
    # the document the client sends omits nothing; a server-side refusal still lands in the error slot
    sim.fault(path="/zins/graphql", status=200, headers={"Content-Type": "application/json"},
              body={"errors": [{"message": 'Variable "$endTime" of required type "Long!" was not provided.'}]})
    _, _, err = client.zins.firewall.get_traffic_by_location(START, END)
    assert isinstance(err, GraphQLAPIError) and "$endTime" in str(err)


def test_zins_simulated_filter_and_order(client, sim):
    got, _, err = client.zins.firewall.get_network_services(START, END, filter_by={"name": {"in": [
        "network service-03", "network service-40"]}})
    assert err is None and [e["name"] for e in got] == ["network service-03", "network service-40"]
    got, _, _ = client.zins.firewall.get_network_services(START, END, limit=2, order_by=[{"total": "ASC"}])
    assert [e["name"] for e in got] == ["network service-50", "network service-49"]
    got, _, _ = client.zins.saas_security.get_casb_app_report(START, END, limit=3, filter_by={"name": {
        "ne": "casb app-01"}}, order_by=[{"field_name": "name", "order": "ASC"}])
    assert [e["name"] for e in got] == ["casb app-02", "casb app-03", "casb app-04"]
    assert api_requests(sim)[-1].json()["variables"]["orderBy"] == [{"fieldName": "name", "order": "ASC"}]


def test_zins_list_items_can_not_be_none(client, sim):
    with pytest.raises(ValueError, match="'categorize_by' can not hold None"):
        client.zins.cyber_security.get_incidents(START, END, categorize_by=["APP_ID", None])
    assert api_requests(sim) == []
