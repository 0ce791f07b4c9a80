//! Group membership with the classic protocol: JoinGroup, SyncGroup,
//! Heartbeat and LeaveGroup with the group coordinator; client-side
//! assignment by the group leader; eager and cooperative (incremental)
//! rebalancing with the application's rebalance callback; static
//! membership; max.poll.interval.ms.
//!
//! With `group.protocol=consumer` (KIP-848) the entry points here hand over
//! to [`super::group848`], which shares the member state ([`Group`]) and the
//! rebalance plumbing (rebalance events, waiting for the application,
//! revocation, close) with the classic protocol.
//!
//! A rebalance that changes the assignment is handed to the application as
//! a REBALANCE event (rebalance_cb) and the group waits until the
//! application has applied it with assign()/unassign() (or the incremental
//! variants), as librdkafka does. Without a rebalance callback (and without
//! the REBALANCE event enabled) the loop applies it itself.

use super::cloop::{coordinator_error, gid, ConsumerLoop, TpKey};
use super::{ConsumerConfig, GroupProtocol};
use crate::abi::event::{EventObj, EventPayload};
use crate::abi::tpl::TopicPartition;
use crate::abi::types::*;
use crate::engine::assignor::{self, MemberMetadata, RebalanceProtocol};
use crate::engine::core::{typed_request, Core};
use crate::engine::instance::level;
use crate::error::KafkaError;
use kafka_protocol::messages::heartbeat_request::HeartbeatRequest;
use kafka_protocol::messages::join_group_request::{JoinGroupRequest, JoinGroupRequestProtocol};
use kafka_protocol::messages::leave_group_request::{LeaveGroupRequest, MemberIdentity};
use kafka_protocol::messages::sync_group_request::{SyncGroupRequest, SyncGroupRequestAssignment};
use kafka_protocol::protocol::StrBytes;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Where the member is in the group protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GState {
    /// Not subscribed (or left).
    Init,
    /// Needs to (re)join once nothing holds it back.
    NeedJoin,
    /// JoinGroup in flight.
    Joining,
    /// The leader is gathering metadata and assigning.
    Assigning,
    /// SyncGroup in flight.
    Syncing,
    /// A rebalance event waits for the application's assign/unassign.
    WaitApp,
    /// Member of a stable generation.
    Steady,
    /// Left because max.poll.interval.ms passed; rejoins on the next poll.
    PollExceeded,
}

/// What the group waits for the application to do.
#[derive(Clone, Debug)]
pub(super) enum Pending {
    /// Revoke (then, if set, assign these or rejoin).
    Revoke { then_assign: Option<Vec<TpKey>>, rejoin: bool, close: bool },
    /// Assign (after which the member is steady, or rejoins).
    Assign { rejoin: bool },
}

/// The group member's state.
pub struct Group {
    pub protocol: GroupProtocol,
    pub state: GState,
    /// Topics as given to subscribe() (literal names and ^regexes).
    pub subscription: Vec<String>,
    pub(super) regexes: Vec<regex::Regex>,
    /// Topics matched by the subscription with their partition counts.
    pub matched: BTreeMap<String, i32>,
    /// `matched` at the last join.
    joined_with: BTreeMap<String, i32>,
    pub member_id: String,
    pub generation: i32,
    pub protocol_name: Option<String>,
    pub leader_id: String,
    pub rebalance_protocol: RebalanceProtocol,
    /// Partitions the group gave this member (what it owns).
    pub owned: BTreeSet<TpKey>,
    pub(super) pending: Option<Pending>,
    pub commit_holds: usize,
    pub(super) next_heartbeat: Option<Instant>,
    pub(super) hb_inflight: bool,
    /// Last successful heartbeat or sync (session timeout).
    last_contact: Instant,
    /// Earliest time of the next join attempt (backoff after errors).
    pub(super) join_after: Option<Instant>,
    /// The leader's SyncGroup, held back until the followers had their
    /// head start (LEADER_SYNC_HEAD_START): generation, due time, the
    /// encoded assignments.
    leader_sync: Option<(i32, Instant, Vec<(String, Vec<u8>)>)>,
    unknown_reported: HashSet<String>,
    /// A full metadata refresh was seen since subscribe (regexes).
    pub full_metadata_seen: bool,
    /// Metadata for the literal topics was seen since subscribe.
    pub literal_metadata_seen: bool,
    /// rd_kafka_consumer_close() in progress: its completion channel.
    pub close_reply: Option<crossbeam_channel::Sender<()>>,
    pub join_state_name: &'static str,
    /// Assignment is to be applied by the loop (no rebalance callback).
    auto_apply: bool,
    /// The application (or the loop for it) changed the assignment since
    /// the last service.
    pub app_acted: bool,
    /// Close waits for in-flight commits before it completes.
    pub close_waiting_commits: bool,
    /// A leave request whose answer close waits for.
    pub leave_inflight: bool,
    /// JoinGroup and SyncGroup requests in flight on the coordinator's
    /// connection (see [`leave_group`]).
    join_sync_inflight: u32,
    /// The KIP-848 member state (unused with the classic protocol).
    pub(super) k848: super::group848::State,
}

impl Group {
    pub fn new(cfg: &ConsumerConfig) -> Group {
        // KIP-848 rebalances are always incremental.
        let proto = if cfg.group_protocol == GroupProtocol::Consumer {
            RebalanceProtocol::Cooperative
        } else {
            cfg.assignors.first().and_then(|a| assignor::by_name(a)).map_or(RebalanceProtocol::Eager, |a| a.protocol())
        };
        Group {
            protocol: cfg.group_protocol,
            state: GState::Init,
            subscription: Vec::new(),
            regexes: Vec::new(),
            matched: BTreeMap::new(),
            joined_with: BTreeMap::new(),
            member_id: String::new(),
            generation: -1,
            protocol_name: None,
            leader_id: String::new(),
            rebalance_protocol: proto,
            owned: BTreeSet::new(),
            pending: None,
            commit_holds: 0,
            next_heartbeat: None,
            hb_inflight: false,
            last_contact: Instant::now(),
            join_after: None,
            leader_sync: None,
            unknown_reported: HashSet::new(),
            full_metadata_seen: false,
            literal_metadata_seen: false,
            close_reply: None,
            join_state_name: "init",
            auto_apply: false,
            app_acted: false,
            close_waiting_commits: false,
            leave_inflight: false,
            join_sync_inflight: 0,
            k848: super::group848::State::new(),
        }
    }

