"""Rendering results: JSON, YAML, CSV and terminal tables; JMESPath over the wire JSON."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import time
from typing import Any, Iterable, TextIO, cast

FORMATS = ("table", "json", "yaml", "csv")

#: columns preferred after id and name, when the items have them
_PREFERRED = ("enabled", "status", "type", "description", "domain", "ipAddress", "email", "maxUsage",
              "usageCount", "keyType", "action", "order", "state", "version", "createdAt", "modifiedTime")
MAX_COLUMNS = 6
MAX_CELL = 40


def to_plain(value: Any) -> Any:
    """A JSON-ready copy of a result: models become their wire dicts (camelCase keys)."""
    from ..model import ZscalerObject

    if isinstance(value, ZscalerObject):
        return value.request_format()
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_plain(v) for v in value]
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return value


def search(expression: str, data: Any) -> Any:
    """JMESPath over plain data (``[?enabled].name``), as ``ZscalerAPIResponse.search`` does."""
    import jmespath

    return jmespath.search(expression, data)


def default_format(stream: TextIO | None = None) -> str:
    stream = stream or sys.stdout
    try:
        return "table" if stream.isatty() else "json"
    except (AttributeError, ValueError):
        return "json"


def render(data: Any, fmt: str, *, color: bool = False, width: int | None = None, id_field: str = "id") -> str:
    """The text of ``data`` in one format (without a trailing newline for table/json/yaml)."""
    if fmt == "json":
        return json.dumps(data, indent=2, default=str, ensure_ascii=False)
    if fmt == "yaml":
        import yaml

        return cast("str", yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False).rstrip("\n"))
    if fmt == "csv":
        return render_csv(data)
    return render_table(data, color=color, width=width, id_field=id_field)


# ------------------------------------------------------------------ csv

def _cell_text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (dict, list)):
        return json.dumps(v, default=str, ensure_ascii=False, separators=(",", ":"))
    return str(v)


def _rows(data: Any) -> tuple[list[str], list[dict[str, Any]]]:
    if isinstance(data, dict):
        items = [data]
    elif isinstance(data, list):
        items = data
    else:
        items = [] if data is None else [data]
    if items and all(isinstance(i, dict) for i in items):
        cols: dict[str, None] = {}
        for i in items:
            for k in i:
                cols.setdefault(k, None)
        return list(cols), items
    return ["value"], [{"value": i} for i in items]


def render_csv(data: Any) -> str:
    cols, rows = _rows(data)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    for r in rows:
        w.writerow([_cell_text(r.get(c)) for c in cols])
    return buf.getvalue().rstrip("\n")


# ------------------------------------------------------------------ table

def _scalar(v: Any) -> bool:
    return v is None or isinstance(v, (str, int, float, bool))


def _summary(v: Any) -> str:
    if isinstance(v, list):
        return f"[{len(v)} item{'s' if len(v) != 1 else ''}]"
    if isinstance(v, dict):
        if "name" in v and _scalar(v["name"]):
            return str(v["name"])
        if "id" in v and _scalar(v["id"]):
            return f"{{id: {v['id']}}}"
        return "{...}"
    return _cell_text(v)


def _truncate(s: str, n: int) -> str:
    s = s.replace("\n", " ").replace("\r", " ")
    return s if len(s) <= n else s[: max(1, n - 1)] + "…"


def choose_columns(items: list[dict[str, Any]], id_field: str = "id", max_columns: int = MAX_COLUMNS) -> list[str]:
    """id, name, then the most common scalar fields (preferring well-known ones)."""
    counts: dict[str, int] = {}
    order: dict[str, int] = {}
    for item in items[:200]:
        for k, v in item.items():
            if _scalar(v) and v not in (None, ""):
                counts[k] = counts.get(k, 0) + 1
                order.setdefault(k, len(order))
    cols: list[str] = []
    for k in (id_field, "id", "name"):
        if k in counts and k not in cols:
            cols.append(k)
    rest = [k for k in counts if k not in cols]
    pref = [k for k in _PREFERRED if k in rest]
    others = sorted((k for k in rest if k not in pref), key=lambda k: (-counts[k], order[k]))
    for k in pref + others:
        if len(cols) >= max_columns:
            break
        cols.append(k)
    return cols


def _grid(headers: list[str], rows: list[list[str]], *, color: bool, width: int) -> str:
    widths = [len(h) for h in headers]
    for r in rows:
        for i, c in enumerate(r):
            widths[i] = max(widths[i], len(c))
    widths = [min(w, MAX_CELL) for w in widths]
    # shrink the widest columns until the table fits the terminal
    sep = 2
    while sum(widths) + sep * (len(widths) - 1) > width and max(widths) > 8:
        i = widths.index(max(widths))
        widths[i] -= 1
    out = []
    head = "  ".join(_truncate(h, widths[i]).ljust(widths[i]) for i, h in enumerate(headers)).rstrip()
    if color:
        import click

        head = click.style(head, bold=True)
    out.append(head)
    out.append("  ".join("-" * w for w in widths))
    for r in rows:
        out.append("  ".join(_truncate(c, widths[i]).ljust(widths[i]) for i, c in enumerate(r)).rstrip())
    return "\n".join(out)


def render_table(data: Any, *, color: bool = False, width: int | None = None, id_field: str = "id") -> str:
    width = width or shutil.get_terminal_size((120, 24)).columns
    if data is None:
        return ""
    if isinstance(data, dict):
        rows = [[k, _truncate(_summary(v), max(20, width - 30))] for k, v in data.items() if v is not None]
        return _grid(["field", "value"], rows, color=color, width=width) if rows else "(empty object)"
    if isinstance(data, list):
        if not data:
            return "(no items)"
        if all(isinstance(i, dict) for i in data):
            cols = choose_columns(data, id_field)
            if not cols:
                cols = list(data[0])[:MAX_COLUMNS]
            rows = [[_summary(i.get(c)) for c in cols] for i in data]
            footer = f"\n({len(data)} item{'s' if len(data) != 1 else ''})"
            return _grid(cols, rows, color=color, width=width) + footer
        return "\n".join(_cell_text(i) for i in data)
    return _cell_text(data)


# ------------------------------------------------------------------ progress

class Progress:
    """A one-line progress indicator on stderr; silent when stderr is not a terminal."""

    def __init__(self, label: str, total: int | None = None, stream: TextIO | None = None,
                 enabled: bool | None = None, width: int = 30) -> None:
        self.stream = stream or sys.stderr
        if enabled is None:
            try:
                enabled = self.stream.isatty()
            except (AttributeError, ValueError):
                enabled = False
        self.enabled = enabled
        self.label = label
        self.total = total
        self.count = 0
        self.pages = 0
        self.width = width
        self._last = 0.0
        self._shown = False

    def update(self, n: int = 1, *, force: bool = False) -> None:
        self.count += n
        now = time.monotonic()
        if self.enabled and (force or now - self._last >= 0.05):
            self._last = now
            self._draw()

    def _draw(self) -> None:
        if self.total:
            frac = min(1.0, self.count / self.total)
            filled = int(frac * self.width)
            bar = "#" * filled + "-" * (self.width - filled)
            text = f"\r{self.label} [{bar}] {self.count}/{self.total}"
        else:
            text = f"\r{self.label} {self.count} items"
        self.stream.write(text)
        self.stream.flush()
        self._shown = True

    def finish(self) -> None:
        if self.enabled:
            self._draw()
            self.stream.write("\n")
            self.stream.flush()


def iter_with_progress(items: Iterable[Any], progress: Progress) -> Iterable[Any]:
    for item in items:
        progress.update()
        yield item
    progress.finish()
