#!/usr/bin/env bash
# kcat on ferrokafka, in the modes the other checks leave out (they cover
# kcat -C on ferrokafka in check-produce.sh and -L in check-kcat-metadata.sh):
#  - kcat -P with keys (-K) and headers (-H): a reference kcat reads back
#    exactly the input, keys and headers;
#  - kcat -C -p/-o: explicit partition and relative/absolute start offsets
#    print the same as the reference kcat;
#  - kcat -G (balanced consumer group): one run reads everything and
#    commits; a second run of the same group reads only what came after;
#  - kcat -Q (offsets for timestamps, and -1/-2 for end/beginning): the
#    same answers as the reference kcat.
# The reference is the system librdkafka on refmock, the confluent-kafka
# wheel's elsewhere (Debian's 2.0.2 cannot talk to tansu).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "$IT_BROKER" = refmock ]; then ref=""; else ref=$("$top/tools/reference-librdkafka.sh"); fi
ours() { LD_LIBRARY_PATH=$top/build/lib timeout 60 kcat -b "$IT_BOOTSTRAP" "$@" 2>"$work/stderr"; }
theirs() { if [ -n "$ref" ]; then LD_LIBRARY_PATH=$ref timeout 60 kcat -b "$IT_BOOTSTRAP" "$@"; else
    env -u LD_LIBRARY_PATH timeout 60 kcat -b "$IT_BOOTSTRAP" "$@"; fi 2>/dev/null; }
fail() { echo "kcat on ferrokafka: $*"; [ -s "$work/stderr" ] && tail -5 "$work/stderr"; exit 1; }

LD_LIBRARY_PATH=$top/build/lib kcat -V | grep ferrokafka >/dev/null || fail "kcat does not load ferrokafka"

# -P with keys and headers, to each of 3 partitions.
topic=it-kcat-$$
"$top/tests/integration/create-topic.sh" "$topic" 3
for p in 0 1 2; do
    seq 1 40 | awk -v p=$p '{print "key-" p "-" $1 "|value " p " " $1 (($1 % 7) ? "" : " with  spaces")}' >"$work/in.$p"
    ours -P -t "$topic" -p $p -K '|' -H "part=$p" -H "tool=kcat" -X linger.ms=5 -l "$work/in.$p" || fail "-P to partition $p"
done
fmt='%p|%o|%k|%s|%h\n'
theirs -C -t "$topic" -e -q -f "$fmt" | sort -t'|' -k1,1n -k2,2n >"$work/ref-read"
[ "$(wc -l <"$work/ref-read")" = 120 ] || fail "-P: the reference read $(wc -l <"$work/ref-read") of 120 messages"
for p in 0 1 2; do
    awk -F'|' -v p=$p '$1 == p {print $3 "|" $4}' "$work/ref-read" >"$work/got.$p"
    cmp -s "$work/in.$p" "$work/got.$p" || { diff "$work/in.$p" "$work/got.$p" | head -5; fail "-P: partition $p differs"; }
    # Offsets are dense from 0 (a fresh topic), every message has both headers.
    awk -F'|' -v p=$p '$1 == p {if ($2 != n++ || $5 != "part=" p ",tool=kcat") bad=1} END {exit bad}' "$work/ref-read" ||
        fail "-P: offsets or headers wrong in partition $p"
done
echo "kcat -P: 120 keyed messages with headers read back identically by the reference"

# -C with a partition and start offsets: same output as the reference.
# tansu serves fetches only from batch boundaries and never reports the
# end of a partition when the fetch starts there (any client): on tansu
# only the offsets that still work are compared.
offsets="beginning end -5 3"
[ "$IT_BROKER" = tansu ] && offsets="beginning -5"
for o in $offsets; do
    ours -C -t "$topic" -p 1 -o $o -e -q -f "$fmt" >"$work/ours.o" || fail "-C -o $o"
    theirs -C -t "$topic" -p 1 -o $o -e -q -f "$fmt" >"$work/ref.o"
    cmp -s "$work/ours.o" "$work/ref.o" || { diff "$work/ours.o" "$work/ref.o" | head -5; fail "-C -p 1 -o $o differs"; }
