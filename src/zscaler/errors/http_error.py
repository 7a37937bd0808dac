"""Compatibility path of the official SDK."""
from . import HTTPError

__all__ = ["HTTPError"]
