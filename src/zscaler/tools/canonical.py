"""The canonical form shared by export, diff and plan.

* volatile fields (:data:`~.targets.VOLATILE`: ``modifiedTime``, ``creationTime``, ``modifiedBy``,
  counters ...) and empty fields (``null``, ``""``, ``[]``: the same as absent, and what an apply
  sends to clear a field) are removed at every depth;
* secrets (the field names :func:`zscaler.redaction.is_secret_key` knows) become placeholders
  (mode ``placeholder``, the default), are left out (``omit``) or kept (``keep``); a secret the API
  never answers (:data:`~.targets.WRITE_ONLY_SECRETS`) gets a placeholder in ``placeholder`` mode;
* lists are sorted (by their JSON text), except those whose order means something
  (:data:`~.targets.ORDERED_LISTS`); records of a file are sorted by rule order when every record
  has one, else by identity;
* in ``cross-tenant`` mode the records' own ids and tenant ids are dropped and references are
  written by name (:mod:`.refs`);
* files are JSON with sorted keys, two-space indents and a final newline: two exports of an
  unchanged tenant are byte-identical.
"""

from __future__ import annotations

import json
from typing import Any

from .. import redaction
from . import refs
from .targets import ORDER_FIELDS, ORDERED_LISTS, TENANT_IDS, VOLATILE, WRITE_ONLY_SECRETS

SECRET_MODES = ("placeholder", "omit", "keep")
MODES = ("same-tenant", "cross-tenant")
PLACEHOLDER = "${secret:"  # ${secret:<file key>:<identity>:<field path>}


def placeholder(key: str, name: str, path: str) -> str:
    return f"{PLACEHOLDER}{key}:{name}:{path}}}"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(PLACEHOLDER) and value.endswith("}")


def check_mode(mode: str, accepted: tuple[str, ...], what: str) -> str:
    if mode not in accepted:
        raise ValueError(f"{what}: {mode!r} is not accepted; use one of {', '.join(accepted)}")
    return mode


def is_empty(value: Any) -> bool:
    """``null``, ``""`` or ``[]``: a field holding it is the same as an absent one."""
    return value is None or value == "" or (isinstance(value, list) and not value)


def strip_volatile(value: Any) -> Any:
    """``value`` without volatile fields, and without empty fields (:func:`is_empty`: an empty and an
    absent field are one)."""
    if isinstance(value, dict):
        return {k: strip_volatile(v) for k, v in value.items() if k not in VOLATILE and not is_empty(v)}
    if isinstance(value, list):
        return [strip_volatile(x) for x in value]
    return value


def hide_secrets(value: Any, mode: str, key: str, name: str, path: str = "") -> Any:
    """``value`` with the string values of secret fields replaced by placeholders (or left out)."""
    if mode == "keep":
        return value
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for k, v in value.items():
            at = f"{path}.{k}" if path else k
            if isinstance(v, str) and v and redaction.is_secret_key(k):
                if mode == "placeholder":
                    out[k] = v if is_placeholder(v) else placeholder(key, name, at)
                continue
            if isinstance(v, list) and v and all(isinstance(x, str) for x in v) and redaction.is_secret_key(k):
                if mode == "placeholder":  # a list of one-time passwords ...
                    out[k] = [x if is_placeholder(x) else placeholder(key, name, f"{at}[{i}]") for i, x in enumerate(v)]
                continue
            out[k] = hide_secrets(v, mode, key, name, at)
        return out
    if isinstance(value, list):
        return [hide_secrets(x, mode, key, name, f"{path}[{i}]") for i, x in enumerate(value)]
    return value


def blind(value: Any) -> Any:
    """``value`` with every secret string (a value or a placeholder) as one marker: how plans compare
    records (a secret cannot be read back, so it never makes a difference)."""
    if isinstance(value, dict):
        return {k: "${secret}" if isinstance(v, (str, list)) and v and redaction.is_secret_key(k)
                and (isinstance(v, str) or all(isinstance(x, str) for x in v)) else blind(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [blind(x) for x in value]
    return value


def _text(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def sort_lists(value: Any, name: str = "") -> Any:
    if isinstance(value, dict):
        return {k: sort_lists(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [sort_lists(x) for x in value]
        return items if name in ORDERED_LISTS else sorted(items, key=_text)
    return value


def order_field(records: list[dict[str, Any]]) -> str | None:
    """The rule-order field every record has (``ruleOrder``, ``order``), else None."""
    for f in ORDER_FIELDS:
        if records and all(_as_int(r.get(f)) is not None for r in records):
            return f
    return None


def _as_int(v: Any) -> int | None:
    if isinstance(v, bool):
        return None
    try:
        return int(v)
    except (TypeError, ValueError):
        return None


def sort_records(records: list[dict[str, Any]], id_field: str = "id") -> list[dict[str, Any]]:
    f = order_field(records)
    if f is not None:
        return sorted(records, key=lambda r: (_as_int(r.get(f)) or 0, refs.identity(r, id_field)))
    return sorted(records, key=lambda r: (refs.identity(r, id_field), _text(r)))


def drop_ids(record: dict[str, Any], id_field: str) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k != id_field and k not in TENANT_IDS}


def canonical(data: refs.Records, id_fields: dict[str, str], mode: str = "same-tenant",
              secrets: str = "placeholder", index: refs.Index | None = None) -> refs.Records:
    """Every file of ``data`` (raw records as read, or a loaded export) in canonical form."""
    check_mode(mode, MODES, "mode")
    check_mode(secrets, SECRET_MODES, "secrets")
    if mode == "cross-tenant" and index is None:
        index = refs.Index.build(data, id_fields)
    out: refs.Records = {}
    for key, recs in data.items():
        idf = id_fields.get(key, "id")
        if isinstance(recs, dict):
            one = hide_secrets(strip_volatile(recs), secrets, key, "settings")
            if mode == "cross-tenant" and index is not None:
                one = drop_ids(refs.to_names(one, key, index), "")
            out[key] = sort_lists(one)
            continue
        done = []
        for name, rec in refs.keyed(sort_records(list(recs), idf), idf):
            rec = hide_secrets(strip_volatile(rec), secrets, key, name)
            if secrets == "placeholder":
                for f in WRITE_ONLY_SECRETS.get(key, ()):
                    rec.setdefault(f, placeholder(key, name, f))
            if mode == "cross-tenant" and index is not None:
                rec = drop_ids(refs.to_names(rec, key, index, rec.get(idf)), idf)
            done.append(sort_lists(rec))
        out[key] = done
    return out


def dumps(value: Any) -> str:
    """The canonical text of a file."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, indent=2) + "\n"
