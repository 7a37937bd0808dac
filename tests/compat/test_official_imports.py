"""Every module and class name of the official 1.11.3 SDK imports from this package.

Two sources of the names: the committed data file (``zscaler/compat/official_surface.json``,
so a clean clone checks every name) and, when present, the inventory facts themselves
(``../shared/zscaler-api/inventory``: the data file must cover all of them and be current).
"""

from __future__ import annotations

import enum
import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from zscaler.compat import surface

ROOT = Path(__file__).resolve().parents[2]
INVENTORY = ROOT.parent / "shared" / "zscaler-api" / "inventory"
PRODUCTS = ("zia", "zpa", "zcc", "zdx", "ztw", "zwa", "zid", "aiguard", "zbi", "zcell", "zeasm", "zins", "zms", "ztb")
needs_inventory = pytest.mark.skipif(not INVENTORY.is_dir(), reason="inventory facts not present (../shared)")


def _import(module: str, name: str):
    mod = importlib.import_module(module)
    return getattr(mod, name)


def test_every_name_of_the_data_file_imports():
    modules = surface.data()["modules"]
    assert len(modules) > 550
    count = 0
    for module, names in modules.items():
        mod = importlib.import_module(module)
        for name in names:
            obj = getattr(mod, name)
            assert obj is not None, f"{module}.{name}"
            if isinstance(obj, type):
                assert obj.__name__ == name or module in ("zscaler", "zscaler.oneapi_object", "zscaler.api_client",
                                                          "zscaler.oneapi_response"), f"{module}.{name}: {obj}"
            count += 1
    assert count > 1100


@needs_inventory
def test_every_inventory_name_imports():
    seen = 0
    for product in PRODUCTS:
        inv = json.loads((INVENTORY / f"{product}.json").read_text())
        module, cls = inv["service_class"].rsplit(".", 1)
        assert _import(module, cls).__name__ == cls
        if inv.get("legacy_helper_class"):
            module, cls = inv["legacy_helper_class"].rsplit(".", 1)
            assert _import(module, cls).__name__ == cls
        for r in inv["resources"]:
            assert isinstance(_import(r["module"], r["class"]), type), r["module"]
            seen += 1
        for m in inv["models"]:
            obj = _import(m["module"], m["class"])
            assert obj.__module__ == m["module"] and obj.__name__ == m["class"]
            if m["kind"] == "enum":
                assert issubclass(obj, str) and issubclass(obj, enum.Enum)
                assert {k: v.value for k, v in obj.__members__.items()} == m["members"]
            elif m["kind"] == "dataclass":
                own = [f["attr"] for f in m["fields"]]
                assert set(own) <= set(obj.__dataclass_fields__)
            seen += 1
    clients = json.loads((INVENTORY / "clients.json").read_text())
    for c in clients["oneapi_client_module_classes"]:
        assert isinstance(_import(c["module"], c["class"]), type)
    for h in clients["legacy_helpers"]:
        assert _import(h["module"], h["class"]).__name__ == h["class"]
    for export in clients["package_exports"]:
        assert _import("zscaler", export) is _import("zscaler.oneapi_client", "Client")
    for key in ("model_base_class", "resource_base_class", "response_class"):
        assert isinstance(_import(clients[key]["module"], clients[key]["class"]), type)
    assert seen > 1100


@needs_inventory
def test_data_file_is_current():
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "gen_official_surface.py"), "--check",
                          "--inventory", str(INVENTORY)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_issue_examples_import():
    from zscaler.exceptions.exceptions import HTTPException, RetryTooLong, ZscalerAPIException
    from zscaler.oneapi_client import LegacyAIGuardClient, LegacyZTBClient
    from zscaler.zcc.legacy import LegacyZCCClientHelper
    from zscaler.zdx.devices import DevicesAPI
    from zscaler.zms.models.inputs import StringExpression
    from zscaler.zpa.models.segment_group import SegmentGroup

    from zscaler.errors import HTTPError, ZscalerAPIError

    assert ZscalerAPIException is ZscalerAPIError and HTTPException is HTTPError and issubclass(RetryTooLong, Exception)
    assert DevicesAPI.__name__ == "DevicesAPI" and LegacyZCCClientHelper.__name__ == "LegacyZCCClientHelper"
    assert SegmentGroup.__module__ == "zscaler.zpa.models.segment_group"
    assert StringExpression(equals="a").as_dict() == {"equals": "a"}
    for cls in (LegacyZTBClient, LegacyAIGuardClient):
        with pytest.raises(ValueError, match="'api_key' is required"):  # their logins: tests/compat/test_legacy_helpers.py
            cls()


