"""Round trip with Debian's python3-confluent-kafka (an old confluent_kafka
compiled against Debian's librdkafka), run by /usr/bin/python3 with
LD_LIBRARY_PATH pointing at ferrokafka (check-debian-python.sh).

    debian_python.py BOOTSTRAP TOPIC

Checks that the binary module runs on ferrokafka (libversion), produces
keyed messages with headers and timestamps to every partition of TOPIC
(3 partitions, created beforehand), reads them back with a group consumer,
commits, and that a second consumer of the group finds the commits."""
import sys
import time
import uuid

import confluent_kafka
from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition

bootstrap, topic = sys.argv[1], sys.argv[2]
N, PARTS = 90, 3

lib = confluent_kafka.libversion()
assert "ferrokafka" in lib[0], f"confluent_kafka {confluent_kafka.version()} runs on {lib}, not ferrokafka"

reports = []
p = Producer({"bootstrap.servers": bootstrap, "batch.num.messages": 1, "linger.ms": 2})
for i in range(N):
    p.produce(topic, value=f"value-{i}".encode(), key=f"key-{i}".encode(), partition=i % PARTS,
              headers=[("i", str(i).encode()), ("origin", b"debian")], timestamp=1700000000000 + i,
              on_delivery=lambda err, msg, i=i: reports.append((i, err, msg.partition(), msg.offset())))
assert p.flush(30) == 0, "messages left after flush"
assert len(reports) == N, f"{len(reports)} delivery reports"
assert all(err is None for _, err, _, _ in reports), [e for _, e, _, _ in reports if e]
assert sorted(i for i, _, _, _ in reports) == list(range(N))
assert all(part == i % PARTS for i, _, part, _ in reports)
sent = {(part, off): i for i, _, part, off in reports}

group = "debian-py-" + uuid.uuid4().hex[:8]
conf = {"bootstrap.servers": bootstrap, "group.id": group, "auto.offset.reset": "earliest",
        "enable.auto.commit": False, "session.timeout.ms": 6000, "heartbeat.interval.ms": 500}
c = Consumer(conf)
assigned = []
c.subscribe([topic], on_assign=lambda cons, parts: assigned.extend(tp.partition for tp in parts))
got = {}
deadline = time.time() + 30
while len(got) < N and time.time() < deadline:
    m = c.poll(0.2)
    if m is None:
        continue
    if m.error():
        assert m.error().code() == KafkaError._PARTITION_EOF, m.error()
        continue
    i = sent[(m.partition(), m.offset())]
    assert m.key() == f"key-{i}".encode() and m.value() == f"value-{i}".encode(), (m.key(), m.value())
    assert m.headers() == [("i", str(i).encode()), ("origin", b"debian")], m.headers()
    assert m.timestamp() == (confluent_kafka.TIMESTAMP_CREATE_TIME, 1700000000000 + i), m.timestamp()
    got[i] = m
assert len(got) == N, f"consumed {len(got)} of {N}"
assert sorted(assigned) == list(range(PARTS)), assigned
last = {}
for m in got.values():
    last[m.partition()] = max(last.get(m.partition(), -1), m.offset())
res = c.commit(asynchronous=False)
assert sorted((tp.partition, tp.offset) for tp in res) == sorted((q, o + 1) for q, o in last.items()), res
lo, hi = c.get_watermark_offsets(TopicPartition(topic, 0), timeout=10)
assert hi == last[0] + 1, (lo, hi)
c.close()

c2 = Consumer(conf)
committed = c2.committed([TopicPartition(topic, q) for q in range(PARTS)], timeout=10)
assert [tp.offset for tp in committed] == [last[q] + 1 for q in range(PARTS)], committed
c2.close()
print(f"debian python3-confluent-kafka {confluent_kafka.version()[0]} on {lib[0]}: "
      f"{N} messages produced, consumed and committed")
