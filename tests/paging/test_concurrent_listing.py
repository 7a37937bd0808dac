"""Concurrent listing (issue #17): ``iter_all()`` and ``fetch_all()`` fetch later pages ahead of the
reader — every remaining page at once (bounded by ``pagination.concurrency``) where the listing tells
its page count, one page ahead where it does not — and still give every item once, in order, with the
listing checks of issue #15, within the rate limit. Over the simulator; nothing is timed."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any
from urllib.parse import parse_qs

import pytest

from zscaler import ZscalerClient, bulk, catalog, paging
from zscaler.binding import call_result
from zscaler.errors import BadRequestError
from zscaler.model import ZscalerObject

from helpers import FAST_RETRY, api_requests
from test_every_list_pages import _arguments, _collection
from test_fault_matrix import OPS

ZPA = "/zpa/mgmtconfig/v1/admin/customers/{cid}/segmentGroup"


def _client(sim, **pagination: Any) -> ZscalerClient:
    return ZscalerClient(sim.oneapi_config(**FAST_RETRY, pagination=pagination))


def _wire(item: Any) -> str:
    return json.dumps(item.request_format() if isinstance(item, ZscalerObject) else item, sort_keys=True, default=str)


def _pages_asked(sim, part: str) -> list[str]:
    return [r.raw_query for r in api_requests(sim, part)]


def _zpa(sim, n: int) -> tuple[str, list[dict[str, Any]]]:
    return ZPA.format(cid=sim.engine.customer_id), sim.seed("zpa", "segment_groups", n)


# ---------------------------------------------------------------- every style: the same items as page by page

def _style_call(sim, client, style_name: str, count: int):
    product, resource, method = OPS[style_name]
    prod = catalog.load(product)
    op = prod.resource(resource).op(method)
    args, _ = _arguments(op, paging.of(prod, op))
    path = _collection(sim, product, op, args)
    sim.seed(product, None, count, path=path)
    api = getattr(getattr(client, product), resource)
    return path, (lambda: call_result(api, method, **args))


@pytest.mark.parametrize("style_name", sorted(OPS))
def test_every_style_lists_the_same_items_as_page_by_page(sim, style_name):
    """30+ pages of 2 per style: the concurrent listing equals the page-by-page one item for item, and asks
    for each page once."""
    with _client(sim, prefetch=False) as slow, _client(sim, concurrency=6) as fast:
        path, call = _style_call(sim, slow, style_name, 61)
        sim.clear_requests()
        first = call()
        assert first.error is None, first.error
        expected = [_wire(i) for i in first.response.iter_all()]
        expected_asks = sorted(_pages_asked(sim, path))
        _, call = _style_call(sim, fast, style_name, 0)
        sim.clear_requests()
        first = call()
        got = [_wire(i) for i in first.response.fetch_all()]
    assert len(expected) >= 61 and got == expected
    asks = _pages_asked(sim, path)
    assert sorted(asks) == expected_asks and len(set(asks)) == len(asks)  # each page once, none more


# ---------------------------------------------------------------- order, completeness, bounds

@pytest.mark.parametrize("read", ["iter_all", "fetch_all"])
def test_a_hundred_zpa_pages_in_order_each_once(sim, read):
    path, seeded = _zpa(sim, 2000)
    with _client(sim, concurrency=8) as c:
        _, resp, err = c.zpa.segment_groups.list_groups(query_params={"page_size": 20})
        items = list(resp.iter_all()) if read == "iter_all" else resp.fetch_all()
    assert err is None and [g.id for g in items] == [s["id"] for s in seeded]
    pages = Counter(parse_qs(q).get("page", ["1"])[0] for q in _pages_asked(sim, path))
    assert pages == Counter(str(p) for p in range(1, 101))
    assert resp.listing_notes == [] and not resp.has_next()


def test_pages_ahead_are_bounded_by_the_concurrency(sim):
    """Flat memory: while the reader holds page n, no page beyond n + 2 x concurrency has been asked
    for (the requests in flight and as many pages waiting for the reader), and the server never has
    more than ``concurrency`` of the listing's requests at once."""
    path, seeded = _zpa(sim, 400)
    sim.set_network(latency=0.005)  # requests overlap at the server, so a pool too wide would show
    sim.reset_network_counters()
    with _client(sim, concurrency=3) as c:
        _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 10})
        for n, _ in enumerate(resp.iter_all()):
            if n % 10 == 0:  # the first item of page n // 10 + 1
                asked = [int(parse_qs(q).get("page", ["1"])[0]) for q in _pages_asked(sim, path)]
                assert max(asked) <= n // 10 + 1 + 2 * 3, (n, sorted(asked))
    assert n + 1 == 400
    assert 2 <= sim.network_stats()["max_in_flight"] <= 3


