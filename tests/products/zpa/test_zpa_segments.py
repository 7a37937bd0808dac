"""ZPA application segments: port ranges on the wire, references checked by the simulator, microtenants."""

import pytest

from zscaler.errors import BadRequestError

from helpers import api_requests


@pytest.fixture
def groups(client):
    sg = client.zpa.segment_groups.add_group(name="apps").unwrap()
    srv = client.zpa.server_groups.add_group(name="servers").unwrap()
    return sg.id, srv.id


def test_add_segment_port_range_objects_and_long_string_ids(client, sim, groups):
    sg, srv = groups
    seg, _, err = client.zpa.application_segment.add_segment(
        name="crm", domain_names=["crm.acme.com"], segment_group_id=sg, server_group_ids=[srv],
        tcp_port_range=[{"from": 443, "to": 443}, ("8080", "8090"), "9000-9001"], udp_port_range=["53"])
    assert err is None
    assert api_requests(sim, "/application")[-1].json() == {
        "name": "crm", "domainNames": ["crm.acme.com"], "segmentGroupId": sg,
        "tcpPortRange": [{"from": "443", "to": "443"}, {"from": "8080", "to": "8090"}, {"from": "9000", "to": "9001"}],
        "udpPortRange": [{"from": "53", "to": "53"}],
        "serverGroups": [{"id": srv}]}
    assert isinstance(srv, str) and len(srv) >= 18  # ZPA's long ids stay strings
    # the cloud answers both forms of the ports, and the segment group's name
    got = client.zpa.application_segment.get_segment(seg.id).unwrap()
    assert got.tcp_port_ranges == ["443", "443", "8080", "8090", "9000", "9001"]
    assert got.udp_port_ranges == ["53", "53"] and got.segment_group_name == "apps"


def test_legacy_flat_port_list_is_sent_as_given(client, sim, groups):
    sg, _ = groups
    seg = client.zpa.app_segments_ba.add_segment_ba(name="ba", segment_group_id=sg, domain_names=["ba.x"],
                                                    tcp_port_ranges=["80", "80", 443, 443]).unwrap()
    body = api_requests(sim, "/application")[-1].json()
    assert body["tcpPortRanges"] == ["80", "80", "443", "443"] and "tcpPortRange" not in body
    stored = client.zpa.app_segments_ba.get_segment_ba(seg.id).unwrap()
    assert stored.tcp_port_range == [{"from": "80", "to": "80"}, {"from": "443", "to": "443"}]


def test_update_clears_the_port_keys_not_given(client, sim, groups):
    sg, _ = groups
    seg = client.zpa.app_segments_pra.add_segment_pra(name="pra", segment_group_id=sg, domain_names=["pra.x"],
                                                      tcp_port_range=[{"from": "22", "to": "22"}]).unwrap()
    updated, resp, err = client.zpa.app_segments_pra.update_segment_pra(
        seg.id, name="pra", udp_port_range=[{"from": "3389", "to": "3389"}])
    assert err is None and resp.get_status() == 204 and updated.id == seg.id
    assert api_requests(sim, "/application")[-1].json() == {
        "name": "pra", "udpPortRange": [{"from": "3389", "to": "3389"}],
        "tcpPortRanges": [], "tcpPortRange": [], "udpPortRanges": []}


@pytest.mark.parametrize("method", ["add_segment", "add_segment_provision"])
def test_both_port_forms_are_refused(client, sim, method):
    with pytest.raises(ValueError, match="tcp_port_range .* or tcp_port_ranges"):
        getattr(client.zpa.application_segment, method)(name="x", tcp_port_range=[{"from": "1", "to": "1"}],
                                                        tcp_port_ranges=["1", "1"])
    with pytest.raises(ValueError, match="udp_port_ranges: a flat list of port pairs"):
        client.zpa.application_segment.add_segment(name="x", udp_port_ranges=["53"])
    with pytest.raises(ValueError, match="tcp_port_range: each range"):
        client.zpa.application_segment.add_segment(name="x", tcp_port_range=[{"start": 1}])
    assert api_requests(sim) == []


def test_unknown_references_answer_400_in_the_zpa_envelope(client, sim, groups):
    sg, srv = groups
    _, resp, err = client.zpa.application_segment.add_segment(name="x", segment_group_id="216196257339999999")
    assert isinstance(err, BadRequestError) and err.status_code == 400
    assert resp is None or resp.get_status() == 400
    body = api_requests(sim, "/application")[-1]
    assert body.status == 400
    _, _, err = client.zpa.application_segment.add_segment(name="x", segment_group_id=sg,
                                                           server_group_ids=[srv, "216196257338888888"])
    assert err is not None and "server group 216196257338888888 does not exist" in str(err)
    assert client.zpa.application_segment.list_segments().unwrap() == []


def test_segment_group_lists_its_applications(client, sim, groups):
    sg, _ = groups
    other = client.zpa.segment_groups.add_group(name="others").unwrap()
    a = client.zpa.application_segment.add_segment(name="a", segment_group_id=sg, domain_names=["a.x"],
                                                   tcp_port_ranges=["443", "443"]).unwrap()
    client.zpa.application_segment.add_segment(name="b", segment_group_id=other.id, domain_names=["b.x"],
                                               tcp_port_ranges=["443", "443"]).unwrap()
    group = client.zpa.segment_groups.get_group(sg).unwrap()
    assert [(app["id"], app["name"]) for app in group.as_dict()["applications"]] == [(a.id, "a")]
    listed = client.zpa.segment_groups.list_groups().unwrap()
    assert [len(g.as_dict().get("applications", [])) for g in listed] == [1, 1]
    client.zpa.application_segment.delete_segment(a.id, force_delete=True).unwrap()
    assert client.zpa.segment_groups.get_group(sg).unwrap().as_dict()["applications"] == []  # the official default
    assert api_requests(sim, "/application/")[-1].query["forceDelete"] == ["true"]


def test_microtenant_config_applies_unless_the_call_overrides(sim):
    from zscaler import ZscalerClient

    with ZscalerClient(sim.oneapi_config(microtenantId="5000")) as c:
        sg = c.zpa.segment_groups.add_group(name="mt-apps").unwrap()
        seg = c.zpa.application_segment.add_segment(name="mt", segment_group_id=sg.id, domain_names=["mt.x"],
                                                    tcp_port_ranges=["443", "443"]).unwrap()
        assert api_requests(sim, "/application")[-1].query["microtenantId"] == ["5000"]
        assert seg.microtenant_id == "5000"
        assert [s.id for s in c.zpa.application_segment.list_segments().unwrap()] == [seg.id]
        assert api_requests(sim, "/application")[-1].query["microtenantId"] == ["5000"]
        # per call: the argument wins over the configured id
        c.zpa.application_segment.list_segments(query_params={"microtenant_id": "6000"}).unwrap()
        assert api_requests(sim, "/application")[-1].query["microtenantId"] == ["6000"]
        _, _, err = c.zpa.application_segment.delete_segment(seg.id, microtenant_id="6000")
        assert err is not None and err.status_code == 404  # another microtenant cannot see it
        c.zpa.application_segment.delete_segment(seg.id).unwrap()
        assert api_requests(sim, "/application")[-1].query["microtenantId"] == ["5000"]
