//! The producer: the part that runs in the event loop.
//!
//! Picks up partitions that got messages, waits for `linger.ms` (or a full
//! batch, or a flush), builds record batches for every partition whose
//! leader is ready, sends one Produce request per broker, and turns the
//! answers into delivery reports, retries or errors. With
//! `enable.idempotence` it also owns the producer id and the per-partition
//! sequence numbers.

use super::broker::OutRequest;
use super::core::{guarded, rethrow, typed_request, Core};
use super::idemp::{self, Next, PartitionSeq, SeqBatch};
use super::instance::level;
use super::producer::{mono_us, Codec, ProdPartition, ProdTopic, ProducerShared, Queued};
use crate::abi::event::{EventObj, EventPayload};
use crate::abi::message::{Delivery, MessageObj};
use crate::abi::types::*;
use crate::error::KafkaError;
use crate::protocol::{self, BatchOptions, Compression, ProducePartition, ProduceTopic, RecordBatchBuilder};
use kafka_protocol::messages::InitProducerIdRequest;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Highest Produce version this client speaks (topic names, not ids).
const PRODUCE_MAX_VERSION: i16 = 12;

/// Identifies a partition in the loop's maps: the topic's address and the
/// partition id.
type PartKey = (usize, i32);

fn key_of(t: &Arc<ProdTopic>, p: i32) -> PartKey {
    (Arc::as_ptr(t) as usize, p)
}

/// A batch that was (or will be) sent: its messages, in order, and for the
/// idempotent producer its first sequence number.
struct Batch {
    topic: Arc<ProdTopic>,
    partition: i32,
    msgs: Vec<Box<MessageObj>>,
    /// Sum of the messages' sizes ([`super::producer::message_size`]).
    bytes: usize,
    base_seq: i32,
    /// An earlier attempt may have been written (its outcome is unknown):
    /// if the batch fails for good, its messages are reported
    /// POSSIBLY_PERSISTED.
    maybe_persisted: bool,
}

impl SeqBatch for Batch {
    fn base_seq(&self) -> i32 {
        self.base_seq
    }
    fn count(&self) -> i32 {
        self.msgs.len() as i32
    }
}

/// A partition with messages the loop is watching.
struct Active {
    topic: Arc<ProdTopic>,
    part: Arc<ProdPartition>,
    /// Retry backoff: nothing is sent before this.
    backoff_until: Option<Instant>,
    /// Consecutive failed sends (for the exponential retry backoff).
    failures: u32,
    /// Not idempotent: batches in flight.
    inflight: usize,
    /// Idempotent: sequence numbers, batches in flight and batches to send
    /// again ([`idemp`]).
    seq: PartitionSeq<Batch>,
    /// The partition waits for something that wakes the loop by itself (a
    /// leader to be known or come up, a connection to have room): its
    /// messages set no deadline meanwhile, so the loop does not spin.
    parked: bool,
}

impl Active {
    /// A partition the loop starts watching; an idle partition seen before
    /// resumes its sequence numbers (`idle_seq`).
    fn new(topic: Arc<ProdTopic>, part: Arc<ProdPartition>, idle_seq: &mut HashMap<PartKey, i32>) -> Active {
        let seq = idle_seq.remove(&key_of(&topic, part.id)).unwrap_or(0);
        Active { topic, part, backoff_until: None, failures: 0, inflight: 0, seq: PartitionSeq::new(seq), parked: false }
    }

    /// Batches in flight (either mode).
    fn inflight(&self) -> usize {
        self.inflight + self.seq.inflight()
    }
}

/// State of the idempotent producer's id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pid {
    /// Not idempotent.
    None,
    /// Needs an InitProducerId request.
    Request,
    /// InitProducerId in flight.
    Waiting,
    /// Assigned: producing allowed.
    Assigned { id: i64, epoch: i16 },
    /// Must bump the epoch once nothing is in flight (a sequence gap).
    Bump { id: i64, epoch: i16 },
    /// A fatal error was raised.
    Fatal,
}

/// Per-topic counters for statistics.
#[derive(Default)]
pub struct TopicStats {
    pub batchsize: super::broker::Window,
    pub batchcnt: super::broker::Window,
    /// Per partition: messages and bytes sent.
    pub parts: HashMap<i32, (u64, u64)>,
}

pub struct ProducerLoop {
    pub shared: Arc<ProducerShared>,
    /// Statistics by topic name.
    pub stats: HashMap<String, TopicStats>,
    active: HashMap<PartKey, Active>,
    /// Idempotence: next sequence number of the partitions that are not
    /// active (drained, nothing in flight). A partition keeps its sequence
    /// for as long as the producer epoch lasts, across idle periods.
    idle_seq: HashMap<PartKey, i32>,
    /// Topics with messages waiting for their partition count, and since
    /// when the topic is known to be missing from the cluster.
    unassigned: Vec<(Arc<ProdTopic>, Option<Instant>)>,
    pid: Pid,
    /// When the Pid request may be sent again after a failure.
    pid_retry_at: Option<Instant>,
    /// Whether delivery reports go to the application at all.
    want_dr: bool,
    next_timeout_scan: Instant,
}

impl ProducerLoop {
    pub fn new(shared: Arc<ProducerShared>, want_dr: bool) -> ProducerLoop {
        let pid = if shared.cfg.idempotence { Pid::Request } else { Pid::None };
        ProducerLoop {
            shared,
            stats: HashMap::new(),
            active: HashMap::new(),
            idle_seq: HashMap::new(),
            unassigned: Vec::new(),
            pid,
            pid_retry_at: None,
            want_dr,
            next_timeout_scan: Instant::now(),
        }
    }

    /// When the loop must look at the producer again.
    pub fn next_wakeup(&self) -> Option<Instant> {
        let linger_us = self.shared.cfg.linger.as_micros() as i64;
        let flushing = self.shared.flushing.load(Ordering::Acquire) > 0;
        // Message times are monotonic microseconds: read that clock first,
        // so that a deadline mapped to an Instant is never early.
        let now_us = mono_us();
        let now_i = Instant::now();
        let mut t: Option<Instant> = Some(self.next_timeout_scan);
        let mut take = |x: Instant| t = Some(t.map_or(x, |t| t.min(x)));
        let idempotent = self.pid != Pid::None;
        // Without a producer id nothing is sent: the id's answer (or its
        // retry time, below) wakes the loop.
        let sending = matches!(self.pid, Pid::None | Pid::Assigned { .. });
        for a in self.active.values() {
            if !sending || a.parked {
                continue;
            }
            if let Some(b) = a.backoff_until {
                take(b);
                continue;
            }
            // Nothing of this partition can go before an answer arrives
            // (which wakes the loop).
            if idempotent && a.seq.inflight() > 0 && (a.seq.inflight() >= idemp::WINDOW || a.seq.draining()) {
                continue;
            }
            if a.seq.retry_len() > 0 {
                take(Instant::now());
            }
            if let Some(head) = a.part.q.lock().msgs.front() {
                let enq_us = head.m.enq_us;
                let wait = if flushing || enq_us < 0 { 0 } else { (enq_us + linger_us - now_us).max(0) };
                take(now_i + Duration::from_micros(wait as u64));
            }
        }
        if let Some(at) = self.pid_retry_at {
            take(at);
        }
        t
    }
}

