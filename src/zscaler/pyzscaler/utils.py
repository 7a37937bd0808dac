"""``pyzscaler.utils`` under its names: key conversion, paging iterators, ZCC/ZDX parameter helpers.

Behaviour follows pyZscaler 1.6.0 (facts in ../shared/pyzscaler/README.md): ``snake_to_camel``
is a title-case rule plus eight edge cases, ``camel_to_snake`` its inverse with the same edge
cases (python-box's rule for response keys differs on ``ipV6Enabled``; both are kept).
The iterators page through the facade's client without pyZscaler's one-second sleep.
"""

from __future__ import annotations

import functools
import re
import time
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator as _It, Sequence, TypeVar

from ..utils import chunker  # pyZscaler's name and behaviour: one home
from .box import Box, BoxList

if TYPE_CHECKING:
    from ._base import APIClient

T = TypeVar("T")

_EDGE_TO_CAMEL = {
    "routable_ip": "routableIP",
    "is_name_l10n_tag": "isNameL10nTag",
    "name_l10n_tag": "nameL10nTag",
    "surrogate_ip": "surrogateIP",
    "surrogate_ip_enforced_for_known_browsers": "surrogateIPEnforcedForKnownBrowsers",
    "ec_vms": "ecVMs",
    "ipv6_enabled": "ipV6Enabled",
    "valid_ssl_certificate": "validSSLCertificate",
}
_EDGE_TO_SNAKE = {v: k for k, v in _EDGE_TO_CAMEL.items()}
_HUMP = re.compile("([a-z0-9])([A-Z])")


def snake_to_camel(name: str) -> str:
    """``max_usage`` -> ``maxUsage`` (names without ``_`` unchanged; the edge cases above)."""
    if "_" not in name:
        return name
    if name in _EDGE_TO_CAMEL:
        return _EDGE_TO_CAMEL[name]
    return name[0].lower() + name.title()[1:].replace("_", "")


def camel_to_snake(name: str) -> str:
    """``maxUsage`` -> ``max_usage`` (the same edge cases, reversed)."""
    if name in _EDGE_TO_SNAKE:
        return _EDGE_TO_SNAKE[name]
    return _HUMP.sub(r"\1_\2", name).lower()


def convert_keys(data: Any, direction: str = "to_camel") -> Any:
    """Keys of nested dicts/lists converted (``to_camel`` or ``to_snake``); values unchanged."""
    convert = camel_to_snake if direction == "to_snake" else snake_to_camel
    if isinstance(data, list):
        return [convert_keys(item, direction=direction) for item in data]
    if isinstance(data, dict):
        return {convert(k): (convert_keys(v, direction=direction) if isinstance(v, (dict, list)) else v)
                for k, v in data.items()}
    return data


def keys_exists(element: dict[str, Any], *keys: Any) -> bool:
    """True when the nested keys lead somewhere in ``element``."""
    if not isinstance(element, dict):
        raise AttributeError("keys_exists() expects dict as first argument.")
    if not keys:
        raise AttributeError("keys_exists() expects at least two arguments, one given.")
    current: Any = element
    for key in keys:
        try:
            current = current[key]
        except (KeyError, TypeError, IndexError):
            return False
    return True


def add_id_groups(id_groups: Iterable[tuple[str, str]], kwargs: dict[str, Any], payload: dict[str, Any]) -> None:
    """``server_group_ids=[..]`` -> ``payload["serverGroups"] = [{"id": ..}, ..]`` for each (kwarg, key) pair."""
    for kwarg, key in id_groups:
        if kwargs.get(kwarg):
            payload[key] = [{"id": value} for value in kwargs.pop(kwarg)]


def obfuscate_api_key(seed: Sequence[str]) -> dict[str, Any]:
    """The ZIA/ZCON login's ``{"timestamp": ms, "key": obfuscated key}`` for an API key."""
    from ..auth.legacy import obfuscate_api_key as obfuscate

    now = int(time.time() * 1000)
    return {"timestamp": now, "key": obfuscate("".join(seed), now)}


