//! The round-robin assignor ("roundrobin", eager).
//!
//! All partitions of the subscribed topics, in topic name then partition
//! order, are dealt to the sorted members (static members by
//! group.instance.id, otherwise by member id) one at a time, cycling through
//! the members and passing over those not subscribed to the partition's
//! topic. The cycle continues across topics. Two members subscribing to t0
//! and t1 of 3 partitions each get `C0: t0p0 t0p2 t1p1` and
//! `C1: t0p1 t1p0 t1p2`. Racks are not considered (as in librdkafka).

use super::{
    Assignor, MemberMetadata, RebalanceProtocol, TopicPartition, eligible_topics, empty_result,
    sort_members,
};
use std::collections::BTreeMap;

pub struct RoundRobinAssignor;

pub(crate) fn assign_roundrobin(
    members: &[MemberMetadata],
    partitions: &BTreeMap<String, i32>,
) -> BTreeMap<String, Vec<TopicPartition>> {
    let mut res = empty_result(members);
    let topics = eligible_topics(members, partitions, &BTreeMap::new());
    let mut order: Vec<usize> = (0..members.len()).collect();
    sort_members(&mut order, members);
    let mut next = order.len() - 1; // the cycle starts at the first member
    for t in &topics {
        for p in 0..t.partition_cnt {
            // An eligible topic has a subscriber, so this ends.
            loop {
                next = (next + 1) % order.len();
                if members[order[next]].topics.iter().any(|s| s == t.name) {
                    break;
                }
            }
            res.get_mut(&members[order[next]].member_id)
                .expect("member present")
                .push(TopicPartition::new(t.name, p));
        }
    }
    res
}

impl Assignor for RoundRobinAssignor {
    fn name(&self) -> &'static str {
        "roundrobin"
    }

    fn protocol(&self) -> RebalanceProtocol {
        RebalanceProtocol::Eager
    }

    fn assign(
        &self,
        members: &[MemberMetadata],
        partitions: &BTreeMap<String, i32>,
        _partition_racks: &BTreeMap<String, Vec<Vec<String>>>,
    ) -> BTreeMap<String, Vec<TopicPartition>> {
        if members.is_empty() {
            return BTreeMap::new();
        }
        assign_roundrobin(members, partitions)
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
        let r = RoundRobinAssignor.assign(members, t, &no_racks());
        check_valid(members, t, &r);
        r
    }

    #[test]
    fn two_members_two_topics_three_partitions() {
        let m = [
            MemberMetadata::new("C1", &["t0", "t1"]),
            MemberMetadata::new("C0", &["t0", "t1"]),
        ];
        let r = run(&m, &topics(&[("t0", 3), ("t1", 3)]));
        assert_eq!(r["C0"], tps(&[("t0", 0), ("t0", 2), ("t1", 1)]));
        assert_eq!(r["C1"], tps(&[("t0", 1), ("t1", 0), ("t1", 2)]));
    }

    #[test]
    fn three_members_two_topics_three_partitions() {
        let m = [
            MemberMetadata::new("consumer1", &["t1", "t2"]),
            MemberMetadata::new("consumer2", &["t1", "t2"]),
            MemberMetadata::new("consumer3", &["t1", "t2"]),
        ];
        let r = run(&m, &topics(&[("t1", 3), ("t2", 3)]));
        assert_eq!(r["consumer1"], tps(&[("t1", 0), ("t2", 0)]));
        assert_eq!(r["consumer2"], tps(&[("t1", 1), ("t2", 1)]));
        assert_eq!(r["consumer3"], tps(&[("t1", 2), ("t2", 2)]));
    }

    #[test]
    fn the_cycle_runs_across_topics_and_skips_non_subscribers() {
        // RoundRobinAssignorTest: testMultipleConsumersMixedTopics.
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

        // 4 partitions then 2 more of another topic over 3 members: the
        // second topic continues where the first stopped.
        let m = [
            MemberMetadata::new("a", &["x", "y"]),
            MemberMetadata::new("b", &["x", "y"]),
            MemberMetadata::new("c", &["x", "y"]),
        ];
        let r = run(&m, &topics(&[("x", 4), ("y", 2)]));
        assert_eq!(r["a"], tps(&[("x", 0), ("x", 3)]));
        assert_eq!(r["b"], tps(&[("x", 1), ("y", 0)]));
        assert_eq!(r["c"], tps(&[("x", 2), ("y", 1)]));
    }

    #[test]
    fn static_members_are_ordered_by_instance_id() {
        let mut a = MemberMetadata::new("aaa", &["t"]);
        a.group_instance_id = Some("i2".into());
        let mut b = MemberMetadata::new("bbb", &["t"]);
        b.group_instance_id = Some("i1".into());
        let r = run(&[a, b], &topics(&[("t", 3)]));
        assert_eq!(r["bbb"], tps(&[("t", 0), ("t", 2)]));
        assert_eq!(r["aaa"], tps(&[("t", 1)]));
    }

    #[test]
    fn edge_cases() {
        assert!(run(&[], &topics(&[("t", 3)])).is_empty());
        let m = [MemberMetadata::new("a", &["nope"])];
        assert_eq!(run(&m, &topics(&[("t", 3)]))["a"], vec![]);
    }
}
