//! The consumer's state in the event loop: which partitions are fetched and
//! from where, start offsets (committed offsets, ListOffsets), the group
//! coordinator, offset commits, and the requests application threads make
//! (assign, seek, pause, commit, committed, watermarks, offsets for times).

use super::{ConsumerShared, Fetched, FetchedBatch, OffsetMeta, Toppar};
use crate::abi::event::{EventObj, EventPayload};
use crate::abi::message::MessageObj;
use crate::abi::tpl::TopicPartition;
use crate::abi::types::*;
use crate::engine::core::{guarded, rethrow, typed_request, Core};
use crate::engine::instance::{debug_bit, level};
use crate::engine::queue::Queue;
use crate::error::KafkaError;
use crossbeam_channel::Sender;
use kafka_protocol::messages::find_coordinator_request::FindCoordinatorRequest;
use kafka_protocol::messages::list_offsets_request::{ListOffsetsPartition, ListOffsetsRequest, ListOffsetsTopic};
use kafka_protocol::messages::offset_commit_request::{OffsetCommitRequest, OffsetCommitRequestPartition, OffsetCommitRequestTopic};
use kafka_protocol::messages::offset_fetch_request::{OffsetFetchRequest, OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics};
use kafka_protocol::messages::{BrokerId, GroupId, TopicName};
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

