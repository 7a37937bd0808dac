"""Side-by-side benchmarks: this SDK, the official SDK, raw httpx and raw urllib3.

    python bench/run.py                       # full run (about 5 minutes on 2 cores)
    python bench/run.py --quick --no-official # tiny sizes, no official SDK (CI smoke)
    python bench/run.py --markdown out.md --json out.json

Every measurement runs in a fresh child process (``bench/worker.py``) with the interpreter of
the client under test; the simulator (``python -m zscaler.simulator``) and the replay server
(``bench/replay_server.py``) run as separate processes, so neither shares the client's GIL.
The official SDK lives in its own virtual environment (``.bench-venv-official``), urllib3 in
``.bench-venv-floor``; both are created here when missing. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORKER = HERE / "worker.py"
OFFICIAL_VENV = ROOT / ".bench-venv-official"
FLOOR_VENV = ROOT / ".bench-venv-floor"
OFFICIAL_PIN = "zscaler-sdk-python==1.11.3"

W1 = "[W1] cold import"
W2 = "[W2] list every page"
W3 = "[W3] lazy iterator memory"
W4 = "[W4] get by id"
W5 = "[W5] simulator throughput"
#: rows of another checkout of this SDK (``--before PYTHON``: an interpreter that imports it)
BEFORE = "this SDK before"


# ----------------------------------------------------------------------------- helpers

def log(msg: str = "") -> None:
    print(msg, flush=True)


def _ours_python() -> str:
    """An interpreter that imports this SDK: this one, or the project venv's."""
    try:
        import zscaler  # noqa: F401

        return sys.executable
    except ImportError:
        venv = ROOT / ".venv" / "bin" / "python"
        if venv.exists():
            return str(venv)
        raise SystemExit("this SDK is not importable: run with the project venv (.venv/bin/python bench/run.py)") from None


def _base_python() -> str:
    """The CPython the project venv is built on, so every venv runs the same interpreter build."""
    for cand in (Path(sys.base_prefix) / "bin" / f"python{sys.version_info[0]}.{sys.version_info[1]}",
                 Path(sys.base_prefix) / "bin" / "python3"):
        if cand.exists():
            return str(cand)
    return shutil.which("python3") or sys.executable


def _child_env() -> dict:
    env = {k: v for k, v in os.environ.items()
           if not re.match(r"(ZSCALER|ZIA|ZPA|ZCC|ZDX|ZTW|ZWA|ZINS|ZMS)_", k)
           and k.lower() not in ("http_proxy", "https_proxy", "all_proxy")}
    env["NO_PROXY"] = env["no_proxy"] = "127.0.0.1,localhost"
    env.pop("PYTHONPATH", None)
    return env


ENV = _child_env()


def ensure_venv(path: Path, packages: list[list[str]], probe: str) -> str | None:
    """Create ``path`` with the first installable package set; return its python or None."""
    py = path / "bin" / "python"
    if py.exists() and subprocess.run([str(py), "-c", probe], env=ENV, capture_output=True).returncode == 0:
        return str(py)
    log(f"  creating {path.name} ...")
    if not py.exists():
        subprocess.run([_base_python(), "-m", "venv", str(path)], check=True, env=ENV)
    for pkgs in packages:
        r = subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", *pkgs],
                           env=ENV, capture_output=True, text=True)
        if r.returncode == 0:
            return str(py)
        log(f"  pip install {' '.join(pkgs)} failed: {r.stderr.strip().splitlines()[-1:]}")
    return None


def version_of(py: str, dist: str) -> str:
    r = subprocess.run([py, "-c", f"import importlib.metadata as m; print(m.version({dist!r}))"],
                       env=ENV, capture_output=True, text=True)
    return r.stdout.strip() or "?"


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def spread(xs, fmt="{:.3f}"):
    return f"{fmt.format(min(xs))}–{fmt.format(max(xs))}" if xs else "-"


def http_json(method: str, url: str, body=None, headers=None):
    data = json.dumps(body).encode() if isinstance(body, (dict, list)) else body
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read() or b"null")


