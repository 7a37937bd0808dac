"""The command tree: help on every level, naming, lazy loading, completion, version."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import zscaler
from zscaler import catalog
from zscaler.cli.commands import op_names


def test_version(invoke):
    r = invoke("--version")
    assert r.exit_code == 0
    assert r.output.strip() == f"zscaler {zscaler.__version__}"


def test_root_help_lists_products_and_commands(invoke):
    r = invoke("--help")
    assert r.exit_code == 0, r.output
    for name in ("zpa", "zia", "zcc", "zdx", "ztw", "demo", "sim", "--profile", "--legacy", "--sim", "--output"):
        assert name in r.output
    assert "zidentity" not in r.output  # aliases are accepted but hidden


@pytest.mark.parametrize("args, expected", [
    (["zpa", "--help"], "segment-groups"),
    (["zpa", "segment-groups", "--help"], "update-group-v2"),
    (["zpa", "segment-groups", "list", "--help"], "--all"),
    (["zpa", "provisioning", "add", "--help"], "--enrollment-cert-id"),
    (["zia", "rule-labels", "--help"], "add"),
    (["demo", "--help"], "--quiet"),
    (["sim", "--help"], "--port"),
    (["zidentity", "--help"], "ZIdentity"),
])
def test_help_on_every_level(invoke, args, expected):
    r = invoke(*args)
    assert r.exit_code == 0, r.output
    assert expected in r.output


def test_operation_names_short_when_unique_else_full():
    listed, hidden = op_names(catalog.load("zpa").resource("segment_groups"))
    assert {"list", "get", "add", "delete", "update-group", "update-group-v2", "create", "update"} == set(listed)
    assert listed["create"] is listed["add"] and listed["update"] is listed["update-group"]  # uniform verbs
    assert hidden["list-groups"].name == "list_groups"
    listed, hidden = op_names(catalog.load("zpa").resource("provisioning"))
    assert listed["add"].name == "add_provisioning_key"
    assert listed["get-provisioning-key-by-zcomponent"].name == "get_provisioning_key_by_zcomponent"
    assert "get-provisioning-key" in listed  # two get_* methods: the full names are used, and the
    assert listed["get"] is listed["get-provisioning-key"]  # uniform verb: the one on an item of the collection


def test_every_resource_of_every_product_builds(invoke):
    """Every operation of every catalog turns into a command whose help renders."""
    from zscaler.cli.commands import build_op_command

    count = 0
    for name in catalog.PRODUCTS:
        product = catalog.load(name)
        for resource in product.resources:
            listed, hidden = op_names(resource)
            assert len({id(o) for o in listed.values()}) == len(resource.ops), (name, resource.attribute)
            for cmd_name, op in listed.items():
                cmd = build_op_command(product, resource, op, cmd_name)
                opts = {o for p in cmd.params for o in p.opts}
                assert "--output" in opts
                count += 1
    assert count > 1000


def test_full_method_name_is_accepted(invoke):
    r = invoke("zpa", "provisioning", "add-provisioning-key", "--help")
    assert r.exit_code == 0 and "--key-type" in r.output
    r = invoke("zpa", "segment-groups", "list-groups", "--help")
    assert r.exit_code == 0 and "--page-size" in r.output


def test_required_and_typed_options(invoke):
    r = invoke("zpa", "provisioning", "add", "--help")
    assert "[connector|service_edge]" in r.output
    assert "[required]" in r.output
    assert "--enabled / --no-enabled" in r.output
    r = invoke("zpa", "provisioning", "add", "--name", "x")
    assert r.exit_code == 2 and "--key-type" in r.output
    r = invoke("zpa", "provisioning", "add", "--key-type", "bogus")
    assert r.exit_code == 2 and "bogus" in r.output


def test_unknown_names_are_usage_errors(invoke):
    assert invoke("nope").exit_code == 2
    assert invoke("zpa", "nope").exit_code == 2
    assert invoke("zpa", "segment-groups", "nope").exit_code == 2


def test_root_help_loads_no_catalog():
    code = ("import sys; from zscaler.cli.main import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "import json; print(json.dumps(sorted(m for m in sys.modules if m.startswith('zscaler.catalog.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert [m for m in loaded if m != "zscaler.catalog.spec"] == []


def test_product_command_loads_only_that_catalog():
    code = ("import sys; from zscaler.cli.main import main\n"
            "try:\n    main(['zpa', 'segment-groups', '--help'])\nexcept SystemExit:\n    pass\n"
            "import json; print(json.dumps(sorted(m for m in sys.modules if m.startswith('zscaler.catalog.'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert "zscaler.catalog.zpa" in loaded
    assert "zscaler.catalog.zia" not in loaded and "zscaler.catalog.zcc" not in loaded


def _complete(invoke, words, cword):
    r = invoke(env={"_ZSCALER_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(cword)})
    assert r.exit_code == 0, r.output
    return [line.split(",", 1)[1] for line in r.output.splitlines() if "," in line]


def test_shell_completion_walks_the_lazy_tree(invoke):
    assert _complete(invoke, "zscaler zp", 1) == ["zpa"]
    assert _complete(invoke, "zscaler zpa segm", 2) == ["segment-groups"]
    assert set(_complete(invoke, "zscaler zpa segment-groups ", 3)) == {
        "add", "create", "delete", "get", "list", "update", "update-group", "update-group-v2"}
    assert _complete(invoke, "zscaler zpa provisioning add --key-type ", 5) == ["connector", "service_edge"]


def test_completion_script(invoke):
    r = invoke(env={"_ZSCALER_COMPLETE": "bash_source"})
    assert r.exit_code == 0
    assert "_zscaler_completion" in r.output and "_ZSCALER_COMPLETE=bash_complete" in r.output
