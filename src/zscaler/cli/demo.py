"""``zscaler demo``: a guided tour of the SDK against an embedded simulator.

Every step runs real SDK calls over HTTP against :class:`zscaler.simulator.Simulator` on
loopback and checks what came back; the exit status is 0 only when every step passed.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import Any, Callable

import click

from .output import Progress, render_table

SEGMENT_GROUPS = 5000
PAGE_SIZE = 500


class StepFailed(Exception):
    """A check of the tour did not hold."""


class StepSkipped(Exception):
    """Something the step needs is not installed; the tour goes on."""


def check(condition: Any, message: str) -> None:
    if not condition:
        raise StepFailed(message)


class Tour:
    def __init__(self, *, quiet: bool, color: bool, out: Any = None) -> None:
        self.quiet = quiet
        self.color = color
        self.out = out or sys.stdout
        enc = getattr(self.out, "encoding", None) or "ascii"
        try:
            "✓✗→…".encode(enc)
            self.ok, self.bad, self.arrow = "✓", "✗", "→"
        except (UnicodeEncodeError, LookupError):
            self.ok, self.bad, self.arrow = "OK", "FAIL", "->"
        self.results: list[tuple[str, str, str]] = []  # (title, passed|failed|skipped, note)

    # -- printing
    def style(self, text: str, **kw: Any) -> str:
        return click.style(text, **kw) if self.color else text

    def say(self, text: str = "", *, force: bool = False) -> None:
        if force or not self.quiet:
            click.echo(text, file=self.out, color=self.color)

    def code(self, text: str) -> None:
        self.say("      " + self.style(text, fg="cyan"))

    def info(self, text: str) -> None:
        for line in text.splitlines():
            self.say("      " + line)

    def good(self, text: str) -> None:
        self.say("      " + self.style(f"{self.ok} {text}", fg="green"))

    # -- steps
    def step(self, number: int, total: int, title: str, fn: Callable[[], str]) -> None:
        self.say()
        self.say(self.style(f"[{number}/{total}] {title}", bold=True))
        try:
            note = fn() or ""
        except StepSkipped as e:
            self.say("      " + self.style(f"skipped: {e}", fg="yellow"), force=True)
            self.results.append((title, "skipped", str(e)))
            return
        except Exception as e:  # noqa: BLE001 - a failed step is reported, the tour goes on
            if self.quiet:
                self.say(self.style(f"[{number}/{total}] {title}", bold=True), force=True)
            self.say("      " + self.style(f"{self.bad} {type(e).__name__}: {e}", fg="red"), force=True)
            self.results.append((title, "failed", str(e)))
            return
        if note:
            self.good(note)
        self.results.append((title, "passed", note))


def _api_requests(sim: Any, part: str = "", method: str | None = None) -> list[Any]:
    return [r for r in sim.requests if part in r.path and "/oauth2/" not in r.path
            and (method is None or r.method == method)]


def run_demo(*, quiet: bool = False, color: bool = False, out: Any = None) -> int:
    """Run the tour; returns the exit status (0 when every step passed)."""
    from .. import __version__
    from ..oneapi_client import ZscalerClient
    from ..simulator import Simulator

    started = time.perf_counter()
    tour = Tour(quiet=quiet, color=color, out=out)
    tour.say(tour.style(f"zscaler {__version__} demo", bold=True)
             + ": a tour of the SDK against the embedded simulator (no tenant, no credentials, no network)")

    with Simulator() as sim:
        cfg = sim.oneapi_config()
        tour.say(f"Simulator listening on {sim.url} ({len(sim.products)} products)")
        client = ZscalerClient(cfg)
        state: dict[str, Any] = {}
        try:
            steps = [
                ("OneAPI authentication (client id + secret)", lambda: _auth(tour, sim, cfg, client)),
                ("ZPA provisioning keys", lambda: _provisioning(tour, sim, client)),
                ("Segment group: create, update, delete", lambda: _segment_group(tour, sim, client, state)),
                (f"Listing a tenant of {SEGMENT_GROUPS:,} segment groups, every page",
                 lambda: _big_listing(tour, sim, client)),
                ("A burst of HTTP 429 absorbed by the retry policy", lambda: _rate_limit(tour, sim, client)),
                ("ZIA change activated on exit", lambda: _zia_activation(tour, sim, cfg)),
            ]
            for i, (title, fn) in enumerate(steps, 1):
                tour.step(i, len(steps), title, fn)
        finally:
            client.close()
        served = len(sim.requests)

    elapsed = time.perf_counter() - started
    passed = sum(1 for r in tour.results if r[1] == "passed")
    failed = [r for r in tour.results if r[1] == "failed"]
    skipped = [r for r in tour.results if r[1] == "skipped"]
    tour.say(force=True)
    summary = (f"{passed}/{len(tour.results)} steps passed" + (f", {len(skipped)} skipped" if skipped else "")
               + (f", {len(failed)} failed" if failed else "")
               + f" · {served:,} requests served · {elapsed:.1f} s")
    tour.say(tour.style(("Summary: " + summary), bold=True, fg="red" if failed else "green"), force=True)
    if not failed and not quiet:
        tour.say("Next: `zscaler --sim zpa segment-groups list`, `zscaler --help`, docs/cli.md and README.md.")
    return 1 if failed else 0


# ------------------------------------------------------------------ the steps

def _auth(tour: Tour, sim: Any, cfg: dict[str, Any], client: Any) -> str:
    tour.code("client = ZscalerClient({'clientId': %r, 'clientSecret': '***'," % cfg["clientId"])
    tour.code("                        'vanityDomain': %r, 'customerId': %r," % (cfg["vanityDomain"], cfg["customerId"]))
    tour.code("                        'apiBaseUrl': %r," % cfg["apiBaseUrl"])
    tour.code("                        'tokenUrl': %r})" % cfg["tokenUrl"])
    tour.code("client.authenticate()")
    before = len(sim.requests)
    client.authenticate()
    tokens = [r for r in sim.requests[before:] if r.path.endswith("/oauth2/v1/token")]
    check(len(tokens) == 1, f"expected one token request, the simulator saw {len(tokens)}")
    form = tokens[0].body.decode("utf-8", "replace")
    check("grant_type=client_credentials" in form, "the token request is not a client-credentials grant")
    tour.info(f"POST /oauth2/v1/token (grant_type=client_credentials) {tour.arrow} HTTP {tokens[0].status}, "
              "Bearer token (cached and refreshed before it expires)")
    check(tokens[0].status == 200, f"the token endpoint answered HTTP {tokens[0].status}")
    return "authenticated with one token request; the secret never appears in logs or errors"


def _provisioning(tour: Tour, sim: Any, client: Any) -> str:
    keys = client.zpa.provisioning
    tour.code('keys.add_provisioning_key(key_type="connector", name="Example App Connector Provisioning Key",')
    tour.code('                          max_usage=2, enrollment_cert_id="99999", component_id="888888")')
    connector = keys.add_provisioning_key(key_type="connector", name="Example App Connector Provisioning Key",
                                          max_usage=2, enrollment_cert_id="99999", component_id="888888").unwrap()
    tour.code('keys.add_provisioning_key(key_type="service_edge", name="Example Service Edge Provisioning Key",')
    tour.code('                          max_usage=1, enrollment_cert_id="99999", component_id="777777", enabled=False)')
    edge = keys.add_provisioning_key(key_type="service_edge", name="Example Service Edge Provisioning Key",
                                     max_usage=1, enrollment_cert_id="99999", component_id="777777",
                                     enabled=False).unwrap()
    check(int(connector.max_usage) == 2 and connector.enabled is True, "the connector key is not max_usage=2, enabled")
    check(edge.enabled is False and str(edge.zcomponent_id) == "777777", "the service-edge key is not disabled")
    rows = []
    for key_type in ("connector", "service_edge"):
        tour.code(f'keys.list_provisioning_keys(key_type="{key_type}")')
        listed = keys.list_provisioning_keys(key_type=key_type).unwrap()
        check(len(listed) == 1, f"expected one {key_type} key, listed {len(listed)}")
        for k in listed:
            rows.append({"keyType": key_type, "id": k.id, "name": k.name, "maxUsage": k.max_usage,
                         "enabled": k.enabled, "zcomponentId": k.zcomponent_id})
    check(rows[0]["id"] == connector.id and rows[1]["id"] == edge.id, "the listings do not show the keys created")
    tour.info(render_table(rows, color=tour.color, width=110).rsplit("\n", 1)[0])
    return "two keys created (one disabled) and listed by association type"


def _segment_group(tour: Tour, sim: Any, client: Any, state: dict[str, Any]) -> str:
    from ..errors import NotFoundError

    groups = client.zpa.segment_groups
    tour.code('group = groups.add_group(name="demo-apps", description="created by zscaler demo").unwrap()')
    group = groups.add_group(name="demo-apps", description="created by zscaler demo", enabled=True).unwrap()
    check(group.id, "the created group has no id")
    tour.info(f"created id={group.id} name={group.name!r}")
    tour.code('groups.update_group(group.id, name="demo-apps-renamed", description="updated").unwrap()')
    groups.update_group(group.id, name="demo-apps-renamed", description="updated", enabled=True).unwrap()
    fetched = groups.get_group(group.id).unwrap()
    check(fetched.name == "demo-apps-renamed", f"the update did not stick (name is {fetched.name!r})")
    tour.info(f"get_group {tour.arrow} name={fetched.name!r} description={fetched.description!r}")
    tour.code("groups.delete_group(group.id)")
    _, resp, err = groups.delete_group(group.id)
    check(err is None, f"delete failed: {err}")
    _, _, err = groups.get_group(group.id)
    check(isinstance(err, NotFoundError), f"the group is still there after delete ({err!r})")
    tour.info(f"HTTP {resp.get_status()}; get_group afterwards returns the error {type(err).__name__}: {err.status_code}")
    return "created, updated, read back, deleted"


def _big_listing(tour: Tour, sim: Any, client: Any) -> str:
    tour.code(f'sim.seed("zpa", "segment_groups", {SEGMENT_GROUPS})')
    sim.seed("zpa", "segment_groups", SEGMENT_GROUPS)
    tour.code(f'groups, resp, err = client.zpa.segment_groups.list_groups(query_params={{"page_size": {PAGE_SIZE}}})')
    tour.code("for group in resp.iter_all(): ...")
    before = len(_api_requests(sim, "/segmentGroup", "GET"))
    t0 = time.perf_counter()
    _, resp, err = client.zpa.segment_groups.list_groups(query_params={"page_size": PAGE_SIZE})
    if err is not None:
        raise err
    total = int(resp.get_body().get("totalCount") or 0)
    interactive = hasattr(tour.out, "isatty") and tour.out.isatty() and not tour.quiet
    bar = Progress("      fetching", total, stream=tour.out, enabled=interactive)
    names = set()
    for group in resp.iter_all():
        names.add(group.name)
        bar.update()
    if interactive:
        bar.finish()
    else:
        tour.info(f"fetching [{'#' * 30}] {bar.count}/{total}")
    elapsed = time.perf_counter() - t0
    pages = len(_api_requests(sim, "/segmentGroup", "GET")) - before
    check(bar.count == SEGMENT_GROUPS, f"expected {SEGMENT_GROUPS} items, iterated {bar.count}")
    check(len(names) == SEGMENT_GROUPS, "some items were returned twice")
    check(pages == SEGMENT_GROUPS // PAGE_SIZE, f"expected {SEGMENT_GROUPS // PAGE_SIZE} page requests, saw {pages}")
    return f"{bar.count:,} items in {pages} pages of {PAGE_SIZE} ({elapsed:.2f} s), each item once, flat memory"


class _RetryLines(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        msg = record.getMessage()
        if "retry" in msg:
            self.lines.append(msg)


def _rate_limit(tour: Tour, sim: Any, client: Any) -> str:
    tour.code('sim.fault(path="*/segmentGroup", method="GET", status=429, times=2)')
    fault = sim.fault(path="*/segmentGroup", method="GET", status=429, times=2)
    logger = logging.getLogger("zscaler.transport")
    handler = _RetryLines()
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    before = len(_api_requests(sim, "/segmentGroup", "GET"))
    try:
        tour.code("client.zpa.segment_groups.list_groups()   # logger 'zscaler.transport' at INFO:")
        groups, resp, err = client.zpa.segment_groups.list_groups()
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
    sent = _api_requests(sim, "/segmentGroup", "GET")[before:]
    for line in handler.lines:
        tour.info(tour.style(line.replace(sim.url, ""), dim=True))
    tour.info("answers: " + ", ".join(f"HTTP {r.status}" for r in sent))
    check(err is None, f"the call failed: {err}")
    check(resp.get_status() == 200 and isinstance(groups, list), "the listing did not return its page")
    check([r.status for r in sent] == [429, 429, 200], f"expected 429, 429, 200; got {[r.status for r in sent]}")
    check(fault.remaining == 0, "the fault was not used up")
    check(len(handler.lines) == 2, f"expected two retry log lines, got {len(handler.lines)}")
    return "two 429 answers retried (Retry-After honoured), the call returned its page"


def _zia_activation(tour: Tour, sim: Any, cfg: dict[str, Any]) -> str:
    from .. import catalog
    from ..oneapi_client import ZscalerClient

    try:
        zia = catalog.load("zia")
        zia.resource("rule_labels").op("add_label")
    except (ValueError, ImportError, AttributeError, KeyError):
        raise StepSkipped("the ZIA catalog has no rule_labels.add_label in this installation") from None
    if not hasattr(sim, "activation_status"):
        raise StepSkipped("this simulator does not report ZIA activation")
    tour.code("with ZscalerClient(config) as c:")
    tour.code('    c.zia.rule_labels.add_label(name="demo-label")')
    with ZscalerClient(cfg) as c:
        label = c.zia.rule_labels.add_label(name="demo-label", description="created by zscaler demo").unwrap()
        during = sim.activation_status("zia")
        tour.info(f"label id={label.id} created; activation status inside the block: {during}")
    after = sim.activation_status("zia")
    tour.info(f"after the with block: {after} (the client ended its session, which activates)")
    check(during == "PENDING", f"expected PENDING before exit, got {during}")
    check(after == "ACTIVE", f"expected ACTIVE after exit, got {after}")
    return f"PENDING {tour.arrow} ACTIVE on leaving the with block"
