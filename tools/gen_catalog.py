#!/usr/bin/env python3
"""Generate the catalog modules ``src/zscaler/catalog/<product>.py`` from the API inventory.

This is a one-shot bootstrap: once its output is committed, the catalog modules are the
hand-maintained source of truth. Re-running it overwrites them (the two hand-written ZPA
resources ``segment_groups`` and ``provisioning`` and their constants are carried over
verbatim from the current ``zpa.py``).

    python tools/gen_catalog.py [--inventory DIR] [--check] [product ...]

It also writes ``docs/catalog-gaps.md``: what the declarative records cannot express
(methods that need a hook, unbound placeholders, approximated result shapes, fixed path
bugs, aliases added for seed names).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOG = ROOT / "src" / "zscaler" / "catalog"
GAPS = ROOT / "docs" / "catalog-gaps.md"
INVENTORY = Path("/work/shared/zscaler-api/inventory")

PRODUCTS = ("zpa", "zia", "zcc", "zdx", "ztw", "zwa", "zid", "zins", "zms", "zbi", "zeasm", "ztb", "aiguard", "zcell")
WRITE = {"POST", "PUT", "PATCH"}
CONFIG_PLACEHOLDERS = {"customerId", "zcellCustomerId"}
SPECIAL_PARAMS = {"query_params", "kwargs", "microtenant_id"}
WIDTH = 120

TITLES = {
    "zpa": "ZPA (Private Access)", "zia": "ZIA (Internet Access)", "zcc": "ZCC (Client Connector)",
    "zdx": "ZDX (Digital Experience)", "ztw": "ZTW (Cloud & Branch Connector)", "zwa": "ZWA (Workflow Automation)",
    "zid": "ZIdentity", "zins": "Z-Insights (GraphQL)", "zms": "ZMS (Microsegmentation, GraphQL)",
    "zbi": "Business Insights", "zeasm": "EASM (External Attack Surface Management)", "ztb": "ZTB (Zero Trust Branch)",
    "aiguard": "AI Guard", "zcell": "ZCell",
}

# name, prefix, paging, body_case, int_ids, id_style
PRODUCT_SETTINGS = {
    "zpa": ("/zpa", "zpa", "camel", False, "zpa"),
    "zia": ("/zia", "zia", "camel", True, "int"),
    "zcc": ("/zcc", "zcc", "zcc", False, "int"),
    "zdx": ("/zdx", "zdx", "none", False, "int"),
    "ztw": ("/ztw", "flat", "camel", True, "int"),
    "zwa": ("/zwa", "flat", "camel", False, "uuid"),
    "zid": ("/ziam", "ziam", "camel", False, "uuid"),
    "zins": ("/zins", "none", "camel", False, "int"),
    "zms": ("/zms", "none", "camel", False, "uuid"),
    "zbi": ("/bi", "none", "camel", False, "int"),
    "zeasm": ("/easm", "easm", "none", False, "uuid"),
    "ztb": ("/ztb", "none", "none", False, "uuid"),
    "aiguard": ("/aiguard", "none", "camel", False, "uuid"),
    "zcell": ("/zcell/config/api/v1", "zcell", "camel", False, "int"),
}

# Module-level base-path constants, per product (the longest matching prefix is used).
BASES = {
    "zpa": [
        ("V1", "/zpa/mgmtconfig/v1/admin/customers/{customerId}"),
        ("V2", "/zpa/mgmtconfig/v2/admin/customers/{customerId}"),
        ("V1_CUSTOMERS", "/zpa/mgmtconfig/v1/customers/{customerId}"),
        ("LSS_V2", "/zpa/mgmtconfig/v2/admin/lssConfig"),
        ("CBI", "/zpa/cbiconfig/cbi/api/customers/{customerId}"),
        ("USERCONFIG", "/zpa/userconfig/v1/customers/{customerId}"),
        ("WAAP_PRA", "/zpa/waap-pra-config/v1/admin/customers/{customerId}"),
        ("PROV", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/associationType/{key_type}"),  # carried over
    ],
    "zia": [("BASE", "/zia/api/v1"), ("SANDBOX", "/zscsb")],
    "zcc": [("BASE", "/zcc/papi/public/v1")],
    "zdx": [("BASE", "/zdx/v1")],
    "ztw": [("BASE", "/ztw/api/v1")],
    "zwa": [("BASE", "/zwa/dlp/v1")],
    "zid": [("BASE", "/ziam/admin/api/v1")],
    "zins": [("GRAPHQL", "/zins/graphql")],
    "zms": [("GRAPHQL", "/zms/graphql")],
    "zbi": [("BASE", "/bi/api/v1")],
    "zeasm": [("BASE", "/easm/easm-ui/v1")],
    "ztb": [("API", "/ztb/api"), ("V2", "/ztb/api/v2"), ("V3", "/ztb/api/v3")],
    "aiguard": [("BASE", "/aiguard/v1")],
    "zcell": [("BASE", "/zcell/config/api/v1")],
}

#: Methods with alternative paths: the one their default arguments use.
PREFERRED_PATHS = {"ztw.activate.activate": "/ecAdminActivateStatus/activate"}

#: Facts the inventory states only in prose notes (body-rules.json ``notes``), by method.
MANUAL = {
    "ztw.admin_roles.add_role": {"body_defaults": {"roleType": "EDGE_CONNECTOR_ADMIN"}},
    "ztw.admin_users.change_password": {"wire": {"username": "userName"}},
    "zia.pac_files.validate_pac_file": {"body": "pac_file_content", "raw_body": True,
                                        "hook": "sends the PAC text dedented, leading CR/LF stripped"},
    "zia.policy_export.policy_export": {"body": "policy_types", "hook": "sends `[]` when no policy types are given"},
    "zpa.service_edge_schedule.add_service_edge_schedule": {"body": "schedule"},
    "zpa.service_edge_schedule.update_service_edge_schedule": {"body": "schedule"},
    "zpa.pra_console.add_bulk_console": {"body": "consoles",
                                         "hook": "sends a bare array, each entry completed with defaults and kwargs"},
    "ztb.site.create_cloud_site": {"body": "body", "hook": "merges `**kwargs` into the `body` model"},
    "ztb.site.update_site": {"body": "body", "hook": "merges `**kwargs` into the `body` model"},
    "ztb.site2site_vpn.create_s2s_connections": {"body": "connection"},
    "ztb.site2site_vpn.update_s2s_connections": {"body": "connection"},
}

#: Conditional bodies the standard shaping already reproduces (``{"labels": ...}`` or ``{}`` when None).
PLAIN_BODIES = {"zwa.dlp_incidents.assign_labels", "zwa.dlp_incidents.incident_notes"}

#: Names used in the README seeds that the official SDK does not have: product -> resource -> alias -> real name.
SEED_ALIASES = {"ztw": {"ip_destination_groups": {"add_group": "add_ip_destination_group"}}}

#: Every ``client.<product>.<resource>.<method>`` the README seeds call.
SEED_CALLS = [
    "zia.admin_roles.add_role", "zia.admin_roles.update_role", "zia.rule_labels.add_label",
    "ztw.ip_destination_groups.add_group", "ztw.provisioning_url.list_provisioning_url", "zcc.devices.list_devices",
    "zdx.apps.list_apps", "zwa.dlp_incidents.get_incident_transactions", "zid.groups.list_groups",
    "zia.sandbox.submit_file", "zpa.scim_groups.list_scim_groups", "zia.user_management.list_groups",
    "zpa.segment_groups.list_groups", "zpa.segment_groups.add_group",
]

#: Parameters that never reach the wire (local file names, HTTP headers) unless the inventory says otherwise.
LOCAL_PARAM_NAMES = {"filename", "save_path", "file_path", "headers", "output_file", "output_path"}

ACRONYMS = {
    "zpa": "ZPA", "zia": "ZIA", "zcc": "ZCC", "zdx": "ZDX", "ztw": "ZTW", "zwa": "ZWA", "ip": "IP", "ips": "IPS",
    "url": "URL", "urls": "URLs", "dlp": "DLP", "id": "ID", "ids": "IDs", "ssl": "SSL", "dns": "DNS", "vpn": "VPN",
    "gre": "GRE", "api": "API", "pac": "PAC", "scim": "SCIM", "saml": "SAML", "idp": "IdP", "lss": "LSS",
    "pra": "PRA", "cbi": "CBI", "sso": "SSO", "nss": "NSS", "atp": "ATP", "casb": "CASB", "otp": "OTP",
    "vip": "VIP", "vips": "VIPs", "ipv6": "IPv6", "sim": "SIM", "sims": "SIMs", "llm": "LLM", "s2s": "site-to-site",
    "ba": "browser access", "c2c": "cloud-to-cloud", "ir": "IR", "tld": "TLD", "csv": "CSV", "md5": "MD5",
    "oauth2": "OAuth2", "zcomponent": "zcomponent", "ztb": "ZTB", "v2": "(v2)", "lite": "(lite)", "edl": "EDL",
    "sni": "SNI", "fqdn": "FQDN", "ec": "EC", "vm": "VM", "vms": "VMs", "dc": "DC", "dcs": "DCs", "http": "HTTP",
    "iot": "IoT", "saas": "SaaS", "totp": "TOTP", "zms": "ZMS", "eusa": "EUSA", "sg": "SG", "cidr": "CIDR",
    "pcap": "PCAP",
}


# --------------------------------------------------------------------------- helpers


def load_json(name: str):
    return json.loads((INVENTORY / name).read_text())


_CAMEL_EXC: dict[str, str] = {}


def camel(key: str) -> str:
    """The generic snake -> lowerCamel rule of the official SDK (exception table first)."""
    if key in _CAMEL_EXC:
        return _CAMEL_EXC[key]
    if "_" not in key:
        return key
    parts = [p for p in key.split("_") if p]
    if not parts:
        return key
    return parts[0].lower() + "".join(p[:1].upper() + p[1:].lower() for p in parts[1:])


def params_text(m) -> str:
    out, star = [], False
    for p in m["parameters"]:
        kind = p["kind"]
        if kind == "keyword_only" and not star:
            out.append("*")
            star = True
        if kind == "var_positional":
            out.append("*" + p["name"])
            star = True
        elif kind == "var_keyword":
            out.append("**" + p["name"])
        elif p["default"] is not None:
            out.append(f"{p['name']}={p['default']}")
        else:
            out.append(p["name"])
    return ", ".join(out)


def humanize(name: str) -> str:
    words = name.split("_")
    out = []
    for i, w in enumerate(words):
        w2 = ACRONYMS.get(w, w)
        out.append(w2)
    text = " ".join(x for x in out if x)
    text = text.replace(" (v2)", " (v2 API)").replace(" (lite)", " (lite view)")
    return text[:1].upper() + text[1:] + "."


def pyrepr(value) -> str:
    """repr() with double quotes for strings (the modules' house style)."""
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, bool) or value is None or isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, tuple):
        inner = ", ".join(pyrepr(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(pyrepr(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{pyrepr(k)}: {pyrepr(v)}" for k, v in value.items()) + "}"
    if isinstance(value, Raw):
        return value.text
    raise TypeError(type(value))


class Raw:
    """Python source emitted as-is (constant names, path expressions)."""

    def __init__(self, text: str):
        self.text = text

    def __eq__(self, other):
        return isinstance(other, Raw) and other.text == self.text

    def __hash__(self):
        return hash(self.text)


def _split_string(arg: str, room: int) -> list[str]:
    """Split a long double-quoted literal into adjacent literals of at most ``room`` characters."""
    text = json.loads(arg)
    pieces, cur = [], ""
    for part in re.split(r"(?<=, )", text):
        if cur and len(json.dumps(cur + part)) > room:
            pieces.append(cur)
            cur = part
        else:
            cur += part
    pieces.append(cur)
    return [json.dumps(x) for x in pieces]


def call(fn: str, args: list[str], indent: int, width: int = WIDTH) -> str:
    """Format ``fn(arg, arg, ...)`` at ``indent``, wrapping arguments greedily."""
    pad = " " * indent
    one = f"{pad}{fn}({', '.join(args)})"
    if len(one) <= width:
        return one
    lines, cur = [], f"{pad}{fn}("
    cont = " " * (indent + len(fn) + 1)
    first = True
    for i, a in enumerate(args):
        piece = a + ("," if i < len(args) - 1 else ")")
        if first and len(cur) + len(piece) <= width:
            cur += piece
        elif not first and len(cur) + 1 + len(piece) <= width:
            cur += " " + piece
        elif a.startswith('"') and len(cont) + len(piece) > width:
            parts = _split_string(a, width - len(cont) - 2)
            if not first:
                lines.append(cur)
                cur = cont
            for j, part in enumerate(parts):
                end = piece[len(a):] if j == len(parts) - 1 else ""
                lines.append((cur if j == 0 else cont) + part + end)
            cur = None
        else:
            lines.append(cur)
            cur = cont + piece
        first = False
        if cur is None:
            cur = lines.pop()
    lines.append(cur)
    return "\n".join(lines)


# --------------------------------------------------------------------------- model


class Gaps:
    def __init__(self):
        self.hooks: dict[str, list[str]] = defaultdict(list)
        self.placeholders: dict[str, list[str]] = defaultdict(list)
        self.fallbacks: dict[str, list[str]] = defaultdict(list)
        self.shapes: dict[str, list[str]] = defaultdict(list)
        self.path_fixes: list[str] = []
        self.inline_query: dict[str, list[str]] = defaultdict(list)
        self.irregular: dict[str, list[str]] = defaultdict(list)
        self.decorators: dict[str, Counter] = defaultdict(Counter)
        self.flags: dict[str, list[str]] = defaultdict(list)
        self.counts: dict[str, tuple[int, int]] = {}
        self.aliases: list[str] = []
        self.hook_methods: dict[str, set] = defaultdict(set)

    def hook(self, product, qual, text):
        if qual not in self.hook_methods[product]:
            self.hook_methods[product].add(qual)
            self.hooks[product].append(f"`{qual}` — {text}")
        else:
            for i, line in enumerate(self.hooks[product]):
                if line.startswith(f"`{qual}` — ") and text not in line:
                    self.hooks[product][i] = line + "; " + text


class OpRec:
    def __init__(self, name, verb, path, params, result, model):
        self.name, self.verb, self.path, self.params, self.result, self.model = name, verb, path, params, result, model
        self.extra: dict = {}
        self.doc = ""
        self.hooked = False


# --------------------------------------------------------------------------- generator


class ProductGen:
    def __init__(self, product: str, body_rules: dict, gaps: Gaps):
        self.p = product
        self.inv = load_json(f"{product}.json")
        self.br = body_rules["products"].get(product, {})
        self.shared_lists = body_rules["shared_id_lists"]
        self.gaps = gaps
        self.bases = BASES[product]
        self.tables: dict[str, dict] = {}  # constant name -> value
        self.table_by_content: dict[str, str] = {}
        self.body_case = PRODUCT_SETTINGS[product][2]
        self.carried = None
        if product == "zpa":
            self.carried = carry_over_zpa()
            for name, value in self.carried["tables"].items():
                self.table_by_content[json.dumps(value, sort_keys=True)] = name

    # ---- constants

    def table(self, name: str, value: dict, owner: str = "") -> Raw:
        key = json.dumps(value, sort_keys=True, default=str)
        if key in self.table_by_content:
            return Raw(self.table_by_content[key])
        if owner and (name in self.tables or (self.carried and name in self.carried["tables"])):
            name = f"{owner.upper()}_{name}"
        base, n = name, 2
        while name in self.tables or (self.carried and name in self.carried["tables"]):
            name = f"{base}_{n}"
            n += 1
        self.tables[name] = value
        self.table_by_content[key] = name
        return Raw(name)

    def path_expr(self, path: str) -> Raw:
        best = None
        for name, base in self.bases:
            if path == base or path.startswith(base + "/") or path.startswith(base + "?"):
                if best is None or len(base) > len(best[1]):
                    best = (name, base)
        if best is None:
            return Raw(json.dumps(path))
        rest = path[len(best[1]):]
        return Raw(best[0] if not rest else f"{best[0]} + {json.dumps(rest)}")

    # ---- per method

    def qual(self, res, m):
        return f"{self.p}.{res['attribute']}.{m['name']}"

    def fix_path(self, path: str, qual: str) -> str:
        fixed = path
        fixed = re.sub(r"\}([A-Za-z])", r"}/\1", fixed)
        if fixed.endswith('"'):
            fixed = fixed.rstrip('"')
        if self.p == "aiguard" and fixed.startswith("/v1/"):
            fixed = "/aiguard" + fixed
            self.gaps.irregular[self.p].append(
                f"`{qual}`: the official path has no product prefix (`{path}`, legacy helper only); "
                f"catalogued as `{fixed}` so that legacy prefix stripping yields the original path")
            return fixed
        if fixed != path:
            self.gaps.path_fixes.append(f"`{qual}`: `{path}` -> `{fixed}`")
        return fixed

    def choose_endpoint(self, m, qual):
        eps = m["endpoints"]
        pnames = {x["name"] for x in m["parameters"]}
        direct = [e for e in eps if not e.get("via")] or eps
        preferred = PREFERRED_PATHS.get(qual)
        if preferred:
            for e in direct:
                if e["path"].endswith(preferred):
                    return e
        if m["name"].startswith("delete_"):
            deletes = [e for e in direct if e["methods"][0] == "DELETE"]
            if deletes:
                return deletes[0]
        writes = [e for e in direct if e["methods"][0] in WRITE]
        cands = writes or [e for e in direct if e["methods"][0] == "DELETE"] or direct

        def bound_query(e):  # prefer the variant whose inline query values are parameters
            vals = [str(v).strip("{}") for v in (e.get("inline_query") or {}).values()]
            return sum(v in pnames for v in vals) - sum(v not in pnames for v in vals) * 2

        first = cands[0]
        same = [e for e in cands if (e["methods"][0], e["path"]) == (first["methods"][0], first["path"])]
        return max(same, key=bound_query)

    def others_of(self, m, main):
        """Endpoints besides the main one, not counting variants of the same request."""
        return [e for e in m["endpoints"] if e is not main
                and not (not e.get("via") and (e["methods"][0], e["path"]) == (main["methods"][0], main["path"]))]

    def result_of(self, m, qual):
        r = m["result"]
        shape = r["shape"]
        models = r.get("models") or []
        model = models[0] if models else None
        simple = {"object": "object", "list": "list", "none": "none", "raw": "raw", "dict": "raw", "raw_field": "raw",
                  "raw_list": "raw_list", "list_of_one_wrapping_body": "list_of_one", "status_code": "status_code",
                  "int": "status_code", "bytes_or_text": "bytes"}
        field_path = None
        if isinstance(shape, str) and shape in simple:
            res = simple[shape]
            if shape == "raw_field":
                bf = r.get("body_field")
                if isinstance(bf, list):
                    bf = bf[0] if bf else None
                field_path = bf
        else:
            shapes = shape if isinstance(shape, list) else [shape]
            main = [s for s in ("object", "list", "raw_list", "list_of_one_wrapping_body", "raw", "dict") if s in shapes]
            if r.get("raw_response") and ("passthrough" in shapes or "computed" in shapes):
                res = "bytes"
            elif main:
                res = simple[main[0]]
            elif "item_of_list" in shapes:
                res = "object"
            elif shapes == ["none", "unknown"] or "unknown" in shapes:
                res = "object" if model else "raw"
            elif shapes == ["constant", "int"] or "int" in shapes:
                res = "raw"
            else:
                res = "raw"
            if shapes not in (["none", "object"],):
                self.gaps.shapes[self.p].append(f"`{qual}`: inventory shape `{shape}` -> `{res}`")
            if res == "object" and not model:
                model = None
        return res, model, field_path

    def build_op(self, res, m, rbr, shared) -> OpRec:
        qual = self.qual(res, m)
        p = self.p
        gaps = self.gaps
        params = params_text(m)
        pnames = [x["name"] for x in m["parameters"] if x["kind"] not in ("var_keyword", "var_positional")]
        has_kwargs = any(x["kind"] == "var_keyword" for x in m["parameters"])
        br = rbr.get(m["name"], {}) or {}
        body_rule = br.get("body") if isinstance(br.get("body"), dict) else {}
        main = self.choose_endpoint(m, qual)
        verb = main["methods"][0]
        if len(main["methods"]) > 1:
            gaps.irregular[p].append(f"`{qual}`: endpoint lists verbs {main['methods']}; `{verb}` used")
        path = self.fix_path(main["path"], qual)
        if not path.startswith(PRODUCT_SETTINGS[p][0] + "/"):
            gaps.irregular[p].append(f"`{qual}`: `{path}` is outside the product prefix (sandbox host "
                                     "`csbapi.<sandboxCloud>.net`, query `api_token=<sandboxToken>`)"
                                     if path.startswith("/zscsb") else f"`{qual}`: `{path}` is outside the product prefix")
        result, model, field_path = self.result_of(m, qual)
        rec = OpRec(m["name"], verb, path, params, result, model)
        ex = rec.extra
        wire: dict[str, str] = {}
        query: list[str] = []
        maps: dict[str, Raw] = {}
        body_defaults: dict = {}
        body_arg = None
        consumed: set[str] = set()

        def add_query(name):
            if name not in query:
                query.append(name)

        # -- extra requests
        others = self.others_of(m, main)
        if others:
            descr = []
            for e in others:
                rel = e.get("relative_path") or e["path"]
                if e.get("via"):
                    descr.append(f"{e['methods'][0]} `{rel}` via {', '.join(e['via'])}")
                else:
                    descr.append(f"alternative {e['methods'][0]} `{rel}`")
            local = [x for x in re.findall(r"{(\w+)}", main["path"]) if x not in pnames and x not in CONFIG_PLACEHOLDERS]
            why = f" (resolves {{{', '.join(local)}}})" if local else ""
            gaps.hook(p, qual, "also sends " + "; ".join(descr) + why)
            rec.hooked = True
        elif main.get("via") and all(v.startswith("_") for v in main["via"]):
            gaps.hook(p, qual, f"sends {main['methods'][0]} `{main.get('relative_path') or main['path']}` through "
                               f"{', '.join(main['via'])} (collects every page)")
            rec.hooked = True
        elif main.get("via"):
            gaps.hook(p, qual, f"no request of its own: {main['methods'][0]} `{main.get('relative_path') or main['path']}` "
                               f"via {', '.join(main['via'])}, then works on the result client-side")
            rec.hooked = True
        vias = {v for e in m["endpoints"] for v in (e.get("via") or [])}
        for extra in body_rule.get("extra_calls") or []:
            if extra.split(".")[-1] in vias:
                continue
            gaps.hook(p, qual, f"calls {extra} first")
            rec.hooked = True
        if m["name"].endswith("_by_name") and not rec.hooked and m["result"]["shape"] != "list":
            pass

        # -- placeholders
        transforms = {t["placeholder"].strip("{}"): t["function"] for t in (m.get("path_param_transforms") or [])}
        value_maps = dict(m.get("value_maps") or {})
        for k, v in (res.get("constant_tables") or {}).items():
            if isinstance(v, dict):
                value_maps.setdefault(k, v)
        for k, v in (shared.get("value_maps") or {}).items():
            value_maps.setdefault(k, v)
        fallbacks = m.get("parameter_fallbacks") or {}
        for ph in re.findall(r"{(\w+)}", path):
            if ph in CONFIG_PLACEHOLDERS:
                continue
            if ph in pnames:
                consumed.add(ph)
                fn = transforms.get(ph)
                if fn:
                    table = value_maps.get(fn)
                    if isinstance(table, dict) and table:
                        maps[ph] = self.table(const_name(fn, ph), table, res["attribute"])
                    else:
                        gaps.irregular[p].append(f"`{qual}`: placeholder `{{{ph}}}` goes through `{fn}` (no literal table)")
                if ph in fallbacks:
                    gaps.fallbacks[p].append(f"`{qual}`: `{ph}` defaults to the configured `{fallbacks[ph].strip('{}')}`")
                continue
            gaps.placeholders[p].append(f"`{qual}`: `{{{ph}}}` is computed inside the method")
            if not rec.hooked:
                gaps.hook(p, qual, f"computes `{{{ph}}}` locally")
                rec.hooked = True
        for name, cfg in fallbacks.items():
            if name not in re.findall(r"{(\w+)}", path):
                gaps.fallbacks[p].append(f"`{qual}`: `{name}` defaults to the configured `{cfg.strip('{}')}`")

        # -- inline query
        suffix = []
        for k, v in (main.get("inline_query") or {}).items():
            if k == "*":
                gaps.hook(p, qual, "builds its query string by hand")
                rec.hooked = True
                continue
            mm = re.fullmatch(r"{(\w+)}", str(v))
            if mm:
                arg = mm.group(1)
                if arg in pnames:
                    consumed.add(arg)
                    if verb in WRITE:
                        add_query(arg)
                    if camel(arg) != k:
                        wire[arg] = k
                else:
                    gaps.hook(p, qual, f"query `{k}` from local `{arg}`")
                    rec.hooked = True
            else:
                suffix.append(f"{k}={v}")

        # -- query keys set by the method
        for key, q in (br.get("query") or {}).items():
            w = q.get("wire", key)
            if w == "microtenantId":
                continue
            arg = q.get("param") or (q.get("built_as") if q.get("built_as") in pnames else None)
            if not arg and q.get("computed"):
                cands = [x for x in pnames if camel(x) == w or x == w]
                arg = cands[0] if cands else None
            if arg and arg in pnames:
                consumed.add(arg)
                if verb in WRITE:
                    add_query(arg)
                if camel(arg) != w:
                    wire[arg] = w
                continue
            if q.get("from") in ("query_params", "params") and q.get("key"):
                if camel(q["key"]) != w:
                    wire[q["key"]] = w
                continue
            if "const" in q:
                cands = [x for x in pnames if camel(x) == w]
                if cands:
                    consumed.add(cands[0])
                    if verb in WRITE:
                        add_query(cands[0])
                    continue
                item = f"{w}={q['const']}"
                if item not in suffix:
                    suffix.append(item)
                continue
            if q.get("computed") and not m.get("decorators"):
                gaps.irregular[p].append(f"`{qual}`: query `{w}` is computed (decorator/helper)")
        for key in (m.get("query_param_handling") or {}).get("sets") or []:
            cands = [x for x in pnames if x == key or camel(x) == key]
            if cands and cands[0] not in SPECIAL_PARAMS and cands[0] not in consumed:
                consumed.add(cands[0])
                if verb in WRITE:
                    add_query(cands[0])
                if camel(cands[0]) != key and cands[0] != key:
                    wire[cands[0]] = key
        if suffix:
            path = path + "?" + "&".join(suffix)
            rec.path = path
            gaps.inline_query[p].append(f"`{qual}`: `?{'&'.join(suffix)}`")

        # -- whole-body argument
        for src in body_rule.get("source") or []:
            mm = re.fullmatch(r"param:(\w+)(?:\.request_format(?:\(\))?)?", src)
            if mm and mm.group(1) in pnames:
                body_arg = mm.group(1)
        if not body_arg and main.get("body_arg") in pnames:
            body_arg = main["body_arg"]
        notes = " ".join(br.get("notes") or [])
        free = [x for x in pnames if x not in SPECIAL_PARAMS and x not in re.findall(r"{(\w+)}", path)]
        chunked = "chunker" in ((m.get("body_handling") or {}).get("helpers") or [])
        if not body_arg and verb in WRITE and ("bare JSON array" in notes or chunked) and len(free) == 1:
            body_arg = free[0]
            if chunked:
                gaps.hook(p, qual, "splits the array into chunks of 100, one request each")
                rec.hooked = True
        if body_arg:
            consumed.add(body_arg)
            ex["body"] = body_arg
        srcs = body_rule.get("source") or []
        if verb not in WRITE and srcs and srcs != ["empty_object"]:
            if srcs == ["kwargs"] and has_kwargs:
                ex["body"] = "kwargs"
            else:
                gaps.hook(p, qual, f"sends a JSON body with {verb}, built from `{', '.join(srcs)}`")
                rec.hooked = True
        if any(s.startswith("local:") or s == "list" or s.startswith("call:") or s == "conditional" or s == "merge"
               or s.startswith("fetched_model") for s in srcs):
            note = {"list": "sends a bare JSON array"}.get(srcs[0], f"builds its body from `{', '.join(srcs)}`")
            if any(s.startswith("call:file") for s in srcs):
                note = "reads the file and sends its bytes"
            if not (body_arg and srcs == [f"param:{body_arg}"]) and qual not in PLAIN_BODIES:
                gaps.hook(p, qual, note)
                rec.hooked = True
        literal_query = (body_rule.get("literal_keys") or {}).get("query")
        if body_rule.get("graphql_variables") is not None or literal_query == "<GraphQL document text>":
            op_name = (body_rule.get("literal_keys") or {}).get("operationName")
            gql = m.get("graphql") or {}
            gql = (gql[0] if gql else {}) if isinstance(gql, list) else gql
            gaps.hook(p, qual, f"GraphQL {gql.get('operation_type', 'query')} `{op_name}`: document text and `variables` "
                               "built from the arguments")
            rec.hooked = True
            if op_name:
                body_defaults["operationName"] = op_name

        def eff(key: str) -> str:
            return key if self.body_case == "none" else camel(key)

        # -- literal body keys
        computed: list[str] = []
        for key, val in (body_rule.get("literal_keys") or {}).items():
            if key in ("query", "variables", "operationName") and body_rule.get("graphql_variables") is not None:
                continue
            wkey = eff(key)
            if isinstance(val, str) and val.startswith("<computed"):
                computed.append(wkey)
                continue
            if isinstance(val, str) and val.startswith("<"):
                mm = re.match(r"<<?(param|pop|get) (\w+)(?: default=([^>]*))?>", val)
                if mm:
                    kind, arg, default = mm.groups()
                    if kind == "param" and arg not in pnames:
                        continue
                    if kind == "param" and arg in re.findall(r"{(\w+)}", path):
                        gaps.irregular[p].append(f"`{qual}`: the path value `{arg}` is also sent in the body as `{wkey}`")
                        continue
                    if kind == "param":
                        consumed.add(arg)
                    if camel(arg) != wkey and arg != wkey:
                        wire[arg] = wkey
                    if default is not None:
                        try:
                            body_defaults[wkey] = ast.literal_eval(default)
                        except Exception:
                            pass
                continue
            if isinstance(val, str) and ("{" in val or " from " in val):
                continue
            body_defaults[wkey] = val

        # -- renames
        for rn in body_rule.get("renames") or []:
            if rn["from"] in ("microtenant_id",):
                continue
            if camel(rn["from"]) != rn["to"]:
                wire[rn["from"]] = rn["to"]
        for kr in m.get("key_renames") or []:
            f, t = kr["from"], kr["to"]
            if f in ("microtenant_id",) or f != f.lower() or f in wire:
                continue
            if t == "id" or "_" in t:
                gaps.irregular[p].append(f"`{qual}`: `{f}` is sent nested (`{t}` inside an object)")
                continue
            if camel(f) != t:
                wire[f] = t

        # -- constant body defaults
        for s in body_rule.get("sets") or []:
            val, when = s.get("value"), s.get("when")
            mm = re.match(r"<param (\w+)>", val) if isinstance(val, str) else None
            if mm and mm.group(1) in re.findall(r"{(\w+)}", path):
                extra_txt = val.split(">", 1)[1].strip()
                gaps.irregular[p].append(f"`{qual}`: the path value `{mm.group(1)}` is also sent in the body as "
                                         f"`{eff(s['key'])}`" + (f" ({extra_txt})" if extra_txt else ""))
                continue
            if isinstance(val, str) and (val.startswith("<") or val.startswith("[") or val.startswith("{") or " from " in val):
                if not val.startswith("<param") and not val.startswith("<get"):
                    computed.append(eff(s["key"]))
                continue
            if when is None or re.fullmatch(r"(not \w+ given|\w+ absent|\w+ is None|\w+ missing(/falsy)?)", when):
                if s.get("in_loop"):
                    continue
                body_defaults.setdefault(eff(s["key"]), val)

        if computed and not body_rule.get("graphql_variables"):
            gaps.hook(p, qual, "computes body key(s) " + ", ".join(f"`{k}`" for k in dict.fromkeys(computed)))
            rec.hooked = True

        # -- enabled flag
        flag = shared.get("enabled_flag")
        if flag and m["name"] in flag.get("applies_to", []):
            gaps.flags[p].append(f"`{qual}`: `{flag['kwarg']}=True/False` -> `{flag['wire']}: "
                                 f"\"{flag['true']}\"/\"{flag['false']}\"`")

        # -- named params without a wire destination given by the inventory
        refd = set(consumed) | set(wire) | set(query)
        for lk in (body_rule.get("literal_keys") or {}).values():
            for a in re.findall(r"<(?:param|pop|get) (\w+)", str(lk)):
                refd.add(a)
        explicit = set((m.get("body_handling") or {}).get("explicit_keys") or [])
        for x in pnames:
            if x in SPECIAL_PARAMS or x in refd:
                continue
            if camel(x) in explicit:
                continue
            if x in LOCAL_PARAM_NAMES:
                gaps.irregular[p].append(f"`{qual}`: parameter `{x}` is local (file name / HTTP headers), not sent")
                if not rec.hooked:
                    gaps.hook(p, qual, f"uses `{x}` locally (not sent)")
                    rec.hooked = True
                continue

        # -- header slips and headers
        if main.get("note"):
            gaps.irregular[p].append(f"`{qual}`: official SDK {main['note']} ({main.get('headers_arg')}); sent as query here")
        ha = main.get("headers_arg")
        if ha and ha in pnames:
            consumed.add(ha)

        # -- raw body
        if br.get("raw_body") or str(main.get("use_raw_data_for_body")) == "True":
            ex["raw_body"] = True

        # -- decorators
        for d in m.get("decorators") or []:
            name = d.split("(")[0]
            if name != "synchronized":
                gaps.decorators[p][name] += 1

        manual = MANUAL.get(qual, {})
        for k, v in manual.items():
            if k == "wire":
                wire.update(v)
            elif k == "body_defaults":
                body_defaults.update(v)
            elif k == "hook":
                gaps.hook(p, qual, v)
                rec.hooked = True
            else:
                ex[k] = v
        if query:
            ex["query"] = tuple(query)
        if wire:
            ex["wire"] = wire
        if maps:
            ex["maps"] = maps
        if body_defaults and verb in WRITE:
            ex["body_defaults"] = body_defaults
        if field_path:
            ex["field_path"] = field_path
        rec.doc = humanize(m["name"])
        return rec

    # ---- per resource

    def id_lists(self, res, rbr, shared) -> dict | Raw:
        pairs: dict[str, str] = {}
        shared_name = None
        entries = list(shared.get("id_lists") or [])
        for mb in rbr.values():
            b = mb.get("body") if isinstance(mb.get("body"), dict) else {}
            il = b.get("id_lists")
            if isinstance(il, list):
                entries.extend(il)
            elif il == "shared" and not shared.get("id_lists") and shared.get("reformat_params"):
                entries.append({"list": "resource.reformat_params"})
        for e in entries:
            lst = e.get("list")
            if lst in self.shared_lists:
                shared_name = lst
            elif lst == "resource.reformat_params":
                for a, w in shared.get("reformat_params") or (res.get("constant_tables") or {}).get("reformat_params") or []:
                    pairs[a] = w
            elif e.get("from") and e.get("shape") == "[{id}]":
                pairs[e["from"].replace("param:", "")] = e["to"]
            elif e.get("from"):
                self.gaps.irregular[self.p].append(
                    f"`{self.p}.{res['attribute']}`: `{e['from'].replace('param:', '')}` -> `{e['to']}` as a single "
                    f"`{e.get('shape')}` object (not expressible as an id list)")
        if shared_name:
            spec_ = self.shared_lists[shared_name]
            minus = set(spec_.get("minus") or [])
            spec_ = self.shared_lists[spec_["base"]] if "base" in spec_ else spec_
            base = {a: w for a, w in spec_["pairs"] if a not in minus}
            const = self.table("IDS" if shared_name == "zia_global" else "IDS_NO_URL_CATEGORIES", base)
            if pairs:
                return Raw(f"{{**{const.text}, {pyrepr(pairs)[1:]}")
            return const
        return pairs

    def model_keys(self, model: str) -> set[str]:
        for md in self.inv["models"]:
            if md["class"] == model:
                return {f.get("key") for f in md.get("fields", []) if isinstance(f, dict)}
        return set()

    def resource(self, res) -> str:
        attr = res["attribute"]
        if self.carried and attr in self.carried["resources"]:
            for m in res["methods"]:
                for e in m["endpoints"]:
                    fixed = re.sub(r"\}([A-Za-z])", r"}/\1", e["path"])
                    if fixed != e["path"]:
                        self.gaps.path_fixes.append(f"`{self.qual(res, m)}`: `{e['path']}` -> `{fixed}` (hand-written entry)")
            return "    " + self.carried["resources"][attr] + ","
        rbr = (self.br.get(attr) or {}).get("methods", {})
        shared = (self.br.get(attr) or {}).get("shared", {}) or {}
        ops = [self.build_op(res, m, rbr, shared) for m in res["methods"]]
        # duplicate (verb, path) check
        seen = Counter((o.verb, o.path) for o in ops)
        for (verb, path), n in seen.items():
            if n > 1:
                names = [o.name for o in ops if (o.verb, o.path) == (verb, path)]
                self.dups.append(f"`{self.p}.{attr}`: {verb} `{path}` used by {', '.join(names)}")
        score: Counter = Counter()
        for o in ops:
            if o.model:
                score[o.model] += 1
                if re.match(r"(add|create)_", o.name) and o.verb == "POST":
                    score[o.model] += 0.5
                if o.name.startswith("get_") and o.path.endswith("}"):
                    score[o.model] += 0.25
        model = score.most_common(1)[0][0] if score else None
        il = self.id_lists(res, rbr, shared)
        il_map = self.tables.get(il.text, {}) if isinstance(il, Raw) else (il or {})
        for o in ops:
            w = o.extra.get("wire")
            if w:
                for k in [k for k, v in w.items() if il_map.get(k) == v]:
                    del w[k]
                if not w:
                    del o.extra["wire"]
        crud_txt, rest = self.crud(ops, model)
        out = ["    Resource(", f"        {json.dumps(attr)},"]
        body_lines = []
        for o in rest:
            body_lines.append(self.op_text(o, 12) + ",")
        if crud_txt and body_lines:
            out.append(crud_txt)
            out.append("        + (")
            out.extend(body_lines)
            out.append("        ),")
        elif crud_txt:
            out.append(crud_txt + ",")
        else:
            out.append("        (")
            out.extend(body_lines)
            out.append("        ),")
        kw = []
        if model:
            kw.append(f"model={json.dumps(model)}")
            keys = self.model_keys(model)
            if keys and "id" not in keys:
                idf = None
                for o in ops:
                    if o.name.startswith("get_") and o.verb == "GET" and o.model == model and o.path.endswith("}"):
                        ph = re.findall(r"{(\w+)}", o.path)
                        if camel(ph[-1]) in keys:
                            idf = camel(ph[-1])
                        break
                if idf:
                    kw.append(f"id_field={json.dumps(idf)}")
            creates = [o for o in ops if o.verb == "POST" and re.match(r"(add|create)_", o.name)
                       and "**kwargs" in o.params and o.model == model]
            if creates and "name" in keys and self.body_case != "none":
                kw.append('required=("name",)')
        if il:
            kw.append(f"id_lists={pyrepr(il)}")
        aliases = SEED_ALIASES.get(self.p, {}).get(attr)
        if aliases:
            kw.append(f"aliases={pyrepr(aliases)}")
            for a, real in aliases.items():
                self.gaps.aliases.append(f"`{self.p}.{attr}.{a}` -> `{real}`")
        for k in kw:
            line = f"        {k},"
            name, _, value = k.partition("=")
            if len(line) > WIDTH and value.startswith("{") and value.endswith("}"):
                items = ast.literal_eval(value)
                out.append(f"        {name}={{")
                out.extend(f"            {pyrepr(a)}: {pyrepr(b)}," for a, b in items.items())
                out.append("        },")
            else:
                out.append(line)
        out.append("    ),")
        return "\n".join(out)

    def crud(self, ops: list[OpRec], model):
        """Find the standard five operations; return (crud(...) text, remaining ops)."""
        if not model:
            return None, ops
        byshape = {}
        for o in ops:
            if o.extra or o.hooked or o.model not in (model, None):
                continue
            if o.verb == "GET" and o.params == "query_params=None" and o.result == "list" and o.model == model:
                byshape.setdefault("list", []).append(o)
            mm = re.fullmatch(r"(\w+), query_params=None", o.params)
            if o.verb == "GET" and mm and o.result == "object" and o.model == model and o.path.endswith("/{%s}" % mm.group(1)):
                byshape.setdefault("get", []).append(o)
            if o.verb == "POST" and o.params == "**kwargs" and o.result == "object" and o.model == model:
                byshape.setdefault("add", []).append(o)
            mm = re.fullmatch(r"(\w+), \*\*kwargs", o.params)
            if o.verb == "PUT" and mm and o.result == "object" and o.model == model and o.path.endswith("/{%s}" % mm.group(1)):
                byshape.setdefault("update", []).append(o)
            mm = re.fullmatch(r"(\w+)(, microtenant_id=None)?", o.params)
            if o.verb == "DELETE" and mm and o.result == "none" and o.path.endswith("/{%s}" % mm.group(1)):
                byshape.setdefault("delete", []).append(o)
        if set(byshape) != {"list", "get", "add", "update", "delete"}:
            return None, ops
        for lst in byshape["list"]:
            coll = lst.path
            for g in byshape["get"]:
                id_arg = g.params.split(",")[0]
                item = f"{coll}/{{{id_arg}}}"
                if g.path != item:
                    continue
                adds = [a for a in byshape["add"] if a.path == coll]
                ups = [u for u in byshape["update"] if u.path == item and u.params.startswith(id_arg + ",")]
                dels = [d for d in byshape["delete"] if d.path == item and d.params.split(",")[0] == id_arg]
                if not (adds and ups and dels):
                    continue
                a, u, d = adds[0], ups[0], dels[0]
                micro = "microtenant_id" in d.params
                base_expr = self.path_expr(coll).text
                if " + " in base_expr:
                    base, rel = base_expr.split(" + ", 1)
                else:
                    base, rel = base_expr, '""'
                args = [base, rel, json.dumps(model), f"list_name={json.dumps(lst.name)}", f"get_name={json.dumps(g.name)}",
                        f"add_name={json.dumps(a.name)}", f"update_name={json.dumps(u.name)}",
                        f"delete_name={json.dumps(d.name)}", f"id_arg={json.dumps(id_arg)}"]
                if micro:
                    args.append("microtenant=True")
                text = call("crud", args, 8)
                used = {id(x) for x in (lst, g, a, u, d)}
                return text, [o for o in ops if id(o) not in used]
        return None, ops

    def op_text(self, o: OpRec, indent: int) -> str:
        args = [json.dumps(o.name), json.dumps(o.verb), self.path_expr(o.path).text, json.dumps(o.params), json.dumps(o.result)]
        if o.model:
            args.append(json.dumps(o.model))
        for k in ("body", "query", "wire", "maps", "body_defaults", "field_path", "raw_body"):
            if k in o.extra:
                args.append(f"{k}={pyrepr(o.extra[k])}")
        args.append(f"doc={json.dumps(o.doc)}")
        return call("op", args, indent)

    # ---- module

    def render(self) -> str:
        self.dups: list[str] = []
        p = self.p
        prefix, paging, body_case, int_ids, id_style = PRODUCT_SETTINGS[p]
        res_txt = [self.resource(r) for r in self.inv["resources"]]
        self.gaps.counts[p] = (len(self.inv["resources"]), sum(len(r["methods"]) for r in self.inv["resources"]))
        self.gaps.irregular[p].extend(f"duplicate verb+path (as in the official SDK): {d}" for d in self.dups)
        used = "\n".join(res_txt)
        lines = [f'"""{TITLES[p]} catalog.', "",
                 "Bootstrapped by tools/gen_catalog.py from the API inventory; maintained by hand since.", '"""', "",
                 "from __future__ import annotations", ""]
        imports = ["Product", "Resource"]
        if "crud(" in used:
            imports.append("crud")
        imports.append("op")
        lines.append(f"from .spec import {', '.join(imports)}")
        lines.append("")
        if self.carried:
            lines.extend(self.carried["header"])
        for name, base in self.bases:
            if self.carried and name in self.carried["constants"]:
                continue
            if re.search(rf"\b{name}\b", used):
                lines.append(f"{name} = {json.dumps(base)}")
        if self.carried:
            lines.append("")
            lines.extend(self.carried["tail"])
        lines.append("")
        ids = self.tables.get("IDS")
        for name, value in sorted(self.tables.items(), key=lambda kv: len(kv[1])):
            if ids and name == "IDS_NO_URL_CATEGORIES" and value == {k: v for k, v in ids.items() if k != "url_categories"}:
                continue
            text = f"{name} = {pyrepr(value)}"
            if len(text) > WIDTH:
                items = [f"    {pyrepr(k)}: {pyrepr(v)}," for k, v in value.items()]
                text = f"{name} = {{\n" + "\n".join(items) + "\n}"
            lines.append(text)
        if ids and "IDS_NO_URL_CATEGORIES" in self.tables:
            lines.append('IDS_NO_URL_CATEGORIES = {k: v for k, v in IDS.items() if k != "url_categories"}')
        if self.tables:
            lines.append("")
        lines.append("")
        lines.append("RESOURCES = (")
        lines.extend(res_txt)
        lines.append(")")
        lines.append("")
        pargs = [json.dumps(p), json.dumps(prefix), json.dumps(paging), "RESOURCES"]
        if body_case != "camel":
            pargs.append(f"body_case={json.dumps(body_case)}")
        if int_ids:
            pargs.append("int_ids=True")
        if id_style != "int":
            pargs.append(f"id_style={json.dumps(id_style)}")
        aliases = self.inv.get("service_aliases") or {}
        if aliases:
            pargs.append(f"aliases={pyrepr(aliases)}")
        lines.append(call("PRODUCT = Product", pargs, 0))
        return "\n".join(lines) + "\n"


def const_name(fn: str, ph: str) -> str:
    if fn.isupper():
        return fn
    name = re.sub(r"^simplify_", "", fn)
    if ph == "key_type":
        return "KEY_TYPES"
    return name.upper()


def carry_over_zpa() -> dict:
    """The hand-written parts of zpa.py: constants and the two resources, as exact source text."""
    src = (CATALOG / "zpa.py").read_text()
    tree = ast.parse(src)
    lines = src.splitlines()
    constants, resources, tables = {}, {}, {}
    header, tail = [], []
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("V1", "V2", "KEY_TYPES", "PROV"):
                start = node.lineno - 1
                while start > 0 and lines[start - 1].startswith("#:"):
                    start -= 1
                text = lines[start:node.end_lineno]
                constants[name] = text
                if name in ("V1", "V2"):
                    header.extend(text)
                else:
                    tail.extend(text)
                if name == "KEY_TYPES":
                    tables[name] = ast.literal_eval(node.value)
            if name == "RESOURCES":
                for elt in node.value.elts:
                    if isinstance(elt, ast.Call) and elt.args and isinstance(elt.args[0], ast.Constant):
                        attr = elt.args[0].value
                        if attr in ("segment_groups", "provisioning"):
                            resources[attr] = ast.get_source_segment(src, elt)
    missing = {"V1", "V2", "KEY_TYPES", "PROV"} - set(constants)
    if missing or set(resources) != {"segment_groups", "provisioning"}:
        raise SystemExit(f"zpa.py: hand-written parts not found (missing {sorted(missing)}, resources {sorted(resources)})")
    return {"constants": constants, "resources": resources, "tables": tables, "header": header, "tail": tail}


# --------------------------------------------------------------------------- gaps document


def render_gaps(gaps: Gaps, products) -> str:
    out = ["# Catalog gaps", "",
           "What the declarative catalog (`src/zscaler/catalog/<product>.py`) cannot say by itself, found while",
           "bootstrapping it from the inventory with `tools/gen_catalog.py`. Each entry names the official method",
           "(`product.resource.method`). The catalog records the method's main request; the behaviour listed here",
           "has to come from a hook (`Op.hook`) or a product convention in the binder.", ""]

    def section(title, data: dict[str, list[str]], intro=""):
        if not any(data.get(p) for p in products):
            return
        out.append(f"## {title}")
        out.append("")
        if intro:
            out.append(intro)
            out.append("")
        for p in products:
            items = list(dict.fromkeys(data.get(p) or []))
            if not items:
                continue
            out.append(f"### {p} ({len(items)})")
            out.append("")
            out.extend(f"- {x}" for x in items)
            out.append("")

    out.append("| product | resources | methods | need a hook | unbound placeholders | config fallbacks |")
    out.append("|---|---:|---:|---:|---:|---:|")
    for p in products:
        r, m = gaps.counts.get(p, (0, 0))
        out.append(f"| {p} | {r} | {m} | {len(gaps.hooks.get(p, []))} | {len(set(gaps.placeholders.get(p, [])))} | "
                   f"{len(set(gaps.fallbacks.get(p, [])))} |")
    out.append("")
    section("Needs a hook", gaps.hooks,
            "Methods that send more than their main request (preliminary GETs through other methods, alternative "
            "paths), compute path values, or build bodies the records cannot describe.")
    section("Unbound path placeholders", gaps.placeholders,
            "Placeholders that are neither configuration values nor parameters; the value is computed inside the "
            "method (usually from a preliminary request). The catalog keeps the placeholder name.")
    section("Parameters that default to configuration", gaps.fallbacks,
            "The parameter is a path placeholder in the catalog; when it is not given the official SDK uses the "
            "configured value. The records have no field for this yet (see the spec proposal in the report).")
    section("Result shapes approximated", gaps.shapes,
            "Inventory result shapes outside the catalog's set, mapped to the closest shape.")
    if gaps.path_fixes:
        out.append("## Official SDK path bugs fixed")
        out.append("")
        out.extend(f"- {x}" for x in gaps.path_fixes)
        out.append("")
    section("Constant query keys written into the path", gaps.inline_query,
            "Constant query parameters the method always sends; the catalog path carries them as a literal "
            "`?key=value` suffix (as the official SDK writes them).")
    section("Enabled flag (ZIA/ZTW rules)", gaps.flags,
            "These methods turn a boolean `enabled` keyword into a state string under another key. The records "
            "have no way to map a `**kwargs` value, so the binder needs a hook or a product convention for it.")
    section("Other irregularities", gaps.irregular)
    if any(gaps.decorators.get(p) for p in products):
        out.append("## Argument decorators (product conventions for the binder)")
        out.append("")
        for p in products:
            c = gaps.decorators.get(p)
            if c:
                out.append(f"- {p}: " + ", ".join(f"`{k}` on {v} methods" for k, v in sorted(c.items())))
        out.append("")
    out.append("## README seed calls")
    out.append("")
    out.append("Every `client.<product>.<resource>.<method>` call of the README seeds exists in the catalog; the ones")
    out.append("the official SDK lacks are aliases (`Resource.aliases`). `client.zidentity` is the client-level alias")
    out.append("of `zid`.")
    out.append("")
    for call_ in SEED_CALLS:
        alias = next((a for a in gaps.aliases if a.startswith(f"`{call_}`")), None)
        out.append(f"- `{call_}`" + (f": alias {alias.split(' -> ')[1]}" if alias else ""))
    out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- main


def main(argv=None) -> int:
    global INVENTORY
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("products", nargs="*", default=list(PRODUCTS))
    ap.add_argument("--inventory", type=Path, default=INVENTORY)
    ap.add_argument("--gaps", type=Path, default=GAPS)
    ap.add_argument("--check", action="store_true", help="only report what would change")
    args = ap.parse_args(argv)
    INVENTORY = args.inventory
    clients = load_json("clients.json")
    _CAMEL_EXC.update(clients["shared_tables"].get("to_lower_camel_case_exceptions") or {})
    body_rules = load_json("body-rules.json")
    gaps = Gaps()
    changed = []
    for p in PRODUCTS:
        gen = ProductGen(p, body_rules, gaps)
        text = gen.render()
        target = CATALOG / f"{p}.py"
        if p not in args.products:
            continue
        if not target.exists() or target.read_text() != text:
            changed.append(p)
            if not args.check:
                target.write_text(text)
    gtext = render_gaps(gaps, PRODUCTS)
    if not args.check:
        args.gaps.parent.mkdir(parents=True, exist_ok=True)
        args.gaps.write_text(gtext)
    print(("would change: " if args.check else "written: ") + (", ".join(changed) or "nothing"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
