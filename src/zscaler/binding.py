"""Turns catalog records into resource classes with real methods.

``resource_class("zpa", "segment_groups")`` builds (once) a class whose methods have the
signatures the catalog declares (``inspect.signature`` shows them), their docstrings, and
a body that shapes the request by the product's rules, sends it, and returns a
:class:`~zscaler.response.Result`.
"""

from __future__ import annotations

import copy
import inspect
import json
import logging
import math
import time
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable, Mapping, cast
from urllib.parse import quote

from . import catalog
from .catalog import class_tables
from .catalog import hooks as shared_hooks
from .catalog.call import After
from .catalog.spec import WRITE_VERBS, Op, Param, Product, Resource
from .errors import TransportError, ZscalerError
from .model import NOT_GIVEN, ZscalerObject, convert_keys, model_class, to_attr, to_wire
from . import paging
from .response import Result, ZscalerAPIResponse
from .transport.executor import decode

if TYPE_CHECKING:  # pragma: no cover
    from .transport.executor import RequestExecutor

log = logging.getLogger("zscaler.client")

CONFIG_PLACEHOLDERS = {"customerId": "customerId", "zcellCustomerId": "zcellCustomerId"}
_SPECIAL = {"query_params", "microtenant_id"}
CLIENT_SIDE_KEYS = ("max_items", "max_pages")  # pyZscaler-style listing controls, never sent
ZPA_SEARCH_OPERATORS = ("+EQ+", "+NE+", "+GT+", "+LT+", "+GE+", "+LE+", "+CONTAINS+", "+STARTSWITH+",
                        "+ENDSWITH+", "%2BEQ%2B", "%2BNE%2B", "%2BGT%2B", "%2BLT%2B", "%2BGE%2B", "%2BLE%2B")


class Call:
    """One method call being turned into a request: the implementation of
    :class:`zscaler.catalog.call.Call`, the type hooks are written against (read its description)."""

    def __init__(self, api: "ResourceAPI", op: Op, args: dict[str, Any]) -> None:
        self.api = api
        self.op = op
        self.args = args
        self.verb = op.verb
        self.path = op.path
        self.path_values: dict[str, str] = {}
        self.query: dict[str, Any] = {}
        self.body: Any = None
        self.raw_body: Any = None
        self.headers: dict[str, str] = {}
        self.result: Any = NOT_GIVEN
        self.after: After | None = None
        self.keep: Callable[[Any], bool] | None = None  # list results: items kept, on every page
        self.client_side: dict[str, Any] = {}  # pyZscaler-style listing controls (CLIENT_SIDE_KEYS)

    @property
    def product(self) -> Product:
        return self.api._product

    @property
    def executor(self) -> "RequestExecutor":
        return self.api._executor

    def config(self, key: str) -> Any:
        return self.api._config_value(key)

    def request(self, verb: str, path: str, query: Mapping[str, Any] | None = None, body: Any = None, *,
                raw_body: Any = None, headers: Mapping[str, str] | None = None, read_body: bool = True) -> Any:
        """Send a preliminary request (path may contain ``{customerId}``); returns the decoded body."""
        path = path.replace("{customerId}", str(self.api._config_value("customerId")))
        resp = send(self.executor, verb, path, params=_query_pairs(dict(query or {})), body=body,
                    raw_body=raw_body, headers=dict(headers) if headers else None)
        return decode(resp) if read_body else None

    def model_class(self, name: str | None = None) -> type[ZscalerObject]:
        """The class of this op's model (or of ``name``), resolved in this product and resource."""
        return model_class(self.api._product.name, self.op.model if name is None else name, self.api._resource.attribute)


def send(executor: "RequestExecutor", verb: str, path: str, **kw: Any) -> Any:
    """``executor.send``; an exception of another library raised while sending (a custom transport's
    own error, a recording tool refusing an unknown request) becomes a :class:`TransportError`, so
    the method returns it in the error slot as the official SDK returns whatever sending raised.
    Its message names the exception's type only: the original text may quote the request URL."""
    try:
        return executor.send(verb, path, **kw)
    except (ZscalerError, ValueError, TypeError):
        raise
    except Exception as e:  # noqa: BLE001 - any other failure of the send is the call's error
        raise TransportError(f"sending failed: {type(e).__name__}", method=verb, url=path, cause=e) from None


