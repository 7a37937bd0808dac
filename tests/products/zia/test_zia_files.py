"""ZIA file transfers: Cloud Sandbox submissions (streamed), certificate upload (multipart), downloads."""

from __future__ import annotations

import re

import hashlib

import pytest

from zscaler import ZscalerClient, catalog
from zscaler.binding import shape
from zscaler.catalog import zia_hooks

from helpers import api_requests


@pytest.fixture
def sample(tmp_path):
    path = tmp_path / "sample.exe"
    path.write_bytes(b"MZ" + bytes(range(256)) * 2000)  # ~0.5 MB
    return path


@pytest.fixture
def sandbox(sim):
    """A sandbox-only client (token and cloud, no OAuth credentials)."""
    c = ZscalerClient({"sandboxToken": sim.sandbox_token, "sandboxCloud": "zscalerbeta", "sandboxBaseUrl": sim.url,
                       "rateLimit": {"backoffBase": 0.01, "backoffMax": 0.02}})
    yield c
    c.close()


@pytest.mark.parametrize("force,flag", [(True, "1"), (False, "0")])
def test_submit_file_streams_the_file_to_the_sandbox_host(sim, sandbox, sample, force, flag):
    result, _, err = sandbox.zia.sandbox.submit_file(file_path=str(sample), force=force)
    assert err is None and result["md5"] == hashlib.md5(sample.read_bytes()).hexdigest()
    req = api_requests(sim, "/zscsb/")[-1]
    assert req.method == "POST" and req.path == "/zscsb/submit"
    assert req.query == {"force": [flag], "api_token": [sim.sandbox_token]}
    assert req.headers["content-type"] == "application/octet-stream"
    assert "authorization" not in req.headers and req.body == sample.read_bytes()
    assert [r for r in sim.requests if "/oauth2/" in r.path] == []  # a sandbox-only client needs no token


def test_submit_file_for_inspection_guesses_the_content_type(sim, sandbox, tmp_path):
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4 sample")
    result, _, err = sandbox.zia.sandbox.submit_file_for_inspection(str(pdf))
    assert err is None and result["md5"] == hashlib.md5(b"%PDF-1.4 sample").hexdigest()
    req = api_requests(sim, "/zscsb/")[-1]
    assert req.path == "/zscsb/discan" and req.headers["content-type"] == "application/pdf"
    assert req.query == {"api_token": [sim.sandbox_token]}


def test_the_hook_hands_the_open_file_to_the_transport_and_closes_it(client, sample):
    api = client.zia.sandbox
    op = catalog.load("zia").resource("sandbox").op("submit_file")
    call = shape(api, op, {"file_path": str(sample), "force": True})
    zia_hooks.sandbox_submit(call)
    handle = call.raw_body
    assert hasattr(handle, "read") and "b" in handle.mode and not handle.closed and handle.tell() == 0
    assert handle.read(4) == sample.read_bytes()[:4] and not handle.closed  # read in chunks, never whole
    assert call.after({"code": 200}, None) == {"code": 200}
    assert handle.closed


def test_submit_closes_the_file_after_an_error_answer(sim, sandbox, sample, monkeypatch):
    opened = []

    class Recorded(zia_hooks._StreamedFile):
        def __init__(self, path):
            super().__init__(path)
            opened.append(self)

    monkeypatch.setattr(zia_hooks, "_StreamedFile", Recorded)
    sim.fault(path="*/zscsb/submit", method="POST", status=400, times=1)
    _, _, err = sandbox.zia.sandbox.submit_file(file_path=str(sample))
    assert err is not None and err.status_code == 400
    assert len(opened) == 1 and opened[0].closed


def test_a_retried_submission_sends_the_whole_file_again(sim, sandbox, sample):
    sim.fault(path="*/zscsb/submit", method="POST", status=429, times=1, headers={"Retry-After": "0"})
    result, _, err = sandbox.zia.sandbox.submit_file(file_path=str(sample))
    assert err is None and result["md5"] == hashlib.md5(sample.read_bytes()).hexdigest()
    sent = api_requests(sim, "/zscsb/submit")
    assert len(sent) == 2 and sent[0].body == sent[1].body == sample.read_bytes()


