//! The cooperative sticky assignor ("cooperative-sticky", KIP-429).
//!
//! Goals, in order: every subscribed partition assigned to exactly one
//! subscriber; the assignment as balanced as the subscriptions allow; and as
//! few partitions as possible change owner (stickiness). The algorithm is
//! the one of librdkafka's `rdkafka_sticky_assignor.c`, itself a port of the
//! "general" path of the Java `AbstractStickyAssignor`; every tie is broken
//! the way librdkafka breaks it, so a ferrokafka leader computes what a
//! librdkafka leader would:
//!
//! 1. Current owners come from each member's owned partitions and
//!    generation. When several members claim a partition the one with the
//!    highest generation keeps it and the next highest is remembered as its
//!    previous owner; when two claimants have the same generation, the
//!    claim is void and the partition is treated as unassigned.
//! 2. Owned partitions that no longer exist are dropped; those whose topic
//!    the owner no longer subscribes to (or, with racks, whose replicas are
//!    not in the owner's rack) are taken away ("revocation required").
//! 3. The partitions to place are ordered: by number of potential
//!    consumers when subscriptions differ; otherwise by taking turns from
//!    the most loaded consumers (preferring partitions that had another
//!    owner before), then the rest.
//! 4. Unassigned partitions go one by one to the least loaded subscriber
//!    (by count, then member id); with racks, first only to subscribers in
//!    a rack holding a replica.
//! 5. Partitions with several potential consumers are then moved from
//!    consumers with at least two more partitions than another potential
//!    consumer, back to a previous owner where that helps, until the
//!    assignment is balanced; a move that would undo an earlier move in
//!    this round swaps that one back instead. If all this does not lower
//!    the imbalance score (sum of the pairwise count differences), the
//!    assignment from before step 5 is kept.
//! 6. Cooperative adjustment (librdkafka's cgrp code, run by the leader
//!    after any cooperative assignor): a partition assigned to a member
//!    other than its current owner is left out of this assignment, so the
//!    owner revokes it and a follow-up rebalance places it; a partition
//!    still owned but no longer assigned at all is given back to its owner.
//!
//! Not implemented: Java's "constrained" fast path for groups where all
//! members subscribe to the same topics (Java 2.8+). librdkafka does not
//! have it either; the general path gives a balanced sticky result for that
//! case too, though not always the same one as a Java leader.
//!
//! Deliberate deviations from librdkafka, each only in inputs librdkafka
//! mishandles: the current owner of a partition claimed by several members
//! is the highest-generation claimant also in the partition-to-owner map
//! (librdkafka records the last claimant there, desynchronising its two
//! maps); a previous owner only gets a partition back if it still
//! subscribes to the topic and takes part in the balancing (librdkafka would
//! hand it over regardless, or crash); an empty client.rack counts as none.

use super::{
    Assignor, MemberMetadata, RebalanceProtocol, TopicPartition, eligible_topics,
    encode_sticky_user_data, member_cmp, member_rack, use_rack_aware,
};
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};

pub struct CooperativeStickyAssignor;

/// Partition moves made in this round (`PartitionMovements`): for each moved
/// partition its (first source, current destination), and per topic the
/// partitions moved between each (source, destination) pair in move order.
#[derive(Default)]
struct Movements {
    by_partition: HashMap<usize, (usize, usize)>,
    by_topic: HashMap<String, HashMap<(usize, usize), Vec<usize>>>,
}

impl Movements {
    fn remove_record(&mut self, p: usize, topic: &str) -> (usize, usize) {
        let pair = self
            .by_partition
            .remove(&p)
            .expect("partition has a move record");
        let tm = self
            .by_topic
            .get_mut(topic)
            .expect("topic has move records");
        let list = tm.get_mut(&pair).expect("pair has move records");
        if let Some(i) = list.iter().position(|&x| x == p) {
            list.remove(i);
        }
        if list.is_empty() {
            tm.remove(&pair);
        }
        if tm.is_empty() {
            self.by_topic.remove(topic);
        }
        pair
    }

