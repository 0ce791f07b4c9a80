#!/usr/bin/env python3
"""ferrokafka benchmark runner: speed and memory side by side with librdkafka.

    bench/run.py [--brokers refmock,tansu] [--libs ferrokafka,system,wheel]
                 [--benchmarks producer,consumer,latency] [--rounds 3] ...

One command: builds the C benchmark programs (bench/*.c, against the header
in build/include, linked by soname librdkafka.so.1), then for each broker
(the system librdkafka's mock cluster in its own process, tests/brokers/
refmock.c; and tansu, tests/brokers/tansu.sh) runs every benchmark with
every library, the libraries alternating within each round and the order
rotating between rounds so that machine noise falls on all of them:

  ferrokafka  LD_LIBRARY_PATH=build/lib
  system      Debian's librdkafka1, LD_LIBRARY_PATH unset
  wheel       the librdkafka bundled in the confluent-kafka wheel
              (tools/reference-librdkafka.sh)

Each run gets a freshly started broker and a fresh topic; consumer runs read
a topic that the wheel's librdkafka (or Debian's) produced just before, so
every library reads the same data. The loaded library is checked (dladdr)
for every run. A library that cannot run a benchmark (error, crash, time-out)
is reported as "not available: <error>"; a run that lost or duplicated
messages is reported as INVALID. Nothing here passes or fails: it measures.

Writes bench/RESULTS.md (tables with medians and ratios), bench/results.json
(every run) and bench/results.png (chart of the ratios; matplotlib installed
into build/bench-venv on first use).
"""

import argparse
import datetime
import json
import math
import os
import platform
import re
import select
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
BUILD = TOP / "build"
BIN = BUILD / "bench"
SRC = TOP / "bench"
PROGRAMS = ("producer_bench", "consumer_bench", "latency_bench")

LIB_LABELS = {
    "ferrokafka": "ferrokafka",
    "system": "librdkafka (Debian librdkafka1)",
    "wheel": "librdkafka (confluent-kafka wheel)",
}


def log(msg):
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def die(msg):
    log(f"error: {msg}")
    sys.exit(2)


def clean_env():
    """The environment without anything that chooses a library."""
    env = dict(os.environ)
    for k in ("LD_LIBRARY_PATH", "LD_PRELOAD"):
        env.pop(k, None)
    return env


# ---------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------

def build_programs():
    header = BUILD / "include" / "librdkafka" / "rdkafka.h"
    if not header.exists():
        die("build/include/librdkafka/rdkafka.h is missing: run `make lib` first")
    BIN.mkdir(parents=True, exist_ok=True)
    # Link against build/lib when it has the development symlink, else the
    # system's: either way the program needs only the soname librdkafka.so.1.
    libdir = ["-L", str(BUILD / "lib")] if (BUILD / "lib" / "librdkafka.so").exists() else []
    deps = [SRC / "common.h"]
    for prog in PROGRAMS:
        src, out = SRC / f"{prog}.c", BIN / prog
        if out.exists() and all(out.stat().st_mtime >= p.stat().st_mtime for p in [src, *deps]):
            continue
        cmd = ["cc", "-O2", "-g", "-Wall", "-Wextra", "-I", str(BUILD / "include"), "-o", str(out),
               str(src), *libdir, "-lrdkafka", "-lpthread", "-ldl", "-lm"]
        log("cc " + prog)
        subprocess.run(cmd, check=True)
    refmock = BUILD / "refmock"
    src = TOP / "tests" / "brokers" / "refmock.c"
    if not refmock.exists() or refmock.stat().st_mtime < src.stat().st_mtime:
        log("cc refmock (system librdkafka)")
        # The reference broker links the SYSTEM librdkafka: no -L, no -I to build/.
        subprocess.run(["cc", "-O2", "-o", str(refmock), str(src), "-lrdkafka"], check=True,
                       env=clean_env())


# ---------------------------------------------------------------------------
# Running one program
# ---------------------------------------------------------------------------

def describe_exit(rc):
    if rc < 0:
        try:
            return f"killed by signal {signal.Signals(-rc).name}"
        except ValueError:
            return f"killed by signal {-rc}"
    return f"exit code {rc}"


def run_program(argv, env, timeout):
    """Runs a benchmark program; returns its JSON result (with "ok" false and
    an "error" when it produced none, crashed or timed out)."""
    t0 = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            text=True, errors="replace", start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        timed_out = True
    elapsed = time.monotonic() - t0
    result = None
    for line in reversed(out.splitlines()):
        if line.startswith("{"):
            try:
                result = json.loads(line)
                break
            except json.JSONDecodeError:
                pass
    err_lines = [line for line in err.splitlines() if line.strip()]
    tail = " | ".join(err_lines[-3:])[-600:]
    if timed_out:
        result = {"ok": False, "valid": False,
                  "error": f"timed out after {timeout} s" + (f" (stderr: {tail})" if tail else "")}
    elif result is None:
        result = {"ok": False, "valid": False,
                  "error": f"{describe_exit(proc.returncode)} without a result"
                           + (f" (stderr: {tail})" if tail else "")}
    elif proc.returncode < 0:
        result["ok"] = False
        result["valid"] = False
        result["error"] = f"{describe_exit(proc.returncode)} after reporting" + (
            f" (stderr: {tail})" if tail else "")
    m = re.search(r"^==\d+== Collected : (\d+)", err, re.M)   # valgrind --tool=callgrind
    if m:
        result["instructions"] = int(m.group(1))
    human = [line for line in err_lines if not line.startswith(("%", "=="))]
    result["human"] = human[-1] if human else ""
    result["elapsed_s"] = round(elapsed, 3)
    result["argv"] = [str(a) for a in argv]
    return result


# ---------------------------------------------------------------------------
# Brokers
# ---------------------------------------------------------------------------

class BrokerError(Exception):
    pass


