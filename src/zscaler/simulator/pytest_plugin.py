"""pytest fixtures for the Zscaler simulator (registered through the ``pytest11`` entry point).

* ``zscaler_simulator`` (session): one running simulator for the whole test session.
* ``zscaler_sim`` (function): the same simulator, reset before the test
  (objects, settings, faults, request log, activation, rate limits; tokens stay valid).
* ``zscaler_client`` (function): a ``ZscalerClient`` configured for it (skipped when
  ``zscaler.oneapi_client`` cannot be imported).
* ``zscaler_async_client`` (function): an ``AsyncZscalerClient`` for it, entered with
  ``async with`` (an anyio async fixture: ``@pytest.mark.anyio`` tests, ``anyio_backend``).
* ``zscaler_env`` (function): the ``ZSCALER_*`` environment variables pointing at it
  (``sim.environ()``), set for the test only, for code that builds its own client from the
  environment.

Importing this module is cheap: the simulator is only imported when a fixture is used.
"""

from __future__ import annotations

from typing import Any

import pytest


@pytest.fixture(scope="session")
def zscaler_simulator() -> Any:
    """One simulator running on a free loopback port for the whole session (not reset between
    tests; prefer ``zscaler_sim``). Stopped at the end of the session."""
    from zscaler.simulator import Simulator

    sim = Simulator()
    sim.start()
    try:
        yield sim
    finally:
        sim.close()


@pytest.fixture
def zscaler_sim(zscaler_simulator: Any) -> Any:
    """The session's simulator, reset before the test: the default tenant's objects only, no
    faults, an empty request log; issued tokens stay valid."""
    zscaler_simulator.reset()
    yield zscaler_simulator


@pytest.fixture
def zscaler_client(zscaler_sim: Any) -> Any:
    """A ``ZscalerClient`` configured for ``zscaler_sim`` (``sim.oneapi_config()``), closed after
    the test; the test is skipped when ``zscaler.oneapi_client`` cannot be imported."""
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


@pytest.fixture
async def zscaler_async_client(zscaler_sim: Any, anyio_backend: Any) -> Any:
    """An ``AsyncZscalerClient`` configured for ``zscaler_sim``, entered (``async with``: closed and
    its ZIA/ZTW changes activated after the test). An async fixture run by anyio's pytest plugin
    (``@pytest.mark.anyio`` tests; ``anyio_backend`` is ``"asyncio"``, the one the client supports)."""
    from zscaler.aio import AsyncZscalerClient

    async with AsyncZscalerClient(zscaler_sim.oneapi_config()) as client:
        yield client


@pytest.fixture
def zscaler_env(zscaler_sim: Any, monkeypatch: Any) -> Any:
    """The ``ZSCALER_*`` environment variables of ``zscaler_sim`` (``sim.environ()``: client id and
    secret, vanity domain, customer id, API base URL, token URL, sandbox) set for this test only,
    so code that builds ``ZscalerClient()`` from the environment talks to the simulator. Other
    ``ZSCALER_*`` variables are removed for the test. Yields the dict of what was set."""
    import os

    for name in [n for n in os.environ if n.startswith("ZSCALER_")]:
        monkeypatch.delenv(name)
    env = zscaler_sim.environ()
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    yield env
