# pyright: strict
"""A user script (mypy --strict, pyright): typed parameters and body fields of create/update methods."""

from typing_extensions import assert_type

from zscaler import ZscalerClient
from zscaler.response import Result
from zscaler.zpa.models.segment_group import SegmentGroup
from zscaler.zia.models.url_filtering_rules import URLFilteringRule


def create(client: ZscalerClient) -> SegmentGroup | None:
    # the body fields are keyword arguments an editor completes (a TypedDict the method unpacks)
    result = client.zpa.segment_groups.add_group(name="web", description="web apps", enabled=True)
    assert_type(result, Result[SegmentGroup])
    group, _, err = result
    if err:
        return None
    assert_type(group.enabled, bool | None)
    assert_type(group.id, str | None)  # ZPA ids are strings on the wire
    return group


def update(client: ZscalerClient, group_id: str | int) -> None:
    client.zpa.segment_groups.update_group(group_id, name="web2", policy_migrated=False)
    client.zpa.segment_groups.delete_group(group_id, microtenant_id=None)


def zia_rules(client: ZscalerClient) -> list[str]:
    rules, _, err = client.zia.url_filtering.list_rules(query_params={"search": "block"})
    if err:
        return []
    assert_type(rules, list[URLFilteringRule])
    out: list[str] = []
    for rule in rules:
        assert_type(rule.id, int | None)  # ZIA ids are integers on the wire
        assert_type(rule.order, int | None)
        assert_type(rule.block_override, bool | None)
        out.append(rule.name or "")
    client.zia.url_filtering.add_rule(name="r", action="BLOCK", order=1, enforce_time_validity=False)
    return out
