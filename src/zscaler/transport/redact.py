"""Redaction for log lines.

Headers are an allow-list: only the names below are logged with their values, every other
header value is masked. JSON bodies mask the value of every key that names a credential
(password, secret, token, key material, cookie, pre-shared key...), at any depth, and any
string that looks like a JWT. Text that is not JSON is not logged at all, only its size.
"""

from __future__ import annotations

import json
import re
from typing import Any, Mapping

from ..model import is_secret_key

MASK = "***REDACTED***"

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

_JWT = re.compile(r"eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*")
_SECRET_HINT = re.compile(r"(?i)(bearer\s+\S+|jsessionid=[^;\s]+)")


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    return {k: (v if k.lower() in SAFE_HEADERS else MASK) for k, v in headers.items()}


def redact_value(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (MASK if isinstance(k, str) and is_secret_key(k) and not isinstance(v, (dict, list, bool))
                    else redact_value(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_value(v) for v in value]
    if isinstance(value, str):
        return _SECRET_HINT.sub(MASK, _JWT.sub(MASK, value))
    return value


def redact_json_text(content: bytes | str | None, limit: int = 4000) -> str:
    if not content:
        return "-"
    try:
        data = json.loads(content)
    except (ValueError, UnicodeDecodeError):
        return f"<{len(content)} bytes, not JSON: not logged>"
    text = json.dumps(redact_value(data), separators=(",", ":"))
    return text if len(text) <= limit else text[:limit] + f"...<{len(text) - limit} more chars>"
