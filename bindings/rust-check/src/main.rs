//! A produce/consume round trip through rust-rdkafka on whatever
//! librdkafka.so.1 this binary was linked against (ferrokafka's installed
//! copy, see tests/integration/check-rust.sh).
//!
//!     IT_BOOTSTRAP=host:port rust-check TOPIC PARTITIONS COUNT
//!
//! The topic must exist with PARTITIONS partitions and be empty. A
//! BaseProducer (idempotent) sends COUNT messages with keys, headers and
//! timestamps and checks every delivery report; a BaseConsumer in a new
//! group reads them all back and compares everything with what was sent and
//! with the delivery reports, commits, and checks the committed offsets
//! from the consumer and from a second client of the same group.
//! Prints `version: 0x... <rd_kafka_version_str()>` first and `ok: ...`
//! last; any mismatch ends the program with status 1 and a `FAIL:` line.

// `%` rather than is_multiple_of(): the README's minimum is Rust 1.85.
#![allow(clippy::manual_is_multiple_of)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rdkafka::client::ClientContext;
use rdkafka::config::{ClientConfig, RDKafkaLogLevel};
use rdkafka::consumer::{BaseConsumer, CommitMode, Consumer, ConsumerContext, Rebalance};
use rdkafka::error::{KafkaError, KafkaResult, RDKafkaErrorCode};
use rdkafka::message::{Header, Headers, Message, OwnedHeaders, Timestamp};
use rdkafka::producer::{BaseProducer, BaseRecord, DeliveryResult, Producer, ProducerContext};
use rdkafka::topic_partition_list::{Offset, TopicPartitionList};
use rdkafka::util::get_rdkafka_version;

type Res<T> = Result<T, String>;

macro_rules! fail {
    ($($arg:tt)*) => { return Err(format!($($arg)*)) };
}

/// What message `seq` is made of; a pure function of `seq` and the base
/// timestamp so the consumer side can recompute it.
#[derive(Debug, PartialEq)]
struct Spec {
    key: Option<Vec<u8>>,
    payload: Option<Vec<u8>>,
    headers: Vec<(String, Option<Vec<u8>>)>,
    timestamp: i64,
    /// Some(p): produced to partition p explicitly; None: the partitioner chose.
    partition: Option<i32>,
}

fn spec(seq: usize, partitions: i32, base_ts: i64) -> Spec {
    // Keys repeat (50 distinct ones) so the partitioner's choice can be
    // checked for consistency; every 10th message has no key.
    let key = (seq % 10 != 9).then(|| format!("key-{}", seq % 50).into_bytes());
    let payload = if seq % 33 == 32 {
        None // a tombstone
    } else if seq % 25 == 24 {
        Some(Vec::new()) // empty, not null
    } else {
        let mut p = format!("payload-{seq}-").into_bytes();
        // Binary bytes, zeros included, of varying length.
        p.extend((0..seq % 200).map(|j| (seq * 31 + j * 7) as u8));
        Some(p)
    };
    let mut headers = vec![
        ("seq".to_string(), Some(seq.to_string().into_bytes())),
        ("origin".to_string(), Some(b"rust-check".to_vec())),
    ];
    if seq % 3 == 0 {
        headers.push(("empty".to_string(), Some(Vec::new())));
    }
    if seq % 4 == 0 {
        headers.push(("null".to_string(), None));
    }
    if seq % 5 == 0 {
        // A repeated header name: order and both values must survive.
        headers.push(("origin".to_string(), Some(vec![0, 1, 2, 255])));
    }
    let partition = (seq % 7 == 3).then(|| ((seq / 7) as i32) % partitions);
    Spec {
        key,
        payload,
        headers,
        timestamp: base_ts + seq as i64,
        partition,
    }
}

fn show(b: Option<&[u8]>) -> String {
    match b {
        None => "NULL".to_string(),
        Some(b) if b.len() > 40 => format!(
            "{:?}... ({} bytes)",
            String::from_utf8_lossy(&b[..40]),
            b.len()
        ),
        Some(b) => format!("{:?}", String::from_utf8_lossy(b)),
    }
}

fn headers_of<H: Headers>(h: Option<&H>) -> Vec<(String, Option<Vec<u8>>)> {
    match h {
        None => Vec::new(),
        Some(h) => h
            .iter()
            .map(|hd| (hd.key.to_string(), hd.value.map(|v| v.to_vec())))
            .collect(),
    }
}

