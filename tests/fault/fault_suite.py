#!/usr/bin/env python3
"""Fault and fuzz suite: client scenarios through the corrupting proxy
(corrupt_proxy.py), each run on ferrokafka and on the reference librdkafka
side by side, against one broker (IT_BOOTSTRAP).

    fault_suite.py [--long] [--seed N] [--only NAME,...] [--list]

Environment (as tests/integration/run.sh sets it): IT_BOOTSTRAP, IT_BROKER,
IT_MOCK_CTL/IT_MOCK_OUT (mock clusters: error injection), IT_TOP.

For every case, on each library, it checks:
  - no crash and no hang: the client exits by itself in time;
  - no loss: every produced message has exactly one delivery report;
  - no silent stall: the application never waits longer than the case's
    bound without progress or an error (or, where the reference itself
    waits longer, not much longer than it);
  - ferrokafka stays within reason of the reference: not an order of
    magnitude more requests (counted by the proxy) or errors handed to the
    application, and an error (or progress) wherever the reference gets one.
A failure of the reference on the invariants is printed as a note: the
reference is the yardstick, not the subject.
"""

import argparse
import concurrent.futures
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

TOP = os.environ.get("IT_TOP") or os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
HERE = os.path.join(TOP, "tests", "fault")


class Case:
    def __init__(self, name, scenario, n, secs, rules=(), props=(), prefill=0, gap=None,
                 mock=(), want_error=None, long_only=False, tag="fuzz", serial=False,
                 same_outcome=False, ours_error_within=None, ours_min_connections=0, strict_gap=False,
                 seed_offset=0):
        self.name = name
        # Which defect of issue 13 the case checks (5a-5d) or "fuzz".
        self.tag = tag
        # Runs the two libraries one after the other (the mock's injected
        # errors are for whoever asks next).
        self.serial = serial or bool(mock)
        # Both libraries must end the same way: same delivered count, same
        # first error, same number of Produce requests.
        self.same_outcome = same_outcome
        # Where ferrokafka deliberately does better than the reference: its
        # first error within this many ms, at least this many connections.
        self.ours_error_within = ours_error_within
        self.ours_min_connections = ours_min_connections
        # The gap bound holds for ferrokafka even where the reference waits
        # longer (it stays silent where ferrokafka reports).
        self.strict_gap = strict_gap
        # Added to the suite's seed (repeated cases with other damage).
        self.seed_offset = seed_offset
        self.scenario = scenario
        self.n = n
        self.secs = secs
        self.rules = list(rules)
        self.props = list(props)
        # Produced messages are spread over the first quarter of the run and
        # must all be reported by its end: message.timeout.ms is half of it.
        if scenario == "produce" and not any(p.startswith("message.timeout.ms=") for p in self.props):
            self.props.append(f"message.timeout.ms={secs * 500}")
        self.prefill = prefill
        # Longest wait without progress or error the application may see.
        self.gap = gap if gap is not None else secs * 1000
        # Mock commands before the run ({topic} is replaced).
        self.mock = list(mock)
        # Error codes (names), one of which the application must get, on
        # both libraries.
        self.want_error = (want_error,) if isinstance(want_error, str) else want_error
        self.long_only = long_only


