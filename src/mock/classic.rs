//! The classic consumer group coordinator (JoinGroup / SyncGroup /
//! Heartbeat / LeaveGroup): members, generations, leader election and
//! assignment distribution, with the broker's timing rules:
//!
//! - a new group waits `group.initial.rebalance.delay.ms` for more members
//!   before the first generation;
//! - a rebalance of an existing group completes as soon as every member has
//!   rejoined, or when the longest rebalance timeout expires (members that
//!   did not rejoin are removed);
//! - followers' SyncGroup wait for the leader's assignments;
//! - members not heard from within their session timeout are removed.

use std::time::{Duration, Instant};

use bytes::Bytes;
use kafka_protocol::messages::join_group_response::JoinGroupResponseMember;
use kafka_protocol::messages::{JoinGroupResponse, SyncGroupResponse};

use super::errors as e;
use super::handlers::{osb, sb};
use super::server::Outgoing;
use crate::protocol::encode_response;

/// A request held until the group can answer it.
#[derive(Clone, Copy, Debug)]
pub struct Pending {
    pub conn: usize,
    pub version: i16,
    pub corr: i32,
}

#[derive(Clone, Debug)]
pub struct Member {
    pub id: String,
    pub instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub protocols: Vec<(String, Bytes)>,
    pub session_timeout: Duration,
    pub rebalance_timeout: Duration,
    pub last_seen: Instant,
    pub assignment: Option<Bytes>,
    pub join: Option<Pending>,
    pub sync: Option<Pending>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupState {
    Empty,
    /// PreparingRebalance: waiting for members to (re)join.
    Joining,
    /// CompletingRebalance: waiting for the leader's assignments.
    Syncing,
    /// Stable.
    Up,
}

impl GroupState {
    /// The state name Kafka reports (DescribeGroups, ListGroups).
    pub fn name(self) -> &'static str {
        match self {
            GroupState::Empty => "Empty",
            GroupState::Joining => "PreparingRebalance",
            GroupState::Syncing => "CompletingRebalance",
            GroupState::Up => "Stable",
        }
    }
}

#[derive(Clone, Debug)]
pub struct ClassicGroup {
    pub id: String,
    pub protocol_type: String,
    pub protocol_name: Option<String>,
    pub generation: i32,
    pub state: GroupState,
    pub members: Vec<Member>,
    pub leader: Option<String>,
    /// When the current Joining/Syncing phase gives up waiting.
    pub timer: Option<Instant>,
    /// Joining started from Empty: wait for the initial delay, not for
    /// every member.
    initial: bool,
}

/// Encode a JoinGroup response.
#[allow(clippy::too_many_arguments)]
fn join_response(
    p: Pending,
    err: i16,
    generation: i32,
    protocol_type: Option<&str>,
    protocol: Option<&str>,
    leader: &str,
    member_id: &str,
    members: Vec<JoinGroupResponseMember>,
) -> Outgoing {
    let mut r = JoinGroupResponse::default()
        .with_error_code(err)
        .with_generation_id(generation)
        .with_protocol_name(osb(protocol))
        .with_leader(sb(leader))
        .with_member_id(sb(member_id))
        .with_members(members);
    if p.version >= 7 {
        r = r.with_protocol_type(osb(protocol_type));
    }
    if p.version < 7 && protocol.is_none() {
        // Versions before 7 have a non-nullable protocol name.
        r = r.with_protocol_name(Some(sb("")));
    }
    Outgoing {
        conn: p.conn,
        data: encode_response(11, p.version, p.corr, &r)
            .ok()
            .map(|b| b.freeze()),
        delay: Duration::ZERO,
        unpark: true,
    }
}

/// An error JoinGroup response.
pub fn join_error(p: Pending, err: i16, member_id: &str) -> Outgoing {
    join_response(p, err, -1, None, None, "", member_id, Vec::new())
}