/// What a delivery report said about one message.
#[derive(Debug, Clone)]
struct Delivered {
    partition: i32,
    offset: i64,
}

struct ProdCtx {
    // Indexed by seq: None until its delivery report arrives.
    reports: Mutex<Vec<Option<Res<Delivered>>>>,
    partitions: i32,
    base_ts: i64,
}

/// librdkafka's log lines and error events go to stderr with the role
/// (warnings and worse; everything when RUST_CHECK_DEBUG is set, which also
/// becomes the `debug` property).
fn log_line(role: &str, level: RDKafkaLogLevel, fac: &str, msg: &str) {
    if (level as i32) <= (RDKafkaLogLevel::Warning as i32)
        || std::env::var_os("RUST_CHECK_DEBUG").is_some()
    {
        eprintln!("[{role} log {level:?}] {fac}: {msg}");
    }
}

impl ClientContext for ProdCtx {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, msg: &str) {
        log_line("producer", level, fac, msg);
    }
    fn error(&self, error: KafkaError, reason: &str) {
        eprintln!("[producer error] {error}: {reason}");
    }
}

impl ProducerContext for ProdCtx {
    type DeliveryOpaque = Box<usize>;

    fn delivery(&self, result: &DeliveryResult<'_>, seq: Box<usize>) {
        let seq = *seq;
        let outcome = match result {
            Err((e, _)) => Err(format!("message {seq}: delivery failed: {e}")),
            Ok(m) => {
                // The report carries the message as it was sent.
                let s = spec(seq, self.partitions, self.base_ts);
                if m.key() != s.key.as_deref() {
                    Err(format!(
                        "message {seq}: report key {} != {}",
                        show(m.key()),
                        show(s.key.as_deref())
                    ))
                } else if m.payload() != s.payload.as_deref() {
                    Err(format!(
                        "message {seq}: report payload {} != {}",
                        show(m.payload()),
                        show(s.payload.as_deref())
                    ))
                } else if m.offset() < 0 {
                    Err(format!("message {seq}: report offset {}", m.offset()))
                } else {
                    Ok(Delivered {
                        partition: m.partition(),
                        offset: m.offset(),
                    })
                }
            }
        };
        let mut r = self.reports.lock().unwrap();
        if r[seq].is_some() {
            r[seq] = Some(Err(format!("message {seq}: two delivery reports")));
        } else {
            r[seq] = Some(outcome);
        }
    }
}

/// A commit callback's result and (partition, offset) list.
type CommitReport = (KafkaResult<()>, Vec<(i32, Offset)>);

#[derive(Default)]
struct ConsCtx {
    commits: Mutex<Vec<CommitReport>>,
    assigned: Mutex<Vec<i32>>,
}

impl ClientContext for ConsCtx {
    fn log(&self, level: RDKafkaLogLevel, fac: &str, msg: &str) {
        log_line("consumer", level, fac, msg);
    }
    fn error(&self, error: KafkaError, reason: &str) {
        eprintln!("[consumer error] {error}: {reason}");
    }
}

impl ConsumerContext for ConsCtx {
    fn pre_rebalance(&self, _c: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if std::env::var_os("RUST_CHECK_DEBUG").is_some() {
            eprintln!("[consumer] rebalance: {rebalance:?}");
        }
    }

    fn post_rebalance(&self, _c: &BaseConsumer<Self>, rebalance: &Rebalance<'_>) {
        if std::env::var_os("RUST_CHECK_DEBUG").is_some() {
            eprintln!("[consumer] rebalance done: {rebalance:?}");
        }
        if let Rebalance::Assign(tpl) = rebalance {
            self.assigned
                .lock()
                .unwrap()
                .extend(tpl.elements().iter().map(|e| e.partition()));
        }
    }

    fn commit_callback(&self, result: KafkaResult<()>, offsets: &TopicPartitionList) {
        let offs = offsets
            .elements()
            .iter()
            .map(|e| (e.partition(), e.offset()))
            .collect();
        self.commits.lock().unwrap().push((result, offs));
    }
}

/// Progress lines on stderr when RUST_CHECK_DEBUG is set.
fn step(what: &str) {
    if std::env::var_os("RUST_CHECK_DEBUG").is_some() {
        eprintln!("[rust-check] {what}");
    }
}

