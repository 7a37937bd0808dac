"""ZIA's server defaults: what the API answers for keys a write left out (issue #16).

One table for the product (``Traits.defaults``, read by :mod:`.represent`): keyed by the
official model name, or by ``"VERB /path"`` for one route. Every key the model declares is
filled anyway (with the official default or the empty value of its kind); the entries here are
the keys the API answers that the model does not declare, the values the API documents as its
defaults where the empty value would be wrong, the stamps a model does not declare but the API
answers (:data:`KEEP`) and what an answer leaves out (:data:`HIDE`).
"""

from __future__ import annotations

from typing import Any

from .represent import HIDE, KEEP

V1 = "/zia/api/v1"
_RULE = {"accessControl": "READ_WRITE", "defaultRule": False, "predefined": False, "capturePCAP": False,
         "eunTemplateId": 0, "excludeContextShieldEndPoint": False, "isEunEnabled": False}
#: a rule's create answers before the first stamp, and neither it nor an update answers ``accessControl``
_NEW_RULE = {"lastModifiedTime": HIDE, "lastModifiedBy": HIDE, "accessControl": HIDE}
_RULES = ("firewallFilteringRules", "firewallDnsRules", "firewallIpsRules", "fileTypeRules", "forwardingRules",
          "urlFilteringRules", "sandboxRules", "webDlpRules")

DEFAULTS: dict[str, dict[str, Any]] = {
    "AdminRoles": {"featurePermissions": {}, "extFeaturePermissions": {}, "aiPromptAccess": "NONE",
                   "reportTimeDuration": -1},
    "AdvancedUrlFilterAndCloudAppSettings": {
        "enableClaudePrompt": False, "enableCreativeCommonsSearchResults": False, "enableDeepSeekPrompt": False,
        "enableGrammarlyPrompt": False, "enableGrokPrompt": False, "enableMistralAIPrompt": False,
        "enableWriterPrompt": False, "safeSearchApps": [], "zveloDbLookupDisabled": False},
    "AdvancedThreatProtectionSettings": {"wpadBlocked": False},
    "TrafficDatacenters": {"region": {}},
    "CloudApplicationControl": {"promptCaptureEnabled": False, "accessControl": "READ_WRITE"},
    "DLPDictionary": {"dictTemplateId": 0, "lowConfidenceDisabled": False, "parentDictionary": None,
                      "parentDictionaryId": 0, "viewOnly": False},
    "DLPWebRules": {"fileTypeCategories": [], "ucTemplateId": 0, "lastModifiedTime": KEEP, "lastModifiedBy": KEEP},
    "FileTypeControlRules": {"browserEunTemplateId": 0, "fileTypeCategories": []},
    "FirewallDNSRules": {**_RULE, "endPointApplicationGroups": [], "endPointApplications": [],
                         "isWebEUNEnabled": False},
    "FirewallRule": {**_RULE, "endPointApplicationGroups": [], "endPointApplications": []},
    "FirewallIPSrules": dict(_RULE),
    "ForwardingControlRule": {"accessControl": "READ_WRITE"},
    "IPDestinationGroups": {"creatorContext": "ZIA", "ipAddresses": [], "urlCategories": []},
    "IPSourceGroup": {"creatorContext": "ZIA", "extranetIpPool": False},
    "NetworkServiceGroups": {"creatorContext": "ZIA"},
    "LocationManagement": {"bcLocation": False, "ccLocation": False, "jwtAuth": False, "surrogateIP": False,
                           "surrogateIPEnforcedForKnownBrowsers": False},
    "RemoteAssistance": {"aiPromptObfuscate": False},
    "SandboxRules": {"accessControl": "READ_WRITE", "cbiProfileId": 0, "defaultRule": False,
                     "lastModifiedTime": KEEP, "lastModifiedBy": KEEP},
    "URLCategory": {"categoryGroup": "", "val": 0},
    "URLFilteringRule": {"accessControl": "READ_WRITE", "browserEunTemplateId": 0, "capturePCAP": False,
                         "cbiProfileId": 0, "excludeSrcCountries": False, "groupsAndDepartmentsSet": False,
                         "predefined": False, "usersAndGroupsSet": False},
    "VZENClusters": {"establishSupportTunnelEnabled": False, "inProduction": False,
                     "onDemandSupportTunnelEnabled": False, "zgatewayId": 0},
    # routes answering part of a settings object
    f"GET {V1}/cyberThreatProtection/atpMalwareInspection": {"inspectInbound": True, "inspectOutbound": True},
    f"GET {V1}/cyberThreatProtection/atpMalwareProtocols": {"inspectHttp": True, "inspectFtpOverHttp": True,
                                                            "inspectFtp": True},
    f"GET {V1}/cyberThreatProtection/maliciousUrls": {"maliciousUrls": []},
    f"GET {V1}/cyberThreatProtection/malwarePolicy": {"blockUnscannableFiles": False,
                                                      "blockPasswordProtectedArchiveFiles": False},
    f"GET {V1}/cyberThreatProtection/securityExceptions": {"bypassUrls": []},
    f"GET {V1}/behavioralAnalysisAdvancedSettings/fileHashCount": {
        "deniedFileHashesCount": 0, "deniedRemainingFileHashes": 10000,
        "allowedFileHashesCount": 0, "allowedRemainingFileHashes": 10000},
    f"GET {V1}/urlCategories/urlQuota": {"uniqueUrlsProvisioned": 0, "remainingUrlsQuota": 25000},
    f"GET {V1}/security/advanced": {"blacklistUrls": []},
    f"GET {V1}/adminRoles/lite": {"reportTimeDuration": -1},
    # validations answer their verdict
    f"POST {V1}/dlpDictionaries/validateDlpPattern": {"status": "VALID", "errPosition": 0, "errMsg": None,
                                                      "errParameter": None, "errSuggestion": None, "idList": [],
                                                      "subIdsMap": {}},
    f"POST {V1}/dlpEngines/validateDlpExpr": {"status": "VALID", "errMsg": None},
    **{f"POST {V1}/{coll}": _NEW_RULE for coll in _RULES},
    **{f"PUT {V1}/{coll}/{{}}": {"accessControl": HIDE} for coll in _RULES if coll != "sandboxRules"},
    f"PUT {V1}/webDlpRules/{{}}": {"accessControl": HIDE, "rank": HIDE},
    f"POST {V1}/webDlpRules": {**_NEW_RULE, "rank": HIDE},
    f"POST {V1}/webApplicationRules/{{}}": _NEW_RULE,
    f"PUT {V1}/fileTypeRules/{{}}": {"accessControl": HIDE, "lastModifiedTime": HIDE, "lastModifiedBy": HIDE},
    f"POST {V1}/proxies": _NEW_RULE,
    f"POST {V1}/vpnCredentials": {"preSharedKey": HIDE},  # the create answer does not echo the key
    # lite views answer a subset of the object
    f"GET {V1}/bandwidthControlRules/lite": {"lastModifiedTime": HIDE, "lastModifiedBy": HIDE, "protocols": HIDE},
    f"GET {V1}/dlpDictionaries/lite": {k: HIDE for k in ("customPhraseMatchType", "description", "dictionaryType",
                                                          "patterns")},
    f"GET {V1}/webDlpRules/lite": {k: HIDE for k in ("action", "lastModifiedTime", "lastModifiedBy", "order",
                                                      "protocols", "rank", "userRiskScoreLevels")},
    **{f"POST {V1}/{coll}": {"creatorContext": HIDE}
       for coll in ("ipDestinationGroups", "ipSourceGroups", "networkServiceGroups")},
}
