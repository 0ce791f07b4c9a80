"""The group coordinator's own connection, as librdkafka has it: group
requests (commits, heartbeats, committed offsets) never queue behind a Fetch
that the broker holds for up to fetch.wait.max.ms."""
import json
import time
import uuid

from confluent_kafka import Consumer, TopicPartition

from test_consumer import conf, consume_all, new_topic


def test_commit_does_not_wait_behind_fetch_long_poll(bootstrap):
    topic, _ = new_topic(bootstrap, 3, 1)
    group = "pyg-coord-" + uuid.uuid4().hex[:8]
    stats = []
    c = Consumer(conf(bootstrap, group, **{
        "fetch.wait.max.ms": 4000, "enable.auto.commit": False,
        "statistics.interval.ms": 300, "stats_cb": stats.append}))
    c.subscribe([topic])
    msgs = consume_all(c, 3)
    assert len(msgs) == 3
    # Nothing more to fetch: every fetcher now waits in a 4 s long poll,
    # including the one on the coordinator's broker.
    c.poll(1.0)
    for m in msgs:
        t0 = time.monotonic()
        c.commit(message=m, asynchronous=False)
        took = time.monotonic() - t0
        assert took < 1.5, f"a synchronous commit took {took:.2f} s behind a fetch long poll"
    t0 = time.monotonic()
    got = c.committed([TopicPartition(topic, p) for p in range(3)], timeout=10)
    assert time.monotonic() - t0 < 1.5
    assert {tp.partition: tp.offset for tp in got} == {m.partition(): m.offset() + 1 for m in msgs}
    # Statistics list the logical broker beside the cluster's nodes.
    deadline = time.time() + 5
    gc = None
    while time.time() < deadline and gc is None:
        c.poll(0.2)
        if stats:
            gc = json.loads(stats[-1])["brokers"].get("GroupCoordinator")
    c.close()
    assert gc is not None, "no GroupCoordinator broker in the statistics"
    assert gc["name"] == "GroupCoordinator"
    assert gc["source"] == "logical"
    assert gc["state"] == "UP"
    assert gc["tx"] > 0 and gc["rx"] > 0
