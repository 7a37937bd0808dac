"""The read-only HTML page at ``GET /``: state per product, the request log, active faults; no secrets."""

from __future__ import annotations

import html.parser

import httpx

from zscaler.simulator import Simulator

from simhelpers import get_token


class _Cells(html.parser.HTMLParser):
    """The text of every table cell and heading of a page (a check that it parses as HTML)."""

    def __init__(self):
        super().__init__()
        self.rows: list[list[str]] = []
        self.headings: list[str] = []
        self._tag = ""

    def handle_starttag(self, tag, attrs):
        self._tag = tag
        if tag == "tr":
            self.rows.append([])

    def handle_data(self, data):
        if self._tag in ("td", "th") and self.rows:
            self.rows[-1].append(data)
        elif self._tag in ("h1", "h2"):
            self.headings.append(data)

    def handle_endtag(self, tag):
        self._tag = ""


def _cells(text: str) -> _Cells:
    p = _Cells()
    p.feed(text)
    return p


def test_the_page_shows_state_requests_and_faults_without_secrets():
    with Simulator(tenant="empty") as sim:
        sim.seed("zpa", "segment_groups", 4)
        sim.fault(path="/zia/api/v1/users", status=503, times=2)
        with httpx.Client(base_url=sim.url, timeout=10) as c:
            c.headers["Authorization"] = "Bearer " + get_token(sim, c)
            assert c.get(f"/zpa/mgmtconfig/v1/admin/customers/{sim.customer_id}/segmentGroup").status_code == 200
            r = c.get("/")
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        page = _cells(r.text)
        assert {"State per product", "Active faults"} <= set(page.headings)
        zpa = next(row for row in page.rows if row and row[0] == "zpa")
        assert zpa[1:3] == ["1", "4"]  # one collection, four objects
        assert ["GET", f"/zpa/mgmtconfig/v1/admin/customers/{sim.customer_id}/segmentGroup", "200"] in \
            [row[1:] for row in page.rows if len(row) == 4]
        assert ["*", "/zia/api/v1/users", "503", "2", "0"] in page.rows
        for secret in (sim.client_secret, sim.sandbox_token, c.headers["Authorization"][7:],
                       *(v for creds in sim.legacy_credentials.values() for v in creds.values())):
            assert str(secret) not in r.text
        also = httpx.get(sim.url + "/_sim/")
        assert also.status_code == 200 and "State per product" in _cells(also.text).headings


def test_the_page_does_not_change_state_and_is_not_recorded():
    with Simulator(tenant="empty") as sim:
        before = sim.state()
        for _ in range(2):
            assert httpx.get(sim.url + "/").status_code == 200
        assert sim.state() == before
        assert sim.requests == []
        assert httpx.post(sim.url + "/").status_code != 200  # read-only: only GET shows it


def _browser() -> str | None:
    import shutil

    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome", "chrome")) if p), None)


def test_the_page_renders_in_a_headless_browser(tmp_path):
    """A real headless browser (Chromium, when installed: ``apt-get install chromium``) loads
    ``GET /`` and its rendered DOM has the three tables with the simulator's data."""
    import subprocess

    import pytest

    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium)")
    with Simulator(tenant="empty") as sim:
        sim.seed("zia", "rule_labels", 5)
        sim.fault(path="/zpa/boom", status=500)
        proc = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", sim.url + "/"],
            capture_output=True, text=True, timeout=120)
        direct = _cells(httpx.get(sim.url + "/").text)
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = _cells(proc.stdout)
    assert page.headings[0] == "Zscaler simulator"
    zia = next(row for row in page.rows if row and row[0] == "zia")
    assert int(zia[2]) >= 5 and zia == next(row for row in direct.rows if row and row[0] == "zia")
    assert any(row[:3] == ["*", "/zpa/boom", "500"] for row in page.rows)
