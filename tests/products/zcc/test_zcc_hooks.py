"""ZCC special behaviour through the OneAPI client and the simulator: exact wire requests."""

from __future__ import annotations

import pytest

from helpers import api_requests

BASE = "/zcc/papi/public/v1"


def _last(sim, method, path):
    return [r for r in api_requests(sim, path) if r.method == method and r.path == path][-1]


def test_list_devices_maps_os_type_and_filters(client, sim):
    devices, _, err = client.zcc.devices.list_devices(
        query_params={"os_type": "windows", "username": "alice@simulator.example", "page_size": 10})
    assert err is None
    assert _last(sim, "GET", BASE + "/getDevices").query == {
        "osType": ["3"], "username": ["alice@simulator.example"], "pageSize": ["10"]}
    assert [(d.user, d.type) for d in devices] == [("alice@simulator.example", 3)]
    assert devices[0].as_dict()["udid"].startswith("00000001")


def test_type_names_are_checked(client, sim):
    with pytest.raises(ValueError, match="os_type: 'beos' is not accepted; accepted values: ios, android"):
        client.zcc.devices.list_devices(query_params={"os_type": "beos"})
    with pytest.raises(ValueError, match="registration_types"):
        client.zcc.devices.download_devices(query_params={"registration_types": ["lost"]})
    assert api_requests(sim, BASE) == []


def test_devices_page_by_page_and_pagesize(client, sim):
    devices, resp, err = client.zcc.devices.list_devices(query_params={"page_size": 2})
    assert err is None and len(devices) == 2 and resp.has_next()
    every = list(resp.iter_all())
    assert len(every) == 6
    pages = [r.query.get("page") for r in api_requests(sim, "/getDevices")]
    assert pages == [None, ["2"], ["3"], ["4"]]  # a short (empty) page ends the listing


