"""A listing page represents only the items it cuts out (a page of a big collection stays cheap)."""

from __future__ import annotations

from typing import Any

import pytest

from zscaler import paging
from zscaler.simulator.behaviors.represent import Represented
from zscaler.simulator.seeding import check_count


def test_a_page_maps_only_its_own_items() -> None:
    seen: list[int] = []

    def one(v: int) -> dict[str, Any]:
        seen.append(v)
        return {"id": v}

    items = Represented(list(range(20_000)), one)
    page = paging.style("zpa").serve(items, {"page": ["3"], "pagesize": ["500"]})
    assert [o["id"] for o in page["list"]][:2] == [1000, 1001] and len(page["list"]) == 500
    assert page["totalPages"] == "40"
    assert sorted(seen) == list(range(1000, 1500))  # 500 items represented, not 20,000
    assert items[7] == {"id": 7} and len(items) == 20_000


def test_seed_count_error_is_short_and_names_the_argument() -> None:
    with pytest.raises(ValueError) as err:
        check_count([{"name": f"g{i}"} for i in range(5_000)])
    assert "count must be a whole number" in str(err.value) and len(str(err.value)) < 200
