"""ZWA through the client and the simulator: search bodies, cursor paging, incident actions."""

from __future__ import annotations

import json

from helpers import api_requests

INCIDENTS = "/zwa/dlp/v1/incidents"


def _body(sim, part):
    (req,) = api_requests(sim, part)
    return json.loads(req.body), req


def test_search_bodies_always_carry_fields_and_time_range(client, sim):
    _, _, err = client.zwa.dlp_incidents.dlp_incident_search()
    assert err is None
    body, _ = _body(sim, "/incidents/search")
    assert body == {"fields": [], "timeRange": {}}

    sim.clear_requests()
    rng = {"start_time": "2025-01-01T00:00:00Z", "end_time": "2025-01-02T00:00:00Z"}
    fields = [{"name": "severity", "value": ["HIGH"]}]
    _, _, err = client.zwa.audit_logs.audit_logs(query_params={"page": 2, "page_size": 5, "page_id": "p-1"},
                                                 time_range=rng, fields=fields, sort_order="DESC")
    assert err is None
    body, req = _body(sim, "/customer/audit")
    assert body == {"fields": fields, "timeRange": {"startTime": rng["start_time"], "endTime": rng["end_time"]},
                    "sortOrder": "DESC"}
    assert req.query == {"page": ["2"], "pageSize": ["5"], "pageId": ["p-1"]}


def test_incident_search_pages_by_cursor(client, sim):
    sim.seed("zwa", "dlp_incidents", 25, path=INCIDENTS, severity="HIGH")
    seen, page = [], 1
    while True:
        found, resp, err = client.zwa.dlp_incidents.dlp_incident_search(query_params={"page": page, "page_size": 10})
        assert err is None and not resp.has_next()  # ZWA pages by the cursor in the body, not by the SDK
        seen += [i["name"] for i in found.incidents]
        cursor = found.cursor
        assert cursor["totalElements"] == 25 and cursor["currentPageNumber"] == page
        if page >= cursor["totalPages"]:
            break
        page += 1
    assert seen == [f"dlp_incidents-{i:06d}" for i in range(25)] and page == 3


def test_audit_log_search_answers_logs(client, sim):
    sim.seed("zwa", "audit_logs", 3, path="/zwa/dlp/v1/customer/audit", module="INCIDENTS")
    logs, _, err = client.zwa.audit_logs.audit_logs(time_range={"startTime": "a", "endTime": "b"})
    assert err is None and [entry.module for entry in logs.logs] == ["INCIDENTS"] * 3


def test_incident_group_search_sends_a_list(client, sim):
    client.zwa.dlp_incidents.incident_group_search("i-1", incident_group_ids="g-1")
    client.zwa.dlp_incidents.incident_group_search("i-1", incident_group_ids=["g-1", "g-2"])
    client.zwa.dlp_incidents.incident_group_search("i-1")
    bodies = [json.loads(r.body) for r in api_requests(sim, "/incident-groups/search")]
    assert bodies == [{"incidentGroupIds": ["g-1"]}, {"incidentGroupIds": ["g-1", "g-2"]}, {"incidentGroupIds": []}]


def test_incident_actions_change_the_incident(client, sim):
    (inc,) = sim.seed("zwa", "dlp_incidents", 1, path=INCIDENTS, status="OPEN", transactionId="T-1")
    iid = inc["id"]
    _, _, err = client.zwa.dlp_incidents.incident_notes(iid, notes="looked at it")
    assert err is None
    labelled, _, err = client.zwa.dlp_incidents.assign_labels(iid, labels=[{"key": "team", "value": "sec"}])
    assert err is None and labelled.labels[0].value == "sec"
    closed, _, err = client.zwa.dlp_incidents.incident_close(iid, resolution_code="FALSE_POSITIVE")
    assert err is None and closed.status == "CLOSED" and closed.closed_code == "FALSE_POSITIVE"
    bodies = [json.loads(r.body) for r in api_requests(sim, iid) if r.method == "POST"]
    assert bodies == [{"notes": "looked at it"}, {"labels": [{"key": "team", "value": "sec"}]},
                      {"resolutionCode": "FALSE_POSITIVE"}]
    (details,), _, err = client.zwa.dlp_incidents.get_incident_details(iid)
    assert err is None and details.status == "CLOSED" and details.notes[0].body == "looked at it"
    (by_tx,), _, err = client.zwa.dlp_incidents.get_incident_transactions("T-1")
    assert err is None and by_tx.id == iid
    _, _, err = client.zwa.dlp_incidents.get_incident_transactions("T-unknown")
    assert err is not None and err.status_code == 404
