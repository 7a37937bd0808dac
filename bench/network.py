"""Benchmarks that model the real network (issue #17): this SDK and the official one, side by side.

    python bench/network.py                        # full run: loopback and 40 ms (about 10 minutes)
    python bench/network.py --quick --no-official  # tiny sizes, one run (CI smoke)
    python bench/network.py --markdown out.md --json out.json

The simulator runs in its own process (``python -m zscaler.simulator``) with its realistic
network: answers ``--latency`` late (default 40 ms; every run also repeats at 0 ms, loopback)
behind the gateway's per-client window (``5000/60s``, its real one), or 50 requests per second
for the creates. Each measurement is a fresh process (``bench/network_worker.py``) with the
interpreter of the client under test; the official SDK lives in ``.bench-venv-official``
(created by ``bench/run.py``'s helper when missing). Objects are seeded through the control
API, never created over HTTP; the 429 answers each client received are the simulator's own
count (``GET /_sim/network``), read after each measurement. See bench/README.md.

Workloads: (a) list 20,000 ZPA segment groups; (b) list 10,000 ZIA users (no page count);
(c) create 1,000 ZPA segment groups under a 50 requests/second limit; (d) read the segment
groups of 10 tenants (10 clients, 2,000 groups each) at once.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run as base  # noqa: E402  (bench/run.py: venvs, child environment, the simulator process)

WORKER = HERE / "network_worker.py"
A, B, C, D = ("(a) list ZPA segment groups", "(b) list ZIA users", "(c) create ZPA segment groups",
              "(d) every tenant at once")
GATEWAY_WINDOW = "5000/60s"


class Sim:
    """The simulator process and its control API."""

    def __init__(self, ours_py: str, src: str | None = None):
        argv = [ours_py, "-m", "zscaler.simulator", "--port", "0", "--json", "--tenant", "empty"]
        if src:  # the simulator of another checkout (its src/ first on the path), the clients unchanged
            argv = ["env", f"PYTHONPATH={Path(src).resolve() / 'src'}"] + argv
        self.proc = base.Proc(argv, "simulator")
        self.url = self.proc.info["url"]
        cfg = self.proc.info["oneapi"]
        self.spec = {"base": self.url, "token_url": cfg["tokenUrl"], "client_id": cfg["clientId"],
                     "client_secret": cfg["clientSecret"], "vanity": cfg["vanityDomain"],
                     "customer_id": cfg["customerId"]}

    def control(self, method: str, path: str, body: Any = None) -> Any:
        return base.http_json(method, self.url + "/_sim/" + path, body)

    def prepare(self, latency: float, sizes: dict[str, int], tenant_ids: list[str]) -> None:
        """A fresh state with the seeded objects, the latency and the gateway's window."""
        self.control("POST", "reset")
        self.control("POST", "network", {"latency": latency, "rate_limit": GATEWAY_WINDOW})
        self.control("POST", "seed", {"product": "zpa", "resource": "segment_groups", "count": sizes["zpa"]})
        self.control("POST", "seed", {"product": "zia", "resource": "user_management", "count": sizes["zia"]})
        for cid in tenant_ids:
            self.control("POST", "seed", {"product": "zpa", "resource": "segment_groups", "count": sizes["tenant"],
                                          "params": {"customerId": cid}})

    def stop(self) -> None:
        self.proc.stop()


def measure(py: str, spec: dict, sim: Sim) -> dict:
    """One measurement in a fresh process; ``throttled``: the 429s the simulator sent meanwhile."""
    sim.control("DELETE", "network/counters")
    r = subprocess.run([py, str(WORKER), json.dumps(spec)], capture_output=True, text=True, env=base.ENV,
                       cwd=str(base.ROOT), timeout=1800)
    if r.returncode != 0:
        raise RuntimeError(f"{spec['impl']} {spec['workload']} failed:\n{r.stderr[-3000:]}")
    out = json.loads(r.stdout.strip().splitlines()[-1])
    out["throttled"] = sim.control("GET", "network")["throttled"]
    return out


def _fmt_s(x: float) -> str:
    return f"{x * 1000:,.0f} ms" if x < 10 else f"{x:,.1f} s"