def test_missing_names_fail_as_python_does():
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("zscaler.zpa.no_such_module")
    with pytest.raises(ImportError, match="NoSuchAPI"):
        exec("from zscaler.zpa.segment_groups import NoSuchAPI", {})
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("zscaler.no_such_product")


def test_real_modules_take_precedence():
    import zscaler.errors.zscaler_api_error as real

    assert real.__file__ and real.__file__.endswith("zscaler_api_error.py")
    assert importlib.import_module("zscaler.config").__file__.endswith("config.py")


def test_client_objects_are_instances_of_the_official_classes(client, sim):
    from zscaler.zdx.devices import DevicesAPI
    from zscaler.zpa.models.segment_group import SegmentGroup
    from zscaler.zpa.segment_groups import SegmentGroupsAPI
    from zscaler.zpa.zpa_service import ZPAService
    from zscaler.zia.zia_service import ZIAService

    assert isinstance(client.zpa, ZPAService) and isinstance(client.zia, ZIAService)
    assert not isinstance(client.zia, ZPAService)
    assert isinstance(client.zpa.segment_groups, SegmentGroupsAPI)
    assert isinstance(client.zdx.devices, DevicesAPI)
    client.zpa.segment_groups.add_group(name="g1", enabled=True)
    items, _, err = client.zpa.segment_groups.list_groups()
    assert err is None and items and all(isinstance(i, SegmentGroup) for i in items)
    one, _, _ = client.zpa.segment_groups.get_group(items[0].id)
    assert type(one) is SegmentGroup


def test_legacy_client_returns_the_legacy_helper(sim):
    from zscaler.oneapi_client import LegacyZPAClient
    from zscaler.zpa.legacy import LegacyZPAClientHelper
    from zscaler.zpa.zpa_service import ZPAService

    with LegacyZPAClient(sim.legacy_config("zpa")) as legacy:
        assert isinstance(legacy.zpa, LegacyZPAClientHelper) and not isinstance(legacy.zpa, ZPAService)


def test_same_class_name_in_two_products_is_two_classes():
    from zscaler.model import model_class

    zia, ztw = model_class("zia", "AdminRoles"), model_class("ztw", "AdminRoles")
    assert zia is not ztw
    assert zia.__module__.startswith("zscaler.zia.") and ztw.__module__.startswith("zscaler.ztw.")
    # one product, two modules: the resource decides (zid user_entitlement's Service)
    assert model_class("zid", "Service", "user_entitlement").__module__ == "zscaler.zid.models.user_entitlement"


def test_import_zscaler_reads_no_data_and_loads_no_product_code():
    code = ("import sys, zscaler, zscaler.compat.surface as s; "
            "assert s.data.cache_info().currsize == 0; "
            "assert 'zscaler.catalog' not in sys.modules and 'zscaler.model' not in sys.modules; print('ok')")
    # zscaler.compat.surface is imported by the check itself; the finder alone must not read the file
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_utils_helpers_scripts_use():
    from zscaler.utils import (add_id_groups, camel_to_snake, chunker, convert_keys, convert_keys_to_snake,
                               keys_exists, recursive_snake_to_camel, snake_to_camel, str2bool,
                               transform_common_id_fields)

    assert camel_to_snake("surrogateIP") == "surrogate_ip" and camel_to_snake("URLCategory") == "u_r_l_category"
    assert snake_to_camel("surrogate_ip") == "surrogateIP" and snake_to_camel("page_size") == "pageSize"
    assert convert_keys_to_snake({"aB": [{"cD": 1}]}) == {"a_b": [{"c_d": 1}]}
    assert recursive_snake_to_camel({"a_b": [{"c_d": 1}]}) == convert_keys({"a_b": [{"c_d": 1}]}) == {"aB": [{"cD": 1}]}
    assert [list(c) for c in chunker([1, 2, 3, 4, 5], 2)] == [[1, 2], [3, 4], [5]]
    assert keys_exists({"a": {"b": 1}}, "a", "b") and not keys_exists({"a": {}}, "a", "b")
    assert str2bool("Yes") and not str2bool("off")
    source, target = {"ec_groups": ["5", {"id": 6}], "departments": None, "name": "n"}, {}
    transform_common_id_fields([("ec_groups", "ecGroups"), ("departments", "departments")], source, target)
    assert target == {"ecGroups": [{"id": 5}, {"id": 6}]} and source == {"name": "n"}
    kwargs, payload = {"departments": ["1"], "x": 1}, {}
    add_id_groups([("departments", "departments")], kwargs, payload)
    assert payload == {"departments": [{"id": "1"}]} and kwargs == {"x": 1}
