"""A small GraphQL document reader for the Z-Insights and ZMS tests (no GraphQL library needed)."""

from __future__ import annotations

import re

TOKEN = re.compile(r'\.\.\.|[{}():!\[\],$=]|[_A-Za-z][_0-9A-Za-z]*|-?\d+|"[^"]*"')


def read_document(doc: str):
    """(kind, name, {var: type}, selection tree, {field paths with arguments}, {variables used})."""
    t = TOKEN.findall(doc)
    assert "".join(t) == re.sub(r"\s+", "", doc), "unexpected characters in the document"
    kind, name, i = t[0], t[1], 2
    decls: dict[str, str] = {}
    if t[i] == "(":
        i += 1
        while t[i] != ")":
            assert t[i] == "$" and t[i + 2] == ":", t[i:i + 3]
            var, i, typ = t[i + 1], i + 3, ""
            while t[i] not in (",", ")"):
                typ += t[i]
                i += 1
            decls[var] = typ
            i += 1 if t[i] == "," else 0
        i += 1
    with_args: set[str] = set()
    used: set[str] = set()

    def selection(i: int, path: str):
        assert t[i] == "{"
        i, out = i + 1, {}
        while t[i] != "}":
            if t[i] == "...":
                assert t[i + 1] == "on"
                key, i = t[i + 2], i + 3
            else:
                key, i = t[i], i + 1
                if t[i] == "(":
                    with_args.add(f"{path}.{key}".lstrip("."))
                    while t[i] != ")":
                        if t[i] == "$":
                            used.add(t[i + 1])
                        i += 1
                    i += 1
            if t[i] == "{":
                out[key], i = selection(i, f"{path}.{key}")
            else:
                out[key] = None
        return out, i + 1

    tree, i = selection(i, "")
    assert i == len(t), "text after the selection set"
    return kind, name, decls, tree, with_args, used


def has_path(tree: dict, path: str) -> bool:
    node = tree
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
    return True


def field(body, dotted: str):
    """``body["a"]["b"]`` for ``"a.b"``."""
    for part in dotted.split("."):
        body = body[part]
    return body


def sent_body(sim, path: str) -> dict:
    """The JSON body of the one GraphQL request the simulator received on ``path``."""
    from helpers import api_requests

    sent = api_requests(sim, path)
    assert len(sent) == 1 and sent[0].method == "POST"
    return sent[0].json()
