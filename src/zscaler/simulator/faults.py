"""Fault rules: make matching requests fail in a chosen way, a chosen number of times."""

from __future__ import annotations

import fnmatch
import itertools
import re
import threading
from typing import Any, Mapping
from urllib.parse import parse_qs

ACTIONS = (None, "reset", "truncate", "malformed", "delay", "expire_token")

_ids = itertools.count(1)


class Fault:
    """One rule. ``remaining`` is how many more requests it will hit (None: unlimited)."""

    def __init__(
        self,
        path: str = "*",
        method: str | None = None,
        status: int = 500,
        times: int | None = 1,
        headers: dict[str, str] | None = None,
        body: Any = None,
        delay: float = 0.0,
        action: str | None = None,
        query: Mapping[str, Any] | None = None,
    ):
        if action not in ACTIONS:
            raise ValueError(f"unknown fault action {action!r}; one of {ACTIONS}")
        if times is not None and times < 0:
            raise ValueError("times must be >= 0 or None")
        if action == "delay" and not delay:
            raise ValueError('action="delay" needs delay=<seconds>')
        if query is not None and not isinstance(query, Mapping):
            raise ValueError(f"query must be a mapping of query parameter to value, got {type(query).__name__}")
        self.id = next(_ids)
        self.path = path or "*"
        self.method = method.upper() if method else None
        self.status = int(status)
        self.times = times
        self.headers = dict(headers) if headers else None
        self.body = body
        self.delay = float(delay or 0.0)
        self.action = action
        self.query = {str(k): str(v) for k, v in query.items()} if query else None
        self.hits = 0
        self._remaining = times
        self._lock = threading.Lock()
        self._rx = re.compile(fnmatch.translate(self.path))

    @property
    def remaining(self) -> int | None:
        return self._remaining

    @property
    def active(self) -> bool:
        return self._remaining is None or self._remaining > 0

    def matches(self, method: str, *paths: str, raw_query: str = "") -> bool:
        if self.method is not None and self.method != method:
            return False
        if not self.active:
            return False
        if self.query is not None:
            given = parse_qs(raw_query, keep_blank_values=True)
            if any(v not in given.get(k, ()) for k, v in self.query.items()):
                return False
        return any(self._rx.match(p) for p in paths)

    def take(self) -> bool:
        """Consume one use; False when the rule is exhausted."""
        with self._lock:
            if self._remaining is not None:
                if self._remaining <= 0:
                    return False
                self._remaining -= 1
            self.hits += 1
            return True

    def cancel(self) -> None:
        with self._lock:
            self._remaining = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "method": self.method,
            "status": self.status,
            "times": self.times,
            "remaining": self._remaining,
            "hits": self.hits,
            "headers": self.headers,
            "body": self.body if not isinstance(self.body, bytes) else self.body.decode("utf-8", "replace"),
            "delay": self.delay,
            "action": self.action,
            "query": self.query,
        }

    def __repr__(self) -> str:
        return (
            f"<Fault #{self.id} {self.method or '*'} {self.path} "
            f"{self.action or self.status} remaining={self._remaining}>"
        )