def environment(args, ours_py, official_py, floor_py, official_version) -> dict:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = "?"
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": "python bench/run.py " + " ".join(shlex.quote(a) for a in sys.argv[1:]),
        "cpu": cpu, "cores": os.cpu_count(),
        "python": platform.python_version(), "implementation": platform.python_implementation(),
        "os": f"{platform.system()} {platform.release()}",
        "this_sdk": f"zscaler-sdk-ng {version_of(ours_py, 'zscaler-sdk-ng')} (git {commit})",
        "official_sdk": f"zscaler-sdk-python {official_version}" if official_py else "skipped (--no-official)",
        "httpx": version_of(ours_py, "httpx"),
        "urllib3": version_of(floor_py, "urllib3") if floor_py else "unavailable",
        "requests (official SDK transport)": version_of(official_py, "requests") if official_py else "-",
        **({"before (--before)": f"{args.before}: zscaler-sdk-ng {version_of(args.before, 'zscaler-sdk-ng')}"}
           if args.before else {}),
    }


# ----------------------------------------------------------------------------- servers

class Proc:
    """A child process that prints one JSON line when it is ready."""

    def __init__(self, argv: list[str], what: str):
        self.what = what
        self.p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV,
                                  cwd=str(ROOT))
        line = self.p.stdout.readline()
        if not line:
            err = self.p.stderr.read()
            raise SystemExit(f"{what} did not start:\n{err}")
        self.info = json.loads(line)

    def stop(self) -> None:
        if self.p.poll() is None:
            self.p.terminate()
            try:
                self.p.wait(10)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()


def token(cfg: dict) -> str:
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": cfg["clientId"],
                                   "client_secret": cfg["clientSecret"], "audience": "https://api.zscaler.com"})
    req = urllib.request.Request(cfg["tokenUrl"], data=form.encode(),
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req) as r:
        return json.loads(r.read())["access_token"]


def collection_ids(sim_url: str, cfg: dict, count: int) -> list[str]:
    tok = token(cfg)
    ids: list[str] = []
    page = 1
    while len(ids) < count:
        body = http_json("GET", f"{sim_url}/zpa/mgmtconfig/v1/admin/customers/{cfg['customerId']}/segmentGroup"
                                f"?page={page}&pagesize=500", headers={"Authorization": f"Bearer {tok}"})
        if not body.get("list"):
            break
        ids += [i["id"] for i in body["list"]]
        page += 1
    return ids[:count]


# ----------------------------------------------------------------------------- measuring

class Bench:
    def __init__(self, args):
        self.args = args
        self.results: dict = {}
        self.md: list[str] = []
        self.verdicts: list[tuple[str, str, str, str]] = []

    def worker(self, py: str, spec: dict) -> dict:
        r = subprocess.run([py, str(WORKER), json.dumps(spec)], capture_output=True, text=True, env=ENV,
                           cwd=str(ROOT), timeout=900)
        if r.returncode != 0:
            raise RuntimeError(f"worker {spec['impl']}/{spec['workload']} failed:\n{r.stderr[-3000:]}")
        return json.loads(r.stdout.strip().splitlines()[-1])

    def rounds(self, runs: int, variants: dict[str, tuple[str, dict]]) -> dict[str, list[dict]]:
        """``runs`` rounds; each round runs every variant once (interleaved, so drift hits all alike)."""
        out: dict[str, list[dict]] = {k: [] for k in variants}
        for _ in range(runs):
            for name, (py, spec) in variants.items():
                out[name].append(self.worker(py, spec))
        return out

    def verdict(self, workload: str, what: str, value: str, ok: bool | None) -> str:
        v = "n/a" if ok is None else ("met" if ok else "missed")
        self.verdicts.append((workload, what, value, v))
        return v

    def table(self, header: list[str], rows: list[list[str]]) -> None:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        for line in lines:
            log("  " + line)
        self.md += lines + [""]

    def para(self, text: str) -> None:
        log("  " + text)
        self.md += [text, ""]

    def heading(self, text: str) -> None:
        log("")
        log(text)
        self.md += [f"### {text}", ""]


def _ratio(a: float, b: float) -> float:
    return a / b if b else float("nan")


