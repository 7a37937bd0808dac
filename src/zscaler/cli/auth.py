"""``zscaler auth status`` (who am I: client, tenant, cloud, token expiry) and ``zscaler configure``."""

from __future__ import annotations

import os
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import click

#: the keys ``zscaler configure`` asks for: (key, prompt, secret, required)
PROMPTS = (("clientId", "API client id", False, True),
           ("clientSecret", "API client secret", True, True),
           ("vanityDomain", "Vanity domain (ZIdentity tenant name)", False, True),
           ("cloud", "Cloud (empty for production; beta, gov, ...)", False, False),
           ("customerId", "ZPA customer id (empty if you do not use ZPA)", False, False))


def status_fields(client: Any) -> dict[str, Any]:
    """What ``auth status`` shows of a OneAPI client after fetching its token: never the token."""
    s = client._settings
    provider = client._executor.provider
    fields: dict[str, Any] = {"clientId": s.get("clientId"), "vanityDomain": s.get("vanityDomain"),
                              "cloud": s.get("cloud") or "production", "customerId": s.get("customerId"),
                              "apiBaseUrl": client._executor.base_url}
    if provider is None:
        return {**fields, "token": "none (sandbox-only configuration)"}
    client.authenticate()
    left = provider.expires_at - provider._clock()
    expiry = datetime.fromtimestamp(time.time() + left, tz=timezone.utc).replace(microsecond=0)
    fields.update({"tokenUrl": provider.token_url, "token": "valid",
                   "tokenExpires": expiry.isoformat().replace("+00:00", "Z"), "tokenExpiresIn": f"{int(left)} s"})
    fields["sources"] = {k: s.sources[k] for k in ("clientId", "vanityDomain", "customerId") if k in s.sources}
    return {k: v for k, v in fields.items() if v is not None}


def register(cli: click.Group) -> None:
    @cli.group("auth")
    def auth_group() -> None:
        """Credentials: which API client, tenant and cloud a command would use."""

    @auth_group.command("status")
    @click.pass_context
    def status(ctx: click.Context) -> None:
        """Who am I: client id, tenant (vanity domain), cloud, token expiry. Fetches a token
        (with --profile, --sim and the usual configuration sources); never prints it."""
        from .commands import fail
        from .main import state_of
        from .output import default_format, render

        st = state_of(ctx)
        if st.session.legacy:
            raise click.UsageError("auth status describes the OneAPI client; drop --legacy")
        try:
            data = status_fields(st.session.client("zpa"))
        except Exception as e:  # noqa: BLE001 - every failure becomes an exit code and a hint
            fail(ctx, e, st.session.debug)
            return
        finally:
            st.session.close()
        click.echo(render(data, st.output or default_format(), color=st.color()))

    @cli.command("configure")
    @click.option("--profile", "name", default="default", show_default=True, help="Name of the profile to write.")
    @click.option("--file", "path", type=click.Path(dir_okay=False, path_type=Path),
                  help="YAML file to write (default: ~/.zscaler/zscaler.yaml).")
    def configure(name: str, path: Path | None) -> None:
        """Write a profile (zscaler.profiles.NAME) interactively; use it with --profile NAME or
        ZSCALER_PROFILE=NAME (the SDK reads it too). The file is written readable by you only."""
        path = path or Path.home() / ".zscaler" / "zscaler.yaml"
        values: dict[str, Any] = {}
        for key, prompt, secret, required in PROMPTS:
            value = click.prompt(prompt, default=None if required else "", hide_input=secret,
                                 show_default=False)
            if str(value).strip():
                values[key] = str(value).strip()
        write_profile(path, name, values)
        click.echo(f"Wrote profile '{name}' to {path}. Check it: zscaler --profile {name} auth status", err=True)


def write_profile(path: Path, name: str, values: dict[str, Any]) -> None:
    """Set ``zscaler.profiles.<name>`` of a YAML file to ``values``, keeping the rest; mode 0600."""
    import yaml

    data: dict[str, Any] = {}
    if path.is_file():
        loaded = yaml.safe_load(path.read_text()) or {}
        if not isinstance(loaded, dict):
            raise click.ClickException(f"{path}: not a YAML mapping; not overwriting it")
        data = loaded
    section = data.setdefault("zscaler", {})
    if not isinstance(section, dict):
        raise click.ClickException(f"{path}: 'zscaler' is not a mapping; not overwriting it")
    profiles = section.setdefault("profiles", {})
    if not isinstance(profiles, dict):
        raise click.ClickException(f"{path}: 'zscaler.profiles' is not a mapping; not overwriting it")
    profiles[name] = values
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as f:
        f.write(yaml.safe_dump(data, sort_keys=False))
    os.chmod(path, 0o600)
