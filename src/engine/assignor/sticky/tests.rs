use super::*;
use crate::engine::assignor::testutil::*;
use crate::engine::assignor::{by_name, decode_sticky_user_data};

fn member(id: &str, topics: &[&str], owned: &[(&str, i32)], generation: i32) -> MemberMetadata {
    let mut m = MemberMetadata::new(id, topics);
    m.owned_partitions = tps(owned);
    m.generation = generation;
    m
}

type Result = BTreeMap<String, Vec<TopicPartition>>;

/// Steps 1-5 only (what librdkafka's unit tests check), validated.
fn sticky(members: &[MemberMetadata], t: &BTreeMap<String, i32>) -> Result {
    sticky_racks(members, t, &no_racks())
}

fn sticky_racks(
    members: &[MemberMetadata],
    t: &BTreeMap<String, i32>,
    racks: &BTreeMap<String, Vec<Vec<String>>>,
) -> Result {
    let res: Result = members
        .iter()
        .map(|m| m.member_id.clone())
        .zip(assign_sticky(members, t, racks))
        .collect();
    check_valid(members, t, &res);
    check_balance(members, t, &res);
    res
}

/// The Java tests' verifyValidityAndBalance: when two members' counts
/// differ by more than one, the larger one holds nothing the smaller one
/// could take.
fn check_balance(members: &[MemberMetadata], t: &BTreeMap<String, i32>, res: &Result) {
    for a in members {
        for b in members {
            let (la, lb) = (res[&a.member_id].len(), res[&b.member_id].len());
            if la > lb + 1 {
                for tp in &res[&a.member_id] {
                    assert!(
                        !(b.topics.contains(&tp.topic) && t.contains_key(&tp.topic)),
                        "{} has {la}, {} has {lb} and could take {tp:?}",
                        a.member_id,
                        b.member_id
                    );
                }
            }
        }
    }
}

fn spread(res: &Result) -> usize {
    let max = res.values().map(Vec::len).max().unwrap_or(0);
    let min = res.values().map(Vec::len).min().unwrap_or(0);
    max - min
}

/// The members with their owned partitions set to `res`, in `generation`.
fn owning(members: &[MemberMetadata], res: &Result, generation: i32) -> Vec<MemberMetadata> {
    members
        .iter()
        .map(|m| {
            let mut m = m.clone();
            m.owned_partitions = res[&m.member_id].clone();
            m.generation = generation;
            m
        })
        .collect()
}

/// A small deterministic generator for property tests.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn one_consumer() {
    let t = topics(&[("topic1", 3), ("topic2", 3)]);
    // No subscription, unknown topic, one topic, several topics.
    assert_eq!(sticky(&[member("c", &[], &[], -1)], &t)["c"], vec![]);
    assert_eq!(sticky(&[member("c", &["gone"], &[], -1)], &t)["c"], vec![]);
    assert_eq!(
        sticky(&[member("c", &["topic1"], &[], -1)], &t)["c"],
        tps(&[("topic1", 0), ("topic1", 1), ("topic1", 2)])
    );
    assert_eq!(
        sticky(&[member("c", &["topic1", "topic2"], &[], -1)], &t)["c"].len(),
        6
    );
    assert!(assign_sticky(&[], &t, &no_racks()).is_empty());
}

#[test]
fn two_consumers_one_partition() {
    let t = topics(&[("topic1", 1)]);
    let r = sticky(
        &[
            member("consumer1", &["topic1"], &[], -1),
            member("consumer2", &["topic1"], &[], -1),
        ],
        &t,
    );
    assert_eq!(r["consumer1"], tps(&[("topic1", 0)]));
    assert_eq!(r["consumer2"], vec![]);
}

#[test]
fn mixed_subscriptions() {
    // librdkafka ut_testMultipleConsumersMixedTopicSubscriptions.
    let t = topics(&[("topic1", 3), ("topic2", 2)]);
    let m = [
        member("consumer1", &["topic1"], &[], -1),
        member("consumer2", &["topic1", "topic2"], &[], -1),
        member("consumer3", &["topic1"], &[], -1),
    ];
    let r = sticky(&m, &t);
    assert_eq!(r["consumer1"], tps(&[("topic1", 0), ("topic1", 2)]));
    assert_eq!(r["consumer2"], tps(&[("topic2", 0), ("topic2", 1)]));
    assert_eq!(r["consumer3"], tps(&[("topic1", 1)]));
}