def run_imports(b: Bench, ours_py: str, official_py: str | None, runs: int, before_py: str | None = None) -> None:
    b.heading(W1)
    cmds = {"ours: pass": (ours_py, "pass"), "ours: import zscaler": (ours_py, "import zscaler"),
            "ours: from zscaler import ZscalerClient": (ours_py, "from zscaler import ZscalerClient")}
    if before_py:
        cmds.update({"before: pass": (before_py, "pass"), "before: import zscaler": (before_py, "import zscaler"),
                     "before: from zscaler import ZscalerClient": (before_py, "from zscaler import ZscalerClient")})
    if official_py:
        cmds.update({"official: pass": (official_py, "pass"), "official: import zscaler": (official_py, "import zscaler"),
                     "official: from zscaler import ZscalerClient": (official_py, "from zscaler import ZscalerClient")})
    for py, code in cmds.values():  # untimed: writes the .pyc files, warms the page cache
        subprocess.run([py, "-c", code], env=ENV, check=True)
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for name, (py, code) in cmds.items():
            t0 = time.perf_counter()
            subprocess.run([py, "-c", code], env=ENV, check=True)
            times[name].append(time.perf_counter() - t0)
    base = {who: median(times.get(f"{who}: pass", [0])) for who in ("ours", "official", "before")}
    rows, res = [], {}
    for name, ts in times.items():
        who = name.split(":")[0]
        net = median(ts) - (0 if name.endswith("pass") else base[who])
        res[name] = {"median_s": median(ts), "net_s": net, "runs": ts}
        rows.append([name.replace(": ", ": `", 1) + "`", f"{median(ts) * 1e3:.1f}", spread([t * 1e3 for t in ts], "{:.0f}"),
                     "-" if name.endswith("pass") else f"{net * 1e3:.1f}"])
    b.table(["command (`python -c ...`)", "median wall ms", "range ms", "minus `pass`, ms"], rows)
    if official_py:
        r1 = _ratio(res["ours: import zscaler"]["net_s"], res["official: import zscaler"]["net_s"])
        r2 = _ratio(res["ours: from zscaler import ZscalerClient"]["net_s"],
                    res["official: from zscaler import ZscalerClient"]["net_s"])
        v = b.verdict(W1, "`import zscaler` ≤ 1/3 of official", f"{r1:.3f}× official ({1 / r1:.0f}× faster)", r1 <= 1 / 3)
        b.para(f"`import zscaler`: this SDK takes **{r1:.3f}×** the official SDK's time (target ≤ 0.333×: **{v}**). "
               f"`from zscaler import ZscalerClient`: {r2:.2f}× the official's (no target; what real code imports).")
    else:
        b.verdict(W1, "`import zscaler` ≤ 1/3 of official", "official skipped", None)
    b.para(f"{runs} fresh processes per command, interleaved; warm OS cache and .pyc files.")
    b.results["import"] = res


def _pages_variants(ctx, base_url: str, n: int, memory: str = "none") -> dict:
    common = dict(ctx["creds"], base=base_url, token_url=base_url + "/oauth2/v1/token", page_size=500, expect=n,
                  workload="pages", memory=memory)
    v = {"this SDK, has_next()/next()": (ctx["ours_py"], {**common, "impl": "ours", "mode": "next"}),
         "this SDK, iter_all()": (ctx["ours_py"], {**common, "impl": "ours", "mode": "iter"})}
    if ctx["before_py"]:
        v[BEFORE + ", has_next()/next()"] = (ctx["before_py"], {**common, "impl": "ours", "mode": "next"})
        v[BEFORE + ", iter_all()"] = (ctx["before_py"], {**common, "impl": "ours", "mode": "iter"})
    if ctx["official_py"]:
        v["official SDK, has_next()/next()"] = (ctx["official_py"], {**common, "impl": "official", "mode": "next"})
    v["raw httpx + json.loads"] = (ctx["ours_py"], {**common, "impl": "httpx"})
    if ctx["floor_py"]:
        v["raw urllib3 + json.loads"] = (ctx["floor_py"], {**common, "impl": "urllib3"})
    return v


