"""How many small GET requests per second the simulator serves on one core.

The simulator runs in this process (its asyncio loop in a background thread, as in
``with Simulator()``); the load comes from a separate process holding several keep-alive
connections and speaking raw HTTP/1.1, so the client is not the bottleneck. For
comparison the same load is run against a bare asyncio server answering a constant.

    python bench/sim_throughput.py [--seconds 3] [--connections 8]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import threading
import time


# -- load generator (runs in a child process) ----------------------------------------
class _Load(asyncio.Protocol):
    def __init__(self, request: bytes, state: dict):
        self.request = request
        self.state = state
        self.buf = bytearray()

    def connection_made(self, transport):
        self.transport = transport
        transport.write(self.request)

    def data_received(self, data):
        buf = self.buf
        buf += data
        while True:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(buf[:end]).lower()
            i = head.find(b"content-length:")
            length = int(head[i + 15 : head.find(b"\r\n", i) if head.find(b"\r\n", i) > 0 else None]) if i >= 0 else 0
            total = end + 4 + length
            if len(buf) < total:
                return
            status = int(head[9:12])
            del buf[:total]
            self.state["n"] += 1
            if status != 200:
                self.state["errors"] += 1
            if self.state["stop"]:
                self.transport.close()
                return
            self.transport.write(self.request)


def _client(host, port, request, seconds, connections, out):
    async def run():
        loop = asyncio.get_running_loop()
        state = {"n": 0, "errors": 0, "stop": False}
        for _ in range(connections):
            await loop.create_connection(lambda: _Load(request, state), host, port)
        await asyncio.sleep(0.3)  # warm-up
        n0, t0 = state["n"], time.perf_counter()
        await asyncio.sleep(seconds)
        n1, t1 = state["n"], time.perf_counter()
        state["stop"] = True
        await asyncio.sleep(0.1)
        out.put(((n1 - n0) / (t1 - t0), state["errors"]))

    asyncio.run(run())


def measure(host, port, request: bytes, seconds: float, connections: int) -> tuple[float, int]:
    q = mp.Queue()
    p = mp.Process(target=_client, args=(host, port, request, seconds, connections, q))
    p.start()
    rate, errors = q.get(timeout=seconds + 30)
    p.join()
    return rate, errors


# -- bare asyncio server answering a constant ----------------------------------------
class _Bare(asyncio.Protocol):
    RESPONSE = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}"

    def connection_made(self, transport):
        self.transport = transport
        self.buf = bytearray()

    def data_received(self, data):
        self.buf += data
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(self.buf[:end]).lower()
            i = head.find(b"content-length:")
            length = int(head[i + 15 :].split(b"\r\n", 1)[0]) if i >= 0 else 0
            del self.buf[: end + 4 + length]
            self.transport.write(self.RESPONSE)


def bare_server():
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    box = {}

    def run():
        asyncio.set_event_loop(loop)
        srv = loop.run_until_complete(loop.create_server(_Bare, "127.0.0.1", 0))
        box["port"] = srv.sockets[0].getsockname()[1]
        ready.set()
        loop.run_forever()

    threading.Thread(target=run, daemon=True).start()
    ready.wait()
    return box["port"], loop


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--connections", type=int, default=8)
    args = ap.parse_args()

    import httpx

    from zscaler.simulator import Simulator

    with Simulator(record_limit=1000) as sim:
        token = httpx.post(sim.url + "/oauth2/v1/token", data={
            "grant_type": "client_credentials", "client_id": sim.client_id, "client_secret": sim.client_secret,
        }).json()["access_token"]
        groups = sim.seed("zpa", "segment_groups", 1000)
        base = f"/zpa/mgmtconfig/v1/admin/customers/{sim.customer_id}/segmentGroup"
        auth = f"Authorization: Bearer {token}\r\n"
        common = f"Host: 127.0.0.1:{sim.port}\r\nAccept: application/json\r\n{auth}"
        get_item = (f"GET {base}/{groups[500]['id']} HTTP/1.1\r\n{common}"
                    "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}").encode()
        get_page = f"GET {base}?page=3&pagesize=20 HTTP/1.1\r\n{common}\r\n".encode()
        print(f"simulator {sim.url}; load: 1 client process, {args.connections} keep-alive connections, "
              f"{args.seconds:.0f} s per run")
        item_rate, e1 = measure("127.0.0.1", sim.port, get_item, args.seconds, args.connections)
        print(f"  simulator GET one ZPA segment group (auth, route, state, JSON): {item_rate:8.0f} req/s"
              f"{'  errors: %d' % e1 if e1 else ''}")
        page_rate, e2 = measure("127.0.0.1", sim.port, get_page, args.seconds, args.connections)
        print(f"  simulator GET a page of 20 of 1000 segment groups:              {page_rate:8.0f} req/s"
              f"{'  errors: %d' % e2 if e2 else ''}")

        with httpx.Client(base_url=sim.url, headers={"Authorization": f"Bearer {token}"}) as c:
            n, t0 = 0, time.perf_counter()
            while time.perf_counter() - t0 < min(args.seconds, 2.0):
                c.get(f"{base}/{groups[500]['id']}")
                n += 1
            print(f"  (for scale: one httpx client, sequential GETs:                 "
                  f"{n / (time.perf_counter() - t0):8.0f} req/s)")

    port, loop = bare_server()
    bare_rate, _ = measure("127.0.0.1", port, get_item, args.seconds, args.connections)
    loop.call_soon_threadsafe(loop.stop)
    print(f"  bare asyncio server answering a constant:                        {bare_rate:8.0f} req/s")
    print(f"  simulator / bare: {item_rate / bare_rate:.0%}")


if __name__ == "__main__":
    main()
