"""ZIA hooks: the behaviour of ZIA methods that the catalog conventions cannot express.

Each function is ``hook(call)`` (see :class:`zscaler.catalog.call.Call`) named by an ``op(..., hook=...)``
record in :mod:`zscaler.catalog.zia`. Where the official SDK has a plain bug, the hook sends
what the API documents and says so in a comment.
"""

from __future__ import annotations

import calendar
import logging
import mimetypes
import os
import textwrap
from datetime import datetime
from typing import Any, Callable, Iterable, cast
from urllib.parse import parse_qsl

from ..errors import ResponseFormatError, TokenError, ZscalerError
from ..model import to_attr
from ..response import Result
from .call import Call
from .hooks import STATES, save_to as save_to, stamped as stamped  # used by the zia catalog

log = logging.getLogger("zscaler.client")

BASE = "/zia/api/v1"
LOOKUP_BATCH = 100  # the API takes at most 100 URLs per urlLookup / review request


# ------------------------------------------------------------------ rules and lists

def enabled_to_status(call: Call) -> None:
    """Virtual ZEN clusters and nodes: ``enabled=True|False`` is sent as ``"status": "ENABLED"|"DISABLED"``."""
    body = call.body
    if not isinstance(body, dict) or body.get("enabled") is None:
        if isinstance(body, dict):
            body.pop("enabled", None)
        return
    value = body.pop("enabled")
    if not isinstance(value, bool):
        raise ValueError(f"enabled must be True or False, got {value!r}")
    body.setdefault("status", STATES[value])


def list_action(call: Call) -> None:
    """``?action=ADD_TO_LIST|REMOVE_FROM_LIST`` written in the path goes out as a query key, spelled as is."""
    path, _, query = call.path.partition("?")
    if query:
        call.path = path
        call.query.update(parse_qsl(query))


# ------------------------------------------------------------------ batched URL lists

def _batches(urls: Any, name: str) -> list[list[str]]:
    if isinstance(urls, str) or not isinstance(urls, Iterable):
        raise TypeError(f"{name} must be a list of URL strings (accepted: list, tuple), got {type(urls).__name__}")
    urls = list(urls)
    return [urls[i:i + LOOKUP_BATCH] for i in range(0, len(urls), LOOKUP_BATCH)]


def url_batches(call: Call) -> None:
    """``urlLookup`` / ``review/domains``: at most 100 URLs per request; results are concatenated.

    The first batch is the call's own request, each further batch a separate request. An empty
    list answers ``[]`` without a request. (The official SDK's ``lookup`` returns a 2-tuple; this
    returns the usual ``(result, response, error)``.)
    """
    batches = _batches(call.body, "urls")
    if not batches:
        call.result = []
        return
    call.body = batches[0]
    path = call.path

    def rest(first: Any, response: Any) -> list[Any]:
        out = list(first or [])
        for chunk in batches[1:]:
            out.extend(call.request(call.verb, path, body=chunk) or [])
        return out

    call.after = rest


def count_int(call: Call) -> None:
    """Counts as an ``int``, read as the official SDK reads them: ``{"count": n}``, a number or a
    numeric string (an empty answer is 0); anything else is a format error in the error slot."""

    def after(body: Any, response: Any) -> int:
        value = body.get("count") if isinstance(body, dict) and "count" in body else body
        try:
            return 0 if value is None else int(value)
        except (TypeError, ValueError):
            raise ResponseFormatError(200, f"expected a count, got {type(value).__name__}") from None

    call.after = after


def review_batches(call: Call) -> None:
    """``review/domains``: one request per 100 URLs, answers concatenated. A batch the API refuses is
    left out and logged, and the others are still sent (the official SDK skips it silently)."""
    out: list[Any] = []
    for chunk in _batches(call.body, "urls"):
        try:
            out.extend(call.request(call.verb, call.path, body=chunk) or [])
        except TokenError:
            raise
        except ZscalerError as e:
            log.error("url_categories.review_domains: a batch of %d URLs failed and is left out: %s", len(chunk), e)
    call.result = out


# ------------------------------------------------------------------ follow-up reads