class ResourceAPI:
    """Base of every generated resource class."""

    _product: Product
    _resource: Resource
    #: the paged response of this class's listings (the async resources' has ``aiter_all``)
    _response_class: type[ZscalerAPIResponse] = ZscalerAPIResponse

    def __init__(self, executor: "RequestExecutor", config: Mapping[str, Any] | None = None) -> None:
        self._executor = executor
        self._config = config or {}

    def _config_value(self, key: str) -> Any:
        return self._config.get(key)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._product.name}.{self._resource.attribute}>"

    def __getattr__(self, name: str) -> Any:
        """Only reached for a name the class lacks: name the nearest methods (a misspelt method)."""
        if name.startswith("_"):
            raise AttributeError(name)
        import difflib

        methods = [m for m in dir(type(self)) if not m.startswith("_")]
        near = difflib.get_close_matches(name, methods, n=3)
        hint = f"; did you mean {', '.join(repr(n) for n in near)}?" if near else ""
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'{hint}", name=name, obj=self)


# ------------------------------------------------------------------ request shaping

def _fmt_query_value(v: Any) -> str:
    """A query value as the official SDK sends it: ``str()`` of it, so booleans are ``True``/``False``
    (the few methods that send ``true``/``false`` say so with ``hooks.lowercase_flags``)."""
    return str(v)


