//! The producer: the part that runs on the application's threads.
//!
//! produce() validates a message, chooses its partition and appends it to
//! that partition's queue; the event loop ([`super::produce_loop`]) takes
//! messages from the queues, batches them and sends them. The queues are the
//! only state shared between the two sides; the loop is woken only when a
//! partition queue stops being empty or fills a batch, not per message.

use super::partitioner;
use crate::objects::message::MessageObj;
use crate::objects::types::*;
use crossbeam_channel::{Receiver, Sender, unbounded};
use parking_lot::{Condvar, Mutex, RwLock};
use std::collections::{HashMap, VecDeque};
use std::os::raw::c_void;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicI64, AtomicPtr, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

pub use crate::objects::clock::{mono_us, wall_ms_at};

/// Built-in partitioners.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Partitioner {
    Random,
    Consistent,
    ConsistentRandom,
    Murmur2,
    Murmur2Random,
    Fnv1a,
    Fnv1aRandom,
}

impl Partitioner {
    pub fn from_name(name: &str) -> Option<Partitioner> {
        Some(match name {
            "random" => Partitioner::Random,
            "consistent" => Partitioner::Consistent,
            "consistent_random" => Partitioner::ConsistentRandom,
            "murmur2" => Partitioner::Murmur2,
            "murmur2_random" => Partitioner::Murmur2Random,
            "fnv1a" => Partitioner::Fnv1a,
            "fnv1a_random" => Partitioner::Fnv1aRandom,
            _ => return None,
        })
    }

    /// Whether a key gets the sticky random treatment (no key, or an empty
    /// one for consistent_random).
    fn sticky_for(self, key: Option<&[u8]>) -> bool {
        match self {
            Partitioner::Random => true,
            Partitioner::ConsistentRandom => key.is_none_or(|k| k.is_empty()),
            Partitioner::Murmur2Random | Partitioner::Fnv1aRandom => key.is_none(),
            _ => false,
        }
    }

    /// The partition for a key (never random: callers handle stickiness).
    fn hash(self, key: Option<&[u8]>, cnt: i32) -> i32 {
        let k = key.unwrap_or(&[]);
        match self {
            Partitioner::Consistent | Partitioner::ConsistentRandom => partitioner::consistent(k, cnt),
            Partitioner::Murmur2 | Partitioner::Murmur2Random => partitioner::murmur2_partition(k, cnt),
            Partitioner::Fnv1a | Partitioner::Fnv1aRandom => partitioner::fnv1a_partition(k, cnt),
            Partitioner::Random => partitioner::random_partition(cnt),
        }
    }
}

/// Application partitioner callback.
pub type PartitionerCb =
    unsafe extern "C" fn(*const rd_kafka_topic_t, *const c_void, libc::size_t, i32, *mut c_void, *mut c_void) -> i32;

/// Compression codec of a topic.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    None,
    Gzip,
    Snappy,
    Lz4,
    Zstd,
}

impl Codec {
    pub fn from_name(name: &str) -> Option<Codec> {
        Some(match name {
            "none" => Codec::None,
            "gzip" => Codec::Gzip,
            "snappy" => Codec::Snappy,
            "lz4" => Codec::Lz4,
            "zstd" => Codec::Zstd,
            _ => return None,
        })
    }

    pub fn name(self) -> &'static str {
        match self {
            Codec::None => "none",
            Codec::Gzip => "gzip",
            Codec::Snappy => "snappy",
            Codec::Lz4 => "lz4",
            Codec::Zstd => "zstd",
        }
    }
}

/// Per-topic producer settings (from the topic configuration).
#[derive(Clone, Debug)]
pub struct TopicSettings {
    pub partitioner: Partitioner,
    pub partitioner_cb: Option<PartitionerCb>,
    pub rkt_opaque: usize,
    pub acks: i16,
    pub request_timeout: Duration,
    pub message_timeout: Option<Duration>,
    pub codec: Codec,
    pub compression_level: i32,
}

/// Keeps a value on cache lines of its own (counters one side writes per
/// message stay apart from what the other side writes).
#[repr(align(64))]
#[derive(Default)]
pub struct CacheLine<T>(pub T);

impl<T> std::ops::Deref for CacheLine<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A queued message and its size ([`message_size`]), kept beside it so
/// that the loop cuts batches without touching the messages.
pub struct Queued {
    pub m: Box<MessageObj>,
    pub size: usize,
}

