"""Running operations through click's CliRunner against the shared simulator (config from env vars)."""

from __future__ import annotations

import csv
import io
import json

import yaml

from helpers import api_requests


def _json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_list_defaults_to_json_when_not_a_terminal(invoke, sim, env_for):
    sim.seed("zpa", "segment_groups", 3)
    data = _json(invoke("zpa", "segment-groups", "list", env=env_for()))
    assert [g["name"] for g in data] == ["segment_groups-000000", "segment_groups-000001", "segment_groups-000002"]
    assert all("id" in g for g in data)  # wire keys, as the API sent them


def test_add_provisioning_key_from_the_issue(invoke, sim, env_for):
    r = invoke("zpa", "provisioning", "add", "--key-type", "connector", "--name", "edge-key", "--max-usage", "2",
               "--enrollment-cert-id", "99", "--component-id", "88", env=env_for())
    key = _json(r)
    assert key["name"] == "edge-key" and key["maxUsage"] == 2
    assert key["enrollmentCertId"] == "99" and key["zcomponentId"] == "88" and key["enabled"] is True
    posted = api_requests(sim, "/associationType/CONNECTOR_GRP/provisioningKey")
    assert [r.method for r in posted] == ["POST"]
    assert posted[0].json() == {"name": "edge-key", "maxUsage": 2, "enrollmentCertId": "99",
                                "zcomponentId": "88", "enabled": True}
    # the full method name works too, and --no-enabled sends enabled=false
    r = invoke("zpa", "provisioning", "add-provisioning-key", "--key-type", "service_edge", "--name", "se",
               "--max-usage", "1", "--component-id", "777777", "--no-enabled", env=env_for())
    assert _json(r)["enabled"] is False
    listed = _json(invoke("zpa", "provisioning", "list", "--key-type", "service_edge", env=env_for()))
    assert [k["name"] for k in listed] == ["se"]


def test_get_by_zcomponent_full_name(invoke, sim, env_for):
    invoke("zpa", "provisioning", "add", "--key-type", "connector", "--name", "k42", "--max-usage", "1",
           "--component-id", "42", env=env_for())
    r = invoke("zpa", "provisioning", "get-provisioning-key-by-zcomponent", "--key-type", "connector",
               "--zcomponent-id", "42", env=env_for())
    assert _json(r)["name"] == "k42"
    assert api_requests(sim, "/zcomponent/42/provisioningKey")


def test_segment_group_lifecycle_with_set_and_json(invoke, sim, env_for, tmp_path):
    body = tmp_path / "group.json"
    body.write_text(json.dumps({"name": "from-file", "description": "file", "enabled": False}))
    created = _json(invoke("zpa", "segment-groups", "add", "--json", f"@{body}", "--set", "description=cli wins",
                           "--set", "tcpKeepAliveEnabled=1", env=env_for()))
    assert created["name"] == "from-file" and created["description"] == "cli wins"
    assert created["enabled"] is False and created["tcpKeepAliveEnabled"] == 1
    gid = created["id"]
    r = invoke("zpa", "segment-groups", "update-group", "--group-id", gid, "--json", '{"name": "renamed"}',
               env=env_for())
    assert r.exit_code == 0, r.output
    assert _json(invoke("zpa", "segment-groups", "get", "--group-id", gid, env=env_for()))["name"] == "renamed"
    r = invoke("zpa", "segment-groups", "delete", "--group-id", gid, env=env_for())
    assert r.exit_code == 0 and r.stdout == ""
    assert invoke("zpa", "segment-groups", "get", "--group-id", gid, env=env_for()).exit_code == 3


