#!/usr/bin/env python3
"""Checks what a reference librdkafka (kcat) consumes against the delivery
reports of produce_check: every reported message is at its reported
partition and offset with the right key, value, timestamp and headers.

usage: produce_verify.py DR_FILE KCAT_FILE COUNT"""
import sys

dr_file, kcat_file, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
reports = {}
for line in open(dr_file):
    p = line.split()
    if p and p[0] == "DR":
        i, err, part, off = int(p[1]), p[2], int(p[3]), int(p[4])
        if err != "NO_ERROR":
            sys.exit(f"message {i} failed: {err}")
        reports[(part, off)] = i
if len(reports) != count:
    sys.exit(f"{len(reports)} distinct (partition, offset) reports for {count} messages")

consumed = {}
for line in open(kcat_file, encoding="latin-1"):
    line = line.rstrip("\n")
    if not line:
        continue
    part, off, key, value, ts, hdrs = line.split("\t")
    consumed[(int(part), int(off))] = (key, value, int(ts), hdrs)
bad = 0
for (part, off), i in sorted(reports.items()):
    got = consumed.get((part, off))
    want_key = "" if i % 10 == 9 else f"key-{i}"
    want_value = f"value-{i}-" + "0" * max(i % 50, 1)  # printf("%0*d", w, 0)
    want_hdrs = "" if i % 7 == 0 else f"idx={i},kind=test"
    want = (want_key, want_value, 1700000000000 + i, want_hdrs)
    if got != want:
        bad += 1
        if bad <= 5:
            print(f"message {i} at {part}/{off}: got {got}, want {want}")
if len(consumed) != count:
    print(f"consumed {len(consumed)} messages, produced {count}")
    bad += 1
if bad:
    sys.exit(1)
print(f"{count} messages verified by the reference consumer")
