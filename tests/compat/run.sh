#!/usr/bin/env bash
# Drop-in checks: programs built for librdkafka run on ferrokafka.
#  - Debian's kcat and python3-confluent-kafka binaries, with LD_LIBRARY_PATH
#    pointing at build/lib, load our library and report our version;
#  - confluent-kafka 2.16.1 built from its PyPI source against our header
#    compiles cleanly and validates configuration through our library.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
export LD_LIBRARY_PATH=$top/build/lib
fail=0
check() { # description, command...
    local what=$1; shift
    if out=$("$@" 2>&1); then echo "ok: $what"; else echo "FAIL: $what"; echo "$out" | tail -20; fail=1; fi
}

check "kcat -V reports ferrokafka" bash -c 'kcat -V | grep -q "librdkafka 2.16.0-ferrokafka"'
check "Debian python3-confluent-kafka loads ferrokafka" \
    /usr/bin/python3 -c 'import confluent_kafka as ck, sys; v = ck.libversion(); print(v); sys.exit(0 if "ferrokafka" in v[0] and v[1] >= 0x021000ff else 1)'

check "confluent-kafka 2.16.1 builds from source against our header" "$top/bindings/python/build.sh"
py=$top/build/python-venv/bin/python
check "pytest suite (bindings/python/tests)" "$py" -m pytest -q "$top/bindings/python/tests"
exit $fail