def _query_pairs(query: Mapping[str, Any]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for k, v in query.items():
        if v is None or v is NOT_GIVEN:
            continue
        if isinstance(v, (list, tuple, set)):
            pairs.extend((k, _fmt_query_value(x)) for x in v)
        else:
            pairs.append((k, _fmt_query_value(v)))
    return pairs


def _zpa_query(call: Call, q: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in q.items():
        if k == "search" and isinstance(v, str):
            v = v.strip().strip('"')
            if not any(op in v.upper() for op in ZPA_SEARCH_OPERATORS):
                v = f"name+EQ+{v}"
        out[k if k in paging.SIZE_KEYS else to_wire(k)] = v  # the page size: the paging style's (shape())
    return out


def _zdx_query(call: Call, q: dict[str, Any]) -> dict[str, Any]:
    aliases = {"search": "q", "location_id": "loc", "department_id": "dept", "geo_id": "geo"}
    out: dict[str, Any] = {}
    for k, v in q.items():
        if k == "since" and v is not None:
            now = int(time.time())
            out["from"], out["to"] = now - int(v) * 3600, now
            continue
        if k == "score_bucket" and v not in ("poor", "okay", "good"):
            raise ValueError(f"score_bucket: {v!r} is not accepted; accepted values: poor, okay, good")
        out[aliases.get(k) or to_wire(k)] = v
    return out


def _generic_query(call: Call, q: dict[str, Any]) -> dict[str, Any]:
    return {to_wire(k): v for k, v in q.items() if to_wire(k) != "microtenantId"}


#: ``Product.query`` -> how the keys of ``query_params`` go on the wire
QUERY_RULES: dict[str, Callable[[Call, dict[str, Any]], dict[str, Any]]] = {
    "generic": _generic_query, "zpa": _zpa_query, "zdx": _zdx_query}


def _id_list(value: Any, int_ids: bool) -> Any:
    def one(v: Any) -> Any:
        if isinstance(v, ZscalerObject):
            v = v.request_format()
        if isinstance(v, dict):
            v = dict(v)
            if int_ids and isinstance(v.get("id"), str) and v["id"].isdigit():
                v["id"] = int(v["id"])
            return v
        if int_ids and isinstance(v, str) and v.isdigit():
            v = int(v)
        return {"id": v}

    if isinstance(value, (list, tuple, set)):
        return [one(v) for v in value]
    if isinstance(value, dict) and "id" in value:
        return one(value)
    return value


def _mapped(op: Op, name: str, value: Any) -> Any:
    table = op.maps.get(name)
    if table is None or value is None:
        return value
    accepted = ', '.join(map(str, table))
    try:
        known = value in table
    except TypeError:  # unhashable: a list, a dict ...
        raise TypeError(f"{op.name}: '{name}' must be one of {accepted}, got {type(value).__name__}") from None
    if known:
        return table[value]
    if value in table.values():
        return value
    raise ValueError(f"{name}: {value!r} is not accepted; accepted values: {accepted}")


def shape(api: ResourceAPI, op: Op, args: dict[str, Any]) -> Call:
    """Build the request of one call from the bound arguments by the catalog's conventions."""
    call = Call(api, op, args)
    product = api._product
    kwargs = dict(args.get("kwargs") or {})
    query = dict(args.get("query_params") or {})
    placeholders = set(op.placeholders())
    write = op.verb in WRITE_VERBS
    body_fields: dict[str, Any] = {}

    names = {p.name for p in op.params}
    for name, key in {**product.fallbacks, **op.fallbacks}.items():
        if name in names and args.get(name) in (None, ""):
            args[name] = api._config_value(key)
    for p in op.params:
        if p.kind in ("var_keyword", "var_positional") or p.name in _SPECIAL or p.name in placeholders:
            continue
        value = args.get(p.name, p.default)
        if p.name == op.body or p.name in op.local:
            continue
        if value is None or value is NOT_GIVEN:
            continue
        value = _mapped(op, p.name, value)
        if p.name in op.headers:
            call.headers[op.wire.get(p.name, p.name)] = str(value)
        elif p.name in op.query or not write:
            query[op.wire.get(p.name, p.name)] = value
        else:
            body_fields[p.name] = value

    _fill_path(call, placeholders)

    # microtenant (ZPA): argument, kwargs, query_params, then the client default; a path placeholder
    # named microtenant_id (microtenants/{microtenant_id}) is the object's id, not a query value
    if product.name == "zpa":
        arg_mt = None if "microtenant_id" in placeholders else args.get("microtenant_id")
        mt = (arg_mt or kwargs.get("microtenant_id") or kwargs.get("microtenantId")
              or query.pop("microtenant_id", None) or query.pop("microtenantId", None)
              or api._config_value("microtenantId"))
        if mt:
            query["microtenantId"] = mt

    client_side = {k: kwargs.pop(k) for k in CLIENT_SIDE_KEYS if k in kwargs}
    client_side.update({k: query.pop(k) for k in CLIENT_SIDE_KEYS if k in query})
    call.client_side = client_side

    if op.body:
        value = args.get(op.body)
        call.body = convert_keys(value, product.body_case) if isinstance(value, (dict, ZscalerObject)) else value
    elif write:
        fields = {**body_fields, **kwargs}
        call.body = _shape_body(op, api._resource, product, fields)
    else:
        query.update(kwargs)
    if op.raw_body:
        call.raw_body, call.body = call.body, None

    _shape_query(call, query)
    _apply_flags(call)
    return call


def _fill_path(call: Call, placeholders: set[str]) -> None:
    """``call.path_values``: each placeholder from the configuration or the arguments (quoted)."""
    op, args = call.op, call.args
    for name in placeholders:
        if name in CONFIG_PLACEHOLDERS:
            value = call.api._config_value(CONFIG_PLACEHOLDERS[name])
        else:
            value = _mapped(op, name, args[name] if name in args else _default(op, name))
        if value is None or value == "":
            raise ValueError(f"{op.name}: '{name}' is required (it is part of the request path)")
        call.path_values[name] = quote(path_segment(op.name, name, value), safe="")


#: the longest text one path placeholder takes (an id, a name); longer is refused before sending
MAX_SEGMENT = 2048


def path_segment(method: str, name: str, value: Any) -> str:
    """``value`` as one segment of a request path, or the error naming the method and the argument:
    text or a number; never empty, ``.`` or ``..`` (which would change the path's meaning)."""
    if isinstance(value, (bool, bytes, bytearray, Mapping, list, tuple, set, frozenset)) or (
            isinstance(value, float) and not math.isfinite(value)) or (
            type(value).__str__ is object.__str__ and type(value).__repr__ is object.__repr__):  # type: ignore[comparison-overlap]
        raise TypeError(f"{method}: '{name}' must be an id (a string or an integer), got {type(value).__name__}")
    text = str(value)
    if text.strip() in ("", ".", ".."):
        raise ValueError(f"{method}: '{name}' must be an id, got {text!r} (it is one segment of the request path)")
    if len(text) > MAX_SEGMENT:
        raise ValueError(f"{method}: '{name}' is {len(text)} characters long; an id is at most {MAX_SEGMENT}")
    return text


def _shape_query(call: Call, query: dict[str, Any]) -> None:
    """``call.query`` by the product's key rules, then the op's paging style: its page-size key, and
    for a listing its first page's request (a style paging in the body sets the body's page)."""
    product, op = call.api._product, call.op
    rule = QUERY_RULES[product.query]
    style = paging.of(product, op)
    call.query = style.wire_query(rule(call, query))
    if op.result == "list":
        call.query, call.body = style.prepare(call.query, call.body)


def _apply_flags(call: Call) -> None:
    """The op's declared behaviours (``Op.client_search``, ``Op.enabled_to_state``), before its hook runs."""
    if call.op.client_search:
        shared_hooks.client_search(call)
    if call.op.enabled_to_state:
        shared_hooks.enabled_to_state(call)


def _default(op: Op, name: str) -> Any:
    """The declared default of a parameter (``sig.bind`` leaves unpassed ones out of the arguments)."""
    return next((p.default for p in op.params if p.name == name), None)


def _shape_body(op: Op, resource: Resource, product: Product, fields: dict[str, Any]) -> dict[str, Any]:
    renamed: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    for k, v in fields.items():
        if v is NOT_GIVEN:
            continue
        if k in resource.id_lists:
            renamed[resource.id_lists[k]] = _id_list(v, product.int_ids)
        elif k in resource.id_refs:
            ref = _id_list(v if isinstance(v, dict) else {"id": v}, product.int_ids) if v is not None else None
            renamed[resource.id_refs[k]] = ref
        elif k in op.wire:
            renamed[op.wire[k]] = convert_keys(v, product.body_case)
        else:
            rest[k] = v
    body = convert_keys(rest, product.body_case)
    body.update(renamed)
    for k, v in op.body_defaults.items():
        body.setdefault(k, v)
    return cast("dict[str, Any]", body)


# ------------------------------------------------------------------ results

def _result(call: Call, resp: Any, body: Any, executor: Any) -> Result[Any]:
    op = call.op
    product = call.api._product
    cls = call.model_class()
    kind = op.result
    value: Any
    if kind == "list":
        response, value = _list_result(call, resp, body, executor)
    else:
        response = ZscalerAPIResponse(resp, body, service_type=product.name)
        if kind == "object":
            if type(body) is dict:
                value = cls.adopt(body)
            elif isinstance(body, dict):
                value = cls(body)
            elif body is None and op.verb in ("PUT", "PATCH"):
                ident = next((v for k, v in call.args.items() if k.endswith("_id") and k != "microtenant_id"), None)
                value = cls({"id": ident} if ident is not None else {})
            elif body is None:
                value = cls({})
            else:
                value = body
        elif kind == "none":
            value = None
        elif kind == "raw":
            value = body
            for part in (op.field_path.split(".") if op.field_path else ()):
                value = value.get(part) if isinstance(value, dict) else None
        elif kind == "raw_list":
            value = paging.of(product, op).items(body) if body is not None else []
        elif kind == "status_code":
            value = resp.status_code
        elif kind == "bytes":
            value = resp.content
        elif kind == "list_of_one":
            value = [cls(body if isinstance(body, dict) else {})]
        else:  # pragma: no cover - spec validates result shapes
            value = body
    if call.after is not None:
        value = call.after(value, response)
        if isinstance(value, Exception):  # the hook's answer is the call's error (an object not found ...)
            return Result(None, response, value)
    return Result(value, response, None)


class PageRequests:
    """The paged response's one collaborator for the pages after the first (a
    :class:`~zscaler.response.PageSource`): each page is a request sent through the client's
    executor like every other (retry, auth, logging), shaped by the paging style."""

    __slots__ = ("executor", "verb", "path", "headers", "style")

    def __init__(self, executor: "RequestExecutor", verb: str, path: str, headers: dict[str, str] | None,
                 style: paging.PagingStyle) -> None:
        self.executor, self.verb, self.path, self.headers, self.style = executor, verb, path, headers, style

    @property
    def concurrency(self) -> int:
        """Pages of one listing fetched at once ahead of its reader (``pagination.concurrency``; 0: none)."""
        return int(getattr(self.executor, "page_concurrency", 0) or 0)

    def send(self, params: dict[str, Any]) -> Any:
        """The page's answer, not decoded (pages fetched ahead wait as bytes: a quarter of their decoded size)."""
        query, body = self.style.outgoing(params)
        return send(self.executor, self.verb, self.path, params=_query_pairs(query), body=body, headers=self.headers)

    decode = staticmethod(decode)

    def fetch(self, params: dict[str, Any]) -> tuple[Any, Any]:
        r = self.send(params)
        return decode(r), r


def _list_result(call: Call, resp: Any, body: Any, executor: "RequestExecutor") -> tuple[ZscalerAPIResponse, list[Any]]:
    """The paged response of a list op and the method's items: the first page, or as many pages as
    the client-side limits (``max_items``/``max_pages``) or the style (``all_pages``) ask for."""
    style = paging.of(call.api._product, call.op)
    pages = PageRequests(executor, call.op.verb, _render(call), call.headers or None, style)
    response = call.api._response_class(resp, body, paging=style, params=dict(call.query), pages=pages,
                                  wrap=call.model_class(), service_type=call.api._product.name, keep=call.keep,
                                  each_page=call.after)
    # nothing is sent ahead: next(), iter_all() and the limits below ask for the pages after this one
    items = response._wrap_items(response.get_results())
    if call.client_side:
        items = _collect(response, items, call.client_side)
    elif style.all_pages:  # every page (fetched ahead, issue #17), read by a cursor of its own: the response stays on page 1
        items = response.cursor().fetch_all()
    return response, items


def _collect(response: ZscalerAPIResponse, items: list[Any], limits: Mapping[str, Any]) -> list[Any]:
    max_items = None if limits.get("max_items") is None else int(limits["max_items"])
    max_pages = None if limits.get("max_pages") is None else int(limits["max_pages"])
    pages = 1

    def reads(pages_read: int, count: int) -> bool:  # whether the loop below fetches one more page
        return (max_pages is None or pages_read < max_pages) and (max_items is None or count < max_items)

    while response.has_next() and reads(pages, len(items)):
        more, _, err = response._next_page()
        if err is not None:
            raise err
        pages += 1
        items.extend(more or [])
    return items[:max_items] if max_items is not None else items


def _render(call: Call) -> str:
    path = call.path
    for name, value in call.path_values.items():
        path = path.replace("{" + name + "}", value)
    return path


def invoke(api: ResourceAPI, op: Op, args: dict[str, Any]) -> Any:
    """Send one call and return what the op's convention says (``op.returns``; the rule is a :class:`Result`)."""
    return _returned(api, op, _invoke(api, op, args))


def _raise_unencodable_field(op: Op, body: Any) -> None:
    """After the body failed to encode as JSON: a ``TypeError`` naming the method and the field that
    JSON cannot encode, if one of the body's fields is the cause (else the caller re-raises)."""
    if body is None:
        return
    fields = body.items() if isinstance(body, Mapping) else enumerate(body if isinstance(body, list) else [body])
    for key, value in fields:
        try:
            json.dumps(value)
        except (TypeError, ValueError):
            name = to_attr(key) if isinstance(key, str) else f"item {key}"
            raise TypeError(f"{op.name}: body field '{name}' cannot be sent as JSON: a {type(value).__name__} "
                            "(accepted: str, int, float, bool, None, and lists or dicts of them)") from None


def _invoke(api: ResourceAPI, op: Op, args: dict[str, Any]) -> Result[Any]:
    call = shape(api, op, args)  # argument errors raise here, before anything is sent
    try:
        early = before_send(call)
        if early is not None:
            return early
        try:  # the executor encodes the body before anything is sent
            resp = send(api._executor, **send_args(call))
        except TypeError:
            _raise_unencodable_field(op, call.body)
            raise
        return answer(call, resp)
    except ZscalerError as e:
        return Result(None, None, e)


# The three steps of a call around sending it, shared by the sync path above and the async client
# (``zscaler.aio``), which awaits the send between them: build, send, read the answer.

def before_send(call: Call) -> Result[Any] | None:
    """Run the op's hook; the call's :class:`Result` when the hook answered it (nothing to send)."""
    op = call.op
    if op.hook is not None:
        op.hook(call)  # ValueError/TypeError for bad arguments raise; API errors become the error slot
        unfilled = [c for c in op.computed if c not in call.path_values]
        if unfilled:
            raise RuntimeError(f"{op.name}: the hook did not fill the path placeholder(s) {unfilled}")
    if call.result is not NOT_GIVEN:  # answered by the hook: a value, or a whole Result
        return call.result if isinstance(call.result, Result) else Result(call.result, None, None)
    return None


def send_args(call: Call) -> dict[str, Any]:
    """The executor's ``send`` arguments of a shaped call (method and path included)."""
    return {"verb": call.verb, "path": _render(call), "params": _query_pairs(call.query), "body": call.body,
            "raw_body": call.raw_body, "headers": call.headers or None, "resource_path": _collection(call),
            "stream": False}


def answer(call: Call, resp: Any) -> Result[Any]:
    """The call's :class:`Result` from the success answer of its request."""
    body = None if call.op.result in ("bytes", "status_code") else decode(resp)
    return _result(call, resp, body, call.api._executor)


def _returned(api: ResourceAPI, op: Op, res: Result[Any]) -> Any:
    """``res`` in the shape the official SDK returns for this method (``op.returns``).

    ``bare`` raises the error; ``bare_or_none`` and ``tuple3_or_none`` answer ``None`` on an error as
    the official methods do, and log it (never silently); ``pair`` is ``(result, None)`` or
    ``(None, error)``.
    """
    kind = op.returns
    if kind == "tuple3":
        return res
    if kind == "pair":
        return (None, res.error) if res.error is not None else (res.result, None)
    if res.error is None:
        return res if kind == "tuple3_or_none" else res.result
    if kind == "bare":
        raise res.error
    log.error("%s.%s.%s failed, returning None: %s", api._product.name, api._resource.attribute, op.name, res.error)
    return None


def _collection(call: Call) -> str:
    coll = call.op.collection
    for name, value in call.path_values.items():
        coll = coll.replace("{" + name + "}", value)
    return coll


# ------------------------------------------------------------------ class building

def _signature(params: tuple[Param, ...]) -> inspect.Signature:
    kinds = {"positional_or_keyword": inspect.Parameter.POSITIONAL_OR_KEYWORD,
             "keyword_only": inspect.Parameter.KEYWORD_ONLY, "var_keyword": inspect.Parameter.VAR_KEYWORD,
             "var_positional": inspect.Parameter.VAR_POSITIONAL}
    out = [inspect.Parameter("self", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    for p in params:
        default = inspect.Parameter.empty if (p.required or p.kind.startswith("var")) else p.default
        out.append(inspect.Parameter(p.name, kinds[p.kind], default=default))
    return inspect.Signature(out)


def _extra_keywords(op: Op) -> tuple[str, ...]:
    """Keywords the method takes beside its signature, as the official decorators do."""
    own = {p.name for p in op.params}
    return tuple(k for k in (*op.shorthands, *(("days",) if op.window else ())) if k not in own)


def _bind(api: ResourceAPI, op: Op, sig: inspect.Signature, extra: tuple[str, ...], args: tuple[Any, ...],
          kwargs: dict[str, Any]) -> dict[str, Any]:
    """The call's arguments by name (``**kwargs`` under ``kwargs``), decorator keywords applied."""
    taken = {k: kwargs.pop(k) for k in extra if k in kwargs}  # keywords beside the signature
    try:
        bound = sig.bind(api, *args, **kwargs)
    except TypeError as e:
        raise TypeError(f"{api._resource.attribute}.{op.name}{str(sig).replace('(self, ', '(', 1)}: {e}") from None
    values = dict(bound.arguments)
    values.pop("self")
    query = values.get("query_params")
    if query is not None and not isinstance(query, Mapping):
        raise TypeError(f"{api._resource.attribute}.{op.name}: 'query_params' must be a dict of query parameters "
                        f"(such as {{'search': 'name'}}), got {type(query).__name__}")
    var_kw = next((p.name for p in op.params if p.kind == "var_keyword"), None)
    if var_kw and var_kw != "kwargs":
        values["kwargs"] = values.pop(var_kw, {})
    if taken or op.window:
        _keywords(op, values, taken)
    return values


def call_result(api: ResourceAPI, name: str, /, *args: Any, **kwargs: Any) -> Result[Any]:
    """Call method ``name`` of ``api`` and get its :class:`Result` whatever the method returns to
    scripts (``op.returns``): for tools that read every method alike (the CLI)."""
    op = api._resource.op(name)
    return _invoke(api, op, _bind(api, op, _signature(op.params), _extra_keywords(op), args, dict(kwargs)))


def _method(op: Op) -> Callable[..., Any]:
    sig, extra = _signature(op.params), _extra_keywords(op)

    def method(self: ResourceAPI, *args: Any, **kwargs: Any) -> Any:
        return invoke(self, op, _bind(self, op, sig, extra, args, kwargs))

    method.__name__ = method.__qualname__ = op.name
    method.__signature__ = sig  # type: ignore[attr-defined]
    method.__doc__ = _doc(op)
    return method


def _keywords(op: Op, values: dict[str, Any], taken: dict[str, Any]) -> None:
    """Keywords the official methods take beside their signature (their decorators').

    ZDX shorthands (``since=2``, ``search=...``) join ``query_params`` unless it has them already;
    ZCell ``days=N`` (or ``query_params={"days": N}``) sets the op's window to the last N days in
    epoch seconds, never over a bound the caller gave.
    """
    query = dict(values.get("query_params") or {})
    days = taken.pop("days", None)
    for key, value in taken.items():
        query.setdefault(key, value)
    if op.window is not None:
        if days is None:
            days = query.pop("days", None)
        if days is not None:
            start_key, end_key, target = op.window
            now = int(time.time())
            bounds = {start_key: now - int(days) * 86400, end_key: now}
            if target == "query":
                for k, v in bounds.items():
                    query.setdefault(k, v)
            elif target == "body":
                kwargs = values.setdefault("kwargs", {})
                for k, v in bounds.items():
                    kwargs.setdefault(k, v)
            else:  # path arguments
                for k, v in bounds.items():
                    if values.get(k) is None:
                        values[k] = v
    if query or "query_params" in values:
        values["query_params"] = query


_RETURNS_DOC = {
    "tuple3": "Returns ``(result, response, error)``",
    "bare": "Returns the result alone (as the official SDK); an error raises",
    "bare_or_none": "Returns the result alone (as the official SDK); on an error, logs it and returns ``None``",
    "tuple3_or_none": "Returns ``(result, response, error)``; on an error, logs it and returns ``None`` (as the official SDK)",
    "pair": "Returns ``(result, None)`` or ``(None, error)`` (a 2-tuple, as the official SDK)",
}


def _doc(op: Op) -> str:
    lines = [op.summary, "", f"``{op.verb} {op.path}``", "",
             _RETURNS_DOC[op.returns] + f"; result: {op.result}" + (f" of {op.model}" if op.model else "")]
    if op.window:
        lines.append(f"``days=N`` sets ``{op.window[0]}``/``{op.window[1]}`` to the last N days ({op.window[2]}).")
    for name, table in op.maps.items():
        lines.append(f"``{name}`` accepts: {', '.join(map(str, table))}")
    return "\n".join(lines)


def _class_name(attribute: str) -> str:
    return "".join(p.capitalize() for p in attribute.split("_")) + "API"


@lru_cache(maxsize=None)
def resource_class(product: str, attribute: str) -> type[ResourceAPI]:
    """The generated class of one resource attribute (``resource_class("zpa", "segment_groups")``)."""
    prod = catalog.load(product)
    res = prod.resource(attribute)
    ns: dict[str, Any] = {"_product": prod, "_resource": res, "__doc__": res.doc or f"{product}.{res.attribute}",
                          "__module__": f"zscaler.{product}"}
    from . import reference  # the full docstrings (arguments, body fields, example): read per product, here

    for op in res.ops:
        ns[op.name] = _method(op)
        ns[op.name].__doc__ = reference.method_doc(product, res, op)
    for alias, target in res.aliases.items():
        ns[alias] = ns[res.op(target).name]
    tables = {**class_tables.TABLES.get(product, {}).get(res.attribute, {}), **res.constants}
    for name, table in tables.items():  # literal tables scripts read (LssAPI.source_log_map)
        ns[name] = copy.deepcopy(table)
    from .compat.surface import api_name

    module, name = api_name(product, res.attribute) or (ns["__module__"], _class_name(res.attribute))
    ns["__module__"], ns["__qualname__"] = module, name  # the official class path (zscaler.zpa.segment_groups)
    return type(name, (ResourceAPI,), ns)
