"""One measurement in a fresh process: ``python bench/worker.py '<json spec>'``.

Started by ``bench/run.py`` with the interpreter of the client under test (the project venv
for this SDK and httpx, the official SDK's own venv for it, the floor venv for urllib3).
Only the standard library is imported at module level, so the same file runs in every venv.
Prints one JSON line: the figures of this run.

Spec keys: ``impl`` (ours | official | httpx | urllib3), ``workload`` (pages | stream | get),
``mode`` (pages: next | iter), ``memory`` (none | tracemalloc), ``base`` (gateway URL),
``token_url``, ``client_id``, ``client_secret``, ``vanity``, ``customer_id``,
``page_size``, ``expect`` (items expected), ``ids_file`` + ``count`` (get).

Setup, the token fetch and one warm-up call happen before the timed region in every case.
"""

from __future__ import annotations

import gc
import json
import resource
import sys
import time


def _maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: kilobytes


class _Meter:
    """Wall time of the timed region, ru_maxrss growth, and (on request) the tracemalloc peak."""

    def __init__(self, memory: str) -> None:
        self.memory = memory
        self.out: dict = {}

    def __enter__(self):
        gc.collect()
        self.rss0 = _maxrss_mb()
        if self.memory == "tracemalloc":
            import tracemalloc

            tracemalloc.start()
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.out["seconds"] = time.perf_counter() - self.t0
        if self.memory == "tracemalloc":
            import tracemalloc

            cur, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            self.out["tracemalloc_peak_mb"] = peak / 1e6
        self.out["maxrss_delta_mb"] = _maxrss_mb() - self.rss0
        return False


# ----------------------------------------------------------------------------- clients

def _ours(spec):
    from zscaler import ZscalerClient

    cfg = {"clientId": spec["client_id"], "clientSecret": spec["client_secret"], "vanityDomain": spec["vanity"],
           "customerId": spec["customer_id"], "apiBaseUrl": spec["base"], "tokenUrl": spec["token_url"]}
    return ZscalerClient(cfg)


def _official(spec):
    # The official SDK has no base-URL option: point its gateway constant and token URL builder
    # at the benchmark server, in this process only.
    import zscaler.oneapi_oauth_client as oauth
    import zscaler.request_executor as rex

    rex.RequestExecutor.BASE_URL = spec["base"]
    token_url = spec["token_url"]
    oauth.OAuth._get_auth_url = lambda self, vanity, cloud: token_url
    from zscaler import ZscalerClient

    cfg = {"clientId": spec["client_id"], "clientSecret": spec["client_secret"], "vanityDomain": spec["vanity"],
           "customerId": spec["customer_id"]}
    return ZscalerClient(cfg)


def _collection(spec) -> str:
    return f"/zpa/mgmtconfig/v1/admin/customers/{spec['customer_id']}/segmentGroup"


class _RawHttpx:
    """The floor with httpx: one pooled client, json.loads on the body, nothing else."""

    def __init__(self, spec):
        import httpx

        self.httpx = httpx
        tok = httpx.post(spec["token_url"], data=_token_form(spec)).json()["access_token"]
        self.client = httpx.Client(base_url=spec["base"], headers={"Authorization": f"Bearer {tok}",
                                                                   "Accept": "application/json"})

    def get(self, path, params=None):
        r = self.client.get(path, params=params)
        if r.status_code != 200:
            raise RuntimeError(f"HTTP {r.status_code} {path}")
        return json.loads(r.content)

    def close(self):
        self.client.close()


class _RawUrllib3:
    """The floor with urllib3: one connection pool, json.loads on the body, nothing else."""

    def __init__(self, spec):
        import urllib3
        from urllib.parse import urlsplit

        u = urlsplit(spec["base"])
        pm = urllib3.PoolManager()
        r = pm.request("POST", spec["token_url"], fields=_token_form(spec), encode_multipart=False)
        tok = json.loads(r.data)["access_token"]
        pm.clear()
        self.pool = urllib3.HTTPConnectionPool(u.hostname, u.port, maxsize=1)
        self.headers = {"Authorization": f"Bearer {tok}", "Accept": "application/json"}

    def get(self, path, params=None):
        r = self.pool.request("GET", path, fields=params, headers=self.headers)
        if r.status != 200:
            raise RuntimeError(f"HTTP {r.status} {path}")
        return json.loads(r.data)

    def close(self):
        self.pool.close()


def _token_form(spec):
    return {"grant_type": "client_credentials", "client_id": spec["client_id"],
            "client_secret": spec["client_secret"], "audience": "https://api.zscaler.com"}


