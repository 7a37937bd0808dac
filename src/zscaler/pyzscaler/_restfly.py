"""What ``import restfly`` gives through the opt-in shim when the real restfly is absent: ``restfly.errors``."""

from __future__ import annotations

from . import errors

__all__ = ["errors"]
