"""The CLI in scripts and CI jobs (issue #19): listings through a pipe get every page."""

from __future__ import annotations

import json

from conftest import run_cli, sim_env


def test_piped_listing_gets_every_item_of_a_seeded_simulator():
    p = run_cli("--sim", "--sim-seed", "130", "zpa", "segment-groups", "list")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)  # stdout is a pipe: JSON, every page
    assert len(data) == 130 and len({g["id"] for g in data}) == 130
    assert p.stderr == ""  # stderr is a pipe too: no progress bar, no "more pages" notice


def test_piped_listing_with_limit_and_page_size(sim):
    sim.seed("zpa", "segment_groups", 50)
    p = run_cli("zpa", "segment-groups", "list", "--limit", "23", "--page-size", "10", env=sim_env(sim))
    assert p.returncode == 0, p.stderr
    assert len(json.loads(p.stdout)) == 23
    pages = [r.query.get("page") for r in sim.requests if r.path.endswith("/segmentGroup")]
    assert len(pages) == 3  # 10 + 10 + 3 of the third page: no fourth page is fetched


def test_yaml_and_csv_get_every_page(invoke, sim, env_for):
    sim.seed("zpa", "segment_groups", 45)
    r = invoke("zpa", "segment-groups", "list", "-o", "csv", "--page-size", "20", env=env_for())
    assert r.exit_code == 0, r.output
    assert len(r.stdout.strip().splitlines()) == 1 + 45
    r = invoke("zpa", "segment-groups", "list", "-o", "yaml", "--limit", "7", env=env_for())
    assert r.stdout.count("\n- ") + r.stdout.startswith("- ") == 7


def test_table_stays_on_the_first_page_unless_asked(invoke, sim, env_for):
    sim.seed("zpa", "segment_groups", 25)
    r = invoke("zpa", "segment-groups", "list", "-o", "table", env=env_for())
    assert "(20 items)" in r.stdout and "add --all" in r.stderr
    r = invoke("zpa", "segment-groups", "list", "-o", "table", "--limit", "22", env=env_for())
    assert "(22 items)" in r.stdout and "add --all" not in r.stderr
