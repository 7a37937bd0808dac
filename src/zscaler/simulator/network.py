"""The values of the simulator's realistic network: added latency and rate limits.

:class:`Latency` is the time added to every answer (fixed, or spread evenly by a jitter);
:class:`Rate` is N requests per window of W seconds; :class:`EndpointLimit` is a rate for the
requests of one method and path pattern (ZIA-style per-endpoint limits). The ``parse_*``
functions read them from Python values, control-API JSON and command-line text, and refuse bad
input with a ``ValueError`` that names the field and what is accepted. The gateway
(:mod:`.gateway`) enforces the limits; the HTTP server waits out the latency.
"""

from __future__ import annotations

import fnmatch
import math
import random
import re
from dataclasses import dataclass
from typing import Any

_DURATION = re.compile(r"^\s*(\d+(?:\.\d*)?|\.\d+)\s*(ms|s|min|m|h)?\s*$", re.I)
_UNITS = {"ms": 0.001, "s": 1.0, "m": 60.0, "min": 60.0, "h": 3600.0}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d+(?:\.\d*)?)?\s*(ms|s|sec|second|m|min|minute|h|hour)?\s*$", re.I)
_RATE_UNITS = {"ms": 0.001, "s": 1.0, "sec": 1.0, "second": 1.0, "m": 60.0, "min": 60.0, "minute": 60.0,
               "h": 3600.0, "hour": 3600.0}
_METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "*"})

RATE_HELP = "N (per second), 'N/s', 'N/60s', 'N/min', 'N/h', (N, window_seconds) or None/0/'off' for no limit"


def parse_duration(value: Any, field: str) -> float:
    """Seconds >= 0 from a number (seconds) or text: ``0.04``, ``"40ms"``, ``"0.04s"``, ``"1m"``."""
    if isinstance(value, bool):
        raise ValueError(f"{field} must be seconds (a number) or text like '40ms' or '0.04s', got {value!r}")
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        m = _DURATION.match(str(value)) if isinstance(value, str) else None
        if m is None:
            raise ValueError(f"{field} must be seconds (a number) or text like '40ms' or '0.04s', got {value!r}")
        seconds = float(m.group(1)) * _UNITS[(m.group(2) or "s").lower()]
    if not 0 <= seconds < 3600 or math.isnan(seconds):
        raise ValueError(f"{field} must be between 0 and 3600 seconds, got {value!r}")
    return seconds


@dataclass(frozen=True)
class Rate:
    """``limit`` requests per ``window`` seconds."""

    limit: int
    window: float = 1.0

    def __post_init__(self) -> None:
        if self.limit < 1:
            raise ValueError(f"a rate limit must allow at least 1 request, got {self.limit!r}")
        if not 0 < self.window <= 86400:
            raise ValueError(f"a rate window must be between 0 and 86400 seconds, got {self.window!r}")

    def header(self) -> str:
        """The gateway's ``x-ratelimit-limit`` value: ``"5000, 5000;w=60"``."""
        return f"{self.limit}, {self.limit};w={self.window:g}"

    def unit(self) -> str:
        """How ZIA names the window in its 429 body: ``SECOND``, ``MINUTE``, ``HOUR`` or ``N SECONDS``."""
        return {1.0: "SECOND", 60.0: "MINUTE", 3600.0: "HOUR"}.get(self.window, f"{self.window:g} SECONDS")

    def __str__(self) -> str:
        return f"{self.limit}/{self.window:g}s"


def parse_rate(value: Any, field: str) -> Rate | None:
    """A :class:`Rate` (None: no limit) from any form of :data:`RATE_HELP`."""
    if value is None or value == 0 or value is False or isinstance(value, str) and value.strip().lower() in ("off", "0", ""):
        return None
    if isinstance(value, Rate):
        return value
    if isinstance(value, dict):  # the form network_stats() shows: {"limit": N, "window": seconds}
        value = (value.get("limit"), value.get("window", 1))
    try:
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, (int, float)):
            return _whole_rate(float(value), 1.0)
        if isinstance(value, (tuple, list)) and len(value) == 2:
            return _whole_rate(float(value[0]), parse_duration(value[1], field))
        m = _RATE.match(value) if isinstance(value, str) else None
        if m is None:
            raise ValueError
        count, size, unit = m.groups()
        return _whole_rate(float(count), float(size or 1) * _RATE_UNITS[(unit or "s").lower()])
    except (ValueError, TypeError):
        raise ValueError(f"{field} must be {RATE_HELP}; got {value!r}") from None


