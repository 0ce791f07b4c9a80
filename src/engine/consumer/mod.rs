//! The consumer: state shared between the application's threads and the
//! event loop, and the application-side half of consuming.
//!
//! The loop side lives in [`cloop`] (partition fetch states, offsets
//! lookups, commits), [`fetcher`] (Fetch requests and responses) and
//! [`group`] (group membership); [`api`] has the calls the C boundary makes
//! into it. Fetched messages travel to the application
//! in [`FetchedBatch`]es on the partition's queue (forwarded to the consumer
//! queue by default). Each batch carries the partition's fetch *version* at
//! the time it was fetched: seek, pause, assign and unassign bump the
//! version, and batches with an older version are dropped when they reach
//! the front of a queue, so the application never sees messages from before
//! such a change.

pub mod api;
pub mod cloop;
pub mod fetcher;
pub mod group;
pub mod group848;
pub mod validate;

use crate::engine::queue::{EventObj, EventPayload};
use crate::objects::message::{Consumed, MessageObj, MsgBuf};
use crate::protocol::{RecordHeaders, RecordSpan, TimestampType};
use bytes::Bytes;
use crate::objects::types::*;
use crate::engine::queue::{Polled, Queue};
use parking_lot::Mutex;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicI64, AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Which group protocol the consumer uses (`group.protocol`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupProtocol {
    Classic,
    /// KIP-848: ConsumerGroupHeartbeat, broker-side assignment.
    Consumer,
}

/// Consumer settings from the configuration.
#[derive(Clone, Debug)]
pub struct ConsumerConfig {
    pub group_id: Option<String>,
    pub group_instance_id: Option<String>,
    pub group_protocol: GroupProtocol,
    pub group_remote_assignor: Option<String>,
    pub protocol_type: String,
    pub session_timeout: Duration,
    pub heartbeat_interval: Duration,
    pub max_poll_interval: Duration,
    pub assignors: Vec<String>,
    pub coordinator_query_interval: Duration,
    pub enable_auto_commit: bool,
    pub auto_commit_interval: Duration,
    pub enable_auto_offset_store: bool,
    pub queued_min_messages: usize,
    pub queued_max_bytes: usize,
    pub fetch_wait_max: Duration,
    pub fetch_min_bytes: i32,
    pub fetch_max_bytes: i32,
    pub max_partition_fetch_bytes: i32,
    pub fetch_error_backoff: Duration,
    pub fetch_queue_backoff: Duration,
    pub read_committed: bool,
    pub check_crcs: bool,
    pub enable_partition_eof: bool,
    pub client_rack: Option<String>,
    pub has_rebalance_cb: bool,
    pub has_offset_commit_cb: bool,
    pub receive_max: usize,
    pub consume_cb_max: usize,
}

/// An offset with its leader epoch and commit metadata.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OffsetMeta {
    pub offset: i64,
    pub leader_epoch: i32,
    pub metadata: Option<Vec<u8>>,
}

impl OffsetMeta {
    pub fn invalid() -> Self {
        OffsetMeta { offset: RD_KAFKA_OFFSET_INVALID, leader_epoch: -1, metadata: None }
    }
}

