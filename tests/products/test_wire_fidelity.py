"""Requests as the official SDK sends them: query spellings, value encodings, no extra lookups.

Each case is a fact of the official SDK's recorded traffic or of its request rules (booleans in a
query are rendered as Python renders them, ``True``/``False``, except where an official method
spells them itself).
"""

from __future__ import annotations

import httpx
import pytest

from zscaler import ZscalerClient
from zscaler.errors import TransportError

from helpers import api_requests


def _wire(sim, path_part=""):
    return [(r.method, r.path.split("/customers/")[-1] if "/customers/" in r.path else r.path, r.raw_query)
            for r in api_requests(sim, path_part)]


@pytest.mark.parametrize("call, query", [
    (lambda c: c.zia.admin_users.list_admin_users(query_params={"include_auditor_users": True}),
     "includeAuditorUsers=True"),
    (lambda c: c.zia.admin_roles.list_roles(query_params={"include_auditor_role": True}), "includeAuditorRole=True"),
    (lambda c: c.zia.url_categories.list_categories(query_params={"custom_only": True}), "customOnly=True"),
    (lambda c: c.zia.cloud_applications.list_cloud_app_policy(query_params={"group_results": False}),
     "groupResults=False"),
])
def test_booleans_in_a_query_are_capitalised(client, sim, call, query):
    call(client)
    assert api_requests(sim)[-1].raw_query == query


def test_flags_the_official_methods_spell_in_lower_case(client, sim):
    client.zia.apptotal.get_app(app_id="7")
    client.zpa.app_segment_by_type.get_segments_by_type("BROWSER_ACCESS")
    client.zpa.emergency_access.add_user(email_id="a@b.c", first_name="a", last_name="b")
    queries = [r.raw_query for r in api_requests(sim)]
    assert queries == ["appId=7&verbose=false", "applicationType=BROWSER_ACCESS&expandAll=false", "activateNow=true"]


def test_force_delete_is_sent_only_when_asked(client, sim):
    group = client.zpa.segment_groups.add_group(name="g").unwrap()
    for force in (False, True):
        seg = client.zpa.application_segment.add_segment(name=f"s{force}", domain_names=["a.x"],
                                                         segment_group_id=group.id, tcp_port_ranges=["443", "443"]).unwrap()
        client.zpa.application_segment.delete_segment(seg.id, force_delete=force)
    deletes = [r.raw_query for r in api_requests(sim) if r.method == "DELETE"]
    assert deletes == ["", "forceDelete=true"]


def test_microtenant_paths_carry_no_microtenant_query(client, sim):
    mt = client.zpa.microtenants.add_microtenant(name="mt", criteria_attribute="AuthDomain").unwrap()
    sim.clear_requests()
    client.zpa.microtenants.get_microtenant(mt.id)
    client.zpa.microtenants.update_microtenant(mt.id, name="mt2")
    client.zpa.microtenants.delete_microtenant(mt.id)
    assert [(m, q) for m, _, q in _wire(sim)] == [("GET", ""), ("PUT", ""), ("DELETE", "")]


def test_connector_and_service_edge_groups_send_no_certificate_lookup(client, sim):
    client.zpa.app_connector_groups.add_connector_group(name="g")
    client.zpa.service_edge_group.add_service_edge_group(name="e")
    assert [m for m, _, _ in _wire(sim)] == ["POST", "POST"]
    assert "enrollmentCert" not in " ".join(p for _, p, _ in _wire(sim))


def test_destination_groups_lite_sends_the_listing_get(client, sim):
    client.zia.cloud_firewall.list_ip_destination_groups_lite()
    assert _wire(sim) == [("GET", "/zia/api/v1/ipDestinationGroups", "")]


def test_app_views_sends_the_view_id_in_path_and_query(client, sim):
    client.zia.apptotal.app_views(app_view_id="1")
    assert _wire(sim) == [("GET", "/zia/api/v1/app_views/1/apps", "appViewId=1")]


def test_predefined_controls_need_a_version_and_send_it_as_given(client, sim):
    # as the official SDK: nothing is sent, and the error comes back in the error slot (not raised)
    result, response, err = client.zpa.app_protection.list_predef_controls()
    assert result is None and response is None
    assert isinstance(err, ValueError) and "query_params['version'] is missing" in str(err)
    _, _, err = client.zpa.app_protection.list_predef_controls(query_params={"version": "v9"})
    assert isinstance(err, ValueError) and "OWASP_CRS/4.8.0" in str(err)
    assert api_requests(sim) == []
    client.zpa.app_protection.list_predef_controls(query_params={"version": "OWASP_CRS/3.3.5"})
    assert api_requests(sim)[-1].query["version"] == ["OWASP_CRS/3.3.5"]


class _Refused(Exception):
    """What a recording tool raises for a request it has no answer for."""


def test_an_exception_of_the_transport_is_returned_as_the_error(sim):
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/v1/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 3600})
        raise _Refused(f"no recorded answer for {request.url}?api_token=abc")

    c = ZscalerClient(sim.oneapi_config(shareToken=False, transport=httpx.MockTransport(handler)))
    groups, resp, err = c.zpa.segment_groups.list_groups()
    assert groups is None and resp is None
    assert isinstance(err, TransportError) and "_Refused" in str(err) and "api_token" not in str(err)