/// RUST_CHECK_NO_CLOSE: leak the consumers instead of closing them. Only
/// for running this program on the reference librdkafka (LD_LIBRARY_PATH)
/// to check the checks themselves: with rust-rdkafka 0.39, librdkafka
/// 2.16's close often never reports the consumer closed, and the drop
/// waits forever.
fn skip_close() -> bool {
    std::env::var_os("RUST_CHECK_NO_CLOSE").is_some()
}

fn base_config(bootstrap: &str) -> ClientConfig {
    let mut c = ClientConfig::new();
    c.set("bootstrap.servers", bootstrap)
        .set("client.id", "ferrokafka-rust-check");
    if let Ok(d) = std::env::var("RUST_CHECK_DEBUG") {
        c.set("debug", d).set_log_level(RDKafkaLogLevel::Debug);
    } else {
        c.set_log_level(RDKafkaLogLevel::Warning);
    }
    c
}

fn produce(
    bootstrap: &str,
    topic: &str,
    partitions: i32,
    n: usize,
    base_ts: i64,
) -> Res<Vec<Delivered>> {
    let ctx = ProdCtx {
        reports: Mutex::new(vec![None; n]),
        partitions,
        base_ts,
    };
    let producer: BaseProducer<ProdCtx> = base_config(bootstrap)
        .set("enable.idempotence", "true")
        .set("linger.ms", "5")
        .set("message.timeout.ms", "60000")
        .create_with_context(ctx)
        .map_err(|e| format!("creating the producer: {e}"))?;

    let md = producer
        .client()
        .fetch_metadata(Some(topic), Duration::from_secs(20))
        .map_err(|e| format!("metadata for {topic}: {e}"))?;
    match md.topics().iter().find(|t| t.name() == topic) {
        None => fail!("metadata has no topic {topic}"),
        Some(t) if t.error().is_some() => fail!("metadata: topic {topic}: {:?}", t.error()),
        Some(t) if t.partitions().len() != partitions as usize => {
            fail!(
                "metadata: topic {topic} has {} partitions, expected {partitions}",
                t.partitions().len()
            )
        }
        Some(_) => {}
    }

    let t0 = Instant::now();
    for seq in 0..n {
        let s = spec(seq, partitions, base_ts);
        let mut headers = OwnedHeaders::new_with_capacity(s.headers.len());
        for (k, v) in &s.headers {
            headers = headers.insert(Header {
                key: k,
                value: v.as_deref(),
            });
        }
        let mut rec: BaseRecord<'_, [u8], [u8], Box<usize>> =
            BaseRecord::with_opaque_to(topic, Box::new(seq))
                .headers(headers)
                .timestamp(s.timestamp);
        if let Some(k) = &s.key {
            rec = rec.key(k);
        }
        if let Some(p) = &s.payload {
            rec = rec.payload(p);
        }
        if let Some(p) = s.partition {
            rec = rec.partition(p);
        }
        loop {
            match producer.send(rec) {
                Ok(()) => break,
                Err((KafkaError::MessageProduction(RDKafkaErrorCode::QueueFull), r)) => {
                    rec = r;
                    producer.poll(Duration::from_millis(50));
                }
                Err((e, _)) => fail!("send of message {seq}: {e}"),
            }
        }
        producer.poll(Duration::ZERO);
    }
    // With delivery reports as events, flush() returns once no message is
    // left in the producer; the reports may still wait in the queue.
    producer
        .flush(Duration::from_secs(60))
        .map_err(|e| format!("flush: {e}"))?;
    let dr_deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let missing = producer
            .context()
            .reports
            .lock()
            .unwrap()
            .iter()
            .filter(|r| r.is_none())
            .count();
        if missing == 0 {
            break;
        }
        if Instant::now() > dr_deadline {
            fail!("{missing} delivery reports missing 20 s after flush");
        }
        producer.poll(Duration::from_millis(100));
    }
    // Every report served: nothing left in the queue.
    if producer.in_flight_count() != 0 {
        fail!(
            "in_flight_count() (rd_kafka_outq_len) is {} after every delivery report",
            producer.in_flight_count()
        );
    }
    let produce_time = t0.elapsed();

    let reports = std::mem::take(&mut *producer.context().reports.lock().unwrap());
    let mut out = Vec::with_capacity(n);
    for (seq, r) in reports.into_iter().enumerate() {
        match r {
            None => fail!("message {seq}: no delivery report after flush"),
            Some(Err(e)) => fail!("{e}"),
            Some(Ok(d)) => out.push(d),
        }
    }
    // Partitions: in range, the explicit ones honoured, one partition per key.
    let mut key_part: HashMap<Vec<u8>, i32> = HashMap::new();
    for (seq, d) in out.iter().enumerate() {
        let s = spec(seq, partitions, base_ts);
        if d.partition < 0 || d.partition >= partitions {
            fail!(
                "message {seq}: delivered to partition {} of {partitions}",
                d.partition
            );
        }
        match (s.partition, &s.key) {
            (Some(p), _) if p != d.partition => fail!(
                "message {seq}: sent to partition {p}, delivered to {}",
                d.partition
            ),
            (None, Some(k)) => {
                let p = *key_part.entry(k.clone()).or_insert(d.partition);
                if p != d.partition {
                    fail!(
                        "message {seq}: key {} went to partitions {p} and {}",
                        show(Some(k)),
                        d.partition
                    );
                }
            }
            _ => {}
        }
    }
    // Offsets: per partition, 0..count in the order the messages were sent
    // (the topic was empty; the idempotent producer keeps the order).
    let mut per_part: BTreeMap<i32, Vec<i64>> = BTreeMap::new();
    for d in &out {
        per_part.entry(d.partition).or_default().push(d.offset);
    }
    for (p, offs) in &per_part {
        let want: Vec<i64> = (0..offs.len() as i64).collect();
        if *offs != want {
            let first_bad = offs
                .iter()
                .zip(&want)
                .position(|(a, b)| a != b)
                .unwrap_or(0);
            fail!("partition {p}: offsets in send order are not 0..{} (first difference at #{first_bad}: {})",
                  offs.len(), offs[first_bad]);
        }
    }
    println!(
        "produced {n} messages in {:.2}s, delivery reports ok: {}",
        produce_time.as_secs_f64(),
        per_part
            .iter()
            .map(|(p, o)| format!("p{p}={}", o.len()))
            .collect::<Vec<_>>()
            .join(" ")
    );
    Ok(out)
}

