//! The consumer's state in the event loop: which partitions are fetched and
//! from where, the loop's per-turn work for them, and the helpers the
//! consumer's modules share. The rest is split by concern:
//! [`assignment`] (assign/unassign, seek, pause/resume: what the
//! application changes), [`start_offsets`] (where a partition starts:
//! committed offsets, ListOffsets, offset reset), [`coordinator`] (finding
//! the group coordinator) and [`commit`] (committed offsets: OffsetFetch and
//! OffsetCommit).

mod assignment;
mod commit;
mod coordinator;
mod start_offsets;

pub use start_offsets::list_offsets_request;

use super::{ConsumerShared, Fetched, FetchedBatch, OffsetMeta, Toppar};
use crate::engine::queue::{EventObj, EventPayload};
use crate::objects::message::MessageObj;
use crate::objects::tpl::TopicPartition;
use crate::objects::types::*;
use crate::engine::core::{guarded, rethrow, Core};
use crate::engine::instance::debug_bit;
use crate::engine::queue::Queue;
use crate::error::KafkaError;
use crossbeam_channel::Sender;
use kafka_protocol::messages::{GroupId, TopicName};
use kafka_protocol::protocol::StrBytes;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

pub type TpKey = (String, i32);

/// Where a partition's fetching stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchState {
    /// Needs its start offset: a logical offset (BEGINNING, END, STORED,
    /// INVALID or TAIL(n)) to resolve.
    NeedOffset(i64),
    /// A lookup (ListOffsets or OffsetFetch) is in flight.
    Resolving,
    /// Fetching from `offset`.
    Active,
    /// Stopped after an error that needs the application (offset reset
    /// policy `error`); a seek starts it again.
    Stopped,
    /// The position is being checked against a new leader's log
    /// (OffsetForLeaderEpoch, KIP-320); no fetching meanwhile.
    Validating,
}

/// The loop's view of a partition being fetched.
pub struct PartFetch {
    pub tp: Arc<Toppar>,
    pub state: FetchState,
    /// Next offset to fetch (valid when Active).
    pub offset: i64,
    /// Leader epoch of the fetch position (-1 unknown).
    pub epoch: i32,
    /// The partition's leader epoch (metadata) the position was last
    /// checked against (-1: none yet); a newer one triggers validation.
    pub leader_epoch: i32,
    /// The toppar version this state belongs to.
    pub version: u64,
    pub backoff_until: Option<Instant>,
    /// Part of a Fetch request in flight.
    pub inflight: bool,
    /// Offset at which end-of-partition was last reported (-1: never).
    pub eof_at: i64,
    /// Broker to fetch from instead of the leader (KIP-392), if any.
    pub preferred_replica: Option<i32>,
    /// The partition's fetch size when its next batch did not fit in
    /// max.partition.fetch.bytes (0: that setting); back to 0 on progress.
    pub fetch_size: i32,
}

/// How the outcome of a commit reaches the application.
pub enum CommitReply {
    /// A blocking call waits for it.
    Sync(Sender<(rd_kafka_resp_err_t, Vec<TopicPartition>)>),
    /// An OFFSET_COMMIT event on this queue, with an optional callback
    /// served when the event is polled (rd_kafka_commit_queue()).
    Queue(Arc<Queue>, Option<crate::config::callbacks::OffsetCommitCb>, usize),
    /// Auto-commit and async commits: offset_commit_cb / OFFSET_COMMIT
    /// event on the consumer queue if the application wants them.
    Default,
}

/// Something waiting for the group coordinator.
type CoordWaiter = Box<dyn FnOnce(&mut ConsumerLoop, &mut Core, Result<usize, KafkaError>)>;

/// The group coordinator as known.
pub struct Coordinator {
    /// Broker id, -1 while unknown.
    pub id: i32,
    pub querying: bool,
    pub waiting: Vec<(Instant, CoordWaiter)>,
    pub next_query: Option<Instant>,
}

