"""How the simulator is put together: a Simulator composes an Engine, behaviours must match a
catalog operation, and handlers hand Python values around (serialized once, at the edge)."""

from __future__ import annotations

import httpx
import pytest

from zscaler.simulator import Simulator, behaviors
from zscaler.simulator.engine import Engine
from zscaler.simulator.httpserver import UNSET, Request

from simhelpers import ZIA_TEST, get_token, zpa


@pytest.fixture
def registry():
    """Restore the behaviour registry after a test that registers one of its own."""
    behaviors.behaviors()  # load the product modules first, so the snapshot holds their behaviours
    saved = list(behaviors._REGISTRY)
    yield behaviors
    behaviors._REGISTRY[:] = saved


def test_a_behaviour_matching_no_catalog_operation_fails_at_load(registry):
    @registry.behavior("zpa", "GET", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGrup")
    def typo(engine, ctx, route, params):
        return engine.json_response(200, {})

    with pytest.raises(ValueError) as info:
        Engine(catalogs=["zpa"])
    message = str(info.value)
    assert "test_structure" in message and "typo" in message
    assert "GET /zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGrup" in message


def test_a_wire_only_behaviour_loads_and_is_served(registry):
    @registry.behavior("zpa", "GET", "/zpa/mgmtconfig/v1/admin/customers/{customerId}/notInCatalog", wire_only=True)
    def extra(engine, ctx, route, params):
        return engine.json_response(200, {"served": params["customerId"]})

    with Simulator(catalogs=["zpa"]) as sim:
        r = httpx.get(sim.url + zpa(sim, "/notInCatalog"), headers={"Authorization": "Bearer " + get_token(sim)})
    assert r.status_code == 200 and r.json() == {"served": sim.customer_id}


def test_stand_in_products_skip_behaviours_without_an_operation():
    engine = Engine(catalogs=False, products=[ZIA_TEST])
    served = {(r.verb, r.template) for r in engine.router.routes if r.handler is not None}
    assert ("GET", "/zia/api/v1/status") in served  # ZIA_TEST lists it
    assert not any("urlLookup" in t for _, t in served)  # the real catalog's, absent from the stand-in


def test_the_simulator_composes_an_engine():
    engine = Engine(catalogs=["zpa"], client_id="composed")
    with Simulator(engine=engine) as sim:
        assert sim.engine is engine and not isinstance(sim, Engine)
        assert sim.client_id == "composed" and sim.oneapi_config()["clientId"] == "composed"
        sim.seed("zpa", "segment_groups", 2)
        assert len(engine.items(zpa(sim, "/segmentGroup"))) == 2
    with pytest.raises(TypeError, match="client_id"):
        Simulator(engine=engine, client_id="twice")


def _request(sim, method: str, path: str, token: str) -> Request:
    return Request(method, path, path, "", "HTTP/1.1", {"authorization": "Bearer " + token},
                   [("Authorization", "Bearer " + token)], b"", ("127.0.0.1", 1))


def test_default_hands_behaviours_a_python_value_and_a_copy_to_change():
    """``engine.default`` answers a value (no bytes to parse again); ``copy_value`` is detached from the store."""
    with Simulator(catalogs=["zpa"]) as sim:
        (group,) = sim.seed("zpa", "segment_groups", 1)
        route, values = sim.router.match("GET", zpa(sim, f"/segmentGroup/{group['id']}"))
        ctx = sim.context(_request(sim, "GET", zpa(sim, f"/segmentGroup/{group['id']}"), get_token(sim)))
        ctx.product = "zpa"
        resp = sim.default(ctx, route, route.params(values))
        assert resp.body == b"" and resp.value["name"] == group["name"]
        changed = resp.copy_value()
        changed["name"] = "changed by a behaviour"
        assert sim.items(zpa(sim, "/segmentGroup"))[0]["name"] == group["name"]
        assert resp.serialize().value is UNSET and resp.body.count(group["name"].encode()) == 1


def test_handle_answers_serialized_bytes():
    with Simulator(catalogs=["zpa"]) as sim:
        sim.seed("zpa", "segment_groups", 1)
        resp = sim.handle(_request(sim, "GET", zpa(sim, "/segmentGroup"), get_token(sim)))
        assert resp.status == 200 and resp.value is UNSET and b'"totalCount":"1"' in resp.body
