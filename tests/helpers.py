"""Helpers shared by the tests (import as `from helpers import ...`)."""

FAST_RETRY = {"rateLimit": {"backoffBase": 0.01, "backoffMax": 0.05, "editLockBase": 0.01}}


def api_requests(sim, path_part=""):
    """Requests the simulator received, control and token calls excluded."""
    return [r for r in sim.requests if not r.path.startswith("/_sim") and "/oauth2/" not in r.path
            and path_part in r.path]


def token_requests(sim):
    return [r for r in sim.requests if r.path.endswith("/oauth2/v1/token")]


def stale_listing_texts(sim) -> list[str]:
    """The listing texts a simulator keeps (``Collection.answers``) that no longer encode their stored
    object as the route answers it: what a behaviour changing a stored dict in place, bypassing the
    store, would cause. The ``sim`` fixture checks it after every test, so the whole suite guards the
    rule the texts rely on."""
    from zscaler.simulator.behaviors.represent import route_plan
    from zscaler.simulator.wire import dumps_text

    engine = sim.engine
    routes = {(r.product, r.verb, r.template): r for r in engine.router.routes}
    stale = []
    with engine.lock:
        for key, coll in engine.store.collections.items():
            for (product, verb, template, _model), texts in coll.answers.items():
                if not texts:
                    continue
                plan = route_plan(engine, routes[(product, verb, template)])
                for obj in coll.values():
                    text = texts.get(id(obj))
                    if text is not None and text != dumps_text(plan.apply(obj) if plan is not None else obj):
                        stale.append(f"{verb} {key}: {obj.get('id')}")
    return stale
