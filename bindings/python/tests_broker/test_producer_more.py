"""Producer points test_producer.py leaves out, checked by reading the
messages back with our consumer: header forms (list with duplicates and
None values, dict, binary), null keys and values (tombstones), default
timestamps, produce_batch, purge of queued messages next to a live broker,
flush overriding linger.ms, len() while messages are queued."""
import time

from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition, OFFSET_BEGINNING, TIMESTAMP_CREATE_TIME

from ithelpers import consume_n, consumer_conf, new_topic


def read_back(bootstrap, topic, n, partition=0):
    c = Consumer(consumer_conf(bootstrap))
    c.assign([TopicPartition(topic, partition, OFFSET_BEGINNING)])
    got = consume_n(c, n)
    assert c.poll(0.3) is None  # nothing more
    c.close()
    return got


def test_headers_keys_values_and_timestamps_round_trip(bootstrap):
    topic = new_topic("py-prod-rt", 1)
    p = Producer({"bootstrap.servers": bootstrap, "batch.num.messages": 1})
    before = int(time.time() * 1000)
    p.produce(topic, value=b"v0", key=b"k0", headers=[("a", b"1"), ("a", b"2"), ("n", None), ("b", "text")])
    p.produce(topic, value=b"v1", key=None, headers={"d": b"\x00\xff", "e": b""})
    p.produce(topic, value=None, key=b"tombstone")
    p.produce(topic, value=b"", key=b"", timestamp=1600000000123)
    p.produce(topic, value=b"v4")
    assert len(p) == 5
    assert p.flush(30) == 0
    after = int(time.time() * 1000)
    got = read_back(bootstrap, topic, 5)
    assert len(got) == 5
    m0, m1, m2, m3, m4 = got
    # Header order and duplicates are kept; a None value stays None; a str
    # value is sent as its UTF-8 bytes.
    assert m0.headers() == [("a", b"1"), ("a", b"2"), ("n", None), ("b", b"text")]
    assert (m0.key(), m0.value()) == (b"k0", b"v0")
    assert sorted(m1.headers()) == [("d", b"\x00\xff"), ("e", b"")]
    assert (m1.key(), m1.value()) == (None, b"v1")
    assert (m2.key(), m2.value(), m2.headers()) == (b"tombstone", None, None)
    assert (m3.key(), m3.value()) == (b"", b"")
    assert m4.headers() is None
    # The stored batches keep the producer's CreateTime (on refmock too,
    # although its produce answers claim LogAppendTime).
    assert m3.timestamp() == (TIMESTAMP_CREATE_TIME, 1600000000123)
    for m in (m0, m1, m2, m4):
        kind, ts = m.timestamp()
        assert kind == TIMESTAMP_CREATE_TIME and before <= ts <= after
    assert [m.offset() for m in got] == list(range(got[0].offset(), got[0].offset() + 5))
    assert all(len(m) == len(m.value() or b"") for m in got)


def test_produce_batch(bootstrap):
    topic = new_topic("py-prod-batch", 2)
    reports = []
    p = Producer({"bootstrap.servers": bootstrap})
    msgs = [{"value": f"b{i}".encode(), "key": f"k{i}".encode()} for i in range(20)]
    msgs.append({"value": b"x" * 2000000})  # larger than message.max.bytes: refused
    accepted = p.produce_batch(topic, msgs, partition=1,
                               on_delivery=lambda err, msg: reports.append((err, msg.value(), msg.partition())))
    assert accepted == 20
    assert "_error" in msgs[20] and msgs[20]["_error"].code() == KafkaError.MSG_SIZE_TOO_LARGE
    assert all("_error" not in m for m in msgs[:20])
    assert p.flush(30) == 0
    assert [(e, v, part) for e, v, part in reports] == [(None, f"b{i}".encode(), 1) for i in range(20)]
    got = read_back(bootstrap, topic, 20, partition=1)
    assert [(m.key(), m.value()) for m in got] == [(f"k{i}".encode(), f"b{i}".encode()) for i in range(20)]


def test_purge_queued_messages_and_flush_ignores_linger(bootstrap):
    topic = new_topic("py-prod-purge", 1)
    reports = []
    # A long linger keeps the messages in the queue although the broker is up.
    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 60000})
    for i in range(4):
        p.produce(topic, value=b"%d" % i, on_delivery=lambda err, msg: reports.append((err, msg.value())))
    assert len(p) == 4
    assert p.poll(0.5) == 0 and reports == []
    p.purge(in_queue=True, in_flight=False, blocking=True)
    p.poll(1)
    assert [(e.code(), v) for e, v in reports] == [(KafkaError._PURGE_QUEUE, b"%d" % i) for i in range(4)]
    assert len(p) == 0
    # The producer stays usable, and flush() sends at once, whatever the linger.
    p.produce(topic, value=b"after", on_delivery=lambda err, msg: reports.append((err, msg.value())))
    t0 = time.monotonic()
    assert p.flush(30) == 0
    assert time.monotonic() - t0 < 5
    assert reports[-1] == (None, b"after")
    got = read_back(bootstrap, topic, 1)
    assert [m.value() for m in got] == [b"after"]
