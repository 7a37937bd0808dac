"""Compatibility names of the official SDK's ``zscaler.exceptions.exceptions`` module."""
from ..errors import (  # noqa: F401
    AuthenticationError as UnauthorizedError,
    BadRequestError,
    ConfigurationError as InvalidCloudEnvironmentError,
    PermissionDeniedError as ForbiddenError,
    NotFoundError,
    RateLimitError as RateLimitExceededError,
    RetryBudgetExceeded as RetryLimitExceededError,
    RetryTooLong,
    TokenError as TokenRefreshError,
    TokenError as TokenExpirationError,
    ZscalerAPIError as APIClientError,
    ZscalerError as CacheError,
    ZscalerError as HeaderUpdateError,
)
