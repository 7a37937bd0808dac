"""Clients share one SSL context for the default ``verify`` (loading the CA bundle once per process, not
~20 ms per client), and build their own for anything else or other CA settings."""

from __future__ import annotations

import ssl

import certifi
import pytest

from zscaler.transport.executor import shared_verify


def test_default_verify_is_one_context_per_ca_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    first = shared_verify(True, True)
    assert isinstance(first, ssl.SSLContext) and first.verify_mode == ssl.CERT_REQUIRED and first.check_hostname
    assert shared_verify(True, True) is first
    monkeypatch.setenv("SSL_CERT_FILE", certifi.where())  # honoured as httpx honours it, in its own context
    other = shared_verify(True, True)
    assert other is not first and shared_verify(True, False) is not other


@pytest.mark.parametrize("given", [False, "/etc/ssl/certs/ca.pem"])
def test_other_verify_values_pass_through(given: object) -> None:
    assert shared_verify(given, True) is given
    ctx = ssl.create_default_context()
    assert shared_verify(ctx, True) is ctx
