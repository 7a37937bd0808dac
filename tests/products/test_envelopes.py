"""Where listings find their items, as the official SDK reads each product's answers: ZCell's
``content`` and AI Guard's ``items`` envelopes, or a single object answered as the one item."""

from __future__ import annotations

import pytest

from helpers import FAST_RETRY
from zscaler import ZscalerClient


@pytest.fixture
def zc(sim):
    c = ZscalerClient(sim.oneapi_config(zcellCustomerId="77", **FAST_RETRY))
    yield c
    c.close()


@pytest.mark.parametrize("body,ids", [
    ({"content": [{"id": 1}, {"id": 2}], "totalPages": 1, "totalElements": 2}, [1, 2]),
    ({"id": 9, "iccid": "8901"}, [9]),  # a single object: the one item
    ({"content": [], "totalPages": 0}, []),
])
def test_zcell_listing_items(zc, sim, body, ids):
    sim.fault(path="*/anomaly-policy/5/violations/8901", method="GET", status=200, body=body)
    items, _, err = zc.zcell.anomaly_policy.get_anomaly_policy_violations(policy_id="5", iccid="8901")
    assert err is None and [i.id for i in items] == ids


@pytest.mark.parametrize("body,ids", [
    ({"items": [{"id": "a"}, {"id": "b"}]}, ["a", "b"]),
    ({"id": "c", "name": "one"}, ["c"]),  # a single object: the one item
    ({"items": []}, []),
])
def test_aiguard_listing_items(client, sim, body, ids):
    sim.fault(path="*/llm-applications", method="GET", status=200, body=body)
    items, _, err = client.aiguard.llm_applications.list_applications()
    assert err is None and [i.id for i in items] == ids
