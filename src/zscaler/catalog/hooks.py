"""Hooks shared by several products' catalog entries (see :class:`zscaler.binding.Call`).

A hook is a function ``hook(call)`` named in an ``op(..., hook=...)`` record. It runs after
the arguments are shaped into ``call.query`` / ``call.body`` and before the request is sent.
Product-specific hooks live beside their catalog module (``zpa_hooks.py`` ...); the ones here
are used by more than one product.
"""

from __future__ import annotations

from typing import Any

STATES = {True: "ENABLED", False: "DISABLED"}


def enabled_to_state(call: Any) -> None:
    """ZIA/ZTW rules: ``enabled=True|False`` is sent as ``"state": "ENABLED"|"DISABLED"``.

    An explicit ``state`` wins; any other value of ``enabled`` raises ``ValueError``.
    """
    body = call.body
    if not isinstance(body, dict) or "enabled" not in body:
        return
    value = body.pop("enabled")
    if value is None:
        return
    if not isinstance(value, bool):
        raise ValueError(f"enabled must be True or False, got {value!r}")
    body.setdefault("state", STATES[value])


def chain(*hooks: Any) -> Any:
    """One hook running several in order."""

    def run(call: Any) -> None:
        for h in hooks:
            h(call)

    run.__name__ = "+".join(getattr(h, "__name__", "hook") for h in hooks)
    return run
