#!/usr/bin/env bash
# rust-rdkafka from crates.io (feature dynamic-linking) on ferrokafka:
# installs the library with `make install` into build/rust-check/prefix,
# builds bindings/rust-check against that installed copy through
# pkg-config (rdkafka-sys checks the version rdkafka.pc declares), checks
# that the binary loads the installed librdkafka.so.1 and that it reports
# ferrokafka's version, then runs its produce/consume round trip (delivery
# reports, keys, payloads, headers, timestamps, group commit and committed
# offsets) on the broker under test. The crate's build stays in
# build/rust-check/target, so only the first run compiles rust-rdkafka.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
dir=$top/build/rust-check
prefix=$dir/prefix
bin=$dir/target/debug/ferrokafka-rust-check
# Like every check, this one tests the library as it is in build/: -o lib
# keeps `make install` from rebuilding it.
make -s -C "$top" -o lib install PREFIX="$prefix" >/dev/null
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
unset PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR RDKAFKA_STATIC
echo "rust-check: rust-rdkafka against rdkafka.pc $(pkg-config --modversion rdkafka) in $prefix"
CARGO_TARGET_DIR=$dir/target cargo build --quiet --locked --manifest-path "$top/bindings/rust-check/Cargo.toml"
lib=$(env -u LD_LIBRARY_PATH ldd "$bin" | awk '/librdkafka/ {print $3}')
[ "$lib" = "$prefix/lib/librdkafka.so.1" ] || { echo "rust-check: the binary loads '$lib', not $prefix/lib/librdkafka.so.1"; exit 1; }
topic=it-rust-$$
"$top/tests/integration/create-topic.sh" "$topic" 3
out=$(mktemp)
trap 'rm -f "$out"' EXIT
env -u LD_LIBRARY_PATH timeout 240 "$bin" "$topic" 3 3000 | tee "$out"
grep -q '^version: 0x[0-9a-f]* .*ferrokafka' "$out" || { echo "rust-check: rd_kafka_version_str() is not ferrokafka's"; exit 1; }
