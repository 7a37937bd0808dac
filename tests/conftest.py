"""Shared fixtures: one simulator for the session, reset before each test."""

from __future__ import annotations

import pytest

from zscaler.simulator import Simulator

from helpers import FAST_RETRY, stale_listing_texts


@pytest.fixture(scope="session")
def simulator():
    with Simulator() as s:
        yield s


@pytest.fixture
def sim(simulator):
    simulator.reset()
    simulator.clear_faults()
    simulator.clear_requests()
    yield simulator
    simulator.clear_faults()
    assert stale_listing_texts(simulator) == [], "a stored object changed without the store"


@pytest.fixture
def client(sim):
    from zscaler import ZscalerClient

    c = ZscalerClient(sim.oneapi_config(**FAST_RETRY))
    yield c
    c.close()


@pytest.fixture(autouse=True)
def _fresh_shared_tokens():
    """Each test starts without OAuth tokens shared from earlier tests (token counts stay per test)."""
    from zscaler.auth.oneapi import forget_shared_tokens

    forget_shared_tokens()
    yield
