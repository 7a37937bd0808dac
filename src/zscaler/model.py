"""Response objects and key-case conversion.

Wire JSON uses camelCase keys; Python code uses snake_case. :class:`ZscalerObject` keeps the
wire dict it was built from and answers snake_case attribute access over it, so unknown
fields are never lost. A model class of the official SDK (``SegmentGroup``, built from
``zscaler/compat/official_surface.json`` by :func:`model_class`) also knows its declared
fields: absent ones read as their official default (``[]`` for lists, else ``None``) and a
misspelt attribute raises ``AttributeError``. A plain ``ZscalerObject`` has no declared
fields, so any attribute it does not hold reads as ``None``.
"""

from __future__ import annotations

import copy
import difflib
import re
from collections import deque
from functools import lru_cache
from itertools import repeat
from typing import Any, Callable, Iterator, Mapping, NamedTuple, cast

from ._case_tables import TO_ATTR, TO_WIRE, ZCC_SNAKE_KEYS
from .redaction import is_secret_key, redact  # noqa: F401 - is_secret_key: re-exported, the one authority


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

def _wrap(value: Any, cls: "type[ZscalerObject] | None" = None) -> Any:
    """Nested records are views into the parent's data (changes write through)."""
    if isinstance(value, dict):
        return (cls or ZscalerObject).adopt(value)
    if isinstance(value, list) and any(isinstance(v, dict) for v in value):
        c = cls or ZscalerObject
        return [c.adopt(v) if isinstance(v, dict) else v for v in value]
    return value


class Field(NamedTuple):
    """One declared field of a model: attribute, the wire keys it is read from, list or not,
    and the nested model (``module:Class``) its values are, if any."""

    attr: str
    keys: tuple[str, ...]
    is_list: bool
    model: str | None
    default: Any = None  # the official value when the record lacks the field (None: none)

    def absent(self) -> Any:
        """The value an absent field reads as: its official default (a fresh copy), ``[]`` for a list."""
        if self.default is not None:
            return copy.deepcopy(self.default) if isinstance(self.default, (dict, list)) else self.default
        return [] if self.is_list else None


class ModelSpec:
    """The declared fields of one model class (from the official SDK's facts)."""

    __slots__ = ("fields", "by_attr", "by_key", "_resolve")

    def __init__(self, fields: list[Field], resolve: "Callable[[str], type[ZscalerObject]]") -> None:
        self.fields = fields
        self.by_attr = {f.attr: f for f in fields}
        self.by_key: dict[str, Field] = {}
        for f in fields:
            for k in f.keys:
                self.by_key.setdefault(k, f)
        self._resolve = resolve

    def nested(self, f: Field | None) -> "type[ZscalerObject] | None":
        return self._resolve(f.model) if f is not None and f.model else None


