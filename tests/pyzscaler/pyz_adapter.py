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


def original_case(headers: httpx.Headers) -> dict[str, str]:
    """Header names as sent (httpx's mapping view lowercases them; requests keeps them, matchers compare them)."""
    return {k.decode("latin-1"): v.decode("latin-1") for k, v in headers.raw}


class ResponsesTransport(httpx.BaseTransport):
    def __init__(self, mock: responses.RequestsMock | None = None) -> None:
        self._mock = mock
        self._adapter = HTTPAdapter()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        mock = self._mock or responses.mock
        body: bytes | str | None = request.read() or None
        if body is not None and "x-www-form-urlencoded" in request.headers.get("content-type", ""):
            body = body.decode()  # requests sends a form (data=dict) as text; the form matcher expects text
        prepared = requests.Request(method=request.method, url=str(request.url),
                                    headers=original_case(request.headers), data=body).prepare()
        try:
            answer = mock._on_request(self._adapter, prepared)
        except requests.exceptions.ConnectionError as e:
            raise httpx.ConnectError(f"no responses registration matches: {e}", request=request) from None
        fp = getattr(answer.raw, "_fp", None)
        if answer.status_code == 204 and hasattr(fp, "read"):
            # a body registered on a 204: urllib3 2 refuses to read it, urllib3 1 (restfly's) did and
            # pyZscaler's tests rely on it, so the registration's bytes are served as they were
            content = fp.read()
        else:
            content = answer.content
        headers = [(k, v) for k, v in answer.headers.items() if k.lower() not in ("content-length", "content-encoding")]
        return httpx.Response(answer.status_code, headers=headers, content=content, request=request)
