"""The product / resource / operation command tree, generated lazily from the catalog.

``zscaler <product> <resource> <operation> [--option value ...]``: a product's catalog is
imported only when a command of that product (or its help, or its completion) is asked for.
"""

from __future__ import annotations

import sys
from collections import Counter
from typing import Any

import click

from . import exits
from .params import JSON, QUERY_PAIR, KeyValue, flatten_lists, read_json_arg, value_type

CONFIG_PLACEHOLDERS = ("customerId", "zcellCustomerId")
RESERVED = {"--query", "--json", "--set", "--all", "--output", "--jmespath", "--help"}
TOTAL_KEYS = ("totalCount", "totalElements", "totalRecord", "total_results", "results_total")


def kebab(name: str) -> str:
    return name.replace("_", "-")


def snake(name: str) -> str:
    return name.replace("-", "_")


# ------------------------------------------------------------------ naming

def op_names(resource: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """``(listed, hidden)``: command name -> Op. Listed names are the first word of the method
    when unique within the resource, else the whole method name in kebab-case; every full
    kebab-case method name (and each alias) is accepted as a hidden name."""
    ops = resource.ops
    firsts = Counter(o.name.split("_")[0] for o in ops)
    full = {kebab(o.name) for o in ops}
    listed: dict[str, Any] = {}
    hidden: dict[str, Any] = {}
    for o in ops:
        first = o.name.split("_")[0]
        short = first if firsts[first] == 1 and (first == o.name or first not in full) else kebab(o.name)
        listed[short] = o
        if short != kebab(o.name):
            hidden[kebab(o.name)] = o
    for verb, o in uniform_verbs(resource).items():
        if verb not in listed and verb not in full:  # the method's own short name stays what it was
            listed[verb] = o
            hidden.pop(verb, None)
    for alias, target in resource.aliases.items():
        try:
            hidden.setdefault(kebab(alias), resource.op(target))
        except KeyError:
            continue
    return listed, hidden


VERBS = {"list": ("list_",), "get": ("get_",), "create": ("add_", "create_"), "update": ("update_",),
         "delete": ("delete_",)}
ID_VERBS = ("get", "update", "delete")


def _bare(path: str) -> str:
    return path.split("?", 1)[0].rstrip("/")


def _closest(resource: Any, candidates: list[Any]) -> Any:
    """The candidate whose name (without its verb) is nearest the resource's name; the shortest on a tie."""
    import difflib

    def score(o: Any) -> tuple[float, int]:
        rest = o.name.split("_", 1)[1] if "_" in o.name else o.name
        return (-difflib.SequenceMatcher(None, rest, resource.attribute).ratio(), len(o.name))

    return min(candidates, key=score) if candidates else None


def _is_item_path(path: str, collection: str | None) -> bool:
    head, _, last = _bare(path).rpartition("/")
    return last.startswith("{") and (collection is None or head == collection)


def uniform_verbs(resource: Any) -> dict[str, Any]:
    """``list``/``get``/``create``/``update``/``delete`` -> the Op each stands for in this resource:
    the collection's listing (nearest the resource's name), and the operations on that collection
    (POST to it) or on one of its items (``.../{id}``); a verb without such an operation is absent."""
    def named(verb: str) -> list[Any]:
        return [o for o in resource.ops if o.name.startswith(VERBS[verb])]

    lists = [o for o in named("list") if o.verb == "GET" and o.result == "list"
             and not [p for p in o.placeholders() if p not in CONFIG_PLACEHOLDERS]]
    listing = _closest(resource, lists)
    collection = _bare(listing.path) if listing is not None else None
    found = {"list": listing,
             "get": _closest(resource, [o for o in named("get") if o.verb == "GET" and _is_item_path(o.path, collection)]),
             "update": _closest(resource, [o for o in named("update") if o.verb in ("PUT", "PATCH")
                                           and _is_item_path(o.path, collection)]),
             "delete": _closest(resource, [o for o in named("delete") if o.verb == "DELETE"
                                           and _is_item_path(o.path, collection)]),
             "create": _closest(resource, [o for o in named("create") if o.verb == "POST"
                                           and (collection is None or _bare(o.path) == collection)])}
    if listing is None and found["get"] is None:
        found.update(_settings_verbs(resource, named("get"), named("update")))
    return {k: v for k, v in found.items() if v is not None}


def _settings_verbs(resource: Any, gets: list[Any], updates: list[Any]) -> dict[str, Any]:
    """A settings resource (one object, no collection): ``get`` reads a path without an id and
    ``update`` writes that same path."""
    plain = [o for o in gets if o.verb == "GET" and o.result != "list"
             and not [p for p in o.placeholders() if p not in CONFIG_PLACEHOLDERS]]
    get = _closest(resource, plain)
    if get is None:
        return {}
    update = _closest(resource, [o for o in updates if o.verb in ("PUT", "PATCH") and _bare(o.path) == _bare(get.path)])
    return {"get": get, "update": update}


def id_param(op: Any) -> str | None:
    """The argument that fills the last ``{placeholder}`` of an item path (``group_id``), if any."""
    last = _bare(op.path).rpartition("/")[2]
    if last.startswith("{") and last.strip("{}") not in CONFIG_PLACEHOLDERS:
        name = last.strip("{}")
        return name if any(p.name == name for p in op.params) else None
    return None


# ------------------------------------------------------------------ operation command

class OpSpec:
    """What the generated command needs to turn options back into a method call."""

    def __init__(self, product: Any, resource: Any, op: Any) -> None:
        self.product, self.resource, self.op = product, resource, op
        self.args: dict[str, tuple[str, bool]] = {}  # dest -> (method argument, multiple)
        self.fields: dict[str, tuple[str, bool]] = {}  # dest -> (kwargs key, multiple)
        self.var_kw = any(p.kind == "var_keyword" for p in op.params)
        self.has_query = any(p.name == "query_params" for p in op.params)
        self.body_arg = op.body


def _where(op: Any, name: str, product: Any, resource: Any) -> str:
    from ..catalog.spec import WRITE_VERBS
    from ..model import to_wire

    wire = op.wire.get(name) or resource.id_lists.get(name) or resource.id_refs.get(name) or to_wire(name)
    if name in op.placeholders():
        return "fills {" + name + "} in the path"
    if name == op.body:
        return "the whole request body"
    if name in op.local:
        return "used locally, not sent"
    if name in op.headers:
        return f"sent as header {op.wire.get(name, name)}"
    if name in op.query or op.verb not in WRITE_VERBS:
        return f"query key {wire}"
    return f"body field {wire}"


def _help(op: Any, name: str, product: Any, resource: Any, required: bool, extra: list[Any] | None = None) -> str:
    parts = [_where(op, name, product, resource), *(extra or [])]
    fb = {**product.fallbacks, **op.fallbacks}.get(name)
    if fb:
        parts.append(f"default: the config value {fb}")
    table = op.maps.get(name)
    if table:
        parts.append("one of " + ", ".join(map(str, table)))
    return "; ".join(parts) + "."


def _doc(product: Any, resource: Any, op: Any) -> str:
    summary = op.doc or op.name.replace("_", " ").capitalize() + "."
    params = ", ".join(p.name if p.kind == "positional_or_keyword" else ("**" + p.name if p.kind == "var_keyword"
                                                                      else p.name) for p in op.params)
    result = op.result + (f" of {op.model}" if op.model else "")
    return (f"{summary}\n\n\b\n{op.verb} {op.path}\nPython: client.{product.name}.{resource.attribute}."
            f"{op.name}({params})\nResult: {result}")


class _Options:
    """The click options of one operation's command, built one at a time (a flag is taken once)."""

    def __init__(self, spec: OpSpec) -> None:
        self.spec = spec
        self.params: list[click.Parameter] = []
        self.taken: set[str] = set()

    def add(self, arg: str, *, kind: str, required: bool, default: Any, help_text: str,
            id_list: bool = False, maps: Any = None) -> None:
        flag = "--" + kebab(arg)
        if flag in RESERVED:  # a catalog parameter named like one of the CLI's own options
            flag = "--param-" + kebab(arg)
        if flag in self.taken:
            return
        self.taken.add(flag)
        dest = ("a_" if kind == "arg" else "f_") + arg
        ctype, is_flag, multiple = value_type(arg, default, maps, id_list)
        if arg == self.spec.op.body:
            ctype, is_flag, multiple = JSON, False, False
        if is_flag:
            opt = click.Option([f"{flag}/--no-{flag[2:]}", dest], default=None, help=help_text)
        else:
            metavar = "[" + "|".join(map(str, maps)) + "]" if maps else ctype.name.upper()
            extra_kw: dict[str, Any] = {} if required else {"default": None}  # click >= 8.2: None is a default
            opt = click.Option([flag, dest], type=ctype, required=required, multiple=multiple,
                               help=help_text, metavar=metavar, **extra_kw)
        self.params.append(opt)
        (self.spec.args if kind == "arg" else self.spec.fields)[dest] = (arg, multiple)


def build_op_command(product: Any, resource: Any, op: Any, name: str, id_arg: str | None = None) -> click.Command:
    """The command of one operation; ``id_arg`` (the item's id argument of a get/update/delete)
    may then also be given as the positional ``ID``."""
    spec = OpSpec(product, resource, op)
    options = _Options(spec)
    placeholders = [p for p in op.placeholders() if p not in CONFIG_PLACEHOLDERS]
    fallbacks = {**product.fallbacks, **op.fallbacks}
    id_required = False
    for p in op.params:
        if p.kind == "var_keyword" or p.name == "query_params" or p.kind == "var_positional":
            continue
        required = (p.required or p.name in placeholders) and p.name not in fallbacks and p.name != op.body
        if p.name == id_arg:
            id_required, required = required, False
        options.add(p.name, kind="arg", required=required, default=p.default, maps=op.maps.get(p.name),
                    help_text=_help(op, p.name, product, resource, required)
                    + (" Or give it as the argument ID." if p.name == id_arg else ""))
    if id_arg:
        id_type = next((o.type for o in options.params if o.name == "a_" + id_arg), click.STRING)
        options.params.insert(0, click.Argument(["c_id"], type=id_type, required=False, metavar="[ID]"))
    if spec.var_kw:
        _field_options(options, product, resource, op)
    _common_options(options, product, op)

    def callback(**values: Any) -> None:
        if id_arg:
            _positional_id(values, id_arg, id_required)
        run_op(spec, values)

    short = op.doc or op.name.replace("_", " ").capitalize()
    return click.Command(name, params=options.params, callback=callback, help=_doc(product, resource, op),
                         short_help=short.rstrip(".") + f" ({op.verb})", no_args_is_help=False)


def _positional_id(values: dict[str, Any], id_arg: str, required: bool) -> None:
    """Move the positional ID into its option's value; one of the two is needed when the id is."""
    flag = "--" + kebab(id_arg)
    given, positional = values.get("a_" + id_arg), values.pop("c_id", None)
    if positional is not None and given is not None and given != positional:
        raise click.UsageError(f"the id is given twice: {positional} and {flag} {given}")
    if positional is not None:
        values["a_" + id_arg] = positional
    elif given is None and required:
        raise click.UsageError(f"Missing the id: give it as the argument ID or as {flag}.")


def _field_options(options: _Options, product: Any, resource: Any, op: Any) -> None:
    """Options of the documented body fields (writes) or query keys (reads) of a ``**kwargs`` op, and ``--set``."""
    from ..catalog.spec import WRITE_VERBS
    from ..model import to_attr

    write = op.verb in WRITE_VERBS
    documented: dict[str, Any] = {}
    for k in op.wire:
        documented.setdefault(k, None)
    if write:
        for k in resource.id_lists:
            documented.setdefault(k, None)
        for k in resource.id_refs:
            documented.setdefault(k, None)
        for wire_key in resource.required:
            documented.setdefault(to_attr(wire_key), None)
        for wire_key, v in op.body_defaults.items():
            documented[to_attr(wire_key)] = v
    names = {p.name for p in op.params}
    for k, default in documented.items():
        if k in names:
            continue
        extra = []
        if write and op.verb == "POST" and _wire_name(op, k) in resource.required:
            extra.append("required by the API on create")
        if default is not None:
            extra.append(f"default {str(default).lower() if isinstance(default, bool) else default}")
        if k in resource.id_lists:
            extra.append("ids, comma-separated or repeated")
        options.add(k, kind="field", required=False, default=default, id_list=k in resource.id_lists,
                    maps=op.maps.get(k), help_text=_help(op, k, product, resource, False, extra))
    options.params.append(click.Option(
        ["--set", "c_set"], type=KeyValue(), multiple=True, metavar="KEY=VALUE",
        help=("Any other body field" if write else "Any other query key")
        + " (snake_case or camelCase); VALUE is parsed as JSON when it parses. Repeatable."))


def _common_options(options: _Options, product: Any, op: Any) -> None:
    """``--json``, ``--query``, ``--jmespath``, the paging options of a listing, ``--output``."""
    spec, params = options.spec, options.params
    if spec.var_kw or op.body:
        params.append(click.Option(["--json", "c_json"], metavar="JSON|@FILE",
                                   help="The request body as JSON text, @file.json or @- (stdin); options given "
                                        "on the command line override its keys."))
    params.append(click.Option(
        ["--query", "c_query"], multiple=True, metavar="KEY=VALUE|EXPR" if spec.has_query else "EXPR",
        help=("KEY=VALUE adds a query parameter (query_params; repeatable). " if spec.has_query else "")
        + "Anything else is a JMESPath expression over the JSON output (wire keys), e.g. '[?enabled].name'."))
    params.append(click.Option(["--jmespath", "c_jmespath"], metavar="EXPR",
                               help="JMESPath expression over the JSON output (same as a non KEY=VALUE --query)."))
    if op.result == "list":
        from .. import paging

        params.append(click.Option(["--all", "c_all"], is_flag=True, default=False,
                                   help="Follow every page (progress bar on stderr when it is a terminal). The "
                                        "default with -o json/yaml/csv or when stdout is not a terminal; the "
                                        "table shows the first page."))
        if "--limit" not in options.taken:  # else the catalog's own limit parameter keeps the flag
            params.append(click.Option(["--limit", "c_limit"], type=click.IntRange(1), metavar="N",
                                       help="At most N items (fetching as many pages as it takes)."))
        size_key = paging.of(product, op).size_arg  # the caller's name of the page size (page_size, limit ...)
        if size_key and spec.has_query and "--page-size" not in options.taken:
            params.append(click.Option(["--page-size", "c_page_size"], type=click.IntRange(1), metavar="N",
                                       help=f"Items per page (query key {size_key})."))
            spec.size_key = size_key  # type: ignore[attr-defined]
    params.append(click.Option(["-o", "--output", "c_output"], type=click.Choice(["json", "yaml", "csv", "table"]),
                               help="Output format (default: table on a terminal, json otherwise)."))


def _wire_name(op: Any, k: str) -> str:
    from ..model import to_wire

    return op.wire.get(k) or to_wire(k)


# ------------------------------------------------------------------ running an operation

def _collect_call(spec: OpSpec, values: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    op = spec.op
    call: dict[str, Any] = {}
    for dest, (arg, multiple) in spec.args.items():
        v = values.get(dest)
        if v is None or (multiple and not v):
            continue
        call[arg] = flatten_lists(v) if multiple else v

    expression = values.get("c_jmespath")
    query: dict[str, Any] = {}
    for q in values.get("c_query") or ():
        if spec.has_query and QUERY_PAIR.match(q):
            k, _, v = q.partition("=")
            if k in query:
                query[k] = (query[k] if isinstance(query[k], list) else [query[k]]) + [v]
            else:
                query[k] = v
        elif expression:
            raise click.BadParameter(f"only one JMESPath expression may be given (got {expression!r} and {q!r})",
                                     param_hint="--query")
        else:
            expression = q
    if values.get("c_page_size"):
        query[getattr(spec, "size_key", "page_size")] = values["c_page_size"]
    if query:
        call["query_params"] = query

    body: dict[str, Any] = {}
    raw_json = values.get("c_json")
    if raw_json is not None:
        data = read_json_arg(raw_json)
        if op.body:
            call.setdefault(op.body, data)
        elif not isinstance(data, dict):
            raise click.BadParameter("must be a JSON object (the fields of the request)", param_hint="--json")
        else:
            body.update(data)
    for k, v in values.get("c_set") or ():
        body[k] = v
    for dest, (key, multiple) in spec.fields.items():
        v = values.get(dest)
        if v is None or (multiple and not v):
            continue
        body[key] = flatten_lists(v) if multiple else v
    if body:
        names = {p.name for p in op.params}
        for k in list(body):
            if k in names and k not in ("kwargs", "query_params"):
                call.setdefault(k, body.pop(k))
        if spec.var_kw:
            call.update({k: v for k, v in body.items() if k not in call})
        elif body:
            raise click.BadParameter(f"{op.name} takes no extra fields: {', '.join(body)}", param_hint="--json")
    return call, expression


def _total(resp: Any) -> int | None:
    body = resp.get_body() if resp is not None else None
    if isinstance(body, dict):
        for k in TOTAL_KEYS:
            try:
                if body.get(k) is not None:
                    return int(body[k])
            except (TypeError, ValueError):
                continue
    return None


def run_op(spec: OpSpec, values: dict[str, Any]) -> None:
    from .main import state_of
    from .output import default_format
    from .session import LegacyMismatch

    ctx = click.get_current_context()
    st = state_of(ctx)
    product, resource, op = spec.product, spec.resource, spec.op
    call, expression = _collect_call(spec, values)
    expression = expression or st.query
    more = False
    fmt = values.get("c_output") or st.output or default_format()
    try:
        client = st.session.client(product.name)
        if st.session.sim:
            params = {k: call[k] for k in op.placeholders() if k in call}
            st.session.seed(product.name, resource.attribute, params)
        api = getattr(getattr(client, product.name), resource.attribute)
        from ..binding import call_result

        result = call_result(api, op.name, **call)  # the Result whatever the method returns to scripts
        if result.error is not None:
            raise result.error
        value: Any = result.result
        resp = result.response
        if op.name.startswith("update_"):
            value = _read_back(spec, api, call, value)
        if op.result == "list" and isinstance(getattr(value, "records", None), list):
            value = list(value.records)  # a page envelope (ZIdentity's records): its items, as other listings
        if op.result == "list" and resp is not None:
            value, more = _pages(spec, values, fmt, value, resp)
    except click.ClickException:
        raise
    except KeyboardInterrupt:  # Ctrl-C while paging: the shell's convention, not click's "Aborted!" (1)
        click.echo("interrupted", err=True)
        ctx.exit(130)
    except LegacyMismatch as e:
        raise click.UsageError(str(e)) from None
    except Exception as e:  # noqa: BLE001 - every failure becomes an exit code and a message
        fail(ctx, e, st.session.debug, product.name, st.session.legacy)
        return
    finally:
        try:
            st.session.close()
        except Exception as e:  # noqa: BLE001
            click.echo(f"Warning: closing the session failed: {e}", err=True)
    _print_result(spec, st, value, resp, expression, fmt, more)


def _print_result(spec: OpSpec, st: Any, value: Any, resp: Any, expression: str | None, fmt: str,
                  more: bool) -> None:
    """Write an operation's result to stdout in ``fmt`` (raw bytes as they are), after ``--query``."""
    from .output import render, search, to_plain

    op, resource = spec.op, spec.resource
    if isinstance(value, (bytes, bytearray)) and not expression:
        out: Any = click.get_binary_stream("stdout")  # type: ignore[operator]
        out.write(bytes(value))
        out.flush()
        return
    data = to_plain(value)
    if expression:
        try:
            data = search(expression, data)
        except Exception as e:  # noqa: BLE001 - jmespath raises its own ParseError types
            raise click.BadParameter(f"invalid JMESPath expression {expression!r}: {e}", param_hint="--query") from None
    if data is None and (not expression or op.result == "none"):
        if fmt == "table":
            status = resp.get_status() if resp is not None else ""
            click.echo(f"OK: {op.name} ({op.verb}{' HTTP ' + str(status) if status else ''})", err=True)
        return
    text = render(data, fmt, color=st.color(), id_field=resource.id_field)
    if text:
        click.echo(text)
    if more:
        click.echo("(more pages: add --all to fetch every page)", err=True)


def _read_back(spec: OpSpec, api: Any, call: dict[str, Any], value: Any) -> Any:
    """After an update of an item, the item as the API now has it (its ``get``), else ``value``:
    an update's answer is often empty or partial (ZPA answers 204)."""
    from ..binding import call_result

    get = uniform_verbs(spec.resource).get("get")
    if get is None or _bare(get.path) != _bare(spec.op.path):
        return value
    args = {p.name: call[p.name] for p in get.params if p.name in call and p.name != "query_params"}
    again = call_result(api, get.name, **args)
    return value if again.error is not None or again.result is None else again.result


def _pages(spec: OpSpec, values: dict[str, Any], fmt: str, first: Any, resp: Any) -> tuple[Any, bool]:
    """A listing's items and whether more pages were left: every page with ``--all``, with a
    JSON/YAML/CSV output (or a pipe: its default is JSON); at most ``--limit`` items; the table
    stays on the first page (``more`` then says whether to suggest ``--all``)."""
    from itertools import islice

    from .output import Progress, iter_with_progress

    limit = values.get("c_limit")
    if not (values.get("c_all") or fmt != "table" or limit):
        return first, bool(resp.has_next()) and _probably_more(spec, resp, first)
    if not resp.has_next():
        return (first[:limit] if limit and isinstance(first, list) else first), False
    total = _total(resp)
    progress = Progress(f"{spec.product.name} {kebab(spec.resource.attribute)}",
                        min(total, limit) if total and limit else (total or limit))
    items: Any = iter_with_progress(resp.iter_all(limit), progress)  # no page past the limit is fetched
    if limit:
        items = islice(items, limit)
    return list(items), False


def _probably_more(spec: OpSpec, resp: Any, items: Any) -> bool:
    """Whether a first page is (likely) not everything: a known total above it, or a full default page."""
    from .. import paging

    n = len(items) if isinstance(items, list) else 0
    total = _total(resp)
    if total is not None:
        return total > n
    return n >= (paging.of(spec.product, spec.op).default_size() or 20)


def fail(ctx: click.Context, e: BaseException, debug: bool = False, product: str | None = None,
         legacy: str | None = None) -> None:
    code, hint = exits.classify(e, product, legacy)
    if debug:
        import traceback

        traceback.print_exception(type(e), e, e.__traceback__, file=sys.stderr)
    label = {exits.AUTH: "Authentication error", exits.TRANSPORT: "Connection error", exits.API: "API error",
             exits.USAGE: "Invalid value"}.get(code, "Error")
    click.echo(f"{label}: {e}", err=True)
    if hint:
        click.echo(f"  hint: {hint}", err=True)
    ctx.exit(code)


# ------------------------------------------------------------------ groups

def _ops_summary(names: list[str], limit: int = 48) -> str:
    shown: list[str] = []
    for n in names:
        if shown and len(", ".join(shown + [n])) > limit:
            return ", ".join(shown) + f", … ({len(names)} operations)"
        shown.append(n)
    return ", ".join(shown)


def did_you_mean(name: str, known: list[str]) -> str:
    """`` Did you mean 'x'?`` with the nearest few of ``known`` (difflib), or ``""``."""
    import difflib

    near = difflib.get_close_matches(name, known, n=3, cutoff=0.6)
    if not near:
        return ""
    return " Did you mean " + " or ".join(repr(n) for n in near) + "?"


class SuggestingGroup(click.Group):
    """A group whose "No such command" names the nearest commands instead of nothing."""

    def suggestions(self, ctx: click.Context) -> list[str]:
        return self.list_commands(ctx)

    def resolve_command(self, ctx: click.Context, args: list[str]) -> tuple[str | None, click.Command | None,
                                                                              list[str]]:
        name = args[0] if args else ""
        if (args and not ctx.resilient_parsing and not name.startswith("-")
                and self.get_command(ctx, name) is None):
            ctx.fail(f"No such command {name!r}.{did_you_mean(name, self.suggestions(ctx))}")
        return super().resolve_command(ctx, args)


class ResourceGroup(SuggestingGroup):
    """``zscaler zpa segment-groups``: the operations of one resource."""

    def __init__(self, product_name: str, attribute: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.product_name = product_name
        self.attribute = attribute
        self._names: tuple[dict[str, Any], dict[str, Any]] | None = None

    def _load(self) -> tuple[Any, Any, dict[str, Any], dict[str, Any]]:
        from .. import catalog

        product = catalog.load(self.product_name)
        resource = product.resource(self.attribute)
        if self._names is None:
            self._names = op_names(resource)
        return product, resource, self._names[0], self._names[1]

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self._load()[2])

    def suggestions(self, ctx: click.Context) -> list[str]:
        _, _, listed, hidden = self._load()
        return sorted({*listed, *hidden})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        product, resource, listed, hidden = self._load()
        key = kebab(name)
        op = listed.get(key) or hidden.get(key)
        if op is None:
            return None
        by_id = any(op is o for v, o in uniform_verbs(resource).items() if v in ID_VERBS)
        cmd = build_op_command(product, resource, op, key, id_param(op) if by_id else None)
        cmd.hidden = key not in listed
        return cmd


class ProductGroup(SuggestingGroup):
    """``zscaler zpa``: the resources of one product (its catalog loads on first use)."""

    def __init__(self, product_name: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.product_name = product_name

    def _product(self) -> Any:
        from .. import catalog

        return catalog.load(self.product_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(kebab(r.attribute) for r in self._product().resources)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        product = self._product()
        try:
            resource = product.resource(snake(name))
        except AttributeError:
            return None
        listed, _ = op_names(resource)
        summary = resource.doc.strip().splitlines()[0] if resource.doc.strip() else _ops_summary(sorted(listed))
        return ResourceGroup(self.product_name, resource.attribute, name=kebab(resource.attribute),
                             help=(resource.doc or f"Operations on {self.product_name}.{resource.attribute} "
                                   f"(client.{self.product_name}.{resource.attribute}).")
                             + "\n\nRun an operation with --help to see its options.",
                             short_help=summary)
