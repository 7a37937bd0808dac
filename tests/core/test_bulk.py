"""Bulk helpers (issue #17): one call over many inputs, concurrently, within the rate limit; one outcome
per input in input order, errors per input. Over the simulator; 429s counted on its side."""

from __future__ import annotations

import asyncio
import threading
from collections import Counter

import pytest

from zscaler import ZscalerClient, bulk
from zscaler.errors import NotFoundError

from helpers import FAST_RETRY, api_requests


def _config(sim, **rate_limit):
    return sim.oneapi_config(rateLimit={**FAST_RETRY["rateLimit"], **rate_limit})


def test_gets_answer_in_input_order_with_errors_in_place(client, sim):
    seeded = sim.seed("zpa", "segment_groups", 40)
    ids = [s["id"] for s in seeded]
    inputs = ids[:10] + ["999999999"] + ids[10:20] + ["888888888"] + ids[20:]
    done = bulk.apply(client.zpa.segment_groups.get_group, inputs, workers=8)
    assert len(done) == 42 and [o.input for o in done] == inputs and [o.index for o in done] == list(range(42))
    assert [o.index for o in done.errors] == [10, 21] and not done.ok
    assert all(isinstance(o.error, NotFoundError) and o.value is None for o in done.errors)
    assert [o.value.id for o in done if o.ok] == ids
    with pytest.raises(NotFoundError):
        done.raise_first()
    with pytest.raises(NotFoundError):
        done[10].unwrap()
    assert done[0].unwrap().id == ids[0] and done.values[10] is None


def test_creates_with_args_run_concurrently_and_all_land(client, sim):
    before = len(sim.seed("zpa", "segment_groups", 0))
    names = [f"bulk-{i:03d}" for i in range(60)]
    done = bulk.apply(client.zpa.segment_groups.add_group, [bulk.Args(name=n, enabled=True) for n in names])
    assert done.ok and [o.value.name for o in done] == names
    listed, _, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 500})
    assert err is None and sorted(g.name for g in listed if g.name.startswith("bulk-")) == names
    assert len(listed) == before + 60


def test_bulk_work_stays_within_the_rate_limit(sim):
    """60 creates on 16 workers against a 25/s limit the client was told about: no 429."""
    sim.rate_limit("zpa", 25)
    with ZscalerClient(_config(sim, perSecond={"zpa": 25})) as c:
        done = bulk.apply(c.zpa.segment_groups.add_group, [bulk.Args(name=f"r{i}") for i in range(60)], workers=16)
    assert done.ok and sim.throttled == 0
    assert Counter(r.status for r in api_requests(sim, "/segmentGroup")) == {201: 60}


def test_a_raised_exception_is_that_inputs_error_only(client, sim):
    seeded = sim.seed("zpa", "segment_groups", 3)

    def get(x):
        if x == "boom":
            raise ValueError("boom")
        return client.zpa.segment_groups.get_group(x)

    done = bulk.apply(get, [seeded[0]["id"], "boom", seeded[1]["id"]])
    assert [o.ok for o in done] == [True, False, True] and str(done[1].error) == "boom"


def test_plain_values_and_pairs_are_read_as_such():
    done = bulk.apply(lambda x: x * 2, [1, 2, 3], workers=2)
    assert done.values == [2, 4, 6] and done.ok
    done = bulk.apply(lambda x: (None, KeyError(x)) if x else ("v", None), [0, 1])
    assert done[0].value == ("v", None) and isinstance(done[1].error, KeyError)


def test_workers_bound_the_calls_at_once():
    running, peak, lock = 0, 0, threading.Lock()
    gate = threading.Barrier(3, timeout=10)

    def call(i):
        nonlocal running, peak
        with lock:
            running += 1
            peak = max(peak, running)
        if i < 3:
            gate.wait()  # the first three meet: three really run at once
        with lock:
            running -= 1
        return i

    done = bulk.apply(call, range(30), workers=3)
    assert done.values == list(range(30)) and peak == 3


def test_async_variant_keeps_order_and_errors_per_input():
    at_once, peak = 0, 0

    async def call(i):
        nonlocal at_once, peak
        at_once += 1
        peak = max(peak, at_once)
        await asyncio.sleep(0.001 * (10 - i % 10))  # later inputs finish first
        at_once -= 1
        if i == 7:
            raise NotFoundError(404, "gone")
        return i * i

    done = asyncio.run(bulk.apply_async(call, range(20), workers=5))
    assert [o.index for o in done] == list(range(20)) and [o.index for o in done.errors] == [7]
    assert [o.value for o in done if o.ok] == [i * i for i in range(20) if i != 7] and peak == 5


def test_async_variant_refuses_a_plain_callable_per_input():
    done = asyncio.run(bulk.apply_async(lambda x: x, [1]))
    assert isinstance(done[0].error, TypeError) and "bulk.apply" in str(done[0].error)


@pytest.mark.parametrize("kwargs,error,message", [
    ({"call": 5, "inputs": [1]}, TypeError, "'call' must be a callable"),
    ({"call": print, "inputs": "abc"}, TypeError, "'inputs' must be an iterable"),
    ({"call": print, "inputs": {"a": 1}}, TypeError, "'inputs' must be an iterable"),
    ({"call": print, "inputs": 7}, TypeError, "'inputs' must be an iterable"),
    ({"call": print, "inputs": [1], "workers": 0}, ValueError, "'workers' must be a whole number from 1"),
    ({"call": print, "inputs": [1], "workers": True}, ValueError, "'workers'"),
    ({"call": print, "inputs": [1], "workers": 10_000}, ValueError, "'workers'"),
])
def test_bad_arguments_are_named(kwargs, error, message):
    with pytest.raises(error, match=message):
        bulk.apply(**kwargs)
    with pytest.raises(error, match=message):
        asyncio.run(bulk.apply_async(**kwargs))


def test_no_inputs_no_calls():
    assert len(bulk.apply(print, [])) == 0 and repr(bulk.apply(print, [])) == "<Outcomes 0 inputs, 0 failed>"


def test_args_repr_masks_secrets():
    shown = repr(bulk.Args("id-1", name="x", password="hunter2-secret"))
    assert "hunter2-secret" not in shown and "id-1" in shown


def test_fetch_all_returns_every_item_or_the_first_error(client, sim):
    seeded = sim.seed("zpa", "segment_groups", 230)
    items, resp, err = bulk.fetch_all(client.zpa.segment_groups.list_groups, query_params={"page_size": 20})
    assert err is None and [g.id for g in items] == [s["id"] for s in seeded]
    sim.fault("*/segmentGroup", method="GET", status=404, times=1)
    items, resp, err = bulk.fetch_all(client.zpa.segment_groups.list_groups)
    assert items is None and isinstance(err, NotFoundError)
    with pytest.raises(TypeError, match="list_method"):
        bulk.fetch_all(lambda: [1, 2])
