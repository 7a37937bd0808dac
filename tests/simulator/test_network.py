"""The simulator's realistic network: added latency and the gateway's rate limits (issue #17).

Latency is checked on what the simulator records (each answer's added delay, how many answers
were delayed at once), never on the wall clock; rate limits on the 429 answers' headers and
bodies, the counters, and recovery once the window has passed.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
from click.testing import CliRunner

from zscaler.simulator import Simulator
from zscaler.simulator.__main__ import _parser
from zscaler.simulator.network import EndpointLimit, Rate, parse_duration, parse_rate

from simhelpers import get_token, zpa


@pytest.fixture(scope="module")
def net_sim():
    with Simulator(catalogs=["zpa", "zia"]) as s:
        yield s


@pytest.fixture
def sim(net_sim):
    net_sim.reset()
    yield net_sim
    net_sim.reset()


@contextlib.contextmanager
def _client(sim: Simulator) -> Iterator[httpx.Client]:
    """An httpx client with a OneAPI token of its own."""
    with httpx.Client(base_url=sim.url, timeout=30) as c:
        c.headers["Authorization"] = "Bearer " + get_token(sim, c)
        yield c


# -- values ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, seconds", [(0.04, 0.04), ("40ms", 0.04), ("0.04s", 0.04), ("0.04", 0.04),
                                           ("1m", 60.0), (0, 0.0)])
def test_durations(text, seconds):
    assert parse_duration(text, "latency") == pytest.approx(seconds)


@pytest.mark.parametrize("text, rate", [(50, Rate(50, 1)), ("50/s", Rate(50, 1)), ("5000/60s", Rate(5000, 60)),
                                        ("5000/min", Rate(5000, 60)), ("1/SECOND", Rate(1, 1)),
                                        ((10, "2s"), Rate(10, 2)), ({"limit": 3, "window": 5}, Rate(3, 5)),
                                        (None, None), ("off", None), (0, None)])
def test_rates(text, rate):
    assert parse_rate(text, "rate_limit") == rate


@pytest.mark.parametrize("options, named", [
    ({"latency": "fast"}, "latency"), ({"latency": -1}, "latency"), ({"latency": True}, "latency"),
    ({"latency": 0.01, "latency_jitter": 0.02}, "latency_jitter"),
    ({"rate_limit": "50 per second"}, "rate_limit"), ({"rate_limit": 2.5}, "rate_limit"),
    ({"endpoint_limits": {"GET /zia/api/v1/users": "quick"}}, "GET /zia/api/v1/users"),
    ({"endpoint_limits": {"FETCH /x": 1}}, "FETCH /x"), ({"endpoint_limits": "GET /x=1"}, "endpoint_limits"),
])
def test_bad_network_options_name_the_field(options, named):
    with pytest.raises(ValueError) as e:
        Simulator(catalogs=["zpa"], **options)
    assert named in str(e.value)


# -- latency --------------------------------------------------------------------------
def test_latency_is_added_to_every_answer_and_recorded(sim):
    sim.set_network(latency="40ms")
    with _client(sim) as c:  # the token request is delayed too
        assert c.get(zpa(sim, "/segmentGroup")).status_code == 200
        assert c.get(zpa(sim, "/segmentGroup/404")).status_code == 404
    recorded = sim.requests
    assert [r.delay for r in recorded] == [0.04, 0.04, 0.04]
    stats = sim.network_stats()
    assert stats["latency"] == 0.04 and stats["delayed"] == 3 and stats["delay_total"] == pytest.approx(0.12)
    assert stats["in_flight"] == 0
    # the control API is never delayed nor recorded
    assert httpx.get(sim.url + "/_sim/network").json()["delayed"] == 3


def test_jitter_spreads_latency_evenly_around_the_base(sim):
    sim.set_network(latency=0.05, latency_jitter=0.01)
    with _client(sim) as c:
        for _ in range(20):
            c.get(zpa(sim, "/segmentGroup"))
    delays = [r.delay for r in sim.requests]
    assert all(0.04 <= d <= 0.06 for d in delays)
    assert len(set(delays)) > 1


def test_latency_does_not_block_other_connections(sim):
    sim.set_network(latency=0.3)
    token = get_token(sim)
    start = threading.Barrier(8)
    statuses: list[int] = []

    def one() -> None:
        with httpx.Client(base_url=sim.url, timeout=30, headers={"Authorization": "Bearer " + token}) as c:
            start.wait()
            statuses.append(c.get(zpa(sim, "/segmentGroup")).status_code)

    threads = [threading.Thread(target=one) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stats = sim.network_stats()
    assert statuses == [200] * 8
    assert stats["max_in_flight"] >= 2  # a blocking wait would answer one at a time
    assert stats["in_flight"] == 0


def test_reset_restores_the_constructor_network():
    with Simulator(catalogs=["zpa"], latency="10ms", rate_limit="100/s") as s:
        s.set_network(latency=0, rate_limit=None)
        assert s.network_stats()["latency"] == 0 and s.network_stats()["rate_limit"] is None
        s.reset()
        assert s.network_stats()["latency"] == 0.01
        assert s.network_stats()["rate_limit"] == {"limit": 100, "window": 1.0}


# -- per-client window ----------------------------------------------------------------
def test_client_window_answers_429_with_gateway_headers_and_recovers(sim):
    sim.set_network(rate_limit="3/2s")
    with _client(sim) as c:
        answers = [c.get(zpa(sim, "/segmentGroup")) for _ in range(4)]
        assert [r.status_code for r in answers] == [200, 200, 200, 429]
        assert [r.headers["x-ratelimit-limit"] for r in answers] == ["3, 3;w=2"] * 4
        assert [r.headers["x-ratelimit-remaining"] for r in answers] == ["2", "1", "0", "0"]
        limited = answers[-1]
        assert limited.json() == {"id": "invalid.toomanyrequests", "reason": "Too many requests, please retry later"}
        wait = int(limited.headers["retry-after"].rstrip("s"))
        assert 1 <= wait <= 2 and int(limited.headers["x-ratelimit-reset"]) == wait
        assert limited.headers["x-oneapi-request-id"]
        assert sim.throttled == 1 and sim.network_stats()["throttled_by"]["client"] == 1
        time.sleep(wait + 0.05)  # the window passes: answers again (not a timing assertion)
        again = c.get(zpa(sim, "/segmentGroup"))
        assert again.status_code == 200 and again.headers["x-ratelimit-remaining"] == "2"


def test_every_token_of_one_client_shares_its_window(sim):
    sim.set_network(rate_limit="2/30s")
    with _client(sim) as a, _client(sim) as b:
        assert a.headers["Authorization"] != b.headers["Authorization"]
        assert a.get(zpa(sim, "/segmentGroup")).status_code == 200
        assert b.get(zpa(sim, "/segmentGroup")).status_code == 200
        assert a.get(zpa(sim, "/segmentGroup")).status_code == 429
        assert b.get(zpa(sim, "/segmentGroup")).status_code == 429
    assert sim.throttled == 2


def test_without_a_limit_the_gateway_window_is_announced_not_enforced(sim):
    with _client(sim) as c:
        answers = [c.get(zpa(sim, "/segmentGroup")) for _ in range(5)]
    assert {r.status_code for r in answers} == {200}
    assert answers[0].headers["x-ratelimit-limit"] == "5000, 5000;w=60"
    assert int(answers[-1].headers["x-ratelimit-remaining"]) == int(answers[0].headers["x-ratelimit-remaining"]) - 4
    assert sim.throttled == 0


# -- per-endpoint limits --------------------------------------------------------------
def test_endpoint_limit_answers_zia_rate_limit_body(sim):
    sim.set_network(endpoint_limits={"GET /zia/api/v1/users*": "1/s"})
    with _client(sim) as c:
        users = [c.get("/zia/api/v1/users") for _ in range(5)]
        others = [c.get("/zia/api/v1/departments") for _ in range(3)]
    limited = [r for r in users if r.status_code == 429]
    assert users[0].status_code == 200 and limited
    assert limited[0].json() == {"message": "Rate Limit (1/SECOND) exceeded", "Retry-After": "1 seconds"}
    assert limited[0].headers["Retry-After"] == "1"
    assert limited[0].headers["x-ratelimit-limit"] == "1, 1;w=1"
    assert {r.status_code for r in others} == {200}  # other endpoints are not limited by the rule
    assert sim.network_stats()["throttled_by"] == {"client": 0, "endpoint": len(limited), "product": 0}


def test_endpoint_limit_matches_its_method_only(sim):
    sim.set_network(endpoint_limits=[EndpointLimit("POST", "*/segmentGroup", Rate(1, 30))])
    with _client(sim) as c:
        created = [c.post(zpa(sim, "/segmentGroup"), json={"name": f"g{i}"}) for i in range(3)]
        listed = [c.get(zpa(sim, "/segmentGroup")) for _ in range(3)]
    assert created[0].status_code in (200, 201)
    assert [r.status_code for r in created[1:]] == [429, 429]
    assert {r.status_code for r in listed} == {200}
    assert len(sim.items(zpa(sim, "/segmentGroup"))) == 1  # a 429 changes nothing


def test_endpoint_minute_window_names_its_unit(sim):
    sim.set_network(endpoint_limits={"/zia/api/v1/users": "1/min"})
    with _client(sim) as c:
        c.get("/zia/api/v1/users")
        r = c.get("/zia/api/v1/users")
    assert r.status_code == 429 and r.json()["message"] == "Rate Limit (1/MINUTE) exceeded"
    assert 1 <= int(r.headers["Retry-After"]) <= 60


# -- control API ----------------------------------------------------------------------
def test_control_api_round_trip(sim):
    r = httpx.post(sim.url + "/_sim/network", json={
        "latency": "20ms", "latency_jitter": 0.005, "rate_limit": "50/s",
        "endpoint_limits": {"GET /zia/api/v1/users*": "1/s"}})
    assert r.status_code == 200, r.text
    got = httpx.get(sim.url + "/_sim/network").json()
    assert got["latency"] == 0.02 and got["latency_jitter"] == 0.005
    assert got["rate_limit"] == {"limit": 50, "window": 1.0}
    assert got["endpoint_limits"] == [{"method": "GET", "path": "/zia/api/v1/users*", "limit": 1, "window": 1.0}]
    # what GET shows can be posted back as it is
    assert httpx.post(sim.url + "/_sim/network", json={
        "rate_limit": got["rate_limit"], "endpoint_limits": got["endpoint_limits"]}).json() == got
    sim.set_network(latency=0)
    with _client(sim) as c:
        [c.get("/zia/api/v1/users") for _ in range(3)]
    assert httpx.get(sim.url + "/_sim/network").json()["throttled"] >= 1
    cleared = httpx.delete(sim.url + "/_sim/network/counters").json()
    assert cleared["throttled"] == 0 and cleared["endpoint_limits"]  # the limits stay
    assert httpx.post(sim.url + "/_sim/network", json={"rate_limit": None}).json()["rate_limit"] is None


@pytest.mark.parametrize("body, named", [({"latency": "soon"}, "latency"), ({"rate_limit": "x"}, "rate_limit"),
                                         ({"speed": 1}, "speed")])
def test_control_api_refuses_bad_values_and_changes_nothing(sim, body, named):
    r = httpx.post(sim.url + "/_sim/network", json={"latency": 0.01, **body})
    assert r.status_code == 400 and named in r.json()["message"]
    assert sim.network_stats()["latency"] == 0


# -- command line ---------------------------------------------------------------------
def test_cli_flags_parse():
    args = _parser().parse_args(["--latency", "40ms", "--latency-jitter", "5ms", "--rate-limit", "50/s",
                                 "--rate-limit", "zia=20", "--endpoint-limit", "GET /zia/api/v1/users*=1/s"])
    assert args.latency == 0.04 and args.latency_jitter == 0.005
    assert args.rate_limit == [(None, Rate(50, 1)), ("zia", 20.0)]
    assert args.endpoint_limit == [EndpointLimit("GET", "/zia/api/v1/users*", Rate(1, 1))]


@pytest.mark.parametrize("argv, message", [
    (["--latency", "40 parsecs"], "--latency must be seconds"),
    (["--rate-limit", "fifty/s"], "--rate-limit must be N (per second)"),
    (["--rate-limit", "zia=lots"], "use PRODUCT=PER_SECOND"),
    (["--endpoint-limit", "GET /zia/api/v1/users"], "'METHOD /path/glob=RATE'"),
])
def test_cli_flags_refuse_bad_values(argv, message, capsys):
    with pytest.raises(SystemExit) as e:
        _parser().parse_args(argv)
    assert e.value.code == 2 and message in capsys.readouterr().err


def test_zscaler_sim_passes_network_flags_through():
    from zscaler.cli.main import cli

    result = CliRunner().invoke(cli, ["sim", "--port", "0", "--latency", "20ms", "--latency-jitter", "30ms"])
    assert result.exit_code == 2
    assert "latency_jitter (0.03 s) must not exceed latency (0.02 s)" in result.output