/// A partition the consumer fetches or has assigned: what the application
/// thread and the loop both see.
pub struct Toppar {
    pub topic: String,
    pub partition: i32,
    /// The topic handle put in messages (`rd_kafka_topic_t *`), kept alive
    /// by the instance's topic registry.
    pub rkt: usize,
    /// Where this partition's messages and errors go (forwarded to the
    /// consumer queue, or to the application's queue, by default).
    pub fetchq: Arc<Queue>,
    /// Fetch version: batches tagged with an older one are outdated.
    pub version: AtomicU64,
    /// The application's position: offset of the next message it will get
    /// (RD_KAFKA_OFFSET_INVALID before any), and that message's epoch.
    pub app_offset: AtomicI64,
    pub app_epoch: AtomicI32,
    /// Where fetching resumes after the queued messages are dropped (pause):
    /// the start offset, then the offset after each delivered message.
    pub resume_offset: AtomicI64,
    /// Offset stored for the next commit by rd_kafka_offsets_store() and
    /// the like; read it with [`Toppar::stored_now`].
    stored: Mutex<OffsetMeta>,
    /// The offset auto-stored for the next commit
    /// (enable.auto.offset.store) as the application receives messages,
    /// and its epoch: written without a lock, once per message. Newer than
    /// `stored` unless RD_KAFKA_OFFSET_INVALID.
    auto_stored: AtomicI64,
    auto_stored_epoch: AtomicI32,
    /// Last committed offset known (RD_KAFKA_OFFSET_INVALID if none).
    pub committed: Mutex<OffsetMeta>,
    /// Messages and bytes fetched and not yet taken by the application.
    pub queued_msgs: AtomicUsize,
    pub queued_bytes: AtomicUsize,
    /// Messages handed on since the partition was first fetched, and their
    /// key and value bytes (statistics: rxmsgs, rxbytes); the loop counts.
    pub rx_msgs: AtomicU64,
    pub rx_bytes: AtomicU64,
    /// The loop stopped fetching because the queue was full: the
    /// application wakes it when it drains the queue.
    pub fetch_blocked: AtomicBool,
    /// Watermarks from the last fetch (-1 unknown).
    pub lo_offset: AtomicI64,
    pub hi_offset: AtomicI64,
    pub ls_offset: AtomicI64,
    /// Part of the current assignment (high-level consumer).
    pub assigned: AtomicBool,
    /// Paused by the application.
    pub paused: AtomicBool,
    /// Started with rd_kafka_consume_start() (legacy consumer).
    pub legacy: AtomicBool,
    /// auto.offset.reset of the topic: BEGINNING, END or INVALID (error).
    pub reset: AtomicI64,
    /// enable.auto.offset.store.
    auto_store: bool,
    /// The consumer's shared state (for wake-ups and totals).
    shared: std::sync::Weak<ConsumerShared>,
}

impl Toppar {
    pub fn new(topic: &str, partition: i32, rkt: usize, shared: &Arc<ConsumerShared>) -> Arc<Toppar> {
        Arc::new(Toppar {
            topic: topic.to_string(),
            partition,
            rkt,
            fetchq: Queue::new(),
            version: AtomicU64::new(1),
            app_offset: AtomicI64::new(RD_KAFKA_OFFSET_INVALID),
            resume_offset: AtomicI64::new(RD_KAFKA_OFFSET_INVALID),
            app_epoch: AtomicI32::new(-1),
            stored: Mutex::new(OffsetMeta::invalid()),
            auto_stored: AtomicI64::new(RD_KAFKA_OFFSET_INVALID),
            auto_stored_epoch: AtomicI32::new(-1),
            committed: Mutex::new(OffsetMeta::invalid()),
            queued_msgs: AtomicUsize::new(0),
            queued_bytes: AtomicUsize::new(0),
            rx_msgs: AtomicU64::new(0),
            rx_bytes: AtomicU64::new(0),
            fetch_blocked: AtomicBool::new(false),
            lo_offset: AtomicI64::new(-1),
            hi_offset: AtomicI64::new(-1),
            ls_offset: AtomicI64::new(-1),
            assigned: AtomicBool::new(false),
            paused: AtomicBool::new(false),
            legacy: AtomicBool::new(false),
            reset: AtomicI64::new(RD_KAFKA_OFFSET_END),
            auto_store: shared.cfg.enable_auto_offset_store,
            shared: Arc::downgrade(shared),
        })
    }

    /// Makes everything fetched so far outdated; returns the new version.
    pub fn bump_version(&self) -> u64 {
        self.version.fetch_add(1, Ordering::AcqRel) + 1
    }

    /// Accounts for messages leaving the partition's queue.
    fn dequeued(&self, msgs: usize, bytes: usize) {
        self.queued_msgs.fetch_sub(msgs, Ordering::AcqRel);
        self.queued_bytes.fetch_sub(bytes, Ordering::AcqRel);
        if let Some(s) = self.shared.upgrade() {
            s.queued_bytes.fetch_sub(bytes, Ordering::AcqRel);
            if self.fetch_blocked.load(Ordering::Acquire) && s.below_limits(self) {
                self.fetch_blocked.store(false, Ordering::Release);
                s.wake_loop();
            }
        }
    }