class ZscalerObject:
    """A resource record: snake_case attributes over the wire JSON it came from.

    ``obj.config_space`` reads ``configSpace``; nested objects and lists of objects are
    wrapped too. Fields the API did not send read as ``None``. ``obj["name"]``, ``"name" in
    obj`` and ``obj.get("name")`` use the same snake names.
    """

    __slots__ = ("_data", "_keys")

    #: declared fields (model classes of the official SDK); None: a schemaless record
    _spec: "ModelSpec | None" = None

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
        return cast("dict[str, str]", km)

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
        spec = type(self)._spec
        key = self._wire_key(name)
        if key is None:
            if spec is None:
                return None
            return self._declared(spec, name)
        value = self._data[key]
        if isinstance(value, (dict, list)):
            wrapped = _wrap(value, spec.nested(spec.by_key.get(key) or spec.by_attr.get(name)) if spec else None)
            if wrapped is not value:
                return wrapped
        return value

    def _declared(self, spec: ModelSpec, name: str) -> Any:
        """A declared field the data does not hold under its snake/camel name: its other wire
        keys, else its default; an undeclared name raises ``AttributeError``."""
        f = spec.by_attr.get(name)
        if f is None:
            known = sorted(set(spec.by_attr) | set(self.keys()))
            near = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'{hint}", name=name, obj=self)
        data = self._data
        for k in f.keys:
            if k in data:
                value = data[k]
                wrapped = _wrap(value, spec.nested(f)) if isinstance(value, (dict, list)) else value
                return value if wrapped is value else wrapped
        value = f.absent()
        return _wrap(value, spec.nested(f)) if isinstance(value, dict) and f.model else value

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
            return cast("bool", self._data == other._data)
        if isinstance(other, Mapping):
            return cast("bool", self._data == dict(other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __dir__(self) -> list[str]:
        spec = type(self)._spec
        return sorted(set(super().__dir__()) | set(self.keys()) | (set(spec.by_attr) if spec else set()))

    @property
    def __dict__(self) -> dict[str, Any]:  # type: ignore[override]
        """snake_case attribute -> value (declared fields included), a snapshot: set attributes to change."""
        spec = type(self)._spec
        out: dict[str, Any] = {}
        if spec is not None:
            for f in spec.fields:
                out[f.attr] = getattr(self, f.attr)
        for k in self._data:
            attr = spec.by_key[k].attr if spec is not None and k in spec.by_key else to_attr(k)
            if attr not in out:
                out[attr] = getattr(self, attr) if attr.isidentifier() else self._data[k]
        return out

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (type(self), self._data))

    # -- conversion
    def request_format(self) -> dict[str, Any]:
        """The record with wire keys, ready to send back (a deep copy)."""
        return copy.deepcopy(self._data)

    def as_dict(self) -> dict[str, Any]:
        """The record with snake_case keys at every depth; ``None`` values are omitted.

        A model with declared fields also lists its absent fields with the official defaults
        (``[]`` for lists, the official model's value for flags and the like, e.g.
        ``ServerGroup.enabled`` -> ``True``), at every depth of declared nested models.
        """
        spec = type(self)._spec
        return _snake(self._data) if spec is None else _snake_model(self._data, spec)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({_masked(self.as_dict())!r})"

    __str__ = __repr__


_new = object.__new__
_set_data = ZscalerObject._data.__set__  # type: ignore[attr-defined]  # slot descriptors: no __setattr__


def _rebuild(cls: type[ZscalerObject], data: dict[str, Any]) -> ZscalerObject:
    return cls.adopt(data)


class ModelList(list[Any]):
    """A list of records; ``as_dict()`` converts every record (README examples call it on lists)."""

    __slots__ = ()

    def as_dict(self) -> list[Any]:
        return [i.as_dict() if isinstance(i, ZscalerObject) else i for i in self]

    def request_format(self) -> list[Any]:
        return [i.request_format() if isinstance(i, ZscalerObject) else copy.deepcopy(i) for i in self]


def wrap_items(items: list[Any], cls: type[ZscalerObject]) -> ModelList:
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


def _snake_model(data: dict[str, Any], spec: ModelSpec) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in data.items():
        if v is None:
            continue
        f = (spec.by_key.get(k) or spec.by_attr.get(to_attr(k))) if isinstance(k, str) else None
        if f is None:
            out[to_attr(k) if isinstance(k, str) else k] = _snake(v)
            continue
        nested = spec.nested(f)
        nspec = nested._spec if nested is not None else None
        if nspec is not None and isinstance(v, dict):
            out[f.attr] = _snake_model(v, nspec)
        elif nspec is not None and isinstance(v, list):
            out[f.attr] = [_snake_model(i, nspec) if isinstance(i, dict) else _snake(i) for i in v]
        else:
            out[f.attr] = _snake(v)
    for f in spec.fields:
        if f.attr not in out and (f.is_list or f.default is not None):
            out[f.attr] = _snake(f.absent())
    return out


def _masked(value: Any) -> Any:
    """Secret fields shown as ``***``, registered secrets masked inside any string."""
    return redact(value, "***")


@lru_cache(maxsize=None)
def model_class(product: str | None, name: str | None, attribute: str | None = None) -> type[ZscalerObject]:
    """The response class a catalog names (``model_class("zpa", "SegmentGroup")``).

    It is the class importable at the official module path
    (``zscaler.zpa.models.segment_group.SegmentGroup``), with the official declared fields.
    Names are resolved per product (``AdminRoles`` of ZIA and of ZTW are two classes); a name
    two official modules of one product define is resolved by the resource ``attribute``.
    A name the facts do not know gives a thin schemaless subclass.
    """
    if not name:
        return ZscalerObject
    if product:
        from .compat.surface import catalog_model

        cls = catalog_model(product, name, attribute)
        if cls is not None:
            return cast("type[ZscalerObject]", cls)
    return type(name, (ZscalerObject,), {"__slots__": (), "__module__": f"zscaler.{product or 'models'}.models"})
