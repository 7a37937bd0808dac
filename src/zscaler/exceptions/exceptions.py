"""Compatibility names of the official SDK's ``zscaler.exceptions.exceptions`` module.

Each official name is one of this package's typed errors (``zscaler.errors``), so ``except
ZscalerAPIException`` catches what this package raises for an error status.
"""
from ..errors import (  # noqa: F401
    AuthenticationError as UnauthorizedError,
    BadRequestError,
    ConfigurationError as InvalidCloudEnvironmentError,
    HTTPError as HTTPException,
    NotFoundError,
    PermissionDeniedError as ForbiddenError,
    RateLimitError as RateLimitExceededError,
    RetryBudgetExceeded as RetryLimitExceededError,
    RetryTooLong,
    TokenError as TokenExpirationError,
    TokenError as TokenRefreshError,
    ZscalerAPIError as APIClientError,
    ZscalerAPIError as ZpaAPIException,
    ZscalerAPIError as ZscalerAPIException,
    ZscalerError as CacheError,
    ZscalerError as HeaderUpdateError,
    ZscalerError as ZpaBaseException,
    ZscalerError as ZscalerBaseException,
)
