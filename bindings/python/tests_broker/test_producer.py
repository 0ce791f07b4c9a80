"""confluent_kafka.Producer on ferrokafka against an independent broker."""
import os
import socket
import subprocess
import time
import uuid
import pytest
from confluent_kafka import Producer, KafkaError, TIMESTAMP_CREATE_TIME, TIMESTAMP_LOG_APPEND_TIME

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def create_topic(name, partitions):
    subprocess.run([os.path.join(TOP, "tests/integration/create-topic.sh"), name, str(partitions)], check=True)


def test_produce_with_callbacks_headers_and_timestamps(bootstrap):
    topic = "py-prod-" + uuid.uuid4().hex[:8]
    create_topic(topic, 3)
    reports = []
    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5})
    for i in range(200):
        p.produce(topic, value=f"v{i}".encode(), key=f"k{i}",
                  headers=[("idx", str(i).encode()), ("null", None)],
                  timestamp=1700000000000 + i,
                  on_delivery=lambda err, msg, i=i: reports.append((i, err, msg)))
        p.poll(0)
    assert len(p) > 0 or reports
    remaining = p.flush(30)
    assert remaining == 0
    assert len(p) == 0
    assert len(reports) == 200
    assert sorted(r[0] for r in reports) == list(range(200))
    offsets = {}
    for i, err, msg in reports:
        assert err is None
        assert msg.error() is None
        assert msg.topic() == topic
        assert msg.value() == f"v{i}".encode()
        assert msg.key() == f"k{i}".encode()
        if os.environ.get("IT_BROKER") == "refmock":
            # librdkafka 2.0's mock answers every Produce with LogAppendTime
            # 1234; every librdkafka reports that (checked with the system
            # one and the wheel's).
            assert msg.timestamp() == (TIMESTAMP_LOG_APPEND_TIME, 1234)
        else:
            assert msg.timestamp() == (TIMESTAMP_CREATE_TIME, 1700000000000 + i)
        assert 0 <= msg.partition() < 3
        assert msg.offset() >= 0
        offsets.setdefault(msg.partition(), []).append(msg.offset())
    # Offsets of a partition are distinct and dense.
    for part, offs in offsets.items():
        assert sorted(offs) == list(range(min(offs), min(offs) + len(offs)))
    # confluent_kafka does not read headers back into delivery reports:
    # check what was written with a reference consumer.
    out = subprocess.run(reference_kcat() + ["-C", "-b", bootstrap, "-t", topic, "-e", "-q", "-f", "%k %h\n"],
                         capture_output=True, text=True, check=True, env=reference_env())
    lines = sorted(out.stdout.split("\n")[:-1])
    assert len(lines) == 200
    # kcat prints a NULL header value as NULL.
    assert "k7 idx=7,null=NULL" in lines


def reference_kcat():
    return ["kcat"]


def reference_env():
    """kcat on a reference librdkafka: the system one where it works, the
    confluent-kafka wheel's otherwise."""
    env = dict(os.environ)
    if os.environ.get("IT_BROKER") == "refmock":
        env.pop("LD_LIBRARY_PATH", None)
    else:
        ref = subprocess.run([os.path.join(TOP, "tools/reference-librdkafka.sh")], capture_output=True, text=True, check=True)
        env["LD_LIBRARY_PATH"] = ref.stdout.strip()
    return env


def test_same_key_same_partition(bootstrap):
    topic = "py-key-" + uuid.uuid4().hex[:8]
    create_topic(topic, 5)
    parts = []
    p = Producer({"bootstrap.servers": bootstrap})
    for _ in range(10):
        p.produce(topic, value=b"x", key=b"stable-key", on_delivery=lambda e, m: parts.append(m.partition()))
    p.flush(30)
    assert len(parts) == 10 and len(set(parts)) == 1


def test_purge_and_len_without_broker():
    # A listener that never accepts: the connection stays pending, so no
    # broker error event joins the messages in len() (a refused connection
    # would queue one, in librdkafka as well).
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    port = silent.getsockname()[1]
    reports = []
    p = Producer({"bootstrap.servers": f"127.0.0.1:{port}", "message.timeout.ms": 60000})
    for i in range(5):
        p.produce("t", value=b"x", on_delivery=lambda err, msg: reports.append(err))
    assert len(p) == 5
    assert p.flush(0.2) == 5
    p.purge(in_queue=True)
    p.poll(1)
    assert len(reports) == 5
    assert all(e.code() == KafkaError._PURGE_QUEUE for e in reports)
    assert len(p) == 0
    silent.close()


def test_message_timeout_reports_error():
    reports = []
    p = Producer({"bootstrap.servers": "127.0.0.1:1", "message.timeout.ms": 300})
    p.produce("t", value=b"x", on_delivery=lambda err, msg: reports.append((err, msg)))
    deadline = time.time() + 5
    while not reports and time.time() < deadline:
        p.poll(0.1)
    assert len(reports) == 1
    err, msg = reports[0]
    assert err.code() == KafkaError._MSG_TIMED_OUT
    assert msg.value() == b"x"


def test_buffer_error_when_queue_full():
    p = Producer({"bootstrap.servers": "127.0.0.1:1", "queue.buffering.max.messages": 2})
    p.produce("t", value=b"1")
    p.produce("t", value=b"2")
    with pytest.raises(BufferError):
        p.produce("t", value=b"3")
    p.purge()


def test_stats_cb_reports_producer_counters(bootstrap):
    import json
    topic = "py-stats-" + uuid.uuid4().hex[:8]
    create_topic(topic, 2)
    docs = []
    p = Producer({"bootstrap.servers": bootstrap, "statistics.interval.ms": 100,
                  "stats_cb": lambda s: docs.append(json.loads(s))})
    for i in range(100):
        p.produce(topic, value=b"x" * 10, partition=i % 2)
    assert p.flush(30) == 0
    deadline = time.time() + 5
    while time.time() < deadline:
        p.poll(0.1)
        if docs and docs[-1].get("txmsgs", 0) >= 100 and topic in docs[-1]["topics"]:
            break
    d = docs[-1]
    assert d["type"] == "producer"
    assert d["txmsgs"] >= 100
    assert d["msg_cnt"] == 0
    parts = d["topics"][topic]["partitions"]
    assert parts["0"]["txmsgs"] + parts["1"]["txmsgs"] == 100
    assert any(b["rtt"]["cnt"] > 0 or b["tx"] > 0 for b in d["brokers"].values())
    assert d["eos"]["idemp_state"] == "Init"


def test_one_message_batches_get_dense_offsets(bootstrap):
    """Many small batches per partition in flight at once: each Produce
    request carries one batch per partition, and every report has its own
    offset."""
    topic = "py-prod-small-" + uuid.uuid4().hex[:8]
    create_topic(topic, 2)
    offsets = {}
    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 5, "batch.num.messages": 1})
    for i in range(600):
        p.produce(topic, key=f"k{i}", value=b"x",
                  on_delivery=lambda err, msg: offsets.setdefault(msg.partition(), []).append(msg.offset()))
        p.poll(0)
    assert p.flush(30) == 0
    assert sum(len(o) for o in offsets.values()) == 600
    for part, offs in offsets.items():
        assert sorted(offs) == list(range(min(offs), min(offs) + len(offs))), part
