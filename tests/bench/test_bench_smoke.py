"""Smoke test of the benchmark harness: it runs end to end on tiny sizes.

Benchmarks are not tests: nothing here checks a timing. It only checks that
``bench/run.py --quick --no-official`` exits 0 and reports every workload.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "bench" / "run.py"
WORKLOADS = ("[W1] cold import", "[W2] list every page", "[W3] lazy iterator memory", "[W4] get by id",
             "[W5] simulator throughput")


@pytest.mark.timeout(60)
def test_quick_run_reports_every_workload():
    if not RUN.exists():
        pytest.skip("bench/run.py is missing")
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZSCALER_")}
    r = subprocess.run([sys.executable, str(RUN), "--quick", "--no-official"], capture_output=True, text=True,
                       env=env, cwd=str(ROOT), timeout=60)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-3000:]
    for name in WORKLOADS:
        assert name in r.stdout, f"{name!r} missing from the output:\n{r.stdout[-2000:]}"
