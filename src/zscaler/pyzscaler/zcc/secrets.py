"""``zcc.secrets``: one-time passwords and device passwords."""

from __future__ import annotations

from typing import Any

from .._base import APIEndpoint
from .devices import BASE, os_code


class SecretsAPI(APIEndpoint):
    def get_otp(self, device_id: str) -> Any:
        return self._get(f"{BASE}/getOtp", params={"udid": device_id})

    def get_passwords(self, username: str, os_type: str = "windows") -> Any:
        return self._get(f"{BASE}/getPasswords", params={"username": username, "osType": os_code(os_type)})
