"""Redaction of the HTTP library's own log records.

httpx logs every request URL at INFO; httpcore (and hpack, for HTTP/2) trace every header
they send and receive at DEBUG. A user who sets the root logger to DEBUG would otherwise see
``Set-Cookie: JSESSIONID=...``, ``Authorization: Bearer ...`` or a sandbox ``api_token`` in
their logs. :func:`install` puts a filter on exactly those loggers that rewrites each record
before any handler sees it: header values outside :data:`~.redact.SAFE_HEADERS` and the
values of credential-like query keys are masked, and so is anything shaped like a bearer
token, a session cookie or a JWT. The SDK's own loggers (:data:`SDK_LOGGERS`) get a lighter
filter that masks every secret the client holds (:func:`zscaler.redaction.scrub`), so a message
quoting an error body cannot carry one either. It touches no other logger and no handler.
"""

from __future__ import annotations

import logging
import re
import threading

from ..errors import safe_url
from ..redaction import scrub
from .redact import MASK, SAFE_HEADERS

#: loggers of the HTTP stack that can carry request or response headers or URLs
LIBRARY_LOGGERS = (
    "httpx",
    "httpcore", "httpcore.connection", "httpcore.http11", "httpcore.http2", "httpcore.proxy", "httpcore.socks",
    "hpack", "hpack.hpack", "hpack.table", "h2", "h2.connection",
)
#: the SDK's own loggers
SDK_LOGGERS = ("zscaler", "zscaler.client", "zscaler.config", "zscaler.transport")

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
    return scrub(text)


class LibraryRedactionFilter(logging.Filter):
    """Rewrites a record's message in place (the record still goes out, redacted)."""

    def redact(self, message: str) -> str:
        return redact_text(message)

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is not ours to fix; drop its arguments
            message = str(record.msg)
        redacted = self.redact(message)
        if redacted != message or record.args:
            record.msg, record.args = redacted, None
        return True


class SDKRedactionFilter(LibraryRedactionFilter):
    """For the SDK's own records: registered secrets and credential shapes only."""

    def redact(self, message: str) -> str:
        return scrub(message)


_FILTER = LibraryRedactionFilter("zscaler-redaction")
_SDK_FILTER = SDKRedactionFilter("zscaler-sdk-redaction")
_installed = False
_lock = threading.Lock()


def install() -> None:
    """Attach the redaction filters to the HTTP stack's and the SDK's loggers (once per process)."""
    global _installed
    if _installed:
        return
    with _lock:
        if _installed:
            return
        for names, flt in ((LIBRARY_LOGGERS, _FILTER), (SDK_LOGGERS, _SDK_FILTER)):
            for name in names:
                logger = logging.getLogger(name)
                if flt not in logger.filters:
                    logger.addFilter(flt)
        _installed = True
