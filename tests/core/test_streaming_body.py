"""Raw bodies can be streamed from a file (rewound for a retry) or an iterator (never retried)."""

import pytest

from zscaler import ZscalerClient
from zscaler.errors import ZscalerAPIError

from helpers import FAST_RETRY, api_requests

PAYLOAD = bytes(range(256)) * 1024  # 256 KiB, several chunks


@pytest.fixture
def upload_client(sim):
    with ZscalerClient(sim.oneapi_config(**FAST_RETRY)) as c:
        yield c


def test_file_body_is_streamed_whole(upload_client, sim, tmp_path):
    f = tmp_path / "blob.bin"
    f.write_bytes(PAYLOAD)
    with open(f, "rb") as fh:
        resp = upload_client._executor.send("POST", "/zscsb/submit", raw_body=fh)
    assert resp.status_code < 500
    got = api_requests(sim, "/zscsb/submit")
    assert got[-1].body == PAYLOAD


def test_file_body_is_rewound_for_a_retry(upload_client, sim, tmp_path):
    f = tmp_path / "blob.bin"
    f.write_bytes(PAYLOAD)
    sim.fault("/zscsb/submit", status=429, times=1, headers={"Retry-After": "0"})
    with open(f, "rb") as fh:
        fh.read(10)  # the body starts where the caller left the file
        upload_client._executor.send("POST", "/zscsb/submit", raw_body=fh)
    got = api_requests(sim, "/zscsb/submit")
    assert len(got) == 2
    assert got[0].body == got[1].body == PAYLOAD[10:]


def test_iterator_body_is_not_retried(upload_client, sim):
    sim.fault("/zscsb/submit", status=429, times=1, headers={"Retry-After": "0"})
    with pytest.raises(ZscalerAPIError) as info:
        upload_client._executor.send("POST", "/zscsb/submit", raw_body=iter([b"ab", b"cd"]))
    assert info.value.status == 429
    assert len(api_requests(sim, "/zscsb/submit")) == 1


def test_text_mode_file_is_refused(upload_client, tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("x")
    with open(f) as fh, pytest.raises(TypeError, match="binary mode"):
        upload_client._executor.send("POST", "/zscsb/submit", raw_body=fh)