done
[ "$(wc -l <"$work/ours.o")" -gt 0 ] || fail "-C -p 1 -o -5 printed nothing"
[ "$(ours -C -t "$topic" -p 1 -o beginning -e -q -f "$fmt" | wc -l)" = 40 ] || fail "-C -p 1 -o beginning"
echo "kcat -C -p 1 -o ${offsets// /|}: same output as the reference"

# -G: a group reads everything, commits, and resumes after its commits.
# (A short session: librdkafka 2.0's mock ignores LeaveGroup, so the second
# run waits for the first member's session to expire.)
group=it-kcat-g-$$
ours -G "$group" -X auto.offset.reset=earliest -X session.timeout.ms=6000 -X heartbeat.interval.ms=500 -e -q -f '%p|%o|%k\n' "$topic" | sort >"$work/g1" || fail "-G first run"
[ "$(wc -l <"$work/g1")" = 120 ] || fail "-G: first run read $(wc -l <"$work/g1") of 120"
[ "$(cut -d'|' -f3 "$work/g1" | sort -u | wc -l)" = 120 ] || fail "-G: duplicates in the first run"
for p in 0 1 2; do printf 'late-%s|late value\n' $p | ours -P -t "$topic" -p $p -K '|' || fail "-P late"; done
ours -G "$group" -X auto.offset.reset=earliest -X session.timeout.ms=6000 -X heartbeat.interval.ms=500 -e -q -f '%p|%k\n' "$topic" | sort >"$work/g2" || fail "-G second run"
printf '0|late-0\n1|late-1\n2|late-2\n' | cmp -s - "$work/g2" || { cat "$work/g2" | head; fail "-G: second run did not resume after the commits"; }
echo "kcat -G: 120 messages in a first run, exactly the 3 new ones in a second run of the group"

# -Q: offsets for timestamps.
qtopic=it-kcat-q-$$
"$top/tests/integration/create-topic.sh" "$qtopic" 2
if [ "$IT_BROKER" = refmock ]; then
    # Debian's librdkafka 2.0.2 mock answers a ListOffsets v6+ request for two
    # partitions of one topic with only the first (librdkafka 2.16 meets the
    # same: its kcat prints the second timestamp back unchanged, as ours
    # does); Debian's kcat asks with an older version. One leader per
    # partition keeps every request to one partition there; tansu and
    # ferromock get two-partition requests.
    for p in 0 1; do
        before=$(wc -l <"$IT_MOCK_OUT")
        echo "leader $qtopic $p $((p + 1))" >"$IT_MOCK_CTL"
        for _ in $(seq 1 200); do [ "$(wc -l <"$IT_MOCK_OUT")" -gt "$before" ] && break; sleep 0.02; done
        tail -1 "$IT_MOCK_OUT" | grep -q '^ok' || fail "leader $qtopic $p: $(tail -1 "$IT_MOCK_OUT")"
    done
fi
now=$(date +%s%3N)
for i in 0 1 2 3 4 5; do
    printf 'k%s|v%s\n' $i $i | ours -P -t "$qtopic" -p $((i % 2)) -K '|' || fail "-P for -Q"
done
# One query per timestamp, for both partitions.
: >"$work/q.ours"; : >"$work/q.ref"
for ts in -1 -2 1000 "$now" $((now + 86400000)); do
    ours -Q -t "$qtopic:0:$ts" -t "$qtopic:1:$ts" >>"$work/q.ours" || fail "-Q $ts"
    theirs -Q -t "$qtopic:0:$ts" -t "$qtopic:1:$ts" >>"$work/q.ref"
done
[ "$(wc -l <"$work/q.ours")" = 10 ] || { cat "$work/q.ours"; fail "-Q printed $(wc -l <"$work/q.ours") lines, not 10"; }
cmp -s "$work/q.ours" "$work/q.ref" || { diff "$work/q.ours" "$work/q.ref"; fail "-Q differs from the reference"; }
grep -q "^$qtopic \[0\] offset 3$" "$work/q.ours" || { cat "$work/q.ours"; fail "-Q: end of partition 0 is not 3"; }
echo "kcat -Q: the same 10 offsets as the reference (end, beginning, three timestamps, two partitions)"
