"""The client-level callbacks of confluent_kafka on ferrokafka: logger=
(librdkafka's log lines as logging records, on the application's thread),
stats_cb (the statistics JSON), error_cb (broker connections lost),
throttle_cb (quota throttling, on ferrokafka's mock cluster)."""
import json
import logging
import os
import signal
import subprocess
import threading
import time

import pytest
from confluent_kafka import Consumer, KafkaError, Producer, TopicPartition

from ithelpers import TOP, consume_n, consumer_conf, mock_cmd, new_topic


class Records(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.records = []

    def emit(self, record):
        self.records.append(record)


def capture_logger(name):
    logger = logging.getLogger(name)
    logger.handlers[:] = []
    handler = Records()
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    return logger, handler.records


def test_logger_receives_debug_records(bootstrap):
    topic = new_topic("py-log", 1)
    logger, records = capture_logger("ferro.test.debug")
    p = Producer({"bootstrap.servers": bootstrap, "debug": "broker,metadata", "client.id": "py-log-client"},
                 logger=logger)
    p.produce(topic, value=b"x")
    assert p.flush(30) == 0
    assert records, "no log record with debug enabled"
    debug = [r for r in records if r.levelno == logging.DEBUG]
    assert debug
    # confluent_kafka logs "FACILITY [client name] text" through logger.log,
    # from poll()/flush() on the calling thread.
    for r in records:
        assert r.name == "ferro.test.debug"
        assert r.msg == "%s [%s] %s" and len(r.args) == 3
        fac, name, text = r.args
        assert fac and fac == fac.upper()
        assert name.startswith("py-log-client#producer-")
        assert r.thread == threading.get_ident()
    facilities = {r.args[0] for r in debug}
    assert {"CONNECT", "METADATA"} <= facilities, facilities
    addresses = bootstrap.split(",")
    assert any(a in r.args[2] for r in debug if r.args[0] == "CONNECT" for a in addresses)

    # Without debug nothing below INFO is logged for the same work.
    logger2, records2 = capture_logger("ferro.test.quiet")
    p2 = Producer({"bootstrap.servers": bootstrap, "logger": logger2})
    p2.produce(topic, value=b"y")
    assert p2.flush(30) == 0
    assert [r for r in records2 if r.levelno < logging.INFO] == []


def test_logger_receives_connection_failures():
    logger, records = capture_logger("ferro.test.fail")
    p = Producer({"bootstrap.servers": "127.0.0.1:1", "message.timeout.ms": 1000}, logger=logger)
    p.produce("py-log-nowhere", value=b"x")
    p.flush(1.5)
    fails = [r for r in records if r.args[0] == "FAIL"]
    assert fails
    assert all(r.levelno == logging.ERROR for r in fails)
    assert any("127.0.0.1:1" in r.args[2] and "Connection refused" in r.args[2] for r in fails)


def test_consumer_stats(bootstrap, is_mock):
    topic = new_topic("py-cstats", 2)
    p = Producer({"bootstrap.servers": bootstrap, "batch.num.messages": 1})
    for i in range(10):
        p.produce(topic, value=b"v%d" % i, partition=i % 2)
    assert p.flush(30) == 0
    docs = []
    c = Consumer(consumer_conf(bootstrap, **{"statistics.interval.ms": 200, "client.id": "py-cstats",
                                             "stats_cb": lambda s: docs.append(json.loads(s))}))
    c.subscribe([topic])
    assert len(consume_n(c, 10)) == 10
    deadline = time.time() + 5
    while time.time() < deadline:
        c.poll(0.1)
        if docs and docs[-1].get("rxmsgs", 0) >= 10 and docs[-1].get("cgrp", {}).get("join_state") == "steady":
            break
    d = docs[-1]
    assert d["type"] == "consumer"
    assert d["name"].startswith("py-cstats#consumer-")
    assert d["client_id"] == "py-cstats"
    assert d["rxmsgs"] == 10
    assert d["time"] == pytest.approx(time.time(), abs=10)
    learned = {b["nodeid"]: b for b in d["brokers"].values() if b["nodeid"] >= 0}
    assert len(learned) == (3 if is_mock else 1)
    assert any(b["state"] == "UP" and b["rx"] > 0 for b in learned.values())
    t = d["topics"][topic]
    # "-1" is the internal unassigned-partition entry.
    assert sorted(t["partitions"]) == ["-1", "0", "1"]
    for part in ("0", "1"):
        tp = t["partitions"][part]
        assert tp["partition"] == int(part)
        assert tp["leader"] in learned
        assert tp["fetch_state"] == "active"
        assert tp["hi_offset"] - tp["lo_offset"] == 5
        assert tp["app_offset"] == tp["hi_offset"]
    assert d["cgrp"]["state"] == "up" and d["cgrp"]["join_state"] == "steady"
    assert d["cgrp"]["assignment_size"] == 2
    assert d["cgrp"]["rebalance_cnt"] >= 1
    c.close()


def test_consumer_stats_count_messages_per_partition(bootstrap):
    topic = new_topic("py-cstats-part", 2)
    p = Producer({"bootstrap.servers": bootstrap, "batch.num.messages": 1})
    for i in range(10):
        p.produce(topic, value=b"v%d" % i, partition=i % 2)
    assert p.flush(30) == 0
    docs = []
    c = Consumer(consumer_conf(bootstrap, **{"statistics.interval.ms": 200,
                                             "stats_cb": lambda s: docs.append(json.loads(s))}))
    c.assign([TopicPartition(topic, 0, 0), TopicPartition(topic, 1, 0)])
    assert len(consume_n(c, 10)) == 10
    deadline = time.time() + 3
    while time.time() < deadline and not (docs and docs[-1]["rxmsgs"] >= 10):
        c.poll(0.1)
    parts = docs[-1]["topics"][topic]["partitions"]
    assert [parts[p]["rxmsgs"] for p in ("0", "1")] == [5, 5]
    assert [parts[p]["msgs"] for p in ("0", "1")] == [5, 5]
    assert [parts[p]["rxbytes"] for p in ("0", "1")] == [10, 10]  # value bytes
    c.close()


def test_error_cb_when_every_broker_goes_down(bootstrap, is_mock, request):
    """A connected client whose brokers all disappear reports _TRANSPORT
    and then _ALL_BROKERS_DOWN through error_cb. Mock kinds: the brokers
    are stopped and restarted (the message produced meanwhile is delivered
    afterwards). tansu: a private tansu instance is killed."""
    errors = []
    if is_mock:
        topic = new_topic("py-down", 1)
        pid = None
    else:
        bootstrap, pid = subprocess.run([os.path.join(TOP, "tests/brokers/tansu.sh")], capture_output=True,
                                        text=True, check=True).stdout.split()
        topic = "py-down"
        subprocess.run(["tansu", "topic", "create", "--broker", f"tcp://{bootstrap}", "--partitions", "1", topic],
                       check=True, capture_output=True)
    p = Producer({"bootstrap.servers": bootstrap, "error_cb": errors.append, "message.timeout.ms": 30000})
    reports = []
    p.produce(topic, value=b"before", on_delivery=lambda err, msg: reports.append((err, msg.value())))
    assert p.flush(30) == 0
    p.poll(0.5)
    assert errors == []  # a healthy cluster: nothing to report
    try:
        if is_mock:
            for broker in (1, 2, 3):
                mock_cmd(f"down {broker}")
        else:
            os.kill(int(pid), signal.SIGKILL)
        deadline = time.time() + 5  # librdkafka: within a second
        while time.time() < deadline and not any(e.code() == KafkaError._ALL_BROKERS_DOWN for e in errors):
            p.poll(0.1)
        p.poll(0.5)  # the _TRANSPORT errors may come after _ALL_BROKERS_DOWN
        codes = [e.code() for e in errors]
        if is_mock:
            p.produce(topic, value=b"during", on_delivery=lambda err, msg: reports.append((err, msg.value())))
    finally:
        if is_mock:
            for broker in (1, 2, 3):
                mock_cmd(f"up {broker}")
    assert KafkaError._TRANSPORT in codes
    down = [e for e in errors if e.code() == KafkaError._ALL_BROKERS_DOWN]
    assert down, [(e.name(), e.str()) for e in errors]
    assert "brokers are down" in down[0].str()
    assert all(not e.fatal() for e in errors)
    if is_mock:
        assert p.flush(30) == 0
        assert reports == [(None, b"before"), (None, b"during")]


def test_throttle_cb(bootstrap, broker_kind):
    """throttle_cb gets a ThrottleEvent (broker name and id, throttle time
    in seconds) for every throttled response, and one with 0 when the
    broker stops throttling. Only ferrokafka's mock cluster can be told to
    throttle (ferrokafka_mock_broker_set_throttle); refmock and tansu never
    throttle, so there the callback must stay silent."""
    topic = new_topic("py-throttle", 1)
    events = []
    p = Producer({"bootstrap.servers": bootstrap, "linger.ms": 0,
                  "throttle_cb": lambda ev: events.append((ev.broker_name, ev.broker_id, ev.throttle_time))})
    p.produce(topic, value=b"unthrottled")
    assert p.flush(30) == 0
    p.poll(0.2)
    assert events == []
    if broker_kind != "ferromock":
        for i in range(3):
            p.produce(topic, value=b"%d" % i)
            assert p.flush(30) == 0
        p.poll(0.2)
        assert events == []
        return
    leader = p.list_topics(topic, timeout=10).topics[topic].partitions[0].leader
    mock_cmd(f"throttle {leader} 250")
    try:
        for i in range(2):
            p.produce(topic, value=b"%d" % i)
            assert p.flush(30) == 0
        p.poll(0.2)
    finally:
        mock_cmd("throttle -1 0")
    # Every throttled response is reported; an unthrottled one in between
    # (a metadata refresh) reports 0, as in librdkafka.
    throttled = [ev for ev in events if ev[2] > 0]
    assert len(throttled) == 2, events
    node = p.list_topics(topic, timeout=10).brokers[leader]
    for name, broker_id, secs in throttled:
        assert broker_id == leader
        assert name == f"{node.host}:{node.port}"  # the node name, host:port
        assert secs == pytest.approx(0.25)
    p.produce(topic, value=b"after")
    assert p.flush(30) == 0
    p.poll(0.2)
    # The first unthrottled response (of any broker) reports the end.
    assert events[-1][2] == 0.0, events
    n = len(events)
    p.produce(topic, value=b"quiet")
    assert p.flush(30) == 0
    p.poll(0.2)
    assert len(events) == n, events
