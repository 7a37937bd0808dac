"""Write ``src/zscaler/compat/official_defaults.json``: the official models' field defaults, as data.

The inventory records each official model's fields but not the value a field takes when the
answer lacks it (``ServerGroup.enabled`` is ``True``, ``AppServers.config_space`` is
``"DEFAULT"``, most flags are ``False``). Those values are facts of the official SDK's public
behaviour; this tool reads them by building every model from an empty record with the
official package and reading each declared field, and records every default that is not
``None`` (and not the ``[]`` that a list field gets anyway). No code of the official SDK is
copied; it is only run, in a separate interpreter:

    python3 -m venv /tmp/official && /tmp/official/bin/pip install zscaler-sdk-python==1.11.3
    /tmp/official/bin/python tools/gen_official_defaults.py          # writes the file
    /tmp/official/bin/python tools/gen_official_defaults.py --check  # exit 1 when stale

The module and class list comes from ``official_surface.json`` (tools/gen_official_surface.py).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SURFACE = ROOT / "src" / "zscaler" / "compat" / "official_surface.json"
OUT = ROOT / "src" / "zscaler" / "compat" / "official_defaults.json"


def _plain(value: Any) -> Any:
    """A default as JSON: builtins as they are, a nested model as the record it was built from ({})."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return {}  # a nested model built from an empty record


def build() -> dict[str, Any]:
    if str(ROOT / "src") in sys.path:
        raise SystemExit("run this with an interpreter that has the official zscaler-sdk-python installed")
    zscaler = importlib.import_module("zscaler")
    version = getattr(zscaler, "__version__", "?")
    surface = json.loads(SURFACE.read_text())
    defaults: dict[str, dict[str, Any]] = {}
    for module, classes in sorted(surface["models"].items()):
        mod = importlib.import_module(module)
        for name, spec in sorted(classes.items()):
            if spec["k"] != "o":
                continue
            obj = getattr(mod, name)({})
            found = {}
            for row in spec["f"]:
                attr, is_list = row[0], bool(row[2])
                value = getattr(obj, attr, None)
                if value is None or (is_list and value == []):
                    continue
                found[attr] = _plain(value)
            if found:
                defaults[f"{module}:{name}"] = found
    return {"sdk_version": version, "defaults": defaults}


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 when the committed file is stale")
    args = ap.parse_args(argv)
    text = render(build())
    if args.check:
        same = OUT.exists() and OUT.read_text() == text
        print("official_defaults.json is " + ("up to date" if same else "stale: run tools/gen_official_defaults.py"))
        return 0 if same else 1
    OUT.write_text(text)
    print(f"wrote {OUT.relative_to(ROOT)} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
