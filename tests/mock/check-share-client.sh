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
. "$top/tests/mock/mockhost-lib.sh"
cleanup() {
    mockhost_stop
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

# Our header (same ABI), the reference library.
cc -O1 -g -Wall -Werror -I"$top/build/include" -o "$out/sysshare" "$top/tests/mock/sysshare.c" \
    "$ref/librdkafka.so.1" -Wl,-rpath,"$ref"

clientlib=$(env -u LD_LIBRARY_PATH ldd "$out/sysshare" | awk '/librdkafka/ {print $3}')
[ "$(readlink -f "$clientlib")" = "$(readlink -f "$ref/librdkafka.so.1")" ] \
    || fail "sysshare uses '$clientlib', not the reference librdkafka"
mockhost_build
echo "client: $clientlib"

mockhost_start 1 "${SHARE_HOST_ERR:-$work/host.err}"

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
