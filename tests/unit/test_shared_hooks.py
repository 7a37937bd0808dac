import pytest

from zscaler.catalog.hooks import chain, enabled_to_state


class FakeCall:
    def __init__(self, body):
        self.body = body


@pytest.mark.parametrize("enabled,state", [(True, "ENABLED"), (False, "DISABLED")])
def test_enabled_becomes_state(enabled, state):
    call = FakeCall({"name": "r", "enabled": enabled})
    enabled_to_state(call)
    assert call.body == {"name": "r", "state": state}


def test_explicit_state_wins_and_bad_value_is_named():
    call = FakeCall({"enabled": False, "state": "ENABLED"})
    enabled_to_state(call)
    assert call.body == {"state": "ENABLED"}
    with pytest.raises(ValueError, match="enabled must be True or False"):
        enabled_to_state(FakeCall({"enabled": "yes"}))


def test_chain_runs_in_order():
    seen = []
    hook = chain(lambda c: seen.append(1), lambda c: seen.append(2))
    hook(FakeCall({}))
    assert seen == [1, 2]


def test_computed_placeholders_need_a_hook_and_are_not_arguments():
    from zscaler.catalog.hooks import computed
    from zscaler.catalog.spec import op

    with pytest.raises(ValueError, match="need a hook"):
        computed(op("get_rule", "GET", "/p/{set_id}/rule/{rule_id}", "rule_id"), "set_id")
    rec = computed(op("get_rule", "GET", "/p/{set_id}/rule/{rule_id}", "rule_id", hook=lambda c: None), "set_id")
    assert rec.placeholders() == ["rule_id"] and rec.computed == ("set_id",)
    with pytest.raises(ValueError, match="path slot"):
        op("x", "GET", "/p", "", hook=lambda c: None, computed=("set_id",))
