"""Compatibility names of the official SDK's ``zscaler.exceptions`` package."""
from . import exceptions  # noqa: F401
from .exceptions import *  # noqa: F401,F403
from ..errors import HTTPError as HTTPException, ZscalerAPIError as ZscalerAPIException  # noqa: F401
