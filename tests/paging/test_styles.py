"""What the paging styles own, seen on the wire of the simulator: page-size keys, the one limits
table, pages asked for in the body, later pages through the client's layers, ``after`` on every page."""

from __future__ import annotations

import json
from urllib.parse import parse_qs

from zscaler import paging

from helpers import api_requests

ZPA = "/zpa/mgmtconfig/v1/admin/customers/{cid}"


def _query(request) -> dict:
    return {k: v[-1] for k, v in parse_qs(request.raw_query).items()}


def test_zpa_page_size_key_is_the_styles(client, sim):
    client.zpa.segment_groups.list_groups(query_params={"page_size": 3})
    client.zpa.emergency_access.list_users(query_params={"page_size": 3})
    (groups,) = api_requests(sim, "/segmentGroup")
    (users,) = api_requests(sim, "/emergencyAccess/users")
    assert _query(groups) == {"pagesize": "3"}
    assert _query(users) == {"pageSize": "3"}


def test_emergency_access_users_page_by_page_size(client, sim):
    path = ZPA.format(cid=sim.engine.customer_id) + "/emergencyAccess/users"
    seeded = sim.seed("zpa", None, 5, path=path)
    items, resp, err = client.zpa.emergency_access.list_users(query_params={"page_size": 2})
    assert err is None and len(items) == 2
    assert [o["id"] for o in seeded] == [i["id"] for i in resp.get_results()] + [
        i.id for i in resp.iter_all()][2:]


def test_one_limits_table_serves_zia(client, sim):
    assert paging.LIMITS["zia"] == (100, 1000)
    sim.seed("zia", "rule_labels", 1100)
    first, _, _ = client.zia.rule_labels.list_labels()
    capped, _, _ = client.zia.rule_labels.list_labels(query_params={"page_size": 5000})
    assert (len(first), len(capped)) == (100, 1000)


def test_zpa_search_pages_in_the_body(client, sim):
    sim.seed("zpa", None, 150, path=ZPA.format(cid=sim.engine.customer_id) + "/tagGroup")
    items, resp, err = client.zpa.tag_group.list_tag_groups()
    assert err is None and len(items) == 150  # the method returns every page, as the official SDK
    assert len(resp.get_results()) == 100 and resp.has_next()  # the response stays on page 1
    more, _, err = resp.next()
    assert err is None and len(more) == 50 and not resp.has_next()
    bodies = [json.loads(r.body) for r in api_requests(sim, "/tagGroup/search")]
    assert [b["pageBy"] for b in bodies] == [{"page": 1, "pageSize": 100}, {"page": 2, "pageSize": 100},
                                             {"page": 2, "pageSize": 100}]


def test_a_later_page_goes_through_retry(client, sim):
    sim.seed("zpa", "segment_groups", 5)
    _, resp, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 2})
    assert err is None
    fault = sim.fault(path="*/segmentGroup", method="GET", status=503, times=1, query={"page": "2"})
    more, _, err = resp.next()
    assert err is None and len(more) == 2 and fault.hits == 1
    assert [r.status for r in api_requests(sim, "/segmentGroup")] == [200, 503, 200]


def test_a_list_methods_after_shapes_every_page(client, sim):
    sim.seed("zid", "users", 5)
    first, resp, err = client.zid.users.list_users(query_params={"limit": 2})
    assert err is None and type(first).__name__ == "Users" and len(list(first)) == 2
    more, _, err = resp.next()
    assert err is None and type(more) is type(first) and len(list(more)) == 2
    assert len(list(client.zid.users.list_users(query_params={"limit": 2})[1].iter_all())) == 5


def test_simulator_refuses_a_non_integer_page_size(client, sim):
    _, _, err = client.zia.rule_labels.list_labels(query_params={"page_size": "abc"})
    assert err is not None and getattr(err, "status_code", None) == 400 and "pageSize" in str(err)


def test_search_by_name_reads_every_page_of_the_zpa_search(client, sim):
    seeded = sim.seed("zpa", None, 150, path=ZPA.format(cid=sim.engine.customer_id) + "/tagGroup")
    found, _, err = client.zpa.tag_group.get_tag_group_by_name(seeded[140]["name"].upper())
    assert err is None and found.id == seeded[140]["id"]  # on the second page of 100
    bodies = [json.loads(r.body) for r in api_requests(sim, "/tagGroup/search")]
    assert [b["pageBy"]["page"] for b in bodies] == [1, 2]