    pub fn next_wakeup(&self) -> Option<Instant> {
        if self.protocol == GroupProtocol::Consumer {
            return super::group848::next_wakeup(self);
        }
        let mut t = self.next_heartbeat;
        let leader_sync = self.leader_sync.as_ref().filter(|_| self.state == GState::Assigning).map(|l| l.1);
        for j in [self.join_after, leader_sync].into_iter().flatten() {
            t = Some(t.map_or(j, |t| t.min(j)));
        }
        if matches!(self.state, GState::Steady | GState::WaitApp | GState::PollExceeded) {
            // max.poll.interval.ms and session checks; after max.poll.interval.ms,
            // whether the application polls again (then it rejoins).
            let s = Instant::now() + Duration::from_millis(500);
            t = Some(t.map_or(s, |t| t.min(s)));
        }
        t
    }

    /// Generation, member id and instance id for OffsetCommit.
    pub fn commit_identity(&self) -> (i32, String, Option<String>) {
        if matches!(self.state, GState::Init | GState::PollExceeded) || self.generation < 0 {
            (-1, String::new(), None)
        } else {
            (self.generation, self.member_id.clone(), None)
        }
    }

    /// The application applied an assignment change.
    pub fn assignment_changed(&mut self, core: &mut Core, now_assigned: BTreeSet<TpKey>) {
        let _ = core;
        let _ = now_assigned;
        self.app_acted = true;
    }

    /// Whether offsets can be committed now: a steady member, or no group
    /// membership at all (manual assignment with a group id).
    pub fn commit_allowed(&self) -> bool {
        matches!(self.state, GState::Steady | GState::Init)
    }

    pub fn is_subscribed(&self) -> bool {
        !self.subscription.is_empty()
    }

    /// The group state name used in statistics (cgrp.join_state).
    pub fn join_state(&self) -> &'static str {
        match self.state {
            GState::Init => "init",
            GState::NeedJoin => "wait-join",
            GState::Joining => "wait-join",
            GState::Assigning => "wait-metadata",
            GState::Syncing => "wait-sync",
            GState::WaitApp => "wait-assign-call",
            GState::Steady => "steady",
            GState::PollExceeded => "init",
        }
    }
}

fn sb(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

fn tp_list(keys: &[TpKey]) -> Vec<TopicPartition> {
    keys.iter().map(|(t, p)| TopicPartition::new(t.clone(), *p)).collect()
}

/// Sets the subscription (empty: unsubscribe).
pub fn subscribe(c: &mut ConsumerLoop, core: &mut Core, topics: Vec<String>) -> Result<(), KafkaError> {
    let mut regexes = Vec::new();
    for t in &topics {
        if t.starts_with('^') {
            regexes.push(regex::Regex::new(t).map_err(|e| KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, format!("Invalid regex {t}: {e}")))?);
        }
    }
    if topics.is_empty() {
        unsubscribe(c, core);
        return Ok(());
    }
    let g = &mut c.group;
    g.subscription = topics.clone();
    g.regexes = regexes;
    g.unknown_reported.clear();
    g.full_metadata_seen = false;
    g.literal_metadata_seen = !topics.iter().any(|t| !t.starts_with('^'));
    c.shared.polled();
    core.want_all_topics = !g.regexes.is_empty();
    for t in &topics {
        if !t.starts_with('^') {
            core.want_topic_metadata(t);
        }
    }
    if !g.regexes.is_empty() {
        core.refresh_metadata_soon();
    }
    update_matched(c, core);
    if c.group.protocol == GroupProtocol::Consumer {
        super::group848::subscribed(c, core);
        return Ok(());
    }
    match c.group.state {
        GState::Init | GState::PollExceeded => {
            c.group.state = GState::NeedJoin;
        }
        _ => rebalance(c, core, "subscription changed"),
    }
    Ok(())
}

/// Drops the subscription: revokes the assignment and leaves the group.
pub fn unsubscribe(c: &mut ConsumerLoop, core: &mut Core) {
    c.group.subscription.clear();
    c.group.regexes.clear();
    c.group.matched.clear();
    core.want_all_topics = false;
    if c.group.protocol == GroupProtocol::Consumer {
        super::group848::unsubscribe(c, core);
        return;
    }
    if c.group.state == GState::Init {
        return;
    }
    revoke_all(c, core, false, false, "unsubscribe");
    leave_group(c, core, "unsubscribe");
}

/// Recomputes the topics the subscription matches from the metadata cache.
fn update_matched(c: &mut ConsumerLoop, core: &mut Core) {
    let g = &mut c.group;
    let mut matched = BTreeMap::new();
    for t in &g.subscription {
        if t.starts_with('^') {
            continue;
        }
        if let Some(tm) = core.metadata.topic(t) {
            matched.insert(t.clone(), tm.partitions.len() as i32);
        }
    }
    if !g.regexes.is_empty() {
        for (name, (tm, _)) in &core.metadata.topics {
            if tm.is_internal || name.starts_with("__") {
                continue;
            }
            if g.regexes.iter().any(|r| r.is_match(name)) {
                matched.insert(name.clone(), tm.partitions.len() as i32);
            }
        }
    }
    g.matched = matched;
}