/// A partition's queue of messages waiting to be sent.
#[derive(Default)]
pub struct PartQueue {
    pub msgs: VecDeque<Queued>,
    /// Bytes of the messages (key + value + headers).
    pub bytes: usize,
    /// Set while the partition is known to the loop's active set.
    pub queued_for_loop: bool,
    /// How long the list got recently: the room a backlog grew (a stalled
    /// broker, an idempotent partition waiting for its batch in flight) is
    /// given back once drained ([`crate::recycle::shrink_queue`]).
    pub trim: crate::recycle::IdleTrim,
}

impl PartQueue {
    /// Room the list keeps however long it goes unused.
    pub(crate) const KEEP: usize = 1024;
}

/// A partition as the producer sees it.
pub struct ProdPartition {
    pub id: i32,
    pub q: CacheLine<Mutex<PartQueue>>,
}

impl ProdPartition {
    fn new(id: i32) -> Arc<ProdPartition> {
        Arc::new(ProdPartition { id, q: CacheLine(Mutex::new(PartQueue::default())) })
    }
}

/// A topic's partitions: a list that only grows, read without locking.
/// Every version of the list stays allocated until the topic goes (the
/// list grows rarely: when metadata reports more partitions).
pub struct PartList {
    cur: AtomicPtr<Vec<Arc<ProdPartition>>>,
    all: Mutex<Vec<Box<Vec<Arc<ProdPartition>>>>>,
}

impl PartList {
    fn new() -> PartList {
        let mut first = Box::new(Vec::new());
        let cur = AtomicPtr::new(&mut *first as *mut Vec<Arc<ProdPartition>>);
        PartList { cur, all: Mutex::new(vec![first]) }
    }

    /// The current list.
    pub fn get(&self) -> &[Arc<ProdPartition>] {
        // SAFETY: `cur` points to a list in `all`, boxed (it does not move)
        // and never changed or freed before `self` is.
        unsafe { &*self.cur.load(Ordering::Acquire) }
    }

    /// Grows the list to `cnt` partitions.
    fn grow(&self, cnt: i32) {
        let mut all = self.all.lock();
        let cur = self.get();
        if cur.len() as i32 >= cnt {
            return;
        }
        let mut next = Box::new(Vec::with_capacity(cnt as usize));
        next.extend(cur.iter().cloned());
        while (next.len() as i32) < cnt {
            let id = next.len() as i32;
            next.push(ProdPartition::new(id));
        }
        let p = &mut *next as *mut Vec<Arc<ProdPartition>>;
        all.push(next);
        self.cur.store(p, Ordering::Release);
    }
}

// SAFETY: the raw pointer is a shared view of lists owned by `all`.
unsafe impl Send for PartList {}
unsafe impl Sync for PartList {}

/// A topic as the producer sees it.
pub struct ProdTopic {
    pub name: String,
    /// The topic handle (`rd_kafka_topic_t *`, an Arc kept alive by the
    /// instance) put in messages.
    pub rkt: usize,
    pub settings: TopicSettings,
    /// Partition count from metadata; -1 until known.
    pub partition_cnt: AtomicI32,
    pub partitions: PartList,
    /// Messages produced before the partition count was known, each with
    /// the partition asked for (UA: partitioner decides later).
    pub unassigned: Mutex<VecDeque<Box<MessageObj>>>,
    /// A permanent error the cluster reports for the topic (metadata:
    /// TOPIC_AUTHORIZATION_FAILED, TOPIC_EXCEPTION), 0 if none: new
    /// messages are refused at once, as librdkafka does.
    pub perm_err: AtomicI32,
    /// Sticky partition for keyless messages (-1: none yet) and until when
    /// (monotonic microseconds) it stays; changed under `sticky_lock`.
    sticky_part: AtomicI32,
    sticky_until: AtomicI64,
    sticky_lock: Mutex<()>,
}

impl ProdTopic {
    pub fn partition(&self, id: i32) -> Option<Arc<ProdPartition>> {
        self.partition_ref(id).cloned()
    }

    /// The partition, borrowed (no reference count taken).
    pub fn partition_ref(&self, id: i32) -> Option<&Arc<ProdPartition>> {
        if id < 0 {
            return None;
        }
        self.partitions.get().get(id as usize)
    }

