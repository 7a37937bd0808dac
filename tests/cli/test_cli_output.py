"""Rendering helpers: columns, truncation, CSV, progress, parameter types."""

from __future__ import annotations

import io

import click
import pytest

from zscaler.cli.output import Progress, choose_columns, render, render_table, to_plain
from zscaler.cli.params import AUTO, LIST, QUERY_PAIR, KeyValue
from zscaler.model import ZscalerObject


def test_columns_id_name_then_common_scalars():
    items = [{"name": "a", "id": "1", "nested": {"x": 1}, "enabled": True, "rare": 1},
             {"name": "b", "id": "2", "nested": {"x": 2}, "enabled": False, "domain": "d"}]
    cols = choose_columns(items)
    assert cols[:2] == ["id", "name"] and "enabled" in cols and "nested" not in cols


def test_table_truncates_to_the_width():
    text = render_table([{"id": 1, "name": "n" * 300, "description": "d" * 300}], width=80)
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "…" in text


def test_single_object_table_summarises_nested_values():
    text = render_table({"id": 7, "servers": [{"id": 1}, {"id": 2}], "owner": {"id": 3, "name": "me"}})
    assert "[2 items]" in text and "me" in text


def test_csv_nested_as_json_and_scalars_list():
    assert render([{"a": 1, "b": {"c": True}}], "csv").splitlines() == ["a,b", '1,"{""c"":true}"']
    assert render(["x", "y"], "csv").splitlines() == ["value", "x", "y"]


def test_to_plain_keeps_wire_keys():
    obj = ZscalerObject({"maxUsage": 2, "zcomponentId": "9"})
    assert to_plain([obj]) == [{"maxUsage": 2, "zcomponentId": "9"}]


def test_progress_is_silent_off_a_terminal():
    stream = io.StringIO()
    p = Progress("x", 10, stream=stream)
    for _ in range(10):
        p.update()
    p.finish()
    assert stream.getvalue() == ""
    p = Progress("x", 10, stream=stream, enabled=True)
    p.update(10, force=True)
    p.finish()
    assert "10/10" in stream.getvalue()


@pytest.mark.parametrize("text, value", [("2", 2), ("true", True), ("[1,2]", [1, 2]), ("edge-key", "edge-key"),
                                         ('{"a": 1}', {"a": 1}), ("1.5", 1.5)])
def test_auto_values(text, value):
    assert AUTO.convert(text, None, None) == value


def test_lists_and_pairs():
    assert LIST.convert("a, b,c", None, None) == ["a", "b", "c"]
    assert LIST.convert('["1", 2]', None, None) == ["1", 2]
    assert KeyValue().convert("enabled=false", None, None) == ("enabled", False)
    assert KeyValue().convert("name=x=y", None, None) == ("name", "x=y")
    with pytest.raises(click.BadParameter):
        KeyValue().convert("novalue", None, None)


@pytest.mark.parametrize("text, is_pair", [("search=x", True), ("page_size=5", True), ("[?name=='x']", False),
                                           ("[].name", False), ("length(@)", False), ("a==b", False)])
def test_query_pair_or_jmespath(text, is_pair):
    assert bool(QUERY_PAIR.match(text)) is is_pair
