//! The producer: the part that runs in the event loop.
//!
//! Picks up partitions that got messages, waits for `linger.ms` (or a full
//! batch, or a flush), builds record batches for every partition whose
//! leader is ready, sends one Produce request per broker, and turns the
//! answers into delivery reports, retries or errors. With
//! `enable.idempotence` it also owns the producer id and the per-partition
//! sequence numbers.
//!
//! This file holds the loop-side state ([`ProducerLoop`], the partitions it
//! watches, the batches it sends, the producer id's state), its deadline
//! (`next_wakeup`), its share of each loop turn (`producer_service`) and
//! the statistics it gives; the rest is split by concern:
//! [`batching`] (placing messages that waited for their topic's partition
//! count, taking batches from the partition queues, routing them to their
//! leaders), [`send`] (encoding the batches into Produce requests),
//! [`response`] (Produce responses: success, retry or failure),
//! [`delivery`] (delivery reports), [`pid`] (the idempotent producer's
//! InitProducerId) and [`purge`] (failing the messages still held:
//! message.timeout.ms, purge(), permanent topic errors, fatal errors).

use super::core::{guarded, rethrow, Core};
use super::idemp::{self, PartitionSeq, SeqBatch};
use super::producer::{mono_us, ProdPartition, ProdTopic, ProducerShared};
use crate::objects::message::MessageObj;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

mod batching;
mod delivery;
mod pid;
mod purge;
mod response;
mod send;

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
}
