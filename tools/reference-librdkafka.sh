#!/usr/bin/env bash
# Provides the librdkafka bundled in the confluent-kafka wheel (a recent
# librdkafka, used only as an independent reference peer and benchmark
# opponent, never linked into ferrokafka). Prints the directory that holds
# it as librdkafka.so.1, for LD_LIBRARY_PATH.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
dir=$top/build/reference-librdkafka
version=${CONFLUENT_KAFKA_VERSION:-2.16.1}
if [ ! -e "$dir/librdkafka.so.1" ]; then
    mkdir -p "$dir/wheel"
    pip download -q --only-binary :all: --no-deps --platform manylinux_2_28_x86_64 \
        --python-version 3.11 -d "$dir/wheel" "confluent-kafka==$version" >&2
    (cd "$dir/wheel" && python3 -m zipfile -e confluent_kafka-*.whl x >/dev/null)
    lib=$(ls "$dir"/wheel/x/confluent_kafka.libs/librdkafka-*.so.1 | head -1)
    cp "$lib" "$dir/"
    # Its own dependencies ship next to it in the wheel.
    cp "$dir"/wheel/x/confluent_kafka.libs/*.so* "$dir/" 2>/dev/null || true
    ln -sf "$(basename "$lib")" "$dir/librdkafka.so.1"
    rm -rf "$dir/wheel"
fi
echo "$dir"
