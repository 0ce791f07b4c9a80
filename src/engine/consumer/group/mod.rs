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
//!
//! This module holds the member state ([`Group`]) and the periodic work
//! ([`service`]); the protocol steps are in [`subscription`] (subscribe,
//! unsubscribe, matching topics against the metadata), [`join`] (JoinGroup,
//! the leader's assignment, SyncGroup), [`heartbeat`], [`rebalance`]
//! (revoking and assigning through the application) and [`leave`]
//! (LeaveGroup, close).

mod heartbeat;
mod join;
mod leave;
mod rebalance;
mod subscription;

pub use heartbeat::commit_group_error;
pub use leave::{close, commits_settled};
pub(super) use leave::leave_answered;
pub(super) use rebalance::{app_acted, deliver_rebalance, revoke_all};
pub use subscription::{metadata_updated, subscribe, unsubscribe};

use heartbeat::heartbeat;
use join::{join, sync};
use leave::leave_group;
use super::cloop::{ConsumerLoop, TpKey};
use super::{ConsumerConfig, GroupProtocol};
use crate::engine::queue::EventObj;
use crate::objects::types::*;
use crate::engine::assignor::{self, RebalanceProtocol};
use crate::engine::core::Core;
use crate::engine::instance::level;
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
    /// connection (see [`leave::leave_group`]).
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