#[test]
fn two_consumers_two_topics_six_partitions() {
    // librdkafka ut_testTwoConsumersTwoTopicsSixPartitions.
    let t = topics(&[("topic1", 3), ("topic2", 3)]);
    let m = [
        member("consumer1", &["topic1", "topic2"], &[], -1),
        member("consumer2", &["topic1", "topic2"], &[], -1),
    ];
    let r = sticky(&m, &t);
    assert_eq!(
        r["consumer1"],
        tps(&[("topic1", 0), ("topic1", 2), ("topic2", 1)])
    );
    assert_eq!(
        r["consumer2"],
        tps(&[("topic1", 1), ("topic2", 0), ("topic2", 2)])
    );
}

#[test]
fn add_and_remove_a_consumer() {
    // librdkafka ut_testAddRemoveConsumerOneTopic.
    let t = topics(&[("topic1", 3)]);
    let r = sticky(&[member("consumer1", &["topic1"], &[], -1)], &t);
    assert_eq!(
        r["consumer1"],
        tps(&[("topic1", 0), ("topic1", 1), ("topic1", 2)])
    );

    let m = [
        member(
            "consumer1",
            &["topic1"],
            &[("topic1", 0), ("topic1", 1), ("topic1", 2)],
            1,
        ),
        member("consumer2", &["topic1"], &[], -1),
    ];
    let r = sticky(&m, &t);
    assert_eq!(r["consumer1"], tps(&[("topic1", 1), ("topic1", 2)]));
    assert_eq!(r["consumer2"], tps(&[("topic1", 0)]));

    let m = [member("consumer2", &["topic1"], &[("topic1", 0)], 2)];
    let r = sticky(&m, &t);
    assert_eq!(
        r["consumer2"],
        tps(&[("topic1", 0), ("topic1", 1), ("topic1", 2)])
    );
}

#[test]
fn remaining_members_keep_their_partitions() {
    // librdkafka ut_testMoveExistingAssignments: 4 members, 3 partitions,
    // then each member in turn leaves.
    let t = topics(&[("topic1", 3)]);
    let m: Vec<_> = (1..=4)
        .map(|i| member(&format!("consumer{i}"), &["topic1"], &[], -1))
        .collect();
    let r1 = sticky(&m, &t);
    assert!(r1.values().all(|v| v.len() <= 1));
    for leaving in 0..4 {
        let rest: Vec<_> = owning(&m, &r1, 1)
            .into_iter()
            .enumerate()
            .filter(|(i, _)| *i != leaving)
            .map(|(_, m)| m)
            .collect();
        let r2 = sticky(&rest, &t);
        for mm in &rest {
            assert_eq!(r2[&mm.member_id].len(), 1);
            if !r1[&mm.member_id].is_empty() {
                assert_eq!(
                    r2[&mm.member_id], r1[&mm.member_id],
                    "{} kept its partition",
                    mm.member_id
                );
            }
        }
    }
}

#[test]
fn stickiness_with_different_subscriptions() {
    // librdkafka ut_testStickiness: a valid previous assignment of six
    // one-partition topics over overlapping subscriptions stays.
    let t = topics(&[
        ("topic1", 1),
        ("topic2", 1),
        ("topic3", 1),
        ("topic4", 1),
        ("topic5", 1),
        ("topic6", 1),
    ]);
    let m = [
        member("consumer1", &["topic1", "topic2"], &[("topic1", 0)], 1),
        member(
            "consumer2",
            &["topic1", "topic2", "topic3", "topic4"],
            &[("topic2", 0), ("topic3", 0)],
            1,
        ),
        member(
            "consumer3",
            &["topic4", "topic5", "topic6"],
            &[("topic4", 0), ("topic5", 0), ("topic6", 0)],
            1,
        ),
    ];
    let r = sticky(&m, &t);
    assert_eq!(r["consumer1"], tps(&[("topic1", 0)]));
    assert_eq!(r["consumer2"], tps(&[("topic2", 0), ("topic3", 0)]));
    assert_eq!(
        r["consumer3"],
        tps(&[("topic4", 0), ("topic5", 0), ("topic6", 0)])
    );
}

