#!/usr/bin/env bash
# Binary drop-in: Debian's python3-confluent-kafka, as installed (built
# against Debian's librdkafka), runs on ferrokafka through LD_LIBRARY_PATH
# and does a produce/consume/commit round trip with the broker under test
# (tests/integration/debian_python.py).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
/usr/bin/python3 -c 'import confluent_kafka' 2>/dev/null || { echo "python3-confluent-kafka is not installed"; exit 1; }
topic=it-debian-py-$$
"$top/tests/integration/create-topic.sh" "$topic" 3
LD_LIBRARY_PATH=$top/build/lib timeout 120 /usr/bin/python3 "$top/tests/integration/debian_python.py" "$IT_BOOTSTRAP" "$topic"
