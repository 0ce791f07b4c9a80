# Sourced by the tests/mock/check-*.sh scripts: builds tests/mock/mockhost.c
# against OUR header and library, runs it with a control fifo, and sends it
# commands. The sourcing script sets `top`, `out` (build directory), `work`
# (its temporary directory) and a `fail` function, and calls `mockhost_stop`
# from its exit trap.

hostpid=

# Builds $out/mockhost and checks that it loads build/lib's library.
mockhost_build() {
    cc -O1 -g -Wall -Werror -I"$top/build/include" -o "$out/mockhost" "$top/tests/mock/mockhost.c" \
        -L"$top/build/lib" -Wl,-rpath,"$top/build/lib" -lrdkafka
    hostlib=$(ldd "$out/mockhost" | awk '/librdkafka/ {print $3}')
    [ "$hostlib" = "$top/build/lib/librdkafka.so.1" ] || fail "mockhost uses $hostlib, not ferrokafka"
    echo "host: $hostlib"
}

# mockhost_start BROKERS [STDERR_FILE]: starts the cluster; sets `bootstrap`.
mockhost_start() {
    mkfifo "$work/ctl"
    "$out/mockhost" "$1" "$work/bootstrap" <"$work/ctl" >"$work/host.out" 2>"${2:-$work/host.err}" &
    hostpid=$!
    exec 3>"$work/ctl"
    for _ in $(seq 1 100); do [ -s "$work/bootstrap" ] && break; sleep 0.05; done
    [ -s "$work/bootstrap" ] || fail "mockhost did not start: $(cat "${2:-$work/host.err}")"
    bootstrap=$(head -1 "$work/bootstrap")
    echo "mock cluster: $bootstrap"
}

# Closes the control fifo and stops the host (for the exit trap).
mockhost_stop() {
    exec 3>&- 2>/dev/null || true
    [ -n "$hostpid" ] && kill "$hostpid" 2>/dev/null || true
    wait 2>/dev/null || true
}

cmd() { # a mockhost command; waits for its answer, which must be "ok..."
    local before
    before=$(grep -c . "$work/host.out" || true)
    echo "$*" >&3
    for _ in $(seq 1 100); do
        [ "$(grep -c . "$work/host.out" || true)" -gt "$before" ] && break
        sleep 0.02
    done
    tail -1 "$work/host.out" | grep -q '^ok' || fail "mockhost: $* -> $(tail -1 "$work/host.out")"
}
