#!/usr/bin/env bash
# Issue 13, 5a: errors the broker reports for a producer reach the
# application at once with their own code, as with librdkafka: a topic
# whose metadata carries TOPIC_AUTHORIZATION_FAILED or TOPIC_EXCEPTION fails
# its messages (and refuses new ones) instead of holding them until
# message.timeout.ms; each Produce error code is retried or failed as the
# reference librdkafka does (one injected error, same outcome and same
# number of Produce requests on both). Needs the mock's error injection:
# runs on the reference mock cluster (refmock) only.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
case $IT_BROKER in
    refmock) exec python3 "$top/tests/fault/fault_suite.py" --tag 5a ;;
    *) echo "check-fault-produce-errors: runs on refmock (not $IT_BROKER)" ;;
esac
