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
from urllib.parse import parse_qsl

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

    def sub(m):
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
    handler: Callable | None = None
    no_pending: bool = False  # writes through this route do not stage ZIA/ZTW config

    def params(self, values: list[str]) -> dict[str, str]:
        return dict(zip(self.names, values))


class _Node:
    __slots__ = ("lit", "var", "pats", "routes")

    def __init__(self):
        self.lit: dict[str, _Node] = {}
        self.var: _Node | None = None
        self.pats: list[tuple[re.Pattern, _Node]] = []
        self.routes: dict[str, list[Route]] = {}


def _segment_kind(seg: str):
    if re.fullmatch(r"{\w+}", seg):
        return "var", None
    if "{" in seg:
        parts = re.split(r"({\w+})", seg)
        rx = "".join("([^/]+?)" if _PH.fullmatch(p) else re.escape(p) for p in parts if p)
        return "pat", re.compile(rx + r"\Z")
    return "lit", seg


class Router:
    """Segment trie of routes with a small match cache."""

    def __init__(self):
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

    def _walk(self, node: _Node, segs: list[str], i: int, verb: str, values: list[str], found: list):
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

    def match(self, verb: str, path: str, query: dict[str, list[str]] | None = None):
        """Return ``(route, values)`` or ``(None, [])``."""
        key = (verb, path)
        hit = self._cache.get(key)
        if hit is None:
            segs = path.strip("/").split("/")
            found: list = []
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


def build_routes(product, router: Router) -> None:
    """Add one catalog ``Product``'s operations to ``router``."""
    ops = []
    for res, o in product.ops():
        template, inline = split_template(o.path)
        ops.append((res, o, template, inline))

    # templates that hold items: listed, or addressed as <template>/{id}
    coll_templates: set[str] = set()
    for res, o, template, inline in ops:
        if o.verb == "GET" and o.result in ("list", "raw_list") and not trailing_placeholder(template):
            coll_templates.add(template)
        if trailing_placeholder(template):
            coll_templates.add(collection_of(template))

    # per resource, the primary collection; version variants (v1/v2) of it share its items
    primary: dict[int, str] = {}
    for res in product.resources:
        for o in res.ops:
            t, _ = split_template(o.path)
            if o.verb == "GET" and o.result in ("list", "raw_list") and not trailing_placeholder(t):
                primary[id(res)] = t
                break
        else:
            for o in res.ops:
                t, _ = split_template(o.path)
                if o.verb == "POST" and t in coll_templates:
                    primary[id(res)] = t
                    break

    def canonical(res, coll: str) -> str:
        p = primary.get(id(res))
        if p and p != coll and _VERSION.sub("/v", p) == _VERSION.sub("/v", coll):
            if set(_PH.findall(p)) <= set(_PH.findall(coll)):
                return p
        return coll

    seen: set[tuple[str, str, tuple]] = set()
    for res, o, template, inline in ops:
        key = (o.verb, template, tuple(sorted(inline.items())))
        if key in seen:
            continue
        seen.add(key)
        verb = o.verb
        trailing = trailing_placeholder(template)
        coll = None
        if verb == "GET":
            if o.result in ("list", "raw_list"):
                kind, coll = "list", template
            elif trailing:
                kind, coll = "get", collection_of(template)
            else:
                kind, coll = "singleton_get", template
        elif verb == "POST":
            if not trailing and template in coll_templates:
                kind, coll = "create", template
            else:
                kind, coll = "action", template
        elif verb in ("PUT", "PATCH"):
            if trailing:
                kind, coll = "update", collection_of(template)
            else:
                kind, coll = "singleton_put", template
        elif verb == "DELETE":
            if trailing:
                kind, coll = "delete", collection_of(template)
            else:
                kind, coll = "singleton_delete", template
        else:
            kind, coll = "action", template
        if kind in ("list", "get", "create", "update", "delete"):
            coll = canonical(res, coll)
        router.add(
            Route(
                product=product.name,
                verb=verb,
                template=template,
                kind=kind,
                names=_PH.findall(template),
                resource=res,
                op=o,
                coll_template=coll,
                paging=o.paging or product.paging,
                result=o.result,
                inline_query=inline,
            )
        )


def resource_collection(product, resource) -> str | None:
    """The collection template a resource's items live in (for seeding)."""
    for o in resource.ops:
        t, _ = split_template(o.path)
        if o.verb == "GET" and o.result in ("list", "raw_list") and not trailing_placeholder(t):
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


def iter_products(names: Iterable[str]):
    """Load the installed catalogs by name, skipping modules that do not exist (yet)."""
    import warnings

    from zscaler import catalog

    for name in names:
        try:
            yield catalog.load(name)
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.endswith(f"catalog.{name}"):
                continue  # not generated in this installation
            warnings.warn(f"zscaler simulator: catalog {name!r} could not be loaded: {exc}", RuntimeWarning)
        except Exception as exc:  # a catalog being edited must not take the simulator down
            warnings.warn(f"zscaler simulator: catalog {name!r} could not be loaded: {exc!r}", RuntimeWarning)
