"""``zia.dlp``: DLP dictionaries."""

from __future__ import annotations

from typing import Any

from ._common import ZIAEndpoint, camel_payload, camel_record

MATCH_TYPES = {"all": "MATCH_ALL_CUSTOM_PHRASE_PATTERN_DICTIONARY", "any": "MATCH_ANY_CUSTOM_PHRASE_PATTERN_DICTIONARY"}


def _match_type(value: str) -> str:
    if value not in MATCH_TYPES:
        raise ValueError(f"match_type: {value!r} is not accepted; use 'all' or 'any'")
    return MATCH_TYPES[value]


def _terms(payload: dict[str, Any], kwargs: dict[str, Any]) -> None:
    """``patterns``/``phrases`` as ``(action, text)`` tuples -> the API's records (replacing any present)."""
    for key, kind in (("patterns", "PATTERN"), ("phrases", "PHRASE")):
        if kwargs.get(key):
            field = key[:-1]
            payload[key] = [{"action": f"{kind}_COUNT_TYPE_{action.upper()}", field: text}
                            for action, text in kwargs.pop(key)]


class DLPAPI(ZIAEndpoint):
    def add_dict(self, name: str, match_type: str, **kwargs: Any) -> Any:
        payload = {"name": name, "dictionaryType": "PATTERNS_AND_PHRASES",
                   "customPhraseMatchType": _match_type(match_type)}
        _terms(payload, kwargs)
        return self._post(self._p("dlpDictionaries"), json=camel_payload(payload, kwargs))

    def update_dict(self, dict_id: str, **kwargs: Any) -> Any:
        payload = camel_record(self.get_dict(dict_id))
        if kwargs.get("match_type"):
            payload["customPhraseMatchType"] = _match_type(kwargs.pop("match_type"))
        _terms(payload, kwargs)
        return self._put(self._p(f"dlpDictionaries/{dict_id}"), json=camel_payload(payload, kwargs))

    def list_dicts(self, query: str | None = None) -> Any:
        return self._get(self._p("dlpDictionaries"), params={"search": query})

    def get_dict(self, dict_id: str) -> Any:
        return self._get(self._p(f"dlpDictionaries/{dict_id}"))

    def delete_dict(self, dict_id: str) -> int:
        return self._status("DELETE", f"dlpDictionaries/{dict_id}")

    def validate_dict(self, pattern: str) -> Any:
        return self._post(self._p("dlpDictionaries/validateDlpPattern"), json={"data": pattern})
