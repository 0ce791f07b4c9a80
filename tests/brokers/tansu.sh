#!/usr/bin/env bash
# Starts tansu (crates.io: tansu), an independent Kafka-compatible broker
# written in Rust, with in-memory storage on a loopback port.
#   tests/brokers/tansu.sh [PORT]   prints "127.0.0.1:PORT PID"
# The first run builds it with cargo (about 15 minutes on 2 cores).
set -euo pipefail
port=${1:-0}
if ! command -v tansu >/dev/null 2>&1; then
    cargo install tansu --locked --features dynostore >&2
fi
if [ "$port" = 0 ]; then
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fi
log=${TMPDIR:-/tmp}/tansu-$port.log
tansu broker --listener-url "tcp://127.0.0.1:$port" \
    --advertised-listener-url "tcp://127.0.0.1:$port" \
    --storage-engine memory://tansu/ >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "127.0.0.1:$port $pid"; exit 0; fi
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
echo "tansu did not start listening on $port; see $log" >&2
kill "$pid" 2>/dev/null || true
exit 1
