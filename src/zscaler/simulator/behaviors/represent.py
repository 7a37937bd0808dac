"""The server's representation of a stored object: what a get, list, create or update answers.

The store keeps what was written plus the server's stamps; the real API answers its own
representation of the object, which has every key of the resource's model. This module gives
that representation (issue #16):

* every key the op's model declares (the official model's fields, ``zscaler.model``) that
  the object lacks is filled: the product's own server default (``Traits.defaults``, one
  table per product in ``behaviors/<product>_defaults.py``), else the official SDK's default
  for the field, else the empty value of its kind (``[]`` for a list, ``False`` for a flag,
  ``None`` otherwise);
* the server's modification stamps (``lastModifiedTime`` ...) are answered only where the model
  declares them or the product's table says :data:`KEEP` (ZIA locations, groups ... have none;
  GRE tunnels and static IPs call it ``lastModificationTime``);
* keys the product's table marks :data:`OMIT` are answered only when stored (not filled), keys
  it marks :data:`HIDE` are never answered (write-only fields such as a
  credential's ``password``; stamps a create answer does not carry yet).

A product's table is keyed by model name (every route answering that model) or by
``"VERB /path/template"`` (one route; its entries win).

Objects of a model the facts do not know are answered as stored.
"""

from __future__ import annotations

import copy
import json
import re
from functools import lru_cache
from collections.abc import Callable, Iterator, Sequence
from typing import Any, overload

from ..wire import dumps_text as _encode

#: the stamps :func:`zscaler.simulator.wire.server_fields` writes
STAMPS = ("lastModifiedTime", "lastModifiedBy", "creationTime", "modifiedTime", "modifiedBy")
#: a stamp a model may spell otherwise
STAMP_ALIASES = {"lastModifiedTime": "lastModificationTime"}


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


#: a table value: answer the stored key (a stamp the model does not declare) as it is
KEEP: Any = _Marker("KEEP")
#: a table value: never answer the key
HIDE: Any = _Marker("HIDE")
#: a table value: answer the key only when stored (the model's empty value is not filled in)
OMIT: Any = _Marker("OMIT")
#: a table value of an envelope key (``"@currentCount"``): the number of items on the page
PAGE_COUNT: Any = _Marker("PAGE_COUNT")
ENVELOPE = "@"  # table keys starting with it are keys of a listing's envelope, not of its items

_FLAG = re.compile(
    r"^(is|has|enable|allow|block|bypass|use|include|exclude|show|display|inspect|skip)[A-Z0-9]"
    r"|(Enabled|Disabled|Blocked|Capture|Allowed|Required|Managed|Inherit|Supported|Present|Exempted)$"
    r"|^(enabled|disabled|readOnly|predefined|defaultRule|custom|capturePCAP|editable|deleted|exportable"
    r"|ipAnchored|doubleEncrypt|passiveHealthEnabled|sorted|ciparule|nonEditable)$")


@lru_cache(maxsize=None)
def declared(product: str, model: str) -> tuple[tuple[str, Any], ...] | None:
    """(wire key, default) of every field ``model`` declares, or None when the facts do not know it."""
    from zscaler.model import model_class

    spec = model_class(product, model)._spec
    if spec is None or not spec.fields:
        return None
    out = []
    for f in spec.fields:
        if not f.keys:
            continue
        key = f.keys[0]
        if f.default is not None or f.is_list:
            default = f.absent()
        else:
            default = False if not f.model and _FLAG.search(key) else None
        out.append((key, default))
    return tuple(out)


def model_of(route: Any) -> str | None:
    """The model the route's operation answers (its resource's when the route has no operation)."""
    op = getattr(route, "op", None)
    name = getattr(op, "model", None) if op is not None else getattr(getattr(route, "resource", None), "model", None)
    return name if isinstance(name, str) else None


