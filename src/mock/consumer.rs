//! The KIP-848 consumer group coordinator (ConsumerGroupHeartbeat): the
//! broker computes the assignment (a range assignor over each topic's
//! partitions, or a target set by the test) and moves each member towards
//! it: partitions are revoked first, and a partition is given to a member
//! only once its previous owner has released it. Every change of
//! membership, subscription or target assignment bumps the group epoch.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::{Duration, Instant};

use super::errors as e;

/// A partition by topic id.
pub type Tp = ([u8; 16], i32);

/// Topics as the assignor sees them: name, id, partition count.
pub type TopicSnapshot = Vec<(String, [u8; 16], i32)>;

/// Range assignment into `targets`: each topic's partitions are split over
/// the members `subscribers` names for it, in member id order, in
/// contiguous ranges (the first ones get one more when it does not divide).
/// Used by the KIP-848 and the share group coordinators.
pub fn range_assign(
    topics: &TopicSnapshot,
    subscribers: impl Fn(&str) -> Vec<String>,
    targets: &mut BTreeMap<String, BTreeSet<Tp>>,
) {
    for (name, id, cnt) in topics {
        let mut who = subscribers(name);
        if who.is_empty() {
            continue;
        }
        who.sort();
        let n = who.len() as i32;
        let (per, extra) = (cnt / n, cnt % n);
        let mut next = 0;
        for (i, m) in who.iter().enumerate() {
            let k = per + i32::from((i as i32) < extra);
            let t = targets.entry(m.clone()).or_default();
            for p in next..next + k {
                t.insert((*id, p));
            }
            next += k;
        }
    }
}

#[derive(Clone, Debug)]
pub struct CMember {
    pub id: String,
    pub instance_id: Option<String>,
    pub epoch: i32,
    pub names: Vec<String>,
    pub regex: Option<String>,
    pub last_seen: Instant,
    /// What the member was last told it owns.
    pub assigned: BTreeSet<Tp>,
    /// Revoked from the member but not yet confirmed released.
    pub revoking: BTreeSet<Tp>,
    pub target: BTreeSet<Tp>,
    last_sent: Option<BTreeSet<Tp>>,
    left_static: bool,
}

#[derive(Clone, Debug, Default)]
pub struct ConsumerGroup {
    pub id: String,
    pub epoch: i32,
    pub members: Vec<CMember>,
    /// Target assignment set by the test: member id -> (topic, partition).
    pub manual: Option<HashMap<String, Vec<(String, i32)>>>,
}

/// The fields of a heartbeat the coordinator uses.
pub struct Heartbeat {
    pub member_id: String,
    pub epoch: i32,
    pub instance_id: Option<String>,
    pub names: Option<Vec<String>>,
    pub regex: Option<String>,
    pub owned: Option<Vec<Tp>>,
}

/// The answer to a heartbeat.
#[derive(Debug, PartialEq, Eq)]
pub struct HbResult {
    pub member_id: String,
    pub epoch: i32,
    /// The member's assignment, when it changed.
    pub assignment: Option<Vec<Tp>>,
}

fn subscribed(m: &CMember, topics: &TopicSnapshot) -> BTreeSet<String> {
    let mut s: BTreeSet<String> = m.names.iter().cloned().collect();
    if let Some(re) = m.regex.as_deref().filter(|r| !r.is_empty()) {
        if let Ok(re) = regex::Regex::new(&format!("^(?:{re})$")) {
            for (n, _, _) in topics {
                if re.is_match(n) {
                    s.insert(n.clone());
                }
            }
        }
    }
    s
}

impl ConsumerGroup {
    pub fn new(id: &str) -> ConsumerGroup {
        ConsumerGroup {
            id: id.to_string(),
            ..Default::default()
        }
    }

    pub fn member(&self, id: &str) -> Option<&CMember> {
        self.members.iter().find(|m| m.id == id)
    }

