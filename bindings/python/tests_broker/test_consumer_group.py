"""Consumer points test_consumer.py leaves out: on_lost when the
application stops polling longer than max.poll.interval.ms, rejoining
afterwards, commit(offsets=...) in both forms, unsubscribe, and the
consumer's cluster metadata calls."""
import time

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition, OFFSET_INVALID

from ithelpers import consume_n, consumer_conf, new_group, new_topic


def fill(bootstrap, topic, n, partitions, tag="m"):
    p = Producer({"bootstrap.servers": bootstrap, "batch.num.messages": 1})
    for i in range(n):
        p.produce(topic, value=f"{tag}{i}".encode(), partition=i % partitions)
    assert p.flush(30) == 0


def max_poll_settings(broker_kind):
    """(session.timeout.ms, max.poll.interval.ms, idle seconds). The mock
    cluster of librdkafka 2.0 (refmock) never completes a join with a
    session timeout under 6 s, with any client."""
    if broker_kind == "refmock":
        return 6000, 6000, 7.5
    return 1000, 1500, 2.5


def idle_consumer(bootstrap, broker_kind, topic, events):
    session, max_poll, idle = max_poll_settings(broker_kind)
    c = Consumer(consumer_conf(bootstrap, **{"session.timeout.ms": session, "heartbeat.interval.ms": 200,
                                             "max.poll.interval.ms": max_poll, "enable.auto.commit": False}))
    c.subscribe([topic],
                on_assign=lambda cons, parts: events.append(("assign", sorted(p.partition for p in parts))),
                on_revoke=lambda cons, parts: events.append(("revoke", sorted(p.partition for p in parts))),
                on_lost=lambda cons, parts: events.append(("lost", sorted(p.partition for p in parts))))
    assert len(consume_n(c, 4)) == 4
    assert events == [("assign", [0, 1])]
    c.commit(asynchronous=False)
    time.sleep(idle)  # no poll: the consumer leaves the group
    return c, max_poll


def test_on_lost_after_max_poll_interval(bootstrap, broker_kind):
    topic = new_topic("py-lost", 2)
    fill(bootstrap, topic, 4, 2)
    events = []
    c, max_poll = idle_consumer(bootstrap, broker_kind, topic, events)
    err = None
    deadline = time.time() + 5
    while time.time() < deadline and (err is None or ("lost", [0, 1]) not in events):
        m = c.poll(0.1)
        if m is not None and m.error() is not None:
            assert err is None, m.error()
            err = m.error()
    assert err is not None
    assert (err.code(), err.name()) == (KafkaError._MAX_POLL_EXCEEDED, "_MAX_POLL_EXCEEDED")
    assert err.str().startswith(f"Application maximum poll interval ({max_poll}ms) exceeded by ")
    # The partitions were lost, not revoked: on_lost instead of on_revoke.
    assert events[:2] == [("assign", [0, 1]), ("lost", [0, 1])]
    assert ("revoke", [0, 1]) not in events
    c.close()


def test_rejoin_after_max_poll_interval(bootstrap, broker_kind):
    topic = new_topic("py-rejoin", 2)
    fill(bootstrap, topic, 4, 2)
    events = []
    c, _ = idle_consumer(bootstrap, broker_kind, topic, events)
    deadline = time.time() + 10  # librdkafka: about 3 s
    while time.time() < deadline and not (len(events) >= 3 and len(c.assignment()) == 2):
        c.poll(0.1)
    assert events[:3] == [("assign", [0, 1]), ("lost", [0, 1]), ("assign", [0, 1])]
    # Back in the group: new messages arrive.
    fill(bootstrap, topic, 4, 2, tag="after")
    got = consume_n(c, 4, timeout=15)
    assert sorted(m.value() for m in got) == [b"after0", b"after1", b"after2", b"after3"]
    c.close()


def test_commit_offsets_form_and_unsubscribe(bootstrap):
    topic = new_topic("py-commit-off", 2)
    fill(bootstrap, topic, 10, 2)
    group = new_group()
    commits = []
    c = Consumer(consumer_conf(bootstrap, group, **{
        "enable.auto.commit": False,
        "on_commit": lambda err, parts: commits.append((err, sorted((p.partition, p.offset) for p in parts)))}))
    c.subscribe([topic])
    msgs = consume_n(c, 10)
    assert len(msgs) == 10
    lo = {p: min(m.offset() for m in msgs if m.partition() == p) for p in (0, 1)}
    # Synchronous commit of explicit offsets (not the consumed positions).
    res = c.commit(offsets=[TopicPartition(topic, 0, lo[0] + 2), TopicPartition(topic, 1, lo[1] + 3)],
                   asynchronous=False)
    assert sorted((tp.partition, tp.offset, tp.error) for tp in res) == [(0, lo[0] + 2, None), (1, lo[1] + 3, None)]
    got = c.committed([TopicPartition(topic, 0), TopicPartition(topic, 1)], timeout=10)
    assert [tp.offset for tp in got] == [lo[0] + 2, lo[1] + 3]
    # Asynchronous form: the result comes to on_commit.
    assert c.commit(offsets=[TopicPartition(topic, 1, lo[1] + 4)], asynchronous=True) is None
    deadline = time.time() + 10
    while time.time() < deadline and not commits:
        c.poll(0.1)
    c.poll(0.3)
    # Only the asynchronous commit is reported to on_commit.
    assert commits == [(None, [(1, lo[1] + 4)])]
    # Leaving the subscription empties the assignment.
    c.unsubscribe()
    deadline = time.time() + 10
    while time.time() < deadline and c.assignment():
        c.poll(0.1)
    assert c.assignment() == []
    assert c.poll(0.5) is None
    got = c.committed([TopicPartition(topic, 0), TopicPartition(topic, 1)], timeout=10)
    assert [tp.offset for tp in got] == [lo[0] + 2, lo[1] + 4]
    c.close()


def test_consumer_metadata_calls(bootstrap, is_mock):
    topic = new_topic("py-cmeta", 3)
    c = Consumer(consumer_conf(bootstrap))
    md = c.list_topics(topic, timeout=10)
    assert list(md.topics) == [topic]
    assert sorted(md.topics[topic].partitions) == [0, 1, 2]
    assert len(md.brokers) == (3 if is_mock else 1)
    cid = c.cluster_id(timeout=10)
    assert cid == md.cluster_id
    if is_mock:
        assert cid
    # Nothing is assigned, so nothing is delivered.
    assert c.consume(num_messages=5, timeout=0.3) == []
    assert c.position([TopicPartition(topic, 0)])[0].offset == OFFSET_INVALID
    c.close()


def test_close_commits_only_what_was_consumed(bootstrap):
    topic = new_topic("py-close-commit", 3)
    fill(bootstrap, topic, 30, 3)
    group = new_group()
    c = Consumer(consumer_conf(bootstrap, group))  # auto commit and auto offset store
    c.subscribe([topic])
    got = consume_n(c, 5)
    assert len(got) == 5
    c.close()
    want = {}
    for m in got:
        want[m.partition()] = max(want.get(m.partition(), -1), m.offset() + 1)
    c2 = Consumer(consumer_conf(bootstrap, group))
    committed = c2.committed([TopicPartition(topic, q) for q in range(3)], timeout=10)
    c2.close()
    assert [tp.offset for tp in committed] == [want.get(q, OFFSET_INVALID) for q in range(3)]
