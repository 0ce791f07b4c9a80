#!/usr/bin/env bash
# The long version of c-tests/it_churn.c (a consumer group under churn makes
# progress; duplicates under slower churn), on librdkafka's mock cluster
# (refmock: Debian's librdkafka 2.0.2, in its own process): fast churn for
# 90 s, slower churn over 60,000 messages, each on the reference librdkafka
# and on ferrokafka. Started by tests/soak/run.sh (IT_SOAK=1).
#   SOAK_CHURN_KINDS="refmock refmock848"   other mock kinds (default refmock)
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
export IT_SOAK=1 IT_TOP=$top
make -s -C "$top/c-tests" all
work=$(mktemp -d "${TMPDIR:-/tmp}/ferro-soak-churn.XXXXXX")
pid=
cleanup() {
    exec 3>&- 2>/dev/null || true
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

fail=0
for kind in ${SOAK_CHURN_KINDS:-refmock}; do
    case $kind in
        refmock)
            bin=$top/build/refmock
            if [ ! -x "$bin" ] || [ "$top/tests/brokers/refmock.c" -nt "$bin" ]; then
                cc -O2 -Wall -o "$bin" "$top/tests/brokers/refmock.c" -lrdkafka
            fi ;;
        refmock848)
            bin=$top/build/refmock848
            ref=$("$top/tools/reference-librdkafka.sh")
            if [ ! -x "$bin" ] || [ "$top/tests/brokers/refmock.c" -nt "$bin" ]; then
                cc -O2 -Wall -DREFMOCK_KIP848 -I"$top/build/include" -o "$bin" "$top/tests/brokers/refmock.c" \
                    "$ref/librdkafka.so.1" -Wl,-rpath,"$ref"
            fi ;;
        *) echo "soak-churn: unknown mock kind $kind"; exit 2 ;;
    esac
    rm -f "$work/ctl" "$work/bootstrap" "$work/out"
    mkfifo "$work/ctl"
    # The mock must run on its own librdkafka, not on the library under test.
    env -u LD_LIBRARY_PATH "$bin" 3 "$work/bootstrap" <"$work/ctl" >"$work/out" 2>"$work/mock.log" &
    pid=$!
    exec 3>"$work/ctl"
    for _ in $(seq 1 100); do [ -s "$work/bootstrap" ] && break; sleep 0.05; done
    [ -s "$work/bootstrap" ] || { echo "soak-churn: $kind did not start: $(cat "$work/mock.log")"; exit 2; }
    export IT_BROKER=$kind IT_BOOTSTRAP=$(head -1 "$work/bootstrap")
    export IT_MOCK_CTL=$work/ctl IT_MOCK_OUT=$work/out IT_MOCK_BIN=$bin
    echo "== soak-churn on $kind ($IT_BOOTSTRAP)"
    if LD_LIBRARY_PATH=$top/build/lib timeout 2400 "$top/build/c-tests/it_churn"; then :; else
        echo "FAIL: it_churn (long) on $kind"; fail=1
    fi
    exec 3>&-
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    pid=
done
exit $fail
