"""What only the async client has: concurrent tasks on one client, the async legacy clients,
``async with Simulator()``, the async pytest fixture, an async transport, refusals of blocking use."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from zscaler import AsyncZscalerClient
from zscaler.aio import AsyncLegacyZIAClient, AsyncLegacyZPAClient
from zscaler.errors import ConfigurationError, TokenError
from zscaler.simulator import Simulator

from helpers import FAST_RETRY, api_requests, token_requests

pytestmark = pytest.mark.anyio


async def test_fifty_tasks_on_one_client_share_one_token(sim):
    made = sim.seed("zpa", "segment_groups", 50)
    async with AsyncZscalerClient(sim.oneapi_config()) as client:
        groups = client.zpa.segment_groups
        answers = await asyncio.gather(*(groups.get_group(m["id"]) for m in made))
        assert [err for _, _, err in answers] == [None] * 50
        assert [g.id for g, _, _ in answers] == [m["id"] for m in made]
        assert [g.name for g, _, _ in answers] == [m["name"] for m in made]
        assert client.get_request_executor().provider.fetch_count == 1
    assert len(token_requests(sim)) == 1
    assert len([r for r in api_requests(sim, "/segmentGroup/") if r.method == "GET"]) == 50


async def test_concurrent_tasks_after_expiry_refresh_once(sim):
    async with AsyncZscalerClient(sim.oneapi_config(**FAST_RETRY)) as client:
        groups = client.zpa.segment_groups
        assert (await groups.list_groups()).error is None
        sim.expire_tokens()
        answers = await asyncio.gather(*(groups.list_groups() for _ in range(20)))
        assert all(err is None for _, _, err in answers)
    assert len(token_requests(sim)) == 2


async def test_async_legacy_zia_logs_in_on_enter_and_activates_on_exit(sim):
    async with AsyncLegacyZIAClient(sim.legacy_config("zia")) as client:
        logins = [r for r in sim.requests if r.path.endswith("/authenticatedSession") and r.method == "POST"]
        assert len(logins) == 1 and set(logins[0].json()) == {"apiKey", "username", "password", "timestamp"}
        label, _, err = await client.zia.rule_labels.add_label(name="AsyncLabel", description="x")
        assert err is None and label.name == "AsyncLabel"
        assert sim.activation_status("zia") == "PENDING"
    assert sim.activation_status("zia") == "ACTIVE"
    assert "JSESSIONID=" in api_requests(sim, "/ruleLabels")[-1].headers["cookie"]


async def test_async_legacy_zpa_wrong_secret_fails_on_enter(sim):
    with pytest.raises(TokenError, match="zpa login refused: HTTP 401"):
        async with AsyncLegacyZPAClient(sim.legacy_config("zpa", clientSecret="nope")):
            pass


async def test_async_legacy_zpa_logs_in_on_first_call_without_async_with(sim):
    client = AsyncLegacyZPAClient(sim.legacy_config("zpa"))
    added, _, err = await client.zpa.segment_groups.add_group(name="lg", enabled=True)
    assert err is None and added.name == "lg"
    assert api_requests(sim, "/segmentGroup")[-1].path.startswith("/_legacy/zpa/")
    assert len([r for r in sim.requests if r.path.endswith("/signin")]) == 1
    await client.close()


async def test_async_with_simulator_and_an_async_transport():
    calls: list[str] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        if request.url.path.endswith("/token"):
            return httpx.Response(200, json={"access_token": "tok", "expires_in": 3600})
        return httpx.Response(200, json={"totalPages": "1", "list": [{"id": "7", "name": "via-transport"}]})

    async with Simulator() as sim:  # a config to start from; the transport answers everything
        config = sim.oneapi_config(transport=httpx.MockTransport(handler))
        async with AsyncZscalerClient(config) as client:
            items, _, err = await client.zpa.segment_groups.list_groups()
        assert err is None and [g.name for g in items] == ["via-transport"]
        assert calls[0].endswith("/oauth2/v1/token") and calls[1].endswith("/segmentGroup")
        assert sim.requests == []


async def test_a_transport_of_the_other_kind_is_refused(sim):
    class SyncOnly(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:  # pragma: no cover
            return httpx.Response(200)

    with pytest.raises(TypeError, match="httpx.AsyncBaseTransport"):
        AsyncZscalerClient(sim.oneapi_config(transport=SyncOnly()))
    with pytest.raises(ConfigurationError, match="transport"):
        AsyncZscalerClient(sim.oneapi_config(transport="no"))
    from zscaler import ZscalerClient

    with pytest.raises(TypeError, match="AsyncHTTPTransport is an httpx.AsyncBaseTransport, for the async client"):
        ZscalerClient(sim.oneapi_config(transport=httpx.AsyncHTTPTransport()))


async def test_blocking_use_is_refused_with_the_async_form_named(sim):
    sim.seed("zpa", "segment_groups", 12)
    async with AsyncZscalerClient(sim.oneapi_config()) as client:
        with pytest.raises(TypeError, match="async with"):
            with client:
                pass
        _, resp, _ = await client.zpa.segment_groups.list_groups(query_params={"page_size": 5})
        with pytest.raises(RuntimeError, match="aiter_all"):
            list(resp.iter_all())
        with pytest.raises(RuntimeError, match="anext"):
            resp.next()
        items, _, err = await resp.anext()
        assert err is None and len(items) == 5
        rest = await resp.afetch_all()
        assert len(rest) >= 2 and not resp.has_next()
        with pytest.raises(StopAsyncIteration):
            await resp.anext()


async def test_max_items_and_hooks_run_off_the_loop(sim):
    sim.seed("zpa", "segment_groups", 30)
    async with AsyncZscalerClient(sim.oneapi_config()) as client:
        some, _, err = await client.zpa.segment_groups.list_groups(query_params={"page_size": 4, "max_items": 10})
        assert err is None and len(some) == 10
        # a hook that sends a preliminary request (a ZPA rule: the policy set is looked up first)
        rule, _, err = await client.zpa.policies.add_access_rule(name="r1", action="allow")
        assert err is None and rule.name == "r1"
        got, _, err = await client.zpa.policies.get_rule("access", rule.id)
        assert err is None and got.id == rule.id
    lookups = [r for r in api_requests(sim) if "/policySet/policyType/ACCESS_POLICY" in r.path]
    assert len(lookups) == 2


async def test_the_async_fixture(zscaler_async_client, zscaler_sim):
    added, _, err = await zscaler_async_client.zia.rule_labels.add_label(name="FromFixture")
    assert err is None and added.name == "FromFixture"
    assert zscaler_sim.activation_status("zia") == "PENDING"  # activated when the fixture exits


def test_import_zscaler_does_not_load_the_async_client():
    import subprocess
    import sys

    code = "import sys, zscaler; print('zscaler.aio' in sys.modules, 'asyncio' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False"]
    code = "from zscaler import AsyncZscalerClient; print(AsyncZscalerClient.__module__)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "zscaler.aio.client"


@pytest.mark.parametrize("product,sync_name,header", [
    ("zia", "LegacyZIAClient", "cookie"), ("ztw", "LegacyZTWClient", "cookie"), ("zpa", "LegacyZPAClient", "authorization"),
    ("zcc", "LegacyZCCClient", "auth-token"), ("zdx", "LegacyZDXClient", "authorization"),
    ("zwa", "LegacyZWAClient", "authorization"),
])
async def test_every_async_legacy_client_logs_in_as_the_sync_one(sim, product, sync_name, header):
    import zscaler.aio
    import zscaler.oneapi_client

    sync_cls = getattr(zscaler.oneapi_client, sync_name)
    async_cls = getattr(zscaler.aio, "Async" + sync_name)
    assert async_cls._product == sync_cls._product == product
    sync_client = sync_cls(sim.legacy_config(product))
    sync_login = sim.requests[-1]
    sync_client.close()
    sim.clear_requests()
    async with async_cls(sim.legacy_config(product)) as client:
        provider = client.get_request_executor().provider
        assert provider.login_count == 1
        assert header in {k.lower() for k in provider.current() or {}}
    login = sim.requests[0]
    assert (login.method, login.path) == (sync_login.method, sync_login.path)


async def test_bulk_apply_async_over_the_async_client(sim):
    from zscaler import bulk

    async with AsyncZscalerClient(sim.oneapi_config()) as client:
        groups = client.zpa.segment_groups
        done = await bulk.apply_async(groups.add_group, [bulk.Args(name=f"b{i}", enabled=True) for i in range(30)]
                                      + [bulk.Args(name="")], workers=10)
        assert [o.value.name for o in done[:30]] == [f"b{i}" for i in range(30)]
        assert done[30].error is not None and [o.index for o in done.errors] == [30]
        _, resp, _ = await groups.list_groups(query_params={"page_size": 7})
        assert sorted(g.name for g in await resp.afetch_all()) == sorted(f"b{i}" for i in range(30))
    assert len(token_requests(sim)) == 1


async def test_many_hook_calls_at_once_on_a_fresh_client_do_not_starve_the_login(sim):
    """Hooks run in worker threads and wait on the loop; the token request they trigger runs in the
    client's own login thread, so 20 of them at once (more than the default thread pool) all finish."""
    async with AsyncZscalerClient(sim.oneapi_config()) as client:
        rules = client.zpa.policies
        answers = await asyncio.wait_for(
            asyncio.gather(*(rules.add_access_rule(name=f"r{i}", action="allow") for i in range(20))), 30)
        assert [err for _, _, err in answers] == [None] * 20
        assert sorted(r.name for r, _, _ in answers) == sorted(f"r{i}" for i in range(20))
    assert len(token_requests(sim)) == 1


