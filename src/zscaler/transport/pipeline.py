"""The request pipeline: a short chain of layers around one httpx client.

``cache -> retry -> auth -> rate limit -> logging -> http``. Each layer is a callable
``layer(request, next) -> httpx.Response`` and can be tested on its own.
"""

from __future__ import annotations

import datetime
import email.utils
import logging
import math
import random
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator, Mapping, Sequence, cast

import httpx

from ..auth import CredentialProvider, wait_budget
from ..errors import RetryBudgetExceeded, TransportError, safe_url
from .redact import redact_headers, redact_json_text

log = logging.getLogger("zscaler.transport")

IDEMPOTENT = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass(frozen=True)
class Request:
    method: str
    url: str
    params: Sequence[tuple[str, str]] = ()
    headers: Mapping[str, str] = field(default_factory=dict)
    content: Any = None  # bytes, a binary file object (streamed from its position) or an iterable of bytes
    product: str | None = None
    resource_path: str | None = None  # concrete collection path, for cache invalidation
    authenticate: bool = True
    timeout: float | None = None
    stream: bool = False

    content_start: int | None = None  # position of a seekable file body, so a retry can resend it

    @property
    def idempotent(self) -> bool:
        return self.method in IDEMPOTENT

    @property
    def replayable(self) -> bool:
        """Whether the body can be sent again (bytes, nothing, or a seekable file)."""
        c = self.content
        return c is None or isinstance(c, bytes) or self.content_start is not None

    @property
    def streamed(self) -> bool:
        return self.content is not None and not isinstance(self.content, bytes)

    def body_for_send(self) -> Any:
        """What httpx gets as ``content``: bytes as they are, a file read in chunks from its start."""
        c = self.content
        return _file_chunks(c, self.content_start) if hasattr(c, "read") else c

    def with_headers(self, extra: Mapping[str, str]) -> "Request":
        new = object.__new__(Request)  # a field-for-field copy (dataclasses.replace costs ~10 µs)
        new.__dict__.update(self.__dict__)
        new.__dict__["headers"] = {**self.headers, **extra}
        return new


def _file_chunks(f: Any, start: int | None, size: int = 65536) -> Iterator[bytes]:
    if start is not None:
        f.seek(start)
    while True:
        chunk = f.read(size)
        if not chunk:
            return
        yield chunk


Handler = Callable[[Request], httpx.Response]
Layer = Callable[[Request, Handler], httpx.Response]


def compose(layers: Sequence[Layer], last: Handler) -> Handler:
    handler = last
    for layer in reversed(layers):
        handler = (lambda lay, nxt: (lambda req: lay(req, nxt)))(layer, handler)
    return handler


# ------------------------------------------------------------------ HTTP

def to_httpx(client: httpx.Client | httpx.AsyncClient, req: Request, content: Any) -> httpx.Request:
    """The ``httpx.Request`` that ``client`` sends for ``req`` with the body ``content`` (the sync and
    the async HTTP layer build it alike)."""
    if not req.params:
        url = httpx.URL(req.url)
    elif "?" in req.url:  # a catalog path with its own query (``?action=ADD_TO_LIST``): merged with the params
        url = httpx.URL(req.url).copy_merge_params(list(req.params))
    else:  # one parse instead of two (~20 µs less for each page of a listing)
        url = httpx.URL(req.url, params=list(req.params))
    headers = httpx.Headers(client.headers)  # httpx defaults (Accept-Encoding ...) under ours; no cookie jar
    headers.update(req.headers)
    timeout = client.timeout if req.timeout is None else httpx.Timeout(req.timeout)
    return httpx.Request(req.method, url, headers=headers, content=content, extensions={"timeout": timeout.as_dict()})


def settled(resp: httpx.Response) -> httpx.Response:
    """``resp``, read in full, without the reference cycle httpx leaves it in (its stream object points
    back at it): dropped, it is freed at once rather than at the next full garbage collection, so the
    pages of a listing do not pile up in memory between collections (issue #17, W3). Its content
    and every public attribute are unchanged; only the consumed stream is swapped for its bytes."""
    resp.stream = httpx.ByteStream(resp.content)
    return resp


