"""A listing's objects are answered from texts the collection keeps (issue #17: a big listing costs
the simulator a join, not a representation and an encoding per object). What the texts must never
do: answer an object as it was before it changed, answer other bytes than the plain encoding, or
break a behaviour that reads a listing's answer as values."""

from __future__ import annotations

import json

import httpx
import pytest

from zscaler.simulator import Simulator
from zscaler.simulator.behaviors import represent
from zscaler.simulator.wire import dumps

from simhelpers import get_token, zpa


@pytest.fixture
def http(sim):  # ``sim``: the session simulator, reset for each test (tests/conftest.py)
    with httpx.Client(base_url=sim.url, timeout=30, headers={"Authorization": "Bearer " + get_token(sim)}) as c:
        yield c


def _page(http: httpx.Client, sim: Simulator, page: int = 1, size: int = 20) -> httpx.Response:
    r = http.get(zpa(sim, "/segmentGroup"), params={"page": page, "pagesize": size})
    assert r.status_code == 200, r.text
    return r


def _collection(sim: Simulator):
    return sim.engine.store.collection(zpa(sim, "/segmentGroup"))


def test_the_texts_answer_the_bytes_of_the_plain_encoding(sim, http):
    sim.seed("zpa", "segment_groups", 45)
    cold = _page(http, sim, 2).content  # the texts are made here
    assert sum(len(t) for t in _collection(sim).answers.values()) == 20
    warm = _page(http, sim, 2).content  # and read here
    assert warm == cold
    # the same page without texts: each object represented and the page encoded as a whole
    route = next(r for r in sim.engine.router.routes if r.verb == "GET" and r.template.endswith("/segmentGroup"))
    items = _collection(sim).values()
    plain_items = represent.answer_each(sim.engine, route, items)[20:40]
    assert all(isinstance(i, dict) for i in plain_items)
    assert json.loads(warm)["list"] == plain_items
    body = json.loads(warm)
    assert dumps({**body, "list": plain_items}) == warm


def test_an_update_a_delete_and_a_create_show_in_the_next_listing(sim, http):
    made = [http.post(zpa(sim, "/segmentGroup"), json={"name": f"g{i}", "enabled": True}).json() for i in range(3)]
    before = {g["id"]: g for g in _page(http, sim).json()["list"]}
    assert before[made[0]["id"]]["enabled"] is True
    r = http.put(zpa(sim, f"/segmentGroup/{made[0]['id']}"),
                 json={"id": made[0]["id"], "name": "renamed", "enabled": False, "description": "d"})
    assert r.status_code in (200, 204), r.text
    assert http.delete(zpa(sim, f"/segmentGroup/{made[1]['id']}")).status_code in (200, 204)
    added = http.post(zpa(sim, "/segmentGroup"), json={"name": "g3", "enabled": True}).json()
    after = {g["id"]: g for g in _page(http, sim).json()["list"]}
    assert after[made[0]["id"]]["name"] == "renamed" and after[made[0]["id"]]["enabled"] is False
    assert after[made[0]["id"]]["description"] == "d"
    assert made[1]["id"] not in after and added["id"] in after
    assert after[made[2]["id"]] == before[made[2]["id"]]


def test_a_value_of_equal_worth_but_another_kind_is_answered_as_stored(sim, http):
    """1 == True in Python: an object changed from one to the other must not answer the old text."""
    made = http.post(zpa(sim, "/segmentGroup"), json={"name": "kinds", "enabled": True}).json()
    _page(http, sim)
    assert http.put(zpa(sim, f"/segmentGroup/{made['id']}"),
                    json={"id": made["id"], "name": "kinds", "enabled": 1}).status_code in (200, 204)
    listed = next(g for g in _page(http, sim).json()["list"] if g["id"] == made["id"])
    got = http.get(zpa(sim, f"/segmentGroup/{made['id']}")).json()
    assert listed["enabled"] == got["enabled"] and type(listed["enabled"]) is type(got["enabled"])


def test_a_stored_string_that_looks_like_the_placeholder_is_answered_as_it_is(sim, http):
    odd = "\x00zscaler-simulator:fragments\x00"
    http.post(zpa(sim, "/segmentGroup"), json={"name": "odd", "description": odd, "enabled": True})
    http.post(zpa(sim, "/segmentGroup"), json={"name": "plain", "enabled": True})
    for _ in range(2):
        listed = _page(http, sim).json()["list"]
        assert [g["name"] for g in listed] == ["odd", "plain"] and listed[0]["description"] == odd


def test_a_behaviour_reading_the_listing_as_values_sees_plain_objects(sim, http):
    """ZPA answers a segment group's application segments inside it: the behaviour changes a copy of
    the generic page, which must hold objects, not texts."""
    group = http.post(zpa(sim, "/segmentGroup"), json={"name": "with-apps", "enabled": True}).json()
    _page(http, sim)  # texts made without the segment
    seg = http.post(zpa(sim, "/application"), json={
        "name": "app1", "domainNames": ["a.example.com"], "segmentGroupId": group["id"],
        "tcpPortRanges": ["443", "443"], "enabled": True})
    assert seg.status_code in (200, 201), seg.text
    listed = next(g for g in _page(http, sim).json()["list"] if g["id"] == group["id"])
    assert [a["name"] for a in listed["applications"]] == ["app1"]


def test_past_the_limit_texts_are_made_per_page_and_not_kept(sim, http, monkeypatch):
    monkeypatch.setattr(represent.Represented, "LIMIT", 10)
    sim.seed("zpa", "segment_groups", 30)
    first = _page(http, sim, 1).json()["list"] + _page(http, sim, 2).json()["list"]
    assert sum(len(t) for t in _collection(sim).answers.values()) == 10
    again = _page(http, sim, 1).json()["list"] + _page(http, sim, 2).json()["list"]
    assert again == first and len({g["id"] for g in first}) == 30
