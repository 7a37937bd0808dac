"""``zia.traffic``: traffic forwarding (GRE tunnels, static IPs, VIPs, VPN credentials, IPv6)."""

from __future__ import annotations

from typing import Any

from ..box import Box
from ..utils import convert_keys, snake_to_camel
from ._common import ZIAEndpoint, camel_payload


class TrafficForwardingAPI(ZIAEndpoint):
    # -- GRE tunnels
    def list_gre_tunnels(self, **kwargs: Any) -> Any:
        return self._list(self._p("greTunnels"), **kwargs)

    def get_gre_tunnel(self, tunnel_id: str) -> Any:
        return self._get(self._p(f"greTunnels/{tunnel_id}"))

    def list_gre_ranges(self, **kwargs: Any) -> Any:
        params = {snake_to_camel(k): v for k, v in kwargs.items()}
        return self._get(self._p("greTunnels/availableInternalIpRanges"), params=params)

    def add_gre_tunnel(self, source_ip: str, primary_dest_vip_id: str | None = None,
                       secondary_dest_vip_id: str | None = None, **kwargs: Any) -> Any:
        """A new GRE tunnel; without both VIP ids, the two closest VIPs in different cities are used."""
        if primary_dest_vip_id is None and secondary_dest_vip_id is None:
            primary_dest_vip_id, secondary_dest_vip_id = self.get_closest_diverse_vip_ids(source_ip)
        payload = {"sourceIp": source_ip, "primaryDestVip": {"id": primary_dest_vip_id},
                   "secondaryDestVip": {"id": secondary_dest_vip_id}}
        return self._post(self._p("greTunnels"), json=camel_payload(payload, kwargs))

    def list_gre_ip_addresses(self, **kwargs: Any) -> Any:
        return self._get(self._p("orgProvisioning/ipGreTunnelInfo"), params=convert_keys(kwargs))

    # -- static IPs
    def list_static_ips(self, **kwargs: Any) -> Any:
        return self._list(self._p("staticIP"), **kwargs)

    def get_static_ip(self, static_ip_id: str) -> Any:
        return self._get(self._p(f"staticIP/{static_ip_id}"))

    def add_static_ip(self, ip_address: str, **kwargs: Any) -> Any:
        return self._post(self._p("staticIP"), json=camel_payload({"ipAddress": ip_address}, kwargs))

    def check_static_ip(self, ip_address: str) -> int:
        """200 when the address is valid and free (an error status raises)."""
        return self._status("POST", "staticIP/validate", json={"ipAddress": ip_address})

    def update_static_ip(self, static_ip_id: str, **kwargs: Any) -> Any:
        payload = camel_payload(convert_keys(self.get_static_ip(static_ip_id)), kwargs)
        return self._put(self._p(f"staticIP/{static_ip_id}"), json=payload)

    def delete_static_ip(self, static_ip_id: str) -> int:
        return self._status("DELETE", f"staticIP/{static_ip_id}")

    # -- VIPs
    def list_vips(self, **kwargs: Any) -> Any:
        return self._list(self._p("vips"), **kwargs)

    def list_vips_recommended(self, source_ip: str, **kwargs: Any) -> Any:
        params = camel_payload({"sourceIp": source_ip}, kwargs)
        return self._get(self._p("vips/recommendedList"), params=params)

    def get_closest_diverse_vip_ids(self, ip_address: str) -> tuple[Any, Any]:
        """(closest VIP id, closest VIP id in another city)."""
        vips = self.list_vips_recommended(source_ip=ip_address)
        first = vips[0]
        other = next(vip for vip in vips if vip.city != first.city)
        return first.id, other.id

    # -- VPN credentials
    def list_vpn_credentials(self, **kwargs: Any) -> Any:
        return self._list(self._p("vpnCredentials"), **kwargs)

    def add_vpn_credential(self, authentication_type: str, pre_shared_key: str, **kwargs: Any) -> Any:
        payload: dict[str, Any] = {"type": authentication_type, "preSharedKey": pre_shared_key}
        if kwargs.get("location_id"):
            payload["location"] = {"id": kwargs.pop("location_id")}
        return self._post(self._p("vpnCredentials"), json=camel_payload(payload, kwargs))

    def bulk_delete_vpn_credentials(self, credential_ids: list[Any]) -> int:
        return self._status("POST", "vpnCredentials/bulkDelete", json={"ids": credential_ids})

    def get_vpn_credential(self, credential_id: str | None = None, fqdn: str | None = None) -> Any:
        """One credential by id, or by FQDN (None when none has it)."""
        if credential_id and fqdn:
            raise ValueError("get_vpn_credential: give credential_id or fqdn, not both")
        if fqdn:
            return next((r for r in self.list_vpn_credentials(search=fqdn) if r.fqdn == fqdn), None)
        return self._get(self._p(f"vpnCredentials/{credential_id}"))

    def update_vpn_credential(self, credential_id: str, **kwargs: Any) -> Any:
        payload = convert_keys(self.get_vpn_credential(credential_id))
        if kwargs.get("location_id"):
            payload["location"] = {"id": kwargs.pop("location_id")}
        return self._put(self._p(f"vpnCredentials/{credential_id}"), json=camel_payload(payload, kwargs))

    def delete_vpn_credential(self, credential_id: str) -> int:
        return self._status("DELETE", f"vpnCredentials/{credential_id}")

    # -- IPv6
    def get_ipv6_config(self) -> Any:
        """The IPv6 settings, keys converted by pyZscaler's ``camel_to_snake`` (``ipv6_enabled``)."""
        body = self._send("GET", self._p("ipv6config")).json()
        return Box(convert_keys(body, "to_snake"))

    def list_dns64_prefixes(self, **kwargs: Any) -> Any:
        return self._get(self._p("ipv6config/dns64prefix"), params=kwargs)

    def list_nat64_prefixes(self, **kwargs: Any) -> Any:
        return self._list(self._p("ipv6config/nat64prefix"), **kwargs)
