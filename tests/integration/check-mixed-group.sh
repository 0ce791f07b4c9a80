#!/usr/bin/env bash
# Mixed consumer groups (issue 5): two ferrokafka members and one member on
# librdkafka (Debian's kcat) in one group, for range, roundrobin and
# cooperative-sticky, with members joining and leaving. On tansu kcat runs
# on the confluent-kafka wheel's librdkafka: Debian's 2.0.2 cannot read
# tansu's ApiVersions answer.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
if [ "$IT_BROKER" = tansu ]; then ref=$("$top/tools/reference-librdkafka.sh"); else ref=""; fi
exec "$top/build/python-venv/bin/python" "$top/tests/integration/mixed_group.py" "$IT_BOOTSTRAP" "$ref" "$@"
