"""The IDE stubs are generated from the catalog and must not go stale."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _gen():
    spec = importlib.util.spec_from_file_location("gen_stubs", ROOT / "tools" / "gen_stubs.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules["gen_stubs"] = mod
    spec.loader.exec_module(mod)
    return mod


def test_stubs_are_up_to_date():
    stale = [p.name for p, text in _gen().expected().items() if not p.exists() or p.read_text() != text]
    assert stale == [], f"run: python tools/gen_stubs.py ({stale})"


def test_stub_declares_seed_methods():
    text = (ROOT / "src/zscaler-stubs/_stubs/zpa.pyi").read_text()
    assert ("def list_groups(self, query_params: Mapping[str, Any] | None = None)"
            " -> Result[list[zscaler.zpa.models.segment_group.SegmentGroup],"
            " zscaler.zpa.models.segment_group.SegmentGroup]:") in text
    assert "    segment_groups: SegmentGroupsAPI" in text
    # body fields: a TypedDict the method unpacks, typed from the model where the type is known
    assert "def add_group(self, **kwargs: Unpack[SegmentGroupsAddGroupBody])" in text
    assert "class SegmentGroupsAddGroupBody(TypedDict, total=False):" in text
    assert "    enabled: bool\n" in text


def test_stub_models_type_scalar_attributes():
    text = (ROOT / "src/zscaler-stubs/zpa/models/segment_group.pyi").read_text()
    assert "    name: str | None\n" in text and "    enabled: bool | None\n" in text
    assert "    applications: list[zscaler.zpa.models.application_segment.ApplicationSegments]\n" in text


def test_stub_methods_carry_the_runtime_docstring():
    """Hover in an editor shows the stub's docstring: the method's own ``__doc__`` (``help()``), with
    its arguments, body fields, result, endpoint and an example, for every method of a product."""
    import ast
    import inspect

    from zscaler import catalog
    from zscaler.binding import _class_name, resource_class

    tree = ast.parse((ROOT / "src/zscaler-stubs/_stubs/zpa.pyi").read_text())
    classes = {n.name: n for n in tree.body if isinstance(n, ast.ClassDef)}
    checked = 0
    for res in catalog.load("zpa").resources:
        stub = {n.name: n for n in classes[_class_name(res.attribute)].body if isinstance(n, ast.FunctionDef)}
        runtime = resource_class("zpa", res.attribute)
        for op in res.ops:
            assert ast.get_docstring(stub[op.name]) == inspect.cleandoc(getattr(runtime, op.name).__doc__), op.name
            checked += 1
    assert checked > 300
    doc = resource_class("zpa", "segment_groups").add_group.__doc__
    for part in ("Add group.", "Body fields", "enabled: bool", "Returns:", "Result[SegmentGroup]",
                 "POST /zpa/mgmtconfig/v1/admin/customers/{customerId}/segmentGroup", "Example::",
                 "client.zpa.segment_groups.add_group(name="):
        assert part in doc, part
    get_doc = resource_class("zpa", "segment_groups").get_group.__doc__
    assert "group_id (str | int): in the path" in get_doc and "query keys microtenant_id" in get_doc


def test_async_stub_methods_are_coroutines_with_the_runtime_docstring():
    """The async client's resource classes (``AsyncSegmentGroupsAPI``): ``async def``, ``AsyncResult``,
    and the docstring the async method carries at runtime."""
    import ast
    import inspect

    import pytest

    text = (ROOT / "src/zscaler-stubs/_stubs/zpa.pyi").read_text()
    tree = ast.parse(text)
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "AsyncSegmentGroupsAPI")
    method = next(n for n in cls.body if isinstance(n, ast.AsyncFunctionDef) and n.name == "list_groups")
    model = "zscaler.zpa.models.segment_group.SegmentGroup"
    assert ast.unparse(method.returns) == f"AsyncResult[list[{model}], {model}]"  # the response's items typed too
    assert "    segment_groups: AsyncSegmentGroupsAPI" in text
    aio = pytest.importorskip("zscaler.aio.binding")
    runtime = aio.async_resource_class("zpa", "segment_groups").list_groups
    assert inspect.iscoroutinefunction(runtime)
    assert ast.get_docstring(method) == inspect.cleandoc(runtime.__doc__)


def test_the_stub_result_model_is_the_class_the_client_wraps_with():
    """For every method typed ``Result[list[X]]``/``Result[X]``, ``X`` (module and name) is the class the
    client builds its items with, so ``isinstance(item, X)`` holds where the checker says ``X``."""
    import importlib

    from zscaler import catalog
    from zscaler.model import model_class

    gen = _gen()
    checked = 0
    for product in catalog.products():
        for res in catalog.load(product).resources:
            for op in res.ops:
                ref = gen.model_ref(product, op.model, res.attribute)
                if op.hook is not None or "." not in ref or op.result not in ("list", "object"):
                    continue
                module, name = ref.rsplit(".", 1)
                official = getattr(importlib.import_module(module), name)
                assert model_class(product, op.model, res.attribute) is official, (product, op.name)
                checked += 1
    assert checked > 800
