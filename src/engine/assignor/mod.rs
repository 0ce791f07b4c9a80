//! Client-side partition assignors of the classic consumer group protocol.
//!
//! In the classic protocol the broker elects one member of the group as the
//! leader; the leader receives every member's subscription in the JoinGroup
//! response, computes who consumes which partition, and hands the result
//! back in its SyncGroup request. This module is that computation, kept pure
//! (no I/O, no engine state) so the group code can call it and tests can
//! drive it directly:
//!
//! - [`range`]: per topic, contiguous ranges of partitions per member
//!   (`"range"`, eager), with librdkafka's rack-aware variant.
//! - [`roundrobin`]: all partitions dealt out one by one over the sorted
//!   members (`"roundrobin"`, eager).
//! - [`sticky`]: the KIP-54/KIP-341 sticky algorithm with the KIP-429
//!   cooperative adjustment (`"cooperative-sticky"`), with librdkafka's
//!   rack-aware variant.
//! - [`protocol`]: the byte formats carried inside JoinGroup (member
//!   subscription metadata) and SyncGroup (member assignment), and the user
//!   data of the sticky assignor.
//!
//! The results reproduce what librdkafka's assignors compute for the same
//! input (librdkafka's range and roundrobin match the Java client; its
//! sticky assignor follows the Java `AbstractStickyAssignor` "general"
//! algorithm). The remaining differences are listed in the documentation of
//! each submodule. Common to all: subscriptions are matched to topics by
//! exact name (members send resolved topic names, not patterns), and topics
//! are taken in name order where librdkafka takes them in the order of its
//! metadata response, which can only matter for ties in the sticky
//! assignor's ordering of partitions.

use std::cmp::Ordering;
use std::collections::BTreeMap;

pub mod protocol;
pub mod range;
pub mod roundrobin;
pub mod sticky;

pub use protocol::{
    ProtocolError, Subscription, decode_assignment, decode_sticky_user_data, decode_subscription,
    encode_assignment, encode_sticky_user_data, encode_subscription,
};

/// One partition of one topic.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TopicPartition {
    pub topic: String,
    pub partition: i32,
}

impl TopicPartition {
    pub fn new(topic: impl Into<String>, partition: i32) -> Self {
        TopicPartition {
            topic: topic.into(),
            partition,
        }
    }
}

/// One group member as the leader sees it in the JoinGroup response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberMetadata {
    pub member_id: String,
    /// group.instance.id of a static member (JoinGroup v5+).
    pub group_instance_id: Option<String>,
    /// The topics the member subscribes to (resolved names, no patterns).
    pub topics: Vec<String>,
    /// The user data of its subscription metadata.
    pub user_data: Option<Vec<u8>>,
    /// Partitions it owns now (subscription v1+; used by cooperative-sticky).
    pub owned_partitions: Vec<TopicPartition>,
    /// The generation in which it got `owned_partitions`, -1 if unknown.
    pub generation: i32,
    /// client.rack of the member (subscription v3+).
    pub rack_id: Option<String>,
}

impl MemberMetadata {
    /// A dynamic member with a subscription and nothing else.
    pub fn new(member_id: impl Into<String>, topics: &[&str]) -> Self {
        MemberMetadata {
            member_id: member_id.into(),
            group_instance_id: None,
            topics: topics.iter().map(|t| t.to_string()).collect(),
            user_data: None,
            owned_partitions: Vec::new(),
            generation: -1,
            rack_id: None,
        }
    }

