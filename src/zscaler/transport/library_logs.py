"""Redaction of the HTTP library's own log records.

httpx logs every request URL at INFO; httpcore (and hpack, for HTTP/2) trace every header
they send and receive at DEBUG. A user who sets the root logger to DEBUG would otherwise see
``Set-Cookie: JSESSIONID=...``, ``Authorization: Bearer ...`` or a sandbox ``api_token`` in
their logs. :func:`install` puts a filter on exactly those loggers that rewrites each record
before any handler sees it: header values outside :data:`~.redact.SAFE_HEADERS` and the
values of credential-like query keys are masked, and so is anything shaped like a bearer
token, a session cookie or a JWT. It touches no other logger and no handler.
"""

from __future__ import annotations

import logging
import re
import threading

from ..errors import safe_url
from .redact import MASK, SAFE_HEADERS, redact_value

#: loggers of the HTTP stack that can carry request or response headers or URLs
LIBRARY_LOGGERS = (
    "httpx",
    "httpcore", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy", "httpcore.socks",
    "hpack", "hpack.hpack", "hpack.table", "h2", "h2.connection",
)

# ``(b'Set-Cookie', b'JSESSIONID=...')`` as httpcore prints header lists (either quote style)
_HEADER_TUPLE = re.compile(r"""\((b?)(['"])([^'"]+)\2, (b?)(['"])(.*?)\5\)""")
# ``Name: value`` lines (hpack, and anything else that prints raw header text)
_HEADER_LINE = re.compile(r"(?im)^([A-Za-z0-9-]+):\s*(.+)$")
_URL = re.compile(r"https?://[^\s'\"<>]+")
_COOKIE_PAIR = re.compile(r"(?i)\b(jsessionid|session|sessionid|zs_session_code|[\w-]*token[\w-]*)=([^;,\s'\"]+)")


def _header(m: re.Match[str]) -> str:
    name = m.group(3)
    if name.lower() in SAFE_HEADERS:
        return m.group(0)
    q = m.group(5)
    return f"({m.group(1)}{m.group(2)}{name}{m.group(2)}, {m.group(4)}{q}{MASK}{q})"


def _header_line(m: re.Match[str]) -> str:
    return m.group(0) if m.group(1).lower() in SAFE_HEADERS else f"{m.group(1)}: {MASK}"


def redact_text(text: str) -> str:
    """``text`` with header values, secret query values, cookies, bearer tokens and JWTs masked."""
    text = _HEADER_TUPLE.sub(_header, text)
    text = _URL.sub(lambda m: safe_url(m.group(0)), text)
    text = _COOKIE_PAIR.sub(lambda m: f"{m.group(1)}={MASK}", text)
    if ": " in text and "\n" in text:
        text = _HEADER_LINE.sub(_header_line, text)
    return str(redact_value(text))


class LibraryRedactionFilter(logging.Filter):
    """Rewrites a record's message in place (the record still goes out, redacted)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is not ours to fix; drop its arguments
            message = str(record.msg)
        redacted = redact_text(message)
        if redacted != message or record.args:
            record.msg, record.args = redacted, None
        return True


_FILTER = LibraryRedactionFilter("zscaler-redaction")
_installed = False
_lock = threading.Lock()


def install() -> None:
    """Attach the redaction filter to the HTTP stack's loggers (once per process)."""
    global _installed
    if _installed:
        return
    with _lock:
        if _installed:
            return
        for name in LIBRARY_LOGGERS:
            logger = logging.getLogger(name)
            if _FILTER not in logger.filters:
                logger.addFilter(_FILTER)
        _installed = True
