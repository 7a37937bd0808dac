"""Helpers of the simulator tests: test-only products, token fetch, ZPA paths."""

from __future__ import annotations

import httpx

from zscaler.catalog.spec import Product, Resource, crud, op


def _thing_product(name: str, paging: str, id_style: str = "int", prefix: str | None = None,
                   extra: tuple = ()) -> Product:
    """A tiny test-only product: one CRUD collection plus a settings object and an action.

    ``extra`` adds operations (a stand-in for a real product lists the ones whose behaviours
    the tests use: behaviours without an operation are skipped for stand-ins).
    """
    prefix = prefix or f"/{name}"
    base = f"{prefix}/api/v1"
    ops = crud(base, "/things", "Thing", list_name="list_things", get_name="get_thing", add_name="add_thing",
               update_name="update_thing", delete_name="delete_thing", id_arg="thing_id")
    ops += (
        op("get_settings", "GET", base + "/settings", "", "object"),
        op("update_settings", "PUT", base + "/settings", "**kwargs", "object"),
        op("run_check", "POST", base + "/things/check", "**kwargs", "object"),
        op("add_urls", "PUT", base + "/things/{thing_id}?action=ADD_TO_LIST", "thing_id, **kwargs", "object"),
    ) + extra
    return Product(name, prefix, paging, (Resource("things", ops, required=("name",)),), id_style=id_style)


# test-only products exercising each array/object paging envelope (names do not clash with catalogs)
PAGING_PRODUCTS = {
    "zia": _thing_product("tzia", "zia"),
    "zcc": _thing_product("tzcc", "zcc"),
    "zdx": _thing_product("tzdx", "zdx"),
    "ziam": _thing_product("tziam", "ziam", "uuid"),
    "zcell": _thing_product("tzcell", "zcell"),
    "easm": _thing_product("teasm", "easm", "uuid"),
    "flat": _thing_product("tflat", "flat"),
}

# stand-ins named like the real products, for ZIA/ZTW-specific behaviour (activation, edit lock, 200 on PUT)
ZIA_TEST = _thing_product("zia", "zia", prefix="/zia", extra=(
    op("status", "GET", "/zia/api/v1/status", "", "object"),
    op("activate", "POST", "/zia/api/v1/status/activate", "", "object"),
))
ZTW_TEST = _thing_product("ztw", "flat", prefix="/ztw", extra=(
    op("get_status", "GET", "/ztw/api/v1/ecAdminActivateStatus", "", "object"),
    op("activate", "PUT", "/ztw/api/v1/ecAdminActivateStatus/activate", "**kwargs", "object"),
))


def get_token(sim, client: httpx.Client | None = None) -> str:
    c = client or httpx
    r = c.post(sim.url + "/oauth2/v1/token", data={
        "grant_type": "client_credentials", "client_id": sim.client_id, "client_secret": sim.client_secret,
        "audience": "https://api.zscaler.com"})
    assert r.status_code == 200, r.text
    return r.json()["access_token"]


def zpa(sim, tail: str = "") -> str:
    return f"/zpa/mgmtconfig/v1/admin/customers/{sim.customer_id}{tail}"
