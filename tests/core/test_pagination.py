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
            assert len(api_requests(seeded, "/segmentGroup")) == 1  # nothing fetched ahead
    assert len(seen) == 1234 and len(api_requests(seeded, "/segmentGroup")) == 13


def test_user_start_page_is_not_fetched_twice(client, seeded):
    groups, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page": 2, "page_size": 500})
    assert len(groups) == 500
    more, _, _ = resp.next()
    assert len(more) == 234 and not resp.has_next()
    assert [r.query["page"] for r in api_requests(seeded, "/segmentGroup")] == [["2"], ["3"]]


def test_error_on_later_page_is_returned(client, seeded):
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 500})
    seeded.fault(path="*/segmentGroup", method="GET", status=400, times=1, body={"id": "bad", "reason": "boom"})
    items, r, err = resp.next()
    assert items is None and r is resp and err is not None and err.status_code == 400


def test_search_over_current_page(client, seeded):
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 10})
    names = resp.search("list[].name")
    assert len(names) == 10 and all(n.startswith("segment_groups-") for n in names)
    assert resp.search("totalCount") == ["1234"] or resp.search("totalCount") == [1234]
    assert resp.search("nothing") == []
    assert resp.get_results()[0]["name"] == names[0]
    assert resp.get_headers()["content-type"].startswith("application/json")
