#!/usr/bin/env bash
# Issue 13, 5b: Fetch responses that are always corrupt (bad CRC, wrong
# codec, huge batch length, garbage records, truncated or random bodies),
# through tests/fault/corrupt_proxy.py, on ferrokafka and on the reference
# librdkafka: one error per failure and fetch.error.backoff.ms, no skipped
# messages, a handful of Fetch requests rather than a busy loop. On refmock
# and tansu (their Fetch responses differ in version and layout).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
case $IT_BROKER in
    refmock|tansu) exec python3 "$top/tests/fault/fault_suite.py" --tag 5b ;;
    *) echo "check-fault-fetch: runs on refmock and tansu (not $IT_BROKER)" ;;
esac
