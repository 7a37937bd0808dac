"""pyZscaler's return objects: ``Box`` (a dict with attribute access) and ``BoxList``, the project's own.

pyZscaler answered with python-box objects made with ``camel_killer_box=True``; this module keeps
what its scripts rely on, and nothing more:

* a camel-killing box stores keys snake_case (``ipV6Enabled`` -> ``ip_v6_enabled``,
  ``URLCategories`` -> ``url_categories``, ``surrogateIP`` -> ``surrogate_ip``: :func:`snake_key`) and
  finds a camelCase name too (``b.tcpPortRange`` is ``b.tcp_port_range``); a plain ``Box`` keeps
  keys as given;
* attribute and item access alike, nested dicts and lists boxed with the same setting;
* a missing key raises :class:`BoxKeyError`, a ``KeyError`` and an ``AttributeError`` both;
* ``to_dict()``, ``to_json()``, ``BoxList.to_list()``; ``str()`` is the plain dict's text and
  ``repr()`` ``Box({...})``, with secret fields shown as ``***`` (:mod:`zscaler.redaction`): the
  values themselves are read by key as usual.

Scripts that import ``box`` get this module through the opt-in shim when python-box is not
installed (:mod:`zscaler.pyzscaler.shim`). Request keys go the other way through
``utils.snake_to_camel``.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any, Iterable

from ..redaction import redact

_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")  # URLCategories -> URL_Categories
_WORD = re.compile(r"([a-z0-9])([A-Z])")  # ipV6Enabled -> ip_V6_Enabled


def snake_key(key: Any) -> Any:
    """The key a camel-killing box stores ``key`` under (non-strings as they are)."""
    if not isinstance(key, str):
        return key
    return _WORD.sub(r"\1_\2", _ACRONYM.sub(r"\1_\2", key)).lower()


class BoxKeyError(KeyError, AttributeError):
    """A key (or attribute) the box does not hold."""


def _boxed(value: Any, camel: bool) -> Any:
    if isinstance(value, dict) and not isinstance(value, Box):
        return Box(value, camel_killer_box=camel)
    if isinstance(value, list) and not isinstance(value, BoxList):
        return BoxList(value, camel_killer_box=camel)
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


class Box(dict):  # type: ignore[type-arg]
    """A dict whose keys are attributes too (see the module's docstring)."""

    __slots__ = ("_camel",)

    def __init__(self, *args: Any, camel_killer_box: bool = False, **items: Any) -> None:
        super().__init__()
        object.__setattr__(self, "_camel", bool(camel_killer_box))
        self.update(*args, **items)

    def _key(self, key: Any) -> Any:
        """The stored key ``key`` names: itself when held, else its snake_case form in a camel-killing box."""
        if self._camel and not dict.__contains__(self, key):
            return snake_key(key)
        return key

    # -- item access
    def __setitem__(self, key: Any, value: Any) -> None:
        super().__setitem__(snake_key(key) if self._camel else key, _boxed(value, self._camel))

    def __getitem__(self, key: Any) -> Any:
        try:
            return super().__getitem__(self._key(key))
        except KeyError:
            raise BoxKeyError(key) from None

    def __delitem__(self, key: Any) -> None:
        try:
            super().__delitem__(self._key(key))
        except KeyError:
            raise BoxKeyError(key) from None

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, self._key(key))

    def get(self, key: Any, default: Any = None) -> Any:
        return super().get(self._key(key), default)

    def setdefault(self, key: Any, default: Any = None) -> Any:
        if key not in self:
            self[key] = default
        return self[key]

    def update(self, *args: Any, **items: Any) -> None:
        for key, value in dict(*args, **items).items():
            self[key] = value

    # -- attribute access
    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_camel":
            raise AttributeError(name)
        try:
            return self[name]
        except BoxKeyError:
            raise BoxKeyError(f"'{type(self).__name__}' object has no attribute '{name}'") from None

    def __setattr__(self, name: str, value: Any) -> None:
        self[name] = value

    def __delattr__(self, name: str) -> None:
        del self[name]

    # -- conversions
    def copy(self) -> "Box":
        return Box(self, camel_killer_box=self._camel)

    def __reduce__(self) -> Any:
        return functools.partial(type(self), camel_killer_box=self._camel), (self.to_dict(),)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)  # type: ignore[no-any-return]

    def to_json(self, **json_kwargs: Any) -> str:
        return json.dumps(self.to_dict(), **json_kwargs)

    def __str__(self) -> str:
        return str(redact(self.to_dict(), "***"))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self})"


class BoxList(list):  # type: ignore[type-arg]
    """A list whose dicts and lists are boxed (see the module's docstring)."""

    __slots__ = ("_camel",)

    def __init__(self, items: Iterable[Any] = (), camel_killer_box: bool = False) -> None:
        self._camel = bool(camel_killer_box)
        super().__init__(_boxed(v, self._camel) for v in items)

    def __setitem__(self, index: Any, value: Any) -> None:
        if isinstance(index, slice):
            super().__setitem__(index, [_boxed(v, self._camel) for v in value])
        else:
            super().__setitem__(index, _boxed(value, self._camel))

    def append(self, value: Any) -> None:
        super().append(_boxed(value, self._camel))

    def insert(self, index: Any, value: Any) -> None:
        super().insert(index, _boxed(value, self._camel))

    def extend(self, values: Iterable[Any]) -> None:
        super().extend(_boxed(v, self._camel) for v in values)

    def __iadd__(self, values: Iterable[Any]) -> "BoxList":  # type: ignore[misc]
        self.extend(values)
        return self

    def copy(self) -> "BoxList":
        return BoxList(self, camel_killer_box=self._camel)

    def __reduce__(self) -> Any:
        return functools.partial(type(self), camel_killer_box=self._camel), (self.to_list(),)

    def to_list(self) -> list[Any]:
        return _plain(self)  # type: ignore[no-any-return]

    def to_json(self, **json_kwargs: Any) -> str:
        return json.dumps(self.to_list(), **json_kwargs)

    def __str__(self) -> str:
        return str(redact(self.to_list(), "***"))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self})"


BOX_ATTRS: dict[str, Any] = {"camel_killer_box": True}


def boxed(value: Any) -> Any:
    """A decoded JSON answer as pyZscaler returns it: dicts as ``Box``, lists as ``BoxList``."""
    return _boxed(value, True)


__all__ = ["Box", "BoxList", "BoxKeyError", "BOX_ATTRS", "boxed", "snake_key"]
