#!/bin/sh
# Checks that imports between the crate's layers run one way (DEVELOPERS.md,
# "Layers"):
#
#   abi -> engine -> objects, protocol, config, error
#   mock -> objects, protocol          config -> objects, error
#   objects -> error -> objects::types (which imports nothing of the crate)
#   recycle (idle trimming of the pools) imports nothing; engine, objects
#   and protocol use it
#
# Each folder may name, as `crate::<module>`, only the modules listed for it
# below (its own included). Comments count: a doc link to a layer above is
# a dependency on it too. Run from the repository root; exit status 1 and
# one line per offending use when a rule is broken. Part of `make test`.

set -u
cd "$(dirname "$0")/.." || exit 2

# folder-or-file : modules it may name
RULES='
src/engine:engine objects protocol config error recycle
src/config:config objects error
src/mock:mock objects protocol error
src/objects:objects error recycle
src/protocol:protocol error recycle
src/error.rs:error objects
src/recycle.rs:recycle
'

# Every `crate::name` and every name inside `crate::{...}`, as
# "file:line:name".
uses() {
    grep -rnoE --include='*.rs' 'crate::([a-z_]+|\{[^}]*)' "$1" 2>/dev/null |
        sed -E 's/crate::\{/crate::/' |
        awk -F: '{
            n = split($0, parts, "crate::"); tail = parts[2]
            gsub(/[^a-z_,]/, " ", tail); m = split(tail, names, /[ ,]+/)
            for (i = 1; i <= m; i++) if (names[i] != "") print $1 ":" $2 ":" names[i]
        }'
}

status=0
out="${TMPDIR:-/tmp}/check-layers.$$"
echo "$RULES" | while IFS=: read -r dir allowed; do
    [ -n "$dir" ] || continue
    if [ ! -e "$dir" ]; then
        echo "$dir: does not exist (update tools/check-layers.sh)"
        continue
    fi
    uses "$dir" | while IFS=: read -r file line name; do
        case " $allowed " in
            *" $name "*) ;;
            *)
                case "$name" in
                    abi|engine|objects|protocol|config|error|mock|recycle)
                        echo "$file:$line: names crate::$name (allowed here: $allowed)"
                        ;;
                esac
                ;;
        esac
    done
done | sort -u > "$out"

# Elsewhere (a folder added later): nothing but src/abi and src/lib.rs may
# name crate::abi.
grep -rnE --include='*.rs' 'crate::(abi\b|\{[^}]*\babi\b)' src |
    grep -vE '^src/(abi/|lib\.rs:|engine/|config/|mock/|objects/|protocol/|error\.rs:|recycle\.rs:)' |
    sed 's/$/   <- names crate::abi outside src\/abi/' >> "$out"

if [ -s "$out" ]; then
    echo "check-layers: imports that run against the layers (see DEVELOPERS.md, Layers):"
    sort -u "$out"
    status=1
else
    echo "check-layers: ok"
fi
rm -f "$out"
exit $status
