"""The shape of the endpoint catalog.

Every product module in :mod:`zscaler.catalog` exports one :class:`Product`. Each
resource lists its operations; each operation is one HTTP request. Client methods,
simulator routes, CLI commands and the reference docs are all derived from these
records, so adding an endpoint means adding an :func:`op` line.

Conventions an operation relies on (the binder in :mod:`zscaler.binding` applies them):

* ``params`` is the Python parameter list exactly as it would be written in a ``def``
  (``"group_id, query_params=None"``, ``"key_type, **kwargs"``). It becomes the real
  method signature, so ``inspect.signature`` shows it.
* A parameter whose name appears as ``{name}`` in the path fills that path segment.
* ``query_params`` is a dict merged into the query string (product rules convert keys).
* ``**kwargs`` is the request body for POST/PUT/PATCH and extra query keys for GET/DELETE.
* ``microtenant_id`` (ZPA) goes to the ``microtenantId`` query key.
* Any other named parameter goes to the body for POST/PUT/PATCH and to the query for
  GET/DELETE, under its camelCase name, unless ``query``/``wire`` say otherwise, or it
  *is* the whole body (``body="arg"``).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Mapping, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from .call import Hook

#: Result shapes an operation can declare.
RESULT_SHAPES = frozenset(
    {
        "list",  # paged item list, each wrapped in the model
        "object",  # one model built from the body
        "none",  # success carries no value (deletes)
        "raw",  # decoded JSON body as-is
        "raw_list",  # the item list of the body, unwrapped dicts
        "status_code",  # the HTTP status code as an int
        "bytes",  # the undecoded body (downloads)
        "list_of_one",  # a one-element list wrapping a model built from the whole body
    }
)

WRITE_VERBS = frozenset({"POST", "PUT", "PATCH"})

#: What a method returns (the official SDK's convention for it, ``return_convention`` in the inventory).
RETURNS = frozenset(
    {
        "tuple3",  # (result, response, error), the rule
        "bare",  # the result alone; an error raises
        "bare_or_none",  # the result alone; an error is logged and None returned
        "tuple3_or_none",  # (result, response, error) on success; an error is logged and None returned
        "pair",  # (result, None) or (None, error)
    }
)

#: Where a ZCell ``days=`` time window goes: the query, the JSON body, or path arguments.
WINDOW_TARGETS = frozenset({"query", "body", "path"})


@dataclass(frozen=True)
class Param:
    """One parameter of a generated method."""

    name: str
    kind: str  # positional_or_keyword | keyword_only | var_keyword | var_positional
    required: bool
    default: Any = None


@lru_cache(maxsize=None)
def parse_params(text: str) -> tuple[Param, ...]:
    """Parse a ``def`` parameter list (``"a, b=None, **kwargs"``) into :class:`Param` records."""
    if not text.strip():
        return ()
    fn = ast.parse(f"def _f({text}): pass").body[0]
    assert isinstance(fn, ast.FunctionDef)
    a = fn.args
    out: list[Param] = []
    positional = a.posonlyargs + a.args
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    for arg, d in zip(positional, defaults):
        out.append(Param(arg.arg, "positional_or_keyword", d is None, None if d is None else ast.literal_eval(d)))
    if a.vararg:
        out.append(Param(a.vararg.arg, "var_positional", False))
    for arg, d in zip(a.kwonlyargs, a.kw_defaults):
        out.append(Param(arg.arg, "keyword_only", d is None, None if d is None else ast.literal_eval(d)))
    if a.kwarg:
        out.append(Param(a.kwarg.arg, "var_keyword", False))
    return tuple(out)


def default_doc(name: str) -> str:
    """The summary of an op without ``doc=``: its name as a sentence (``list_groups`` -> ``List groups.``)."""
    return name.replace("_", " ").capitalize() + "."


@dataclass(frozen=True)
class Op:
    """One public method and the single request it sends."""

    name: str
    verb: str
    path: str  # full template from the API root, product prefix included
    params: tuple[Param, ...] = ()
    result: str = "object"
    model: str | None = None
    body: str | None = None  # name of the argument that is the whole body
    query: tuple[str, ...] = ()  # named arguments sent as query keys
    wire: Mapping[str, str] = field(default_factory=dict)  # argument/kwarg -> wire key
    maps: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # argument value maps
    body_defaults: Mapping[str, Any] = field(default_factory=dict)  # wire key -> default when not given
    field_path: str | None = None  # for result="raw" : dotted field of the body to return
    paging: str | None = None  # overrides the product paging style
    hook: Hook | None = None  # special behaviour: hook(call), see zscaler.catalog.call.Call
    client_search: bool = False  # the API does not filter: ``search`` is applied to each page's names here
    enabled_to_state: bool = False  # ``enabled=True|False`` goes as ``"state": "ENABLED"|"DISABLED"`` (ZIA/ZTW rules)
    doc: str = ""
    raw_body: bool = False  # body sent as bytes/text, not JSON
    fallbacks: Mapping[str, str] = field(default_factory=dict)  # argument -> config key used when not given
    local: tuple[str, ...] = ()  # arguments used by the hook only, never sent (file names, save paths)
    headers: tuple[str, ...] = ()  # arguments sent as HTTP headers
    computed: tuple[str, ...] = ()  # path placeholders the hook fills (an id looked up first), not arguments
    returns: str = "tuple3"  # one of RETURNS
    window: tuple[str, str, str] | None = None  # ZCell ``days=``: (start key, end key, target in WINDOW_TARGETS)
    shorthands: tuple[str, ...] = ()  # extra keywords the method takes beside its signature (ZDX ``since=`` ...)

    def __post_init__(self) -> None:
        if self.returns not in RETURNS:
            raise ValueError(f"op {self.name}: returns {self.returns!r} is not one of {sorted(RETURNS)}")
        if self.window is not None and (len(self.window) != 3 or self.window[2] not in WINDOW_TARGETS):
            raise ValueError(f"op {self.name}: window {self.window!r} is not (start_key, end_key, target)")
        missing = [c for c in self.computed if "{" + c + "}" not in self.path]
        if self.computed and (self.hook is None or missing):
            raise ValueError(f"op {self.name}: computed placeholders {missing or list(self.computed)} "
                             "need a hook and a path slot")

    @property
    def summary(self) -> str:
        """The method's first docstring line: ``doc``, else one made from the name (``list_groups`` ->
        ``List groups.``); a ``doc=`` equal to that default is not written (a test checks)."""
        return self.doc or default_doc(self.name)

    @property
    def collection(self) -> str:
        """The path with a trailing ``/{placeholder}`` removed (where items live)."""
        head, _, last = self.path.rpartition("/")
        return head if last.startswith("{") and last.endswith("}") else self.path

    def placeholders(self) -> list[str]:
        """Path placeholders the caller's arguments (or the config) fill; ``computed`` ones excluded."""
        import re

        return [p for p in re.findall(r"{(\w+)}", self.path) if p not in self.computed]


