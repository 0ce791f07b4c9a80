//! The range assignor ("range", eager).
//!
//! Topic by topic, the members subscribing to the topic are sorted (static
//! members by group.instance.id, otherwise by member id) and the partitions
//! are cut into contiguous ranges in that order; when the partition count
//! does not divide evenly, the first members get one partition more. Two
//! members subscribing to t0 and t1 of 3 partitions each get
//! `C0: t0p0 t0p1 t1p0 t1p1` and `C1: t0p2 t1p2`.
//!
//! Rack-aware variant (librdkafka 2.3+, KIP-881), used when members have a
//! client.rack and replica racks are known: members still get the same
//! number of partitions, but prefer partitions with a replica in their rack.
//! Topics with the same subscribers and partition count ("co-partitioned")
//! are kept aligned: partition i of all of them goes to one member. This
//! follows librdkafka's implementation step by step:
//!
//! 1. every topic gets its quota per member (`n / m`, and `n % m` members
//!    may take one more, first come first served);
//! 2. topics are grouped by (sorted member list, partition count);
//! 3. a group of one topic, if rack-aware assignment applies to it, gives
//!    each member in order the lowest free partitions whose replicas
//!    include its rack (members without a rack take any), up to its quota;
//! 4. a group of several topics gives partition i (of all of them) to the
//!    first member whose rack holds a replica of partition i in every topic
//!    and who has quota left in every topic;
//! 5. then every topic hands what is left to its members in order, lowest
//!    free partitions first, up to their quotas (without racks, only this
//!    step runs and yields the plain ranges).

use super::{
    Assignor, EligibleTopic, MemberMetadata, RebalanceProtocol, TopicPartition, eligible_topics,
    empty_result, member_rack, sort_members, use_rack_aware,
};
use std::collections::BTreeMap;

pub struct RangeAssignor;

/// Assignment progress of one topic.
struct TopicState<'a> {
    topic: &'a EligibleTopic<'a>,
    /// Subscribers in assignment order.
    members: Vec<usize>,
    free: Vec<bool>,
    free_left: usize,
    /// Partitions assigned so far, by member index.
    taken: BTreeMap<usize, i32>,
    quota: i32,
    extra_left: i32,
    rack_aware: bool,
}

impl TopicState<'_> {
    /// How many more partitions of this topic member `m` may get.
    fn room(&self, m: usize) -> i32 {
        self.quota + i32::from(self.extra_left > 0) - self.taken.get(&m).copied().unwrap_or(0)
    }

    fn has_rack(&self, p: usize, rack: &str) -> bool {
        self.topic.racks[p]
            .binary_search_by(|r| r.as_str().cmp(rack))
            .is_ok()
    }

    fn give(&mut self, m: usize, p: usize, out: &mut [Vec<TopicPartition>]) {
        debug_assert!(self.free[p]);
        out[m].push(TopicPartition::new(self.topic.name, p as i32));
        self.free[p] = false;
        self.free_left -= 1;
        let n = self.taken.entry(m).or_insert(0);
        *n += 1;
        if *n > self.quota {
            self.extra_left -= 1;
        }
    }

    /// Steps 3 and 5: each member in order takes the lowest free partitions
    /// `ok` accepts, up to its room.
    fn fill(
        &mut self,
        members: &[MemberMetadata],
        out: &mut [Vec<TopicPartition>],
        ok: &dyn Fn(&Self, &MemberMetadata, usize) -> bool,
    ) {
        for mi in 0..self.members.len() {
            if self.free_left == 0 {
                break;
            }
            let m = self.members[mi];
            let mut room = self.room(m);
            if room <= 0 {
                continue;
            }
            let mut pick = Vec::new();
            for p in 0..self.free.len() {
                if room <= 0 {
                    break;
                }
                if self.free[p] && ok(self, &members[m], p) {
                    pick.push(p);
                    room -= 1;
                }
            }
            for p in pick {
                self.give(m, p, out);
            }
        }
    }
}