/// Encode a SyncGroup response.
pub fn sync_response(
    p: Pending,
    err: i16,
    assignment: Option<Bytes>,
    ptype: &str,
    pname: Option<&str>,
) -> Outgoing {
    let mut r = SyncGroupResponse::default()
        .with_error_code(err)
        .with_assignment(assignment.unwrap_or_default());
    if p.version >= 5 {
        r = r
            .with_protocol_type(Some(sb(ptype)))
            .with_protocol_name(osb(pname));
    }
    Outgoing {
        conn: p.conn,
        data: encode_response(14, p.version, p.corr, &r)
            .ok()
            .map(|b| b.freeze()),
        delay: Duration::ZERO,
        unpark: true,
    }
}

/// What a JoinGroup needs to know about the request.
pub struct JoinArgs {
    pub member_id: String,
    pub instance_id: Option<String>,
    pub client_id: String,
    pub protocol_type: String,
    pub protocols: Vec<(String, Bytes)>,
    pub session_timeout: Duration,
    pub rebalance_timeout: Duration,
}

impl ClassicGroup {
    pub fn new(id: &str, protocol_type: &str) -> ClassicGroup {
        ClassicGroup {
            id: id.to_string(),
            protocol_type: protocol_type.to_string(),
            protocol_name: None,
            generation: 0,
            state: GroupState::Empty,
            members: Vec::new(),
            leader: None,
            timer: None,
            initial: false,
        }
    }

