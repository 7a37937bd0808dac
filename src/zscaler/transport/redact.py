"""Redaction for log lines.

Headers are an allow-list: only the names below are logged with their values, every other
header value is masked. JSON bodies mask the value of every key that names a credential
(:func:`zscaler.redaction.is_secret_key`), at any depth, and inside every string any secret the
client holds (:func:`zscaler.redaction.scrub`: registered values, bearer tokens, session cookies,
JWTs). Text that is not JSON is not logged at all, only its size.
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from ..redaction import MASK as MASK, redact, scrub

SAFE_HEADERS = frozenset(
    h.lower()
    for h in (
        "Accept", "Accept-Encoding", "Content-Type", "Content-Length", "User-Agent", "Date", "Connection",
        "x-partner-id", "microtenantId", "Retry-After", "x-ratelimit-limit", "x-ratelimit-remaining",
        "x-ratelimit-reset", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset",
        "X-Rate-Limit-Remaining", "X-Rate-Limit-Retry-After-Seconds", "x-oneapi-request-id", "x-oneapi-host",
        "x-oneapi-version", "x-transaction-id", "Host", "Server", "Location", "Transfer-Encoding",
    )
)


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: (scrub(v) if k.lower() in SAFE_HEADERS else MASK) for k, v in headers.items()}


def redact_value(value: Any) -> Any:
    """A JSON-like value with secret fields masked and every string scrubbed."""
    return redact(value)


def redact_json_text(content: bytes | str | None, limit: int = 4000) -> str:
    if not content:
        return "-"
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return f"<{len(content)} bytes, not JSON: not logged>"
    text = json.dumps(redact_value(data), separators=(",", ":"))
    return text if len(text) <= limit else text[:limit] + f"...<{len(text) - limit} more chars>"
