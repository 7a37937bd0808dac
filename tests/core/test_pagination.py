"""has_next / next / iter_all against the simulator's ZPA envelope."""

import pytest

from helpers import api_requests


@pytest.fixture
def seeded(sim):
    sim.seed("zpa", "segment_groups", 1234)
    return sim


def test_first_page_then_next_three_values(client, seeded):
    groups, resp, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 500})
    assert err is None and len(groups) == 500 and resp.has_next()
    ids = [g.id for g in groups]
    while resp.has_next():
        more, r2, err = resp.next()
        assert err is None and r2 is resp
        assert type(more[0]) is type(groups[0])  # later pages wrapped in the same model
        ids += [g.id for g in more]
    assert len(ids) == 1234 and len(set(ids)) == 1234
    with pytest.raises(StopIteration, match="No more pages available."):
        resp.next()
    pages = [r.query["page"][0] for r in api_requests(seeded, "/segmentGroup") if "page" in r.query]
    assert pages == ["2", "3"]


def test_iter_all_is_lazy_and_complete(client, seeded):
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 100})
    seen = set()
    for n, g in enumerate(resp.iter_all()):
        seen.add(g.id)
        if n == 50:
            assert len(api_requests(seeded, "/segmentGroup")) <= 2  # at most the next page is on its way
            assert _ahead(resp) == {"pagesize": 100, "page": 2}
    assert len(seen) == 1234
    pages = [r.query.get("page", ["1"])[0] for r in api_requests(seeded, "/segmentGroup")]
    assert pages == [str(p) for p in range(1, 14)]  # every page once, in order: nothing sent twice
    assert _ahead(resp) is None


def _ahead(resp):
    """The params of the page this listing has on its way (request-ahead), or None."""
    return resp._ahead.pending if resp._ahead is not None else None


def test_next_page_request_is_sent_ahead_and_used(client, seeded):
    groups, resp, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 100})
    assert err is None and len(groups) == 100
    assert _ahead(resp) is None  # the list call alone sends nothing ahead (a caller may page by hand)
    more, _, err = resp.next()  # page 2 is fetched; page 3 is fetched in the background while page 2 is used
    assert err is None and len(more) == 100
    assert _ahead(resp) == {"pagesize": 100, "page": 3}
    while resp.has_next():
        more, _, err = resp.next()  # each takes the page fetched ahead and starts the next one
        assert err is None and (_ahead(resp) is None) == (not resp.has_next())
    assert len(more) == 34 and _ahead(resp) is None  # nothing is sent after the last page
    pages = [r.query["page"][0] for r in api_requests(seeded, "/segmentGroup") if "page" in r.query]
    assert pages == [str(p) for p in range(2, 14)]  # each page once, in order


def test_paging_by_hand_sends_nothing_ahead(client, seeded):
    """A script that passes its own page numbers makes exactly the requests it asks for."""
    seen = []
    for page in (1, 2, 3):
        groups, _, err = client.zpa.segment_groups.list_groups(query_params={"page": page, "page_size": 500})
        assert err is None
        seen += [g.id for g in groups]
    assert len(set(seen)) == 1234
    assert [r.query["page"] for r in api_requests(seeded, "/segmentGroup")] == [["1"], ["2"], ["3"]]


@pytest.mark.parametrize("how", ["config", "env"])
def test_prefetch_can_be_switched_off(sim, seeded, monkeypatch, how):
    from zscaler import ZscalerClient

    from helpers import FAST_RETRY

    extra = {}
    if how == "config":
        extra["pagination"] = {"prefetch": False}
    else:
        monkeypatch.setenv("ZSCALER_PAGINATION_PREFETCH", "false")
    with ZscalerClient(sim.oneapi_config(**FAST_RETRY, **extra)) as c:
        _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 500})
        assert not resp.prefetch
        resp.next()
        assert _ahead(resp) is None and len(api_requests(seeded, "/segmentGroup")) == 2
        assert len(list(resp.iter_all())) == 734 and len(api_requests(seeded, "/segmentGroup")) == 3


def test_bad_prefetch_setting_is_refused(sim):
    from zscaler import ZscalerClient
    from zscaler.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="pagination.prefetch.*boolean"):
        ZscalerClient(sim.oneapi_config(pagination={"prefetch": "sometimes"}))