    /// Grows the partition list to `cnt` (partitions never shrink) without
    /// publishing the count: produce() keeps putting messages in
    /// `unassigned` meanwhile.
    pub fn grow_partitions(&self, cnt: i32) {
        self.partitions.grow(cnt);
    }

    /// Publishes the partition count: from now on produce() puts messages
    /// in their partitions directly.
    pub fn publish_partition_cnt(&self, cnt: i32) {
        self.partition_cnt.store(cnt.max(self.partitions.get().len() as i32), Ordering::Release);
    }
}

/// Why produce() refused a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProduceError(pub rd_kafka_resp_err_t);

/// Producer settings from the global configuration.
#[derive(Clone, Debug)]
pub struct ProducerConfig {
    pub linger: Duration,
    pub batch_num_messages: usize,
    pub batch_size: usize,
    pub max_messages: usize,
    pub max_bytes: usize,
    pub message_max_bytes: usize,
    pub retries: u32,
    pub retry_backoff: Duration,
    pub retry_backoff_max: Duration,
    pub sticky_linger: Duration,
    pub idempotence: bool,
    pub gapless: bool,
    pub max_in_flight: usize,
    pub transactional_id: Option<String>,
    pub dr_only_error: bool,
    pub topic_propagation_max: Duration,
}

/// Queue accounting: messages produced and not yet reported (queued or in
/// flight), their bytes, and threads waiting for queue space.
#[derive(Default)]
pub struct QueueCounters {
    pub msg_cnt: AtomicUsize,
    pub msg_bytes: AtomicUsize,
    waiters: AtomicUsize,
}

/// The producer state shared by application threads and the loop.
pub struct ProducerShared {
    pub cfg: ProducerConfig,
    pub topics: RwLock<HashMap<String, Arc<ProdTopic>>>,
    /// Written per message by produce() (and per batch of reports), on a
    /// cache line of its own.
    pub counters: CacheLine<QueueCounters>,
    /// Memory of destroyed messages, for new ones.
    pub blocks: crate::objects::message::BlockCache,
    /// Waiters for queue space (RD_KAFKA_MSG_F_BLOCK) and for flush.
    space_lock: Mutex<()>,
    space: Condvar,
    /// Partitions that just got messages, for the loop to pick up.
    dirty_tx: Sender<(Arc<ProdTopic>, Option<Arc<ProdPartition>>)>,
    pub dirty_rx: Receiver<(Arc<ProdTopic>, Option<Arc<ProdPartition>>)>,
    /// Number of flush() calls in progress (linger is skipped meanwhile).
    pub flushing: AtomicUsize,
    /// Counters for statistics.
    pub tx_msgs: AtomicU64,
    pub tx_msg_bytes: AtomicU64,
    /// Set when the client is going away: producing fails, waits end.
    pub closing: AtomicBool,
    /// A fatal error was raised: producing fails with _FATAL.
    pub fatal: AtomicBool,
    /// on_send and on_acknowledgement interceptors (set once the client's
    /// on_new interceptors have run).
    pub ic_send: once_cell::sync::OnceCell<Vec<crate::config::interceptors::Interceptor<crate::config::interceptors::OnSendFn>>>,
    pub ic_ack: once_cell::sync::OnceCell<Vec<crate::config::interceptors::Interceptor<crate::config::interceptors::OnAcknowledgementFn>>>,
    /// The client handle for interceptor calls.
    pub rk: std::sync::atomic::AtomicPtr<rd_kafka_t>,
    /// The event loop's waker (set when the loop starts).
    pub waker: once_cell::sync::OnceCell<Arc<mio::Waker>>,
}

impl ProducerShared {
    pub fn new(cfg: ProducerConfig) -> Arc<ProducerShared> {
        let (dirty_tx, dirty_rx) = unbounded();
        Arc::new(ProducerShared {
            cfg,
            topics: RwLock::new(HashMap::new()),
            counters: CacheLine::default(),
            blocks: Default::default(),
            space_lock: Mutex::new(()),
            space: Condvar::new(),
            dirty_tx,
            dirty_rx,
            flushing: AtomicUsize::new(0),
            tx_msgs: AtomicU64::new(0),
            tx_msg_bytes: AtomicU64::new(0),
            closing: AtomicBool::new(false),
            fatal: AtomicBool::new(false),
            waker: once_cell::sync::OnceCell::new(),
            ic_send: once_cell::sync::OnceCell::new(),
            ic_ack: once_cell::sync::OnceCell::new(),
            rk: std::sync::atomic::AtomicPtr::new(std::ptr::null_mut()),
        })
    }

