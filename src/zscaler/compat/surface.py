"""The official SDK's modules and classes, materialised from ``official_surface.json``.

The data file (written by ``tools/gen_official_surface.py`` from the inventory facts) is
read on the first call of anything here, never at ``import zscaler``. Every name maps to
an object of this project:

* service classes (``ZPAService``) and legacy helpers (``LegacyZPAClientHelper``):
  per-product subclasses of :class:`zscaler.oneapi_client.ProductService`, the classes of
  ``client.zpa`` (OneAPI) and of a legacy client's ``client.zpa``, with every official resource
  name as a class attribute; a helper also works on its own (:mod:`zscaler.compat.legacy_helper`);
* API classes (``SegmentGroupsAPI``): the generated resource classes
  (:func:`zscaler.binding.resource_class`), so ``client.zpa.segment_groups`` is an instance;
* model classes: :class:`zscaler.model.ZscalerObject` subclasses with the declared fields
  (the very classes the client returns), ``str`` enums, and GraphQL input dataclasses;
* other names: the project object they stand for (``zscaler.oneapi_object.ZscalerObject``).
"""

from __future__ import annotations

import dataclasses
import enum
import importlib
import json
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).with_name("official_surface.json")
#: the official models' non-None field defaults (tools/gen_official_defaults.py)
DEFAULTS_FILE = Path(__file__).with_name("official_defaults.json")
_lock = threading.RLock()
_classes: dict[str, Any] = {}


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    """The decoded data file (read once)."""
    with DATA_FILE.open(encoding="utf-8") as fh:
        loaded: dict[str, Any] = json.load(fh)
    return loaded


@lru_cache(maxsize=1)
def defaults() -> dict[str, dict[str, Any]]:
    """``module:Class`` -> {attribute: the official default when the record lacks it} (read once)."""
    with DEFAULTS_FILE.open(encoding="utf-8") as fh:
        loaded: dict[str, dict[str, Any]] = json.load(fh)["defaults"]
    return loaded


def module_names(module: str) -> dict[str, list[Any]] | None:
    """Names the official module ``module`` defines (None: not an official module)."""
    names: dict[str, list[Any]] | None = data()["modules"].get(module)
    return names


def is_package(module: str) -> bool:
    return module in _packages()


@lru_cache(maxsize=1)
def _packages() -> frozenset[str]:
    return frozenset(data()["packages"])


def resolve(module: str, name: str) -> Any:
    """The object behind ``module.name`` of the official SDK."""
    ref = data()["modules"][module][name]
    kind = ref[0]
    if kind == "model":
        return model(f"{module}:{name}")
    if kind == "api":
        from ..binding import resource_class

        return resource_class(ref[1], ref[2])
    if kind == "service":
        return service_class(ref[1])
    if kind == "helper":
        return service_class(ref[1], legacy=True)
    if kind == "obj":
        return getattr(importlib.import_module(ref[1]), ref[2])
    raise LookupError(f"{module}.{name}: unknown reference kind {kind!r}")


def service_class(product: str, legacy: bool = False) -> type:
    """``ZPAService`` (or ``LegacyZPAClientHelper``): the class of ``client.zpa``."""
    from ..oneapi_client import ProductService

    table = data()["helpers" if legacy else "services"]
    if product not in table:
        if not legacy:
            raise LookupError(f"no service class for product {product!r}")
        return service_class(product)  # products without a legacy helper serve through the service
    module, name = table[product]
    key = f"{module}:{name}"
    with _lock:
        cls = _classes.get(key)
        if cls is None:
            if legacy:
                from .legacy_helper import helper_class

                cls = helper_class(product, module, name)
            else:
                from .legacy_helper import ResourceProperty

                ns: dict[str, Any] = {attr: ResourceProperty(attr) for attr in data()["apis"].get(product, {})}
                ns.update({"__module__": module, "__qualname__": name,
                           "__doc__": f"``client.{product}`` of a OneAPI client (official name {name})."})
                cls = type(name, (ProductService,), ns)
            _classes[key] = cls
    return cls