fn consume(
    bootstrap: &str,
    topic: &str,
    partitions: i32,
    base_ts: i64,
    delivered: &[Delivered],
) -> Res<()> {
    let n = delivered.len();
    let group = format!("rust-check-{topic}");
    let consumer: BaseConsumer<ConsCtx> = base_config(bootstrap)
        .set("group.id", &group)
        .set("auto.offset.reset", "earliest")
        .set("enable.auto.commit", "false")
        .set("session.timeout.ms", "10000")
        .create_with_context(ConsCtx::default())
        .map_err(|e| format!("creating the consumer: {e}"))?;
    consumer
        .subscribe(&[topic])
        .map_err(|e| format!("subscribe: {e}"))?;
    match consumer.subscription() {
        Ok(s) if s.elements().len() == 1 && s.elements()[0].topic() == topic => {}
        Ok(s) => fail!("subscription() is {:?}", s.to_topic_map()),
        Err(e) => fail!("subscription(): {e}"),
    }

    let t0 = Instant::now();
    let deadline = t0 + Duration::from_secs(90);
    let mut seen = vec![false; n];
    let mut got = 0;
    // Next offset per partition after the last message read.
    let mut next: BTreeMap<i32, i64> = BTreeMap::new();
    while got < n {
        if Instant::now() > deadline {
            fail!(
                "read {got} of {n} messages in 90 s (assigned partitions: {:?})",
                consumer.context().assigned.lock().unwrap()
            );
        }
        let m = match consumer.poll(Duration::from_millis(500)) {
            None => continue,
            Some(Err(e)) => fail!("consumer error after {got} messages: {e}"),
            Some(Ok(m)) => m,
        };
        if m.topic() != topic {
            fail!("message from topic {:?}", m.topic());
        }
        let hdrs = headers_of(m.headers());
        let seq = match hdrs.first() {
            Some((k, Some(v))) if k == "seq" => match std::str::from_utf8(v)
                .ok()
                .and_then(|v| v.parse::<usize>().ok())
            {
                Some(s) if s < n => s,
                _ => fail!(
                    "p{} o{}: bad seq header {}",
                    m.partition(),
                    m.offset(),
                    show(Some(v))
                ),
            },
            _ => fail!(
                "p{} o{}: first header is not seq: {hdrs:?}",
                m.partition(),
                m.offset()
            ),
        };
        if seen[seq] {
            fail!(
                "message {seq} read twice (p{} o{})",
                m.partition(),
                m.offset()
            );
        }
        seen[seq] = true;
        got += 1;
        let s = spec(seq, partitions, base_ts);
        let d = &delivered[seq];
        if (m.partition(), m.offset()) != (d.partition, d.offset) {
            fail!(
                "message {seq}: read at p{} o{}, delivered at p{} o{}",
                m.partition(),
                m.offset(),
                d.partition,
                d.offset
            );
        }
        if m.key() != s.key.as_deref() {
            fail!(
                "message {seq}: key {} != {}",
                show(m.key()),
                show(s.key.as_deref())
            );
        }
        if m.payload() != s.payload.as_deref() {
            fail!(
                "message {seq}: payload {} != {}",
                show(m.payload()),
                show(s.payload.as_deref())
            );
        }
        if hdrs != s.headers {
            fail!("message {seq}: headers {hdrs:?} != {:?}", s.headers);
        }
        if m.timestamp() != Timestamp::CreateTime(s.timestamp) {
            fail!(
                "message {seq}: timestamp {:?} != CreateTime({})",
                m.timestamp(),
                s.timestamp
            );
        }
        let nx = next.entry(m.partition()).or_insert(0);
        if m.offset() != *nx {
            fail!(
                "message {seq}: p{} offset {} read after offset {}",
                m.partition(),
                m.offset(),
                *nx - 1
            );
        }
        *nx = m.offset() + 1;
    }
    let consume_time = t0.elapsed();

    // One member: every partition is assigned to it.
    let assignment = consumer
        .assignment()
        .map_err(|e| format!("assignment(): {e}"))?;
    let assigned: BTreeSet<i32> = assignment
        .elements_for_topic(topic)
        .iter()
        .map(|e| e.partition())
        .collect();
    if assigned != (0..partitions).collect() {
        fail!("assignment() is {assigned:?}, expected all {partitions} partitions");
    }
    // Expected next offsets, also for partitions that got no message.
    let want: BTreeMap<i32, i64> = (0..partitions)
        .map(|p| (p, *next.get(&p).unwrap_or(&0)))
        .collect();
    // The partitions of `tpl` that have an offset (errors fail).
    let offsets_of = |tpl: &TopicPartitionList, what: &str| -> Res<BTreeMap<i32, i64>> {
        let mut m = BTreeMap::new();
        for e in tpl.elements_for_topic(topic) {
            e.error()
                .map_err(|err| format!("{what}: partition {}: {err}", e.partition()))?;
            if let Offset::Offset(o) = e.offset() {
                m.insert(e.partition(), o);
            }
        }
        Ok(m)
    };
    // position() of the partitions that had messages (the others have no
    // position yet).
    let pos = offsets_of(
        &consumer
            .position()
            .map_err(|e| format!("position(): {e}"))?,
        "position()",
    )?;
    for (p, o) in &next {
        if pos.get(p) != Some(o) {
            fail!(
                "position() of partition {p} is {:?}, expected {o}",
                pos.get(p)
            );
        }
    }

    // 1. Commit the consumer's positions asynchronously, then 2. wait until
    //    committed() (which asks the group coordinator) shows them. No
    //    commit callback is awaited: with only the OFFSET_COMMIT event
    //    enabled (rust-rdkafka sets no offset_commit_cb), librdkafka reports
    //    no result for rd_kafka_commit() (rust-rdkafka issue 856).
    consumer
        .commit_consumer_state(CommitMode::Async)
        .map_err(|e| format!("commit_consumer_state: {e}"))?;
    let commit_deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(r) = consumer.poll(Duration::from_millis(100)) {
            match r {
                Ok(m) => fail!(
                    "unexpected message after all were read: p{} o{}",
                    m.partition(),
                    m.offset()
                ),
                Err(e) => fail!("consumer error while committing: {e}"),
            }
        }
        let committed = consumer
            .committed(Duration::from_secs(20))
            .map_err(|e| format!("committed(): {e}"))?;
        let c1 = offsets_of(&committed, "committed()")?;
        if next.iter().all(|(p, o)| c1.get(p) == Some(o)) {
            break;
        }
        if Instant::now() > commit_deadline {
            fail!("committed() is {c1:?} 20 s after an asynchronous commit of {next:?}");
        }
    }
    // 3. A synchronous commit of an explicit list, with metadata, for every
    //    partition (including those without messages: offset 0).
    let mut tpl = TopicPartitionList::new();
    for (p, o) in &want {
        let mut e = tpl.add_partition(topic, *p);
        e.set_offset(Offset::Offset(*o))
            .map_err(|e| e.to_string())?;
        e.set_metadata(format!("rust-check p{p}"));
    }
    consumer
        .commit(&tpl, CommitMode::Sync)
        .map_err(|e| format!("synchronous commit: {e}"))?;
    let consumed = consume_time.as_secs_f64();
    for (res, offs) in consumer.context().commits.lock().unwrap().iter() {
        if let Err(e) = res {
            fail!("commit callback reports an error: {e} for {offs:?}");
        }
    }
    // Leave the group: unsubscribe and serve the revocation, then drop,
    // which closes the consumer (rd_kafka_consumer_close_queue, polling
    // until rd_kafka_consumer_closed).
    consumer.unsubscribe();
    let leave_deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Some(Err(e)) = consumer.poll(Duration::from_millis(100)) {
            fail!("consumer error while leaving: {e}");
        }
        let a = consumer
            .assignment()
            .map_err(|e| format!("assignment(): {e}"))?;
        if a.count() == 0 {
            break;
        }
        if Instant::now() > leave_deadline {
            fail!(
                "{} partitions still assigned 20 s after unsubscribe()",
                a.count()
            );
        }
    }
    step("closing the consumer");
    if skip_close() {
        std::mem::forget(consumer);
    } else {
        drop(consumer);
    }
    step("consumer closed");

    // 4. Another client of the group (not subscribed) reads the committed
    //    offsets and their metadata.
    let other: BaseConsumer = base_config(bootstrap)
        .set("group.id", &group)
        .create()
        .map_err(|e| format!("creating the second consumer: {e}"))?;
    let mut query = TopicPartitionList::new();
    query.add_partition_range(topic, 0, partitions - 1);
    step("second client: committed_offsets()");
    let c2 = other
        .committed_offsets(query, Duration::from_secs(20))
        .map_err(|e| format!("committed_offsets(): {e}"))?;
    let got2 = offsets_of(&c2, "committed_offsets()")?;
    if got2 != want {
        fail!("committed_offsets() from a second client: {got2:?}, expected {want:?}");
    }
    // tansu keeps the offsets but not their metadata (the reference
    // librdkafka reads "" there too).
    let keeps_metadata = std::env::var("IT_BROKER").map_or(true, |b| b != "tansu");
    for e in c2
        .elements_for_topic(topic)
        .into_iter()
        .filter(|_| keeps_metadata)
    {
        let m = format!("rust-check p{}", e.partition());
        if e.metadata() != m {
            fail!(
                "committed metadata of partition {} is {:?}, expected {m:?}",
                e.partition(),
                e.metadata()
            );
        }
    }
    step("closing the second client");
    if skip_close() {
        std::mem::forget(other);
    } else {
        drop(other);
    }
    println!("consumed {n} messages in {consumed:.2}s, all identical; committed offsets {want:?} confirmed");
    Ok(())
}

