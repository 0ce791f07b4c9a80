"""One member of a consumer group, for mixed_group.py: confluent_kafka on
whatever librdkafka.so.1 the process loads (ferrokafka by default).

    group_member.py BOOTSTRAP GROUP TOPIC STRATEGY

Prints one line per event on stdout, flushed:
    assigned P,P,...     revoked P,P,...     M PARTITION OFFSET
and closes the consumer (revoking, committing, leaving) on SIGTERM."""
import os
import signal
import sys
from confluent_kafka import Consumer

bootstrap, group, topic, strategy = sys.argv[1:5]
stop = False


def on_term(*_):
    global stop
    stop = True


signal.signal(signal.SIGTERM, on_term)


def show(what, parts):
    print(what, ",".join(str(p.partition) for p in parts), flush=True)


def on_assign(c, parts):
    show("assigned", parts)
    if strategy == "cooperative-sticky":
        c.incremental_assign(parts)
    else:
        c.assign(parts)


def on_revoke(c, parts):
    show("revoked", parts)
    if strategy == "cooperative-sticky":
        c.incremental_unassign(parts)
    else:
        c.unassign()


c = Consumer({"bootstrap.servers": bootstrap, "group.id": group, "auto.offset.reset": "earliest",
              "partition.assignment.strategy": strategy, "session.timeout.ms": 6000,
              "heartbeat.interval.ms": 500, "auto.commit.interval.ms": 200,
              **({"debug": os.environ["MEMBER_DEBUG"]} if os.environ.get("MEMBER_DEBUG") else {})})
c.subscribe([topic], on_assign=on_assign, on_revoke=on_revoke, on_lost=on_revoke)
while not stop:
    m = c.poll(0.1)
    if m is None or m.error():
        continue
    print("M", m.partition(), m.offset(), flush=True)
c.close()
print("closed", flush=True)