/// Metadata changed: re-evaluate the subscription.
pub fn metadata_updated(c: &mut ConsumerLoop, core: &mut Core, all_topics: bool, md: &crate::engine::metadata::MetadataSnapshot) {
    if !c.group.is_subscribed() {
        return;
    }
    if c.group.protocol == GroupProtocol::Consumer {
        // The broker matches the subscription; the client only needs the
        // topic ids of its assignment.
        super::group848::metadata_updated(c, core);
        return;
    }
    if all_topics {
        c.group.full_metadata_seen = true;
    }
    if all_topics || md.topics.iter().any(|t| c.group.subscription.contains(&t.name)) {
        c.group.literal_metadata_seen = true;
    }
    // Literal topics the cluster does not have are reported once.
    for t in &md.topics {
        if c.group.subscription.iter().any(|s| s == &t.name)
            && matches!(t.err, RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART | RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED)
            && c.group.unknown_reported.insert(t.name.clone())
        {
            let msg = format!("Subscribed topic not available: {}: {}", t.name, crate::error::describe(t.err));
            consumer_error(core, t.err, &msg);
        }
    }
    let before = c.group.matched.clone();
    update_matched(c, core);
    if before != c.group.matched && matches!(c.group.state, GState::Steady) && c.group.matched != c.group.joined_with {
        let msg = "subscribed topics or partition counts changed";
        rebalance(c, core, msg);
    }
}

/// A consumer error for the application (consumer_poll() returns it).
pub fn consumer_error(core: &mut Core, err: rd_kafka_resp_err_t, msg: &str) {
    let mut ev = EventObj::error(err, msg, false);
    ev.consumer_err = true;
    core.inst.consumer_q.push(ev);
}

/// Periodic work: joining, heartbeats, poll interval.
pub fn service(c: &mut ConsumerLoop, core: &mut Core) {
    if c.shared.cfg.group_id.is_none() {
        // No group, but a close drops a manual assignment and then waits
        // for it to be applied.
        if c.group.app_acted {
            c.group.app_acted = false;
            app_acted(c, core);
        }
        return;
    }
    if c.group.protocol == GroupProtocol::Consumer {
        super::group848::service(c, core);
        return;
    }
    if c.group.app_acted {
        c.group.app_acted = false;
        app_acted(c, core);
    }
    let now = Instant::now();
    if c.group.state != GState::Assigning {
        // The rebalance it was for is over (rejoin, error, close).
        c.group.leader_sync = None;
    }
    match c.group.state {
        GState::NeedJoin => {
            let ready = c.group.commit_holds == 0
                && c.group.join_after.is_none_or(|t| t <= now)
                && (c.group.regexes.is_empty() || c.group.full_metadata_seen)
                && c.group.literal_metadata_seen;
            if ready {
                join(c, core);
            }
        }
        GState::Assigning => {
            if let Some((generation, _, assignments)) = c.group.leader_sync.take_if(|l| l.1 <= now) {
                if generation == c.group.generation {
                    sync(c, core, assignments);
                }
            }
        }
        GState::PollExceeded => {
            let last = c.shared.last_poll_ms.load(Ordering::Acquire);
            let now_ms = c.shared.now_ms();
            if now_ms - last < c.shared.cfg.max_poll_interval.as_millis() as i64 && c.group.is_subscribed() {
                c.debug(core, "cgrp", "REJOIN", "The application polls again after max.poll.interval.ms: rejoining the group");
                c.group.state = GState::NeedJoin;
            }
        }
        GState::Steady | GState::WaitApp => {
            // max.poll.interval.ms: the application stopped polling.
            let last = c.shared.last_poll_ms.load(Ordering::Acquire);
            let now_ms = c.shared.now_ms();
            if now_ms - last > c.shared.cfg.max_poll_interval.as_millis() as i64 && c.group.close_reply.is_none() {
                let msg = format!(
                    "Application maximum poll interval ({}ms) exceeded by {}ms",
                    c.shared.cfg.max_poll_interval.as_millis(),
                    now_ms - last - c.shared.cfg.max_poll_interval.as_millis() as i64
                );
                core.log(level::WARNING, "MAXPOLL", &msg);
                consumer_error(core, RD_KAFKA_RESP_ERR__MAX_POLL_EXCEEDED, &msg);
                revoke_all(c, core, true, false, "max.poll.interval.ms exceeded");
                leave_group(c, core, "max.poll.interval.ms exceeded");
                c.group.state = GState::PollExceeded;
                return;
            }
            // Session: no successful heartbeat for session.timeout.ms.
            if now.saturating_duration_since(c.group.last_contact) > c.shared.cfg.session_timeout && c.group.state == GState::Steady {
                core.log(level::WARNING, "SESSTMOUT", "Consumer group session timed out: assignment lost, rejoining");
                c.group.member_id.clear();
                revoke_all(c, core, true, true, "session timed out");
                return;
            }
            if c.group.next_heartbeat.is_some_and(|t| t <= now) && !c.group.hb_inflight {
                heartbeat(c, core);
            }
        }
        _ => {}
    }
}

/// Starts a rebalance: eager members revoke everything first; cooperative
/// members keep their partitions and rejoin.
pub fn rebalance(c: &mut ConsumerLoop, core: &mut Core, reason: &str) {
    c.last_rebalance_reason = reason.to_string();
    c.debug(core, "cgrp", "REBALANCE", &format!("Group \"{}\" is rebalancing: {reason}", c.shared.cfg.group_id.as_deref().unwrap_or("")));
    match c.group.state {
        GState::Joining | GState::Assigning | GState::Syncing | GState::NeedJoin => {
            // Already on the way: join again once done.
            c.group.state = GState::NeedJoin;
            return;
        }
        GState::WaitApp => {
            c.group.state = GState::NeedJoin;
            return;
        }
        _ => {}
    }
    if c.group.rebalance_protocol == RebalanceProtocol::Eager && !c.group.owned.is_empty() {
        revoke_all(c, core, false, true, reason);
    } else {
        c.group.state = GState::NeedJoin;
        c.group.next_heartbeat = None;
    }
}