#[test]
fn higher_generation_wins_a_contested_partition() {
    let t = topics(&[("t", 4)]);
    // A's claim on t-0 is newer than B's.
    let m = [
        member("A", &["t"], &[("t", 0), ("t", 1)], 5),
        member("B", &["t"], &[("t", 0), ("t", 2)], 4),
    ];
    let r = sticky(&m, &t);
    assert_eq!(r["A"], tps(&[("t", 0), ("t", 1)]));
    assert_eq!(r["B"], tps(&[("t", 2), ("t", 3)]));
    // Reversed generations: B keeps it.
    let m = [
        member("A", &["t"], &[("t", 0), ("t", 1)], 4),
        member("B", &["t"], &[("t", 0), ("t", 2)], 5),
    ];
    let r = sticky(&m, &t);
    assert_eq!(r["B"], tps(&[("t", 0), ("t", 2)]));
    assert_eq!(r["A"], tps(&[("t", 1), ("t", 3)]));
}

#[test]
fn same_generation_claims_are_void() {
    let t = topics(&[("t", 4)]);
    // Both claim t-0 in generation 4: neither keeps it, it is placed like an
    // unassigned partition (after t-3, by librdkafka's ordering).
    let m = [
        member("A", &["t"], &[("t", 0), ("t", 1)], 4),
        member("B", &["t"], &[("t", 0), ("t", 2)], 4),
    ];
    let r = sticky(&m, &t);
    assert_eq!(r["A"], tps(&[("t", 1), ("t", 3)]));
    assert_eq!(r["B"], tps(&[("t", 0), ("t", 2)]));
}

#[test]
fn unsubscribed_and_deleted_topics() {
    let t = topics(&[("a", 2), ("b", 2)]);
    // c1 dropped topic b from its subscription; topic "gone" was deleted.
    let m = [
        member(
            "c1",
            &["a"],
            &[("a", 0), ("b", 0), ("b", 1), ("gone", 0)],
            3,
        ),
        member("c2", &["a", "b"], &[("a", 1)], 3),
    ];
    // b-0 and b-1 go to c2, the only subscriber; balancing then moves a-1
    // to c1 (counts 1/3 -> 2/2).
    let r = sticky(&m, &t);
    assert_eq!(r["c1"], tps(&[("a", 0), ("a", 1)]));
    assert_eq!(r["c2"], tps(&[("b", 0), ("b", 1)]));
    // Cooperatively, every partition changing owner is first revoked; the
    // deleted topic's partition is given back to its owner (librdkafka does
    // so, a later metadata-triggered rebalance cleans it up).
    let c = CooperativeStickyAssignor.assign(&m, &t, &no_racks());
    assert_eq!(c["c1"], tps(&[("a", 0), ("gone", 0)]));
    assert_eq!(c["c2"], vec![]);
    // Next round: the revoked partitions reach their new owners.
    let m = [
        member("c1", &["a"], &[("a", 0), ("gone", 0)], 4),
        member("c2", &["a", "b"], &[], 4),
    ];
    let c = CooperativeStickyAssignor.assign(&m, &t, &no_racks());
    assert_eq!(c["c1"], tps(&[("a", 0), ("a", 1), ("gone", 0)]));
    assert_eq!(c["c2"], tps(&[("b", 0), ("b", 1)]));
}

#[test]
fn many_topics_members_leaving() {
    // After librdkafka ut_testLargeAssignmentWithMultipleConsumersLeaving,
    // smaller: uneven subscriptions (some empty), then every 4th leaves.
    let topic_cnt = 40;
    let t: BTreeMap<String, i32> = (0..topic_cnt)
        .map(|i| (format!("topic{i:02}"), (i % 7) + 1))
        .collect();
    let names: Vec<String> = t.keys().cloned().collect();
    let mut m: Vec<MemberMetadata> = (0..60)
        .map(|i| {
            let sub_cnt = ((i + 1) * 17) % topic_cnt as usize;
            let mut mm = MemberMetadata::new(format!("consumer{}", i + 1), &[]);
            mm.topics = names[..sub_cnt].to_vec();
            mm
        })
        .collect();
    let r = sticky(&m, &t);
    let mut owned = owning(&m, &r, 1);
    let mut i = m.len() as isize - 1;
    while i >= 0 {
        owned.remove(i as usize);
        m.remove(i as usize);
        i -= 4;
    }
    // Validity and balance are checked by sticky(); also nobody who stayed
    // lost a partition: there are only more to share.
    let r2 = sticky(&owned, &t);
    for mm in &m {
        assert!(
            r[&mm.member_id]
                .iter()
                .all(|p| r2[&mm.member_id].contains(p)),
            "{} kept its partitions",
            mm.member_id
        );
    }
}

