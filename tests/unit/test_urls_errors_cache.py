import subprocess
import sys

import httpx
import pytest

from zscaler.errors import (AuthenticationError, ConflictError, EditLockError, NotFoundError, PermissionDeniedError,
                            RateLimitError, ServerError, ValidationError, ZscalerAPIError, api_error, safe_url)
from zscaler.transport.pipeline import CacheLayer, Request
from zscaler.transport.urls import legacy_base_url, oneapi_base_url, oneapi_token_url, product_of


@pytest.mark.parametrize("cloud,token,gateway", [
    (None, "https://acme.zslogin.net/oauth2/v1/token", "https://api.zsapi.net"),
    ("PRODUCTION", "https://acme.zslogin.net/oauth2/v1/token", "https://api.zsapi.net"),
    ("beta", "https://acme.zsloginbeta.net/oauth2/v1/token", "https://api.beta.zsapi.net"),
    ("gov", "https://acme.zidentitygov.net/oauth2/v1/token", "https://api.zscalergov.net"),
    ("GovUS", "https://acme.zidentitygov.us/oauth2/v1/token", "https://api.zscalergov.us"),
    ("alpha", "https://acme.zsloginalpha.net/oauth2/v1/token", "https://api.alpha.zsapi.net"),
])
def test_oneapi_urls_per_cloud(cloud, token, gateway):
    assert oneapi_token_url("acme", cloud) == token
    assert oneapi_base_url(cloud) == gateway


def test_legacy_urls():
    assert legacy_base_url("zia", "zscalertwo") == "https://zsapi.zscalertwo.net"
    assert legacy_base_url("zia", "zspreview") == "https://admin.zspreview.net"
    assert legacy_base_url("ztw", "zscaler") == "https://connector.zscaler.net"
    assert legacy_base_url("zpa", "production") == "https://config.private.zscaler.com"
    assert legacy_base_url("zcc", "zscalerten") == "https://mobile6.zscalerten.net"
    assert legacy_base_url("zdx", "zdxcloud") == "https://api.zdxcloud.net"
    assert legacy_base_url("zwa", "us1") == "https://api.us1.zsworkflow.net"
    with pytest.raises(ValueError, match="accepted: PRODUCTION, ZPATWO"):
        legacy_base_url("zpa", "mars")


def test_product_detection():
    assert product_of("/zpa/mgmtconfig/v1/admin/customers/1/segmentGroup") == "zpa"
    assert product_of("/zia/api/v1/users") == "zia"
    assert product_of("/ziam/admin/api/v1/groups") == "zid"
    assert product_of("/zscsb/submit") == "zia"
    assert product_of("/nothing") is None


@pytest.mark.parametrize("status,body,cls", [
    (400, {"code": "INVALID"}, ValidationError), (401, {"detail": "unauthorized"}, AuthenticationError),
    (403, {}, PermissionDeniedError), (404, {"id": "resource.not.found", "reason": "gone"}, NotFoundError),
    (409, {"code": "EDIT_LOCK_NOT_AVAILABLE"}, EditLockError), (409, {"code": "DUPLICATE"}, ConflictError),
    (429, {"message": "Rate Limit (1/SECOND) exceeded"}, RateLimitError), (502, "bad gateway", ServerError),
    (418, None, ZscalerAPIError),
])
def test_error_classes_by_status(status, body, cls):
    e = api_error(status, body, method="GET", url="https://h/x?api_token=SECRET&page=2")
    assert type(e) is cls and isinstance(e, ZscalerAPIError) and e.status_code == status
    assert "SECRET" not in str(e) and "page=2" in str(e)


def test_error_fields_from_zpa_body():
    e = api_error(404, {"id": "resource.not.found", "reason": "Segment group not found"}, method="GET", url="u")
    assert e.error_code == "resource.not.found" and e.error_message == "Segment group not found"
    assert str(e) == "HTTP 404 resource.not.found Segment group not found (GET u)"


def test_safe_url_masks_credential_query_values():
    assert safe_url("https://h/p?api_token=abc&search=x") == "https://h/p?api_token=***&search=x"


def test_cache_expiry_by_ttl_and_tti():
    now = [0.0]
    cache = CacheLayer(ttl=100, tti=10, clock=lambda: now[0])
    calls = []

    def nxt(req):
        calls.append(req)
        return httpx.Response(200, json={"n": len(calls)}, request=httpx.Request(req.method, req.url))

    req = Request("GET", "http://h/zpa/x")
    for t in (0, 5, 14, 23):  # each read within 10s of the previous keeps it alive
        now[0] = t
        cache(req, nxt)
    assert len(calls) == 1
    now[0] = 40  # idle for 17s: expired
    cache(req, nxt)
    assert len(calls) == 2
    for t in (45, 50, 55, 60, 65, 70, 75, 80, 85, 90, 95, 100, 105, 110, 115, 120, 125, 130, 135, 141):
        now[0] = t
        cache(req, nxt)
    assert len(calls) == 3  # alive by use, but the 100s time-to-live ended it at 140


def test_import_is_lazy():
    code = ("import sys, zscaler; assert 'zscaler.catalog.zia' not in sys.modules; "
            "assert 'zscaler.catalog.zpa' not in sys.modules; assert 'httpx' not in sys.modules; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_product_of_every_prefix_and_long_paths():
    from zscaler import catalog
    from zscaler.transport.urls import product_of

    pairs = [(path, name) for name in catalog.products() for path in catalog.facts(name).paths]
    assert ("/zscsb", "zia") in pairs and ("/ziam/admin/api/v1", "zid") in pairs and len(pairs) >= 15
    for prefix, product in pairs:
        assert product_of(prefix) == product and product_of(prefix + "/") == product
        assert product_of(prefix + "/" + "x/" * 40 + "123") == product
        assert product_of(prefix + "x/y") is None  # whole segments only
    assert product_of("/zpa") == "zpa" and product_of("/zpax/y") is None and product_of("/") is None
    assert product_of("/zcell/config/api/v2/x") is None  # a prefix longer than the head is still compared whole