def test_a_listing_without_a_page_count_is_read_one_page_ahead(sim):
    seeded = sim.seed("zia", "rule_labels", 200)
    with _client(sim, prefetch=False) as slow:
        _, resp, _ = slow.zia.rule_labels.list_labels(query_params={"page_size": 10})
        expected = [label.id for label in resp.iter_all()]
        expected_asks = sorted(_pages_asked(sim, "/ruleLabels"))
    sim.clear_requests()
    with _client(sim, concurrency=8) as c:
        _, resp, _ = c.zia.rule_labels.list_labels(query_params={"page_size": 10})
        got = []
        for label in resp.iter_all():
            got.append(label.id)
            if len(got) % 10 == 1:  # the reader holds page p: at most page p + 1 was asked for
                pages = [int(parse_qs(q).get("page", ["1"])[0]) for q in _pages_asked(sim, "/ruleLabels")]
                assert max(pages) <= len(got) // 10 + 2
    assert got == expected and {s["id"] for s in seeded} <= set(got)
    assert sorted(_pages_asked(sim, "/ruleLabels")) == expected_asks


@pytest.mark.parametrize("resource,limit,size,pages", [
    ("zpa", 23, 10, 3), ("zpa", 20, 10, 2), ("zpa", 5, 10, 1), ("zpa", 0, 10, 1), ("zia", 23, 10, 3), ("zia", 30, 10, 3),
])
def test_a_limit_asks_for_no_page_past_it(sim, resource, limit, size, pages):
    if resource == "zpa":
        _zpa(sim, 95)
        part = "/segmentGroup"
    else:
        sim.seed("zia", "rule_labels", 95)
        part = "/ruleLabels"
    with _client(sim, concurrency=8) as c:
        api = c.zpa.segment_groups.list_groups if resource == "zpa" else c.zia.rule_labels.list_labels
        _, resp, _ = api(query_params={"page_size": size})
        got = resp.fetch_all(limit=limit)
        assert len(got) == limit and len(list(resp.iter_all(limit=0))) == 0
    assert len(_pages_asked(sim, part)) == pages
    with pytest.raises(ValueError, match="'limit' must be a whole number"):
        resp.iter_all(limit=-1)


def test_no_prefetch_means_no_thread_and_the_same_items(sim):
    _zpa(sim, 45)
    with _client(sim, prefetch=False) as c:
        _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 10})
        assert resp._pages_source.concurrency == 0
        assert len(resp.fetch_all()) == 45


# ---------------------------------------------------------------- faults while listing concurrently

def test_transient_faults_on_pages_in_flight_lose_nothing(sim):
    path, seeded = _zpa(sim, 600)
    sim.fault(path, method="GET", status=429, query={"page": 5}, times=1, headers={"Retry-After": "0"})
    sim.fault(path, method="GET", status=503, query={"page": 17}, times=1)
    sim.fault(path, method="GET", action="reset", query={"page": 23}, times=1)
    with _client(sim, concurrency=8) as c:
        _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 20})
        ids = [g.id for g in resp.iter_all()]
    assert ids == [s["id"] for s in seeded]
    statuses = Counter((parse_qs(r.raw_query).get("page", ["1"])[0], r.status) for r in api_requests(sim, path))
    assert statuses[("5", 429)] == 1 and statuses[("17", 503)] == 1
    assert statuses[("23", 200)] == 2  # the simulator served it, then dropped the connection: asked again
    assert all(statuses[(str(p), 200)] == 1 for p in range(1, 31) if p != 23), statuses


def test_an_error_stops_the_listing_after_the_pages_before_it(sim):
    path, seeded = _zpa(sim, 300)
    sim.fault(path, method="GET", status=400, query={"page": 6}, times=None, body={"id": "bad", "reason": "no"})
    with _client(sim, concurrency=4) as c:
        _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 20})
        got = []
        with pytest.raises(BadRequestError):
            for g in resp.iter_all():
                got.append(g.id)
        asked_when_raised = len(api_requests(sim, path))
    assert got == [s["id"] for s in seeded[:100]]  # pages 1-5, in order
    assert asked_when_raised == len(api_requests(sim, path))  # nothing still running after the error
    assert asked_when_raised <= 6 + 2 * 4  # at most twice the concurrency asked for ahead of the reader


def test_a_page_count_that_grows_mid_listing_is_followed(sim):
    """Page 4 says there is one more page than page 1 said: the plan ends where page 1 said, and the listing
    goes on page by page to the new end."""
    path, seeded = _zpa(sim, 100)  # 5 pages of 20
    extra = sim.seed("zpa", "segment_groups", 20)  # now 6 pages; page 1 is answered as if there were 5
    first = {"totalPages": "5", "totalCount": "100", "list": seeded[:20]}
    sim.fault(path, method="GET", status=200, body=first, times=1)
    with _client(sim, concurrency=8) as c:
        _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 20})
        ids = [g.id for g in resp.iter_all()]
    assert ids == [s["id"] for s in seeded + extra]
    assert resp.shifted and "total changed" in resp.listing_notes[0]
    pages = Counter(parse_qs(q).get("page", ["1"])[0] for q in _pages_asked(sim, path))
    assert pages == Counter(str(p) for p in range(1, 7))