    fn add_record(&mut self, p: usize, topic: &str, pair: (usize, usize)) {
        self.by_partition.insert(p, pair);
        self.by_topic
            .entry(topic.to_string())
            .or_default()
            .entry(pair)
            .or_default()
            .push(p);
    }

    fn record_move(&mut self, p: usize, topic: &str, old: usize, new: usize) {
        if self.by_partition.contains_key(&p) {
            let (src, dst) = self.remove_record(p, topic);
            debug_assert_eq!(dst, old);
            if src != new {
                self.add_record(p, topic, (src, new));
            }
        } else {
            self.add_record(p, topic, (old, new));
        }
    }

    /// The partition to move from `old` to `new` in place of `p`: one that
    /// earlier in this round moved from `new` to `old`, if any, so that move
    /// is undone rather than a second partition moved. (The Java client
    /// looks for a move from `new` to the first source of `p` instead;
    /// librdkafka, followed here, uses `old`.)
    fn partition_to_move(&self, p: usize, topic: &str, old: usize, new: usize) -> usize {
        let Some(tm) = self.by_topic.get(topic) else {
            return p;
        };
        if let Some(&(_, dst)) = self.by_partition.get(&p) {
            debug_assert_eq!(dst, old);
        }
        tm.get(&(new, old))
            .and_then(|l| l.first().copied())
            .unwrap_or(p)
    }
}

/// The working state of one assignment run. Consumers are member indexes,
/// partitions are indexes into `parts`.
struct Sticky<'a> {
    members: &'a [MemberMetadata],
    parts: Vec<TopicPartition>,
    index: HashMap<TopicPartition, usize>,
    /// Current assignment of each consumer (`currentAssignment`).
    assignment: Vec<Vec<usize>>,
    /// False once a consumer is set aside as unable to take part in
    /// balancing (its assignment is final).
    active: Vec<bool>,
    /// Active consumers by (partition count, member id).
    sorted: Vec<usize>,
    /// Partitions each consumer may get, in topic then partition order.
    potential: Vec<Vec<usize>>,
    potential_set: Vec<HashSet<usize>>,
    /// Consumers that may get each existing partition, in member order;
    /// None for partitions that do not exist (only owned ones).
    consumers_of: Vec<Option<Vec<usize>>>,
    /// Existing partitions in the order they were first seen.
    existing: Vec<usize>,
    owner: Vec<Option<usize>>,
    /// The previous owner of partitions claimed by several members.
    prev_owner: HashMap<usize, usize>,
    /// Replica racks of each partition, when rack-aware assignment applies.
    racks: Option<Vec<Vec<String>>>,
    moves: Movements,
}

impl<'a> Sticky<'a> {
    fn intern(&mut self, tp: &TopicPartition) -> usize {
        if let Some(&i) = self.index.get(tp) {
            return i;
        }
        let i = self.parts.len();
        self.parts.push(tp.clone());
        self.index.insert(tp.clone(), i);
        self.consumers_of.push(None);
        self.owner.push(None);
        if let Some(r) = self.racks.as_mut() {
            r.push(Vec::new());
        }
        i
    }

    fn key(&self, c: usize) -> (usize, &str) {
        (self.assignment[c].len(), self.members[c].member_id.as_str())
    }

    fn resort(&mut self) {
        let mut s = std::mem::take(&mut self.sorted);
        s.sort_by(|&a, &b| self.key(a).cmp(&self.key(b)));
        self.sorted = s;
    }

    fn pcmp(&self, a: usize, b: usize) -> Ordering {
        self.parts[a].cmp(&self.parts[b])
    }

    fn n_consumers(&self, p: usize) -> usize {
        self.consumers_of[p].as_ref().map_or(0, |v| v.len())
    }

    /// With rack-aware assignment: the consumer has a rack and no replica
    /// of the partition is in it.
    fn rack_mismatch(&self, c: usize, p: usize) -> bool {
        match (&self.racks, member_rack(&self.members[c])) {
            (Some(r), Some(rack)) => !r[p].iter().any(|x| x == rack),
            _ => false,
        }
    }

