"""One OAuth token per (token URL, client id, secret or key) in a process, shared by every client."""

from __future__ import annotations

import threading

from zscaler import ZscalerClient
from zscaler.auth.oneapi import OneAPITokenProvider, credential_fingerprint, shared_token_state

from helpers import FAST_RETRY, api_requests, token_requests


def _client(sim, **extra):
    return ZscalerClient(sim.oneapi_config(**FAST_RETRY, **extra))


def test_two_clients_with_equal_credentials_fetch_one_token(sim):
    a, b = _client(sim), _client(sim)
    a.zpa.segment_groups.list_groups().unwrap()
    b.zpa.segment_groups.list_groups().unwrap()
    assert len(token_requests(sim)) == 1
    used = {r.headers["authorization"] for r in api_requests(sim)}
    assert len(used) == 1 and used.pop().startswith("Bearer ")
    assert a.get_request_executor().provider.fetch_count == 1


def test_closing_a_client_keeps_the_shared_token(sim):
    a, b = _client(sim), _client(sim)
    a.zpa.segment_groups.list_groups().unwrap()
    a.close()
    b.zpa.segment_groups.list_groups().unwrap()
    c = _client(sim)  # built after the close, same credentials
    c.zpa.segment_groups.list_groups().unwrap()
    assert len(token_requests(sim)) == 1
    assert len(api_requests(sim)) == 3


def test_many_clients_on_many_threads_fetch_one_token(sim):
    clients = [_client(sim) for _ in range(4)]
    start = threading.Barrier(8)
    failures: list[BaseException] = []

    def work(i: int) -> None:
        start.wait()
        try:
            for k in range(4):
                clients[(i + k) % 4].zpa.segment_groups.list_groups().unwrap()
        except BaseException as e:  # noqa: BLE001 - reported below
            failures.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []
    assert len(token_requests(sim)) == 1
    assert len(api_requests(sim)) == 32


def test_opt_out_fetches_a_token_per_client(sim, monkeypatch):
    a, b = _client(sim, shareToken=False), _client(sim, shareToken=False)
    a.zpa.segment_groups.list_groups().unwrap()
    b.zpa.segment_groups.list_groups().unwrap()
    assert len(token_requests(sim)) == 2
    monkeypatch.setenv("ZSCALER_SHARE_TOKEN", "false")
    c = _client(sim)
    c.zpa.segment_groups.list_groups().unwrap()
    assert len(token_requests(sim)) == 3
    assert c.get_request_executor().provider.shared is False


def test_a_401_refreshes_the_shared_token_once_for_all_clients(sim):
    a, b = _client(sim), _client(sim)
    a.zpa.segment_groups.list_groups().unwrap()
    b.zpa.segment_groups.list_groups().unwrap()
    sim.expire_tokens()
    for c in (a, b, a, b):
        groups, _, err = c.zpa.segment_groups.list_groups()
        assert err is None and groups == []
    assert len(token_requests(sim)) == 2  # the first one, and one refresh for both clients
    statuses = [r.status for r in api_requests(sim)]
    assert statuses.count(401) == 1


def test_other_credentials_get_their_own_token(sim):
    a = _client(sim)
    b = _client(sim, clientSecret=None, privateKey=sim.private_key_pem)
    a.zpa.segment_groups.list_groups().unwrap()
    b.zpa.segment_groups.list_groups().unwrap()
    a.zpa.segment_groups.list_groups().unwrap()
    b.zpa.segment_groups.list_groups().unwrap()
    assert len(token_requests(sim)) == 2


def test_the_store_key_never_holds_the_secret():
    secret = "s3cr3t-value-that-must-not-leak"
    fp = credential_fingerprint("secret:" + secret)
    assert secret not in fp and fp == credential_fingerprint("secret:" + secret)
    assert fp != credential_fingerprint("secret:other")
    state = shared_token_state("https://t.example/oauth2/v1/token", "cid", "secret:" + secret)
    assert state is shared_token_state("https://t.example/oauth2/v1/token", "cid", "secret:" + secret)
    provider = OneAPITokenProvider(token_url="https://t.example/oauth2/v1/token", client_id="cid",
                                   client_secret=secret, http=lambda: None, user_agent="ua")  # type: ignore[arg-type]
    assert secret not in repr(provider) and secret not in repr(state)
