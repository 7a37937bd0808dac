"""The ``zscaler`` command: root options, the lazy product groups, ``demo`` and ``sim``.

Nothing product-specific is imported until a product command is asked for, so
``zscaler --help`` and shell completion of the first word stay fast.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Any

from .._install_check import refuse_mixed_install

try:  # before anything that imports the rest of the package, which a mixed install breaks
    refuse_mixed_install()
except ImportError as _mixed:
    sys.stderr.write(f"zscaler: {str(_mixed).removeprefix('import zscaler: ')}\n")
    raise SystemExit(2) from None

import click  # noqa: E402 - after the install check

from .. import __version__
from . import exits
from .auth import register as register_auth
from .tenant import register as register_tenant
from .commands import ProductGroup, SuggestingGroup
from .session import LEGACY_PRODUCTS, PROFILE_ENV, ProfileError, Session

OUTPUT_ENV = "ZSCALER_OUTPUT"


@dataclass
class State:
    """Root options, shared with every sub-command through ``ctx.obj``."""

    session: Session = field(default_factory=Session)
    output: str | None = None
    query: str | None = None
    no_color: bool = False

    def color(self) -> bool:
        if self.no_color or os.environ.get("NO_COLOR"):
            return False
        try:
            return sys.stdout.isatty()
        except (AttributeError, ValueError):
            return False


def state_of(ctx: click.Context) -> State:
    root = ctx.find_root()
    if not isinstance(root.obj, State):
        root.obj = State()
    return root.obj


def _products() -> list[str]:
    from .. import catalog

    return list(catalog.products())


class RootGroup(SuggestingGroup):
    """Products first (generated from the catalog), then the built-in commands."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return _products() + sorted(super().list_commands(ctx))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        builtin = super().get_command(ctx, name)
        if builtin is not None:
            return builtin
        from .. import catalog

        product = catalog.properties().get(name)  # a product, or a hidden alias (the client's properties)
        if product is not None:
            title = catalog.facts(product).title  # read without importing the catalog
            return ProductGroup(product, name=name, hidden=name != product,
                                help=f"{title}: resources of the '{product}' catalog (client.{product}.<resource>).",
                                short_help=title)
        return None

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, self._hoist(ctx, list(args)))

    def _hoist(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Root options given after the product or another command group (``zscaler zpa
        segment-groups list --no-color``, ``zscaler auth status -o json``) move in front of it,
        unless the operation has an option of that name."""
        takes_value = ROOT_VALUED | {"-o", "--output", "--query"}
        at = next((i for i, a in enumerate(args) if not a.startswith("-") and (i == 0 or args[i - 1] not in takes_value)),
                  None)
        if at is None or not isinstance(self.get_command(ctx, args[at]), click.Group):  # products, auth
            return args
        taken = _leaf_options(self, ctx, args[at:])
        front, rest, i = args[:at], [], at
        while i < len(args):
            a = args[i]
            if a == "--":
                rest += args[i:]
                break
            flag = a.split("=", 1)[0]
            if flag in ROOT_FLAGS | takes_value and flag not in taken:
                width = 2 if flag in takes_value and "=" not in a else 1
                front += args[i:i + width]
                i += width
                continue
            rest.append(a)
            i += 1
        return front + rest

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        products: list[tuple[str, str]] = []
        builtins: list[tuple[str, str]] = []
        for name in self.list_commands(ctx):
            cmd = self.get_command(ctx, name)
            if cmd is None or cmd.hidden:
                continue
            row = (name, cmd.get_short_help_str(limit=formatter.width - 24))
            (products if isinstance(cmd, ProductGroup) else builtins).append(row)
        with formatter.section("Products"):
            formatter.write_dl(products)
        if builtins:
            with formatter.section("Commands"):
                formatter.write_dl(builtins)


ROOT_FLAGS = frozenset({"--sim", "--no-color", "--no-activate", "--debug"})
ROOT_VALUED = frozenset({"--profile", "--legacy", "--sim-seed"})


def _leaf_options(root: click.Group, ctx: click.Context, args: list[str]) -> set[str]:
    """The option names of the command ``args`` (product, resource, operation ...) names, if any."""
    words = [a for a in args if not a.startswith("-")][:3]
    cmd: Any = root
    try:
        for w in words:
            if not isinstance(cmd, click.Group):
                break
            cmd = cmd.get_command(ctx, w)
            if cmd is None:
                return set()
    except Exception:  # noqa: BLE001 - a misspelt name fails later, with its own message
        return set()
    return {o for p in getattr(cmd, "params", []) for o in getattr(p, "opts", [])}


EPILOG = """\b
Examples:
  zscaler demo                                   a tour against the embedded simulator
  zscaler --sim zpa segment-groups list          any command, against a seeded simulator
  zscaler zpa segment-groups list --all -o json  every page, as JSON
  zscaler --profile prod zia rule-labels list --query '[].name'

Credentials come from the same places as the SDK's: ZSCALER_* environment variables,
./zscaler.yaml and ~/.zscaler/zscaler.yaml (zscaler.client), or a named profile
(zscaler.profiles.NAME). Exit codes: 0 ok, 2 usage, 3 API error, 4 authentication,
5 connection. See docs/cli.md.
"""


@click.group(cls=RootGroup, epilog=EPILOG, context_settings={"help_option_names": ["-h", "--help"],
                                                            "max_content_width": 100})
@click.version_option(__version__, "--version", prog_name="zscaler", message="%(prog)s %(version)s")
@click.option("--profile", envvar=PROFILE_ENV, metavar="NAME",
              help=f"Use zscaler.profiles.NAME of ./zscaler.yaml or ~/.zscaler/zscaler.yaml (env {PROFILE_ENV}).")
@click.option("--legacy", type=click.Choice(LEGACY_PRODUCTS), metavar="PRODUCT",
              help="Use the legacy client of PRODUCT (" + "|".join(LEGACY_PRODUCTS) + "), keys from its environment "
                   "variables (ZIA_USERNAME, ZPA_CLIENT_ID, ...).")
@click.option("--sim", is_flag=True, help="Run against an embedded simulator seeded with a few objects of the resource.")
@click.option("--sim-seed", type=click.IntRange(0), default=5, show_default=True, metavar="N",
              help="With --sim: how many objects of the resource to seed.")
@click.option("-o", "--output", type=click.Choice(["json", "yaml", "csv", "table"]), envvar=OUTPUT_ENV,
              help=f"Output format (default: table on a terminal, json otherwise; env {OUTPUT_ENV}).")
@click.option("--query", metavar="EXPR", help="JMESPath expression over the JSON output (wire keys).")
@click.option("--no-color", is_flag=True, help="No colors (also when NO_COLOR is set).")
@click.option("--no-activate", is_flag=True,
              help="Do not activate ZIA/ZTW changes when the command ends (they stay staged).")
@click.option("--debug", is_flag=True, help="Log every request (redacted) and show tracebacks.")
@click.pass_context
def cli(ctx: click.Context, profile: str | None, legacy: str | None, sim: bool, sim_seed: int, output: str | None,
        query: str | None, no_color: bool, no_activate: bool, debug: bool) -> None:
    """The Zscaler command line: every SDK method as `zscaler <product> <resource> <operation>`.

    Commands are generated from the SDK's catalog: resources are the client attributes in
    kebab-case (segment_groups -> segment-groups), operations the method's first word when it is
    unique (list, get, add, update, delete), else the whole method name (get-provisioning-key-by-zcomponent).
    """
    st = state_of(ctx)
    st.output, st.query, st.no_color = output, query, no_color
    s = st.session
    s.profile, s.legacy, s.sim, s.sim_seed, s.activate, s.debug = profile, legacy, sim, sim_seed, not no_activate, debug
    if profile and not sim:
        try:
            from .session import load_profile

            load_profile(profile)  # fail early, as a usage error, when the profile does not exist
        except ProfileError as e:
            raise click.BadParameter(str(e), param_hint="--profile") from None
        except Exception as e:  # noqa: BLE001 - unreadable YAML
            raise click.BadParameter(str(e), param_hint="--profile") from None
    ctx.call_on_close(s.close)


register_auth(cli)
register_tenant(cli)


@cli.command("demo")
@click.option("--quiet", "-q", is_flag=True, help="Print only failures and the summary.")
@click.option("--no-color", "no_color_local", is_flag=True, help="No colors.")
@click.pass_context
def demo_command(ctx: click.Context, quiet: bool, no_color_local: bool) -> None:
    """A tour of the SDK against an embedded simulator (no tenant, no credentials, no network)."""
    from .demo import run_demo

    st = state_of(ctx)
    color = st.color() and not no_color_local
    code = run_demo(quiet=quiet, color=color)
    ctx.exit(code)


@cli.command("sim", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.option("--host", help="Address to bind (default 127.0.0.1, loopback only).")
@click.option("--port", type=int, help="Port (default 8080; 0 picks a free one).")
@click.option("--db", metavar="PATH", help="SQLite file: state survives restarts (default: in memory).")
@click.pass_context
def sim_command(ctx: click.Context, host: str | None, port: int | None, db: str | None) -> None:
    """Run the simulator until interrupted (same as `python -m zscaler.simulator`).

    Other options (--token-lifetime, --latency 40ms, --rate-limit 50/s or zia=20, --endpoint-limit,
    --json ...) are passed through.
    """
    from ..simulator.__main__ import main as sim_main

    argv: list[str] = []
    if host is not None:
        argv += ["--host", host]
    if port is not None:
        argv += ["--port", str(port)]
    if db is not None:
        argv += ["--db", db]
    argv += list(ctx.args)
    try:
        code = sim_main(argv)
    except SystemExit as e:  # argparse usage errors
        code = e.code if isinstance(e.code, int) else exits.USAGE
    ctx.exit(code or 0)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point (``zscaler``)."""
    try:
        cli.main(args=argv, prog_name="zscaler", complete_var="_ZSCALER_COMPLETE")
    except KeyboardInterrupt:  # pragma: no cover - interactive
        click.echo("interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # pragma: no cover - `zscaler ... | head`
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at interpreter exit
        finally:
            sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
