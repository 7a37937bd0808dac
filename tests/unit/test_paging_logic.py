"""Paging rules that need a misbehaving server: tested on the pure response object."""

from zscaler.model import ZscalerObject
from zscaler.response import STYLES, ZscalerAPIResponse


def make(first, pages, style, params=None):
    calls = []

    def fetch(p):
        calls.append(dict(p))
        return pages[len(calls) - 1], None

    return ZscalerAPIResponse(None, first, paging=STYLES[style], params=params or {}, fetch=fetch,
                              wrap=ZscalerObject), calls


def test_endpoint_ignoring_page_does_not_loop_forever():
    page = [{"id": i} for i in range(100)]
    resp, calls = make(page, [page, page, page], "zia", {"pageSize": 100})
    items = list(resp.iter_all())
    assert len(items) == 100 and len(calls) == 1


def test_zia_short_page_stops_without_extra_request():
    resp, calls = make([{"id": i} for i in range(100)], [[{"id": 100}]], "zia", {"pageSize": 100})
    assert len(list(resp.iter_all())) == 101 and len(calls) == 1 and calls[0]["page"] == 2


def test_zia_without_page_size_stops_on_empty_page():
    resp, calls = make([{"id": 1}], [[{"id": 2}], []], "zia")
    assert [o.id for o in resp.iter_all()] == [1, 2] and len(calls) == 2


def test_zdx_cursor():
    resp, calls = make({"items": [{"id": 1}], "next_offset": "abc"}, [{"items": [{"id": 2}], "next_offset": None}], "zdx")
    assert [o.id for o in resp.iter_all()] == [1, 2] and calls == [{"offset": "abc"}]


def test_ziam_next_link():
    first = {"records": [{"id": "a"}], "next_link": "https://x.zslogin.net/admin/api/v1/groups?offset=100&limit=100"}
    resp, calls = make(first, [{"records": [{"id": "b"}]}], "ziam")
    assert [o.id for o in resp.iter_all()] == ["a", "b"] and calls == [{"offset": "100", "limit": "100"}]


def test_flat_products_have_one_page():
    resp, calls = make([{"id": 1}], [], "flat")
    assert not resp.has_next() and list(resp.iter_all())[0].id == 1


def test_only_listings_whose_answers_announce_the_next_page_fetch_ahead():
    announcing = {n for n, s in STYLES.items() if s.announces_next}
    assert announcing >= {"zpa", "zcell", "zdx", "zdx_envelope", "ziam", "easm"}
    assert not announcing & {"zia", "zcc", "flat", "none", "ztb", "aiguard"}  # a short page ends these: a guess


def test_next_takes_the_page_fetched_ahead_and_starts_the_one_after():
    import threading

    fetched, release = [], threading.Event()

    def fetch(p):
        if p["page"] == 3:
            release.wait(10)  # page 3 stays on its way until the test lets it finish
        fetched.append(p["page"])
        return {"totalPages": "3", "list": [{"id": p["page"]}]}, None

    first = {"totalPages": "3", "list": [{"id": 1}]}
    resp = ZscalerAPIResponse(None, first, paging=STYLES["zpa"], params={}, fetch=fetch, wrap=ZscalerObject,
                              prefetch=True)
    assert resp.prefetch and resp._ahead.pending is None  # constructing (a list call) fetches nothing ahead
    items, _, err = resp.next()
    assert err is None and [i.id for i in items] == [2] and fetched == [2]
    assert resp._ahead.pending == {"page": 3}  # on its way (held back by the event)
    release.set()
    items, _, err = resp.next()
    assert err is None and [i.id for i in items] == [3] and fetched == [2, 3]  # page 3 fetched once
    assert resp._ahead.pending is None and not resp.has_next()


def test_iter_all_fetches_each_page_once_in_order_with_or_without_prefetch():
    for prefetch in (True, False):
        fetched = []

        def fetch(p):
            fetched.append(p["page"])
            return {"totalPages": "4", "list": [{"id": p["page"]}]}, None

        resp = ZscalerAPIResponse(None, {"totalPages": "4", "list": [{"id": 1}]}, paging=STYLES["zpa"], params={},
                                  fetch=fetch, wrap=ZscalerObject, prefetch=prefetch)
        assert [i.id for i in resp.iter_all()] == [1, 2, 3, 4] and fetched == [2, 3, 4]
        assert (resp._ahead is not None) == prefetch


def test_error_of_a_page_fetched_ahead_arrives_with_its_next_and_the_page_is_asked_again():
    from zscaler.errors import api_error

    fetched = []

    def fetch(p):
        fetched.append(p["page"])
        if fetched.count(3) == 1 and p["page"] == 3:
            raise api_error(400, {"reason": "boom"})
        return {"totalPages": "3", "list": [{"id": p["page"]}]}, None

    resp = ZscalerAPIResponse(None, {"totalPages": "3", "list": [{"id": 1}]}, paging=STYLES["zpa"], params={},
                              fetch=fetch, wrap=ZscalerObject, prefetch=True)
    resp.next()
    items, _, err = resp.next()
    assert items is None and err is not None and err.status_code == 400
    items, _, err = resp.next()
    assert err is None and [i.id for i in items] == [3] and fetched == [2, 3, 3]


def test_listings_that_guess_their_next_page_never_fetch_ahead():
    resp = ZscalerAPIResponse(None, [{"id": 1}], paging=STYLES["zia"], params={"pageSize": 1},
                              fetch=lambda p: ([], None), prefetch=True)
    resp.send_ahead()
    assert not resp.prefetch and resp._ahead is None


def test_a_forked_child_fetches_ahead_on_a_pool_of_its_own():
    import multiprocessing
    import os

    if not hasattr(os, "fork"):
        import pytest

        pytest.skip("no fork on this platform")

    def pages_in(conn):
        fetched = []

        def fetch(p):
            fetched.append(p["page"])
            return {"totalPages": "3", "list": [{"id": p["page"]}]}, None

        resp = ZscalerAPIResponse(None, {"totalPages": "3", "list": [{"id": 1}]}, paging=STYLES["zpa"], params={},
                                  fetch=fetch, wrap=ZscalerObject, prefetch=True)
        conn.send([i.id for i in resp.iter_all()])

    warm = ZscalerAPIResponse(None, {"totalPages": "2", "list": [{"id": 1}]}, paging=STYLES["zpa"], params={},
                              fetch=lambda p: ({"totalPages": "2", "list": [{"id": 2}]}, None), prefetch=True)
    assert len(list(warm.iter_all())) == 2  # the parent's pool has threads now
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=pages_in, args=(child,))
    proc.start()
    assert parent.poll(60) and parent.recv() == [1, 2, 3]  # a child reusing the parent's dead pool would hang
    proc.join(60)
    assert proc.exitcode == 0
