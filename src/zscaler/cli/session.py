"""Building the client a command runs with: profiles, legacy clients, the embedded simulator."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import catalog

#: ``--legacy`` choices: the products with a legacy client (``Product.legacy``)
LEGACY_PRODUCTS = catalog.legacy_products()
PROFILE_ENV = "ZSCALER_PROFILE"


class ProfileError(Exception):
    """``--profile NAME`` names no profile (or the profile is not a mapping)."""


def config_files(cwd: Path | None = None, home: Path | None = None) -> list[Path]:
    """The YAML files the SDK reads, highest priority first (``./zscaler.yaml``, ``~/.zscaler/zscaler.yaml``)."""
    return [(cwd or Path.cwd()) / "zscaler.yaml", (home or Path.home()) / ".zscaler" / "zscaler.yaml"]


def _profiles_in(path: Path) -> dict[str, Any]:
    import yaml

    from ..errors import ConfigurationError

    try:
        data = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as e:
        raise ConfigurationError(f"{path}: not valid YAML ({e.__class__.__name__})") from None
    section = (data.get("zscaler") or {}).get("profiles") if isinstance(data, dict) and isinstance(
        data.get("zscaler"), dict) else None
    if section is None:
        return {}
    if not isinstance(section, dict):
        raise ConfigurationError(f"{path}: 'zscaler.profiles' must be a mapping of profile name -> keys")
    return section


def load_profile(name: str, cwd: Path | None = None, home: Path | None = None) -> dict[str, Any]:
    """The keys of profile ``name``: ``zscaler.profiles.<name>`` of ``./zscaler.yaml``, else of
    ``~/.zscaler/zscaler.yaml`` (the first file defining the profile wins; profiles are not merged)."""
    known: list[str] = []
    for path in config_files(cwd, home):
        if not path.is_file():
            continue
        profiles = _profiles_in(path)
        if name in profiles:
            value = profiles[name]
            if value is None:
                return {}
            if not isinstance(value, dict):
                raise ProfileError(f"{path}: profile '{name}' must be a mapping of configuration keys")
            return dict(value)
        known.extend(p for p in profiles if p not in known)
    files = " or ".join(str(p) for p in config_files(cwd, home))
    if known:
        raise ProfileError(f"no profile '{name}' (known profiles: {', '.join(known)})")
    raise ProfileError(f"no profile '{name}': define it under zscaler.profiles.{name} in {files}")


@dataclass
class Session:
    """What the root options chose. ``client()`` builds the client; ``close()`` ends everything."""

    profile: str | None = None
    legacy: str | None = None
    sim: bool = False
    sim_seed: int = 5
    activate: bool = True
    debug: bool = False
    simulator: Any = None
    _client: Any = None
    _closers: list[Any] = field(default_factory=list)

    def start_simulator(self) -> Any:
        if self.simulator is None:
            from ..simulator import Simulator

            self.simulator = Simulator().start()
            self._closers.append(self.simulator.close)
        return self.simulator

    def seed(self, product: str, attribute: str, params: dict[str, Any]) -> int:
        """Seed ``sim_seed`` objects of a resource in the embedded simulator; 0 when it cannot be seeded."""
        if not self.simulator or self.sim_seed <= 0:
            return 0
        try:
            return len(self.simulator.seed(product, attribute, self.sim_seed, params=params or None))
        except (ValueError, KeyError):
            return 0  # singletons, actions, collections needing values the command did not give

    def client_config(self) -> dict[str, Any]:
        cfg: dict[str, Any] = {}
        if self.profile:
            cfg.update(load_profile(self.profile))
        if self.sim:
            sim = self.start_simulator()
            if self.legacy:
                cfg = sim.legacy_config(self.legacy)
            else:
                # None masks what the environment or a YAML file may hold for this machine's real tenant
                cfg = {"privateKey": None, "microtenantId": None, "cloud": None, **sim.oneapi_config()}
        if self.debug:
            cfg.setdefault("logging", {"enabled": True, "verbose": True})
        return cfg

    def client(self, product: str) -> Any:
        """The client for one product's command (created once)."""
        if self._client is not None:
            return self._client
        cfg = self.client_config()
        if self.legacy:
            from .. import oneapi_client as oc

            if product != self.legacy:
                raise LegacyMismatch(f"--legacy {self.legacy} serves only '{self.legacy}' commands, not '{product}'")
            self._client = getattr(oc, catalog.legacy(self.legacy).client)(cfg)
        else:
            from ..oneapi_client import ZscalerClient

            # the profile is the one --profile / ZSCALER_PROFILE chose (already in cfg), or none with --sim
            self._client = ZscalerClient({**cfg, "profile": None})
        return self._client

    def close(self) -> None:
        client, self._client = self._client, None
        try:
            if client is not None:
                if self.activate:
                    client.__exit__(None, None, None)  # activates ZIA/ZTW changes, logs legacy sessions out
                else:
                    client.close()
        finally:
            while self._closers:
                self._closers.pop()()


class LegacyMismatch(Exception):
    """``--legacy X`` used with a command of another product."""


def env_profile() -> str | None:
    return os.environ.get(PROFILE_ENV) or None