class RefMock:
    """The system librdkafka's mock cluster (tests/brokers/refmock.c)."""

    kind = "refmock"

    def __init__(self, nbrokers, workdir):
        self.nbrokers = nbrokers
        self.workdir = workdir
        self.proc = None
        self.buf = b""

    def _readline(self, timeout):
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrokerError("refmock did not answer in time")
            r, _, _ = select.select([fd], [], [], left)
            if r:
                chunk = os.read(fd, 4096)
                if not chunk:
                    raise BrokerError(f"refmock exited ({describe_exit(self.proc.wait())})")
                self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line.decode(errors="replace")

    def start(self):
        self.logf = open(self.workdir / "refmock.log", "ab")
        self.proc = subprocess.Popen([str(BUILD / "refmock"), str(self.nbrokers)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.logf, env=clean_env(), start_new_session=True)
        self.buf = b""
        self.bootstrap = self._readline(10).strip()
        if not self.bootstrap:
            raise BrokerError("refmock printed no bootstrap servers")

    def command(self, cmd):
        self.proc.stdin.write((cmd + "\n").encode())
        self.proc.stdin.flush()
        ans = self._readline(10)
        if not ans.startswith("ok"):
            raise BrokerError(f"refmock: {cmd}: {ans}")

    def create_topic(self, name, partitions):
        self.command(f"topic {name} {partitions} 1")

    def stop(self):
        if not self.proc:
            return
        try:
            self.proc.stdin.write(b"quit\n")
            self.proc.stdin.close()
            self.proc.wait(timeout=10)
        except Exception:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()
        self.logf.close()
        self.proc = None


class Tansu:
    """tansu with in-memory storage (tests/brokers/tansu.sh)."""

    kind = "tansu"

    def __init__(self, workdir):
        self.workdir = workdir
        self.pid = None

    def start(self):
        env = clean_env()
        env["TMPDIR"] = str(self.workdir)
        # The first run builds tansu with cargo (long); later runs start it at once.
        out = subprocess.run([str(TOP / "tests" / "brokers" / "tansu.sh")], capture_output=True,
                             text=True, env=env, timeout=3600)
        if out.returncode != 0:
            raise BrokerError(f"tansu.sh failed: {out.stderr.strip()[-500:]}")
        addr, pid = out.stdout.split()
        self.bootstrap, self.pid = addr, int(pid)

    def create_topic(self, name, partitions):
        out = subprocess.run(["tansu", "topic", "create", "--broker", f"tcp://{self.bootstrap}",
                              "--partitions", str(partitions), name],
                             capture_output=True, text=True, timeout=60, env=clean_env())
        if out.returncode != 0:
            raise BrokerError(f"tansu topic create {name}: {(out.stderr or out.stdout).strip()[-300:]}")

    def stop(self):
        if not self.pid:
            return
        try:
            os.kill(self.pid, signal.SIGTERM)
            for _ in range(100):
                os.kill(self.pid, 0)
                time.sleep(0.05)
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        for f in self.workdir.glob("tansu-*.log"):
            f.unlink()
        self.pid = None


def broker_version(kind, libs):
    if kind == "refmock":
        sysver = next((l.version for l in libs if l.name == "system" and l.version), None)
        if not sysver:
            sysver = subprocess.run(["sh", "-c", "dpkg-query -W -f='${Version}' librdkafka1"],
                                    capture_output=True, text=True).stdout.strip() or "?"
        return f"mock cluster of the system librdkafka {sysver} (tests/brokers/refmock.c, 3 brokers)"
    try:
        v = subprocess.run(["tansu", "--version"], capture_output=True, text=True,
                           timeout=30).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        v = "tansu (version unknown)"
    return f"{v}, in-memory storage, 1 broker (tests/brokers/tansu.sh)"


# ---------------------------------------------------------------------------
# Libraries
# ---------------------------------------------------------------------------

class Lib:
    def __init__(self, name):
        self.name = name
        self.label = LIB_LABELS[name]
        self.ld_path = None      # LD_LIBRARY_PATH, None = unset
        self.expected = None     # the file that must be loaded
        self.version = None
        self.path = None
        self.error = None        # not available at all

    def env(self):
        env = clean_env()
        if self.ld_path:
            env["LD_LIBRARY_PATH"] = str(self.ld_path)
        return env

    def check_loaded(self, result):
        """A result is only this library's if dladdr says so."""
        got = result.get("library_path")
        if got and self.expected and os.path.realpath(got) != os.path.realpath(self.expected):
            return f"loaded {got}, not {self.expected}"
        return None


def system_library():
    out = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True).stdout
    m = re.search(r"librdkafka\.so\.1 \(libc6,x86-64\) => (\S+)", out)
    return m.group(1) if m else None


def resolve_libs(names):
    libs = []
    for name in names:
        lib = Lib(name)
        libs.append(lib)
        if name == "ferrokafka":
            so = BUILD / "lib" / "librdkafka.so.1"
            if not so.exists():
                lib.error = "build/lib/librdkafka.so.1 not built (run `make lib`)"
                continue
            lib.ld_path, lib.expected = BUILD / "lib", so
        elif name == "system":
            lib.expected = system_library()
            if not lib.expected:
                lib.error = "no system librdkafka.so.1 (apt-get install librdkafka1)"
                continue
        elif name == "wheel":
            out = subprocess.run([str(TOP / "tools" / "reference-librdkafka.sh")],
                                 capture_output=True, text=True, env=clean_env())
            if out.returncode != 0:
                lib.error = f"tools/reference-librdkafka.sh failed: {out.stderr.strip()[-300:]}"
                continue
            d = Path(out.stdout.strip().splitlines()[-1])
            lib.ld_path, lib.expected = d, d / "librdkafka.so.1"
        else:
            die(f"unknown library {name} (ferrokafka, system, wheel)")
        probe = run_program([str(BIN / "producer_bench"), "--version"], lib.env(), 30)
        if not probe.get("ok"):
            lib.error = f"cannot load: {probe.get('error')}"
            continue
        lib.version, lib.path = probe.get("library"), probe.get("library_path")
        wrong = lib.check_loaded(probe)
        if wrong:
            lib.error = wrong
        log(f"library {name}: {lib.version} ({lib.path})" + (f" -- {lib.error}" if lib.error else ""))
    return libs


# ---------------------------------------------------------------------------
# Benchmarks
# ---------------------------------------------------------------------------

