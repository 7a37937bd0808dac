"""The one redaction authority: which values and which field names are secrets.

Two kinds of knowledge meet here:

* **values**: every credential a client holds at run time (client secret, private key and the
  assertions signed with it, OAuth and legacy tokens, the ZIA/ZTW session cookie and obfuscated
  API key, passwords, ZCC/ZDX/ZWA keys, the sandbox token, a proxy password) is registered by
  the configuration and the auth providers as soon as they have it (:func:`register`). A
  registered value is masked wherever it appears, whatever its shape: an opaque token is caught
  by value, not only a JWT by its look.
* **field names**: :func:`is_secret_key` knows the secret-bearing fields of the products'
  models (``preSharedKey``, ``provisioningKey``, ZTW ``keyValue``, the ZCC one-time passwords
  and disable passwords...; reviewed by hand from the official models' keys) and a pattern for
  credential names of the wire (``client_secret``, ``apiKey``, ``jwtToken``...).

:func:`scrub` masks text, :func:`redact` masks a JSON-like value (secret fields and registered
values at any depth). Log filters, error messages, and the ``repr``/``str`` of responses,
results and models all go through these two. The registry is process-wide and thread-safe; it
keeps configured secrets for the life of the process and the most recent :data:`MAX_EPHEMERAL`
tokens, cookies and assertions, and never shows what it holds.
"""

from __future__ import annotations

import json
import re
import threading
from functools import lru_cache
from typing import Any, Iterable
from urllib.parse import quote, quote_plus

MASK = "***REDACTED***"

#: values shorter than this are not registered (masking every "abc" would garble all output)
MIN_LENGTH = 6
#: registered values shorter than this are masked only as whole words (``secret`` as a password
#: must not turn ``client_secret`` into ``client_***``); longer ones wherever they appear
WORD_LENGTH = 16
#: the registry keeps at most this many ephemeral values (tokens, cookies, assertions: a
#: long-running process renews them forever); configured secrets are never dropped
MAX_EPHEMERAL = 256

# ------------------------------------------------------------------------------ field names

#: Secret-bearing fields of the products' models, normalized (lower case, no ``_``/``-``).
#: Reviewed by hand from every model key of the official SDK 1.11.3 that looks like a
#: credential (pass, secret, token, key, otp, psk, cookie, credential, private...).
SECRET_FIELDS = frozenset({
    # ZIA / ZTW
    "presharedkey", "psk", "xauthpassword", "password", "authtoken", "authenticationtoken", "clientsecret",
    "accesstoken", "bottoken", "secrettoken", "orgapikey", "tempauthcode", "credentials", "token",
    # ZTW API keys
    "keyvalue",
    # ZPA
    "provisioningkey", "filepassword", "tmppassword", "ziapassword", "ziacloudserviceapikey",
    "ziasandboxapitoken", "sitespcaprivatekey", "sitespprivatekey", "sitespsigningprivatekey",
    "zrsaencryptedprivatekey", "zrsaencryptedsessionkey",
    # ZCC one-time passwords, disable/exit/uninstall passwords, tokens
    "otp", "exitotp", "logoutotp", "revertotp", "uninstallotp", "antitemperingdisableotp", "deceptionsettingsotp",
    "zdpdisableotp", "zdxdisableotp", "ziadisableotp", "zpadisableotp", "deviceotparray",
    "exitpass", "logoutpass", "uninstallpass", "zaddisablepass", "zdpdisablepass", "zdxdisablepass", "ziadisablepass",
    "zpadisablepass", "zdsettingsaccesspass", "exitpassword", "logoutpassword", "uninstallpassword",
    "disablepassword", "zddisablepassword", "zdpdisablepassword", "zdxdisablepassword", "zpadisablepassword",
    "zccrevertpassword", "zccfailclosesettingsexituninstallpassword", "passcode", "machinetoken", "policytoken",
    # ZCell, AI Guard, ZTB
    "apikey", "apicredentials", "clustertoken", "secretkey", "provisionkey",
})

