# pyright: strict
"""A user script (mypy --strict, pyright): the error and the response after the error check."""

from typing import Any

from typing_extensions import assert_type

from zscaler import ZscalerClient
from zscaler.errors import ZscalerAPIError, ZscalerError
from zscaler.response import ZscalerAPIResponse
from zscaler.zpa.models.segment_group import SegmentGroup


def all_names(client: ZscalerClient) -> list[str]:
    groups, resp, err = client.zpa.segment_groups.list_groups()
    if err:
        assert_type(err, ZscalerError)
        if isinstance(err, ZscalerAPIError):
            assert_type(err.status_code, int)  # typed after narrowing to the API error
        return []
    assert_type(resp, ZscalerAPIResponse[SegmentGroup])  # present after ``if err:``, no cast
    names = [g.name or "" for g in groups]
    while resp.has_next():
        page, resp, page_err = resp.next()
        assert_type(resp, ZscalerAPIResponse[SegmentGroup])
        assert_type(page_err, BaseException | None)
        if page_err is not None:
            raise page_err
        more: list[Any] = page or []  # next()'s items: untyped (a method's hook may reshape a page)
        names += [str(item) for item in more]
    return names


def everything(client: ZscalerClient) -> list[SegmentGroup]:
    _, resp, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 500})
    if err:
        raise err
    assert_type(resp.search("[].name"), list[Any])  # JMESPath over the page: untyped
    for item in resp.iter_all():  # every item of every page: the method's model
        assert_type(item, SegmentGroup)
    return list(resp.iter_all())