def pick_version_profile(kwargs: dict[str, Any], payload: dict[str, Any]) -> None:
    """``version_profile='default'|'previous_default'|'new_release'`` -> ``versionProfileId`` 0/1/2."""
    profile = kwargs.pop("version_profile", None)
    if profile:
        ids = {"default": 0, "previous_default": 1, "new_release": 2}
        if profile not in ids:
            raise ValueError(f"version_profile: '{profile}' is not one of {', '.join(ids)}")
        payload["overrideVersionProfile"] = True
        payload["versionProfileId"] = ids[profile]


class Iterator:
    """Every item of a paged listing (``page=N``, rows in ``list`` for ZPA, the body for ZIA).

    ``max_items``, ``max_pages``; other keywords are camelCased into the query. Stops at an empty
    page, at a short page when the page size is known, or when ``totalPages`` is reached. No sleep:
    the project's retry layer waits out 429s.
    """

    page_size = 100

    def __init__(self, api: "APIClient", path: str = "", **kw: Any) -> None:
        self._api = api
        self.path = path
        self.max_items = int(kw.pop("max_items", 0) or 0)
        self.max_pages = int(kw.pop("max_pages", 0) or 0)
        self.payload = {api._query_key(k): v for k, v in kw.items()}
        self.num_pages = 0
        self.total = 0

    def __iter__(self) -> _It[Any]:
        while not self.max_pages or self.num_pages < self.max_pages:
            body = self._api._get_json(self.path, params={**self.payload, "page": self.num_pages + 1})
            self.num_pages += 1
            rows, last = self._api._page_rows(body, self.num_pages, self.payload)
            for row in rows:
                if self.max_items and self.total >= self.max_items:
                    return
                self.total += 1
                yield Box(row, camel_killer_box=True) if isinstance(row, dict) else row
            if last or not rows:
                return


class ZDXIterator:
    """Every item of a ZDX listing (``limit``/``offset``, rows under ``users``, ``next_offset``)."""

    def __init__(self, api: "APIClient", endpoint: str, limit: int | None = None, **kwargs: Any) -> None:
        self._api = api
        self.endpoint = endpoint
        self.limit = limit
        self.params = {k: v for k, v in kwargs.items() if v is not None}
        self.rows_key = "users"
        self.total = 0

    def __iter__(self) -> _It[Any]:
        offset: Any = None
        while True:
            params = dict(self.params)
            if offset:
                params.update({"limit": self.limit, "offset": offset})
            body = self._api._get_json(self.endpoint, params=params)
            rows = body.get(self.rows_key) or [] if isinstance(body, dict) else []
            for row in rows:
                self.total += 1
                yield Box(row, camel_killer_box=True) if isinstance(row, dict) else row
            offset = body.get("next_offset") if isinstance(body, dict) else None
            if not offset or not rows:
                return


zcc_param_map: dict[str, dict[str, int]] = {
    "os": {"ios": 1, "android": 2, "windows": 3, "macos": 4, "linux": 5},
    "reg_type": {"all": 0, "registered": 1, "removal_pending": 3, "unregistered": 4, "removed": 5,
                 "quarantined": 6},
}


def calculate_epoch(hours: int) -> tuple[int, int]:
    """(now, now - hours) in epoch seconds."""
    now = int(time.time())
    return now, int(now - hours * 3600)


def zdx_params(func: Callable[..., T]) -> Callable[..., T]:
    """ZDX keywords: ``since`` (hours) -> ``from``/``to``; ``search`` -> ``q``, ``location_id`` -> ``loc``,
    ``department_id`` -> ``dept``, ``geo_id`` -> ``geo``."""

    @functools.wraps(func)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> T:
        since = kwargs.pop("since", None)
        renames = {"search": "q", "location_id": "loc", "department_id": "dept", "geo_id": "geo"}
        given = {new: kwargs.pop(old, None) for old, new in renames.items()}
        if since:
            kwargs["to"], kwargs["from"] = calculate_epoch(since)
        for new, value in given.items():
            kwargs[new] = value or kwargs.get(new)
        return func(self, *args, **kwargs)

    return wrapper


def boxlist(items: Iterable[Any]) -> BoxList:
    """A materialised listing, as pyZscaler returns it."""
    return BoxList(items, camel_killer_box=True)


__all__ = ["snake_to_camel", "camel_to_snake", "convert_keys", "Iterator", "ZDXIterator", "chunker",
           "obfuscate_api_key", "zcc_param_map", "zdx_params", "keys_exists", "add_id_groups",
           "pick_version_profile", "calculate_epoch", "boxlist"]
