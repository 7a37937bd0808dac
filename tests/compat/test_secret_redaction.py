"""The redaction authority itself: secret field names of the models, the registry of values."""

from __future__ import annotations

import json
import threading
from importlib import resources

import pytest

from zscaler import redaction
from zscaler.model import model_class
from zscaler.redaction import MASK, is_secret_key, register, scrub

ZCC_OTPS = ("otp", "exitOtp", "logoutOtp", "revertOtp", "uninstallOtp", "antiTemperingDisableOtp",
            "deceptionSettingsOtp", "zdpDisableOtp", "zdxDisableOtp", "ziaDisableOtp", "zpaDisableOtp")


def _model_keys() -> set[str]:
    surface = json.loads(resources.files("zscaler.compat").joinpath("official_surface.json").read_text())
    return {k for classes in surface["models"].values() for spec in classes.values()
            for f in spec.get("f", []) for k in f[:2] if isinstance(k, str)}


def test_every_credential_looking_model_field_was_reviewed():
    """No model field is called a secret by the fallback name pattern alone (each one it flags is
    on the reviewed secret list), and each reviewed secret name is a field of some model."""
    keys = _model_keys()
    assert len(keys) > 3000
    unreviewed = sorted(k for k in keys if is_secret_key(k) and redaction._normal(k) not in redaction.SECRET_FIELDS)
    assert not unreviewed
    assert redaction.SECRET_FIELDS <= {redaction._normal(k) for k in keys}


@pytest.mark.parametrize("key", ("preSharedKey", "pre_shared_key", "provisioningKey", "keyValue", "key_value",
                                 "xauthPassword", "psk", "exitPass", "zdxDisablePass", "clientSecret",
                                 "authenticationToken", "ziaSandboxApiToken", *ZCC_OTPS))
def test_secret_fields(key):
    assert is_secret_key(key)


@pytest.mark.parametrize("key", ("provisioningKeyId", "provisioning_key_name", "tokenExpiry", "bypassType",
                                 "bypassApps", "npAssistant", "passive", "passwordExpiryDays", "isPasswordExpired",
                                 "footprint", "keywords", "tagKey", "publicKey", "name"))
def test_not_secret_fields(key):
    assert not is_secret_key(key)


def test_ztw_api_key_and_zcc_otps_are_masked_in_model_reprs():
    key = model_class("ztw", "ApiKeys")({"id": 3, "keyValue": "ztw-key-value-0042", "enabled": True})
    otps = model_class("zcc", "OtpResponse")({k: f"otp-{i:08d}" for i, k in enumerate(ZCC_OTPS)})
    assert "ztw-key-value-0042" not in repr(key) and "'id': 3" in repr(key)
    assert not any(f"otp-{i:08d}" in repr(otps) + str(otps) for i in range(len(ZCC_OTPS)))
    assert key.key_value == "ztw-key-value-0042"  # the value itself stays readable


def test_registered_values_are_masked_by_value_in_every_spelling():
    opaque = "opaque/t0ken+value=with spaces"
    register(opaque)
    for text in (f"token {opaque} lacks scope", json.dumps({"m": opaque}), "x?t=opaque%2Ft0ken%2Bvalue%3Dwith%20spaces",
                 "t=opaque%2Ft0ken%2Bvalue%3Dwith+spaces"):
        out = scrub(text)
        assert "t0ken" not in out and MASK in out, out
    assert opaque not in repr(redaction._REGISTRY) and "values" in repr(redaction._REGISTRY)


def test_short_values_are_masked_as_words_only():
    register("hunter22")
    assert scrub("password hunter22 rejected") == f"password {MASK} rejected"
    assert scrub("hunter222 and xhunter22") == "hunter222 and xhunter22"


def test_pem_private_key_lines_are_masked_even_json_escaped():
    pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n"
    register(pem)
    assert "MIIEvQIBADANBgkq" not in scrub(json.dumps({"detail": f"bad key {pem}"}))
    assert "MIIEvQIBADANBgkq" not in scrub(f"key was {pem}")


def test_credential_shapes_are_masked_without_registration():
    text = scrub('Authorization: Bearer x9y8z7w6v5 Cookie: JSESSIONID=ABCDEF0123; t=eyJhbGciOi.eyJzdWIiOi.c2ln')
    assert "x9y8z7w6v5" not in text and "ABCDEF0123" not in text and "eyJzdWIiOi" not in text


def test_registry_is_safe_under_concurrent_registration_and_scrubbing():
    values = [f"concurrent-secret-{i:04d}-zz" for i in range(200)]
    errors: list[BaseException] = []

    def work(chunk: list[str]) -> None:
        try:
            for v in chunk:
                register(v)
                assert v not in scrub(f"echo {v} here")
        except BaseException as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(values[i::8],)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    text = scrub(" ".join(values))
    assert not any(v in text for v in values)


def test_configured_secrets_outlive_any_number_of_tokens():
    register("configured-secret-0001-kept")
    first_token = "ephemeral-token-00000-dropped"
    register(first_token, ephemeral=True)
    for i in range(redaction.MAX_EPHEMERAL + 10):
        register(f"ephemeral-token-{i + 1:05d}-later", ephemeral=True)
    text = scrub(f"configured-secret-0001-kept {first_token}")
    assert "configured-secret-0001-kept" not in text
    assert first_token in text  # the oldest token was dropped; the registry stays bounded
    assert len(redaction._REGISTRY) <= redaction.MAX_EPHEMERAL + len(redaction._REGISTRY._static)


def test_sdk_loggers_mask_registered_values_in_any_record(caplog):
    import logging

    import zscaler.transport  # noqa: F401 - installs the log filters
    from zscaler.transport.library_logs import SDK_LOGGERS

    register("logged-opaque-value-7731")
    with caplog.at_level(logging.DEBUG):
        for name in SDK_LOGGERS:
            logging.getLogger(name).warning("answer quoted %s for %s", "logged-opaque-value-7731", name)
    assert len(caplog.records) == len(SDK_LOGGERS)
    assert all("logged-opaque-value-7731" not in r.getMessage() and MASK in r.getMessage() for r in caplog.records)
