import httpx
import pytest

from zscaler.errors import RetryBudgetExceeded, TransportError
from zscaler.transport.pipeline import Request, RetryLayer, RetryPolicy, header_wait
from zscaler.transport.redact import redact_headers, redact_json_text


def resp(status, headers=None, content=b""):
    return httpx.Response(status, headers=headers or {}, content=content, request=httpx.Request("GET", "http://x/"))


@pytest.mark.parametrize("headers,wait", [
    ({"Retry-After": "3"}, 3.0), ({"retry-after": "4s"}, 4.0), ({"x-ratelimit-reset": "7"}, 7.0),
    ({"RateLimit-Reset": "2"}, 2.0), ({"X-Rate-Limit-Retry-After-Seconds": "9"}, 9.0), ({}, None),
])
def test_header_wait(headers, wait):
    assert header_wait(headers) == wait


def run(statuses, method="GET", **policy):
    sleeps = []
    seq = list(statuses)
    calls = []

    def nxt(req):
        calls.append(req)
        item = seq.pop(0)
        if isinstance(item, Exception):
            raise item
        return item

    p = RetryPolicy(sleep=sleeps.append, jitter=lambda: 1.0, **policy)
    out = RetryLayer(p)(Request(method, "http://x/zia/api/v1/users", product="zia"), nxt)
    return out, sleeps, calls


def test_429_honours_retry_after_then_succeeds():
    out, sleeps, calls = run([resp(429, {"Retry-After": "2"}), resp(200)])
    # the asked 2 s, lengthened by at most 10% + 0.1 s (jitter 1.0 here) so clients do not wake together
    assert out.status_code == 200 and sleeps == [pytest.approx(2.3)] and len(calls) == 2


def test_retries_are_bounded_by_max_retries():
    out, sleeps, calls = run([resp(503), resp(503), resp(503), resp(200)], max_retries=2, backoff_base=0.1)
    assert out.status_code == 503 and len(calls) == 3 and sleeps == [0.1, 0.2]


def test_post_is_not_retried_on_503_but_is_on_429():
    out, _, calls = run([resp(503), resp(200)], method="POST")
    assert out.status_code == 503 and len(calls) == 1
    out, _, calls = run([resp(429, {"Retry-After": "0"}), resp(200)], method="POST")
    assert out.status_code == 200 and len(calls) == 2


def test_connection_errors_retry_when_unsent_or_idempotent():
    out, _, calls = run([httpx.ConnectError("refused"), resp(200)], method="POST")
    assert out.status_code == 200 and len(calls) == 2
    with pytest.raises(TransportError, match="ReadError"):
        run([httpx.ReadError("reset"), resp(200)], method="POST")


def test_transport_error_after_budget_names_the_attempts():
    with pytest.raises(TransportError, match="after 3 attempts"):
        run([httpx.ConnectError("x")] * 3, backoff_base=0)


def test_wait_beyond_budget_fails_instead_of_sleeping():
    with pytest.raises(RetryBudgetExceeded, match="maxRetrySeconds=10"):
        run([resp(429, {"Retry-After": "600"}), resp(200)], max_wait_total=10)


def test_edit_lock_is_waited_out():
    lock = resp(409, content=b'{"code":"EDIT_LOCK_NOT_AVAILABLE"}')
    out, sleeps, _ = run([lock, lock, resp(200)], edit_lock_base=5)
    assert out.status_code == 200 and sleeps == [5.0, 10.0]


def test_backoff_is_capped_and_jittered():
    p = RetryPolicy(backoff_base=1, backoff_max=4, jitter=lambda: 0.0)
    assert [p.backoff(a) for a in range(5)] == [0.5, 1.0, 2.0, 2.0, 2.0]


def test_redaction():
    h = redact_headers({"Authorization": "Bearer abc", "Cookie": "JSESSIONID=1", "auth-token": "t",
                        "Content-Type": "application/json"})
    assert h == {"Authorization": "***REDACTED***", "Cookie": "***REDACTED***", "auth-token": "***REDACTED***",
                 "Content-Type": "application/json"}
    text = redact_json_text(b'{"name":"n","password":"pw1","nested":{"clientSecret":"cs","preSharedKey":"psk1"},'
                            b'"note":"Bearer tok123","t":"eyJhbGciOi.eyJzdWIiOi.sig"}')
    for secret in ("pw1", "cs", "psk1", "tok123", "eyJhbGciOi"):
        assert secret not in text
    assert '"name":"n"' in text
    assert "not logged" in redact_json_text(b"password=hunter2")