def test_query_pairs_go_to_the_request_and_expressions_to_jmespath(invoke, sim, env_for):
    sim.seed("zpa", "segment_groups", 30)
    r = invoke("zpa", "segment-groups", "list", "--query", "search=segment_groups-000007", "--query", "[].name",
               env=env_for())
    assert _json(r) == ["segment_groups-000007"]
    sent = api_requests(sim, "/segmentGroup")[-1]
    assert sent.query["search"] == ["name+EQ+segment_groups-000007"]
    # root-level --query is JMESPath too
    r = invoke("--query", "length(@)", "zpa", "segment-groups", "list", "--page-size", "7", env=env_for())
    assert _json(r) == 30  # JSON output: every page (issue #19)
    assert api_requests(sim, "/segmentGroup")[-1].query["pagesize"] == ["7"]


def test_invalid_jmespath_is_a_usage_error(invoke, sim, env_for):
    r = invoke("zpa", "segment-groups", "list", "--jmespath", "[?", env=env_for())
    assert r.exit_code == 2
    assert "JMESPath" in r.output


def test_all_follows_every_page(invoke, sim, env_for):
    sim.seed("zpa", "segment_groups", 1234)
    r = invoke("zpa", "segment-groups", "list", "--all", "--page-size", "500", env=env_for())
    data = _json(r)
    assert len(data) == 1234 and len({g["id"] for g in data}) == 1234
    pages = [r.query.get("page", ["1"])[0] for r in api_requests(sim, "/segmentGroup")]
    assert pages == ["1", "2", "3"]
    assert r.stderr == ""  # no progress bar when stderr is not a terminal


def test_json_gets_every_page_and_limit_stops_early(invoke, sim, env_for):
    sim.seed("zpa", "segment_groups", 45)
    assert len(_json(invoke("zpa", "segment-groups", "list", env=env_for()))) == 45
    assert len(_json(invoke("zpa", "segment-groups", "list", "--limit", "20", env=env_for()))) == 20
    assert len(api_requests(sim, "/segmentGroup")) == 3 + 1  # the limit fits in the first page


def test_output_formats(invoke, sim, env_for):
    sim.seed("zpa", "segment_groups", 3, description="x" * 200)
    env = env_for()
    y = yaml.safe_load(invoke("zpa", "segment-groups", "list", "-o", "yaml", env=env).stdout)
    assert [g["name"] for g in y][:1] == ["segment_groups-000000"]
    rows = list(csv.DictReader(io.StringIO(invoke("-o", "csv", "zpa", "segment-groups", "list", env=env).stdout)))
    assert len(rows) == 3 and rows[2]["name"] == "segment_groups-000002" and rows[0]["description"] == "x" * 200
    table = invoke("zpa", "segment-groups", "list", "-o", "table", env=env).stdout
    lines = table.splitlines()
    assert lines[0].split()[:2] == ["id", "name"]
    assert "x" * 200 not in table and "…" in table  # wide cells are truncated
    assert lines[-1] == "(3 items)"
    one = invoke("zpa", "segment-groups", "get", "--group-id", y[0]["id"], "-o", "table", env=env).stdout
    assert one.splitlines()[0].split() == ["field", "value"]


def test_env_output_default(invoke, sim, env_for):
    sim.seed("zpa", "segment_groups", 2)
    r = invoke("zpa", "segment-groups", "list", env=env_for(ZSCALER_OUTPUT="csv"))
    assert r.stdout.splitlines()[0].startswith("id,name")


def test_zia_write_is_activated_when_the_command_ends(invoke, sim, env_for):
    r = invoke("--no-activate", "zia", "rule-labels", "add", "--set", "name=staged", env=env_for())
    assert r.exit_code == 0, r.output
    assert sim.activation_status("zia") == "PENDING"
    r = invoke("zia", "rule-labels", "add", "--set", "name=label", env=env_for())
    assert r.exit_code == 0, r.output
    assert sim.activation_status("zia") == "ACTIVE"