class Plan:
    """How objects of one model are answered on one route: worked out once (per answer or page),
    applied to each object by :meth:`apply`."""

    __slots__ = ("keys", "stamps", "hide", "fills")

    def __init__(self, fields: tuple[tuple[str, Any], ...] | None, own: dict[str, Any]) -> None:
        self.keys = {k for k, _ in fields or ()} | {k for k, v in own.items() if v is KEEP or v is OMIT}
        self.stamps = fields is not None
        self.hide = [k for k, v in own.items() if v is HIDE and not k.startswith(ENVELOPE)]
        fills: dict[str, Any] = {}
        for k, v in own.items():
            if not k.startswith(ENVELOPE) and v is not HIDE and v is not KEEP and v is not OMIT:
                fills[k] = v
        for k, v in fields or ():
            if k not in fills and own.get(k) is not HIDE and own.get(k) is not OMIT:
                fills[k] = v
        # (key, value, how to answer it): 0 as it is, 1 a new empty container, 2 a deep copy
        self.fills = [(k, v, 0 if not isinstance(v, (list, dict)) else 2 if v else 1) for k, v in fills.items()]

    def apply(self, obj: Any) -> Any:
        if not isinstance(obj, dict):
            return obj
        out = dict(obj)
        if self.stamps:
            _stamps(out, self.keys)
        for k in self.hide:
            out.pop(k, None)
        for k, v, how in self.fills:
            if k not in out:
                out[k] = v if how == 0 else type(v)() if how == 1 else copy.deepcopy(v)
        return out


def plan(product: str, model: str | None, own: dict[str, Any]) -> Plan | None:
    """The :class:`Plan` of ``model`` with the table entry ``own`` (None: objects answer as stored)."""
    fields = declared(product, model) if model else None
    if fields is None and not own:
        return None
    return Plan(fields, own)


_PLACEHOLDER = re.compile(r"\{[^}]*\}")
_ROUTE_KEYS: dict[int, dict[str, dict[str, Any]]] = {}