#[test]
fn new_subscription_stays_balanced() {
    // librdkafka ut_testNewSubscription.
    let t = topics(&[
        ("topic1", 1),
        ("topic2", 2),
        ("topic3", 3),
        ("topic4", 4),
        ("topic5", 5),
    ]);
    let names = ["topic1", "topic2", "topic3", "topic4", "topic5"];
    let mut m: Vec<MemberMetadata> = (0..3)
        .map(|i| {
            let subs: Vec<&str> = names[..5 - i].iter().rev().copied().collect();
            member(&format!("consumer{i}"), &subs, &[], -1)
        })
        .collect();
    let r = sticky(&m, &t);
    assert!(spread(&r) <= 1);
    let mut m2 = owning(&m, &r, 1);
    m2[0].topics.push("topic1".into());
    m[0].topics.push("topic1".into());
    let r2 = sticky(&m2, &t);
    assert!(spread(&r2) <= 1);
}

/// Random groups with identical subscriptions.
fn random_identical(rng: &mut Rng) -> (Vec<MemberMetadata>, BTreeMap<String, i32>) {
    let nt = 1 + rng.below(5);
    let t: BTreeMap<String, i32> = (0..nt)
        .map(|i| (format!("t{i}"), 1 + rng.below(12) as i32))
        .collect();
    let names: Vec<&str> = t.keys().map(|s| s.as_str()).collect();
    let nm = 1 + rng.below(8);
    let m = (0..nm)
        .map(|i| {
            member(
                &format!("m{:03}", rng.below(1000) * 10 + i),
                &names,
                &[],
                -1,
            )
        })
        .collect();
    (m, t)
}

#[test]
fn property_identical_subscriptions_balanced_and_sticky() {
    let mut rng = Rng(0x9e3779b97f4a7c15);
    for _ in 0..300 {
        let (m, t) = random_identical(&mut rng);
        let r1 = sticky(&m, &t);
        assert!(spread(&r1) <= 1, "fresh assignment balanced: {r1:?}");

        // A member joins: the others only give partitions away, and only
        // as many as balance requires.
        let mut joined = owning(&m, &r1, 1);
        joined.push(member(
            "zzz-new",
            &t.keys().map(|s| s.as_str()).collect::<Vec<_>>(),
            &[],
            -1,
        ));
        let r2 = sticky(&joined, &t);
        assert!(spread(&r2) <= 1, "balanced after join: {r2:?}");
        let mut moved = 0;
        for mm in &m {
            let old = &r1[&mm.member_id];
            let new = &r2[&mm.member_id];
            assert!(
                new.iter().all(|p| old.contains(p)),
                "{} only loses: {old:?} -> {new:?}",
                mm.member_id
            );
            moved += old.len() - new.len();
        }
        assert_eq!(
            moved,
            r2["zzz-new"].len(),
            "only the newcomer's share moves"
        );

        // A member leaves: the others keep everything they had.
        if joined.len() > 1 {
            let mut left = owning(&joined, &r2, 2);
            let gone = rng.below(left.len());
            left.remove(gone);
            let r3 = sticky(&left, &t);
            assert!(spread(&r3) <= 1, "balanced after leave: {r3:?}");
            for mm in &left {
                let before = &r2[&mm.member_id];
                assert!(
                    before.iter().all(|p| r3[&mm.member_id].contains(p)),
                    "{} keeps its partitions",
                    mm.member_id
                );
            }
        }
    }
}

