"""Every method of every catalog resource exists on the async client as a coroutine function with
the sync signature, and every listing that needs no argument answers the async client what it
answers the sync one (same items, same error kind)."""

from __future__ import annotations

import inspect
import json
from typing import Any

import pytest

from zscaler import catalog
from zscaler.aio.binding import acall_result, async_resource_class
from zscaler.binding import call_result, resource_class

pytestmark = pytest.mark.anyio


def _resources() -> list[tuple[str, str]]:
    return [(p, r.attribute) for p in catalog.PRODUCTS for r in catalog.load(p).resources]


@pytest.mark.parametrize("product", catalog.PRODUCTS)
def test_every_method_is_awaitable_with_the_sync_signature(product):
    checked = 0
    for res in catalog.load(product).resources:
        sync_cls, async_cls = resource_class(product, res.attribute), async_resource_class(product, res.attribute)
        assert issubclass(async_cls, sync_cls)
        for name in [op.name for op in res.ops] + list(res.aliases):
            sync_m, async_m = getattr(sync_cls, name), getattr(async_cls, name)
            assert inspect.iscoroutinefunction(async_m) and not inspect.iscoroutinefunction(sync_m), name
            assert inspect.signature(async_m) == inspect.signature(sync_m), name
            assert async_m.__doc__.startswith(sync_m.__doc__), name
            checked += 1
    assert checked >= len(catalog.load(product).resources)


def _argumentless_lists() -> list[Any]:
    out = []
    for product in catalog.PRODUCTS:
        for res, op in catalog.load(product).ops():
            required = [p for p in op.params if p.required and not p.kind.startswith("var")]
            if op.result == "list" and not required:
                out.append(pytest.param(product, res.attribute, op.name, id=f"{product}.{res.attribute}.{op.name}"))
    return out


def _shape(res: Any) -> tuple[Any, ...]:
    result, _, err = res
    if err is not None:
        return ("error", type(err).__name__, getattr(err, "status_code", None))
    return ("ok", json.dumps([getattr(i, "as_dict", lambda i=i: i)() for i in result or []], sort_keys=True,
                             default=str))


@pytest.fixture(scope="module")
def pair(simulator):
    """One sync and one async client on the session's simulator, left as it is (listings only read)."""
    from zscaler import AsyncZscalerClient, ZscalerClient

    simulator.reset()
    config = simulator.oneapi_config()
    return ZscalerClient(config), AsyncZscalerClient(config)


@pytest.mark.parametrize("product,attribute,method", _argumentless_lists())
async def test_every_argumentless_listing_answers_both_clients_alike(pair, product, attribute, method):
    sync_client, async_client = pair
    sync_api = getattr(getattr(sync_client, product), attribute)
    async_api = getattr(getattr(async_client, product), attribute)
    try:
        expected = _shape(call_result(sync_api, method))
    except (ValueError, TypeError) as e:  # an argument the listing needs after all: raised alike, before sending
        expected = ("raised", type(e).__name__, str(e))
    try:
        got = _shape(await acall_result(async_api, method))
    except (ValueError, TypeError) as e:
        got = ("raised", type(e).__name__, str(e))
    assert got == expected