    /// Stores `offset` (the next offset to consume) for the next commit.
    pub fn store(&self, offset: i64, leader_epoch: i32, metadata: Option<Vec<u8>>) {
        let mut st = self.stored.lock();
        *st = OffsetMeta { offset, leader_epoch, metadata };
        // This store is the newest.
        self.auto_stored.store(RD_KAFKA_OFFSET_INVALID, Ordering::Release);
    }

    /// The offset stored for the next commit (the newest of the explicit
    /// and the automatic store).
    pub fn stored_now(&self) -> OffsetMeta {
        let st = self.stored.lock();
        let auto = self.auto_stored.load(Ordering::Acquire);
        if auto != RD_KAFKA_OFFSET_INVALID {
            return OffsetMeta { offset: auto, leader_epoch: self.auto_stored_epoch.load(Ordering::Acquire), metadata: None };
        }
        st.clone()
    }
}

/// One entry of a [`FetchedBatch`]. Records become message objects only
/// when the application takes them, on the application's thread: messages
/// are then allocated and freed by one thread (no allocator lock shared with
/// the loop), and the reference counts of the fetched data are taken by that
/// thread alone.
pub enum Fetched {
    /// A v2 record: its ranges in the batch's data segment `seg`.
    Span { seg: u32, leader_epoch: i32, span: RecordSpan },
    /// A decoded legacy (v0/v1) record (boxed: rare, and it would double
    /// the size of every entry).
    Record(Box<Consumed>),
    /// A message made by the loop (partition errors, end of partition).
    Ready(Box<MessageObj>),
}

impl Fetched {
    /// Payload and key bytes, for the prefetch limits.
    fn bytes(&self) -> usize {
        fn len(b: &MsgBuf) -> usize {
            b.as_slice().map_or(0, <[u8]>::len)
        }
        match self {
            Fetched::Span { span, .. } => {
                span.key.as_ref().map_or(0, |r| r.len()) + span.value.as_ref().map_or(0, |r| r.len())
            }
            Fetched::Record(c) => len(&c.payload) + len(&c.key),
            Fetched::Ready(m) => m.msg.len + m.msg.key_len,
        }
    }
}

/// Messages of one partition fetched in one go, in offset order, as they
/// wait in a queue (RD_KAFKA_EVENT_FETCH). Partition errors and EOF travel
/// the same way, as messages with `err` set.
pub struct FetchedBatch {
    pub tp: Arc<Toppar>,
    pub version: u64,
    msgs: VecDeque<Fetched>,
    /// Record data the spans point into (one per record batch).
    segs: Vec<Bytes>,
    /// Broker the records came from.
    broker_id: i32,
    /// Messages and payload bytes the batch counts for in the queue
    /// counters: added when it is queued, taken off in one go when its last
    /// message is taken or it is dropped (not per message).
    count: usize,
    bytes: usize,
    /// Messages the list held when the batch was made (how long a list the
    /// pool must be able to hand out).
    filled: usize,
}

impl FetchedBatch {
    pub fn new(tp: Arc<Toppar>, version: u64, msgs: VecDeque<Fetched>, segs: Vec<Bytes>, broker_id: i32) -> FetchedBatch {
        let bytes: usize = msgs.iter().map(Fetched::bytes).sum();
        tp.queued_msgs.fetch_add(msgs.len(), Ordering::AcqRel);
        tp.queued_bytes.fetch_add(bytes, Ordering::AcqRel);
        if let Some(s) = tp.shared.upgrade() {
            s.queued_bytes.fetch_add(bytes, Ordering::AcqRel);
        }
        FetchedBatch { tp, version, count: msgs.len(), filled: msgs.len(), msgs, segs, broker_id, bytes }
    }

