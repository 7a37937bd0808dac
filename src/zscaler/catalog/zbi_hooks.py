"""Business Insights hooks (see :class:`zscaler.catalog.call.Call`)."""

from __future__ import annotations

from enum import Enum
from typing import Any

from .call import Call
from .hooks import save_to

DEFAULT_SUB_TYPE = "CustomDataFeed"


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def download_report(call: Call) -> None:
    """``download_report``: the body is ``{fileName, reportType, subType}`` (``subType`` defaults to
    ``CustomDataFeed`` even when ``None`` is passed; enum members are sent by value), the answer is
    asked for as ``application/octet-stream``; the bytes are written to ``save_path``, or to
    ``file_name`` when it is not given, and that path is the result (as the official SDK)."""
    body = call.body if isinstance(call.body, dict) else {}
    for key in ("fileName", "reportType"):
        if body.get(key) in (None, ""):
            arg = "file_name" if key == "fileName" else "report_type"
            raise ValueError(f"download_report: '{arg}' is required")
        body[key] = _plain(body[key])
    body["subType"] = _plain(call.args.get("sub_type")) or DEFAULT_SUB_TYPE
    call.body = body
    call.headers["Accept"] = "application/octet-stream"
    save_to("save_path", lambda c: c.args.get("file_name"))(call)
