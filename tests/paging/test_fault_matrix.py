"""Fault matrix (issue #15): every fault kind x every paging style that pages x ``iter_all()`` and
``next()``, over the simulator, page 3 of a 4-page listing faulted. No silent loss: either every
item exactly once, or a :class:`ListingIncompleteError`, or an explicit note (``listing_notes``).

One list operation per style (the first seedable one whose page size can be asked for, pages of
2, 7 items). Styles that page in the request body (``zpa_search``: fault rules match the query) or
whose page size cannot be asked for are not in the matrix. A short page is detectable only where
the API promises a total (``count_key``/``pages_key``); ZIA/ZCC arrays and ZDX offsets carry none,
so there a short page is their end marker (arrays) or an unknowable gap (ZDX): the matrix pins that
what the listing gives is exactly what was served, each once (README, Pagination).
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

import pytest

from zscaler import catalog, paging
from zscaler.binding import call_result
from zscaler.errors import ZscalerError
from zscaler.model import ZscalerObject
from zscaler.paging import ListingIncompleteError

from helpers import api_requests
from test_every_list_pages import LIST_OPS, NOT_SEEDABLE, _arguments, _collection

KINDS = ["repeated", "missing_list", "short", "total_changed", "429", "503", "reset", "truncated"]
TRANSIENT = {"429": {"status": 429}, "503": {"status": 503}, "reset": {"action": "reset"},
             "truncated": {"action": "truncate"}}


def _one_op_per_style() -> dict[str, tuple[str, str, str]]:
    ops: dict[str, tuple[str, str, str]] = {}
    for product, resource, method in LIST_OPS:
        prod = catalog.load(product)
        op = prod.resource(resource).op(method)
        style = paging.of(prod, op)
        pages = type(style).advance is not paging.PagingStyle.advance
        if (product, resource, method) in NOT_SEEDABLE or style.name in ops or not pages or op.verb != "GET":
            continue
        if _arguments(op, style)[1] is not None and not style.all_pages:
            ops[style.name] = (product, resource, method)
    return ops


OPS = _one_op_per_style()


def _wire(item: Any) -> str:
    return json.dumps(item.request_format() if isinstance(item, ZscalerObject) else item, sort_keys=True, default=str)


def _setup(sim, client, style_name: str):
    product, resource, method = OPS[style_name]
    prod = catalog.load(product)
    op = prod.resource(resource).op(method)
    style = paging.of(prod, op)
    args, _ = _arguments(op, style)
    sim.seed(product, None, 7, path=_collection(sim, product, op, args))
    api = getattr(getattr(client, product), resource)
    return style, (lambda: call_result(api, method, **args))


def _clean(sim, call) -> tuple[list[Any], list[str], Any, int]:
    """The bodies of the pages (four or more: a tenant's predefined objects come first), every item
    (wire JSON), page 3's request and the index of page 3's last item."""
    sim.clear_requests()
    res = call()
    assert res.error is None, res.error
    resp, bodies, items = res.response, [res.response.get_body()], [_wire(i) for i in res.response.get_results()]
    while resp.has_next():
        more, _, err = resp.next()
        assert err is None, err
        bodies.append(resp.get_body())
        items += [_wire(i) for i in more or []]
        if len(bodies) == 3:
            last_of_third = len(items) - 1
    reqs = api_requests(sim)
    assert len(bodies) >= 4 and len(reqs) == len(bodies), (len(bodies), len(reqs))
    return bodies, items, reqs[2], last_of_third


def _faulted_body(style: paging.PagingStyle, kind: str, bodies: list[Any]) -> Any:
    body = json.loads(json.dumps(bodies[2]))
    key = style.items_key or "list"
    if kind == "repeated":
        return bodies[1]
    if kind == "missing_list":
        return {k: v for k, v in body.items() if k != key} if isinstance(body, dict) else {}
    if kind == "short":
        if isinstance(body, list):
            return body[:-1]
        body[key] = body[key][:-1]
        return body
    assert style.count_key, "total_changed needs a style with a total"
    body[style.count_key] = str(int(body[style.count_key]) + 1)
    return body


def _run(resp, mode: str) -> tuple[list[str], BaseException | None]:
    got = [_wire(i) for i in resp.get_results()]
    try:
        if mode == "iter_all":
            return [_wire(i) for i in resp.iter_all()], None
        while resp.has_next():
            more, _, err = resp.next()
            if err is not None:
                return got, err
            got += [_wire(i) for i in more or []]
    except ZscalerError as e:
        return got, e
    return got, None


@pytest.mark.parametrize("mode", ["iter_all", "next"])
@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("style_name", sorted(OPS))
def test_no_silent_loss(sim, client, style_name, kind, mode):
    style, call = _setup(sim, client, style_name)
    totals = bool(style.count_key or style.pages_key)
    if kind == "total_changed" and not style.count_key:
        pytest.skip(f"{style_name} pages carry no total")
    bodies, items, third, last_of_third = _clean(sim, call)
    query = {k: v[-1] for k, v in parse_qs(third.raw_query).items()}
    fault = TRANSIENT.get(kind) or {"status": 200, "body": _faulted_body(style, kind, bodies)}
    sim.fault(third.path, method="GET", query=query, times=1, **fault)
    first = call()
    assert first.error is None, first.error
    got, err = _run(first.response, mode)
    assert len(got) == len(set(got))  # never an item twice
    if kind in ("repeated", "missing_list") or (kind == "short" and totals):
        assert isinstance(err, ListingIncompleteError), (got, err)
        assert err.listing == third.path and err.page == 3
    elif kind == "short":  # no total to compare with: exactly what was served, each once
        served = items[:last_of_third] + items[last_of_third + 1:]
        assert err is None and got == served[: len(got)] and len(got) >= last_of_third
    elif kind == "total_changed":
        assert err is None and got == items
        assert first.response.shifted and "total changed" in first.response.listing_notes[0]
    else:
        assert err is None and got == items and first.response.listing_notes == []
