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


@pytest.mark.parametrize("protocol", ["SSL", "SASL_SSL", "SASL_PLAINTEXT"])
def test_security_protocols_we_lack_are_refused(protocol):
    # Fail closed: no TLS or SASL yet, so no client that would talk in
    # clear text to a cluster the application expects to reach securely.
    for cls, extra in ((Producer, {}), (Consumer, {"group.id": "g"})):
        with pytest.raises(KafkaException) as ei:
            cls({"bootstrap.servers": "127.0.0.1:1", "security.protocol": protocol,
                 "sasl.mechanism": "PLAIN", "sasl.username": "u", "sasl.password": "p", **extra})
        err = ei.value.args[0]
        assert err.code() == KafkaError._INVALID_ARG
        assert '"security.protocol"' in err.str()
        assert "not available" in err.str()


def test_unknown_assignor_is_refused():
    with pytest.raises(KafkaException) as ei:
        Consumer({"bootstrap.servers": "127.0.0.1:1", "group.id": "g",
                  "partition.assignment.strategy": "nonexistent"})
    assert "Unsupported partition.assignment.strategy: nonexistent" in ei.value.args[0].str()

