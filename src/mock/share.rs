//! KIP-932 share groups: membership (ShareGroupHeartbeat), a simple
//! server-side assignor (or a target assignment set by the test), share
//! sessions, and the per-partition record state machine behind ShareFetch
//! and ShareAcknowledge.
//!
//! Every record of a share partition at or after the share-partition start
//! offset (SPSO) is available, acquired by one member (with a lock that
//! expires), acknowledged, or archived (rejected, or delivered too often).
//! A record that is released, or whose lock expires, becomes available
//! again and is delivered anew with a higher delivery count, unless it has
//! reached the group's maximum delivery attempts: then it is archived.
//! Unlike KIP-848 groups, partitions are not owned exclusively, so a member
//! is given its target assignment at once (no revocation round).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{Duration, Instant};

use super::consumer::{TopicSnapshot, Tp};
use super::errors as e;

/// Acknowledge types of ShareFetch/ShareAcknowledge batches.
pub const ACK_GAP: i8 = 0;
pub const ACK_ACCEPT: i8 = 1;
pub const ACK_RELEASE: i8 = 2;
pub const ACK_REJECT: i8 = 3;

/// Error codes of the share protocol that errors.rs does not name.
pub const GROUP_MAX_SIZE_REACHED: i16 = 81;
pub const INVALID_RECORD_STATE: i16 = 121;
pub const SHARE_SESSION_NOT_FOUND: i16 = 122;
pub const INVALID_SHARE_SESSION_EPOCH: i16 = 123;
pub const SHARE_SESSION_LIMIT_REACHED: i16 = 133;

/// Share group settings (rd_kafka_mock_sharegroup_set_*). The cluster keeps
/// one copy as the default of new groups.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShareConfig {
    pub session_timeout_ms: i32,
    pub heartbeat_interval_ms: i32,
    /// 0 or less: unlimited.
    pub max_delivery_attempts: i32,
    pub record_lock_duration_ms: i32,
    /// 0 read_uncommitted, 1 read_committed.
    pub isolation_level: i32,
    /// Most members a group takes.
    pub max_size: i32,
    /// Most share sessions a group keeps open.
    pub max_fetch_sessions: i32,
    /// Most acquired records per share partition.
    pub max_record_locks: i32,
    /// 0 latest, 1 earliest.
    pub auto_offset_reset: i32,
}

impl Default for ShareConfig {
    fn default() -> Self {
        ShareConfig {
            session_timeout_ms: 45000,
            heartbeat_interval_ms: 5000,
            max_delivery_attempts: 5,
            record_lock_duration_ms: 30000,
            isolation_level: 0,
            max_size: 200,
            max_fetch_sessions: 2000,
            max_record_locks: 2000,
            auto_offset_reset: 0,
        }
    }
}

