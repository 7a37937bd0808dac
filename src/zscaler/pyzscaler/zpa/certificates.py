"""``zpa.certificates``: browser-access and enrolment certificates."""

from __future__ import annotations

from typing import Any

from ._common import ZPAEndpoint


class CertificatesAPI(ZPAEndpoint):
    def list_browser_access(self, **kwargs: Any) -> Any:
        return self._list(self._v2("clientlessCertificate/issued"), **kwargs)

    def get_browser_access(self, certificate_id: str) -> Any:
        return self._get(self._v1(f"clientlessCertificate/{certificate_id}"))

    def get_enrolment(self, certificate_id: str) -> Any:
        return self._get(self._v1(f"enrollmentCert/{certificate_id}"))

    def list_enrolment(self, **kwargs: Any) -> Any:
        return self._list(self._v2("enrollmentCert"), **kwargs)
