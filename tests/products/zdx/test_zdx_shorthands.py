"""The official ``zdx_params`` keywords taken beside a method's signature (``list_devices(since=2)``)."""

from __future__ import annotations

import inspect
import time

import pytest

from helpers import api_requests


def test_since_and_search_as_keywords(client, sim):
    before = int(time.time())
    _, _, err = client.zdx.apps.list_apps(since=2, location_id=7, search="mail")
    assert err is None
    (req,) = api_requests(sim, "/zdx/v1/apps")
    start, end = int(req.query["from"][0]), int(req.query["to"][0])
    assert end - start == 2 * 3600 and before <= end <= int(time.time())
    assert req.query["loc"] == ["7"] and req.query["q"] == ["mail"]
    assert "since" not in req.query and "search" not in req.query


def test_query_params_win_over_the_keyword(client, sim):
    client.zdx.admin.list_locations(query_params={"search": "HQ"}, search="other").unwrap()
    (req,) = api_requests(sim, "/administration/locations")
    assert req.query["q"] == ["HQ"]


def test_a_method_with_a_path_argument_takes_them_too(client, sim):
    sim.seed("zdx", "devices", 1, path="/zdx/v1/devices")
    client.zdx.devices.get_device("1", since=1, exclude_dept=[3])
    req = api_requests(sim, "/zdx/v1/devices/1")[-1]
    assert "from" in req.query and req.query["excludeDept"] == ["3"]


def test_signatures_stay_official_and_other_keywords_are_refused(client):
    assert list(inspect.signature(client.zdx.devices.list_devices).parameters) == ["query_params"]
    with pytest.raises(TypeError, match="list_devices"):
        client.zdx.devices.list_devices(unknown=1)