/// Failures of a start offset lookup that are retried without telling the
/// application: the leader moved (metadata is refreshed first), the
/// connection was lost (that is reported by itself), the request was
/// purged or the client is going away.
fn quiet_lookup_error(err: rd_kafka_resp_err_t) -> bool {
    leader_error(err)
        || matches!(
            err,
            RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE
                | RD_KAFKA_RESP_ERR__PURGE_INFLIGHT
                | RD_KAFKA_RESP_ERR__PURGE_QUEUE
                | RD_KAFKA_RESP_ERR__DESTROY
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
        let rkt = unsafe { crate::abi::topic::topic_for(&core.inst, topic, std::ptr::null_mut()) }
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

    /// Moves a partition's fetch position (seek). Returns false if the
    /// partition is not being fetched.
    pub fn seek(&mut self, core: &mut Core, key: &TpKey, offset: i64, epoch: i32) -> bool {
        let Some(pf) = self.parts.get(key) else { return false };
        let tp = pf.tp.clone();
        super::purge_partition(&tp.fetchq, &tp);
        // As after an assign, the application has no position until it
        // gets a message (librdkafka resets it too, so that a resume after
        // a seek does not go back to the old position).
        tp.app_offset.store(RD_KAFKA_OFFSET_INVALID, Ordering::Release);
        self.start_fetch(core, &tp, offset, epoch);
        true
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

    // ------------------------------------------------------------------
    // Start offsets
    // ------------------------------------------------------------------

    /// Looks up start offsets of partitions that need one: committed
    /// offsets from the coordinator, or BEGINNING/END from the leaders.
    fn resolve_offsets(&mut self, core: &mut Core) {
        let now = Instant::now();
        let mut committed: Vec<TpKey> = Vec::new();
        let mut by_leader: HashMap<i32, Vec<(TpKey, i64)>> = HashMap::new();
        for (k, pf) in &self.parts {
            let FetchState::NeedOffset(o) = pf.state else { continue };
            if pf.backoff_until.is_some_and(|t| t > now) || pf.tp.paused.load(Ordering::Acquire) {
                continue;
            }
            if o == RD_KAFKA_OFFSET_STORED || o == RD_KAFKA_OFFSET_INVALID {
                if self.shared.cfg.group_id.is_some() {
                    committed.push(k.clone());
                } else {
                    by_leader.entry(core.metadata.leader(&k.0, k.1)).or_default().push((k.clone(), pf.tp.reset.load(Ordering::Acquire)));
                }
            } else {
                by_leader.entry(core.metadata.leader(&k.0, k.1)).or_default().push((k.clone(), o));
            }
        }
        if !committed.is_empty() && !self.offset_fetch_inflight {
            for k in &committed {
                if let Some(pf) = self.parts.get_mut(k) {
                    pf.state = FetchState::Resolving;
                }
            }
            self.offset_fetch_inflight = true;
            let versions: HashMap<TpKey, u64> = committed.iter().filter_map(|k| self.parts.get(k).map(|p| (k.clone(), p.version))).collect();
            self.fetch_committed(core, committed.clone(), core.cfg.socket_timeout, Box::new(move |c, core, r| {
                c.offset_fetch_inflight = false;
                c.on_start_committed(core, versions, r);
            }));
        }
        for (leader, list) in by_leader {
            let resolvable = leader >= 0 && core.slot_of(leader).is_some();
            // Policy "error" on a partition without a usable offset.
            let mut lookups = Vec::new();
            for (k, o) in list {
                if o == RD_KAFKA_OFFSET_INVALID {
                    self.offset_reset_error(core, &k, "no committed offset and auto.offset.reset is error");
                    continue;
                }
                if !resolvable {
                    core.want_topic_metadata(&k.0);
                    continue;
                }
                lookups.push((k, o));
            }
            if lookups.is_empty() {
                continue;
            }
            let slot = core.slot_of(leader).unwrap();
            // One request per partition, as librdkafka queries a start
            // offset (some brokers, librdkafka 2.0's mock among them, answer
            // multi-partition ListOffsets v4+ requests with malformed data).
            for lookup in lookups {
                let Some(pf) = self.parts.get_mut(&lookup.0) else { continue };
                pf.state = FetchState::Resolving;
                let versions: HashMap<TpKey, u64> = [(lookup.0.clone(), pf.version)].into_iter().collect();
                let read_committed = self.shared.cfg.read_committed;
                let asked = vec![lookup];
                let req = list_offsets_request(asked.clone(), read_committed, core.cfg.socket_timeout, move |core, r| {
                    core.consumer_do(Box::new(move |c, core| c.on_start_list_offsets(core, asked, versions, r)));
                });
                core.send_to(slot, req);
            }
        }
    }

    /// The committed offsets arrived for partitions waiting to start.
    fn on_start_committed(&mut self, core: &mut Core, versions: HashMap<TpKey, u64>, r: Result<Vec<TopicPartition>, KafkaError>) {
        match r {
            Err(e) => {
                self.debug(core, "cgrp", "OFFSETFETCH", &format!("Committed offsets lookup failed: {}", e.message));
                for (k, v) in versions {
                    if let Some(pf) = self.parts.get_mut(&k) {
                        if pf.version == v && pf.state == FetchState::Resolving {
                            pf.state = FetchState::NeedOffset(RD_KAFKA_OFFSET_INVALID);
                            pf.backoff_until = Some(Instant::now() + Duration::from_millis(500));
                        }
                    }
                }
            }
            Ok(list) => {
                for t in list {
                    let k = (t.topic.clone(), t.partition);
                    let Some(pf) = self.parts.get_mut(&k) else { continue };
                    if versions.get(&k) != Some(&pf.version) || pf.state != FetchState::Resolving {
                        continue;
                    }
                    if t.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                        pf.state = FetchState::NeedOffset(RD_KAFKA_OFFSET_INVALID);
                        pf.backoff_until = Some(Instant::now() + Duration::from_millis(500));
                        continue;
                    }
                    *pf.tp.committed.lock() = OffsetMeta { offset: t.offset, leader_epoch: t.leader_epoch, metadata: t.metadata.clone() };
                    if let Some(own) = self.carried.remove(&k).filter(|o| o.offset > t.offset) {
                        // See carry_offsets().
                        pf.state = FetchState::Active;
                        pf.offset = own.offset;
                        pf.epoch = own.leader_epoch;
                        pf.tp.resume_offset.store(own.offset, Ordering::Release);
                        pf.tp.store(own.offset, own.leader_epoch, own.metadata);
                        let msg = format!(
                            "Start fetching {} [{}] at offset {}, stored by this member when the partition was last revoked, \
                             beyond the committed offset {}: it is committed now",
                            k.0, k.1, own.offset, offset_str(t.offset)
                        );
                        self.debug(core, "cgrp", "FETCHSTART", &msg);
                        continue;
                    }
                    if t.offset >= 0 {
                        pf.state = FetchState::Active;
                        pf.offset = t.offset;
                        pf.epoch = t.leader_epoch;
                        pf.tp.resume_offset.store(t.offset, Ordering::Release);
                        let msg = format!("Start fetching {} [{}] at committed offset {}", k.0, k.1, t.offset);
                        self.debug(core, "cgrp", "FETCHSTART", &msg);
                    } else {
                        // No committed offset: auto.offset.reset decides.
                        let policy = pf.tp.reset.load(Ordering::Acquire);
                        pf.state = FetchState::NeedOffset(if policy == RD_KAFKA_OFFSET_INVALID { RD_KAFKA_OFFSET_INVALID } else { policy });
                        if policy == RD_KAFKA_OFFSET_INVALID {
                            self.offset_reset_error(core, &k, "no committed offset and auto.offset.reset is error");
                        }
                    }
                }
            }
        }
    }

    /// ListOffsets answered for partitions waiting to start.
    fn on_start_list_offsets(&mut self, core: &mut Core, asked: Vec<(TpKey, i64)>, versions: HashMap<TpKey, u64>, r: Result<Vec<TopicPartition>, KafkaError>) {
        let (results, failed): (HashMap<TpKey, TopicPartition>, Option<KafkaError>) = match r {
            Ok(v) => (v.into_iter().map(|t| ((t.topic.clone(), t.partition), t)).collect(), None),
            Err(e) => {
                self.debug(core, "fetch", "OFFSET", &format!("ListOffsets failed: {}", e.message));
                (HashMap::new(), Some(e))
            }
        };
        let mut refresh = false;
        for (k, logical) in asked {
            let Some(pf) = self.parts.get_mut(&k) else { continue };
            if versions.get(&k) != Some(&pf.version) || pf.state != FetchState::Resolving {
                continue;
            }
            // What the application is told when the lookup failed for
            // other reasons than a moved leader or a lost connection (those
            // are retried quietly after a metadata refresh): a broken
            // response, a partition-level error. The lookup is retried
            // after the backoff, and reported again if it fails again, as
            // librdkafka does.
            let report = match (&failed, results.get(&k)) {
                (Some(e), _) if !quiet_lookup_error(e.code) => Some((e.code, e.message.clone())),
                (None, None) => Some((RD_KAFKA_RESP_ERR__BAD_MSG, "the ListOffsets response does not list the partition".to_string())),
                (None, Some(t)) if t.err != RD_KAFKA_RESP_ERR_NO_ERROR && !quiet_lookup_error(t.err) => {
                    Some((t.err, crate::error::describe(t.err)))
                }
                _ => None,
            };
            if let Some((err, why)) = report {
                let msg = format!("{} [{}]: Failed to query logical offset {}: {why}", k.0, k.1, offset_str(logical));
                core.log(level::WARNING, "OFFSET", &msg);
                push_partition_error(&pf.tp, pf.version, err, RD_KAFKA_OFFSET_INVALID, &msg, -1);
            }
            match results.get(&k) {
                Some(t) if t.err == RD_KAFKA_RESP_ERR_NO_ERROR && t.offset >= 0 => {
                    let mut o = t.offset;
                    if logical <= RD_KAFKA_OFFSET_TAIL_BASE {
                        o = (o - (RD_KAFKA_OFFSET_TAIL_BASE - logical)).max(0);
                    }
                    pf.state = FetchState::Active;
                    pf.offset = o;
                    pf.epoch = t.leader_epoch;
                    pf.tp.resume_offset.store(o, Ordering::Release);
                    let msg = format!("{} [{}]: offset {} resolved to {}", k.0, k.1, offset_str(logical), o);
                    core.inst.debug(debug_bit("fetch"), "fetch", "OFFSET", &msg);
                }
                other => {
                    if other.is_none_or(|t| leader_error(t.err)) {
                        refresh = true;
                    }
                    pf.state = FetchState::NeedOffset(logical);
                    pf.backoff_until = Some(Instant::now() + self.shared.cfg.fetch_error_backoff.max(Duration::from_millis(100)));
                }
            }
        }
        if refresh {
            core.refresh_metadata_soon();
        }
    }

    /// Stops a partition whose offset cannot be reset (policy `error`) and
    /// tells the application.
    pub fn offset_reset_error(&mut self, core: &mut Core, k: &TpKey, why: &str) {
        let Some(pf) = self.parts.get_mut(k) else { return };
        pf.state = FetchState::Stopped;
        let tp = pf.tp.clone();
        let version = pf.version;
        let off = pf.offset;
        let msg = format!("{} [{}]: offset reset (at offset {}) to error: {why}", k.0, k.1, offset_str(off));
        core.log(level::ERR, "OFFSET", &msg);
        push_partition_error(&tp, version, RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET, off, &msg, -1);
    }

    /// Handles an out-of-range fetch position with auto.offset.reset.
    pub fn offset_out_of_range(&mut self, core: &mut Core, k: &TpKey, broker_id: i32) {
        let Some(pf) = self.parts.get_mut(k) else { return };
        let policy = pf.tp.reset.load(Ordering::Acquire);
        let off = pf.offset;
        if policy == RD_KAFKA_OFFSET_INVALID {
            self.offset_reset_error(core, k, "fetch offset out of range");
            return;
        }
        let _ = broker_id;
        pf.state = FetchState::NeedOffset(policy);
        let msg = format!("{} [{}]: fetch offset {} is out of range: resetting offset to {}", k.0, k.1, off, offset_str(policy));
        core.log(level::INFO, "OFFSET", &msg);
    }

    // ------------------------------------------------------------------
    // Coordinator
    // ------------------------------------------------------------------

    /// Runs `f` with the coordinator's broker slot once known (or an error
    /// after `timeout`).
    pub fn with_coordinator(&mut self, core: &mut Core, timeout: Duration, f: CoordWaiter) {
        let Some(_) = &self.shared.cfg.group_id else {
            f(self, core, Err(KafkaError::new(RD_KAFKA_RESP_ERR__UNKNOWN_GROUP, "No group.id configured")));
            return;
        };
        if self.coord.id >= 0 {
            if let Some(slot) = core.coordinator_slot(self.coord.id) {
                f(self, core, Ok(slot));
                return;
            }
        }
        self.coord.waiting.push((Instant::now() + timeout, f));
        if !self.coord.querying {
            self.query_coordinator(core);
        }
    }

    /// Forgets the coordinator (it moved or went away) and looks it up again.
    pub fn coordinator_dead(&mut self, core: &mut Core, why: &str) {
        if self.coord.id >= 0 {
            let msg = format!("Group coordinator {} is no longer usable: {why}", self.coord.id);
            self.debug(core, "cgrp", "COORDDEAD", &msg);
        }
        self.coord.id = -1;
        if !self.coord.querying && self.coord.next_query.is_none() {
            self.coord.next_query = Some(Instant::now() + Duration::from_millis(500));
        }
    }

    fn query_coordinator(&mut self, core: &mut Core) {
        let Some(group) = self.shared.cfg.group_id.clone() else { return };
        let Some(slot) = core.usable_broker_pub() else {
            self.coord.next_query = Some(Instant::now() + Duration::from_millis(250));
            return;
        };
        self.coord.querying = true;
        let build = move |v: i16| {
            let r = FindCoordinatorRequest::default().with_key_type(0);
            if v >= 4 {
                r.with_coordinator_keys(vec![StrBytes::from_string(group.clone())])
            } else {
                r.with_key(StrBytes::from_string(group.clone()))
            }
        };
        let req = typed_request(build, 0, 4, core.cfg.socket_timeout, move |core: &mut Core, r| {
            core.consumer_do(Box::new(move |c, core| {
                c.coord.querying = false;
                let found = r.and_then(|(resp, slot)| {
                    core.throttled(slot, resp.throttle_time_ms);
                    let (err, id, host, port, msg) = match resp.coordinators.first() {
                        Some(co) => (co.error_code, co.node_id.0, co.host.to_string(), co.port, co.error_message.as_ref().map(|s| s.to_string())),
                        None => (resp.error_code, resp.node_id.0, resp.host.to_string(), resp.port, resp.error_message.as_ref().map(|s| s.to_string())),
                    };
                    if err != 0 {
                        return Err(KafkaError::new(err as i32, msg.unwrap_or_else(|| crate::error::describe(err as i32).to_string())));
                    }
                    Ok(core.ensure_broker(id, &host, port.clamp(0, u16::MAX as i32) as u16))
                });
                match found {
                    Ok(slot) => {
                        let id = core.brokers[slot].id;
                        if c.coord.id != id {
                            let msg = format!("Group \"{}\" coordinator is {}", c.shared.cfg.group_id.as_deref().unwrap_or(""), core.brokers[slot].name);
                            c.debug(core, "cgrp", "CGRPCOORD", &msg);
                        }
                        c.coord.id = id;
                        let slot = core.coordinator_slot(id).unwrap_or(slot);
                        core.want_broker(slot);
                        for (_, w) in std::mem::take(&mut c.coord.waiting) {
                            w(c, core, Ok(slot));
                        }
                    }
                    Err(e) => {
                        c.debug(core, "cgrp", "CGRPQUERY", &format!("FindCoordinator failed: {}", e.message));
                        c.coord.next_query = Some(Instant::now() + Duration::from_millis(500));
                    }
                }
            }));
        });
        core.send_to(slot, req);
    }

    fn expire_coord_waiters(&mut self, core: &mut Core, now: Instant) {
        if self.coord.waiting.iter().all(|w| w.0 > now) {
            return;
        }
        let (expired, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut self.coord.waiting).into_iter().partition(|w| w.0 <= now);
        self.coord.waiting = keep;
        for (_, w) in expired {
            w(self, core, Err(KafkaError::new(RD_KAFKA_RESP_ERR__TIMED_OUT, "Timed out waiting for the group coordinator")));
        }
    }

    // ------------------------------------------------------------------
    // Committed offsets (OffsetFetch)
    // ------------------------------------------------------------------

    /// Fetches the committed offsets of `parts` from the coordinator.
    pub fn fetch_committed(
        &mut self,
        core: &mut Core,
        parts: Vec<TpKey>,
        timeout: Duration,
        done: Box<dyn FnOnce(&mut ConsumerLoop, &mut Core, Result<Vec<TopicPartition>, KafkaError>)>,
    ) {
        let group = self.shared.cfg.group_id.clone().unwrap_or_default();
        let require_stable = self.shared.cfg.read_committed;
        // KIP-848 members identify themselves (OffsetFetch v9), so the
        // coordinator can refuse a member that is no longer current.
        let member = (self.group.protocol == super::GroupProtocol::Consumer && self.group.generation >= 0 && !self.group.member_id.is_empty())
            .then(|| (self.group.member_id.clone(), self.group.generation));
        self.with_coordinator(core, timeout, Box::new(move |_c, core, slot| {
            let slot = match slot {
                Ok(s) => s,
                Err(e) => {
                    core.consumer_do(Box::new(move |c, core| done(c, core, Err(e))));
                    return;
                }
            };
            let mut by_topic: BTreeMap<String, Vec<i32>> = BTreeMap::new();
            for (t, p) in &parts {
                by_topic.entry(t.clone()).or_default().push(*p);
            }
            let build = move |v: i16| {
                if v >= 8 {
                    // One group of the batched form (KIP-709).
                    let topics: Vec<OffsetFetchRequestTopics> = by_topic
                        .iter()
                        .map(|(t, ps)| OffsetFetchRequestTopics::default().with_name(tname(t)).with_partition_indexes(ps.clone()))
                        .collect();
                    let mut g = OffsetFetchRequestGroup::default().with_group_id(gid(&group)).with_topics(Some(topics));
                    if v >= 9 {
                        g = match &member {
                            Some((id, epoch)) => g.with_member_id(Some(StrBytes::from_string(id.clone()))).with_member_epoch(*epoch),
                            None => g.with_member_epoch(-1),
                        };
                    }
                    return OffsetFetchRequest::default().with_groups(vec![g]).with_require_stable(require_stable);
                }
                let topics: Vec<OffsetFetchRequestTopic> = by_topic
                    .iter()
                    .map(|(t, ps)| OffsetFetchRequestTopic::default().with_name(tname(t)).with_partition_indexes(ps.clone()))
                    .collect();
                let r = OffsetFetchRequest::default().with_group_id(gid(&group)).with_topics(Some(topics));
                if v >= 7 { r.with_require_stable(require_stable) } else { r }
            };
            let req = typed_request(build, 1, 9, timeout, move |core: &mut Core, r| {
                let res = r.and_then(|(resp, slot)| {
                    core.throttled(slot, resp.throttle_time_ms);
                    let committed = |name: &str, index: i32, offset: i64, epoch: i32, md: &Option<StrBytes>, err: i16| {
                        let mut tp = TopicPartition::new(name.to_string(), index);
                        tp.offset = if offset < 0 { RD_KAFKA_OFFSET_INVALID } else { offset };
                        tp.leader_epoch = epoch;
                        tp.metadata = md.as_ref().filter(|m| !m.is_empty()).map(|m| m.as_bytes().to_vec());
                        tp.err = err as i32;
                        tp
                    };
                    let mut out = Vec::new();
                    if let Some(g) = resp.groups.first() {
                        if g.error_code != 0 {
                            return Err(KafkaError::new(g.error_code as i32, crate::error::describe(g.error_code as i32)));
                        }
                        for t in &g.topics {
                            for p in &t.partitions {
                                out.push(committed(&t.name, p.partition_index, p.committed_offset, p.committed_leader_epoch, &p.metadata, p.error_code));
                            }
                        }
                        return Ok(out);
                    }
                    if resp.error_code != 0 {
                        return Err(KafkaError::new(resp.error_code as i32, crate::error::describe(resp.error_code as i32)));
                    }
                    for t in &resp.topics {
                        for p in &t.partitions {
                            out.push(committed(&t.name, p.partition_index, p.committed_offset, p.committed_leader_epoch, &p.metadata, p.error_code));
                        }
                    }
                    Ok(out)
                });
                core.consumer_do(Box::new(move |c, core| {
                    if let Err(e) = &res {
                        if coordinator_error(e.code) {
                            c.coordinator_dead(core, &e.message);
                        }
                    }
                    done(c, core, res)
                }));
            });
            core.send_to(slot, req);
        }));
    }

    // ------------------------------------------------------------------
    // Commits
    // ------------------------------------------------------------------

    /// Commits `offsets` (None: the stored offsets of the assignment that
    /// moved since the last commit). `sync_rejoin`: the group waits for the
    /// outcome before rejoining.
    pub fn commit(&mut self, core: &mut Core, offsets: Option<Vec<TopicPartition>>, reason: &str, reply: CommitReply, hold_group: bool) {
        let explicit = offsets.is_some();
        let list: Vec<TopicPartition> = match offsets {
            Some(v) => v.into_iter().filter(|t| t.offset >= 0 || t.offset == RD_KAFKA_OFFSET_INVALID).collect(),
            None => self
                .assignment
                .values()
                .filter_map(|tp| {
                    let st = tp.stored_now();
                    let committed = tp.committed.lock().offset;
                    (st.offset >= 0 && st.offset != committed).then(|| {
                        let mut t = TopicPartition::new(tp.topic.clone(), tp.partition).with_offset(st.offset);
                        t.leader_epoch = st.leader_epoch;
                        t.metadata = st.metadata.clone();
                        t
                    })
                })
                .collect(),
        };
        let list: Vec<TopicPartition> = list.into_iter().filter(|t| t.offset >= 0).collect();
        if list.is_empty() {
            // Nothing to commit: the application still gets an outcome.
            let _ = explicit;
            self.commit_done(core, RD_KAFKA_RESP_ERR__NO_OFFSET, Vec::new(), reply);
            return;
        }
        self.debug(core, "cgrp", "COMMIT", &format!("Committing offsets for {} partition(s): {reason}", list.len()));
        self.commits_inflight += 1;
        if hold_group {
            self.group.commit_holds += 1;
        }
        self.send_commit(core, list, reply, hold_group, 0);
    }

    fn send_commit(&mut self, core: &mut Core, list: Vec<TopicPartition>, reply: CommitReply, hold: bool, attempt: u32) {
        let group = self.shared.cfg.group_id.clone().unwrap_or_default();
        let (generation, member_id, instance_id) = self.group.commit_identity();
        let consumer_protocol = self.group.protocol == super::GroupProtocol::Consumer;
        let timeout = core.cfg.socket_timeout;
        self.with_coordinator(core, timeout, Box::new(move |_c, core, slot| {
            let slot = match slot {
                Ok(s) => s,
                Err(e) => {
                    core.consumer_do(Box::new(move |c, core| c.commit_finished(core, e.code, list, reply, hold)));
                    return;
                }
            };
            let sent = list.clone();
            let build = move |v: i16| {
                let mut by_topic: BTreeMap<&str, Vec<OffsetCommitRequestPartition>> = BTreeMap::new();
                for t in &sent {
                    let meta = t.metadata.as_ref().map(|m| StrBytes::from_string(String::from_utf8_lossy(m).into_owned()));
                    by_topic.entry(t.topic.as_str()).or_default().push(
                        OffsetCommitRequestPartition::default()
                            .with_partition_index(t.partition)
                            .with_committed_offset(t.offset)
                            .with_committed_leader_epoch(if v >= 6 { t.leader_epoch } else { -1 })
                            .with_committed_metadata(Some(meta.unwrap_or_default())),
                    );
                }
                let mut r = OffsetCommitRequest::default()
                    .with_group_id(gid(&group))
                    .with_generation_id_or_member_epoch(generation)
                    .with_member_id(StrBytes::from_string(member_id.clone()))
                    .with_topics(by_topic.into_iter().map(|(t, ps)| OffsetCommitRequestTopic::default().with_name(tname(t)).with_partitions(ps)).collect());
                if v >= 7 {
                    r = r.with_group_instance_id(instance_id.clone().map(StrBytes::from_string));
                }
                if v <= 4 {
                    r = r.with_retention_time_ms(-1);
                }
                r
            };
            // KIP-848 groups take commits from their members only with v9+
            // (the generation field then carries the member epoch).
            let max_version = if consumer_protocol { 9 } else { 8 };
            let req = typed_request(build, 2, max_version, timeout, move |core: &mut Core, r| {
                let r = r.map(|(resp, slot)| {
                    core.throttled(slot, resp.throttle_time_ms);
                    resp
                });
                core.consumer_do(Box::new(move |c, core| c.on_commit_response(core, list, r, reply, hold, attempt)));
            });
            core.send_to(slot, req);
        }));
    }

    fn on_commit_response(
        &mut self,
        core: &mut Core,
        mut list: Vec<TopicPartition>,
        r: Result<kafka_protocol::messages::OffsetCommitResponse, KafkaError>,
        reply: CommitReply,
        hold: bool,
        attempt: u32,
    ) {
        let resp = match r {
            Ok(r) => r,
            Err(e) => {
                if coordinator_error(e.code) {
                    self.coordinator_dead(core, &e.message);
                    if attempt < 2 {
                        self.send_commit(core, list, reply, hold, attempt + 1);
                        return;
                    }
                }
                for t in &mut list {
                    t.err = e.code;
                }
                self.commit_finished(core, e.code, list, reply, hold);
                return;
            }
        };
        let mut errs: HashMap<(String, i32), i32> = HashMap::new();
        for t in &resp.topics {
            for p in &t.partitions {
                errs.insert((t.name.to_string(), p.partition_index), p.error_code as i32);
            }
        }
        let mut first_err = RD_KAFKA_RESP_ERR_NO_ERROR;
        let mut retry_coord = false;
        for t in &mut list {
            t.err = errs.get(&(t.topic.clone(), t.partition)).copied().unwrap_or(RD_KAFKA_RESP_ERR_NO_ERROR);
            if t.err != 0 && first_err == 0 {
                first_err = t.err;
            }
            if coordinator_error(t.err) || t.err == RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS {
                retry_coord = true;
            }
        }
        if retry_coord && attempt < 2 {
            if first_err != RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS {
                self.coordinator_dead(core, &crate::error::describe(first_err));
            }
            for t in &mut list {
                t.err = 0;
            }
            self.send_commit(core, list, reply, hold, attempt + 1);
            return;
        }
        for t in &list {
            if t.err == 0 {
                if let Some(tp) = self.shared.toppar(&t.topic, t.partition) {
                    *tp.committed.lock() = OffsetMeta { offset: t.offset, leader_epoch: t.leader_epoch, metadata: t.metadata.clone() };
                }
                let k = (t.topic.clone(), t.partition);
                if self.carried.get(&k).is_some_and(|o| o.offset <= t.offset) {
                    self.carried.remove(&k);
                }
            }
        }
        if matches!(
            first_err,
            RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS
                | RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION
                | RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID
                | RD_KAFKA_RESP_ERR_STALE_MEMBER_EPOCH
                | RD_KAFKA_RESP_ERR_FENCED_MEMBER_EPOCH
        ) {
            super::group::commit_group_error(self, core, first_err);
        }
        self.commit_finished(core, first_err, list, reply, hold);
    }

    fn commit_finished(&mut self, core: &mut Core, err: rd_kafka_resp_err_t, list: Vec<TopicPartition>, reply: CommitReply, hold: bool) {
        let msg = format!(
            "Committed offsets for {} partition(s) with generation {}: {}",
            list.len(),
            self.group.generation,
            crate::error::describe(err)
        );
        self.debug(core, "cgrp", "COMMIT", &msg);
        self.commits_inflight = self.commits_inflight.saturating_sub(1);
        if hold {
            self.group.commit_holds = self.group.commit_holds.saturating_sub(1);
        }
        self.commit_done(core, err, list, reply);
        super::group::commits_settled(self);
    }

    /// Reports a commit's outcome.
    fn commit_done(&mut self, core: &mut Core, err: rd_kafka_resp_err_t, list: Vec<TopicPartition>, reply: CommitReply) {
        // Only an offset_commit_cb gets the results of commits made without
        // a queue: enabling RD_KAFKA_EVENT_OFFSET_COMMIT alone puts none on
        // the consumer queue, as with librdkafka 2.16 (commit_queue() is the
        // event-API way to learn a commit's result).
        let want_event = core.inst.callbacks.offset_commit_cb.is_some();
        match reply {
            CommitReply::Sync(tx) => {
                if want_event {
                    core.inst.consumer_q.push(commit_event(err, &list, None, 0));
                }
                let _ = tx.send((err, list));
            }
            CommitReply::Queue(q, cb, opaque) => q.push(commit_event(err, &list, cb, opaque)),
            CommitReply::Default => {
                if want_event {
                    core.inst.consumer_q.push(commit_event(err, &list, None, 0));
                }
            }
        }
    }

    // ------------------------------------------------------------------
    // Assignment
    // ------------------------------------------------------------------

    /// Replaces the assignment (rd_kafka_assign()); None/empty: unassign.
    pub fn assign(&mut self, core: &mut Core, list: Vec<TopicPartition>) -> rd_kafka_resp_err_t {
        let new: BTreeMap<TpKey, TopicPartition> = list.into_iter().map(|t| ((t.topic.clone(), t.partition), t)).collect();
        let removed: Vec<TpKey> = self.assignment.keys().filter(|k| !new.contains_key(*k)).cloned().collect();
        self.commit_before_unassign(core, &removed);
        for k in removed {
            self.unassign_one(core, &k);
        }
        for (k, t) in new {
            // An assign() of a partition already assigned restarts it at
            // the given offset.
            self.assign_one(core, &k, t.offset, t.leader_epoch);
        }
        self.assignment_lost = false;
        self.group.assignment_changed(core, self.assignment.keys().cloned().collect());
        RD_KAFKA_RESP_ERR_NO_ERROR
    }

    /// Adds partitions to the assignment (rd_kafka_incremental_assign()).
    pub fn incremental_assign(&mut self, core: &mut Core, list: Vec<TopicPartition>) -> Result<(), KafkaError> {
        for t in &list {
            if self.assignment.contains_key(&(t.topic.clone(), t.partition)) {
                return Err(KafkaError::new(
                    RD_KAFKA_RESP_ERR__CONFLICT,
                    format!("{} [{}] is already part of the current assignment", t.topic, t.partition),
                ));
            }
        }
        for t in list {
            let k = (t.topic.clone(), t.partition);
            self.assign_one(core, &k, t.offset, t.leader_epoch);
        }
        self.assignment_lost = false;
        self.group.assignment_changed(core, self.assignment.keys().cloned().collect());
        Ok(())
    }

    /// Removes partitions from the assignment (rd_kafka_incremental_unassign()).
    pub fn incremental_unassign(&mut self, core: &mut Core, list: Vec<TopicPartition>) -> Result<(), KafkaError> {
        for t in &list {
            if !self.assignment.contains_key(&(t.topic.clone(), t.partition)) {
                return Err(KafkaError::new(
                    RD_KAFKA_RESP_ERR__INVALID_ARG,
                    format!("{} [{}] is not part of the current assignment", t.topic, t.partition),
                ));
            }
        }
        let removed: Vec<TpKey> = list.iter().map(|t| (t.topic.clone(), t.partition)).collect();
        self.commit_before_unassign(core, &removed);
        for k in removed {
            self.unassign_one(core, &k);
        }
        self.group.assignment_changed(core, self.assignment.keys().cloned().collect());
        Ok(())
    }

    /// With enable.auto.commit, the final stored offsets of partitions
    /// leaving the assignment are committed (the group waits for it before
    /// rejoining), unless the assignment was lost.
    fn commit_before_unassign(&mut self, core: &mut Core, keys: &[TpKey]) {
        if !self.shared.cfg.enable_auto_commit || self.shared.cfg.group_id.is_none() || self.assignment_lost || keys.is_empty() {
            return;
        }
        let list: Vec<TopicPartition> = keys
            .iter()
            .filter_map(|k| self.assignment.get(k))
            .filter_map(|tp| {
                let st = tp.stored_now();
                (st.offset >= 0 && st.offset != tp.committed.lock().offset).then(|| {
                    let mut t = TopicPartition::new(tp.topic.clone(), tp.partition).with_offset(st.offset);
                    t.leader_epoch = st.leader_epoch;
                    t.metadata = st.metadata;
                    t
                })
            })
            .collect();
        self.carry_offsets(&list);
        if !list.is_empty() {
            self.commit(core, Some(list), "unassign", CommitReply::Default, true);
        }
    }

    /// Remembers the final offsets of partitions leaving the assignment
    /// (with enable.auto.commit) until they are assigned again.
    ///
    /// Their commit fails when the coordinator refuses commits while the
    /// group rebalances (librdkafka's mock cluster does, unlike Kafka, which
    /// takes commits of the current generation until the new one is
    /// formed); the group's committed offset then lags behind what this
    /// member processed, and whoever gets the partition next processes the
    /// difference again. When the new assignment gives the partition back
    /// to this member and the committed offset is still behind the one
    /// remembered, fetching starts at the remembered offset and the next
    /// auto commit commits it: everything before it was delivered to (and,
    /// with enable.auto.commit, given up for commit by) this member, so no
    /// message is skipped that was not processed here. A committed offset
    /// beyond it (another member's progress meanwhile) wins. librdkafka
    /// forgets the stored offsets on unassign and starts from the committed
    /// offset: under churn its members process again what they processed
    /// just before the rebalance.
    ///
    /// Only a commit that failed leaves an offset carried (a successful
    /// commit drops it), and leaving the group forgets them all: an offset
    /// reset while the group was empty must win.
    fn carry_offsets(&mut self, final_offsets: &[TopicPartition]) {
        if !self.group.is_subscribed() {
            // Leaving (unsubscribe, close), not rebalancing.
            return;
        }
        for t in final_offsets {
            let meta = OffsetMeta { offset: t.offset, leader_epoch: t.leader_epoch, metadata: t.metadata.clone() };
            self.carried.insert((t.topic.clone(), t.partition), meta);
        }
    }

    /// The member left the group: offsets carried for a later assignment
    /// (carry_offsets) no longer apply.
    pub fn forget_carried(&mut self) {
        self.carried.clear();
    }

    fn assign_one(&mut self, core: &mut Core, k: &TpKey, offset: i64, epoch: i32) {
        let tp = self.toppar(core, &k.0, k.1);
        tp.fetchq.forward_to(Some(core.inst.consumer_q.clone()));
        tp.assigned.store(true, Ordering::Release);
        tp.paused.store(false, Ordering::Release);
        tp.store(RD_KAFKA_OFFSET_INVALID, -1, None);
        *tp.committed.lock() = OffsetMeta::invalid();
        tp.app_offset.store(RD_KAFKA_OFFSET_INVALID, Ordering::Release);
        self.assignment.insert(k.clone(), tp.clone());
        self.assigned_offsets.insert(k.clone(), offset);
        if offset != RD_KAFKA_OFFSET_INVALID || self.shared.cfg.group_id.is_none() || !self.group.is_subscribed() {
            // Only a group assignment starting at the committed offset
            // starts where this member left off (carry_offsets).
            self.carried.remove(k);
        }
        let start = if offset == RD_KAFKA_OFFSET_INVALID { RD_KAFKA_OFFSET_STORED } else { offset };
        self.start_fetch(core, &tp, start, epoch);
    }

    fn unassign_one(&mut self, core: &mut Core, k: &TpKey) {
        self.stop_fetch(core, k);
        self.assigned_offsets.remove(k);
        if let Some(tp) = self.assignment.remove(k) {
            tp.assigned.store(false, Ordering::Release);
            tp.paused.store(false, Ordering::Release);
            tp.bump_version();
            super::purge_partition(&core.inst.consumer_q, &tp);
        }
    }

    /// Pauses or resumes partitions; returns them with per-partition errors.
    pub fn pause_resume(&mut self, core: &mut Core, mut list: Vec<TopicPartition>, pause: bool) -> Vec<TopicPartition> {
        for t in &mut list {
            let k = (t.topic.clone(), t.partition);
            let Some(tp) = self.shared.toppar(&k.0, k.1) else {
                t.err = RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION;
                continue;
            };
            t.err = RD_KAFKA_RESP_ERR_NO_ERROR;
            if tp.paused.swap(pause, Ordering::AcqRel) == pause {
                continue;
            }
            if pause {
                // Whatever was fetched beyond the position is fetched again
                // on resume.
                if let Some(pf) = self.parts.get_mut(&k) {
                    let app = tp.resume_offset.load(Ordering::Acquire);
                    let v = tp.bump_version();
                    pf.version = v;
                    if pf.state == FetchState::Active && app >= 0 {
                        pf.offset = app;
                    }
                    pf.eof_at = -1;
                }
                super::purge_partition(&tp.fetchq, &tp);
                self.debug(core, "fetch", "PAUSE", &format!("Pause {} [{}]", k.0, k.1));
            } else {
                self.debug(core, "fetch", "RESUME", &format!("Resume {} [{}]", k.0, k.1));
            }
        }
        list
    }
}

/// The OFFSET_COMMIT event for a commit outcome.
pub fn commit_event(err: rd_kafka_resp_err_t, list: &[TopicPartition], cb: Option<crate::config::callbacks::OffsetCommitCb>, opaque: usize) -> EventObj {
    let mut ev = EventObj::new(RD_KAFKA_EVENT_OFFSET_COMMIT, EventPayload::Partitions(crate::abi::tpl::from_slice(list)));
    ev.err = err;
    ev.commit_cb = cb;
    ev.opaque = opaque as *mut std::os::raw::c_void;
    ev
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

/// A ListOffsets request for `(partition, logical offset or timestamp)`
/// pairs; `done` gets the offsets (with per-partition errors).
pub fn list_offsets_request(
    parts: Vec<(TpKey, i64)>,
    read_committed: bool,
    timeout: Duration,
    done: impl FnOnce(&mut Core, Result<Vec<TopicPartition>, KafkaError>) + 'static,
) -> crate::engine::broker::OutRequest {
    let build = move |v: i16| {
        let mut by_topic: BTreeMap<&str, Vec<ListOffsetsPartition>> = BTreeMap::new();
        for ((t, p), ts) in &parts {
            // Logical offsets map to the special timestamps: END -> latest
            // (-1), BEGINNING -> earliest (-2); TAIL(n) starts from latest.
            let ts = match *ts {
                RD_KAFKA_OFFSET_BEGINNING => -2,
                RD_KAFKA_OFFSET_END => -1,
                o if o <= RD_KAFKA_OFFSET_TAIL_BASE => -1,
                o => o,
            };
            by_topic.entry(t.as_str()).or_default().push(
                ListOffsetsPartition::default().with_partition_index(*p).with_timestamp(ts).with_current_leader_epoch(-1),
            );
        }
        let r = ListOffsetsRequest::default()
            .with_replica_id(BrokerId(-1))
            .with_topics(by_topic.into_iter().map(|(t, ps)| ListOffsetsTopic::default().with_name(tname(t)).with_partitions(ps)).collect());
        if v >= 2 { r.with_isolation_level(if read_committed { 1 } else { 0 }) } else { r }
    };
    typed_request(build, 1, 7, timeout, move |core: &mut Core, r| {
        let res = r.map(|(resp, slot)| {
            core.throttled(slot, resp.throttle_time_ms);
            let mut out = Vec::new();
            for t in &resp.topics {
                for p in &t.partitions {
                    let mut tp = TopicPartition::new(t.name.to_string(), p.partition_index);
                    tp.err = p.error_code as i32;
                    tp.offset = if p.offset >= 0 || tp.err != 0 { p.offset } else { RD_KAFKA_OFFSET_END };
                    tp.leader_epoch = p.leader_epoch;
                    out.push(tp);
                }
            }
            out
        });
        done(core, res)
    })
}
