"""The request log."""

from __future__ import annotations

import json
import time
from collections.abc import Mapping
from typing import Any, Iterator
from urllib.parse import parse_qs

SECRET_HEADERS = frozenset({"authorization", "cookie", "auth-token", "set-cookie", "x-api-key"})


class Headers(Mapping[str, Any]):
    """Case-insensitive, read-only view of request headers (repeated names joined with ``, ``)."""

    __slots__ = ("_raw", "_map")

    def __init__(self, raw: list[tuple[str, str]]):
        self._raw = list(raw)
        m: dict[str, tuple[str, str]] = {}
        for k, v in self._raw:
            low = k.lower()
            if low in m:
                m[low] = (m[low][0], m[low][1] + ", " + v)
            else:
                m[low] = (k, v)
        self._map = m

    def __getitem__(self, key: str) -> str:
        return self._map[key.lower()][1]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key.lower() in self._map

    def __iter__(self) -> Iterator[str]:
        return (k for k, _ in self._map.values())

    def __len__(self) -> int:
        return len(self._map)

    def get_all(self, key: str) -> list[str]:
        low = key.lower()
        return [v for k, v in self._raw if k.lower() == low]

    def redacted(self) -> dict[str, str]:
        return {k: ("<redacted>" if k.lower() in SECRET_HEADERS else v) for k, v in self._map.values()}

    def __repr__(self) -> str:
        return f"Headers({self.redacted()!r})"


class RecordedRequest:
    """One request the simulator received. ``repr`` shows the method and path only."""

    __slots__ = ("method", "path", "raw_query", "body", "status", "time", "delay", "peer", "_header_list",
                 "_headers", "_query")

    def __init__(self, method: str, path: str, raw_query: str, header_list: list[Any], body: bytes,
                 peer: tuple[str, int] | None = None):
        self.method = method
        #: the client's (address, port): one per connection, so requests sharing it came on one connection
        self.peer = tuple(peer[:2]) if peer else None
        self.path = path
        self.raw_query = raw_query
        self.body = body
        self.status: int | None = None
        self.delay = 0.0  # seconds of added latency (Simulator(latency=...)) the answer waited
        self.time = time.time()
        self._header_list = header_list
        self._headers: Headers | None = None
        self._query: dict[str, list[str]] | None = None

    @property
    def headers(self) -> Headers:
        if self._headers is None:
            self._headers = Headers(self._header_list)
        return self._headers

    @property
    def query(self) -> dict[str, list[str]]:
        if self._query is None:
            self._query = parse_qs(self.raw_query, keep_blank_values=True) if self.raw_query else {}
        return self._query

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None

    def __repr__(self) -> str:
        return f"<RecordedRequest {self.method} {self.path}>"

    def as_dict(self, redact_body: bool = False) -> dict[str, Any]:
        if redact_body and self.body:
            body = "<redacted>"
        else:
            body = self.body.decode("utf-8", "replace")
        return {
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "raw_query": self.raw_query,
            "headers": self.headers.redacted(),
            "body": body,
            "status": self.status,
            "delay": self.delay,
            "time": self.time,
            "peer": list(self.peer) if self.peer else None,
        }