fn rack_matches(st: &TopicState, m: &MemberMetadata, p: usize) -> bool {
    match member_rack(m) {
        None => true,
        Some(r) => st.has_rack(p, r),
    }
}

/// Step 4 for a group of co-partitioned topics.
fn assign_co_partitioned(
    group: &mut [&mut TopicState],
    members: &[MemberMetadata],
    out: &mut [Vec<TopicPartition>],
) {
    let cnt = group[0].topic.partition_cnt as usize;
    let order = group[0].members.clone();
    for p in 0..cnt {
        let chosen = order.iter().copied().find(|&m| {
            group.iter().all(|st| {
                member_rack(&members[m]).is_some_and(|r| st.has_rack(p, r)) && st.room(m) > 0
            })
        });
        if let Some(m) = chosen {
            for st in group.iter_mut() {
                st.give(m, p, out);
            }
        }
    }
}

pub(crate) fn assign_range(
    members: &[MemberMetadata],
    partitions: &BTreeMap<String, i32>,
    partition_racks: &BTreeMap<String, Vec<Vec<String>>>,
) -> BTreeMap<String, Vec<TopicPartition>> {
    let topics = eligible_topics(members, partitions, partition_racks);
    let mut out: Vec<Vec<TopicPartition>> = vec![Vec::new(); members.len()];

    let mut states: Vec<TopicState> = topics
        .iter()
        .map(|t| {
            let mut order = t.members.clone();
            sort_members(&mut order, members);
            let m = order.len() as i32;
            TopicState {
                topic: t,
                members: order,
                free: vec![true; t.partition_cnt as usize],
                free_left: t.partition_cnt as usize,
                taken: BTreeMap::new(),
                quota: t.partition_cnt / m,
                extra_left: t.partition_cnt % m,
                rack_aware: use_rack_aware(members, &[t]),
            }
        })
        .collect();

    // Group topics by (subscriber member ids in order, partition count).
    let key = |st: &TopicState| -> (Vec<&str>, i32) {
        (
            st.members
                .iter()
                .map(|&m| members[m].member_id.as_str())
                .collect(),
            st.topic.partition_cnt,
        )
    };
    states.sort_by(|a, b| key(a).cmp(&key(b)));

    let mut start = 0;
    while start < states.len() {
        let mut end = start + 1;
        while end < states.len() && key(&states[end]) == key(&states[start]) {
            end += 1;
        }
        if end - start == 1 {
            let st = &mut states[start];
            if st.rack_aware {
                st.fill(members, &mut out, &rack_matches);
            }
        } else {
            let mut group: Vec<&mut TopicState> = states[start..end].iter_mut().collect();
            assign_co_partitioned(&mut group, members, &mut out);
        }
        start = end;
    }

    for st in states.iter_mut() {
        st.fill(members, &mut out, &|_, _, _| true);
    }

    let mut res = empty_result(members);
    for (i, mut parts) in out.into_iter().enumerate() {
        parts.sort();
        res.get_mut(&members[i].member_id)
            .expect("member present")
            .extend(parts);
    }
    res
}