/// Revokes the whole assignment (lost: the partitions may already belong
/// to another member); `rejoin`: join again afterwards.
pub(super) fn revoke_all(c: &mut ConsumerLoop, core: &mut Core, lost: bool, rejoin: bool, reason: &str) {
    // What the application actually has is what it must give up.
    let owned: Vec<TpKey> = c.assignment.keys().cloned().collect();
    c.group.next_heartbeat = None;
    if lost {
        c.assignment_lost = true;
    }
    if owned.is_empty() && c.assignment.is_empty() {
        c.group.owned.clear();
        c.group.state = if rejoin { GState::NeedJoin } else { GState::Init };
        return;
    }
    c.debug(core, "cgrp", "REVOKE", &format!("Revoking {} partition(s): {reason}", owned.len()));
    c.group.state = GState::WaitApp;
    c.group.pending = Some(Pending::Revoke { then_assign: None, rejoin, close: false });
    deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS, owned);
}

/// Hands a rebalance to the application (or applies it).
pub(super) fn deliver_rebalance(c: &mut ConsumerLoop, core: &mut Core, err: rd_kafka_resp_err_t, parts: Vec<TpKey>) {
    c.rebalance_cnt += 1;
    let incremental = c.group.rebalance_protocol == RebalanceProtocol::Cooperative;
    let wants_event = core.inst.callbacks.rebalance_cb.is_some() || core.inst.callbacks.enabled_events & RD_KAFKA_EVENT_REBALANCE != 0;
    if !wants_event {
        // No application handler: apply it here, as librdkafka does.
        let list = tp_list(&parts);
        let assign = err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS;
        match (incremental, assign) {
            (true, true) => {
                let _ = c.incremental_assign(core, list);
            }
            (true, false) => {
                let _ = c.incremental_unassign(core, list);
            }
            (false, true) => {
                c.assign(core, list);
            }
            (false, false) => {
                c.assign(core, Vec::new());
            }
        }
        c.group.auto_apply = true;
        return;
    }
    let mut ev = EventObj::new(RD_KAFKA_EVENT_REBALANCE, EventPayload::Partitions(crate::abi::tpl::from_slice(&tp_list(&parts))));
    ev.err = err;
    // A rebalance not yet served is superseded by this one; the new one
    // goes ahead of fetched messages (those of revoked partitions are
    // dropped anyway), so the application acts on it at its next poll.
    let stale: Vec<EventObj> = core.inst.consumer_q.with_items(|items| {
        let (old, keep): (Vec<EventObj>, Vec<EventObj>) = items.drain(..).partition(|e| e.ev_type == RD_KAFKA_EVENT_REBALANCE);
        items.extend(keep);
        old
    });
    drop(stale);
    core.inst.consumer_q.push_front(ev);
}

/// The application applied (or we applied for it) the pending rebalance.
pub(super) fn app_acted(c: &mut ConsumerLoop, core: &mut Core) {
    let Some(p) = c.group.pending.take() else { return };
    match p {
        Pending::Revoke { then_assign, rejoin, close } => {
            // What was revoked is no longer owned.
            let assigned: BTreeSet<TpKey> = c.assignment.keys().cloned().collect();
            c.group.owned.retain(|k| assigned.contains(k));
            if c.group.rebalance_protocol == RebalanceProtocol::Eager {
                c.group.owned.clear();
            }
            if close {
                finish_close(c, core);
                return;
            }
            if let Some(add) = then_assign {
                for k in &add {
                    c.group.owned.insert(k.clone());
                }
                c.group.state = GState::WaitApp;
                c.group.pending = Some(Pending::Assign { rejoin });
                deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS, add);
                return;
            }
            c.group.state = if rejoin {
                GState::NeedJoin
            } else if c.group.state != GState::WaitApp {
                // The group moved on while the application handled the
                // revoke (out of the group after max.poll.interval.ms, or
                // already rejoining since it polls again): keep that.
                c.group.state
            } else {
                GState::Init
            };
        }
        Pending::Assign { rejoin } => {
            if rejoin {
                c.group.state = GState::NeedJoin;
            } else {
                c.group.state = GState::Steady;
                c.group.next_heartbeat = Some(Instant::now() + c.shared.cfg.heartbeat_interval);
            }
        }
    }
    if c.group.pending.is_none() && c.group.state != GState::WaitApp {
        c.group.auto_apply = false;
    }
}

fn join(c: &mut ConsumerLoop, core: &mut Core) {
    let msg = format!(
        "Joining group \"{}\" with {} subscribed topic(s){}",
        c.shared.cfg.group_id.as_deref().unwrap_or(""),
        c.group.matched.len(),
        if c.group.member_id.is_empty() { String::new() } else { format!(" as member {}", c.group.member_id) }
    );
    c.debug(core, "cgrp", "JOIN", &msg);
    c.group.state = GState::Joining;
    c.group.join_after = None;
    c.group.joined_with = c.group.matched.clone();
    let timeout = c.shared.cfg.max_poll_interval + Duration::from_secs(5);
    c.with_coordinator(core, core.cfg.socket_timeout, Box::new(move |c, core, slot| {
        let slot = match slot {
            Ok(s) => s,
            Err(e) => {
                join_failed(c, core, e.code, &e.message);
                return;
            }
        };
        // The member may have left (close, unsubscribe) while this waited
        // for the coordinator.
        if c.group.state != GState::Joining {
            return;
        }
        let req = join_request(c, timeout);
        c.group.join_sync_inflight += 1;
        core.send_to(slot, req);
    }));
}

