"""``Simulator``: the engine served over real HTTP on loopback, with ready client configs."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import threading
from typing import Any

from .. import catalog
from . import control, snapshot
from .engine import Engine
from .httpserver import HTTPServer, Limits, Request, Response

#: the products with a legacy client (``Product.legacy``), served under ``/_legacy/<product>``
LEGACY_PRODUCTS = catalog.legacy_products()


class Simulator:
    """An embedded Zscaler cloud: an :class:`Engine` served over HTTP on loopback.

    ``with Simulator() as sim:`` starts an HTTP server on 127.0.0.1 on a free port (in a
    background thread running an asyncio loop) and stops it on exit. ``start()`` and
    ``stop()`` do the same without ``with``; a restarted simulator listens on the same port.

    Keyword arguments other than the server's (``header_timeout``, ``idle_timeout``,
    ``limits``) configure the engine (see :class:`Engine`); every public attribute and method
    of the engine (``seed``, ``fault``, ``requests``, ``client_id`` ...) is one of the simulator.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        header_timeout: float | None = None,
        idle_timeout: float | None = None,
        limits: Limits | None = None,
        engine: Engine | None = None,
        load: str | os.PathLike[str] | None = None,
        **engine_options: Any,
    ):
        if engine is not None and engine_options:
            raise TypeError(f"give engine= or engine options, not both: {', '.join(sorted(engine_options))}")
        self.engine = engine if engine is not None else Engine(**engine_options)
        if load is not None:  # a saved state file, or a tenant export directory (the twin)
            self.load(load)
        limits = limits or Limits()
        self.limits = dataclasses.replace(
            limits,
            header_timeout=limits.header_timeout if header_timeout is None else float(header_timeout),
            idle_timeout=limits.idle_timeout if idle_timeout is None else float(idle_timeout),
        )
        self.host = host
        self.port = int(port)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._http: HTTPServer | None = None

    def __getattr__(self, name: str) -> Any:
        # only called for names the simulator itself lacks: the engine's state and methods
        if name.startswith("__") or name == "engine":
            raise AttributeError(name)
        return getattr(self.engine, name)

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | {n for n in dir(self.engine) if not n.startswith("_")})

    # -- lifecycle -------------------------------------------------------------------
    @property
    def url(self) -> str:
        host = self.host
        if host in ("0.0.0.0", ""):
            host = "127.0.0.1"
        elif host == "::":
            host = "::1"
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> "Simulator":
        if self.running:
            return self
        self.engine.reopen()
        ready = threading.Event()
        error: list[BaseException] = []
        loop = asyncio.new_event_loop()
        http = HTTPServer(self._handle, self.limits)

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                host, port = loop.run_until_complete(http.listen(self.host, self.port))
                self.port = port
            except BaseException as exc:  # bind errors go back to the caller
                error.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.run_until_complete(http.close())
                pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
                for t in pending:
                    t.cancel()
                if pending:
                    loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
                loop.close()

        thread = threading.Thread(target=run, name=f"zscaler-simulator:{self.port}", daemon=True)
        thread.start()
        ready.wait()
        if error:
            thread.join()
            raise error[0]
        self._thread, self._loop, self._http = thread, loop, http
        self.engine.base_url = self.url
        return self

    def _handle(self, req: Request) -> Response:
        """The engine's answer; ``GET /`` is the read-only HTML page (loopback clients only)."""
        if req.path == "/" and req.method == "GET":
            req.path = req.raw_path = "/_sim"
            return control.handle(self.engine, req)
        return self.engine.handle(req)

    def stop(self) -> None:
        """Stop serving (state stays in memory; with a database it is already on disk)."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        try:
            loop.call_soon_threadsafe(loop.stop)
        except RuntimeError:  # loop already closed
            pass
        thread.join(10)
        self._thread = self._loop = self._http = None

    def close(self) -> None:
        """Stop and release the database."""
        self.stop()
        with self.engine.lock:
            self.engine.store.close()

    def __enter__(self) -> "Simulator":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.close()

    async def __aenter__(self) -> "Simulator":
        """``async with Simulator() as sim:`` in async tests: starts it as ``with`` does (the
        simulator serves from its own thread and loop, so it never waits on the test's loop)."""
        return self.start()

    async def __aexit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "running" if self.running else "stopped"
        return f"<Simulator {self.url if self.port else '(not started)'} {state}>"

    # -- client configs --------------------------------------------------------------
    def oneapi_config(self, **overrides: Any) -> dict[str, Any]:
        """A ``ZscalerClient`` config pointing every base URL at the simulator.

        ``overrides`` are merged over the defaults; an override of ``None`` removes the key
        (``clientSecret=None, privateKey=sim.private_key_pem`` for JWT authentication).
        """
        cfg: dict[str, Any] = {
            "clientId": self.engine.client_id,
            "clientSecret": self.engine.client_secret,
            "vanityDomain": self.engine.vanity_domain,
            "customerId": self.engine.customer_id,
            "apiBaseUrl": self.url,
            "tokenUrl": self.url + "/oauth2/v1/token",
            "sandboxBaseUrl": self.url,
            "sandboxToken": self.engine.sandbox_token,
            "sandboxCloud": "zscalerbeta",
        }
        return _merge(cfg, overrides)

    def legacy_config(self, product: str, **overrides: Any) -> dict[str, Any]:
        """The config of one legacy client (any product of ``LEGACY_PRODUCTS``): the required keys of its
        ``Product.legacy`` with the simulator's credentials, its default cloud (else ``zscaler``), the
        Cloud Sandbox keys where it takes them, and ``override_url`` = ``<sim.url>/_legacy/<product>``."""
        product = product.lower()
        login = catalog.legacy(product)  # ValueError: no legacy client for it
        creds = self.engine.legacy_credentials.get(product, {})
        cfg: dict[str, Any] = {}
        for key in login.required:  # credentials: the engine's legacy ones, else its OneAPI ones (ZPA: clientId ...)
            value = creds.get(key, getattr(self.engine, _snake(key), None))
            if key != "cloud" and value is not None:
                cfg[key] = value
        cfg["cloud"] = login.defaults.get("cloud", "zscaler")
        if login.sandbox:
            cfg.update(sandboxToken=self.engine.sandbox_token, sandboxBaseUrl=self.url)
        cfg["override_url"] = f"{self.url}/_legacy/{product}"
        return _merge(cfg, overrides)

    def environ(self, **overrides: Any) -> dict[str, str]:
        """The ``ZSCALER_*`` environment variables that make ``ZscalerClient()`` (built from the
        environment, no config given) talk to this simulator: those of :meth:`oneapi_config`
        (client id and secret, vanity domain, customer id, API base URL, token URL, sandbox ...).
        ``overrides`` are config keys merged as in :meth:`oneapi_config`."""
        from ..config import KEY_BY_NAME

        out: dict[str, str] = {}
        for name, value in self.oneapi_config(**overrides).items():
            key = KEY_BY_NAME.get(name)
            if key is not None and key.env and value is not None:
                out[key.env[0]] = str(value)
        return out

    # -- whole state as a file -------------------------------------------------------
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the whole state (objects, settings, id counters, activation) to ``path`` as JSON."""
        snapshot.save(self.engine, path)

    def load(self, path: str | os.PathLike[str]) -> None:
        """Replace the whole state with the one :meth:`save` wrote to ``path`` (ValueError if it is not one),
        or, ``path`` being a directory, with a tenant export (``zscaler export``; the twin, ``twin.py``)."""
        if os.path.isdir(path):
            from .twin import load_export

            load_export(self.engine, path)
            return
        snapshot.load(self.engine, path)

    def info(self) -> dict[str, Any]:
        out = self.engine.info()
        out["url"] = self.url
        return out


def _snake(key: str) -> str:
    return "".join(f"_{ch.lower()}" if ch.isupper() else ch for ch in key)


def _merge(cfg: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    for k, v in overrides.items():
        if v is None:
            cfg.pop(k, None)
        else:
            cfg[k] = v
    return cfg
