"""``python -m zscaler.simulator``: run the simulated Zscaler cloud until interrupted."""

from __future__ import annotations

from typing import Any

import argparse
from typing import Callable
import json
import os
import shlex
import signal
import sys
import threading

from . import network
from .core import LEGACY_PRODUCTS, Simulator


def _rate(text: str) -> tuple[str | None, Any]:
    """``PRODUCT=N`` (a product's requests per second) or a per-client window (``50/s``, ``5000/60s``)."""
    product, sep, value = text.partition("=")
    if not sep:
        try:
            return None, network.parse_rate(text, "--rate-limit")
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    try:
        per_second = float(value)
    except ValueError:
        per_second = 0.0
    if not product.strip() or not per_second > 0:
        raise argparse.ArgumentTypeError(
            f"use PRODUCT=PER_SECOND (e.g. zia=20) or a per-client window (50/s, 5000/60s), got {text!r}")
    return product.strip(), per_second


def _duration(name: str) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            return network.parse_duration(text, name)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None
    return parse


def _endpoint(text: str) -> network.EndpointLimit:
    try:
        return network.parse_endpoint_text(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


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
    ap.add_argument("--load", metavar="FILE|DIR", help="start from the state a --save (or sim.save()) wrote to FILE, "
                                                       "or from a tenant export DIR (zscaler export: the twin)")
    ap.add_argument("--save", metavar="FILE", help="write the whole state to FILE as JSON when stopped")
    ap.add_argument("--token-lifetime", type=int, default=3600, help="seconds a token stays valid")
    ap.add_argument("--rate-limit", type=_rate, action="append", default=[], metavar="RATE|PRODUCT=N",
                    help="a per-client gateway window (50/s, 5000/60s, 5000/min) or PRODUCT=N: a product's "
                         "requests per second (repeatable)")
    ap.add_argument("--endpoint-limit", type=_endpoint, action="append", default=[], metavar="'METHOD /PATH=RATE'",
                    help="a per-endpoint limit, e.g. 'GET /zia/api/v1/users*=1/s' (path: a glob; repeatable)")
    ap.add_argument("--latency", type=_duration("--latency"), default=0.0, metavar="TIME",
                    help="added to every answer, without blocking other connections (40ms, 0.04s; default 0)")
    ap.add_argument("--latency-jitter", type=_duration("--latency-jitter"), default=0.0, metavar="TIME",
                    help="spread the latency evenly over latency ± this (default 0)")
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
    net = sim.network_stats()
    if net["latency"] or net["rate_limit"] or net["endpoint_limits"] or net["rate_limits"]:
        rate = net["rate_limit"]
        window = f"{rate['limit']}/{rate['window']:g}s" if rate else "off"
        print(f"  network:       latency {net['latency'] * 1000:g} ms ± {net['latency_jitter'] * 1000:g} ms; "
              f"client window {window}; "
              f"endpoint limits {len(net['endpoint_limits'])}; product limits {net['rate_limits'] or 'none'}")
    print(f"  control API:   {sim.url}/_sim/ (reset, seed, state, requests, faults, network, expire-tokens)")


def _start(args: argparse.Namespace) -> Simulator | None:
    """The started simulator, or None after a one-line error on stderr (busy port, bad --load file)."""
    clients = [rate for product, rate in args.rate_limit if product is None]
    try:
        sim = Simulator(args.host, args.port, db=args.db, token_lifetime=args.token_lifetime,
                        rate_limits={p: r for p, r in args.rate_limit if p is not None},
                        rate_limit=clients[-1] if clients else None, endpoint_limits=args.endpoint_limit,
                        latency=args.latency, latency_jitter=args.latency_jitter,
                        record_limit=10_000, tenant=args.tenant,
                        header_timeout=args.header_timeout, idle_timeout=args.idle_timeout)
    except ValueError as exc:  # latency jitter larger than the latency ...
        print(f"error: {exc}", file=sys.stderr)
        return None
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
