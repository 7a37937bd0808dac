"""``python -m zscaler.simulator``: run the simulated Zscaler cloud until interrupted."""

from __future__ import annotations

from typing import Any

import argparse
import json
import os
import shlex
import signal
import sys
import threading

from .core import LEGACY_PRODUCTS, Simulator


def _rate(text: str) -> tuple[str, float]:
    product, sep, value = text.partition("=")
    if not sep:
        raise argparse.ArgumentTypeError("use PRODUCT=PER_SECOND, e.g. zia=20")
    return product.strip(), float(value)


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m zscaler.simulator",
        description="Run the embedded Zscaler cloud simulator (OneAPI, legacy APIs, control API under /_sim/).",
    )
    ap.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1, loopback only)")
    ap.add_argument("--port", type=int, default=8080, help="port (default 8080; 0 picks a free one, printed)")
    ap.add_argument("--db", metavar="PATH", help="SQLite file: state survives restarts (default: in memory)")
    ap.add_argument("--tenant", choices=("default", "empty"), default="default",
                    help="start with a realistic tenant's predefined objects (default) or an empty one")
    ap.add_argument("--load", metavar="FILE", help="start from the state a --save (or sim.save()) wrote to FILE")
    ap.add_argument("--save", metavar="FILE", help="write the whole state to FILE as JSON when stopped")
    ap.add_argument("--token-lifetime", type=int, default=3600, help="seconds a token stays valid")
    ap.add_argument("--rate-limit", type=_rate, action="append", default=[], metavar="PRODUCT=N",
                    help="limit a product to N requests per second (repeatable)")
    ap.add_argument("--header-timeout", type=float, default=30.0, metavar="SECONDS",
                    help="a request head must arrive within this time (default 30; then 408 and close)")
    ap.add_argument("--idle-timeout", type=float, default=120.0, metavar="SECONDS",
                    help="close keep-alive connections idle this long (default 120)")
    out = ap.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON line with the URL and configs instead of text")
    out.add_argument("--env", action="store_true",
                     help="print only `export ZSCALER_...=...` lines (for a shell's eval / source) instead of text")
    return ap


def _banner(sim: Simulator, args: argparse.Namespace) -> None:
    if args.json:
        print(json.dumps({"url": sim.url, "oneapi": sim.oneapi_config(), "environ": sim.environ(),
                          "legacy": {p: sim.legacy_config(p) for p in LEGACY_PRODUCTS}}))
        return
    if args.env:
        for name, value in sim.environ().items():
            print(f"export {name}={shlex.quote(value)}")
        return
    print(f"Zscaler simulator listening on {sim.url}")
    print(f"  products:      {', '.join(sorted(sim.products)) or '(no catalogs installed)'}")
    print(f"  state:         {args.db or 'in memory'}" + (f", loaded from {args.load}" if args.load else "")
          + (f", saved to {args.save} when stopped" if args.save else ""))
    print("  OneAPI config (ZscalerClient):")
    for k, v in sim.oneapi_config().items():
        print(f"    {k}: {v}")
    print("  environment (ZscalerClient() with no config; --env prints only these):")
    for name, value in sim.environ().items():
        print(f"    export {name}={shlex.quote(value)}")
    print("  legacy clients: override_url = <url>/_legacy/<product>; credentials:")
    for p in LEGACY_PRODUCTS:
        c = sim.legacy_config(p)
        c.pop("override_url")
        print(f"    {p}: " + ", ".join(f"{k}={v}" for k, v in c.items()))
    print(f"  control API:   {sim.url}/_sim/ (reset, seed, state, requests, faults, expire-tokens)")


def _start(args: argparse.Namespace) -> Simulator | None:
    """The started simulator, or None after a one-line error on stderr (busy port, bad --load file)."""
    sim = Simulator(args.host, args.port, db=args.db, token_lifetime=args.token_lifetime,
                    rate_limits=dict(args.rate_limit), record_limit=10_000, tenant=args.tenant,
                    header_timeout=args.header_timeout, idle_timeout=args.idle_timeout)
    try:
        if args.load:
            sim.load(args.load)
        sim.start()
    except OSError as exc:
        sim.close()
        if args.load and getattr(exc, "filename", None) == args.load:
            print(f"error: cannot read {args.load}: {exc.strerror or exc}", file=sys.stderr)
        else:
            reason = os.strerror(exc.errno) if exc.errno else str(exc)
            print(f"error: cannot listen on {args.host}:{args.port}: {reason}"
                  + (" (use --port 0 for a free port)" if args.port else ""), file=sys.stderr)
        return None
    except ValueError as exc:
        sim.close()
        print(f"error: {exc}", file=sys.stderr)
        return None
    return sim


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    sim = _start(args)
    if sim is None:
        return 2
    _banner(sim, args)
    sys.stdout.flush()

    done = threading.Event()

    def stop(signum: Any, frame: Any) -> None:
        done.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    while not done.wait(0.5):
        if not sim.running:
            break
    sim.stop()
    if args.save:
        sim.save(args.save)
    sim.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
