"""Response objects and key-case conversion.

Wire JSON uses camelCase keys; Python code uses snake_case. :class:`ZscalerObject` keeps the
wire dict it was built from and answers snake_case attribute access over it, so unknown
fields are never lost and missing ones read as ``None``.
"""

from __future__ import annotations

import copy
import re
from collections import deque
from functools import lru_cache
from itertools import repeat
from typing import Any, Iterator, Mapping

from ._case_tables import TO_ATTR, TO_WIRE, ZCC_SNAKE_KEYS


class _NotGiven:
    """Marker for "leave this field unchanged" (distinct from ``None``, which sends null)."""

    _instance: "_NotGiven | None" = None

    def __new__(cls) -> "_NotGiven":
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __reduce__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Any = _NotGiven()


# ---------------------------------------------------------------- case conversion

@lru_cache(maxsize=8192)
def to_wire(key: str) -> str:
    """snake_case -> lowerCamelCase with the irregular table (``surrogate_ip`` -> ``surrogateIP``).

    Keys without an underscore are returned unchanged, so camelCase input passes through.
    """
    hit = TO_WIRE.get(key)
    if hit is not None:
        return hit
    if "_" not in key:
        return key
    parts = [p for p in key.split("_") if p]
    if not parts:
        return key
    return parts[0].lower() + "".join(p[:1].upper() + p[1:].lower() for p in parts[1:])


_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")
_BOUNDARY = re.compile(r"([a-z0-9])([A-Z])")


@lru_cache(maxsize=8192)
def to_attr(key: str) -> str:
    """Wire key -> snake_case attribute, keeping acronyms together (``minTLSVersion`` -> ``min_tls_version``)."""
    hit = TO_ATTR.get(key)
    if hit is not None:
        return hit
    s = _ACRONYM.sub(r"\1_\2", key)
    s = _BOUNDARY.sub(r"\1_\2", s)
    return s.replace("-", "_").lower()


def _squash(key: str) -> str:
    return key.replace("_", "").lower()


def convert_keys(value: Any, style: str = "camel") -> Any:
    """Convert every dict key at every depth of a request body.

    ``style`` is ``camel`` (generic rule), ``zcc`` (generic rule except the ZCC snake set) or
    ``none`` (unchanged). ``featurePermissions`` keeps its inner keys as given. NOT_GIVEN values
    are dropped.
    """
    if style == "none":
        return _drop_not_given(value)
    if isinstance(value, Mapping):
        out: dict[Any, Any] = {}
        for k, v in value.items():
            if v is NOT_GIVEN:
                continue
            if not isinstance(k, str):
                out[k] = convert_keys(v, style)
                continue
            wk = k if (style == "zcc" and k in ZCC_SNAKE_KEYS) else to_wire(k)
            if wk == "featurePermissions" and isinstance(v, Mapping):
                out[wk] = dict(v)
            else:
                out[wk] = convert_keys(v, style)
        return out
    if isinstance(value, (list, tuple)):
        return [convert_keys(v, style) for v in value]
    if isinstance(value, ZscalerObject):
        return value.request_format()
    return value


def _drop_not_given(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: _drop_not_given(v) for k, v in value.items() if v is not NOT_GIVEN}
    if isinstance(value, (list, tuple)):
        return [_drop_not_given(v) for v in value]
    if isinstance(value, ZscalerObject):
        return value.request_format()
    return value


# ---------------------------------------------------------------- objects

#: Wire keys whose values are credentials: shown masked in reprs (``as_dict`` keeps them).
_SECRET_KEY = re.compile(
    r"(pass(word|wd|phrase)?|secret|token|api_?key|private_?key|provisioning_?key|psk|pre_?shared|cookie|credential|assertion)",
    re.I,
)


#: one-time passwords (ZCC exit/uninstall OTPs): ``otp``, ``exit_otp``, ``exitOtp``, ``OTPs`` - not ``footprint``
_OTP_KEY = re.compile(r"(?:^|_|(?<=[a-z]))(?:otp|Otp|OTP)s?(?:$|_|[A-Z])")


def is_secret_key(key: str) -> bool:
    return bool(_SECRET_KEY.search(key) or _OTP_KEY.search(key))


def _wrap(value: Any) -> Any:
    """Nested records are views into the parent's data (changes write through)."""
    if isinstance(value, dict):
        return ZscalerObject.adopt(value)
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        return [ZscalerObject.adopt(v) if isinstance(v, dict) else v for v in value]
    return value