impl ShareConfig {
    fn lock(&self) -> Duration {
        Duration::from_millis(self.record_lock_duration_ms.max(0) as u64)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecState {
    Available,
    Acquired { owner: String, until: Instant },
    Acked,
    Archived,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rec {
    pub state: RecState,
    pub deliveries: i16,
}

/// A range of acquired offsets with their delivery count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Acquired {
    pub first: i64,
    pub last: i64,
    pub deliveries: i16,
}

/// The share state of one partition.
#[derive(Clone, Debug)]
pub struct SharePartition {
    /// Share-partition start offset: every record before it is done.
    pub start: i64,
    /// First offset never acquired; records in [start, next) are in `recs`.
    pub next: i64,
    pub recs: BTreeMap<i64, Rec>,
}

impl SharePartition {
    pub fn new(start: i64) -> SharePartition {
        SharePartition {
            start,
            next: start,
            recs: BTreeMap::new(),
        }
    }

    pub fn locked(&self) -> usize {
        self.recs
            .values()
            .filter(|r| matches!(r.state, RecState::Acquired { .. }))
            .count()
    }

    /// Drop finished records from the front.
    fn advance(&mut self) {
        while let Some((&off, r)) = self.recs.first_key_value() {
            if off < self.start || matches!(r.state, RecState::Acked | RecState::Archived) {
                self.recs.remove(&off);
                self.start = self.start.max(off + 1);
            } else {
                break;
            }
        }
        if self.recs.is_empty() {
            self.start = self.start.max(self.next);
        }
    }

    /// Records before `log_start` are gone from the log: skip them.
    pub fn skip_to(&mut self, log_start: i64) {
        if self.start < log_start {
            self.recs.retain(|&o, _| o >= log_start);
            self.start = log_start;
            self.next = self.next.max(log_start);
        }
    }

    fn release(r: &mut Rec, max_deliveries: i32) {
        r.state = if max_deliveries > 0 && r.deliveries as i32 >= max_deliveries {
            RecState::Archived
        } else {
            RecState::Available
        };
    }

    /// Acquire up to `budget` records for `owner`: released records first,
    /// then new ones below `end`. Offsets that `deliverable` refuses
    /// (control records, aborted transactions) are archived on the way.
    #[allow(clippy::too_many_arguments)]
    pub fn acquire(
        &mut self,
        owner: &str,
        now: Instant,
        lock: Duration,
        budget: usize,
        max_locks: usize,
        end: i64,
        deliverable: &dyn Fn(i64) -> bool,
    ) -> Vec<Acquired> {
        let mut budget = budget.min(max_locks.saturating_sub(self.locked()));
        let mut got: Vec<(i64, i16)> = Vec::new();
        let until = now + lock;
        for (&off, r) in self.recs.iter_mut() {
            if budget == 0 {
                break;
            }
            if r.state == RecState::Available {
                r.deliveries = r.deliveries.saturating_add(1);
                r.state = RecState::Acquired {
                    owner: owner.to_string(),
                    until,
                };
                got.push((off, r.deliveries));
                budget -= 1;
            }
        }
        while budget > 0 && self.next < end {
            let off = self.next;
            self.next += 1;
            if deliverable(off) {
                self.recs.insert(
                    off,
                    Rec {
                        state: RecState::Acquired {
                            owner: owner.to_string(),
                            until,
                        },
                        deliveries: 1,
                    },
                );
                got.push((off, 1));
                budget -= 1;
            } else {
                self.recs.insert(
                    off,
                    Rec {
                        state: RecState::Archived,
                        deliveries: 0,
                    },
                );
            }
        }
        self.advance();
        let mut out: Vec<Acquired> = Vec::new();
        for (off, d) in got {
            match out.last_mut() {
                Some(a) if a.last + 1 == off && a.deliveries == d => a.last = off,
                _ => out.push(Acquired {
                    first: off,
                    last: off,
                    deliveries: d,
                }),
            }
        }
        out
    }

    /// Apply one acknowledgement batch from `owner`. `types` holds one type
    /// for the whole range or one per offset. Nothing changes on error.
    pub fn acknowledge(
        &mut self,
        owner: &str,
        first: i64,
        last: i64,
        types: &[i8],
        max_deliveries: i32,
    ) -> i16 {
        if last < first || types.is_empty() || (types.len() != 1 && types.len() as i64 != last - first + 1) {
            return e::INVALID_REQUEST;
        }
        let ty = |off: i64| {
            if types.len() == 1 {
                types[0]
            } else {
                types[(off - first) as usize]
            }
        };
        for off in first..=last {
            let t = ty(off);
            if !(ACK_GAP..=ACK_REJECT).contains(&t) {
                return e::INVALID_REQUEST;
            }
            let owned = matches!(self.recs.get(&off),
                Some(Rec { state: RecState::Acquired { owner: o, .. }, .. }) if o == owner);
            // A gap may name offsets that hold no record (already archived).
            if !owned && !(t == ACK_GAP && (off < self.start || self.recs.get(&off).is_some_and(|r| r.state == RecState::Archived))) {
                return INVALID_RECORD_STATE;
            }
        }
        for off in first..=last {
            let Some(r) = self.recs.get_mut(&off) else { continue };
            if !matches!(r.state, RecState::Acquired { .. }) {
                continue;
            }
            match ty(off) {
                ACK_ACCEPT => r.state = RecState::Acked,
                ACK_RELEASE => Self::release(r, max_deliveries),
                _ => r.state = RecState::Archived,
            }
        }
        self.advance();
        e::NONE
    }

    /// Release every record `owner` holds (its session closed).
    pub fn release_owner(&mut self, owner: &str, max_deliveries: i32) {
        for r in self.recs.values_mut() {
            if matches!(&r.state, RecState::Acquired { owner: o, .. } if o == owner) {
                Self::release(r, max_deliveries);
            }
        }
        self.advance();
    }

    /// Release records whose lock has run out.
    pub fn expire(&mut self, now: Instant, max_deliveries: i32) {
        for r in self.recs.values_mut() {
            if matches!(r.state, RecState::Acquired { until, .. } if until <= now) {
                Self::release(r, max_deliveries);
            }
        }
        self.advance();
    }

    /// The earliest lock expiry.
    pub fn next_expiry(&self) -> Option<Instant> {
        self.recs
            .values()
            .filter_map(|r| match r.state {
                RecState::Acquired { until, .. } => Some(until),
                _ => None,
            })
            .min()
    }
}

#[derive(Clone, Debug)]
pub struct SMember {
    pub id: String,
    /// The epoch the member was last told.
    pub epoch: i32,
    pub names: Vec<String>,
    pub last_seen: Instant,
    pub assigned: BTreeSet<Tp>,
    last_sent: Option<BTreeSet<Tp>>,
}

/// A share session: per (member, broker).
#[derive(Clone, Debug)]
pub struct Session {
    /// The epoch the next request must carry.
    pub epoch: i32,
    pub last_seen: Instant,
    pub partitions: BTreeSet<Tp>,
    /// The connection it was last used on.
    pub conn: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct ShareGroup {
    pub id: String,
    pub epoch: i32,
    pub cfg: ShareConfig,
    pub members: Vec<SMember>,
    /// Target assignment set by the test: member id -> (topic, partition).
    pub manual: Option<HashMap<String, Vec<(String, i32)>>>,
    pub parts: HashMap<Tp, SharePartition>,
    pub sessions: HashMap<(String, i32), Session>,
}

/// The answer to a heartbeat.
#[derive(Debug, PartialEq, Eq)]
pub struct HbResult {
    pub member_id: String,
    pub epoch: i32,
    /// The member's assignment, when it changed.
    pub assignment: Option<Vec<Tp>>,
}

impl ShareGroup {
    pub fn new(id: &str, cfg: ShareConfig) -> ShareGroup {
        ShareGroup {
            id: id.to_string(),
            epoch: 0,
            cfg,
            members: Vec::new(),
            manual: None,
            parts: HashMap::new(),
            sessions: HashMap::new(),
        }
    }

    pub fn member(&self, id: &str) -> Option<&SMember> {
        self.members.iter().find(|m| m.id == id)
    }

    /// Recompute every member's assignment; bump the group epoch if any
    /// changed. Without a target assignment, each topic's partitions are
    /// spread over its subscribers (in member id order) in contiguous
    /// ranges.
    pub fn recompute(&mut self, topics: &TopicSnapshot) {
        let mut targets: BTreeMap<String, BTreeSet<Tp>> = self
            .members
            .iter()
            .map(|m| (m.id.clone(), BTreeSet::new()))
            .collect();
        if let Some(manual) = &self.manual {
            for (mid, tps) in manual {
                if let Some(t) = targets.get_mut(mid) {
                    for (name, p) in tps {
                        if let Some((_, id, cnt)) = topics.iter().find(|(n, _, _)| n == name) {
                            if *p >= 0 && p < cnt {
                                t.insert((*id, *p));
                            }
                        }
                    }
                }
            }
        } else {
            let members = &self.members;
            super::consumer::range_assign(
                topics,
                |name| members.iter().filter(|m| m.names.iter().any(|n| n == name)).map(|m| m.id.clone()).collect(),
                &mut targets,
            );
        }
        let mut changed = false;
        for m in self.members.iter_mut() {
            let t = targets.remove(&m.id).unwrap_or_default();
            if t != m.assigned {
                m.assigned = t;
                changed = true;
            }
        }
        if changed {
            self.epoch += 1;
        }
    }

    /// Handle a ShareGroupHeartbeat.
    pub fn heartbeat(
        &mut self,
        member_id: &str,
        epoch: i32,
        names: Option<Vec<String>>,
        topics: &TopicSnapshot,
        now: Instant,
    ) -> Result<HbResult, i16> {
        let idx = self
            .members
            .iter()
            .position(|m| m.id == member_id && !member_id.is_empty());
        if epoch == -1 {
            let Some(i) = idx else {
                return Err(e::UNKNOWN_MEMBER_ID);
            };
            // Its share sessions stay: the client closes them afterwards
            // (its final acknowledgements), as with a real broker.
            let m = self.members.remove(i);
            self.epoch += 1;
            self.recompute(topics);
            return Ok(HbResult {
                member_id: m.id,
                epoch: -1,
                assignment: None,
            });
        }
        let i = if epoch == 0 {
            match idx {
                Some(i) => {
                    let m = &mut self.members[i];
                    m.last_sent = None;
                    i
                }
                None => {
                    if self.cfg.max_size > 0 && self.members.len() >= self.cfg.max_size as usize {
                        return Err(GROUP_MAX_SIZE_REACHED);
                    }
                    if names.as_ref().is_none_or(|n| n.is_empty()) {
                        return Err(e::INVALID_REQUEST);
                    }
                    let id = if member_id.is_empty() {
                        super::state::base64_encode(&super::state::random_uuid())
                            .trim_end_matches('=')
                            .to_string()
                    } else {
                        member_id.to_string()
                    };
                    self.members.push(SMember {
                        id,
                        epoch: 0,
                        names: Vec::new(),
                        last_seen: now,
                        assigned: BTreeSet::new(),
                        last_sent: None,
                    });
                    self.epoch += 1;
                    self.members.len() - 1
                }
            }
        } else {
            let Some(i) = idx else {
                return Err(e::UNKNOWN_MEMBER_ID);
            };
            if self.members[i].epoch != epoch {
                return Err(e::FENCED_MEMBER_EPOCH);
            }
            i
        };
        {
            let m = &mut self.members[i];
            m.last_seen = now;
            if let Some(n) = names {
                if n != m.names {
                    m.names = n;
                    self.epoch += 1;
                }
            }
        }
        self.recompute(topics);
        let group_epoch = self.epoch;
        let m = &mut self.members[i];
        m.epoch = group_epoch;
        let assignment = if m.last_sent.as_ref() != Some(&m.assigned) {
            m.last_sent = Some(m.assigned.clone());
            Some(m.assigned.iter().copied().collect())
        } else {
            None
        };
        Ok(HbResult {
            member_id: m.id.clone(),
            epoch: m.epoch,
            assignment,
        })
    }

    /// A member is gone: close its sessions, releasing its records.
    fn forget_member(&mut self, id: &str) {
        let keys: Vec<(String, i32)> = self.sessions.keys().filter(|k| k.0 == id).cloned().collect();
        for k in keys {
            self.close_session(&k);
        }
    }

    /// Close a session and release what its member acquired.
    pub fn close_session(&mut self, key: &(String, i32)) {
        if self.sessions.remove(key).is_some() {
            let max = self.cfg.max_delivery_attempts;
            for p in self.parts.values_mut() {
                p.release_owner(&key.0, max);
            }
        }
    }

    /// A client connection closed: its share sessions end.
    pub fn connection_closed(&mut self, conn: usize) {
        let keys: Vec<(String, i32)> = self
            .sessions
            .iter()
            .filter(|(_, s)| s.conn == Some(conn))
            .map(|(k, _)| k.clone())
            .collect();
        for k in keys {
            self.close_session(&k);
        }
    }

    /// Set (Some) or clear (None) the target assignment.
    pub fn set_target(
        &mut self,
        manual: Option<HashMap<String, Vec<(String, i32)>>>,
        topics: &TopicSnapshot,
    ) {
        self.manual = manual;
        self.recompute(topics);
    }

    /// Expire members, sessions and record locks. True if membership changed.
    pub fn tick(&mut self, now: Instant, topics: &TopicSnapshot) -> bool {
        let session = Duration::from_millis(self.cfg.session_timeout_ms.max(0) as u64);
        let gone: Vec<String> = self
            .members
            .iter()
            .filter(|m| m.last_seen + session <= now)
            .map(|m| m.id.clone())
            .collect();
        for id in &gone {
            self.members.retain(|m| &m.id != id);
            self.forget_member(id);
        }
        let stale: Vec<(String, i32)> = self
            .sessions
            .iter()
            .filter(|(_, s)| s.last_seen + session <= now)
            .map(|(k, _)| k.clone())
            .collect();
        for k in stale {
            self.close_session(&k);
        }
        let max = self.cfg.max_delivery_attempts;
        for p in self.parts.values_mut() {
            p.expire(now, max);
        }
        if !gone.is_empty() {
            self.epoch += 1;
            self.recompute(topics);
        }
        !gone.is_empty()
    }

    /// When [`tick`](Self::tick) next has something to do.
    pub fn deadline(&self) -> Option<Instant> {
        let session = Duration::from_millis(self.cfg.session_timeout_ms.max(0) as u64);
        self.members
            .iter()
            .map(|m| m.last_seen + session)
            .chain(self.sessions.values().map(|s| s.last_seen + session))
            .chain(self.parts.values().filter_map(|p| p.next_expiry()))
            .min()
    }

    /// Validate a share session for a ShareFetch (`fetch`) or
    /// ShareAcknowledge request and move it to its next epoch. Epoch 0
    /// opens a new session (ShareFetch only), -1 names the session to
    /// close (the caller closes it after the acknowledgements).
    pub fn session_request(
        &mut self,
        member: &str,
        broker: i32,
        epoch: i32,
        fetch: bool,
        now: Instant,
    ) -> Result<(), i16> {
        let key = (member.to_string(), broker);
        match epoch {
            0 => {
                if !fetch {
                    return Err(INVALID_SHARE_SESSION_EPOCH);
                }
                self.close_session(&key);
                if self.cfg.max_fetch_sessions >= 0
                    && self.sessions.len() >= self.cfg.max_fetch_sessions as usize
                {
                    return Err(SHARE_SESSION_LIMIT_REACHED);
                }
                self.sessions.insert(
                    key,
                    Session {
                        epoch: 1,
                        last_seen: now,
                        partitions: BTreeSet::new(),
                        conn: None,
                    },
                );
                Ok(())
            }
            -1 => {
                let s = self.sessions.get_mut(&key).ok_or(SHARE_SESSION_NOT_FOUND)?;
                s.last_seen = now;
                Ok(())
            }
            _ => {
                let Some(s) = self.sessions.get_mut(&key) else {
                    return Err(SHARE_SESSION_NOT_FOUND);
                };
                if s.epoch != epoch {
                    self.close_session(&key);
                    return Err(INVALID_SHARE_SESSION_EPOCH);
                }
                s.epoch = s.epoch.wrapping_add(1).max(1);
                s.last_seen = now;
                Ok(())
            }
        }
    }

    /// The share state of a partition, created at the position
    /// auto.offset.reset gives (log start or end).
    pub fn part(&mut self, tp: Tp, log_start: i64, log_end: i64) -> &mut SharePartition {
        let earliest = self.cfg.auto_offset_reset == 1;
        let p = self
            .parts
            .entry(tp)
            .or_insert_with(|| SharePartition::new(if earliest { log_start } else { log_end }));
        p.skip_to(log_start);
        p
    }

    pub fn lock_duration(&self) -> Duration {
        self.cfg.lock()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: [u8; 16] = [7; 16];
    const LOCK: Duration = Duration::from_secs(30);

    fn all(_: i64) -> bool {
        true
    }

    #[test]
    fn acquire_accept_and_spso() {
        let now = Instant::now();
        let mut p = SharePartition::new(0);
        let a = p.acquire("m1", now, LOCK, 3, 100, 10, &all);
        assert_eq!(a, vec![Acquired { first: 0, last: 2, deliveries: 1 }]);
        // Another member gets the next records, not the locked ones.
        let b = p.acquire("m2", now, LOCK, 100, 100, 5, &all);
        assert_eq!(b, vec![Acquired { first: 3, last: 4, deliveries: 1 }]);
        assert_eq!(p.locked(), 5);
        // Only the owner may acknowledge.
        assert_eq!(p.acknowledge("m2", 0, 2, &[ACK_ACCEPT], 5), INVALID_RECORD_STATE);
        assert_eq!(p.acknowledge("m1", 0, 2, &[ACK_ACCEPT], 5), e::NONE);
        assert_eq!(p.start, 3);
        // Acknowledging twice is an invalid state.
        assert_eq!(p.acknowledge("m1", 0, 0, &[ACK_ACCEPT], 5), INVALID_RECORD_STATE);
        // Bad type lists.
        assert_eq!(p.acknowledge("m2", 3, 4, &[1, 1, 1], 5), e::INVALID_REQUEST);
        assert_eq!(p.acknowledge("m2", 3, 4, &[9], 5), e::INVALID_REQUEST);
        assert_eq!(p.acknowledge("m2", 3, 4, &[ACK_ACCEPT, ACK_REJECT], 5), e::NONE);
        assert_eq!(p.start, 5);
        assert!(p.recs.is_empty());
    }

    #[test]
    fn release_redelivers_with_higher_count() {
        let now = Instant::now();
        let mut p = SharePartition::new(0);
        p.acquire("m1", now, LOCK, 100, 100, 4, &all);
        // Release 1 and 2, accept 0 and 3 (per-offset types).
        let t = [ACK_ACCEPT, ACK_RELEASE, ACK_RELEASE, ACK_ACCEPT];
        assert_eq!(p.acknowledge("m1", 0, 3, &t, 5), e::NONE);
        assert_eq!(p.start, 1);
        let a = p.acquire("m2", now, LOCK, 100, 100, 4, &all);
        assert_eq!(a, vec![Acquired { first: 1, last: 2, deliveries: 2 }]);
        // Redeliveries come before new records, ranges split by count.
        assert_eq!(p.acknowledge("m2", 1, 1, &[ACK_RELEASE], 5), e::NONE);
        let a = p.acquire("m1", now, LOCK, 100, 100, 6, &all);
        assert_eq!(
            a,
            vec![
                Acquired { first: 1, last: 1, deliveries: 3 },
                Acquired { first: 4, last: 5, deliveries: 1 }
            ]
        );
    }

    #[test]
    fn reject_archives() {
        let now = Instant::now();
        let mut p = SharePartition::new(0);
        p.acquire("m", now, LOCK, 100, 100, 2, &all);
        assert_eq!(p.acknowledge("m", 0, 1, &[ACK_REJECT], 5), e::NONE);
        assert_eq!(p.start, 2);
        assert!(p.acquire("m", now, LOCK, 100, 100, 2, &all).is_empty());
    }

    #[test]
    fn lock_expiry_and_max_delivery_attempts() {
        let now = Instant::now();
        let mut p = SharePartition::new(0);
        let lock = Duration::from_millis(100);
        let max = 3;
        for round in 1..=max {
            let t = now + lock * 2 * round as u32;
            let a = p.acquire("m", t, lock, 100, 100, 1, &all);
            assert_eq!(a, vec![Acquired { first: 0, last: 0, deliveries: round as i16 }]);
            // Not expired yet: nothing to hand out.
            p.expire(t + lock / 2, max);
            assert!(p.acquire("x", t + lock / 2, lock, 100, 100, 1, &all).is_empty());
            assert_eq!(p.next_expiry(), Some(t + lock));
            p.expire(t + lock, max);
        }
        // The third expiry archived it.
        assert!(p.acquire("m", now + lock * 10, lock, 100, 100, 1, &all).is_empty());
        assert_eq!(p.start, 1);
        assert!(p.recs.is_empty());
        // Release also counts: with max 1 a released record is archived.
        let mut p = SharePartition::new(0);
        p.acquire("m", now, lock, 100, 100, 1, &all);
        assert_eq!(p.acknowledge("m", 0, 0, &[ACK_RELEASE], 1), e::NONE);
        assert_eq!(p.start, 1);
    }

    #[test]
    fn max_record_locks_and_gaps() {
        let now = Instant::now();
        let mut p = SharePartition::new(10);
        // Offset 12 is a control record: archived, never delivered.
        let a = p.acquire("m", now, LOCK, 100, 3, 20, &|o| o != 12);
        assert_eq!(
            a,
            vec![
                Acquired { first: 10, last: 11, deliveries: 1 },
                Acquired { first: 13, last: 13, deliveries: 1 }
            ]
        );
        // At the lock limit nothing more is acquired.
        assert!(p.acquire("m", now, LOCK, 100, 3, 20, &all).is_empty());
        // A gap acknowledgement may cover the archived control record.
        assert_eq!(p.acknowledge("m", 10, 13, &[1, 1, 0, 1], 5), e::NONE);
        assert_eq!(p.start, 14);
        // Session close releases the owner's records.
        p.acquire("m", now, LOCK, 2, 3, 20, &all);
        p.release_owner("m", 5);
        let a = p.acquire("n", now, LOCK, 100, 100, 16, &all);
        assert_eq!(a, vec![Acquired { first: 14, last: 15, deliveries: 2 }]);
        // Records deleted from the log are skipped.
        p.skip_to(30);
        assert_eq!((p.start, p.next), (30, 30));
    }

    fn topics() -> TopicSnapshot {
        vec![("t".into(), T, 4)]
    }

    #[test]
    fn membership_assignment_and_sessions() {
        let now = Instant::now();
        let mut g = ShareGroup::new("g", ShareConfig::default());
        let r = g.heartbeat("a", 0, Some(vec!["t".into()]), &topics(), now).unwrap();
        assert_eq!(r.assignment.as_ref().unwrap().len(), 4);
        let ea = r.epoch;
        let r = g.heartbeat("b", 0, Some(vec!["t".into()]), &topics(), now).unwrap();
        assert_eq!(r.assignment, Some(vec![(T, 2), (T, 3)]));
        // "a" is told its half at once, at the new epoch.
        let r = g.heartbeat("a", ea, None, &topics(), now).unwrap();
        assert_eq!(r.assignment, Some(vec![(T, 0), (T, 1)]));
        assert_eq!(r.epoch, g.epoch);
        assert_eq!(g.heartbeat("a", ea - 1, None, &topics(), now), Err(e::FENCED_MEMBER_EPOCH));
        assert_eq!(g.heartbeat("zz", 3, None, &topics(), now), Err(e::UNKNOWN_MEMBER_ID));
        // Target assignment.
        let mut m = HashMap::new();
        m.insert("b".to_string(), vec![("t".to_string(), 0), ("t".to_string(), 3)]);
        g.set_target(Some(m), &topics());
        let eb = g.member("b").unwrap().epoch;
        let r = g.heartbeat("b", eb, None, &topics(), now).unwrap();
        assert_eq!(r.assignment, Some(vec![(T, 0), (T, 3)]));
        // Sessions: epoch 0 opens, then 1, 2...; a wrong epoch closes it.
        assert_eq!(g.session_request("a", 1, 1, true, now), Err(SHARE_SESSION_NOT_FOUND));
        assert_eq!(g.session_request("a", 1, 0, false, now), Err(INVALID_SHARE_SESSION_EPOCH));
        g.session_request("a", 1, 0, true, now).unwrap();
        g.session_request("a", 1, 1, true, now).unwrap();
        g.session_request("a", 1, 2, false, now).unwrap();
        assert_eq!(g.session_request("a", 1, 2, true, now), Err(INVALID_SHARE_SESSION_EPOCH));
        assert_eq!(g.session_request("a", 1, 3, true, now), Err(SHARE_SESSION_NOT_FOUND));
        // Session limit.
        g.cfg.max_fetch_sessions = 1;
        g.session_request("a", 1, 0, true, now).unwrap();
        assert_eq!(g.session_request("b", 1, 0, true, now), Err(SHARE_SESSION_LIMIT_REACHED));
        // Group size limit.
        g.cfg.max_size = 2;
        assert_eq!(
            g.heartbeat("c", 0, Some(vec!["t".into()]), &topics(), now),
            Err(GROUP_MAX_SIZE_REACHED)
        );
        // Leaving keeps the share session (closed by the client's final
        // request); a closed connection ends it.
        g.cfg.max_size = 10;
        g.cfg.max_fetch_sessions = 10;
        g.heartbeat("c", 0, Some(vec!["t".into()]), &topics(), now).unwrap();
        g.session_request("c", 1, 0, true, now).unwrap();
        g.sessions.get_mut(&("c".to_string(), 1)).unwrap().conn = Some(9);
        g.heartbeat("c", -1, None, &topics(), now).unwrap();
        assert!(g.sessions.contains_key(&("c".to_string(), 1)));
        g.connection_closed(9);
        assert!(!g.sessions.contains_key(&("c".to_string(), 1)));
        // Locks of a member whose session times out are released.
        let p = g.part((T, 0), 0, 5);
        p.acquire("a", now, LOCK, 5, 100, 5, &all);
        assert!(g.tick(now + Duration::from_secs(46), &topics()));
        assert!(g.members.is_empty() && g.sessions.is_empty());
        assert_eq!(g.parts[&(T, 0)].locked(), 0);
    }

    #[test]
    fn auto_offset_reset() {
        let mut g = ShareGroup::new("g", ShareConfig::default());
        assert_eq!(g.part((T, 0), 3, 9).start, 9);
        g.cfg.auto_offset_reset = 1;
        assert_eq!(g.part((T, 1), 3, 9).start, 3);
    }
}
