"""Write ``src/zscaler/compat/legacy_helpers.json``: the official legacy helper classes, as data.

For each ``legacy_helpers`` entry of ``../shared/zscaler-api/inventory/clients.json``: the
product, the constructor's parameters in order (name and default; ``null`` when required),
whether it takes ``**kw``, the resource properties and the plain class attributes. The
helpers in ``zscaler.compat.legacy_helper`` read it on first use, never at ``import zscaler``.
``tests/compat/test_legacy_helpers.py`` fails when the file is stale.

    python tools/gen_legacy_helpers.py [--inventory DIR] [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INVENTORY = ROOT.parent / "shared" / "zscaler-api" / "inventory"
OUT = ROOT / "src" / "zscaler" / "compat" / "legacy_helpers.json"


def _default(text: str | None, constants: dict[str, Any]) -> Any:
    if text in constants:
        return constants[text]
    if text in (None, "None"):
        return None
    if text in ("True", "False"):
        return text == "True"
    try:
        return json.loads(text.replace("'", '"'))
    except ValueError:
        return None


def build(inventory: Path) -> dict[str, Any]:
    clients = json.loads((inventory / "clients.json").read_text(encoding="utf-8"))
    helpers: dict[str, Any] = {}
    for h in clients["legacy_helpers"]:
        init = next(m for m in h["methods"] if m["name"] == "__init__")
        constants = h.get("module_constants", {})
        params = [[p["name"], None if p["required"] else _default(p["default"], constants), p["required"]]
                  for p in init["parameters"] if p["kind"] == "positional_or_keyword"]
        helpers[h["product"]] = {
            "class": h["class"],
            "module": h["module"],
            "params": params,
            "var_keyword": any(p["kind"] == "var_keyword" for p in init["parameters"]),
            "properties": h.get("properties", []),
            "class_attributes": h.get("class_attributes", {}),
        }
    return {"sdk_version": clients["sdk_version"], "helpers": helpers}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--inventory", type=Path, default=DEFAULT_INVENTORY)
    ap.add_argument("--check", action="store_true", help="fail when the data file differs")
    args = ap.parse_args()
    text = json.dumps(build(args.inventory), indent=1, sort_keys=True) + "\n"
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT} is stale: run python tools/gen_legacy_helpers.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