#: Model fields whose names look like credentials but hold none (ids, names, flags, expiries,
#: counts, public keys, bypass lists) - reviewed by hand from the same key list.
NOT_SECRET_FIELDS = frozenset({
    "provisioningkeyid", "provisioningkeyname", "tokenexpiry", "tokenid", "tokenendpoint", "tokenlist",
    "tokenexpirationepochseconds", "tokenexpirytimeinsec", "accesstokenlifetime", "passwordexpiry",
    "passwordexpirydays", "passwordexpirationenabled", "passwordstrength", "passwordprotected",
    "ispasswordexpired", "ispasswordloginallowed", "clipasswordexpiryminutes", "exitpasswordvisibility",
    "zdxdisablepasswordvisibility", "zpadisablepasswordvisibility", "zaddisablepasswordvisibility",
    "uninstallpasswordforprofilevisibility", "enablezccpasswordsettings", "generateclipasswordcontract",
    "allowzdxdisablewithoutpassword", "allowziadisablewithoutpassword", "allowzpadisablewithoutpassword",
    "privatekeypresent", "nonexportableprivatekeyenabled", "scimsharedsecretexists", "keyname", "keysize",
    "keygenerationtime", "certkeysize", "sslcertkeysize", "sslcertkeyalgo", "credentialtype",
    "credentialmappingcount", "lastcredentialresettime", "credentialpool", "credential", "providercredentialsid",
    "applicationcredentialsids", "enableseparateotpfordevice", "antitamperingotpsupportvisibility",
    "bypasstype", "bypassonreauth", "passive", "passivehealthenabled", "sessionpersistence", "cookiesandproxy",
    "cookiestealingblocked", "cookiestealingpcapenabled", "iscookie", "blockappssendingunencryptedusercredentials",
    "multitenantvpncredential", "vpncredentials", "apikeys", "execmobileapptokens",
    "senddefaultpolicyforinvalidpolicytoken", "refreshkerberostoken", "oauthauthentication",
    "authenticationurl", "authenticationtype", "publickey", "publickeys", "publickeyexpiry",
})

#: credential names of the wire and of configuration not in the models' list
_SECRET_NAME = re.compile(
    r"(secret|token|api_?key|private_?key|provisioning_?key|psk|pre_?shared|cookie|credential|assertion)", re.I)
#: ``password``, ``exitPass``, ``proxy_passwd``, ``PASSPHRASE`` - a word of the name, not ``bypass`` or ``npAssistant``
_PASS_NAME = re.compile(r"(?:^|[_\-.\s])[Pp]ass|Pass|PASS")
#: one-time passwords (ZCC exit/uninstall OTPs): ``otp``, ``exit_otp``, ``exitOtp``, ``OTPs`` - not ``footprint``
_OTP_NAME = re.compile(r"(?:^|_|(?<=[a-z]))(?:otp|Otp|OTP)s?(?:$|_|[A-Z])")


def _normal(key: str) -> str:
    return key.replace("_", "").replace("-", "").lower()


def is_secret_key(key: str) -> bool:
    """True when a field, header, query or config key of this name carries a credential."""
    n = _normal(key)
    if n in SECRET_FIELDS:
        return True
    if n in NOT_SECRET_FIELDS:
        return False
    return bool(_SECRET_NAME.search(key) or _PASS_NAME.search(key) or _OTP_NAME.search(key))


# ------------------------------------------------------------------------------ values

