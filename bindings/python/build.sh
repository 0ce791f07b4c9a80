#!/usr/bin/env bash
# Builds the confluent-kafka Python package from its PyPI source against
# ferrokafka's header and library, into a virtual environment
# (build/python-venv) and a wheel (build/wheels/). The compiler output is
# kept in build/python-build.log; a warning about an undeclared function or
# an incompatible pointer type fails the build, because it would mean our
# header differs from librdkafka's.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
version=${CONFLUENT_KAFKA_VERSION:-2.16.1}
venv=$top/build/python-venv
log=$top/build/python-build.log
py=${PYTHON:-python3}

[ -f "$top/build/include/librdkafka/rdkafka.h" ] || { echo "run make first" >&2; exit 1; }
if [ ! -x "$venv/bin/python" ]; then
    "$py" -m venv "$venv"
fi
"$venv/bin/pip" install -q --upgrade pip setuptools wheel pytest >/dev/null
export CFLAGS="-I$top/build/include"
export LDFLAGS="-L$top/build/lib -Wl,-rpath,$top/build/lib"
mkdir -p "$top/build/wheels"
rm -f "$top"/build/wheels/confluent_kafka-"$version"-*.whl
# Build the wheel from source (never the binary wheel, which bundles
# librdkafka), then install it. --no-cache-dir: pip's wheel cache may hold a
# build of the same version linked (rpath) to another checkout's library.
"$venv/bin/pip" wheel -v --no-cache-dir --no-deps --no-binary confluent-kafka --no-build-isolation \
    -w "$top/build/wheels" "confluent-kafka==$version" >"$log" 2>&1 || {
    tail -50 "$log" >&2; echo "confluent-kafka build failed, see $log" >&2; exit 1; }
if grep -E "implicit declaration|incompatible pointer|undeclared|conflicting types|too (few|many) arguments" "$log"; then
    echo "confluent-kafka does not compile cleanly against our header (see $log)" >&2
    exit 1
fi
"$venv/bin/pip" install -q --force-reinstall --no-deps "$top"/build/wheels/confluent_kafka-"$version"-*.whl
# The extension must find this checkout's library through its rpath alone.
# (grep reads all of ldd's output: under pipefail, grep -q leaving early can
# kill ldd with SIGPIPE and fail the check at random.)
so=$(ls "$venv"/lib/python*/site-packages/confluent_kafka/cimpl*.so)
env -u LD_LIBRARY_PATH ldd "$so" | grep "=> $top/build/lib/librdkafka.so.1 " >/dev/null || {
    echo "$so does not resolve librdkafka.so.1 to $top/build/lib:" >&2; ldd "$so" >&2; exit 1; }
env -u LD_LIBRARY_PATH "$venv/bin/python" -c "import confluent_kafka, sys; v = confluent_kafka.libversion(); print('confluent_kafka', confluent_kafka.version(), 'on', v[0]); sys.exit(0 if 'ferrokafka' in v[0] else 1)"