def then_get(path: str, model: str | None = None, field: str | None = None) -> Callable[[Any], None]:
    """The method answers with a follow-up ``GET path`` (the write itself returns nothing useful)."""

    def hook(call: Call) -> None:
        def after(value: Any, response: Any) -> Any:
            body = call.request("GET", path)
            if field is not None and isinstance(body, dict):
                body = body.get(field)
            return call.model_class(model)(body) if model and isinstance(body, dict) else body

        call.after = after

    hook.__name__ = f"then_get({path})"
    return hook


def non_empty(name: str, wire: str) -> Callable[[Any], None]:
    """Reject an empty URL list before anything is sent."""

    def hook(call: Call) -> None:
        value = (call.body or {}).get(wire)
        if not value:
            raise ValueError(f"{name} must be a non-empty list of URLs")

    hook.__name__ = f"non_empty({name})"
    return hook


def _url_list(call: Call) -> list[Any]:
    value = call.args.get("url_list")
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError(f"url_list must be a list of URL strings (accepted: list, tuple), got {type(value).__name__}")
    return list(value)


def whitelist(mode: str) -> Callable[[Any], None]:
    """``/security`` has no list action: read the whitelist, change it, PUT it whole, read it back.

    ``mode`` is ``add``, ``remove``, ``replace`` or ``erase``.
    """

    def hook(call: Call) -> None:
        urls = _url_list(call)
        if mode in ("add", "remove"):
            current = (call.request("GET", BASE + "/security") or {}).get("whitelistUrls") or []
            if mode == "add":
                urls = current + [u for u in urls if u not in current]
            else:
                urls = [u for u in current if u not in set(urls)]
        elif mode == "erase":
            urls = []
        call.body = {"whitelistUrls": urls}
        then_get(BASE + "/security", "SecurityPolicySettings")(call)

    hook.__name__ = f"whitelist_{mode}"
    return hook


def blacklist(mode: str) -> Callable[[Any], None]:
    """``/security/advanced``: list actions are native (``?action=``); replace/erase PUT the whole list."""

    def hook(call: Call) -> None:
        call.body = {"blacklistUrls": [] if mode == "erase" else _url_list(call)}
        then_get(BASE + "/security/advanced", "SecurityPolicySettings")(call)

    hook.__name__ = f"blacklist_{mode}"
    return hook


# ------------------------------------------------------------------ files

def _checked_path(path: Any, name: str) -> str:
    if path is None or path == "":
        raise ValueError(f"{name} is required: the path of the file to send")
    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{name} must be a file path (accepted: str, os.PathLike), got {type(path).__name__}")
    if not os.path.isfile(path):
        raise ValueError(f"{name}: no such file: {os.fspath(path)!r}")
    return os.fspath(path)


class _StreamedFile:
    """A binary file read by the transport in chunks; closed when read to the end, reopened if a
    retry rewinds it, and closed by ``after`` at the latest."""

    mode = "rb"

    def __init__(self, path: Any) -> None:
        self.name = os.fspath(path)
        self._f = open(self.name, "rb")

    def _file(self) -> Any:
        if self._f.closed:
            self._f = open(self.name, "rb")
        return self._f

    def read(self, size: int = -1) -> bytes:
        data = self._file().read(size)
        if not data or size < 0:
            self._f.close()
        return cast("bytes", data)

    def seek(self, offset: int, whence: int = 0) -> int:
        return cast("int", self._file().seek(offset, whence))

    def tell(self) -> int:
        return 0 if self._f.closed else self._f.tell()

    def seekable(self) -> bool:
        return True

    @property
    def closed(self) -> bool:
        return self._f.closed

    def close(self) -> None:
        self._f.close()


def sandbox_submit(call: Call) -> None:
    """Cloud Sandbox: the file named by ``file_path`` is streamed as the raw body (never read whole).

    ``/submit`` takes ``force=1|0`` and ``application/octet-stream``; ``/discan`` takes the
    content type guessed from the file name. The token goes as ``api_token`` (added by the transport).
    """
    handle = _StreamedFile(_checked_path(call.args.get("file_path"), "file_path"))
    call.raw_body = handle
    if call.path.endswith("/submit"):
        call.query["force"] = 1 if call.args.get("force") else 0
        call.headers["Content-Type"] = "application/octet-stream"
    else:
        guessed = mimetypes.guess_type(str(call.args["file_path"]))[0]
        call.headers["Content-Type"] = guessed or "application/octet-stream"

    def after(value: Any, response: Any) -> Any:
        handle.close()
        return value

    call.after = after