    /// The producer state of a topic, created on first use.
    pub fn topic(&self, name: &str, rkt: usize, settings: impl FnOnce() -> TopicSettings) -> Arc<ProdTopic> {
        if let Some(t) = self.topics.read().get(name) {
            return t.clone();
        }
        let mut topics = self.topics.write();
        topics
            .entry(name.to_string())
            .or_insert_with(|| {
                Arc::new(ProdTopic {
                    name: name.to_string(),
                    rkt,
                    settings: settings(),
                    partition_cnt: AtomicI32::new(-1),
                    partitions: PartList::new(),
                    unassigned: Mutex::new(VecDeque::new()),
                    perm_err: AtomicI32::new(0),
                    sticky_part: AtomicI32::new(-1),
                    sticky_until: AtomicI64::new(0),
                    sticky_lock: Mutex::new(()),
                })
            })
            .clone()
    }

    /// Reserves queue space for one message of `size` bytes, waiting for it
    /// when `block` is set.
    fn reserve(&self, size: usize, block: bool) -> Result<(), ProduceError> {
        let c = &self.counters;
        loop {
            let cnt = c.msg_cnt.load(Ordering::Relaxed);
            let bytes = c.msg_bytes.load(Ordering::Relaxed);
            let fits = (self.cfg.max_messages == 0 || cnt < self.cfg.max_messages)
                && (bytes + size <= self.cfg.max_bytes || cnt == 0);
            if fits {
                if c.msg_cnt.compare_exchange_weak(cnt, cnt + 1, Ordering::AcqRel, Ordering::Relaxed).is_ok() {
                    c.msg_bytes.fetch_add(size, Ordering::AcqRel);
                    return Ok(());
                }
                continue;
            }
            if !block {
                return Err(ProduceError(RD_KAFKA_RESP_ERR__QUEUE_FULL));
            }
            if self.closing.load(Ordering::Acquire) {
                return Err(ProduceError(RD_KAFKA_RESP_ERR__DESTROY));
            }
            if self.fatal.load(Ordering::Acquire) {
                return Err(ProduceError(RD_KAFKA_RESP_ERR__FATAL));
            }
            c.waiters.fetch_add(1, Ordering::AcqRel);
            let mut g = self.space_lock.lock();
            self.space.wait_for(&mut g, Duration::from_millis(100));
            drop(g);
            c.waiters.fetch_sub(1, Ordering::AcqRel);
        }
    }

    /// Messages produced and not yet reported (queued or in flight).
    pub fn queued_msgs(&self) -> usize {
        self.counters.msg_cnt.load(Ordering::Acquire)
    }

    /// Bytes of those messages.
    pub fn queued_bytes(&self) -> usize {
        self.counters.msg_bytes.load(Ordering::Acquire)
    }

    /// Gives back queue space of `n` reported messages of `size` bytes.
    pub fn release(&self, n: usize, size: usize) {
        let c = &self.counters;
        c.msg_cnt.fetch_sub(n, Ordering::AcqRel);
        c.msg_bytes.fetch_sub(size, Ordering::AcqRel);
        if c.waiters.load(Ordering::Acquire) > 0 {
            let _g = self.space_lock.lock();
            self.space.notify_all();
        }
    }

    /// Drops messages whose outcome is known and that are not reported to
    /// the application, giving back their queue space in one step.
    pub fn drop_reported(&self, msgs: Vec<Box<MessageObj>>) {
        let (mut n, mut bytes) = (0, 0);
        let mut blocks = crate::objects::message::BlockFree::default();
        let mut msgs = msgs;
        // Last to first, loading a few messages ahead (they are cold).
        while let Some(mut m) = msgs.pop() {
            if let Some(ahead) = msgs.len().checked_sub(4).map(|i| &msgs[i]) {
                ahead.prefetch_all();
            }
            if m.accounted {
                m.accounted = false;
                n += 1;
                bytes += m.wire_size;
            }
            m.free_into(&mut blocks);
        }
        blocks.finish(&self.blocks);
        if n > 0 {
            self.release(n, bytes);
        }
    }