def short_cases():
    P = ["linger.ms=5"]
    C = ["fetch.error.backoff.ms=500", "reconnect.backoff.ms=100", "reconnect.backoff.max.ms=1000"]
    cases = [
        # 5a: permanent topic errors in metadata fail the messages at once
        # (and later produce() calls), not after message.timeout.ms.
        Case("topic-authz", "produce", 3, 3, props=["message.timeout.ms=20000"], tag="5a",
             mock=["topic_error {topic} 29"], want_error="TOPIC_AUTHORIZATION_FAILED", gap=2000),
        Case("topic-exception", "produce", 3, 3, props=["message.timeout.ms=20000"], tag="5a",
             mock=["topic_error {topic} 17"], want_error="TOPIC_EXCEPTION", gap=2000),
    ]
    # 5a: Produce errors retried or failed at once as librdkafka does: one
    # injected error, then the same outcome and the same number of Produce
    # requests on both libraries.
    for code in (2, 3, 6, 10, 13, 15, 16, 29, 31, 74, 75, 78, 87):
        cases.append(Case(f"produce-error-{code}", "produce", 1, 3, props=["message.timeout.ms=2000"], tag="5a",
                          mock=[f"errors 0 {code}"], same_outcome=True, gap=3000))
    cases += [
        # 5b: always corrupt Fetch responses: one error per failure and
        # fetch.error.backoff.ms, a handful of fetches, not a busy loop.
        Case("fetch-crc", "consume", 50, 5, rules=["Fetch:crc"], props=C + ["check.crcs=true"], prefill=50,
             want_error="_BAD_MSG", gap=3500, strict_gap=True, tag="5b"),
        Case("fetch-codec", "consume", 50, 5, rules=["Fetch:codec"], props=C, prefill=50,
             want_error=("_BAD_COMPRESSION", "_NOT_IMPLEMENTED", "_BAD_MSG"), gap=3500, strict_gap=True, tag="5b"),
        Case("fetch-batchlen", "consume", 50, 5, rules=["Fetch:batchlen"], props=C, prefill=50,
             want_error="_BAD_MSG", gap=3500, strict_gap=True, tag="5b"),
        Case("fetch-records", "consume", 50, 5, rules=["Fetch:records"], props=C, prefill=50,
             want_error="_BAD_MSG", gap=3500, strict_gap=True, tag="5b"),
        # Undecodable Fetch responses: the connection is closed (an error)
        # and made again after the reconnect backoff.
        Case("fetch-truncate", "consume", 50, 5, rules=["Fetch:truncate"], props=C, prefill=50, gap=3500,
             strict_gap=True, tag="5b"),
        Case("fetch-random", "consume", 50, 5, rules=["Fetch:random"], props=C, prefill=50, gap=3500,
             strict_gap=True, tag="5b"),
        # 5c: corrupt ListOffsets responses: an error for the partition.
        Case("listoffsets-zerolen", "end", 0, 5, rules=["ListOffsets:zerolen"], props=C,
             want_error=("_BAD_MSG", "_UNDERFLOW"), gap=5000, tag="5c"),
        Case("listoffsets-short", "end", 0, 5, rules=["ListOffsets:short"], props=C,
             want_error=("_BAD_MSG", "_UNDERFLOW"), gap=3500, strict_gap=True, tag="5c"),
        Case("listoffsets-random", "end", 0, 5, rules=["ListOffsets:random"], props=C,
             want_error=("_BAD_MSG", "_UNDERFLOW"), gap=3500, strict_gap=True, tag="5c"),
        # 5d: a protocol violation closes the connection with an error at
        # once, and the client connects again (librdkafka 2.16 ignores a
        # response with an unknown correlation id and waits for
        # api.version.request.timeout.ms, 10 s).
        Case("apiversions-corrid", "metadata", 0, 4, rules=["ApiVersions:corrid"], props=C, gap=4500, tag="5d",
             ours_error_within=1000, ours_min_connections=2),
        Case("metadata-corrid", "produce", 5, 4, rules=["Metadata:corrid:1:1"], props=P + C, gap=4000, tag="5d"),
        Case("produce-framelen", "produce", 5, 4, rules=["Produce:framelen"], props=P + C, gap=4000, tag="5d"),
        # Other response types damaged some of the time: progress or errors.
        Case("produce-truncate", "produce", 20, 4, rules=["Produce:truncate:0.5"], props=P + C, gap=4000),
        Case("produce-random", "produce", 20, 4, rules=["Produce:random:0.5"], props=P + C, gap=4000),
        Case("metadata-random", "produce", 10, 4, rules=["Metadata:random:0.5:1"], props=P + C, gap=4000),
        Case("idempotent-initpid", "produce", 10, 4, rules=["InitProducerId:random:0.5"],
             props=P + C + ["enable.idempotence=true"], gap=4000),
        Case("group-coordinator", "group", 30, 8, rules=["FindCoordinator:random:0.3", "OffsetFetch:truncate:0.5",
                                                       "OffsetCommit:random:0.5", "Heartbeat:random:0.3"],
             props=C + ["session.timeout.ms=6000", "max.poll.interval.ms=10000"], prefill=30, gap=8000),
        Case("all-biglen", "produce", 20, 4, rules=["all:biglen:0.1"], props=P + C, gap=4000),
    ]
    return cases


