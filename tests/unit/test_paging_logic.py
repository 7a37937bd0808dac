"""Paging rules that need a misbehaving server: tested on the pure response object."""

from zscaler.model import ZscalerObject
from zscaler.response import STYLES, ZscalerAPIResponse


class _Pages:
    """A page source over a function (the binding's is ``PageRequests``, sending through the executor)."""

    def __init__(self, fn):
        self.fetch = fn


def make(first, pages, style, params=None):
    calls = []

    def fetch(p):
        calls.append(dict(p))
        return pages[len(calls) - 1], None

    return ZscalerAPIResponse(None, first, paging=STYLES[style], params=params or {}, pages=_Pages(fetch),
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


def test_iter_all_fetches_each_page_once_in_order_when_it_is_needed():
    fetched = []

    def fetch(p):
        fetched.append(p["page"])
        return {"totalPages": "4", "list": [{"id": p["page"]}]}, None

    resp = ZscalerAPIResponse(None, {"totalPages": "4", "list": [{"id": 1}]}, paging=STYLES["zpa"], params={},
                              pages=_Pages(fetch), wrap=ZscalerObject)
    it = resp.iter_all()
    assert next(it).id == 1 and fetched == []  # the first page is at hand: nothing requested yet
    assert next(it).id == 2 and fetched == [2]
    assert [i.id for i in it] == [3, 4] and fetched == [2, 3, 4]


def test_error_of_a_later_page_arrives_with_its_next_and_the_page_is_asked_again():
    from zscaler.errors import api_error

    fetched = []

    def fetch(p):
        fetched.append(p["page"])
        if fetched.count(3) == 1 and p["page"] == 3:
            raise api_error(400, {"reason": "boom"})
        return {"totalPages": "3", "list": [{"id": p["page"]}]}, None

    resp = ZscalerAPIResponse(None, {"totalPages": "3", "list": [{"id": 1}]}, paging=STYLES["zpa"], params={},
                              pages=_Pages(fetch), wrap=ZscalerObject)
    resp.next()
    items, _, err = resp.next()
    assert items is None and err is not None and err.status_code == 400
    items, _, err = resp.next()
    assert err is None and [i.id for i in items] == [3] and fetched == [2, 3, 3]