async def test_reprs_name_the_async_classes_and_hold_no_secret(sim):
    config, legacy_config = sim.oneapi_config(), sim.legacy_config("zia")
    client = AsyncZscalerClient(config)
    legacy = AsyncLegacyZIAClient(legacy_config)
    _, resp, _ = await client.zpa.segment_groups.list_groups()
    texts = [repr(client), repr(legacy), repr(client.zpa.segment_groups), repr(resp)]
    assert [t.split()[0] for t in texts] == ["<AsyncZscalerClient", "<AsyncLegacyZIAClient", "<AsyncSegmentGroupsAPI",
                                             "<AsyncZscalerAPIResponse"]
    secrets = [config["clientSecret"], legacy_config["password"], legacy_config["api_key"]]
    assert not [s for s in secrets for t in texts if s in t]
    await client.close()
    await legacy.close()


def test_one_client_in_two_event_loops_one_after_the_other(simulator):
    simulator.reset()
    client = AsyncZscalerClient(simulator.oneapi_config())

    async def read() -> int:
        items, _, err = await client.zpa.segment_groups.list_groups()
        assert err is None
        return len(items)

    async def expire_and_read() -> int:
        simulator.expire_tokens()
        return await read()

    assert asyncio.run(read()) == asyncio.run(expire_and_read())
    asyncio.run(client.close())
