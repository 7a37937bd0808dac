"""The simulator under abuse, over real loopback sockets: slow clients, oversized heads and
bodies, hostile JSON, encoded ids, broken lengths, nonsense seeding. Every answer is a clean
HTTP error with a JSON body (or a closed connection), never a hang, a 500 or a traceback."""

from __future__ import annotations

import json
import socket

import httpx
import pytest

from zscaler.simulator import Simulator

from simhelpers import get_token, zpa

WAIT = 20  # seconds a socket read may block before the test gives up (a safety net, not a measurement)


@pytest.fixture(scope="module")
def sim():
    with Simulator(catalogs=["zpa"]) as s:
        yield s


@pytest.fixture(scope="module")
def token(sim) -> str:
    return get_token(sim)


def _exchange(sim, data: bytes) -> bytes:
    """Send ``data`` on a fresh connection and read until the server closes it."""
    with socket.create_connection((sim.host, sim.port), timeout=WAIT) as s:
        s.sendall(data)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _status_and_json(raw: bytes) -> tuple[int, dict]:
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), json.loads(body)


# -- slow clients ------------------------------------------------------------------------
def test_a_request_head_that_never_ends_gets_408_and_the_connection_closes():
    with Simulator(catalogs=["zpa"], header_timeout=0.3) as slow:
        raw = _exchange(slow, b"GET /zpa HTTP/1.1\r\nHost: x\r\n")  # no blank line: the head never ends
    status, body = _status_and_json(raw)
    assert status == 408 and "in time" in body["message"]


def test_an_idle_keep_alive_connection_is_closed():
    with Simulator(catalogs=["zpa"], idle_timeout=0.3) as idle:
        with socket.create_connection((idle.host, idle.port), timeout=WAIT) as s:
            s.sendall(b"GET /_sim/info HTTP/1.1\r\nHost: x\r\n\r\n")
            first = s.recv(65536)
            rest = b""
            while chunk := s.recv(65536):  # returns b"" once the server closes the idle connection
                rest += chunk
    assert first.startswith(b"HTTP/1.1 200") and rest == b""


def test_default_timeouts_are_generous_and_configurable():
    with Simulator(catalogs=["zpa"]) as s:
        assert (s.limits.header_timeout, s.limits.idle_timeout) == (30.0, 120.0)
    with pytest.raises(ValueError, match="idle_timeout"):
        Simulator(catalogs=["zpa"], idle_timeout=0)


