"""``zscaler demo``: every step passes, quiet and colour switches, a failing step fails the run."""

from __future__ import annotations

import re

import pytest

from zscaler.cli import demo


def test_demo_passes_every_step(invoke):
    r = invoke("demo")
    assert r.exit_code == 0, r.output
    out = r.output
    for text in ("OneAPI authentication", "ZPA provisioning keys", "Example App Connector Provisioning Key",
                 "Segment group: create, update, delete", "5,000 items in 10 pages", "retry 1/2", "retry 2/2",
                 "HTTP 429, HTTP 429, HTTP 200", "PENDING → ACTIVE", "Summary: 6/6 steps passed"):
        assert text in out, text
    assert "\x1b[" not in out  # not a terminal: no colour codes
    served = int(re.search(r"([\d,]+) requests served", out).group(1).replace(",", ""))
    assert served > 10  # token, keys, group life cycle, 10 pages, 3 attempts, ZIA


def test_demo_quiet_prints_only_the_summary(invoke):
    r = invoke("demo", "--quiet")
    assert r.exit_code == 0
    lines = [line for line in r.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Summary: 6/6 steps passed")


def test_demo_fails_when_a_step_fails(invoke, monkeypatch):
    def broken(tour, sim, client):
        raise demo.StepFailed("the listing lost an item")

    monkeypatch.setattr(demo, "_big_listing", broken)
    r = invoke("demo", "--quiet")
    assert r.exit_code == 1
    assert "the listing lost an item" in r.output
    assert "5/6 steps passed, 1 failed" in r.output


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_demo_skips_the_zia_step_when_the_catalog_lacks_it(invoke, monkeypatch):
    from zscaler import catalog

    real = catalog.load

    def without_zia(name):
        if name == "zia":
            raise ValueError("no zia here")
        return real(name)

    monkeypatch.setattr(catalog, "load", without_zia)
    r = invoke("demo")
    assert r.exit_code == 0, r.output
    assert "skipped:" in r.output and "5/6 steps passed, 1 skipped" in r.output


def test_demo_colour_when_asked(monkeypatch, capsys):
    code = demo.run_demo(quiet=True, color=True)
    out = capsys.readouterr().out
    assert code == 0 and "\x1b[" in out
