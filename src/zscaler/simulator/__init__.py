"""The embedded Zscaler cloud simulator.

``with Simulator() as sim:`` serves every endpoint of the installed catalogs over real
HTTP on loopback, with the real authentication flows, paging envelopes, error bodies,
rate-limit headers, ZIA/ZTW activation, and faults on demand. See docs/simulator.md.
"""

from __future__ import annotations

from .core import Simulator
from .faults import Fault
from .recording import Headers, RecordedRequest

__all__ = ["Simulator", "Fault", "RecordedRequest", "Headers"]
