"""Routes derived from the catalog: every ``Op`` becomes a matcher with a meaning.

A path template is split into segments; a segment is a literal, a whole placeholder
(``{group_id}``) or a pattern where a placeholder is glued to text
(``{key_type}zcomponent``). Templates go into a segment trie so matching a request
costs one dictionary step per segment whatever the size of the catalog.

Each route gets a *kind* that decides what the simulator does with it:

``list``             GET of a collection (result list/raw_list) -> a page in the product's envelope
``get``              GET ``<collection>/{id}`` -> the stored item or 404
``create``           POST on a collection -> a new item
``update``           PUT/PATCH ``<collection>/{id}``
``delete``           DELETE ``<collection>/{id}``
``singleton_get``    GET of a settings object (stored; ``{}`` if never written)
``singleton_put``    PUT/PATCH of a settings object
``singleton_delete`` DELETE of a path that is not an item
``action``           anything else (POST on a non-collection path ...): a generic answer
``handler``          a named handler registered by the simulator
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable
from urllib.parse import parse_qsl, unquote

_PH = re.compile(r"{(\w+)}")
_VERSION = re.compile(r"/v\d+(?=/)")


def split_template(path: str) -> tuple[str, dict[str, str]]:
    """Remove an inline query (``/x/{id}?action=ADD``) from a template; return it as a dict."""
    path, _, query = path.partition("?")
    if len(path) > 1:
        path = path.rstrip("/")
    return path, dict(parse_qsl(query, keep_blank_values=True))


def trailing_placeholder(template: str) -> bool:
    last = template.rsplit("/", 1)[-1]
    return bool(re.fullmatch(r"{\w+}", last))


def collection_of(template: str) -> str:
    head, _, last = template.rpartition("/")
    return head if re.fullmatch(r"{\w+}", last) else template


def fill(template: str, params: dict[str, Any]) -> str:
    """Substitute placeholders; raises KeyError naming the first missing one."""

    def sub(m: Any) -> Any:
        name = m.group(1)
        if name not in params or params[name] in (None, ""):
            raise KeyError(name)
        return str(params[name])

    return _PH.sub(sub, template)


@dataclass
class Route:
    product: str
    verb: str
    template: str
    kind: str
    names: list[str]  # placeholder names in path order
    resource: Any = None  # catalog Resource
    op: Any = None  # catalog Op
    coll_template: str | None = None  # where the items live (canonical across versions)
    paging: str = "none"
    result: str = "object"
    inline_query: dict[str, str] = field(default_factory=dict)
    handler: Callable[..., Any] | None = None
    no_pending: bool = False  # writes through this route do not stage ZIA/ZTW config
    authenticate: Callable[..., Any] | None = None  # the behaviour's own caller check (instead of the gateway's)

    def params(self, values: list[str]) -> dict[str, str]:
        return dict(zip(self.names, values))


class _Node:
    __slots__ = ("lit", "var", "pats", "routes")

    def __init__(self) -> None:
        self.lit: dict[str, _Node] = {}
        self.var: _Node | None = None
        self.pats: list[tuple[re.Pattern[str], _Node]] = []
        self.routes: dict[str, list[Route]] = {}


def _segment_kind(seg: str) -> Any:
    if re.fullmatch(r"{\w+}", seg):
        return "var", None
    if "{" in seg:
        parts = re.split(r"({\w+})", seg)
        rx = "".join("([^/]+?)" if _PH.fullmatch(p) else re.escape(p) for p in parts if p)
        return "pat", re.compile(rx + r"\Z")
    return "lit", seg


class Router:
    """Segment trie of routes with a small match cache."""

    def __init__(self) -> None:
        self.root = _Node()
        self.routes: list[Route] = []
        self._cache: dict[tuple[str, str], tuple[list[Route] | None, list[str], bool]] = {}

    def add(self, route: Route, first: bool = False) -> None:
        node = self.root
        for seg in route.template.strip("/").split("/"):
            kind, val = _segment_kind(seg)
            if kind == "lit":
                node = node.lit.setdefault(val, _Node())
            elif kind == "var":
                if node.var is None:
                    node.var = _Node()
                node = node.var
            else:
                for rx, child in node.pats:
                    if rx.pattern == val.pattern:
                        node = child
                        break
                else:
                    child = _Node()
                    node.pats.append((val, child))
                    node = child
        lst = node.routes.setdefault(route.verb, [])
        if first:
            lst.insert(0, route)
        else:
            lst.append(route)
        self.routes.append(route)
        self._cache.clear()

    def _walk(self, node: _Node, segs: list[str], i: int, verb: str, values: list[str], found: list[Any]) -> Any:
        if i == len(segs):
            if node.routes:
                if verb in node.routes:
                    return node, values
                if not found:
                    found.append(True)  # the path exists with another verb
            return None
        seg = segs[i]
        child = node.lit.get(seg)
        if child is not None:
            r = self._walk(child, segs, i + 1, verb, values, found)
            if r:
                return r
        for rx, child in node.pats:
            m = rx.match(seg)
            if m:
                r = self._walk(child, segs, i + 1, verb, values + list(m.groups()), found)
                if r:
                    return r
        if node.var is not None:
            return self._walk(node.var, segs, i + 1, verb, values + [seg], found)
        return None

    def match(self, verb: str, path: str, query: dict[str, list[str]] | None = None) -> Any:
        """Return ``(route, values)`` or ``(None, [])``.

        ``path`` may be percent-encoded: it is split into segments first and each segment decoded
        after, so an id holding ``/`` (sent as ``%2F``) stays one segment.
        """
        key = (verb, path)
        hit = self._cache.get(key)
        if hit is None:
            segs = [unquote(s) if "%" in s else s for s in path.strip("/").split("/")]
            found: list[Any] = []
            r = self._walk(self.root, segs, 0, verb, [], found)
            if r is None:
                hit = (None, [], bool(found))
            else:
                node, values = r
                candidates = node.routes[verb]
                hit = (candidates, values, False)
            if len(self._cache) > 8192:
                self._cache.clear()
            self._cache[key] = hit
        candidates, values, _ = hit
        if candidates is None:
            return None, []
        if len(candidates) == 1 and not candidates[0].inline_query:
            return candidates[0], values
        # several ops share the template: the one whose inline query matches wins
        plain = None
        for r in candidates:
            if r.inline_query:
                if query is not None and all(v in query.get(k, ()) for k, v in r.inline_query.items()):
                    return r, values
            elif plain is None:
                plain = r
        return plain, values


def _is_listing(o: Any, template: str) -> bool:
    return o.verb == "GET" and o.result in ("list", "raw_list") and not trailing_placeholder(template)


def _collection_templates(ops: list[Any]) -> set[str]:
    """Templates that hold items: listed, or addressed as ``<template>/{id}``."""
    out: set[str] = set()
    for _res, o, template, _inline in ops:
        if _is_listing(o, template):
            out.add(template)
        if trailing_placeholder(template):
            out.add(collection_of(template))
    return out


def _primaries(product: Any, coll_templates: set[str]) -> dict[int, str]:
    """Per resource (by id), its primary collection: the listed one, else the one it creates in."""
    primary: dict[int, str] = {}
    for res in product.resources:
        for o in res.ops:
            t, _ = split_template(o.path)
            if _is_listing(o, t):
                primary[id(res)] = t
                break
        else:
            for o in res.ops:
                t, _ = split_template(o.path)
                if o.verb == "POST" and t in coll_templates:
                    primary[id(res)] = t
                    break
    return primary


#: list views that read their parent collection (``<collection>/lite``, ``<collection>/summary``)
VIEW_SUFFIXES = ("/lite", "/summary")


def view_of(template: str, coll_templates: set[str]) -> str | None:
    """The collection a list view template (``.../adminRoles/lite``) shows, or None."""
    for suffix in VIEW_SUFFIXES:
        if template.endswith(suffix) and template[: -len(suffix)] in coll_templates:
            return template[: -len(suffix)]
    return None


def _kind(o: Any, template: str, coll_templates: set[str]) -> tuple[str, str]:
    """(route kind, the template of the collection or object it addresses)."""
    verb, trailing = o.verb, trailing_placeholder(template)
    if verb == "GET":
        if o.result in ("list", "raw_list"):
            return "list", view_of(template, coll_templates) or template
        return ("get", collection_of(template)) if trailing else ("singleton_get", template)
    if verb == "POST":
        return ("create", template) if not trailing and template in coll_templates else ("action", template)
    if verb in ("PUT", "PATCH"):
        return ("update", collection_of(template)) if trailing else ("singleton_put", template)
    if verb == "DELETE":
        return ("delete", collection_of(template)) if trailing else ("singleton_delete", template)
    return "action", template


def build_routes(product: Any, router: Router) -> None:
    """Add one catalog ``Product``'s operations to ``router``."""
    ops = []
    for res, o in product.ops():
        template, inline = split_template(o.path)
        ops.append((res, o, template, inline))
    coll_templates = _collection_templates(ops)
    primary = _primaries(product, coll_templates)  # version variants (v1/v2) of it share its items

    def canonical(res: Any, coll: str) -> str:
        p = primary.get(id(res))
        if p and p != coll and _VERSION.sub("/v", p) == _VERSION.sub("/v", coll):
            if set(_PH.findall(p)) <= set(_PH.findall(coll)):
                return p
        return coll

    seen: set[tuple[str, str, tuple[Any, ...]]] = set()
    for res, o, template, inline in ops:
        key = (o.verb, template, tuple(sorted(inline.items())))
        if key in seen:
            continue
        seen.add(key)
        kind, coll = _kind(o, template, coll_templates)
        if kind in ("list", "get", "create", "update", "delete"):
            coll = canonical(res, coll)
        router.add(Route(product=product.name, verb=o.verb, template=template, kind=kind,
                         names=_PH.findall(template), resource=res, op=o, coll_template=coll,
                         paging=o.paging or product.paging, result=o.result, inline_query=inline))