def run_pages(b: Bench, ctx: dict, n: int, runs: int, mem_runs: int) -> None:
    b.heading(W2)
    b.para(f"{n:,} ZPA segment groups, page size 500 ({-(-n // 500)} requests), every item kept in a list. "
           f"Token fetch and one warm-up call before the timed region. Median of {runs} fresh processes per row.")
    out = {}
    for backend, url in ctx["backends"].items():
        timing = b.rounds(runs, _pages_variants(ctx, url, n))
        mem = b.rounds(mem_runs, _pages_variants(ctx, url, n, memory="tracemalloc")) if mem_runs else {}
        med = {k: median([r["seconds"] for r in rs]) for k, rs in timing.items()}
        off = med.get("official SDK, has_next()/next()")
        floor = med.get("raw urllib3 + json.loads")
        rows = []
        for k, rs in timing.items():
            secs = [r["seconds"] for r in rs]
            rss = median([r["maxrss_delta_mb"] for r in rs])
            tm = median([r["tracemalloc_peak_mb"] for r in mem.get(k, [])]) if mem.get(k) else float("nan")
            rows.append([k, f"{med[k] * 1e3:.1f}", spread([s * 1e3 for s in secs], "{:.0f}"),
                         f"{n / med[k]:,.0f}", f"{tm:.1f}", f"{rss:.1f}",
                         f"{off / med[k]:.2f}×" if off else "-", f"{med[k] / floor:.2f}×" if floor else "-"])
        b.para(f"**Backend: {backend}**")
        b.table(["client", "median ms", "range ms", "items/s", "tracemalloc peak MB", "ru_maxrss Δ MB",
                 "speed-up vs official", "time vs urllib3"], rows)
        for k in ("this SDK, has_next()/next()", "this SDK, iter_all()"):
            tag = k.rsplit(", ", 1)[1]
            if off:
                r = off / med[k]
                b.verdict(W2, f"{tag} ≥ 6× official ({backend})", f"{r:.2f}×", r >= 6)
            if floor:
                r = med[k] / floor
                b.verdict(W2, f"{tag} ≤ 1.5× urllib3 ({backend})", f"{r:.2f}×", r <= 1.5)
        out[backend] = {"timing": timing, "memory": mem, "median_s": med}
    b.results["pages"] = out


def run_gets(b: Bench, ctx: dict, count: int, runs: int) -> None:
    b.heading(W4)
    b.para(f"{count:,} sequential `get_group(id)` calls, each a different object (no cache in either SDK). "
           f"Token and one warm-up call before the timed region. Median of {runs} fresh processes per row.")
    out = {}
    for backend, url in ctx["backends"].items():
        common = dict(ctx["creds"], base=url, token_url=url + "/oauth2/v1/token", workload="get",
                      ids_file=ctx["ids_file"], count=count)
        v = {"this SDK": (ctx["ours_py"], {**common, "impl": "ours"})}
        if ctx["before_py"]:
            v[BEFORE] = (ctx["before_py"], {**common, "impl": "ours"})
        if ctx["official_py"]:
            v["official SDK"] = (ctx["official_py"], {**common, "impl": "official"})
        v["raw httpx + json.loads"] = (ctx["ours_py"], {**common, "impl": "httpx"})
        if ctx["floor_py"]:
            v["raw urllib3 + json.loads"] = (ctx["floor_py"], {**common, "impl": "urllib3"})
        res = b.rounds(runs, v)
        rps = {k: median([r["rps"] for r in rs]) for k, rs in res.items()}
        off = rps.get("official SDK")
        rows = [[k, f"{rps[k]:,.0f}", spread([r["rps"] for r in rs], "{:,.0f}"), f"{1e6 / rps[k]:.0f}",
                 f"{rps[k] / off:.2f}×" if off else "-"] for k, rs in res.items()]
        b.para(f"**Backend: {backend}**")
        b.table(["client", "median req/s", "range req/s", "µs per call", "vs official"], rows)
        if off:
            r = rps["this SDK"] / off
            b.verdict(W4, f"≥ 2.5× official req/s ({backend})", f"{r:.2f}×", r >= 2.5)
        out[backend] = {"runs": res, "median_rps": rps}
    b.results["get"] = out


