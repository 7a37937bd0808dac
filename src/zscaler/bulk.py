"""Bulk helpers (issue #17): one call over many inputs, concurrently, within the client's rate limit.

``apply(call, inputs)`` runs ``call`` once per input on a thread pool and answers one
:class:`Outcome` per input, in input order; ``apply_async`` does the same for an async callable (the
async client's methods) under a semaphore. An input is passed as the call's one positional argument,
or unpacked when it is an :class:`Args` (``Args(name="web", enabled=True)``). A method returning the
SDK's ``(result, response, error)`` tuple gives its result and error to the outcome; an exception a
call raises is that input's error, never the whole run's. The pace is the client's: every request
passes its rate limiter (``rateLimit.*``), so many workers do not mean 429 answers::

    from zscaler import bulk

    done = bulk.apply(client.zpa.segment_groups.add_group,
                      [bulk.Args(name=f"group-{i}", enabled=True) for i in range(1000)])
    failed = [o for o in done if o.error]

    groups = bulk.fetch_all(client.zpa.segment_groups.list_groups, query_params={"page_size": 500})
"""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Generic, Iterable, Iterator, Mapping, Sequence, TypeVar

_T = TypeVar("_T")

#: the workers (threads, or tasks at once) when none is given
DEFAULT_WORKERS = 8
#: the most workers one call may ask for
MAX_WORKERS = 256


class Args:
    """The positional and keyword arguments of one call: ``Args(gid, name="web")``."""

    __slots__ = ("args", "kwargs")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs

    def __repr__(self) -> str:
        from .redaction import redact

        shown = [repr(redact(a)) for a in self.args] + [f"{k}={redact({k: v})[k]!r}" for k, v in self.kwargs.items()]
        return f"Args({', '.join(shown)})"


@dataclass(frozen=True)
class Outcome(Generic[_T]):
    """What one input gave: ``value`` (the call's result) or ``error`` (what it returned or raised)."""

    index: int
    input: Any
    value: _T | None
    error: BaseException | None

    @property
    def ok(self) -> bool:
        return self.error is None

    def unwrap(self) -> _T | None:
        """The value, or raise the error."""
        if self.error is not None:
            raise self.error
        return self.value


class Outcomes(Sequence[Outcome[Any]]):
    """Every input's :class:`Outcome`, in input order; ``values``, ``errors``, ``ok`` summarize them."""

    def __init__(self, outcomes: list[Outcome[Any]]) -> None:
        self._outcomes = outcomes

    def __len__(self) -> int:
        return len(self._outcomes)

    def __getitem__(self, i: Any) -> Any:
        return self._outcomes[i]

    def __iter__(self) -> Iterator[Outcome[Any]]:
        return iter(self._outcomes)

    @property
    def values(self) -> list[Any]:
        """Each input's value (None where it failed), in input order."""
        return [o.value for o in self._outcomes]

    @property
    def errors(self) -> list[Outcome[Any]]:
        """The outcomes that failed, in input order."""
        return [o for o in self._outcomes if o.error is not None]

    @property
    def ok(self) -> bool:
        return all(o.error is None for o in self._outcomes)

    def raise_first(self) -> None:
        """Raise the first input's error, if any failed."""
        for o in self._outcomes:
            if o.error is not None:
                raise o.error

    def __repr__(self) -> str:
        return f"<Outcomes {len(self._outcomes)} inputs, {len(self.errors)} failed>"


def _check(call: Any, inputs: Any, workers: Any, what: str) -> tuple[list[Any], int]:
    if not callable(call):
        raise TypeError(f"bulk.{what}: 'call' must be a callable (a client method such as "
                        f"client.zpa.segment_groups.add_group), got {type(call).__name__}")
    if isinstance(inputs, (str, bytes, bytearray, Mapping)) or not isinstance(inputs, Iterable):
        raise TypeError(f"bulk.{what}: 'inputs' must be an iterable of inputs (a list of ids, of bodies, of "
                        f"bulk.Args(...)), got {type(inputs).__name__}")
    if workers is None:
        workers = DEFAULT_WORKERS
    if isinstance(workers, bool) or not isinstance(workers, int) or not 1 <= workers <= MAX_WORKERS:
        raise ValueError(f"bulk.{what}: 'workers' must be a whole number from 1 to {MAX_WORKERS}, got {workers!r}")
    return list(inputs), workers


