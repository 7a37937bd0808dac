"""What methods return, and the class-level tables, against the official 1.11.3 facts (the inventory).

Most methods return ``(result, response, error)``; the few the official SDK makes return something
else (a bare value, ``None`` on an error, a 2-tuple) do the same here (``Op.returns``). Each such
method is also exercised against the simulator in its product's tests; here the catalog is checked
against the inventory as a whole, and the convention itself is checked on one method of each kind.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from zscaler import catalog
from zscaler.binding import resource_class
from zscaler.errors import ZscalerAPIError
from zscaler.response import Result

INVENTORY = Path("/work/shared/zscaler-api/inventory")
PRODUCTS = ("aiguard", "zbi", "zcc", "zcell", "zdx", "zeasm", "zia", "zid", "zins", "zms", "zpa", "ztb", "ztw", "zwa")
needs_inventory = pytest.mark.skipif(not INVENTORY.is_dir(), reason="API inventory not available")

#: the inventory's return conventions -> Op.returns
CONVENTIONS = {("tuple3",): "tuple3", ("bare_value",): "bare", ("None", "bare_value"): "bare_or_none",
               ("None", "tuple3"): "tuple3_or_none", ("tuple2",): "pair"}
#: the official returns None only when building the request fails, which cannot happen (it raises instead):
#: every reachable path returns the 3-tuple
NONE_UNREACHABLE = {("zpa", "app_protection", n) for n in (
    "delete_custom_control", "get_custom_control", "get_predef_control", "get_profile", "profile_control_attach")}


def _inventory(product: str) -> dict:
    return json.loads((INVENTORY / f"{product}.json").read_text())


def _methods():
    for product in PRODUCTS:
        for res in _inventory(product)["resources"]:
            for m in res["methods"]:
                yield product, res["attribute"], m


@needs_inventory
def test_every_method_returns_as_the_official_one():
    wrong, checked = [], 0
    for product, attribute, m in _methods():
        want = CONVENTIONS[tuple(m["result"]["return_convention"])]
        if (product, attribute, m["name"]) in NONE_UNREACHABLE:
            want = "tuple3"
        got = catalog.load(product).resource(attribute).op(m["name"]).returns
        checked += got != "tuple3"
        if got != want:
            wrong.append(f"{product}.{attribute}.{m['name']}: {got}, official {want}")
    assert not wrong, wrong
    assert checked == 22  # 27 non-3-tuple methods in the inventory, 5 of them with an unreachable None


@needs_inventory
def test_class_tables_are_the_official_ones():
    """``LssAPI.source_log_map``, ``POLICY_MAP``, every ``reformat_params``: equal values, same key order."""
    seen = 0
    for product in PRODUCTS:
        for res in _inventory(product)["resources"]:
            for name, table in (res.get("constant_tables") or {}).items():
                value = getattr(resource_class(product, res["attribute"]), name)
                if isinstance(table, dict):
                    assert value == table and list(value) == list(table), (product, res["attribute"], name)
                else:
                    assert [list(p) for p in value] == table and all(type(p) is tuple for p in value)
                seen += 1
    assert seen == 14


def test_source_log_map_is_a_class_attribute(client):
    lss = client.zpa.lss
    assert type(lss).source_log_map["user_activity"] == "zpn_trans_log"
    assert lss.source_log_map is type(lss).source_log_map
    assert resource_class("zpa", "policies").POLICY_MAP["access"] == "ACCESS_POLICY"


def test_tuple3_stays_a_result(client):
    out = client.zia.rule_labels.list_labels()
    assert isinstance(out, Result) and len(out) == 3 and out.error is None


def test_bare_raises_the_api_error(client, sim):
    assert isinstance(client.zia.url_categories.get_quota(), dict)
    sim.fault(path="*/urlCategories/urlQuota", status=400, body={"code": "NOPE", "message": "no quota"})
    with pytest.raises(ZscalerAPIError) as info:
        client.zia.url_categories.get_quota()
    assert info.value.status_code == 400


def test_bare_or_none_logs_the_error_and_returns_none(client, sim, caplog):
    status = client.zia.audit_logs.get_status()
    assert isinstance(status, dict)
    sim.fault(path="*/auditlogEntryReport", method="GET", status=400, body={"code": "NOPE", "message": "refused"})
    with caplog.at_level(logging.ERROR, logger="zscaler.client"):
        assert client.zia.audit_logs.get_status() is None
    (record,) = [r for r in caplog.records if r.name == "zscaler.client"]
    assert "zia.audit_logs.get_status" in record.getMessage() and "400" in record.getMessage()


def test_tuple3_or_none(client, sim, caplog):
    gateways, resp, err = client.zia.proxies.list_proxy_gateways()
    assert err is None and isinstance(gateways, list) and resp is not None
    sim.fault(path="*/proxyGateways", status=404, body={"code": "NOT_FOUND", "message": "gone"})
    with caplog.at_level(logging.ERROR, logger="zscaler.client"):
        assert client.zia.proxies.list_proxy_gateways() is None
    assert any("list_proxy_gateways" in r.getMessage() and "404" in r.getMessage() for r in caplog.records)


def test_pair_is_a_plain_2_tuple(client, sim):
    out = client.zia.url_categories.lookup(["example.com"])
    assert type(out) is tuple and len(out) == 2
    results, err = out
    assert err is None and results[0]["url"] == "example.com"
    sim.fault(path="*/urlLookup", status=400, body={"code": "INVALID", "message": "bad url"})
    results, err = client.zia.url_categories.lookup(["example.com"])
    assert results is None and isinstance(err, ZscalerAPIError) and err.status_code == 400


def test_docstrings_say_what_comes_back():
    assert "2-tuple" in resource_class("zia", "url_categories").lookup.__doc__
    assert "alone" in resource_class("zia", "url_categories").get_quota.__doc__
    assert "(result, response, error)" in resource_class("zia", "rule_labels").list_labels.__doc__


@needs_inventory
def test_decorator_keywords_are_taken_where_the_official_decorators_take_them():
    """``zcell_params`` (``days=``), ``zdx_params`` (``since=`` ...) and ``zcc_param_mapper`` on exactly
    the decorated methods (ZDX ``share_snapshot`` takes every keyword in its ``**kwargs`` already)."""
    for product, attribute, m in _methods():
        decorators = " ".join(m.get("decorators") or [])
        op = catalog.load(product).resource(attribute).op(m["name"])
        assert (op.window is not None) == ("zcell_params" in decorators), (product, attribute, m["name"])
        if product == "zdx" and m["name"] != "share_snapshot":
            assert bool(op.shorthands) == ("zdx_params" in decorators), (attribute, m["name"])
        if product == "zcc":  # OS / registration-type names to codes, dates, time zone
            assert ("zcc_params" in getattr(op.hook, "__name__", "")) == ("zcc_param_mapper" in decorators), m["name"]