    /// The message object of a v2 record.
    fn message_of(&self, seg: u32, leader_epoch: i32, span: RecordSpan) -> Box<MessageObj> {
        let data = &self.segs[seg as usize];
        let headers = &data[span.headers.clone()];
        let raw_headers =
            if RecordHeaders::count_in(headers) > 0 { MsgBuf::Bytes(data.slice(span.headers)) } else { MsgBuf::Null };
        MessageObj::consumed(Consumed {
            rkt: self.tp.rkt as *mut rd_kafka_topic_t,
            partition: self.tp.partition,
            offset: span.offset,
            key: span.key.map_or(MsgBuf::Null, |r| MsgBuf::Bytes(data.slice(r))),
            payload: span.value.map_or(MsgBuf::Null, |r| MsgBuf::Bytes(data.slice(r))),
            raw_headers,
            timestamp: span.timestamp,
            tstype: match span.timestamp_type {
                TimestampType::CreateTime => RD_KAFKA_TIMESTAMP_CREATE_TIME,
                TimestampType::LogAppendTime => RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME,
                TimestampType::NotAvailable => RD_KAFKA_TIMESTAMP_NOT_AVAILABLE,
            },
            broker_id: self.broker_id,
            leader_epoch,
            delivery_count: 0,
        })
    }

    /// Whether the partition's version moved on since the fetch.
    pub fn is_outdated(&self) -> bool {
        self.tp.version.load(Ordering::Acquire) != self.version
    }

    /// No message left.
    pub fn is_empty(&self) -> bool {
        self.msgs.is_empty()
    }

    /// Takes the first message, updating the application's position (and
    /// the stored offset with enable.auto.offset.store).
    pub fn take_one(&mut self) -> Option<Box<MessageObj>> {
        let e = self.msgs.pop_front()?;
        let m = match e {
            Fetched::Span { seg, leader_epoch, span } => self.message_of(seg, leader_epoch, span),
            Fetched::Record(c) => MessageObj::consumed(*c),
            Fetched::Ready(m) => m,
        };
        if self.msgs.is_empty() {
            self.account_taken();
        }
        self.tp.delivered(&m);
        Some(m)
    }

    /// The batch leaves the queue counters (once).
    fn account_taken(&mut self) {
        if self.count > 0 {
            self.tp.dequeued(self.count, self.bytes);
        }
        self.count = 0;
        self.bytes = 0;
    }
}

impl Toppar {
    /// The application receives `m`: its position moves past it.
    fn delivered(&self, m: &MessageObj) {
        if m.msg.err != RD_KAFKA_RESP_ERR_NO_ERROR || m.msg.offset < 0 {
            return;
        }
        let next = m.msg.offset + 1;
        self.app_offset.store(next, Ordering::Release);
        self.resume_offset.store(next, Ordering::Release);
        self.app_epoch.store(m.leader_epoch, Ordering::Release);
        if self.auto_store && (self.assigned.load(Ordering::Acquire) || self.legacy.load(Ordering::Acquire)) {
            // No lock per message: the epoch first, then the offset that
            // makes the pair current (see stored_now()).
            self.auto_stored_epoch.store(m.leader_epoch, Ordering::Release);
            self.auto_stored.store(next, Ordering::Release);
        }
    }
}

impl Drop for FetchedBatch {
    fn drop(&mut self) {
        self.account_taken();
        if let Some(s) = self.tp.shared.upgrade() {
            s.give_back_deque_at(std::mem::take(&mut self.msgs), self.filled, crate::recycle::coarse_ms());
        }
    }
}

/// What an application poll took from a queue.
pub enum Item {
    /// A consumed message or a consumer error (err set).
    Message(Box<MessageObj>),
    /// Any other event.
    Event(EventObj),
}

/// Takes the next item of `q`: one message of a fetched batch (dropping
/// outdated batches) or the next event; waits up to `timeout`.
pub fn pop_item(q: &Arc<Queue>, timeout: Option<Duration>) -> Result<Item, Polled> {
    q.pop_with(timeout, take_item)
}

