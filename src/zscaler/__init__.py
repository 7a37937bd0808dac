"""Zscaler Zero Trust Exchange SDK: a drop-in, catalog-driven client with an embedded simulator.

``from zscaler import ZscalerClient``. Product code loads lazily on first use, so importing
this package is fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.3.0"

from ._install_check import refuse_mixed_install as _refuse_mixed_install

_refuse_mixed_install()

from .compat import install as _install_official_paths  # noqa: E402

_install_official_paths()  # the official SDK's module paths (zscaler.zpa.segment_groups ...), created on import

if TYPE_CHECKING:  # pragma: no cover
    from .oneapi_client import ZscalerClient
    from .aio.client import AsyncZscalerClient as AsyncZscalerClient  # a lazy export (see _LAZY), re-exported for checkers
    from .response import Result  # noqa: F401 - a lazy export (see _LAZY)

_LAZY = {
    "ZscalerClient": ("zscaler.oneapi_client", "ZscalerClient"),
    "Client": ("zscaler.oneapi_client", "Client"),
    "AsyncZscalerClient": ("zscaler.aio.client", "AsyncZscalerClient"),
    "Result": ("zscaler.response", "Result"),
    "ZscalerAPIResponse": ("zscaler.response", "ZscalerAPIResponse"),
    "ZscalerObject": ("zscaler.model", "ZscalerObject"),
    "NOT_GIVEN": ("zscaler.model", "NOT_GIVEN"),
}


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'zscaler' has no attribute '{name}'")
    import importlib

    value = getattr(importlib.import_module(target[0]), target[1])
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_LAZY))


__all__ = ["ZscalerClient", "__version__"]
