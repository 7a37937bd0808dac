"""Helpers under the names scripts import from the official SDK's ``zscaler.utils``.

Only the generally useful ones: key-case conversion, id-list reshaping and small conversions.
They follow the official behaviour described in the facts (key conversion: core-behavior
§5.3 and §5.8; id lists: the ``reformat_params`` table), written for this package.
"""

from __future__ import annotations

import re
import time
from typing import Any, Iterable, Iterator, Mapping, MutableMapping, Sequence

from ._case_tables import TO_ATTR
from .model import to_wire

_UPPER = re.compile(r"(?<!^)(?=[A-Z])")


def snake_to_camel(name: str) -> str:
    """``snake_case`` -> ``lowerCamelCase``; irregular names from the table (``surrogate_ip`` -> ``surrogateIP``)."""
    return to_wire(name)


def camel_to_snake(name: str) -> str:
    """Wire key -> ``snake_case`` the way the official SDK's helper does it.

    The irregular table first (``surrogateIP`` -> ``surrogate_ip``); otherwise an ``_`` before
    every capital but the first, lower-cased, ``__`` collapsed and outer ``_`` stripped, so
    acronyms split letter by letter (``URLCategory`` -> ``u_r_l_category``).
    """
    hit = TO_ATTR.get(name)
    if hit is not None:
        return hit
    return _UPPER.sub("_", name).lower().replace("__", "_").strip("_")


def convert_keys_to_snake(data: Any) -> Any:
    """Every dict key at every depth through :func:`camel_to_snake`."""
    if isinstance(data, Mapping):
        return {camel_to_snake(k) if isinstance(k, str) else k: convert_keys_to_snake(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [convert_keys_to_snake(v) for v in data]
    return data


def recursive_snake_to_camel(data: Any) -> Any:
    """Every dict key at every depth through :func:`snake_to_camel` (values untouched)."""
    if isinstance(data, Mapping):
        return {snake_to_camel(k) if isinstance(k, str) else k: recursive_snake_to_camel(v) for k, v in data.items()}
    if isinstance(data, (list, tuple)):
        return [recursive_snake_to_camel(v) for v in data]
    return data


def convert_keys(data: Any) -> Any:
    """A request body's keys in wire case at every depth (the rule of core-behavior §5.3)."""
    return recursive_snake_to_camel(data)


def chunker(lst: Sequence[Any], n: int) -> Iterator[Sequence[Any]]:
    """Consecutive slices of ``lst`` of at most ``n`` items."""
    if n < 1:
        raise ValueError("chunker: n must be at least 1")
    for i in range(0, len(lst), n):
        yield lst[i:i + n]


def keys_exists(element: Mapping[str, Any], *keys: str) -> bool:
    """Whether ``element[keys[0]][keys[1]]...`` exists."""
    if not isinstance(element, Mapping):
        raise AttributeError("keys_exists() expects a dict as its first argument")
    if not keys:
        raise AttributeError("keys_exists() expects at least one key")
    current: Any = element
    for key in keys:
        if not isinstance(current, Mapping) or key not in current:
            return False
        current = current[key]
    return True


def _id(value: Any, coerce: bool) -> Any:
    if coerce and isinstance(value, str) and value.isdigit():
        return int(value)
    return value


def add_id_groups(id_groups: Iterable[Sequence[str]], kwargs: MutableMapping[str, Any],
                  payload: MutableMapping[str, Any]) -> None:
    """For each ``(argument, wire key)`` pair given in ``kwargs`` (and taken out of it):
    ``payload[wire key] = [{"id": i} for i in ids]``."""
    for name, wire in id_groups:
        if name in kwargs:
            payload[wire] = [{"id": i} for i in (kwargs.pop(name) or [])]


def transform_common_id_fields(id_groups: Iterable[Sequence[str]], source_dict: MutableMapping[str, Any],
                               target_dict: MutableMapping[str, Any], coerce_ids: bool = True) -> None:
    """Each id list of ``source_dict`` named in the table (``reformat_params``: ``("ec_groups", "ecGroups")``)
    is taken out of it and written to ``target_dict`` as ``[{"id": ...}]`` under the wire key.

    Items already shaped ``{"id": ...}`` are kept; digit strings become ints unless ``coerce_ids``
    is false; an empty or ``None`` list writes nothing.
    """
    for name, wire in id_groups:
        if name not in source_dict:
            continue
        ids = source_dict.pop(name)
        if not isinstance(ids, (list, tuple)) or not ids:
            continue
        target_dict[wire] = [i if isinstance(i, Mapping) else {"id": _id(i, coerce_ids)} for i in ids]


def str2bool(v: Any) -> bool:
    """``"yes"``, ``"true"``, ``"t"``, ``"1"``, ``"on"`` (any case) and true values -> True."""
    if isinstance(v, bool):
        return v
    return str(v).strip().lower() in ("yes", "true", "t", "1", "y", "on")


def calculate_epoch(hours: int) -> tuple[int, int]:
    """``(now, now - hours)`` in epoch seconds: the ``to`` and ``from`` of a ZDX time window."""
    now = int(time.time())
    return now, now - int(hours) * 3600


def remove_cloud_suffix(str_name: str) -> str:
    """A name without the ``(zscaler.net)``-style cloud suffix some APIs append."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", str_name) if isinstance(str_name, str) else str_name


__all__ = ["snake_to_camel", "camel_to_snake", "convert_keys_to_snake", "recursive_snake_to_camel", "convert_keys",
           "chunker", "keys_exists", "add_id_groups", "transform_common_id_fields", "str2bool", "calculate_epoch",
           "remove_cloud_suffix"]
