"""The request executor: base URLs, default headers and the pipeline, for one client."""

from __future__ import annotations

import json
import logging
import os
import platform
import ssl
import threading
from typing import Any, Callable, Mapping, Sequence, cast

import httpx

from .. import __version__
from ..auth import CredentialProvider, NoCredentials
from ..errors import HTTPError, ResponseFormatError, ZscalerAPIError, api_error
from .pipeline import (AuthLayer, CacheLayer, HttpLayer, Layer, LoggingLayer, RateLimitLayer, Request, RetryLayer,
                       RetryPolicy, compose)
from .ratelimit import RateLimiter
from .urls import product_of

log = logging.getLogger("zscaler.transport")

WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


def user_agent(extra: str | None = None) -> str:
    ua = (f"zscaler-sdk-python/{__version__} python/{platform.python_version()} "
          f"{platform.system()}/{platform.release()}")
    return f"{ua} {extra}" if extra else ua


_SSL_CONTEXTS: dict[tuple[bool, str | None, str | None], ssl.SSLContext] = {}
_SSL_LOCK = threading.Lock()


def shared_verify(verify: Any, trust_env: bool) -> Any:
    """``verify`` for an httpx client: the default (``True``) as one SSL context shared by every client of
    the process with the same CA settings (loading the CA bundle costs ~20 ms per client: ten clients at
    once paid 0.2 s before a request), anything else as given. The context is what httpx would build."""
    if verify is not True:
        return verify
    key = (trust_env, os.environ.get("SSL_CERT_FILE") if trust_env else None,
           os.environ.get("SSL_CERT_DIR") if trust_env else None)
    with _SSL_LOCK:
        ctx = _SSL_CONTEXTS.get(key)
        if ctx is None:
            ctx = _SSL_CONTEXTS[key] = httpx.create_ssl_context(verify=True, trust_env=trust_env)
    return ctx


#: one client's connections: as many kept alive as may be open (``pagination.concurrency`` goes up to
#: 64), so a listing's connections serve the next listing instead of being closed and opened again
#: (a new handshake each on a real network); an idle one closes after httpx's 5 s
POOL_LIMITS = httpx.Limits(max_connections=64, max_keepalive_connections=64)