    fn in_rack(&self, c: usize, p: usize) -> bool {
        match (&self.racks, member_rack(&self.members[c])) {
            (Some(r), Some(rack)) => r[p].iter().any(|x| x == rack),
            _ => false,
        }
    }

    fn subscribes(&self, c: usize, p: usize) -> bool {
        let topic = &self.parts[p].topic;
        self.members[c].topics.iter().any(|t| t == topic)
    }

    /// Step 1: current and previous owners from the members' claims.
    fn prepopulate(&mut self) {
        let mut claim_order: Vec<usize> = Vec::new();
        let mut claims: HashMap<usize, Vec<(usize, i32)>> = HashMap::new();
        for (c, m) in self.members.iter().enumerate() {
            for tp in &m.owned_partitions {
                let p = self.intern(tp);
                let list = claims.entry(p).or_insert_with(|| {
                    claim_order.push(p);
                    Vec::new()
                });
                list.push((c, m.generation));
            }
        }
        // librdkafka walks its map in reverse insertion order.
        for &p in claim_order.iter().rev() {
            let list = claims.get_mut(&p).expect("claimed");
            list.sort_by_key(|&(_, g)| g);
            if list.windows(2).any(|w| w[0].1 == w[1].1) {
                // Two claims in one generation: void.
                continue;
            }
            let cur = list[list.len() - 1].0;
            self.assignment[cur].push(p);
            self.owner[p] = Some(cur);
            if list.len() >= 2 {
                self.prev_owner.insert(p, list[list.len() - 2].0);
            }
        }
    }

    fn subscriptions_identical(&self) -> bool {
        let lists_equal = self
            .existing
            .windows(2)
            .all(|w| self.consumers_of[w[0]] == self.consumers_of[w[1]]);
        lists_equal && self.potential_set.windows(2).all(|w| w[0] == w[1])
    }

    /// Step 3: the order in which partitions are considered.
    fn sort_partitions(&mut self) -> Vec<usize> {
        if !self.subscriptions_identical() {
            let mut out = self.existing.clone();
            out.sort_by(|&a, &b| {
                self.n_consumers(a)
                    .cmp(&self.n_consumers(b))
                    .then_with(|| self.pcmp(a, b))
            });
            return out;
        }
        // Identical subscriptions: take turns from the consumers with the
        // most (existing) partitions, preferring ones that changed hands.
        let mut lists: Vec<(usize, Vec<usize>)> = Vec::new();
        for c in 0..self.members.len() {
            let mut a = std::mem::take(&mut self.assignment[c]);
            a.sort_by(|&x, &y| self.pcmp(x, y));
            let valid: Vec<usize> = a
                .iter()
                .copied()
                .filter(|&p| self.consumers_of[p].is_some())
                .collect();
            self.assignment[c] = a;
            if !valid.is_empty() {
                lists.push((c, valid));
            }
        }
        let members = self.members;
        let order_key = |l: &(usize, Vec<usize>)| (l.1.len(), members[l.0].member_id.clone());
        lists.sort_by_key(order_key);
        let mut out = Vec::new();
        while let Some(last) = lists.last_mut() {
            let pick = last
                .1
                .iter()
                .position(|p| self.prev_owner.contains_key(p))
                .or(if last.1.is_empty() { None } else { Some(0) });
            match pick {
                Some(i) => out.push(last.1.remove(i)),
                None => {
                    lists.pop();
                    continue;
                }
            }
            lists.sort_by_key(order_key);
        }
        let was_empty = out.is_empty();
        let mut seen: HashSet<usize> = out.iter().copied().collect();
        for &p in self.existing.iter().rev() {
            if seen.insert(p) {
                out.push(p);
            }
        }
        if was_empty {
            out.sort_by(|&a, &b| self.pcmp(a, b));
        }
        out
    }