fn run() -> Res<()> {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        fail!(
            "usage: IT_BOOTSTRAP=host:port {} TOPIC PARTITIONS COUNT",
            args[0]
        );
    }
    let bootstrap =
        std::env::var("IT_BOOTSTRAP").map_err(|_| "IT_BOOTSTRAP is not set".to_string())?;
    let topic = &args[1];
    let partitions: i32 = args[2]
        .parse()
        .map_err(|_| format!("bad PARTITIONS {:?}", args[2]))?;
    let n: usize = args[3]
        .parse()
        .map_err(|_| format!("bad COUNT {:?}", args[3]))?;
    if partitions < 1 || n < 1 {
        fail!("PARTITIONS and COUNT must be positive");
    }
    let (hex, s) = get_rdkafka_version();
    println!("version: 0x{hex:08x} {s}");
    // Whole milliseconds an hour ago: within any retention, and not "now"
    // so a broker that stamps its own time would be noticed.
    let base_ts = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
        - 3_600_000;
    let delivered = produce(&bootstrap, topic, partitions, n, base_ts)?;
    consume(&bootstrap, topic, partitions, base_ts, &delivered)?;
    println!("ok: {n} messages round trip through rust-rdkafka on {s}");
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("FAIL: {e}");
            ExitCode::FAILURE
        }
    }
}