def long_cases():
    """The soak: every damage mode on every response type the scenarios
    meet, some of the time (30%) and, for the modes that matter most,
    always; then mixed random damage over longer runs."""
    C = ["fetch.error.backoff.ms=500", "reconnect.backoff.ms=100", "reconnect.backoff.max.ms=1000"]
    G = ["session.timeout.ms=6000", "max.poll.interval.ms=10000"]
    generic = ["truncate", "short", "corrid", "framelen", "hugeframe", "random", "biglen", "zerolen"]
    always = {"truncate", "corrid", "random"}
    cases = []
    for api, scen, extra, pre in [
        ("ApiVersions", "metadata", [], 0), ("Metadata", "produce", [], 0), ("Produce", "produce", [], 0),
        ("Fetch", "consume", ["check.crcs=true"], 200), ("ListOffsets", "end", [], 0),
        ("FindCoordinator", "group", G, 100), ("JoinGroup", "group", G, 100), ("SyncGroup", "group", G, 100),
        ("Heartbeat", "group", G, 100), ("OffsetFetch", "group", G, 100), ("OffsetCommit", "group", G, 100),
        ("InitProducerId", "produce", ["enable.idempotence=true"], 0),
    ]:
        fetch_modes = ["crc", "codec", "batchlen", "records"] if api == "Fetch" else []
        for mode in generic + fetch_modes:
            for prob in ("0.3", "1"):
                if prob == "1" and mode not in always and mode not in fetch_modes:
                    continue
                # Metadata always damaged (even the first answer) cannot
                # start: the first one passes.
                skip = "1" if api == "Metadata" and prob == "1" else "0"
                n = pre if scen in ("consume", "group") else (0 if scen in ("end", "metadata") else 100)
                secs = 12 if scen == "group" else 6
                cases.append(Case(f"{api}-{mode}-{prob}", scen, n, secs, rules=[f"{api}:{mode}:{prob}:{skip}"],
                                  props=C + extra + (["linger.ms=5"] if scen == "produce" else []), prefill=pre,
                                  gap=secs * 1000, long_only=True, tag="soak"))
    for i in range(4):
        cases.append(Case(f"mix-produce-{i}", "produce", 300, 15,
                          rules=["all:random:0.05", "all:truncate:0.05", "all:corrid:0.02", "all:framelen:0.02"],
                          props=C + ["linger.ms=5", "enable.idempotence=true"], gap=15000, long_only=True, tag="soak",
                          seed_offset=i))
        cases.append(Case(f"mix-group-{i}", "group", 300, 15,
                          rules=["all:random:0.05", "all:truncate:0.05", "all:corrid:0.02", "Fetch:records:0.1"],
                          props=C + G, prefill=300, gap=15000, long_only=True, tag="soak", seed_offset=i))
    return cases


# --------------------------------------------------------------------------
class Broker:
    def __init__(self):
        self.bootstrap = os.environ["IT_BOOTSTRAP"]
        self.kind = os.environ.get("IT_BROKER", "")
        self.ctl = os.environ.get("IT_MOCK_CTL")
        self.out = os.environ.get("IT_MOCK_OUT")

    def is_mock(self):
        return bool(self.ctl and self.out)

    def mock_cmd(self, cmd):
        before = open(self.out).read().count("\n")
        with open(self.ctl, "w") as f:
            f.write(cmd + "\n")
        for _ in range(300):
            lines = open(self.out).read().splitlines()
            if len(lines) > before:
                if not lines[-1].startswith("ok"):
                    raise RuntimeError(f"mock: {cmd}: {lines[-1]}")
                return
            time.sleep(0.01)
        raise RuntimeError(f"mock: {cmd}: no answer")

    def create_topic(self, name, parts=1):
        subprocess.run([os.path.join(TOP, "tests/integration/create-topic.sh"), name, str(parts)], check=True)


