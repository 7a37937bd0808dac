"""Every request recorded from the official SDK's integration tests has a catalog operation
with the same verb and path (placeholders match any segment)."""

import json
import re
from pathlib import Path

import pytest

from zscaler import catalog

INVENTORY = Path(__file__).resolve().parents[3] / "shared" / "zscaler-api" / "inventory" / "cassette-requests.json"

#: recorded paths the catalog deliberately does not reproduce (official bugs, CHANGELOG)
FIXED_BUGS = {("POST", '/zia/api/v1/auditlogEntryReport"'), ("DELETE", '/zia/api/v1/auditlogEntryReport"')}


def _pattern(path):
    return re.compile("^" + re.sub(r"\\{\w+\\}", "[^/]+", re.escape(path.split("?")[0].rstrip("/"))) + "$")


def _recorded():
    if not INVENTORY.exists():
        return []
    data = json.loads(INVENTORY.read_text())
    return [pytest.param(p, r["method"], r["path_template"], id=f"{p} {r['method']} {r['path_template']}")
            for p, info in data["products"].items() for r in info["requests"]]


@pytest.fixture(scope="module")
def patterns():
    return {p: [(o.verb, _pattern(o.path)) for _, o in catalog.load(p).ops()] for p in catalog.PRODUCTS}


@pytest.mark.skipif(not INVENTORY.exists(), reason="the shared inventory is not beside the checkout")
@pytest.mark.parametrize("product,verb,path", _recorded())
def test_recorded_request_is_in_the_catalog(patterns, product, verb, path):
    if (verb, path) in FIXED_BUGS:
        assert not any(v == verb and p.match(path) for v, p in patterns[product])
        return
    concrete = re.sub(r"{\w+}", "X1", path.split("?")[0].rstrip("/"))
    assert any(v == verb and p.match(concrete) for v, p in patterns[product]), f"{verb} {path}"
