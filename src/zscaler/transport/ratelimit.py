"""The client-side rate limiter (issue #17): send no more than the gateway allows, so that bulk and
parallel work does not trip 429 answers in the first place (the retry layer stays for those that
slip through).

One :class:`RateLimiter` per client, shared by its threads; it keeps one budget per product and
one per endpoint (method and path template) where an endpoint has a limit of its own. A budget is
a set of fixed windows, ``(count, seconds)``: from the configuration (``rateLimit.perSecond``),
from the gateway's ``x-ratelimit-limit`` header (``5000, 5000;w=60``; ``500, 500;w=1,
10000;w=60``: every ``N;w=S`` is a window) and from ZIA's 429 bodies (``Rate Limit (1/SECOND)
exceeded``: a window of that endpoint). :meth:`RateLimiter.reserve` takes the earliest slot that
fits every window of the request's budgets and answers how long to wait for it; nothing blocks
while the lock is held, so the async client uses the same object. A 429 pauses the budget it
belongs to for the wait the server asks (``Retry-After`` and the other reset headers).
The client counts its own requests; ``x-ratelimit-remaining`` is read once, when a short window
(up to 10 s) is learned, to start it as full as the server's current one (plus the requests in
flight). A count another process spent later shows up as a 429, which pauses the budget.

Windows are kept a little longer than the server's (5%, at most 0.5 s), so that a window whose
first request reached the server later than the one before (network jitter) never overlaps the
server's previous window.
"""

from __future__ import annotations

import math
import re
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from .pipeline import Request, header_wait

#: ``N;w=S`` items of ``x-ratelimit-limit``
_POLICY = re.compile(r"(\d+(?:\.\d+)?)\s*;\s*w\s*=\s*(\d+(?:\.\d+)?)")
#: ZIA's per-endpoint 429 body
_ZIA_LIMIT = re.compile(r"Rate Limit \((\d+)/(SECOND|MINUTE|HOUR|DAY)\)", re.IGNORECASE)
_UNIT = {"SECOND": 1.0, "MINUTE": 60.0, "HOUR": 3600.0, "DAY": 86400.0}


def window_pad(seconds: float) -> float:
    """How much longer than the server's a window is kept (5%, at most half a second)."""
    return min(0.05 * seconds, 0.5)


def parse_policies(value: str | None) -> tuple[tuple[int, float], ...]:
    """``x-ratelimit-limit`` -> ``((count, seconds), ...)``; () when it names no window."""
    if not value:
        return ()
    out = []
    for count, seconds in _POLICY.findall(value):
        n, w = int(float(count)), float(seconds)
        if n > 0 and w > 0:
            out.append((n, w))
    return tuple(sorted(set(out), key=lambda p: p[1]))


def per_second_windows(rate: float) -> tuple[tuple[int, float], ...]:
    """A static limit of ``rate`` requests per second as one window: ``(floor(rate), floor(rate)/rate)``
    from 1/s up, ``(1, 1/rate)`` below it (2.5/s is 2 per 0.8 s; 0.5/s is 1 per 2 s)."""
    if not rate > 0:
        return ()
    count = max(1, math.floor(rate))
    return ((count, count / rate),)


#: the longest window a newly learned limit is synchronized for from ``x-ratelimit-remaining``
_SYNC_WINDOW = 10.0

_ID_SEGMENT = re.compile(r"^(?!v\d+$).*\d")


def path_template(url: str) -> str:
    """The path of ``url`` with its id segments (any segment holding a digit, except ``v1``-like
    versions) as ``{}``: the key of an endpoint's own limit (``/zia/api/v1/users/{}``)."""
    path = url.split("://", 1)[-1]
    path = path[path.find("/"):] if "/" in path else "/"
    path = path.split("?", 1)[0]
    return "/".join("{}" if _ID_SEGMENT.match(seg) else seg for seg in path.split("/"))