class ZscalerObject:
    """A resource record: snake_case attributes over the wire JSON it came from.

    ``obj.config_space`` reads ``configSpace``; nested objects and lists of objects are
    wrapped too. Fields the API did not send read as ``None``. ``obj["name"]``, ``"name" in
    obj`` and ``obj.get("name")`` use the same snake names.
    """

    __slots__ = ("_data", "_keys")

    def __init__(self, config: Mapping[str, Any] | None = None, **fields: Any) -> None:
        data: dict[str, Any] = dict(config) if config else {}
        for k, v in fields.items():
            data[to_wire(k)] = v
        object.__setattr__(self, "_data", data)
        object.__setattr__(self, "_keys", None)

    @classmethod
    def adopt(cls, data: dict[str, Any]) -> "ZscalerObject":
        """A live view over ``data`` without copying it (decoded answers, nested records).

        Setting an attribute writes into ``data``, so a change to a nested record
        (``rule.conditions[0].operator = "OR"``) is part of the parent's ``request_format()``.
        """
        o = _new(cls)
        _set_data(o, data)
        return o

    # -- key resolution
    def _key_map(self) -> dict[str, str]:
        try:
            km = self._keys
        except AttributeError:  # adopt() leaves the slot unset: cheaper than writing None
            km = None
        if km is None or len(km) < len(self._data):
            km = {}
            for k in self._data:
                km[to_attr(k)] = k
                km.setdefault(_squash(k), k)
            object.__setattr__(self, "_keys", km)
        return km

    def _wire_key(self, name: str) -> str | None:
        data = self._data
        for cand in (name, to_wire(name)):
            if cand in data:
                return cand
        km = self._key_map()
        return km.get(name) or km.get(_squash(name))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ZscalerObject.__slots__:
            raise AttributeError(name)
        key = self._wire_key(name)
        if key is None:
            return None
        value = self._data[key]
        if isinstance(value, (dict, list)):
            wrapped = _wrap(value)
            if wrapped is not value:
                return wrapped
        return value

    def __setattr__(self, name: str, value: Any) -> None:
        key = self._wire_key(name) or to_wire(name)
        self._data[key] = value.request_format() if isinstance(value, ZscalerObject) else value

    def __getitem__(self, name: str) -> Any:
        key = self._wire_key(name)
        if key is None:
            raise KeyError(name)
        return getattr(self, name)

    def __setitem__(self, name: str, value: Any) -> None:
        setattr(self, name, value)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self._wire_key(name) is not None

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if name in self else default

    def keys(self) -> list[str]:
        return [to_attr(k) for k in self._data]

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ZscalerObject):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | set(self.keys()))

    # -- conversion
    def request_format(self) -> dict[str, Any]:
        """The record with wire keys, ready to send back (a deep copy)."""
        return copy.deepcopy(self._data)

    def as_dict(self) -> dict[str, Any]:
        """The record with snake_case keys at every depth; ``None`` values are omitted."""
        return _snake(self._data)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({_masked(self.as_dict())!r})"

    __str__ = __repr__


_new = object.__new__
_set_data = ZscalerObject._data.__set__  # type: ignore[attr-defined]  # slot descriptors: no __setattr__


class ModelList(list):
    """A list of records; ``as_dict()`` converts every record (README examples call it on lists)."""

    __slots__ = ()

    def as_dict(self) -> list[Any]:
        return [i.as_dict() if isinstance(i, ZscalerObject) else i for i in self]

    def request_format(self) -> list[Any]:
        return [i.request_format() if isinstance(i, ZscalerObject) else copy.deepcopy(i) for i in self]


def wrap_items(items: list, cls: type[ZscalerObject]) -> ModelList:
    """Wrap every dict of a decoded page in ``cls`` (no copies); other values pass through.

    The all-dicts case (every JSON page) runs as C-level ``map`` calls: about 0.2 µs an item.
    """
    if set(map(type, items)) <= {dict}:
        objs = list(map(_new, repeat(cls, len(items))))
        deque(map(_set_data, objs, items), maxlen=0)
        return ModelList(objs)
    return ModelList(cls.adopt(i) if type(i) is dict else (cls(i) if isinstance(i, Mapping) else i) for i in items)


def _snake(value: Any) -> Any:
    if isinstance(value, dict):
        return {to_attr(k) if isinstance(k, str) else k: _snake(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_snake(v) for v in value]
    return value


def _masked(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: ("***" if isinstance(k, str) and is_secret_key(k) and v not in (None, "") and not isinstance(v, (bool, dict, list)) else _masked(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked(v) for v in value]
    return value


@lru_cache(maxsize=None)
def model_class(name: str | None) -> type[ZscalerObject]:
    """The response class named in the catalog (``SegmentGroup``), a thin ZscalerObject subclass."""
    if not name:
        return ZscalerObject
    return type(name, (ZscalerObject,), {"__slots__": (), "__module__": "zscaler.models"})
