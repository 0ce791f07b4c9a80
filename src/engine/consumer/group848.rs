//! Group membership with the KIP-848 consumer group protocol
//! (`group.protocol=consumer`): the coordinator assigns partitions and the
//! member learns its target assignment from ConsumerGroupHeartbeat answers.
//!
//! The member
//! - joins with a heartbeat of epoch 0 that carries everything: its member
//!   id (a random UUID it makes itself, as ConsumerGroupHeartbeat v1 wants),
//!   the subscribed topic names and regular expression, the rebalance
//!   timeout (max.poll.interval.ms), the server-side assignor
//!   (group.remote.assignor), rack and static instance id;
//! - then heartbeats at the interval the coordinator gives, with only its
//!   id and epoch, plus its owned partitions whenever they changed (this
//!   acknowledges a reconciliation);
//! - reconciles incrementally: partitions leaving the target are revoked
//!   first (REVOKE_PARTITIONS through the rebalance callback or event), then
//!   the new ones are assigned (ASSIGN_PARTITIONS); topic ids are mapped to
//!   names through the metadata cache;
//! - when fenced (FENCED_MEMBER_EPOCH, UNKNOWN_MEMBER_ID) loses its
//!   partitions and joins again with epoch 0;
//! - leaves with epoch -1 (-2 for a static member) on close, unsubscribe and
//!   when max.poll.interval.ms passes.
//!
//! Where the coordinator lacks ConsumerGroupHeartbeat, librdkafka 2.16
//! marks the coordinator dead with _UNSUPPORTED_FEATURE in a debug message
//! and stays out of any group without telling the application; so does
//! this module (it tries again now and then, quietly).
//!
//! The member state shared with the classic protocol lives in
//! [`Group`]: `member_id`, `generation` (the member epoch), `owned`, `state`
//! and the pending rebalance; the rebalance plumbing (events, waiting for
//! the application, close) is the classic module's.

use super::cloop::{coordinator_error, gid, tname, ConsumerLoop, TpKey};
use super::group::{self, GState, Group, Pending};
use crate::objects::types::*;
use crate::engine::core::{typed_request, Core};
use crate::engine::instance::level;
use crate::error::KafkaError;
use kafka_protocol::messages::consumer_group_heartbeat_request::{ConsumerGroupHeartbeatRequest, TopicPartitions};
use kafka_protocol::messages::ConsumerGroupHeartbeatResponse;
use kafka_protocol::protocol::StrBytes;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{Duration, Instant};
use uuid::Uuid;

/// Heartbeat interval until the coordinator gives one.
const DEFAULT_INTERVAL: Duration = Duration::from_secs(3);
/// Retry delay after a failed heartbeat.
const RETRY: Duration = Duration::from_millis(500);
/// Retry delay when the coordinator does not have ConsumerGroupHeartbeat.
const UNSUPPORTED_RETRY: Duration = Duration::from_secs(10);
/// How long close waits for the answer to the leave heartbeat.
const LEAVE_TIMEOUT: Duration = Duration::from_secs(5);

/// The KIP-848 part of the member state.
pub struct State {
    /// Heartbeat interval the coordinator asked for.
    interval: Duration,
    /// The last target assignment received, by topic id (None: none since
    /// joining).
    target: Option<BTreeMap<Uuid, Vec<i32>>>,
    /// Topic ids by name, learned from targets (for acknowledgements).
    ids: HashMap<String, Uuid>,
    /// The next heartbeat carries every field (join, new subscription,
    /// coordinator change).
    send_full: bool,
    /// The next heartbeat carries the owned partitions (they changed).
    send_owned: bool,
    /// The member has had an answer to its join heartbeat.
    joined: bool,
    /// The assignment was lost: no heartbeat until the application has
    /// given it up and the member joins again.
    lost: bool,
    /// The pending rebalance is a reconciliation step (the member stays).
    reconciling: bool,
    /// Unsubscribed: leave once the revocation is done.
    leave_after_revoke: bool,
    /// Subscribed again before that revocation was done: stay a member.
    resume_after_revoke: bool,
    /// Left because max.poll.interval.ms passed.
    poll_exceeded: bool,
    /// Bumped on every (re)join: answers to older heartbeats are stale.
    incarnation: u64,
    /// When the last target that could not be fully resolved was noted.
    unresolved_logged: bool,
}