    pub fn member(&self, id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.id == id)
    }

    fn member_mut(&mut self, id: &str) -> Option<&mut Member> {
        self.members.iter_mut().find(|m| m.id == id)
    }

    fn max_rebalance_timeout(&self) -> Duration {
        self.members
            .iter()
            .map(|m| m.rebalance_timeout)
            .max()
            .unwrap_or(Duration::from_secs(60))
    }

    /// Start (or keep) a rebalance.
    fn rebalance(&mut self, now: Instant, initial_delay: Duration, out: &mut Vec<Outgoing>) {
        match self.state {
            GroupState::Joining => return,
            GroupState::Empty => {
                self.initial = true;
                self.timer = Some(now + initial_delay);
            }
            GroupState::Syncing => {
                self.abort_syncs(out);
                self.initial = false;
                self.timer = Some(now + self.max_rebalance_timeout());
            }
            GroupState::Up => {
                self.initial = false;
                self.timer = Some(now + self.max_rebalance_timeout());
            }
        }
        self.state = GroupState::Joining;
    }

    fn abort_syncs(&mut self, out: &mut Vec<Outgoing>) {
        let (pt, pn) = (self.protocol_type.clone(), self.protocol_name.clone());
        for m in self.members.iter_mut() {
            if let Some(p) = m.sync.take() {
                out.push(sync_response(
                    p,
                    e::REBALANCE_IN_PROGRESS,
                    None,
                    &pt,
                    pn.as_deref(),
                ));
            }
            m.assignment = None;
        }
    }

    /// Handle a JoinGroup: the answer comes later (Ok) or now (Err code).
    pub fn join(
        &mut self,
        args: JoinArgs,
        pending: Pending,
        now: Instant,
        initial_delay: Duration,
        out: &mut Vec<Outgoing>,
    ) -> Result<(), i16> {
        if args.protocols.is_empty() || args.protocol_type.is_empty() {
            return Err(e::INCONSISTENT_GROUP_PROTOCOL);
        }
        if !self.members.is_empty() && args.protocol_type != self.protocol_type {
            return Err(e::INCONSISTENT_GROUP_PROTOCOL);
        }
        // Every member must share at least one protocol.
        if !self.members.is_empty()
            && !args.protocols.iter().any(|(n, _)| {
                self.members
                    .iter()
                    .filter(|m| m.id != args.member_id)
                    .all(|m| m.protocols.iter().any(|(x, _)| x == n))
            })
        {
            return Err(e::INCONSISTENT_GROUP_PROTOCOL);
        }
        let mut id = args.member_id.clone();
        if self.member(&id).is_none() {
            if !id.is_empty() {
                // A member id the group does not know.
                if let Some(inst) = &args.instance_id {
                    if let Some(m) = self
                        .members
                        .iter()
                        .find(|m| m.instance_id.as_ref() == Some(inst))
                    {
                        id = m.id.clone();
                    } else {
                        return Err(e::UNKNOWN_MEMBER_ID);
                    }
                } else {
                    return Err(e::UNKNOWN_MEMBER_ID);
                }
            } else if let Some(m) = args.instance_id.as_ref().and_then(|inst| {
                self.members
                    .iter()
                    .find(|m| m.instance_id.as_ref() == Some(inst))
            }) {
                // A static member coming back.
                id = m.id.clone();
            } else {
                let cid = if args.client_id.is_empty() {
                    "member"
                } else {
                    &args.client_id
                };
                id = format!(
                    "{cid}-{}",
                    super::handlers::uuid(super::state::random_uuid())
                );
                self.members.push(Member {
                    id: id.clone(),
                    instance_id: args.instance_id.clone(),
                    client_id: args.client_id.clone(),
                    client_host: "/127.0.0.1".into(),
                    protocols: Vec::new(),
                    session_timeout: args.session_timeout,
                    rebalance_timeout: args.rebalance_timeout,
                    last_seen: now,
                    assignment: None,
                    join: None,
                    sync: None,
                });
            }
        }
        if self.members.len() == 1 && self.state == GroupState::Empty {
            self.protocol_type = args.protocol_type.clone();
        }
        let m = self.member_mut(&id).unwrap();
        if let Some(old) = m.join.take() {
            // A retried JoinGroup supersedes the previous one.
            out.push(join_error(old, e::REBALANCE_IN_PROGRESS, &id));
        }
        m.protocols = args.protocols;
        m.session_timeout = args.session_timeout;
        m.rebalance_timeout = args.rebalance_timeout;
        m.last_seen = now;
        m.join = Some(pending);
        self.rebalance(now, initial_delay, out);
        self.maybe_complete_join(now, out);
        Ok(())
    }

    /// Finish the join phase early once every member has rejoined (not
    /// for a group forming from Empty, which waits for its initial delay).
    fn maybe_complete_join(&mut self, now: Instant, out: &mut Vec<Outgoing>) {
        if self.state == GroupState::Joining
            && !self.initial
            && !self.members.is_empty()
            && self.members.iter().all(|m| m.join.is_some())
        {
            self.complete_join(now, out);
        }
    }

    /// Elect a leader, pick the protocol, answer every waiting JoinGroup.
    fn complete_join(&mut self, now: Instant, out: &mut Vec<Outgoing>) {
        // Members that did not rejoin are out.
        self.members.retain(|m| m.join.is_some());
        if self.members.is_empty() {
            self.to_empty();
            return;
        }
        self.generation += 1;
        let leader = match &self.leader {
            Some(l) if self.member(l).is_some() => l.clone(),
            _ => self.members[0].id.clone(),
        };
        self.leader = Some(leader.clone());
        // The leader's first protocol that every member supports.
        let lm = self.member(&leader).unwrap();
        let proto = lm
            .protocols
            .iter()
            .map(|(n, _)| n.clone())
            .find(|n| {
                self.members
                    .iter()
                    .all(|m| m.protocols.iter().any(|(x, _)| x == n))
            })
            .unwrap_or_else(|| lm.protocols[0].0.clone());
        self.protocol_name = Some(proto.clone());
        let list: Vec<JoinGroupResponseMember> = self
            .members
            .iter()
            .map(|m| {
                JoinGroupResponseMember::default()
                    .with_member_id(sb(&m.id))
                    .with_group_instance_id(osb(m.instance_id.as_deref()))
                    .with_metadata(
                        m.protocols
                            .iter()
                            .find(|(n, _)| *n == proto)
                            .map(|(_, md)| md.clone())
                            .unwrap_or_default(),
                    )
            })
            .collect();
        let generation_now = self.generation;
        let ptype = self.protocol_type.clone();
        for m in self.members.iter_mut() {
            m.assignment = None;
            m.last_seen = now;
            if let Some(p) = m.join.take() {
                let members = if m.id == leader {
                    list.iter()
                        .map(|x| {
                            if p.version >= 5 {
                                x.clone()
                            } else {
                                x.clone().with_group_instance_id(None)
                            }
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                out.push(join_response(
                    p,
                    e::NONE,
                    generation_now,
                    Some(&ptype),
                    Some(&proto),
                    &leader,
                    &m.id,
                    members,
                ));
            }
        }
        self.state = GroupState::Syncing;
        self.timer = Some(now + self.max_rebalance_timeout());
    }

    fn to_empty(&mut self) {
        self.state = GroupState::Empty;
        self.timer = None;
        self.leader = None;
        self.protocol_name = None;
        self.initial = false;
    }

    /// Handle a SyncGroup.
    pub fn sync(
        &mut self,
        member_id: &str,
        generation: i32,
        assignments: Vec<(String, Bytes)>,
        pending: Pending,
        now: Instant,
        out: &mut Vec<Outgoing>,
    ) -> Result<(), i16> {
        let state = self.state;
        let leader = self.leader.clone();
        let (pt, pn) = (self.protocol_type.clone(), self.protocol_name.clone());
        let generation_now = self.generation;
        let Some(m) = self.member_mut(member_id) else {
            return Err(e::UNKNOWN_MEMBER_ID);
        };
        if generation != generation_now {
            return Err(e::ILLEGAL_GENERATION);
        }
        m.last_seen = now;
        match state {
            GroupState::Empty => return Err(e::UNKNOWN_MEMBER_ID),
            GroupState::Joining => return Err(e::REBALANCE_IN_PROGRESS),
            GroupState::Up => {
                let a = m.assignment.clone();
                out.push(sync_response(pending, e::NONE, a, &pt, pn.as_deref()));
                return Ok(());
            }
            GroupState::Syncing => {}
        }
        if let Some(old) = m.sync.replace(pending) {
            out.push(sync_response(
                old,
                e::REBALANCE_IN_PROGRESS,
                None,
                &pt,
                pn.as_deref(),
            ));
        }
        if leader.as_deref() == Some(member_id) {
            for m in self.members.iter_mut() {
                m.assignment = Some(
                    assignments
                        .iter()
                        .find(|(id, _)| *id == m.id)
                        .map(|(_, a)| a.clone())
                        .unwrap_or_default(),
                );
            }
            self.state = GroupState::Up;
            self.timer = None;
            for m in self.members.iter_mut() {
                if let Some(p) = m.sync.take() {
                    out.push(sync_response(
                        p,
                        e::NONE,
                        m.assignment.clone(),
                        &pt,
                        pn.as_deref(),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Handle a Heartbeat.
    pub fn heartbeat(&mut self, member_id: &str, generation: i32, now: Instant) -> i16 {
        let state = self.state;
        let generation_now = self.generation;
        let Some(m) = self.member_mut(member_id) else {
            return e::UNKNOWN_MEMBER_ID;
        };
        m.last_seen = now;
        match state {
            GroupState::Empty => e::UNKNOWN_MEMBER_ID,
            _ if generation != generation_now => e::ILLEGAL_GENERATION,
            GroupState::Joining | GroupState::Syncing => e::REBALANCE_IN_PROGRESS,
            GroupState::Up => e::NONE,
        }
    }

    /// Remove a member (LeaveGroup or session timeout).
    pub fn remove(
        &mut self,
        member_id: &str,
        now: Instant,
        initial_delay: Duration,
        out: &mut Vec<Outgoing>,
    ) -> i16 {
        let Some(idx) = self.members.iter().position(|m| m.id == member_id) else {
            return e::UNKNOWN_MEMBER_ID;
        };
        let m = self.members.remove(idx);
        if let Some(p) = m.join {
            out.push(join_error(p, e::UNKNOWN_MEMBER_ID, ""));
        }
        if let Some(p) = m.sync {
            out.push(sync_response(
                p,
                e::UNKNOWN_MEMBER_ID,
                None,
                &self.protocol_type,
                None,
            ));
        }
        if self.leader.as_deref() == Some(member_id) {
            self.leader = None;
        }
        if self.members.is_empty() {
            self.to_empty();
        } else {
            self.rebalance(now, initial_delay, out);
            self.maybe_complete_join(now, out);
        }
        e::NONE
    }

    /// Find a member by instance id (LeaveGroup v3+).
    pub fn member_by_instance(&self, inst: &str) -> Option<String> {
        self.members
            .iter()
            .find(|m| m.instance_id.as_deref() == Some(inst))
            .map(|m| m.id.clone())
    }

    /// May this member commit offsets for this generation?
    pub fn check_commit(&self, member_id: &str, generation: i32) -> i16 {
        if generation < 0 && member_id.is_empty() && self.state == GroupState::Empty {
            return e::NONE;
        }
        let Some(_) = self.member(member_id) else {
            return e::UNKNOWN_MEMBER_ID;
        };
        if generation != self.generation {
            return e::ILLEGAL_GENERATION;
        }
        if self.state == GroupState::Syncing {
            return e::REBALANCE_IN_PROGRESS;
        }
        e::NONE
    }

    /// Timers: end of the join or sync phase, session timeouts.
    pub fn tick(&mut self, now: Instant, initial_delay: Duration, out: &mut Vec<Outgoing>) {
        if self.timer.is_some_and(|t| t <= now) {
            self.timer = None;
            match self.state {
                GroupState::Joining => self.complete_join(now, out),
                GroupState::Syncing => {
                    // The leader never sent the assignments.
                    self.abort_syncs(out);
                    self.state = GroupState::Up;
                    self.rebalance(now, initial_delay, out);
                }
                _ => {}
            }
        }
        let expired: Vec<String> = self
            .members
            .iter()
            .filter(|m| {
                m.join.is_none() && m.sync.is_none() && m.last_seen + m.session_timeout <= now
            })
            .map(|m| m.id.clone())
            .collect();
        for id in expired {
            super::handlers::debug(&format!("group {}: member {id} session timed out", self.id));
            self.remove(&id, now, initial_delay, out);
        }
    }

    /// When `tick` next needs to run.
    pub fn deadline(&self) -> Option<Instant> {
        let s = self
            .members
            .iter()
            .filter(|m| m.join.is_none() && m.sync.is_none())
            .map(|m| m.last_seen + m.session_timeout)
            .min();
        match (self.timer, s) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// A connection went away: its held requests cannot be answered.
    pub fn connection_closed(&mut self, conn: usize) {
        for m in self.members.iter_mut() {
            if m.join.is_some_and(|p| p.conn == conn) {
                m.join = None;
            }
            if m.sync.is_some_and(|p| p.conn == conn) {
                m.sync = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::decode_response;
    use kafka_protocol::messages::JoinGroupResponse;

    fn args(id: &str) -> JoinArgs {
        JoinArgs {
            member_id: id.into(),
            instance_id: None,
            client_id: "c".into(),
            protocol_type: "consumer".into(),
            protocols: vec![("range".into(), Bytes::from_static(b"md"))],
            session_timeout: Duration::from_secs(10),
            rebalance_timeout: Duration::from_secs(30),
        }
    }

    fn p(conn: usize) -> Pending {
        Pending {
            conn,
            version: 5,
            corr: conn as i32,
        }
    }

    fn join_resp(o: &Outgoing) -> JoinGroupResponse {
        let frame = o.data.clone().unwrap().slice(4..);
        decode_response::<JoinGroupResponse>(11, 5, frame)
            .unwrap()
            .1
    }

    #[test]
    fn two_members_rebalance() {
        let t0 = Instant::now();
        let delay = Duration::from_millis(100);
        let mut g = ClassicGroup::new("g", "consumer");
        let mut out = Vec::new();
        g.join(args(""), p(1), t0, delay, &mut out).unwrap();
        assert!(out.is_empty(), "the first join waits for the initial delay");
        assert_eq!(g.state, GroupState::Joining);
        g.tick(t0 + Duration::from_millis(50), delay, &mut out);
        assert!(out.is_empty());
        g.tick(t0 + delay, delay, &mut out);
        assert_eq!(out.len(), 1);
        let r = join_resp(&out[0]);
        assert_eq!((r.error_code, r.generation_id), (0, 1));
        assert_eq!(r.leader, r.member_id, "the only member leads");
        assert_eq!(r.members.len(), 1);
        let m1 = r.member_id.to_string();
        out.clear();
        assert_eq!(g.state, GroupState::Syncing);
        assert_eq!(g.heartbeat(&m1, 1, t0), e::REBALANCE_IN_PROGRESS);
        g.sync(
            &m1,
            1,
            vec![(m1.clone(), Bytes::from_static(b"a1"))],
            p(1),
            t0,
            &mut out,
        )
        .unwrap();
        assert_eq!(out.len(), 1);
        assert_eq!(g.state, GroupState::Up);
        assert_eq!(g.heartbeat(&m1, 1, t0), e::NONE);
        assert_eq!(g.heartbeat(&m1, 0, t0), e::ILLEGAL_GENERATION);
        assert_eq!(g.check_commit(&m1, 1), e::NONE);
        out.clear();

        // A second member: the first learns of the rebalance by heartbeat,
        // rejoins, and the join completes at once.
        g.join(args(""), p(2), t0, delay, &mut out).unwrap();
        assert!(out.is_empty());
        assert_eq!(g.heartbeat(&m1, 1, t0), e::REBALANCE_IN_PROGRESS);
        g.join(args(&m1), p(1), t0, delay, &mut out).unwrap();
        assert_eq!(out.len(), 2);
        let rs: Vec<JoinGroupResponse> = out.iter().map(join_resp).collect();
        assert!(
            rs.iter()
                .all(|r| r.generation_id == 2 && r.leader.as_str() == m1)
        );
        assert_eq!(
            rs.iter().map(|r| r.members.len()).sum::<usize>(),
            2,
            "only the leader gets the list"
        );
        let m2 = rs
            .iter()
            .find(|r| r.member_id.as_str() != m1)
            .unwrap()
            .member_id
            .to_string();
        out.clear();
        // The follower waits for the leader.
        g.sync(&m2, 2, vec![], p(2), t0, &mut out).unwrap();
        assert!(out.is_empty());
        g.sync(
            &m1,
            2,
            vec![
                (m1.clone(), Bytes::from_static(b"x")),
                (m2.clone(), Bytes::from_static(b"y")),
            ],
            p(1),
            t0,
            &mut out,
        )
        .unwrap();
        assert_eq!(out.len(), 2);
        assert_eq!(
            g.member(&m2).unwrap().assignment.as_deref(),
            Some(&b"y"[..])
        );
        out.clear();

        // The second member stops heartbeating: it is removed after its
        // session timeout and the group rebalances.
        let later = t0 + Duration::from_secs(11);
        g.heartbeat(&m1, 2, later - Duration::from_secs(1));
        g.tick(later, delay, &mut out);
        assert!(g.member(&m2).is_none());
        assert_eq!(g.state, GroupState::Joining);
        assert_eq!(g.remove(&m1, later, delay, &mut out), e::NONE);
        assert_eq!(g.state, GroupState::Empty);
        assert_eq!(g.remove(&m1, later, delay, &mut out), e::UNKNOWN_MEMBER_ID);
    }

    #[test]
    fn protocol_mismatch_is_refused() {
        let t0 = Instant::now();
        let mut g = ClassicGroup::new("g", "consumer");
        let mut out = Vec::new();
        g.join(args(""), p(1), t0, Duration::ZERO, &mut out)
            .unwrap();
        let mut a = args("");
        a.protocols = vec![("roundrobin".into(), Bytes::new())];
        assert_eq!(
            g.join(a, p(2), t0, Duration::ZERO, &mut out),
            Err(e::INCONSISTENT_GROUP_PROTOCOL)
        );
        assert_eq!(
            g.join(args("nobody"), p(3), t0, Duration::ZERO, &mut out),
            Err(e::UNKNOWN_MEMBER_ID)
        );
    }
}
