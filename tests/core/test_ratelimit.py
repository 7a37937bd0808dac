"""The client-side rate limiter (issue #17): windows from the configuration, the gateway's headers and
ZIA's per-endpoint 429 bodies; thread safety; and over the simulator, no 429 from a limit the client
was told about or learned. 429s are counted on the simulator side, never timed."""

from __future__ import annotations

import threading
from collections import Counter

import httpx
import pytest

from zscaler import ZscalerClient
from zscaler.errors import ConfigurationError
from zscaler.transport.pipeline import Request
from zscaler.transport.ratelimit import (RateLimiter, parse_policies, path_template, per_second_windows,
                                         window_pad)

from helpers import FAST_RETRY, api_requests

ZPA_URL = "https://api.zsapi.net/zpa/mgmtconfig/v1/admin/customers/123/segmentGroup"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _req(url: str = ZPA_URL, product: str = "zpa", method: str = "GET") -> Request:
    return Request(method, url, product=product)


def _answer(status: int = 200, headers: dict[str, str] | None = None, body: bytes = b"{}") -> httpx.Response:
    return httpx.Response(status, headers=headers or {}, content=body)


def _send_times(limiter: RateLimiter, clock: Clock, n: int, req: Request | None = None) -> list[float]:
    """When each of ``n`` requests, all asked for at the current time, may be sent."""
    return [clock.now + limiter.reserve(req or _req()) for _ in range(n)]


# ---------------------------------------------------------------- parsing

@pytest.mark.parametrize("value,policies", [
    ("5000, 5000;w=60", ((5000, 60.0),)),
    ("500, 500;w=1, 10000;w=60", ((500, 1.0), (10000, 60.0))),
    ("50, 50;w=1", ((50, 1.0),)),
    ("100", ()),
    ("", ()),
    (None, ()),
    ("garbage;w=x", ()),
    ("0;w=1", ()),
])
def test_gateway_limit_header_is_read_as_windows(value, policies):
    assert parse_policies(value) == policies


def test_a_static_rate_is_one_exact_window():
    assert per_second_windows(20) == ((20, 1.0),)
    assert per_second_windows(2.5) == ((2, 0.8),)
    assert per_second_windows(0.5) == ((1, 2.0),)
    assert per_second_windows(0) == ()


def test_endpoint_paths_are_keyed_by_template():
    assert path_template("https://h/zia/api/v1/users/12345?x=1") == "/zia/api/v1/users/{}"
    assert path_template(ZPA_URL + "/216196257331281920") == \
        "/zpa/mgmtconfig/v1/admin/customers/{}/segmentGroup/{}"
    assert path_template("https://h/zia/api/v1/urlCategories/CUSTOM_01") == "/zia/api/v1/urlCategories/{}"


# ---------------------------------------------------------------- the limiter on a hand-moved clock

def test_static_limit_lets_a_window_through_then_waits_for_the_next():
    clock = Clock()
    limiter = RateLimiter({"zpa": 5}, clock=clock)
    times = _send_times(limiter, clock, 12)
    start = clock.now
    length = 1.0 + window_pad(1.0)
    assert times[:5] == [start] * 5
    assert times[5:10] == pytest.approx([start + length] * 5)
    assert times[10:] == pytest.approx([start + 2 * length] * 2)
    assert limiter.limits("zpa") == ((5, 1.0),)
    assert limiter.limits("zia") == ()  # another product: no limit
    assert _send_times(limiter, clock, 20, _req(product="zia")) == [clock.now] * 20


def test_star_limits_every_product_and_a_product_key_overrides_it():
    limiter = RateLimiter({"*": 2, "zia": 1}, clock=Clock())
    assert limiter.limits("zpa") == ((2, 1.0),) and limiter.limits("zia") == ((1, 1.0),)


def test_no_limit_no_wait():
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    assert _send_times(limiter, clock, 1000) == [clock.now] * 1000
    assert limiter.waits == 0


def test_limits_are_learned_from_the_gateway_headers_and_followed():
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    limiter.observe(_req(), _answer(headers={"x-ratelimit-limit": "3, 3;w=1, 10;w=60"}))
    assert limiter.limits("zpa") == ((3, 1.0), (10, 60.0))
    times = _send_times(limiter, clock, 11)
    per_second = Counter(round(t - clock.now, 3) for t in times[:10])
    assert max(per_second.values()) == 3  # never more than 3 in one window
    assert times[10] >= clock.now + 60  # the 11th waits for the minute window


def test_adaptive_off_ignores_the_headers():
    clock = Clock()
    limiter = RateLimiter(adaptive=False, clock=clock)
    limiter.observe(_req(), _answer(headers={"x-ratelimit-limit": "3, 3;w=1"}))
    assert limiter.limits("zpa") == ()
    assert _send_times(limiter, clock, 10) == [clock.now] * 10


def test_a_429_pauses_the_product_for_the_wait_it_asks():
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    limiter.observe(_req(), _answer(429, {"retry-after": "2"}))
    assert limiter.reserve(_req()) == 2.0
    assert limiter.reserve(_req(product="zia")) == 0.0  # other products go on
    assert limiter.throttled == 1


