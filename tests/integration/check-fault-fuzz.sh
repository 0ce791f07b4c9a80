#!/usr/bin/env bash
# Issue 13, 8 (short version; the long one is tests/soak/soak-corrupt-proxy.sh
# behind `make soak`): producer, idempotent producer and group consumer
# scenarios through tests/fault/corrupt_proxy.py with responses of several
# types damaged some of the time, on ferrokafka and on the reference
# librdkafka: no crash, no hang, no silent stall, every message exactly one
# delivery report, and not an order of magnitude more requests or errors
# than the reference. On refmock.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
case $IT_BROKER in
    refmock) exec python3 "$top/tests/fault/fault_suite.py" --tag fuzz ;;
    *) echo "check-fault-fuzz: runs on refmock (not $IT_BROKER)" ;;
esac
