"""The facade's public surface equals pyZscaler 1.6.0's, client by client.

``src/zscaler/pyzscaler/surface.json`` (written by ``tools/gen_pyzscaler_surface.py`` from the
pyZscaler 1.6.0 wheel) lists each client's resources and each public method with its parameters
(name, kind, whether it has a default). Each client is compared on its own, so the report says
which client differs and how.
"""

from __future__ import annotations

import importlib
import inspect
import json
from pathlib import Path
from typing import Any

import pytest

import zscaler.pyzscaler as facade

SURFACE = json.loads((Path(facade.__file__).parent / "surface.json").read_text())
EXPECTED_COUNTS = {"zia": 148, "zpa": 105, "zcc": 6, "zdx": 36, "zcon": 29}
KINDS = {inspect.Parameter.POSITIONAL_ONLY: "positional", inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional",
         inspect.Parameter.VAR_POSITIONAL: "var_positional", inspect.Parameter.KEYWORD_ONLY: "keyword_only",
         inspect.Parameter.VAR_KEYWORD: "var_keyword"}


def params(fn: Any) -> list[dict[str, Any]]:
    out = []
    for p in list(inspect.signature(fn).parameters.values())[1:]:  # without self
        out.append({"name": p.name, "kind": KINDS[p.kind], "default": p.default is not inspect.Parameter.empty})
    return out


def resource_class(client_cls: type, attribute: str) -> type:
    """The class a resource property returns, built over an uninitialised client (no login; any
    attribute a resource's constructor reads from its client is an empty string)."""
    prop = inspect.getattr_static(client_cls, attribute)
    assert isinstance(prop, property), f"{client_cls.__name__}.{attribute} is not a property"
    blank = type("Blank" + client_cls.__name__, (client_cls,), {"__getattr__": lambda self, name: ""})
    return type(prop.fget(object.__new__(blank)))  # type: ignore[misc]


def facade_surface(client: str) -> dict[str, dict[str, list[dict[str, Any]]]]:
    cls = getattr(importlib.import_module(f"zscaler.pyzscaler.{client}"), client.upper())
    out: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for attribute in SURFACE[client]["resources"]:
        if not isinstance(inspect.getattr_static(cls, attribute, None), property):
            continue
        rcls = resource_class(cls, attribute)
        out[attribute] = {name: params(fn) for name, fn in inspect.getmembers(rcls, inspect.isfunction)
                          if not name.startswith("_")}
    return out


def test_surface_counts_are_pyzscalers() -> None:
    counts = {c: sum(len(r["methods"]) for r in SURFACE[c]["resources"].values()) for c in SURFACE}
    assert counts == EXPECTED_COUNTS


@pytest.mark.parametrize("client", sorted(EXPECTED_COUNTS))
def test_client_surface(client: str) -> None:
    try:
        got = facade_surface(client)
    except ImportError as e:
        pytest.fail(f"{client}: the facade client is not importable: {e}")
    want = SURFACE[client]["resources"]
    missing_resources = sorted(set(want) - set(got))
    problems = []
    for attribute, spec in want.items():
        methods = got.get(attribute, {})
        for name, expected in spec["methods"].items():
            if name not in methods:
                problems.append(f"{attribute}.{name}: missing")
            elif methods[name] != expected:
                problems.append(f"{attribute}.{name}: {methods[name]} != {expected}")
        problems += [f"{attribute}.{name}: not in pyZscaler" for name in sorted(set(methods) - set(spec["methods"]))]
    count = sum(len(m) for m in got.values())
    print(f"{client}: {count} of {EXPECTED_COUNTS[client]} methods")
    assert not missing_resources and not problems, (
        f"{client}: {count}/{EXPECTED_COUNTS[client]} methods; missing resources {missing_resources}; "
        + "; ".join(problems[:40]))
    assert count == EXPECTED_COUNTS[client]
