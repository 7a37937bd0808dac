"""A bare loopback HTTP/1.1 server replaying answers captured from the simulator.

Where the simulator's own work (routing, state, JSON encoding of 500-item pages) would be a
large part of each request, the client benchmarks also run against this server: at start it
asks the running simulator once for the token answer, every page of the segment-group
collection and a list of single objects, keeps the exact bytes (body and headers), and from
then on answers each request with a dictionary look-up and one ``write``. Every client gets
byte-identical answers. It does not check credentials.

    python bench/replay_server.py --sim URL --customer-id ID --client-id X --client-secret Y \
        --page-size 500 [--ids-file ids.json] [--port 0]

Prints one JSON line ``{"url": ..., "pages": N, "objects": M}`` when ready, then serves until
SIGTERM/SIGINT. Standard library only.
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import signal
import sys
import urllib.parse

_DROP = {"date", "connection", "keep-alive", "transfer-encoding", "content-length", "server"}


def _render(status: int, reason: str, headers: list[tuple[str, str]], body: bytes) -> bytes:
    lines = [f"HTTP/1.1 {status} {reason}"]
    lines += [f"{k}: {v}" for k, v in headers if k.lower() not in _DROP]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class _Capture:
    def __init__(self, sim_url: str):
        u = urllib.parse.urlsplit(sim_url)
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)

    def fetch(self, method, path, body=None, headers=None) -> tuple[int, bytes, bytes]:
        self.conn.request(method, path, body=body, headers=headers or {})
        r = self.conn.getresponse()
        data = r.read()
        return r.status, _render(r.status, r.reason, r.getheaders(), data), data


def capture(args) -> tuple[bytes, dict, dict, str, str]:
    cap = _Capture(args.sim)
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": args.client_id,
                                   "client_secret": args.client_secret, "audience": "https://api.zscaler.com"})
    st, token_answer, data = cap.fetch("POST", "/oauth2/v1/token", form,
                                       {"Content-Type": "application/x-www-form-urlencoded"})
    if st != 200:
        raise SystemExit(f"token request failed: {st} {data[:200]!r}")
    auth = {"Authorization": "Bearer " + json.loads(data)["access_token"], "Accept": "application/json"}
    coll = f"/zpa/mgmtconfig/v1/admin/customers/{args.customer_id}/segmentGroup"
    pages: dict[tuple[int, int], bytes] = {}
    page, total = 1, 1
    while page <= total:
        st, answer, data = cap.fetch("GET", f"{coll}?page={page}&pagesize={args.page_size}", headers=auth)
        if st != 200:
            raise SystemExit(f"page {page}: HTTP {st}")
        total = int(json.loads(data).get("totalPages") or 1)
        pages[(page, args.page_size)] = answer
        page += 1
    objects: dict[str, bytes] = {}
    if args.ids_file:
        with open(args.ids_file) as f:
            for i in json.load(f):
                st, answer, _ = cap.fetch("GET", f"{coll}/{i}", headers=auth)
                if st != 200:
                    raise SystemExit(f"object {i}: HTTP {st}")
                objects[f"{coll}/{i}"] = answer
    return token_answer, pages, objects, coll, "/oauth2/v1/token"


_NOT_FOUND = _render(404, "Not Found", [("Content-Type", "application/json")],
                     b'{"id":"resource.not.found","reason":"not captured by the replay server"}')


class _Replay(asyncio.Protocol):
    token_answer: bytes
    pages: dict
    objects: dict
    coll: str
    token_path: str
    page_size: int

    def connection_made(self, transport):
        self.transport = transport
        self.buf = bytearray()

    def data_received(self, data):
        buf = self.buf
        buf += data
        while True:
            end = buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head = bytes(buf[:end])
            low = head.lower()
            i = low.find(b"\r\ncontent-length:")
            length = int(low[i + 17:].split(b"\r\n", 1)[0]) if i >= 0 else 0
            if len(buf) < end + 4 + length:
                return
            del buf[: end + 4 + length]
            target = head.split(b" ", 2)[1].decode("latin-1")
            self.transport.write(self.answer(target))

    def answer(self, target: str) -> bytes:
        path, _, query = target.partition("?")
        if path == self.token_path:
            return self.token_answer
        hit = self.objects.get(path)
        if hit is not None:
            return hit
        if path == self.coll:
            q = dict(urllib.parse.parse_qsl(query))
            try:
                key = (int(q.get("page", 1)), int(q.get("pagesize", 20)))
            except ValueError:
                return _NOT_FOUND
            return self.pages.get(key, _NOT_FOUND)
        return _NOT_FOUND


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sim", required=True)
    ap.add_argument("--customer-id", required=True)
    ap.add_argument("--client-id", required=True)
    ap.add_argument("--client-secret", required=True)
    ap.add_argument("--page-size", type=int, default=500)
    ap.add_argument("--ids-file")
    ap.add_argument("--port", type=int, default=0)
    args = ap.parse_args(argv)

    token_answer, pages, objects, coll, token_path = capture(args)
    _Replay.token_answer, _Replay.pages, _Replay.objects = token_answer, pages, objects
    _Replay.coll, _Replay.token_path = coll, token_path

    async def serve():
        loop = asyncio.get_running_loop()
        srv = await loop.create_server(_Replay, "127.0.0.1", args.port)
        port = srv.sockets[0].getsockname()[1]
        print(json.dumps({"url": f"http://127.0.0.1:{port}", "pages": len(pages), "objects": len(objects)}),
              flush=True)
        stop = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()
        srv.close()

    asyncio.run(serve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