    /// The member as described by its decoded subscription metadata.
    ///
    /// The generation comes from the subscription (v2+); when that is absent
    /// (-1) it is taken from the user data as the Java client does: 4 bytes
    /// are the Java cooperative-sticky format (the generation alone), longer
    /// user data may be in the sticky format (previous assignment and
    /// generation). Owned
    /// partitions come from the subscription (v1+); a v0 subscription falls
    /// back on the previous assignment in sticky user data.
    pub fn from_subscription(
        member_id: impl Into<String>,
        group_instance_id: Option<String>,
        version: i16,
        sub: Subscription,
    ) -> Self {
        let mut generation = sub.generation;
        let mut owned = sub.owned_partitions;
        if let Some(ud) = sub.user_data.as_deref().filter(|u| !u.is_empty()) {
            if ud.len() == 4 {
                // The Java CooperativeStickyAssignor's user data: just the
                // generation.
                if generation < 0 {
                    generation = i32::from_be_bytes([ud[0], ud[1], ud[2], ud[3]]);
                }
            } else if let Some((prev, gen_opt)) = decode_sticky_user_data(ud) {
                if let Some(g) = gen_opt.filter(|_| generation < 0) {
                    generation = g;
                }
                if version < 1 && owned.is_empty() {
                    owned = prev;
                }
            }
        }
        MemberMetadata {
            member_id: member_id.into(),
            group_instance_id,
            topics: sub.topics,
            user_data: sub.user_data,
            owned_partitions: owned,
            generation,
            rack_id: sub.rack_id,
        }
    }
}

/// How partitions change hands in a rebalance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RebalanceProtocol {
    /// Every member gives up everything, then gets its new assignment.
    Eager,
    /// Members keep what they still own; a partition moving to another
    /// member is first revoked, then assigned in a follow-up rebalance
    /// (KIP-429).
    Cooperative,
}

/// A partition assignment strategy.
pub trait Assignor: Send + Sync {
    /// The protocol name in JoinGroup: "range", "roundrobin",
    /// "cooperative-sticky".
    fn name(&self) -> &'static str;

    fn protocol(&self) -> RebalanceProtocol;

    /// Computes the group's assignment.
    ///
    /// `partitions`: topic -> partition count from metadata, for the
    /// subscribed topics (a topic missing here, or with 0 partitions, gets
    /// nothing assigned). `partition_racks`: topic -> for each partition the
    /// racks of its replicas; empty when racks are unknown, which disables
    /// rack-aware assignment. Returns member id -> partitions (sorted),
    /// with an entry for every member.
    fn assign(
        &self,
        members: &[MemberMetadata],
        partitions: &BTreeMap<String, i32>,
        partition_racks: &BTreeMap<String, Vec<Vec<String>>>,
    ) -> BTreeMap<String, Vec<TopicPartition>>;

    /// The user data this member puts in its subscription metadata, given
    /// the assignment it received last and that assignment's generation
    /// (-1 before its first assignment).
    fn user_data(&self, owned: &[TopicPartition], generation: i32) -> Option<Vec<u8>>;
}

/// The built-in assignor of that protocol name.
pub fn by_name(name: &str) -> Option<Box<dyn Assignor>> {
    match name {
        "range" => Some(Box::new(range::RangeAssignor)),
        "roundrobin" => Some(Box::new(roundrobin::RoundRobinAssignor)),
        "cooperative-sticky" => Some(Box::new(sticky::CooperativeStickyAssignor)),
        _ => None,
    }
}

/// librdkafka's member order: static members (both with a
/// group.instance.id) by instance id, otherwise by member id.
pub(crate) fn member_cmp(a: &MemberMetadata, b: &MemberMetadata) -> Ordering {
    match (&a.group_instance_id, &b.group_instance_id) {
        (Some(x), Some(y)) => x.as_bytes().cmp(y.as_bytes()),
        _ => a.member_id.as_bytes().cmp(b.member_id.as_bytes()),
    }
}