class HttpLayer:
    """Sends with one pooled httpx.Client, created on first use and reused until closed.

    Every request, buffered or streamed, goes through the client's public ``send``, so its
    transport (a custom ``transport``, or one patched by respx, pytest-httpx or vcrpy) sees it.
    """

    def __init__(self, client_factory: Callable[[], httpx.Client]) -> None:
        self._factory = client_factory
        self._client: httpx.Client | None = None
        self._lock = threading.Lock()

    @property
    def client(self) -> httpx.Client:
        c = self._client
        if c is None or c.is_closed:
            with self._lock:
                c = self._client
                if c is None or c.is_closed:
                    c = self._client = self._factory()
        return c

    def __call__(self, req: Request) -> httpx.Response:
        client = self.client
        resp = client.send(to_httpx(client, req, req.body_for_send()), stream=req.stream)
        return resp if req.stream else settled(resp)

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None


# ------------------------------------------------------------------ auth

class AuthLayer:
    """Adds the credential headers; on a 401 drops the credential and retries once with a fresh one."""

    def __init__(self, provider: CredentialProvider) -> None:
        self.provider = provider

    def __call__(self, req: Request, nxt: Handler) -> httpx.Response:
        if not req.authenticate:
            return nxt(req)
        used = dict(self.provider.headers())
        resp = nxt(req.with_headers(used))
        if resp.status_code == 401 and req.replayable and self.provider.invalidate(used):
            log.info("HTTP 401 on %s %s: refreshing credentials and retrying once", req.method, safe_url(req.url))
            resp.close()
            resp = nxt(req.with_headers(self.provider.headers()))
        return resp


# ------------------------------------------------------------------ retry

@dataclass
class RetryPolicy:
    max_retries: int = 2
    max_wait_total: float = 120.0
    backoff_base: float = 0.5
    backoff_max: float = 30.0
    edit_lock_base: float = 5.0
    total_timeout: float = 0.0  # 0 = none
    sleep: Callable[[float], None] = time.sleep
    jitter: Callable[[], float] = random.random

    def backoff(self, attempt: int) -> float:
        """Capped exponential backoff with full jitter between half and all of the step."""
        step = min(self.backoff_max, self.backoff_base * (2 ** attempt))
        return cast("float", step * (0.5 + 0.5 * self.jitter()))


