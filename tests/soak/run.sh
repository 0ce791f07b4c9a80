#!/usr/bin/env bash
# Long-running checks (`make soak`), kept out of `make test` for CI's time
# budget. Each tests/soak/soak-*.sh starts the brokers it needs, runs the
# long version of a check whose short version runs in `make test`, and exits
# non-zero on failure. IT_SOAK=1 is exported so shared test programs pick
# their long settings.
#   tests/soak/run.sh [NAME...]    (default: every soak-*.sh; NAME without
#                                   the soak- prefix and .sh suffix)
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
export IT_SOAK=1 IT_TOP=$top
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for s in "$top"/tests/soak/soak-*.sh; do
        [ -e "$s" ] || continue
        n=$(basename "$s" .sh); names+=("${n#soak-}")
    done
fi
fail=0
for n in "${names[@]}"; do
    echo "== soak: $n"
    start=$(date +%s)
    if "$top/tests/soak/soak-$n.sh"; then
        echo "== soak $n passed in $(( $(date +%s) - start )) s"
    else
        echo "FAIL: soak $n"; fail=1
    fi
done
exit $fail
