"""pytest fixtures for the Zscaler simulator (registered through the ``pytest11`` entry point).

* ``zscaler_simulator`` (session): one running simulator for the whole test session.
* ``zscaler_sim`` (function): the same simulator, reset before the test
  (objects, settings, faults, request log, activation, rate limits; tokens stay valid).
* ``zscaler_client`` (function): a ``ZscalerClient`` configured for it (skipped when
  ``zscaler.oneapi_client`` cannot be imported).

Importing this module is cheap: the simulator is only imported when a fixture is used.
"""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def zscaler_simulator():
    from zscaler.simulator import Simulator

    sim = Simulator()
    sim.start()
    try:
        yield sim
    finally:
        sim.close()


@pytest.fixture
def zscaler_sim(zscaler_simulator):
    zscaler_simulator.reset()
    yield zscaler_simulator


@pytest.fixture
def zscaler_client(zscaler_sim):
    try:
        from zscaler.oneapi_client import ZscalerClient
    except ImportError as exc:  # the SDK client is optional for simulator users
        pytest.skip(f"zscaler.oneapi_client is not importable: {exc}")
    client = ZscalerClient(zscaler_sim.oneapi_config())
    try:
        yield client
    finally:
        close = getattr(client, "close", None)
        if callable(close):
            try:
                close()
            except Exception:
                pass
