"""Clouds and base URLs: where each request goes."""

from __future__ import annotations

from ..errors import ConfigurationError

PRODUCTION = "production"
GOV_AUTH = {"gov": "zidentitygov.net", "govus": "zidentitygov.us"}
GOV_API = {"gov": "https://api.zscalergov.net", "govus": "https://api.zscalergov.us"}


def product_of(path: str) -> str | None:
    """The product a gateway path belongs to (``/zpa/mgmtconfig/...`` -> ``zpa``): the path prefixes
    each catalog declares (``Product.paths``), the longest first."""
    from .. import catalog

    return catalog.product_of(path[:catalog.head_length()])  # the rest of the path never matters


def _host_part(key: str, value: str) -> str:
    """``value`` checked as the part of a host name it becomes (DNS labels; ConfigurationError names ``key``)."""
    from ..config import parse_host

    return parse_host(key, value)


def oneapi_token_url(vanity: str | None, cloud: str | None) -> str:
    c = _host_part("cloud", (cloud or PRODUCTION).strip().lower())
    if not vanity:
        raise ConfigurationError("vanityDomain: required to build the token URL (or set tokenUrl)")
    vanity = _host_part("vanityDomain", vanity)
    if c == PRODUCTION:
        return f"https://{vanity}.zslogin.net/oauth2/v1/token"
    if c in GOV_AUTH:
        return f"https://{vanity}.{GOV_AUTH[c]}/oauth2/v1/token"
    return f"https://{vanity}.zslogin{c}.net/oauth2/v1/token"


def oneapi_base_url(cloud: str | None) -> str:
    c = _host_part("cloud", (cloud or PRODUCTION).strip().lower())
    if c == PRODUCTION:
        return "https://api.zsapi.net"
    return GOV_API.get(c) or f"https://api.{c}.zsapi.net"


def sandbox_base_url(sandbox_cloud: str | None) -> str:
    if not sandbox_cloud:
        raise ConfigurationError("sandboxCloud: required for Cloud Sandbox calls (for example zscalerbeta)")
    return f"https://csbapi.{_host_part('sandboxCloud', sandbox_cloud.strip().lower())}.net"


def legacy_base_url(product: str, cloud: str) -> str:
    """Host of a legacy (pre-OneAPI) product API, from the product's ``Login`` (``Product.legacy``)."""
    from .. import catalog

    c = _host_part("cloud", cloud.strip())
    try:
        login = catalog.legacy(product)
    except ValueError:
        raise ConfigurationError(f"no legacy API for product '{product}'") from None
    try:
        return login.base_url(product, c)
    except ValueError as e:  # a cloud the product has no host for
        raise ConfigurationError(str(e)) from None