fn take_item(items: &mut VecDeque<EventObj>) -> Option<Item> {
    loop {
        let front = items.front_mut()?;
        if let EventPayload::Fetched(b) = &mut front.payload {
            if b.is_outdated() {
                items.pop_front();
                continue;
            }
            let m = b.take_one();
            if b.is_empty() {
                items.pop_front();
            }
            match m {
                Some(m) => return Some(Item::Message(m)),
                None => continue,
            }
        }
        return items.pop_front().map(Item::Event);
    }
}

/// Takes the next event that is not fetched messages, dropping fetched
/// batches on the way without handing their messages out: the application
/// never received them, so neither its position nor the offsets stored for
/// the next commit move (the consumer is closing).
pub fn pop_event_dropping_messages(q: &Arc<Queue>, timeout: Option<Duration>) -> Result<EventObj, Polled> {
    q.pop_with(timeout, |items| {
        while matches!(items.front().map(|e| &e.payload), Some(EventPayload::Fetched(_))) {
            items.pop_front();
        }
        items.pop_front()
    })
}

/// Takes up to `max` messages (only messages: stops at the first other
/// event, which stays queued), waiting up to `timeout` for the first.
pub fn pop_messages(q: &Arc<Queue>, timeout: Option<Duration>, max: usize) -> Vec<Box<MessageObj>> {
    let mut out = Vec::new();
    if max == 0 {
        return out;
    }
    let deadline = timeout.map(|t| Instant::now() + t);
    loop {
        let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let r = q.pop_with(left, |items| {
            let mut got = Vec::new();
            while got.len() < max - out.len() {
                let Some(front) = items.front_mut() else { break };
                match &mut front.payload {
                    EventPayload::Fetched(b) => {
                        if b.is_outdated() {
                            items.pop_front();
                            continue;
                        }
                        while got.len() < max - out.len() {
                            match b.take_one() {
                                Some(m) => got.push(m),
                                None => break,
                            }
                        }
                        if b.is_empty() {
                            items.pop_front();
                        }
                    }
                    _ => break,
                }
            }
            if got.is_empty() { None } else { Some(got) }
        });
        match r {
            Ok(got) => {
                out.extend(got);
                // Keep collecting what is already there, without waiting.
                if out.len() >= max || deadline.is_some_and(|d| Instant::now() >= d) {
                    return out;
                }
                // Batch semantics (librdkafka): return once the queue has
                // nothing more right now.
                let more = q.with_items(|items| matches!(items.front().map(|e| &e.payload), Some(EventPayload::Fetched(_))));
                if !more {
                    return out;
                }
            }
            Err(_) => return out,
        }
    }
}

/// Removes the messages of `tp` from a queue (unassign, consume_stop).
pub fn purge_partition(q: &Arc<Queue>, tp: &Arc<Toppar>) {
    let removed: Vec<EventObj> = q.with_items(|items| {
        let mut keep = VecDeque::with_capacity(items.len());
        let mut removed = Vec::new();
        for ev in items.drain(..) {
            match &ev.payload {
                EventPayload::Fetched(b) if Arc::ptr_eq(&b.tp, tp) => removed.push(ev),
                _ => keep.push_back(ev),
            }
        }
        *items = keep;
        removed
    });
    drop(removed);
}

/// CLOCK_MONOTONIC_COARSE in milliseconds.
fn coarse_ms() -> i64 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes the timespec we pass.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC_COARSE, &mut ts) };
    ts.tv_sec as i64 * 1000 + ts.tv_nsec as i64 / 1_000_000
}