class _Registry:
    """Exact values to mask. Never shows them: its repr is a count.

    No big regular expression is compiled (that costs ~0.2 s at a thousand values, at every new
    token): :func:`scrub` looks each value up with ``in``, longest first, a few tens of
    nanoseconds per value on a log line.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._static: dict[str, None] = {}  # configured secrets, kept for the life of the process
        self._ephemeral: dict[str, None] = {}  # insertion-ordered set: the oldest are dropped first
        self._snapshot: tuple[str, ...] = ()  # all values, longest first

    def __repr__(self) -> str:
        return f"<secret registry: {len(self)} values>"

    def __len__(self) -> int:
        return len(self._snapshot)

    def add(self, forms: Iterable[str], ephemeral: bool) -> None:
        new = [f for f in forms if f not in self._static and f not in self._ephemeral]
        if not new:
            return
        with self._lock:
            target = self._ephemeral if ephemeral else self._static
            for f in new:
                target[f] = None
            while len(self._ephemeral) > MAX_EPHEMERAL:
                del self._ephemeral[next(iter(self._ephemeral))]
            self._snapshot = tuple(sorted({**self._static, **self._ephemeral}, key=len, reverse=True))

    def snapshot(self) -> tuple[str, ...]:
        return self._snapshot


@lru_cache(maxsize=1024)
def _as_word(value: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(value)}(?!\w)")


_REGISTRY = _Registry()


def _forms(value: str) -> set[str]:
    """The value and the spellings it takes on the wire (URL-, form- and JSON-escaped; PEM lines)."""
    out = {value, value.strip(), quote(value, safe=""), quote_plus(value), json.dumps(value)[1:-1]}
    if "\n" in value:
        out |= {line.strip() for line in value.splitlines() if "-----" not in line}
    return {f for f in out if len(f) >= MIN_LENGTH}


def register(*values: Any, ephemeral: bool = False) -> None:
    """Mask these values from now on wherever the SDK prints or logs text (``None``/short: ignored).

    ``ephemeral``: a value that is replaced over time (a token, a session cookie, a signed
    assertion); only the most recent :data:`MAX_EPHEMERAL` of those are kept."""
    forms: set[str] = set()
    for v in values:
        if isinstance(v, bytes):
            v = v.decode("utf-8", "replace")
        if isinstance(v, str) and len(v.strip()) >= MIN_LENGTH:
            forms |= _forms(v)
    if forms:
        _REGISTRY.add(forms, ephemeral)


def registered_count() -> int:
    """How many spellings of secrets are registered (for tests and diagnostics; never the values)."""
    return len(_REGISTRY)


# ------------------------------------------------------------------------------ masking

_JWT = re.compile(r"eyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*")
_BEARER = re.compile(r"(?i)\b(bearer)(\s+)(?!\*\*\*)[A-Za-z0-9._~+/=-]+")
_COOKIE = re.compile(r"(?i)\b(jsessionid|zs_session_code|sessionid)=(?!\*\*\*)[^;\s\"',]+")
_PEM = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?(-----END [A-Z ]*PRIVATE KEY-----|$)", re.S)


def scrub(text: str) -> str:
    """``text`` with every registered secret, bearer credential, session cookie, JWT and PEM
    private key replaced by :data:`MASK`."""
    if not text:
        return text
    for value in _REGISTRY.snapshot():
        if value in text:
            text = text.replace(value, MASK) if len(value) >= WORD_LENGTH else _as_word(value).sub(MASK, text)
    if "-----BEGIN" in text:
        text = _PEM.sub(MASK, text)
    if "eyJ" in text:
        text = _JWT.sub(MASK, text)
    text = _BEARER.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    return _COOKIE.sub(lambda m: f"{m.group(1)}={MASK}", text)


def _masked_field(key: Any, value: Any) -> bool:
    return (isinstance(key, str) and value not in (None, "") and not isinstance(value, (bool, dict, list))
            and is_secret_key(key))


def redact(value: Any, mask: str = MASK) -> Any:
    """A copy of a JSON-like value: secret fields' values replaced by ``mask``, strings scrubbed."""
    if isinstance(value, dict):
        return {k: (mask if _masked_field(k, v) else redact(v, mask)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact(v, mask) for v in value]
    if isinstance(value, str):
        return scrub(value)
    return value
