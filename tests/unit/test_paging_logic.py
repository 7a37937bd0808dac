"""Paging rules that need a misbehaving server: tested on the pure response object."""

from zscaler.model import ZscalerObject
from zscaler.response import STYLES, ZscalerAPIResponse


def make(first, pages, style, params=None):
    calls = []

    def fetch(p, ahead=None):
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


def test_page_after_is_known_only_where_the_answer_counts_pages():
    from zscaler.response import PageState

    zpa, zcell = STYLES["zpa"], STYLES["zcell"]
    st = PageState(1, 500)
    assert zpa.after(st, {"page": 1}) is None  # no answer seen yet: unknown
    zpa.advance(st, {"totalPages": "3", "list": [{}]}, [{}], {"page": 1})
    assert zpa.after(st, {"page": 2, "pagesize": 500}) == {"page": 3, "pagesize": 500}
    assert zpa.after(st, {"page": 3}) is None and zpa.after(st, {"page": "x"}) is None
    st0 = PageState(0, 10)
    zcell.advance(st0, {"totalPages": 3, "content": [{}]}, [{}], {"page": 0})
    assert zcell.after(st0, {"page": 1}) == {"page": 2} and zcell.after(st0, {"page": 2}) is None
    for name in ("zia", "zcc", "zdx", "ziam", "flat", "none"):
        assert STYLES[name].after(PageState(1, 10), {"page": 1}) is None
    assert [n for n, s in STYLES.items() if s.announces_next] == ["zpa", "zcell", "zdx", "zdx_envelope", "ziam",
                                                                  "easm"]


def test_next_sends_the_predicted_page_ahead_and_others_after_decoding():
    order = []

    def fetch(p, ahead=None):
        order.append(("fetch", p["page"], ahead and ahead["page"]))
        return {"totalPages": "3", "list": [{"id": p["page"]}]}, None

    first = {"totalPages": "3", "list": [{"id": 1}]}
    resp = ZscalerAPIResponse(None, first, paging=STYLES["zpa"], params={}, fetch=fetch, wrap=ZscalerObject,
                              presend=lambda p: order.append(("presend", p["page"])))
    assert [i.id for i in resp.iter_all()] == [1, 2, 3]  # iter_all sends page 2 ahead before page 1 is used
    assert order == [("presend", 2), ("fetch", 2, 3), ("fetch", 3, None)]
    order.clear()
    resp2 = ZscalerAPIResponse(None, first, paging=STYLES["zpa"], params={}, fetch=fetch, wrap=ZscalerObject,
                               presend=lambda p: order.append(("presend", p["page"])))
    assert order == []  # constructing (a list call) sends nothing ahead
    resp2.next()
    resp2.next()
    assert order == [("fetch", 2, 3), ("fetch", 3, None)]
    zia = ZscalerAPIResponse(None, [{"id": 1}], paging=STYLES["zia"], params={"pageSize": 1}, fetch=fetch,
                             presend=lambda p: order.append("never"))
    zia.send_ahead()
    assert not zia.prefetch and "never" not in order