impl State {
    pub fn new() -> State {
        State {
            interval: DEFAULT_INTERVAL,
            target: None,
            ids: HashMap::new(),
            send_full: true,
            send_owned: false,
            joined: false,
            lost: false,
            reconciling: false,
            leave_after_revoke: false,
            resume_after_revoke: false,
            poll_exceeded: false,
            incarnation: 0,
            unresolved_logged: false,
        }
    }
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

/// A new member id: a random UUID in base64 without padding (22
/// characters), as librdkafka makes it.
fn new_member_id() -> String {
    let mut b = [0u8; 16];
    let mut filled = 0;
    while filled < b.len() {
        // SAFETY: getrandom writes at most the remaining bytes of `b`.
        let n = unsafe { libc::getrandom(b[filled..].as_mut_ptr() as *mut libc::c_void, b.len() - filled, 0) };
        if n <= 0 {
            // No entropy source: fall back on the clock and the pid.
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
            b[..12].copy_from_slice(&t.to_le_bytes()[..12]);
            b[12..].copy_from_slice(&std::process::id().to_le_bytes());
            break;
        }
        filled += n as usize;
    }
    // Version 4, variant 1, like any random UUID.
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    base64_nopad(&b)
}

fn base64_nopad(data: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let v = chunk.iter().enumerate().fold(0u32, |acc, (i, &x)| acc | (x as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(A[(v >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn sb(s: &str) -> StrBytes {
    StrBytes::from_string(s.to_string())
}

/// The topic of a topic id in the metadata cache.
fn topic_of(core: &Core, id: &Uuid) -> Option<String> {
    let (hi, lo) = id.as_u64_pair();
    let want = (hi as i64, lo as i64);
    if want == (0, 0) {
        return None;
    }
    core.metadata.topics.values().find(|(t, _)| t.topic_id == want).map(|(t, _)| t.name.clone())
}

/// The topic id of a topic name (from targets, else the metadata cache).
fn id_of(g: &Group, core: &Core, name: &str) -> Option<Uuid> {
    if let Some(id) = g.k848.ids.get(name) {
        return Some(*id);
    }
    let (hi, lo) = core.metadata.topic(name)?.topic_id;
    ((hi, lo) != (0, 0)).then(|| Uuid::from_u64_pair(hi as u64, lo as u64))
}

fn fmt_parts<'a>(parts: impl IntoIterator<Item = &'a TpKey>) -> String {
    parts.into_iter().map(|(t, p)| format!("{t}[{p}]")).collect::<Vec<_>>().join(", ")
}

pub fn next_wakeup(g: &Group) -> Option<Instant> {
    // While a heartbeat is on its way (possibly waiting for the
    // coordinator) the next one is not due, whatever the clock says.
    let mut t = if g.hb_inflight { None } else { g.next_heartbeat };
    if let Some(j) = g.join_after {
        t = Some(t.map_or(j, |t| t.min(j)));
    }
    if matches!(g.state, GState::NeedJoin) && !g.hb_inflight && g.next_heartbeat.is_none() && g.join_after.is_none() {
        t = Some(Instant::now());
    }
    if matches!(g.state, GState::Steady | GState::WaitApp | GState::PollExceeded) {
        // max.poll.interval.ms checks and rejoining after it.
        let s = Instant::now() + Duration::from_millis(500);
        t = Some(t.map_or(s, |t| t.min(s)));
    }
    t
}

/// subscribe() set a (new) subscription.
pub fn subscribed(c: &mut ConsumerLoop, core: &mut Core) {
    if c.group.member_id.is_empty() {
        c.group.member_id = new_member_id();
        let msg = format!("Group \"{}\": member id is {}", c.shared.cfg.group_id.as_deref().unwrap_or(""), c.group.member_id);
        c.debug(core, "cgrp", "MEMBERID", &msg);
    }
    *core.inst.member_id.lock() = Some(c.group.member_id.clone());
    c.group.k848.send_full = true;
    let leaving = std::mem::take(&mut c.group.k848.leave_after_revoke);
    c.group.k848.resume_after_revoke = leaving && c.group.state == GState::WaitApp;
    c.group.k848.poll_exceeded = false;
    match c.group.state {
        GState::Init | GState::PollExceeded => start_join(c),
        // A member: the new subscription goes with the next heartbeat, now.
        _ => c.group.next_heartbeat = Some(Instant::now()),
    }
}

/// (Re)joins with epoch 0 at the next service.
fn start_join(c: &mut ConsumerLoop) {
    let k = &mut c.group.k848;
    k.incarnation += 1;
    k.target = None;
    k.send_full = true;
    k.send_owned = false;
    k.joined = false;
    k.lost = false;
    c.group.generation = 0;
    c.group.state = GState::NeedJoin;
    c.group.next_heartbeat = None;
}

/// unsubscribe(): give the assignment up through the application, then
/// leave.
pub fn unsubscribe(c: &mut ConsumerLoop, core: &mut Core) {
    if matches!(c.group.state, GState::Init | GState::PollExceeded) {
        c.group.state = GState::Init;
        return;
    }
    c.group.k848.leave_after_revoke = true;
    c.group.k848.reconciling = false;
    group::revoke_all(c, core, false, false, "unsubscribe");
    if c.group.state != GState::WaitApp {
        c.group.k848.leave_after_revoke = false;
        leave(c, core, "unsubscribe");
    }
}

/// Metadata arrived: topic ids of the target may now be known.
pub fn metadata_updated(c: &mut ConsumerLoop, core: &mut Core) {
    if c.group.state == GState::Steady && c.group.k848.target.is_some() {
        reconcile(c, core);
    }
}

/// Periodic work: the application's rebalance handling, heartbeats,
/// max.poll.interval.ms.
pub fn service(c: &mut ConsumerLoop, core: &mut Core) {
    if c.group.app_acted {
        c.group.app_acted = false;
        after_app(c, core);
    }
    let now = Instant::now();
    match c.group.state {
        GState::PollExceeded => {
            let last = c.shared.last_poll_ms.load(std::sync::atomic::Ordering::Acquire);
            let now_ms = c.shared.now_ms();
            if now_ms - last < c.shared.cfg.max_poll_interval.as_millis() as i64 && c.group.is_subscribed() && !c.group.leave_inflight {
                c.group.k848.poll_exceeded = false;
                c.debug(core, "cgrp", "JOIN", "The application polled again: joining the group");
                start_join(c);
            }
        }
        GState::NeedJoin | GState::Steady | GState::WaitApp => {
            if c.group.state != GState::NeedJoin && poll_exceeded(c, core) {
                return;
            }
            let due = c.group.next_heartbeat.is_none_or(|t| t <= now) && c.group.join_after.is_none_or(|t| t <= now);
            // An acknowledgement of a revocation waits for the commits of
            // the revoked partitions.
            let held = c.group.k848.send_owned && c.group.commit_holds > 0;
            let lost = c.group.k848.lost && c.group.state == GState::WaitApp;
            if due && !c.group.hb_inflight && !held && !lost {
                heartbeat(c, core);
            }
        }
        _ => {}
    }
}

/// Leaves the group when the application stopped polling for longer than
/// max.poll.interval.ms; true if it did.
fn poll_exceeded(c: &mut ConsumerLoop, core: &mut Core) -> bool {
    let last = c.shared.last_poll_ms.load(std::sync::atomic::Ordering::Acquire);
    let now_ms = c.shared.now_ms();
    let max = c.shared.cfg.max_poll_interval.as_millis() as i64;
    if now_ms - last <= max || c.group.close_reply.is_some() {
        return false;
    }
    let msg = format!("Application maximum poll interval ({max}ms) exceeded by {}ms", now_ms - last - max);
    core.log(level::WARNING, "MAXPOLL", &msg);
    group::consumer_error(core, RD_KAFKA_RESP_ERR__MAX_POLL_EXCEEDED, &msg);
    c.group.k848.reconciling = false;
    group::revoke_all(c, core, true, false, "max.poll.interval.ms exceeded");
    leave(c, core, "max.poll.interval.ms exceeded");
    c.group.k848.poll_exceeded = true;
    if c.group.state != GState::WaitApp {
        c.group.state = GState::PollExceeded;
    }
    true
}

/// The application applied (or the loop applied for it) a rebalance.
fn after_app(c: &mut ConsumerLoop, core: &mut Core) {
    if c.group.pending.is_none() {
        return;
    }
    let reconciling = std::mem::take(&mut c.group.k848.reconciling);
    group::app_acted(c, core);
    if c.group.close_reply.is_some() {
        // Closing: the classic close path goes on (leave, then done).
        return;
    }
    if c.group.state == GState::WaitApp {
        // The assignment half of a revoke-then-assign step is out.
        c.group.k848.reconciling = reconciling;
        return;
    }
    if c.group.k848.poll_exceeded {
        c.group.state = GState::PollExceeded;
        return;
    }
    if c.group.k848.leave_after_revoke {
        c.group.k848.leave_after_revoke = false;
        leave(c, core, "unsubscribe");
        return;
    }
    if std::mem::take(&mut c.group.k848.resume_after_revoke) && c.group.state == GState::Init {
        // Unsubscribed and subscribed again meanwhile: the member never
        // left, its new subscription goes out now.
        c.group.state = GState::Steady;
        c.group.k848.send_full = true;
        c.group.next_heartbeat = Some(Instant::now());
        reconcile(c, core);
        return;
    }
    if c.group.state == GState::NeedJoin {
        // Lost: join again with epoch 0.
        start_join(c);
        return;
    }
    if reconciling {
        // A reconciliation step is done: acknowledge it at once, and go on
        // if the target moved meanwhile.
        c.group.state = GState::Steady;
        c.group.k848.send_owned = true;
        c.group.next_heartbeat = Some(Instant::now());
        let msg = format!("Reconciled; now owning {} partition(s): {}", c.group.owned.len(), fmt_parts(&c.group.owned));
        c.debug(core, "cgrp", "RECONCILE", &msg);
        reconcile(c, core);
    }
}

/// Moves the owned partitions towards the target: revoke first, then
/// assign.
fn reconcile(c: &mut ConsumerLoop, core: &mut Core) {
    if c.group.state != GState::Steady || c.group.pending.is_some() || c.group.close_reply.is_some() {
        return;
    }
    let Some(target) = c.group.k848.target.clone() else { return };
    let mut want: BTreeSet<TpKey> = BTreeSet::new();
    let mut unresolved = Vec::new();
    for (id, parts) in &target {
        match topic_of(core, id) {
            Some(name) => {
                c.group.k848.ids.insert(name.clone(), *id);
                want.extend(parts.iter().map(|p| (name.clone(), *p)));
            }
            None => unresolved.push(*id),
        }
    }
    if !unresolved.is_empty() {
        // Go ahead with what is known; the rest follows with metadata.
        if !c.group.k848.unresolved_logged {
            c.group.k848.unresolved_logged = true;
            let ids: Vec<String> = unresolved.iter().map(|u| u.to_string()).collect();
            c.debug(core, "cgrp", "RECONCILE", &format!("No metadata yet for assigned topic id(s) {}", ids.join(", ")));
        }
        core.refresh_metadata_soon();
    } else {
        c.group.k848.unresolved_logged = false;
    }
    let revoke: Vec<TpKey> = c.group.owned.difference(&want).cloned().collect();
    let add: Vec<TpKey> = want.difference(&c.group.owned).cloned().collect();
    if revoke.is_empty() && add.is_empty() {
        return;
    }
    let msg = format!("Reconciling with the target assignment: revoking [{}], assigning [{}]", fmt_parts(&revoke), fmt_parts(&add));
    c.debug(core, "cgrp", "RECONCILE", &msg);
    c.last_rebalance_reason = "target assignment changed".to_string();
    c.group.state = GState::WaitApp;
    c.group.k848.reconciling = true;
    if !revoke.is_empty() {
        let then_assign = (!add.is_empty()).then_some(add);
        c.group.pending = Some(Pending::Revoke { then_assign, rejoin: false, close: false });
        group::deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS, revoke);
    } else {
        c.group.owned.extend(add.iter().cloned());
        c.group.pending = Some(Pending::Assign { rejoin: false });
        group::deliver_rebalance(c, core, RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS, add);
    }
}

/// The owned partitions by topic id (partitions of topics whose id is not
/// known are left out).
fn owned_by_id(c: &ConsumerLoop, core: &Core) -> Vec<TopicPartitions> {
    let mut by_id: BTreeMap<Uuid, Vec<i32>> = BTreeMap::new();
    for (t, p) in &c.group.owned {
        if let Some(id) = id_of(&c.group, core, t) {
            by_id.entry(id).or_default().push(*p);
        }
    }
    by_id.into_iter().map(|(id, ps)| TopicPartitions::default().with_topic_id(id).with_partitions(ps)).collect()
}

/// What one heartbeat carries.
struct HbFields {
    group: String,
    member_id: String,
    epoch: i32,
    instance_id: Option<String>,
    rack: Option<String>,
    rebalance_timeout: i32,
    names: Option<Vec<String>>,
    regex: Option<String>,
    assignor: Option<String>,
    owned: Option<Vec<TopicPartitions>>,
}

impl HbFields {
    fn request(&self) -> ConsumerGroupHeartbeatRequest {
        ConsumerGroupHeartbeatRequest::default()
            .with_group_id(gid(&self.group))
            .with_member_id(sb(&self.member_id))
            .with_member_epoch(self.epoch)
            .with_instance_id(self.instance_id.as_deref().map(sb))
            .with_rack_id(self.rack.as_deref().map(sb))
            .with_rebalance_timeout_ms(self.rebalance_timeout)
            .with_subscribed_topic_names(self.names.as_ref().map(|v| v.iter().map(|t| tname(t)).collect()))
            .with_subscribed_topic_regex(self.regex.as_deref().map(sb))
            .with_server_assignor(self.assignor.as_deref().map(sb))
            .with_topic_partitions(self.owned.clone())
    }
}

/// The subscription as the broker takes it: literal names, and the
/// patterns as one regular expression (the broker matches whole names).
fn subscription_fields(subscription: &[String]) -> (Vec<String>, Option<String>) {
    let names: Vec<String> = subscription.iter().filter(|t| !t.starts_with('^')).cloned().collect();
    let patterns: Vec<&str> = subscription.iter().filter(|t| t.starts_with('^')).map(|t| t.as_str()).collect();
    let regex = match patterns.len() {
        0 => None,
        1 => Some(patterns[0].to_string()),
        _ => Some(patterns.iter().map(|p| format!("(?:{p})")).collect::<Vec<_>>().join("|")),
    };
    (names, regex)
}

fn heartbeat(c: &mut ConsumerLoop, core: &mut Core) {
    let joining = c.group.state == GState::NeedJoin;
    if joining {
        c.group.generation = 0;
    }
    let cfg = &c.shared.cfg;
    // Epoch 0 means joining to the coordinator: such a heartbeat carries
    // the subscription (a member can be told epoch 0 until it gets
    // partitions).
    let full = c.group.k848.send_full || joining || c.group.generation == 0;
    let send_owned = full || c.group.k848.send_owned;
    let mut f = HbFields {
        group: cfg.group_id.clone().unwrap_or_default(),
        member_id: c.group.member_id.clone(),
        epoch: c.group.generation,
        instance_id: None,
        rack: None,
        rebalance_timeout: -1,
        names: None,
        regex: None,
        assignor: None,
        owned: send_owned.then(|| owned_by_id(c, core)),
    };
    if full {
        let (names, regex) = subscription_fields(&c.group.subscription);
        f.instance_id = cfg.group_instance_id.clone();
        f.rack = cfg.client_rack.clone();
        f.rebalance_timeout = cfg.max_poll_interval.as_millis().min(i32::MAX as u128) as i32;
        // Names and regular expression go together (an empty expression:
        // none, clearing any sent before), as librdkafka sends them.
        f.names = Some(names);
        f.regex = Some(regex.unwrap_or_default());
        f.assignor = cfg.group_remote_assignor.clone();
        let msg = format!(
            "ConsumerGroupHeartbeat of member {} epoch {}: subscription {:?}{}, owning [{}]",
            f.member_id,
            f.epoch,
            f.names.as_deref().unwrap_or_default(),
            f.regex.as_deref().map(|r| format!(" regex \"{r}\"")).unwrap_or_default(),
            fmt_parts(&c.group.owned)
        );
        c.debug(core, "cgrp", "HEARTBEAT", &msg);
    } else if c.debug_on(core, "cgrp") {
        let owned = if send_owned { format!(", acknowledging [{}]", fmt_parts(&c.group.owned)) } else { String::new() };
        let msg = format!("ConsumerGroupHeartbeat of member {} epoch {}{owned}", f.member_id, f.epoch);
        c.debug(core, "cgrp", "HEARTBEAT", &msg);
    }
    let acked: BTreeSet<TpKey> = c.group.owned.clone();
    let incarnation = c.group.k848.incarnation;
    c.group.hb_inflight = true;
    c.group.next_heartbeat = Some(Instant::now() + c.group.k848.interval);
    let timeout = core.cfg.socket_timeout;
    c.with_coordinator(core, timeout, Box::new(move |c, core, slot| {
        let slot = match slot {
            Ok(s) => s,
            Err(e) => {
                c.group.hb_inflight = false;
                if c.group.k848.incarnation == incarnation {
                    heartbeat_failed(c, core, e.code, &e.message);
                }
                return;
            }
        };
        let req = typed_request(move |_v| f.request(), 1, 1, timeout, move |core: &mut Core, r| {
            core.consumer_do(Box::new(move |c, core| {
                c.group.hb_inflight = false;
                if c.group.k848.incarnation != incarnation || matches!(c.group.state, GState::Init | GState::PollExceeded) {
                    return;
                }
                on_heartbeat(c, core, r, full, send_owned.then_some(acked));
            }));
        });
        core.send_to(slot, req);
    }));
}

fn on_heartbeat(
    c: &mut ConsumerLoop,
    core: &mut Core,
    r: Result<(ConsumerGroupHeartbeatResponse, usize), KafkaError>,
    full: bool,
    acked: Option<BTreeSet<TpKey>>,
) {
    let resp = match r {
        Ok((resp, slot)) => {
            core.throttled(slot, resp.throttle_time_ms);
            resp
        }
        Err(e) => return heartbeat_failed(c, core, e.code, &e.message),
    };
    let err = resp.error_code as i32;
    if err != 0 {
        let msg = resp.error_message.as_ref().map(|m| m.to_string()).unwrap_or_else(|| crate::error::describe(err).to_string());
        return heartbeat_failed(c, core, err, &msg);
    }
    if let Some(id) = resp.member_id.as_ref().filter(|m| !m.is_empty() && ***m != *c.group.member_id) {
        c.group.member_id = id.to_string();
        *core.inst.member_id.lock() = Some(c.group.member_id.clone());
    }
    let k = &mut c.group.k848;
    if full {
        k.send_full = false;
    }
    if acked.is_some_and(|a| a == c.group.owned) {
        k.send_owned = false;
    }
    if resp.heartbeat_interval_ms > 0 {
        k.interval = Duration::from_millis(resp.heartbeat_interval_ms as u64);
    }
    c.group.next_heartbeat = Some(Instant::now() + k.interval);
    c.group.join_after = None;
    let epoch_changed = c.group.generation != resp.member_epoch;
    c.group.generation = resp.member_epoch;
    if c.group.state == GState::NeedJoin {
        c.group.k848.joined = true;
        c.group.state = GState::Steady;
        let msg = format!(
            "Joined group \"{}\" as member {} with epoch {}",
            c.shared.cfg.group_id.as_deref().unwrap_or(""),
            c.group.member_id,
            resp.member_epoch
        );
        c.debug(core, "cgrp", "JOINGROUP", &msg);
    } else if epoch_changed {
        c.debug(core, "cgrp", "HEARTBEAT", &format!("Member epoch is now {}", resp.member_epoch));
    }
    if let Some(a) = resp.assignment {
        let mut target: BTreeMap<Uuid, Vec<i32>> = BTreeMap::new();
        for t in a.topic_partitions {
            target.entry(t.topic_id).or_default().extend(t.partitions);
        }
        if c.debug_on(core, "cgrp") {
            let desc: Vec<String> = target.iter().map(|(id, ps)| format!("{id}{ps:?}")).collect();
            c.debug(core, "cgrp", "HEARTBEAT", &format!("Target assignment: {}", desc.join(", ")));
        }
        c.group.k848.target = Some(target);
    }
    reconcile(c, core);
}

fn heartbeat_failed(c: &mut ConsumerLoop, core: &mut Core, err: rd_kafka_resp_err_t, msg: &str) {
    let now = Instant::now();
    let text = format!("ConsumerGroupHeartbeat failed: {}: {msg}", crate::error::describe(err));
    c.debug(core, "cgrp", "HEARTBEAT", &text);
    match err {
        RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE | RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION => {
            c.coordinator_dead(core, "ConsumerGroupHeartbeatRequest not supported by broker");
            c.group.k848.send_full = true;
            c.group.next_heartbeat = Some(now + UNSUPPORTED_RETRY);
        }
        RD_KAFKA_RESP_ERR_FENCED_MEMBER_EPOCH | RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID => lose_and_rejoin(c, core, &text),
        RD_KAFKA_RESP_ERR_UNRELEASED_INSTANCE_ID | RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID => {
            let m = format!("Fatal consumer error: {text}");
            core.inst.set_fatal(KafkaError::new(err, m));
            c.group.k848.reconciling = false;
            c.group.k848.poll_exceeded = false;
            group::revoke_all(c, core, true, false, "fenced static member");
            c.group.generation = -1;
            if c.group.state != GState::WaitApp {
                c.group.state = GState::Init;
            }
        }
        RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS => c.group.next_heartbeat = Some(now + RETRY),
        e if coordinator_error(e) => {
            c.coordinator_dead(core, msg);
            c.group.k848.send_full = true;
            c.group.next_heartbeat = Some(now + RETRY);
        }
        RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED
        | RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED
        | RD_KAFKA_RESP_ERR_INVALID_REQUEST
        | RD_KAFKA_RESP_ERR_UNSUPPORTED_ASSIGNOR
        | RD_KAFKA_RESP_ERR_GROUP_MAX_SIZE_REACHED
        | RD_KAFKA_RESP_ERR_INVALID_REGULAR_EXPRESSION
        | RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND => {
            group::consumer_error(core, err, &text);
            c.group.k848.send_full = true;
            c.group.next_heartbeat = Some(now + c.group.k848.interval.max(Duration::from_secs(1)));
        }
        _ => {
            c.group.k848.send_full = true;
            c.group.next_heartbeat = Some(now + RETRY);
        }
    }
}

/// The member is no longer in the group: its partitions are lost (the
/// application gets them revoked, with rd_kafka_assignment_lost() true)
/// and it joins again with epoch 0.
fn lose_and_rejoin(c: &mut ConsumerLoop, core: &mut Core, why: &str) {
    core.log(level::INFO, "HEARTBEAT", &format!("{why}: assignment lost, joining again"));
    c.group.k848.reconciling = false;
    c.group.k848.target = None;
    group::revoke_all(c, core, true, true, why);
    if c.group.state == GState::WaitApp {
        c.group.k848.lost = true;
        c.group.k848.incarnation += 1;
        c.group.generation = 0;
    } else {
        start_join(c);
    }
}

/// A commit failed with a group error.
pub fn commit_error(c: &mut ConsumerLoop, core: &mut Core, err: rd_kafka_resp_err_t) {
    match err {
        RD_KAFKA_RESP_ERR_FENCED_MEMBER_EPOCH | RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID
            if matches!(c.group.state, GState::Steady | GState::WaitApp) && !c.group.k848.lost =>
        {
            lose_and_rejoin(c, core, &format!("OffsetCommit failed: {}", crate::error::describe(err)));
        }
        // The epoch moved on: the next heartbeat tells the new one.
        RD_KAFKA_RESP_ERR_STALE_MEMBER_EPOCH if c.group.state == GState::Steady => c.group.next_heartbeat = Some(Instant::now()),
        _ => {}
    }
}

/// Leaves the group: a heartbeat with epoch -1 (-2 for a static member, so
/// that it keeps its assignment until the session times out). Close waits
/// for the answer.
pub fn leave(c: &mut ConsumerLoop, core: &mut Core, reason: &str) {
    c.forget_carried();
    let joined = c.group.k848.joined;
    let epoch = if c.shared.cfg.group_instance_id.is_some() { -2 } else { -1 };
    c.group.k848.incarnation += 1;
    c.group.k848.joined = false;
    c.group.k848.target = None;
    c.group.k848.send_full = true;
    c.group.k848.send_owned = false;
    c.group.generation = -1;
    c.group.next_heartbeat = None;
    c.group.hb_inflight = false;
    if c.group.state != GState::WaitApp {
        c.group.state = GState::Init;
    }
    if !joined || c.coord.id < 0 {
        return;
    }
    let Some(slot) = core.coordinator_slot(c.coord.id) else { return };
    c.debug(core, "cgrp", "LEAVE", &format!("Leaving group with epoch {epoch}: {reason}"));
    let f = HbFields {
        group: c.shared.cfg.group_id.clone().unwrap_or_default(),
        member_id: c.group.member_id.clone(),
        epoch,
        instance_id: c.shared.cfg.group_instance_id.clone(),
        rack: None,
        rebalance_timeout: -1,
        names: None,
        regex: None,
        assignor: None,
        owned: None,
    };
    c.group.leave_inflight = true;
    let req = typed_request(move |_v| f.request(), 1, 1, LEAVE_TIMEOUT, move |core: &mut Core, r| {
        let err = match r {
            Ok((resp, _)) => resp.error_code as i32,
            Err(e) => e.code,
        };
        core.consumer_do(Box::new(move |c, core| group::leave_answered(c, core, err)));
    });
    core.send_to(slot, req);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn member_ids_are_22_base64_chars() {
        let a = new_member_id();
        let b = new_member_id();
        assert_eq!(a.len(), 22);
        assert_ne!(a, b);
        assert!(a.bytes().all(|x| x.is_ascii_alphanumeric() || x == b'+' || x == b'/'));
        assert_eq!(base64_nopad(b"hello"), "aGVsbG8");
        assert_eq!(base64_nopad(&[0xfb, 0xff]), "+/8");
    }

    #[test]
    fn subscription_as_names_and_one_regex() {
        let sub: Vec<String> = vec!["a".into(), "^b.*".into(), "c".into()];
        assert_eq!(subscription_fields(&sub), (vec!["a".to_string(), "c".to_string()], Some("^b.*".to_string())));
        let sub: Vec<String> = vec!["^b.*".into(), "^d".into()];
        assert_eq!(subscription_fields(&sub), (vec![], Some("(?:^b.*)|(?:^d)".to_string())));
    }
}
