# pyright: strict
"""A user script for the async client (mypy --strict, pyright): every method awaited, typed as the sync one."""

from typing_extensions import assert_type

from zscaler import AsyncZscalerClient
from zscaler.aio.response import AsyncZscalerAPIResponse
from zscaler.errors import ZscalerAPIError, ZscalerError
from zscaler.zpa.models.segment_group import SegmentGroup


async def names(config: dict[str, str]) -> list[str]:
    async with AsyncZscalerClient(config) as client:
        assert_type(client, AsyncZscalerClient)
        groups, resp, err = await client.zpa.segment_groups.list_groups(query_params={"search": "web"})
        if err:
            assert_type(err, ZscalerError)
            if isinstance(err, ZscalerAPIError):
                assert_type(err.status_code, int)
            return []
        assert_type(groups, list[SegmentGroup])
        assert_type(resp, AsyncZscalerAPIResponse[SegmentGroup])
        out = [g.name or "" for g in groups]
        async for item in resp.aiter_all():  # every item of every page: the method's model
            assert_type(item, SegmentGroup)
            out.append(item.name or "")
        rest = await resp.afetch_all()
        assert_type(rest, list[SegmentGroup])
        return out


async def create(client: AsyncZscalerClient) -> SegmentGroup:
    group, _, err = await client.zpa.segment_groups.add_group(name="web", enabled=True)
    if err:
        raise err
    assert_type(group, SegmentGroup)
    assert_type(group.enabled, bool | None)
    gone, _, _ = await client.zpa.segment_groups.delete_group(1)
    assert_type(gone, None)
    return group
