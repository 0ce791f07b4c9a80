# Sourced by tests/soak/check-rss.sh (short, `make test`) and
# tests/soak/soak-rss.sh (long, `make soak`): builds the soak program
# tests/soak/rss_soak.c against OUR header and runs it on a library chosen
# by LD_LIBRARY_PATH (ours, or the reference librdkafka 2.16), either with
# the library's own mock cluster in the same process or against a mock
# cluster hosted in its own process (whose RSS it then samples too).
# The sourcing script sets `top` and calls rss_cleanup from its exit trap.
# RSS_SOAK_OURS_LIB names another build of ours (a directory holding its
# librdkafka.so.1, e.g. an older commit's build/lib) to measure instead of
# build/lib.

out=$top/build/soak
work=$(mktemp -d "${TMPDIR:-/tmp}/ferro-rss.XXXXXX")
hostpid=
failures=0
ours_lib=${RSS_SOAK_OURS_LIB:-$top/build/lib}
ref=$("$top/tools/reference-librdkafka.sh") || { echo "no reference librdkafka"; exit 2; }

rss_cleanup() {
    rss_host_stop
    rm -rf "$work"
}

rss_build() {
    mkdir -p "$out"
    cc -O2 -g -Wall -Wextra -Werror -I"$top/build/include" -o "$out/rss_soak" "$top/tests/soak/rss_soak.c" \
        -L"$top/build/lib" -lrdkafka -lpthread
}

# The library directory for a client kind: ours or ref.
rss_libdir() {
    case $1 in
        ours) echo "$ours_lib" ;;
        ref) echo "$ref" ;;
        *) echo "unknown library $1" >&2; return 1 ;;
    esac
}

# rss_run NAME LIB ARGS...: runs the soak program on LIB (ours|ref) and
# counts a failure. Its output goes to $work/NAME.log, the result lines to
# stdout (the whole log on failure).
rss_run() {
    local name=$1 lib=$2 libdir rc start
    shift 2
    libdir=$(rss_libdir "$lib") || return 1
    start=$(date +%s)
    LD_LIBRARY_PATH=$libdir "$out/rss_soak" -l "$name" "$@" >"$work/$name.log" 2>&1
    rc=$?
    if [ $rc -eq 0 ]; then
        grep -E '^(rss_soak|result)' "$work/$name.log"
        echo "ok: $name ($(($(date +%s) - start)) s)"
    else
        cat "$work/$name.log"
        echo "FAIL: $name (exit $rc)"
        failures=$((failures + 1))
    fi
}

# rss_host_start KIND: a 3-broker mock cluster in its own process, with the
# topic rss-soak (PARTITIONS, default 6); sets hostpid, bootstrap, ctl.
#   refmock     the system librdkafka's mock (tests/brokers/refmock.c)
#   refmock848  librdkafka 2.16's mock (the same program on the reference)
#   ferromock   ours (tests/mock/mockhost.c on build/lib)
rss_host_start() {
    local kind=$1 parts=${2:-6} bin
    case $kind in
        refmock)
            bin=$out/refmock
            cc -O2 -Wall -o "$bin" "$top/tests/brokers/refmock.c" -lrdkafka ;;
        refmock848)
            bin=$out/refmock848
            cc -O2 -Wall -DREFMOCK_KIP848 -I"$top/build/include" -o "$bin" "$top/tests/brokers/refmock.c" \
                "$ref/librdkafka.so.1" -Wl,-rpath,"$ref" ;;
        ferromock)
            bin=$out/ferromock
            cc -O2 -Wall -Werror -I"$top/build/include" -o "$bin" "$top/tests/mock/mockhost.c" \
                -L"$ours_lib" -Wl,-rpath,"$ours_lib" -lrdkafka ;;
        *) echo "unknown broker kind $kind"; return 1 ;;
    esac
    ctl=$work/ctl
    rm -f "$ctl" "$work/bootstrap" "$work/host.out"
    mkfifo "$ctl"
    env -u LD_LIBRARY_PATH "$bin" 3 "$work/bootstrap" <"$ctl" >"$work/host.out" 2>"$work/host.err" &
    hostpid=$!
    exec 3>"$ctl"
    for _ in $(seq 1 100); do [ -s "$work/bootstrap" ] && break; sleep 0.05; done
    [ -s "$work/bootstrap" ] || { echo "$kind did not start: $(cat "$work/host.err")"; return 1; }
    bootstrap=$(head -1 "$work/bootstrap")
    echo "topic rss-soak $parts 1" >&3
    for _ in $(seq 1 100); do grep -q '^ok' "$work/host.out" 2>/dev/null && break; sleep 0.05; done
    grep -q '^ok' "$work/host.out" || { echo "$kind: topic not created: $(cat "$work/host.out")"; return 1; }
}

rss_host_stop() {
    exec 3>&- 2>/dev/null || true
    if [ -n "$hostpid" ]; then
        kill "$hostpid" 2>/dev/null || true
        wait "$hostpid" 2>/dev/null || true
    fi
    hostpid=
}