    /// Drops every queued message (client destruction).
    pub fn drop_all_queued(&self) {
        let topics: Vec<Arc<ProdTopic>> = self.topics.read().values().cloned().collect();
        for t in topics {
            drop(std::mem::take(&mut *t.unassigned.lock()));
            for p in t.partitions.get().iter() {
                let mut q = p.q.lock();
                let msgs = std::mem::take(&mut q.msgs);
                q.bytes = 0;
                drop(q);
                drop(msgs);
            }
        }
    }

    /// Wakes everyone waiting for queue space (shutdown, fatal error).
    pub fn wake_waiters(&self) {
        let _g = self.space_lock.lock();
        self.space.notify_all();
    }

    /// Waits until the queue count drops, or `timeout` passes.
    pub fn wait_for_space(&self, timeout: Duration) {
        self.counters.waiters.fetch_add(1, Ordering::AcqRel);
        let mut g = self.space_lock.lock();
        self.space.wait_for(&mut g, timeout);
        drop(g);
        self.counters.waiters.fetch_sub(1, Ordering::AcqRel);
    }

    /// Chooses the partition of a message (the application's partitioner
    /// callback or a built-in one). None: the partitioner gave an invalid
    /// partition.
    /// `now` is the message's time ([`mono_us`]).
    // The opaque pointer is only handed to the application's callback.
    #[allow(clippy::not_unsafe_ptr_arg_deref)]
    pub fn choose_partition(&self, t: &ProdTopic, cnt: i32, key: Option<&[u8]>, msg_opaque: *mut c_void, now: i64) -> Option<i32> {
        let s = &t.settings;
        let p = if let Some(cb) = s.partitioner_cb {
            let (kp, kl) = match key {
                Some(k) => (k.as_ptr() as *const c_void, k.len()),
                None => (std::ptr::null(), 0),
            };
            // SAFETY: the application's partitioner, called as librdkafka
            // calls it.
            unsafe { cb(t.rkt as *const rd_kafka_topic_t, kp, kl, cnt, s.rkt_opaque as *mut c_void, msg_opaque) }
        } else if s.partitioner.sticky_for(key) {
            self.sticky(t, cnt, now)
        } else {
            s.partitioner.hash(key, cnt)
        };
        (0..cnt).contains(&p).then_some(p)
    }

    /// The sticky partition for keyless messages: kept for
    /// sticky.partitioning.linger.ms, then a new random one.
    fn sticky(&self, t: &ProdTopic, cnt: i32, now: i64) -> i32 {
        if self.cfg.sticky_linger.is_zero() {
            return partitioner::random_partition(cnt);
        }
        // Fast path without locking: `until` is stored after the
        // partition, so seeing a current deadline means seeing its partition.
        let valid = |part: i32, until: i64| part >= 0 && part < cnt && now < until;
        let until = t.sticky_until.load(Ordering::Acquire);
        let part = t.sticky_part.load(Ordering::Relaxed);
        if valid(part, until) {
            return part;
        }
        let _g = t.sticky_lock.lock();
        let until = t.sticky_until.load(Ordering::Acquire);
        let part = t.sticky_part.load(Ordering::Relaxed);
        if valid(part, until) {
            return part;
        }
        let part = partitioner::random_partition(cnt);
        t.sticky_part.store(part, Ordering::Relaxed);
        t.sticky_until.store(now.saturating_add(self.cfg.sticky_linger.as_micros() as i64), Ordering::Release);
        part
    }

    /// Appends a message to a partition queue and tells the loop when it
    /// needs to look (first message, or a full batch).
    pub fn enqueue(&self, t: &Arc<ProdTopic>, p: &Arc<ProdPartition>, m: Box<MessageObj>, size: usize) {
        let notify = {
            let mut q = p.q.lock();
            q.msgs.push_back(Queued { m, size });
            q.bytes += size;
            let n = q.msgs.len();
            q.trim.used(n);
            // The loop is told once when the queue starts filling (it then
            // watches the linger time) and once each time a batch fills.
            let filled = q.msgs.len() == self.cfg.batch_num_messages
                || (q.bytes >= self.cfg.batch_size && q.bytes - size < self.cfg.batch_size);
            let newly = !q.queued_for_loop;
            q.queued_for_loop = true;
            newly || filled
        };
        if notify {
            let _ = self.dirty_tx.send((t.clone(), Some(p.clone())));
            self.wake_loop();
        }
    }

    /// Wakes the event loop.
    pub fn wake_loop(&self) {
        if let Some(w) = self.waker.get() {
            let _ = w.wake();
        }
    }

