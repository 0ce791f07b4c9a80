"""SerializingProducer and DeserializingConsumer with the built-in string,
integer and double serdes: keys and values survive the trip through the
broker, the bytes on the wire are the serdes' encodings, and serde
failures surface as their own exceptions."""
import math
import struct

import pytest
from confluent_kafka import (Consumer, DeserializingConsumer, KafkaError, KafkaException, Producer,
                             SerializingProducer, TopicPartition, OFFSET_BEGINNING)
from confluent_kafka.error import (KeyDeserializationError, KeySerializationError, SerializationError,
                                   ValueDeserializationError, ValueSerializationError)
from confluent_kafka.serialization import (DoubleDeserializer, DoubleSerializer, IntegerDeserializer,
                                           IntegerSerializer, StringDeserializer, StringSerializer)

from ithelpers import consume_n, consumer_conf, new_topic

STRINGS = ["plain", "", "ünïcödé ✓ 日本", "x" * 3000, None]
INTS = [0, 1, -1, 2 ** 31 - 1, -2 ** 31, 123456789]
DOUBLES = [0.0, -0.0, 1.5, -2.25, 1e308, 5e-324, math.pi, float("inf"), float("-inf"), float("nan")]

SERDES = {
    "string": (StringSerializer("utf_8"), StringDeserializer("utf_8"),
               lambda v: None if v is None else v.encode("utf-8")),
    "int": (IntegerSerializer(), IntegerDeserializer(), lambda v: struct.pack(">i", v)),
    "double": (DoubleSerializer(), DoubleDeserializer(), lambda v: struct.pack(">d", v)),
}


def same(a, b):
    if isinstance(a, float) and isinstance(b, float):
        if math.isnan(a):
            return math.isnan(b)
        return a == b and math.copysign(1, a) == math.copysign(1, b)
    return a == b and type(a) is type(b)


def pairs_for(key_kind, value_kind):
    data = {"string": STRINGS, "int": INTS, "double": DOUBLES}
    keys, values = data[key_kind], data[value_kind]
    n = max(len(keys), len(values))
    return [(keys[i % len(keys)], values[(i * 3) % len(values)]) for i in range(n)]


@pytest.mark.parametrize("key_kind,value_kind", [("string", "string"), ("int", "double"), ("double", "int")])
def test_serde_round_trip(bootstrap, key_kind, value_kind):
    topic = new_topic("py-serde", 1)
    kser, kdeser, kwire = SERDES[key_kind]
    vser, vdeser, vwire = SERDES[value_kind]
    pairs = pairs_for(key_kind, value_kind)
    reports = []
    p = SerializingProducer({"bootstrap.servers": bootstrap, "key.serializer": kser, "value.serializer": vser,
                             "batch.num.messages": 1})
    for k, v in pairs:
        p.produce(topic, key=k, value=v, on_delivery=lambda err, msg: reports.append((err, msg)))
    assert p.flush(30) == 0
    # Delivery reports carry the serialized bytes, in order, at dense offsets.
    assert [e for e, _ in reports] == [None] * len(pairs)
    assert [m.key() for _, m in reports] == [kwire(k) for k, _ in pairs]
    assert [m.value() for _, m in reports] == [vwire(v) for _, v in pairs]
    first = reports[0][1].offset()
    assert [m.offset() for _, m in reports] == list(range(first, first + len(pairs)))

    c = DeserializingConsumer(consumer_conf(bootstrap, **{"key.deserializer": kdeser,
                                                         "value.deserializer": vdeser}))
    c.assign([TopicPartition(topic, 0, OFFSET_BEGINNING)])
    got = consume_n(c, len(pairs))
    assert len(got) == len(pairs)
    for (k, v), m in zip(pairs, got):
        assert same(m.key(), k), (m.key(), k)
        assert same(m.value(), v), (m.value(), v)
    assert [m.offset() for m in got] == [m.offset() for _, m in reports]
    c.close()

    # A plain consumer sees the serdes' wire encoding.
    raw = Consumer(consumer_conf(bootstrap))
    raw.assign([TopicPartition(topic, 0, OFFSET_BEGINNING)])
    got = consume_n(raw, len(pairs))
    assert [(m.key(), m.value()) for m in got] == [(kwire(k), vwire(v)) for k, v in pairs]
    raw.close()


def test_serialization_errors_raise_and_produce_nothing(bootstrap):
    topic = new_topic("py-serde-err", 1)
    p = SerializingProducer({"bootstrap.servers": bootstrap, "key.serializer": IntegerSerializer(),
                             "value.serializer": DoubleSerializer()})
    with pytest.raises(KeySerializationError) as ei:
        p.produce(topic, key="not an int", value=1.0)
    assert isinstance(ei.value, SerializationError) and isinstance(ei.value, KafkaException)
    assert ei.value.code == KafkaError._KEY_SERIALIZATION
    assert ei.value.name == "_KEY_SERIALIZATION"
    assert isinstance(ei.value.exception, SerializationError)
    with pytest.raises(ValueSerializationError) as ei:
        p.produce(topic, key=1, value="not a double")
    assert ei.value.code == KafkaError._VALUE_SERIALIZATION
    # An int32 out of range fails too.
    with pytest.raises(KeySerializationError):
        p.produce(topic, key=2 ** 31, value=1.0)
    assert len(p) == 0
    delivered = []
    p.produce(topic, key=7, value=7.5, on_delivery=lambda err, msg: delivered.append((err, msg.offset())))
    assert p.flush(30) == 0
    assert len(delivered) == 1 and delivered[0][0] is None
    c = Consumer(consumer_conf(bootstrap))
    hi = c.get_watermark_offsets(TopicPartition(topic, 0), timeout=10)[1]
    c.close()
    # Only the good message reached the broker.
    assert hi == delivered[0][1] + 1


def test_deserialization_errors_carry_the_message(bootstrap):
    topic = new_topic("py-serde-derr", 1)
    p = Producer({"bootstrap.servers": bootstrap, "batch.num.messages": 1})
    p.produce(topic, key=struct.pack(">i", 1), value=b"abc")            # value: 3 bytes, not an int
    p.produce(topic, key=b"\x01", value=struct.pack(">i", 2))           # key: 1 byte
    p.produce(topic, key=struct.pack(">i", 3), value=struct.pack(">i", 33))
    assert p.flush(30) == 0
    c = DeserializingConsumer(consumer_conf(bootstrap, **{"key.deserializer": IntegerDeserializer(),
                                                         "value.deserializer": IntegerDeserializer()}))
    c.assign([TopicPartition(topic, 0, OFFSET_BEGINNING)])

    def next_outcome():
        for _ in range(100):
            try:
                m = c.poll(0.2)
            except (KeyDeserializationError, ValueDeserializationError) as e:
                return e
            if m is not None:
                return m
        raise AssertionError("nothing consumed")

    e = next_outcome()
    assert isinstance(e, ValueDeserializationError)
    assert e.code == KafkaError._VALUE_DESERIALIZATION
    assert e.kafka_message.value() == b"abc" and e.kafka_message.key() == struct.pack(">i", 1)
    first = e.kafka_message.offset()
    e = next_outcome()
    assert isinstance(e, KeyDeserializationError)
    assert e.code == KafkaError._KEY_DESERIALIZATION
    assert e.kafka_message.key() == b"\x01" and e.kafka_message.offset() == first + 1
    m = next_outcome()
    assert (m.key(), m.value(), m.offset()) == (3, 33, first + 2)
    c.close()
