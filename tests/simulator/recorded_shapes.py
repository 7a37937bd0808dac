"""Replays recorded API conversations against the simulator and compares answer shapes.

The recordings are the peer suite's VCR cassettes (``../shared/peer-suite/tests/**/cassettes``),
read at test time: nothing of them is kept in the project. Each recorded request is sent, in
order, to a freshly reset simulator; ids the recording's answers gave out are mapped to the ids
the simulator gave out for the same answers and replaced in later paths, queries and bodies.

The rule an answer is held to, when the recorded answer was a success (2xx):

* the same status code and the same body kind (``empty``, ``text``, ``json-dict``, ``json-list``,
  ``json-int`` ...);
* for an object: every key of the recorded object is present; a key only the simulator has is
  allowed when its value is empty (``None``, ``""``, ``[]``, ``{}``, ``false``, ``0``), as the real API leaves
  such values out;
* names the recording's sanitizer gave several objects (``tests-vcr0001``) are made unique
  again (the API refuses a second object of a name, and the recording was made with distinct ones);
* a request the recording tenant answered with a transient error (429, the ZIA edit lock) is
  not sent: the client sent it again, and the retry is compared;
* a request naming an object the recording tenant already had (an id from a recorded listing the
  simulator's listing has no record for) is not sent: it is listed as not reached;
* for a list or a paging envelope (ZPA ``list`` ...): the keys of its records, taken together
  over the first 20, follow the same rule; a listing the simulator answers with no records
  is compared only by status and kind (the recording tenant had objects the replay never made),
  and a record key the recording shows on another answer of the same test is not extra (the
  recorded listing's first records are the tenant's own objects, not the test's);

A recorded error answer (not entitled, not found ...) says nothing about the success shape: such
routes are listed, not judged.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx
import yaml

ROOT = Path(__file__).resolve().parents[2]
PEER_TESTS = ROOT.parent / "shared" / "peer-suite" / "tests"
ENVELOPES = ("list", "items", "records", "results", "content")
_CUSTOMER = re.compile(r"/customers/(\d+)")
_LONG_ID = re.compile(r"^\d{4,}$")  # an id that can be told from other numbers anywhere in a body
_NUMBER = re.compile(r"^\d+$")
#: an id in a path: a number, a UUID or a ZIA custom category id (CUSTOM_01)
_PATH_ID = re.compile(r"^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|CUSTOM_\d+)$")
EMPTY: tuple[Any, ...] = (None, "", [], {}, False)  # False == 0: a number 0 is empty too


def cassettes() -> list[Path]:
    """Every recorded cassette of the peer suite (empty when the suite is not beside the project)."""
    if not PEER_TESTS.is_dir():
        return []
    return sorted(PEER_TESTS.glob("**/cassettes/*.yaml"))


@dataclass(frozen=True)
class Shape:
    kind: str
    keys: frozenset[str] = frozenset()
    empty_keys: frozenset[str] = frozenset()  # keys whose value is empty (None, "", [], {})
    records: int = 0  # records of a list / envelope (0: none, or not a listing)
    record_keys: frozenset[str] = frozenset()
    record_empty: frozenset[str] = frozenset()  # record keys empty in every record that has them


def record_id(obj: dict) -> Any:
    """An object's id: ``id``, else its first ``...Id`` key (``instanceId``, ``profileId``)."""
    if "id" in obj:
        return obj["id"]
    return next((v for k, v in obj.items() if k.endswith("Id") and isinstance(v, (str, int))), None)


def kind_of(value: Any) -> str:
    if value is None:
        return "json-null"
    if isinstance(value, bool):
        return "json-bool"
    for typ, name in ((int, "json-int"), (float, "json-float"), (str, "json-str"), (list, "json-list"),
                      (dict, "json-dict")):
        if isinstance(value, typ):
            return name
    return "json-other"


def decode(text: str) -> tuple[str, Any]:
    """(kind, JSON value or None) of an answer's body text."""
    if not text.strip():
        return "empty", None
    try:
        value = json.loads(text)
    except ValueError:
        return "text", None
    return kind_of(value), value


def _empty_keys(objs: list[dict]) -> frozenset[str]:
    seen: dict[str, bool] = {}
    for o in objs:
        for k, v in o.items():
            seen[k] = seen.get(k, True) and v in EMPTY
    return frozenset(k for k, e in seen.items() if e)


def shape_of(text: str) -> Shape:
    kind, value = decode(text)
    records: list | None = None
    keys: frozenset[str] = frozenset()
    empty: frozenset[str] = frozenset()
    if isinstance(value, dict):
        keys, empty = frozenset(value), _empty_keys([value])
        records = next((value[k] for k in ENVELOPES if isinstance(value.get(k), list)), None)
    elif isinstance(value, list):
        records = value
    objs = [r for r in (records or [])[:20] if isinstance(r, dict)]
    rkeys = frozenset(k for r in objs for k in r)
    return Shape(kind, keys, empty, len(objs), rkeys, _empty_keys(objs))