    /// Queues a message whose partition cannot be chosen yet (unknown topic
    /// metadata); the loop partitions it when metadata arrives. Hands the
    /// message back if the partition count got known meanwhile: the loop
    /// publishes the count under the `unassigned` lock once it has moved the
    /// earlier messages to their partitions, so that later messages never
    /// overtake them.
    pub fn enqueue_unassigned(&self, t: &Arc<ProdTopic>, m: Box<MessageObj>) -> Result<(), Box<MessageObj>> {
        let first = {
            let mut q = t.unassigned.lock();
            if t.partition_cnt.load(Ordering::Acquire) >= 0 {
                return Err(m);
            }
            q.push_back(m);
            q.len() == 1
        };
        if first {
            let _ = self.dirty_tx.send((t.clone(), None));
            self.wake_loop();
        }
        Ok(())
    }

    /// Calls the on_send interceptors for a message being produced.
    pub fn on_send(&self, m: &mut MessageObj) {
        if let Some(ics) = self.ic_send.get() {
            let rk = self.rk.load(Ordering::Acquire);
            for ic in ics {
                // SAFETY: the application's interceptor with the message.
                unsafe { (ic.func)(rk, &mut m.msg, ic.opaque) };
            }
        }
    }

    /// Calls the on_acknowledgement interceptors for messages that got their
    /// outcome (delivered or failed).
    pub fn on_acknowledgement(&self, msgs: &mut [Box<MessageObj>]) {
        if let Some(ics) = self.ic_ack.get() {
            let rk = self.rk.load(Ordering::Acquire);
            for m in msgs.iter_mut() {
                for ic in ics {
                    // SAFETY: the application's interceptor with the message.
                    unsafe { (ic.func)(rk, &mut m.msg, ic.opaque) };
                }
            }
        }
    }

    /// Validates, accounts and enqueues one message. On error the message is
    /// handed back so the caller can return the payload to the application.
    pub fn produce(&self, t: &Arc<ProdTopic>, mut m: Box<MessageObj>, partition: i32, block: bool) -> Result<(), (ProduceError, Box<MessageObj>)> {
        if self.fatal.load(Ordering::Acquire) {
            return Err((ProduceError(RD_KAFKA_RESP_ERR__FATAL), m));
        }
        match t.perm_err.load(Ordering::Acquire) {
            0 => {}
            // An invalid topic is one that does not exist (librdkafka's
            // answer), an authorization failure is itself.
            RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION => return Err((ProduceError(RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC), m)),
            err => return Err((ProduceError(err), m)),
        }
        self.on_send(&mut m);
        let size = message_size(&m);
        if size > self.cfg.message_max_bytes {
            return Err((ProduceError(RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE), m));
        }
        if partition < RD_KAFKA_PARTITION_UA {
            return Err((ProduceError(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION), m));
        }
        let mut cnt = t.partition_cnt.load(Ordering::Acquire);
        if cnt >= 0 && partition >= cnt {
            return Err((ProduceError(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION), m));
        }
        if let Err(e) = self.reserve(size, block) {
            return Err((e, m));
        }
        if cnt < 0 {
            m.msg.partition = partition;
            m.accounted = true;
            match self.enqueue_unassigned(t, m) {
                Ok(()) => return Ok(()),
                Err(back) => {
                    // The count arrived meanwhile: partition it now.
                    m = back;
                    m.accounted = false;
                    cnt = t.partition_cnt.load(Ordering::Acquire);
                    if partition >= cnt {
                        self.release(1, size);
                        return Err((ProduceError(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION), m));
                    }
                }
            }
        }
        let chosen = if partition == RD_KAFKA_PARTITION_UA {
            match self.choose_partition(t, cnt, m.key(), m.msg._private, m.enq_us) {
                Some(p) => p,
                None => {
                    self.release(1, size);
                    return Err((ProduceError(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION), m));
                }
            }
        } else {
            partition
        };
        m.msg.partition = chosen;
        match t.partition_ref(chosen) {
            Some(p) => {
                m.accounted = true;
                self.enqueue(t, p, m, size);
                Ok(())
            }
            None => {
                self.release(1, size);
                Err((ProduceError(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION), m))
            }
        }
    }
}

/// The size a message counts for in queue limits and batch sizes: key,
/// value and headers.
pub fn message_size(m: &MessageObj) -> usize {
    m.wire_size
}
