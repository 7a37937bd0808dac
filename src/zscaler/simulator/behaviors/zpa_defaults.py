"""ZPA's server defaults: what the API answers for keys a write left out (issue #16).

One table for the product (``Traits.defaults``, read by :mod:`.represent`): keyed by the
official model name, or by ``"VERB /path"`` for one route. Every key the model declares is
filled anyway (with the official default or the empty value of its kind); the entries here are
the server's own values (``enabled``, ``configSpace`` ...), keys the API answers that the model
does not declare, stamps it answers (:data:`KEEP`) and what an answer leaves out (:data:`HIDE`:
write-only secrets, stamps a create answer does not carry).
"""

from __future__ import annotations

from typing import Any

from ..wire import ADMIN_ID_ZPA
from .represent import HIDE, KEEP, OMIT, PAGE_COUNT

V1 = "/zpa/mgmtconfig/v1/admin/customers/{customerId}"
V2 = "/zpa/mgmtconfig/v2/admin/customers/{customerId}"
_STAMPS = {"creationTime": KEEP, "modifiedBy": KEEP, "modifiedTime": KEEP}
_MANAGED = {"readOnly": False, "zscalerManaged": False}
_UNSTAMPED = {"creationTime": HIDE, "modifiedBy": HIDE, "modifiedTime": HIDE}  # a create answered before stamping

DEFAULTS: dict[str, dict[str, Any]] = {
    "SegmentGroup": {"enabled": True, "configSpace": "DEFAULT", **_MANAGED, **_STAMPS},
    "AppServers": {"enabled": True, "configSpace": "DEFAULT", **_STAMPS},
    "ApplicationSegments": {"enabled": True, "configSpace": "DEFAULT"},
    "ServiceEdgeGroup": {"exclusiveForBusinessContinuity": False, "version": "", **_MANAGED},
    "PrivilegedRemoteAccessApproval": {"modifiedBy": KEEP},
    "PrivilegedRemoteAccessCredential": {**_STAMPS, "password": HIDE, "userDomain": HIDE},
    "PrivilegedRemoteAccessPortal": {"cName": ""},
    "Certificate": {**_MANAGED, "certBlob": HIDE},
    "EnrollmentCertificate": {"cName": "", "storeInHsm": False, "zscalerManaged": False},
    "Microtenant": {"scopeOrder": ""},
    "PolicySetControllerV1": {"defaultRuleName": ""},
    "PolicySetControllerV2": {"defaultRuleName": ""},
    "ProvisioningKey": {"exportable": False, **_MANAGED, "componentId": HIDE},
    "AppSegmentByType": {"certificateName": "", "trustUntrustedCert": False},
    "UserPortalController": {"managedByZs": HIDE},
    "UserPortalLink": {"userNotificationEnabled": HIDE, "userPortalIds": HIDE},
    "SAMLAttribute": {"modifiedTime": KEEP, "delta": ""},
    "SCIMAttributeHeader": {"canonicalValues": [], "modifiedTime": KEEP},
    f"POST {V1}/serverGroup": {**_UNSTAMPED, "enabled": OMIT},
    f"GET {V1}/policySet/policyType/{{}}": {"rules": HIDE, "modifiedBy": ADMIN_ID_ZPA},
    f"GET {V1}/idp/{{}}/scimattribute/{{}}": {"modifiedTime": HIDE},
    f"POST {V1}/segmentGroup": {"microtenantName": HIDE},
    # a custom inspection control keeps its rules as the controlRuleJson string; only its create echoes them
    f"GET {V1}/inspectionControls/custom": {"rules": HIDE, "@currentCount": PAGE_COUNT},
    # listings whose envelope also counts the page's items
    **{f"GET {path}": {"@currentCount": PAGE_COUNT} for path in (
        V1 + "/idp/{}/scimattribute", V1 + "/isolation/profiles", V2 + "/samlAttribute", V2 + "/samlAttribute/idp/{}")},
    f"GET {V1}/inspectionControls/custom/{{}}": {"rules": HIDE, "action": HIDE},
    f"POST {V1}/policySet/{{}}/rule": {"policySetId": HIDE},
    f"POST {V2}/policySet/{{}}/rule": {"policySetId": HIDE},
    f"POST {V1}/application": {**_UNSTAMPED, "segmentGroupName": HIDE, "tcpPortRange": HIDE, "udpPortRange": HIDE},
    f"POST {V1}/praPortal": {"microtenantName": HIDE},
    f"POST {V1}/associationType/{{key_type}}/provisioningKey": {"enrollmentCertName": HIDE, "zcomponentName": HIDE},
}