def resource_collection(product: Any, resource: Any) -> str | None:
    """The collection template a resource's items live in (for seeding; a list view's: its collection)."""
    for o in resource.ops:
        t, _ = split_template(o.path)
        if o.verb == "GET" and o.result in ("list", "raw_list") and not trailing_placeholder(t):
            if t.endswith(VIEW_SUFFIXES):
                ops = [(res, op, *split_template(op.path)) for res, op in product.ops()]
                return view_of(t, _collection_templates(ops)) or t
            return t
    for o in resource.ops:
        t, _ = split_template(o.path)
        if o.verb == "POST" and not trailing_placeholder(t):
            return t
    for o in resource.ops:
        t, _ = split_template(o.path)
        if trailing_placeholder(t):
            return collection_of(t)
    return None


def iter_products(names: Iterable[str]) -> Any:
    """Load the installed catalogs by name, skipping modules that do not exist (yet)."""
    import warnings

    from zscaler import catalog

    for name in names:
        try:
            yield catalog.load(name)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(f"catalog.{name}"):
                continue  # not generated in this installation
            warnings.warn(f"zscaler simulator: catalog {name!r} could not be loaded: {exc}", RuntimeWarning, stacklevel=2)
        except Exception as exc:  # a catalog being edited must not take the simulator down
            warnings.warn(f"zscaler simulator: catalog {name!r} could not be loaded: {exc!r}", RuntimeWarning,
                          stacklevel=2)