    /// Step 4 for one partition: to the least loaded subscriber.
    fn maybe_assign_partition(&mut self, p: usize, rack_only: bool) -> bool {
        let found = self.sorted.iter().copied().find(|&c| {
            self.potential_set[c].contains(&p) && !(rack_only && self.rack_mismatch(c, p))
        });
        match found {
            Some(c) => {
                self.assignment[c].push(p);
                self.owner[p] = Some(c);
                self.resort();
                true
            }
            None => false,
        }
    }

    fn maybe_assign(&mut self, list: &mut Vec<usize>, remove_assigned: bool, rack_only: bool) {
        let mut i = 0;
        while i < list.len() {
            let p = list[i];
            if self.n_consumers(p) > 0
                && self.maybe_assign_partition(p, rack_only)
                && remove_assigned
            {
                list.remove(i);
                continue;
            }
            i += 1;
        }
    }

    fn can_participate(&self, c: usize) -> bool {
        self.assignment[c].len() < self.potential[c].len()
            || self.assignment[c].iter().any(|&p| self.n_consumers(p) >= 2)
    }

    fn is_balanced(&self) -> bool {
        let (Some(&first), Some(&last)) = (self.sorted.first(), self.sorted.last()) else {
            return true;
        };
        let min = self.assignment[first].len();
        let max = self.assignment[last].len();
        if min + 1 >= max {
            return true;
        }
        for &c in &self.sorted {
            let cnt = self.assignment[c].len();
            if cnt == self.potential[c].len() {
                continue;
            }
            for &p in &self.potential[c] {
                if let Some(o) = self.owner[p]
                    && o != c
                    && self.active[o]
                    && cnt < self.assignment[o].len()
                {
                    return false;
                }
            }
        }
        true
    }

    fn move_partition(&mut self, p: usize, new: usize) {
        let old = self.owner[p].expect("moved partition has an owner");
        let topic = self.parts[p].topic.clone();
        self.moves.record_move(p, &topic, old, new);
        self.assignment[new].push(p);
        if let Some(i) = self.assignment[old].iter().position(|&x| x == p) {
            self.assignment[old].remove(i);
        }
        self.owner[p] = Some(new);
        self.resort();
    }

    fn reassign_to(&mut self, p: usize, new: usize) {
        let old = self.owner[p].expect("reassigned partition has an owner");
        let topic = self.parts[p].topic.clone();
        let actual = self.moves.partition_to_move(p, &topic, old, new);
        self.move_partition(actual, new);
    }

    /// Moves `p` to the least loaded consumer that may have it.
    fn reassign(&mut self, p: usize) {
        let target = self
            .sorted
            .iter()
            .copied()
            .find(|&c| self.potential_set[c].contains(&p));
        if let Some(c) = target {
            self.reassign_to(p, c);
        }
    }

    /// Step 5 over `list`; true if anything moved.
    fn perform_reassignments(&mut self, list: &[usize]) -> bool {
        let mut performed = false;
        loop {
            let mut modified = false;
            let mut i = 0;
            while i < list.len() && !self.is_balanced() {
                let p = list[i];
                i += 1;
                let Some(cur) = self.owner[p] else { continue };
                let cur_cnt = self.assignment[cur].len();
                let consumers = self.consumers_of[p].clone().unwrap_or_default();

                let back_to_prev = self.prev_owner.get(&p).copied().filter(|&pc| {
                    pc != cur
                        && self.active[pc]
                        && self.potential_set[pc].contains(&p)
                        && cur_cnt > self.assignment[pc].len() + 1
                });
                if let Some(pc) = back_to_prev {
                    self.reassign_to(p, pc);
                    performed = true;
                    modified = true;
                    continue;
                }

                let more_loaded =
                    |s: &Self, o: usize| s.active[o] && cur_cnt > s.assignment[o].len() + 1;

                if self.in_rack(cur, p)
                    && consumers
                        .iter()
                        .any(|&o| self.in_rack(o, p) && more_loaded(self, o))
                {
                    self.reassign(p);
                    performed = true;
                    modified = true;
                    continue;
                }

                if consumers.iter().any(|&o| o != cur && more_loaded(self, o)) {
                    self.reassign(p);
                    performed = true;
                    modified = true;
                }
            }
            if !modified {
                return performed;
            }
        }
    }

