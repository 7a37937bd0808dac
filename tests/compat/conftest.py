"""Fixtures of the drop-in and secrets tests."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest


class LogCapture(logging.Handler):
    """Every record of every logger, formatted as ``name LEVEL message``."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture
def root_debug() -> Iterator[LogCapture]:
    """The root logger at DEBUG with a capturing handler; the ``zscaler`` logger propagating to it."""
    root, zs = logging.getLogger(), logging.getLogger("zscaler")
    handler = LogCapture()
    saved = (root.level, zs.level, zs.propagate)
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    zs.setLevel(logging.DEBUG)
    zs.propagate = True
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(saved[0])
        zs.setLevel(saved[1])
        zs.propagate = saved[2]