/// The consumer's loop-side state.
pub struct ConsumerLoop {
    pub shared: Arc<ConsumerShared>,
    /// Partitions being fetched.
    pub parts: BTreeMap<TpKey, PartFetch>,
    /// The high-level consumer's assignment.
    pub assignment: BTreeMap<TpKey, Arc<Toppar>>,
    /// The offsets the partitions were assigned with (as given to assign();
    /// rd_kafka_assignment() reports them).
    pub assigned_offsets: HashMap<TpKey, i64>,
    /// The assignment was lost (rd_kafka_assignment_lost()).
    pub assignment_lost: bool,
    /// Fetch sessions and in-flight fetches, by broker id.
    pub fetcher: super::fetcher::Fetcher,
    pub coord: Coordinator,
    /// Group membership (None until subscribe()).
    pub group: super::group::Group,
    pub next_auto_commit: Option<Instant>,
    /// Commits waiting for their response (by sequence), to hold back a
    /// rejoin or close until they are done.
    pub commits_inflight: usize,
    /// Partitions whose committed offsets are being fetched to start them.
    offset_fetch_inflight: bool,
    /// With enable.auto.commit: the offsets stored for partitions when they
    /// left the assignment (their final commit; see `carry_offsets`).
    carried: HashMap<TpKey, OffsetMeta>,
    /// Counters for statistics.
    pub rebalance_cnt: u64,
    pub last_rebalance_reason: String,
}

/// Handlers run in the loop with the consumer state, deferred if the state
/// is busy.
pub type ConsumerFn = Box<dyn FnOnce(&mut ConsumerLoop, &mut Core)>;

impl Core {
    /// Runs `f` with the consumer's state (later if it is in use).
    pub fn consumer_do(&mut self, f: ConsumerFn) {
        match self.consumer.take() {
            Some(mut c) => {
                let r = guarded(|| f(&mut c, self));
                if self.consumer.is_none() {
                    self.consumer = Some(c);
                }
                rethrow(r);
                self.run_deferred_consumer();
            }
            None => {
                if self.consumer_present {
                    self.consumer_deferred.push_back(f);
                }
            }
        }
    }

    fn run_deferred_consumer(&mut self) {
        while let Some(f) = self.consumer_deferred.pop_front() {
            let Some(mut c) = self.consumer.take() else {
                self.consumer_deferred.push_front(f);
                return;
            };
            let r = guarded(|| f(&mut c, self));
            self.consumer = Some(c);
            rethrow(r);
        }
    }

    /// The slot of a broker by id (adding it if host/port are given).
    pub fn slot_of(&self, id: i32) -> Option<usize> {
        self.brokers.iter().find(|b| b.id == id && !b.decommissioned && !b.logical).map(|b| b.slot)
    }

}

/// The reset policy of a topic (auto.offset.reset): BEGINNING, END, or
/// INVALID for `error`.
fn reset_policy(core: &Core, topic: &str) -> i64 {
    let topics = core.inst.topics.lock();
    let Some(t) = topics.get(topic) else { return RD_KAFKA_OFFSET_END };
    let conf = *t.conf.lock();
    // SAFETY: the topic owns its live configuration.
    unsafe { crate::config::TopicConf::from_ptr(conf) }
        .and_then(|c| c.get_enum_value("auto.offset.reset"))
        .map_or(RD_KAFKA_OFFSET_END, |v| v as i64)
}

/// Whether an error means the partition's leader changed or is unknown.
pub fn leader_error(err: rd_kafka_resp_err_t) -> bool {
    matches!(
        err,
        RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION
            | RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART
            | RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_FENCED_LEADER_EPOCH
            | RD_KAFKA_RESP_ERR_UNKNOWN_LEADER_EPOCH
            | RD_KAFKA_RESP_ERR_REPLICA_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR
            | RD_KAFKA_RESP_ERR_OFFSET_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR_NOT_COORDINATOR
            | RD_KAFKA_RESP_ERR__TRANSPORT
            | RD_KAFKA_RESP_ERR__TIMED_OUT
    )
}

