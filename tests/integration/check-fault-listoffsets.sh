#!/usr/bin/env bash
# Issue 13, 5c: a corrupt ListOffsets response (bad length, short or random
# body) gives the consumer an error for the partition ("Failed to query
# logical offset END"), as librdkafka does, instead of silence. On refmock
# and tansu, through tests/fault/corrupt_proxy.py, both libraries.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
case $IT_BROKER in
    refmock|tansu) exec python3 "$top/tests/fault/fault_suite.py" --tag 5c ;;
    *) echo "check-fault-listoffsets: runs on refmock and tansu (not $IT_BROKER)" ;;
esac
