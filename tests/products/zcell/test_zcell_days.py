"""ZCell's ``days=`` time-window shorthand (the official ``zcell_params`` decorator): the window's
start and end go to the query, the JSON body or the path, never over a bound the caller gave."""

from __future__ import annotations

import inspect
import json
import time

import pytest

from helpers import FAST_RETRY, api_requests
from zscaler import ZscalerClient, catalog

BASE = "/zcell/config/api/v1"
DAY = 86400


@pytest.fixture
def zc(sim):
    c = ZscalerClient(sim.oneapi_config(zcellCustomerId="77", **FAST_RETRY))
    yield c
    c.close()


def _window(start, end, days, before):
    start, end = int(start), int(end)
    assert end - start == days * DAY and before <= end <= int(time.time())


def test_days_sets_the_query_window(zc, sim):
    before = int(time.time())
    policies, _, err = zc.zcell.anomaly_policy.list_anomaly_policy(days=7)
    assert err is None and isinstance(policies, list)
    (req,) = api_requests(sim, "/anomaly-policy")
    _window(req.query["startDateTime"][0], req.query["endDateTime"][0], 7, before)
    assert "days" not in req.query


def test_days_inside_query_params_and_the_date_keys(zc, sim):
    before = int(time.time())
    zc.zcell.sim_analytics.list_sim_analytics_usage_day(query_params={"days": 2, "page": 0}).unwrap()
    (req,) = api_requests(sim, "/sim/analytics/usage/day")
    _window(req.query["startDate"][0], req.query["endDate"][0], 2, before)
    assert "days" not in req.query and req.query["page"] == ["0"]


def test_an_explicit_bound_wins_over_days(zc, sim):
    zc.zcell.anomaly_policy.list_anomaly_policy(start_date_time=1700000000, days=1).unwrap()
    (req,) = api_requests(sim, "/anomaly-policy")
    assert req.query["startDateTime"] == ["1700000000"] and int(req.query["endDateTime"][0]) > 1700000000
    sim.clear_requests()
    zc.zcell.sim_analytics.list_sim_analytics_usage_sims(query_params={"startDate": 5}, days=1).unwrap()
    assert api_requests(sim, "/usage/sims")[0].query["startDate"] == ["5"]


def test_days_goes_to_the_body_of_the_audit_search(zc, sim):
    before = int(time.time())
    zc.zcell.audit_data_handling.list_audit_customers_search(days=3, action="LOGIN").unwrap()
    (req,) = api_requests(sim, "/audit/customers/77/search")
    body = json.loads(req.body)
    _window(body["startDate"], body["endDate"], 3, before)
    assert body["action"] == "LOGIN" and req.query == {}


def test_days_fills_the_path_of_the_network_events_search(zc, sim):
    before = int(time.time())
    zc.zcell.network_events.list_network_events_search(days=1).unwrap()
    (req,) = api_requests(sim, "/network-events/")
    parts = req.path.split("/")
    _window(parts[parts.index("startTime") + 1], parts[parts.index("endTime") + 1], 1, before)


def test_days_is_only_taken_where_the_official_method_takes_it(zc, sim):
    with pytest.raises(TypeError, match="days"):
        zc.zcell.sim_location_groups.list_sim_location_groups(days=1)
    windowed = sorted(o.name for _, o in catalog.load("zcell").ops() if o.window)
    assert windowed == ["get_anomaly_policy_violations", "list_anomaly_policy", "list_anomaly_policy_violations",
                        "list_audit_customers_search", "list_network_events_search",
                        "list_sim_analytics_usage_countries", "list_sim_analytics_usage_day",
                        "list_sim_analytics_usage_sims"]
    # the signature stays the official one: days is taken beside it, as the decorator does
    assert "days" not in inspect.signature(zc.zcell.anomaly_policy.list_anomaly_policy).parameters
