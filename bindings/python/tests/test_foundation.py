"""confluent_kafka built from source against ferrokafka: loading, version and
configuration validation (no broker needed)."""
import pytest
import confluent_kafka
from confluent_kafka import KafkaError, KafkaException, Producer, Consumer


def test_libversion_is_ferrokafka():
    text, num = confluent_kafka.libversion()
    assert "ferrokafka" in text
    assert text.startswith("2.16.0")
    assert num >= 0x021000FF


def test_bad_value_names_the_property():
    with pytest.raises(KafkaException) as ei:
        Producer({"bootstrap.servers": "x", "linger.ms": "bad"})
    err = ei.value.args[0]
    assert err.code() == KafkaError._INVALID_ARG
    assert "linger.ms" in err.str()


def test_unknown_property_is_rejected():
    with pytest.raises(KafkaException) as ei:
        Producer({"bootstrap.servers": "x", "no.such.property": "1"})
    assert "no.such.property" in ei.value.args[0].str()


def test_out_of_range_names_range():
    with pytest.raises(KafkaException) as ei:
        Producer({"bootstrap.servers": "x", "message.max.bytes": "10"})
    msg = ei.value.args[0].str()
    assert "message.max.bytes" in msg
    assert "1000" in msg


def test_error_codes_come_from_our_catalog():
    e = KafkaError(KafkaError._TRANSPORT)
    assert e.name() == "_TRANSPORT"
    assert e.str() == "Local: Broker transport failure"
    assert KafkaError.BROKER_NOT_AVAILABLE == 8


def test_consumer_requires_group_id_for_subscribe_only():
    c = Consumer({"bootstrap.servers": "127.0.0.1:1", "group.id": "g"})
    c.close()
