"""Base client and base resource of the pyZscaler facade, over this project's transport.

How to add a resource (the pattern every zia/zpa/zcc/zdx/zcon module follows):

1. Write ``class FooAPI(APIEndpoint)`` in ``src/zscaler/pyzscaler/<client>/foo.py`` with the
   pyZscaler method names and parameters of ``surface.json`` (``tests/pyzscaler/test_surface.py``
   compares them). Paths are catalog paths, product prefix included: ``f"{self._api.v1}/segmentGroup"``
   (ZPA), ``"/zia/api/v1/users"``, ``"/zcc/papi/public/v1/getDevices"``; the executor turns them into
   the legacy host's or the OneAPI gateway's URL.
2. Use the helpers: ``self._get(path, params=...)`` -> ``Box``/``BoxList``/text, ``self._post`` /
   ``self._put`` / ``self._patch`` (``json=``, ``data=`` form, ``files=`` multipart) -> the boxed body,
   ``self._delete(path)`` -> the int status, ``self._list(path, **kwargs)`` -> a materialised
   ``BoxList`` (``max_items``, ``max_pages``, other keywords camelCased into the query),
   ``self._send(...)`` -> the ``httpx.Response``. Bodies go out as given: build them with
   ``utils.snake_to_camel`` / ``convert_keys`` the way pyZscaler does.
3. Add a ``@property`` on the client class returning ``FooAPI(self)``.

Errors come out as ``errors.APIError`` subclasses; retries, 429 waits, rate limits and log
redaction are the project's pipeline (``transport/``), with no sleep per page.
"""

from __future__ import annotations

import json
import os
from typing import Any, Callable, ClassVar, Mapping
from urllib.parse import urlencode

import httpx

from ..errors import TokenError, ZscalerAPIError
from ..transport.executor import RequestExecutor, decode, user_agent
from ..transport.pipeline import RetryPolicy
from .box import boxed
from .errors import from_project
from .utils import Iterator, boxlist, snake_to_camel

VERSION = "1.6.0"  # the pyZscaler release whose surface the facade reproduces

#: restfly ``APISession`` keywords pyZscaler accepts; those with a meaning here are applied
RESTFLY_KWARGS = ("url", "retries", "backoff", "proxies", "ssl_verify", "cert", "timeout", "session", "adapter",
                  "box", "box_attrs", "conv_json", "vendor", "product", "build")
#: the facade's own keywords: OneAPI mode and an httpx transport
FACADE_KWARGS = ("oneapi", "vanity_domain", "oneapi_config", "transport")

#: constructor values dropped from the client once its credential provider holds them
SECRET_ARGS = ("client_secret", "password", "api_key")

_default_transport: httpx.BaseTransport | None = None


def set_default_transport(transport: httpx.BaseTransport | None) -> httpx.BaseTransport | None:
    """The httpx transport of clients built without ``transport=`` (tests); returns the previous one."""
    global _default_transport
    previous, _default_transport = _default_transport, transport
    return previous


