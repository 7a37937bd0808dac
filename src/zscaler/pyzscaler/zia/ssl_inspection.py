"""``zia.ssl``: SSL inspection certificates (CSR, intermediate CA)."""

from __future__ import annotations

from typing import Any

from ._common import ZIAEndpoint, requests_multipart


class SSLInspectionAPI(ZIAEndpoint):
    def get_csr(self) -> str:
        """The CSR as text."""
        return self._text("GET", "sslSettings/downloadcsr")

    def get_intermediate_ca(self) -> Any:
        return self._get(self._p("sslSettings/showcert"))

    def generate_csr(self, cert_name: str, cn: str, org: str, dept: str, city: str, state: str, country: str,
                     signature: str) -> int:
        payload = {"certName": cert_name, "commName": cn, "orgName": org, "deptName": dept, "city": city,
                   "state": state, "country": country, "signatureAlgorithm": signature}
        return self._status("POST", "sslSettings/generatecsr", json=payload)

    def upload_int_ca_cert(self, cert: Any) -> int:
        """Upload the signed intermediate CA certificate (``cert``: bytes, a file or a requests-style tuple)."""
        return self._upload("sslSettings/uploadcert/text", cert)

    def upload_int_ca_chain(self, cert: Any) -> int:
        return self._upload("sslSettings/uploadcertchain/text", cert)

    def _upload(self, path: str, cert: Any) -> int:
        body, ctype = requests_multipart({"fileUpload": cert})
        return self._status("POST", path, data=body, headers={"Content-Type": ctype})

    def delete_int_chain(self) -> int:
        return self._status("DELETE", "sslSettings/certchain")
