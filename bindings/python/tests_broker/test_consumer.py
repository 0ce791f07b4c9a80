"""confluent_kafka.Consumer on ferrokafka against an independent broker."""
import os
import subprocess
import time
import uuid
import pytest
from confluent_kafka import (Consumer, Producer, KafkaError, KafkaException, TopicPartition,
                             OFFSET_BEGINNING, OFFSET_END, OFFSET_INVALID)

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def create_topic(name, partitions):
    subprocess.run([os.path.join(TOP, "tests/integration/create-topic.sh"), name, str(partitions)], check=True)


def fill(bootstrap, topic, per_partition, partitions, ts_base=None):
    """Produces per_partition keyed messages to each partition; returns
    {partition: [values]}."""
    # One message per batch: tansu serves fetches only from batch boundaries
    # (a fetch from the middle of a batch returns nothing, with any client).
    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 2, "batch.num.messages": 1})
    sent = {}
    for part in range(partitions):
        for i in range(per_partition):
            v = f"p{part}-m{i}".encode()
            kw = {}
            if ts_base is not None:
                kw["timestamp"] = ts_base + i * 1000
            p.produce(topic, value=v, key=f"k{i}", partition=part, headers=[("i", str(i).encode())], **kw)
            sent.setdefault(part, []).append(v)
    assert p.flush(30) == 0
    return sent


def new_topic(bootstrap, partitions, per_partition, ts_base=None):
    topic = "py-cons-" + uuid.uuid4().hex[:8]
    create_topic(topic, partitions)
    return topic, fill(bootstrap, topic, per_partition, partitions, ts_base)


def consume_all(c, want, timeout=30):
    """Polls until want messages (no errors) arrived; returns them."""
    got = []
    deadline = time.time() + timeout
    while len(got) < want and time.time() < deadline:
        m = c.poll(0.2)
        if m is None:
            continue
        if m.error():
            if m.error().code() == KafkaError._PARTITION_EOF:
                continue
            raise AssertionError(f"consumer error {m.error()}")
        got.append(m)
    return got


def conf(bootstrap, group, **extra):
    c = {"bootstrap.servers": bootstrap, "group.id": group, "auto.offset.reset": "earliest",
         "session.timeout.ms": 6000, "heartbeat.interval.ms": 500}
    c.update(extra)
    return c


def test_subscribe_rebalance_callbacks_poll_and_commit(bootstrap):
    topic, sent = new_topic(bootstrap, 3, 20)
    group = "pyg-" + uuid.uuid4().hex[:8]
    assigned, revoked = [], []
    c = Consumer(conf(bootstrap, group, **{"enable.auto.commit": False}))
    assert c.memberid() is None  # not in a group yet
    c.subscribe([topic], on_assign=lambda cons, parts: assigned.append([(p.topic, p.partition) for p in parts]),
                on_revoke=lambda cons, parts: revoked.append([(p.topic, p.partition) for p in parts]))
    msgs = consume_all(c, 60)
    assert len(msgs) == 60
    assert assigned and sorted(assigned[0]) == [(topic, 0), (topic, 1), (topic, 2)]
    assert sorted(tp.partition for tp in c.assignment()) == [0, 1, 2]
    by_part = {}
    for m in msgs:
        assert m.topic() == topic
        by_part.setdefault(m.partition(), []).append(m)
        assert m.key() == f"k{m.offset() - by_part[m.partition()][0].offset()}".encode()
        assert dict(m.headers())["i"] == str(m.offset() - by_part[m.partition()][0].offset()).encode()
    for part, ms in by_part.items():
        assert [m.value() for m in ms] == sent[part]
        assert [m.offset() for m in ms] == list(range(ms[0].offset(), ms[0].offset() + 20))
    # Nothing committed yet.
    committed = c.committed([TopicPartition(topic, p) for p in range(3)], timeout=10)
    assert [tp.offset for tp in committed] == [OFFSET_INVALID] * 3
    # Synchronous commit of the consumed positions.
    res = c.commit(asynchronous=False)
    assert sorted((tp.partition, tp.offset) for tp in res) == [(p, by_part[p][-1].offset() + 1) for p in range(3)]
    committed = c.committed([TopicPartition(topic, p) for p in range(3)], timeout=10)
    assert [tp.offset for tp in committed] == [by_part[p][-1].offset() + 1 for p in range(3)]
    pos = c.position([TopicPartition(topic, p) for p in range(3)])
    assert [tp.offset for tp in pos] == [by_part[p][-1].offset() + 1 for p in range(3)]
    # Commit one message explicitly (with metadata), then read it back.
    c.commit(message=by_part[0][4], asynchronous=False)
    committed = c.committed([TopicPartition(topic, 0)], timeout=10)
    assert committed[0].offset == by_part[0][4].offset() + 1
    cgm = c.consumer_group_metadata()
    assert cgm is not None
    c.close()
    assert revoked and sorted(revoked[-1]) == [(topic, 0), (topic, 1), (topic, 2)]
    # A new member of the group starts from the committed offsets.
    c2 = Consumer(conf(bootstrap, group))
    c2.subscribe([topic])
    rest = consume_all(c2, 15)
    assert len(rest) == 15
    assert sorted(m.value() for m in rest if m.partition() == 0) == sorted(sent[0][5:])
    assert all(m.partition() == 0 for m in rest)
    assert c2.poll(1.0) is None
    c2.close()