# ----------------------------------------------------------------------------- workloads

def pages(spec) -> dict:
    """Every item of every page, kept in a list (what "fetch them all" code does)."""
    impl, size, mode = spec["impl"], spec["page_size"], spec.get("mode", "next")
    meter = _Meter(spec.get("memory", "none"))
    if impl in ("ours", "official"):
        client = _ours(spec) if impl == "ours" else _official(spec)
        with client as c:
            groups = c.zpa.segment_groups
            _, _, err = groups.list_groups(query_params={"page_size": size})  # warm-up: token, connection
            if err:
                raise err
            with meter:
                if mode == "iter":
                    _, resp, err = groups.list_groups(query_params={"page_size": size})
                    if err:
                        raise err
                    everything = list(resp.iter_all())
                else:
                    items, resp, err = groups.list_groups(query_params={"page_size": size})
                    if err:
                        raise err
                    everything = list(items)
                    while resp.has_next():
                        items, resp, err = resp.next()
                        if err:
                            raise err
                        everything.extend(items or ())
            n = len(everything)
            del everything
    else:
        raw = _RawHttpx(spec) if impl == "httpx" else _RawUrllib3(spec)
        path = _collection(spec)
        raw.get(path, {"page": 1, "pagesize": size})
        with meter:
            everything, page = [], 1
            while True:
                body = raw.get(path, {"page": page, "pagesize": size})
                everything.extend(body.get("list", ()))
                if page >= int(body.get("totalPages") or 1):
                    break
                page += 1
        n = len(everything)
        del everything
        raw.close()
    return {**meter.out, "items": n}


def stream(spec) -> dict:
    """Every item of every page, looked at once and dropped (memory must not grow with the size)."""
    impl, size, mode = spec["impl"], spec["page_size"], spec.get("mode", "iter")
    meter = _Meter(spec.get("memory", "tracemalloc"))
    n = 0
    if impl in ("ours", "official"):
        client = _ours(spec) if impl == "ours" else _official(spec)
        with client as c:
            groups = c.zpa.segment_groups
            groups.list_groups(query_params={"page_size": size})
            with meter:
                items, resp, err = groups.list_groups(query_params={"page_size": size})
                if err:
                    raise err
                if mode == "iter":
                    del items
                    for _item in resp.iter_all():
                        n += 1
                else:
                    n = len(items)
                    del items
                    while resp.has_next():
                        items, resp, err = resp.next()
                        if err:
                            raise err
                        n += len(items or ())
                        del items
                del resp
    else:
        raw = _RawHttpx(spec) if impl == "httpx" else _RawUrllib3(spec)
        path = _collection(spec)
        raw.get(path, {"page": 1, "pagesize": size})
        with meter:
            page = 1
            while True:
                body = raw.get(path, {"page": page, "pagesize": size})
                n += len(body.get("list", ()))
                if page >= int(body.get("totalPages") or 1):
                    break
                page += 1
                del body
        raw.close()
    return {**meter.out, "items": n}


def get(spec) -> dict:
    """``count`` sequential get-by-id calls, every id a different object."""
    impl = spec["impl"]
    with open(spec["ids_file"]) as f:
        ids = json.load(f)[: spec["count"] + 1]
    warm, ids = ids[0], ids[1:]
    meter = _Meter(spec.get("memory", "none"))
    if impl in ("ours", "official"):
        client = _ours(spec) if impl == "ours" else _official(spec)
        with client as c:
            groups = c.zpa.segment_groups
            obj, _, err = groups.get_group(warm)
            if err:
                raise err
            with meter:
                for i in ids:
                    obj, _, err = groups.get_group(i)
                    if err:
                        raise err
            last = obj.id
    else:
        raw = _RawHttpx(spec) if impl == "httpx" else _RawUrllib3(spec)
        base = _collection(spec) + "/"
        raw.get(base + warm)
        with meter:
            for i in ids:
                obj = raw.get(base + i)
        last = obj["id"]
        raw.close()
    if str(last) != str(ids[-1]):
        raise RuntimeError(f"wrong object: {last} != {ids[-1]}")
    return {**meter.out, "requests": len(ids), "rps": len(ids) / meter.out["seconds"]}


WORKLOADS = {"pages": pages, "stream": stream, "get": get}


def main() -> int:
    spec = json.loads(sys.argv[1])
    out = WORKLOADS[spec["workload"]](spec)
    if "expect" in spec and out.get("items") != spec["expect"]:
        raise RuntimeError(f"{spec['impl']} got {out.get('items')} items, expected {spec['expect']}")
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
