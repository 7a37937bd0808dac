"""Every simulated route answers the shape the real API recorded for the same request (issue #16).

The recordings are the peer suite's cassettes beside the project (``../shared/peer-suite``),
read at test time; without them the tests skip. The replay and the comparison rule are in
``recorded_shapes.py``; docs/simulator.md "Fidelity" has the numbers.
"""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest

from zscaler.simulator import Simulator

from recorded_shapes import Outcome, cassettes, replay
from simhelpers import get_token

CASSETTES = cassettes()

#: route -> why the simulator cannot answer the recorded shape (real API quirks, counted in the docs)
KNOWN_DEVIATIONS: dict[str, str] = {}

pytestmark = pytest.mark.skipif(
    not CASSETTES, reason="the peer suite's cassettes (../shared/peer-suite/tests/**/cassettes) are not here")

_SUMMARY: dict[str, Outcome] = {}


@pytest.fixture(scope="module")
def shape_sim():
    with Simulator(catalogs=["zpa", "zia"]) as sim:
        yield sim


@pytest.fixture(scope="module", autouse=True)
def _report():
    yield
    out = os.environ.get("SHAPES_REPORT")
    if out:
        write_report(Path(out))


def write_report(path: Path) -> None:
    routes: dict[str, list[str]] = {}
    refused: dict[str, str] = {}
    unreached: set[str] = set()
    for outcome in _SUMMARY.values():
        unreached |= outcome.unreached
        for route, diffs in outcome.compared.items():
            routes.setdefault(route, []).extend(d for d in diffs if d not in routes[route])
        refused.update(outcome.refused)
    refused = {r: v for r, v in refused.items() if r not in routes}
    same = sum(1 for d in routes.values() if not d)
    lines = [f"routes compared: {len(routes)}; identical shape: {same}; "
             f"known deviations: {len(KNOWN_DEVIATIONS)}; only refused when recorded: {len(refused)}; "
             f"not reached: {len(unreached - set(routes))}", ""]
    lines += [f"DIFF {r}: {'; '.join(d)}" for r, d in sorted(routes.items()) if d]
    lines += [f"REFUSED {r}: {v}" for r, v in sorted(refused.items())]
    lines += [f"NOT REACHED {r}" for r in sorted(unreached - set(routes))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize("cassette", CASSETTES, ids=lambda p: f"{p.parent.parent.name}/{p.stem}")
def test_recorded_routes_answer_the_recorded_shape(shape_sim, cassette: Path) -> None:
    shape_sim.reset()
    with httpx.Client(base_url=shape_sim.url, timeout=10) as api:
        api.headers["Authorization"] = "Bearer " + get_token(shape_sim, api)
        outcome = replay(api, cassette, shape_sim.customer_id)
    _SUMMARY[str(cassette)] = outcome
    wrong = {route: diffs for route, diffs in outcome.compared.items() if diffs and route not in KNOWN_DEVIATIONS}
    assert not wrong, "\n".join(f"{route}: {'; '.join(diffs)}" for route, diffs in sorted(wrong.items()))


def test_the_known_deviations_name_recorded_routes() -> None:
    """An allow-list entry must still name a route some cassette records (no stale excuses)."""
    from recorded_shapes import interactions, template
    from urllib.parse import urlsplit

    recorded = {template(it["request"]["method"], urlsplit(it["request"]["uri"]).path)
                for c in CASSETTES for it in interactions(c)}
    assert set(KNOWN_DEVIATIONS) <= recorded, sorted(set(KNOWN_DEVIATIONS) - recorded)
