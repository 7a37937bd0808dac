# pyright: strict
"""A user script (mypy --strict, pyright): list results are typed by model, attributes by declaration."""

from typing import Any

from typing_extensions import assert_type

from zscaler import ZscalerClient
from zscaler.zpa.models.application_segment import ApplicationSegments
from zscaler.zpa.models.segment_group import SegmentGroup


def names(client: ZscalerClient) -> list[str]:
    groups, resp, err = client.zpa.segment_groups.list_groups(query_params={"search": "web"})
    if err:
        return []
    assert_type(groups, list[SegmentGroup])
    out: list[str] = []
    for g in groups:
        assert_type(g, SegmentGroup)
        assert_type(g.name, str | None)
        assert_type(g.applications, list[ApplicationSegments])
        out.append(str(g.name))
    for item in resp.iter_all():
        out.append(str(item))
    return out


def one(client: ZscalerClient) -> SegmentGroup:
    group, _, err = client.zpa.segment_groups.get_group(1)  # an id: str | int
    if err:
        raise err
    assert_type(group, SegmentGroup)
    assert_type(group.as_dict(), dict[str, Any])
    return group
