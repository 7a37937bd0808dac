"""ZIdentity through the client and the simulator: next_link paging, envelopes, membership, README."""

from __future__ import annotations

import json

import pytest
from helpers import FAST_RETRY, api_requests

from zscaler import ZscalerClient
from zscaler.catalog.zid_hooks import RecordsPage, id_list_body

USERS = "/ziam/admin/api/v1/users"
GROUPS = "/ziam/admin/api/v1/groups"


def test_listing_is_the_envelope_and_the_list_of_records(client, sim):
    sim.seed("zid", "users", 3, status=True)
    users, resp, err = client.zidentity.users.list_users()
    assert err is None and type(users).__name__ == "Users" and isinstance(users, RecordsPage)
    assert len(users) == 3 and users.results_total == 3 and users.next_link is None
    assert [u.name for u in users] == [u.name for u in users.records] == [f"users-{i:06d}" for i in range(3)]
    assert type(users[0]).__name__ == "UserRecord" and users["results_total"] == 3
    assert users.as_dict()["records"][1]["name"] == "users-000001"
    assert not resp.has_next()


def test_next_link_paging_has_next_next_and_iteration(client, sim):
    sim.seed("zid", "users", 25)
    users, resp, err = client.zid.users.list_users(query_params={"limit": 10})
    assert err is None and len(users) == 10 and users.results_total == 25 and resp.has_next()
    assert users.next_link.endswith("/ziam/admin/api/v1/users?offset=10&limit=10")
    more, _, err = resp.next()
    assert err is None and [u.name for u in more] == [f"users-{i:06d}" for i in range(10, 20)]
    last, _, err = resp.next()
    assert err is None and len(last) == 5 and not resp.has_next()
    with pytest.raises(StopIteration):
        resp.next()
    assert [(r.query.get("offset"), r.query.get("limit")) for r in api_requests(sim, USERS)] == [
        (None, ["10"]), (["10"], ["10"]), (["20"], ["10"])]

    _, resp, _ = client.zid.users.list_users(query_params={"limit": 10})
    assert len([u["name"] for u in resp]) == 25  # iterating the response follows next_link
    everything, _, err = client.zid.users.list_users(query_params={"limit": 10, "max_items": 25})
    assert err is None and len(everything) == 25 and everything.results_total == 25


def test_filters_are_camel_cased_and_honoured(client, sim):
    sim.seed("zid", "users", 2, loginName="jdoe@acme.com")
    sim.seed("zid", "users", 3, loginName="other@acme.com")
    users, _, err = client.zid.users.list_users(query_params={"login_name[like]": "JDOE"})
    assert err is None and len(users) == 2 and users.results_total == 2
    (req,) = api_requests(sim, USERS)
    assert req.query == {"loginName[like]": ["JDOE"]}


def test_group_membership(client, sim):
    users = sim.seed("zid", "users", 3)
    group, _, err = client.zid.groups.add_group(name="Engineering", description="eng")
    assert err is None
    gid = group.id
    _, _, err = client.zid.groups.add_users_to_group(gid, id=[u["id"] for u in users[:2]])
    assert err is None
    (req,) = api_requests(sim, f"{gid}/users")
    assert json.loads(req.body) == [{"id": users[0]["id"]}, {"id": users[1]["id"]}]
    _, _, err = client.zid.groups.add_user_to_group(gid, users[2]["id"])
    assert err is None
    members, _, err = client.zid.groups.list_group_users_details(gid)
    assert err is None and sorted(m.id for m in members) == sorted(u["id"] for u in users)
    groups_of, _, err = client.zid.users.list_user_group_details(users[2]["id"])
    assert err is None and [g.name for g in groups_of] == ["Engineering"]
    _, _, err = client.zid.groups.remove_user_from_group(gid, users[2]["id"])
    assert err is None
    _, _, err = client.zid.groups.replace_users_groups(gid, id=[users[2]["id"]])
    assert err is None
    members, _, _ = client.zid.groups.list_group_users_details(gid)
    assert [m.id for m in members] == [users[2]["id"]]
    _, _, err = client.zid.groups.list_group_users_details("no-such-group")
    assert err is not None and err.status_code == 404