def test_page_limits_send_nothing_ahead_they_will_not_read(client, seeded):
    groups, _, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 100, "max_pages": 2})
    assert err is None and len(groups) == 200
    groups, _, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 100, "max_items": 250})
    assert err is None and len(groups) == 250
    pages = [r.query.get("page", ["1"])[0] for r in api_requests(seeded, "/segmentGroup")]
    assert pages == ["1", "2", "1", "2", "3"]


def test_listings_that_guess_their_next_page_send_nothing_ahead(client, sim):
    sim.seed("zia", "url_categories", 30)  # ZIA: a full page may be the last one
    items, resp, err = client.zia.url_categories.list_categories(query_params={"page_size": 10})
    assert err is None and not resp.prefetch and _ahead(resp) is None


def test_page_fetched_ahead_goes_through_auth_refresh(client, seeded):
    """Page 3, sent ahead, is refused with 401: the auth layer gets a new token and asks again."""
    seeded.fault(path="*/segmentGroup", method="GET", status=401, times=1, query={"page": 3})
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 500})
    resp.next()
    assert _ahead(resp) == {"pagesize": 500, "page": 3}
    more, _, err = resp.next()
    assert err is None and len(more) == 234
    page3 = [r for r in api_requests(seeded, "/segmentGroup") if r.query.get("page") == ["3"]]
    assert len(page3) == 2 and page3[0].headers["authorization"] != page3[1].headers["authorization"]


def test_page_fetched_ahead_goes_through_retries(client, seeded):
    seeded.fault(path="*/segmentGroup", method="GET", status=503, times=1, query={"page": 3})
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 500})
    resp.next()
    more, _, err = resp.next()
    assert err is None and len(more) == 234
    assert [r.query["page"] for r in api_requests(seeded, "/segmentGroup") if "page" in r.query] == [
        ["2"], ["3"], ["3"]]


def test_user_start_page_is_not_fetched_twice(client, seeded):
    groups, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page": 2, "page_size": 500})
    assert len(groups) == 500
    more, _, _ = resp.next()
    assert len(more) == 234 and not resp.has_next()
    assert [r.query["page"] for r in api_requests(seeded, "/segmentGroup")] == [["2"], ["3"]]


def test_error_on_later_page_is_returned(client, seeded):
    seeded.fault(path="*/segmentGroup", method="GET", status=400, times=1, body={"id": "bad", "reason": "boom"},
                 query={"page": 3})
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 500})
    more, _, err = resp.next()
    assert err is None and len(more) == 500
    items, r, err = resp.next()  # page 3 was sent ahead and failed: its error arrives with its next()
    assert items is None and r is resp and err is not None and err.status_code == 400
    items, _, err = resp.next()  # the same page asked again
    assert err is None and len(items) == 234 and not resp.has_next()


def test_search_over_current_page(client, seeded):
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 10})
    names = resp.search("list[].name")
    assert len(names) == 10 and all(n.startswith("segment_groups-") for n in names)
    assert resp.search("totalCount") == ["1234"] or resp.search("totalCount") == [1234]
    assert resp.search("nothing") == []
    assert resp.get_results()[0]["name"] == names[0]
    assert resp.get_headers()["content-type"].startswith("application/json")



def test_two_listings_of_the_same_collection_each_read_their_own_pages(client, seeded):
    _, a, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 300})
    _, b, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 300})
    a.next()
    b.next()
    assert _ahead(a) == _ahead(b) == {"pagesize": 300, "page": 3}  # the same request, sent ahead for each listing
    a3, _, _ = a.next()
    b3, _, _ = b.next()
    assert [g.id for g in a3] == [g.id for g in b3] and len(a3) == 300
    assert len(list(a.iter_all())) + len(list(b.iter_all())) == 2 * (1234 - 600)
    pages = sorted(r.query.get("page", ["1"])[0] for r in api_requests(seeded, "/segmentGroup"))
    assert pages == ["1", "1", "2", "2", "3", "3", "4", "4", "5", "5"] and _ahead(a) is None and _ahead(b) is None