/// The consumer state shared by application threads and the loop.
pub struct ConsumerShared {
    pub cfg: ConsumerConfig,
    /// Every partition the consumer has dealt with, by (topic, partition).
    pub toppars: Mutex<HashMap<(String, i32), Arc<Toppar>>>,
    /// Bytes fetched and not yet taken, all partitions.
    pub queued_bytes: AtomicUsize,
    /// When the application last polled (ms since `epoch`), for
    /// max.poll.interval.ms.
    pub last_poll_ms: AtomicI64,
    /// coarse_ms() when the consumer was created.
    epoch_ms: i64,
    /// The application has polled at least once since the poll interval
    /// was exceeded (the loop then rejoins).
    pub poll_seen: AtomicBool,
    /// rd_kafka_consumer_close() completed.
    pub closed: AtomicBool,
    /// A close (blocking or through a queue) has started.
    pub closing: AtomicBool,
    /// The loop's waker (set when the loop starts).
    pub waker: once_cell::sync::OnceCell<Arc<mio::Waker>>,
    /// Emptied message lists of taken batches, for the loop to fill again:
    /// a fresh list for every partition of every fetch response would be
    /// grown (copied) and page-faulted in each time.
    deques: Mutex<DequePool>,
}

/// Emptied message lists, and which of them are still needed: a list
/// unused for an idle period is freed, and so is a list much longer than
/// any filled recently (see crate::recycle), so that the lists a burst
/// grew (a consumer or broker that fell behind, then large responses) do
/// not stay allocated.
#[derive(Default)]
struct DequePool {
    lists: Vec<VecDeque<Fetched>>,
    idle: crate::recycle::IdleTrim,
}
// SAFETY: the lists are cleared before they are pooled: only empty
// allocations, never a message (with its raw handles), cross threads here.
unsafe impl Send for DequePool {}

/// Message lists kept for reuse, and the most entries they may hold
/// together (about 100 bytes each: some 25 MB at most stays allocated).
const DEQUE_POOL: usize = 64;
const DEQUE_POOL_MAX_ENTRIES: usize = 256 * 1024;
/// A list is kept only if its capacity is at most this many times the
/// longest list filled in this idle period or the last one (and never
/// dropped for that below DEQUE_KEEP_MIN entries).
const DEQUE_OVERSIZE: usize = 4;
const DEQUE_KEEP_MIN: usize = 256;

impl ConsumerShared {
    pub fn new(cfg: ConsumerConfig) -> Arc<ConsumerShared> {
        Arc::new(ConsumerShared {
            cfg,
            toppars: Mutex::new(HashMap::new()),
            queued_bytes: AtomicUsize::new(0),
            last_poll_ms: AtomicI64::new(0),
            epoch_ms: coarse_ms(),
            poll_seen: AtomicBool::new(false),
            closed: AtomicBool::new(false),
            closing: AtomicBool::new(false),
            waker: once_cell::sync::OnceCell::new(),
            deques: Mutex::new(DequePool::default()),
        })
    }

    /// An empty message list, reused when one is available.
    pub fn take_deque(&self) -> VecDeque<Fetched> {
        let mut pool = self.deques.lock();
        let d = pool.lists.pop().unwrap_or_default();
        let left = pool.lists.len();
        pool.idle.taken(left);
        d
    }

    /// Gives back a list that was not used (or whose use is not known).
    pub fn give_back_deque(&self, d: VecDeque<Fetched>) {
        self.give_back_deque_at(d, 0, crate::recycle::coarse_ms());
    }

    /// Gives back a list that held `filled` messages.
    fn give_back_deque_at(&self, mut d: VecDeque<Fetched>, filled: usize, now_ms: i64) {
        // Dropped outside the lock (whatever is left of an unread batch).
        d.clear();
        // Lists are freed after the lock is released.
        let (expired, not_kept) = {
            let mut pool = self.deques.lock();
            pool.idle.used(filled);
            let idle = pool.lists.len();
            let n = pool.idle.expired(idle, now_ms);
            let expired: Vec<_> = pool.lists.drain(..n).collect();
            let kept: usize = pool.lists.iter().map(VecDeque::capacity).sum();
            // Small ones (error messages) are not worth keeping.
            let oversized = d.capacity() > (pool.idle.demand() * DEQUE_OVERSIZE).max(DEQUE_KEEP_MIN);
            let keep = d.capacity() >= 64
                && !oversized
                && pool.lists.len() < DEQUE_POOL
                && kept + d.capacity() <= DEQUE_POOL_MAX_ENTRIES;
            if keep {
                pool.lists.push(d);
                (expired, None)
            } else {
                (expired, oversized.then_some(d))
            }
        };
        // What a burst left (not the small lists dropped in passing).
        let entries = expired.iter().map(VecDeque::capacity).sum::<usize>() + not_kept.as_ref().map_or(0, VecDeque::capacity);
        drop((expired, not_kept));
        crate::recycle::released(entries * std::mem::size_of::<Fetched>());
    }

