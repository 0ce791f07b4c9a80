#!/usr/bin/env bash
# Checks the exported symbols of librdkafka.so.1: every function of the two
# librdkafka 2.15 function lists and of the used-by-* lists is exported, no
# library of anyone else is linked, and docs/abi-status.md is current.
set -euo pipefail
so=${1:-build/lib/librdkafka.so.1}
facts=tests/abi-facts
missing=$(comm -23 \
    <(cat $facts/functions-rdkafka-2.15.txt $facts/functions-rdkafka-mock-2.15.txt \
          $facts/used-by-*.txt | sort -u) \
    <(nm -D --defined-only "$so" | awk '{print $3}' | sort -u))
if [ -n "$missing" ]; then
    echo "not exported by $so:"; echo "$missing"; exit 1
fi
# Besides librdkafka's names, only ferrokafka's mock extensions declared in
# rdkafka_mock.h (not the C shim's internal helpers).
extensions=$(grep -o '\bferrokafka_mock_[a-z_]*(' include/librdkafka/rdkafka_mock.h | tr -d '(' | sort -u)
extra=$(nm -D --defined-only "$so" | awk '{print $3}' | grep -v '^rd_kafka_' | grep -vxF -f <(echo "$extensions") || true)
if [ -n "$extra" ]; then
    echo "unexpected exported symbols:"; echo "$extra"; exit 1
fi
soname=$(readelf -d "$so" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = librdkafka.so.1 ] || { echo "SONAME is '$soname'"; exit 1; }
if ldd "$so" | grep -i -E 'rdkafka|kafka' ; then
    echo "$so links another Kafka library"; exit 1
fi
python3 tools/abi-status.py --check
echo "exports ok: $(nm -D --defined-only "$so" | wc -l) symbols, SONAME $soname"