/// Errors after which a batch is sent again (if retries remain). The
/// broker's codes are those librdkafka 2.16 retries in a Produce response
/// (measured one by one with the reference mock's error injection,
/// tests/integration/check-produce-errors.sh): every other code fails the
/// batch's messages at once with that code (CORRUPT_MESSAGE is retried,
/// NETWORK_EXCEPTION and the leader epoch errors are not).
fn retriable(err: rd_kafka_resp_err_t) -> bool {
    matches!(
        err,
        RD_KAFKA_RESP_ERR__TRANSPORT
            | RD_KAFKA_RESP_ERR__TIMED_OUT
            | RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE
            | RD_KAFKA_RESP_ERR_INVALID_MSG
            | RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT
            | RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION
            | RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS
            | RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND
            | RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART
            | RD_KAFKA_RESP_ERR_BROKER_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_REPLICA_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR
            | RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS
            | RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_NOT_COORDINATOR
    )
}

/// Topic errors in metadata that fail the topic's messages at once, as
/// librdkafka's permanent topic errors do (its other topic errors leave
/// the messages waiting, until message.timeout.ms).
pub fn permanent_topic_error(err: rd_kafka_resp_err_t) -> bool {
    matches!(err, RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED | RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION)
}

/// Errors that mean the partition's leader changed (refresh metadata).
fn leader_error(err: rd_kafka_resp_err_t) -> bool {
    matches!(
        err,
        RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION
            | RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART
            | RD_KAFKA_RESP_ERR_FENCED_LEADER_EPOCH
            | RD_KAFKA_RESP_ERR__TRANSPORT
            | RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR
    )
}

fn compression_of(c: Codec) -> Compression {
    match c {
        Codec::None => Compression::None,
        Codec::Gzip => Compression::Gzip,
        Codec::Snappy => Compression::Snappy,
        Codec::Lz4 => Compression::Lz4,
        Codec::Zstd => Compression::Zstd,
    }
}

/// Takes in the partitions and topics that got messages since the last look.
fn absorb_dirty(pl: &mut ProducerLoop) {
    while let Ok((t, p)) = pl.shared.dirty_rx.try_recv() {
        match p {
            Some(p) => {
                let k = key_of(&t, p.id);
                let idle_seq = &mut pl.idle_seq;
                pl.active.entry(k).or_insert_with(|| Active::new(t.clone(), p, idle_seq));
            }
            None => {
                if !pl.unassigned.iter().any(|(u, _)| Arc::ptr_eq(u, &t)) {
                    pl.unassigned.push((t, None));
                }
            }
        }
    }
}

/// What a partition's queue holds for the next batch.
enum Taken {
    /// A batch's messages and their sizes' sum.
    Batch(Vec<Box<MessageObj>>, usize),
    /// Messages that wait for linger.ms (or a fuller batch).
    NotReady,
    /// Nothing (the application's next message tells the loop again).
    Empty,
}

/// Takes one batch worth of messages from the partition's queue, if its
/// first message lingered long enough, the batch is full or a flush wants
/// everything now.
fn take_batch(a: &Active, cfg: &super::producer::ProducerConfig, now_us: i64, linger_us: i64, flushing: bool) -> Taken {
    let mut q = a.part.q.lock();
    let Some(head) = q.msgs.front() else {
        q.queued_for_loop = false;
        return Taken::Empty;
    };
    let lingered = head.m.enq_us < 0 || now_us - head.m.enq_us >= linger_us;
    let full = q.msgs.len() >= cfg.batch_num_messages || q.bytes >= cfg.batch_size;
    if !(lingered || full || flushing) {
        return Taken::NotReady;
    }
    let mut msgs = Vec::with_capacity(q.msgs.len().min(cfg.batch_num_messages));
    let (mut bytes, mut taken) = (0usize, 0usize);
    while let Some(e) = q.msgs.front() {
        let sz = e.size + 32;
        if !msgs.is_empty() && (msgs.len() >= cfg.batch_num_messages || bytes + sz > cfg.batch_size) {
            break;
        }
        let e = q.msgs.pop_front().unwrap();
        bytes += sz;
        taken += e.size;
        msgs.push(e.m);
    }
    q.bytes -= taken;
    if q.msgs.capacity() > super::producer::PartQueue::KEEP {
        let q = &mut *q;
        crate::recycle::shrink_queue(&mut q.msgs, &mut q.trim, super::producer::PartQueue::KEEP, crate::recycle::coarse_ms());
    }
    Taken::Batch(msgs, taken)
}

impl Core {
    /// The producer's share of each loop iteration.
    pub fn producer_service(&mut self) {
        let Some(mut pl) = self.producer.take() else { return };
        let r = guarded(|| {
            let now = Instant::now();
            let now_us = mono_us();
            absorb_dirty(&mut pl);
            self.producer_assign_unassigned(&mut pl, now, now_us);
            if now >= pl.next_timeout_scan {
                pl.next_timeout_scan = now + Duration::from_millis(100);
                self.producer_expire(&mut pl, now_us);
            }
            self.producer_pid(&mut pl, now);
            self.producer_send(&mut pl, now, now_us);
        });
        self.producer = Some(pl);
        rethrow(r);
    }