def test_async_commit_with_on_commit_callback(bootstrap):
    topic, sent = new_topic(bootstrap, 2, 10)
    commits = []
    c = Consumer(conf(bootstrap, "pyg-" + uuid.uuid4().hex[:8], **{
        "enable.auto.commit": False,
        "on_commit": lambda err, parts: commits.append((err, [(p.partition, p.offset) for p in parts]))}))
    c.subscribe([topic])
    msgs = consume_all(c, 20)
    assert len(msgs) == 20
    assert c.commit(asynchronous=True) is None
    deadline = time.time() + 10
    while not commits and time.time() < deadline:
        c.poll(0.1)
    assert len(commits) == 1
    err, parts = commits[0]
    assert err is None
    last = {}
    for m in msgs:
        last[m.partition()] = m.offset() + 1
    assert sorted(parts) == sorted(last.items())
    c.close()


def test_store_offsets_and_auto_commit(bootstrap):
    topic, sent = new_topic(bootstrap, 1, 10)
    group = "pyg-" + uuid.uuid4().hex[:8]
    c = Consumer(conf(bootstrap, group, **{"enable.auto.offset.store": False, "auto.commit.interval.ms": 200}))
    c.subscribe([topic])
    msgs = consume_all(c, 10)
    assert len(msgs) == 10
    # Only what is stored is committed: store up to message 3 (next offset 4).
    c.store_offsets(message=msgs[3])
    deadline = time.time() + 10
    off = None
    while time.time() < deadline:
        c.poll(0.1)
        off = c.committed([TopicPartition(topic, 0)], timeout=5)[0].offset
        if off == msgs[3].offset() + 1:
            break
    assert off == msgs[3].offset() + 1
    c.store_offsets(offsets=[TopicPartition(topic, 0, msgs[7].offset() + 1)])
    c.close()  # commits the stored offset on the way out
    c2 = Consumer(conf(bootstrap, group))
    assert c2.committed([TopicPartition(topic, 0)], timeout=10)[0].offset == msgs[7].offset() + 1
    c2.close()


def test_assign_seek_pause_resume_and_watermarks(bootstrap):
    topic, sent = new_topic(bootstrap, 2, 30)
    c = Consumer(conf(bootstrap, "pyg-" + uuid.uuid4().hex[:8], **{"enable.partition.eof": True}))
    lo, hi = c.get_watermark_offsets(TopicPartition(topic, 0), timeout=10)
    assert hi - lo == 30
    # Not cached before the partition is fetched.
    c.assign([TopicPartition(topic, 0, lo + 10), TopicPartition(topic, 1, OFFSET_END)])
    assert sorted((tp.partition, tp.offset) for tp in c.assignment()) == [(0, lo + 10), (1, OFFSET_END)]
    msgs = consume_all(c, 20)
    assert [m.value() for m in msgs] == sent[0][10:]
    cached = c.get_watermark_offsets(TopicPartition(topic, 0), cached=True)
    assert cached == (lo, hi)
    # Seek back and read again.
    c.seek(TopicPartition(topic, 0, lo + 25))
    again = consume_all(c, 5)
    assert [m.value() for m in again] == sent[0][25:]
    # Pause partition 0, produce to both, only partition 1 delivers.
    c.pause([TopicPartition(topic, 0)])
    fill(bootstrap, topic, 3, 2)
    got = consume_all(c, 3, timeout=15)
    assert [m.partition() for m in got] == [1, 1, 1]
    # Nothing from the paused partition (an end-of-partition event for
    # partition 1 may show up).
    deadline = time.time() + 1.5
    while time.time() < deadline:
        m = c.poll(0.1)
        assert m is None or (m.error() is not None and m.partition() == 1), m
    c.resume([TopicPartition(topic, 0)])
    got = consume_all(c, 3, timeout=15)
    assert [m.partition() for m in got] == [0, 0, 0]
    # EOF events when reaching the end.
    eof = None
    deadline = time.time() + 10
    while eof is None and time.time() < deadline:
        m = c.poll(0.2)
        if m is not None and m.error() and m.error().code() == KafkaError._PARTITION_EOF:
            eof = m
    assert eof is not None and eof.topic() == topic
    c.incremental_unassign([TopicPartition(topic, 1)])
    assert [(tp.partition) for tp in c.assignment()] == [0]
    c.incremental_assign([TopicPartition(topic, 1, OFFSET_BEGINNING)])
    assert sorted(tp.partition for tp in c.assignment()) == [0, 1]
    got = consume_all(c, 33)
    assert sorted(m.value() for m in got) == sorted(sent[1] + [f"p1-m{i}".encode() for i in range(3)])
    c.unassign()
    assert c.assignment() == []
    c.close()