def lib_env(libdir):
    env = dict(os.environ)
    env["LD_LIBRARY_PATH"] = libdir
    return env


def parse_line(text):
    for line in text.splitlines():
        if line.startswith("scenario="):
            return dict(kv.split("=", 1) for kv in line.split())
    return None


def run_one(case, lib_name, libdir, client, broker, seed, prefill_lib, work):
    topic = f"fault-{case.name}-{lib_name}-{os.getpid()}-{int(time.time() * 1000) % 100000}"
    broker.create_topic(topic)
    if case.prefill:
        p = subprocess.run([client, "fill", broker.bootstrap, topic, "20", str(case.prefill)],
                           env=lib_env(prefill_lib), capture_output=True, encoding="utf-8", errors="replace", timeout=60)
        if p.returncode != 0:
            raise RuntimeError(f"prefill of {topic} failed: {p.stdout} {p.stderr}")
    for cmd in case.mock:
        broker.mock_cmd(cmd.format(topic=topic))
    stats = os.path.join(work, f"{case.name}-{lib_name}.stats")
    bfile = os.path.join(work, f"{case.name}-{lib_name}.bootstrap")
    proxy = subprocess.Popen([sys.executable, os.path.join(HERE, "corrupt_proxy.py"), "--upstream", broker.bootstrap,
                              "--seed", str(seed + case.seed_offset), "--stats", stats, "--bootstrap-file", bfile] +
                             sum((["--rule", r] for r in case.rules), []),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(200):
            if os.path.exists(bfile):
                break
            if proxy.poll() is not None:
                raise RuntimeError(f"proxy failed: {proxy.stderr.read()}")
            time.sleep(0.02)
        pboot = open(bfile).read().strip()
        args = [client, case.scenario, pboot, topic, str(case.secs)]
        if case.n:
            args.append(str(case.n))
        args += case.props
        t0 = time.monotonic()
        status = "ok"
        try:
            # The client stops on its own after SECONDS (plus its close);
            # 30 s more is a hang.
            p = subprocess.run(args, env=lib_env(libdir), capture_output=True, encoding="utf-8", errors="replace", timeout=case.secs + 30)
            out, rc, err = p.stdout, p.returncode, p.stderr
            if rc < 0:
                status = f"crash (signal {-rc})"
            elif rc == 1:
                status = "loss"
            elif rc != 0:
                status = f"exit {rc}: {p.stderr.strip()[-300:]}"
        except subprocess.TimeoutExpired as e:
            out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
            err = e.stderr.decode() if isinstance(e.stderr, bytes) else (e.stderr or "")
            status = "hang"
        wall = time.monotonic() - t0
    finally:
        proxy.send_signal(signal.SIGTERM)
        try:
            proxy.wait(5)
        except subprocess.TimeoutExpired:
            proxy.kill()
    res = parse_line(out) or {}
    res["status"] = status
    res["stderr"] = err
    res["wall_s"] = round(wall, 1)
    try:
        st = json.load(open(stats))
    except (OSError, ValueError):
        st = {"requests": {}, "damaged": {}, "connections": 0}
    res["requests"] = sum(st["requests"].values())
    res["by_api"] = st["requests"]
    res["damaged"] = sum(st["damaged"].values())
    res["connections"] = st["connections"]
    res["loss_line"] = next((l for l in out.splitlines() if l.startswith("LOSS")), "")
    return res


def i(res, k, default=0):
    try:
        return int(res.get(k, default))
    except (TypeError, ValueError):
        return default


def check(case, ours, ref):
    """Problems of ferrokafka's run, and notes on the reference's."""
    problems, notes = [], []

    def invariants(res, who, out):
        if res["status"] not in ("ok",):
            out.append(f"{who}: {res['status']} {res.get('loss_line', '')}".strip())
        if "scenario" not in res and res["status"] == "ok":
            out.append(f"{who}: no result line")
            return
        if i(res, "dr_late"):
            out.append(f"{who}: {res['dr_late']} messages not reported within message.timeout.ms")
        if i(res, "dr_missing") or i(res, "dr_dup"):
            out.append(f"{who}: {res['dr_missing']} messages without and {res['dr_dup']} with several delivery reports")
        if res.get("fatal") == "_INCONSISTENT" or i(res, "crit_logs"):
            out.append(f"{who}: fatal error {res.get('fatal')}, {res.get('crit_logs')} critical log line(s)"
                       " (an internal error)")
        got = {c.split(":")[0] for c in res.get("errcodes", "-").split(",")}
        if case.want_error and not got & set(case.want_error):
            out.append(f"{who}: no {'/'.join(case.want_error)} reached the application (got {res.get('errcodes')})")

    invariants(ours, "ferrokafka", problems)
    invariants(ref, "reference", notes)
    if ours.get("fatal", "-") != "-" and ref.get("fatal", "-") == "-":
        problems.append(f"ferrokafka: fatal error ({ours['fatal']}) where the reference has none")
    og, rg = i(ours, "max_gap_ms"), i(ref, "max_gap_ms")
    # A loaded machine stretches both libraries' gaps: where the reference
    # reported errors too, its gap is the measure of the load. Where it was
    # silent, a strict case holds ferrokafka to the bound alone.
    ref_reported = i(ref, "errors") > 0 or i(ref, "msgs") > 0
    relative = rg * 3 // 2 + 500 if (ref_reported or not case.strict_gap) else 0
    if og > max(case.gap, relative):
        problems.append(f"ferrokafka: the application waited {og} ms without progress or error "
                        f"(bound {case.gap} ms, reference {rg} ms)")
    if rg > case.gap:
        notes.append(f"reference: waited {rg} ms without progress or error (bound {case.gap} ms)")
    oreq, rreq = ours["requests"], ref["requests"]
    if oreq > 10 * rreq + 50:
        problems.append(f"ferrokafka sent {oreq} requests, the reference {rreq}")
    # Where the reference stays silent (it ignores what ferrokafka treats as
    # a protocol violation), a few errors per second are within reason. A
    # producer's errors are mostly failed delivery reports, at most one per
    # message: ferrokafka closes the connection on an undecodable answer,
    # so more messages share the batches that fail (up to half of them is
    # within reason; none may be lost, which is checked above).
    oerr, rerr = i(ours, "errors"), i(ref, "errors")
    per_msg = case.n // 2 if case.scenario == "produce" else 0
    if oerr > 10 * rerr + max(20, 5 * case.secs, per_msg):
        problems.append(f"ferrokafka reported {oerr} errors, the reference {rerr}")
    # A consumer from the beginning is at the offset after the last message
    # it delivered: a position further on skipped messages (undecodable
    # ones, without telling which).
    if case.scenario == "consume" and i(ours, "position", -1) > i(ours, "msgs"):
        problems.append(f"ferrokafka: position {ours['position']} after {ours['msgs']} messages: messages were skipped")
    if case.scenario == "consume" and i(ref, "position", -1) > i(ref, "msgs"):
        notes.append(f"reference: position {ref['position']} after {ref['msgs']} messages: messages were skipped")
    if case.same_outcome:
        for k in ("dr_ok", "first_err"):
            if ours.get(k) != ref.get(k):
                problems.append(f"{k}: ferrokafka {ours.get(k)}, the reference {ref.get(k)}")
        op, rp = ours["by_api"].get("Produce", 0), ref["by_api"].get("Produce", 0)
        if op != rp:
            problems.append(f"Produce requests: ferrokafka {op}, the reference {rp}")
    if case.ours_error_within is not None:
        fe = i(ours, "first_err_ms", -1)
        if fe < 0 or fe > case.ours_error_within:
            problems.append(f"ferrokafka: first error after {fe} ms (bound {case.ours_error_within} ms)")
    if ours["connections"] < case.ours_min_connections:
        problems.append(f"ferrokafka: {ours['connections']} connection(s), expected a reconnect")
    progressed = i(ours, "msgs") > 0 and (case.scenario not in ("produce",) or i(ours, "dr_ok") > 0)
    if rerr > 0 and oerr == 0 and not progressed and case.scenario != "metadata":
        problems.append("the reference reported errors, ferrokafka neither errors nor progress")
    return problems, notes


def fmt(res):
    return (f"req={res['requests']:<5} err={res.get('errors', '?'):<4} first={res.get('first_err', '-')}"
            f"@{res.get('first_err_ms', '-')}ms msgs={res.get('msgs', '?')} ok={res.get('dr_ok', '-')} "
            f"gap={res.get('max_gap_ms', '?')}ms conn={res['connections']} {res['status']}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--long", action="store_true", help="the soak cases (make soak)")
    ap.add_argument("--seed", type=int, default=int(os.environ.get("FAULT_SEED", "1")))
    ap.add_argument("--only", default="", help="case names (regular expressions), comma-separated")
    ap.add_argument("--tag", default="", help="cases of these tags (5a,5b,5c,5d,fuzz), comma-separated")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--ours-lib", help="the directory of the librdkafka.so.1 under test (default: build/lib)")
    args = ap.parse_args()
    cases = short_cases() + (long_cases() if args.long else [])
    if args.only:
        names = args.only.split(",")
        cases = [c for c in short_cases() + long_cases() if any(re.fullmatch(n, c.name) for n in names)]
    if args.tag:
        cases = [c for c in cases if c.tag in args.tag.split(",")]
    if args.list:
        for c in cases:
            print(c.name, c.scenario, c.rules, c.mock)
        return 0
    broker = Broker()
    client = os.path.join(TOP, "build", "fault_client")
    inc = os.path.join(TOP, "build", "include")
    subprocess.run(["cc", "-O1", "-g", "-Wall", "-Wextra", "-Werror", f"-I{inc}", "-o", client,
                    os.path.join(HERE, "fault_client.c"), f"-L{TOP}/build/lib", "-lrdkafka"], check=True)
    ours_lib = args.ours_lib or os.path.join(TOP, "build", "lib")
    ref_lib = subprocess.run([os.path.join(TOP, "tools/reference-librdkafka.sh")], capture_output=True,
                             text=True, check=True).stdout.strip()
    failed = 0
    results = []
    with tempfile.TemporaryDirectory() as work:
        for case in cases:
            if case.mock and not broker.is_mock():
                print(f"{case.name}: skipped (needs the mock's fault injection, not {broker.kind})")
                continue
            if case.serial:
                ours = run_one(case, "ours", ours_lib, client, broker, args.seed, ref_lib, work)
                ref = run_one(case, "ref", ref_lib, client, broker, args.seed, ref_lib, work)
            else:
                with concurrent.futures.ThreadPoolExecutor(2) as ex:
                    fo = ex.submit(run_one, case, "ours", ours_lib, client, broker, args.seed, ref_lib, work)
                    fr = ex.submit(run_one, case, "ref", ref_lib, client, broker, args.seed, ref_lib, work)
                    ours, ref = fo.result(), fr.result()
            problems, notes = check(case, ours, ref)
            print(f"{case.name:<22} ferrokafka {fmt(ours)}")
            print(f"{'':<22} reference  {fmt(ref)}")
            for n in notes:
                print(f"{'':<22} note: {n}")
            for p in problems:
                print(f"{'':<22} FAIL: {p}")
            if problems and os.environ.get("FAULT_VERBOSE"):
                # The client's log (FAULT_VERBOSE makes fault_client write it).
                for line in ours.get("stderr", "").splitlines()[-60:]:
                    print(f"{'':<22} | {line[:300]}")
            sys.stdout.flush()
            failed += bool(problems)
            for r in (ours, ref):
                r.pop("stderr", None)
            results.append({"case": case.name, "rules": case.rules, "ours": ours, "ref": ref, "problems": problems})
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    print(f"{len(results) - failed}/{len(results)} fault cases passed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