    /// Sum of the partition count differences over all pairs of active
    /// consumers.
    fn balance_score(&self, assignment: &[Vec<usize>]) -> i64 {
        let mut sizes: Vec<i64> = (0..assignment.len())
            .filter(|&c| self.active[c])
            .map(|c| assignment[c].len() as i64)
            .collect();
        sizes.sort_unstable();
        let n = sizes.len() as i64;
        sizes
            .iter()
            .enumerate()
            .map(|(i, &s)| s * (2 * i as i64 - n + 1))
            .sum()
    }

    /// Steps 4 and 5.
    fn balance(&mut self, sorted_partitions: Vec<usize>, unassigned: Vec<usize>, revocation: bool) {
        let initializing = self
            .sorted
            .last()
            .is_none_or(|&c| self.assignment[c].is_empty());

        if self.racks.is_some() {
            let mut leftover = unassigned.clone();
            self.maybe_assign(&mut leftover, true, true);
            self.maybe_assign(&mut leftover, false, false);
        } else {
            let mut list = unassigned.clone();
            self.maybe_assign(&mut list, false, false);
        }

        // Only partitions with a choice of consumers can move.
        let movable = |s: &Self, p: &usize| s.n_consumers(*p) >= 2;
        let sorted_partitions: Vec<usize> = sorted_partitions
            .into_iter()
            .filter(|p| movable(self, p))
            .collect();
        let unassigned: Vec<usize> = unassigned
            .into_iter()
            .filter(|p| movable(self, p))
            .collect();

        // Consumers that cannot gain or lose anything are set aside.
        let mut i = 0;
        while i < self.sorted.len() {
            let c = self.sorted[i];
            if self.can_participate(c) {
                i += 1;
            } else {
                self.sorted.remove(i);
                self.active[c] = false;
            }
        }

        let saved_assignment = self.assignment.clone();
        let saved_owner = self.owner.clone();

        if !revocation && !unassigned.is_empty() {
            self.perform_reassignments(&unassigned);
        }
        let performed = self.perform_reassignments(&sorted_partitions);

        if !initializing
            && performed
            && self.balance_score(&self.assignment) >= self.balance_score(&saved_assignment)
        {
            for (c, saved) in saved_assignment.into_iter().enumerate() {
                if self.active[c] {
                    self.assignment[c] = saved;
                }
            }
            self.owner = saved_owner;
        }
        self.active.iter_mut().for_each(|a| *a = true);
    }
}

/// The sticky assignment (steps 1 to 5), per member index.
pub(crate) fn assign_sticky(
    members: &[MemberMetadata],
    partitions: &BTreeMap<String, i32>,
    partition_racks: &BTreeMap<String, Vec<Vec<String>>>,
) -> Vec<Vec<TopicPartition>> {
    let n = members.len();
    if n == 0 {
        return Vec::new();
    }
    let topics = eligible_topics(members, partitions, partition_racks);
    let topic_refs: Vec<_> = topics.iter().collect();
    let rack_aware = use_rack_aware(members, &topic_refs);

    let mut st = Sticky {
        members,
        parts: Vec::new(),
        index: HashMap::new(),
        assignment: vec![Vec::new(); n],
        active: vec![true; n],
        sorted: Vec::new(),
        potential: vec![Vec::new(); n],
        potential_set: vec![HashSet::new(); n],
        consumers_of: Vec::new(),
        existing: Vec::new(),
        owner: Vec::new(),
        prev_owner: HashMap::new(),
        racks: if rack_aware { Some(Vec::new()) } else { None },
        moves: Movements::default(),
    };

    st.prepopulate();

    for t in &topics {
        for &c in &t.members {
            for p in 0..t.partition_cnt {
                let pi = st.intern(&TopicPartition::new(t.name, p));
                st.potential[c].push(pi);
                st.potential_set[c].insert(pi);
                if st.consumers_of[pi].is_none() {
                    st.consumers_of[pi] = Some(Vec::new());
                    st.existing.push(pi);
                }
                st.consumers_of[pi].as_mut().expect("just set").push(c);
                if let Some(r) = st.racks.as_mut() {
                    r[pi] = t.racks[p as usize].clone();
                }
            }
        }
    }

    let sorted_partitions = st.sort_partitions();

    // Step 2: keep valid current assignments, note what is left to place.
    let mut kept: HashSet<usize> = HashSet::new();
    let mut revocation = false;
    for c in 0..n {
        let current = std::mem::take(&mut st.assignment[c]);
        let mut keep = Vec::with_capacity(current.len());
        for p in current {
            if st.consumers_of[p].is_none() {
                st.owner[p] = None;
            } else if !st.subscribes(c, p) || st.rack_mismatch(c, p) {
                st.owner[p] = None;
                revocation = true;
            } else {
                kept.insert(p);
                keep.push(p);
            }
        }
        st.assignment[c] = keep;
    }
    let unassigned: Vec<usize> = sorted_partitions
        .iter()
        .copied()
        .filter(|p| !kept.contains(p))
        .collect();

    st.sorted = (0..n).collect();
    st.resort();

    st.balance(sorted_partitions, unassigned, revocation);

    st.assignment
        .iter()
        .map(|a| {
            let mut v: Vec<TopicPartition> = a.iter().map(|&p| st.parts[p].clone()).collect();
            v.sort();
            v
        })
        .collect()
}