@dataclass(frozen=True)
class Resource:
    """A resource attribute of a product service (``client.zpa.segment_groups``)."""

    attribute: str
    ops: tuple[Op, ...]
    model: str | None = None
    id_field: str = "id"
    id_lists: Mapping[str, str] = field(default_factory=dict)  # kwarg -> wire key of [{"id": ...}]
    id_refs: Mapping[str, str] = field(default_factory=dict)  # kwarg -> wire key of a single {"id": ...}
    required: tuple[str, ...] = ()  # wire keys the simulator requires on create
    aliases: Mapping[str, str] = field(default_factory=dict)  # extra method name -> op name
    doc: str = ""
    constants: Mapping[str, Any] = field(default_factory=dict)  # class attributes of the resource class (literal tables)

    def op(self, name: str) -> Op:
        name = self.aliases.get(name, name)
        for o in self.ops:
            if o.name == name:
                return o
        raise KeyError(name)


@dataclass(frozen=True, eq=True)
class Login:
    """A product's legacy (pre-OneAPI) client: its configuration keys, how it logs in, where it sends.

    Declared as ``Product(..., legacy=Login(...))`` with literal arguments (read without importing
    the catalog module). The legacy client, ``Simulator.legacy_config``, the CLI's ``--legacy``
    choices and ``transport.urls.legacy_base_url`` derive from it.
    """

    client: str  # the official legacy client class: "LegacyZIAClient"
    provider: str  # its credential provider in zscaler.auth.legacy: "ZIASession"
    keys: Mapping[str, tuple[str, ...]]  # the product's own config keys -> environment variables (first set wins)
    required: tuple[str, ...]  # keys that must have a value (given, from the environment or a default)
    args: Mapping[str, str]  # provider keyword -> config key (passed when the key has a value)
    host: str = ""  # base URL template of the legacy host: "https://zsapi.{cloud}.net"
    hosts: Mapping[str, str] = field(default_factory=dict)  # clouds (any case) with their own host; only these without host
    defaults: Mapping[str, str] = field(default_factory=dict)  # key -> value when neither given nor in the environment
    logs_out: bool = False  # ending the session activates staged changes (ZIA, ZTW)
    sandbox: bool = False  # also takes the Cloud Sandbox keys (sandboxToken, sandboxCloud, sandboxBaseUrl)

    __hash__ = None  # type: ignore[assignment]  # holds mappings

    def base_url(self, product: str, cloud: str) -> str:
        """The legacy host for ``cloud``: ``hosts`` first (any case), else the ``host`` template."""
        special = {k.lower(): v for k, v in self.hosts.items()}.get(cloud.lower())
        if special:
            return special
        if not self.host:
            raise ValueError(f"cloud: '{cloud}' is not a {product.upper()} cloud; accepted: {', '.join(self.hosts)}")
        return self.host.format(cloud=cloud)