/// Sorts member indexes with [`member_cmp`]. That order is not a total
/// order when static and dynamic members are mixed, which a library sort
/// may reject; a plain insertion sort is used then (always terminates,
/// gives some order consistent with each pairwise comparison it makes).
pub(crate) fn sort_members(idx: &mut [usize], members: &[MemberMetadata]) {
    let statics = idx
        .iter()
        .filter(|&&i| members[i].group_instance_id.is_some())
        .count();
    if statics == 0 || statics == idx.len() {
        idx.sort_by(|&a, &b| member_cmp(&members[a], &members[b]));
        return;
    }
    for i in 1..idx.len() {
        let mut j = i;
        while j > 0 && member_cmp(&members[idx[j - 1]], &members[idx[j]]) == Ordering::Greater {
            idx.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// A topic that exists in metadata and that at least one member subscribes
/// to, with its subscribers in `members` order.
pub(crate) struct EligibleTopic<'a> {
    pub name: &'a str,
    pub partition_cnt: i32,
    pub members: Vec<usize>,
    /// Racks of each partition's replicas, sorted and deduplicated; one
    /// entry per partition (empty when unknown).
    pub racks: Vec<Vec<String>>,
}

/// The eligible topics in topic name order.
pub(crate) fn eligible_topics<'a>(
    members: &[MemberMetadata],
    partitions: &'a BTreeMap<String, i32>,
    partition_racks: &BTreeMap<String, Vec<Vec<String>>>,
) -> Vec<EligibleTopic<'a>> {
    let mut out = Vec::new();
    for (topic, &cnt) in partitions {
        let subs: Vec<usize> = (0..members.len())
            .filter(|&i| members[i].topics.iter().any(|t| t == topic))
            .collect();
        if subs.is_empty() {
            continue;
        }
        let cnt = cnt.max(0);
        let given = partition_racks.get(topic);
        let racks = (0..cnt as usize)
            .map(|p| {
                let mut r: Vec<String> = given
                    .and_then(|v| v.get(p))
                    .map(|v| v.iter().filter(|s| !s.is_empty()).cloned().collect())
                    .unwrap_or_default();
                r.sort();
                r.dedup();
                r
            })
            .collect();
        out.push(EligibleTopic {
            name: topic.as_str(),
            partition_cnt: cnt,
            members: subs,
            racks,
        });
    }
    out
}

/// The member's rack, an empty string counting as none.
pub(crate) fn member_rack(m: &MemberMetadata) -> Option<&str> {
    m.rack_id.as_deref().filter(|r| !r.is_empty())
}

/// librdkafka's test for rack-aware assignment over a set of topics: some
/// subscribing member has a rack, some partition replica is in one of the
/// members' racks, and not every partition has replicas in every rack that
/// holds any replica of these topics.
pub(crate) fn use_rack_aware(members: &[MemberMetadata], topics: &[&EligibleTopic]) -> bool {
    let mut consumer_racks: Vec<&str> = topics
        .iter()
        .flat_map(|t| t.members.iter().filter_map(|&m| member_rack(&members[m])))
        .collect();
    if consumer_racks.is_empty() {
        return false;
    }
    let mut all_racks: Vec<&str> = topics
        .iter()
        .flat_map(|t| t.racks.iter().flatten().map(|s| s.as_str()))
        .collect();
    if all_racks.is_empty() {
        return false;
    }
    consumer_racks.sort_unstable();
    consumer_racks.dedup();
    all_racks.sort_unstable();
    all_racks.dedup();
    if !consumer_racks
        .iter()
        .any(|r| all_racks.binary_search(r).is_ok())
    {
        return false;
    }
    topics
        .iter()
        .any(|t| t.racks.iter().any(|r| r.len() != all_racks.len()))
}

/// An empty result with every member present.
pub(crate) fn empty_result(members: &[MemberMetadata]) -> BTreeMap<String, Vec<TopicPartition>> {
    members
        .iter()
        .map(|m| (m.member_id.clone(), Vec::new()))
        .collect()
}

#[cfg(test)]
pub(crate) mod testutil {
    use super::*;

    pub fn topics(list: &[(&str, i32)]) -> BTreeMap<String, i32> {
        list.iter().map(|(t, n)| (t.to_string(), *n)).collect()
    }

    pub fn tps(list: &[(&str, i32)]) -> Vec<TopicPartition> {
        list.iter()
            .map(|(t, p)| TopicPartition::new(*t, *p))
            .collect()
    }

    pub fn no_racks() -> BTreeMap<String, Vec<Vec<String>>> {
        BTreeMap::new()
    }

