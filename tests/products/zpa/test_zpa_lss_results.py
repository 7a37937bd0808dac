"""ZPA LSS lookups return what the official SDK returns: plain dicts (``None`` and a log on an
error), shaped as it shapes them, and ``LssAPI.source_log_map`` is the official table."""

from __future__ import annotations

import logging

import pytest

from helpers import api_requests
from zscaler.simulator.behaviors.zpa import CLIENT_TYPES, LOG_TYPES

LSS = "/zpa/mgmtconfig/v2/admin/lssConfig"


def test_client_types_is_the_reversed_table(client, sim):
    types = client.zpa.lss.get_client_types()
    assert type(types) is dict and len(types) == len(CLIENT_TYPES)
    assert types["web_browser"] == "zpn_client_type_exporter" and types["zpa_lss"] == "zpn_client_type_slogger"
    assert client.zpa.lss.get_client_types("client_connector") == {"client_connector": "zpn_client_type_zapp"}
    assert client.zpa.lss.get_client_types("no_such_type") == types  # an unknown name: the whole table
    req = api_requests(sim, "/clientTypes")[-1]
    assert req.path.startswith(LSS + "/customers/") and req.query == {}  # client_type stays local


def test_status_codes_all_or_of_one_log_type(client, sim):
    every = client.zpa.lss.get_status_codes()
    assert type(every) is dict and len(every) == 4
    mine = client.zpa.lss.get_status_codes(log_type="user_status")  # zpn_auth_log
    assert set(mine) == {"BRK_MT_AUTH_SAML_FAILURE", "ZPN_STATUS_AUTH_FAILED"}
    assert all("zpn_auth_log" in d["log_types"] for d in mine.values())
    assert all(r.query == {} for r in api_requests(sim, "/statusCodes"))  # log_type stays local
    with pytest.raises(ValueError, match="log_type"):
        client.zpa.lss.get_status_codes(log_type="zpn_nothing")


def test_log_formats_of_every_type_or_of_one(client, sim):
    every = client.zpa.lss.get_all_log_formats()
    assert type(every) is dict and set(every) == set(LOG_TYPES)
    assert api_requests(sim)[-1].path == LSS + "/logType/formats"  # no customer, as the official asks
    one = client.zpa.lss.get_all_log_formats("zpn_trans_log")
    assert set(one) == {"csv", "json", "tsv"}
    req = api_requests(sim)[-1]
    assert "/customers/" in req.path and req.query == {"logType": ["zpn_trans_log"]}


def test_an_error_is_logged_and_none_returned(client, sim, caplog):
    sim.fault(path="*/statusCodes", status=403, body={"id": "forbidden", "reason": "no access"})
    with caplog.at_level(logging.ERROR, logger="zscaler.client"):
        assert client.zpa.lss.get_status_codes() is None
    (record,) = [r for r in caplog.records if r.name == "zscaler.client"]
    assert "zpa.lss.get_status_codes" in record.getMessage() and "403" in record.getMessage()


def test_source_log_map(client):
    table = type(client.zpa.lss).source_log_map
    assert table["user_activity"] == "zpn_trans_log" and len(table) == 8
    assert set(table.values()) <= set(LOG_TYPES)  # the API has more (zpn_pbroker_comprehensive_stats)


def test_app_protection_methods_keep_the_three_values(client, sim):
    profile = client.zpa.app_protection.add_profile(name="p", paranoia_level="1").unwrap()  # a dict (raw)
    out = client.zpa.app_protection.get_profile(profile["id"])
    assert len(out) == 3 and out.error is None and out.result.id == profile["id"]
    missing = client.zpa.app_protection.get_custom_control("999")
    assert len(missing) == 3 and missing.result is None and missing.error.status_code == 404
