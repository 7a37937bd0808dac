"""Compatibility path of the official SDK."""
from . import ZscalerAPIError

__all__ = ["ZscalerAPIError"]