class Facts(NamedTuple):
    """A product's facts (``Product.facts()``), known without importing its catalog module."""

    name: str
    prefix: str
    title: str
    properties: tuple[str, ...]
    paths: tuple[str, ...]
    activation: str | None
    order: int
    legacy: Login | None = None


#: the spellings of query_params keys a product can declare (``Product.query``; binding.QUERY_RULES)
QUERY_STYLES = ("generic", "zpa", "zdx")


@dataclass(frozen=True)
class Product:
    """One product's catalog."""

    name: str  # zpa, zia, ...
    prefix: str  # OneAPI path prefix removed for legacy hosts ("/zpa")
    paging: str  # default paging style: zpa | zia | zcc | zdx | ziam | flat | zcell | easm | none
    resources: tuple[Resource, ...]
    body_case: str = "camel"  # camel | none | zcc
    int_ids: bool = False  # numeric ids in id lists are sent as integers
    id_style: str = "int"  # simulator ids: int | zpa (long numeric strings) | uuid
    aliases: Mapping[str, str] = field(default_factory=dict)  # extra attribute -> attribute
    fallbacks: Mapping[str, str] = field(default_factory=dict)  # argument -> config key, for every op having it
    query: str = "generic"  # how query_params keys are spelt: generic | zpa | zdx (binding.QUERY_RULES)
    # -- the product's own facts; written as literals: zscaler.catalog reads them without importing the module
    title: str = ""  # "Zscaler Private Access" (zscaler --help)
    properties: tuple[str, ...] = ()  # more client properties serving it (client.zidentity -> zid)
    paths: tuple[str, ...] = ()  # gateway path prefixes that are this product's (default: (prefix,))
    activation: str | None = None  # path whose DELETE ends the session and activates staged changes (ZIA, ZTW)
    order: int = 1000  # position in product listings (zscaler --help, the stubs)
    legacy: Login | None = None  # the legacy client's login description (None: no legacy client)

    def __post_init__(self) -> None:
        if self.query not in QUERY_STYLES:
            raise ValueError(f"product {self.name}: query={self.query!r} is not one of {', '.join(QUERY_STYLES)}")

    def facts(self) -> "Facts":
        """What is known of the product without its resources (:func:`zscaler.catalog.facts`)."""
        return Facts(self.name, self.prefix, self.title or self.name.upper(), self.properties,
                     self.paths or (self.prefix,), self.activation, self.order, self.legacy)

    def resource(self, attribute: str) -> Resource:
        attribute = self.aliases.get(attribute, attribute)
        for r in self.resources:
            if r.attribute == attribute:
                return r
        raise AttributeError(attribute)

    def ops(self) -> Any:
        for r in self.resources:
            for o in r.ops:
                yield r, o


