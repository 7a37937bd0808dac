"""ZIdentity behaviours of the simulator: group membership.

Members of a group live in the collection ``/ziam/admin/api/v1/groups/<gid>/users`` (one copy
of the user record each), so the generic list of that path pages like every ZIdentity
listing. Adding accepts one user (``POST .../users/{user_id}``) or a bare array
``[{"id": ...}]``; ``PUT .../users`` replaces the membership; ``GET /users/{user_id}/groups``
is computed from the memberships.

Listings of users and groups honour ZIdentity filters: ``<field>[like]=text`` (case-insensitive
substring, ``loginName[like]=jdoe``), ``<field>=value`` for the record fields ``loginName``,
``displayName``, ``primaryEmail``, ``name``, ``status``, and ``excludeDynamicGroups=true``.
"""

from __future__ import annotations

from typing import Any

from ... import paging
from . import behavior

V1 = "/ziam/admin/api/v1"
GROUPS = V1 + "/groups"
USERS = V1 + "/users"


def _members_key(group_id: str) -> str:
    return f"{GROUPS}/{group_id}/users"


def _group(engine: Any, group_id: str) -> dict[str, Any] | None:
    coll = engine.store.collection(GROUPS)
    return coll.items.get(str(group_id)) if coll is not None else None


def _member(engine: Any, user_id: str) -> dict[str, Any]:
    coll = engine.store.collection(USERS)
    user = coll.items.get(str(user_id)) if coll is not None else None
    return dict(user) if user is not None else {"id": user_id}


def _ids(engine: Any, ctx: Any) -> list[str] | None:
    """User ids of a membership body: ``[{"id": ...}]``, ``["id", ...]`` or ``{"id": [...]}``."""
    body = ctx.json()
    if isinstance(body, dict):
        body = body.get("id") or body.get("ids") or body.get("userIds")
    if not isinstance(body, list):
        return None
    out = []
    for entry in body:
        oid = entry.get("id") if isinstance(entry, dict) else entry
        if oid in (None, ""):
            return None
        out.append(str(oid))
    return out


FILTER_FIELDS = ("loginName", "displayName", "primaryEmail", "name", "status", "source")


def _filtered(ctx: Any, items: list[Any]) -> list[Any]:
    for key, values in ctx.query.items():
        value = str(values[-1]).lower()
        if key.endswith("[like]"):
            field = key[:-6]
            items = [o for o in items if value in str(o.get(field) or "").lower()]
        elif key in FILTER_FIELDS:
            items = [o for o in items if str(o.get(key) or "").lower() == value]
        elif key == "excludeDynamicGroups" and value == "true":
            items = [o for o in items if not o.get("isDynamicGroup") and not o.get("dynamicGroup")]
        elif key == "search":
            items = [o for o in items if value in str(o.get("name") or o.get("loginName") or "").lower()]
    return items


def _page(engine: Any, ctx: Any, items: list[Any]) -> object:
    host = ctx.req.headers.get("host")
    page = paging.style("ziam").serve(items, ctx.query, base_url=f"http://{host}", path=ctx.req.path)
    return engine.json_response(200, page)


@behavior("zid", "POST", GROUPS + "/{group_id}/users/{user_id}")
def add_member(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    gid, uid = params["group_id"], params["user_id"]
    group = _group(engine, gid)
    if group is None:
        return engine.error(ctx, 404, f"group {gid} not found")
    engine.store.insert(_members_key(gid), str(uid), _member(engine, uid), "zid")
    return engine.json_response(200, group)


def _set_members(engine: Any, ctx: Any, gid: str, replace: bool) -> Any:
    """Add (POST) or replace (PUT) a group's members from a body ``[{"id": ...}, ...]``."""
    group = _group(engine, gid)
    if group is None:
        return engine.error(ctx, 404, f"group {gid} not found")
    ids = _ids(engine, ctx)
    if ids is None:
        return engine.error(ctx, 400, 'body must be an array of {"id": "<user id>"}')
    key = _members_key(gid)
    coll = engine.store.collection(key)
    if replace and coll is not None:
        for old in [k for k in coll.items if k not in ids]:
            engine.store.delete(key, old)
    for uid in ids:
        engine.store.insert(key, uid, _member(engine, uid), "zid")
    return engine.json_response(200, group)


@behavior("zid", "POST", GROUPS + "/{group_id}/users")
def add_members(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _set_members(engine, ctx, params["group_id"], replace=False)


@behavior("zid", "PUT", GROUPS + "/{group_id}/users")
def replace_members(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    return _set_members(engine, ctx, params["group_id"], replace=True)


@behavior("zid", "GET", GROUPS + "/{group_id}/users")
def list_members(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    gid = params["group_id"]
    if _group(engine, gid) is None:
        return engine.error(ctx, 404, f"group {gid} not found")
    members = engine.store.collection(_members_key(gid))
    return _page(engine, ctx, _filtered(ctx, members.values() if members is not None else []))


@behavior("zid", "GET", USERS + "/{user_id}/groups")
def list_user_groups(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
    uid = params["user_id"]
    groups = engine.store.collection(GROUPS)
    found = []
    for gid, group in (groups.items.items() if groups is not None else ()):
        members = engine.store.collection(_members_key(gid))
        if members is not None and uid in members.items:
            found.append(group)
    return _page(engine, ctx, found)



def _listing(collection: str) -> Any:
    @behavior("zid", "GET", collection)
    def handler(engine: Any, ctx: Any, route: Any, params: Any) -> Any:
        coll = engine.store.collection(collection)
        return _page(engine, ctx, _filtered(ctx, coll.values() if coll is not None else []))

    return handler


list_users = _listing(USERS)
list_groups = _listing(GROUPS)
