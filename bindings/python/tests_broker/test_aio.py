"""The asyncio clients of confluent_kafka (confluent_kafka.aio): AIOProducer
produces with one future per message (resolved by the delivery report),
AIOConsumer subscribes, reads the messages back, commits and closes."""
import asyncio
import time

from confluent_kafka import KafkaError, TopicPartition, OFFSET_INVALID
from confluent_kafka.aio import AIOConsumer, AIOProducer

from ithelpers import consumer_conf, new_group, new_topic

N = 60


async def produce_all(bootstrap, topic):
    async with AIOProducer({"bootstrap.servers": bootstrap, "linger.ms": 5, "batch.num.messages": 1},
                           batch_size=25, buffer_timeout=0.2) as p:
        futures = []
        for i in range(N):
            futures.append(await p.produce(topic, value=f"aio-{i}".encode(), key=f"k{i}".encode(),
                                           partition=i % 2))
        # The futures resolve to the delivered messages.
        delivered = await asyncio.wait_for(asyncio.gather(*futures), 30)
        assert len(p) == 0
        assert await p.flush(10) == 0
        md = await p.list_topics(topic, timeout=10)
        assert sorted(md.topics[topic].partitions) == [0, 1]
    return delivered


async def consume_all(bootstrap, topic, group):
    assigned = []

    async def on_assign(consumer, parts):
        assert consumer is c  # the AIOConsumer, not the wrapped Consumer
        assigned.append(sorted((tp.topic, tp.partition) for tp in parts))

    c = AIOConsumer(consumer_conf(bootstrap, group, **{"enable.auto.commit": False}))
    await c.subscribe([topic], on_assign=on_assign)
    got = []
    deadline = time.time() + 30
    while len(got) < N and time.time() < deadline:
        batch = await c.consume(num_messages=10, timeout=0.5)
        assert len(batch) <= 10
        for m in batch:
            assert m.error() is None, m.error()
            got.append(m)
        if len(got) < N:
            m = await c.poll(0.2)
            if m is not None:
                assert m.error() is None, m.error()
                got.append(m)
    assert assigned == [[(topic, 0), (topic, 1)]]
    parts = [TopicPartition(topic, 0), TopicPartition(topic, 1)]
    assert [tp.offset for tp in await c.committed(parts, timeout=10)] == [OFFSET_INVALID] * 2
    res = await c.commit(asynchronous=False)
    committed = await c.committed(parts, timeout=10)
    position = await c.position(parts)
    assignment = await c.assignment()
    await c.close()
    return got, res, committed, position, assignment


def test_aio_produce_consume_commit_close(bootstrap):
    topic = new_topic("py-aio", 2)
    group = new_group()
    delivered = asyncio.run(produce_all(bootstrap, topic))
    assert len(delivered) == N
    for i, m in enumerate(delivered):
        assert m.error() is None
        assert m.topic() == topic and m.partition() == i % 2
        assert m.value() == f"aio-{i}".encode() and m.key() == f"k{i}".encode()
        assert m.offset() >= 0
    last = {}
    for m in delivered:
        last[m.partition()] = max(last.get(m.partition(), -1), m.offset())

    got, res, committed, position, assignment = asyncio.run(consume_all(bootstrap, topic, group))
    assert sorted((m.partition(), m.offset(), m.key(), m.value()) for m in got) == \
        sorted((m.partition(), m.offset(), m.key(), m.value()) for m in delivered)
    want = [last[0] + 1, last[1] + 1]
    assert sorted((tp.partition, tp.offset) for tp in res) == [(0, want[0]), (1, want[1])]
    assert [tp.offset for tp in committed] == want
    assert [tp.offset for tp in position] == want
    assert sorted(tp.partition for tp in assignment) == [0, 1]


def test_aio_producer_delivery_failure_rejects_future():
    async def run():
        p = AIOProducer({"bootstrap.servers": "127.0.0.1:1", "message.timeout.ms": 300}, buffer_timeout=0.05)
        fut = await p.produce("aio-nowhere", value=b"x")
        try:
            await asyncio.wait_for(fut, 10)
        except Exception as e:  # noqa: BLE001 - the type is what is checked
            err = e
        else:
            err = None
        await p.close()
        return err

    err = asyncio.run(run())
    assert err is not None
    kerr = err.args[0]
    assert isinstance(kerr, KafkaError)
    assert kerr.code() == KafkaError._MSG_TIMED_OUT