# metric key, column title, unit scale, format, direction (+1 higher is better)
PRODUCER_METRICS = [
    ("msgs_per_s", "msgs/s", 1, "{:,.0f}", +1),
    ("mb_per_s", "MB/s", 1, "{:.1f}", +1),
    ("cpu_us_per_msg", "CPU µs/msg", 1, "{:.3f}", -1),
    ("max_rss_kb", "peak RSS MB", 1 / 1024, "{:.1f}", -1),
    ("wall_s", "wall s", 1, "{:.3f}", -1),
]
CONSUMER_METRICS = [
    ("msgs_per_s", "msgs/s", 1, "{:,.0f}", +1),
    ("mb_per_s", "MB/s", 1, "{:.1f}", +1),
    ("cpu_us_per_msg", "CPU µs/msg", 1, "{:.3f}", -1),
    ("max_rss_kb", "peak RSS MB", 1 / 1024, "{:.1f}", -1),
    ("first_msg_s", "first msg s", 1, "{:.3f}", -1),
    ("wall_s", "wall s", 1, "{:.3f}", -1),
]
LATENCY_METRICS = [
    ("p50_us", "p50 µs", 1, "{:,.0f}", -1),
    ("p99_us", "p99 µs", 1, "{:,.0f}", -1),
    ("p999_us", "p99.9 µs", 1, "{:,.0f}", -1),
    ("max_us", "max µs", 1, "{:,.0f}", -1),
    ("cpu_us_per_msg", "CPU µs/msg", 1, "{:.2f}", -1),
    ("max_rss_kb", "peak RSS MB", 1 / 1024, "{:.1f}", -1),
]
CALLGRIND_METRICS = [
    ("instr_per_msg", "instructions/msg (marginal)", 1, "{:,.0f}", -1),
    ("instr_total_small", "instructions, small run", 1, "{:,.0f}", -1),
    ("instr_total_big", "instructions, big run", 1, "{:,.0f}", -1),
]
# The metrics shown in the chart and the summary, per benchmark kind.
RATIO_METRICS = {
    "producer": ["msgs_per_s", "cpu_us_per_msg", "max_rss_kb"],
    "consumer": ["msgs_per_s", "cpu_us_per_msg", "max_rss_kb"],
    "latency": ["p50_us", "p99_us", "p999_us", "cpu_us_per_msg", "max_rss_kb"],
    "callgrind": ["instr_per_msg"],
}


class Case:
    def __init__(self, name, kind, title, metrics, codec="none"):
        self.name, self.kind, self.title, self.metrics, self.codec = name, kind, title, metrics, codec


def make_cases(args):
    cases = []
    for b in args.benchmarks:
        if b == "producer":
            for codec in args.codecs:
                name = "producer" if codec == "none" else f"producer-{codec}"
                cases.append(Case(name, "producer",
                                  f"Producer: {args.messages:,} x {args.size} B, "
                                  f"{args.partitions} partitions, linger.ms={args.linger}, "
                                  f"compression {codec}, acks={args.acks}"
                                  + (", idempotent" if args.idempotence else ""),
                                  PRODUCER_METRICS, codec))
        elif b == "consumer":
            cases.append(Case("consumer", "consumer",
                              f"Consumer ({args.consumer_mode}): {args.messages:,} x {args.size} B "
                              f"pre-produced, {consumer_partitions(args)} partitions",
                              CONSUMER_METRICS))
        elif b == "latency":
            cases.append(Case("latency", "latency",
                              f"End-to-end latency: {args.rate:,} msg/s for {args.duration} s "
                              f"(+{args.warmup} s warm-up), {args.size} B, {args.partitions} "
                              f"partitions, linger.ms={args.linger}, consumer "
                              f"fetch.wait.max.ms={args.fetch_wait_ms} ({args.consumer_mode})",
                              LATENCY_METRICS))
        else:
            die(f"unknown benchmark {b} (producer, consumer, latency)")
    return cases


def consumer_partitions(args):
    """The mock cluster keeps at most 5 MiB per partition and drops older
    data: spread the consumer benchmark's data over enough partitions that
    nothing is dropped (the same count on every broker)."""
    if args.consumer_partitions:
        return args.consumer_partitions
    need = math.ceil(args.messages * (args.size + 30) / (4 << 20))
    return max(args.partitions, need)


def producer_argv(args, broker, topic, n, codec):
    argv = [str(BIN / "producer_bench"), "-b", broker.bootstrap, "-t", topic, "-n", str(n),
            "-s", str(args.size), "-z", codec, "-a", args.acks, "--linger", str(args.linger),
            "--timeout", str(args.timeout)]
    if args.batch_size:
        argv += ["--batch-size", str(args.batch_size)]
    if args.idempotence:
        argv += ["--idempotence"]
    for x in args.X:
        argv += ["-X", x]
    return argv


def consumer_argv(args, broker, topic, n, partitions):
    argv = [str(BIN / "consumer_bench"), "-b", broker.bootstrap, "-t", topic, "-n", str(n),
            "-s", str(args.size), "--mode", args.consumer_mode, "-p", str(partitions),
            "--timeout", str(args.timeout)]
    for x in args.X:
        argv += ["-X", x]
    return argv


def latency_argv(args, broker, topic):
    argv = [str(BIN / "latency_bench"), "-b", broker.bootstrap, "-t", topic,
            "--rate", str(args.rate), "--duration", str(args.duration),
            "--warmup", str(args.warmup), "-s", str(args.size), "--linger", str(args.linger),
            "--mode", args.consumer_mode, "-p", str(args.partitions),
            "-C", f"fetch.wait.max.ms={args.fetch_wait_ms}"]
    for x in args.X:
        argv += ["-X", x]
    return argv


