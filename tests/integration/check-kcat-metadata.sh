#!/usr/bin/env bash
# kcat -L on ferrokafka prints the same cluster as on the reference
# librdkafka: the system one (2.0.2) where it works (the reference mock
# cluster and ferrokafka's), the confluent-kafka wheel's (2.16) on every
# broker.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
wheel=$("$top/tools/reference-librdkafka.sh")
refs=("$wheel")
# librdkafka 2.0.2 cannot talk to tansu (it fails its ApiVersions response).
case ${IT_BROKER:-} in refmock|ferromock) refs+=("") ;; esac
python3 "$top/tests/integration/kcat_metadata.py" "$IT_BOOTSTRAP" "$top/build/lib" "${refs[@]}"