def test_downloads_write_the_file_and_return_its_name(client, sim, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = client.zcc.devices.download_devices(
        query_params={"os_types": ["windows", "macos"], "registration_types": "registered"})
    assert isinstance(name, str) and name.startswith("zcc-devices-") and name.endswith(".csv")
    lines = (tmp_path / name).read_text().splitlines()
    assert lines[0].startswith("User,") and len(lines) == 1 + 3
    assert _last(sim, "GET", BASE + "/downloadDevices").query == {"osTypes": ["3,4"], "registrationTypes": ["1"]}

    target = tmp_path / "status.csv"
    name = client.zcc.devices.download_service_status(filename=str(target))
    assert name == str(target) and target.read_bytes().startswith(b"User,")
    assert "filename" not in _last(sim, "GET", BASE + "/downloadServiceStatus").query


def test_disable_reasons_dates_and_time_zone(client, sim, tmp_path):
    target = tmp_path / "reasons.csv"
    assert client.zcc.devices.download_disable_reasons(query_params={
        "start_date": "2024-01-01 00:00:00 GMT", "end_date": "2024-12-31", "os_types": "windows",
        "time_zone": "GMT"}, filename=str(target)) == str(target)
    req = _last(sim, "GET", BASE + "/downloadDisableReasons")
    assert req.query == {"startDate": ["2024-01-01 00:00:00 GMT"], "endDate": ["2024-12-31"], "osTypes": ["3"]}
    assert req.headers["Time-Zone"] == "GMT"
    with pytest.raises(ValueError, match="start_date"):
        client.zcc.devices.download_disable_reasons(query_params={"start_date": "yesterday"})


def test_application_profile_update_repeats_the_id(client, sim):
    profiles, _, err = client.zcc.application_profiles.get_application_profiles(query_params={"device_type": "ios"})
    assert err is None and [p.name for p in profiles] == ["iOS default"]
    assert _last(sim, "GET", BASE + "/application-profiles").query == {"deviceType": ["1"]}
    pid = profiles[0].id
    _, _, err = client.zcc.application_profiles.update_application_profile(
        str(pid), name="iOS strict", device_type="ios", description="d", packet_tunnel_exclude_list="10.0.0.0/8")
    assert err is None
    body = _last(sim, "PATCH", f"{BASE}/application-profiles/{pid}").json()
    assert body == {"name": "iOS strict", "deviceType": "1", "description": "d",
                    "packetTunnelExcludeList": "10.0.0.0/8", "policyId": pid}
    fetched, _, _ = client.zcc.application_profiles.get_application_profile(pid)
    assert fetched.name == "iOS strict"


@pytest.mark.parametrize("method,names", [
    ("get_custom_ip_base_apps", ["Simulated SaaS"]),
    ("get_predefined_ip_based_apps", ["Microsoft Teams", "Zoom"]),
    ("get_process_based_apps", ["Simulated Updater"]),
])
def test_enveloped_lists(client, sim, method, names):
    resource = {"get_custom_ip_base_apps": "custom_ip_base_apps", "get_predefined_ip_based_apps":
                "predefined_ip_based_apps", "get_process_based_apps": "process_based_apps"}[method]
    items, resp, err = getattr(getattr(client.zcc, resource), method)()
    assert err is None and [i.app_name for i in items] == names
    assert resp.get_body()["totalCount"] == len(names)


def test_settings_read_as_one_element_lists(client, sim):
    company, _, err = client.zcc.company.get_company_info()
    assert err is None and company[0].name == "Simulated Company"
    zpa, _, _ = client.zcc.entitlements.get_zpa_group_entitlements()
    assert zpa[0].zpa_enable_for_all == 1
    cleanup, _, _ = client.zcc.devices.get_device_cleanup_info()
    assert cleanup[0].auto_purge_days == "30"
    client.zcc.devices.update_device_cleanup_info(auto_purge_days="45").unwrap()
    assert _last(sim, "PUT", BASE + "/setDeviceCleanupInfo").json() == {"autoPurgeDays": "45"}
    cleanup, _, _ = client.zcc.devices.get_device_cleanup_info()
    assert cleanup[0].auto_purge_days == "45"
    client.zcc.web_privacy.set_web_privacy_info(active="1", collect_user_info="0",
                                                collect_machine_hostname="1").unwrap()
    privacy = client.zcc.web_privacy.get_web_privacy()  # a bare dict, as the official SDK
    assert isinstance(privacy, dict) and privacy["collectUserInfo"] == "0"


def test_trusted_network_lifecycle(client, sim):
    net, _, err = client.zcc.trusted_networks.add_trusted_network(
        network_name="HQ", active=True, dns_servers="10.0.0.53", dns_search_domains="corp.example")
    assert err is None
    assert _last(sim, "POST", BASE + "/webTrustedNetwork/create").json() == {
        "networkName": "HQ", "active": True, "dnsServers": "10.0.0.53", "dnsSearchDomains": "corp.example"}
    nets, _, _ = client.zcc.trusted_networks.list_by_company(query_params={"search": "hq"})
    assert [n.network_name for n in nets] == ["HQ"]
    client.zcc.trusted_networks.update_trusted_network(id=net.id, network_name="HQ-2").unwrap()
    nets, _, _ = client.zcc.trusted_networks.list_by_company()
    assert [n.network_name for n in nets] == ["HQ-2"]
    client.zcc.trusted_networks.delete_trusted_network(net.id).unwrap()
    assert client.zcc.trusted_networks.list_by_company()[0] == []


def test_web_policy_keeps_the_zcc_snake_keys(client, sim):
    policies, _, _ = client.zcc.web_policy.list_by_company(query_params={"device_type": "windows"})
    assert [p.device_type for p in policies] == [3]
    assert _last(sim, "GET", BASE + "/web/policy/listByCompany").query == {"deviceType": ["3"]}
    _, _, err = client.zcc.web_policy.web_policy_edit(
        id=policies[0].id, name="Win", pac_url="http://pac.example/p.pac", reauth_period=12, log_level=1,
        disable_password="x")
    assert err is None
    body = _last(sim, "PUT", BASE + "/web/policy/edit").json()
    assert body == {"id": policies[0].id, "name": "Win", "pac_url": "http://pac.example/p.pac",
                    "reauth_period": 12, "logLevel": 1, "disable_password": "x"}
    client.zcc.web_policy.activate_web_policy(policy_id=policies[0].id, device_type="windows").unwrap()
    assert _last(sim, "PUT", BASE + "/web/policy/activate").json() == {"policyId": policies[0].id, "deviceType": "3"}


def test_device_removal_and_secrets(client, sim):
    devices, _, _ = client.zcc.devices.list_devices(query_params={"username": "bob@simulator.example"})
    udid = devices[0].udid
    otp, _, err = client.zcc.secrets.get_otp(query_params={"device_id": udid})
    assert err is None and len(otp.exit_otp) == 6
    assert _last(sim, "GET", BASE + "/getOtp").query == {"udid": [udid]}
    removed, _, err = client.zcc.devices.remove_devices(udids=[udid], os_type="ios")
    assert err is None
    assert _last(sim, "POST", BASE + "/removeDevices").json() == {"udids": [udid], "osType": "1"}
    assert removed[0].devices_removed == 1
    details, _, _ = client.zcc.devices.get_device_details(query_params={"udid": udid})
    assert details.state == 3
    client.zcc.devices.force_remove_devices(udids=[udid]).unwrap()
    assert client.zcc.devices.list_devices(query_params={"username": "bob@simulator.example"})[0] == []


def test_remove_machine_tunnel_body_is_plain_camel_case(client, sim):
    out, _, err = client.zcc.devices.remove_machine_tunnel(host_names=["h1", "h2"], install_ssl_certs=True)
    assert err is None and out["devicesRemoved"] == 2
    assert _last(sim, "POST", BASE + "/removeMachineTunnel").json() == {"hostNames": ["h1", "h2"],
                                                                       "installSslCerts": True}


def test_web_policy_blocks_use_the_model_wire_keys(client, sim):
    client.zcc.web_policy.web_policy_edit(
        name="Linux", device_type=5, logout_password="top",
        linux_policy={"install_ssl_certs": 1, "disable_password": "d", "logout_password": "l"},
        policy_extension={"exit_password": "e", "truncate_large_udpdns_response": 1},
        disaster_recovery={"enable_zia_dr": True}, windows_policy={"install_ssl_certs": 1}).unwrap()
    body = _last(sim, "PUT", BASE + "/web/policy/edit").json()
    assert body["logout_password"] == "top" and body["device_type"] == 5  # top level: the ZCC snake keys
    assert body["linuxPolicy"] == {"installCerts": 1, "disablePassword": "d", "logoutPassword": "l"}
    assert body["policyExtension"] == {"exitPassword": "e", "truncateLargeUDPDNSResponse": 1}
    assert body["disasterRecovery"] == {"enableZiaDR": True}
    assert body["windowsPolicy"] == {"install_ssl_certs": 1}  # no model override in this block
    policies, _, _ = client.zcc.web_policy.list_by_company(query_params={"search": "Linux", "device_type": "linux"})
    assert {p.name for p in policies} == {"Linux", "Linux default"}


def test_forwarding_profile_keys_and_lifecycle(client, sim):
    out, _, err = client.zcc.forwarding_profile.update_forwarding_profile(
        name="FP", enable_lwf_driver=1, forwarding_profile_actions=[
            {"network_type": 1, "dtls_timeout": 9, "system_proxy_data": {"pac_url": "http://p", "enable_pac": 1}}])
    assert err is None
    body = _last(sim, "POST", BASE + "/webForwardingProfile/edit").json()
    assert body == {"name": "FP", "enableLWFDriver": 1, "forwardingProfileActions": [
        {"networkType": 1, "DTLSTimeout": 9, "systemProxyData": {"pacURL": "http://p", "enablePAC": 1}}]}
    assert out.success == "true"
    profiles, _, _ = client.zcc.forwarding_profile.list_by_company(query_params={"search": "fp"})
    assert [p.name for p in profiles] == ["FP"]
    client.zcc.forwarding_profile.delete_forwarding_profile(out.id).unwrap()
    assert client.zcc.forwarding_profile.list_by_company(query_params={"search": "fp"})[0] == []