    /// Compute every member's target; bump the epoch if anything changed.
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
                        if let Some((_, id, _)) = topics.iter().find(|(n, _, _)| n == name) {
                            t.insert((*id, *p));
                        }
                    }
                }
            }
        } else {
            // Range assignment per topic over the subscribed members, in
            // member id order.
            let subs: Vec<(String, BTreeSet<String>)> = self
                .members
                .iter()
                .filter(|m| !m.left_static)
                .map(|m| (m.id.clone(), subscribed(m, topics)))
                .collect();
            range_assign(topics, |name| subs.iter().filter(|(_, s)| s.contains(name)).map(|(m, _)| m.clone()).collect(), &mut targets);
        }
        let mut changed = false;
        for m in self.members.iter_mut() {
            let t = targets.remove(&m.id).unwrap_or_default();
            if t != m.target {
                m.target = t;
                changed = true;
            }
        }
        if changed {
            self.epoch += 1;
        }
    }

    /// Handle a heartbeat (with the topics as they are now).
    pub fn heartbeat(
        &mut self,
        hb: Heartbeat,
        topics: &TopicSnapshot,
        now: Instant,
    ) -> Result<HbResult, i16> {
        if hb.epoch == -1 || hb.epoch == -2 {
            let Some(i) = self.members.iter().position(|m| m.id == hb.member_id) else {
                return Err(e::UNKNOWN_MEMBER_ID);
            };
            if hb.epoch == -2 && self.members[i].instance_id.is_some() {
                let m = &mut self.members[i];
                m.left_static = true;
                m.assigned.clear();
                m.revoking.clear();
                m.last_sent = None;
            } else {
                self.members.remove(i);
            }
            self.epoch += 1;
            self.recompute(topics);
            return Ok(HbResult {
                member_id: hb.member_id,
                epoch: hb.epoch,
                assignment: None,
            });
        }
        let mut idx = self
            .members
            .iter()
            .position(|m| m.id == hb.member_id && !hb.member_id.is_empty());
        if hb.epoch == 0 {
            if hb.names.is_none() && hb.regex.is_none() && idx.is_none() {
                return Err(e::INVALID_REQUEST);
            }
            if idx.is_none() {
                if let Some(inst) = &hb.instance_id {
                    if let Some(i) = self
                        .members
                        .iter()
                        .position(|m| m.instance_id.as_ref() == Some(inst))
                    {
                        if !self.members[i].left_static {
                            return Err(e::UNRELEASED_INSTANCE_ID);
                        }
                        self.members[i].id = if hb.member_id.is_empty() {
                            super::state::base64_encode(&super::state::random_uuid())
                        } else {
                            hb.member_id.clone()
                        };
                        self.members[i].left_static = false;
                        idx = Some(i);
                    }
                }
            }
            match idx {
                Some(i) => {
                    let m = &mut self.members[i];
                    m.assigned.clear();
                    m.revoking.clear();
                    m.last_sent = None;
                    m.epoch = 0;
                }
                None => {
                    let id = if hb.member_id.is_empty() {
                        super::state::base64_encode(&super::state::random_uuid())
                            .trim_end_matches('=')
                            .to_string()
                    } else {
                        hb.member_id.clone()
                    };
                    self.members.push(CMember {
                        id,
                        instance_id: hb.instance_id.clone(),
                        epoch: 0,
                        names: Vec::new(),
                        regex: None,
                        last_seen: now,
                        assigned: BTreeSet::new(),
                        revoking: BTreeSet::new(),
                        target: BTreeSet::new(),
                        last_sent: None,
                        left_static: false,
                    });
                    idx = Some(self.members.len() - 1);
                }
            }
            self.epoch += 1;
        } else {
            let Some(i) = idx else {
                return Err(e::UNKNOWN_MEMBER_ID);
            };
            if self.members[i].epoch != hb.epoch {
                return Err(e::FENCED_MEMBER_EPOCH);
            }
        }
        let i = idx.unwrap();
        {
            let m = &mut self.members[i];
            m.last_seen = now;
            let mut sub_changed = false;
            if let Some(n) = hb.names {
                sub_changed |= n != m.names;
                m.names = n;
            }
            if let Some(r) = hb.regex {
                let r = (!r.is_empty()).then_some(r);
                sub_changed |= r != m.regex;
                m.regex = r;
            }
            if let Some(owned) = &hb.owned {
                let owned: BTreeSet<Tp> = owned.iter().copied().collect();
                m.revoking.retain(|tp| owned.contains(tp));
            }
            if sub_changed && hb.epoch != 0 {
                self.epoch += 1;
            }
        }
        self.recompute(topics);
        // Reconcile this member with its target.
        let held: BTreeSet<Tp> = self
            .members
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .flat_map(|(_, o)| o.assigned.iter().chain(o.revoking.iter()).copied())
            .collect();
        let group_epoch = self.epoch;
        let m = &mut self.members[i];
        let revoke: BTreeSet<Tp> = m.assigned.difference(&m.target).copied().collect();
        if !revoke.is_empty() {
            m.assigned.retain(|tp| !revoke.contains(tp));
            m.revoking.extend(revoke);
        } else {
            let add: Vec<Tp> = m
                .target
                .iter()
                .filter(|tp| !m.assigned.contains(tp) && !held.contains(tp))
                .copied()
                .collect();
            m.assigned.extend(add);
            m.epoch = group_epoch;
        }
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

    /// Remove members not heard from within the session timeout; true if
    /// any was.
    pub fn expire(
        &mut self,
        now: Instant,
        session_timeout: Duration,
        topics: &TopicSnapshot,
    ) -> bool {
        let before = self.members.len();
        self.members.retain(|m| m.last_seen + session_timeout > now);
        if self.members.len() != before {
            self.epoch += 1;
            self.recompute(topics);
            true
        } else {
            false
        }
    }

    /// May a member commit offsets with this epoch?
    pub fn check_commit(&self, member_id: &str, epoch: i32) -> i16 {
        if member_id.is_empty() && epoch < 0 && self.members.is_empty() {
            return e::NONE;
        }
        match self.member(member_id) {
            None => e::UNKNOWN_MEMBER_ID,
            Some(m) if m.epoch != epoch => e::STALE_MEMBER_EPOCH,
            Some(_) => e::NONE,
        }
    }

    pub fn connection_lost(&mut self, _conn: usize) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: [u8; 16] = [1; 16];

    fn topics() -> TopicSnapshot {
        vec![("t".into(), T, 4)]
    }

    fn hb(id: &str, epoch: i32, owned: Option<Vec<Tp>>) -> Heartbeat {
        Heartbeat {
            member_id: id.into(),
            epoch,
            instance_id: None,
            names: if epoch == 0 {
                Some(vec!["t".into()])
            } else {
                None
            },
            regex: None,
            owned,
        }
    }

    #[test]
    fn join_revoke_then_assign() {
        let now = Instant::now();
        let mut g = ConsumerGroup::new("g");
        let r1 = g.heartbeat(hb("a", 0, None), &topics(), now).unwrap();
        assert_eq!(r1.assignment.as_ref().unwrap().len(), 4);
        let e1 = r1.epoch;
        assert!(e1 >= 1);
        // Unchanged: no assignment in the answer.
        let r = g.heartbeat(hb("a", e1, None), &topics(), now).unwrap();
        assert_eq!(
            r,
            HbResult {
                member_id: "a".into(),
                epoch: e1,
                assignment: None
            }
        );
        // Second member: gets nothing until "a" releases its half.
        let r2 = g.heartbeat(hb("b", 0, None), &topics(), now).unwrap();
        assert_eq!(r2.assignment, Some(vec![]));
        assert_eq!(r2.epoch, g.epoch);
        let e2 = r2.epoch;
        // "a" is told to keep only its target (revocation), epoch unchanged.
        let r = g.heartbeat(hb("a", e1, None), &topics(), now).unwrap();
        assert_eq!(r.epoch, e1);
        assert_eq!(r.assignment, Some(vec![(T, 0), (T, 1)]));
        // "b" still waits: "a" has not confirmed.
        assert_eq!(
            g.heartbeat(hb("b", e2, None), &topics(), now)
                .unwrap()
                .assignment,
            None
        );
        // "a" confirms it owns only 0 and 1 and moves to the new epoch.
        let r = g
            .heartbeat(hb("a", e1, Some(vec![(T, 0), (T, 1)])), &topics(), now)
            .unwrap();
        assert_eq!(r.epoch, g.epoch);
        let r = g.heartbeat(hb("b", e2, None), &topics(), now).unwrap();
        assert_eq!(r.assignment, Some(vec![(T, 2), (T, 3)]));
        // Stale epochs are fenced; commits check the epoch.
        assert_eq!(
            g.heartbeat(hb("b", e2 - 1, None), &topics(), now),
            Err(e::FENCED_MEMBER_EPOCH)
        );
        assert_eq!(g.check_commit("b", e2 - 1), e::STALE_MEMBER_EPOCH);
        assert_eq!(g.check_commit("b", e2), e::NONE);
        assert_eq!(g.check_commit("zz", e2), e::UNKNOWN_MEMBER_ID);
        // "b" leaves; "a" gets everything back.
        g.heartbeat(hb("b", -1, None), &topics(), now).unwrap();
        let ea = g.member("a").unwrap().epoch;
        let r = g.heartbeat(hb("a", ea, None), &topics(), now).unwrap();
        assert_eq!(r.assignment.unwrap().len(), 4);
        // Session timeout.
        assert!(g.expire(
            now + Duration::from_secs(100),
            Duration::from_secs(45),
            &topics()
        ));
        assert!(g.members.is_empty());
    }

    #[test]
    fn manual_target_and_regex() {
        let now = Instant::now();
        let ts: TopicSnapshot = vec![("t".into(), T, 4), ("other".into(), [2; 16], 1)];
        let mut g = ConsumerGroup::new("g");
        let mut h = hb("a", 0, None);
        h.names = Some(vec![]);
        h.regex = Some("o.*".into());
        let r = g.heartbeat(h, &ts, now).unwrap();
        assert_eq!(r.assignment, Some(vec![([2; 16], 0)]));
        let mut m = HashMap::new();
        m.insert("a".to_string(), vec![("t".to_string(), 3)]);
        g.manual = Some(m);
        let ep = r.epoch;
        let r = g.heartbeat(hb("a", ep, None), &ts, now).unwrap();
        assert_eq!(r.assignment, Some(vec![]), "revoke first");
        let r = g.heartbeat(hb("a", ep, Some(vec![])), &ts, now).unwrap();
        assert_eq!(r.assignment, Some(vec![(T, 3)]));
    }
}
