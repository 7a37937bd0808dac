"""The CLI in scripts and CI jobs (issue #19): listings through a pipe get every page."""

from __future__ import annotations

import json
import os

from conftest import CREDENTIAL_PREFIXES, run_cli, sim_env


def test_piped_listing_gets_every_item_of_a_seeded_simulator():
    p = run_cli("--sim", "--sim-seed", "130", "zpa", "segment-groups", "list")
    assert p.returncode == 0, p.stderr
    data = json.loads(p.stdout)  # stdout is a pipe: JSON, every page
    assert len(data) == 130 and len({g["id"] for g in data}) == 130
    assert p.stderr == ""  # stderr is a pipe too: no progress bar, no "more pages" notice


def test_piped_listing_with_limit_and_page_size(sim):
    sim.seed("zpa", "segment_groups", 50)
    p = run_cli("zpa", "segment-groups", "list", "--limit", "23", "--page-size", "10", env=sim_env(sim))
    assert p.returncode == 0, p.stderr
    assert len(json.loads(p.stdout)) == 23
    pages = [r.query.get("page") for r in sim.requests if r.path.endswith("/segmentGroup")]
    assert len(pages) == 3  # 10 + 10 + 3 of the third page: no fourth page is fetched


def test_yaml_and_csv_get_every_page(invoke, sim, env_for):
    sim.seed("zpa", "segment_groups", 45)
    r = invoke("zpa", "segment-groups", "list", "-o", "csv", "--page-size", "20", env=env_for())
    assert r.exit_code == 0, r.output
    assert len(r.stdout.strip().splitlines()) == 1 + 45
    r = invoke("zpa", "segment-groups", "list", "-o", "yaml", "--limit", "7", env=env_for())
    assert r.stdout.count("\n- ") + r.stdout.startswith("- ") == 7


def test_table_stays_on_the_first_page_unless_asked(invoke, sim, env_for):
    sim.seed("zpa", "segment_groups", 25)
    r = invoke("zpa", "segment-groups", "list", "-o", "table", env=env_for())
    assert "(20 items)" in r.stdout and "add --all" in r.stderr
    r = invoke("zpa", "segment-groups", "list", "-o", "table", "--limit", "22", env=env_for())
    assert "(22 items)" in r.stdout and "add --all" not in r.stderr


# ------------------------------------------------------------------ uniform verbs

def _all_resources():
    from zscaler import catalog

    return [(p, r) for p in catalog.products() for r in catalog.load(p).resources]


def test_every_resource_answers_the_verbs_its_catalog_allows(invoke):
    from zscaler.cli.commands import kebab, uniform_verbs
    from zscaler.cli.main import cli

    import click

    ctx = click.Context(cli)
    counted = 0
    for product, resource in _all_resources():
        group = cli.get_command(ctx, product).get_command(ctx, kebab(resource.attribute))
        for verb, op in uniform_verbs(resource).items():
            cmd = group.get_command(ctx, verb)
            assert cmd is not None, (product, resource.attribute, verb)
            assert f".{op.name}(" in cmd.help  # the verb runs the catalog's operation
            counted += 1
    assert counted > 500


def test_verbs_where_the_listing_is_not_the_only_one(invoke, sim, env_for):
    sim.seed("zia", "url_categories", 3)
    r = invoke("zia", "url-categories", "list", "--query", "length(@)", env=env_for())
    assert r.exit_code == 0, r.output
    assert invoke("zia", "url-categories", "list-categories", "--query", "length(@)", env=env_for()).stdout == r.stdout
    r = invoke("zdx", "devices", "list", env=env_for())
    assert r.exit_code == 0, r.output


def test_settings_resources_answer_get_and_update(invoke, sim, env_for):
    from zscaler import catalog
    from zscaler.cli.commands import uniform_verbs

    verbs = uniform_verbs(catalog.load("zia").resource("advanced_settings"))
    assert {k: o.name for k, o in verbs.items()} == {"get": "get_advanced_settings",
                                                       "update": "update_advanced_settings"}
    r = invoke("zia", "advanced-settings", "update", "--set", "enable_office365=true", env=env_for())
    assert r.exit_code == 0, r.output
    r = invoke("zia", "advanced-settings", "get", "--query", "enableOffice365", env=env_for())
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) is True


def test_positional_id_for_get_update_delete(invoke, sim, env_for):
    gid = sim.seed("zpa", "segment_groups", 2)[0]["id"]
    r = invoke("zpa", "segment-groups", "get", gid, "--query", "id", env=env_for())
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == gid
    r = invoke("zpa", "segment-groups", "update", gid, "--name", "renamed", env=env_for())
    assert r.exit_code == 0, r.output
    assert json.loads(invoke("zpa", "segment-groups", "get", "--group-id", gid, env=env_for()).stdout)["name"] == "renamed"
    assert invoke("zpa", "segment-groups", "delete", gid, env=env_for()).exit_code == 0
    assert invoke("zpa", "segment-groups", "get", gid, env=env_for()).exit_code == 3
    r = invoke("zpa", "segment-groups", "get", env=env_for())
    assert r.exit_code == 2 and "--group-id" in r.output
    r = invoke("zpa", "segment-groups", "get", "1", "--group-id", "2", env=env_for())
    assert r.exit_code == 2 and "given twice" in r.output


# ------------------------------------------------------------------ did you mean