# -- heads -------------------------------------------------------------------------------
def test_a_request_line_longer_than_the_limit_gets_414(sim):
    status, body = _status_and_json(_exchange(sim, b"GET /" + b"a" * 9000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"))
    assert status == 414 and body["message"] == "request line too long"


def test_a_header_field_larger_than_the_limit_gets_431(sim):
    raw = _exchange(sim, b"GET /_sim/info HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 9000 + b"\r\n\r\n")
    status, body = _status_and_json(raw)
    assert status == 431 and body["message"] == "header field too large"


def test_too_many_header_fields_get_431(sim):
    fields = b"".join(b"X-F%d: v\r\n" % i for i in range(150))
    status, body = _status_and_json(_exchange(sim, b"GET /_sim/info HTTP/1.1\r\nHost: x\r\n" + fields + b"\r\n"))
    assert status == 431 and body["message"] == "too many header fields"


def test_a_huge_head_is_refused_before_it_is_read_whole(sim):
    """20 MB of header lines: answered 431 once the head passes the limit (64 KiB), not buffered."""
    with socket.create_connection((sim.host, sim.port), timeout=WAIT) as s:
        s.sendall(b"GET /_sim/info HTTP/1.1\r\nHost: x\r\n")
        line = b"X-Pad: " + b"p" * 1000 + b"\r\n"
        sent = 0
        try:
            while sent < 20_000_000:
                s.sendall(line * 64)
                sent += len(line) * 64
        except OSError:  # the server answered and closed while we were still sending
            pass
        answer = s.recv(65536)
    assert sent < 20_000_000 and answer.startswith(b"HTTP/1.1 431")


# -- bodies and lengths ------------------------------------------------------------------
def test_a_body_larger_than_the_limit_gets_413_without_being_read(sim):
    raw = _exchange(sim, b"POST /_sim/seed HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\n")
    status, body = _status_and_json(raw)
    assert status == 413 and body["message"] == "body too large"


@pytest.mark.parametrize("length", [b"-1", b"abc", b"+5", b"5, 5", b"0x10", b""])
def test_a_content_length_that_is_not_a_plain_number_gets_400(sim, length):
    raw = _exchange(sim, b"POST /_sim/reset HTTP/1.1\r\nHost: x\r\nContent-Length: " + length + b"\r\n\r\n{}}}}")
    status, body = _status_and_json(raw)
    assert status == 400 and "Content-Length" in body["message"]


def test_json_nested_too_deep_gets_400_with_a_json_error(sim, token):
    deep = b"[" * 100_000 + b"]" * 100_000
    r = httpx.post(sim.url + zpa(sim, "/segmentGroup"), content=deep, timeout=WAIT,
                   headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    assert r.status_code == 400 and "deeper than" in r.json()["reason"]  # the ZPA error envelope
    r = httpx.post(sim.url + "/_sim/faults", content=b'{"a":' * 50_000 + b"1" + b"}" * 50_000, timeout=WAIT)
    assert r.status_code == 400 and "deeper than" in r.json()["message"]


def test_json_nested_a_little_is_still_accepted(sim, token):
    body = {"name": "nested", "description": "[[[{{ not brackets }}]]]" * 200, "x": [[[[{"y": [1]}]]]]}
    r = httpx.post(sim.url + zpa(sim, "/segmentGroup"), json=body, headers={"Authorization": "Bearer " + token})
    assert r.status_code == 201 and r.json()["x"] == [[[[{"y": [1]}]]]]  # ZPA creates answer 201


# -- ids ---------------------------------------------------------------------------------
def test_an_encoded_slash_in_an_id_is_part_of_the_id(sim, token):
    r = httpx.get(sim.url + zpa(sim, "/segmentGroup/a%2Fb"), headers={"Authorization": "Bearer " + token})
    assert r.status_code == 404 and "a/b" in r.json()["reason"]


def test_an_id_with_encoded_characters_is_found(sim, token):
    """Percent-decoding happens per segment after routing: stored ids with odd characters still match."""
    sim.seed(None, None, 1, path=zpa(sim, "/segmentGroup"), id="x y/z")
    r = httpx.get(sim.url + zpa(sim, "/segmentGroup/x%20y%2Fz"), headers={"Authorization": "Bearer " + token})
    assert r.status_code == 200 and r.json()["id"] == "x y/z"


# -- seeding -----------------------------------------------------------------------------
@pytest.mark.parametrize("count", [-5, 2.5, True, "3"])
def test_seeding_a_count_that_is_not_a_whole_number_is_refused(sim, count):
    with pytest.raises(ValueError, match="count must be a whole number"):
        sim.seed("zpa", "segment_groups", count)


@pytest.mark.parametrize("count", [-5, 2.5, True])
def test_the_control_api_refuses_a_negative_or_odd_seed_count(sim, count):
    r = httpx.post(sim.url + "/_sim/seed", json={"product": "zpa", "resource": "segment_groups", "count": count})
    assert r.status_code == 400 and "count" in r.json()["message"]
    assert httpx.post(sim.url + "/_sim/seed", json={"product": "zpa", "resource": "segment_groups",
                                                    "count": 0}).json()["count"] == 0


def test_the_command_takes_the_timeouts():
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "zscaler.simulator", "--port", "0", "--json", "--idle-timeout", "0.3"],
                            stdout=subprocess.PIPE, text=True)
    try:
        url = json.loads(proc.stdout.readline())["url"]
        host, port = url.rsplit("/", 1)[1].split(":")
        with socket.create_connection((host, int(port)), timeout=WAIT) as s:
            s.sendall(b"GET /_sim/info HTTP/1.1\r\nHost: x\r\n\r\n")
            first = s.recv(65536)
            rest = b""
            while chunk := s.recv(65536):
                rest += chunk
    finally:
        proc.terminate()
        proc.wait(WAIT)
    assert first.startswith(b"HTTP/1.1 200") and rest == b""