def _route_keys(defaults: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The table's route entries with placeholders written ``{}`` (``{rule_id}`` and ``{id}`` are one)."""
    found = _ROUTE_KEYS.get(id(defaults))
    if found is None:
        found = {_PLACEHOLDER.sub("{}", k): v for k, v in defaults.items() if " " in k}
        _ROUTE_KEYS[id(defaults)] = found
    return found


def table_entry(defaults: dict[str, dict[str, Any]], model: str | None, verb: str, template: str) -> dict[str, Any]:
    """The product table's entries for ``model`` and for the route ``verb template`` (the route's win)."""
    route = _route_keys(defaults).get(f"{verb} {_PLACEHOLDER.sub('{}', template)}", {}) if defaults else {}
    return {**defaults.get(model or "", {}), **route}


def _stamps(out: dict[str, Any], keys: set[str]) -> None:
    for stamp in STAMPS:
        if stamp not in out or stamp in keys:
            continue
        value = out.pop(stamp)
        alias = STAMP_ALIASES.get(stamp)
        if alias in keys and alias not in out:
            out[alias] = value


def envelope(engine: Any, route: Any, page: Any) -> Any:
    """``page`` (a listing's answer) with the envelope keys of the route's table entry
    (``"@currentCount": PAGE_COUNT`` -> ``currentCount``: the items on the page, as ZPA counts)."""
    own = _route_keys(engine.traits_of(getattr(route, "product", "")).defaults).get(
        f"{getattr(route, 'verb', '')} {_PLACEHOLDER.sub('{}', getattr(route, 'template', ''))}", {})
    extra = {k[len(ENVELOPE):]: v for k, v in own.items() if k.startswith(ENVELOPE)}
    if not extra or not isinstance(page, dict):
        return page
    items = next((v for v in page.values() if isinstance(v, list)), [])
    out = dict(page)
    for k, v in extra.items():
        out[k] = str(len(items)) if v is PAGE_COUNT else v
    return out


class Fragment:
    """One item of a listing's page as the JSON text the page answers for it (see :class:`Represented`)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def value(self) -> Any:
        return json.loads(self.text)


#: what stands for a list of fragments while the rest of a page is encoded (no stored string is this)
_HOLE = "\x00zscaler-simulator:fragments\x00"
_HOLE_JSON = _encode(_HOLE)


class Represented(Sequence[Any]):
    """The answers of a stored list, built only for the items a page cuts out (``len`` and slices are
    all a paging style's ``serve`` uses): a page of a 20,000-item collection represents its page.

    With ``texts`` (a :class:`~zscaler.simulator.store.Collection`'s ``answers`` for this way of
    answering), a slice gives :class:`Fragment` items: each object's JSON text, made once and kept
    there until the object changes, so listing a big collection again costs joining texts. A page
    holding fragments is encoded by :func:`encode` and read as plain values through :func:`plain`
    (``Response`` does both)."""

    __slots__ = ("_items", "_one", "_texts")

    #: objects whose texts one collection keeps for one way of answering (past it: made per page)
    LIMIT = 250_000

    def __init__(self, items: Sequence[Any], one: Callable[[Any], Any], texts: dict[int, str] | None = None) -> None:
        self._items, self._one, self._texts = items, one, texts

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        return iter(self[:])

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...
    def __getitem__(self, i: int | slice) -> Any:
        if not isinstance(i, slice):
            return self._one(self._items[i])
        texts = self._texts
        if texts is None:
            return [self._one(v) for v in self._items[i]]
        out = []
        for v in self._items[i]:
            text = texts.get(id(v))
            if text is None:
                text = _encode(self._one(v))
                if len(texts) < self.LIMIT:
                    texts[id(v)] = text
            out.append(Fragment(text))
        return out


def _holes(value: Any, lists: list[list[Any]]) -> Any:
    """``value`` with each list of fragments replaced by the hole string; the lists go to ``lists``,
    in the order the encoder meets their holes."""
    if isinstance(value, list):
        if value and isinstance(value[0], Fragment):
            lists.append(value)
            return _HOLE
        return [_holes(v, lists) for v in value]
    if isinstance(value, dict):
        return {k: _holes(v, lists) for k, v in value.items()}
    return value


def plain(value: Any) -> Any:
    """``value`` with every :class:`Fragment` read back into the value it encodes."""
    if isinstance(value, Fragment):
        return value.value()
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def encode(value: Any) -> str:
    """The JSON text of a page holding fragments: the page around them encoded, their texts joined in."""
    lists: list[list[Any]] = []
    parts = _encode(_holes(value, lists)).split(_HOLE_JSON)
    if len(parts) != len(lists) + 1 or not all(isinstance(f, Fragment) for lst in lists for f in lst):
        return _encode(plain(value))  # a stored string equal to the hole, or a list mixing kinds
    out = [parts[0]]
    for lst, rest in zip(lists, parts[1:]):
        out += ("[", ",".join([f.text for f in lst]), "]", rest)
    return "".join(out)


def route_plan(engine: Any, route: Any, *, model_keys: bool = True) -> Plan | None:
    """The :class:`Plan` of what ``route`` answers (None: stored objects answer as they are)."""
    product = getattr(route, "product", "")
    model = model_of(route) if model_keys else None
    own = table_entry(engine.traits_of(product).defaults, model, getattr(route, "verb", ""),
                      getattr(route, "template", ""))
    return plan(product, model, own)


def answer_each(engine: Any, route: Any, items: Sequence[Any], coll: Any = None) -> Represented:
    """:func:`answer` of a list, item by item as they are read. ``coll``: the
    :class:`~zscaler.simulator.store.Collection` the items are stored in (their texts are kept there)."""
    p = route_plan(engine, route)
    texts = None
    if coll is not None:
        key = (getattr(route, "product", ""), getattr(route, "verb", ""), getattr(route, "template", ""),
               model_of(route))
        texts = coll.answers.setdefault(key, {})
    return Represented(items, (lambda v: v) if p is None else p.apply, texts)


def answer(engine: Any, route: Any, value: Any, *, model_keys: bool = True) -> Any:
    """The answer to ``route`` for a stored ``value`` (an object, or a list of them).

    ``model_keys=False``: only the product table's entries (an action's answer is not an object
    of the model, so its declared keys are not filled).
    """
    p = route_plan(engine, route, model_keys=model_keys)
    if p is None:
        return list(value) if isinstance(value, list) else value
    if isinstance(value, list):
        return [p.apply(v) for v in value]
    return p.apply(value)
