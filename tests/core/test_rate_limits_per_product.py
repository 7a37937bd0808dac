"""A 429 is waited out and the call succeeds, for every product: one table instead of a copy per product.

Product-specific rate-limit behaviour (each product's own 429 headers, ZCC's soft limit, login
429s) stays with the product's tests.
"""

from __future__ import annotations

import pytest

from helpers import api_requests
from zscaler.oneapi_client import LegacyZDXClient, LegacyZWAClient

#: product, call, path of the faulted requests, 429s before the 200, check of the result
ONEAPI = [
    ("zdx", lambda c: c.zdx.users.list_users(), "/zdx/v1/users", 1, None),
    ("zwa", lambda c: c.zwa.audit_logs.audit_logs(), "/zwa/dlp/v1/customer/audit", 1, None),
    ("ztw", lambda c: c.ztw.location_management.list_locations(), "/ztw/api/v1/location", 2,
     lambda r: [loc.name for loc in r] == ["AWS-us-east-1-vpc-sim"]),
    ("zcc", lambda c: c.zcc.devices.list_devices(), "/zcc/papi/public/v1/getDevices", 1, lambda r: len(r) == 6),
    ("zid", lambda c: c.zid.users.list_users(), "/ziam/admin/api/v1/users", 1, lambda r: len(r) == 0),
]


@pytest.mark.parametrize("product,call,path,times,check", ONEAPI, ids=[c[0] for c in ONEAPI])
def test_oneapi_rate_limited_call_is_absorbed(client, sim, product, call, path, times, check):
    sim.fault(path=path, status=429, times=times)  # the product's 429 through the gateway, zero wait
    result, _, err = call(client)
    assert err is None and (check is None or check(result))
    assert [r.status for r in api_requests(sim, path)] == [429] * times + [200]


#: legacy client, call, legacy path, 429s before the 200 (RateLimit-Reset: 0), result length
LEGACY = [
    (LegacyZDXClient, "zdx", lambda c: c.zdx.apps.list_apps(), "/zdx/v1/apps", 2, 3),
    (LegacyZWAClient, "zwa", lambda c: c.zwa.dlp_incidents.dlp_incident_search(), "/zwa/dlp/v1/incidents/search", 2,
     None),
]


@pytest.mark.parametrize("cls,product,call,path,times,length", LEGACY, ids=[c[1] for c in LEGACY])
def test_legacy_rate_limited_call_is_absorbed(sim, cls, product, call, path, times, length):
    if product == "zdx":
        sim.seed("zdx", "apps", 3, path="/zdx/v1/apps")
    with cls(sim.legacy_config(product)) as client:
        sim.fault(path="/_legacy" + path, status=429, times=times)
        result, _, err = call(client)
        assert err is None and (length is None or len(result) == length)
        assert [r.status for r in api_requests(sim, path)] == [429] * times + [200]