def _query_pairs(params: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    """Query values encoded as ``requests`` does: None dropped, lists repeated, ``str()`` of the rest."""
    pairs: list[tuple[str, str]] = []
    for key, value in (params or {}).items():
        if value is None:
            continue
        for item in value if isinstance(value, (list, tuple)) else [value]:
            pairs.append((key, str(item)))
    return pairs


def body_of(resp: httpx.Response) -> Any:
    """The decoded body of a success answer; a body sent with a 204 is read too (restfly did)."""
    if resp.status_code == 204 and resp.content:
        try:
            return json.loads(resp.content)
        except ValueError:
            return resp.text
    return decode(resp)


class APIClient:
    """Base of ``ZIA``, ``ZPA``, ``ZCC``, ``ZDX``, ``ZCON``: pyZscaler's constructor, this project's transport.

    Legacy mode (pyZscaler's keys, each falling back to ``<PFX>_<NAME>``) or OneAPI mode
    (``oneapi=True``, ``vanity_domain=``, ``oneapi_config=`` or the ``ZSCALER_CLIENT_ID`` environment
    without legacy keys given). Authenticates in ``__init__``, as pyZscaler does.
    """

    _env_base: ClassVar[str] = ""
    _product: ClassVar[str] = ""  # the catalog product (zia, zpa, zcc, zdx, ztw)
    _prefix: ClassVar[str] = ""  # its catalog path prefix (/zpa)
    _legacy_args: ClassVar[tuple[str, ...]] = ()  # credential keywords, in the order pyZscaler names them
    _extra_args: ClassVar[tuple[str, ...]] = ()  # other keywords of this client (ZIA sandbox_token)
    _query_renames: ClassVar[dict[str, str]] = {}
    _root: ClassVar[str] = ""  # where a relative path starts (pyZscaler's "segmentGroup"); default the prefix
    _vendor: ClassVar[str] = "Zscaler"
    _build: ClassVar[str] = VERSION

    def __init__(self, **kw: Any) -> None:
        self._check_kwargs(kw)
        self._kw = {k: v for k, v in kw.items() if k not in self._legacy_args}
        self._values = {name: kw.get(name, os.getenv(f"{self._env_base}_{name.upper()}"))
                        for name in self._legacy_args + ("cloud", "override_url") + self._extra_args}
        self.oneapi = self._choose_oneapi(kw)
        self._client: Any = None
        self._executor = self._build_oneapi(kw) if self.oneapi else self._build_legacy(kw)
        for name in SECRET_ARGS:  # the credential providers hold them now (registered for redaction)
            self._values.pop(name, None)
        for name in ("oneapi_config", "proxies"):  # may carry a secret (a proxy URL's password)
            self._kw.pop(name, None)
        self._authenticate()

    # -- construction
    def _check_kwargs(self, kw: Mapping[str, Any]) -> None:
        known = set(self._legacy_args + ("cloud", "override_url") + self._extra_args + RESTFLY_KWARGS + FACADE_KWARGS)
        unknown = sorted(set(kw) - known)
        if unknown:
            raise TypeError(f"{type(self).__name__}() got unexpected keyword argument(s) {', '.join(unknown)}; "
                            f"accepted: {', '.join(sorted(known))}")

    def _choose_oneapi(self, kw: Mapping[str, Any]) -> bool:
        if kw.get("oneapi") is not None:
            return bool(kw["oneapi"])
        if kw.get("vanity_domain") or kw.get("oneapi_config"):
            return True
        if any(kw.get(name) is not None for name in self._legacy_args):
            return False
        return bool(os.getenv("ZSCALER_CLIENT_ID"))

    def _transport(self) -> httpx.BaseTransport | None:
        return self._kw.get("transport") or _default_transport

    def _pipeline_args(self) -> dict[str, Any]:
        kw = self._kw
        proxies = kw.get("proxies") or {}
        proxy = proxies.get("https") or proxies.get("http") if isinstance(proxies, dict) else proxies
        verify = kw.get("ssl_verify", True)
        return {"retry": RetryPolicy(max_retries=int(kw.get("retries", 3) or 0)),
                "timeout": float(kw.get("timeout") or 240), "verify": verify if verify is not None else True,
                "proxy": proxy or None, "transport": self._transport()}

    def _required(self, name: str) -> Any:
        value = self._values.get(name)
        if value in (None, ""):
            raise ValueError(f"{type(self).__name__}: {name} is required (argument {name} or environment variable "
                             f"{self._env_base}_{name.upper()}), or use OneAPI mode (ZSCALER_CLIENT_ID, "
                             "ZSCALER_CLIENT_SECRET, ZSCALER_VANITY_DOMAIN; docs/pyzscaler.md)")
        return value

    def _legacy_base(self) -> str:
        """The legacy host (override_url, else from cloud)."""
        from ..transport.urls import legacy_base_url

        override = self._values.get("override_url") or self._kw.get("url")
        if override:
            return str(override).rstrip("/")
        return legacy_base_url(self._product, str(self._values.get("cloud") or self._default_cloud()))

    def _default_cloud(self) -> str:
        return "zscaler"

    def _legacy_provider(self, base: str, http: Callable[[], httpx.Client], ua: str) -> Any:  # pragma: no cover
        raise NotImplementedError

    def _build_legacy(self, kw: Mapping[str, Any]) -> RequestExecutor:
        base = self._legacy_base()
        holder: list[RequestExecutor] = []
        ua = user_agent(f"pyzscaler-facade/{VERSION}")
        provider = self._legacy_provider(base, lambda: holder[0].http.client, ua)
        executor = RequestExecutor(base_url=base, provider=provider, strip_prefix=self._prefix,
                                   user_agent_extra=f"pyzscaler-facade/{VERSION}", **self._pipeline_args(),
                                   **self._legacy_executor_args())
        holder.append(executor)
        return executor

    def _legacy_executor_args(self) -> dict[str, Any]:
        """Further ``RequestExecutor`` keywords of a legacy client (ZIA: the sandbox host and token)."""
        return {}

    def _oneapi_config(self, kw: Mapping[str, Any]) -> dict[str, Any]:
        cfg = dict(kw.get("oneapi_config") or {})
        for arg, key in (("client_id", "clientId"), ("client_secret", "clientSecret"),
                         ("vanity_domain", "vanityDomain"), ("customer_id", "customerId")):
            if kw.get(arg) is not None:
                cfg[key] = kw[arg]
        if self._transport() is not None:
            cfg["transport"] = self._transport()
        return cfg

    def _build_oneapi(self, kw: Mapping[str, Any]) -> RequestExecutor:
        from ..oneapi_client import Client

        self._client = Client(self._oneapi_config(kw))
        executor: RequestExecutor = self._client.get_request_executor()
        return executor

    def _authenticate(self) -> None:
        try:
            if self._client is not None:
                self._client.authenticate()
            else:
                self._executor.provider.login_now()  # type: ignore[attr-defined]
        except TokenError as e:
            raise from_project(e) from None

    # -- requests
    def _root_path(self) -> str:
        return self._root or self._prefix

    def _resolve(self, path: str) -> str:
        """A catalog path as is; a relative one (``"segmentGroup"``, as pyZscaler's code and
        ``utils.Iterator`` callers write them) under the client's API root."""
        if path.startswith(("/", "http://", "https://")):
            return path
        return f"{self._root_path()}/{path}"

    def get(self, path: str, **kw: Any) -> Any:
        """restfly's session verbs: the boxed body of a request to ``path`` (relative to the API root,
        or a catalog path); ``params=``, ``json=``, ``data=``, ``files=``, ``headers=``."""
        return boxed(body_of(self._send("GET", path, **kw)))

    def post(self, path: str, **kw: Any) -> Any:
        return boxed(body_of(self._send("POST", path, **kw)))

    def put(self, path: str, **kw: Any) -> Any:
        return boxed(body_of(self._send("PUT", path, **kw)))

    def patch(self, path: str, **kw: Any) -> Any:
        return boxed(body_of(self._send("PATCH", path, **kw)))

    def delete(self, path: str, **kw: Any) -> Any:
        return boxed(body_of(self._send("DELETE", path, **kw)))

    def _query_key(self, key: str) -> str:
        return self._query_renames.get(key) or snake_to_camel(key)

    def _send(self, method: str, path: str, *, params: Mapping[str, Any] | None = None, json: Any = None,
              data: Any = None, files: Any = None, headers: Mapping[str, str] | None = None) -> httpx.Response:
        """One request through the project's pipeline; an error status raises the restfly class."""
        hdrs = dict(headers or {})
        raw: Any = None
        if files is not None:
            built = httpx.Request(method, "http://multipart.invalid", files=files, data=data)
            raw = built.read()
            hdrs["Content-Type"] = built.headers["Content-Type"]
        elif data is not None:
            raw = data if isinstance(data, (str, bytes)) else urlencode(data, doseq=True)
            hdrs.setdefault("Content-Type", "application/x-www-form-urlencoded")
        try:
            return self._executor.send(method, self._resolve(path), params=_query_pairs(params), body=json, raw_body=raw,
                                       headers=hdrs)
        except (ZscalerAPIError, TokenError) as e:
            raise from_project(e) from None

    def _get_json(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        return body_of(self._send("GET", path, params=params))

    def _page_rows(self, body: Any, page: int, payload: Mapping[str, Any]) -> tuple[list[Any], bool]:
        """(rows of a page, is the last page): a JSON array (ZIA), or ``list`` + ``totalPages`` (ZPA)."""
        if isinstance(body, list):
            return body, False
        if isinstance(body, dict):
            total = body.get("totalPages")
            last = total is not None and str(total).isdigit() and page >= int(total)
            return list(body.get("list") or []), last
        return [], True

    # -- lifecycle
    def _deauthenticate(self) -> Any:
        """End the session: a legacy logout where the product has one (ZIA/ZCON activate on it)."""
        if self._client is None:
            logout = getattr(self._executor.provider, "logout", None)
            return logout() if logout else None
        return None

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
        else:
            self._executor.close()

    def __enter__(self) -> "APIClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            self._deauthenticate()
        finally:
            self.close()

    def __repr__(self) -> str:
        from ..errors import safe_url

        mode = "oneapi" if self.oneapi else "legacy"
        return f"<{type(self).__name__} mode={mode} base={safe_url(self._executor.base_url)!r}>"


class APIEndpoint:
    """Base of every resource class: the request helpers over its client."""

    def __init__(self, api: APIClient) -> None:
        self._api = api

    def _send(self, method: str, path: str, **kw: Any) -> httpx.Response:
        return self._api._send(method, path, **kw)

    def _get(self, path: str, params: Mapping[str, Any] | None = None, **kw: Any) -> Any:
        return boxed(body_of(self._api._send("GET", path, params=params, **kw)))

    def _post(self, path: str, **kw: Any) -> Any:
        return boxed(body_of(self._api._send("POST", path, **kw)))

    def _put(self, path: str, **kw: Any) -> Any:
        return boxed(body_of(self._api._send("PUT", path, **kw)))

    def _patch(self, path: str, **kw: Any) -> Any:
        return boxed(body_of(self._api._send("PATCH", path, **kw)))

    def _delete(self, path: str, **kw: Any) -> int:
        return self._api._send("DELETE", path, **kw).status_code

    def _list(self, path: str, **kwargs: Any) -> Any:
        """Every page of a listing as one ``BoxList`` (``max_items``, ``max_pages``, camelCased filters)."""
        return boxlist(Iterator(self._api, path, **kwargs))


__all__ = ["APIClient", "APIEndpoint", "VERSION", "set_default_transport"]
