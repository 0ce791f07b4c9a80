#!/usr/bin/env bash
# `make install PREFIX=...` puts the library, headers and rdkafka.pc where
# librdkafka's install does, and a program builds with pkg-config against
# the installed copy and runs on it.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
prefix=$(mktemp -d "${TMPDIR:-/tmp}/ferro-install.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
make -s -C "$top" install PREFIX="$prefix" >/dev/null
for f in lib/librdkafka.so.1 lib/librdkafka.so lib/librdkafka.a lib/pkgconfig/rdkafka.pc \
         include/librdkafka/rdkafka.h include/librdkafka/rdkafka_mock.h; do
    [ -e "$prefix/$f" ] || { echo "missing $prefix/$f"; exit 1; }
done
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
flags=$(pkg-config --cflags --libs rdkafka)
case "$flags" in *"-I$prefix/include"*"-L$prefix/lib"*"-lrdkafka"*) ;; *) echo "pkg-config gave: $flags"; exit 1;; esac
cat >"$prefix/app.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <librdkafka/rdkafka.h>
int main(void) {
        printf("%s\n", rd_kafka_version_str());
        return strstr(rd_kafka_version_str(), "ferrokafka") ? 0 : 1;
}
C
cc -o "$prefix/app" "$prefix/app.c" $flags
LD_LIBRARY_PATH=$prefix/lib "$prefix/app" >/dev/null
# The static library links too (with its system libraries).
cc -o "$prefix/app-static" "$prefix/app.c" -I"$prefix/include" "$prefix/lib/librdkafka.a" \
    $(pkg-config --libs-only-other --static rdkafka) -lssl -lcrypto -lpthread -ldl -lm -lrt -lgcc_s
"$prefix/app-static" >/dev/null
echo "install ok: $prefix layout, pkg-config, shared and static linking"