def test_profile_from_yaml(invoke, sim, isolated):
    cfg = sim.oneapi_config()
    keys = {k: cfg[k] for k in ("clientId", "clientSecret", "vanityDomain", "customerId", "apiBaseUrl", "tokenUrl")}
    (isolated / "zscaler.yaml").write_text(yaml.safe_dump({"zscaler": {"profiles": {"lab": keys,
                                                                                    "broken": {"clientId": "x"}}}}))
    sim.seed("zpa", "segment_groups", 2)
    assert len(_json(invoke("--profile", "lab", "zpa", "segment-groups", "list"))) == 2
    # the profile can also be chosen by ZSCALER_PROFILE
    assert len(_json(invoke("zpa", "segment-groups", "list", env={"ZSCALER_PROFILE": "lab"}))) == 2
    r = invoke("--profile", "nope", "zpa", "segment-groups", "list")
    assert r.exit_code == 2 and "known profiles:" in r.output and "lab" in r.output
    r = invoke("--profile", "broken", "zpa", "segment-groups", "list")
    assert r.exit_code == 4 and "clientSecret" in r.output


def test_profile_in_home_file(invoke, sim, tmp_path):
    cfg = sim.oneapi_config()
    home_file = tmp_path / "home" / ".zscaler" / "zscaler.yaml"
    home_file.parent.mkdir(parents=True)
    home_file.write_text(yaml.safe_dump({"zscaler": {"profiles": {"home": dict(cfg)}}}))
    assert _json(invoke("--profile", "home", "zpa", "segment-groups", "list")) == []


def test_legacy_client_from_env(invoke, sim):
    c = sim.legacy_config("zia")
    env = {"ZIA_USERNAME": c["username"], "ZIA_PASSWORD": c["password"], "ZIA_API_KEY": c["api_key"],
           "ZIA_CLOUD": c["cloud"], "ZIA_OVERRIDE_URL": c["override_url"]}
    sim.seed("zia", "rule_labels", 4)
    data = _json(invoke("--legacy", "zia", "zia", "rule-labels", "list", env=env))
    assert len(data) == 4
    assert any(r.path.startswith("/_legacy/zia/api/v1/ruleLabels") for r in sim.requests)
    r = invoke("--legacy", "zia", "zpa", "segment-groups", "list", env=env)
    assert r.exit_code == 2 and "--legacy zia" in r.output


def test_sim_flag_runs_against_a_seeded_embedded_simulator(invoke):
    real_tenant = {"ZSCALER_PRIVATE_KEY": "not-a-key", "ZSCALER_MICROTENANT_ID": "77", "ZSCALER_CLIENT_ID": "real"}
    r = invoke("--sim", "--sim-seed", "3", "zpa", "provisioning", "list", "--key-type", "connector", env=real_tenant)
    assert [k["name"] for k in _json(r)] == ["provisioning-000000", "provisioning-000001", "provisioning-000002"]
    r = invoke("--sim", "--legacy", "zpa", "zpa", "segment-groups", "list")
    assert len(_json(r)) == 5


def test_legacy_profile_holds_legacy_keys(invoke, sim, isolated):
    (isolated / "zscaler.yaml").write_text(yaml.safe_dump({"zscaler": {"profiles": {"zpa-legacy": sim.legacy_config("zpa")}}}))
    sim.seed("zpa", "segment_groups", 3)
    r = invoke("--profile", "zpa-legacy", "--legacy", "zpa", "zpa", "segment-groups", "list", "--query", "[].name")
    assert _json(r) == ["segment_groups-000000", "segment_groups-000001", "segment_groups-000002"]
    assert any(r.path == "/_legacy/zpa/signin" for r in sim.requests)


def test_table_notes_more_pages_on_stderr(invoke, sim, env_for):
    sim.seed("zpa", "segment_groups", 25)
    r = invoke("zpa", "segment-groups", "list", "-o", "table", env=env_for())
    assert "add --all" in r.stderr and "add --all" not in r.stdout
    r = invoke("zpa", "segment-groups", "list", "-o", "table", "--page-size", "30", env=env_for())
    assert "add --all" not in r.stderr
