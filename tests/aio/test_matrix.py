"""The same operations and assertions through ``ZscalerClient`` and ``AsyncZscalerClient``
(the ``side`` fixture runs each test once per client)."""

from __future__ import annotations

import logging

import pytest

from zscaler.errors import NotFoundError, RetryBudgetExceeded

from helpers import api_requests, token_requests

pytestmark = pytest.mark.anyio


async def test_zpa_segment_group_crud(side, sim):
    groups = side.client.zpa.segment_groups
    added, resp, err = await side.call(groups.add_group, name="web", description="d", enabled=True)
    assert err is None and added.name == "web" and resp.status_code in (200, 201)
    got, _, err = await side.call(groups.get_group, added.id)
    assert err is None and got.description == "d"
    updated, _, err = await side.call(groups.update_group, added.id, name="web2", enabled=False)
    assert err is None
    listed, _, err = await side.call(groups.list_groups, query_params={"search": "web2"})
    assert err is None and [g.name for g in listed] == ["web2"] and listed[0].enabled is False
    _, resp, err = await side.call(groups.delete_group, added.id)
    assert err is None
    gone, resp, err = await side.call(groups.get_group, added.id)
    assert gone is None and resp is None and isinstance(err, NotFoundError) and err.status_code == 404


async def test_zia_rule_label_crud_and_activation_on_exit(side, sim):
    labels = side.client.zia.rule_labels
    added, _, err = await side.call(labels.add_label, name="L1", description="x")
    assert err is None and added.name == "L1"
    got, _, err = await side.call(labels.get_label, added.id)
    assert err is None and got.description == "x"
    _, _, err = await side.call(labels.update_label, added.id, name="L2")
    assert err is None
    names = [label.name for label in (await side.call(labels.list_labels))[0]]
    assert "L2" in names and "L1" not in names
    assert sim.activation_status("zia") == "PENDING"
    await side.close()  # the context manager's exit
    assert sim.activation_status("zia") == "ACTIVE"
    assert [r.path for r in api_requests(sim) if r.method == "DELETE"] == ["/zia/api/v1/authenticatedSession"]


async def test_ztw_and_zidentity_writes(side, sim):
    ztw = side.client.ztw.ip_destination_groups
    made, _, err = await side.call(ztw.add_ip_destination_group, name="dst", description="to")
    assert err is None and made.name == "dst"
    listed, _, err = await side.call(ztw.list_ip_destination_groups)
    assert err is None and "dst" in [g.name for g in listed]
    group, _, err = await side.call(side.client.zidentity.groups.add_group, name="admins")
    assert err is None and group.name == "admins"
    again, _, err = await side.call(side.client.zidentity.groups.get_group, group.id)
    assert err is None and again.name == "admins"


