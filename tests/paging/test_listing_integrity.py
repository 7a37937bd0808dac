"""Listings never end early without saying so (issue #15 items 1-3): a repeated page, a page
without its item list, a page shorter than the API promised are :class:`ListingIncompleteError`;
ids an earlier page carried are dropped and counted, a changed total is noted
(``resp.listing_notes``, ``resp.shifted`` and a warning)."""

from __future__ import annotations

import logging

import pytest

from zscaler.paging import ListingIncompleteError

ZPA = "/zpa/mgmtconfig/v1/admin/customers/{cid}/segmentGroup"
ZIA = "*/ruleLabels"


def _zpa(sim, n: int = 10) -> tuple[str, list[dict]]:
    return ZPA.format(cid=sim.engine.customer_id), sim.seed("zpa", "segment_groups", n)


def _ids(items) -> list:
    return [i["id"] if isinstance(i, dict) else i.id for i in items]


def test_zpa_page_repeating_the_one_before_is_an_error(client, sim):
    path, seeded = _zpa(sim)
    body = {"totalPages": "5", "totalCount": "10", "list": seeded[2:4]}  # page 3 answers page 2
    sim.fault(path, method="GET", status=200, body=body, query={"page": 3}, times=None)
    _, resp, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 2})
    assert err is None
    with pytest.raises(ListingIncompleteError) as e:
        list(resp.iter_all())
    assert e.value.page == 3 and e.value.listing == path and "repeats page 2" in str(e.value)


def test_zia_page_repeating_the_one_before_is_an_error_from_next(client, sim):
    seeded = sim.seed("zia", "rule_labels", 10)
    sim.fault(ZIA, method="GET", status=200, body=seeded[2:4], query={"page": 3}, times=None)
    _, resp, err = client.zia.rule_labels.list_labels(query_params={"page_size": 2})
    more, _, err = resp.next()
    assert err is None and _ids(more) == _ids(seeded[2:4])
    more, _, err = resp.next()
    assert more is None and isinstance(err, ListingIncompleteError) and err.page == 3


def test_an_endpoint_ignoring_page_is_noted_not_silent(client, sim, caplog):
    seeded = sim.seed("zia", "rule_labels", 4)
    sim.fault(ZIA, method="GET", status=200, body=seeded[:2], query={"page": 2}, times=None)
    _, resp, _ = client.zia.rule_labels.list_labels(query_params={"page_size": 2})
    with caplog.at_level(logging.WARNING, logger="zscaler.paging"):
        got = _ids(resp.iter_all())
    assert got == _ids(seeded[:2])
    assert resp.listing_notes and "ignores the page parameter" in resp.listing_notes[0]
    assert any("ignores the page parameter" in r.getMessage() for r in caplog.records)


def test_zpa_first_page_without_its_list_is_an_error(client, sim):
    path, _ = _zpa(sim)
    sim.fault(path, method="GET", status=200, body={"totalPages": "5", "totalCount": "10"}, times=1)
    items, resp, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 2})
    assert items is None and isinstance(err, ListingIncompleteError)
    assert "no item list" in str(err) and "totalPages=5" in str(err)


def test_zpa_later_page_without_its_list_is_an_error(client, sim):
    path, _ = _zpa(sim)
    sim.fault(path, method="GET", status=200, body={"totalPages": "5", "totalCount": "10"}, query={"page": 2})
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 2})
    more, _, err = resp.next()
    assert more is None and isinstance(err, ListingIncompleteError) and err.page == 2


def test_zia_object_where_a_page_was_expected_is_an_error(client, sim):
    sim.seed("zia", "rule_labels", 10)
    sim.fault(ZIA, method="GET", status=200, body={}, query={"page": 2})
    _, resp, _ = client.zia.rule_labels.list_labels(query_params={"page_size": 2})
    with pytest.raises(ListingIncompleteError, match="no item list"):
        list(resp.iter_all())


def test_zpa_short_page_before_the_last_is_an_error(client, sim):
    path, seeded = _zpa(sim)
    sim.fault(path, method="GET", status=200, body={"totalPages": "5", "totalCount": "10", "list": seeded[4:5]},
              query={"page": 3})
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 2})
    with pytest.raises(ListingIncompleteError, match="1 items where pages hold 2"):
        list(resp.iter_all())


def test_zpa_listing_ending_short_of_its_total_is_an_error(client, sim):
    path, seeded = _zpa(sim)
    # every page says 12 items in 5 pages of 2: 2 would be lost
    for page in range(2, 6):
        sim.fault(path, method="GET", status=200, query={"page": page},
                  body={"totalPages": "5", "totalCount": "12", "list": seeded[2 * page - 2: 2 * page]})
    sim.fault(path, method="GET", status=200, body={"totalPages": "5", "totalCount": "12", "list": seeded[:2]},
              times=1)
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 2})
    with pytest.raises(ListingIncompleteError, match="ends with 10 of the 12"):
        list(resp.iter_all())


def test_an_insert_at_the_front_drops_the_repeated_id_and_says_so(client, sim):
    path, seeded = _zpa(sim)
    # one item inserted at the front after page 1: page 2 starts one item earlier
    shifted = {"totalPages": "5", "totalCount": "10", "list": seeded[1:3]}
    sim.fault(path, method="GET", status=200, body=shifted, query={"page": 2})
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 2})
    got = _ids(resp.iter_all())
    assert len(got) == len(set(got)) and seeded[1]["id"] in got
    assert resp.shifted and "1 items an earlier page carried were dropped" in resp.listing_notes[0]


def test_a_delete_at_the_front_changes_the_total_and_says_so(client, sim):
    path, seeded = _zpa(sim)
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 2})
    assert not resp.shifted and resp.listing_notes == []
    client.zpa.segment_groups.delete_group(seeded[0]["id"])
    got = _ids(resp.iter_all())
    assert got == _ids(seeded[:2]) + _ids(seeded[3:])  # seeded[2] moved onto page 1: lost, and said so
    assert resp.shifted and "total changed from 10 to 9" in resp.listing_notes[0]


def test_a_clean_listing_has_no_notes(client, sim):
    path, seeded = _zpa(sim)
    _, resp, _ = client.zpa.segment_groups.list_groups(query_params={"page_size": 3})
    assert _ids(resp.iter_all()) == _ids(seeded)
    assert resp.listing_notes == [] and not resp.shifted


def test_the_watch_remembers_a_few_pages_only_and_still_drops_shifted_items():
    from zscaler import paging

    watch = paging.ListingWatch("/x")
    style = paging.style("zia")
    for n in range(1, 101):
        page = [{"id": i} for i in range((n - 1) * 10, n * 10)]
        if n == 50:
            page = [{"id": 489}] + page[:-1]  # an insert shifted page 49's last item onto page 50
        kept = watch.page(style, n, page, page, last=False)
        assert len(kept) == (9 if n == 50 else 10)
        assert len(watch.seen) <= paging.SEEN_PAGES  # memory stays flat in the listing's length
    assert watch.dropped == 1
