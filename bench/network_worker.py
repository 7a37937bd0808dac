"""One network-benchmark measurement in a fresh process: ``python bench/network_worker.py '<json spec>'``.

Started by ``bench/network.py`` with the interpreter of the client under test (the project venv
for this SDK, ``.bench-venv-official`` for the official SDK). Only the standard library is
imported at module level, so the same file runs in both. Prints one JSON line.

Spec keys: ``impl`` (ours | official), ``workload`` (list_zpa | list_zia | create_zpa | tenants),
``base``, ``token_url``, ``client_id``, ``client_secret``, ``vanity``, ``customer_id``,
``page_size``, ``expect`` (items expected), ``count`` and ``prefix`` (create_zpa),
``tenants`` (customer ids: tenants), ``workers`` (this SDK's threads where it needs threads),
``config`` (more configuration of this SDK's client: ``{"pagination": {"concurrency": 16}}``).

This SDK runs the way issue #17 makes it fast: listings with ``resp.fetch_all()`` (else
``iter_all()``; later pages fetched concurrently where the page count is known), creates through
``zscaler.bulk.apply`` when present (else a thread pool; the client-side rate limiter keeps both
under the gateway's limit), tenants with
``AsyncZscalerClient`` when present (else one thread per tenant). The official SDK runs its
natural way: one request after another, its own ``has_next()``/``next()`` pagination.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any, Callable


# ----------------------------------------------------------------------------- clients

def _config(spec: dict, customer_id: str | None = None, *, official: bool = False) -> dict:
    cfg = {"clientId": spec["client_id"], "clientSecret": spec["client_secret"], "vanityDomain": spec["vanity"],
           "customerId": customer_id or spec["customer_id"]}
    if not official:
        cfg.update(apiBaseUrl=spec["base"], tokenUrl=spec["token_url"], **spec.get("config", {}))
    return cfg


def _official_module(spec: dict) -> Any:
    # The official SDK has no base-URL option: point its gateway constant and token URL builder
    # at the simulator, in this process only (as bench/worker.py does).
    import zscaler.oneapi_oauth_client as oauth
    import zscaler.request_executor as rex

    rex.RequestExecutor.BASE_URL = spec["base"]
    token_url = spec["token_url"]
    oauth.OAuth._get_auth_url = lambda self, vanity, cloud: token_url
    import zscaler

    return zscaler


def _client(spec: dict, customer_id: str | None = None) -> Any:
    if spec["impl"] == "official":
        return _official_module(spec).ZscalerClient(_config(spec, customer_id, official=True))
    from zscaler import ZscalerClient

    return ZscalerClient(_config(spec, customer_id))


def _check(err: Any) -> None:
    if err:
        raise err if isinstance(err, BaseException) else RuntimeError(str(err))


def _every_item_official(first: Any, resp: Any) -> list:
    """The official SDK's own pagination: ``has_next()``/``next()``, one page after another."""
    items = list(first or ())
    while resp.has_next():
        page, resp, err = resp.next()
        _check(err)
        items.extend(page or ())
    return items


def _every_item(spec: dict, call: Callable[[], tuple]) -> list:
    first, resp, err = call()
    _check(err)
    if spec["impl"] == "official":
        return _every_item_official(first, resp)
    if hasattr(resp, "fetch_all"):  # the "all pages" call (issue #17): later pages fetched concurrently
        return resp.fetch_all()
    return list(resp.iter_all())


# ----------------------------------------------------------------------------- workloads

def list_zpa(spec: dict) -> dict:
    """Every ZPA segment group (a listing that tells its page count)."""
    with _client(spec) as c:
        groups = c.zpa.segment_groups
        _check(groups.list_groups(query_params={"page_size": 1})[2])  # warm-up: token, connection
        t0 = time.perf_counter()
        items = _every_item(spec, lambda: groups.list_groups(query_params={"page_size": spec["page_size"]}))
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "items": len(items)}


def list_zia(spec: dict) -> dict:
    """Every ZIA user (a listing without a page count: the end is a short page)."""
    with _client(spec) as c:
        users = c.zia.user_management
        _check(users.list_users(query_params={"page_size": 1})[2])
        t0 = time.perf_counter()
        items = _every_item(spec, lambda: users.list_users(query_params={"page_size": spec["page_size"]}))
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "items": len(items)}


