"""Mixed consumer groups: two ferrokafka members (confluent_kafka on our
library, group_member.py) and one member on librdkafka itself (kcat -G) in
one group, joining and leaving while consuming, for each assignor.

    mixed_group.py BOOTSTRAP REF_LIB_DIR|"" [STRATEGY...]

REF_LIB_DIR: where kcat finds the reference librdkafka ("" = the system's).
Checks, per strategy: every produced message is consumed; no partition is
owned by two members at once (ownership intervals from the members'
assigned/revoked events, as they arrive); after the last change the live
members own every partition exactly once."""
import collections
import os
import re
import subprocess
import sys
import threading
import time
import uuid

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PY = os.path.join(TOP, "build/python-venv/bin/python")
PARTS = 6
SLACK = 0.25  # seconds: events of different processes arrive through pipes


class Member:
    def __init__(self, name, argv, env, events):
        self.name = name
        self.events = events
        # The member's own account (debug lines, rebalances), for a failure.
        self.log = collections.deque(maxlen=60)
        self.proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.threads = [threading.Thread(target=self.read, args=(s,), daemon=True) for s in (self.proc.stdout, self.proc.stderr)]
        for t in self.threads:
            t.start()

    def read(self, stream):
        parser = Parser()
        for line in stream:
            now = time.monotonic()
            line = line.strip()
            if os.environ.get("MEMBER_LOG_DIR"):
                with open(os.path.join(os.environ["MEMBER_LOG_DIR"], self.name + ".log"), "a") as f:
                    f.write(f"{now:.3f} {line}\n")
            ev = parser.feed(line)
            if ev:
                self.events.append((now, self.name) + ev)
            if not ev or ev[0] != "msg":
                self.log.append(f"{now:.3f} {line}")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError(f"{self.name} did not stop")
        for t in self.threads:
            t.join(5)


def parts_of(text):
    # ours: "0,3"; kcat: "topic [0], topic [3]"
    out = []
    for item in text.split(","):
        item = item.strip()
        if "[" in item:
            item = item[item.rindex("[") + 1:item.rindex("]")]
        if item:
            out.append(int(item))
    return out


# kcat (1.7), cooperative: "% Group G rebalanced: incremental assignment of 4
# partition(s) (memberid ..., COOPERATIVE rebalance protocol): t [0], ..."
# and, giving partitions up, "... incremental revoke of 2 partition(s) ...".
# kcat writes the header and the partition list with two fprintf calls, and
# with -d cgrp librdkafka's threads write debug lines to the same stderr, so
# a debug line can land between the two: the list then starts a line of its
# own.
KCAT_INCREMENTAL = re.compile(r"^% Group \S+ rebalanced: incremental (assignment|revoke) of (\d+) partition\(s\) "
                              r"\(.*? rebalance protocol\): ?(.*)$")
KCAT_PARTS = re.compile(r"^\S+ \[\d+\](, \S+ \[\d+\])*$")


class Parser:
    """parse() for one stream, completing a kcat header whose partition
    list was separated from it by an interleaved debug line."""

    def __init__(self):
        self.pending = None  # (what, count) of a kcat header awaiting its list

    def feed(self, line):
        if self.pending:
            what, count = self.pending
            # The list follows the header (after at most a few debug lines);
            # a debug line may also be glued to its front.
            m = re.search(r"\S+ \[\d+\](, \S+ \[\d+\])*$", line)
            if m and KCAT_PARTS.match(m.group(0)) and len(parts_of(m.group(0))) == count:
                self.pending = None
                return (what, parts_of(m.group(0)))
        m = KCAT_INCREMENTAL.match(line)
        if m:
            what = "assigned" if m.group(1) == "assignment" else "revoked"
            count, tail = int(m.group(2)), m.group(3)
            if count == 0:
                return (what, [])
            if KCAT_PARTS.match(tail) and len(parts_of(tail)) == count:
                return (what, parts_of(tail))
            self.pending = (what, count)
            return None
        return parse(line)