@dataclass
class _Window:
    """One fixed window of a budget: ``count`` requests per ``seconds`` (kept ``pad`` longer)."""

    count: int
    seconds: float
    start: float = -math.inf
    used: int = 0

    @property
    def length(self) -> float:
        return self.seconds + window_pad(self.seconds)

    def earliest(self, t: float) -> float:
        """The earliest time at or after ``t`` with room in this window (or the one after it)."""
        end = self.start + self.length
        if t >= end:
            return t
        if self.used < self.count:
            return max(t, self.start)
        return end

    def take(self, t: float) -> None:
        """Count a request sent at ``t`` (a time :meth:`earliest` gave)."""
        if t >= self.start + self.length:  # a new window starts with its first request, as the server's does
            self.start, self.used = t, 0
        self.used += 1


@dataclass
class _Budget:
    """The windows one product or endpoint must stay within, and a pause a 429 asked for."""

    static: tuple[tuple[int, float], ...] = ()
    learned: tuple[tuple[int, float], ...] = ()
    windows: dict[tuple[int, float], _Window] = field(default_factory=dict)
    paused_until: float = -math.inf
    sent: int = 0
    inflight: int = 0  # requests reserved whose answer has not been observed yet

    def policies(self) -> Iterable[tuple[int, float]]:
        return (*self.static, *self.learned)

    def learn(self, policies: tuple[tuple[int, float], ...], remaining: int | None = None,
              reset: float | None = None, now: float = 0.0) -> None:
        """Hold to ``policies`` from now on. A new short window (up to 10 s) starts as full as the server
        said its current one is (``remaining``, ``reset``), plus the requests still in flight."""
        if not policies or policies == self.learned:
            return
        self.learned = policies
        self._sync_windows()
        count, seconds = policies[0]
        w = self.windows[(count, seconds)]
        if remaining is not None and seconds <= _SYNC_WINDOW and w.start == -math.inf:
            w.start = now - seconds + (seconds if reset is None else min(seconds, reset))
            w.used = min(count, max(0, count - remaining) + self.inflight)

    def set_static(self, policies: tuple[tuple[int, float], ...]) -> None:
        self.static = policies
        self._sync_windows()

    def _sync_windows(self) -> None:
        keep = set(self.policies())
        self.windows = {p: self.windows.get(p) or _Window(*p) for p in keep}

    def earliest(self, t: float) -> float:
        t = max(t, self.paused_until)
        for _ in range(8):  # the windows agree after a round or two; bounded in any case
            moved = max((w.earliest(t) for w in self.windows.values()), default=t)
            if moved == t:
                break
            t = moved
        return t

    def take(self, t: float) -> None:
        self.sent += 1
        for w in self.windows.values():
            w.take(t)