def test_a_429_header_does_not_become_the_product_limit():
    """A 429's x-ratelimit-limit may be an endpoint's (1/s): only answers that are not 429 teach windows."""
    limiter = RateLimiter(clock=Clock())
    limiter.observe(_req(), _answer(429, {"x-ratelimit-limit": "1, 1;w=1"}))
    assert limiter.limits("zpa") == ()


def test_zia_endpoint_limit_is_learned_from_its_429_body_for_that_endpoint_only():
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    users = "https://h/zia/api/v1/users/77"
    body = b'{"message": "Rate Limit (1/SECOND) exceeded", "Retry-After": "0 seconds"}'
    limiter.observe(_req(users, "zia"), _answer(429, {"Retry-After": "0"}, body))
    assert limiter.endpoint_limits() == {("zia", "GET", "/zia/api/v1/users/{}"): ((1, 1.0),)}
    times = _send_times(limiter, clock, 3, _req("https://h/zia/api/v1/users/78", "zia"))
    assert times == pytest.approx([clock.now, clock.now + 1.05, clock.now + 2.1])  # one per (padded) second
    assert _send_times(limiter, clock, 5, _req("https://h/zia/api/v1/urlCategories", "zia")) == [clock.now] * 5
    assert _send_times(limiter, clock, 2, _req(users, "zia", "PUT")) == [clock.now] * 2  # another method


def test_a_short_window_learned_starts_as_full_as_the_server_says():
    clock = Clock()
    limiter = RateLimiter(clock=clock)
    for _ in range(3):  # three requests out; the first answer says 5 of 8 remain, and two are still in flight
        limiter.reserve(_req())
    limiter.observe(_req(), _answer(headers={"x-ratelimit-limit": "8, 8;w=1", "x-ratelimit-remaining": "5",
                                             "x-ratelimit-reset": "1"}))
    times = _send_times(limiter, clock, 4)
    assert times[:3] == [clock.now] * 3 and times[3] > clock.now  # 8 - 5 + 2 used: 3 left in this window


def test_a_new_window_starts_with_its_first_request():
    clock = Clock()
    limiter = RateLimiter({"zpa": 2}, clock=clock)
    _send_times(limiter, clock, 2)
    clock.now += 5  # long after the window: a fresh one, starting now
    assert _send_times(limiter, clock, 3) == pytest.approx([clock.now, clock.now, clock.now + 1.05])


