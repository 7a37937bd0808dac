"""EASM (External Attack Surface Management) catalog.

Bootstrapped from the API inventory by a one-off generator (retired); maintained by hand since.
"""

from __future__ import annotations

from .spec import Product, Resource, op

BASE = "/easm/easm-ui/v1"


RESOURCES = (
    Resource(
        "findings",
        (
            op("get_finding_details", "GET", BASE + "/organizations/{org_id}/findings/{finding_id}/details",
               "org_id, finding_id", "object", "FindingDetails"),
            op("get_finding_evidence", "GET", BASE + "/organizations/{org_id}/findings/{finding_id}/evidence",
               "org_id, finding_id", "object", "CommonFindings"),
            op("get_finding_scan_output", "GET", BASE + "/organizations/{org_id}/findings/{finding_id}/scan-output",
               "org_id, finding_id", "object", "CommonFindings"),
            op("list_findings", "GET", BASE + "/organizations/{org_id}/findings", "org_id", "object", "Findings"),
        ),
        model="CommonFindings",
    ),
    Resource(
        "lookalike_domains",
        (
            op("get_lookalike_domain", "GET",
               BASE + "/organizations/{org_id}/lookalike-domains/{lookalike_raw}/details", "org_id, lookalike_raw",
               "object", "LookalikeDomainDetails"),
            op("list_lookalike_domains", "GET", BASE + "/organizations/{org_id}/lookalike-domains", "org_id", "object",
               "LookALikeDomains"),
        ),
        model="LookalikeDomainDetails",
    ),
    Resource(
        "organizations",
        (
            op("list_organizations", "GET", BASE + "/organizations", "", "object", "Organizations"),
        ),
        model="Organizations",
    ),
)

PRODUCT = Product("zeasm", "/easm", "easm", RESOURCES, body_case="none", id_style="uuid",
                  title="Zscaler External Attack Surface Management", order=110)