def test_id_list_body_rules():
    class FakeCall:
        def __init__(self, body):
            self.body = body

    call = FakeCall({"id": ["a", {"id": "b"}]})
    id_list_body(call)
    assert call.body == [{"id": "a"}, {"id": "b"}]
    call = FakeCall({"id": "a"})  # a single id stays the keyword body, as the official SDK sends it
    id_list_body(call)
    assert call.body == {"id": "a"}
    with pytest.raises(ValueError, match="id"):
        id_list_body(FakeCall({"id": [{"name": "x"}]}))
    with pytest.raises(TypeError, match="id"):
        id_list_body(FakeCall({"id": [1.5]}))


def test_groups_crud_and_listing(client, sim):
    created, _, err = client.zid.groups.add_group(name="Ops", admin_entitlement_enabled=True)
    assert err is None
    assert json.loads(api_requests(sim, GROUPS)[0].body) == {"name": "Ops", "adminEntitlementEnabled": True}
    sim.seed("zid", "groups", 2, isDynamicGroup=True)
    groups, _, err = client.zid.groups.list_groups(query_params={"exclude_dynamic_groups": True})
    assert err is None and [g.name for g in groups] == ["Ops"]
    assert api_requests(sim, GROUPS)[-1].query == {"excludeDynamicGroups": ["True"]}  # as Python renders it


def test_rate_limit_headers_of_ziam(client, sim):
    import httpx

    client.zid.users.list_users()  # get a token
    auth = api_requests(sim, USERS)[0].headers["authorization"]
    sim.rate_limit("zid", 1)
    with httpx.Client(base_url=sim.url, headers={"Authorization": auth}) as http:
        answers = [http.get(USERS) for _ in range(3)]
    limited = next(r for r in answers if r.status_code == 429)
    assert limited.headers["x-ratelimit-remaining"] == "0" and int(limited.headers["x-ratelimit-reset"]) >= 1
    assert limited.headers["retry-after"] == limited.headers["x-ratelimit-reset"]
    ok = answers[0]
    assert ok.status_code == 200 and "x-ratelimit-limit" in ok.headers


@pytest.mark.parametrize("auth", ["secret", "private_key"])
def test_readme_zidentity_examples(sim, capsys, auth):
    """The README's two ZIdentity examples (client secret, private key), config pointed at the simulator."""
    sim.seed("zid", "groups", 4)
    overrides = {"logging": {"enabled": False, "verbose": False}}
    if auth == "private_key":
        overrides.update(clientSecret=None, privateKey=sim.private_key_pem)
    config = sim.oneapi_config(**overrides)

    def main():
        with ZscalerClient(config) as client:
            users, _, error = client.zidentity.groups.list_groups()
            if error:
                print(f"Error listing users: {error}")
                return
            print(f"Total users found: {len(users)}")

    main()
    assert capsys.readouterr().out == "Total users found: 4\n"
    token = [r for r in sim.requests if r.path == "/oauth2/v1/token"][-1].body.decode()
    assert ("client_assertion=" in token) == (auth == "private_key")


def test_rate_limited_retries_stay_fast(sim):
    with ZscalerClient(sim.oneapi_config(**FAST_RETRY)) as client:
        sim.fault(path=GROUPS, status=503, times=1)
        _, _, err = client.zid.groups.list_groups()
        assert err is None


def test_identity_host_next_link_is_followed_on_the_gateway(client, sim):
    """Real next_link values point at the identity host without the /ziam prefix; only their query counts."""
    sim.seed("zid", "users", 3)
    first = sim.items(USERS)[:2]
    sim.fault(path=USERS, method="GET", status=200, times=1, body={
        "records": first, "results_total": 3, "pageOffset": 0, "pageSize": 2,
        "next_link": "https://acme.zslogin.net/admin/api/v1/users?offset=2&limit=2", "prev_link": None})
    users, resp, err = client.zid.users.list_users(query_params={"limit": 2})
    assert err is None and len(users) == 2 and resp.has_next()
    more, _, err = resp.next()
    assert err is None and [u.name for u in more] == ["users-000002"] and not resp.has_next()
    follow = api_requests(sim, USERS)[-1]
    assert follow.path == USERS and follow.query == {"limit": ["2"], "offset": ["2"]}
