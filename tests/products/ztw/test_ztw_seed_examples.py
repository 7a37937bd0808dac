"""The ZTW examples of the official README (seed 002), run against the simulator with only the config changed.

Each example is kept as written (indentation restored); ``config = {...}`` is the only line replaced.
"""

from __future__ import annotations

import textwrap


from helpers import FAST_RETRY

CONTEXT_MANAGER_EXAMPLE = '''
from zscaler import ZscalerClient
config = CONFIG
def main():
    with ZscalerClient(config) as client:
        # Make ZIA configuration changes
        added_role, response, error = client.zia.admin_roles.add_role(
            name="New API Role",
            description="Role created via API",
            feature_permissions={"ZIA_ADMIN_ROLE": "READ"}
        )
        if error:
            print(f"Error adding role: {error}")
            return
        # Make ZTW configuration changes
        added_group, response, error = client.ztw.ip_destination_groups.add_group(
            name="New IP Group",
            description="IP group created via API"
        )
        if error:
            print(f"Error adding IP group: {error}")
            return
        print("All changes made successfully")
    # Context manager automatically deauthenticates here
    # All staged changes are activated automatically for both ZIA and ZTW
    print("Context exited - all changes have been activated")
if __name__ == "__main__":
    main()
'''

LEGACY_EXAMPLE = '''
import random
from zscaler.oneapi_client import LegacyZTWClient
config = CONFIG
def main():
    with LegacyZTWClient(config) as client:
        fetched_prov_url, response, error = client.ztw.provisioning_url.list_provisioning_url()
        if error:
            print(f"Error fetching prov url by ID: {error}")
            return
        print(f"Fetched prov url by ID: {fetched_prov_url.as_dict()}")
if __name__ == "__main__":
    main()
'''


def _run(code: str, config: dict, capsys) -> str:
    exec(compile(textwrap.dedent(code), "<README example>", "exec"), {"__name__": "__main__", "CONFIG": config})
    return capsys.readouterr().out


def test_context_manager_example_activates_zia_and_ztw(sim, capsys):
    out = _run(CONTEXT_MANAGER_EXAMPLE, sim.oneapi_config(**FAST_RETRY), capsys)
    assert "All changes made successfully" in out and "Context exited" in out
    groups = sim.items("/ztw/api/v1/ipDestinationGroups")
    assert [(g["name"], g["description"]) for g in groups] == [("New IP Group", "IP group created via API")]
    assert sim.activation_status("ztw") == "ACTIVE" and sim.activation_status("zia") == "ACTIVE"
    deletes = [r.path for r in sim.requests if r.method == "DELETE"]
    assert "/ztw/api/v1/auth" in deletes and "/zia/api/v1/authenticatedSession" in deletes


def test_legacy_example_verbatim(sim, capsys):
    """The README calls .as_dict() on the list list_provisioning_url returns: list results support it."""
    sim.seed("ztw", "provisioning_url", 1, provUrlType="ONPREM")
    out = _run(LEGACY_EXAMPLE, sim.legacy_config("ztw"), capsys)
    assert out.startswith("Fetched prov url by ID: [{'id': ") and "'prov_url_type': 'ONPREM'" in out


def test_legacy_example_logs_in_lists_and_logs_out(sim, capsys):
    sim.seed("ztw", "provisioning_url", 2, provUrlType="ONPREM")
    code = LEGACY_EXAMPLE.replace("fetched_prov_url.as_dict()", "[u.as_dict() for u in fetched_prov_url]")
    out = _run(code, sim.legacy_config("ztw"), capsys)
    assert out.startswith("Fetched prov url by ID: [{") and "provisioning_url-000001" in out
    paths = [(r.method, r.path) for r in sim.requests]
    assert paths == [("POST", "/_legacy/ztw/api/v1/auth"), ("GET", "/_legacy/ztw/api/v1/provUrl"),
                     ("DELETE", "/_legacy/ztw/auth")]
