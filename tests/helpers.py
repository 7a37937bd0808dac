"""Helpers shared by the tests (import as `from helpers import ...`)."""

FAST_RETRY = {"rateLimit": {"backoffBase": 0.01, "backoffMax": 0.05, "editLockBase": 0.01}}


def api_requests(sim, path_part=""):
    """Requests the simulator received, control and token calls excluded."""
    return [r for r in sim.requests if not r.path.startswith("/_sim") and "/oauth2/" not in r.path
            and path_part in r.path]


def token_requests(sim):
    return [r for r in sim.requests if r.path.endswith("/oauth2/v1/token")]