def test_did_you_mean_for_resources_commands_products_and_options(invoke):
    r = invoke("zia", "url-categorys", "list")
    assert r.exit_code == 2 and "Did you mean 'url-categories'" in r.output
    assert "segment-groups" not in r.output  # the nearest names, not the whole list
    r = invoke("zpa", "segment-group", "list")
    assert r.exit_code == 2 and "Did you mean 'segment-groups'" in r.output
    r = invoke("zpa", "segment-groups", "lst")
    assert r.exit_code == 2 and "Did you mean 'list'?" in r.output
    r = invoke("zpa", "segment-groups", "get-grup")
    assert "Did you mean 'get-group'" in r.output  # hidden full names are suggested too
    r = invoke("zpaa", "segment-groups", "list")
    assert r.exit_code == 2 and "Did you mean 'zpa'" in r.output
    r = invoke("zpa", "segment-groups", "list", "--limt", "3")
    assert r.exit_code == 2 and "Did you mean '--limit'?" in r.output
    r = invoke("zpa", "segment-groups", "xyzzy")
    assert r.exit_code == 2 and "No such command 'xyzzy'." in r.output and "Did you mean" not in r.output


def test_did_you_mean_for_config_keys_in_the_sdk():
    import pytest

    from zscaler import ZscalerClient
    from zscaler.errors import ConfigurationError

    with pytest.raises(ConfigurationError) as e:
        ZscalerClient({"clinetId": "x", "clientSecret": "y", "vanityDomain": "v"})
    assert "Did you mean 'clientId'" in str(e.value) and "rateLimit" not in str(e.value)
    with pytest.raises(ConfigurationError) as e:
        ZscalerClient({"clientId": "x", "clientSecret": "y", "vanityDomain": "v", "rateLimit": {"maxRetres": 1}})
    assert "Did you mean 'rateLimit.maxRetries'" in str(e.value)
    with pytest.raises(ConfigurationError) as e:  # nothing near: the known keys, so the user can still find it
        ZscalerClient({"zzzz": 1})
    assert "Known keys: clientId" in str(e.value)


# ------------------------------------------------------------------ results, exits, options, hints

def test_envelope_listing_renders_its_items(invoke, sim, env_for):
    sim.seed("zid", "groups", 4)
    r = invoke("zid", "groups", "list", "--query", "[].name", env=env_for())
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == [f"groups-00000{i}" for i in range(4)]
    r = invoke("zid", "groups", "list", "-o", "table", env=env_for())
    assert "groups-000003" in r.stdout and "records" not in r.stdout


def test_update_prints_the_object_as_read_back(invoke, sim, env_for):
    gid = sim.seed("zpa", "segment_groups", 1)[0]["id"]
    r = invoke("zpa", "segment-groups", "update", gid, "--name", "after", env=env_for())
    assert r.exit_code == 0, r.output
    shown = json.loads(r.stdout)
    assert shown["id"] == gid and shown["name"] == "after"  # not only {"id": ...} of the 204 answer


def test_root_options_anywhere(invoke):
    r = invoke("zpa", "segment-groups", "list", "--sim", "--sim-seed", "3", "--no-color", "--query", "length(@)")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == 3
    r = invoke("-o", "json", "zpa", "--sim-seed=4", "segment-groups", "list", "--sim", "--query", "length(@)")
    assert json.loads(r.stdout) == 4


def test_hints_name_the_missing_key_its_env_variable_and_the_product(invoke, sim, env_for):
    env = {k: v for k, v in env_for().items() if k != "ZSCALER_CUSTOMER_ID"}
    r = invoke("zpa", "segment-groups", "list", env=env)
    assert r.exit_code == 2
    assert "zpa needs customerId: set ZSCALER_CUSTOMER_ID" in r.stderr and "--help" not in r.stderr
    r = invoke("--legacy", "zia", "zia", "rule-labels", "list")
    assert r.exit_code == 4
    assert "ZIA_USERNAME" in r.stderr and "--legacy zia reads the legacy ZIA keys" in r.stderr


def test_ctrl_c_while_paging_exits_130(sim):
    import signal
    import subprocess
    import sys
    import time


    sim.seed("zpa", "segment_groups", 30)
    sim.fault(path="*/segmentGroup", action="delay", delay=20, query={"page": "2"}, times=1)
    env = {k: v for k, v in os.environ.items() if not k.startswith(CREDENTIAL_PREFIXES)}
    env.update(sim_env(sim))
    proc = subprocess.Popen([sys.executable, "-m", "zscaler.cli", "zpa", "segment-groups", "list", "--page-size", "10"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60  # a bound on waiting, not an assertion on time
        while not any(r.query.get("page") == ["2"] for r in sim.requests) and time.monotonic() < deadline:
            time.sleep(0.05)
        proc.send_signal(signal.SIGINT)  # the second page is being answered (slowly): Ctrl-C
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130, err
    assert "interrupted" in err and out == ""


def test_did_you_mean_for_a_misspelt_resource_in_the_sdk():
    import pytest

    from zscaler import ZscalerClient

    client = ZscalerClient({"clientId": "x", "clientSecret": "y", "vanityDomain": "v", "customerId": "1"})
    with pytest.raises(AttributeError) as e:
        client.zpa.segment_group
    assert "did you mean 'segment_groups'" in str(e.value) and "app_connector_groups" not in str(e.value)
    client.close()
