"""A read answer is freed as soon as it is dropped, without waiting for the cyclic garbage
collector: httpx leaves a response in a reference cycle (its stream points back at it), which kept
every page of a listing alive until the next full collection (issue #17: a listing's peak memory
grew with its length). The transport's ``settled`` breaks the cycle; the answer is unchanged."""

from __future__ import annotations

import gc
import weakref

import pytest

from zscaler import AsyncZscalerClient, ZscalerClient


@pytest.fixture
def no_gc():
    gc.collect()
    gc.disable()
    yield
    gc.enable()


def _path(sim) -> str:
    return f"/zpa/mgmtconfig/v1/admin/customers/{sim.customer_id}/segmentGroup"


def test_a_sync_answer_is_freed_when_dropped(sim, no_gc):
    sim.seed("zpa", "segment_groups", 30)
    with ZscalerClient(sim.oneapi_config()) as c:
        executor = c.get_request_executor()
        resp = executor.send("GET", _path(sim), params=[("page", "1"), ("pagesize", "20")])
        assert len(resp.json()["list"]) == 20 and resp.content == resp.read()
        assert b"".join(resp.iter_bytes()) == resp.content  # the public stream still gives the body
        ref = weakref.ref(resp)
        del resp
        assert ref() is None


@pytest.mark.anyio
async def test_an_async_answer_is_freed_when_dropped(sim, no_gc):
    sim.seed("zpa", "segment_groups", 30)
    async with AsyncZscalerClient(sim.oneapi_config()) as c:
        resp = await c.get_request_executor().asend("GET", _path(sim), params=[("page", "1"), ("pagesize", "20")])
        assert len(resp.json()["list"]) == 20
        ref = weakref.ref(resp)
        del resp
        assert ref() is None


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
