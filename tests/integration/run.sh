#!/usr/bin/env bash
# Integration tests against independent brokers.
#   tests/integration/run.sh [refmock|tansu|ferromock|refmock848]...   (default: all four)
# Broker kinds:
#   refmock    the system librdkafka's mock cluster (tests/brokers/refmock.c)
#   tansu      tansu, an independent Kafka-compatible broker
#   ferromock  ferrokafka's own mock cluster, hosted in its own process by
#              tests/mock/mockhost.c (linked to build/lib)
#   refmock848 the mock cluster of librdkafka 2.16 (the confluent-kafka
#              wheel's, tools/reference-librdkafka.sh), which has the KIP-848
#              consumer group coordinator: refmock.c built with
#              -DREFMOCK_KIP848 against ferrokafka's (ABI-identical) header.
#              Every c-tests/it_*.c program runs there (REFMOCK848_TESTS,
#              a space-separated list, narrows them); the Python tests and
#              check scripts run on the other kinds.
# The mock kinds are 3-broker clusters with fault injection, driven by the
# same commands (see tests/brokers/refmock.c).
# For each broker kind: start it, create the topics the tests use, run every
# c-tests/it_*.c program (built by c-tests/Makefile) with
#   IT_BROKER=refmock|tansu|ferromock  IT_BOOTSTRAP=host:port,...
#   IT_MOCK_CTL=<fifo>  IT_MOCK_OUT=<file>   (mock kinds only: fault injection)
#   IT_MOCK_BIN=<the mock's host program>    (mock kinds only)
# and the Python tests in bindings/python/tests_broker and every
# tests/integration/check-*.sh, then stop the broker.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
kinds=("$@")
[ ${#kinds[@]} -gt 0 ] || kinds=(refmock tansu ferromock refmock848)
REFMOCK848_TESTS=${REFMOCK848_TESTS:-}
work=$(mktemp -d "${TMPDIR:-/tmp}/ferro-it.XXXXXX")
pids=()
cleanup() {
    exec 3>&- 2>/dev/null || true
    for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

build_refmock() {
    if [ ! -x "$top/build/refmock" ] || [ "$top/tests/brokers/refmock.c" -nt "$top/build/refmock" ]; then
        cc -O2 -Wall -o "$top/build/refmock" "$top/tests/brokers/refmock.c" -lrdkafka
    fi
}

build_refmock848() {
    local ref
    ref=$("$top/tools/reference-librdkafka.sh")
    if [ ! -x "$top/build/refmock848" ] || [ "$top/tests/brokers/refmock.c" -nt "$top/build/refmock848" ]; then
        cc -O2 -Wall -DREFMOCK_KIP848 -I"$top/build/include" -o "$top/build/refmock848" "$top/tests/brokers/refmock.c" \
            "$ref/librdkafka.so.1" -Wl,-rpath,"$ref"
    fi
}

# Starts a librdkafka mock cluster (refmock or refmock848) with N brokers;
# sets IT_BOOTSTRAP, IT_MOCK_CTL, IT_MOCK_OUT.
start_refmock() {
    local n=$1 bin=${2:-refmock}
    "build_$bin"
    mkfifo "$work/ctl"
    "$top/build/$bin" "$n" "$work/bootstrap" <"$work/ctl" >"$work/out" 2>"$work/$bin.log" &
    pids+=($!)
    exec 3>"$work/ctl"   # keeps the command pipe open between test programs
    for _ in $(seq 1 100); do [ -s "$work/bootstrap" ] && break; sleep 0.05; done
    export IT_BOOTSTRAP=$(head -1 "$work/bootstrap")
    export IT_MOCK_CTL="$work/ctl" IT_MOCK_OUT="$work/out" IT_MOCK_BIN="$top/build/$bin"
}

# ferrokafka's mock cluster in its own process: our header, our library.
build_ferromock() {
    local lib
    lib=$(env -u LD_LIBRARY_PATH ldd "$top/build/ferromock" 2>/dev/null | awk '/librdkafka/ {print $3}' || true)
    # Rebuilt when stale or linked (rpath) to another checkout's library.
    if [ ! -x "$top/build/ferromock" ] || [ "$top/tests/mock/mockhost.c" -nt "$top/build/ferromock" ] ||
        [ "$top/build/include/librdkafka/rdkafka_mock.h" -nt "$top/build/ferromock" ] ||
        [ "$lib" != "$top/build/lib/librdkafka.so.1" ]; then
        cc -O1 -g -Wall -Werror -I"$top/build/include" -o "$top/build/ferromock" "$top/tests/mock/mockhost.c" \
            -L"$top/build/lib" -Wl,-rpath,"$top/build/lib" -lrdkafka
    fi
    lib=$(env -u LD_LIBRARY_PATH ldd "$top/build/ferromock" | awk '/librdkafka/ {print $3}')
    [ "$lib" = "$top/build/lib/librdkafka.so.1" ] || { echo "ferromock uses '$lib', not ferrokafka"; exit 2; }
}

# Starts ferrokafka's mock cluster with N brokers; sets IT_BOOTSTRAP,
# IT_MOCK_CTL, IT_MOCK_OUT (same command protocol as refmock).
start_ferromock() {
    local n=$1
    build_ferromock
    mkfifo "$work/ctl"
    "$top/build/ferromock" "$n" "$work/bootstrap" <"$work/ctl" >"$work/out" 2>"$work/ferromock.log" &
    pids+=($!)
    exec 3>"$work/ctl"   # keeps the command pipe open between test programs
    for _ in $(seq 1 100); do [ -s "$work/bootstrap" ] && break; sleep 0.05; done
    [ -s "$work/bootstrap" ] || { echo "ferromock did not start: $(cat "$work/ferromock.log")"; exit 2; }
    # The first line of its output is the bootstrap list, not an answer.
    for _ in $(seq 1 100); do [ -s "$work/out" ] && break; sleep 0.05; done
    export IT_BOOTSTRAP=$(head -1 "$work/bootstrap")
    export IT_MOCK_CTL="$work/ctl" IT_MOCK_OUT="$work/out" IT_MOCK_BIN="$top/build/ferromock"
}

mock_cmd() { # command... ; waits for its answer
    local before
    before=$(wc -l <"$work/out")
    echo "$*" >&3
    for _ in $(seq 1 100); do
        [ "$(wc -l <"$work/out")" -gt "$before" ] && break
        sleep 0.02
    done
    tail -1 "$work/out" | grep -q '^ok' || { echo "$IT_BROKER: $* -> $(tail -1 "$work/out")"; return 1; }
}

start_tansu() {
    local out
    out=$("$top/tests/brokers/tansu.sh")
    export IT_BOOTSTRAP=${out% *}
    pids+=(${out#* })
    unset IT_MOCK_CTL IT_MOCK_OUT IT_MOCK_BIN
}

create_topic() { # name partitions
    case $IT_BROKER in
        refmock|refmock848|ferromock) mock_cmd topic "$1" "$2" 1 ;;
        tansu) tansu topic create --broker "tcp://$IT_BOOTSTRAP" --partitions "$2" "$1" >/dev/null ;;
    esac
}

stop_broker() {
    exec 3>&- 2>/dev/null || true
    for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pids=()
    rm -f "$work/ctl" "$work/bootstrap" "$work/out"
}

make -s -C "$top/c-tests" all
fail=0
export IT_TOP=$top
for kind in "${kinds[@]}"; do
    export IT_BROKER=$kind
    case $kind in
        refmock) start_refmock 3 ;;
        tansu) start_tansu ;;
        ferromock) start_ferromock 3 ;;
        refmock848) start_refmock 3 refmock848 ;;
        *) echo "unknown broker kind $kind"; exit 2 ;;
    esac
    create_topic it-meta 4
    create_topic it-meta2 1
    echo "== integration tests on $kind ($IT_BOOTSTRAP)"
    for t in "$top"/build/c-tests/it_*; do
        [ -x "$t" ] || continue
        if [ "$kind" = refmock848 ] && [ -n "$REFMOCK848_TESTS" ] &&
            [[ " $REFMOCK848_TESTS " != *" $(basename "$t") "* ]]; then continue; fi
        # The churn check (classic groups, about 2.5 minutes a broker) runs
        # on the two independent brokers here; tests/soak/soak-churn.sh
        # (make soak) has the long version.
        if [ "$(basename "$t")" = it_churn ] && [ "$kind" != refmock ] && [ "$kind" != tansu ] &&
            [ -z "${IT_CHURN_ALL:-}" ]; then continue; fi
        # it_churn runs its scenarios on both libraries (about 2.5 minutes; up to
        # twice its deadlines on a slow machine).
        case $(basename "$t") in it_churn) limit=900 ;; *) limit=120 ;; esac
        if LD_LIBRARY_PATH=$top/build/lib timeout "$limit" "$t"; then :; else echo "FAIL: $(basename "$t") on $kind"; fail=1; fi
    done
    if [ "$kind" = refmock848 ]; then stop_broker; continue; fi
    # confluent_kafka built against ferrokafka (bindings/python/build.sh).
    [ -x "$top/build/python-venv/bin/python" ] || "$top/bindings/python/build.sh" >/dev/null
    if "$top/build/python-venv/bin/python" -m pytest -q -p no:cacheprovider "$top/bindings/python/tests_broker"; then :; else
        echo "FAIL: python tests on $kind"; fail=1
    fi
    for s in "$top"/tests/integration/check-*.sh; do
        [ -x "$s" ] || continue
        if timeout 300 "$s"; then :; else
            echo "FAIL: $(basename "$s") on $kind"; fail=1
            # The broker's own log, for the diagnosis.
            [ -f "$work/$kind.log" ] && { echo "--- last lines of the $kind log"; tail -20 "$work/$kind.log"; }
        fi
    done
    # Stop this broker before the next kind.
    stop_broker
done
exit $fail
