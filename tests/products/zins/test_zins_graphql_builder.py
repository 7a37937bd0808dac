"""The declarative GraphQL description (zscaler.catalog.graphql) that Z-Insights and ZMS records use."""

from __future__ import annotations

import pytest

from zscaler.catalog.graphql import graphql_hook, operation


def test_zins_builder_document_from_leaves_and_arguments():
    op = operation("Things", "customerId: ID!, first: Int, kinds: [Kind!]", "nodes.{id,name} nodes.Big.size total",
                   {"": "customerId: $customerId, first: $first", "nodes": "kinds: $kinds"}, root="things",
                   enums={"Kind": ("A", "B")})
    assert op.document() == (
        "query Things($customerId: ID!, $first: Int, $kinds: [Kind!]) {\n"
        "  things(customerId: $customerId, first: $first) {\n"
        "    nodes(kinds: $kinds) {\n"
        "      id\n"
        "      name\n"
        "      ... on Big {\n"
        "        size\n"
        "      }\n"
        "    }\n"
        "    total\n"
        "  }\n"
        "}\n")
    assert [(v.name, v.arg, v.required) for v in op.variables] == [
        ("customerId", "customer_id", True), ("first", "first", False), ("kinds", "kinds", False)]
    assert op.variables_from({"customer_id": "c", "first": None, "kinds": "A"}) == {"customerId": "c", "kinds": ["A"]}
    with pytest.raises(ValueError, match="kinds: 'C' is not accepted; accepted values: A, B"):
        op.variables_from({"customer_id": "c", "kinds": ["A", "C"]})
    with pytest.raises(ValueError, match=r"'customer_id' is required \(GraphQL variable \$customerId: ID!\)"):
        op.variables_from({})


@pytest.mark.parametrize("variables,arguments,message", [
    ("a: Int, b: Int", {"": "a: $a"}, "declared .* but used"),          # b never used
    ("a: Int", {"": "a: $a, c: $c"}, "declared .* but used"),           # $c never declared
    ("a: Int, a: Int", {"": "a: $a"}, "declared twice"),
    ("a: Int", {"": "a: $a", "missing": "a: $a"}, "'root.missing', which is not selected"),
])
def test_zins_builder_refuses_inconsistent_descriptions(variables, arguments, message):
    with pytest.raises(ValueError, match=message):
        operation("Bad", variables, "x", arguments, root="root")


def test_zins_builder_argument_renames():
    op = operation("Members", "id: String!, filter: F", "nodes.id", {"": "id: $id, filter: $filter"}, root="m",
                   args={"id": "group_id", "filter": "filter_by"})
    assert op.variables_from({"group_id": "g", "filter_by": {"resource_id": {"equals": "r"}}}) == {
        "id": "g", "filter": {"resourceId": {"equals": "r"}}}
    with pytest.raises(ValueError, match="undeclared variables"):
        operation("X", "a: Int", "x", {"": "a: $a"}, root="r", args={"nope": "n"})
    hook = graphql_hook(op)
    assert hook.__name__ == "graphql_Members" and hook.graphql is op
