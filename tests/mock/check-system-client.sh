#!/usr/bin/env bash
# Independent check of ferrokafka's mock cluster: a host program linked to
# OUR library (build/lib, our rdkafka_mock.h) creates a mock cluster, and
# clients built on the SYSTEM librdkafka (Debian's librdkafka1) talk to it:
#   - tests/mock/sysclient.c: metadata, 1000 keyed messages with headers
#     produced to a 3-partition topic, consumed back in a consumer group,
#     contents, offsets and committed offsets checked;
#   - tests/mock/systxn.c: transactional producer (abort, commit, offsets
#     sent in the transaction) and read_committed / read_uncommitted
#     consumers;
#   - tests/mock/sysgroup.c: two consumers of one group share the
#     partitions, the survivor gets them all when the other leaves;
#   - kcat (Debian, system librdkafka): -L, -P, -C -e.
# Needs `make lib` first. Exits non-zero on any failure.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/mock-check
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/ferro-mockcheck.XXXXXX")
. "$top/tests/mock/mockhost-lib.sh"
cleanup() {
    mockhost_stop
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "check-system-client: FAIL: $*" >&2; exit 1; }

[ -f "$top/build/lib/librdkafka.so.1" ] || fail "build/lib/librdkafka.so.1 missing: run make lib"
[ -f /usr/include/librdkafka/rdkafka.h ] || fail "system librdkafka headers missing (librdkafka-dev)"
command -v kcat >/dev/null || fail "kcat missing"

# Client: the system header and library only (the host: ours, mockhost_build).
cc -O1 -g -Wall -Werror -o "$out/sysclient" "$top/tests/mock/sysclient.c" -lrdkafka
cc -O1 -g -Wall -Werror -o "$out/systxn" "$top/tests/mock/systxn.c" -lrdkafka
cc -O1 -g -Wall -Werror -o "$out/sysgroup" "$top/tests/mock/sysgroup.c" -lrdkafka

syslib=$(env -u LD_LIBRARY_PATH ldd "$out/sysclient" | awk '/librdkafka/ {print $3}')
case "$syslib" in "$top"*|"") fail "sysclient uses '$syslib', not the system librdkafka";; esac
mockhost_build
echo "client: $syslib"

mockhost_start 3

cmd topic sysclient-topic 3 3
cmd topic kcat-topic 2 3
cmd topic txn-topic 1 3
cmd topic group-topic 4 3
cmd delay 300

# 1. The system librdkafka client.
env -u LD_LIBRARY_PATH -u LD_PRELOAD timeout 180 "$out/sysclient" "$bootstrap" sysclient-topic 3 1000 sysclient-group \
    || fail "sysclient"

# 2. Transactions: abort and commit, read_committed, offsets in a transaction.
env -u LD_LIBRARY_PATH -u LD_PRELOAD timeout 180 "$out/systxn" "$bootstrap" txn-topic || fail "systxn"

# 3. Two group members: rebalance over both, then back to one.
env -u LD_LIBRARY_PATH -u LD_PRELOAD timeout 180 "$out/sysgroup" "$bootstrap" group-topic 4 || fail "sysgroup"

# 4. kcat (system librdkafka).
kc() { env -u LD_LIBRARY_PATH -u LD_PRELOAD timeout 60 kcat -b "$bootstrap" "$@"; }
kc -L >"$work/L.txt" || fail "kcat -L"
grep -q ' 3 brokers:' "$work/L.txt" || fail "kcat -L: brokers: $(cat "$work/L.txt")"
grep -q 'topic "kcat-topic" with 2 partitions' "$work/L.txt" || fail "kcat -L: topic"
grep -q 'topic "sysclient-topic" with 3 partitions' "$work/L.txt" || fail "kcat -L: topic"
grep -q '(controller)' "$work/L.txt" || fail "kcat -L: controller"
for i in $(seq 1 200); do echo "k$i:message number $i"; done >"$work/in.txt"
kc -P -t kcat-topic -K: -l "$work/in.txt" || fail "kcat -P"
kc -C -t kcat-topic -e -q -f '%k:%s\n' >"$work/c.txt" || fail "kcat -C"
sort "$work/in.txt" >"$work/in.sorted"
sort "$work/c.txt" >"$work/c.sorted"
cmp -s "$work/in.sorted" "$work/c.sorted" || fail "kcat -C returned different messages ($(wc -l <"$work/c.txt") lines)"
# Per partition, offsets are 0..n-1 in order.
kc -C -t kcat-topic -e -q -f '%p %o\n' >"$work/o.txt" || fail "kcat -C offsets"
awk '{ if ($2 != next_off[$1]+0) { print "partition " $1 " offset " $2 " expected " next_off[$1]+0; bad=1 } next_off[$1]=$2+1 }
     END { exit bad }' "$work/o.txt" || fail "kcat -C offsets not contiguous"
parts=$(awk '{print $1}' "$work/o.txt" | sort -u | wc -l)
[ "$parts" -eq 2 ] || fail "kcat messages landed in $parts partition(s)"
# Reading from the end of a partition returns nothing and ends.
n=$(kc -C -t kcat-topic -p 0 -o end -e -q | wc -l)
[ "$n" -eq 0 ] || fail "kcat -o end returned $n messages"
echo "kcat: -L, -P (200 messages), -C -e ok"

cmd quit || true
echo "check-system-client: all checks passed"