def create_zpa(spec: dict) -> dict:
    """``count`` ZPA segment groups created; ``errors`` counts the creates that failed."""
    names = [f"{spec['prefix']}-{i:05d}" for i in range(spec["count"])]
    with _client(spec) as c:
        groups = c.zpa.segment_groups
        _check(groups.list_groups(query_params={"page_size": 1})[2])
        t0 = time.perf_counter()
        if spec["impl"] == "official":
            errors = sum(1 for n in names if groups.add_group(name=n, enabled=True)[2] is not None)
            how = "one after another"
        else:
            errors, how = _create_ours(groups, names, spec.get("workers", 8))
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "items": len(names) - errors, "errors": errors, "how": how}


def _create_ours(groups: Any, names: list[str], workers: int) -> tuple[int, str]:
    try:
        from zscaler import bulk  # issue #17 item 5; absent in older checkouts
    except ImportError:
        bulk = None
    if bulk is not None and hasattr(bulk, "apply") and hasattr(bulk, "Args"):
        done = bulk.apply(groups.add_group, [bulk.Args(name=n, enabled=True) for n in names], workers=workers)
        return sum(1 for o in done if o.error is not None), f"zscaler.bulk.apply, {workers} workers"
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(workers) as pool:
        results = list(pool.map(lambda n: groups.add_group(name=n, enabled=True), names))
    return sum(1 for r in results if _failed(r)), f"{workers} threads (no zscaler.bulk)"


def _failed(result: Any) -> bool:
    """A bulk result or a ``(result, response, error)`` tuple that carries an error."""
    err = getattr(result, "error", None)
    if err is None and isinstance(result, tuple) and len(result) == 3:
        err = result[2]
    return err is not None or isinstance(result, BaseException)


def tenants(spec: dict) -> dict:
    """Every segment group of every tenant (one client per tenant), client set-up and logins included
    (modules imported before: see :func:`_preload`)."""
    ids = spec["tenants"]
    _preload(spec)
    t0 = time.perf_counter()
    if spec["impl"] == "official":
        counts, how = [_tenant_sync(spec, cid) for cid in ids], "one after another"
    else:
        counts, how = _tenants_ours(spec, ids)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "items": sum(counts), "how": how}


def _preload(spec: dict) -> None:
    """What a running program has already imported (both SDKs' modules, this SDK's ZPA binding), so
    that the timed region holds the clients, their logins and their requests, not a cold import."""
    if spec["impl"] == "official":
        _official_module(spec)
        return
    import httpx  # noqa: F401
    from zscaler import binding

    binding.resource_class("zpa", "segment_groups")
    try:
        import zscaler.aio.client  # noqa: F401
    except ImportError:
        pass


def _tenant_sync(spec: dict, customer_id: str) -> int:
    with _client(spec, customer_id) as c:
        groups = c.zpa.segment_groups
        return len(_every_item(spec, lambda: groups.list_groups(query_params={"page_size": spec["page_size"]})))


def _tenants_ours(spec: dict, ids: list[str]) -> tuple[list[int], str]:
    try:
        from zscaler import AsyncZscalerClient
    except ImportError:
        AsyncZscalerClient = None
    if AsyncZscalerClient is None:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(len(ids)) as pool:
            return list(pool.map(lambda cid: _tenant_sync(spec, cid), ids)), "one thread per tenant (no async client)"
    import asyncio

    async def one(cid: str) -> int:
        async with AsyncZscalerClient(_config(spec, cid)) as c:
            first, resp, err = await c.zpa.segment_groups.list_groups(query_params={"page_size": spec["page_size"]})
            _check(err)
            return len([item async for item in resp.aiter_all()])

    async def every() -> list[int]:
        return list(await asyncio.gather(*(one(cid) for cid in ids)))

    return asyncio.run(every()), "AsyncZscalerClient, asyncio.gather"


WORKLOADS = {"list_zpa": list_zpa, "list_zia": list_zia, "create_zpa": create_zpa, "tenants": tenants}


def main() -> int:
    spec = json.loads(sys.argv[1])
    out = WORKLOADS[spec["workload"]](spec)
    if "expect" in spec and out.get("items") != spec["expect"]:
        raise RuntimeError(f"{spec['impl']} {spec['workload']}: {out.get('items')} items, expected {spec['expect']}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
