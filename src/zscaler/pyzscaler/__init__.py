"""A pyZscaler-compatible facade over this project's clients (issue #20; docs/pyzscaler.md).

``from zscaler.pyzscaler import ZPA`` gives pyZscaler 1.6.0's ``ZPA`` surface (resource
attributes, method names and signatures, ``Box`` returns, restfly errors) on top of the
project's transport, with the legacy keys or in OneAPI mode. Clients load on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "1.6.0"  # the pyZscaler release whose surface this reproduces

if TYPE_CHECKING:  # pragma: no cover
    from .zcc import ZCC
    from .zcon import ZCON
    from .zdx import ZDX
    from .zia import ZIA
    from .zpa import ZPA

_CLIENTS = {"ZIA": "zia", "ZPA": "zpa", "ZCC": "zcc", "ZDX": "zdx", "ZCON": "zcon"}


def __getattr__(name: str) -> Any:
    module = _CLIENTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def __dir__() -> list[str]:
    return sorted(list(globals()) + list(_CLIENTS))


__all__ = ["ZIA", "ZPA", "ZCC", "ZDX", "ZCON", "__version__"]
