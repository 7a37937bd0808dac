"""A small, realistic tenant built through the client (ZPA, ZIA, ZTW): what the round-trip tests export."""

from __future__ import annotations

from typing import Any

PSK = "Branch1-PSK-not-for-export"  # a ZIA VPN credential's pre-shared key: must never reach an export file


def _ok(result: Any) -> Any:
    value, _, err = result
    assert err is None, err
    return value


def seed_zpa(client: Any) -> dict[str, Any]:
    zpa = client.zpa
    acg = [_ok(zpa.app_connector_groups.add_connector_group(
        name=n, latitude="37.33", longitude="-121.89", location="San Jose, CA, USA", enabled=True))
        for n in ("ACG East", "ACG West")]
    certs = _ok(zpa.enrollment_certificates.list_enrolment())
    connector_cert = next(c for c in certs if c.name == "Connector")
    _ok(zpa.provisioning.add_provisioning_key(key_type="CONNECTOR_GRP", name="PK East", max_usage=10,
                                              enrollment_cert_id=connector_cert.id, component_id=acg[0].id))
    server = _ok(zpa.servers.add_server(name="intranet-01", address="10.0.0.10", enabled=True))
    sg = _ok(zpa.server_groups.add_group(name="SG Web", enabled=True, dynamic_discovery=False,
                                         app_connector_group_ids=[acg[0].id, acg[1].id], server_ids=[server.id]))
    web = _ok(zpa.segment_groups.add_group(name="Web Apps", enabled=True, description="intranet"))
    fin = _ok(zpa.segment_groups.add_group(name="Finance", enabled=True))
    intranet = _ok(zpa.application_segment.add_segment(
        name="Intranet", domain_names=["intranet.acme.com", "wiki.acme.com"], segment_group_id=web.id,
        server_group_ids=[sg.id], tcp_port_ranges=["80", "80", "443", "443"], enabled=True))
    payroll = _ok(zpa.application_segment.add_segment(
        name="Payroll", domain_names=["payroll.acme.com"], segment_group_id=fin.id, server_group_ids=[sg.id],
        tcp_port_ranges=["8443", "8443"], enabled=True))
    _ok(zpa.policies.add_access_rule(name="Allow Intranet", action="ALLOW",
                                     conditions=[("app", "id", intranet.id), ("app_group", "id", web.id)]))
    _ok(zpa.policies.add_access_rule(name="Allow Payroll", action="ALLOW", conditions=[("app", "id", payroll.id)]))
    _ok(zpa.policies.add_access_rule(name="Default Deny", action="DENY"))
    return {"segment": intranet, "web": web}


def seed_zia(client: Any) -> dict[str, Any]:
    zia = client.zia
    label = _ok(zia.rule_labels.add_label(name="Audit", description="reviewed quarterly"))
    dst = _ok(zia.cloud_firewall.add_ip_destination_group(name="Partners", type="DSTN_IP",
                                                          addresses=["203.0.113.10", "198.51.100.0/24"]))
    src = _ok(zia.cloud_firewall.add_ip_source_group(name="Branches", ip_addresses=["192.0.2.0/24"]))
    cat = _ok(zia.url_categories.add_url_category(configured_name="Blocked Sites", super_category="USER_DEFINED",
                                                  urls=["bad.example.net", "worse.example.org"],
                                                  custom_category=True))
    _ok(zia.url_filtering.add_rule(name="Block Sites", order=1, rank=7, action="BLOCK", state="ENABLED",
                                   url_categories=[cat.id, "NEWS_AND_MEDIA"], labels=[{"id": label.id}],
                                   protocols=["ANY_RULE"]))
    _ok(zia.url_filtering.add_rule(name="Caution Social", order=2, rank=7, action="CAUTION", state="ENABLED",
                                   url_categories=["SOCIAL_NETWORKING"], protocols=["ANY_RULE"]))
    _ok(zia.cloud_firewall_rules.add_rule(name="Partners DNS", order=1, rank=7, action="ALLOW", state="ENABLED",
                                          dest_ip_groups=[{"id": dst.id}], src_ip_groups=[{"id": src.id}],
                                          nw_services=[{"id": 50004}], labels=[{"id": label.id}]))
    _ok(zia.cloud_firewall_rules.add_rule(name="Block Rest", order=2, rank=7, action="BLOCK_DROP", state="ENABLED"))
    cred = _ok(zia.traffic_vpn_credentials.add_vpn_credential(type="UFQDN", fqdn="branch1@acme.com",
                                                              pre_shared_key=PSK, comments="branch 1"))
    _ok(zia.locations.add_location(name="Branch 1", country="UNITED_STATES", tz="UNITED_STATES_AMERICA_LOS_ANGELES",
                                   vpn_credentials=[{"id": cred.id, "type": "UFQDN"}], ip_addresses=["192.0.2.1"]))
    _ok(zia.advanced_settings.update_advanced_settings(enable_office365=True, log_internal_ip=True,
                                                       dns_resolution_on_transparent_proxy_urls=["*.corp.acme.com"]))
    client.activate_written()
    return {"label": label}




def seed_ztw(client: Any) -> None:
    ztw = client.ztw
    dst = _ok(ztw.ip_destination_groups.add_ip_destination_group(name="Cloud DCs", type="DSTN_IP",
                                                                 addresses=["198.51.100.7"]))
    _ok(ztw.location_template.add_location_template(name="Branch template", desc="standard branch",
                                                    template={"templatePrefix": "br", "xffForwardEnabled": True}))
    _ok(ztw.forwarding_rules.add_rule(name="To DCs", order=1, rank=7, type="EC_RDR", forward_method="DIRECT",
                                      state="ENABLED", dest_ip_groups=[{"id": dst.id}]))
    client.activate_written()


def seed(client: Any) -> None:
    seed_zpa(client)
    seed_zia(client)
    seed_ztw(client)