class Runner:
    def __init__(self, args, libs, workdir):
        self.args = args
        self.libs = libs
        self.workdir = workdir
        self.runs = []           # every run, in order
        self.skip = {}           # (broker, case, lib) -> error that stops further rounds
        self.prefill_lib = next((l for name in ("wheel", "system") for l in libs
                                 if l.name == name and not l.error), None)

    def new_broker(self, kind):
        b = RefMock(3, self.workdir) if kind == "refmock" else Tansu(self.workdir)
        b.start()
        return b

    def topic_name(self, case, lib, rnd):
        return f"bench-{case}-{lib}-r{rnd}-{uuid.uuid4().hex[:8]}"

    def prefill(self, broker, topic, n, partitions):
        """Produces the consumer's data with a reference librdkafka."""
        if not self.prefill_lib:
            return "no librdkafka available to produce the consumer's data"
        # One partition per message (no sticky batching): spreads the data
        # evenly, so no mock cluster partition exceeds what it keeps.
        argv = producer_argv(self.args, broker, topic, n, "none") + [
            "-X", "sticky.partitioning.linger.ms=0"]
        res = run_program(argv, self.prefill_lib.env(), self.args.timeout + 60)
        if not (res.get("ok") and res.get("valid")):
            return (f"producing the data with {self.prefill_lib.name} failed: "
                    f"{res.get('error') or res.get('invalid_reason')}")
        return None

    def one(self, kind, case, lib, rnd):
        """One measurement on a fresh broker and a fresh topic."""
        args = self.args
        rec = {"broker": kind, "case": case.name, "lib": lib.name, "round": rnd}
        broker = None
        try:
            broker = self.new_broker(kind)
            topic = self.topic_name(case.name, lib.name, rnd)
            if case.kind == "consumer":
                parts = consumer_partitions(args)
                broker.create_topic(topic, parts)
                err = self.prefill(broker, topic, args.messages, parts)
                if err:
                    rec.update(ok=False, valid=False, error=err, harness_error=True)
                    return rec
                argv = consumer_argv(args, broker, topic, args.messages, parts)
            else:
                broker.create_topic(topic, args.partitions)
                if case.kind == "producer":
                    argv = producer_argv(args, broker, topic, args.messages, case.codec)
                else:
                    argv = latency_argv(args, broker, topic)
            timeout = args.timeout + (args.duration + args.warmup + 60 if case.kind == "latency" else 60)
            res = run_program(argv, lib.env(), timeout)
            wrong = lib.check_loaded(res)
            if wrong:
                res.update(ok=False, valid=False, error=f"wrong library: {wrong}")
            rec.update(res)
        except (BrokerError, OSError, subprocess.SubprocessError, ValueError) as e:
            rec.update(ok=False, valid=False, error=f"broker: {e}", harness_error=True)
        finally:
            if broker:
                broker.stop()
        return rec

    def callgrind(self, kind, case, lib):
        """Instructions (valgrind --tool=callgrind, every thread of the
        process) at two message counts; the difference per message is the
        marginal cost, free of start-up and shutdown."""
        args = self.args
        rec = {"broker": kind, "case": "callgrind-" + case.name, "lib": lib.name, "round": 0}
        counts = (args.callgrind_messages, 3 * args.callgrind_messages)
        instr = []
        for n in counts:
            broker = None
            try:
                broker = self.new_broker(kind)
                topic = self.topic_name("cg-" + case.name, lib.name, n)
                if case.kind == "consumer":
                    parts = max(args.partitions, math.ceil(n * (args.size + 30) / (4 << 20)))
                    broker.create_topic(topic, parts)
                    err = self.prefill(broker, topic, n, parts)
                    if err:
                        rec.update(ok=False, valid=False, error=err, harness_error=True)
                        return rec
                    argv = consumer_argv(args, broker, topic, n, parts)
                else:
                    broker.create_topic(topic, args.partitions)
                    argv = producer_argv(args, broker, topic, n, case.codec)
                out = self.workdir / f"callgrind.{uuid.uuid4().hex[:8]}.out"
                vg = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
                res = run_program(vg + argv, lib.env(), args.timeout * 4 + 300)
                if out.exists():
                    out.unlink()
                wrong = lib.check_loaded(res)
                if wrong:
                    res.update(ok=False, valid=False, error=f"wrong library: {wrong}")
                if not res.get("ok") or not res.get("valid"):
                    rec.update(ok=res.get("ok", False), valid=False,
                               error=res.get("error"), invalid_reason=res.get("invalid_reason"))
                    return rec
                instr.append(res)
            except (BrokerError, OSError, subprocess.SubprocessError, ValueError) as e:
                rec.update(ok=False, valid=False, error=f"broker: {e}", harness_error=True)
                return rec
            finally:
                if broker:
                    broker.stop()
        ir = [r.get("instructions") for r in instr]
        if None in ir:
            rec.update(ok=False, valid=False, error="callgrind reported no instruction count")
            return rec
        rec.update(ok=True, valid=True, library=instr[0].get("library"),
                   library_path=instr[0].get("library_path"),
                   messages_small=counts[0], messages_big=counts[1],
                   instr_total_small=ir[0], instr_total_big=ir[1],
                   instr_per_msg=(ir[1] - ir[0]) / (counts[1] - counts[0]),
                   human=f"{(ir[1] - ir[0]) / (counts[1] - counts[0]):,.0f} instructions/msg")
        return rec

    def run(self, cases):
        args = self.args
        avail = [l for l in self.libs if not l.error]
        for kind in args.brokers:
            for rnd in range(args.rounds):
                order = avail[rnd % len(avail):] + avail[:rnd % len(avail)] if avail else []
                for case in cases:
                    for lib in order:
                        key = (kind, case.name, lib.name)
                        if key in self.skip:
                            continue
                        log(f"{kind} round {rnd + 1}/{args.rounds} {case.name} {lib.name} ...")
                        rec = self.one(kind, case, lib, rnd)
                        self.runs.append(rec)
                        log("   " + summary_line(rec))
                        if not rec.get("ok") and not rec.get("harness_error"):
                            self.skip[key] = rec.get("error")
            if args.callgrind:
                for case in cases:
                    if case.kind not in ("producer", "consumer"):
                        continue
                    for lib in avail:
                        log(f"{kind} callgrind {case.name} {lib.name} ...")
                        rec = self.callgrind(kind, case, lib)
                        self.runs.append(rec)
                        log("   " + summary_line(rec))


def summary_line(rec):
    if not rec.get("ok"):
        return f"not available: {rec.get('error')}"
    if not rec.get("valid"):
        return f"INVALID: {rec.get('invalid_reason')}"
    return rec.get("human", "ok")


# ---------------------------------------------------------------------------
# Summaries
# ---------------------------------------------------------------------------

def summarize(runs, kind, case, lib, metrics):
    rs = [r for r in runs if r["broker"] == kind and r["case"] == case and r["lib"] == lib]
    if not rs:
        return None
    bad = [r for r in rs if not r.get("ok")]
    if bad:
        return {"status": "unavailable", "message": f"not available: {bad[0].get('error')}",
                "runs": len(rs)}
    inv = [r for r in rs if not r.get("valid")]
    if inv:
        return {"status": "invalid",
                "message": f"INVALID in {len(inv)} of {len(rs)} rounds: {inv[0].get('invalid_reason')}",
                "runs": len(rs)}
    med = {}
    spread = {}
    for key, *_ in metrics:
        vals = [r[key] for r in rs if isinstance(r.get(key), (int, float))]
        if vals:
            med[key] = statistics.median(vals)
            spread[key] = (min(vals), max(vals))
    return {"status": "ok", "median": med, "spread": spread, "runs": len(rs)}


def fmt_metric(metric, value):
    key, _title, scale, fmt, _dir = metric
    if value is None:
        return "–"
    return fmt.format(value * scale)


def ratio(a, b, key):
    if not a or not b or a["status"] != "ok" or b["status"] != "ok":
        return None
    x, y = a["median"].get(key), b["median"].get(key)
    if x is None or y is None or y == 0:
        return None
    return x / y


