#!/usr/bin/env bash
# Creates a topic on the broker under test (see run.sh): NAME PARTITIONS
set -euo pipefail
name=$1 parts=$2
case ${IT_BROKER:?} in
    refmock|refmock848|ferromock)
        before=$(wc -l <"$IT_MOCK_OUT")
        echo "topic $name $parts 1" >"$IT_MOCK_CTL"
        for _ in $(seq 1 200); do
            [ "$(wc -l <"$IT_MOCK_OUT")" -gt "$before" ] && break
            sleep 0.02
        done
        tail -1 "$IT_MOCK_OUT" | grep -q '^ok'
        ;;
    tansu)
        tansu topic create --broker "tcp://$IT_BOOTSTRAP" --partitions "$parts" "$name" >/dev/null
        ;;
esac