    pub fn wake_loop(&self) {
        if let Some(w) = self.waker.get() {
            let _ = w.wake();
        }
    }

    /// Whether a partition may fetch more (prefetch limits).
    pub fn below_limits(&self, tp: &Toppar) -> bool {
        tp.queued_msgs.load(Ordering::Acquire) < self.cfg.queued_min_messages
            && self.queued_bytes.load(Ordering::Acquire) < self.cfg.queued_max_bytes
    }

    /// Records an application poll (max.poll.interval.ms).
    pub fn polled(&self) {
        let now = self.now_ms();
        self.last_poll_ms.store(now, Ordering::Release);
        self.poll_seen.store(true, Ordering::Release);
    }

    /// Milliseconds since the consumer was created, from the coarse
    /// monotonic clock: cheap enough to read on every poll, and precise
    /// enough for max.poll.interval.ms (at least a second).
    pub fn now_ms(&self) -> i64 {
        coarse_ms() - self.epoch_ms
    }

    /// The partition's shared state, if the consumer has one.
    pub fn toppar(&self, topic: &str, partition: i32) -> Option<Arc<Toppar>> {
        self.toppars.lock().get(&(topic.to_string(), partition)).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_list_pool_is_bounded() {
        let shared = ConsumerShared::new(crate::engine::settings::consumer_config(&crate::config::Conf::new()));
        let t = 100_000;
        // Small lists (errors) are not kept.
        shared.give_back_deque_at(VecDeque::with_capacity(1), 1, t);
        assert_eq!(shared.take_deque().capacity(), 0);
        // Kept and handed out again, up to DEQUE_POOL_MAX_ENTRIES together.
        for _ in 0..8 {
            shared.give_back_deque_at(VecDeque::with_capacity(DEQUE_POOL_MAX_ENTRIES / 4), DEQUE_POOL_MAX_ENTRIES / 4, t);
        }
        assert_eq!(shared.deques.lock().lists.len(), 4);
        assert!(shared.take_deque().capacity() >= DEQUE_POOL_MAX_ENTRIES / 4);
        assert_eq!(shared.deques.lock().lists.len(), 3);
    }

    /// After a burst (lists of 50,000 messages), steady traffic of small
    /// responses: the long lists are freed once no list that long was
    /// filled for an idle period, and lists left unused expire.
    #[test]
    fn the_message_list_pool_forgets_a_burst() {
        use crate::recycle::IDLE_MS;
        let shared = ConsumerShared::new(crate::engine::settings::consumer_config(&crate::config::Conf::new()));
        let t0 = 100_000;
        for _ in 0..4 {
            shared.give_back_deque_at(VecDeque::with_capacity(50_000), 50_000, t0);
        }
        // Two partitions' lists of 100 messages per response, every 10 ms,
        // on the pooled lists (grown when too short, as the fetcher does).
        let mut t = t0;
        while t < t0 + 3 * IDLE_MS {
            for _ in 0..2 {
                let mut d = shared.take_deque();
                d.reserve(100);
                shared.give_back_deque_at(d, 100, t);
            }
            t += 10;
        }
        let pool = shared.deques.lock();
        assert_eq!(pool.lists.len(), 1);
        assert!(pool.lists[0].capacity() >= 100 && pool.lists[0].capacity() <= DEQUE_KEEP_MIN, "a burst's list is still kept");
        drop(pool);
        // Unused through a whole period: gone.
        shared.give_back_deque_at(VecDeque::new(), 0, t + IDLE_MS);
        assert_eq!(shared.deques.lock().lists.len(), 1);
        shared.give_back_deque_at(VecDeque::new(), 0, t + 2 * IDLE_MS);
        assert!(shared.deques.lock().lists.is_empty());
    }
}