def _shape(template: str) -> str:
    return _PH.sub("{}", template)


def bind_behaviors(router: Router, found: Iterable[Any], strict: Callable[[str], bool]) -> None:
    """Put product behaviours in front of the catalog routes they replace.

    A behaviour takes over the route with the same verb, path shape and inline query (its
    placeholders may be named differently). One that matches no route is an error
    (``ValueError`` naming it) when ``strict(product)`` (an installed catalog), unless it serves a
    path no operation describes on purpose (``wire_only=True``); otherwise (a caller's stand-in product) it is skipped.
    """
    existing: dict[tuple[Any, ...], Route] = {}
    for r in router.routes:
        existing.setdefault((r.verb, _shape(r.template), frozenset(r.inline_query.items())), r)
    for b in found:
        template, inline = split_template(b.template)  # "...?action=ADD_TO_LIST" matches that op only
        base = existing.get((b.verb, _shape(template), frozenset(inline.items())))
        if base is None and not b.wire_only:
            if strict(b.product):
                raise ValueError(
                    f"simulator behaviour {b.name} ({b.product} {b.verb} {b.template}) matches no operation of the "
                    f"{b.product} catalog; fix the template, or pass wire_only=True if clients send it without a "
                    "catalog operation")
            continue
        router.add(_behavior_route(b, template, inline, base), first=True)


def _behavior_route(b: Any, template: str, inline: dict[str, str], base: Route | None) -> Route:
    names: list[str] = _PH.findall(template)
    common = dict(product=b.product, verb=b.verb, template=template, names=names, inline_query=inline,
                  handler=b.handler, authenticate=b.authenticate)
    if base is None:
        return Route(kind="handler", no_pending=b.no_pending, **common)
    rename: dict[str, str] = dict(zip(base.names, names))
    coll = base.coll_template
    if coll:
        coll = _PH.sub(lambda m: "{" + rename.get(m.group(1), m.group(1)) + "}", coll)
    return Route(kind=base.kind, resource=base.resource, op=base.op, coll_template=coll, paging=base.paging,
                 result=base.result, no_pending=b.no_pending or base.no_pending, **common)
