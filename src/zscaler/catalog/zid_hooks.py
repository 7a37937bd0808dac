"""ZIdentity hooks (see :class:`zscaler.catalog.call.Call`).

* Listings answer a page envelope ``{"records": [...], "results_total", "pageOffset", "pageSize",
  "next_link", "prev_link"}``. The official SDK returns it as one model (``Users``, ``Groups`` ...)
  whose ``records`` hold the items. :func:`records_page` keeps that shape and also lets the
  envelope act as the list of its records (``len(users)``, ``for u in users``, ``users[0]``), so
  code written for either style works; the response pages by ``next_link``
  (``resp.has_next()``, ``resp.next()``, ``for u in resp``).
* :func:`id_list_body`: ``add_users_to_group(group_id, id=["u1", "u2"])`` sends the bare JSON
  array ``[{"id": "u1"}, {"id": "u2"}]`` the API expects.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterator, cast

from ..model import ZscalerObject
from .call import Call


class RecordsPage(ZscalerObject):
    """A ZIdentity page envelope that is also the sequence of its ``records``."""

    __slots__ = ("_records",)

    def __init__(self, body: dict[str, Any] | None = None, records: list[Any] | None = None) -> None:
        super().__init__(body or {})
        records = list(records or [])
        self._data["records"] = [r.request_format() if isinstance(r, ZscalerObject) else r for r in records]
        object.__setattr__(self, "_records", records)

    @property
    def records(self) -> list[Any]:
        return cast("list[Any]", self._records)

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._records)

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, (int, slice)):
            return self._records[key]
        return super().__getitem__(key)

    def __bool__(self) -> bool:
        return True  # a page is a result even when it holds no records


@lru_cache(maxsize=None)
def _page_class(name: str) -> type[RecordsPage]:
    return type(name, (RecordsPage,), {"__slots__": (), "__module__": "zscaler.models"})


def records_page(model: str) -> Callable[[Any], None]:
    """Hook: the listed records (every page fetched by ``max_items``/``max_pages`` included)
    come back inside the envelope model ``model`` (``Users``, ``Groups`` ...)."""
    cls = _page_class(model)

    def hook(call: Call) -> None:
        def after(value: Any, response: Any) -> Any:
            body = response.get_body() if response is not None else {}
            envelope = {k: v for k, v in body.items() if k != "records"} if isinstance(body, dict) else {}
            return cls(envelope, value if isinstance(value, list) else [])

        call.after = after

    hook.__name__ = f"records_page_{model}"
    return hook


def _id_entry(value: Any) -> dict[str, Any]:
    if isinstance(value, ZscalerObject):
        value = value.request_format()
    if isinstance(value, dict):
        if value.get("id") in (None, ""):
            raise ValueError(f"id: each entry must carry an 'id', got {value!r}")
        return {"id": value["id"]}
    if isinstance(value, (str, int)) and str(value) != "":
        return {"id": value}
    raise TypeError(f"id: expected user ids (str), {{'id': ...}} dicts or user records, got {value!r}")


def id_list_body(call: Call) -> None:
    """``id=[...]`` (or ``ids=[...]`` / ``user_ids=[...]``) becomes the bare array ``[{"id": ...}]``."""
    body = call.body if isinstance(call.body, dict) else {}
    for key in ("id", "ids", "userIds"):
        value = body.get(key)
        if isinstance(value, (list, tuple, set)):
            call.body = [_id_entry(v) for v in value]
            return