fn join_request(c: &mut ConsumerLoop, timeout: Duration) -> crate::engine::broker::OutRequest {
    let cfg = &c.shared.cfg;
    let group = cfg.group_id.clone().unwrap_or_default();
    let member_id = c.group.member_id.clone();
    let instance_id = cfg.group_instance_id.clone();
    let session = cfg.session_timeout.as_millis() as i32;
    let rebalance = cfg.max_poll_interval.as_millis() as i32;
    let protocol_type = cfg.protocol_type.clone();
    let topics: Vec<String> = c.group.matched.keys().cloned().collect();
    let owned: Vec<assignor::TopicPartition> =
        c.group.owned.iter().map(|(t, p)| assignor::TopicPartition { topic: t.clone(), partition: *p }).collect();
    let generation = c.group.generation;
    let rack = cfg.client_rack.clone();
    let mut protocols = Vec::new();
    for name in &cfg.assignors {
        let Some(a) = assignor::by_name(name) else { continue };
        let sub = assignor::Subscription {
            topics: topics.clone(),
            user_data: a.user_data(&owned, generation),
            owned_partitions: if a.protocol() == RebalanceProtocol::Cooperative { owned.clone() } else { Vec::new() },
            generation,
            rack_id: rack.clone(),
        };
        protocols.push((a.name().to_string(), assignor::encode_subscription(3, &sub)));
    }
    let build = move |v: i16| {
        let mut r = JoinGroupRequest::default()
            .with_group_id(gid(&group))
            .with_session_timeout_ms(session)
            .with_rebalance_timeout_ms(rebalance)
            .with_member_id(sb(&member_id))
            .with_protocol_type(sb(&protocol_type))
            .with_protocols(
                protocols
                    .iter()
                    .map(|(n, m)| JoinGroupRequestProtocol::default().with_name(sb(n)).with_metadata(bytes::Bytes::from(m.clone())))
                    .collect(),
            );
        if v >= 5 {
            r = r.with_group_instance_id(instance_id.clone().map(StrBytes::from_string));
        }
        r
    };
    // librdkafka's version range (0-5): brokers and mock clusters are
    // tested with what it sends (librdkafka 2.16's mock misreads v6).
    typed_request(build, 0, 5, timeout, move |core: &mut Core, r| {
        core.consumer_do(Box::new(move |c, core| {
            c.group.join_sync_inflight = c.group.join_sync_inflight.saturating_sub(1);
            on_join(c, core, r)
        }));
    })
}

fn join_failed(c: &mut ConsumerLoop, core: &mut Core, err: rd_kafka_resp_err_t, msg: &str) {
    if c.group.state != GState::Joining && c.group.state != GState::Syncing && c.group.state != GState::Assigning {
        return;
    }
    c.debug(core, "cgrp", "JOINFAIL", &format!("JoinGroup/SyncGroup failed: {msg}"));
    if coordinator_error(err) {
        c.coordinator_dead(core, msg);
    }
    match err {
        RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID | RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION => {
            c.group.member_id.clear();
            c.group.generation = -1;
        }
        RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID => {
            let m = format!("Fatal consumer error: this member was fenced by a newer instance with the same group.instance.id: {msg}");
            core.inst.set_fatal(KafkaError::new(RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID, m));
            c.group.state = GState::Init;
            return;
        }
        RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED
        | RD_KAFKA_RESP_ERR_INVALID_SESSION_TIMEOUT
        | RD_KAFKA_RESP_ERR_INCONSISTENT_GROUP_PROTOCOL
        | RD_KAFKA_RESP_ERR_GROUP_MAX_SIZE_REACHED
        | RD_KAFKA_RESP_ERR_INVALID_GROUP_ID => {
            consumer_error(core, err, &format!("JoinGroup failed: {msg}"));
        }
        // An answer that could not be decoded (its connection is closed,
        // an error reported once while it repeats): each failed join is
        // told, as librdkafka does, or the application would wait in
        // silence while the group cannot be joined.
        RD_KAFKA_RESP_ERR__BAD_MSG => {
            consumer_error(core, err, &format!("JoinGroup/SyncGroup failed: {msg}"));
        }
        _ => {}
    }
    c.group.state = GState::NeedJoin;
    let backoff = if err == RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS { Duration::from_millis(50) } else { Duration::from_millis(500) };
    c.group.join_after = Some(Instant::now() + backoff);
}

