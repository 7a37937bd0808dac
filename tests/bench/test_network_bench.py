"""Smoke test of the network benchmark (issue #17): it runs end to end on tiny sizes.

Nothing here checks a timing. It checks that ``bench/network.py --quick --no-official`` exits 0,
reports every workload at loopback and at the added latency, and that the listings and the
tenants read every seeded item (the worker refuses a count that differs).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NETWORK = ROOT / "bench" / "network.py"
WORKLOADS = ("(a) list ZPA segment groups", "(b) list ZIA users", "(c) create ZPA segment groups",
             "(d) every tenant at once")


@pytest.mark.timeout(120)
def test_quick_network_run_reports_every_workload(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZSCALER_")}
    out = tmp_path / "net.json"
    r = subprocess.run([sys.executable, str(NETWORK), "--quick", "--no-official", "--latency", "5ms",
                        "--json", str(out)], capture_output=True, text=True, env=env, cwd=str(ROOT), timeout=120)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-3000:]
    assert "Network workloads at loopback (0 ms)" in r.stdout and "Network workloads at 5 ms" in r.stdout
    results = json.loads(out.read_text())["results"]
    for table in ("loopback (0 ms)", "5 ms"):
        assert set(results[table]) == set(WORKLOADS)
        created = results[table]["(c) create ZPA segment groups"]["ours"][0]
        assert created["items"] == 50 and created["errors"] == 0
