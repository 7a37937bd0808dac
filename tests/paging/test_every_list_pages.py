"""Every list operation of every catalog, paged on the simulator over a seeded collection bigger
than one page: the first page, ``next()`` and ``iter_all()`` agree item for item (issue #14).

Each op's collection is seeded with ``2 * page + 1`` items (``page`` = the size asked for with the
style's page-size argument, else the style's default size), so a listing that pages takes three
pages. A listing whose style has one page only (flat arrays, keyed envelopes) is checked to answer
every seeded item at once. Operations that list no seedable collection are in :data:`NOT_SEEDABLE`
with the reason; the test of that table keeps it honest.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from zscaler import catalog, paging
from zscaler.binding import call_result
from zscaler.model import ZscalerObject

#: (product, resource, method) -> why the op cannot be paged over a seeded collection
NOT_SEEDABLE: dict[tuple[str, str, str], str] = {
    # writes whose answer is a list: they create, they do not list a collection
    ("zpa", "pra_console", "add_bulk_console"): "a bulk create answering the created consoles",
    ("zpa", "user_portal_link", "add_bulk_portal_links"): "a bulk create answering the created links",
    ("zcell", "sim_location_groups", "add_location_group"): "a create answering a one-element array",
    ("zia", "traffic_datacenters", "add_dc_exclusion"): "a create answering the exclusions",
    ("zcc", "admin_user", "sync_zia_zdx_admin_users"): "a sync action answering its report, not a listing",
    ("zcc", "admin_user", "sync_zpa_admin_users"): "a sync action answering its report, not a listing",
    # answered by a behaviour from fixed or computed data, not from a stored collection
    ("zpa", "app_protection", "get_all_predef_control"): "the predefined controls are fixed data of the simulator",
    ("zpa", "app_protection", "list_predef_controls"): "the predefined controls are fixed data of the simulator",
    ("zpa", "application_segment", "get_multimatch_unsupported_references"):
        "computed from the domains posted, not a stored collection",
    ("zia", "endpoint_dlp_resource_groups", "list_resource_group_tags"):
        "the groups of one channel, filtered from /endPointDlpResourceGroups by a behaviour",
    ("zia", "gre_tunnel", "list_vips_recommended"): "recommended VIPs computed by a behaviour from fixed data",
    ("zid", "groups", "list_group_users_details"): "the members of a group, computed from the membership a behaviour keeps",
    ("zid", "users", "list_user_group_details"): "the groups of a user, computed from the membership a behaviour keeps",
    ("zpa", "policies", "list_rules"): "the rules of a policy set the simulator creates itself (ids it assigns)",
    ("zdx", "alerts", "list_historical"): "alerts filtered by end time from the shared /alerts store",
    ("zdx", "alerts", "list_ongoing"): "alerts filtered by end time from the shared /alerts store",
    ("zdx", "inventory", "list_software_keys"): "the devices of one software key, filtered from /inventory/software",
    ("zcell", "audit_data_handling", "list_audit_customers_search"): "a POST search answered by a behaviour",
    ("zcell", "network_events", "list_network_events_search"): "a POST search answered by a behaviour",
    ("zcell", "sim_analytics", "list_sim_analytics_map"): "a map aggregate computed by a behaviour",
}

#: (product, verb, suffix of the op's path) -> what replaces it to name the collection the items live in
SEED_AT = {
    ("zpa", "POST", "/search"): "",  # POST .../search lists the collection the path names
    ("ztw", "GET", "/lite"): "",  # <collection>/lite lists <collection> (ids and names only)
}


def _list_ops() -> list[tuple[str, str, str]]:
    return [(p, r.attribute, o.name) for p in catalog.PRODUCTS for r, o in catalog.load(p).ops() if o.result == "list"]


LIST_OPS = _list_ops()


def _wire(item: Any) -> str:
    if isinstance(item, ZscalerObject):
        item = item.request_format()
    return json.dumps(item, sort_keys=True, default=str)


def _arguments(op: Any, style: paging.PagingStyle) -> tuple[dict[str, Any], int | None]:
    """The call's arguments (placeholders and required arguments filled, mapped ones by their first
    accepted name) and the page size asked for (None: the style's default)."""
    args: dict[str, Any] = {n: next(iter(t)) for n, t in op.maps.items() if any(p.name == n for p in op.params)}
    for p in op.params:
        if p.required and p.name not in args and p.kind not in ("var_keyword", "var_positional"):
            args[p.name] = "1001"
    for name in op.placeholders():
        if name not in ("customerId", "zcellCustomerId"):
            args.setdefault(name, "1001")
    size = None
    if style.size_arg and any(p.name == "query_params" for p in op.params):
        size = 2
        args["query_params"] = {style.size_arg: size}
    return args, size


def _collection(sim: Any, product: str, op: Any, args: dict[str, Any]) -> str:
    path = op.path.replace("{customerId}", str(sim.engine.customer_id))
    for name in op.placeholders():
        if name in args:
            value = args[name]
            path = path.replace("{" + name + "}", str((op.maps.get(name) or {}).get(value, value)))
    path = re.sub(r"{\w+}", "1001", path)
    for (where, verb, suffix), replacement in SEED_AT.items():
        if (where, verb) == (product, op.verb) and path.endswith(suffix):
            path = path[: -len(suffix)] + replacement
    return path


def _inner(style: paging.PagingStyle, items: list[str]) -> list[str]:
    """The listed objects: a page that is itself one envelope (ZDX) counts the objects inside it."""
    if style.name != "zdx_envelope":
        return items
    out: list[str] = []
    for text in items:
        body = json.loads(text)
        out += [_wire(o) for v in body.values() if isinstance(v, list) for o in v]
    return out


def _pages(resp: Any) -> list[list[str]]:
    pages = [[_wire(i) for i in resp.get_results()]]
    while resp.has_next():
        more, _, err = resp.next()
        assert err is None, err
        pages.append([_wire(i) for i in (more or [])])
    return pages


@pytest.mark.parametrize("product, resource, method", LIST_OPS, ids=["-".join(c) for c in LIST_OPS])
def test_first_page_next_and_iter_all_agree(sim, client, product, resource, method):
    if (product, resource, method) in NOT_SEEDABLE:
        pytest.skip(NOT_SEEDABLE[(product, resource, method)])
    prod = catalog.load(product)
    op = prod.resource(resource).op(method)
    style = paging.of(prod, op)
    args, size = _arguments(op, style)
    page = size or (style.request_size if style.all_pages else style.default_size())  # type: ignore[attr-defined]
    count = 2 * page + 1 if page else 5
    seeded = {_wire(o) for o in sim.seed(product, None, count, path=_collection(sim, product, op, args))}
    api = getattr(getattr(client, product), resource)

    first = call_result(api, method, **args)
    assert first.error is None, first.error
    pages = _pages(first.response)
    flat = [i for p in pages for i in p]
    every = [_wire(i) for i in call_result(api, method, **args).response.iter_all()]
    assert flat == every  # next() and iter_all() give the same items in the same order
    listed = _inner(style, every)
    assert len(listed) == len(set(listed))  # no item twice
    assert {json.loads(i).get("id") for i in seeded} <= {json.loads(i).get("id") for i in listed}  # none lost
    result = [_wire(i) for i in (first.result or [])]
    assert result == (every if style.all_pages else pages[0])  # the method's value is the first page (or all)
    if page:
        assert len(pages) >= 3, [len(p) for p in pages]  # the collection really spanned pages


def test_not_seedable_names_list_operations():
    assert set(NOT_SEEDABLE) <= set(LIST_OPS)
    assert all(reason.strip() for reason in NOT_SEEDABLE.values())
