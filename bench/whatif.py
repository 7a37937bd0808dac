"""Prototype of the fixes proposed in RESULTS.md "Open findings", applied at run time.

``bench/run.py --whatif`` adds rows "this SDK + proposed fixes": the worker calls
:func:`apply` before it builds the client, in its own process only. Nothing under src/ is
changed; this module only shows, on the same run, what the proposed changes would buy.
Each patch names the function it replaces and is written so the core engineer can port it.

F1  model wrapping without copying each decoded dict (response.wrap_items, _wrap_items)
F2  page fingerprint without json.dumps, and none for single objects (response._fingerprint)
F3  HttpLayer sends through the client's transport instead of httpx.Client.request
    (skips per-request URL re-parsing and merging, the auth/redirect generators, and the
    cookie-jar extraction that builds an email.message.Message for every response)
"""

from __future__ import annotations


def apply(which: str = "F1,F2,F3") -> list[str]:
    done = []
    which_set = {w.strip() for w in which.split(",") if w.strip()}
    if "F1" in which_set:
        _fast_wrap()
        done.append("F1")
    if "F2" in which_set:
        _cheap_fingerprint()
        done.append("F2")
    if "F3" in which_set:
        _direct_transport()
        done.append("F3")
    return done


def _fast_wrap() -> None:
    from zscaler import binding, response
    from zscaler.model import ZscalerObject

    new = object.__new__
    set_data = ZscalerObject._data.__set__  # slot descriptors: no __setattr__ dispatch
    set_keys = ZscalerObject._keys.__set__

    def wrap_items(items, cls):
        # the dicts come straight from json.loads and nobody else holds them: no copy needed
        out = []
        append = out.append
        for d in items:
            if type(d) is dict:
                o = new(cls)
                set_data(o, d)
                set_keys(o, None)
                append(o)
            else:
                append(cls(d) if isinstance(d, dict) else d)
        return out

    def _wrap_items(self, items):
        return wrap_items(items, self._wrap) if self._wrap else items

    response.wrap_items = wrap_items
    binding.wrap_items = wrap_items
    response.ZscalerAPIResponse._wrap_items = _wrap_items


def _cheap_fingerprint() -> None:
    from zscaler import response

    def _fingerprint(items):
        # same meaning as before (length, first item, last item), compared by value when the
        # next page arrives; dict equality fails fast on the differing "id"
        if not items:
            return (0,)
        return (len(items), items[0], items[-1])

    response._fingerprint = _fingerprint

    orig_init = response.ZscalerAPIResponse.__init__

    def __init__(self, http_response, body, **kw):
        if kw.get("fetch") is None:
            # a single object or a result that cannot page: no fingerprint, no paging state work
            self._http, self._body = http_response, body
            self._paging = kw.get("paging") or response.STYLES["none"]
            self._params = dict(kw.get("params") or {})
            self._fetch = None
            self._wrap = kw.get("wrap")
            self.service_type = kw.get("service_type")
            self._state = response.PageState(1, None)
            self._items = (self._paging.items(body) if kw.get("paging") is not None
                           else ([] if body is None else response._as_list(body)))
            self._next_params = None
            return
        orig_init(self, http_response, body, **kw)

    response.ZscalerAPIResponse.__init__ = __init__


def _direct_transport() -> None:
    import httpx

    from zscaler.transport import pipeline

    orig_call = pipeline.HttpLayer.__call__

    def __call__(self, req):
        if req.stream:
            return orig_call(self, req)
        client = self.client
        url = httpx.URL(req.url, params=list(req.params) or None) if req.params else httpx.URL(req.url)
        timeout = client.timeout if req.timeout is None else httpx.Timeout(req.timeout)
        request = httpx.Request(req.method, url, headers=req.headers, content=req.content,
                                extensions={"timeout": timeout.as_dict()})
        transport = client._transport_for_url(url)  # honours proxy mounts
        resp = transport.handle_request(request)
        resp.request = request
        try:
            resp.read()
        finally:
            resp.close()
        # the OneAPI executor needs no cookie jar; the legacy ZIA/ZTW session cookie would
        # still go through client.cookies (keep the old path for those executors)
        return resp

    pipeline.HttpLayer.__call__ = __call__