def _invoke(call: Callable[..., Any], item: Any) -> Any:
    if isinstance(item, Args):
        return call(*item.args, **item.kwargs)
    return call(item)


def _outcome(index: int, item: Any, returned: Any) -> Outcome[Any]:
    """An outcome from what the call returned: the SDK's ``(result, response, error)`` tuple gives its result
    and error, a ``(None, error)`` pair (methods of the ``pair`` convention) its error; anything else is the value."""
    from .response import Result, ZscalerAPIResponse

    if isinstance(returned, tuple):
        if isinstance(returned, Result) or (len(returned) == 3 and isinstance(returned[1], (ZscalerAPIResponse, type(None)))
                                            and isinstance(returned[2], (BaseException, type(None)))):
            value, _, error = returned
            return Outcome(index, item, None if error is not None else value, error)
        if len(returned) == 2 and isinstance(returned[1], BaseException):
            return Outcome(index, item, None, returned[1])
    return Outcome(index, item, returned, None)


def _run_one(index: int, call: Callable[..., Any], item: Any) -> Outcome[Any]:
    try:
        return _outcome(index, item, _invoke(call, item))
    except Exception as e:  # noqa: BLE001 - one input's failure is its outcome, not the run's
        return Outcome(index, item, None, e)


def apply(call: Callable[..., Any], inputs: Iterable[Any], *, workers: int | None = None) -> Outcomes:
    """Call ``call`` once per input on up to ``workers`` threads (default 8); one :class:`Outcome` per input,
    in input order. The client's rate limiter paces the requests; its retry policy absorbs a 429 that
    slips through."""
    items, workers = _check(call, inputs, workers, "apply")
    if not items:
        return Outcomes([])
    if workers == 1 or len(items) == 1:
        return Outcomes([_run_one(i, call, item) for i, item in enumerate(items)])
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(workers, len(items)), thread_name_prefix="zscaler-bulk") as pool:
        futures = [pool.submit(_run_one, i, call, item) for i, item in enumerate(items)]
        return Outcomes([f.result() for f in futures])


async def apply_async(call: Callable[..., Awaitable[Any]], inputs: Iterable[Any], *,
                      workers: int | None = None) -> Outcomes:
    """:func:`apply` for an async callable (``AsyncZscalerClient`` methods): up to ``workers`` calls awaited
    at once (default 8); one :class:`Outcome` per input, in input order."""
    import asyncio

    items, workers = _check(call, inputs, workers, "apply_async")
    gate = asyncio.Semaphore(workers)

    async def one(index: int, item: Any) -> Outcome[Any]:
        async with gate:
            try:
                pending = _invoke(call, item)
                if not inspect.isawaitable(pending):
                    raise TypeError(f"bulk.apply_async: 'call' must return an awaitable (an async client's "
                                    f"method), got {type(pending).__name__}; use bulk.apply for a plain callable")
                return _outcome(index, item, await pending)
            except Exception as e:  # noqa: BLE001 - one input's failure is its outcome, not the run's
                return Outcome(index, item, None, e)

    return Outcomes(list(await asyncio.gather(*(one(i, item) for i, item in enumerate(items)))))


def fetch_all(list_method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a list method and read every page of its listing (``resp.fetch_all()``: later pages fetched
    concurrently where the listing tells its page count); the ``(items, response, error)`` result of the
    method, with every item. An error of the first page is returned as the method returns it; an error of
    a later page is returned as the error with the items read before it discarded (None)."""
    from .errors import ZscalerError
    from .response import Result, ZscalerAPIResponse

    returned = list_method(*args, **kwargs)
    if not (isinstance(returned, tuple) and len(returned) == 3):
        raise TypeError(f"bulk.fetch_all: 'list_method' must return (result, response, error) as a client's list "
                        f"method does, got {type(returned).__name__}")
    result, resp, error = returned
    if error is not None or not isinstance(resp, ZscalerAPIResponse):
        return returned
    try:
        return Result(resp.fetch_all(), resp, None)
    except ZscalerError as e:
        return Result(None, resp, e)


__all__ = ["Args", "DEFAULT_WORKERS", "MAX_WORKERS", "Outcome", "Outcomes", "apply", "apply_async", "fetch_all"]
