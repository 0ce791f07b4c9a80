#!/usr/bin/env python3
"""Runs `kcat -L` on ferrokafka and on a reference librdkafka against the
same broker and compares what they report: brokers (id, address,
controller), topics, partitions, leaders, replicas and ISRs.

usage: kcat_metadata.py BOOTSTRAP OURS_LIBDIR REF_LIBDIR [REF_LIBDIR...]
(an empty REF_LIBDIR means the system librdkafka)"""
import os, re, subprocess, sys


def kcat_L(bootstrap, libdir):
    env = dict(os.environ)
    if libdir:
        env["LD_LIBRARY_PATH"] = libdir
    else:
        env.pop("LD_LIBRARY_PATH", None)
    out = subprocess.run(["kcat", "-L", "-b", bootstrap, "-m", "10"], env=env,
                         capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise SystemExit(f"kcat -L failed with {libdir or 'system librdkafka'}:\n{out.stderr}")
    return out.stdout


def parse(text):
    brokers, topics, topic = {}, {}, None
    for line in text.splitlines():
        m = re.match(r"\s+broker (-?\d+) at (\S+)( \(controller\))?", line)
        if m:
            brokers[int(m.group(1))] = (m.group(2), bool(m.group(3)))
            continue
        m = re.match(r'\s+topic "(.*)" with (\d+) partitions:', line)
        if m:
            topic = {"count": int(m.group(2)), "partitions": {}}
            topics[m.group(1)] = topic
            continue
        m = re.match(r'\s+topic "(.*)" error: (.*)', line)
        if m:
            topics[m.group(1)] = {"error": m.group(2)}
            topic = None
            continue
        m = re.match(r"\s+partition (\d+), leader (-?\d+), replicas: ([\d,]*), isrs: ([\d,]*)(.*)", line)
        if m and topic is not None:
            topic["partitions"][int(m.group(1))] = (
                int(m.group(2)), sorted(m.group(3).split(",")), sorted(m.group(4).split(",")), m.group(5).strip())
    return {"brokers": brokers, "topics": topics}


def main():
    bootstrap, ours = sys.argv[1], sys.argv[2]
    mine = parse(kcat_L(bootstrap, ours))
    if not mine["brokers"] or "it-meta" not in mine["topics"]:
        raise SystemExit(f"ferrokafka's metadata looks empty: {mine}")
    for ref in sys.argv[3:]:
        theirs = parse(kcat_L(bootstrap, ref))
        if mine != theirs:
            print(f"kcat -L differs from {ref or 'the system librdkafka'}:")
            print(" ferrokafka:", mine)
            print(" reference: ", theirs)
            sys.exit(1)
        print(f"kcat -L: same brokers/topics/partitions as {ref or 'the system librdkafka'} "
              f"({len(mine['brokers'])} brokers, {len(mine['topics'])} topics)")


main()
