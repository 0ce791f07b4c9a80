#!/usr/bin/env bash
# No slow growth, the short version (run by `make c-test`; the long one is
# tests/soak/soak-rss.sh behind `make soak`).
#
# tests/soak/rss_soak.c produces 5,000 msg/s and consumes them in a group at
# the same time, on the built-in mock cluster of the library it runs on (in
# the same process), for 45 s: on ferrokafka and on the reference
# librdkafka 2.16. Every 10 s the brokers stall for 1, 2, then 3 s (their
# responses are delayed), so delivery reports and fetched messages arrive in
# bursts of 5,000 to 15,000 messages, each larger than the last.
#
# After a 15 s warm-up (the mock cluster's partition log fills up to its
# 5 MiB bound, the first stall passes), the memory the process keeps must
# stay flat: the lowest RSS of the last quarter of the samples may exceed
# the lowest of the first quarter by at most 6 MiB, and the heap in use
# (glibc mallinfo2) by at most 2 MiB. What it catches:
#   - a mock cluster that keeps every message (ours kept 64 MiB per
#     partition: +18 MB RSS in this run);
#   - recycling pools that keep what a burst left in them (the producer's
#     message blocks, received frame buffers, the consumer's message lists:
#     each larger burst raised the heap for good, by 2-6 MB here).
# Both libraries must pass; the reference keeps its heap flat within a few
# tens of KB and its RSS within 1 MB. The lows, not the means or the last
# sample, are compared, so that a burst that the loaded machine adds (a
# stall of its own) does not fail the check unless its memory stays.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/soak/rss-lib.sh"
trap rss_cleanup EXIT

rss_build || exit 2
args=(-d 45 -w 15 -i 1 -p 1 -S 1000 -x 10:1000,2000,3000 -g 6144 -H 2048)
for lib in ours ref; do
    rss_run "check-rss-$lib" "$lib" "${args[@]}"
done
[ $failures -eq 0 ] && echo "check-rss: passed" || { echo "check-rss: $failures failed"; exit 1; }
