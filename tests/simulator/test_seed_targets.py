"""``sim.seed(product, resource)`` writes into the collection the resource's list operation reads.

For every listable resource of every installed catalog: seed a few items, call the resource's
primary list operation over real HTTP and find every seeded id in the answer.
"""

from __future__ import annotations

import re

import httpx
import pytest

from zscaler.simulator import Simulator
from zscaler.simulator.routes import split_template
from zscaler.simulator.seeding import list_op

from simhelpers import get_token

N = 3


def _listable() -> list[tuple[str, str]]:
    with Simulator(tenant="empty") as sim:
        return [(p, r.attribute) for p, prod in sim.products.items() for r in prod.resources if list_op(r) is not None]


LISTABLE = _listable()


@pytest.fixture(scope="module")
def seeded_sim():
    with Simulator(tenant="empty") as s:
        with httpx.Client(base_url=s.url, timeout=10) as c:
            c.headers["Authorization"] = "Bearer " + get_token(s, c)
            yield s, c


def _ids(body, id_field: str) -> set[str]:
    """Every ``id_field`` value of every object anywhere in a JSON answer (any paging envelope)."""
    out: set[str] = set()
    stack = [body]
    while stack:
        x = stack.pop()
        if isinstance(x, dict):
            if id_field in x:
                out.add(str(x[id_field]))
            stack.extend(x.values())
        elif isinstance(x, list):
            stack.extend(x)
    return out


def test_there_are_many_listable_resources():
    assert len(LISTABLE) > 150
    assert ("zdx", "devices") in LISTABLE and ("zpa", "application_segment") in LISTABLE


@pytest.mark.parametrize("product,resource", LISTABLE, ids=[f"{p}.{r}" for p, r in LISTABLE])
def test_seeded_items_are_listed_by_the_resource_list_op(seeded_sim, product, resource):
    sim, api = seeded_sim
    sim.reset()
    res = sim.products[product].resource(resource)
    lop = list_op(res)
    template = split_template(lop.path)[0]
    params = {n: f"p{i}" for i, n in enumerate(re.findall(r"{(\w+)}", template)) if n != "customerId"}
    seeded = sim.seed(product, resource, N, params or None)
    id_field = res.id_field or "id"
    path = template.replace("{customerId}", str(sim.customer_id))
    for name, value in params.items():
        path = path.replace("{" + name + "}", value)
    r = api.get(path)
    assert r.status_code == 200, (lop.name, path, r.text[:300])
    assert {str(o[id_field]) for o in seeded} <= _ids(r.json(), id_field), (lop.name, path, r.text[:300])


@pytest.mark.parametrize("product,resource,suffix", [
    ("zpa", "application_segment", "/application"),
    ("zpa", "microtenants", "/microtenants"),
    ("zia", "locations", "/zia/api/v1/locations"),
    ("zdx", "devices", "/zdx/v1/devices"),
])
def test_the_issue_examples_seed_their_collection(product, resource, suffix):
    with Simulator() as sim:  # the default tenant: predefined items stay, the seeded ones join them
        seeded = sim.seed(product, resource, 2)
        path = split_template(list_op(sim.products[product].resource(resource)).path)[0]
        assert path.endswith(suffix)
        path = path.replace("{customerId}", str(sim.customer_id))
        stored = {str(o.get("id")) for o in sim.items(path)}
        assert {str(o["id"]) for o in seeded} <= stored
