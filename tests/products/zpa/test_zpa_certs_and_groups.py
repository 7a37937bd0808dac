"""ZPA enrollment-certificate lookups by name, validity dates, connector / service-edge groups, schedules."""

import datetime as dt

import pytest

from zscaler.simulator.behaviors.zpa import ENROLLMENT_CERT_BASE

from helpers import api_requests

CONNECTOR_CERT = str(ENROLLMENT_CERT_BASE + 2)
EDGE_CERT = str(ENROLLMENT_CERT_BASE + 3)


def test_connector_group_without_cert_sends_only_the_create(client, sim):
    """As the official SDK's recorded traffic shows: no enrollment-certificate lookup, the API decides."""
    group, _, err = client.zpa.app_connector_groups.add_connector_group(name="dc1", location="Paris")
    assert err is None
    (post,) = api_requests(sim)
    assert post.method == "POST" and post.json() == {"name": "dc1", "location": "Paris"}
    sim.clear_requests()
    client.zpa.app_connector_groups.update_connector_group(group.id, name="dc2").unwrap()
    assert [r.method for r in api_requests(sim)] == ["PUT"]
    assert api_requests(sim)[-1].json() == {"name": "dc2"}


def test_given_cert_skips_the_lookup(client, sim):
    client.zpa.app_connector_groups.add_connector_group(name="dc1", enrollment_cert_id="42").unwrap()
    assert [r.method for r in api_requests(sim)] == ["POST"]
    assert api_requests(sim)[-1].json()["enrollmentCertId"] == "42"


def test_service_edge_group_without_cert_sends_only_the_create(client, sim):
    client.zpa.service_edge_group.add_service_edge_group(name="se", trusted_network_ids=["7"]).unwrap()
    (post,) = api_requests(sim)
    assert post.json() == {"name": "se", "trustedNetworks": [{"id": "7"}]}
    client.zpa.service_edge_group.add_service_edge_group(name="se2", enrollment_cert_id=EDGE_CERT).unwrap()
    assert api_requests(sim)[-1].json() == {"name": "se2", "enrollmentCertId": EDGE_CERT}


def test_get_enrolment_by_name(client, sim):
    cert, _, err = client.zpa.enrollment_certificates.get_enrolment_by_name("connector")
    assert err is None and cert.id == CONNECTOR_CERT and cert.name == "Connector"
    assert api_requests(sim)[-1].query == {"search": ["name+EQ+connector"]}
    missing, _, err = client.zpa.enrollment_certificates.get_enrolment_by_name("nope")
    assert missing is None and err is None
    with pytest.raises(ValueError, match="name"):
        client.zpa.enrollment_certificates.get_enrolment_by_name("")


def test_certificate_validity_becomes_epoch_seconds(client, sim):
    client.zpa.enrollment_certificates.generate_self_signed(
        name="ss", valid_from="2030-01-01T00:00:00", valid_to="2031-01-01T00:00:00", time_zone="UTC").unwrap()
    body = api_requests(sim)[-1].json()
    start = int(dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc).timestamp())
    end = int(dt.datetime(2031, 1, 1, tzinfo=dt.timezone.utc).timestamp())
    assert body == {"name": "ss", "validFromInEpochSec": str(start), "validToInEpochSec": str(end)}
    client.zpa.enrollment_certificates.add_enrollment_cert(name="c", valid_from=1700000000).unwrap()
    assert api_requests(sim)[-1].json() == {"name": "c", "validFromInEpochSec": "1700000000"}
    with pytest.raises(ValueError, match="time_zone"):
        client.zpa.enrollment_certificates.add_enrollment_cert(name="c", valid_from="2030-01-01", time_zone="Mars/Base")


def test_schedules_carry_the_customer_id(client, sim):
    client.zpa.app_connector_schedule.add_connector_schedule(frequency="days", frequency_interval="5",
                                                             delete_disabled=True).unwrap()
    assert api_requests(sim)[-1].json() == {"customerId": sim.customer_id, "frequency": "days",
                                            "frequencyInterval": "5", "deleteDisabled": True}
    client.zpa.service_edge_schedule.add_service_edge_schedule({"frequency": "days"}).unwrap()
    assert api_requests(sim)[-1].json() == {"customerId": sim.customer_id, "frequency": "days",
                                            "frequencyInterval": None}
    client.zpa.app_connector_schedule.get_connector_schedule()
    assert api_requests(sim)[-1].query.get("customerId") == [sim.customer_id]  # config fallback
