# pyright: strict
"""A user script (mypy --strict, pyright): the error and the response after the error check."""

from typing import Any

from typing_extensions import assert_type

from zscaler import ZscalerClient
from zscaler.errors import ZscalerAPIError, ZscalerError
from zscaler.response import ZscalerAPIResponse


def all_names(client: ZscalerClient) -> list[str]:
    groups, resp, err = client.zpa.segment_groups.list_groups()
    if err:
        assert_type(err, ZscalerError)
        if isinstance(err, ZscalerAPIError):
            assert_type(err.status_code, int)  # typed after narrowing to the API error
        return []
    assert_type(resp, ZscalerAPIResponse)  # present after ``if err:``, no cast
    names = [g.name or "" for g in groups]
    while resp.has_next():
        page, resp, page_err = resp.next()
        assert_type(resp, ZscalerAPIResponse)
        assert_type(page_err, BaseException | None)
        if page_err is not None:
            raise page_err
        more: list[Any] = page or []  # a later page's items: untyped (the response is not generic)
        names += [str(item) for item in more]
    return names


def everything(client: ZscalerClient) -> list[Any]:
    _, resp, err = client.zpa.segment_groups.list_groups(query_params={"page_size": 500})
    if err:
        raise err
    assert_type(resp.search("[].name"), list[Any])  # JMESPath over the page: untyped
    return list(resp.iter_all())