def machine_info():
    info = {}
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text()
        m = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
        info["cpu"] = m.group(1).strip() if m else "?"
        info["cpus_listed"] = len(re.findall(r"^processor\s*:", cpuinfo, re.M))
    except OSError:
        info["cpu"] = "?"
    info["nproc"] = os.cpu_count()
    try:
        m = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        info["mem_gib"] = round(int(m.group(1)) / 1048576, 1)
    except (OSError, AttributeError):
        pass
    u = platform.uname()
    info["kernel"] = f"{u.system} {u.release} {u.version} {u.machine}"
    return info


def loadavg():
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


RATIO_NOTE = {+1: "higher is better", -1: "lower is better"}

# The targets of the producer, consumer and drop-in issues, as ratios
# ferrokafka / librdkafka: (case, metric key, label, bound, +1 at least / -1 at most).
TARGETS = [
    ("producer", "cpu_us_per_msg", "producer CPU per message, no compression", 0.70, -1),
    ("producer", "msgs_per_s", "producer throughput, no compression", 1.00, +1),
    ("producer-lz4", "cpu_us_per_msg", "producer CPU per message, lz4 (no worse)", 1.00, -1),
    ("producer-zstd", "cpu_us_per_msg", "producer CPU per message, zstd (no worse)", 1.00, -1),
    ("consumer", "cpu_us_per_msg", "consumer CPU per message", 0.70, -1),
    ("consumer", "msgs_per_s", "consumer throughput", 1.00, +1),
    ("latency", "p99_us", "end-to-end p99 latency", 1.00, -1),
]
# Hand-written explanations of missed targets (why, and what would close
# them), included in RESULTS.md when a target is missed.
TARGET_NOTES = TOP / "bench" / "target-notes.md"


def write_targets(w, args, libs, cases, runs, others):
    """The targets table: each target against every librdkafka measured on
    the broker (met only when met against all of them)."""
    by_name = {c.name: c for c in cases}
    rows, missed = [], 0
    for kind in args.brokers:
        for case_name, key, label, bound, sense in TARGETS:
            if case_name not in by_name:
                continue
            case = by_name[case_name]
            fs = summarize(runs, kind, case.name, "ferrokafka", case.metrics)
            vals = []
            for l in others:
                r = ratio(fs, summarize(runs, kind, case.name, l.name, case.metrics), key)
                if r is not None:
                    vals.append((l.name, r))
            if not vals:
                rows.append(f"| {kind} | {label} | {'≥' if sense > 0 else '≤'} {bound:.2f} | n/a | not measured |")
                continue
            ok = all((r >= bound) if sense > 0 else (r <= bound) for _, r in vals)
            missed += not ok
            got = ", ".join(f"{r:.2f} ({n})" for n, r in vals)
            rows.append(f"| {kind} | {label} | {'≥' if sense > 0 else '≤'} {bound:.2f} | {got} | "
                        + ("met" if ok else "**missed**") + " |")
    if not rows:
        return
    w("## Targets\n")
    w("Ratios ferrokafka / librdkafka (medians of this run) against the targets of the producer, "
      "consumer and drop-in issues; a target is met when it is met against every librdkafka measured "
      "on that broker.\n")
    w("| broker | target | bound | ratio | |")
    w("| --- | --- | --- | --- | --- |")
    for r in rows:
        w(r)
    w("")
    if missed:
        w(f"{missed} target(s) missed in this run.\n")
        if TARGET_NOTES.exists():
            w(TARGET_NOTES.read_text().strip() + "\n")