    /// Every partition of `topics` that some member subscribes to is
    /// assigned exactly once, and only to a subscriber of its topic.
    pub fn check_valid(
        members: &[MemberMetadata],
        topics: &BTreeMap<String, i32>,
        result: &BTreeMap<String, Vec<TopicPartition>>,
    ) {
        assert_eq!(result.len(), members.len(), "one entry per member");
        let mut seen = std::collections::HashMap::new();
        for m in members {
            for tp in &result[&m.member_id] {
                assert!(
                    m.topics.contains(&tp.topic),
                    "{} not subscribed to {}",
                    m.member_id,
                    tp.topic
                );
                assert!(
                    tp.partition >= 0 && tp.partition < topics[&tp.topic],
                    "{tp:?} exists"
                );
                if let Some(other) = seen.insert(tp.clone(), m.member_id.clone()) {
                    panic!("{tp:?} assigned to {other} and {}", m.member_id);
                }
            }
        }
        for (t, &n) in topics {
            if members.iter().any(|m| m.topics.contains(t)) {
                for p in 0..n {
                    assert!(
                        seen.contains_key(&TopicPartition::new(t.clone(), p)),
                        "{t}[{p}] unassigned"
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_name_knows_the_builtin_assignors() {
        for (n, p) in [
            ("range", RebalanceProtocol::Eager),
            ("roundrobin", RebalanceProtocol::Eager),
            ("cooperative-sticky", RebalanceProtocol::Cooperative),
        ] {
            let a = by_name(n).unwrap();
            assert_eq!(a.name(), n);
            assert_eq!(a.protocol(), p);
        }
        assert!(by_name("sticky").is_none());
        assert!(by_name("").is_none());
    }

    /// rd_kafka_new() refuses names outside the configuration's list: it
    /// must be exactly the assignors this table has, with their protocol.
    #[test]
    fn the_configuration_lists_exactly_these_assignors() {
        for (name, cooperative) in crate::config::props::ASSIGNORS {
            let a = by_name(name).unwrap_or_else(|| panic!("{name} unknown to the engine"));
            assert_eq!(a.protocol() == RebalanceProtocol::Cooperative, *cooperative, "{name}");
        }
        assert_eq!(crate::config::props::ASSIGNORS.len(), 3);
    }

    #[test]
    fn member_order_uses_instance_ids_of_static_members() {
        let mut a = MemberMetadata::new("b", &[]);
        a.group_instance_id = Some("1".into());
        let mut b = MemberMetadata::new("a", &[]);
        b.group_instance_id = Some("2".into());
        assert_eq!(member_cmp(&a, &b), Ordering::Less);
        b.group_instance_id = None;
        assert_eq!(member_cmp(&a, &b), Ordering::Greater);
        // Mixed static and dynamic members: sorting must not panic.
        let mut ms: Vec<MemberMetadata> = (0..20)
            .map(|i| {
                let mut m = MemberMetadata::new(format!("m{:02}", (i * 7) % 20), &[]);
                if i % 3 == 0 {
                    m.group_instance_id = Some(format!("i{:02}", (i * 11) % 20));
                }
                m
            })
            .collect();
        ms.push(MemberMetadata::new("zz", &[]));
        let mut idx: Vec<usize> = (0..ms.len()).collect();
        sort_members(&mut idx, &ms);
        let mut seen = idx.clone();
        seen.sort();
        assert_eq!(seen, (0..ms.len()).collect::<Vec<_>>());
    }

    #[test]
    fn rack_awareness_criteria() {
        let mut m = MemberMetadata::new("m", &["t"]);
        let r = |v: &[&[&str]]| -> Vec<Vec<String>> {
            v.iter()
                .map(|p| p.iter().map(|s| s.to_string()).collect())
                .collect()
        };
        let topic = |racks: Vec<Vec<String>>| EligibleTopic {
            name: "t",
            partition_cnt: racks.len() as i32,
            members: vec![0],
            racks,
        };
        // No member rack.
        let t = topic(r(&[&["a"], &["b"]]));
        assert!(!use_rack_aware(std::slice::from_ref(&m), &[&t]));
        m.rack_id = Some("a".into());
        assert!(use_rack_aware(std::slice::from_ref(&m), &[&t]));
        // No common rack.
        m.rack_id = Some("z".into());
        assert!(!use_rack_aware(std::slice::from_ref(&m), &[&t]));
        // Every partition on every rack.
        m.rack_id = Some("a".into());
        let t = topic(r(&[&["a", "b"], &["b", "a"]]));
        assert!(!use_rack_aware(std::slice::from_ref(&m), &[&t]));
        // No partition racks at all.
        let t = topic(r(&[&[], &[]]));
        assert!(!use_rack_aware(std::slice::from_ref(&m), &[&t]));
    }
}