def test_threads_sharing_a_limiter_never_overfill_a_window():
    clock = Clock()  # frozen: every reservation is made at the same instant, so only the lock orders them
    limiter = RateLimiter({"zpa": 7}, clock=clock)
    times: list[float] = []
    lock = threading.Lock()

    def work() -> None:
        mine = [clock.now + limiter.reserve(_req()) for _ in range(50)]
        with lock:
            times.extend(mine)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    per_window = Counter(round(t - clock.now, 6) for t in times)
    assert len(times) == 400
    assert set(per_window.values()) <= {7, 400 % 7} and max(per_window.values()) == 7
    assert len(per_window) == -(-400 // 7)  # every slot taken once: ceil(400 / 7) windows


# ---------------------------------------------------------------- configuration

@pytest.mark.parametrize("value,expected", [
    (20, {"*": 20.0}), ("20", {"*": 20.0}), ({"zpa": 5, "zia": "2.5"}, {"zpa": 5.0, "zia": 2.5}),
    ("zpa=5, zia=1", {"zpa": 5.0, "zia": 1.0}),
])
def test_rate_limit_config_is_accepted(sim, value, expected):
    with ZscalerClient(sim.oneapi_config(rateLimit={"perSecond": value})) as c:
        limiter = c.get_request_executor().rate_limiter
        assert limiter is not None and limiter._static == {k: per_second_windows(v) for k, v in expected.items()}


@pytest.mark.parametrize("value,message", [
    (0, "above 0"), (-1, "between 0"), ("fast", "must be a number"), (True, "requests per second"),
    ({"zpa": "x"}, "rateLimit.perSecond.zpa"), ({"": 1}, "product name"), ([5], "requests per second"),
    (float("nan"), "finite"),
])
def test_bad_rate_limit_config_names_the_key(sim, value, message):
    with pytest.raises(ConfigurationError, match="rateLimit.perSecond") as e:
        ZscalerClient(sim.oneapi_config(rateLimit={"perSecond": value}))
    assert message in str(e.value)


def test_rate_limit_from_the_environment(sim, monkeypatch):
    monkeypatch.setenv("ZSCALER_RATE_LIMIT", "zpa=4")
    monkeypatch.setenv("ZSCALER_RATE_LIMIT_ADAPTIVE", "false")
    with ZscalerClient(sim.oneapi_config()) as c:
        limiter = c.get_request_executor().rate_limiter
        assert limiter.limits("zpa") == ((4, 1.0),) and limiter.adaptive is False
    monkeypatch.setenv("ZSCALER_RATE_LIMIT", "zpa=none")
    with pytest.raises(ConfigurationError, match="ZSCALER_RATE_LIMIT"):
        ZscalerClient(sim.oneapi_config())


# ---------------------------------------------------------------- over the simulator: no 429 from a known limit

def _config(sim, **rate_limit):
    return sim.oneapi_config(rateLimit={**FAST_RETRY["rateLimit"], **rate_limit})


def _hammer(call, threads: int, each: int) -> list[BaseException]:
    errors: list[BaseException] = []

    def work() -> None:
        for _ in range(each):
            _, _, err = call()
            if err is not None:
                errors.append(err)

    pool = [threading.Thread(target=work) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return errors


def test_a_configured_limit_is_never_exceeded(sim):
    sim.seed("zpa", "segment_groups", 3)
    sim.rate_limit("zpa", 20)
    with ZscalerClient(_config(sim, perSecond={"zpa": 20})) as c:
        errors = _hammer(c.zpa.segment_groups.list_groups, threads=6, each=5)
    statuses = Counter(r.status for r in api_requests(sim, "/segmentGroup"))
    assert errors == [] and statuses == {200: 30}
    assert sim.throttled == 0


def test_a_limit_learned_from_the_headers_is_never_exceeded(sim):
    sim.seed("zpa", "segment_groups", 3)
    sim.set_network(rate_limit="20/s")  # the gateway's per-client window, shown in x-ratelimit-limit
    with ZscalerClient(_config(sim)) as c:
        _, _, err = c.zpa.segment_groups.list_groups()  # the first answer tells the window
        assert err is None and c.get_request_executor().rate_limiter.limits("zpa") == ((20, 1.0),)
        errors = _hammer(c.zpa.segment_groups.list_groups, threads=6, each=5)
    assert errors == [] and sim.throttled == 0
    assert Counter(r.status for r in api_requests(sim, "/segmentGroup")) == {200: 31}


def test_without_the_limiter_the_same_work_trips_429s(sim):
    """The control experiment: the limit above is real, and only the limiter keeps the client under it."""
    sim.seed("zpa", "segment_groups", 3)
    sim.set_network(rate_limit="20/s")
    with ZscalerClient(_config(sim, adaptive=False, maxRetries=0)) as c:
        errors = _hammer(c.zpa.segment_groups.list_groups, threads=6, each=5)
    assert sim.throttled > 0 and len(errors) == sim.throttled


def test_a_zia_endpoint_limit_is_learned_from_its_first_429(sim):
    """ZIA's ``Rate Limit (N/SECOND) exceeded``: after the 429s of the first burst (at most one per thread in
    flight), the endpoint is paced and every call succeeds."""
    sim.seed("zia", "rule_labels", 3)
    sim.set_network(endpoint_limits={"GET /zia/api/v1/ruleLabels": "5/s"})
    with ZscalerClient(_config(sim, maxRetries=10)) as c:
        errors = _hammer(c.zia.rule_labels.list_labels, threads=4, each=4)
        limits = c.get_request_executor().rate_limiter.endpoint_limits()
    assert errors == []
    assert limits == {("zia", "GET", "/zia/api/v1/ruleLabels"): ((5, 1.0),)}
    statuses = Counter(r.status for r in api_requests(sim, "/ruleLabels"))
    assert statuses[200] == 16 and statuses[429] <= 4


def test_legacy_clients_take_the_same_keys(sim):
    from zscaler.oneapi_client import LegacyZIAClient

    with LegacyZIAClient(sim.legacy_config("zia", rateLimit={"perSecond": 3}, pagination={"concurrency": 2})) as c:
        executor = c.get_request_executor()
        assert executor.rate_limiter.limits("zia") == ((3, 1.0),) and executor.page_concurrency == 2
    with LegacyZIAClient(sim.legacy_config("zia", pagination={"prefetch": False})) as c:
        assert c.get_request_executor().page_concurrency == 0
    with pytest.raises(ConfigurationError, match="LegacyZIAClient.*rateLimit.perSecond"):
        LegacyZIAClient(sim.legacy_config("zia", rateLimit={"perSecond": -2}))
    with pytest.raises(ConfigurationError, match="pagination.concurrency"):
        LegacyZIAClient(sim.legacy_config("zia", pagination={"concurrency": 0}))


def test_the_documented_defaults_are_the_ones_in_effect(sim):
    """``pagination.concurrency`` and ``pagination.prefetch`` have one default, in config.KEYS; every
    client kind runs with it when the key is not given."""
    from zscaler import AsyncZscalerClient
    from zscaler.config import KEY_BY_NAME
    from zscaler.oneapi_client import LegacyZIAClient

    documented = KEY_BY_NAME["pagination.concurrency"].default
    assert KEY_BY_NAME["pagination.prefetch"].default is True and documented == 16
    with ZscalerClient(sim.oneapi_config()) as c:
        assert c.get_request_executor().page_concurrency == documented
    with LegacyZIAClient(sim.legacy_config("zia")) as c:
        assert c.get_request_executor().page_concurrency == documented
    assert AsyncZscalerClient(sim.oneapi_config())._executor.page_concurrency == documented
