"""Shared ZIA/ZCON facade helpers: catalog paths, keyword payloads, read-modify-write bodies."""

from __future__ import annotations

import json
import os
import uuid
from typing import Any, Iterable, Mapping

from .._base import APIEndpoint
from ..utils import snake_to_camel


def camel_payload(payload: dict[str, Any], kwargs: Mapping[str, Any],
                  id_lists: Iterable[str] = ()) -> dict[str, Any]:
    """``payload`` with each keyword under its camelCase name; keywords named in ``id_lists`` become
    ``[{"id": ..}, ...]`` (pyZscaler's ``locations=[1, 2]`` -> ``"locations": [{"id": 1}, {"id": 2}]``)."""
    wrap = set(id_lists)
    for key, value in kwargs.items():
        payload[snake_to_camel(key)] = [{"id": item} for item in value] if key in wrap else value
    return payload


def camel_record(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record read back (snake_case ``Box`` keys) with its top-level keys camelCased for a PUT."""
    return {snake_to_camel(k): v for k, v in record.items()}


def requests_json(payload: Any) -> str:
    """A JSON body spelt as ``requests`` spells it (``", "`` and ``": "``), for answers compared byte for byte."""
    return json.dumps(payload, allow_nan=False)


def _part(name: str, value: Any) -> tuple[str, bytes, str | None]:
    """(filename, content, content type) of one file field, by ``requests``' rules for ``files=``."""
    ctype: str | None = None
    if isinstance(value, (tuple, list)):
        filename = value[0]
        ctype = value[2] if len(value) > 2 else None
        value = value[1]
    else:
        filename = os.path.basename(str(getattr(value, "name", "") or "")) or name
    data = value.read() if hasattr(value, "read") else value
    return str(filename), data.encode() if isinstance(data, str) else bytes(data), ctype


def requests_multipart(files: Mapping[str, Any]) -> tuple[bytes, str]:
    """(body, content type) of a ``multipart/form-data`` upload as ``requests`` builds it for ``files=``
    (filename defaults to the field name; no part ``Content-Type`` unless a tuple gives one)."""
    boundary = uuid.uuid4().hex
    out = bytearray()
    for name, value in files.items():
        filename, data, ctype = _part(name, value)
        out += f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'.encode()
        if ctype:
            out += f"Content-Type: {ctype}\r\n".encode()
        out += b"\r\n" + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


class ZIAEndpoint(APIEndpoint):
    """A ZIA resource: paths under the catalog's ``/zia/api/v1``."""

    root = "/zia/api/v1"

    def _p(self, path: str) -> str:
        return f"{self.root}/{path}"

    def _status(self, method: str, path: str, **kw: Any) -> int:
        """The HTTP status of a request (pyZscaler's ``int`` returns)."""
        return self._send(method, self._p(path), **kw).status_code

    def _text(self, method: str, path: str, **kw: Any) -> str:
        """The body as text (pyZscaler's CSV returns)."""
        return self._send(method, self._p(path), **kw).text
