"""The facade's core over the simulator (real loopback HTTP): modes, paging keywords, returns,
errors, secrets, the opt-in ``pyzscaler`` name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from zscaler.pyzscaler import ZCC, ZPA, errors
from zscaler.pyzscaler.box import Box, BoxKeyError, BoxList, boxed
from zscaler.pyzscaler.utils import camel_to_snake, convert_keys, snake_to_camel

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith(("ZSCALER_", "ZPA_", "ZCC_"))]:
        monkeypatch.delenv(name)


def legacy_zpa(sim: Any, **kw: Any) -> ZPA:
    c = sim.legacy_config("zpa")
    args = {"client_id": c["clientId"], "client_secret": c["clientSecret"], "customer_id": c["customerId"],
            "override_url": c["override_url"], **kw}
    return ZPA(**args)


def sim_requests(sim: Any, part: str) -> list[Any]:
    return [r for r in sim.requests if part in r.path and not r.path.startswith("/_sim")]


def test_box_key_rules() -> None:
    b = boxed({"ipV6Enabled": True, "URLCategories": ["A"], "surrogateIP": True, "tcpPortRange": [{"from": "1"}]})
    assert set(b) == {"ip_v6_enabled", "url_categories", "surrogate_ip", "tcp_port_range"}
    assert b.tcpPortRange[0]["from"] == "1" and isinstance(b.tcp_port_range, BoxList)
    with pytest.raises(KeyError):
        b.missing
    with pytest.raises(AttributeError):
        b["missing"]
    assert issubclass(BoxKeyError, KeyError) and issubclass(BoxKeyError, AttributeError)
    assert json.loads(b.to_json())["surrogate_ip"] is True and type(b.to_dict()) is dict
    # the request-side rule disagrees with python-box on ipv6, as pyZscaler's did
    assert snake_to_camel("ipv6_enabled") == "ipV6Enabled" and snake_to_camel("ip_v6_enabled") == "ipV6Enabled"
    assert camel_to_snake("ipV6Enabled") == "ipv6_enabled" and snake_to_camel("valid_ssl_certificate") == "validSSLCertificate"
    assert convert_keys({"max_usage": 1, "a": [{"b_c": 2}]}) == {"maxUsage": 1, "a": [{"bC": 2}]}



def test_box_nesting_copies_and_plain_boxes() -> None:
    import copy
    import pickle

    b = boxed({"appGroup": {"serverGroups": [{"groupId": "1"}]}})
    assert b.app_group.server_groups[0].group_id == "1" and b["appGroup"]["serverGroups"][0]["groupId"] == "1"
    b.newField = {"innerKey": 2}  # set by attribute: stored snake_case, boxed
    assert "new_field" in b and b.new_field.inner_key == 2 and "newField" in b
    b.rows = []
    b.rows.append({"rowId": 3})
    assert isinstance(b.rows, BoxList) and b.rows[0].row_id == 3
    for other in (copy.deepcopy(b), pickle.loads(pickle.dumps(b))):
        assert other == b and type(other) is Box and other.appGroup.server_groups[0].group_id == "1"
    del b.new_field
    with pytest.raises(BoxKeyError):
        del b.new_field
    plain = Box({"tcpPortRange": 1})  # a plain Box keeps keys as given
    assert list(plain) == ["tcpPortRange"] and plain.tcpPortRange == 1 and "tcp_port_range" not in plain
    assert repr(BoxList([{"aB": 1}], camel_killer_box=True)) == "BoxList([{'a_b': 1}])"


def test_box_text_never_shows_a_secret_field() -> None:
    key = boxed({"name": "k", "provisioningKey": "3|api.private.zscaler.com|s3cr3t-value", "list": [{"password": "pw-123"}]})
    for shown in (str(key), repr(key), str(BoxList([key.to_dict()], camel_killer_box=True))):
        assert "s3cr3t-value" not in shown and "pw-123" not in shown and "'name': 'k'" in shown
    assert key.provisioning_key.endswith("s3cr3t-value")  # the value itself is read as usual


def test_the_shim_answers_box_only_without_python_box(tmp_path: Path) -> None:
    script = ("import importlib.machinery\n"
              "real = importlib.machinery.PathFinder.find_spec('box') is not None\n"
              "from zscaler.pyzscaler import shim\n"
              "shim.install()\n"
              "import box\n"
              "from zscaler.pyzscaler.box import Box\n"
              "print(real, box.Box is Box)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    real, ours = out.stdout.split()
    assert out.returncode == 0, out.stderr
    assert ours == ("False" if real == "True" else "True")  # a real python-box always wins

def test_modes_and_arguments(zscaler_sim: Any, clean_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    zpa = legacy_zpa(zscaler_sim)
    assert zpa.oneapi is False and "mode=legacy" in repr(zpa)
    for name, value in zscaler_sim.environ().items():
        monkeypatch.setenv(name, value)
    assert ZPA().oneapi is True
    assert legacy_zpa(zscaler_sim).oneapi is False  # legacy keys given: legacy, even with ZSCALER_* set
    with pytest.raises(TypeError, match="client_secrte"):
        ZPA(client_secrte="x")
    monkeypatch.delenv("ZSCALER_CLIENT_ID")
    with pytest.raises(ValueError, match="ZPA_CLIENT_ID"):
        ZPA(customer_id="1")


def test_paging_keywords(zscaler_sim: Any, clean_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    zscaler_sim.engine.seed("zpa", "segment_groups", 25)
    zpa = legacy_zpa(zscaler_sim)
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    everything = zpa.segment_groups.list_groups(page_size=10)
    assert isinstance(everything, BoxList) and len(everything) >= 25 and isinstance(everything[0], Box)
    queries = [r.query for r in sim_requests(zscaler_sim, "/segmentGroup")]
    assert all(q.get("pagesize") == ["10"] for q in queries) and len(queries) == (len(everything) + 9) // 10
    assert slept == []  # no sleep per page
    assert len(zpa.segment_groups.list_groups(page_size=10, max_pages=2)) == 20
    assert len(zpa.segment_groups.list_groups(max_items=7)) == 7
    found = zpa.segment_groups.list_groups(search=everything[3].name)
    assert [g.id for g in found] == [everything[3].id]


def test_read_modify_write_keeps_fields(zscaler_sim: Any, clean_env: None) -> None:
    zpa = legacy_zpa(zscaler_sim)
    group = zpa.segment_groups.add_group(name="rmw", enabled=True, description="keep me")
    updated = zpa.segment_groups.update_group(group.id, name="renamed")
    assert isinstance(updated, Box) and updated.name == "renamed" and updated.description == "keep me"
    assert json.loads(sim_requests(zscaler_sim, "/segmentGroup/")[-2].body)["description"] == "keep me"
    assert zpa.segment_groups.delete_group(group.id) == 204


def test_policy_condition_tuples(zscaler_sim: Any, clean_env: None) -> None:
    zpa = legacy_zpa(zscaler_sim)
    app = zpa.segment_groups.add_group(name="for-rule", enabled=True)
    conditions = [("app_group", "id", app.id), [("client_type", "id", "zpn_client_type_exporter"), "OR"]]
    rule = zpa.policies.add_access_rule(name="r1", action="allow", conditions=conditions)
    sent = json.loads(sim_requests(zscaler_sim, "/rule")[-1].body)
    assert sent["action"] == "ALLOW"
    assert sent["conditions"] == [
        {"operands": [{"objectType": "APP_GROUP", "lhs": "id", "rhs": app.id}]},
        {"operands": [{"objectType": "CLIENT_TYPE", "lhs": "id", "rhs": "zpn_client_type_exporter"}], "operator": "OR"}]
    assert zpa.policies.get_rule("access", rule.id).name == "r1"
    with pytest.raises(ValueError, match="access"):
        zpa.policies.list_rules("nope")


def test_errors_by_status_without_secrets(zscaler_sim: Any, clean_env: None) -> None:
    zpa = legacy_zpa(zscaler_sim)
    with pytest.raises(errors.NotFoundError) as info:
        zpa.segment_groups.get_group("424242")
    assert info.value.code == 404 and info.value.response.status_code == 404
    assert isinstance(info.value, errors.APIError)
    secret = "a-wrong-secret-that-must-not-leak"
    with pytest.raises(errors.APIError) as bad:
        legacy_zpa(zscaler_sim, client_secret=secret)
    assert bad.value.code in (400, 401, 403)
    assert secret not in str(bad.value) and secret not in repr(bad.value) and secret not in bad.value.response.text
    assert zscaler_sim.engine.client_secret not in repr(zpa) and zscaler_sim.engine.client_secret not in str(vars(zpa))


def test_zcc_names_and_context_manager(zscaler_sim: Any, clean_env: None) -> None:
    c = zscaler_sim.legacy_config("zcc")
    with ZCC(client_id=c["api_key"], client_secret=c["secret_key"], override_url=c["override_url"] + "/papi") as zcc:
        devices = zcc.devices.list_devices(os_type="windows", page_size=5, max_pages=1)
        assert isinstance(devices, BoxList)
        assert sim_requests(zscaler_sim, "getDevices")[-1].query["osType"] == ["3"]
        with pytest.raises(ValueError, match="windows"):
            zcc.devices.list_devices(os_type="amiga")
    pool = zcc._executor.http._client
    assert pool is None or pool.is_closed  # the context manager closed the connection pool


def test_shim_never_shadows_a_real_pyzscaler(tmp_path: Path) -> None:
    script = ("import zscaler.pyzscaler.shim as s; s.install()\n"
              "import pyzscaler, pyzscaler.utils, restfly.errors\n"
              "from pyzscaler import ZPA\n"
              "print(pyzscaler.__name__, ZPA.__module__, restfly.errors.NotFoundError.__module__)\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["zscaler.pyzscaler", "zscaler.pyzscaler.zpa", "zscaler.pyzscaler.errors"]
    (tmp_path / "pyzscaler").mkdir()
    (tmp_path / "pyzscaler" / "__init__.py").write_text("REAL = True\n")
    real = subprocess.run([sys.executable, "-c", "import zscaler.pyzscaler.shim as s; s.install()\n"
                           "import pyzscaler; print(pyzscaler.REAL, pyzscaler.__name__)"],
                          env={**env, "PYTHONPATH": str(tmp_path)}, capture_output=True, text=True, check=True)
    assert real.stdout.split() == ["True", "pyzscaler"]


def test_relative_paths_and_session_verbs(zscaler_sim: Any, clean_env: None) -> None:
    from zscaler.pyzscaler.utils import Iterator

    zscaler_sim.engine.seed("zpa", "segment_groups", 3)
    zpa = legacy_zpa(zscaler_sim)
    rows = list(Iterator(zpa, "segmentGroup", max_items=2))  # pyZscaler's relative path, its Iterator
    assert len(rows) == 2 and all(isinstance(r, Box) for r in rows)
    one = zpa.get(f"segmentGroup/{rows[0].id}")
    assert isinstance(one, Box) and one.id == rows[0].id
    assert sim_requests(zscaler_sim, "/segmentGroup/")[-1].path.endswith(
        f"/mgmtconfig/v1/admin/customers/{zscaler_sim.engine.customer_id}/segmentGroup/{rows[0].id}")
