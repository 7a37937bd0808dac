"""Every example of the seed page (pyZscaler's ZPA provisioning-key page) runs verbatim against the
simulator, with a ``zpa`` built by the facade in legacy mode and in OneAPI mode.

The examples are read from ``../shared/seeds/000_d927b919dd2ce26a.txt`` at test time (skipped
when absent) and run one by one as the interactive interpreter runs them (an expression's value
is printed), each on a fresh tenant holding the keys the examples name (connector key 999999,
service-edge key 888888). The page has one typo, a missing comma before ``enabled=False``; that
example is the only one repaired, and the test checks that it is exactly that one.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path
from typing import Any

import pytest

from zscaler.pyzscaler import ZPA
from zscaler.pyzscaler.box import Box, BoxList

SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seeds" / "000_d927b919dd2ce26a.txt"
KEYS = "/zpa/mgmtconfig/v1/admin/customers/{cid}/associationType/{kind}/provisioningKey"


def examples(text: str) -> list[str]:
    """The ``>>>`` examples of the page, continuation lines (``...``) joined."""
    found: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith(">>> "):
            found.append([line[4:]])
        elif line.startswith("... ") and found:
            found[-1].append(line[4:])
        elif line.startswith("...") and found:
            found[-1].append(line[3:])
    return ["\n".join(lines) for lines in found]


def compiled(source: str) -> tuple[Any, bool]:
    """(code, repaired): the page's missing comma before a keyword line is the one repair allowed."""
    try:
        return compile(source, "<seed example>", "single"), False
    except SyntaxError:
        fixed = re.sub(r'("\s*)\n(\s*enabled=)', r'\1,\n\2', source)
        return compile(fixed, "<seed example>", "single"), True


def seed_keys(sim: Any) -> None:
    cid = sim.engine.customer_id
    sim.engine.seed("zpa", None, 1, path=KEYS.format(cid=cid, kind="CONNECTOR_GRP"), id="999999",
                    associationType="CONNECTOR_GRP", maxUsage="2", usageCount="0", enabled=True)
    sim.engine.seed("zpa", None, 1, path=KEYS.format(cid=cid, kind="SERVICE_EDGE_GRP"), id="888888",
                    associationType="SERVICE_EDGE_GRP", maxUsage="1", usageCount="0", enabled=True)


@pytest.fixture(params=["legacy", "oneapi"])
def zpa(request: pytest.FixtureRequest, zscaler_sim: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    for name in [n for n in os.environ if n.startswith(("ZSCALER_", "ZPA_"))]:
        monkeypatch.delenv(name)
    if request.param == "legacy":
        c = zscaler_sim.legacy_config("zpa")
        client = ZPA(client_id=c["clientId"], client_secret=c["clientSecret"], customer_id=c["customerId"],
                     override_url=c["override_url"])
    else:
        for name, value in zscaler_sim.environ().items():
            monkeypatch.setenv(name, value)
        client = ZPA()
    assert client.oneapi is (request.param == "oneapi")
    with client:
        yield client


def run(source: str, zpa: Any) -> tuple[dict[str, Any], str, bool]:
    code, repaired = compiled(source)
    namespace: dict[str, Any] = {"zpa": zpa}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(code, namespace)
    return namespace, out.getvalue(), repaired


def test_seed_page_examples(zpa: Any, zscaler_sim: Any) -> None:
    if not SEED.is_file():
        pytest.skip(f"the seed page is not at {SEED}")
    found = examples(SEED.read_text())
    assert len(found) == 10
    repaired = []
    for source in found:
        zscaler_sim.reset()
        seed_keys(zscaler_sim)
        namespace, out, fixed = run(source, zpa)
        if fixed:
            repaired.append(source)
        check(source, namespace, out)
    assert len(repaired) == 1 and "enabled=False" in repaired[0]


def check(source: str, namespace: dict[str, Any], out: str) -> None:
    """What each kind of example must have done."""
    if "list_provisioning_keys" in source:
        lines = out.splitlines()
        assert len(lines) == 1 and lines[0].startswith("{") and "'id': '" in lines[0], out  # one seeded key, a Box
    elif "delete_provisioning_key" in source:
        assert out.strip() == "204"
    else:
        name = next(n for n in ("key", "provisioning_key", "updated_key") if n in namespace)
        value = namespace[name]
        assert isinstance(value, Box) and not isinstance(value, BoxList)
        if "Updated Name" in source:
            assert value.name == "Updated Name" and value.id == "999999"
        if "max_usage=10" in source:
            assert str(value.max_usage) == "10" and value.maxUsage == value.max_usage
        if "add_provisioning_key" in source:
            assert value.name.startswith("Example ") and value.enrollment_cert_id == "99999"
            assert value.enabled is ("enabled=False" not in source)