#[test]
fn property_random_subscriptions_valid_and_balanced() {
    let mut rng = Rng(0xdeadbeefcafef00d);
    for _ in 0..200 {
        let nt = 1 + rng.below(6);
        let t: BTreeMap<String, i32> = (0..nt)
            .map(|i| (format!("t{i}"), rng.below(10) as i32))
            .collect();
        let names: Vec<String> = t.keys().cloned().chain(["missing".to_string()]).collect();
        let nm = 1 + rng.below(7);
        let mut m: Vec<MemberMetadata> = (0..nm)
            .map(|i| {
                let mut mm = MemberMetadata::new(format!("c{i}"), &[]);
                mm.topics = names
                    .iter()
                    .filter(|_| rng.below(2) == 0)
                    .cloned()
                    .collect();
                mm
            })
            .collect();
        let mut r = sticky(&m, &t);
        // Several rounds with changing subscriptions and random stale claims.
        for round in 1..4 {
            m = owning(&m, &r, round);
            for mm in m.iter_mut() {
                if rng.below(3) == 0 {
                    mm.topics = names
                        .iter()
                        .filter(|_| rng.below(2) == 0)
                        .cloned()
                        .collect();
                }
                if rng.below(5) == 0 {
                    mm.generation -= 1;
                    mm.owned_partitions.push(TopicPartition::new(
                        names[rng.below(names.len())].clone(),
                        rng.below(4) as i32,
                    ));
                }
            }
            r = sticky(&m, &t);
        }
    }
}

/// Runs cooperative rebalances until nothing changes, checking that no
/// partition is ever handed to a member while another still owns it.
fn converge(
    members: &mut [MemberMetadata],
    t: &BTreeMap<String, i32>,
    generation: &mut i32,
) -> Result {
    let a = CooperativeStickyAssignor;
    for _ in 0..4 {
        *generation += 1;
        let r = a.assign(members, t, &no_racks());
        for mm in members.iter() {
            for tp in &r[&mm.member_id] {
                for other in members.iter() {
                    assert!(
                        other.member_id == mm.member_id || !other.owned_partitions.contains(tp),
                        "{tp:?} given to {} while {} still owns it",
                        mm.member_id,
                        other.member_id
                    );
                }
            }
        }
        let changed = members
            .iter()
            .any(|mm| r[&mm.member_id] != mm.owned_partitions);
        for mm in members.iter_mut() {
            mm.owned_partitions = r[&mm.member_id].clone();
            mm.generation = *generation;
        }
        if !changed {
            return r;
        }
    }
    panic!("no convergence");
}

#[test]
fn cooperative_join_takes_two_rounds() {
    let t = topics(&[("topic1", 3)]);
    let a = CooperativeStickyAssignor;
    let m = [
        member(
            "consumer1",
            &["topic1"],
            &[("topic1", 0), ("topic1", 1), ("topic1", 2)],
            1,
        ),
        member("consumer2", &["topic1"], &[], -1),
    ];
    // Round 1: topic1-0 is revoked from consumer1 but not yet given out.
    let r = a.assign(&m, &t, &no_racks());
    assert_eq!(r["consumer1"], tps(&[("topic1", 1), ("topic1", 2)]));
    assert_eq!(r["consumer2"], vec![]);
    // Round 2: now unowned, it goes to consumer2.
    let m = [
        member("consumer1", &["topic1"], &[("topic1", 1), ("topic1", 2)], 2),
        member("consumer2", &["topic1"], &[], 2),
    ];
    let r = a.assign(&m, &t, &no_racks());
    assert_eq!(r["consumer1"], tps(&[("topic1", 1), ("topic1", 2)]));
    assert_eq!(r["consumer2"], tps(&[("topic1", 0)]));
}

#[test]
fn property_cooperative_never_moves_directly() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    for _ in 0..100 {
        let (mut m, t) = random_identical(&mut rng);
        let mut generation = 0;
        let r = converge(&mut m, &t, &mut generation);
        check_valid(&m, &t, &r);
        assert!(spread(&r) <= 1);
        // Joins and leaves.
        for _ in 0..3 {
            if rng.below(2) == 0 || m.len() == 1 {
                let topics: Vec<&str> = t.keys().map(|s| s.as_str()).collect();
                m.push(member(&format!("n{}", rng.below(100000)), &topics, &[], -1));
            } else {
                let i = rng.below(m.len());
                m.remove(i);
            }
            let r = converge(&mut m, &t, &mut generation);
            check_valid(&m, &t, &r);
            assert!(spread(&r) <= 1, "{r:?}");
        }
    }
}