def header_wait(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait before retrying, from whichever rate-limit header the product sends.

    Read defensively: a value that is neither seconds nor an HTTP date (``13 seconds``, garbage,
    NaN) is no answer (None: the caller backs off), never an exception."""
    h = {k.lower(): v for k, v in headers.items()}
    ra = h.get("retry-after")
    if ra is not None:
        wait = _seconds_or_date(ra, now)
        if wait is not None:
            return wait
    for name in ("x-ratelimit-reset", "ratelimit-reset", "x-rate-limit-retry-after-seconds"):
        v = h.get(name)
        if v is not None:
            wait = _seconds(v.split(",")[0])
            if wait is not None:
                return wait
    return None


def _seconds(text: str) -> float | None:
    """``"3"``, ``"4s"``, ``"0 seconds"`` -> seconds (not negative; NaN and other text: None)."""
    s = text.strip().lower()
    for unit in ("seconds", "second", "secs", "sec", "s"):
        if s.endswith(unit):
            s = s[: -len(unit)].strip()
            break
    try:
        n = float(s)
    except ValueError:
        return None
    return None if math.isnan(n) else max(0.0, n)


def _seconds_or_date(value: str, now: float | None) -> float | None:
    wait = _seconds(value)
    if wait is not None or not value.strip():
        return wait
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None:  # an HTTP date is GMT
        parsed = parsed.replace(tzinfo=datetime.timezone.utc)
    return max(0.0, parsed.timestamp() - (time.time() if now is None else now))


def jittered(wait: float, jitter: Callable[[], float] = random.random) -> float:
    """A wait the server asked for, lengthened a little (up to 10% plus 0.1 s, at most 1 s) so
    clients told the same wait do not all come back at the same instant."""
    return wait + min(1.0, 0.1 * wait + 0.1) * jitter()


class RetryLayer:
    """Retries 429 (any method), 503/504 and dropped connections (idempotent methods, or
    connection failures before the request was sent), and the ZIA/ZTW edit lock.

    The total time spent waiting is capped; a wait that would exceed the cap fails the call
    with :class:`RetryBudgetExceeded` instead of sleeping. Waits a header asked for are
    lengthened a little (:func:`jittered`). Logins the call triggers wait inside the same budget.
    A DELETE sent again after its answer was lost (the connection dropped after sending, or a
    504) that now answers 404 was done by the lost attempt: it is reported as done (204, with
    the header ``X-Zscaler-SDK-Note``), logged at WARNING.
    """

    def __init__(self, policy: RetryPolicy) -> None:
        self.policy = policy

    def __call__(self, req: Request, nxt: Handler) -> httpx.Response:
        p = self.policy
        waited = 0.0
        attempt = 0
        started = time.monotonic()
        maybe_done = False  # an earlier attempt may have been carried out (its answer was lost)
        while True:
            resp: httpx.Response | None = None
            try:
                with wait_budget(p.max_wait_total - waited) as budget:
                    resp = nxt(req)
            except httpx.TransportError as e:
                waited += budget.spent
                wait, reason, sent = self._after_transport_error(req, e, attempt)
                maybe_done = maybe_done or sent
            else:
                waited += budget.spent
                if maybe_done and req.method == "DELETE" and resp.status_code == 404:
                    return _deleted_before(req, resp)
                retry = self._retry_of(req, resp, attempt, waited)
                if retry is None or attempt >= p.max_retries or not req.replayable:
                    return resp
                wait, reason = retry
                maybe_done = maybe_done or resp.status_code == 504
            self._check_budget(req, resp, reason, wait, waited, started)
            if resp is not None:
                resp.close()
            log.info("%s on %s %s: retry %d/%d in %.2fs", reason, req.method, safe_url(req.url), attempt + 1,
                     p.max_retries, wait)
            if wait > 0:
                p.sleep(wait)
            waited += wait
            attempt += 1

    def _after_transport_error(self, req: Request, e: httpx.TransportError, attempt: int) -> tuple[float, str, bool]:
        """(wait, reason, may have been sent) when a request that failed in transport is tried again;
        :class:`TransportError` when it is not (retries spent, or not safe to send twice)."""
        p = self.policy
        unsent = isinstance(e, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))
        if attempt >= p.max_retries or not (unsent or req.idempotent) or not req.replayable:
            kind = "timed out" if isinstance(e, httpx.TimeoutException) else "failed"
            tries = f" after {attempt + 1} attempts" if attempt else ""
            raise TransportError(f"request {kind}{tries}: {type(e).__name__}", method=req.method,
                                 url=req.url, cause=e) from None
        return p.backoff(attempt), type(e).__name__, not unsent

    def _retry_of(self, req: Request, resp: httpx.Response, attempt: int, waited: float) -> tuple[float, str] | None:
        """(wait, reason) when this answer is retried, else None."""
        p = self.policy
        status = resp.status_code
        if status == 429 or (status in (503, 504) and req.idempotent):
            hw = header_wait(resp.headers)
            if hw is None:
                return p.backoff(attempt), f"HTTP {status}"
            # lengthened a little, but not beyond the budget when the asked wait itself fits
            return min(jittered(hw, p.jitter), max(hw, p.max_wait_total - waited)), f"HTTP {status}"
        if status == 409 and req.product in ("zia", "ztw") and b"EDIT_LOCK_NOT_AVAILABLE" in resp.content:
            return min(60.0, p.edit_lock_base * (2 ** attempt)), "ZIA edit lock"
        return None

    def _check_budget(self, req: Request, resp: httpx.Response | None, reason: str, wait: float, waited: float,
                      started: float) -> None:
        p = self.policy
        if waited + wait > p.max_wait_total:
            if resp is not None:
                resp.close()
            raise RetryBudgetExceeded(
                f"{reason} on {req.method} {safe_url(req.url)}: the next retry would wait {wait:.1f}s, "
                f"beyond the retry budget (rateLimit.maxRetrySeconds={p.max_wait_total:g}s, "
                f"{waited:.1f}s already waited)", method=req.method, url=req.url)
        if p.total_timeout and time.monotonic() - started + wait > p.total_timeout:
            raise RetryBudgetExceeded(
                f"{reason} on {req.method} {safe_url(req.url)}: retrying would exceed requestTimeout="
                f"{p.total_timeout:g}s", method=req.method, url=req.url)


#: the header of a synthesized answer that says what the SDK concluded on its own
NOTE_HEADER = "X-Zscaler-SDK-Note"


def _deleted_before(req: Request, resp: httpx.Response) -> httpx.Response:
    """The 404 of a replayed DELETE whose first answer was lost: the object is gone, as asked."""
    note = ("DELETE sent again after its answer was lost; the object was not found, so the lost attempt "
            "deleted it")
    log.warning("%s %s: %s", req.method, safe_url(req.url), note)
    resp.close()
    return httpx.Response(204, headers={NOTE_HEADER: note}, request=getattr(resp, "_request", None),
                          extensions={"zscaler_note": note})


# ------------------------------------------------------------------ rate limit

class RateLimitLayer:
    """Waits for the slot a rate limiter (``transport.ratelimit.RateLimiter``: ``reserve(request)``
    -> seconds, ``observe(request, response)``) gives each attempt, and shows it every answer.

    It sits below the retry and auth layers, so every attempt (retries, the resend after a 401)
    takes a slot; a request that fails on the network frees none (the server may have counted it).
    """

    def __init__(self, limiter: Any, sleep: Callable[[float], None] = time.sleep) -> None:
        self.limiter = limiter
        self.sleep = sleep

    def __call__(self, req: Request, nxt: Handler) -> httpx.Response:
        wait = self.limiter.reserve(req)
        if wait > 0:
            if log.isEnabledFor(logging.DEBUG):
                log.debug("rate limit: %s %s waits %.3fs", req.method, safe_url(req.url), wait)
            self.sleep(wait)
        resp = nxt(req)
        self.limiter.observe(req, resp)
        return resp


# ------------------------------------------------------------------ logging

class LoggingLayer:
    """Logs each attempt: INFO one line, DEBUG headers and bodies — always redacted."""

    def __call__(self, req: Request, nxt: Handler) -> httpx.Response:
        if not log.isEnabledFor(logging.INFO):
            return nxt(req)
        url, t0 = log_request(req)
        try:
            resp = nxt(req)
        except httpx.HTTPError as e:
            log_failure(req, url, t0, e)
            raise
        log_response(req, url, t0, resp)
        return resp


def log_request(req: Request) -> tuple[str, float]:
    """Log an attempt about to be sent (DEBUG: headers and body, redacted); its shown URL and start
    time, for :func:`log_response` / :func:`log_failure` (the sync and the async layer log alike)."""
    url = safe_url(str(httpx.URL(req.url, params=list(req.params) or None)))
    if log.isEnabledFor(logging.DEBUG):
        log.debug("request %s %s headers=%s body=%s", req.method, url, redact_headers(req.headers),
                  "<stream>" if req.streamed else
                  redact_json_text(req.content) if req.content and req.product != "zscsb" else "-")
    return url, time.perf_counter()


def log_failure(req: Request, url: str, t0: float, exc: BaseException) -> None:
    log.info("%s %s -> %s after %.0fms", req.method, url, type(exc).__name__, (time.perf_counter() - t0) * 1e3)


def log_response(req: Request, url: str, t0: float, resp: httpx.Response) -> None:
    log.info("%s %s -> %d in %.0fms", req.method, url, resp.status_code, (time.perf_counter() - t0) * 1e3)
    if log.isEnabledFor(logging.DEBUG) and not req.stream:
        log.debug("response %d headers=%s body=%s", resp.status_code, redact_headers(resp.headers),
                  redact_json_text(resp.content))


# ------------------------------------------------------------------ cache

class CacheLayer:
    """GET cache with time-to-live and time-to-idle; a write under a resource path drops
    every cached GET below that path. Thread-safe."""

    def __init__(self, ttl: float = 300.0, tti: float = 300.0, clock: Callable[[], float] = time.monotonic,
                 identity: str = "") -> None:
        self.ttl, self.tti, self.clock, self.identity = ttl, tti, clock, identity
        self._entries: dict[tuple[Any, ...], tuple[httpx.Response, float, float, str]] = {}
        self._lock = threading.Lock()
        self.hits = 0

    def _key(self, req: Request) -> tuple[Any, ...]:
        return (self.identity, req.url, tuple(sorted(req.params)))

    @staticmethod
    def _live(hit: tuple[Any, ...] | None, now: float) -> bool:
        """Whether a cache entry is within both its time to live and its time to idle."""
        return hit is not None and now < hit[1] and now < hit[2]

    def __call__(self, req: Request, nxt: Handler) -> httpx.Response:
        if req.method != "GET" or req.stream or "/zscsb" in req.url:
            resp = nxt(req)
            if req.method != "GET" and resp.status_code < 400:
                self.invalidate(req.resource_path or httpx.URL(req.url).path)
            return resp
        key = self._key(req)
        now = self.clock()
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None:
                resp, dies, _, path = hit
                if self._live(hit, now):
                    self._entries[key] = (resp, dies, now + self.tti, path)
                    self.hits += 1
                    return resp
                del self._entries[key]
        resp = nxt(req)
        if resp.status_code < 300:
            resp.read()
            with self._lock:
                self._entries[key] = (resp, now + self.ttl, now + self.tti, httpx.URL(req.url).path)
        return resp

    def invalidate(self, path_prefix: str) -> None:
        prefix = httpx.URL(path_prefix).path if "://" in path_prefix else path_prefix
        with self._lock:
            for k in [k for k, v in self._entries.items() if v[3].startswith(prefix) or prefix.startswith(v[3])]:
                del self._entries[k]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
