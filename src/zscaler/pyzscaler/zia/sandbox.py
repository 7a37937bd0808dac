"""``zia.sandbox``: Cloud Sandbox submissions, quota and reports."""

from __future__ import annotations

from typing import Any

from ._common import ZIAEndpoint


class CloudSandboxAPI(ZIAEndpoint):
    def __init__(self, api: Any) -> None:
        super().__init__(api)
        self.env_cloud = api.env_cloud

    @property
    def sandbox_token(self) -> str | None:
        token: str | None = getattr(self._api, "sandbox_token", None)
        return token

    def submit_file(self, file: str, force: bool = False) -> Any:
        """Submit the file at this path to ``csbapi.<cloud>.net`` (the sandbox token goes as ``api_token``)."""
        with open(file, "rb") as f:
            data = f.read()
        return self._post("/zscsb/submit", params={"force": int(force)}, data=data,
                          headers={"Content-Type": "application/octet-stream"})

    def get_quota(self) -> Any:
        return self._get(self._p("sandbox/report/quota"))[0]

    def get_report(self, md5_hash: str, report_details: str = "summary") -> Any:
        return self._get(self._p(f"sandbox/report/{md5_hash}"), params={"details": report_details})
