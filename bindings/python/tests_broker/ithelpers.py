"""Helpers shared by the broker tests: topics, fault injection on the mock
kinds, and consuming a known number of messages."""
import os
import subprocess
import time
import uuid

from confluent_kafka import KafkaError

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))


def create_topic(name, partitions):
    subprocess.run([os.path.join(TOP, "tests/integration/create-topic.sh"), name, str(partitions)], check=True)


def new_topic(prefix, partitions):
    """A fresh topic (tansu needs topics created; the mocks would create
    them on first use, with their default partition count)."""
    name = f"{prefix}-{uuid.uuid4().hex[:8]}"
    create_topic(name, partitions)
    return name


def new_group():
    return "pyg-" + uuid.uuid4().hex[:8]


def mock_cmd(cmd):
    """Sends one command to the mock cluster (refmock/ferromock: see
    tests/brokers/refmock.c) and returns its answer line."""
    out = os.environ["IT_MOCK_OUT"]
    with open(out) as f:
        before = len(f.readlines())
    with open(os.environ["IT_MOCK_CTL"], "w") as f:
        f.write(cmd + "\n")
    deadline = time.time() + 5
    while time.time() < deadline:
        with open(out) as f:
            lines = f.readlines()
        if len(lines) > before:
            answer = lines[-1].strip()
            assert answer == "ok", f"mock command {cmd!r}: {answer}"
            return answer
        time.sleep(0.02)
    raise AssertionError(f"mock command {cmd!r}: no answer")


def consume_n(consumer, want, timeout=30):
    """Polls until want messages (errors are failures, except end of
    partition) arrived; returns them."""
    got = []
    deadline = time.time() + timeout
    while len(got) < want and time.time() < deadline:
        m = consumer.poll(0.2)
        if m is None:
            continue
        if m.error():
            if m.error().code() == KafkaError._PARTITION_EOF:
                continue
            raise AssertionError(f"consumer error {m.error()}")
        got.append(m)
    return got


def consumer_conf(bootstrap, group=None, **extra):
    c = {"bootstrap.servers": bootstrap, "group.id": group or new_group(), "auto.offset.reset": "earliest",
         "session.timeout.ms": 6000, "heartbeat.interval.ms": 500}
    c.update(extra)
    return c


def on_reference_librdkafka():
    """True when the tests run on the real librdkafka (LD_LIBRARY_PATH set
    to the wheel's, to check what a test expects)."""
    import confluent_kafka
    return "ferrokafka" not in confluent_kafka.libversion()[0]
