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


def test_iter_all_is_complete_and_asks_every_page_once(client, seeded):
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 100})
    ids = [g.id for g in resp.iter_all()]
    assert len(ids) == len(set(ids)) == 1234
    assert ids == sorted(ids, key=int)  # the seeded order, page after page
    pages = [r.query.get("page", ["1"])[0] for r in api_requests(seeded, "/segmentGroup")]
    assert sorted(pages, key=int) == [str(p) for p in range(1, 14)]  # every page once (fetched concurrently)


def test_iter_all_without_prefetch_is_lazy(sim, seeded):
    from zscaler import ZscalerClient

    with ZscalerClient(sim.oneapi_config(pagination={"prefetch": False})) as c:
        _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 100})
        seen = set()
        for n, g in enumerate(resp.iter_all()):
            seen.add(g.id)
            if n == 150:
                assert len(api_requests(seeded, "/segmentGroup")) == 2  # nothing is requested before it is needed
    assert len(seen) == 1234
    pages = [r.query.get("page", ["1"])[0] for r in api_requests(seeded, "/segmentGroup")]
    assert pages == [str(p) for p in range(1, 14)]  # every page once, in order


def test_each_next_requests_exactly_its_page(client, seeded):
    groups, resp, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 100})
    assert err is None and len(groups) == 100
    assert len(api_requests(seeded, "/segmentGroup")) == 1  # the list call alone requests nothing more
    read = 1
    while resp.has_next():
        more, _, err = resp.next()
        read += 1
        assert err is None and len(api_requests(seeded, "/segmentGroup")) == read
    assert len(more) == 34 and read == 13
    pages = [r.query["page"][0] for r in api_requests(seeded, "/segmentGroup") if "page" in r.query]
    assert pages == [str(p) for p in range(2, 14)]  # each page once, in order


def test_paging_by_hand_makes_exactly_the_requests_asked(client, seeded):
    """A script that passes its own page numbers makes exactly the requests it asks for."""
    seen = []
    for page in (1, 2, 3):
        groups, _, err = client.zpa.segment_groups.list_groups(query_params={"page": page, "page_size": 500})
        assert err is None
        seen += [g.id for g in groups]
    assert len(set(seen)) == 1234
    assert [r.query["page"] for r in api_requests(seeded, "/segmentGroup")] == [["1"], ["2"], ["3"]]


@pytest.mark.parametrize("how", ["config true", "config false", "env"])
def test_next_requests_only_its_own_page_whatever_prefetch_says(sim, seeded, monkeypatch, how):
    """``pagination.prefetch`` (issue #17) makes ``iter_all()`` fetch ahead; ``next()`` keeps the official
    semantics whatever it says: one request for the page it returns, nothing ahead."""
    from zscaler import ZscalerClient

    from helpers import FAST_RETRY

    extra = {}
    if how == "env":
        monkeypatch.setenv("ZSCALER_PAGINATION_PREFETCH", "true")
    else:
        extra["pagination"] = {"prefetch": how == "config true"}
    for _ in range(2):
        with ZscalerClient(sim.oneapi_config(**FAST_RETRY, **extra)) as c:
            _, resp, _ = c.zpa.segment_groups.list_groups(query_params={"page_size": 500})
            resp.next()
    assert len(api_requests(seeded, "/segmentGroup")) == 4  # two listings, two pages each: nothing more


def test_bad_prefetch_setting_is_refused(sim):
    from zscaler import ZscalerClient
    from zscaler.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="pagination.prefetch.*boolean"):
        ZscalerClient(sim.oneapi_config(pagination={"prefetch": "sometimes"}))


def test_page_limits_request_no_page_they_will_not_read(client, seeded):
    groups, _, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 100, "max_pages": 2})
    assert err is None and len(groups) == 200
    groups, _, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 100, "max_items": 250})
    assert err is None and len(groups) == 250
    pages = [r.query.get("page", ["1"])[0] for r in api_requests(seeded, "/segmentGroup")]
    assert pages == ["1", "2", "1", "2", "3"]


def test_later_page_refused_with_401_is_asked_again_with_a_new_token(client, seeded):
    seeded.fault(path="*/segmentGroup", method="GET", status=401, times=1, query={"page": 3})
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 500})
    resp.next()
    more, _, err = resp.next()
    assert err is None and len(more) == 234
    page3 = [r for r in api_requests(seeded, "/segmentGroup") if r.query.get("page") == ["3"]]
    assert len(page3) == 2 and page3[0].headers["authorization"] != page3[1].headers["authorization"]


def test_later_page_answered_503_is_retried(client, seeded):
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
    items, r, err = resp.next()  # page 3 fails: its error arrives in the error slot
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
    a3, _, _ = a.next()
    b3, _, _ = b.next()
    assert [g.id for g in a3] == [g.id for g in b3] and len(a3) == 300
    assert len(list(a.iter_all())) + len(list(b.iter_all())) == 2 * (1234 - 600)
    pages = sorted(r.query.get("page", ["1"])[0] for r in api_requests(seeded, "/segmentGroup"))
    assert pages == ["1", "1", "2", "2", "3", "3", "4", "4", "5", "5"]
