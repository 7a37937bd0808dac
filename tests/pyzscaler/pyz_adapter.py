"""Serve ``responses``-library registrations to the project's httpx transport.

pyZscaler's own tests register the answers they expect with ``responses`` (which patches
``requests``). ``ResponsesTransport`` is an ``httpx.BaseTransport``: each request the facade
sends through the project's pipeline is turned into a ``requests.PreparedRequest`` and given to
the active ``responses`` registry, which matches it (URL, query, JSON body, headers ...), records
it in ``responses.calls`` and builds the answer; that answer goes back as an ``httpx.Response``.
A request nothing matches fails like a refused connection.
"""

from __future__ import annotations

import httpx
import requests
import responses
from requests.adapters import HTTPAdapter


class ResponsesTransport(httpx.BaseTransport):
    def __init__(self, mock: responses.RequestsMock | None = None) -> None:
        self._mock = mock
        self._adapter = HTTPAdapter()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        mock = self._mock or responses.mock
        prepared = requests.Request(method=request.method, url=str(request.url),
                                    headers=dict(request.headers), data=request.read() or None).prepare()
        try:
            answer = mock._on_request(self._adapter, prepared)
        except requests.exceptions.ConnectionError as e:
            raise httpx.ConnectError(f"no responses registration matches: {e}", request=request) from None
        try:
            content = answer.content
        except requests.exceptions.RequestException:  # a body registered on a 204: HTTP carries none
            content = b""
        headers = [(k, v) for k, v in answer.headers.items() if k.lower() not in ("content-length", "content-encoding")]
        return httpx.Response(answer.status_code, headers=headers, content=content, request=request)