def write_results(args, libs, cases, runs, meta, chart_ok, chart_msg):
    out = []
    w = out.append
    w("# ferrokafka benchmarks: ratios against librdkafka\n")
    w(f"Generated by `{meta['command']}` on {meta['date']} (took {meta['took_min']:.1f} min).\n")
    w("> **Noise.** This machine has "
      f"{meta['machine'].get('nproc')} cores shared with other agents' builds and tests "
      f"(load average {meta['load_start']} at the start, {meta['load_end']} at the end), and the "
      "broker runs on the same cores as the client. Absolute figures move by tens of percent "
      "between runs; the libraries are therefore run alternately, in a rotating order, on a fresh "
      "broker and topic each time, and each figure is the median of "
      f"{args.rounds} round(s). Compare ratios measured in the same run, not figures across runs. "
      "Nothing here is a pass/fail test.\n")
    w("## Setup\n")
    m = meta["machine"]
    w(f"- Machine: {m.get('cpu')}, {m.get('nproc')} cores, {m.get('mem_gib', '?')} GiB; "
      f"{m.get('kernel')}")
    w("- Libraries (the same benchmark binaries; LD_LIBRARY_PATH selects the library, and every run "
      "checks with dladdr which file was loaded):\n")
    w("| library | rd_kafka_version_str() | loaded from |")
    w("| --- | --- | --- |")
    for l in libs:
        if l.error:
            w(f"| {l.label} | not available: {l.error} | |")
        else:
            w(f"| {l.label} | {l.version} | `{rel(l.path)}` |")
    w("")
    w("- Brokers (each run starts a fresh one and creates a fresh topic):")
    for kind in args.brokers:
        w(f"  - {kind}: {meta['brokers'].get(kind)}")
    w(f"- Rounds: {args.rounds}; medians shown, the rotation of the library order changes every round.")
    if "consumer" in [c.kind for c in cases]:
        pl = meta.get("prefill_lib")
        w(f"- Consumer data: produced before each consumer run by {pl or 'none'} with the producer "
          "benchmark's settings (uncompressed), into a fresh topic.")
    measured = [r for r in runs if not r.get("harness_error")]
    by = {}
    for r in measured:
        st = "valid" if r.get("ok") and r.get("valid") else ("invalid" if r.get("ok") else "not available")
        by.setdefault(r["lib"], {}).setdefault(st, 0)
        by[r["lib"]][st] += 1
    w("- Runs: " + "; ".join(f"{name}: " + ", ".join(f"{n} {st}" for st, n in sorted(c.items()))
                             for name, c in by.items())
      + ". A valid run delivered (producer) or read (consumer, latency) every message exactly once."
      + (f" {len(runs) - len(measured)} run(s) failed in the harness or broker, not in the library."
         if len(runs) != len(measured) else ""))
    w("")
    # Summary of ratios
    others = [l for l in libs if l.name != "ferrokafka"]
    ferro = next((l for l in libs if l.name == "ferrokafka"), None)
    w("## Ratios ferrokafka / librdkafka (medians)\n")
    if ferro is None:
        w("ferrokafka was not part of this run.\n")
    head = "| broker | benchmark | metric | " + " | ".join(
        f"ferrokafka / {l.label}" for l in others) + " |"
    w(head)
    w("|" + " --- |" * (3 + len(others)))
    for kind in args.brokers:
        for case in cases:
            ms = {m[0]: m for m in case.metrics}
            fs = summarize(runs, kind, case.name, "ferrokafka", case.metrics)
            if fs and fs["status"] != "ok":
                w(f"| {kind} | {case.name} | all | ferrokafka {fs['message']} |"
                  + " |" * (len(others) - 1))
                continue
            for key in RATIO_METRICS[case.kind]:
                metric = ms[key]
                cells = []
                for l in others:
                    os_ = summarize(runs, kind, case.name, l.name, case.metrics)
                    r = ratio(fs, os_, key)
                    if r is not None:
                        cells.append(f"**{r:.2f}**")
                    elif fs and fs["status"] != "ok":
                        cells.append("n/a (ferrokafka " + fs["status"] + ")")
                    elif os_ and os_["status"] != "ok":
                        cells.append(f"n/a ({l.name} {os_['status']})")
                    else:
                        cells.append("n/a")
                w(f"| {kind} | {case.name} | {metric[1]} ({RATIO_NOTE[metric[4]]}) | "
                  + " | ".join(cells) + " |")
    w("")
    write_targets(w, args, libs, cases, runs, others)
    if chart_ok:
        w(f"![ratios](results.png)\n\n`bench/results.png`: {chart_msg}\n")
    else:
        w(f"No chart: {chart_msg}\n")
    # Per benchmark tables
    for case in cases:
        w(f"## {case.title}\n")
        for kind in args.brokers:
            w(f"### {kind}\n")
            w("| library | " + " | ".join(m[1] for m in case.metrics) + " | runs |")
            w("|" + " --- |" * (len(case.metrics) + 2))
            sums = {}
            for l in libs:
                s = summarize(runs, kind, case.name, l.name, case.metrics)
                sums[l.name] = s
                if s is None:
                    w(f"| {l.label} | " + " | ".join("" for _ in case.metrics)
                      + f" | not run{': ' + l.error if l.error else ''} |")
                elif s["status"] != "ok":
                    w(f"| {l.label} | {s['message']} |" + " |" * (len(case.metrics) - 1)
                      + f" {s['runs']} |")
                else:
                    w(f"| {l.label} | " + " | ".join(
                        fmt_metric(m, s["median"].get(m[0])) for m in case.metrics)
                      + f" | {s['runs']} |")
            pairs = [("ferrokafka", o.name) for o in others] + (
                [("wheel", "system")] if {"wheel", "system"} <= {l.name for l in libs} else [])
            for a, b in pairs:
                cells = []
                for mt in case.metrics:
                    r = ratio(sums.get(a), sums.get(b), mt[0])
                    cells.append(f"{r:.2f}" if r is not None else "n/a")
                label = (f"*ratio {a} / {b}*" + (" (reference)" if a == "wheel" else ""))
                w(f"| {label} | " + " | ".join(cells) + " | |")
            w("")
            # spreads
            spreads = []
            for l in libs:
                s = sums.get(l.name)
                if s and s["status"] == "ok" and s["runs"] > 1:
                    parts = []
                    for mt in case.metrics[:3]:
                        lo_hi = s["spread"].get(mt[0])
                        if lo_hi:
                            parts.append(f"{mt[1]} {fmt_metric(mt, lo_hi[0])}–{fmt_metric(mt, lo_hi[1])}")
                    spreads.append(f"{l.name}: " + ", ".join(parts))
            if spreads:
                w("Range over rounds (min–max): " + "; ".join(spreads) + "\n")
    # Callgrind
    cg = [r for r in runs if r["case"].startswith("callgrind-")]
    if cg:
        w(f"## Instructions per message (valgrind --tool=callgrind)\n")
        w(f"Deterministic where wall-clock time is not: instructions executed by every thread of the "
          f"client process, counted at {args.callgrind_messages:,} and {3 * args.callgrind_messages:,} "
          "messages; the difference divided by the difference in messages is the marginal cost per "
          "message (start-up and shutdown cancel out). Batching still depends on timing, which "
          "valgrind slows down about 50 times.\n")
        w("| broker | benchmark | library | instructions/msg | instructions (small run) | instructions (big run) |")
        w("| --- | --- | --- | --- | --- | --- |")
        for r in cg:
            if r.get("ok") and r.get("valid"):
                w(f"| {r['broker']} | {r['case'][10:]} | {LIB_LABELS[r['lib']]} | "
                  f"{r['instr_per_msg']:,.0f} | {r['instr_total_small']:,} | {r['instr_total_big']:,} |")
            else:
                w(f"| {r['broker']} | {r['case'][10:]} | {LIB_LABELS[r['lib']]} | "
                  f"{summary_line(r)} | | |")
        w("")
        ok = {(r["broker"], r["case"], r["lib"]): r["instr_per_msg"] for r in cg
              if r.get("ok") and r.get("valid")}
        lines = []
        for (kind, case, lib), v in ok.items():
            if lib != "ferrokafka":
                continue
            for other in ("system", "wheel"):
                o = ok.get((kind, case, other))
                if o:
                    lines.append(f"- {kind} {case[10:]}: ferrokafka / {LIB_LABELS[other]} = **{v / o:.2f}**")
        w("\n".join(lines) if lines else "No ferrokafka / librdkafka instruction ratio yet.")
        w("")
    w("## How it is measured\n")
    w("""- `bench/producer_bench.c`: `rd_kafka_producev()` (copying the value, no key, partitioner default)
  of N values taken from a text-like pool (so compression has realistic work), `rd_kafka_poll()`
  every 1024 messages and on a full queue, then `rd_kafka_flush()` until every delivery report
  arrived (counted by `dr_msg_cb`). Valid only if every message was reported delivered.
  Window: first produce call to last delivery report. CPU is getrusage(RUSAGE_SELF) user+sys of
  the whole process (every thread) over that window divided by N; peak RSS is `ru_maxrss`.
- `bench/consumer_bench.c`: a fresh consumer group subscribes (or `--consumer-mode assign`
  assigns every partition at the beginning) and `rd_kafka_consumer_poll()`s until N messages;
  valid only with exactly N messages, no duplicate offset, every value of the expected size.
  Throughput from the first to the N-th message; CPU from the subscribe/assign call to the N-th
  message (the fetches before the first message are included), divided by N.
- `bench/latency_bench.c`: one process, a consumer thread and a producer paced at a fixed rate
  against CLOCK_MONOTONIC. Each value starts with its sequence number and its CLOCK_MONOTONIC
  send time; latency is the time `rd_kafka_consumer_poll()` returned it minus that send time.
  Warm-up messages (sent while the consumer's fetchers start) are not counted. Valid only if every
  measured message was delivered and consumed once and the rate was at least 90% achieved.
  CPU covers both clients. Neither reference broker answers a waiting Fetch when new data
  arrives (Kafka does): they answer when `fetch.wait.max.ms` expires, so that setting (and
  linger.ms) dominates the latency figures; it is the same for every library.
- The consumer topic has enough partitions to hold the data in the mock cluster, which keeps
  at most 5 MiB per partition and drops older data; the data is produced with
  `sticky.partitioning.linger.ms=0` so that it spreads evenly over them.
- Raw results of every run: `bench/results.json` (each with its command line).""")
    w("")
    Path(args.output).write_text("\n".join(out) + "\n")


