"""confluent_kafka (built against ferrokafka) reads cluster metadata from an
independent broker, and reports unreachable brokers as librdkafka does."""
import time
import pytest
from confluent_kafka import Producer, KafkaError, KafkaException
from confluent_kafka.admin import AdminClient


def check_cluster(md, broker_kind, is_mock):
    assert len(md.brokers) == (3 if is_mock else 1)
    for b in md.brokers.values():
        assert b.id >= 0 and b.port > 0 and b.host
    if broker_kind == "refmock":
        # librdkafka 2.0's mock cluster names controller 0, a broker that
        # does not exist (the system librdkafka reports the same).
        assert md.controller_id == 0
    else:
        assert md.controller_id in md.brokers
    t = md.topics["it-meta"]
    assert t.error is None
    assert sorted(t.partitions) == [0, 1, 2, 3]
    for p in t.partitions.values():
        assert p.leader in md.brokers
        assert p.replicas and set(p.replicas) <= set(md.brokers)
        assert p.isrs and set(p.isrs) <= set(md.brokers)
    assert len(md.topics["it-meta2"].partitions) == 1


def test_producer_list_topics(bootstrap, broker_kind, is_mock):
    p = Producer({"bootstrap.servers": bootstrap})
    md = p.list_topics(timeout=10)
    check_cluster(md, broker_kind, is_mock)
    one = p.list_topics(topic="it-meta2", timeout=10)
    assert list(one.topics) == ["it-meta2"]
    # The answering broker: a known one, or -1 for a bootstrap connection
    # (librdkafka reports those as "from broker -1" too).
    assert one.orig_broker_id in md.brokers or one.orig_broker_id == -1
    assert one.orig_broker_name
    p.flush(1)


def test_admin_list_topics(bootstrap, broker_kind, is_mock):
    a = AdminClient({"bootstrap.servers": bootstrap})
    md = a.list_topics(timeout=10)
    check_cluster(md, broker_kind, is_mock)
    if is_mock:
        assert md.cluster_id


def test_dead_address_fails_within_timeout_and_reports_broker_down():
    errors = []
    p = Producer({"bootstrap.servers": "127.0.0.1:1", "error_cb": errors.append})
    t0 = time.monotonic()
    with pytest.raises(KafkaException) as ei:
        p.list_topics(timeout=1)
    elapsed = time.monotonic() - t0
    assert ei.value.args[0].code() in (KafkaError._TRANSPORT, KafkaError._TIMED_OUT)
    assert elapsed < 1.5
    p.poll(0.5)
    codes = {e.code() for e in errors}
    assert KafkaError._TRANSPORT in codes
    assert KafkaError._ALL_BROKERS_DOWN in codes
    assert any("127.0.0.1:1" in e.str() for e in errors)
