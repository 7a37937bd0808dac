"""LegacyZIAClient passes sandboxToken/sandboxCloud on (the official one accepts and drops them)."""

from zscaler import ZscalerClient
from zscaler.oneapi_client import LegacyZIAClient
from zscaler.transport.urls import sandbox_base_url


def test_legacy_zia_submits_to_the_sandbox_and_stages_nothing(sim, tmp_path):
    sample = tmp_path / "sample.exe"
    sample.write_bytes(b"MZ" + b"\0" * 4096)
    with LegacyZIAClient(sim.legacy_config("zia")) as client:
        report, _, err = client.zia.sandbox.submit_file(str(sample))
        assert err is None and report["code"] == 200
        assert client._executor.written == set()  # a file submission is not a ZIA configuration change
    assert sim.activations["zia"] == 0
    (sub,) = [r for r in sim.requests if r.path == "/zscsb/submit"]
    assert sub.query["api_token"] == [sim.sandbox_token] and "authorization" not in sub.headers
    assert sub.body == sample.read_bytes()


def test_legacy_zia_sandbox_cloud_names_the_host(sim):
    cfg = sim.legacy_config("zia", sandboxBaseUrl=None, sandboxCloud="zscalerbeta")
    with LegacyZIAClient(cfg) as client:
        assert client._executor.sandbox_base_url == sandbox_base_url("zscalerbeta")


def test_oneapi_sandbox_only_client_does_not_end_a_session(sim, tmp_path):
    sample = tmp_path / "s.bin"
    sample.write_bytes(b"x" * 10)
    with ZscalerClient(sim.oneapi_config()) as client:
        assert client.zia.sandbox.submit_file(str(sample)).error is None
    assert not [r for r in sim.requests if r.method == "DELETE"]


def test_sandbox_token_never_in_errors_or_logs(sim, tmp_path):
    import io
    import logging

    sample = tmp_path / "s.bin"
    sample.write_bytes(b"x" * 10)
    sim.fault("/zscsb/submit", status=400, times=1, body={"code": 400, "message": "bad file"})
    cfg = sim.oneapi_config(logging={"enabled": True, "verbose": True})
    lines = io.StringIO()
    handler = logging.StreamHandler(lines)
    logger = logging.getLogger("zscaler")
    with ZscalerClient(cfg) as client:
        logger.addHandler(handler)  # the SDK's own logger (it never propagates to the root)
        try:
            _, _, err = client.zia.sandbox.submit_file(str(sample))
        finally:
            logger.removeHandler(handler)
    assert err is not None and err.status == 400
    assert sim.sandbox_token not in str(err) and sim.sandbox_token not in repr(err)
    assert "api_token=***" in str(err)
    log = lines.getvalue()
    assert "/zscsb/submit" in log and sim.sandbox_token not in log
