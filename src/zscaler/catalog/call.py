"""The type hooks are written against: :class:`Call`, one method call being turned into a request.

A hook is ``hook(call: Call)`` named in an ``op(..., hook=...)`` record (see :mod:`zscaler.catalog.hooks`).
This module depends on nothing but the catalog records, so loading a catalog imports no transport
code and no HTTP library; the binder (:class:`zscaler.catalog.call.Call`) is the implementation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Mapping, Protocol

if TYPE_CHECKING:  # pragma: no cover
    from ..model import ZscalerObject
    from .spec import Op, Product

#: ``call.after``: ``after(value, response)`` returns the method's value (an exception returned is its error).
After = Callable[[Any, Any], Any]


class Call(Protocol):
    """One call of a generated method, as its op's hook sees it.

    ``args`` holds the bound arguments (``**kwargs`` under ``kwargs``); ``query`` and ``body`` are
    the outgoing query dict (before the product's key rules) and JSON body; ``raw_body`` replaces
    the JSON body (bytes, text or a binary file object); ``path_values`` fills the path's
    placeholders. A hook may set ``result`` to answer without a request (a value, or a whole
    ``Result``), ``after`` to post-process the result (an exception it returns becomes the error,
    with the response), ``keep`` to filter the items of a list on every page (``resp.next()``
    included), or send preliminary requests with :meth:`request`.
    """

    op: Op
    args: dict[str, Any]
    verb: str
    path: str
    path_values: dict[str, str]
    query: dict[str, Any]
    body: Any
    raw_body: Any
    headers: dict[str, str]
    result: Any
    after: After | None
    keep: Callable[[Any], bool] | None

    @property
    def product(self) -> Product:
        """The catalog of the call's product."""
        ...

    def config(self, key: str) -> Any:
        """A configuration value of the client (``customerId``, ``microtenantId`` ...)."""
        ...

    def request(self, verb: str, path: str, query: Mapping[str, Any] | None = None, body: Any = None, *,
                raw_body: Any = None, headers: Mapping[str, str] | None = None, read_body: bool = True) -> Any:
        """Send a preliminary request through the client's layers (retry, auth, logging); returns the
        decoded body and raises the typed error of a failure. ``path`` may contain ``{customerId}``;
        ``raw_body`` (bytes or text) is sent instead of the JSON ``body``, with ``headers``. With
        ``read_body=False`` the answer's body is not decoded and ``None`` returned (a check whose
        answer is its status alone)."""
        ...

    def model_class(self, name: str | None = None) -> type[ZscalerObject]:
        """The class of this op's model (or of ``name``), resolved in this product and resource."""
        ...


#: The signature of a hook.
Hook = Callable[[Call], Any]

__all__ = ["After", "Call", "Hook"]