def differences(sim: Shape, real: Shape, sim_status: int, real_status: int,
                known: frozenset[str] = frozenset()) -> list[str]:
    """What makes the simulator's answer differ from the recorded one (empty: the same shape).

    ``known``: keys the recording shows elsewhere on objects of the test (a listing's records may
    be the tenant's own objects, which lack keys the test's objects have).
    """
    if sim_status != real_status:
        return [f"status {sim_status}, recorded {real_status}"]
    if sim.kind != real.kind:
        return [f"body kind {sim.kind}, recorded {real.kind}"]
    out = []
    missing = real.keys - sim.keys
    extra = sim.keys - real.keys - sim.empty_keys
    if missing:
        out.append(f"missing keys {sorted(missing)}")
    if extra:
        out.append(f"extra keys {sorted(extra)}")
    if sim.records and real.records:
        rmissing = real.record_keys - sim.record_keys
        rextra = sim.record_keys - real.record_keys - sim.record_empty - known
        if rmissing:
            out.append(f"missing record keys {sorted(rmissing)}")
        if rextra:
            out.append(f"extra record keys {sorted(rextra)}")
    return out


# ------------------------------------------------------------------ id remapping

class IdMap:
    """Recorded ids -> the simulator's ids, learnt from answers to the same requests."""

    def __init__(self, recorded_customer: str | None, customer: str) -> None:
        self.ids: dict[str, Any] = {}  # recorded id -> simulator id (the first learnt; for bodies)
        self.scoped: dict[tuple[str, str], Any] = {}  # (collection path, recorded id) -> simulator id
        self.scope = ""  # the collection of the answer being learnt
        self.unmatched: set[str] = set()  # ids of recorded records the simulator has no twin of
        self.recorded_customer = recorded_customer
        self.customer = customer

    def learn(self, real: Any, sim: Any, path: str) -> None:
        """Pair the ids of a recorded answer to ``path`` with the simulator's answer to the same request."""
        segs = path.rstrip("/").split("/")
        self.scope = "/".join(segs[:-1]) if _PATH_ID.match(segs[-1]) else "/".join(segs)
        if isinstance(real, dict) and isinstance(sim, dict):
            self._pair(record_id(real), record_id(sim))
            real = next((real[k] for k in ENVELOPES if isinstance(real.get(k), list)), None)
            sim = next((sim[k] for k in ENVELOPES if isinstance(sim.get(k), list)), None)
        if isinstance(real, list) and isinstance(sim, list):
            self._learn_records(real, sim)

    def _learn_records(self, real: list, sim: list) -> None:
        by_name = {str(s.get("name")): s for s in sim if isinstance(s, dict) and "name" in s}
        for i, r in enumerate(real):
            rid = record_id(r) if isinstance(r, dict) else None
            if rid is None:
                continue
            twin = by_name.get(str(r.get("name"))) if "name" in r else None
            if twin is None and i < len(sim) and isinstance(sim[i], dict):
                twin = sim[i]
            if twin is not None and str(rid) not in self.ids:
                self._pair(rid, record_id(twin))
            elif twin is None:
                self.unmatched.add(str(rid))

    def _pair(self, real: Any, sim: Any) -> None:
        if real in EMPTY or sim in EMPTY or isinstance(real, (dict, list, bool)):
            return
        if not _PATH_ID.match(str(real)) or str(real) == str(sim):
            return
        self.ids.setdefault(str(real), sim)
        self.scoped.setdefault((self.scope, str(real)), sim)  # ids are per collection (ZIA reuses numbers)

    def value(self, v: Any, key: str = "") -> Any:
        """``v`` with recorded ids replaced: long numbers anywhere, short ones as an ``id`` value."""
        if isinstance(v, dict):
            return {k: self.value(x, k) for k, x in v.items()}
        if isinstance(v, list):
            return [self.value(x, key) for x in v]
        if isinstance(v, bool) or not isinstance(v, (str, int)) or str(v) not in self.ids:
            return v
        if key not in ("id", "ids") and not (_LONG_ID.match(str(v)) or "-" in str(v)):
            return v
        new = self.ids[str(v)]
        return str(new) if isinstance(v, str) else new

    def reaches(self, path: str) -> bool:
        """False when ``path`` names a recorded object the replay never made (the tenant's own)."""
        return not any(seg in self.unmatched and seg not in self.ids for seg in path.split("/"))

    def path(self, path: str) -> str:
        if self.recorded_customer:
            path = path.replace(f"/customers/{self.recorded_customer}", f"/customers/{self.customer}")
        segs = path.split("/")
        out = []
        for i, seg in enumerate(segs):
            scoped = self.scoped.get(("/".join(segs[:i]), seg))
            out.append(str(scoped if scoped is not None else self.ids.get(seg, seg)))
        return "/".join(out)

    def query(self, query: str) -> str:
        pairs = parse_qsl(query, keep_blank_values=True)
        return urlencode([(k, str(self.ids.get(v, v))) for k, v in pairs])

    def body(self, text: str) -> str:
        try:
            value = json.loads(text)
        except ValueError:
            return text
        return json.dumps(self.value(value))


