"""GraphQL operations described as data (Z-Insights, ZMS).

A GraphQL method sends one ``POST`` to the product's ``/graphql`` endpoint with the body
``{"operationName", "query", "variables"}``. Each catalog record describes its operation with
:func:`operation` (its name, the variables with their GraphQL types, the arguments of the
fields that take some, and the selected leaf fields) and gets its hook from
:func:`graphql_hook`, which

* builds the document text once, from that description;
* fills ``variables`` from the method's arguments: the argument of a variable is its
  snake_case name (``pageNum`` <- ``page_num``) unless the record names another one; ``None``
  leaves the variable out; a non-null (``!``) variable without a value raises ``ValueError``
  naming the argument; enum values are checked against the known members; list types take a
  single value too; input objects (dicts, or objects with ``as_dict()``/``request_format()``)
  have their keys camel-cased as every GraphQL body key is;
* turns a GraphQL ``errors`` array of a 200 answer into :class:`~zscaler.errors.GraphQLAPIError`
  in the error slot of ``(result, response, error)``.

Selection paths are dotted from the operation's root field (``CYBER_SECURITY.incidents.obfuscated``).
A capitalised path part below the root (``nodes.ManagedResourceGroup.name``) is a type
condition, written as an inline fragment ``... on ManagedResourceGroup``.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from ..errors import GraphQLAPIError
from ..model import NOT_GIVEN, ZscalerObject, convert_keys
from .call import Call

_NAME = re.compile(r"^[_A-Za-z][_0-9A-Za-z]*$")
_VAR_REF = re.compile(r"\$([_A-Za-z][_0-9A-Za-z]*)")
_BUILTIN_SCALARS: dict[str, type | tuple[type, ...]] = {
    "Int": int, "Long": int, "Float": (int, float), "Boolean": bool, "String": str, "ID": (str, int)}


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


@dataclass(frozen=True)
class Variable:
    """One ``$name: Type`` of an operation and the method argument that supplies it."""

    name: str
    type: str  # as declared: "Long!", "[IncidentsGroupBy!]!", "Int"
    arg: str

    @property
    def required(self) -> bool:
        return self.type.endswith("!")

    @property
    def is_list(self) -> bool:
        return self.type.startswith("[")

    @property
    def base(self) -> str:
        return self.type.replace("[", "").replace("]", "").replace("!", "")


@dataclass(frozen=True)
class Operation:
    """A GraphQL operation: everything needed to write its document and its variables."""

    name: str
    variables: tuple[Variable, ...]
    leaves: tuple[str, ...]  # selected leaf fields, dotted from the root field
    arguments: Mapping[str, str] = field(default_factory=dict)  # field path -> "arg: $var, ..."
    enums: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # enum type -> members
    kind: str = "query"

    # ------------------------------------------------------------------ document

    def tree(self) -> dict[str, Any]:
        """The selection as nested dicts; a leaf maps to ``None``."""
        root: dict[str, Any] = {}
        for leaf in self.leaves:
            node = root
            parts = leaf.split(".")
            for part in parts[:-1]:
                node = node.setdefault(part, {})
            node.setdefault(parts[-1], None)
        return root

    def document(self) -> str:
        """The document text (``query Name($v: T!) { ... }``)."""
        defs = ", ".join(f"${v.name}: {v.type}" for v in self.variables)
        head = f"{self.kind} {self.name}" + (f"({defs})" if defs else "")
        lines = [head + " {"]
        self._render(self.tree(), "", 1, lines)
        lines.append("}")
        return "\n".join(lines) + "\n"

    def _render(self, tree: Mapping[str, Any], path: str, depth: int, lines: list[str]) -> None:
        pad = "  " * depth
        for name, sub in tree.items():
            here = f"{path}.{name}" if path else name
            if path and name[:1].isupper() and not name.isupper():
                label = f"... on {name}"  # type condition (union / interface member)
            else:
                args = self.arguments.get(here)
                label = name + (f"({args})" if args else "")
            if sub is None:
                lines.append(pad + label)
            else:
                lines.append(pad + label + " {")
                self._render(sub, here, depth + 1, lines)
                lines.append(pad + "}")

    def check(self) -> None:
        """Validate the description (names, every variable declared once and used, argument paths)."""
        names = [v.name for v in self.variables]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: a variable is declared twice: {names}")
        if not _NAME.match(self.name) or any(not _NAME.match(n) for n in names):
            raise ValueError(f"{self.name}: invalid operation or variable name")
        used = {m for text in self.arguments.values() for m in _VAR_REF.findall(text)}
        if used != set(names):
            raise ValueError(f"{self.name}: variables declared {sorted(names)} but used {sorted(used)}")
        branches = {p for leaf in self.leaves for p in _prefixes(leaf)}
        for path in self.arguments:
            if path not in branches:
                raise ValueError(f"{self.name}: arguments given for {path!r}, which is not selected")

    # ------------------------------------------------------------------ variables

    def variables_from(self, args: Mapping[str, Any], method: str = "") -> dict[str, Any]:
        """The ``variables`` object of one call; raises ``ValueError``/``TypeError`` for bad arguments."""
        out: dict[str, Any] = {}
        where = f"{method or self.name}: "
        for v in self.variables:
            value = args.get(v.arg)
            if value is None or value is NOT_GIVEN:
                if v.required:
                    raise ValueError(f"{where}'{v.arg}' is required (GraphQL variable ${v.name}: {v.type})")
                continue
            out[v.name] = self._value(v, value, where)
        return out

    def _value(self, v: Variable, value: Any, where: str) -> Any:
        if v.is_list:
            items = list(value) if isinstance(value, (list, tuple, set, frozenset)) else [value]
            if v.type.endswith("!") and not items:
                raise ValueError(f"{where}'{v.arg}' needs at least one value ({v.type})")
            if "!]" in v.type and any(x is None for x in items):
                raise ValueError(f"{where}'{v.arg}' can not hold None ({v.type})")
            return [None if x is None else self._scalar(v, x, where) for x in items]
        return self._scalar(v, value, where)

    def _scalar(self, v: Variable, value: Any, where: str) -> Any:
        if isinstance(value, enum.Enum):
            value = value.value
        members = self.enums.get(v.base)
        if members is not None:
            if value not in members:
                raise ValueError(f"{where}{v.arg}: {value!r} is not accepted; accepted values: {', '.join(members)}")
            return value
        py = _BUILTIN_SCALARS.get(v.base)
        if py is not None:
            if v.base in ("Int", "Long") and isinstance(value, str) and value.strip().lstrip("-").isdigit():
                value = int(value)
            if not isinstance(value, py) or (py is not bool and isinstance(value, bool)):
                raise TypeError(f"{where}{v.arg} must be {v.base} ({_py_name(py)}), got {value!r}")
            return value
        # an input object
        if isinstance(value, ZscalerObject):
            value = value.request_format()
        elif not isinstance(value, Mapping):
            for name in ("as_dict", "request_format", "to_dict"):
                fn = getattr(value, name, None)
                if callable(fn):
                    value = fn()
                    break
        if not isinstance(value, Mapping):
            raise TypeError(f"{where}{v.arg} must be a dict (GraphQL input {v.base}), got {value!r}")
        return convert_keys(dict(value), "camel")


def _py_name(py: Any) -> str:
    types = py if isinstance(py, tuple) else (py,)
    return " or ".join(t.__name__ for t in types)


def _prefixes(leaf: str) -> Iterable[str]:
    parts = leaf.split(".")
    for i in range(1, len(parts) + 1):
        yield ".".join(parts[:i])


def _expand(spec: str | Iterable[str]) -> tuple[str, ...]:
    """Leaf paths from ``"a.b a.{c,d}"`` (whitespace separated, one brace group per path)."""
    tokens = spec.split() if isinstance(spec, str) else list(spec)
    out: list[str] = []
    for t in tokens:
        m = re.fullmatch(r"(.*?)\{([^{}]+)\}(.*)", t)
        if m:
            out.extend(m.group(1) + alt.strip() + m.group(3) for alt in m.group(2).split(",") if alt.strip())
        else:
            out.append(t)
    return tuple(out)


def operation(
    name: str,
    variables: str,
    leaves: str | Iterable[str],
    arguments: Mapping[str, str],
    *,
    root: str = "",
    args: Mapping[str, str] | None = None,
    enums: Mapping[str, tuple[str, ...]] | None = None,
    kind: str = "query",
) -> Operation:
    """Describe one operation.

    ``variables`` is the declaration list as written in GraphQL (``"startTime: Long!, limit: Int"``);
    ``leaves`` the selected leaf paths, relative to ``root`` when given (brace groups allowed:
    ``"entries.{name,total}"``); ``arguments`` maps a field path (relative to ``root``, ``""``
    being the root itself) to its argument text (``"limit: $limit"``); ``args`` maps a variable
    to the method argument supplying it when that is not its snake_case name.
    """
    renames = dict(args or {})
    vs: list[Variable] = []
    for part in filter(None, (p.strip() for p in variables.split(","))) if variables.strip() else ():
        vname, _, vtype = part.partition(":")
        vname = vname.strip().lstrip("$")
        vs.append(Variable(vname, vtype.strip(), renames.pop(vname, _snake(vname))))
    if renames:
        raise ValueError(f"{name}: argument names given for undeclared variables {sorted(renames)}")
    prefix = (root + ".") if root else ""
    full_leaves = tuple(prefix + leaf for leaf in _expand(leaves)) or ((root,) if root else ())
    full_args = {(prefix + path if path else root): text for path, text in arguments.items()}
    result = Operation(name, tuple(vs), full_leaves, full_args, dict(enums or {}), kind)
    result.check()
    return result


def raise_graphql_errors(value: Any, response: Any) -> Any:
    """``call.after``: an ``errors`` array in the answer becomes :class:`GraphQLAPIError`."""
    body = response.get_body() if response is not None else None
    if isinstance(body, dict) and body.get("errors"):
        raise GraphQLAPIError(body["errors"], url=getattr(response, "url", "") or "")
    return value


def graphql_hook(spec: Operation) -> Callable[[Any], None]:
    """The hook of a GraphQL method: body from :class:`Operation` ``spec``, errors to the error slot."""
    document = spec.document()

    def hook(call: Call) -> None:
        args = {p.name: call.args.get(p.name, p.default) for p in call.op.params}  # defaults included
        call.body = {"operationName": spec.name, "query": document,
                     "variables": spec.variables_from(args, call.op.name)}
        call.query = {}
        call.after = raise_graphql_errors

    hook.__name__ = hook.__qualname__ = f"graphql_{spec.name}"
    hook.graphql = spec  # type: ignore[attr-defined]
    return hook


def operations(product: Any) -> dict[str, Operation]:
    """Every GraphQL operation of a product's catalog, by operation name (the simulator's schema)."""
    out: dict[str, Operation] = {}
    for _res, rec in product.ops():
        spec = getattr(rec.hook, "graphql", None)
        if spec is not None:
            out[spec.name] = spec
    return out
