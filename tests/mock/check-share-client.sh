#!/usr/bin/env bash
# Independent check of the KIP-932 share groups of ferrokafka's mock
# cluster: a host program linked to OUR library (tests/mock/mockhost.c,
# build/lib) creates the cluster, and tests/mock/sysshare.c, linked to the
# REFERENCE librdkafka 2.16 (tools/reference-librdkafka.sh: the
# confluent-kafka wheel's copy, which has the share consumer), consumes
# from it with two share consumers: acquisition, explicit accept / release
# / reject acknowledgements, redelivery with delivery counts, share
# sessions, the server-side assignor. sysshare is compiled with our
# rdkafka.h (librdkafka 2.16's ABI); the script checks which library each
# program loads. Needs `make lib` first. Exits non-zero on any failure.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
out=$top/build/mock-check
mkdir -p "$out"
work=$(mktemp -d "${TMPDIR:-/tmp}/ferro-sharecheck.XXXXXX")
hostpid=
cleanup() {
    exec 3>&- 2>/dev/null || true
    [ -n "$hostpid" ] && kill "$hostpid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "check-share-client: FAIL: $*" >&2
    [ -s "$work/host.err" ] && tail -20 "$work/host.err" >&2
    exit 1
}

[ -f "$top/build/lib/librdkafka.so.1" ] || fail "build/lib/librdkafka.so.1 missing: run make lib"
ref=$("$top/tools/reference-librdkafka.sh") || fail "no reference librdkafka"
[ -f "$ref/librdkafka.so.1" ] || fail "reference librdkafka missing in $ref"

cc -O1 -g -Wall -Werror -I"$top/build/include" -o "$out/mockhost" "$top/tests/mock/mockhost.c" \
    -L"$top/build/lib" -Wl,-rpath,"$top/build/lib" -lrdkafka
# Our header (same ABI), the reference library.
cc -O1 -g -Wall -Werror -I"$top/build/include" -o "$out/sysshare" "$top/tests/mock/sysshare.c" \
    "$ref/librdkafka.so.1" -Wl,-rpath,"$ref"

hostlib=$(ldd "$out/mockhost" | awk '/librdkafka/ {print $3}')
clientlib=$(env -u LD_LIBRARY_PATH ldd "$out/sysshare" | awk '/librdkafka/ {print $3}')
[ "$hostlib" = "$top/build/lib/librdkafka.so.1" ] || fail "mockhost uses $hostlib, not ferrokafka"
[ "$(readlink -f "$clientlib")" = "$(readlink -f "$ref/librdkafka.so.1")" ] \
    || fail "sysshare uses '$clientlib', not the reference librdkafka"
echo "host: $hostlib"
echo "client: $clientlib"

mkfifo "$work/ctl"
"$out/mockhost" 1 "$work/bootstrap" <"$work/ctl" >"$work/host.out" 2>"${SHARE_HOST_ERR:-$work/host.err}" &
hostpid=$!
exec 3>"$work/ctl"
for _ in $(seq 1 100); do [ -s "$work/bootstrap" ] && break; sleep 0.05; done
[ -s "$work/bootstrap" ] || fail "mockhost did not start: $(cat "$work/host.err")"
bootstrap=$(head -1 "$work/bootstrap")
echo "mock cluster: $bootstrap"

cmd() { # command; waits for its answer
    local before
    before=$(grep -c . "$work/host.out" || true)
    echo "$*" >&3
    for _ in $(seq 1 100); do
        [ "$(grep -c . "$work/host.out" || true)" -gt "$before" ] && break
        sleep 0.02
    done
    tail -1 "$work/host.out" | grep -q '^ok' || fail "mockhost: $* -> $(tail -1 "$work/host.out")"
}
cmd topic share-topic 4 1
cmd share auto_offset_reset 1
cmd share heartbeat_interval 500
cmd share record_lock_duration 5000

env -u LD_LIBRARY_PATH -u LD_PRELOAD timeout 180 "$out/sysshare" "$bootstrap" share-topic 400 share-group \
    || fail "sysshare"
# Both members left the group on close.
cmd share_members share-group
tail -1 "$work/host.out" | grep -qx 'ok 0' || fail "share group still has members: $(tail -1 "$work/host.out")"

cmd quit || true
echo "check-share-client: all checks passed"
