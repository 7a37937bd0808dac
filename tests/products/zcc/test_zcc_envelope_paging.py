"""ZCC listings answered in an envelope (``{"<key>": [...], "totalCount": n}``) return their items on
every path: the method's result, ``get_results()``, ``next()`` and ``iter_all()`` (issue #14)."""

from __future__ import annotations

import pytest

BASE = "/zcc/papi/public/v1"
ENVELOPED = [
    ("trusted_networks", "list_by_company", "/webTrustedNetwork/listByCompany", "trustedNetworkContracts"),
    ("application_profiles", "get_application_profiles", "/application-profiles", "policies"),
    ("custom_ip_base_apps", "get_custom_ip_base_apps", "/custom-ip-based-apps", "customAppContracts"),
    ("predefined_ip_based_apps", "get_predefined_ip_based_apps", "/predefined-ip-based-apps", "appServiceContracts"),
    ("process_based_apps", "get_process_based_apps", "/process-based-apps", "appIdentities"),
]


@pytest.mark.parametrize("resource, method, path, key", ENVELOPED)
def test_every_path_returns_the_items(client, sim, resource, method, path, key):
    seeded = {str(o["id"]) for o in sim.seed("zcc", resource, 3, path=BASE + path)}
    items, resp, err = getattr(getattr(client.zcc, resource), method)()
    assert err is None
    ids = [str(i.id) for i in items]
    assert seeded <= set(ids) and len(ids) == len(set(ids))  # predefined objects may come beside them
    assert [str(i["id"]) for i in resp.get_results()] == ids
    assert key in resp.get_body()  # the envelope itself stays readable
    again = getattr(getattr(client.zcc, resource), method)()[1]
    assert [str(i.id) for i in again.iter_all()] == ids


def test_trusted_networks_as_the_issue_tells(client, sim):
    sim.seed("zcc", "trusted_networks", 3, path=BASE + "/webTrustedNetwork/listByCompany")
    items, resp, err = client.zcc.trusted_networks.list_by_company()
    assert (len(items), len(resp.get_results()), len(list(resp.iter_all()))) == (3, 3, 3)


@pytest.mark.parametrize("resource, method, path, key", ENVELOPED[:2])
def test_envelope_pages_follow_with_next(client, sim, resource, method, path, key):
    seeded = {str(o["id"]) for o in sim.seed("zcc", resource, 5, path=BASE + path)}
    every = [str(i.id) for i in getattr(getattr(client.zcc, resource), method)()[0]]
    items, resp, err = getattr(getattr(client.zcc, resource), method)(query_params={"page_size": 2})
    assert err is None and len(items) == 2 and resp.has_next()
    seen = [str(i.id) for i in items]
    while resp.has_next():
        more, _, err = resp.next()
        assert err is None
        seen += [str(i.id) for i in more or []]
    assert seen == every and seeded <= set(seen)