def test_a_page_that_repeats_the_one_before_is_still_an_error(sim):
    path, seeded = _zpa(sim, 200)
    with _client(sim, prefetch=False) as c:  # page 3 as the simulator answers it
        _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 20})
        resp.next()
        resp.next()
        page3 = resp.get_body()
    sim.fault(path, method="GET", status=200, body=page3, query={"page": 4}, times=None)
    with _client(sim, concurrency=8) as c:
        _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 20})
        got = []
        with pytest.raises(paging.ListingIncompleteError) as e:
            for g in resp.iter_all():
                got.append(g.id)
    assert e.value.page == 4 and "repeats page 3" in str(e.value)
    assert got == [s["id"] for s in seeded[:60]]


# ---------------------------------------------------------------- within the rate limit

def test_concurrent_listing_stays_within_a_limit_it_learned(sim):
    path, seeded = _zpa(sim, 500)
    sim.set_network(rate_limit="25/s")
    with _client(sim, concurrency=8) as c:
        _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 20})
        ids = [g.id for g in resp.iter_all()]
    assert ids == [s["id"] for s in seeded]
    assert sim.throttled == 0 and {r.status for r in api_requests(sim, path)} == {200}


def test_faults_and_a_learned_limit_together(sim):
    """Injected 429/503/reset answers while a learned 25/s window paces the pages: every item once, in
    order, and not one 429 from the limit itself (the simulator counts those apart from faults)."""
    path, seeded = _zpa(sim, 400)
    sim.set_network(rate_limit="25/s")
    sim.fault(path, method="GET", status=503, query={"page": 3}, times=1)
    sim.fault(path, method="GET", status=429, query={"page": 9}, times=2, headers={"Retry-After": "0"})
    sim.fault(path, method="GET", action="reset", query={"page": 14}, times=1)
    with _client(sim, concurrency=8) as c:
        _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 20})
        ids = [g.id for g in resp.iter_all()]
    assert ids == [s["id"] for s in seeded] and resp.listing_notes == []
    assert sim.throttled == 0
    assert Counter(r.status for r in api_requests(sim, path)) == {200: 21, 503: 1, 429: 2}


def test_concurrent_listing_stays_within_a_configured_limit(sim):
    path, seeded = _zpa(sim, 500)
    sim.rate_limit("zpa", 25)
    config = sim.oneapi_config(rateLimit={**FAST_RETRY["rateLimit"], "perSecond": {"zpa": 25}})
    with ZscalerClient(config) as c:
        groups, resp, err = bulk.fetch_all(c.zpa.segment_groups.list_groups, query_params={"page_size": 20})
    assert err is None and [g.id for g in groups] == [s["id"] for s in seeded]
    assert sim.throttled == 0 and len(api_requests(sim, path)) == 25


# ---------------------------------------------------------------- the plan of each style

def _served(style: paging.PagingStyle, items: list[dict[str, Any]], params: dict[str, Any]) -> Any:
    query, body = style.outgoing(params)
    return style.serve(items, {k: [str(v)] for k, v in query.items()}, base_url="http://h", path="/p", body=body)


@pytest.mark.parametrize("name,params", [
    ("zpa", {"pagesize": 5}), ("zpa", {"pagesize": 5, "page": 3}), ("zpa_page_size", {"pageSize": 5}),
    ("zcell", {"size": 5}), ("ziam", {"limit": 5}), ("ziam", {"limit": 5, "offset": 10}),
    ("easm", {"page_size": 5}), ("easm", {"page_size": 5, "page": 2}),
    ("zpa_search", {"pageBy": {"page": 1, "pageSize": 100}}),
])
def test_a_plan_is_exactly_the_pages_advance_asks_for(name, params):
    style = paging.style(name)
    items = [{"id": i, "name": f"n{i}"} for i in range(253 if name == "zpa_search" else 53)]
    body = _served(style, items, params)
    plan = paging.remaining_pages(style, body, dict(params))
    state, asked, current = style.start(params), [], dict(params)
    while True:
        nxt = style.advance(state, body, style.items(body), current)
        if nxt is None:
            break
        asked.append(nxt)
        current, body = nxt, _served(style, items, nxt)
    assert plan == asked and len(plan) >= 2


@pytest.mark.parametrize("name,body", [
    ("zia", [{"id": 1}]), ("zcc", [{"id": 1}]), ("zdx", {"items": [{"id": 1}], "next_offset": "1"}),
    ("zpa", {"list": [{"id": 1}]}), ("zpa", {"totalPages": "x", "list": [{"id": 1}]}), ("zpa", None),
    ("ziam", {"records": [{"id": 1}], "next_link": "http://h/p?offset=x", "totalRecord": 9}),
    ("easm", {"results": [{"id": 1}], "next_page": None, "total_results": 9}),
])
def test_no_plan_where_the_page_does_not_tell(name, body):
    assert paging.remaining_pages(paging.style(name), body, {}) is None


def test_the_plan_of_a_last_page_is_empty():
    style = paging.style("zpa")
    assert paging.remaining_pages(style, {"totalPages": "3", "list": [{"id": 1}]}, {"page": 3}) == []
    assert paging.remaining_pages(style, {"totalPages": "3", "list": [{}]}, {}) == [{"page": 2}, {"page": 3}]
