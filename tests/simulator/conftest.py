"""Fixtures of the simulator's own tests: everything goes over real loopback HTTP with httpx."""

from __future__ import annotations

import httpx
import pytest

from zscaler.simulator import Simulator

from simhelpers import PAGING_PRODUCTS, ZIA_TEST, ZTW_TEST, get_token


@pytest.fixture(scope="session")
def zsim_server():
    with Simulator(products=PAGING_PRODUCTS.values()) as s:
        yield s


@pytest.fixture
def zsim(zsim_server):
    zsim_server.reset()
    yield zsim_server
    zsim_server.reset()


@pytest.fixture
def api(zsim):
    """An httpx client with a OneAPI bearer token for the shared simulator."""
    with httpx.Client(base_url=zsim.url, timeout=10) as c:
        c.headers["Authorization"] = "Bearer " + get_token(zsim, c)
        yield c


@pytest.fixture(scope="module")
def zia_sim():
    """A simulator whose ZIA/ZTW are small test stand-ins (independent of the generated catalogs)."""
    with Simulator(catalogs=["zpa"], products=[ZIA_TEST, ZTW_TEST]) as s:
        yield s


@pytest.fixture
def zia_api(zia_sim):
    zia_sim.reset()
    with httpx.Client(base_url=zia_sim.url, timeout=10) as c:
        c.headers["Authorization"] = "Bearer " + get_token(zia_sim, c)
        yield c
