"""``zpa.policies``: policy sets and rules, with pyZscaler's condition tuples.

A condition is ``(object_type, lhs, rhs)`` or a list of such tuples with ``"AND"``/``"OR"``
anywhere in it (the operator of that group): ``[("app", "id", "1"), ("app_group", "id", "2"), "OR"]``.
"""

from __future__ import annotations

from typing import Any

from ..utils import convert_keys
from ._common import POLICY_MAP, ZPAEndpoint, camel_payload


def policy_type_name(policy_type: str) -> str:
    try:
        return POLICY_MAP[policy_type]
    except (KeyError, TypeError):
        raise ValueError(f"Incorrect policy type provided: {policy_type}\n Policy type must be 'access', "
                         "'timeout', 'client_forwarding' or 'siem'.") from None


def _operand(condition: tuple[Any, ...]) -> dict[str, Any]:
    return {"objectType": str(condition[0]).upper(), "lhs": condition[1], "rhs": condition[2]}


def _expression(condition: Any) -> dict[str, Any]:
    if isinstance(condition, tuple) and len(condition) == 3:
        return {"operands": [_operand(condition)]}
    operands: list[dict[str, Any]] = []
    operator = None
    for part in condition:
        if isinstance(part, str) and part.upper() in ("AND", "OR"):
            operator = part
        elif isinstance(part, tuple) and len(part) == 3:
            operands.append(_operand(part))
    expression: dict[str, Any] = {"operands": operands}
    if operator:
        expression["operator"] = operator.upper()
    return expression


def create_conditions(conditions: Any) -> list[dict[str, Any]]:
    """pyZscaler's condition DSL -> the API's ``conditions``."""
    return [_expression(c) for c in conditions]


class PolicySetsAPI(ZPAEndpoint):
    POLICY_MAP = POLICY_MAP

    def _create_conditions(self, conditions: Any) -> list[dict[str, Any]]:
        return create_conditions(conditions)

    def _policy_id(self, policy_type: str) -> Any:
        return self.get_policy(policy_type).id

    def get_policy(self, policy_type: str) -> Any:
        return self._get(self._v1(f"policySet/policyType/{policy_type_name(policy_type)}"))

    def get_rule(self, policy_type: str, rule_id: str) -> Any:
        return self._get(self._v1(f"policySet/{self._policy_id(policy_type)}/rule/{rule_id}"))

    def list_rules(self, policy_type: str, **kwargs: Any) -> Any:
        return self._list(self._v1(f"policySet/rules/policyType/{policy_type_name(policy_type)}"), **kwargs)

    def delete_rule(self, policy_type: str, rule_id: str) -> int:
        return self._delete(self._v1(f"policySet/{self._policy_id(policy_type)}/rule/{rule_id}"))

    def _add_rule(self, policy_type: str, payload: dict[str, Any], kwargs: dict[str, Any]) -> Any:
        policy_id = self._policy_id(policy_type)
        return self._post(self._v1(f"policySet/{policy_id}/rule"), json=camel_payload(payload, kwargs))

    def add_access_rule(self, name: str, action: str, **kwargs: Any) -> Any:
        payload = {"name": name, "action": action.upper(), "conditions": create_conditions(kwargs.pop("conditions", []))}
        return self._add_rule("access", payload, kwargs)

    def add_timeout_rule(self, name: str, **kwargs: Any) -> Any:
        """A re-authentication rule (``re_auth_timeout`` default 172800 s, ``re_auth_idle_timeout`` 600 s)."""
        payload = {"name": name, "action": "RE_AUTH", "conditions": create_conditions(kwargs.pop("conditions", [])),
                   "reauthTimeout": kwargs.get("re_auth_timeout", 172800),
                   "reauthIdleTimeout": kwargs.get("re_auth_idle_timeout", 600)}
        return self._add_rule("timeout", payload, kwargs)

    def add_client_forwarding_rule(self, name: str, action: str, **kwargs: Any) -> Any:
        payload = {"name": name, "action": action.upper(), "conditions": create_conditions(kwargs.pop("conditions", []))}
        return self._add_rule("client_forwarding", payload, kwargs)

    def update_rule(self, policy_type: str, rule_id: str, **kwargs: Any) -> Any:
        """Read-modify-write of a rule; ``conditions`` in the tuple DSL."""
        policy_id = self._policy_id(policy_type)
        payload = convert_keys(self.get_rule(policy_type, rule_id))
        for key, value in kwargs.items():
            if key == "conditions":
                payload["conditions"] = create_conditions(value)
            else:
                camel_payload(payload, {key: value})
        return self._put_then_get(self._v1(f"policySet/{policy_id}/rule/{rule_id}"), payload,
                                  lambda: self.get_rule(policy_type, rule_id))

    def reorder_rule(self, policy_type: str, rule_id: str, order: str) -> Any:
        policy_id = self._policy_id(policy_type)
        resp = self._send("PUT", self._v1(f"policySet/{policy_id}/rule/{rule_id}/reorder/{order}"))
        return self.get_rule(policy_type, rule_id) if resp.status_code == 204 else None
