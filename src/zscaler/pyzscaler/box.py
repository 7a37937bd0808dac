"""pyZscaler's return objects: python-box's ``Box``/``BoxList`` with ``camel_killer_box=True``.

Decision: the facade depends on python-box (the ``pyzscaler`` extra) instead of shipping a
look-alike. pyZscaler scripts and its own tests check ``isinstance(x, box.Box)`` and catch
``box.BoxKeyError``; only the real classes pass those checks, and python-box's ``_camel_killer``
is the key rule the README documents (``ipV6Enabled`` -> ``ip_v6_enabled``), so reproducing it
by hand could only drift. Request keys go the other way through ``utils.snake_to_camel``.
"""

from __future__ import annotations

from typing import Any

try:
    from box import Box, BoxKeyError, BoxList
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError("zscaler.pyzscaler needs python-box: pip install 'zscaler-sdk-ng[pyzscaler]'") from e

BOX_ATTRS: dict[str, Any] = {"camel_killer_box": True}


def boxed(value: Any) -> Any:
    """A decoded JSON answer as pyZscaler returns it: dicts as ``Box``, lists as ``BoxList``."""
    if isinstance(value, dict):
        return Box(value, **BOX_ATTRS)
    if isinstance(value, list):
        return BoxList(value, **BOX_ATTRS)
    return value


__all__ = ["Box", "BoxList", "BoxKeyError", "BOX_ATTRS", "boxed"]