fn on_join(c: &mut ConsumerLoop, core: &mut Core, r: Result<(kafka_protocol::messages::JoinGroupResponse, usize), KafkaError>) {
    if c.group.state != GState::Joining {
        return;
    }
    let (resp, slot) = match r {
        Ok(x) => x,
        Err(e) => return join_failed(c, core, e.code, &e.message),
    };
    core.throttled(slot, resp.throttle_time_ms);
    let err = resp.error_code as i32;
    if err == RD_KAFKA_RESP_ERR_MEMBER_ID_REQUIRED {
        // KIP-394: join again with the member id the coordinator gave.
        c.group.member_id = resp.member_id.to_string();
        c.group.state = GState::NeedJoin;
        join(c, core);
        return;
    }
    if err != 0 {
        return join_failed(c, core, err, &crate::error::describe(err));
    }
    c.group.member_id = resp.member_id.to_string();
    *core.inst.member_id.lock() = Some(c.group.member_id.clone());
    c.group.generation = resp.generation_id;
    c.group.leader_id = resp.leader.to_string();
    c.group.protocol_name = resp.protocol_name.as_ref().map(|s| s.to_string());
    if let Some(a) = c.group.protocol_name.as_deref().and_then(assignor::by_name) {
        c.group.rebalance_protocol = a.protocol();
    }
    c.last_rebalance_reason.clear();
    let msg = format!(
        "Joined group \"{}\" generation {} as {} (leader {}), protocol {}",
        c.shared.cfg.group_id.as_deref().unwrap_or(""),
        c.group.generation,
        c.group.member_id,
        c.group.leader_id,
        c.group.protocol_name.as_deref().unwrap_or("?")
    );
    c.debug(core, "cgrp", "JOINGROUP", &msg);
    let is_leader = c.group.leader_id == c.group.member_id;
    if !is_leader {
        sync(c, core, Vec::new());
        return;
    }
    // The leader assigns: it needs metadata for every member's topics.
    let mut members = Vec::new();
    let mut topics = BTreeSet::new();
    for m in &resp.members {
        match assignor::decode_subscription(&m.metadata) {
            Ok((version, sub)) => {
                let md = MemberMetadata::from_subscription(
                    m.member_id.to_string(),
                    m.group_instance_id.as_ref().map(|s| s.to_string()),
                    version,
                    sub,
                );
                topics.extend(md.topics.iter().cloned());
                members.push(md);
            }
            Err(e) => {
                let msg = format!("Member {} sent unreadable subscription metadata: {e:?}", m.member_id);
                core.log(level::WARNING, "ASSIGN", &msg);
                members.push(MemberMetadata {
                    member_id: m.member_id.to_string(),
                    group_instance_id: None,
                    topics: Vec::new(),
                    user_data: None,
                    owned_partitions: Vec::new(),
                    generation: -1,
                    rack_id: None,
                });
            }
        }
    }
    c.group.state = GState::Assigning;
    let generation = c.group.generation;
    let sync_due = Instant::now() + LEADER_SYNC_HEAD_START;
    // On the coordinator's connection, as librdkafka does: the brokers'
    // connections may have a long-poll Fetch in flight ahead of it.
    let topics: Vec<String> = topics.into_iter().collect();
    core.send_metadata(slot, Some(topics), false, core.cfg.socket_timeout, Box::new(move |core, r| {
        core.consumer_do(Box::new(move |c, core| {
            if c.group.state != GState::Assigning || c.group.generation != generation {
                return;
            }
            let md = match r {
                Ok(md) => md,
                Err(e) => return join_failed(c, core, e.code, &e.message),
            };
            let mut counts = BTreeMap::new();
            let mut racks = BTreeMap::new();
            for t in &md.topics {
                if t.err == 0 && !t.partitions.is_empty() {
                    counts.insert(t.name.clone(), t.partitions.len() as i32);
                    let mut per: Vec<Vec<String>> = vec![Vec::new(); t.partitions.len()];
                    for p in &t.partitions {
                        if p.id >= 0 && (p.id as usize) < per.len() {
                            per[p.id as usize] = p.replicas.iter().filter_map(|r| md.brokers.iter().find(|b| b.id == *r)).filter_map(|b| b.rack.clone()).collect();
                        }
                    }
                    racks.insert(t.name.clone(), per);
                }
            }
            let name = c.group.protocol_name.clone().unwrap_or_default();
            let Some(a) = assignor::by_name(&name) else {
                return join_failed(c, core, RD_KAFKA_RESP_ERR__UNKNOWN_PROTOCOL, &format!("unknown assignor {name}"));
            };
            let result = a.assign(&members, &counts, &racks);
            let mut out = Vec::new();
            for (member, parts) in result {
                let log = format!("Assignment for {member}: {}", parts.iter().map(|p| format!("{}[{}]", p.topic, p.partition)).collect::<Vec<_>>().join(", "));
                c.debug(core, "cgrp", "ASSIGN", &log);
                out.push((member, assignor::encode_assignment(&parts, None)));
            }
            // Sent by service() once due (in this turn of the loop if
            // it already is).
            c.group.leader_sync = Some((generation, sync_due, out));
        }));
    }));
}

/// How long after its JoinGroup response the leader waits before it sends
/// its SyncGroup, so that the followers' SyncGroups (sent as soon as their
/// JoinGroup responses arrive) reach the coordinator first. A Kafka broker
/// does not need it: it answers a follower's SyncGroup whenever the
/// leader's comes. librdkafka's mock cluster does: once the leader's
/// SyncGroup has arrived it answers a later follower's with
/// INVALID_REQUEST, the follower rejoins, and with a leader that is
/// always quicker than one of its followers the group rebalances forever.
/// librdkafka's own leaders are slow enough (the JoinGroup response, the
/// metadata request and the assignor pass between its threads); ours,
/// with everything on one thread, can beat a follower to the coordinator.
/// The cost: one rebalance of a group this member leads takes 20 ms more.
const LEADER_SYNC_HEAD_START: Duration = Duration::from_millis(20);

fn sync(c: &mut ConsumerLoop, core: &mut Core, assignments: Vec<(String, Vec<u8>)>) {
    c.group.state = GState::Syncing;
    let group = c.shared.cfg.group_id.clone().unwrap_or_default();
    let (generation, member_id) = (c.group.generation, c.group.member_id.clone());
    let instance_id = c.shared.cfg.group_instance_id.clone();
    let protocol_type = c.shared.cfg.protocol_type.clone();
    let protocol_name = c.group.protocol_name.clone();
    let timeout = c.shared.cfg.max_poll_interval + Duration::from_secs(5);
    c.with_coordinator(core, core.cfg.socket_timeout, Box::new(move |c, core, slot| {
        let slot = match slot {
            Ok(s) => s,
            Err(e) => return join_failed(c, core, e.code, &e.message),
        };
        if c.group.state != GState::Syncing || c.group.generation != generation {
            return;
        }
        let build = move |v: i16| {
            let mut r = SyncGroupRequest::default()
                .with_group_id(gid(&group))
                .with_generation_id(generation)
                .with_member_id(sb(&member_id))
                .with_assignments(
                    assignments
                        .iter()
                        .map(|(m, a)| SyncGroupRequestAssignment::default().with_member_id(sb(m)).with_assignment(bytes::Bytes::from(a.clone())))
                        .collect(),
                );
            if v >= 3 {
                r = r.with_group_instance_id(instance_id.clone().map(StrBytes::from_string));
            }
            if v >= 5 {
                r = r.with_protocol_type(Some(sb(&protocol_type))).with_protocol_name(protocol_name.clone().map(StrBytes::from_string));
            }
            r
        };
        // librdkafka's version range (0-3).
        let req = typed_request(build, 0, 3, timeout, move |core: &mut Core, r| {
            core.consumer_do(Box::new(move |c, core| {
                c.group.join_sync_inflight = c.group.join_sync_inflight.saturating_sub(1);
                on_sync(c, core, generation, r)
            }));
        });
        c.group.join_sync_inflight += 1;
        core.send_to(slot, req);
    }));
}