/// Whether an error means the coordinator moved or is not ready.
pub fn coordinator_error(err: rd_kafka_resp_err_t) -> bool {
    matches!(
        err,
        RD_KAFKA_RESP_ERR_NOT_COORDINATOR
            | RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE
            | RD_KAFKA_RESP_ERR__TRANSPORT
            | RD_KAFKA_RESP_ERR__TIMED_OUT
            | RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE
    )
}

pub fn gid(s: &str) -> GroupId {
    GroupId(StrBytes::from_string(s.to_string()))
}

pub fn tname(s: &str) -> TopicName {
    TopicName(StrBytes::from_string(s.to_string()))
}

impl ConsumerLoop {
    pub fn new(shared: Arc<ConsumerShared>) -> ConsumerLoop {
        let next_auto_commit = (shared.cfg.enable_auto_commit && shared.cfg.group_id.is_some())
            .then(|| Instant::now() + shared.cfg.auto_commit_interval);
        let group = super::group::Group::new(&shared.cfg);
        ConsumerLoop {
            shared,
            parts: BTreeMap::new(),
            assignment: BTreeMap::new(),
            assigned_offsets: HashMap::new(),
            assignment_lost: false,
            fetcher: super::fetcher::Fetcher::default(),
            coord: Coordinator { id: -1, querying: false, waiting: Vec::new(), next_query: None },
            group,
            next_auto_commit,
            commits_inflight: 0,
            offset_fetch_inflight: false,
            carried: HashMap::new(),
            rebalance_cnt: 0,
            last_rebalance_reason: String::new(),
        }
    }

    /// Whether debug context `ctx` is on (to skip formatting otherwise).
    pub fn debug_on(&self, core: &Core, ctx: &'static str) -> bool {
        core.inst.debug.load(Ordering::Relaxed) & debug_bit(ctx) != 0
    }

    pub fn debug(&self, core: &Core, ctx: &'static str, fac: &str, msg: &str) {
        core.inst.debug(debug_bit(ctx), ctx, fac, msg);
    }

    /// The shared state of a partition, created on first use. `legacy`:
    /// for rd_kafka_consume_start() (its queue is not forwarded to the
    /// consumer queue).
    pub fn toppar(&mut self, core: &mut Core, topic: &str, partition: i32) -> Arc<Toppar> {
        if let Some(tp) = self.shared.toppar(topic, partition) {
            return tp;
        }
        // SAFETY: NULL configuration: the topic gets the default one.
        let rkt = unsafe { crate::engine::topic::topic_for(&core.inst, topic, std::ptr::null_mut()) }
            .map(|t| t.handle() as usize)
            .unwrap_or(0);
        let tp = Toppar::new(topic, partition, rkt, &self.shared);
        tp.reset.store(reset_policy(core, topic), Ordering::Release);
        self.shared.toppars.lock().insert((topic.to_string(), partition), tp.clone());
        tp
    }

    // ------------------------------------------------------------------
    // Fetch start and stop
    // ------------------------------------------------------------------

    /// Starts (or restarts) fetching a partition from `offset` (absolute or
    /// logical). Everything fetched before is discarded.
    pub fn start_fetch(&mut self, core: &mut Core, tp: &Arc<Toppar>, offset: i64, epoch: i32) {
        let version = tp.bump_version();
        let key = (tp.topic.clone(), tp.partition);
        let state = if offset >= 0 { FetchState::Active } else { FetchState::NeedOffset(offset) };
        tp.resume_offset.store(if offset >= 0 { offset } else { RD_KAFKA_OFFSET_INVALID }, Ordering::Release);
        let pf = PartFetch {
            tp: tp.clone(),
            state,
            offset: offset.max(0),
            epoch,
            leader_epoch: -1,
            version,
            backoff_until: None,
            inflight: false,
            eof_at: -1,
            preferred_replica: None,
            fetch_size: 0,
        };
        self.parts.insert(key, pf);
        core.want_topic_metadata(&tp.topic);
        self.debug(core, "fetch", "FETCHSTART", &format!("Start fetching {} [{}] at offset {}", tp.topic, tp.partition, offset_str(offset)));
    }

