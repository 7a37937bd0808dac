"""Fixtures of the tenant tools tests: a seeded tenant (ZPA, ZIA, ZTW) on its own simulator, its export."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from helpers import FAST_RETRY
from tenant_seed import seed
from zscaler import ZscalerClient
from zscaler.simulator import Simulator

PRODUCTS = ("zpa", "zia", "ztw")


def client_of(sim: Simulator) -> Any:
    return ZscalerClient(sim.oneapi_config(**FAST_RETRY))


@pytest.fixture(scope="module")
def tenant_a() -> Iterator[tuple[Simulator, Any]]:
    """A seeded tenant; tests must not change it (use ``fresh`` for a tenant to write to)."""
    with Simulator() as sim:
        client = client_of(sim)
        seed(client)
        yield sim, client
        client.close()


@pytest.fixture(scope="module")
def export_a(tenant_a: tuple[Simulator, Any], tmp_path_factory: pytest.TempPathFactory) -> Path:
    from zscaler import tools

    out = tmp_path_factory.mktemp("export") / "a"
    res = tools.export(tenant_a[1], str(out), PRODUCTS)
    assert res.exit_code == 0, [(e.key, e.reason) for e in res.errors]
    return out


@pytest.fixture
def fresh() -> Iterator[tuple[Simulator, Any]]:
    """A tenant of its own (the default tenant's predefined objects only)."""
    with Simulator() as sim:
        client = client_of(sim)
        yield sim, client
        client.close()


def files(directory: Path) -> dict[str, bytes]:
    """Every exported file's bytes by relative path, the manifest's export time left out."""
    out = {}
    for f in sorted(directory.rglob("*.json")):
        data = f.read_bytes()
        if f.name == "manifest.json":
            data = b"\n".join(line for line in data.split(b"\n") if b'"exportedAt"' not in line)
        out[str(f.relative_to(directory))] = data
    return out