def upload_cert(call: Call) -> None:
    """Intermediate CA certificate upload: one multipart part ``fileUpload`` (``certificate.pem``).

    The certificate comes from ``file_path`` or, as text or bytes, from ``file_input_stream``.
    """
    path, stream = call.args.get("file_path"), call.args.get("file_input_stream")
    if path is not None:
        with open(_checked_path(path, "file_path"), "rb") as f:
            data = f.read()
    elif stream is not None:
        data = stream.read() if hasattr(stream, "read") else stream
        data = data.encode() if isinstance(data, str) else data
        if not isinstance(data, (bytes, bytearray)):
            raise TypeError("file_input_stream must be certificate text, bytes or a file object")
    else:
        raise ValueError("upload_cert: 'file_path' or 'file_input_stream' is required")
    boundary = "zscaler-" + os.urandom(12).hex()
    call.raw_body = b"".join([
        f"--{boundary}\r\n".encode(),
        b'Content-Disposition: form-data; name="fileUpload"; filename="certificate.pem"\r\n',
        b"Content-Type: application/octet-stream\r\n\r\n", bytes(data), f"\r\n--{boundary}--\r\n".encode(),
    ])
    call.headers["Content-Type"] = f"multipart/form-data; boundary={boundary}"


# ------------------------------------------------------------------ small body builders

def _pairs(value: Any, key: str) -> Any:
    if not isinstance(value, (list, tuple)):
        return value
    out = []
    for item in value:
        if isinstance(item, (list, tuple)) and len(item) == 2:
            out.append({"action": item[0], key: item[1]})
        elif isinstance(item, dict):
            out.append(item)
        else:
            raise ValueError(f"{key}s: each entry must be an (action, {key}) pair or a dict, got {item!r}")
    return out


def dlp_phrases(call: Call) -> None:
    """DLP dictionaries: ``phrases`` / ``patterns`` given as ``(action, text)`` pairs become ``[{action, ...}]``."""
    body = call.body if isinstance(call.body, dict) else {}
    for key in ("phrase", "pattern"):
        if body.get(key + "s") is not None:
            body[key + "s"] = _pairs(body[key + "s"], key)


def resolve_dictionary(call: Call) -> None:
    """The predefined identifiers of the dictionary named ``dict_name``: its id is looked up first.

    A value naming no dictionary is used as the id itself (an unknown one answers 404).
    """
    name = call.args.get("dict_name")
    for d in call.request("GET", BASE + "/dlpDictionaries") or []:
        if isinstance(d, dict) and name in (d.get("name"), d.get("nameL10nTag")):
            call.path_values["dict_name"] = str(d["id"])
            return


def rule_text(call: Call) -> None:
    """IPS signature validation: the rule text is dedented and its leading CR/LF stripped."""
    text = call.args.get("rule_text")
    if not isinstance(text, str):
        raise TypeError("rule_text must be a string")
    call.body = {"ruleText": textwrap.dedent(text).lstrip("\r\n")}


def pac_text(call: Call) -> None:
    """PAC validation: the PAC text itself is the body (dedented, leading CR/LF stripped), not JSON."""
    text = call.raw_body
    if isinstance(text, bytes):
        text = text.decode()
    if not isinstance(text, str):
        raise TypeError("pac_file_content must be the PAC file text")
    call.raw_body = textwrap.dedent(text).lstrip("\r\n")
    call.headers["Content-Type"] = "text/plain"


def _validate_pac(call: Call, content: Any) -> None:
    if not isinstance(content, str):
        raise ValueError("pac_content is required: the PAC file text")
    text = textwrap.dedent(content).lstrip("\r\n")
    answer = call.request("POST", BASE + "/pacFiles/validate", raw_body=text, headers={"Content-Type": "text/plain"})
    if isinstance(answer, dict) and answer.get("success") is False:
        raise ValueError(f"pac_content is not accepted by PAC validation: {answer.get('message') or answer}")


def add_pac_file(call: Call) -> None:
    """A new PAC file's content is validated first (``POST /pacFiles/validate``)."""
    _validate_pac(call, (call.body or {}).get("pacContent"))


