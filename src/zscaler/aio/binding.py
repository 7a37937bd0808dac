"""Async resource classes: the sync generated class of a resource (:func:`zscaler.binding.resource_class`)
with every endpoint method a coroutine function of the same signature.

A call is bound, shaped and checked by :mod:`zscaler.binding` (``_bind``, ``shape``), its hook run
and its answer read by the same functions (``before_send``, ``answer``); only the send is awaited.
Hooks and answers that may send more requests (a hook's preliminary ``call.request``, a listing
read to its end) run in a worker thread, whose requests the executor sends on the event loop.
"""

from __future__ import annotations

import asyncio
from functools import lru_cache
from typing import Any, Callable, Coroutine

from .. import binding
from ..binding import ResourceAPI, _bind, _extra_keywords, _raise_unencodable_field, _returned, _signature
from ..catalog.spec import Op
from ..errors import TransportError, ZscalerError
from ..paging import of as paging_of
from ..response import Result
from .executor import AsyncRequestExecutor
from .response import AsyncZscalerAPIResponse


async def asend(executor: AsyncRequestExecutor, verb: str, path: str, **kw: Any) -> Any:
    """``executor.asend``; another library's exception while sending is a :class:`TransportError`
    naming its type only (as :func:`zscaler.binding.send`)."""
    try:
        return await executor.asend(verb, path, **kw)
    except (ZscalerError, ValueError, TypeError):
        raise
    except Exception as e:  # noqa: BLE001 - any other failure of the send is the call's error
        raise TransportError(f"sending failed: {type(e).__name__}", method=verb, url=path, cause=e) from None


def _reads_more(call: binding.Call) -> bool:
    """Whether reading the answer may send requests: a list read past its first page, or a hook's
    ``after`` (hooks may look things up)."""
    if call.op.hook is not None:
        return True
    return call.op.result == "list" and bool(call.client_side or paging_of(call.api._product, call.op).all_pages)


async def ainvoke_result(api: ResourceAPI, op: Op, args: dict[str, Any]) -> Result[Any]:
    """The async twin of ``binding._invoke``: the call's :class:`Result`."""
    call = binding.shape(api, op, args)  # argument errors raise here, before anything is sent
    executor = api._executor
    if not isinstance(executor, AsyncRequestExecutor):  # pragma: no cover - async classes get async executors
        raise TypeError("an async resource needs an AsyncRequestExecutor")
    executor.bind_loop()
    try:
        if op.hook is not None:
            early = await asyncio.to_thread(binding.before_send, call)
        else:
            early = binding.before_send(call)
        if early is not None:
            return early
        sent = binding.send_args(call)
        try:
            resp = await asend(executor, sent.pop("verb"), sent.pop("path"), **sent)
        except TypeError:
            _raise_unencodable_field(op, call.body)
            raise
        if _reads_more(call):
            return await asyncio.to_thread(binding.answer, call, resp)
        return binding.answer(call, resp)
    except ZscalerError as e:
        return Result(None, None, e)


async def acall_result(api: ResourceAPI, name: str, /, *args: Any, **kwargs: Any) -> Result[Any]:
    """``binding.call_result`` awaited: method ``name``'s :class:`Result`, whatever it returns to scripts."""
    op = api._resource.op(name)
    return await ainvoke_result(api, op, _bind(api, op, _signature(op.params), _extra_keywords(op), args, dict(kwargs)))


def _amethod(op: Op, sync_method: Callable[..., Any]) -> Callable[..., Coroutine[Any, Any, Any]]:
    sig, extra = _signature(op.params), _extra_keywords(op)

    async def method(self: ResourceAPI, *args: Any, **kwargs: Any) -> Any:
        res = await ainvoke_result(self, op, _bind(self, op, sig, extra, args, kwargs))
        return _returned(self, op, res)

    method.__name__ = method.__qualname__ = op.name
    method.__signature__ = sig  # type: ignore[attr-defined]
    method.__doc__ = (sync_method.__doc__ or "") + "\n\nA coroutine: ``await`` it (the async client)."
    return method


@lru_cache(maxsize=None)
def async_resource_class(product: str, attribute: str) -> type[ResourceAPI]:
    """The async class of one resource: the sync class, every endpoint method awaitable."""
    base = binding.resource_class(product, attribute)
    res = base._resource
    ns: dict[str, Any] = {"_response_class": AsyncZscalerAPIResponse, "__module__": "zscaler.aio",
                          "__doc__": f"{base.__doc__} (async)", "__qualname__": "Async" + base.__name__}
    for op in res.ops:
        ns[op.name] = _amethod(op, getattr(base, op.name))
    for alias, target in res.aliases.items():
        ns[alias] = ns[res.op(target).name]
    return type("Async" + base.__name__, (base,), ns)


__all__ = ["acall_result", "ainvoke_result", "asend", "async_resource_class"]
