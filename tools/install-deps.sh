#!/usr/bin/env bash
# Installs what building and testing ferrokafka needs on Debian/Ubuntu:
# a C toolchain, pkg-config, OpenSSL headers (the openssl crate), Python
# with venv and headers (to build confluent-kafka from source), valgrind,
# and the Debian programs the compatibility tests run on our library (kcat,
# python3-confluent-kafka).
# librdkafka-dev is only used to build the independent reference broker
# (tests/brokers) and the independent clients of our mock cluster
# (tests/mock), never linked into ferrokafka. Rust (cargo >= 1.85) must
# already be installed (rustup).
set -euo pipefail
need=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for p in build-essential pkg-config python3 python3-venv python3-dev kcat \
         python3-confluent-kafka valgrind librdkafka-dev binutils libssl-dev; do
    have_pkg "$p" || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
    echo "installing: ${need[*]}"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
if ! command -v cargo >/dev/null 2>&1; then
    echo "cargo not found: install Rust 1.85 or newer (https://rustup.rs)" >&2
    exit 1
fi