def run_latency(b: base.Bench, sim: Sim, clients: dict[str, str], latency: float, cfg: dict) -> None:
    """Every workload at one latency; one table."""
    sizes, runs = cfg["sizes"], cfg["runs"]
    tenant_ids = [str(900000000000000 + i) for i in range(sizes["tenants"])]
    sim.prepare(latency, sizes, tenant_ids)
    label = f"{latency * 1000:g} ms" if latency else "loopback (0 ms)"
    b.heading(f"Network workloads at {label}")
    common = {**sim.spec, "page_size": 500}
    plans = [
        (A, {**common, "workload": "list_zpa", "expect": sizes["zpa"]}, runs, None),
        (B, {**common, "workload": "list_zia", "page_size": 1000, "expect": sizes["zia"]}, runs, None),
        (D, {**common, "workload": "tenants", "tenants": tenant_ids, "expect": sizes["tenant"] * len(tenant_ids)},
         runs, None),
        (C, {**common, "workload": "create_zpa", "count": sizes["create"]}, cfg["create_runs"], "50/s"),
    ]
    if cfg["concurrency"]:  # this SDK alone, more pages in flight; compared with the official (a)
        more = {"pagination": {"concurrency": cfg["concurrency"]}}
        plans.insert(1, (f"{A}, pagination.concurrency={cfg['concurrency']}",
                         {**plans[0][1], "config": more}, runs, None))
    rows: list[list[str]] = []
    for name, spec, n, rate in plans:
        if rate:
            sim.control("POST", "network", {"rate_limit": rate})
        only_ours = "config" in spec
        results = _rounds(sim, {"ours": clients["ours"]} if only_ours else clients, spec, n, latency)
        b.results.setdefault(label, {})[name] = results
        if only_ours and "official" in b.results[label].get(A, {}):
            results = {**results, "official": b.results[label][A]["official"], "reference": []}
        rows.append(_row(b, name, results, latency, sizes))
    b.table(["workload", "this SDK", "official SDK", "official / this SDK", "429s received (this / official)",
             "how this SDK ran"], rows)


def _rounds(sim: Sim, clients: dict[str, str], spec: dict, n: int, latency: float) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {impl: [] for impl in clients}
    for r in range(n):
        for impl, py in clients.items():
            s = {**spec, "impl": impl, "prefix": f"bench-{impl}-{int(latency * 1000)}-{r}"}
            out[impl].append(measure(py, s, sim))
    return out


def _row(b: base.Bench, name: str, results: dict[str, list[dict]], latency: float, sizes: dict) -> list[str]:
    ours = base.median([r["seconds"] for r in results["ours"]])
    off = base.median([r["seconds"] for r in results.get("official", [])]) if results.get("official") else None
    ratio = base._ratio(off, ours) if off else None
    t429 = f"{sum(r['throttled'] for r in results['ours'])} / " + (
        str(sum(r["throttled"] for r in results["official"])) if off and "reference" not in results else "–")
    how = results["ours"][0].get("how", "fetch_all()")
    if name == C:
        bound = sizes["create"] / 50
        how += f"; bound {bound:g} s, {ours / bound:.2f}× it"
        errors = sum(r.get("errors", 0) for rs in results.values() for r in rs)
        if errors:
            how += f"; {errors} creates failed"
    if name == D:
        how += f"; {sizes['tenants']} tenants × {sizes['tenant']:,} groups"
    if latency:
        _verdicts(b, name, ours, ratio, results, sizes)
    return [name, _fmt_s(ours), _fmt_s(off) if off else "–", f"{ratio:.1f}×" if ratio else "–", t429, how]