#[test]
fn cooperative_static_members_keep_partitions_across_new_member_ids() {
    // A static member rejoining with a new member id is the same owner.
    let t = topics(&[("t", 2)]);
    let mut a = member("a-new-id", &["t"], &[("t", 0)], 3);
    a.group_instance_id = Some("inst-a".into());
    let mut b = member("b", &["t"], &[("t", 1)], 3);
    b.group_instance_id = Some("inst-b".into());
    let r = CooperativeStickyAssignor.assign(&[a, b], &t, &no_racks());
    assert_eq!(r["a-new-id"], tps(&[("t", 0)]));
    assert_eq!(r["b"], tps(&[("t", 1)]));
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

#[test]
fn rack_aware_placement() {
    let t = topics(&[("t", 4)]);
    let r = racks(&[("t", &[&["a"], &["a"], &["b"], &["b"]])]);
    let mut c1 = member("c1", &["t"], &[], -1);
    c1.rack_id = Some("a".into());
    let mut c2 = member("c2", &["t"], &[], -1);
    c2.rack_id = Some("b".into());
    let res = sticky_racks(&[c1.clone(), c2.clone()], &t, &r);
    assert_eq!(res["c1"], tps(&[("t", 0), ("t", 1)]));
    assert_eq!(res["c2"], tps(&[("t", 2), ("t", 3)]));
    // Without racks: alternating.
    let res = sticky(&[c1.clone(), c2.clone()], &t);
    assert_eq!(res["c1"], tps(&[("t", 0), ("t", 2)]));

    // A partition owned across racks is taken away (cooperatively: revoked
    // first).
    c1.owned_partitions = tps(&[("t", 0), ("t", 2)]);
    c1.generation = 1;
    c2.owned_partitions = tps(&[("t", 1), ("t", 3)]);
    c2.generation = 1;
    let res = sticky_racks(&[c1.clone(), c2.clone()], &t, &r);
    assert_eq!(res["c1"], tps(&[("t", 0), ("t", 1)]));
    assert_eq!(res["c2"], tps(&[("t", 2), ("t", 3)]));
    let coop = CooperativeStickyAssignor.assign(&[c1, c2], &t, &r);
    assert_eq!(coop["c1"], tps(&[("t", 0)]));
    assert_eq!(coop["c2"], tps(&[("t", 3)]));
}

#[test]
fn rack_aware_falls_back_when_no_local_replica() {
    // c2's rack has no replicas: it still gets its share.
    let t = topics(&[("t", 4)]);
    let r = racks(&[("t", &[&["a"], &["a"], &["a", "b"], &["a"]])]);
    let mut c1 = member("c1", &["t"], &[], -1);
    c1.rack_id = Some("a".into());
    let mut c2 = member("c2", &["t"], &[], -1);
    c2.rack_id = Some("z".into());
    let res = sticky_racks(&[c1, c2], &t, &r);
    assert_eq!(res["c1"].len(), 2);
    assert_eq!(res["c2"].len(), 2);
}

#[test]
fn user_data_is_the_sticky_format() {
    let a = by_name("cooperative-sticky").unwrap();
    assert_eq!(a.user_data(&[], -1), None);
    let owned = tps(&[("t", 1), ("u", 0)]);
    let ud = a.user_data(&owned, 9).unwrap();
    assert_eq!(decode_sticky_user_data(&ud), Some((owned, Some(9))));
}

#[test]
fn large_group_is_fast_enough() {
    // 100 members, 3000 partitions, then a member joins with everything
    // owned: must stay well within a rebalance timeout.
    let t: BTreeMap<String, i32> = (0..30).map(|i| (format!("topic{i:02}"), 100)).collect();
    let names: Vec<&str> = t.keys().map(|s| s.as_str()).collect();
    let m: Vec<_> = (0..100)
        .map(|i| member(&format!("member-{i:03}"), &names, &[], -1))
        .collect();
    let start = std::time::Instant::now();
    let r = sticky(&m, &t);
    assert!(spread(&r) <= 1);
    let mut joined = owning(&m, &r, 1);
    joined.push(member("member-new", &names, &[], -1));
    let r2 = sticky(&joined, &t);
    assert!(spread(&r2) <= 1);
    // Uneven subscriptions take the slower general ordering.
    let m: Vec<_> = (0..100)
        .map(|i| {
            member(
                &format!("member-{i:03}"),
                &names[..if i % 2 == 0 { 30 } else { 15 }],
                &[],
                -1,
            )
        })
        .collect();
    let r = sticky(&m, &t);
    let mut joined = owning(&m, &r, 1);
    joined.push(member("member-new", &names, &[], -1));
    sticky(&joined, &t);
    let took = start.elapsed();
    eprintln!("large group: {took:?}");
    assert!(took < std::time::Duration::from_secs(20), "took {took:?}");
}
