#!/usr/bin/env bash
# The idempotent producer keeps every partition in order, without loss or
# duplicate, and gives every message exactly one delivery report, while
# faults are injected into the broker (tests/integration/prog/
# idempotence_faults.c): Produce requests failing with
# NOT_LEADER_OR_FOLLOWER, REQUEST_TIMED_OUT, BROKER_NOT_AVAILABLE and
# NOT_ENOUGH_REPLICAS, brokers going down and coming back with batches in
# flight, partition leaders moving, slow brokers. The same program runs on
# ferrokafka and on the reference librdkafka (2.16, the confluent-kafka
# wheel's), against the same broker, and both must pass: the scenario is one
# librdkafka survives.
#
# Faults need a mock cluster (refmock, ferromock). librdkafka's mock
# (refmock) does not check the sequence numbers of an idempotent producer
# without a transactional id, so nothing but the client keeps the order
# there. On tansu the program runs without faults.
#
# The topic is read back with kcat: on the system librdkafka on refmock, on
# the reference elsewhere (Debian's 2.0.2 cannot talk to tansu).
#
# The load matters: the faults must hit partitions that have batches in
# flight (at 1,500 messages/s the defect this guards against hardly shows;
# at 4,000/s it shows in every run).
# make test: 60,000 messages over 6 partitions in 15 s, a fault every
# 0.5 s (under a minute per broker kind for both libraries). IT_SOAK=1
# (tests/soak/soak-idempotence.sh): 200,000 messages in 50 s, a fault every
# 1.5 s. IDEMP_COUNT, IDEMP_SECONDS, IDEMP_INTERVAL_MS, IDEMP_FAULTS and
# IDEMP_LIBS ("ferrokafka reference") override them.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ref=$("$top/tools/reference-librdkafka.sh")
cc -O2 -Wall -I"$top/c-tests" -I"$top/build/include" -o "$work/idempotence_faults" \
    "$top/tests/integration/prog/idempotence_faults.c" -L"$top/build/lib" -lrdkafka -lpthread

all=notleader,timeout,brokerna,replicas,down,leader,rtt
if [ -n "${IT_SOAK:-}" ]; then
    count=200000 seconds=50 interval=1500
else
    count=60000 seconds=15 interval=500
fi
case $IT_BROKER in
    refmock|refmock848|ferromock) faults=$all ;;
    *) faults=none count=$((count / 2)) seconds=$((seconds / 4)) ;;
esac
count=${IDEMP_COUNT:-$count} seconds=${IDEMP_SECONDS:-$seconds}
interval=${IDEMP_INTERVAL_MS:-$interval} faults=${IDEMP_FAULTS:-$faults}
if [ "$IT_BROKER" = refmock ]; then
    export KCAT="env -u LD_LIBRARY_PATH kcat"
else
    export KCAT="env LD_LIBRARY_PATH=$ref kcat"
fi

fail=0
for lib in ${IDEMP_LIBS:-ferrokafka reference}; do
    case $lib in
        ferrokafka) libdir=$top/build/lib ;;
        reference) libdir=$ref ;;
        *) echo "unknown library $lib"; exit 2 ;;
    esac
    topic=it-idemp-$lib-$$
    "$top/tests/integration/create-topic.sh" "$topic" 6
    start=$(date +%s)
    if LD_LIBRARY_PATH=$libdir "$work/idempotence_faults" "$topic" "$count" 6 "$seconds" "$faults" "$interval" \
        >"$work/out.$lib" 2>"$work/err.$lib"; then
        echo "$lib: $(grep RESULT "$work/out.$lib") ($(( $(date +%s) - start )) s)"
    else
        echo "FAIL $lib: $(grep RESULT "$work/out.$lib" || echo "no result")"
        grep -v '^%' "$work/err.$lib" | tail -20
        fail=1
    fi
    # The library that ran must be the one meant.
    if [ "$lib" = ferrokafka ]; then grep -q "lib=.*ferrokafka" "$work/out.$lib" || { echo "FAIL: not ferrokafka"; fail=1; }
    else ! grep -q "lib=.*ferrokafka" "$work/out.$lib" || { echo "FAIL: the reference run loaded ferrokafka"; fail=1; }; fi
done
exit $fail