def test_submit_file_refuses_a_missing_file_before_sending(sim, sandbox, tmp_path):
    with pytest.raises(ValueError, match="file_path: no such file"):
        sandbox.zia.sandbox.submit_file(file_path=str(tmp_path / "nope.exe"))
    with pytest.raises(ValueError, match="file_path is required"):
        sandbox.zia.sandbox.submit_file(file_path=None)
    assert api_requests(sim, "/zscsb/") == []


def test_sandbox_without_a_token_is_a_clear_error(sim, sample):
    client = ZscalerClient(sim.oneapi_config(sandboxToken=None))
    with pytest.raises(ValueError, match="sandboxToken is required"):
        client.zia.sandbox.submit_file(file_path=str(sample))
    client.close()


def test_sandbox_report_is_a_regular_zia_call(client, sim):
    client.zia.sandbox.get_report("d41d8cd98f00b204e9800998ecf8427e", report_details="full")
    req = api_requests(sim)[-1]
    assert req.path == "/zia/api/v1/sandbox/report/d41d8cd98f00b204e9800998ecf8427e"
    assert req.query == {"details": ["full"]} and req.headers["authorization"].startswith("Bearer ")


# ------------------------------------------------------------------ intermediate certificate upload

def _multipart(req):
    ctype = req.headers["content-type"]
    assert ctype.startswith("multipart/form-data; boundary=")
    boundary = ctype.split("boundary=", 1)[1].encode()
    parts = req.body.split(b"--" + boundary)
    assert parts[0] == b"" and parts[-1] == b"--\r\n" and len(parts) == 3
    head, _, content = parts[1].partition(b"\r\n\r\n")
    return head.decode(), content[:-2]


@pytest.mark.parametrize("source", ["path", "text", "file"])
def test_upload_cert_sends_one_multipart_part(client, sim, tmp_path, source):
    pem = b"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
    path = tmp_path / "intermediate.pem"
    path.write_bytes(pem)
    cert = client.zia.intermediate_certificates.add_ca_certificate(name="CA", key_type="RSA").unwrap()
    upload = client.zia.intermediate_certificates.upload_cert
    if source == "path":
        _, _, err = upload(cert.id, file_path=str(path))
    elif source == "text":
        _, _, err = upload(cert.id, file_input_stream=pem.decode())
    else:
        with open(path, "rb") as f:
            _, _, err = upload(cert.id, file_input_stream=f)
    assert err is None
    req = api_requests(sim, "/uploadCert/")[-1]
    assert req.method == "POST" and req.path == f"/zia/api/v1/intermediateCaCertificate/uploadCert/{cert.id}"
    head, content = _multipart(req)
    assert 'name="fileUpload"; filename="certificate.pem"' in head and content == pem


def test_upload_cert_needs_a_certificate(client):
    with pytest.raises(ValueError, match="'file_path' or 'file_input_stream' is required"):
        client.zia.intermediate_certificates.upload_cert(1)


# ------------------------------------------------------------------ downloads saved to a file

def test_downloads_are_saved_and_the_name_returned(client, sim, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = client.zia.ips_signature_rules.export_custom_ips_signatures()  # a bare str, as the official SDK
    assert isinstance(name, str) and re.fullmatch(r"custom-ips-signatures-\d{8}-\d\d_\d\d_\d\d\.csv", name)
    data = (tmp_path / name).read_bytes()
    assert data
    target = tmp_path / "sigs.txt"
    saved = client.zia.ips_signature_rules.export_custom_ips_signatures(filename=str(target))
    assert saved == str(target) and target.read_bytes() == data
    assert api_requests(sim)[-1].query == {}  # the file name is local, never sent
    out = tmp_path / "actions.json"
    saved, _, err = client.zia.outbound_email_dlp_rules.get_actions(output_file=str(out))
    assert err is None and saved == str(out) and out.exists() and api_requests(sim)[-1].query == {}


def test_policy_export_body_is_an_array_of_types(client, sim, tmp_path):
    client.zia.policy_export.policy_export()
    req = api_requests(sim, "/exportPolicies")[-1]
    assert req.json() == [] and req.headers["accept"] == "application/octet-stream"
    target = tmp_path / "policies.zip"
    saved, _, err = client.zia.policy_export.policy_export(policy_types=["URL_FILTERING", "FIREWALL"],
                                                           output_file=str(target))
    assert err is None and saved == str(target) and target.exists()
    assert api_requests(sim, "/exportPolicies")[-1].json() == ["URL_FILTERING", "FIREWALL"]
