"""``zcc.devices``: enrolled devices (list, CSV download, removal), with pyZscaler's os/registration names."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from .._base import APIEndpoint
from ..utils import convert_keys, zcc_param_map

BASE = "/zcc/papi/public/v1"


def os_code(name: Any) -> int:
    """``windows`` -> 3 (``ios`` 1, ``android`` 2, ``windows`` 3, ``macos`` 4, ``linux`` 5)."""
    code = zcc_param_map["os"].get(name)
    if code is None:
        raise ValueError(f"Invalid os_type specified: {name!r}; accepted: {', '.join(zcc_param_map['os'])}")
    return code


def registration_code(name: Any) -> int:
    """``registered`` -> 1 (``all`` 0, ``removal_pending`` 3, ``unregistered`` 4, ``removed`` 5, ``quarantined`` 6)."""
    code = zcc_param_map["reg_type"].get(name)
    if code is None:
        raise ValueError(f"Invalid registration_type specified: {name!r}; "
                         f"accepted: {', '.join(zcc_param_map['reg_type'])}")
    return code


def _device_filter(kwargs: dict[str, Any]) -> dict[str, Any]:
    payload: dict[str, Any] = convert_keys(dict(kwargs))
    if kwargs.get("os_type"):
        payload["osType"] = os_code(payload["osType"])
    return payload


class DevicesAPI(APIEndpoint):
    def download_devices(self, filename: str | None = None, os_types: list[str] | None = None,
                         registration_types: list[str] | None = None) -> str:
        """Write the device list CSV to ``filename`` (default ``zcc-devices-<timestamp>.csv``); returns the name."""
        if not filename:
            filename = f"zcc-devices-{datetime.now().strftime('%Y%m%d-%H_%M_%S')}.csv"
        params = {"osTypes": [os_code(t) for t in os_types or []],
                  "registrationTypes": [registration_code(t) for t in registration_types or []]}
        resp = self._send("GET", f"{BASE}/downloadDevices", params=params)
        with open(filename, "wb") as f:
            f.write(resp.content)
        return filename

    def list_devices(self, **kwargs: Any) -> Any:
        """Every device (``os_type`` by name, ``page_size``, ``username`` ..., ``max_items``, ``max_pages``)."""
        return self._list(f"{BASE}/getDevices", **_device_filter(kwargs))

    def remove_devices(self, force: bool = False, **kwargs: Any) -> Any:
        """Mark devices removed (``force=True``: remove them at once); ``os_type`` by name, ``udids``, ``user_name``."""
        path = "forceRemoveDevices" if force else "removeDevices"
        return self._post(f"{BASE}/{path}", json=_device_filter(kwargs))