/// Step 6: the cooperative protocol's adjustment of an assignment, per
/// member index.
pub(crate) fn cooperative_adjust(
    members: &[MemberMetadata],
    assigned: Vec<Vec<TopicPartition>>,
) -> Vec<Vec<TopicPartition>> {
    let mut owned: HashMap<&TopicPartition, usize> = HashMap::new();
    for (c, m) in members.iter().enumerate() {
        for tp in &m.owned_partitions {
            owned.insert(tp, c);
        }
    }
    let mut target: HashMap<&TopicPartition, usize> = HashMap::new();
    for (c, parts) in assigned.iter().enumerate() {
        for tp in parts {
            target.insert(tp, c);
        }
    }
    let mut out: Vec<Vec<TopicPartition>> = vec![Vec::new(); members.len()];
    for (tp, &a) in &target {
        match owned.get(tp) {
            // Still owned: stays only if the owner keeps it.
            Some(&o) => {
                if member_cmp(&members[a], &members[o]) == Ordering::Equal {
                    out[o].push((*tp).clone());
                }
            }
            // Nobody owns it: it can go to its new owner now.
            None => out[a].push((*tp).clone()),
        }
    }
    for (tp, &o) in &owned {
        if !target.contains_key(tp) {
            out[o].push((*tp).clone());
        }
    }
    for v in out.iter_mut() {
        v.sort();
        v.dedup();
    }
    out
}

impl Assignor for CooperativeStickyAssignor {
    fn name(&self) -> &'static str {
        "cooperative-sticky"
    }

    fn protocol(&self) -> RebalanceProtocol {
        RebalanceProtocol::Cooperative
    }

    fn assign(
        &self,
        members: &[MemberMetadata],
        partitions: &BTreeMap<String, i32>,
        partition_racks: &BTreeMap<String, Vec<Vec<String>>>,
    ) -> BTreeMap<String, Vec<TopicPartition>> {
        let sticky = assign_sticky(members, partitions, partition_racks);
        let adjusted = cooperative_adjust(members, sticky);
        let mut res = BTreeMap::new();
        for (m, parts) in members.iter().zip(adjusted) {
            res.entry(m.member_id.clone())
                .or_insert_with(Vec::new)
                .extend(parts);
        }
        res
    }

    /// librdkafka's format: the member's last assignment and its generation
    /// (the Java `StickyAssignor` user data, version 1); none before the
    /// first assignment.
    fn user_data(&self, owned: &[TopicPartition], generation: i32) -> Option<Vec<u8>> {
        if generation < 0 {
            return None;
        }
        Some(encode_sticky_user_data(owned, generation))
    }
}

#[cfg(test)]
mod tests;