def test_consume_batch(bootstrap):
    topic, sent = new_topic(bootstrap, 1, 50)
    c = Consumer(conf(bootstrap, "pyg-" + uuid.uuid4().hex[:8]))
    c.subscribe([topic])
    got = []
    deadline = time.time() + 30
    while len(got) < 50 and time.time() < deadline:
        batch = c.consume(num_messages=20, timeout=1.0)
        assert len(batch) <= 20
        got.extend(m for m in batch if not m.error())
    assert [m.value() for m in got] == sent[0]
    c.close()
    with pytest.raises(RuntimeError):
        c.poll(0)


def test_offsets_for_times(bootstrap, broker_kind):
    base = 1700000000000
    topic, sent = new_topic(bootstrap, 1, 10, ts_base=base)
    c = Consumer(conf(bootstrap, "pyg-" + uuid.uuid4().hex[:8]))
    lo, hi = c.get_watermark_offsets(TopicPartition(topic, 0), timeout=10)
    res = c.offsets_for_times([TopicPartition(topic, 0, base + 4500)], timeout=10)
    assert len(res) == 1 and res[0].error is None
    if broker_kind == "refmock":
        # librdkafka 2.0's mock cluster ignores the timestamp and answers
        # "end" (-1); librdkafka 2.16 (the wheel's) sees the same.
        assert res[0].offset == -1
    elif broker_kind == "tansu":
        # tansu answers a timestamp query with the log start (librdkafka
        # 2.16, the confluent-kafka wheel's, sees the same).
        assert res[0].offset == lo
    else:
        assert res[0].offset == lo + 5
    # A time after the last message: no such offset (-1, "end", per the
    # protocol), except on the brokers that ignore the timestamp.
    res = c.offsets_for_times([TopicPartition(topic, 0, base + 10 ** 9)], timeout=10)
    assert res[0].offset == {"tansu": lo}.get(broker_kind, -1)
    c.close()


def test_regex_subscription_and_cooperative_rebalance(bootstrap):
    tag = uuid.uuid4().hex[:8]
    t1, s1 = f"py-rx-{tag}-a", None
    create_topic(t1, 2)
    create_topic(f"py-rx-{tag}-b", 2)
    fill(bootstrap, t1, 5, 2)
    fill(bootstrap, f"py-rx-{tag}-b", 5, 2)
    group = "pyg-" + uuid.uuid4().hex[:8]
    events = {"a": [], "b": []}

    def cb(name):
        def on_assign(cons, parts):
            events[name].append(("assign", sorted((p.topic[-1], p.partition) for p in parts)))
        def on_revoke(cons, parts):
            events[name].append(("revoke", sorted((p.topic[-1], p.partition) for p in parts)))
        return on_assign, on_revoke

    extra = {"partition.assignment.strategy": "cooperative-sticky"}
    a = Consumer(conf(bootstrap, group, **extra))
    oa, ra = cb("a")
    a.subscribe([f"^py-rx-{tag}-.*"], on_assign=oa, on_revoke=ra)
    got = consume_all(a, 20)
    assert len(got) == 20
    assert a.memberid()
    assert events["a"][0] == ("assign", [("a", 0), ("a", 1), ("b", 0), ("b", 1)])
    b = Consumer(conf(bootstrap, group, **extra))
    ob, rb = cb("b")
    b.subscribe([f"^py-rx-{tag}-.*"], on_assign=ob, on_revoke=rb)
    deadline = time.time() + 40
    while time.time() < deadline:
        a.poll(0.1)
        b.poll(0.1)
        if len(a.assignment()) == 2 and len(b.assignment()) == 2:
            break
    assert len(a.assignment()) == 2 and len(b.assignment()) == 2
    owned = sorted([(tp.topic, tp.partition) for tp in a.assignment()] +
                   [(tp.topic, tp.partition) for tp in b.assignment()])
    assert owned == sorted([(t, p) for t in (t1, f"py-rx-{tag}-b") for p in (0, 1)])
    # Incremental: a gave up two partitions without losing the others.
    assert ("revoke", sorted((tp.topic[-1], tp.partition) for tp in b.assignment())) in events["a"]
    b.close()
    a.close()


def test_errors_for_bad_use(bootstrap):
    with pytest.raises(KafkaException) as ei:
        Consumer({"bootstrap.servers": bootstrap, "group.id": "g", "auto.offset.reset": "bogus"})
    assert ei.value.args[0].code() == KafkaError._INVALID_ARG
    c = Consumer({"bootstrap.servers": bootstrap, "group.id": "g-" + uuid.uuid4().hex[:6]})
    # Committing with nothing consumed: no offset.
    with pytest.raises(KafkaException) as ei:
        c.commit(asynchronous=False)
    assert ei.value.args[0].code() == KafkaError._NO_OFFSET
    c.close()