impl Assignor for RangeAssignor {
    fn name(&self) -> &'static str {
        "range"
    }

    fn protocol(&self) -> RebalanceProtocol {
        RebalanceProtocol::Eager
    }

    fn assign(
        &self,
        members: &[MemberMetadata],
        partitions: &BTreeMap<String, i32>,
        partition_racks: &BTreeMap<String, Vec<Vec<String>>>,
    ) -> BTreeMap<String, Vec<TopicPartition>> {
        assign_range(members, partitions, partition_racks)
    }

    fn user_data(&self, _owned: &[TopicPartition], _generation: i32) -> Option<Vec<u8>> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::assignor::testutil::*;

    fn run(
        members: &[MemberMetadata],
        t: &BTreeMap<String, i32>,
    ) -> BTreeMap<String, Vec<TopicPartition>> {
        let r = RangeAssignor.assign(members, t, &no_racks());
        check_valid(members, t, &r);
        r
    }

    #[test]
    fn two_members_two_topics_three_partitions() {
        // The example of the Java and librdkafka documentation.
        let m = [
            MemberMetadata::new("C0", &["t0", "t1"]),
            MemberMetadata::new("C1", &["t0", "t1"]),
        ];
        let r = run(&m, &topics(&[("t0", 3), ("t1", 3)]));
        assert_eq!(r["C0"], tps(&[("t0", 0), ("t0", 1), ("t1", 0), ("t1", 1)]));
        assert_eq!(r["C1"], tps(&[("t0", 2), ("t1", 2)]));
    }

    #[test]
    fn three_members_two_topics_three_partitions() {
        let m = [
            MemberMetadata::new("consumer3", &["t1", "t2"]),
            MemberMetadata::new("consumer1", &["t1", "t2"]),
            MemberMetadata::new("consumer2", &["t1", "t2"]),
        ];
        let r = run(&m, &topics(&[("t1", 3), ("t2", 3)]));
        assert_eq!(r["consumer1"], tps(&[("t1", 0), ("t2", 0)]));
        assert_eq!(r["consumer2"], tps(&[("t1", 1), ("t2", 1)]));
        assert_eq!(r["consumer3"], tps(&[("t1", 2), ("t2", 2)]));
    }

    #[test]
    fn uneven_counts_and_partial_subscriptions() {
        // RangeAssignorTest: testMultipleConsumersMixedTopics.
        let m = [
            MemberMetadata::new("consumer1", &["topic1"]),
            MemberMetadata::new("consumer2", &["topic1", "topic2"]),
            MemberMetadata::new("consumer3", &["topic1"]),
        ];
        let r = run(&m, &topics(&[("topic1", 3), ("topic2", 2)]));
        assert_eq!(r["consumer1"], tps(&[("topic1", 0)]));
        assert_eq!(
            r["consumer2"],
            tps(&[("topic1", 1), ("topic2", 0), ("topic2", 1)])
        );
        assert_eq!(r["consumer3"], tps(&[("topic1", 2)]));

        // 7 partitions over 3 members: 3, 2, 2.
        let m = [
            MemberMetadata::new("a", &["t"]),
            MemberMetadata::new("b", &["t"]),
            MemberMetadata::new("c", &["t"]),
        ];
        let r = run(&m, &topics(&[("t", 7)]));
        assert_eq!(r["a"], tps(&[("t", 0), ("t", 1), ("t", 2)]));
        assert_eq!(r["b"], tps(&[("t", 3), ("t", 4)]));
        assert_eq!(r["c"], tps(&[("t", 5), ("t", 6)]));

        // More members than partitions; unknown and empty topics.
        let m = [
            MemberMetadata::new("a", &["t", "gone"]),
            MemberMetadata::new("b", &["t"]),
            MemberMetadata::new("c", &["t", "empty"]),
        ];
        let r = run(&m, &topics(&[("t", 2), ("empty", 0), ("other", 4)]));
        assert_eq!(r["a"], tps(&[("t", 0)]));
        assert_eq!(r["b"], tps(&[("t", 1)]));
        assert_eq!(r["c"], vec![]);
    }

    #[test]
    fn static_members_are_ordered_by_instance_id() {
        let mut a = MemberMetadata::new("aaa", &["t"]);
        a.group_instance_id = Some("instance-2".into());
        let mut b = MemberMetadata::new("bbb", &["t"]);
        b.group_instance_id = Some("instance-1".into());
        let r = run(&[a, b], &topics(&[("t", 3)]));
        assert_eq!(r["bbb"], tps(&[("t", 0), ("t", 1)]));
        assert_eq!(r["aaa"], tps(&[("t", 2)]));
    }

    #[test]
    fn no_members_no_topics() {
        assert!(run(&[], &topics(&[("t", 3)])).is_empty());
        let m = [MemberMetadata::new("a", &[])];
        assert_eq!(run(&m, &topics(&[("t", 3)]))["a"], vec![]);
    }

    fn racks(v: &[(&str, &[&[&str]])]) -> BTreeMap<String, Vec<Vec<String>>> {
        v.iter()
            .map(|(t, ps)| {
                (
                    t.to_string(),
                    ps.iter()
                        .map(|p| p.iter().map(|s| s.to_string()).collect())
                        .collect(),
                )
            })
            .collect()
    }

    fn racked(id: &str, rack: Option<&str>, topics: &[&str]) -> MemberMetadata {
        let mut m = MemberMetadata::new(id, topics);
        m.rack_id = rack.map(String::from);
        m
    }

    #[test]
    fn rack_aware_single_topic_prefers_local_replicas() {
        // Partitions alternate between racks a and b; consumers in b, a.
        let r = racks(&[("t", &[&["a"], &["b"], &["a"], &["b"]])]);
        let m = [
            racked("c1", Some("b"), &["t"]),
            racked("c2", Some("a"), &["t"]),
        ];
        let t = topics(&[("t", 4)]);
        let res = RangeAssignor.assign(&m, &t, &r);
        check_valid(&m, &t, &res);
        assert_eq!(res["c1"], tps(&[("t", 1), ("t", 3)]));
        assert_eq!(res["c2"], tps(&[("t", 0), ("t", 2)]));
        // Without replica racks, plain ranges.
        let res = RangeAssignor.assign(&m, &t, &no_racks());
        assert_eq!(res["c1"], tps(&[("t", 0), ("t", 1)]));
    }

    #[test]
    fn rack_aware_leftovers_and_quota() {
        // c1's rack holds only partition 0 of 5; c2 (no rack) takes any.
        // Quotas: 3 for the first member to reach the extra, then 2.
        let r = racks(&[("t", &[&["x"], &["y"], &["y"], &["y"], &["y"]])]);
        let m = [racked("c1", Some("x"), &["t"]), racked("c2", None, &["t"])];
        let t = topics(&[("t", 5)]);
        let res = RangeAssignor.assign(&m, &t, &r);
        check_valid(&m, &t, &res);
        // Step 3: c1 takes p0 (its only local one), c2 takes p1 p2 p3 (room 3).
        // Step 5: c1 gets p4.
        assert_eq!(res["c1"], tps(&[("t", 0), ("t", 4)]));
        assert_eq!(res["c2"], tps(&[("t", 1), ("t", 2), ("t", 3)]));
    }

    #[test]
    fn rack_aware_co_partitioned_topics_stay_aligned() {
        // Two topics with the same subscribers and partition count: partition
        // i of both goes to the same member, chosen by rack where possible.
        let r = racks(&[
            ("t1", &[&["b"], &["a"], &["b"], &["a"]]),
            ("t2", &[&["b"], &["a"], &["a", "b"], &["a"]]),
        ]);
        let m = [
            racked("c1", Some("a"), &["t1", "t2"]),
            racked("c2", Some("b"), &["t1", "t2"]),
        ];
        let t = topics(&[("t1", 4), ("t2", 4)]);
        let res = RangeAssignor.assign(&m, &t, &r);
        check_valid(&m, &t, &res);
        assert_eq!(
            res["c1"],
            tps(&[("t1", 1), ("t1", 3), ("t2", 1), ("t2", 3)])
        );
        assert_eq!(
            res["c2"],
            tps(&[("t1", 0), ("t1", 2), ("t2", 0), ("t2", 2)])
        );
    }

    #[test]
    fn rack_aware_not_used_when_every_partition_is_everywhere() {
        let r = racks(&[("t", &[&["a", "b"], &["b", "a"], &["a", "b"]])]);
        let m = [
            racked("c1", Some("b"), &["t"]),
            racked("c2", Some("a"), &["t"]),
        ];
        let t = topics(&[("t", 3)]);
        let res = RangeAssignor.assign(&m, &t, &r);
        assert_eq!(res["c1"], tps(&[("t", 0), ("t", 1)]));
        assert_eq!(res["c2"], tps(&[("t", 2)]));
    }
}