class RateLimiter:
    """The rate budgets of one client: per product, and per endpoint where one has its own limit.

    ``per_second`` is the configured static limit (``rateLimit.perSecond``): ``{product: rate}``, the
    key ``"*"`` for every product. ``adaptive`` (``rateLimit.adaptive``) learns windows from the
    answers; without it only the static limits and 429 pauses apply. Thread-safe, never blocks:
    :meth:`reserve` answers a wait, the caller sleeps it (``time.sleep`` or ``asyncio.sleep``).
    """

    def __init__(self, per_second: Mapping[str, float] | None = None, *, adaptive: bool = True,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.adaptive = adaptive
        self.clock = clock
        self._static = {k: per_second_windows(float(v)) for k, v in (per_second or {}).items() if v}
        self._products: dict[str, _Budget] = {}
        self._endpoints: dict[tuple[str, str, str], _Budget] = {}
        self._seen: dict[str, str] = {}  # the last x-ratelimit-limit value learned, per product
        self._lock = threading.Lock()
        self.waits = 0  # reservations that had to wait
        self.throttled = 0  # 429 answers observed

    # -- budgets
    def _product(self, product: str) -> _Budget:
        b = self._products.get(product)
        if b is None:
            b = self._products[product] = _Budget()
            b.set_static(self._static.get(product) or self._static.get("*") or ())
        return b

    @staticmethod
    def _endpoint_key(request: Request) -> tuple[str, str, str]:
        return (request.product or "", request.method, path_template(request.url))

    def _budgets(self, request: Request) -> list[_Budget]:
        out = [self._product(request.product or "")]
        ep = self._endpoints.get(self._endpoint_key(request)) if self._endpoints else None
        if ep is not None:
            out.append(ep)
        return out

    # -- the two calls of a layer
    def reserve(self, request: Request) -> float:
        """Take the earliest slot ``request`` may be sent in; the seconds to wait for it (0: now)."""
        with self._lock:
            now = self.clock()
            budgets = self._budgets(request)
            t = now
            for _ in range(8):
                moved = max(b.earliest(t) for b in budgets)
                if moved == t:
                    break
                t = moved
            for b in budgets:
                b.take(t)
            budgets[0].inflight += 1
            if t > now:
                self.waits += 1
            return t - now

    def observe(self, request: Request, response: Any) -> None:
        """Learn from one answer: the gateway's windows (``x-ratelimit-limit`` of an answer that is not a
        429: a 429's header may be an endpoint's limit), and a 429's wait and endpoint limit."""
        if getattr(response, "status_code", 0) == 429:
            self._throttled_by(request, response)
            return
        headers = getattr(response, "headers", None) or {}
        value = headers.get("x-ratelimit-limit") if self.adaptive else None
        product = request.product or ""
        with self._lock:
            budget = self._product(product)
            budget.inflight = max(0, budget.inflight - 1)
            if value and self._seen.get(product) != value:  # parsed once per value, not per answer
                self._seen[product] = value
                budget.learn(parse_policies(value), _whole(headers.get("x-ratelimit-remaining")),
                             _whole(headers.get("x-ratelimit-reset")), self.clock())

    def _throttled_by(self, request: Request, response: Any) -> None:
        """A 429: pause the budget it belongs to (the endpoint's when the body names its limit, else the
        product's) for the wait the server asks; learn the endpoint's limit."""
        wait = header_wait(getattr(response, "headers", None) or {})
        endpoint_limit = _endpoint_limit(response) if self.adaptive else None
        with self._lock:
            self.throttled += 1
            target = self._product(request.product or "")
            target.inflight = max(0, target.inflight - 1)
            if endpoint_limit is not None:
                target = self._endpoints.setdefault(self._endpoint_key(request), _Budget())
                target.learn((endpoint_limit,))
            if wait is not None:  # without a wait the retry layer's backoff spaces the retries
                target.paused_until = max(target.paused_until, self.clock() + wait)

    # -- what tests and users may read
    def limits(self, product: str) -> tuple[tuple[int, float], ...]:
        """The windows ``product`` is held to now: ``((count, seconds), ...)``."""
        with self._lock:
            b = self._products.get(product)
            return tuple(b.policies()) if b is not None else self._static.get(product) or self._static.get("*") or ()

    def endpoint_limits(self) -> dict[tuple[str, str, str], tuple[tuple[int, float], ...]]:
        """``{(product, method, path template): windows}`` of the endpoints with limits of their own."""
        with self._lock:
            return {k: tuple(b.policies()) for k, b in self._endpoints.items()}

    def __repr__(self) -> str:
        return (f"<RateLimiter products={sorted(self._products)} endpoints={len(self._endpoints)} "
                f"waits={self.waits} throttled={self.throttled}>")


def _whole(value: Any) -> int | None:
    """The first number of a header (``"7"``, ``"7, 100"``) as a whole number; None when there is none."""
    try:
        return max(0, int(float(str(value).split(",")[0].strip()))) if value is not None else None
    except (ValueError, OverflowError):
        return None


def _endpoint_limit(response: Any) -> tuple[int, float] | None:
    """``(count, seconds)`` of a ZIA ``Rate Limit (N/UNIT) exceeded`` body, else None."""
    try:
        text = response.content[:2000].decode("utf-8", "replace")
    except Exception:  # a streamed answer not read, or no body: nothing to learn
        return None
    m = _ZIA_LIMIT.search(text)
    if m is None or int(m.group(1)) <= 0:
        return None
    return int(m.group(1)), _UNIT[m.group(2).upper()]


__all__ = ["RateLimiter", "parse_policies", "path_template", "per_second_windows", "window_pad"]