def template(method: str, path: str) -> str:
    """``GET /zpa/.../customers/{customerId}/segmentGroup/{id}``: the route of a recorded request."""
    path = _CUSTOMER.sub("/customers/{customerId}", path)
    segs = ["{id}" if _PATH_ID.match(s) else s for s in path.split("/")]
    return f"{method} {'/'.join(segs)}"


# ------------------------------------------------------------------ replay

@dataclass
class Outcome:
    compared: dict[str, list[str]] = field(default_factory=dict)  # route -> differences (empty: same)
    refused: dict[str, str] = field(default_factory=dict)  # route -> "sim N / recorded M"
    keys: set[str] = field(default_factory=set)  # every key of the recorded success answers so far
    unreached: set[str] = field(default_factory=set)  # routes asked only of the recording tenant's own objects

    def add(self, route: str, diffs: list[str]) -> None:
        self.compared.setdefault(route, [])
        self.compared[route].extend(d for d in diffs if d not in self.compared[route])


def interactions(cassette: Path) -> list[dict]:
    data = yaml.safe_load(cassette.read_text(encoding="utf-8")) or {}
    out = []
    for it in data.get("interactions", []):
        uri = it["request"]["uri"]
        if "/oauth2/" in uri:
            continue
        out.append(it)
    return out


def transient(status: int, body: str) -> bool:
    """A recorded answer the client retried (rate limited, ZIA edit lock): the request is not replayed."""
    return status == 429 or (status == 409 and "EDIT_LOCK" in body)


def recorded_customer(items: list[dict]) -> str | None:
    for it in items:
        m = _CUSTOMER.search(urlsplit(it["request"]["uri"]).path)
        if m:
            return m.group(1)
    return None


def _body_text(part: dict) -> str:
    body = part.get("body")
    if isinstance(body, dict):
        body = body.get("string")
    if isinstance(body, bytes):
        return body.decode("utf-8", "replace")
    return body or ""


class Names:
    """Names the recording's sanitizer gave two objects (``tests-vcr0001``) made unique again:
    the simulator, like the API, refuses a second object of a name."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.renamed: dict[str, tuple[str, str]] = {}  # recorded id -> (recorded name, replayed name)

    def body(self, method: str, path: str, text: str, recorded_answer: str) -> str:
        try:
            body = json.loads(text)
        except ValueError:
            return text
        if not isinstance(body, dict) or not isinstance(body.get("name"), str):
            return text
        name = body["name"]
        if method == "POST":
            if name in self.used:
                body["name"] = f"{name}-{len(self.used)}"
                answer = decode(recorded_answer)[1]
                rid = record_id(answer) if isinstance(answer, dict) else None
                if rid is not None:
                    self.renamed[str(rid)] = (name, body["name"])
            self.used.add(body["name"])
        elif method in ("PUT", "PATCH"):
            old, new = self.renamed.get(path.rstrip("/").rsplit("/", 1)[-1], ("", ""))
            if name == old:
                body["name"] = new
        return json.dumps(body)


def _send(api: httpx.Client, ids: IdMap, names: Names, request: dict, recorded_answer: str) -> httpx.Response:
    url = urlsplit(request["uri"])
    path = ids.path(url.path)
    query = ids.query(url.query)
    body = _body_text(request)
    if body:
        body = names.body(request["method"], url.path, body, recorded_answer)
    headers = {"Content-Type": "application/json"} if body else {}
    return api.request(request["method"], path + (f"?{query}" if query else ""),
                       content=ids.body(body).encode("utf-8") if body else None, headers=headers)


def replay(api: httpx.Client, cassette: Path, customer: str) -> Outcome:
    """Send the cassette's requests in order; compare each answer with the recorded one."""
    items = interactions(cassette)
    ids = IdMap(recorded_customer(items), customer)
    names = Names()
    outcome = Outcome()
    for it in items:
        req, rec = it["request"], it["response"]
        real_status = int(rec["status"]["code"])
        route = template(req["method"], urlsplit(req["uri"]).path)
        if not ids.reaches(urlsplit(req["uri"]).path):
            outcome.unreached.add(route)
            continue
        if transient(real_status, _body_text(rec)):
            continue
        real_text = _body_text(rec)
        resp = _send(api, ids, names, req, real_text)
        if 200 <= real_status < 300:
            real = shape_of(real_text)
            outcome.keys |= real.keys | real.record_keys
            outcome.add(route, differences(shape_of(resp.text), real, resp.status_code, real_status,
                                           frozenset(outcome.keys)))
            ids.learn(decode(real_text)[1], decode(resp.text)[1], urlsplit(req["uri"]).path)
        else:
            outcome.refused[route] = f"sim {resp.status_code} / recorded {real_status}"
    return outcome
