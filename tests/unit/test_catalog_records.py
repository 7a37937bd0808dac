"""Catalog modules are data: loading them imports no transport code and no HTTP library, and their
records say only what the binder would not derive by itself."""

import subprocess
import sys

import pytest

from zscaler import catalog
from zscaler.catalog.spec import default_doc

SCRIPT = """
import importlib, sys
from zscaler import catalog
from zscaler.catalog.spec import default_doc
for product in catalog.PRODUCTS:
    importlib.import_module("zscaler.catalog." + product)
    importlib.import_module("zscaler.catalog")
for name in ("hooks", "call", "spec", "graphql", "id_lists", "class_tables"):
    importlib.import_module("zscaler.catalog." + name)
import pkgutil
for info in pkgutil.iter_modules(catalog.__path__):
    importlib.import_module("zscaler.catalog." + info.name)
loaded = sorted(m for m in sys.modules if m == "httpx" or m.startswith(("httpx.", "zscaler.transport", "httpcore")))
print(len([m for m in sys.modules if m.startswith("zscaler.catalog.")]), loaded)
"""


def test_loading_every_catalog_imports_no_transport_and_no_httpx():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True).stdout.split(" ", 1)
    count, loaded = int(out[0]), out[1].strip()
    assert count >= 2 * len(catalog.PRODUCTS) - 2  # the catalogs and their hook modules were loaded
    assert loaded == "[]", f"loading the catalogs imported {loaded}"


def test_no_doc_repeats_the_generated_default():
    # the binder makes a summary from the name (``list_groups`` -> "List groups."); writing it out is noise
    repeated = [f"{product}.{res.attribute}.{o.name}" for product in catalog.PRODUCTS
                for res, o in catalog.load(product).ops() if o.doc and o.doc == default_doc(o.name)]
    assert repeated == [], f"remove doc= equal to the default: {repeated[:10]}"


def test_docstring_summary_is_the_doc_or_the_default(client):
    from zscaler.catalog.spec import op

    assert op("list_groups", "GET", "/x").summary == "List groups."
    assert op("list_groups", "GET", "/x", doc="Every group.").summary == "Every group."
    assert client.zpa.segment_groups.list_groups.__doc__.splitlines()[0] == "List groups."
    assert client.zia.url_filtering.add_rule.__doc__.splitlines()[0] == "Add rule."


def test_shared_behaviours_are_op_flags_not_hooks():
    flagged = {"client_search": 0, "enabled_to_state": 0}
    for product in catalog.PRODUCTS:
        for res, o in catalog.load(product).ops():
            name = getattr(o.hook, "__name__", "")
            assert "client_search" not in name and "enabled_to_state" not in name, f"{res.attribute}.{o.name}"
            flagged["client_search"] += o.client_search
            flagged["enabled_to_state"] += o.enabled_to_state
    assert flagged == {"client_search": 34, "enabled_to_state": 33}


def test_crud_takes_hooks_and_per_role_keywords():
    from zscaler.catalog.spec import crud, in_name_order

    def hook(call):
        return None

    ops = crud("/x/v1", "/things", "Thing", list_name="list_things", get_name="get_thing", add_name="add_thing",
               update_name="update_thing", delete_name="delete_thing", id_arg="thing_id",
               hooks={"write": hook}, extra={"list": {"client_search": True}, "get": {"params": "thing_id"},
                                             "write": {"enabled_to_state": True}, "add": {"result": "raw"}})
    by = {o.name: o for o in ops}
    assert [o.name for o in ops] == ["list_things", "get_thing", "add_thing", "update_thing", "delete_thing"]
    assert by["add_thing"].hook is hook and by["update_thing"].hook is hook and by["get_thing"].hook is None
    assert by["add_thing"].enabled_to_state and by["update_thing"].enabled_to_state
    assert by["list_things"].client_search and not by["get_thing"].client_search
    assert [p.name for p in by["get_thing"].params] == ["thing_id"]
    assert by["add_thing"].result == "raw" and by["update_thing"].result == "object"
    assert by["update_thing"].path == "/x/v1/things/{thing_id}" and by["delete_thing"].model is None
    assert [o.name for o in in_name_order(*ops)] == sorted(by)
    with pytest.raises(ValueError, match="unknown role"):
        crud("/x", "/t", "T", list_name="l", get_name="g", add_name="a", update_name="u", delete_name="d",
             id_arg="i", extra={"patch": {}})


def test_crud_records_are_what_the_hand_written_ones_were():
    # a resource converted to crud() keeps every record and the name order the simulator reads
    res = catalog.load("zia").resource("cloud_firewall_rules")
    assert [o.name for o in res.ops] == sorted(o.name for o in res.ops)
    add, get = res.op("add_rule"), res.op("get_rule")
    assert add.enabled_to_state and res.op("update_rule").enabled_to_state and not res.op("delete_rule").enabled_to_state
    assert [p.name for p in get.params] == ["rule_id"] and add.path == "/zia/api/v1/firewallFilteringRules"


# ------------------------------------------------------------------ hooks' preliminary requests (Call.request)

API = "https://api.example.invalid"
TOKEN_URL = "https://vanity.zslogin.example.invalid/oauth2/v1/token"


def _client(answers: dict, seen: list):
    import uuid

    import httpx

    from zscaler import ZscalerClient

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if str(request.url) == TOKEN_URL:
            return httpx.Response(200, json={"access_token": "t", "token_type": "Bearer", "expires_in": 3600})
        return answers[(request.method, request.url.path)]

    return ZscalerClient({"clientId": f"hooks-{uuid.uuid4().hex[:8]}", "clientSecret": "s", "customerId": "1",
                          "apiBaseUrl": API, "tokenUrl": TOKEN_URL, "rateLimit": {"maxRetries": 0},
                          "transport": httpx.MockTransport(handle)})


def test_hook_request_sends_raw_body_and_headers_and_may_skip_the_answer():
    import httpx

    seen: list = []
    answers = {
        # the API answers a valid static IP with a body that is not JSON although it says so
        ("POST", "/zia/api/v1/staticIP/validate"): httpx.Response(200, content=b"SUCCESS",
                                                                  headers={"Content-Type": "application/json"}),
        ("POST", "/zia/api/v1/pacFiles/validate"): httpx.Response(200, json={"success": True}),
        ("POST", "/zia/api/v1/pacFiles"): httpx.Response(200, json={"id": 7, "name": "p"}),
        ("DELETE", "/zia/api/v1/authenticatedSession"): httpx.Response(204),  # the activation on exit
    }
    with _client(answers, seen) as client:
        assert client.zia.traffic_static_ip.check_static_ip("198.51.100.20") == (True, None, None)
        pac, _, err = client.zia.pac_files.add_pac_file(name="p", pac_content="\n  function F() {}\n")
    assert err is None and pac.id == 7
    validate = next(r for r in seen if r.url.path == "/zia/api/v1/pacFiles/validate")
    assert validate.content == b"function F() {}\n" and validate.headers["content-type"] == "text/plain"


def test_query_rules_are_declared_by_the_product():
    from zscaler import binding, catalog
    from zscaler.catalog.spec import QUERY_STYLES, Product

    assert set(binding.QUERY_RULES) == set(QUERY_STYLES)
    assert {catalog.load(p).query for p in ("zpa", "zdx", "zia")} == {"zpa", "zdx", "generic"}
    with pytest.raises(ValueError, match="query='zpa2' is not one of generic, zpa, zdx"):
        Product("toy", "/toy", "flat", (), query="zpa2")
