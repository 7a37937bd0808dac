# pyright: strict
"""A user script, checked by mypy --strict (tests/typing/test_typing.py): the typed (result, response, error)."""

from typing_extensions import assert_type

from zscaler import ZscalerClient
from zscaler.errors import ZscalerAPIError, ZscalerError
from zscaler.response import Result, ZscalerAPIResponse
from zscaler.zpa.models.segment_group import SegmentGroup


def groups(client: ZscalerClient) -> list[SegmentGroup]:
    result = client.zpa.segment_groups.list_groups()
    assert_type(result, Result[list[SegmentGroup], SegmentGroup])  # the second: the pages' items
    items, resp, err = result
    assert_type(items, list[SegmentGroup])
    assert_type(err, ZscalerError | None)
    if err:
        if isinstance(err, ZscalerAPIError):
            assert_type(err.status_code, int)
        return []
    assert_type(resp, ZscalerAPIResponse[SegmentGroup])
    resp.has_next()  # no cast needed after the error check
    return items


def delete(client: ZscalerClient) -> None:
    gone, _, err = client.zpa.segment_groups.delete_group("1")
    assert_type(gone, None)
    if err is not None:
        raise err
    assert_type(client.zpa.segment_groups.list_groups().unwrap(), list[SegmentGroup])
    assert_type(client.zpa.segment_groups.list_groups().result, list[SegmentGroup])


def annotated() -> Result[None]:
    return Result(None, None, None)  # Result[X] names a call's type, at runtime too
