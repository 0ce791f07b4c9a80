#!/usr/bin/env bash
# Issue 13, 5d: a protocol violation on a connection (a response with a
# correlation id that answers nothing, an undecodable response, a wrong
# frame length) closes it with an error at once, and the client connects
# again after the reconnect backoff. On refmock and tansu, through
# tests/fault/corrupt_proxy.py, both libraries (the reference librdkafka
# ignores an unknown correlation id and waits for the request's timeout:
# its figures are shown beside ours).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
case $IT_BROKER in
    refmock|tansu) exec python3 "$top/tests/fault/fault_suite.py" --tag 5d ;;
    *) echo "check-fault-protocol: runs on refmock and tansu (not $IT_BROKER)" ;;
esac