def api_name(product: str, attribute: str) -> tuple[str, str] | None:
    """(module, class) of the official API class of ``client.<product>.<attribute>``."""
    hit = data()["apis"].get(product, {}).get(attribute)
    return (hit[0], hit[1]) if hit else None


def catalog_model(product: str, name: str, attribute: str | None = None) -> Any:
    """The model class a catalog of ``product`` names, or None when the facts do not know it."""
    d = data()
    module = None
    if attribute:
        module = d["catalog_models_by_attribute"].get(product, {}).get(attribute, {}).get(name)
    if module is None:
        module = d["catalog_models"].get(product, {}).get(name)
    if module is None:
        return None
    return model(f"{module}:{name}")


def model(ref: str) -> Any:
    """The class ``module:Class`` of the official models (built once, then always the same)."""
    cls: Any = _classes.get(ref)
    if cls is not None:
        return cls
    with _lock:
        cls = _classes.get(ref)
        if cls is None:
            module, name = ref.split(":", 1)
            spec = data()["models"][module][name]
            kind = spec["k"]
            if kind == "o":
                cls = _object_class(module, name, spec)
            elif kind == "e":
                cls = _enum(module, name, spec["m"])
            else:
                cls = _dataclass(module, name, spec)
            _classes[ref] = cls
    return cls


def _enum(module: str, name: str, members: dict[str, str]) -> Any:
    make: Any = enum.Enum  # the functional API: a str enum named like the official one
    return make(name, members, type=str, module=module, qualname=name)


def _object_class(module: str, name: str, spec: dict[str, Any]) -> type:
    from ..model import Field, ModelSpec, ZscalerObject

    fields = []
    given = defaults().get(f"{module}:{name}", {})
    for row in spec["f"]:
        attr, key, is_list, nested = row[0], row[1], bool(row[2]), row[3]
        keys = tuple(k for k in ([key] if key else []) + (row[4] if len(row) > 4 else []) if k)
        fields.append(Field(attr, keys, is_list, nested, given.get(attr)))
    ns = {"__slots__": (), "__module__": module, "__qualname__": name, "_spec": ModelSpec(fields, model),
          "__doc__": f"Official model {module}.{name}: {len(fields)} declared fields over the wire record."}
    return type(name, (ZscalerObject,), ns)


def _default(module: str, text: str | None) -> Any:
    if text is None:
        return dataclasses.MISSING
    if text == "None":
        return None
    if "." in text:  # an enum member of the product's enums module: SortOrder.DESC
        cls_name, member = text.split(".", 1)
        enums = module.rsplit(".", 1)[0] + ".enums"
        try:
            return getattr(model(f"{enums}:{cls_name}"), member)
        except KeyError:
            return None
    return json.loads(text)


def _as_dict(self: Any) -> dict[str, Any]:
    """The input as GraphQL variables: camelCase keys, ``None`` left out, nested inputs converted."""
    from ..model import to_wire

    out: dict[str, Any] = {}
    for f in dataclasses.fields(self):
        value = getattr(self, f.name)
        if value is None:
            continue
        out[to_wire(f.name)] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return value.as_dict()  # type: ignore[attr-defined]
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _dataclass(module: str, name: str, spec: dict[str, Any]) -> type:
    bases = tuple(model(b) for b in spec.get("b", []) if b)
    own = []
    for attr, annotation, default in spec["f"]:
        value = _default(module, default)
        own.append((attr, annotation, dataclasses.field(default=value)) if value is not dataclasses.MISSING
                   else (attr, annotation))
    ns = {"as_dict": _as_dict, "__module__": module}
    try:
        cls = dataclasses.make_dataclass(name, own, bases=bases, namespace=ns)
    except TypeError:  # a required field after a defaulted one (through a base): keyword-only then
        cls = dataclasses.make_dataclass(name, own, bases=bases, namespace=ns, kw_only=True)
    cls.__module__ = module
    return cls
