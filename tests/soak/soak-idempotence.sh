#!/usr/bin/env bash
# The long version of tests/integration/check-idempotence.sh: 200,000
# numbered messages over 6 partitions with enable.idempotence=true while a
# fault of every kind (Produce errors NOT_LEADER_OR_FOLLOWER,
# REQUEST_TIMED_OUT, BROKER_NOT_AVAILABLE, NOT_ENOUGH_REPLICAS; a broker
# down and up again; a leader move; a slow broker) is injected every 1.5 s;
# the topic is read back and checked for loss, duplicates and order, and
# every message must have exactly one delivery report. It runs on ferrokafka
# and on the reference librdkafka, against librdkafka's mock cluster
# (refmock, which does not check sequence numbers) and against ferrokafka's
# (ferromock), each started here with 3 brokers. About 5 minutes.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
export IT_SOAK=1 IT_TOP=$top
work=$(mktemp -d "${TMPDIR:-/tmp}/ferro-soak-idemp.XXXXXX")
pid=
stop() {
    exec 3>&- 2>/dev/null || true
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    wait 2>/dev/null || true
    pid=
}
trap 'stop; rm -rf "$work"' EXIT
make -s -C "$top" lib >/dev/null

# Builds the host program of a mock kind (as tests/integration/run.sh does).
build() {
    case $1 in
        refmock)
            [ -x "$top/build/refmock" ] && [ "$top/build/refmock" -nt "$top/tests/brokers/refmock.c" ] ||
                cc -O2 -Wall -o "$top/build/refmock" "$top/tests/brokers/refmock.c" -lrdkafka ;;
        ferromock)
            # Always rebuilt: it must link this checkout's library.
            cc -O1 -g -Wall -Werror -I"$top/build/include" -o "$top/build/ferromock" "$top/tests/mock/mockhost.c" \
                -L"$top/build/lib" -Wl,-rpath,"$top/build/lib" -lrdkafka ;;
    esac
}

fail=0
for kind in refmock ferromock; do
    build $kind
    rm -f "$work/ctl" "$work/out" "$work/bootstrap"
    mkfifo "$work/ctl"
    "$top/build/$kind" 3 "$work/bootstrap" <"$work/ctl" >"$work/out" 2>"$work/$kind.log" &
    pid=$!
    exec 3>"$work/ctl"   # keeps the command pipe open
    for _ in $(seq 1 100); do [ -s "$work/bootstrap" ] && [ -s "$work/out" ] && break; sleep 0.05; done
    [ -s "$work/bootstrap" ] || { echo "$kind did not start: $(cat "$work/$kind.log")"; exit 2; }
    export IT_BROKER=$kind IT_BOOTSTRAP=$(head -1 "$work/bootstrap")
    export IT_MOCK_CTL=$work/ctl IT_MOCK_OUT=$work/out IT_MOCK_BIN=$top/build/$kind
    echo "== $kind ($IT_BOOTSTRAP)"
    if ! "$top/tests/integration/check-idempotence.sh"; then
        echo "FAIL: idempotence soak on $kind"
        fail=1
    fi
    stop
done
exit $fail