def run_stream(b: Bench, ctx: dict, sizes: tuple[int, int], runs: int, seeded: int) -> None:
    b.heading(W3)
    small, large = sizes
    url = ctx["sim_url"]
    out: dict = {}
    rows_by_variant: dict[str, dict[int, list[dict]]] = {}
    have = seeded
    for size in sizes:
        if have < size:
            http_json("POST", url + "/_sim/seed", {"product": "zpa", "resource": "segment_groups", "count": size - have})
            have = size
        common = dict(ctx["creds"], base=url, token_url=url + "/oauth2/v1/token", page_size=500, expect=size,
                      workload="stream", memory="tracemalloc")
        v = {"this SDK, iter_all()": (ctx["ours_py"], {**common, "impl": "ours", "mode": "iter"}),
             "this SDK, has_next()/next()": (ctx["ours_py"], {**common, "impl": "ours", "mode": "next"})}
        if ctx["official_py"]:
            v["official SDK, has_next()/next()"] = (ctx["official_py"], {**common, "impl": "official", "mode": "next"})
        v["raw httpx + json.loads"] = (ctx["ours_py"], {**common, "impl": "httpx"})
        if ctx["floor_py"]:
            v["raw urllib3 + json.loads"] = (ctx["floor_py"], {**common, "impl": "urllib3"})
        for k, rs in b.rounds(runs, v).items():
            rows_by_variant.setdefault(k, {})[size] = rs
    rows = []
    for k, by in rows_by_variant.items():
        p = {s: median([r["tracemalloc_peak_mb"] for r in by[s]]) for s in sizes}
        rss = {s: median([r["maxrss_delta_mb"] for r in by[s]]) for s in sizes}
        rows.append([k, f"{p[small]:.2f}", f"{p[large]:.2f}", f"{p[large] - p[small]:+.2f}",
                     f"{rss[small]:.1f}", f"{rss[large]:.1f}"])
        out[k] = {"tracemalloc_peak_mb": p, "maxrss_delta_mb": rss, "runs": by}
    b.para(f"Iterate {small:,} and then {large:,} segment groups (simulator backend, page size 500) without "
           f"keeping them; tracemalloc started after the warm-up call, peak read at the end. "
           f"Median of {runs} fresh processes.")
    b.table(["client", f"peak MB @ {small:,}", f"peak MB @ {large:,}", "growth MB", f"ru_maxrss Δ MB @ {small:,}",
             f"ru_maxrss Δ MB @ {large:,}"], rows)
    g = out["this SDK, iter_all()"]["tracemalloc_peak_mb"]
    growth = g[large] - g[small]
    v = b.verdict(W3, f"iter_all() peak growth {small:,} → {large:,} ≤ 10 MB", f"{growth:+.2f} MB", growth <= 10)
    b.para(f"`iter_all()` peak grows by **{growth:+.2f} MB** from {small:,} to {large:,} items (target ≤ 10 MB: **{v}**).")
    b.results["stream"] = out


def run_sim_throughput(b: Bench, ctx: dict, seconds: float) -> None:
    b.heading(W5)
    script = HERE / "sim_throughput.py"
    if not script.exists():
        b.para("bench/sim_throughput.py is missing: skipped.")
        return
    r = subprocess.run([ctx["ours_py"], str(script), "--seconds", str(seconds)], capture_output=True, text=True,
                       env=ENV, cwd=str(ROOT), timeout=600)
    if r.returncode != 0:
        b.para(f"bench/sim_throughput.py failed: {r.stderr.strip()[-500:]}")
        return
    rows = []
    nums = {}
    for line in r.stdout.splitlines():
        m = re.search(r"^\s*\(?(.+?):\s+([\d.]+) req/s", line)
        if m:
            label = m.group(1).strip().lstrip("(")
            rows.append([label, f"{float(m.group(2)):,.0f}"])
            nums[label] = float(m.group(2))
    b.para(f"`python bench/sim_throughput.py --seconds {seconds:g}` (simulator in its process, load from another "
           f"process over 8 keep-alive connections):")
    b.table(["server / load", "req/s"], rows)
    item = next((v for k, v in nums.items() if "one ZPA segment group" in k), None)
    gets = b.results.get("get", {}).get("simulator", {}).get("median_rps", {})
    if item and gets:
        fastest = max(gets.values())
        b.para(f"The fastest sequential client in {W4} reached {fastest:,.0f} req/s against the simulator; the "
               f"simulator serves {item:,.0f} req/s of the same request, so one client uses about "
               f"{fastest / item:.0%} of its capacity.")
    pages = b.results.get("pages", {})
    if "simulator" in pages and "replay server" in pages:
        a = pages["simulator"]["median_s"].get("raw urllib3 + json.loads")
        c = pages["replay server"]["median_s"].get("raw urllib3 + json.loads")
        if a and c:
            n_req = ctx["page_requests"]
            b.para(f"For {W2}: raw urllib3 needs {a * 1e3:.0f} ms against the simulator and {c * 1e3:.0f} ms against "
                   f"the replay server, i.e. the simulator spends about {(a - c) / n_req * 1e3:.2f} ms on each "
                   f"500-item page — {max(0.0, (a - c) / a):.0%} of the floor client's wall time; that is why "
                   "the replay server is the reference backend for the paging ratios.")
    b.results["sim_throughput"] = {"stdout": r.stdout, "parsed": nums}


