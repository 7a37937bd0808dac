"""Official import paths: a lazy module finder for the official SDK's modules.

``import zscaler.zpa.segment_groups`` or ``from zscaler.zpa.models.segment_group import
SegmentGroup`` work although no such file exists here: :class:`OfficialPathFinder` sits at the
end of ``sys.meta_path`` (so every real module of this package is found first) and creates
those modules from ``official_surface.json`` (see :mod:`zscaler.compat.surface`). A created
module's names resolve on first access. Registering costs one list append; the data file is
read when the first official module is imported.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any, Sequence


class OfficialPathFinder:
    """Meta path finder and loader of the official SDK's module names (``zscaler.<...>``)."""

    def find_spec(self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None) -> Any:
        if not fullname.startswith("zscaler."):
            return None
        from . import surface

        package = surface.is_package(fullname)
        if not package and surface.module_names(fullname) is None:
            return None
        from importlib.machinery import ModuleSpec

        return ModuleSpec(fullname, self, origin="zscaler-official-surface", is_package=package)  # type: ignore[arg-type]

    def create_module(self, spec: Any) -> None:
        return None  # the default module object

    def exec_module(self, module: ModuleType) -> None:
        from . import surface

        fullname = module.__name__
        names = surface.module_names(fullname) or {}
        if module.__spec__ is not None and module.__spec__.submodule_search_locations is not None:
            module.__path__ = []
        module.__doc__ = f"Official SDK path {fullname} (names resolve to this package's objects on first use)."
        module.__all__ = sorted(names)  # type: ignore[attr-defined]

        def __getattr__(name: str) -> Any:
            if name in names:
                value = surface.resolve(fullname, name)
                setattr(module, name, value)
                return value
            raise AttributeError(f"module '{fullname}' has no attribute '{name}'")

        def __dir__() -> list[str]:
            return sorted(set(vars(module)) | set(names))

        module.__getattr__ = __getattr__  # type: ignore[method-assign]
        module.__dir__ = __dir__  # type: ignore[method-assign]


_FINDER = OfficialPathFinder()


def install() -> None:
    """Append the finder to ``sys.meta_path`` (once)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.append(_FINDER)