async def test_listing_reads_every_page_in_order(side, sim):
    sim.seed("zpa", "segment_groups", 57)
    groups = side.client.zpa.segment_groups
    first, resp, err = await side.call(groups.list_groups, query_params={"page_size": 5})
    assert err is None and len(first) == 5 and resp.has_next()
    every = await side.items(resp)
    ids = [g.id for g in every]
    assert len(ids) == len(set(ids)) >= 57 and ids[:5] == [g.id for g in first]
    pages = [r for r in api_requests(sim, "/segmentGroup") if r.method == "GET"]
    assert len(pages) == -(-len(ids) // 5)


async def test_listing_with_a_limit_asks_for_no_page_past_it(side, sim):
    sim.seed("zpa", "segment_groups", 40)
    _, resp, err = await side.call(side.client.zpa.segment_groups.list_groups, query_params={"page_size": 5})
    assert err is None
    some = await side.items(resp, 12)
    assert len(some) == len({g.id for g in some}) == 12
    assert len([r for r in api_requests(sim, "/segmentGroup") if r.method == "GET"]) == 3


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_pages_in_flight_never_exceed_the_concurrency(sim, kind, make_side):
    """With the server slow enough for requests to overlap, a listing has at most
    ``pagination.concurrency`` pages in flight, and still reads every item once, in order."""
    sim.seed("zpa", "segment_groups", 120)
    sim.set_network(latency=0.01)
    sim.reset_network_counters()
    side = make_side(kind, sim.oneapi_config(pagination={"concurrency": 4}))
    first, resp, err = await side.call(side.client.zpa.segment_groups.list_groups, query_params={"page_size": 5})
    assert err is None
    every = await side.items(resp)
    await side.close()
    ids = [g.id for g in every]
    assert len(ids) == len(set(ids)) == 120 and ids[:5] == [g.id for g in first]
    assert 2 <= sim.network_stats()["max_in_flight"] <= 4


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_a_second_listing_reuses_the_first_ones_connections(sim, kind, make_side):
    """More pages in flight (24) than the client used to keep connections alive (16): the connections
    a listing opened serve the next listing, none is closed and opened again (each would be a new
    handshake on a real network). Connections are told apart by the client port the simulator records."""
    sim.seed("zpa", "segment_groups", 300)
    sim.set_network(latency=0.02)
    side = make_side(kind, sim.oneapi_config(pagination={"concurrency": 24}))
    groups = side.client.zpa.segment_groups
    peers = []
    for _ in range(2):
        sim.clear_requests()
        _, resp, err = await side.call(groups.list_groups, query_params={"page_size": 10})
        assert err is None and len(await side.items(resp)) == 300
        peers.append({r.peer for r in api_requests(sim, "/segmentGroup")})
    await side.close()
    assert len(peers[0]) > 20 and None not in peers[0]
    assert peers[1] <= peers[0]


async def test_zia_listing_without_page_count(side, sim):
    sim.seed("zia", "rule_labels", 23)
    first, resp, err = await side.call(side.client.zia.rule_labels.list_labels, query_params={"page_size": 10})
    assert err is None and len(first) == 10
    every = await side.items(resp)
    assert len(every) == len({label.id for label in every}) >= 23


async def test_argument_errors_raise_before_sending(side, sim):
    groups = side.client.zpa.segment_groups
    with pytest.raises(ValueError, match="'group_id' must be an id"):
        await side.call(groups.get_group, "..")
    with pytest.raises(TypeError, match="query_params"):
        await side.call(groups.list_groups, query_params=["search"])
    assert api_requests(sim) == []


async def test_api_validation_error_is_the_error_slot(side, sim):
    sim.fault("/zpa/*/segmentGroup", method="POST", status=400, body={"id": "invalid.name", "reason": "bad name"})
    made, resp, err = await side.call(side.client.zpa.segment_groups.add_group, name="x")
    assert made is None and err is not None and err.status_code == 400 and "bad name" in str(err)


@pytest.mark.parametrize("status", [429, 503])
async def test_retries_on_429_and_503(side, sim, status):
    sim.fault("/zpa/*/segmentGroup", method="GET", status=status, times=2, headers={"Retry-After": "0"})
    listed, _, err = await side.call(side.client.zpa.segment_groups.list_groups)
    assert err is None and isinstance(listed, list)
    assert len([r for r in api_requests(sim, "/segmentGroup") if r.method == "GET"]) == 3


async def test_retry_budget_exceeded_is_the_error(side, sim):
    sim.fault("/zpa/*/segmentGroup", method="GET", status=429, times=None, headers={"Retry-After": "500"})
    _, _, err = await side.call(side.client.zpa.segment_groups.list_groups)
    assert isinstance(err, RetryBudgetExceeded) and "retry budget" in str(err)


async def test_rate_limit_learned_from_the_gateway_is_never_exceeded(side, sim):
    sim.set_network(rate_limit="20/s")  # the gateway's per-client window, in x-ratelimit-limit
    groups = side.client.zpa.segment_groups
    assert (await side.call(groups.list_groups)).error is None  # the first answer tells the window
    assert side.client.get_request_executor().rate_limiter.limits("zpa") == ((20, 1.0),)
    answers = await side.many(groups.list_groups, 30)
    assert [a.error for a in answers] == [None] * 30
    assert sim.throttled == 0 and {r.status for r in api_requests(sim, "/segmentGroup")} == {200}


async def test_token_refreshed_after_expiry(side, sim):
    groups = side.client.zpa.segment_groups
    assert (await side.call(groups.list_groups))[2] is None
    sim.expire_tokens()
    listed, _, err = await side.call(groups.list_groups)
    assert err is None and isinstance(listed, list)
    assert len(token_requests(sim)) == 2
    assert [r.status for r in api_requests(sim, "/segmentGroup")][-2:] == [401, 200]


async def test_secrets_never_logged_at_debug(side, sim, caplog):
    caplog.set_level(logging.DEBUG, logger="zscaler")
    config = sim.oneapi_config()
    await side.call(side.client.zpa.segment_groups.add_group, name="logged")
    await side.call(side.client.zia.rule_labels.list_labels)
    text = caplog.text
    assert "GET" in text and "segmentGroup" in text  # something was logged
    token = side.client.get_request_executor().provider.token()  # held: no request
    for secret in filter(None, (config["clientSecret"], token)):
        assert secret not in text
    assert "Bearer ey" not in text and "authorization': 'Bearer" not in text.lower().replace('"', "'")


async def test_same_signatures(side):
    import inspect

    from zscaler.binding import resource_class

    api = side.client.zpa.segment_groups
    sync_cls = resource_class("zpa", "segment_groups")
    for name in ("list_groups", "get_group", "add_group", "update_group", "delete_group"):
        assert inspect.signature(getattr(api, name)) == inspect.signature(getattr(sync_cls(None), name))
        assert inspect.iscoroutinefunction(getattr(api, name)) == (side.kind == "async")


@pytest.mark.parametrize("kind", ["sync", "async"])
async def test_cache_serves_repeated_gets_and_a_write_invalidates(sim, kind, make_side):
    side = make_side(kind, sim.oneapi_config(cache={"enabled": True}))
    groups = side.client.zpa.segment_groups
    made, _, _ = await side.call(groups.add_group, name="cached")
    for _ in range(3):
        got, _, err = await side.call(groups.get_group, made.id)
        assert err is None and got.name == "cached"
    await side.call(groups.update_group, made.id, name="changed")
    got, _, _ = await side.call(groups.get_group, made.id)
    assert got.name == "changed"
    gets = [r for r in api_requests(sim, "/segmentGroup/") if r.method == "GET"]
    assert len(gets) == 2
    await side.close()