def op(
    name: str,
    verb: str,
    path: str,
    params: str = "",
    result: str = "object",
    model: str | None = None,
    **extra: Any,
) -> Op:
    """Shorthand used by the catalog modules."""
    verb = verb.upper()
    if result not in RESULT_SHAPES:
        raise ValueError(f"op {name}: result {result!r} is not one of {sorted(RESULT_SHAPES)}")
    return Op(name=name, verb=verb, path=path, params=parse_params(params), result=result, model=model, **extra)


def with_shorthands(resources: tuple[Resource, ...], methods: Mapping[str, tuple[str, ...]],
                    keywords: tuple[str, ...]) -> tuple[Resource, ...]:
    """``resources`` with ``keywords`` accepted beside the signature of the named methods (``Op.shorthands``)."""
    from dataclasses import replace

    out = []
    for res in resources:
        names = set(methods.get(res.attribute, ()))
        missing = names - {o.name for o in res.ops}
        if missing:
            raise ValueError(f"{res.attribute}: no op named {sorted(missing)}")
        ops = tuple(replace(o, shorthands=keywords) if o.name in names else o for o in res.ops)
        out.append(replace(res, ops=ops))
    return tuple(out)


#: The roles of :func:`crud` operations, in the order it returns them; ``write`` in ``extra`` means add and update.
CRUD_ROLES = ("list", "get", "add", "update", "delete")


def crud(
    base: str,
    path: str,
    model: str,
    *,
    list_name: str,
    get_name: str,
    add_name: str,
    update_name: str,
    delete_name: str,
    id_arg: str,
    microtenant: bool = False,
    hooks: Mapping[str, Hook] | None = None,
    extra: Mapping[str, Mapping[str, Any]] | None = None,
) -> tuple[Op, ...]:
    """The common five operations of a collection resource: list, get, add, update (PUT), delete.

    ``hooks`` gives a role (``list``, ``get``, ``add``, ``update``, ``delete``, or ``write`` for add
    and update) its hook; ``extra`` gives a role any other :func:`op` keyword (``params``,
    ``result``, ``model``, ``doc``, ``wire``, ``enabled_to_state`` ...), overriding the defaults below.
    """
    item = f"{base}{path}/{{{id_arg}}}"
    defaults: dict[str, dict[str, Any]] = {
        "list": dict(verb="GET", path=base + path, params="query_params=None", result="list", model=model),
        "get": dict(verb="GET", path=item, params=f"{id_arg}, query_params=None", result="object", model=model),
        "add": dict(verb="POST", path=base + path, params="**kwargs", result="object", model=model),
        "update": dict(verb="PUT", path=item, params=f"{id_arg}, **kwargs", result="object", model=model),
        "delete": dict(verb="DELETE", path=item, params=f"{id_arg}, microtenant_id=None" if microtenant else id_arg,
                       result="none", model=None),
    }
    names = dict(zip(CRUD_ROLES, (list_name, get_name, add_name, update_name, delete_name)))
    given: dict[str, dict[str, Any]] = {k: {"hook": h} for k, h in (hooks or {}).items()}
    for role, kw in (extra or {}).items():
        given[role] = {**given.get(role, {}), **kw}
    unknown = set(given) - {*CRUD_ROLES, "write"}
    if unknown:
        raise ValueError(f"crud {list_name}: unknown role(s) {sorted(unknown)}; roles: {CRUD_ROLES + ('write',)}")
    out = []
    for role in CRUD_ROLES:
        shared = given.get("write", {}) if role in ("add", "update") else {}
        kw = {**defaults[role], **shared, **given.get(role, {})}
        out.append(op(names[role], kw.pop("verb"), kw.pop("path"), kw.pop("params"), kw.pop("result"),
                      kw.pop("model"), **kw))
    return tuple(out)


def in_name_order(*ops: Op) -> tuple[Op, ...]:
    """A resource's operations in name order (``in_name_order(*crud(...), op(...), ...)``): the order the
    hand-written resources keep, which the simulator reads (a resource's first listing is where its
    items are seeded)."""
    return tuple(sorted(ops, key=lambda o: o.name))