    /// Stops fetching a partition and drops what was fetched.
    pub fn stop_fetch(&mut self, core: &mut Core, key: &TpKey) {
        if let Some(pf) = self.parts.remove(key) {
            pf.tp.bump_version();
            super::purge_partition(&pf.tp.fetchq, &pf.tp);
            self.debug(core, "fetch", "FETCHSTOP", &format!("Stop fetching {} [{}]", key.0, key.1));
        }
    }

    /// Work done on every loop iteration.
    pub fn service(&mut self, core: &mut Core) {
        let now = Instant::now();
        self.expire_coord_waiters(core, now);
        if self.coord.next_query.is_some_and(|t| t <= now) && self.coord.id < 0 && !self.coord.waiting.is_empty() {
            self.coord.next_query = None;
            self.query_coordinator(core);
        }
        self.resolve_offsets(core);
        super::group::service(self, core);
        if self.next_auto_commit.is_some_and(|t| t <= now) {
            self.next_auto_commit = Some(now + self.shared.cfg.auto_commit_interval);
            // Not while the group is rebalancing (the commit would fail).
            if !self.assignment.is_empty() && self.group.commit_allowed() {
                self.commit(core, None, "auto commit", CommitReply::Default, false);
            }
        }
        super::fetcher::service(self, core);
    }

    pub fn next_wakeup(&self) -> Option<Instant> {
        let mut t = self.next_auto_commit;
        let mut take = |x: Option<Instant>| {
            if let Some(x) = x {
                t = Some(t.map_or(x, |t: Instant| t.min(x)));
            }
        };
        // A coordinator query is only made for someone waiting (service()).
        if !self.coord.waiting.is_empty() {
            take(self.coord.next_query);
        }
        take(self.coord.waiting.iter().map(|w| w.0).min());
        take(self.parts.values().filter_map(|p| p.backoff_until).min());
        take(self.group.next_wakeup());
        if self.parts.values().any(|p| matches!(p.state, FetchState::NeedOffset(_))) {
            take(Some(Instant::now() + Duration::from_millis(100)));
        }
        t
    }
}

/// Delivers a partition-level consumer error (as a message with `err` set)
/// to the partition's queue.
pub fn push_partition_error(tp: &Arc<Toppar>, version: u64, err: rd_kafka_resp_err_t, offset: i64, msg: &str, broker_id: i32) {
    tp.fetchq.push(partition_error_event(tp, version, err, offset, msg, broker_id));
}

/// The event of a partition's consumer error (for the partition's queue).
pub fn partition_error_event(tp: &Arc<Toppar>, version: u64, err: rd_kafka_resp_err_t, offset: i64, msg: &str, broker_id: i32) -> EventObj {
    let m = MessageObj::consumer_error(tp.rkt as *mut rd_kafka_topic_t, tp.partition, err, offset, Some(msg), broker_id);
    let mut q = VecDeque::with_capacity(1);
    q.push_back(Fetched::Ready(m));
    let b = FetchedBatch::new(tp.clone(), version, q, Vec::new(), broker_id);
    EventObj::new(RD_KAFKA_EVENT_FETCH, EventPayload::Fetched(b))
}

/// A readable offset for logs.
pub fn offset_str(o: i64) -> String {
    match o {
        RD_KAFKA_OFFSET_BEGINNING => "BEGINNING".into(),
        RD_KAFKA_OFFSET_END => "END".into(),
        RD_KAFKA_OFFSET_STORED => "STORED".into(),
        RD_KAFKA_OFFSET_INVALID => "INVALID".into(),
        o if o <= RD_KAFKA_OFFSET_TAIL_BASE => format!("TAIL({})", RD_KAFKA_OFFSET_TAIL_BASE - o),
        o => o.to_string(),
    }
}