fn on_sync(c: &mut ConsumerLoop, core: &mut Core, generation: i32, r: Result<(kafka_protocol::messages::SyncGroupResponse, usize), KafkaError>) {
    if c.group.state != GState::Syncing || c.group.generation != generation {
        return;
    }
    let (resp, slot) = match r {
        Ok(x) => x,
        Err(e) => return join_failed(c, core, e.code, &e.message),
    };
    core.throttled(slot, resp.throttle_time_ms);
    let err = resp.error_code as i32;
    if err != 0 {
        return join_failed(c, core, err, &crate::error::describe(err));
    }
    let assigned: BTreeSet<TpKey> = if resp.assignment.is_empty() {
        BTreeSet::new()
    } else {
        match assignor::decode_assignment(&resp.assignment) {
            Ok((parts, _)) => parts.into_iter().map(|p| (p.topic, p.partition)).collect(),
            // Not an empty assignment (the member would sit in the group
            // with nothing to fetch, silently): the application is told,
            // and the member joins again.
            Err(e) => {
                let msg = format!("unreadable assignment from the group leader: {e}");
                core.log(level::ERR, "SYNCGROUP", &msg);
                return join_failed(c, core, RD_KAFKA_RESP_ERR__BAD_MSG, &msg);
            }
        }
    };
    c.group.last_contact = Instant::now();
    c.debug(core, "cgrp", "SYNCGROUP", &format!("Synced group generation {} with {} assigned partition(s)", generation, assigned.len()));
    // Join again if the subscription changed meanwhile.
    let rejoin = c.group.matched != c.group.joined_with;
    handle_assignment(c, core, assigned, rejoin);
}

/// Applies the assignment the group gave this member.
fn handle_assignment(c: &mut ConsumerLoop, core: &mut Core, assigned: BTreeSet<TpKey>, rejoin: bool) {
    c.group.next_heartbeat = Some(Instant::now() + c.shared.cfg.heartbeat_interval);
    if c.group.rebalance_protocol == RebalanceProtocol::Cooperative {
        let revoked: Vec<TpKey> = c.group.owned.difference(&assigned).cloned().collect();
        let added: Vec<TpKey> = assigned.difference(&c.group.owned).cloned().collect();
        if !revoked.is_empty() {
            // Give up the revoked partitions first, then take the new ones,
            // then rejoin so the revoked ones can go to their new owners.
            c.group.state = GState::WaitApp;
            c.group.pending = Some(Pending::Revoke { then_assign: Some(added), rejoin: true, close: false });
            deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS, revoked);
            return;
        }
        for k in &added {
            c.group.owned.insert(k.clone());
        }
        c.group.state = GState::WaitApp;
        c.group.pending = Some(Pending::Assign { rejoin });
        deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS, added);
        return;
    }
    c.group.owned = assigned.clone();
    c.group.state = GState::WaitApp;
    c.group.pending = Some(Pending::Assign { rejoin });
    deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS, assigned.into_iter().collect());
}

fn heartbeat(c: &mut ConsumerLoop, core: &mut Core) {
    c.group.hb_inflight = true;
    c.group.next_heartbeat = Some(Instant::now() + c.shared.cfg.heartbeat_interval);
    let group = c.shared.cfg.group_id.clone().unwrap_or_default();
    let (generation, member_id) = (c.group.generation, c.group.member_id.clone());
    let instance_id = c.shared.cfg.group_instance_id.clone();
    let timeout = c.shared.cfg.session_timeout.min(core.cfg.socket_timeout);
    c.with_coordinator(core, timeout, Box::new(move |c, core, slot| {
        let slot = match slot {
            Ok(s) => s,
            Err(_) => {
                c.group.hb_inflight = false;
                return;
            }
        };
        let build = move |v: i16| {
            let r = HeartbeatRequest::default().with_group_id(gid(&group)).with_generation_id(generation).with_member_id(sb(&member_id));
            if v >= 3 { r.with_group_instance_id(instance_id.clone().map(StrBytes::from_string)) } else { r }
        };
        // librdkafka's version range (0-3).
        let req = typed_request(build, 0, 3, timeout, move |core: &mut Core, r| {
            core.consumer_do(Box::new(move |c, core| {
                c.group.hb_inflight = false;
                if c.group.generation != generation {
                    return;
                }
                let err = match r {
                    Ok((resp, slot)) => {
                        core.throttled(slot, resp.throttle_time_ms);
                        resp.error_code as i32
                    }
                    Err(e) => e.code,
                };
                on_heartbeat_error(c, core, err);
            }));
        });
        core.send_to(slot, req);
    }));
}

fn on_heartbeat_error(c: &mut ConsumerLoop, core: &mut Core, err: rd_kafka_resp_err_t) {
    if err != 0 {
        let msg = format!("Heartbeat for generation {} failed: {}", c.group.generation, crate::error::describe(err));
        c.debug(core, "cgrp", "HEARTBEAT", &msg);
    }
    match err {
        RD_KAFKA_RESP_ERR_NO_ERROR => c.group.last_contact = Instant::now(),
        RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS => {
            c.group.last_contact = Instant::now();
            if c.group.state == GState::Steady {
                rebalance(c, core, "group is rebalancing");
            }
        }
        RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION | RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID | RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID => {
            if err == RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID {
                let m = "Fatal consumer error: this member was fenced by a newer instance with the same group.instance.id";
                core.inst.set_fatal(KafkaError::new(err, m));
                revoke_all(c, core, true, false, "fenced");
                return;
            }
            if err == RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID {
                c.group.member_id.clear();
            }
            c.group.generation = -1;
            if matches!(c.group.state, GState::Steady | GState::WaitApp) {
                let msg = format!("Heartbeat failed: {}: assignment lost, rejoining", crate::error::describe(err));
                core.log(level::INFO, "HEARTBEAT", &msg);
                revoke_all(c, core, true, true, "heartbeat: member no longer in the group");
            }
        }
        e if coordinator_error(e) => c.coordinator_dead(core, &crate::error::describe(e)),
        _ => {}
    }
}

