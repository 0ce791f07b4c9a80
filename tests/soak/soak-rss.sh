#!/usr/bin/env bash
# No slow growth, the long version (`make soak`; the short one is
# tests/soak/check-rss.sh in `make test`).
#
# tests/soak/rss_soak.c produces 5,000 msg/s of 100 B and consumes them in a
# group at the same time, with statistics every 5 s, for RSS_SOAK_SECONDS
# (default 300) per case, and samples its own RSS and heap in use (and the
# broker's RSS when the broker is a process of its own) every 5 s. Every
# 60 s the brokers stall, for 1, 2, 3, then 4 s (delayed responses: bursts
# of delivery reports and fetched messages, each larger than the last, as a
# slow or busy broker causes now and then; memory kept after a burst grows
# with the largest burst seen, which is how a long run crept up). After a
# 90 s warm-up (the partition logs fill to their bound, the first stall
# passes) each series must stay flat: its lowest value in the last quarter
# of the samples may exceed its lowest in the first quarter by at most
# RSS_SOAK_MAX_KB (default 2048) for the RSS and the broker's RSS, and by at
# most RSS_SOAK_MAX_HEAP_KB (default 1024) for the heap. Each case runs on
# ferrokafka and on the reference librdkafka 2.16, which must pass the same
# limits. Cases (all by default; or name them as arguments):
#   inproc   client and the library's own mock cluster in one process
#   client   the client alone, against the system librdkafka's mock cluster
#            in its own process (refmock)
#   mock     the mock cluster alone, in its own process (ours: ferromock;
#            the reference's: refmock848), driven by the reference client;
#            the limit applies to the broker's RSS
# RSS_SOAK_LIBS (default "ours ref") narrows the libraries (for the mock
# case: ours = ferromock, ref = refmock848); RSS_SOAK_OURS_LIB measures
# another build of ours (tests/soak/rss-lib.sh). The slopes (KB/s) are
# printed for the record.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/soak/rss-lib.sh"
trap rss_cleanup EXIT

secs=${RSS_SOAK_SECONDS:-300}
max_kb=${RSS_SOAK_MAX_KB:-2048}
max_heap_kb=${RSS_SOAK_MAX_HEAP_KB:-1024}
libs=${RSS_SOAK_LIBS:-ours ref}
cases=("$@")
[ ${#cases[@]} -gt 0 ] || cases=(inproc client mock)
common=(-d "$secs" -w 90 -i 5 -p 6 -S 5000 -x 60:1000,2000,3000,4000)

rss_build || exit 2
for c in "${cases[@]}"; do
    case $c in
        inproc)
            for lib in $libs; do
                rss_run "inproc-$lib" "$lib" "${common[@]}" -g "$max_kb" -H "$max_heap_kb"
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
