#!/usr/bin/env python3
"""A corrupting Kafka proxy, for fault and fuzz tests of Kafka clients.

Sits between a client and a cluster: the client bootstraps to the proxy,
which forwards each request to the real broker and each response back,
damaging some responses on the way as the rules say. Metadata and
FindCoordinator responses are rewritten so that the client reaches every
broker through the proxy as well (one listening port per broker).

    corrupt_proxy.py --upstream HOST:PORT[,HOST:PORT...] [--seed N]
                     [--rule API:MODE[:PROB[:SKIP]]]... [--stats FILE]
                     [--bootstrap-file FILE]

The first line on stdout (and the --bootstrap-file) is the bootstrap list to
give the client. The proxy runs until SIGTERM/SIGINT, then writes its
statistics (JSON) to --stats (also written every 200 ms): connections
accepted, requests and responses by API, responses damaged by API.

Rules: API is an api name (Produce, Fetch, ListOffsets, Metadata,
OffsetCommit, OffsetFetch, FindCoordinator, JoinGroup, Heartbeat,
LeaveGroup, SyncGroup, ApiVersions, InitProducerId, ...), a key number or
"all". MODE is one of

  truncate   the body cut short at a random point (frame length consistent)
  short      only the correlation id (and a few bytes) remain
  corrid     the correlation id replaced by one the client never used
  framelen   the frame's size prefix too small: the stream loses sync
  hugeframe  the frame's size prefix says 2 GiB
  random     the body (after the correlation id) replaced by random bytes
  biglen     a large 32-bit value (a bad length) at a random body offset
  zerolen    a 32-bit field near the start of the body (where most responses
             have their first array count or length) set to -1 or huge
  crc        (Fetch) each record batch's CRC is wrong
  codec      (Fetch) each record batch claims another compression codec
  batchlen   (Fetch) each record batch's length field is huge
  records    (Fetch) each batch's records are garbage, CRC recomputed
  delay      the response held back 30 s (a silent broker)
  drop       the response never sent

PROB (default 1) is the probability that a response of that API is damaged;
SKIP (default 0) responses of the API pass untouched first. Decisions are a
function of (seed, api key, how many responses of that key were seen), so a
run is reproducible as far as the client's request order is.
"""

import argparse
import asyncio
import hashlib
import json
import os
import random
import signal
import struct
import sys

API_NAMES = {
    "Produce": 0, "Fetch": 1, "ListOffsets": 2, "Metadata": 3, "OffsetCommit": 8,
    "OffsetFetch": 9, "FindCoordinator": 10, "JoinGroup": 11, "Heartbeat": 12,
    "LeaveGroup": 13, "SyncGroup": 14, "DescribeGroups": 15, "ListGroups": 16,
    "SaslHandshake": 17, "ApiVersions": 18, "CreateTopics": 19, "DeleteTopics": 20,
    "DeleteRecords": 21, "InitProducerId": 22, "OffsetForLeaderEpoch": 23,
    "AddPartitionsToTxn": 24, "AddOffsetsToTxn": 25, "EndTxn": 26, "TxnOffsetCommit": 28,
    "DescribeConfigs": 32, "DescribeCluster": 60, "GetTelemetrySubscriptions": 71,
    "PushTelemetry": 72, "ConsumerGroupHeartbeat": 68,
}
KEY_NAMES = {v: k for k, v in API_NAMES.items()}

# First flexible (KIP-482) version of each response, for the header and the
# compact encodings. ApiVersions responses always use header v0.
FLEX_FROM = {
    0: 9, 1: 12, 2: 6, 3: 9, 8: 8, 9: 6, 10: 3, 11: 6, 12: 4, 13: 4, 14: 4, 15: 5,
    16: 3, 18: 3, 19: 5, 20: 4, 21: 2, 22: 2, 23: 4, 24: 3, 25: 3, 26: 3, 28: 3,
    32: 4, 60: 0, 68: 0, 71: 0, 72: 0,
}

