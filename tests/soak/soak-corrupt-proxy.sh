#!/usr/bin/env bash
# Long version of the fault and fuzz suite (issue 13, point 8; the short
# one runs in `make test` as tests/integration/check-fault-*.sh): every
# damage mode of tests/fault/corrupt_proxy.py on every response type the
# scenarios meet (ApiVersions, Metadata, Produce, Fetch, ListOffsets,
# FindCoordinator, JoinGroup, SyncGroup, Heartbeat, OffsetFetch,
# OffsetCommit, InitProducerId), always and some of the time, plus mixed
# random damage over longer producer and group runs, each on ferrokafka and
# on the reference librdkafka side by side (tests/fault/fault_suite.py
# --long). Against a 3-broker reference mock cluster, and tansu when
# installed. FAULT_SEED picks the proxy's seed (default 1; a failure is
# reproduced with the same seed and `fault_suite.py --only NAME`).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/soak-corrupt.XXXXXX")
pids=()
cleanup() {
    exec 3>&- 2>/dev/null || true
    for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
export IT_TOP=$top FAULT_SEED=${FAULT_SEED:-1}
fail=0

# The reference mock cluster (the system librdkafka's), 3 brokers.
if [ ! -x "$top/build/refmock" ] || [ "$top/tests/brokers/refmock.c" -nt "$top/build/refmock" ]; then
    cc -O2 -Wall -o "$top/build/refmock" "$top/tests/brokers/refmock.c" -lrdkafka
fi
mkfifo "$work/ctl"
"$top/build/refmock" 3 "$work/bootstrap" <"$work/ctl" >"$work/out" 2>"$work/refmock.log" &
pids+=($!)
exec 3>"$work/ctl"
for _ in $(seq 1 100); do [ -s "$work/bootstrap" ] && break; sleep 0.05; done
echo "== corrupt proxy soak on refmock (seed $FAULT_SEED)"
IT_BROKER=refmock IT_BOOTSTRAP=$(head -1 "$work/bootstrap") IT_MOCK_CTL=$work/ctl IT_MOCK_OUT=$work/out \
    python3 "$top/tests/fault/fault_suite.py" --long --seed "$FAULT_SEED" || fail=1

if command -v tansu >/dev/null 2>&1; then
    out=$("$top/tests/brokers/tansu.sh")
    pids+=(${out#* })
    echo "== corrupt proxy soak on tansu (seed $FAULT_SEED)"
    # Cases that need the mock's error injection are skipped there.
    IT_BROKER=tansu IT_BOOTSTRAP=${out% *} python3 "$top/tests/fault/fault_suite.py" --long --seed "$FAULT_SEED" || fail=1
fi
exit $fail
