"""Compatibility names of the official SDK's ``zscaler.exceptions`` package."""
from ..errors import HTTPError as HTTPException
from ..errors import ZscalerAPIError as ZscalerAPIException
from .exceptions import *  # noqa: F401,F403
