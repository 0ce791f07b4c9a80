#!/usr/bin/env bash
# No slow growth, the long version (`make soak`; the short one is
# tests/soak/check-rss.sh in `make test`).
#
# tests/soak/rss_soak.c produces 5,000 msg/s of 100 B and consumes them in a
# group at the same time, with statistics every 5 s, for RSS_SOAK_SECONDS
# (default 600) per case, and samples its own RSS and heap in use (and the
# broker's RSS when the broker is a process of its own) every 5 s. Every
# 60 s the brokers stall, for 1, 2, 3, then 4 s, and again (delayed
# responses: bursts of delivery reports and fetched messages, as a slow or
# busy broker causes now and then). Each series must stay flat: its lowest
# value in the last quarter of its samples may exceed its lowest in the
# first quarter by at most RSS_SOAK_MAX_KB (default 2048) for the RSS and
# the broker's RSS, and by at most RSS_SOAK_MAX_HEAP_KB (default 1024) for
# the heap in use.
#   - The heap series starts at 55 s (the mock cluster's partition logs are
#     full, no stall yet): memory a burst leaves in use shows, however
#     large the burst (each of the first four is larger than the last).
#   - The RSS series start at 270 s, after the first 4 s stall: a burst
#     larger than any before grows glibc's arenas for good (free but
#     fragmented memory, ~1 MB per larger burst with librdkafka as with
#     ours), so the RSS is only flat once the largest burst was seen. From
#     then on a growth of about 8 KB/s or more fails the run.
# Each case runs on ferrokafka and on the reference librdkafka 2.16, which
# must pass the same limits. Cases (all by default; or name them as
# arguments):
#   inproc   client and the library's own mock cluster in one process
#   idemp    the same with an idempotent producer (one batch in flight per
#            partition: a stall's backlog waits in the partition queues)
#   client   the client alone, against the system librdkafka's mock cluster
#            in its own process (refmock)
#   mock     the mock cluster alone, in its own process (ours: ferromock;
#            the reference's: refmock848), driven by the reference client;
#            the limit applies to the broker's RSS
# RSS_SOAK_LIBS (default "ours ref") narrows the libraries (for the mock
# case: ours = ferromock, ref = refmock848); RSS_SOAK_OURS_LIB measures
# another build of ours (tests/soak/rss-lib.sh). The slopes (KB/s) are
# printed for the record. About 80 minutes with the defaults.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/soak/rss-lib.sh"
trap rss_cleanup EXIT

secs=${RSS_SOAK_SECONDS:-600}
max_kb=${RSS_SOAK_MAX_KB:-2048}
max_heap_kb=${RSS_SOAK_MAX_HEAP_KB:-1024}
libs=${RSS_SOAK_LIBS:-ours ref}
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(inproc idemp client mock)
common=(-d "$secs" -w 270 -W 55 -i 5 -p 6 -S 5000 -x 60:1000,2000,3000,4000)

rss_build || exit 2
for c in "${cases[@]}"; do
    case $c in
        inproc)
            for lib in $libs; do
                rss_run "inproc-$lib" "$lib" "${common[@]}" -g "$max_kb" -H "$max_heap_kb"
            done ;;
        idemp)
            for lib in $libs; do
                rss_run "idemp-$lib" "$lib" "${common[@]}" -I -g "$max_kb" -H "$max_heap_kb"
            done ;;
        client)
            for lib in $libs; do
                rss_host_start refmock || exit 2
                rss_run "client-$lib@refmock" "$lib" "${common[@]}" -b "$bootstrap" -C "$ctl" -P "$hostpid" \
                    -g "$max_kb" -H "$max_heap_kb"
                rss_host_stop
            done ;;
        mock)
            for lib in $libs; do
                if [ "$lib" = ours ]; then kind=ferromock; else kind=refmock848; fi
                rss_host_start "$kind" || exit 2
                rss_run "mock-$kind" ref "${common[@]}" -b "$bootstrap" -C "$ctl" -P "$hostpid" -G "$max_kb"
                rss_host_stop
            done ;;
        *) echo "unknown case $c"; exit 2 ;;
    esac
done
[ $failures -eq 0 ] && echo "soak-rss: passed" || { echo "soak-rss: $failures failed"; exit 1; }
