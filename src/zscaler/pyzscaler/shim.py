"""The opt-in top-level names ``pyzscaler`` and ``restfly.errors``, never shadowing real installations.

``install()`` puts a finder on ``sys.meta_path`` that answers ``pyzscaler`` (and its submodules:
``pyzscaler.zpa``, ``pyzscaler.utils`` ...) with the modules of ``zscaler.pyzscaler``, and
``restfly`` / ``restfly.errors`` with the facade's error classes, and ``box`` with the facade's
``Box``/``BoxList``/``BoxKeyError``, but only when the regular path finder finds no real
``pyzscaler`` / ``restfly`` / ``box`` (python-box) on ``sys.path``: a real installation always wins.
It is opt-in: the ``zscaler-pyzscaler-shim`` distribution (packages/pyzscaler-shim) calls it from a
``.pth`` file, or a script calls it (``import zscaler.pyzscaler.shim``, then ``install()``) before
importing ``pyzscaler``. This module imports nothing heavy: the ``.pth`` runs it at every start-up.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types
from typing import Sequence

ALIASES = {"pyzscaler": "zscaler.pyzscaler", "restfly": "zscaler.pyzscaler._restfly", "box": "zscaler.pyzscaler.box"}


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return importlib.import_module(self.target)

    def exec_module(self, module: types.ModuleType) -> None:
        """The target module is already executed."""


class AliasFinder(importlib.abc.MetaPathFinder):
    """``pyzscaler[.x]`` -> ``zscaler.pyzscaler[.x]``, ``restfly[.errors]`` and ``box`` -> the facade's, when no
    real one exists."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None,
                  target: types.ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        top, _, rest = fullname.partition(".")
        base = ALIASES.get(top)
        if base is None:
            return None
        if not rest:
            if importlib.machinery.PathFinder.find_spec(top) is not None:
                return None  # a real installation: it wins
            return importlib.machinery.ModuleSpec(fullname, _AliasLoader(base), is_package=True)
        parent = sys.modules.get(top)
        if parent is None or parent.__name__ != base:
            return None  # the real package's submodules are the real package's business
        name = f"{base}.{rest}" if top == "pyzscaler" else _restfly_target(rest) if top == "restfly" else None
        if name is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(name))


def _restfly_target(rest: str) -> str | None:
    return "zscaler.pyzscaler.errors" if rest == "errors" else None


_FINDER = AliasFinder()


def install() -> None:
    """Add the finder (first, so that submodules resolve to the aliases; it declines real installations)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.insert(0, _FINDER)


def uninstall() -> None:
    while _FINDER in sys.meta_path:
        sys.meta_path.remove(_FINDER)
    for name in [n for n in sys.modules if n.partition(".")[0] in ALIASES]:
        if sys.modules[name].__name__ != name:  # only our aliases, never a real module
            del sys.modules[name]


__all__ = ["AliasFinder", "install", "uninstall", "ALIASES"]