def clone_pac_file(call: Call) -> None:
    """Clone a PAC version: validate the content; with 10 versions or more the oldest (or the given
    ``delete_version``) is deleted in the same request (``?deleteVersion=``)."""
    _validate_pac(call, call.args.get("pac_content"))
    if call.query.get("deleteVersion") is None:
        versions = call.request("GET", BASE + f"/pacFiles/{call.path_values['pac_id']}/version") or []
        numbers = [int(v["pacVersion"]) for v in versions if isinstance(v, dict) and v.get("pacVersion") is not None]
        if len(numbers) >= 10:
            call.query["deleteVersion"] = min(numbers)


def policy_types(call: Call) -> None:
    """Policy export: the body is a bare JSON array of policy type names (``[]`` for all)."""
    value = call.body
    if value is None:
        call.body = []
    elif isinstance(value, str):
        call.body = [value]
    else:
        call.body = list(value)
    call.headers["Accept"] = "application/octet-stream"
    save_to("output_file")(call)


SANCTION = {"sanctioned": "SANCTIONED", "unsanctioned": "UN_SANCTIONED", "any": "ANY"}


def shadow_it_bulk(call: Call) -> None:
    """Shadow IT bulk update: ``sanction_state`` by name (``sanctioned`` ...), ``application_ids`` a plain list,
    ``custom_tag_ids`` as ``[{"id": ...}]``."""
    state = call.args.get("sanction_state")
    wire = SANCTION.get(str(state).lower()) if state is not None else None
    if wire is None and state not in SANCTION.values():
        raise ValueError(f"sanction_state: {state!r} is not accepted; accepted values: {', '.join(SANCTION)}")
    kwargs = call.args.get("kwargs") or {}
    body: dict[str, Any] = {"sanctionedState": wire or state}
    if kwargs.get("application_ids") is not None:
        body["applicationIds"] = list(kwargs["application_ids"])
    if kwargs.get("custom_tag_ids") is not None:
        body["customTags"] = [{"id": int(t) if str(t).isdigit() else t} for t in kwargs["custom_tag_ids"]]
    call.body = body


