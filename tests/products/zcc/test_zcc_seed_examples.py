"""The ZCC example of the official README (seed 002), run against the simulator with only the config changed.

The example ends with ``if __name__ == "__main__": main()`` although it defines no ``main``; it is run
as an imported module (``__name__`` is not ``"__main__"``), which is how it can work at all.
"""

from __future__ import annotations

import textwrap

LEGACY_EXAMPLE = '''
import random
from zscaler.oneapi_client import LegacyZCCClient
config = CONFIG
with LegacyZCCClient(config) as client:
    for group in client.zcc.devices.list_devices():
        print(group)
if __name__ == "__main__":
    main()
'''


def test_legacy_example(sim, capsys):
    exec(compile(textwrap.dedent(LEGACY_EXAMPLE), "<README example>", "exec"),
         {"__name__": "readme_example", "CONFIG": sim.legacy_config("zcc")})
    out = capsys.readouterr().out.splitlines()
    # iterating the (result, response, error) tuple prints the device list, the response, and None
    assert out[0].startswith("[Device({") and out[-1] == "None"
    assert out[0].count("alice@simulator.example") == 2 and out[0].count("Device(") == 6
    assert '"udid": "00000001-SIM0-4000-8000-000000000001",' in "\n".join(out[1:-1])  # str(response): the page
    assert [r.path for r in sim.requests] == ["/_legacy/zcc/papi/auth/v1/login",
                                              "/_legacy/zcc/papi/public/v1/getDevices"]