def rel(path):
    try:
        return str(Path(path).resolve().relative_to(TOP))
    except (ValueError, TypeError):
        return str(path)


# ---------------------------------------------------------------------------
# Chart
# ---------------------------------------------------------------------------

def ensure_matplotlib():
    venv = BUILD / "bench-venv"
    py = venv / "bin" / "python"
    if not py.exists():
        log("creating build/bench-venv with matplotlib (first run)")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    ok = subprocess.run([str(py), "-c", "import matplotlib"], capture_output=True).returncode == 0
    if not ok:
        subprocess.run([str(py), "-m", "pip", "install", "-q", "matplotlib"], check=True)
    return py


CHART_SCRIPT = r"""
import json, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.patches import Patch
from matplotlib.ticker import FixedLocator, FixedFormatter, NullLocator
spec = json.load(open(sys.argv[1]))
rows, series = spec["rows"], spec["series"]
n, k = len(rows), max(1, len(series))
colors = ["#d9480f", "#1c7ed6", "#adb5bd"]
fig, ax = plt.subplots(figsize=(11, 1.6 + n * (0.16 * k + 0.12)))
h = 0.8 / k
vals = [v for s in series for v in s["values"] if v]
lo = min(vals + [0.5]) / 1.5
hi = max(vals + [2.0]) * 1.6
for i, s in enumerate(series):
    c = colors[i % len(colors)]
    for r, (v, why) in enumerate(zip(s["values"], s["missing"])):
        y = r + (i - (k - 1) / 2) * h
        if v:
            ax.barh(y, v, height=h * 0.9, color=c, hatch="//" if s.get("reference") else None,
                    edgecolor="white", linewidth=0)
            ax.text(v * 1.02, y, f"{v:.2f}", va="center", fontsize=7)
        else:
            ax.text(lo * 1.05, y, "n/a: " + why, va="center", fontsize=7, color=c)
ax.set_xscale("log")
ax.set_xlim(lo, hi)
ticks = [t for t in (0.1, 0.2, 0.25, 0.5, 0.75, 1, 1.5, 2, 4, 10) if lo <= t <= hi]
ax.xaxis.set_major_locator(FixedLocator(ticks))
ax.xaxis.set_major_formatter(FixedFormatter([f"{t:g}" for t in ticks]))
ax.xaxis.set_minor_locator(NullLocator())
ax.axvline(1.0, color="black", linewidth=0.8)
ax.set_yticks(range(n))
ax.set_yticklabels(rows, fontsize=8)
ax.set_ylim(n - 0.5, -0.5)
for r in range(1, n):
    ax.axhline(r - 0.5, color="#eeeeee", linewidth=0.6)
ax.set_xlabel("ratio of medians (1 = same as the other library; log scale)")
ax.set_title(spec["title"], fontsize=10)
fig.legend(handles=[Patch(facecolor=colors[i % len(colors)], hatch="//" if s.get("reference") else None,
                          edgecolor="white", label=s["label"]) for i, s in enumerate(series)],
           fontsize=8, loc="lower center", ncol=k, frameon=False)
ax.grid(axis="x", alpha=0.3)
fig.tight_layout(rect=(0, 0.5 / (1.6 + n * (0.16 * k + 0.12)), 1, 1))
fig.savefig(sys.argv[2], dpi=110)
"""


def make_chart(args, libs, cases, runs, path):
    names = {l.name for l in libs}
    pairs = []
    if "ferrokafka" in names:
        pairs += [("ferrokafka", o) for o in ("system", "wheel") if o in names]
    if {"wheel", "system"} <= names:
        pairs.append(("wheel", "system"))
    if not pairs:
        return False, "fewer than two libraries"
    rows, series = [], [{"label": f"{a} / {b}" + (" (reference: librdkafka vs librdkafka)" if a == "wheel" else ""),
                         "reference": a == "wheel", "values": [], "missing": []} for a, b in pairs]
    for kind in args.brokers:
        for case in cases:
            ms = {m[0]: m for m in case.metrics}
            for key in RATIO_METRICS[case.kind]:
                mt = ms[key]
                rows.append(f"{kind} {case.name}: {mt[1]} ({RATIO_NOTE[mt[4]]})")
                for s, (a, b) in zip(series, pairs):
                    sa = summarize(runs, kind, case.name, a, case.metrics)
                    sb = summarize(runs, kind, case.name, b, case.metrics)
                    r = ratio(sa, sb, key)
                    s["values"].append(r)
                    if r is None:
                        why = next((f"{n} {x['status']}" for n, x in ((a, sa), (b, sb))
                                    if x and x["status"] != "ok"), "not run")
                        s["missing"].append(why)
                    else:
                        s["missing"].append("")
    # Instructions per message (callgrind), one row per broker and benchmark.
    cg = {(r["broker"], r["case"], r["lib"]): r for r in runs if r["case"].startswith("callgrind-")}
    for kind in args.brokers:
        for case in cases:
            if not any((kind, "callgrind-" + case.name, l) in cg for l in names):
                continue
            rows.append(f"{kind} {case.name}: instructions/msg, callgrind (lower is better)")
            for s, (a, b) in zip(series, pairs):
                ra, rb = cg.get((kind, "callgrind-" + case.name, a)), cg.get((kind, "callgrind-" + case.name, b))
                good = lambda r: r and r.get("ok") and r.get("valid") and r.get("instr_per_msg")
                if good(ra) and good(rb):
                    s["values"].append(ra["instr_per_msg"] / rb["instr_per_msg"])
                    s["missing"].append("")
                else:
                    s["values"].append(None)
                    s["missing"].append(next((f"{n} unavailable" for n, r in ((a, ra), (b, rb))
                                              if not good(r)), "not run"))
    vers = ", ".join(f"{l.name} {l.version}" for l in libs if l.version)
    spec = {"rows": rows, "series": series,
            "title": f"ferrokafka / librdkafka: ratios of medians of {args.rounds} round(s)\n({vers})"}
    try:
        py = ensure_matplotlib()
    except (subprocess.CalledProcessError, OSError) as e:
        return False, f"matplotlib unavailable ({e})"
    with tempfile.TemporaryDirectory() as td:
        sp, cp = Path(td) / "spec.json", Path(td) / "chart.py"
        sp.write_text(json.dumps(spec))
        cp.write_text(CHART_SCRIPT)
        res = subprocess.run([str(py), str(cp), str(sp), str(path)], capture_output=True, text=True,
                             env=clean_env())
        if res.returncode != 0:
            return False, f"chart failed: {res.stderr.strip()[-500:]}"
    have_ferro = any(v for s in series[:-1] if s["label"].startswith("ferrokafka") for v in s["values"])
    msg = ("ratios of medians per broker, benchmark and metric; the hatched grey bars compare the two "
           "librdkafka builds with each other as a reference for how much two implementations of "
           "the same design differ here.")
    if "ferrokafka" in names and not have_ferro:
        msg += " ferrokafka has no ratio yet (see the tables for why)."
    return True, msg


