"""Business Insights through the client and the simulator: report downloads, the list/get pair of
custom apps and report configs, and every resource driven generically."""

from __future__ import annotations

import gzip
import json
import pathlib
import sys

import pytest

from helpers import api_requests
from zscaler import catalog

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
import test_catalog_conformance as core  # noqa: E402

BASE = "/bi/api/v1"


@pytest.mark.parametrize("attribute", [r.attribute for r in catalog.load("zbi").resources])
def test_every_operation_is_served(client, sim, attribute):
    core.test_resource_operations(client, sim, "zbi", attribute)


def test_download_report_writes_file_name_and_returns_it(client, sim, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = client.zbi.reports.download_report("apps.csv", "customapps")  # a bare str, as the official SDK
    assert name == "apps.csv"
    data = (tmp_path / "apps.csv").read_bytes()
    (req,) = api_requests(sim, "/report/download")
    assert (req.method, req.path, req.raw_query) == ("POST", BASE + "/report/download", "")
    assert json.loads(req.body) == {"fileName": "apps.csv", "reportType": "customapps", "subType": "CustomDataFeed"}
    assert req.headers["accept"] == "application/octet-stream"
    assert data == b"report,type,subType\napps.csv,customapps,CustomDataFeed\n"


def test_download_report_sub_type_none_falls_back_and_gzip_query(client, sim, tmp_path):
    target = tmp_path / "r.csv.gz"
    assert client.zbi.reports.download_report("r.csv", "reports", sub_type=None, compression="gzip",
                                              save_path=str(target)) == str(target)
    data = target.read_bytes()
    (req,) = api_requests(sim, "/report/download")
    assert req.raw_query == "compression=gzip"
    assert json.loads(req.body)["subType"] == "CustomDataFeed"
    assert gzip.decompress(data).startswith(b"report,type,subType\nr.csv,reports,")


def test_download_report_save_path_writes_the_file(client, sim, tmp_path):
    target = tmp_path / "out.csv"
    name = client.zbi.reports.download_report("x.csv", "customapps", sub_type="Other", save_path=str(target))
    assert name == str(target)
    assert target.read_bytes() == b"report,type,subType\nx.csv,customapps,Other\n"
    (req,) = api_requests(sim, "/report/download")
    assert "savePath" not in json.loads(req.body) and "save_path" not in json.loads(req.body)


def test_download_report_refuses_unknown_compression(client, sim):
    with pytest.raises(ValueError, match="compression"):
        client.zbi.reports.download_report("x.csv", "customapps", compression="zip")
    assert api_requests(sim) == []


@pytest.mark.parametrize("res,create,get,lst,update,delete,extra", [
    ("custom_apps", "create_custom_app", "get_custom_app", "list_custom_apps", "update_custom_app",
     "delete_custom_app", {}),
    ("report_configs", "create_report_config", "get_report_config", "list_report_configs", "update_report_config",
     "delete_report_config", {"report_type": "customapps"}),
])
def test_crud_round_trip(client, sim, res, create, get, lst, update, delete, extra):
    api = getattr(client.zbi, res)
    made, _, err = getattr(api, create)(name="crm", **extra)
    assert err is None and made.name == "crm"
    oid = made.id
    got, _, err = getattr(api, get)(oid)
    assert err is None and got.id == oid and got.name == "crm"
    items, _, err = getattr(api, lst)()
    assert err is None and [i.id for i in items] == [oid]
    _, _, err = getattr(api, update)(oid, name="crm2")
    assert err is None and getattr(api, get)(oid).result.name == "crm2"
    status, _, err = getattr(api, delete)(oid)
    assert err is None and status in (200, 204)
    _, _, err = getattr(api, get)(oid)
    assert err is not None and err.status_code == 404
    reqs = [(r.method, r.path, r.raw_query) for r in api_requests(sim)]
    coll = BASE + ("/customapps" if res == "custom_apps" else "/reports/customapps")
    assert reqs[:3] == [("POST", coll, ""), ("GET", coll, f"id={oid}"), ("GET", coll, "")]
    assert ("DELETE", f"{coll}/{oid}", "") in reqs


def test_list_reports_reads_the_reports_envelope(client, sim):
    entry = {"reportName": "weekly", "reportType": "customapps", "subType": "CustomDataFeed"}
    sim.fault(method="GET", path=BASE + "/report/all", status=200, body={"reports": [entry]}, times=1)
    reports, _, err = client.zbi.reports.list_reports(query_params={"report_type": "customapps"})
    assert err is None and reports == [entry]
    (req,) = api_requests(sim)
    assert (req.method, req.path, req.raw_query) == ("GET", BASE + "/report/all", "reportType=customapps")
    reports, resp, err = client.zbi.reports.list_reports()
    assert err is None and reports == [] and resp.get_body() == {"reports": []}