/// A commit failed because the group moved on.
pub fn commit_group_error(c: &mut ConsumerLoop, core: &mut Core, err: rd_kafka_resp_err_t) {
    if c.group.protocol == GroupProtocol::Consumer {
        super::group848::commit_error(c, core, err);
        return;
    }
    if c.group.state == GState::Steady {
        on_heartbeat_error(c, core, err);
    }
}

/// Leaves the group (LeaveGroup; static members stay, as in librdkafka).
/// Close waits for the answer (`leave_inflight`), as librdkafka's does.
///
/// While a JoinGroup or SyncGroup of this member is in flight, the
/// LeaveGroup goes on the coordinator broker's own connection, not on the
/// group connection those wait on: the coordinator answers them only when
/// the rebalance moves on, and reads nothing more from their connection
/// until then (a Kafka broker handles one request of a connection at a
/// time; librdkafka's mock cluster stops reading it). Behind them the
/// LeaveGroup would arrive once the new generation is formed, with this
/// member in it, and start yet another rebalance: a group whose members
/// come and go would rebalance without end. Sent aside it reaches the
/// coordinator at once and the pending rebalance goes on without this
/// member. (librdkafka sends it behind them.)
fn leave_group(c: &mut ConsumerLoop, core: &mut Core, reason: &str) {
    c.forget_carried();
    if c.group.protocol == GroupProtocol::Consumer {
        super::group848::leave(c, core, reason);
        return;
    }
    let member_id = std::mem::take(&mut c.group.member_id);
    c.group.generation = -1;
    c.group.next_heartbeat = None;
    *core.inst.member_id.lock() = None;
    if !matches!(c.group.state, GState::WaitApp) {
        c.group.state = GState::Init;
    }
    if member_id.is_empty() || c.shared.cfg.group_instance_id.is_some() || c.coord.id < 0 {
        return;
    }
    let aside = if c.group.join_sync_inflight > 0 { core.slot_of(c.coord.id) } else { None };
    let Some(slot) = aside.or_else(|| core.coordinator_slot(c.coord.id)) else { return };
    let group = c.shared.cfg.group_id.clone().unwrap_or_default();
    let reason = reason.to_string();
    let how = if aside.is_some() { " (on the broker's connection: a JoinGroup/SyncGroup is pending on the group's)" } else { "" };
    c.debug(core, "cgrp", "LEAVE", &format!("Leaving group: {reason}{how}"));
    let build = move |v: i16| {
        let r = LeaveGroupRequest::default().with_group_id(gid(&group));
        if v >= 3 {
            r.with_members(vec![MemberIdentity::default().with_member_id(sb(&member_id)).with_reason(if v >= 5 { Some(sb(&reason)) } else { None })])
        } else {
            r.with_member_id(sb(&member_id))
        }
    };
    c.group.leave_inflight = true;
    if aside.is_some() {
        // The pending JoinGroup/SyncGroup will not be answered now that
        // the member is gone (librdkafka's mock cluster never answers it,
        // nor reads that connection again): a later join starts on a new
        // connection.
        // JoinGroup (11) and SyncGroup (14) not sent yet are dropped too:
        // they must not reach the coordinator after the LeaveGroup.
        core.reset_coordinator_connection(&[11, 14]);
    }
    let req = typed_request(build, 0, 5, LEAVE_TIMEOUT, |core: &mut Core, r| {
        core.consumer_do(Box::new(move |c, core| {
            c.group.leave_inflight = false;
            let err = match r {
                Ok((resp, _)) => resp.error_code as i32,
                Err(e) => e.code,
            };
            if err != 0 {
                c.debug(core, "cgrp", "LEAVE", &format!("Leaving the group failed: {}", crate::error::describe(err)));
            }
            commits_settled(c);
        }));
    });
    core.send_to(slot, req);
}

/// How long close waits for the LeaveGroup answer.
const LEAVE_TIMEOUT: Duration = Duration::from_secs(5);

/// rd_kafka_consumer_close(): revoke (through the application), commit,
/// leave; `done` is signalled at the end.
pub fn close(c: &mut ConsumerLoop, core: &mut Core, done: crossbeam_channel::Sender<()>) {
    c.group.close_reply = Some(done);
    c.group.subscription.clear();
    core.want_all_topics = false;
    if c.assignment.is_empty() && c.group.owned.is_empty() {
        finish_close(c, core);
        return;
    }
    let owned: Vec<TpKey> = c.assignment.keys().cloned().collect();
    c.group.state = GState::WaitApp;
    c.group.pending = Some(Pending::Revoke { then_assign: None, rejoin: false, close: true });
    if c.shared.cfg.group_id.is_some() && c.group.generation >= 0 || !c.group.owned.is_empty() {
        deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS, owned);
    } else {
        // A manual assignment: just drop it.
        c.assign(core, Vec::new());
    }
}

fn finish_close(c: &mut ConsumerLoop, core: &mut Core) {
    leave_group(c, core, "consumer closed");
    c.group.owned.clear();
    c.group.state = GState::Init;
    c.group.close_waiting_commits = true;
    commits_settled(c);
}

/// Called after commits complete: a close waiting for them can finish.
pub fn commits_settled(c: &mut ConsumerLoop) {
    if c.group.close_waiting_commits && c.commits_inflight == 0 && !c.group.leave_inflight {
        if let Some(tx) = c.group.close_reply.take() {
            let _ = tx.send(());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_held_back_leader_sync_wakes_the_loop_only_while_assigning() {
        let cfg = crate::abi::conf_bridge::consumer_config(&crate::config::Conf::new());
        let mut g = Group::new(&cfg);
        let due = Instant::now() + LEADER_SYNC_HEAD_START;
        g.leader_sync = Some((1, due, Vec::new()));
        g.state = GState::Assigning;
        assert_eq!(g.next_wakeup(), Some(due));
        // After a rejoin its due time (soon in the past) must not keep
        // waking the loop.
        g.state = GState::NeedJoin;
        assert_eq!(g.next_wakeup(), None);
    }
}