    /// Partitions messages that were produced before their topic's
    /// partition count was known.
    fn producer_assign_unassigned(&mut self, pl: &mut ProducerLoop, now: Instant, now_us: i64) {
        let mut keep = Vec::new();
        for (t, missing_since) in std::mem::take(&mut pl.unassigned) {
            let cnt = self.metadata.topic(&t.name).filter(|m| m.err == 0).map_or(-1, |m| m.partitions.len() as i32);
            if cnt <= 0 {
                // Ask for the topic; fail its messages if it stays missing.
                self.want_topic_metadata(&t.name);
                let known_missing = self.metadata.last_update.is_some();
                let since = missing_since.or(known_missing.then_some(now));
                if since.is_some_and(|s| now.saturating_duration_since(s) >= pl.shared.cfg.topic_propagation_max) {
                    let msgs: Vec<_> = t.unassigned.lock().drain(..).collect();
                    self.report(pl, msgs, RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC, None, RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
                    continue;
                }
                keep.push((t, since));
                continue;
            }
            // Under the lock of the unassigned queue: the earlier messages go
            // to their partitions before the count is published (and
            // produce() stops using the unassigned queue), so that later
            // messages do not overtake them.
            let mut unassigned = t.unassigned.lock();
            let publish = t.partition_cnt.load(Ordering::Acquire) < cnt;
            if publish {
                t.grow_partitions(cnt);
            }
            let msgs: Vec<_> = unassigned.drain(..).collect();
            let mut failed = Vec::new();
            for mut m in msgs {
                let p = if m.msg.partition == RD_KAFKA_PARTITION_UA {
                    pl.shared.choose_partition(&t, cnt, m.key(), m.msg._private, now_us)
                } else {
                    (m.msg.partition < cnt).then_some(m.msg.partition)
                };
                match p.and_then(|p| t.partition(p)) {
                    Some(part) => {
                        m.msg.partition = part.id;
                        let size = super::producer::message_size(&m);
                        pl.shared.enqueue(&t, &part, m, size);
                    }
                    None => failed.push(m),
                }
            }
            if publish {
                t.publish_partition_cnt(cnt);
            }
            drop(unassigned);
            self.report(pl, failed, RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION, None, RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
        }
        pl.unassigned = keep;
        // Messages enqueued above announced themselves on the dirty channel.
        absorb_dirty(pl);
    }

    /// Fails queued messages older than message.timeout.ms.
    fn producer_expire(&mut self, pl: &mut ProducerLoop, now_us: i64) {
        let mut expired_all = Vec::new();
        // Idempotence: batches waiting to be sent again whose first message
        // is too old fail whole (their sequence numbers become a gap, which
        // a new epoch closes).
        let mut expired_batches = Vec::new();
        for a in pl.active.values_mut() {
            let Some(timeout) = a.topic.settings.message_timeout else { continue };
            let timeout = timeout.as_micros() as i64;
            let old = |b: &Batch| b.msgs.first().is_some_and(|m| m.enq_us >= 0 && now_us - m.enq_us >= timeout);
            if a.seq.retries().next().is_some_and(old) {
                let mut keep = Vec::new();
                for b in a.seq.take_all_retries() {
                    if old(&b) {
                        expired_batches.push(b);
                    } else {
                        keep.push(b);
                    }
                }
                for b in keep {
                    a.seq.retry(b);
                }
            }
            let mut q = a.part.q.lock();
            while q.msgs.front().is_some_and(|e| e.m.enq_us >= 0 && now_us - e.m.enq_us >= timeout) {
                let e = q.msgs.pop_front().unwrap();
                q.bytes -= e.size;
                expired_all.push(e.m);
            }
        }
        for (t, _) in &pl.unassigned {
            let Some(timeout) = t.settings.message_timeout else { continue };
            let timeout = timeout.as_micros() as i64;
            let mut q = t.unassigned.lock();
            while q.front().is_some_and(|m| m.enq_us >= 0 && now_us - m.enq_us >= timeout) {
                expired_all.push(q.pop_front().unwrap());
            }
        }
        if !expired_batches.is_empty() {
            if let Pid::Assigned { id, epoch } = pl.pid {
                pl.pid = Pid::Bump { id, epoch };
            }
            for b in expired_batches {
                let st = if b.maybe_persisted { RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED } else { RD_KAFKA_MSG_STATUS_NOT_PERSISTED };
                self.report(pl, b.msgs, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, None, st, -1);
            }
        }
        if !expired_all.is_empty() {
            // Sent-and-retried idempotent messages leave a sequence gap.
            if expired_all.iter().any(|m| m.seq >= 0) {
                if let Pid::Assigned { id, epoch } = pl.pid {
                    pl.pid = Pid::Bump { id, epoch };
                }
            }
            let st = if expired_all.iter().any(|m| m.retries > 0) {
                RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED
            } else {
                RD_KAFKA_MSG_STATUS_NOT_PERSISTED
            };
            self.report(pl, expired_all, RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, None, st, -1);
        }
    }

    /// Gets (or bumps) the idempotent producer id.
    fn producer_pid(&mut self, pl: &mut ProducerLoop, now: Instant) {
        if pl.pid_retry_at.is_some_and(|t| t > now) {
            return;
        }
        let (bump_from, ready) = match pl.pid {
            Pid::Request => (None, true),
            Pid::Bump { id, epoch } => (Some((id, epoch)), pl.active.values().all(|a| a.inflight() == 0)),
            _ => return,
        };
        if !ready {
            return;
        }
        let Some(slot) = self.usable_broker_pub() else { return };
        pl.pid = Pid::Waiting;
        pl.pid_retry_at = None;
        let timeout = self.cfg.socket_timeout;
        let txn_timeout = 60_000;
        let build = move |v: i16| {
            // The default transactional id is "", not null: an idempotent
            // producer has none.
            let mut r = InitProducerIdRequest::default().with_transactional_id(None).with_transaction_timeout_ms(txn_timeout);
            // KIP-360: from version 3 an existing id can get a new epoch.
            if let (Some((id, epoch)), true) = (bump_from, v >= 3) {
                r = r
                    .with_producer_id(kafka_protocol::messages::ProducerId(id))
                    .with_producer_epoch(epoch);
            }
            r
        };
        let req = typed_request(build, 0, 4, timeout, move |core: &mut Core, r| {
            let Some(mut pl) = core.producer.take() else { return };
            let res = guarded(|| {
                match r {
                    Ok((resp, slot)) if resp.error_code == 0 => {
                        core.throttled(slot, resp.throttle_time_ms);
                        let (id, epoch) = (resp.producer_id.0, resp.producer_epoch);
                        core.inst.debug(super::instance::debug_bit("eos"), "eos", "IDEMPSTATE",
                            &format!("Idempotent producer id {id}, epoch {epoch}"));
                        pl.pid = Pid::Assigned { id, epoch };
                        // A new epoch starts every partition at sequence 0:
                        // failed batches go back into their queues to be
                        // numbered again.
                        if bump_from.is_some() {
                            pl.idle_seq.clear();
                            for a in pl.active.values_mut() {
                                let back = a.seq.reset();
                                let mut q = a.part.q.lock();
                                for b in back.into_iter().rev() {
                                    for mut m in b.msgs.into_iter().rev() {
                                        m.seq = -1;
                                        let size = super::producer::message_size(&m);
                                        q.bytes += size;
                                        q.msgs.push_front(Queued { m, size });
                                    }
                                }
                            }
                        }
                    }
                    Ok((resp, _)) => {
                        let err = resp.error_code as i32;
                        core.inst.debug(super::instance::debug_bit("eos"), "eos", "IDEMPSTATE",
                            &format!("InitProducerId failed: {}", crate::error::describe(err)));
                        let fatal = matches!(
                            err,
                            RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED
                                | RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED
                                | RD_KAFKA_RESP_ERR_PRODUCER_FENCED
                                | RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH
                        );
                        if fatal {
                            core.producer_fatal(&mut pl, err, &format!("Failed to acquire idempotence producer id: {}", crate::error::describe(err)));
                        } else {
                            pl.pid = bump_from.map_or(Pid::Request, |(id, epoch)| Pid::Bump { id, epoch });
                            pl.pid_retry_at = Some(Instant::now() + core.cfg.reconnect_backoff.max(Duration::from_millis(100)));
                        }
                    }
                    Err(e) => {
                        core.inst.debug(super::instance::debug_bit("eos"), "eos", "IDEMPSTATE",
                            &format!("InitProducerId failed: {}", e.message));
                        pl.pid = bump_from.map_or(Pid::Request, |(id, epoch)| Pid::Bump { id, epoch });
                        pl.pid_retry_at = Some(Instant::now() + core.cfg.reconnect_backoff.max(Duration::from_millis(100)));
                    }
                }
            });
            core.producer = Some(pl);
            rethrow(res);
        });
        self.send_to(slot, req);
    }

    /// Raises a fatal error: nothing more is produced. As with librdkafka,
    /// messages still queued are purged (_PURGE_QUEUE), and batches waiting
    /// to be sent again fail with _FATAL.
    fn producer_fatal(&mut self, pl: &mut ProducerLoop, err: rd_kafka_resp_err_t, msg: &str) {
        pl.pid = Pid::Fatal;
        pl.shared.fatal.store(true, Ordering::Release);
        pl.shared.wake_waiters();
        self.inst.set_fatal(KafkaError::new(err, msg.to_string()));
        // Messages produced just before may not be known to the loop yet.
        absorb_dirty(pl);
        let mut purged = Vec::new();
        let mut failed = Vec::new();
        for a in pl.active.values_mut() {
            let mut q = a.part.q.lock();
            purged.extend(q.msgs.drain(..).map(|e| e.m));
            q.bytes = 0;
            for b in a.seq.take_all_retries() {
                failed.extend(b.msgs);
            }
        }
        for (t, _) in &pl.unassigned {
            purged.extend(t.unassigned.lock().drain(..));
        }
        self.report(pl, purged, RD_KAFKA_RESP_ERR__PURGE_QUEUE, Some(msg), RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
        self.report(pl, failed, RD_KAFKA_RESP_ERR__FATAL, Some(msg), RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
    }

    /// Metadata told the topic's state: a permanent error (see
    /// [`permanent_topic_error`]) fails the messages waiting for the topic
    /// or queued in its partitions at once with that error, and new ones
    /// are refused by produce() until the topic is seen without it.
    /// Batches in flight or waiting to be sent again keep their course.
    pub fn producer_topic_metadata(&mut self, topic: &str, err: rd_kafka_resp_err_t) {
        let Some(mut pl) = self.producer.take() else { return };
        let t = pl.shared.topics.read().get(topic).cloned();
        if let Some(t) = t {
            let perm = if permanent_topic_error(err) { err } else { RD_KAFKA_RESP_ERR_NO_ERROR };
            let was = t.perm_err.swap(perm, Ordering::AcqRel);
            if perm != RD_KAFKA_RESP_ERR_NO_ERROR {
                let why = format!("Topic {topic} has permanent error: {}", crate::error::describe(perm));
                if was != perm {
                    self.log(level::ERR, "TOPICERR", &why);
                }
                let mut failed: Vec<Box<MessageObj>> = t.unassigned.lock().drain(..).collect();
                for part in t.partitions.get().iter() {
                    let mut q = part.q.lock();
                    failed.extend(q.msgs.drain(..).map(|e| e.m));
                    q.bytes = 0;
                }
                self.report(&mut pl, failed, perm, Some(&why), RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
            }
        }
        self.producer = Some(pl);
    }

    /// After an internal error: the producer stops, and every message it
    /// still holds fails with _FATAL (each with its delivery report).
    pub fn producer_fail_all(&mut self, msg: &str) {
        let Some(mut pl) = self.producer.take() else { return };
        self.producer_fatal(&mut pl, RD_KAFKA_RESP_ERR__INCONSISTENT, msg);
        self.producer = Some(pl);
        // Requests in flight are abandoned: their handlers report their
        // messages.
        self.purge_inflight_requests(protocol::keys::PRODUCE);
    }

    /// Builds and sends batches for every partition that is ready.
    fn producer_send(&mut self, pl: &mut ProducerLoop, now: Instant, now_us: i64) {
        let idempotent = pl.pid != Pid::None;
        let (pid, epoch) = match pl.pid {
            Pid::Assigned { id, epoch } => (id, epoch),
            Pid::None => (-1, -1),
            // Waiting for a producer id (or fatal): nothing is sent.
            _ => return,
        };
        let cfg = pl.shared.cfg.clone();
        let linger_us = cfg.linger.as_micros() as i64;
        let flushing = pl.shared.flushing.load(Ordering::Acquire) > 0;
        // Batches per broker slot.
        let mut per_broker: HashMap<usize, Vec<Batch>> = HashMap::new();
        let mut drop_keys = Vec::new();
        let mut refresh = false;
        let keys: Vec<PartKey> = pl.active.keys().copied().collect();
        for k in keys {
            let a = pl.active.get_mut(&k).unwrap();
            if a.backoff_until.is_some_and(|t| t > now) {
                continue;
            }
            a.backoff_until = None;
            // Parked unless it gets to the sending below.
            a.parked = true;
            let leader = self.metadata.leader(&a.topic.name, a.part.id);
            let slot = if leader >= 0 {
                self.brokers.iter().find(|b| b.id == leader && !b.decommissioned && !b.logical).map(|b| b.slot)
            } else {
                None
            };
            let Some(slot) = slot else {
                if leader < 0 {
                    refresh = true;
                }
                continue;
            };
            if !self.brokers[slot].is_up() {
                self.want_broker(slot);
                continue;
            }
            if idempotent {
                // A request is only built for a connection that sends it at
                // once (as librdkafka fills a connection's free in-flight
                // slots): a batch never waits behind other requests.
                let b = &self.brokers[slot];
                if b.inflight_cnt() + b.waiting.len() >= self.cfg.max_in_flight {
                    continue;
                }
                a.parked = false;
                // The partition's sequence state says what may go: failed
                // batches first, unchanged, then new ones; nothing while it
                // drains or has a batch in flight elsewhere (see idemp).
                while let Some(next) = a.seq.next(slot) {
                    match next {
                        Next::Retry => {
                            let Some(b) = a.seq.take_retry() else { break };
                            a.seq.sent(b.base_seq, b.msgs.len() as i32, slot);
                            per_broker.entry(slot).or_default().push(b);
                        }
                        Next::New => {
                            let (mut msgs, taken) = match take_batch(a, &cfg, now_us, linger_us, flushing) {
                                Taken::Batch(m, t) => (m, t),
                                Taken::NotReady => break,
                                Taken::Empty => {
                                    if a.inflight() == 0 && a.seq.idle() {
                                        drop_keys.push(k);
                                    }
                                    break;
                                }
                            };
                            let n = msgs.len() as i32;
                            let base_seq = a.seq.assign(n);
                            for (i, m) in msgs.iter_mut().enumerate() {
                                m.seq = idemp::seq_add(base_seq, i as i32);
                            }
                            a.seq.sent(base_seq, n, slot);
                            per_broker.entry(slot).or_default().push(Batch {
                                topic: a.topic.clone(),
                                partition: a.part.id,
                                msgs,
                                bytes: taken,
                                base_seq,
                                maybe_persisted: false,
                            });
                        }
                    }
                }
                continue;
            }
            a.parked = false;
            loop {
                let (msgs, taken) = match take_batch(a, &cfg, now_us, linger_us, flushing) {
                    Taken::Batch(m, t) => (m, t),
                    Taken::NotReady => break,
                    Taken::Empty => {
                        if a.inflight() == 0 {
                            drop_keys.push(k);
                        }
                        break;
                    }
                };
                a.inflight += 1;
                per_broker.entry(slot).or_default().push(Batch {
                    topic: a.topic.clone(),
                    partition: a.part.id,
                    msgs,
                    bytes: taken,
                    base_seq: -1,
                    maybe_persisted: false,
                });
            }
        }
        for k in drop_keys {
            // Only if nothing arrived meanwhile.
            if let Some(a) = pl.active.get(&k) {
                let mut q = a.part.q.lock();
                if q.msgs.is_empty() && a.inflight() == 0 && a.seq.idle() {
                    q.queued_for_loop = false;
                    drop(q);
                    if let Some(a) = pl.active.remove(&k) {
                        if idempotent && a.seq.next_seq() != 0 {
                            pl.idle_seq.insert(k, a.seq.next_seq());
                        }
                    }
                }
            }
        }
        if refresh {
            self.refresh_metadata_soon();
        }
        for (slot, batches) in per_broker {
            self.send_produce(pl, slot, batches, pid, epoch);
        }
    }

    /// Encodes the batches and sends them to a broker in one Produce request.
    fn send_produce(&mut self, pl: &mut ProducerLoop, slot: usize, batches: Vec<Batch>, pid: i64, epoch: i16) {
        // Requests go per acks/timeout: every topic of one request shares
        // them; group by (acks, timeout).
        let mut groups: HashMap<(i16, u128), Vec<Batch>> = HashMap::new();
        for b in batches {
            let s = &b.topic.settings;
            groups.entry((s.acks, s.request_timeout.as_millis())).or_default().push(b);
        }
        // A Produce request carries at most one record batch per partition
        // (Kafka keeps only the last entry of a partition that appears
        // twice): the n-th batch of each partition goes in the n-th
        // request, and the requests go out in that order.
        let mut requests: Vec<((i16, u128), Vec<Batch>)> = Vec::with_capacity(groups.len());
        for (key, batches) in groups {
            let mut rounds: Vec<Vec<Batch>> = Vec::new();
            let mut seen: HashMap<PartKey, usize> = HashMap::new();
            for b in batches {
                let n = seen.entry(key_of(&b.topic, b.partition)).or_insert(0);
                if rounds.len() <= *n {
                    rounds.push(Vec::new());
                }
                rounds[*n].push(b);
                *n += 1;
            }
            requests.extend(rounds.into_iter().map(|r| (key, r)));
        }
        for ((acks, timeout_ms), batches) in requests {
            let mut encoded: Vec<(String, i32, bytes::Bytes)> = Vec::with_capacity(batches.len());
            let mut ok_batches = Vec::with_capacity(batches.len());
            for b in batches {
                let s = &b.topic.settings;
                let mut builder = RecordBatchBuilder::with_capacity(
                    BatchOptions {
                        compression: compression_of(s.codec),
                        compression_level: s.compression_level,
                        producer_id: pid,
                        producer_epoch: epoch,
                        base_sequence: b.base_seq,
                        skip_useless_compression: true,
                        ..Default::default()
                    },
                    b.bytes + 16 * b.msgs.len() + 64,
                );
                for (i, m) in b.msgs.iter().enumerate() {
                    if let Some(ahead) = b.msgs.get(i + 4) {
                        ahead.prefetch_with_data();
                    }
                    match m.headers() {
                        Some(h) => builder.append(m.timestamp, m.key_view(), m.payload_view(), h.iter()),
                        None => builder.append(m.timestamp, m.key_view(), m.payload_view(), std::iter::empty()),
                    };
                }
                match builder.finish() {
                    Ok(bytes) => {
                        pl.shared.tx_msgs.fetch_add(b.msgs.len() as u64, Ordering::Relaxed);
                        pl.shared.tx_msg_bytes.fetch_add(bytes.len() as u64, Ordering::Relaxed);
                        let ts = pl.stats.entry(b.topic.name.clone()).or_default();
                        ts.batchsize.add(bytes.len() as i64);
                        ts.batchcnt.add(b.msgs.len() as i64);
                        let e = ts.parts.entry(b.partition).or_default();
                        e.0 += b.msgs.len() as u64;
                        e.1 += bytes.len() as u64;
                        if let Some(first) = b.msgs.first().filter(|m| m.enq_us >= 0) {
                            self.brokers[slot].stats.int_latency.add((mono_us() - first.enq_us).max(0));
                        }
                        if self.inst.debug_enabled("msg") {
                            let msg = format!(
                                "{}: {} [{}]: Produce MessageSet with {} message(s) ({} bytes, acks {}, BaseSeq {})",
                                self.brokers[slot].name, b.topic.name, b.partition, b.msgs.len(), bytes.len(), acks, b.base_seq
                            );
                            self.inst.debug(super::instance::debug_bit("msg"), "msg", "PRODUCE", &msg);
                        }
                        encoded.push((b.topic.name.clone(), b.partition, bytes));
                        ok_batches.push(b);
                    }
                    Err(e) => {
                        let key = key_of(&b.topic, b.partition);
                        let mut gap = false;
                        if let Some(a) = pl.active.get_mut(&key) {
                            if b.base_seq >= 0 {
                                // Never sent: its numbers go back unless a
                                // later batch has them already (then a new
                                // epoch closes the gap).
                                a.seq.failed(b.base_seq);
                                gap = !a.seq.unassign(b.base_seq, b.msgs.len() as i32);
                            } else {
                                a.inflight -= 1;
                            }
                        }
                        if gap {
                            if let Pid::Assigned { id, epoch } = pl.pid {
                                pl.pid = Pid::Bump { id, epoch };
                            }
                        }
                        let msg = format!("Failed to encode the record batch: {e}");
                        self.report(pl, b.msgs, e.rd_kafka_code(), Some(&msg), RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
                    }
                }
            }
            if ok_batches.is_empty() {
                continue;
            }
            let timeout = Duration::from_millis(timeout_ms as u64);
            let txn: Option<String> = pl.shared.cfg.transactional_id.clone();
            let broker_id = self.brokers[slot].id;
            let enc = encoded.clone();
            let encode = move |v: i16, corr: i32, cid: &str| -> Result<Vec<bytes::Bytes>, super::wire::WireError> {
                let mut topics: Vec<ProduceTopic<'_>> = Vec::new();
                for (name, p, bytes) in &enc {
                    let part = ProducePartition { partition: *p, records: Some(bytes.clone()) };
                    match topics.iter_mut().find(|t| t.name == name.as_str()) {
                        Some(t) => t.partitions.push(part),
                        None => topics.push(ProduceTopic { name, topic_id: [0; 16], partitions: vec![part] }),
                    }
                }
                let req = protocol::encode_produce_request(v, corr, Some(cid), txn.as_deref(), acks, timeout_ms as i32, &topics)?;
                Ok(req.chunks().cloned().collect())
            };
            let handler = move |core: &mut Core, r: Result<super::broker::Response, KafkaError>| {
                let Some(mut pl) = core.producer.take() else { return };
                let res = guarded(|| core.on_produce_response(&mut pl, broker_id, ok_batches, acks, r));
                core.producer = Some(pl);
                rethrow(res);
            };
            let req = OutRequest {
                api_key: protocol::keys::PRODUCE,
                min_version: 3,
                max_version: PRODUCE_MAX_VERSION,
                encode: Box::new(encode),
                handler: Box::new(handler),
                timeout: timeout + Duration::from_millis(1000),
                enqueued: Instant::now(),
                expect_response: acks != 0,
            };
            self.send_to(slot, req);
        }
    }

    /// Handles a Produce response (or its failure) for the batches it
    /// carried.
    fn on_produce_response(
        &mut self,
        pl: &mut ProducerLoop,
        broker_id: i32,
        batches: Vec<Batch>,
        acks: i16,
        r: Result<super::broker::Response, KafkaError>,
    ) {
        // acks=0: written to the socket is all there will be.
        let parsed = match r {
            Ok(_) if acks == 0 => Ok(None),
            Ok(resp) => {
                let slot = resp.broker;
                let mut frame = resp.frame;
                match protocol::decode_response_header(protocol::keys::PRODUCE, resp.version, &mut frame)
                    .and_then(|_| protocol::decode_produce_response(resp.version, &frame))
                {
                    Ok(p) => {
                        self.throttled(slot, p.throttle_time_ms);
                        Ok(Some(p))
                    }
                    Err(e) => {
                        // The connection is closed once this returns.
                        self.protocol_error(slot, protocol::keys::PRODUCE, resp.version, frame.len() + 4, &e.to_string());
                        Err(KafkaError::new(RD_KAFKA_RESP_ERR__BAD_MSG, e.to_string()))
                    }
                }
            }
            Err(e) => Err(e),
        };
        let mut leader_changed = false;
        for mut b in batches {
            let key = key_of(&b.topic, b.partition);
            // Idempotent batches carry sequence numbers; their partition's
            // sequence state records the outcome below.
            let idemp_batch = b.base_seq >= 0;
            if !idemp_batch {
                if let Some(a) = pl.active.get_mut(&key) {
                    a.inflight = a.inflight.saturating_sub(1);
                }
            }
            let (err, base_offset, append_time, errstr) = match &parsed {
                Ok(None) => (RD_KAFKA_RESP_ERR_NO_ERROR, RD_KAFKA_OFFSET_INVALID, None, None),
                Ok(Some(p)) => {
                    let pr = p
                        .topics
                        .iter()
                        .filter(|t| t.name == b.topic.name)
                        .flat_map(|t| t.partitions.iter())
                        .find(|x| x.partition_index == b.partition);
                    match pr {
                        Some(pr) => (
                            pr.error_code as i32,
                            pr.base_offset,
                            (pr.log_append_time_ms != -1).then_some(pr.log_append_time_ms),
                            pr.error_message.clone(),
                        ),
                        None => (RD_KAFKA_RESP_ERR__BAD_MSG, -1, None, Some("Partition missing from the Produce response".to_string())),
                    }
                }
                Err(e) => (e.code, -1, None, Some(e.message.clone())),
            };
            if self.inst.debug_enabled("msg") {
                let outcome = if err == 0 { "delivered".to_string() } else { format!("encountered error: {}", crate::error::describe(err)) };
                self.inst.debug(super::instance::debug_bit("msg"), "msg", "MSGSET", &format!(
                    "{} [{}]: MessageSet with {} message(s) (BaseSeq {}) {}", b.topic.name, b.partition, b.msgs.len(), b.base_seq, outcome));
            }
            if err == RD_KAFKA_RESP_ERR_NO_ERROR || (err == RD_KAFKA_RESP_ERR_DUPLICATE_SEQUENCE_NUMBER && idemp_batch) {
                if let Some(a) = pl.active.get_mut(&key) {
                    a.failures = 0;
                    if idemp_batch {
                        a.seq.acked(b.base_seq, b.msgs.len() as i32);
                    }
                }
                let base = if err == 0 { base_offset } else { RD_KAFKA_OFFSET_INVALID };
                let status = if acks == 0 { RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED } else { RD_KAFKA_MSG_STATUS_PERSISTED };
                self.report_success(pl, b.msgs, base, append_time, broker_id, status);
                continue;
            }
            if leader_error(err) {
                leader_changed = true;
            }
            if idemp_batch && pl.pid == Pid::Fatal {
                // The producer stopped: what comes back fails with it.
                if let Some(a) = pl.active.get_mut(&key) {
                    a.seq.failed(b.base_seq);
                }
                let msg = format!("Producer fatal error: {}", crate::error::describe(err));
                self.report(pl, b.msgs, RD_KAFKA_RESP_ERR__FATAL, Some(&msg), RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED, broker_id);
                continue;
            }
            // Whether the broker may have written the batch although it
            // gave no acknowledgement: the request failed without an answer
            // (connection lost, timed out: not when it never left the
            // queue), or the broker timed out waiting for its replicas.
            let uncertain = match err {
                RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE => false,
                RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT | RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND => true,
                _ => parsed.is_err(),
            };
            b.maybe_persisted |= uncertain;
            let status = if b.maybe_persisted { RD_KAFKA_MSG_STATUS_POSSIBLY_PERSISTED } else { RD_KAFKA_MSG_STATUS_NOT_PERSISTED };
            let idempotent = idemp_batch;
            // Idempotence: a later batch of a partition whose earlier batch
            // failed gets OUT_OF_ORDER too; it is sent again in order.
            let out_of_order = matches!(err, RD_KAFKA_RESP_ERR_OUT_OF_ORDER_SEQUENCE_NUMBER | RD_KAFKA_RESP_ERR_UNKNOWN_PRODUCER_ID);
            let earlier_failed = pl.active.get(&key).is_some_and(|a| a.seq.after_unacked(b.base_seq));
            if idempotent && out_of_order && !earlier_failed {
                if pl.shared.cfg.gapless {
                    let msg = format!(
                        "ProduceRequest for {} [{}] with {} message(s) failed: {} (gapless guarantee)",
                        b.topic.name,
                        b.partition,
                        b.msgs.len(),
                        crate::error::describe(err)
                    );
                    self.requeue(pl, b);
                    self.producer_fatal(pl, RD_KAFKA_RESP_ERR__GAPLESS_GUARANTEE, &msg);
                    continue;
                }
                // A gap: the producer needs a new epoch; the batch waits.
                if let Pid::Assigned { id, epoch } = pl.pid {
                    self.log(level::WARNING, "EPOCHBUMP", &format!(
                        "{} [{}]: {} (batch at sequence {} of {} message(s)): bumping the producer epoch", b.topic.name, b.partition,
                        crate::error::describe(err), b.base_seq, b.msgs.len()));
                    pl.pid = Pid::Bump { id, epoch };
                }
                self.requeue(pl, b);
                continue;
            }
            if idempotent && matches!(err, RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH | RD_KAFKA_RESP_ERR_PRODUCER_FENCED) {
                let msg = format!("Producer fenced: {}", crate::error::describe(err));
                self.requeue(pl, b);
                self.producer_fatal(pl, err, &msg);
                continue;
            }
            let max_retries = pl.shared.cfg.retries;
            let can_retry = (retriable(err) || (idempotent && out_of_order)) && b.msgs.iter().all(|m| m.retries < max_retries);
            if can_retry {
                self.inst.debug(super::instance::debug_bit("msg"), "msg", "RETRY", &format!(
                    "{} [{}]: retrying {} message(s) after {}", b.topic.name, b.partition, b.msgs.len(), crate::error::describe(err)));
                self.requeue(pl, b);
                continue;
            }
            if idempotent {
                // Failed for good: its sequence numbers are a gap. As
                // librdkafka: with the gapless guarantee that is fatal;
                // otherwise, once nothing is in flight, the producer epoch is
                // bumped and the following messages are numbered anew.
                if let Some(a) = pl.active.get_mut(&key) {
                    a.seq.failed(b.base_seq);
                }
                let purged = matches!(err, RD_KAFKA_RESP_ERR__PURGE_INFLIGHT | RD_KAFKA_RESP_ERR__PURGE_QUEUE | RD_KAFKA_RESP_ERR__DESTROY);
                let (topic, partition, cnt) = (b.topic.name.clone(), b.partition, b.msgs.len());
                self.report(pl, b.msgs, err, errstr.as_deref(), status, broker_id);
                if pl.shared.cfg.gapless && !purged {
                    let msg = format!(
                        "ProduceRequest for {topic} [{partition}] with {cnt} message(s) failed: {}: unable to satisfy the gapless guarantee",
                        crate::error::describe(err)
                    );
                    self.producer_fatal(pl, RD_KAFKA_RESP_ERR__GAPLESS_GUARANTEE, &msg);
                } else if let Pid::Assigned { id, epoch } = pl.pid {
                    if err != RD_KAFKA_RESP_ERR__DESTROY {
                        self.inst.debug(super::instance::debug_bit("eos"), "eos", "EPOCHBUMP", &format!(
                            "{topic} [{partition}]: {cnt} message(s) failed ({}): bumping the producer epoch to close the sequence gap",
                            crate::error::describe(err)));
                        pl.pid = Pid::Bump { id, epoch };
                    }
                }
                continue;
            }
            self.report(pl, b.msgs, err, errstr.as_deref(), status, broker_id);
        }
        if leader_changed {
            self.refresh_metadata_soon();
        }
    }

    /// Puts a failed batch back to be sent again after the retry backoff.
    fn requeue(&mut self, pl: &mut ProducerLoop, mut b: Batch) {
        for m in b.msgs.iter_mut() {
            m.retries += 1;
        }
        let key = key_of(&b.topic, b.partition);
        let backoff_base = pl.shared.cfg.retry_backoff;
        let backoff_max = pl.shared.cfg.retry_backoff_max;
        let idempotent = pl.pid != Pid::None;
        let idle_seq = &mut pl.idle_seq;
        let a = pl.active.entry(key).or_insert_with(|| Active::new(b.topic.clone(), b.topic.partition(b.partition).expect("partition of a sent batch"), idle_seq));
        a.failures += 1;
        let backoff = backoff_base.saturating_mul(1 << a.failures.min(10).saturating_sub(1)).min(backoff_max.max(backoff_base));
        a.backoff_until = Some(Instant::now() + backoff);
        if idempotent && b.base_seq >= 0 {
            // Kept whole, with its sequence numbers (a broker that checks
            // them recognises a batch it already wrote); the partition
            // drains and sends it again before anything new.
            a.seq.retry(b);
        } else {
            let mut q = a.part.q.lock();
            for m in b.msgs.into_iter().rev() {
                let size = super::producer::message_size(&m);
                q.bytes += size;
                q.msgs.push_front(Queued { m, size });
            }
        }
    }

    fn report_success(&mut self, pl: &mut ProducerLoop, mut msgs: Vec<Box<MessageObj>>, base_offset: i64, append_time: Option<i64>, broker_id: i32, status: rd_kafka_msg_status_t) {
        let dropped = pl.shared.cfg.dr_only_error || !pl.want_dr;
        if dropped && pl.shared.ic_ack.get().is_none() {
            // Nobody sees these messages again: no outcome to record.
            pl.shared.drop_reported(msgs);
            return;
        }
        for i in 0..msgs.len() {
            // The messages are cold (sent a while ago): load ahead.
            if let Some(ahead) = msgs.get(i + 6) {
                ahead.prefetch();
            }
            let m = &mut msgs[i];
            let partition = m.msg.partition;
            m.set_delivery(Delivery {
                err: RD_KAFKA_RESP_ERR_NO_ERROR,
                partition,
                offset: if base_offset >= 0 { base_offset + i as i64 } else { RD_KAFKA_OFFSET_INVALID },
                log_append_time: append_time,
                broker_id,
                status,
                errstr: None,
            });
        }
        pl.shared.on_acknowledgement(&mut msgs);
        if dropped {
            pl.shared.drop_reported(msgs);
            return;
        }
        self.push_dr(msgs);
    }

    /// Delivery reports with an error.
    fn report(&mut self, pl: &mut ProducerLoop, mut msgs: Vec<Box<MessageObj>>, err: rd_kafka_resp_err_t, errstr: Option<&str>, status: rd_kafka_msg_status_t, broker_id: i32) {
        if msgs.is_empty() {
            return;
        }
        for m in msgs.iter_mut() {
            let partition = m.msg.partition;
            m.set_delivery(Delivery {
                err,
                partition,
                offset: RD_KAFKA_OFFSET_INVALID,
                log_append_time: None,
                broker_id,
                status,
                errstr: errstr.map(str::to_string),
            });
        }
        pl.shared.on_acknowledgement(&mut msgs);
        if !pl.want_dr {
            pl.shared.drop_reported(msgs);
            return;
        }
        self.push_dr(msgs);
    }

    fn push_dr(&mut self, msgs: Vec<Box<MessageObj>>) {
        // With the event API the queue space is given back once a message is
        // delivered (flush() does not wait for events to be read); with
        // callbacks, once its report was served.
        let cbs = &self.inst.callbacks;
        let event_mode = cbs.dr_msg_cb.is_none() && cbs.dr_cb.is_none();
        let (mut n, mut bytes) = (0, 0);
        let raw = msgs
            .into_iter()
            .map(|mut m| {
                if event_mode && m.accounted {
                    m.accounted = false;
                    n += 1;
                    bytes += super::producer::message_size(&m);
                }
                MessageObj::into_raw(m)
            })
            .collect();
        if n > 0 {
            if let Some(p) = &self.inst.producer {
                p.release(n, bytes);
            }
        }
        self.inst.main_q.push(EventObj::new(RD_KAFKA_EVENT_DR, EventPayload::Messages { msgs: raw, next: 0 }));
    }

    /// Producer fields of the statistics: (partition id -> (queued msgs,
    /// queued bytes, batches in flight)) for a topic, and the idempotence
    /// state.
    pub fn producer_partition_stats(&self, topic: &str) -> HashMap<i32, (usize, usize, usize)> {
        let mut out = HashMap::new();
        if let Some(pl) = &self.producer {
            for a in pl.active.values().filter(|a| a.topic.name == topic) {
                let q = a.part.q.lock();
                out.insert(a.part.id, (q.msgs.len(), q.bytes, a.inflight()));
            }
        }
        out
    }

    /// (state name, producer id, epoch) of the idempotent producer.
    pub fn producer_idemp_state(&self) -> (&'static str, i64, i16) {
        match self.producer.as_ref().map(|p| p.pid) {
            None | Some(Pid::None) => ("Init", -1, -1),
            Some(Pid::Request) => ("RequestPID", -1, -1),
            Some(Pid::Waiting) => ("WaitPID", -1, -1),
            Some(Pid::Assigned { id, epoch }) => ("Assigned", id, epoch),
            Some(Pid::Bump { id, epoch }) => ("DrainBump", id, epoch),
            Some(Pid::Fatal) => ("FatalError", -1, -1),
        }
    }

    /// Purges queued (`queue`) and/or in-flight (`inflight`) messages.
    pub fn producer_purge(&mut self, queue: bool, inflight: bool) {
        let Some(mut pl) = self.producer.take() else { return };
        let r = guarded(|| {
            // Messages produced just before the purge may not be known to the
            // loop yet.
            absorb_dirty(&mut pl);
            if queue {
                let mut purged = Vec::new();
                let mut gap = false;
                for a in pl.active.values_mut() {
                    let mut q = a.part.q.lock();
                    purged.extend(q.msgs.drain(..).map(|e| e.m));
                    q.bytes = 0;
                    for b in a.seq.take_all_retries() {
                        gap = true;
                        purged.extend(b.msgs);
                    }
                }
                // Purged batches that had sequence numbers leave a gap: a
                // new epoch closes it.
                if gap {
                    if let Pid::Assigned { id, epoch } = pl.pid {
                        pl.pid = Pid::Bump { id, epoch };
                    }
                }
                for (t, _) in &pl.unassigned {
                    purged.extend(t.unassigned.lock().drain(..));
                }
                self.report(&mut pl, purged, RD_KAFKA_RESP_ERR__PURGE_QUEUE, None, RD_KAFKA_MSG_STATUS_NOT_PERSISTED, -1);
            }
            if inflight {
                // Abandon outstanding Produce requests: their handlers report
                // the messages as purged.
                self.purge_inflight_requests(protocol::keys::PRODUCE);
            }
        });
        self.producer = Some(pl);
        rethrow(r);
    }
}