def _verdicts(b: base.Bench, name: str, ours: float, ratio: float | None, results: dict, sizes: dict) -> None:
    if name == A:
        b.verdict(A, "≥ 8× faster than the official SDK at 40 ms", f"{ratio:.1f}×" if ratio else "–",
                  ratio >= 8 if ratio else None)
    elif name == C:
        bound = sizes["create"] / 50
        received = sum(r["throttled"] for r in results["ours"])
        b.verdict(C, f"≤ 1.2 × {bound:g} s and zero 429s", f"{ours:.1f} s ({ours / bound:.2f}×), {received} 429s",
                  ours <= 1.2 * bound and received == 0)
    elif name == D:
        b.verdict(D, "≥ 8× faster than the official SDK one after another", f"{ratio:.1f}×" if ratio else "–",
                  ratio >= 8 if ratio else None)


def _sizes(quick: bool) -> dict[str, int]:
    if quick:
        return {"zpa": 2_000, "zia": 1_000, "create": 50, "tenants": 3, "tenant": 600}
    return {"zpa": 20_000, "zia": 10_000, "create": 1_000, "tenants": 10, "tenant": 2_000}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="tiny sizes, one run each (CI smoke)")
    ap.add_argument("--no-official", action="store_true", help="skip the official SDK (no venv is created)")
    ap.add_argument("--runs", type=int, help="runs of (a), (b), (d) per client (default 3; --quick 1)")
    ap.add_argument("--create-runs", type=int, help="runs of (c) per client (default 1)")
    ap.add_argument("--latency", default="40ms", help="the added latency (default 40ms); loopback runs too")
    ap.add_argument("--concurrency", type=int, default=0, metavar="N",
                    help="add a row: (a) with this SDK's pagination.concurrency=N (the official column is (a)'s)")
    ap.add_argument("--no-loopback", action="store_true", help="only the added latency, not the 0 ms table")
    ap.add_argument("--simulator-src", metavar="CHECKOUT",
                    help="serve with the simulator of another checkout (git archive <commit> | tar -x -C DIR)")
    ap.add_argument("--markdown", metavar="PATH", help="also write the tables as Markdown")
    ap.add_argument("--json", metavar="PATH", help="also write every raw figure as JSON")
    args = ap.parse_args(argv)

    from zscaler.simulator.network import parse_duration

    latency = parse_duration(args.latency, "--latency")
    cfg = {"sizes": _sizes(args.quick), "runs": args.runs or (1 if args.quick else 3),
           "create_runs": args.create_runs or 1, "concurrency": args.concurrency}
    base.log("Zscaler SDK network benchmarks" + (" (quick)" if args.quick else ""))
    ours_py = base._ours_python()
    clients = {"ours": ours_py}
    if not args.no_official:
        official_py = base.ensure_venv(base.OFFICIAL_VENV, [[base.OFFICIAL_PIN], ["zscaler-sdk-python"]],
                                       "import zscaler.request_executor, zscaler.oneapi_oauth_client")
        if official_py:
            clients["official"] = official_py
        else:
            base.log("  the official SDK could not be installed: its columns are empty")
    env = base.environment(argparse.Namespace(before=None), ours_py, clients.get("official"), None,
                           base.version_of(clients["official"], "zscaler-sdk-python") if "official" in clients else "-")
    env["command"] = "python bench/network.py " + " ".join(sys.argv[1:] if argv is None else argv)
    env.pop("urllib3", None)
    for k, v in env.items():
        base.log(f"  {k}: {v}")
    b = base.Bench(args)
    b.md += ["## Environment", ""] + [f"* {k}: `{v}`" if k == "command" else f"* {k}: {v}" for k, v in env.items()]
    if args.simulator_src:
        b.md += [f"* simulator: from {args.simulator_src}", ""]
    b.md += [""]
    sim = Sim(ours_py, args.simulator_src)
    started = time.perf_counter()
    try:
        for lat in ([] if args.no_loopback else [0.0]) + [latency]:
            run_latency(b, sim, clients, lat, cfg)
    finally:
        sim.stop()
    b.heading("Targets")
    b.table(["workload", "target", "measured", "verdict"], [list(v) for v in b.verdicts])
    base.log(f"\n  total {time.perf_counter() - started:.0f} s")
    if args.markdown:
        Path(args.markdown).write_text("\n".join(b.md) + "\n")
    if args.json:
        Path(args.json).write_text(json.dumps({"environment": env, "results": b.results, "verdicts": b.verdicts},
                                              indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