def _whole_rate(count: float, window: float) -> Rate:
    if not count.is_integer() or count < 1 or window <= 0:
        raise ValueError
    return Rate(int(count), window)


@dataclass(frozen=True)
class EndpointLimit:
    """A rate for the requests of ``method`` (None: any) whose resource path matches ``path``
    (an fnmatch glob, ``/zia/api/v1/users*``)."""

    method: str | None
    path: str
    rate: Rate

    def matches(self, method: str, path: str) -> bool:
        return (self.method is None or self.method == method) and fnmatch.fnmatchcase(path, self.path)

    @property
    def key(self) -> str:
        return f"{self.method or '*'} {self.path}"

    def as_dict(self) -> dict[str, Any]:
        return {"method": self.method, "path": self.path, "limit": self.rate.limit, "window": self.rate.window}


def parse_endpoint(key: str, value: Any) -> EndpointLimit:
    """``("GET /zia/api/v1/users", "1/s")`` -> an :class:`EndpointLimit`; the method is optional."""
    if not isinstance(key, str) or not key.strip():
        raise ValueError(f"an endpoint limit is keyed by 'METHOD /path/glob' or '/path/glob', got {key!r}")
    parts = key.split()
    method = parts[0].upper() if len(parts) == 2 else None
    path = parts[-1]
    if len(parts) > 2 or (method is not None and method not in _METHODS) or not path.startswith(("/", "*")):
        raise ValueError(f"an endpoint limit is keyed by 'METHOD /path/glob' or '/path/glob', got {key!r}")
    rate = parse_rate(value, f"endpoint limit of {key!r}")
    if rate is None:
        raise ValueError(f"endpoint limit of {key!r} must be a rate ({RATE_HELP.split(' or None')[0]}), got {value!r}")
    return EndpointLimit(None if method == "*" else method, path, rate)


def parse_endpoints(value: Any) -> tuple[EndpointLimit, ...]:
    """Endpoint limits from a mapping ``{"GET /zia/api/v1/users": "1/s"}``, a list of
    :class:`EndpointLimit` or of ``"GET /path=1/s"`` texts; None or empty: none."""
    if not value:
        return ()
    if isinstance(value, dict):
        return tuple(parse_endpoint(k, v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_endpoint_item(v) for v in value)
    raise ValueError(f"endpoint_limits must be a mapping {{'METHOD /path': rate}} or a list, got {value!r}")


def _endpoint_item(value: Any) -> EndpointLimit:
    if isinstance(value, EndpointLimit):
        return value
    if isinstance(value, dict):  # the form network_stats() shows: {"method", "path", "limit", "window"}
        key = f"{value.get('method') or '*'} {value.get('path', '')}"
        return parse_endpoint(key, (value.get("limit"), value.get("window", 1)))
    return parse_endpoint_text(value)


def parse_endpoint_text(text: Any) -> EndpointLimit:
    """The command-line form ``"GET /zia/api/v1/users=1/s"``."""
    key, sep, rate = str(text).rpartition("=")
    if not sep or not isinstance(text, str):
        raise ValueError(f"an endpoint limit is 'METHOD /path/glob=RATE' (e.g. 'GET /zia/api/v1/users=1/s'), got {text!r}")
    return parse_endpoint(key, rate)


@dataclass(frozen=True)
class Latency:
    """Seconds added to every answer: ``base``, spread evenly over ``base ± jitter``."""

    base: float = 0.0
    jitter: float = 0.0

    def __post_init__(self) -> None:
        if self.jitter > self.base:
            raise ValueError(f"latency_jitter ({self.jitter:g} s) must not exceed latency ({self.base:g} s)")

    def sample(self, rng: random.Random) -> float:
        if not self.jitter:
            return self.base
        return self.base + rng.uniform(-self.jitter, self.jitter)

    def __bool__(self) -> bool:
        return self.base > 0


def make_latency(latency: Any, jitter: Any) -> Latency:
    return Latency(parse_duration(latency or 0, "latency"), parse_duration(jitter or 0, "latency_jitter"))
