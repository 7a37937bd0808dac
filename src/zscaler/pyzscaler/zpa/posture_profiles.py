"""``zpa.posture_profiles``."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint


class PostureProfilesAPI(ZPAEndpoint):
    def list_profiles(self, **kwargs: Any) -> Any:
        return self._list(self._v2("posture"), **kwargs)

    def get_profile(self, profile_id: str) -> Any:
        return self._get(self._v1(f"posture/{profile_id}"))