def parse(line):
    if line.startswith("M "):
        _, p, o = line.split()
        return ("msg", int(p), int(o))
    if KCAT_INCREMENTAL.match(line):
        raise AssertionError(f"kcat's incremental rebalance line goes through Parser: {line}")
    for what in ("assigned", "revoked"):
        if line.startswith(what + " ") or line == what:
            return (what, parts_of(line[len(what):]))
        # kcat: "% Group G rebalanced (memberid ...): assigned: t [0], t [1]"
        key = f"): {what}: "
        if line.startswith("% Group") and key in line:
            return (what, parts_of(line.split(key, 1)[1]))
    return None


def produce(bootstrap, topic, start, n):
    code = ("import sys\nfrom confluent_kafka import Producer\n"
            f"p = Producer({{'bootstrap.servers': {bootstrap!r}, 'linger.ms': 5}})\n"
            f"for i in range({start}, {start + n}):\n"
            f"    p.produce({topic!r}, key=str(i), value=str(i), partition=i % {PARTS})\n"
            "assert p.flush(30) == 0\n")
    subprocess.run([PY, "-c", code], check=True)


def wait_for(cond, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def run(bootstrap, ref, strategy):
    tag = uuid.uuid4().hex[:6]
    topic, group = f"it-mixed-{strategy}-{tag}", f"it-mixed-g-{tag}"
    subprocess.run([os.path.join(TOP, "tests/integration/create-topic.sh"), topic, str(PARTS)], check=True)
    produce(bootstrap, topic, 0, 1200)
    events = []
    ours_env = dict(os.environ)
    ours_env.pop("LD_LIBRARY_PATH", None)  # the venv's module finds build/lib
    ours_env.setdefault("MEMBER_DEBUG", "cgrp")
    kcat_env = dict(os.environ)
    if ref:
        kcat_env["LD_LIBRARY_PATH"] = ref
    else:
        kcat_env.pop("LD_LIBRARY_PATH", None)
    member = lambda name: Member(name, [PY, os.path.join(TOP, "tests/integration/group_member.py"), bootstrap, group, topic, strategy],
                                 ours_env, events)
    consumed = lambda: {(e[3], e[4]) for e in list(events) if e[2] == "msg"}
    kcat = lambda: Member("kcat", ["kcat", "-b", bootstrap, "-G", group, topic, "-u", "-f", "M %p %o\\n", "-d", "cgrp",
                                   "-X", f"partition.assignment.strategy={strategy}", "-X", "auto.offset.reset=earliest",
                                   "-X", "session.timeout.ms=6000", "-X", "heartbeat.interval.ms=500"], kcat_env, events)
    # The first member to join leads the group (assigns). On tansu and on
    # our mock cluster kcat leads once ferro-a has left, and librdkafka's
    # assignor assigns to ferrokafka members. librdkafka's mock cluster
    # answers a follower's SyncGroup that arrives after the leader's with
    # INVALID_REQUEST (a real broker answers it with the assignment): the
    # follower rejoins, and the group rebalances until the follower wins
    # that race. A librdkafka leader can beat a ferrokafka follower to it
    # again and again on a busy machine, so there a ferrokafka member leads
    # throughout (ours give followers a head start) and kcat follows.
    ours_lead = os.environ.get("IT_BROKER", "").startswith("refmock")
    a = member("ferro-a")
    time.sleep(2)
    if ours_lead:
        b = member("ferro-b")
        time.sleep(2)
        k = kcat()
    else:
        k = kcat()
        time.sleep(2)
        b = member("ferro-b")
    live = [a, k, b]
    try:
        return run_steps(bootstrap, topic, strategy, events, consumed, a, k, b, live)
    except AssertionError:
        # What happened, for the log.
        t0 = events[0][0] if events else 0
        for t, name, what, *rest in sorted(events, key=lambda e: e[0]):
            if what != "msg":
                print(f"  {t - t0:7.2f} {name:8} {what} {rest[0]}")
        got = consumed()
        for p in range(PARTS):
            print(f"  partition {p}: {len({o for (q, o) in got if q == p})} offsets consumed")
        for m in live:
            m.stop()
        for m in (a, k, b):
            print(f"  --- last lines of {m.name} (debug=cgrp)")
            for line in m.log:
                print(f"  {line}")
        raise


def run_steps(bootstrap, topic, strategy, events, consumed, a, k, b, live):
    try:
        wait_for(lambda: len(consumed()) >= 1200, 90, "the first 1200 messages")
        # One ferrokafka member leaves; more messages arrive.
        a.stop()
        live.remove(a)
        produce(bootstrap, topic, 1200, 600)
        wait_for(lambda: len(consumed()) >= 1800, 90, "all 1800 messages")
        # Let the group settle, then check the final ownership.
        time.sleep(3)
        owners = ownership(events)
        final = {p: o for p, o in owners.items()}
        assert sorted(final) == list(range(PARTS)), f"{strategy}: partitions owned at the end: {final}"
        assert set(final.values()) <= {m.name for m in live}, f"{strategy}: a gone member still owns: {final}"
        assert len(set(final.values())) == 2, f"{strategy}: both live members should own partitions: {final}"
    finally:
        for m in list(live):
            m.stop()
            live.remove(m)
    check_no_overlap(events, strategy)
    got = consumed()
    # Offsets per partition: messages i with i % PARTS == p, 300 each.
    for p in range(PARTS):
        offs = sorted(o for (q, o) in got if q == p)
        assert offs == list(range(300)), f"{strategy}: partition {p}: {len(offs)} distinct offsets consumed"
    kinds = {e[1] for e in events if e[2] == "msg"}
    dups = sum(1 for e in events if e[2] == "msg") - len(got)
    seen, again = set(), {}
    for e in sorted((e for e in events if e[2] == "msg"), key=lambda e: e[0]):
        if (e[3], e[4]) in seen:
            again[e[1]] = again.get(e[1], 0) + 1
        seen.add((e[3], e[4]))
    print(f"{strategy}: 1800 messages consumed by {sorted(kinds)}, {dups} consumed again around rebalances {again}")
    assert "kcat" in kinds, f"{strategy}: the librdkafka member consumed nothing"


def ownership(events):
    """Who owns each partition after all events."""
    owner = {}
    for _, name, what, *rest in sorted(events, key=lambda e: e[0]):
        if what == "assigned":
            for p in rest[0]:
                owner[p] = name
        elif what == "revoked":
            for p in rest[0]:
                if owner.get(p) == name:
                    del owner[p]
    return owner


def check_no_overlap(events, strategy):
    """Ownership intervals of different members must not overlap (beyond
    the delivery slack of the pipes)."""
    intervals = {}  # p -> list of [member, start, end]
    open_ = {}
    end_of_time = time.monotonic() + 1000
    for t, name, what, *rest in sorted(events, key=lambda e: e[0]):
        if what == "assigned":
            for p in rest[0]:
                open_[(p, name)] = t
        elif what == "revoked":
            for p in rest[0]:
                start = open_.pop((p, name), None)
                if start is not None:
                    intervals.setdefault(p, []).append((name, start, t))
    for (p, name), start in open_.items():
        intervals.setdefault(p, []).append((name, start, end_of_time))
    for p, ivs in intervals.items():
        for i, (n1, s1, e1) in enumerate(ivs):
            for n2, s2, e2 in ivs[i + 1:]:
                if n1 != n2 and min(e1, e2) - max(s1, s2) > SLACK:
                    raise AssertionError(f"{strategy}: partition {p} owned by {n1} and {n2} at once "
                                         f"({min(e1, e2) - max(s1, s2):.2f}s)")


if __name__ == "__main__":
    bootstrap, ref = sys.argv[1], sys.argv[2]
    for s in sys.argv[3:] or ["range", "roundrobin", "cooperative-sticky"]:
        run(bootstrap, ref, s)