# ----------------------------------------------------------------------------- main

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="tiny sizes, one run each (CI smoke)")
    ap.add_argument("--no-official", action="store_true", help="skip the official SDK (no venv is created)")
    ap.add_argument("--runs", type=int, help="runs per measurement (default: 5 for fast workloads, 3 for memory)")
    ap.add_argument("--before", metavar="PYTHON",
                    help="add rows of another version of this SDK: an interpreter whose environment imports it "
                         "(a venv with an older checkout installed), interleaved with the current one")
    ap.add_argument("--markdown", metavar="PATH", help="also write the tables as Markdown")
    ap.add_argument("--json", metavar="PATH", help="also write every raw figure as JSON")
    args = ap.parse_args(argv)

    q = args.quick
    n_pages = 2_000 if q else 20_000
    stream_sizes = (2_000, 10_000) if q else (20_000, 200_000)
    n_gets = 200 if q else 2_000
    runs_fast = args.runs or (1 if q else 5)
    runs_mem = args.runs or (1 if q else 3)
    runs_import = 3 if q else 15

    log("Zscaler SDK benchmarks" + (" (quick)" if q else ""))
    ours_py = _ours_python()
    official_py = None
    if not args.no_official:
        official_py = ensure_venv(OFFICIAL_VENV, [[OFFICIAL_PIN], ["zscaler-sdk-python"]],
                                  "import zscaler.request_executor, zscaler.oneapi_oauth_client")
        if official_py is None:
            log("  the official SDK could not be installed: its rows are skipped")
    floor_py = ensure_venv(FLOOR_VENV, [["urllib3"]], "import urllib3")
    official_version = version_of(official_py, "zscaler-sdk-python") if official_py else "-"
    env = environment(args, ours_py, official_py, floor_py, official_version)
    for k, v in env.items():
        log(f"  {k}: {v}")

    b = Bench(args)
    b.md += ["## Environment", ""] + [f"* {k}: `{v}`" if k == "command" else f"* {k}: {v}" for k, v in env.items()]
    b.md += [""]

    run_imports(b, ours_py, official_py, runs_import, args.before)

    sim = Proc([ours_py, "-m", "zscaler.simulator", "--port", "0", "--json"], "simulator")
    replay = None
    tmp = tempfile.TemporaryDirectory(prefix="zscaler-bench-")
    try:
        sim_url = sim.info["url"]
        cfg = sim.info["oneapi"]
        http_json("POST", sim_url + "/_sim/seed", {"product": "zpa", "resource": "segment_groups", "count": n_pages})
        ids = collection_ids(sim_url, cfg, n_gets + 1)
        ids_file = os.path.join(tmp.name, "ids.json")
        with open(ids_file, "w") as f:
            json.dump(ids, f)
        replay = Proc([ours_py, str(HERE / "replay_server.py"), "--sim", sim_url, "--customer-id", cfg["customerId"],
                       "--client-id", cfg["clientId"], "--client-secret", cfg["clientSecret"], "--page-size", "500",
                       "--ids-file", ids_file], "replay server")
        ctx = {
            "ours_py": ours_py, "official_py": official_py, "floor_py": floor_py, "sim_url": sim_url,
            "ids_file": ids_file, "page_requests": -(-n_pages // 500),
            "before_py": args.before,
            "creds": {"client_id": cfg["clientId"], "client_secret": cfg["clientSecret"],
                      "vanity": cfg["vanityDomain"], "customer_id": cfg["customerId"]},
            "backends": {"replay server": replay.info["url"], "simulator": sim_url},
        }
        b.md += ["Backends: **simulator** = `python -m zscaler.simulator` in its own process; **replay server** = "
                 "`bench/replay_server.py` in its own process, answering with the simulator's captured bytes "
                 "(a dictionary look-up per request).", ""]
        run_pages(b, ctx, n_pages, runs_fast, runs_mem)
        run_gets(b, ctx, n_gets, runs_fast)
        run_stream(b, ctx, stream_sizes, runs_mem, n_pages)
    finally:
        if replay:
            replay.stop()
        sim.stop()
        tmp.cleanup()
    run_sim_throughput(b, ctx, 0.5 if q else 3.0)

    b.heading("Targets")
    b.table(["workload", "target", "measured", "verdict"], [list(v) for v in b.verdicts])

    if args.markdown:
        Path(args.markdown).write_text("\n".join(b.md) + "\n")
        log(f"\nMarkdown written to {args.markdown}")
    if args.json:
        Path(args.json).write_text(json.dumps({"environment": env, "results": b.results,
                                               "verdicts": b.verdicts}, indent=1, default=str))
        log(f"JSON written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
