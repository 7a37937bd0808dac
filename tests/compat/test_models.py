"""Model classes behave like the official ones for what scripts touch (core-behavior §5.6)."""

from __future__ import annotations

import copy
import pickle

import pytest

from zscaler.model import ZscalerObject, model_class


def test_constructing_the_official_way():
    from zscaler.zpa.models.segment_group import SegmentGroup

    assert SegmentGroup({"name": "x"}).name == "x"
    assert SegmentGroup().as_dict() == {"applications": []}
    assert SegmentGroup(name="y", config_space="DEFAULT").request_format() == {"name": "y", "configSpace": "DEFAULT"}
    assert model_class("zpa", "SegmentGroup") is SegmentGroup


def test_absent_list_fields_read_as_empty_lists_and_scalars_as_none():
    from zscaler.zpa.models.segment_group import SegmentGroup

    g = SegmentGroup({"name": "x"})
    assert g.applications == [] and g.description is None
    g.applications = [{"id": "1"}]  # assignment writes to the record
    assert g.request_format() == {"name": "x", "applications": [{"id": "1"}]}


def test_as_dict_has_the_official_defaults_at_every_depth_and_omits_none():
    from zscaler.zpa.models.segment_group import SegmentGroup

    g = SegmentGroup({"name": "x", "enabled": False, "description": None, "applications": [{"id": "7", "name": "a"}]})
    d = g.as_dict()
    assert d["name"] == "x" and d["enabled"] is False and "description" not in d
    app = d["applications"][0]
    assert app["id"] == "7" and app["server_groups"] == [] and app["domain_names"] == []  # ApplicationSegments defaults
    assert g.request_format() == {"name": "x", "enabled": False, "description": None,
                                  "applications": [{"id": "7", "name": "a"}]}  # what is sent back: unchanged


def test_nested_records_are_their_declared_classes_and_write_through():
    from zscaler.zpa.models.application_segment import ApplicationSegments
    from zscaler.zpa.models.segment_group import SegmentGroup

    g = SegmentGroup({"applications": [{"id": "7"}]})
    app = g.applications[0]
    assert isinstance(app, ApplicationSegments) and app.server_groups == []
    app.name = "renamed"
    assert g.request_format()["applications"][0]["name"] == "renamed"


def test_vars_and_dunder_dict_list_every_declared_field():
    from zscaler.zpa.models.segment_group import SegmentGroup

    g = SegmentGroup({"name": "x", "extraKey": 1})
    v = vars(g)
    assert v == g.__dict__
    assert v["name"] == "x" and v["applications"] == [] and v["description"] is None and v["extra_key"] == 1
    assert list(v)[:2] == ["id", "name"]  # declared order first


def test_unknown_attribute_raises_naming_it_and_the_nearest_known_one():
    from zscaler.zpa.models.segment_group import SegmentGroup

    g = SegmentGroup({"name": "x", "someExtra": 2})
    with pytest.raises(AttributeError, match=r"'SegmentGroup' object has no attribute 'nmae'; did you mean 'name'\?"):
        g.nmae
    with pytest.raises(AttributeError, match="did you mean 'some_extra'"):  # keys present in the data are known
        g.some_extr
    assert g.some_extra == 2
    assert getattr(g, "nmae", "default") == "default" and not hasattr(g, "nmae")


def test_a_plain_zscaler_object_has_no_schema_and_reads_none():
    o = ZscalerObject({"name": "x"})
    assert o.anything is None and o.name == "x" and vars(o) == {"name": "x"}


def test_a_declared_field_under_another_wire_key_is_read():
    cls = model_class("zpa", "AdministratorController")  # group_id is read from groupIds
    assert cls({"groupIds": ["1", "2"]}).group_id == ["1", "2"]
    assert cls({}).group_id == []


def test_same_name_two_products_two_schemas():
    zia, ztw = model_class("zia", "AdminRoles"), model_class("ztw", "AdminRoles")
    assert zia is not ztw and isinstance(zia({}), ZscalerObject)
    with pytest.raises(AttributeError):
        zia({}).definitely_not_a_field


def test_repr_still_masks_secrets():
    key = model_class("zpa", "ProvisioningKey")({"name": "k", "provisioningKey": "3|abc-secret-key"})
    assert "abc-secret-key" not in repr(key) and "abc-secret-key" not in str(key)
    assert key.provisioning_key == "3|abc-secret-key"


def test_copy_deepcopy_and_pickle_keep_class_and_data():
    from zscaler.zpa.models.segment_group import SegmentGroup

    g = SegmentGroup({"name": "x", "applications": [{"id": "1"}]})
    for other in (copy.copy(g), copy.deepcopy(g), pickle.loads(pickle.dumps(g))):
        assert type(other) is SegmentGroup and other == g
    deep = copy.deepcopy(g)
    deep.name = "changed"
    assert g.name == "x"


def test_graphql_enums_and_inputs():
    from zscaler.zins.models.enums import SortOrder
    from zscaler.zins.models.inputs import StringFilter
    from zscaler.zms.models.enums import AgentAdminStatus
    from zscaler.zms.models.inputs import ResourceQueryFilter, StringExpression

    assert AgentAdminStatus.ENABLED == "ENABLED" and AgentAdminStatus("DISABLED") is AgentAdminStatus.DISABLED
    assert isinstance(SortOrder.DESC, str)
    f = ResourceQueryFilter(name=StringExpression(equals="web"))
    assert f.as_dict() == {"name": {"equals": "web"}}
    assert StringFilter().as_dict() == {}


def test_client_results_are_the_official_classes(client, sim):
    from zscaler.zpa.models.segment_group import SegmentGroup

    client.zpa.segment_groups.add_group(name="g1", enabled=True)
    items, _, err = client.zpa.segment_groups.list_groups()
    assert err is None and len(items) == 1 and isinstance(items[0], SegmentGroup)
    assert items[0].applications == [] and items[0].as_dict()["applications"] == []
    with pytest.raises(AttributeError, match="nmae"):
        items[0].nmae


def test_a_misspelt_method_names_the_nearest_ones(client):
    with pytest.raises(AttributeError, match=r"no attribute 'list_grups'; did you mean 'list_groups'"):
        client.zpa.segment_groups.list_grups
    assert getattr(client.zpa.segment_groups, "nothing_like_it", None) is None