# ---------------------------------------------------------------------------

def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    csv = lambda s: [x for x in s.split(",") if x]
    p.add_argument("--brokers", type=csv, default=["refmock", "tansu"])
    p.add_argument("--libs", type=csv, default=["ferrokafka", "system", "wheel"])
    p.add_argument("--benchmarks", type=csv, default=["producer", "consumer", "latency"])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--messages", type=int, default=1_000_000)
    p.add_argument("--size", type=int, default=100)
    p.add_argument("--partitions", type=int, default=3)
    p.add_argument("--consumer-partitions", type=int, default=0,
                   help="partitions of the consumer topic (default: enough for the mock cluster)")
    p.add_argument("--consumer-mode", choices=["subscribe", "assign"], default="subscribe")
    p.add_argument("--codecs", type=csv, default=["none"],
                   help="producer compression codecs, e.g. none,lz4,zstd,gzip,snappy")
    p.add_argument("--acks", default="all")
    p.add_argument("--linger", type=int, default=5)
    p.add_argument("--batch-size", type=int, default=0)
    p.add_argument("--idempotence", action="store_true")
    p.add_argument("--rate", type=int, default=10_000)
    p.add_argument("--duration", type=int, default=10)
    p.add_argument("--warmup", type=int, default=1)
    p.add_argument("--fetch-wait-ms", type=int, default=10,
                   help="fetch.wait.max.ms of the latency consumer (see RESULTS.md)")
    p.add_argument("-X", action="append", default=[], metavar="NAME=VALUE",
                   help="extra client property for every benchmark client")
    p.add_argument("--timeout", type=int, default=120, help="seconds per benchmark run")
    p.add_argument("--callgrind", action="store_true",
                   help="also count instructions per message under valgrind --tool=callgrind")
    p.add_argument("--callgrind-messages", type=int, default=20_000)
    p.add_argument("--quick", action="store_true",
                   help="smoke test: 1 round, 100,000 messages, 3 s latency runs")
    p.add_argument("--from-json", metavar="RESULTS_JSON",
                   help="measure nothing: rewrite the report and chart from a results.json")
    p.add_argument("--output", default=str(SRC / "RESULTS.md"))
    p.add_argument("--json", default=str(SRC / "results.json"))
    p.add_argument("--chart", default=str(SRC / "results.png"))
    args = p.parse_args(argv)
    if args.quick:
        args.rounds, args.messages, args.duration = 1, 100_000, 3
    return args


def report_from_json(args):
    data = json.loads(Path(args.from_json).read_text())
    saved = argparse.Namespace(**data["args"])
    for k in ("output", "json", "chart"):
        setattr(saved, k, getattr(args, k))
    libs = []
    for name, info in data["meta"]["libraries"].items():
        lib = Lib(name)
        lib.version, lib.path, lib.error = info["version"], info["path"], info["error"]
        libs.append(lib)
    cases = make_cases(saved)
    chart_ok, chart_msg = make_chart(saved, libs, cases, data["runs"], saved.chart)
    write_results(saved, libs, cases, data["runs"], data["meta"], chart_ok, chart_msg)
    log(f"rewrote {rel(saved.output)} from {args.from_json}")


def main(argv):
    args = parse_args(argv)
    if args.from_json:
        return report_from_json(args)
    command = "bench/run.py" + ("" if not argv else " " + " ".join(shlex.quote(a) for a in argv))
    t0 = time.time()
    load_start = loadavg()
    build_programs()
    libs = resolve_libs(args.libs)
    cases = make_cases(args)
    with tempfile.TemporaryDirectory(prefix="ferro-bench.") as td:
        runner = Runner(args, libs, Path(td))
        # Each library's row says why it was not run.
        for l in libs:
            if l.error:
                for kind in args.brokers:
                    for case in cases:
                        runner.runs.append({"broker": kind, "case": case.name, "lib": l.name,
                                            "round": 0, "ok": False, "valid": False,
                                            "error": l.error})
        brokers = {k: broker_version(k, libs) for k in args.brokers}
        try:
            runner.run(cases)
        except KeyboardInterrupt:
            log("interrupted: writing what was measured")
    meta = {"command": command, "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
            "machine": machine_info(), "load_start": load_start, "load_end": loadavg(),
            "brokers": brokers, "took_min": (time.time() - t0) / 60,
            "prefill_lib": f"{runner.prefill_lib.label} {runner.prefill_lib.version}" if runner.prefill_lib else None,
            "libraries": {l.name: {"version": l.version, "path": l.path, "error": l.error} for l in libs}}
    for f in (args.json, args.output, args.chart):
        Path(f).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps({"meta": meta, "args": vars(args), "runs": runner.runs},
                                          indent=1) + "\n")
    chart_ok, chart_msg = make_chart(args, libs, cases, runner.runs, args.chart)
    write_results(args, libs, cases, runner.runs, meta, chart_ok, chart_msg)
    log(f"wrote {rel(args.output)}, {rel(args.json)}" + (f", {rel(args.chart)}" if chart_ok else
                                                         f" (no chart: {chart_msg})"))


if __name__ == "__main__":
    main(sys.argv[1:])