class RequestExecutor:
    """Owns the pipeline of one client. Thread-safe; one connection pool, reused across calls.

    ``base_url`` is the OneAPI gateway, or for a legacy client the product's legacy host, in
    which case ``strip_prefix`` (``/zia``) is removed from every catalog path first.
    """

    def __init__(
        self,
        *,
        base_url: str,
        provider: CredentialProvider | None = None,
        strip_prefix: str | None = None,
        sandbox_base_url: str | None = None,
        sandbox_token: str | None = None,
        partner_id: str | None = None,
        user_agent_extra: str | None = None,
        retry: RetryPolicy | None = None,
        cache: CacheLayer | None = None,
        timeout: float | None = None,
        connect_timeout: float = 30.0,
        verify: Any = True,
        proxy: str | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client_factory: Callable[[], httpx.Client] | None = None,
        transport: httpx.BaseTransport | None = None,
        custom_headers_on_api_calls: bool = True,
        rate_limiter: RateLimiter | None = None,
        page_concurrency: int = 4,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.provider = provider or NoCredentials()
        self.strip_prefix = strip_prefix
        self.sandbox_base_url = sandbox_base_url
        self._sandbox_token = sandbox_token
        self.custom_headers: dict[str, str] = {}
        self._custom_on_api = custom_headers_on_api_calls
        headers = {"User-Agent": user_agent(user_agent_extra), "Accept": "application/json",
                   "Content-Type": "application/json"}
        if partner_id:
            headers["x-partner-id"] = partner_id
        headers.update(default_headers or {})
        self.default_headers = headers
        self.retry_policy = retry or RetryPolicy()
        self.cache = cache
        self.written: set[str] = set()
        self.last_product: str | None = None
        self._lock = threading.Lock()
        if transport is not None and not isinstance(transport, httpx.BaseTransport):
            raise TypeError(f"transport: {type(transport).__name__} is an httpx.AsyncBaseTransport, for the async "
                            "client (AsyncZscalerClient); this client takes an httpx.BaseTransport (such as "
                            "httpx.HTTPTransport(...) or httpx.MockTransport(handler))")
        timeout_cfg = httpx.Timeout(timeout or None, connect=connect_timeout or None)
        if transport is not None:  # it answers everything: no proxy mounts (from arguments or the environment)
            proxy = None
        trust = proxy is None and transport is None
        self.http = HttpLayer(http_client_factory or (lambda: httpx.Client(
            timeout=timeout_cfg, verify=shared_verify(verify, trust), proxy=proxy, trust_env=trust,
            transport=transport, limits=POOL_LIMITS)))
        layers: list[Layer] = []
        if cache is not None:
            layers.append(cache)
        #: the client's rate budgets (``rateLimit.*``), shared by its threads; None: no client-side limit
        self.rate_limiter = rate_limiter
        #: pages of one listing fetched at once (``pagination.concurrency``; 1: one page ahead at most,
        #: 0: none ahead, each page fetched when it is asked for)
        self.page_concurrency = page_concurrency
        layers += [RetryLayer(self.retry_policy), AuthLayer(self.provider)]
        if rate_limiter is not None:
            layers.append(RateLimitLayer(rate_limiter))
        layers.append(LoggingLayer())
        self._send = compose(layers, self.http)

    # -- URLs
    def url_for(self, path: str) -> tuple[str, bool]:
        """(absolute URL, is sandbox) of a catalog path."""
        if path.startswith("http://") or path.startswith("https://"):
            return path, False
        if path.startswith("/zscsb"):
            if not self.sandbox_base_url:
                raise ValueError("sandboxCloud (or sandboxBaseUrl) is required for Cloud Sandbox calls")
            return self.sandbox_base_url.rstrip("/") + path, True
        if self.strip_prefix and path.startswith(self.strip_prefix):
            path = path[len(self.strip_prefix):]
        return self.base_url + path, False

    def headers_for(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        h = dict(self.default_headers)
        if self._custom_on_api:
            h.update(self.custom_headers)
        if extra:
            h.update(extra)
        return h

    # -- sending
    def send(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        body: Any = None,
        raw_body: Any = None,
        headers: Mapping[str, str] | None = None,
        resource_path: str | None = None,
        stream: bool = False,
    ) -> httpx.Response:
        """Send one request through the pipeline; raise a typed error for an error status.

        ``raw_body`` is sent as-is: bytes, text, a binary file object (streamed in chunks from its
        current position, rewound for a retry) or an iterable of bytes (streamed; never retried).
        Thread-safe.
        """
        req = self._request(method, path, params, body, raw_body, headers, resource_path, stream)
        product = "zia" if req.product == "zscsb" else req.product
        with self._lock:
            self.last_product = product
            if req.method in WRITE_METHODS and product and req.product != "zscsb":  # a file submission stages no change
                self.written.add(product)
        resp = self._send(req)
        if resp.status_code >= 400:
            if stream:
                resp.read()
            raise api_error(resp.status_code, _decode_error_body(resp), method=req.method, url=str(resp.request.url),
                            headers=resp.headers, service_type=product)
        return resp

    def _request(self, method: str, path: str, params: Sequence[tuple[str, str]], body: Any, raw_body: Any,
                 headers: Mapping[str, str] | None, resource_path: str | None, stream: bool) -> Request:
        method = method.upper()
        url, sandbox = self.url_for(path)
        product = "zia" if sandbox else product_of(path)
        params = list(params)
        hdrs = self.headers_for(headers)
        if sandbox:
            if not self._sandbox_token:
                raise ValueError("sandboxToken is required for Cloud Sandbox calls (config key sandboxToken)")
            params.append(("api_token", self._sandbox_token))
        content: Any
        start: int | None = None
        if raw_body is not None:
            content = raw_body.encode() if isinstance(raw_body, str) else raw_body
            if hasattr(content, "read"):
                if "b" not in getattr(content, "mode", "b"):
                    raise TypeError("a file body must be opened in binary mode ('rb')")
                start = content.tell() if content.seekable() else None
                size = _remaining_size(content, start)
                if size is not None:
                    hdrs["Content-Length"] = str(size)  # a known length: no chunked encoding
        elif body is not None:
            content = json.dumps(body, separators=(",", ":")).encode()
        else:
            content = None
            if method in ("GET", "DELETE", "HEAD"):
                hdrs.pop("Content-Type", None)
        return Request(method, url, tuple(params), hdrs, content, "zscsb" if sandbox else product,
                       resource_path=self.url_for(resource_path)[0] if resource_path else None,
                       authenticate=not sandbox, stream=stream, content_start=start)

    def close(self) -> None:
        self.http.close()


def _remaining_size(f: Any, start: int | None) -> int | None:
    if start is None:
        return None
    try:
        return os.fstat(f.fileno()).st_size - start
    except (AttributeError, OSError, ValueError):
        end = f.seek(0, os.SEEK_END)
        f.seek(start)
        return cast("int | None", end - start)


def _decode_error_body(resp: httpx.Response) -> Any:
    try:
        return resp.json()
    except ValueError:
        text = resp.text.strip()
        return text[:500] if text else None


def decode(resp: httpx.Response) -> Any:
    """The body of a success answer: JSON, text, or None for an empty body."""
    if resp.status_code == 204 or not resp.content:
        return None
    if resp.content[:1] in (b"{", b"[") or "json" in resp.headers.get("content-type", ""):
        try:
            return json.loads(resp.content)
        except ValueError:
            raise ResponseFormatError(resp.status_code, "the body is not valid JSON although the API promises JSON",
                                      method=resp.request.method, url=str(resp.request.url),
                                      response_headers=resp.headers) from None
    return resp.text


__all__ = ["RequestExecutor", "decode", "user_agent", "ZscalerAPIError", "HTTPError"]
