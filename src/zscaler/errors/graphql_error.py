"""Compatibility path of the official SDK."""
from . import GraphQLAPIError

__all__ = ["GraphQLAPIError"]