def _epoch(value: Any, zone: str | None, name: str) -> int:
    if isinstance(value, (int, float)):
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if not isinstance(value, str):
        raise TypeError(f"{name} must be epoch seconds or a 'MM/DD/YYYY HH:MM:SS' / ISO date string")
    for fmt in ("%m/%d/%Y %H:%M:%S", "%m/%d/%Y %I:%M %p", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
        try:
            moment = datetime.strptime(value.strip(), fmt)
            break
        except ValueError:
            continue
    else:
        raise ValueError(f"{name}: {value!r} is not a date ('MM/DD/YYYY HH:MM:SS' or ISO 8601)")
    if zone in (None, "", "UTC", "GMT"):
        return calendar.timegm(moment.timetuple())
    from zoneinfo import ZoneInfo

    return int(moment.replace(tzinfo=ZoneInfo(zone)).timestamp())


def dc_exclusion(call: Call) -> None:
    """DC exclusions: the body is a one-element array ``[{dcid, startTime, endTime, description?}]``.

    Date strings are converted to epoch seconds in ``time_zone`` (default UTC). Without ``dcid`` the
    first datacenter of ``GET /datacenters`` is used (add only).
    """
    body = dict(call.body or {})
    zone = body.pop("timeZone", None)
    if body.get("dcid") is None:
        dcs = call.request("GET", BASE + "/datacenters") or []
        if not dcs:
            raise ValueError("dcid is required (no datacenter to default to)")
        body["dcid"] = dcs[0].get("id")
    for key in ("startTime", "endTime"):
        if body.get(key) is not None:
            body[key] = _epoch(body[key], zone, key)
    call.body = [body]


def keep_static_ip(call: Call) -> None:
    """Static IP update: the current ``ipAddress`` is read first and sent unchanged (it cannot change)."""
    current = call.request("GET", BASE + f"/staticIP/{call.path_values['static_ip_id']}") or {}
    call.body["ipAddress"] = current.get("ipAddress")


def vpn_credential_unchanged(call: Call) -> None:
    """VPN credential update: ``type``, ``fqdn`` and ``ip_address`` identify it and cannot be changed."""
    current = call.request("GET", BASE + f"/vpnCredentials/{call.path_values['credential_id']}") or {}
    for key, arg in (("type", "type"), ("fqdn", "fqdn"), ("ipAddress", "ip_address")):
        given = call.body.get(key)
        if given is not None and current.get(key) is not None and given != current.get(key):
            raise ValueError(f"{arg} cannot be changed on an existing VPN credential ({current[key]!r} -> {given!r})")


def header_slot(list_path: str) -> Callable[[Any], None]:
    """HTTP header profiles: without ``slot_id`` the profile's current ``slotId`` is copied in."""

    def hook(call: Call) -> None:
        if call.body.get("slotId"):
            return
        want = call.path_values["profile_id"]
        for p in call.request("GET", list_path) or []:
            if isinstance(p, dict) and str(p.get("id")) == want and p.get("slotId") is not None:
                call.body["slotId"] = p["slotId"]
                return

    hook.__name__ = f"header_slot({list_path})"
    return hook


def _vip_pair(call: Call, ip: Any) -> tuple[Any, Any]:
    """The closest recommended VIP and the closest one in another city (the official SDK's choice);
    ``ValueError`` when there is none, or when the VIPs cannot be read (the API error chained)."""
    try:
        vips = call.request("GET", BASE + "/vips/recommendedList", {"sourceIp": ip}) or []
    except TokenError:
        raise
    except ZscalerError as e:
        raise ValueError(f"Error fetching recommended VIPs: {e}") from e
    if not vips:
        raise ValueError("No VIPs found for the given source IP.")
    first = vips[0]
    other = next((v for v in vips if isinstance(v, dict) and v.get("city") != first.get("city")), None)
    if other is None:
        raise ValueError("No diverse VIPs found in different cities.")
    return first.get("id"), other.get("id")


def closest_diverse_vips(call: Call) -> None:
    """``(primary_id, secondary_id)``: a bare 2-tuple, as the official SDK returns."""
    call.result = _vip_pair(call, call.args.get("ip_address"))


def gre_vips(call: Call) -> None:
    """GRE tunnels: given ``source_ip`` without both destination VIPs, the closest diverse pair is chosen.

    Without ``source_ip`` the body is sent as given (the API names what is missing).
    """
    body = call.body
    ip = body.get("sourceIp")
    if not ip or (body.get("primaryDestVip") and body.get("secondaryDestVip")):
        return
    primary, secondary = _vip_pair(call, ip)
    body["primaryDestVip"], body["secondaryDestVip"] = {"id": primary}, {"id": secondary}


def vzen_cluster_delete(call: Call) -> None:
    """A virtual ZEN cluster is emptied (PUT with no nodes) before it is deleted."""
    path = BASE + f"/virtualZenClusters/{call.path_values['cluster_id']}"
    cur = call.request("GET", path) or {}
    keep = ("id", "name", "status", "type", "ipAddress", "subnetMask", "defaultGateway", "ipSecEnabled")
    call.request("PUT", path, body={**{k: cur.get(k) for k in keep}, "virtualZenNodes": []})




def snake_dict(*flags: str) -> Callable[[Any], None]:
    """ATP malware settings answer a small dict with snake_case keys (``block_unscannable_files`` ...);
    the arguments named in ``flags`` must be booleans."""

    def hook(call: Call) -> None:
        for name in flags:
            if not isinstance(call.args.get(name), bool):
                raise TypeError(f"{name} must be True or False (accepted: bool), got {call.args.get(name)!r}")
        call.after = lambda value, response: (
            {to_attr(k): v for k, v in value.items()} if isinstance(value, dict) else value)

    hook.__name__ = "snake_dict"
    return hook


def static_ip_check(call: Call) -> None:
    """Whether a static IP can be added: ``(True, None, None)`` when the API accepts it, else
    ``(False, None, error)``: a 409 (already in use) or any other failure, as the official SDK
    answers ``False`` with the error."""
    try:
        call.request("POST", BASE + "/staticIP/validate", body=call.body, read_body=False)
    except TokenError:
        raise
    except ZscalerError as e:
        call.result = Result(False, None, e)
        return
    call.result = True
