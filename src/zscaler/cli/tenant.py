"""``zscaler export`` / ``diff`` / ``plan`` / ``apply``: the tenant as files (issue #21, docs/export.md).

Exit codes beside the CLI's own (:mod:`.exits`): ``6`` some resources could not be exported or some
records not applied (``errors.json`` / the failures printed), ``7`` drift found with
``--fail-on-drift``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

PARTIAL = 6  # some resources failed to export, or some records failed to apply
DRIFT = 7  # diff --fail-on-drift found changes


def _client(ctx: click.Context) -> Any:
    from .main import state_of

    s = state_of(ctx).session
    if s.legacy:
        raise click.UsageError("export, diff, plan and apply use the OneAPI client: drop --legacy")
    return s.client("zpa")


def _fail(ctx: click.Context, e: BaseException) -> None:
    """The CLI's error report (one line, a hint, the exit code of :mod:`.exits`)."""
    from .commands import fail
    from .main import state_of

    fail(ctx, e, debug=state_of(ctx).session.debug)


class _Bar:
    """One progress line per resource on stderr, only when stderr is a terminal."""

    def __init__(self) -> None:
        self.on = sys.stderr.isatty()

    def __call__(self, key: str, index: int, total: int, count: int, state: str) -> None:
        if not self.on:
            return
        width = 24
        filled = width * index // max(total, 1)
        line = f"\r[{'#' * filled}{'.' * (width - filled)}] {index}/{total} {key} {count} {state}"
        sys.stderr.write(line[:150].ljust(100) + ("\n" if state not in ("reading",) and index == total else ""))
        sys.stderr.flush()


def _secrets(pairs: tuple[str, ...], file: str | None) -> dict[str, str]:
    out: dict[str, str] = {}
    if file:
        try:
            loaded = json.loads(Path(file).read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise click.BadParameter(f"cannot read {file}: {exc}", param_hint="--secrets-file") from None
        if not isinstance(loaded, dict) or not all(isinstance(v, str) for v in loaded.values()):
            raise click.BadParameter("a JSON object of placeholder -> value strings is accepted",
                                     param_hint="--secrets-file")
        out.update(loaded)
    for p in pairs:
        key, sep, value = p.rpartition("=")
        if not sep or not key:
            raise click.BadParameter(f"{key or p!s:.40}...: use PLACEHOLDER=VALUE", param_hint="--secret")
        out[key] = value
    return out


def register(cli: click.Group) -> None:
    product_option = click.option("--product", "products", multiple=True, metavar="PRODUCT",
                                  help="Only this product (repeatable; default: every product with configuration).")

    @cli.command("export")
    @click.argument("directory", type=click.Path(file_okay=False))
    @product_option
    @RESOURCE
    @click.option("--cross-tenant", is_flag=True, help="Drop ids and write references by name (to apply elsewhere).")
    @click.option("--secrets", type=click.Choice(["placeholder", "omit", "keep"]), default="placeholder",
                  show_default=True, help="Secret fields: placeholders, left out, or kept in clear (not for git).")
    @click.pass_context
    def export_command(ctx: click.Context, directory: str, products: tuple[str, ...], only: tuple[str, ...],
                       cross_tenant: bool, secrets: str) -> None:
        """Export every readable resource of the tenant into DIRECTORY (one sorted JSON file each + manifest)."""
        from ..tools.exporter import export

        try:
            res = export(_client(ctx), directory, products or None, only=only or None, secrets=secrets,
                         mode="cross-tenant" if cross_tenant else "same-tenant", progress=_Bar())
        except Exception as e:  # noqa: BLE001 - classified into an exit code
            _fail(ctx, e)
            return
        ok = sum(1 for e in res.entries if e.status == "ok")
        click.echo(f"exported {ok} resource(s), {sum(e.count for e in res.entries)} record(s) to {directory}; "
                   f"{len(res.skipped)} skipped, {len(res.errors)} failed" +
                   (f" (see {directory}/errors.json)" if res.errors else ""))
        ctx.exit(PARTIAL if res.errors else 0)

    @cli.command("diff")
    @click.argument("a")
    @click.argument("b")
    @product_option
    @click.option("--ids", is_flag=True, help="Compare ids too (two same-tenant exports).")
    @click.option("--json", "as_json", is_flag=True, help="The JSON form (schema in docs/export.md); also -o json.")
    @click.option("--fail-on-drift", is_flag=True, help=f"Exit {DRIFT} when anything changed (for CI).")
    @click.pass_context
    def diff_command(ctx: click.Context, a: str, b: str, products: tuple[str, ...], ids: bool, as_json: bool,
                     fail_on_drift: bool) -> None:
        """What changed from A to B (export directories, or `live` for the configured tenant)."""
        from ..tools import diff
        from .main import state_of

        try:
            client = _client(ctx) if "live" in (a, b) else None
            d = diff(a, b, client, ids=ids, products=products or None)
        except Exception as e:  # noqa: BLE001
            _fail(ctx, e)
            return
        if as_json or state_of(ctx).output == "json":
            click.echo(json.dumps(d.as_json(), indent=2, sort_keys=True, ensure_ascii=False))
        else:
            click.echo(d.render(), nl=False)
        ctx.exit(DRIFT if fail_on_drift and d.drift else 0)

    _register_plan(cli)


RESOURCE = click.option("--resource", "only", multiple=True, metavar="KEY",
                        help="Only this resource file key, e.g. zpa/segment_groups (repeatable).")


def _register_plan(cli: click.Group) -> None:
    @cli.command("plan")
    @click.argument("directory", type=click.Path(exists=True, file_okay=False))
    @click.option("--prune", is_flag=True, help="Also delete what the tenant has and the export lacks.")
    @RESOURCE
    @click.pass_context
    def plan_command(ctx: click.Context, directory: str, prune: bool, only: tuple[str, ...]) -> None:
        """What `zscaler apply DIRECTORY` would change in the tenant, in order."""
        from ..tools import plan

        try:
            p = plan(_client(ctx), directory, prune=prune, only=only or None)
        except Exception as e:  # noqa: BLE001
            _fail(ctx, e)
            return
        click.echo(p.render(), nl=False)

    @cli.command("apply")
    @click.argument("directory", type=click.Path(exists=True, file_okay=False))
    @click.option("--prune", is_flag=True, help="Also delete what the tenant has and the export lacks.")
    @click.option("--secret", "secret_pairs", multiple=True, metavar="PLACEHOLDER=VALUE",
                  help="The value of a secret placeholder (repeatable; the placeholder with or without ${secret:...}).")
    @click.option("--secrets-file", metavar="FILE", help="A JSON object of placeholder -> value.")
    @RESOURCE
    @click.pass_context
    def apply_command(ctx: click.Context, directory: str, prune: bool, secret_pairs: tuple[str, ...],
                      secrets_file: str | None, only: tuple[str, ...]) -> None:
        """Make the tenant match the export in DIRECTORY (creates, updates, reorders; deletes with --prune)."""
        from ..tools import apply, plan

        secrets = _secrets(secret_pairs, secrets_file)
        try:
            client = _client(ctx)
            p = plan(client, directory, prune=prune, only=only or None)
            click.echo(p.render(), nl=False)
            res = apply(client, p, secrets=secrets)
        except Exception as e:  # noqa: BLE001
            _fail(ctx, e)
            return
        for action, why in res.failed:
            click.echo(f"failed: {action.describe().strip()}: {why}", err=True)
        click.echo(f"applied {len([a for a in res.done if a.kind != 'activate'])} change(s), "
                   f"{len(res.failed)} failed")
        ctx.exit(PARTIAL if res.failed else 0)