MODES = ("truncate", "short", "corrid", "framelen", "hugeframe", "random", "biglen", "zerolen",
         "crc", "codec", "batchlen", "records", "delay", "drop")
FETCH_ONLY = ("crc", "codec", "batchlen", "records")


def flexible(key, ver):
    f = FLEX_FROM.get(key)
    return f is not None and ver >= f


# --------------------------------------------------------------------------
# CRC-32C (Castagnoli), for record batches whose records are garbled.
# --------------------------------------------------------------------------
_CRC_TABLE = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ 0x82F63B78 if _c & 1 else _c >> 1
    _CRC_TABLE.append(_c)


def crc32c(data):
    crc = 0xFFFFFFFF
    t = _CRC_TABLE
    for b in data:
        crc = t[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


# --------------------------------------------------------------------------
# A cursor over a response body.
# --------------------------------------------------------------------------
class Parse(Exception):
    pass


class Cur:
    def __init__(self, buf, pos=0):
        self.b = buf
        self.p = pos

    def need(self, n):
        if self.p + n > len(self.b):
            raise Parse("short")

    def i8(self):
        self.need(1)
        v = struct.unpack_from(">b", self.b, self.p)[0]
        self.p += 1
        return v

    def i16(self):
        self.need(2)
        v = struct.unpack_from(">h", self.b, self.p)[0]
        self.p += 2
        return v

    def i32(self):
        self.need(4)
        v = struct.unpack_from(">i", self.b, self.p)[0]
        self.p += 4
        return v

    def i64(self):
        self.need(8)
        v = struct.unpack_from(">q", self.b, self.p)[0]
        self.p += 8
        return v

    def uvarint(self):
        shift = v = 0
        while True:
            self.need(1)
            c = self.b[self.p]
            self.p += 1
            v |= (c & 0x7F) << shift
            if not c & 0x80:
                return v
            shift += 7
            if shift > 35:
                raise Parse("varint")

    def skip(self, n):
        if n < 0:
            raise Parse("negative")
        self.need(n)
        self.p += n

    def string(self, flex):
        """Skips a (nullable) string; returns its (start, length)."""
        if flex:
            n = self.uvarint() - 1
        else:
            n = self.i16()
        if n < 0:
            return (self.p, -1)
        start = self.p
        self.skip(n)
        return (start, n)

    def array_len(self, flex):
        if flex:
            return self.uvarint() - 1
        return self.i32()

    def bytes_(self, flex):
        if flex:
            n = self.uvarint() - 1
        else:
            n = self.i32()
        if n < 0:
            return (self.p, -1)
        start = self.p
        self.skip(n)
        return (start, n)

    def tags(self):
        for _ in range(self.uvarint()):
            self.uvarint()
            self.skip(self.uvarint())


def header_len(key, ver, body):
    """Length of the response header (correlation id, tagged fields)."""
    if key == 18 or not flexible(key, ver):
        return 4
    c = Cur(body, 4)
    c.tags()
    return c.p


# --------------------------------------------------------------------------
# Address rewriting: every broker the client learns of is this proxy.
# --------------------------------------------------------------------------
def port_positions_metadata(body, ver, hlen):
    """(host, port, offset of the port field) of each broker of a Metadata
    response."""
    flex = flexible(3, ver)
    c = Cur(body, hlen)
    if ver >= 3:
        c.i32()
    out = []
    for _ in range(c.array_len(flex)):
        c.i32()
        hs, hn = c.string(flex)
        host = bytes(body[hs:hs + max(hn, 0)]).decode("utf-8", "replace")
        pos = c.p
        port = c.i32()
        out.append((host, port, pos))
        if ver >= 1:
            c.string(flex)
        if flex:
            c.tags()
    return out


def port_positions_findcoord(body, ver, hlen):
    flex = flexible(10, ver)
    c = Cur(body, hlen)
    out = []

    def one():
        c.i32()
        hs, hn = c.string(flex)
        host = bytes(body[hs:hs + max(hn, 0)]).decode("utf-8", "replace")
        pos = c.p
        port = c.i32()
        out.append((host, port, pos))

    if ver >= 4:
        c.i32()
        for _ in range(c.array_len(True)):
            c.string(True)
            one()
            c.i16()
            c.string(True)
            c.tags()
    else:
        if ver >= 1:
            c.i32()
        c.i16()
        if ver >= 1:
            c.string(flex)
        one()
    return out


# --------------------------------------------------------------------------
# Record batches inside Fetch responses.
# --------------------------------------------------------------------------
def fetch_record_regions(body, ver, hlen):
    """(start, length) of each partition's records in a Fetch response."""
    flex = flexible(1, ver)
    c = Cur(body, hlen)
    if ver >= 1:
        c.i32()
    if ver >= 7:
        c.i16()
        c.i32()
    regions = []
    for _ in range(c.array_len(flex)):
        if ver >= 13:
            c.skip(16)
        else:
            c.string(flex)
        for _ in range(c.array_len(flex)):
            c.i32()
            c.i16()
            c.i64()
            if ver >= 4:
                c.i64()
            if ver >= 5:
                c.i64()
            if ver >= 4:
                n = c.array_len(flex)
                for _ in range(max(n, 0)):
                    c.i64()
                    c.i64()
                    if flex:
                        c.tags()
            if ver >= 11:
                c.i32()
            s, n = c.bytes_(flex)
            if n > 0:
                regions.append((s, n))
            if flex:
                c.tags()
        if flex:
            c.tags()
    return regions


def batches_in(body, start, n):
    """Offsets of the complete v2 record batches in a records region."""
    out = []
    p, end = start, start + n
    while p + 61 <= end:
        blen = struct.unpack_from(">i", body, p + 8)[0]
        magic = body[p + 16]
        if blen < 49 or p + 12 + blen > end or magic != 2:
            break
        out.append((p, 12 + blen))
        p += 12 + blen
    return out


def damage_batches(body, regions, mode, rng):
    damaged = 0
    for (s, n) in regions:
        for (p, ln) in batches_in(body, s, n):
            if mode == "crc":
                body[p + 17] ^= 0x5A
            elif mode == "codec":
                attrs = struct.unpack_from(">h", body, p + 21)[0]
                codec = attrs & 7
                # Another codec than the one the data is in (gzip for
                # uncompressed data, none for compressed data), or an
                # unknown one; the CRC is recomputed so the flag is believed.
                new = rng.choice([c for c in (0, 1, 2, 3, 4, 6, 7) if c != codec])
                struct.pack_into(">h", body, p + 21, (attrs & ~7) | new)
                struct.pack_into(">I", body, p + 17, crc32c(body[p + 21:p + ln]))
            elif mode == "batchlen":
                struct.pack_into(">i", body, p + 8, 0x7FFFFFF0)
            elif mode == "records":
                for i in range(p + 61, p + ln):
                    body[i] = rng.randrange(256)
                struct.pack_into(">I", body, p + 17, crc32c(body[p + 21:p + ln]))
            damaged += 1
    return damaged


# --------------------------------------------------------------------------
# Rules and corruption.
# --------------------------------------------------------------------------
class Rule:
    def __init__(self, text):
        parts = text.split(":")
        if len(parts) < 2:
            raise ValueError(f"bad rule {text!r}")
        api = parts[0]
        if api == "all":
            self.key = None
        elif api.isdigit():
            self.key = int(api)
        elif api in API_NAMES:
            self.key = API_NAMES[api]
        else:
            raise ValueError(f"unknown api {api!r}")
        self.mode = parts[1]
        if self.mode not in MODES:
            raise ValueError(f"unknown mode {self.mode!r}")
        self.prob = float(parts[2]) if len(parts) > 2 and parts[2] else 1.0
        self.skip = int(parts[3]) if len(parts) > 3 and parts[3] else 0

    def applies(self, key):
        if self.key is None:
            return not (self.mode in FETCH_ONLY and key != 1)
        return self.key == key


class Proxy:
    def __init__(self, args):
        self.seed = args.seed
        self.rules = [Rule(r) for r in args.rule]
        self.stats_path = args.stats
        self.listeners = {}  # (host, port) upstream -> local port
        self.servers = []
        self.seen = {}  # api key -> responses seen
        self.stats = {
            "connections": 0, "requests": {}, "responses": {}, "damaged": {},
            "batches_damaged": 0, "upstream_failures": 0,
        }
        self.dirty = True

    def rng_for(self, key, n):
        h = hashlib.sha256(f"{self.seed}/{key}/{n}".encode()).digest()
        return random.Random(int.from_bytes(h[:8], "big"))

    def count(self, table, key, by=1):
        name = KEY_NAMES.get(key, str(key))
        t = self.stats[table]
        t[name] = t.get(name, 0) + by
        self.dirty = True

    async def listen_for(self, host, port):
        k = (host, port)
        if k in self.listeners:
            return self.listeners[k]
        server = await asyncio.start_server(lambda r, w: self.serve(r, w, host, port), "127.0.0.1", 0)
        self.servers.append(server)
        local = server.sockets[0].getsockname()[1]
        self.listeners[k] = local
        return local

    async def serve(self, creader, cwriter, host, port):
        try:
            await self.serve1(creader, cwriter, host, port)
        except asyncio.CancelledError:
            # The proxy is stopping.
            pass

    async def serve1(self, creader, cwriter, host, port):
        self.stats["connections"] += 1
        self.dirty = True
        try:
            ureader, uwriter = await asyncio.open_connection(host, port)
        except OSError:
            self.stats["upstream_failures"] += 1
            cwriter.close()
            return
        pending = {}  # corr id -> (key, version)
        out_lock = asyncio.Lock()

        async def upstream():
            try:
                while True:
                    hdr = await creader.readexactly(4)
                    n = struct.unpack(">i", hdr)[0]
                    if n < 8 or n > 512 << 20:
                        break
                    body = await creader.readexactly(n)
                    key, ver, corr = struct.unpack_from(">hhi", body, 0)
                    pending[corr] = (key, ver)
                    self.count("requests", key)
                    uwriter.write(hdr + body)
                    await uwriter.drain()
            except (asyncio.IncompleteReadError, ConnectionError, OSError):
                pass
            for w in (uwriter, cwriter):
                try:
                    w.close()
                except Exception:
                    pass

        async def downstream():
            try:
                while True:
                    hdr = await ureader.readexactly(4)
                    n = struct.unpack(">i", hdr)[0]
                    body = bytearray(await ureader.readexactly(n))
                    corr = struct.unpack_from(">i", body, 0)[0]
                    key, ver = pending.pop(corr, (-1, -1))
                    self.count("responses", key)
                    await self.rewrite(key, ver, body)
                    frames = self.corrupt(key, ver, body)
                    for f in frames:
                        if f is None:
                            continue
                        if isinstance(f, tuple):  # ("delay", frame)
                            asyncio.get_running_loop().create_task(self.later(cwriter, out_lock, f[1], 30))
                            continue
                        async with out_lock:
                            cwriter.write(f)
                            await cwriter.drain()
            except (asyncio.IncompleteReadError, ConnectionError, OSError):
                pass
            for w in (uwriter, cwriter):
                try:
                    w.close()
                except Exception:
                    pass

        await asyncio.gather(upstream(), downstream())

    async def later(self, writer, lock, frame, secs):
        await asyncio.sleep(secs)
        try:
            async with lock:
                writer.write(frame)
                await writer.drain()
        except Exception:
            pass

    async def rewrite(self, key, ver, body):
        if key not in (3, 10):
            return
        try:
            hlen = header_len(key, ver, body)
            if key == 3:
                spots = port_positions_metadata(body, ver, hlen)
            else:
                spots = port_positions_findcoord(body, ver, hlen)
        except Parse:
            return
        for host, port, pos in spots:
            if port <= 0:
                continue
            local = await self.listen_for(host, port)
            struct.pack_into(">i", body, pos, local)

    def corrupt(self, key, ver, body):
        """The frames to send for a response (normally one)."""
        n = self.seen.get(key, 0)
        self.seen[key] = n + 1
        rule = None
        rng = self.rng_for(key, n)
        for r in self.rules:
            if r.applies(key) and n >= r.skip and rng.random() < r.prob:
                rule = r
                break
        if rule is None:
            return [struct.pack(">i", len(body)) + bytes(body)]
        mode = rule.mode
        try:
            hlen = header_len(key, ver, body)
        except Parse:
            hlen = 4
        if mode == "truncate":
            cut = rng.randrange(4, max(len(body), 5))
            body = body[:cut]
        elif mode == "short":
            body = body[:4 + rng.randrange(0, 3)]
        elif mode == "corrid":
            corr = struct.unpack_from(">i", body, 0)[0]
            struct.pack_into(">i", body, 0, (corr + 0x10000 + rng.randrange(1 << 20)) & 0x7FFFFFFF)
        elif mode == "framelen":
            self.count("damaged", key)
            cut = rng.randrange(1, max(len(body) - 1, 2))
            return [struct.pack(">i", cut) + bytes(body)]
        elif mode == "hugeframe":
            self.count("damaged", key)
            return [struct.pack(">i", 0x7FFFFFF0) + bytes(body)]
        elif mode == "random":
            for i in range(4, len(body)):
                body[i] = rng.randrange(256)
        elif mode == "biglen":
            if len(body) > hlen + 4:
                pos = rng.randrange(hlen, len(body) - 3)
                struct.pack_into(">i", body, pos, rng.choice([0x7FFFFFFF, 0x40000000, -2, 0x00FFFFFF]))
        elif mode == "zerolen":
            # The first length-like field: right after the fixed top-level
            # fields most responses start with (throttle time, error code).
            pos = min(hlen + rng.choice([0, 4, 6]), max(len(body) - 4, hlen))
            if len(body) >= pos + 4:
                struct.pack_into(">i", body, pos, rng.choice([-1, 0x7FFFFFFF, 0x01000000]))
        elif mode in FETCH_ONLY:
            try:
                regions = fetch_record_regions(body, ver, hlen)
            except Parse:
                regions = []
            d = damage_batches(body, regions, mode, rng)
            self.stats["batches_damaged"] += d
            if d == 0:
                return [struct.pack(">i", len(body)) + bytes(body)]
        elif mode == "delay":
            self.count("damaged", key)
            return [("delay", struct.pack(">i", len(body)) + bytes(body))]
        elif mode == "drop":
            self.count("damaged", key)
            return []
        self.count("damaged", key)
        return [struct.pack(">i", len(body)) + bytes(body)]

    def write_stats(self):
        if not self.stats_path or not self.dirty:
            return
        self.dirty = False
        tmp = self.stats_path + ".tmp"
        with open(tmp, "w") as f:
            json.dump(self.stats, f, sort_keys=True)
        os.replace(tmp, self.stats_path)

    async def stats_loop(self):
        while True:
            await asyncio.sleep(0.2)
            self.write_stats()


async def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--upstream", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rule", action="append", default=[])
    ap.add_argument("--stats")
    ap.add_argument("--bootstrap-file")
    args = ap.parse_args()
    proxy = Proxy(args)
    boot = []
    for item in args.upstream.split(","):
        host, port = item.rsplit(":", 1)
        boot.append(f"127.0.0.1:{await proxy.listen_for(host, int(port))}")
    line = ",".join(boot)
    if args.bootstrap_file:
        with open(args.bootstrap_file + ".tmp", "w") as f:
            f.write(line + "\n")
        os.replace(args.bootstrap_file + ".tmp", args.bootstrap_file)
    print(line, flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for s in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(s, stop.set)
    stats_task = loop.create_task(proxy.stats_loop())
    await stop.wait()
    stats_task.cancel()
    proxy.dirty = True
    proxy.write_stats()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
    sys.exit(0)
