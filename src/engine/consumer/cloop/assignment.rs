//! The consumer's assignment as the application changes it: assign() and
//! unassign() (plain and incremental), the final commit of partitions
//! leaving it and the offsets carried over a rebalance, seek, and
//! pause/resume.

use super::{ConsumerLoop, CommitReply, FetchState, TpKey};
use crate::engine::consumer::{purge_partition, OffsetMeta};
use crate::objects::tpl::TopicPartition;
use crate::objects::types::*;
use crate::engine::core::Core;
use crate::error::KafkaError;
use std::collections::BTreeMap;
use std::sync::atomic::Ordering;

impl ConsumerLoop {
    /// Moves a partition's fetch position (seek). Returns false if the
    /// partition is not being fetched.
    pub fn seek(&mut self, core: &mut Core, key: &TpKey, offset: i64, epoch: i32) -> bool {
        let Some(pf) = self.parts.get(key) else { return false };
        let tp = pf.tp.clone();
        purge_partition(&tp.fetchq, &tp);
        // As after an assign, the application has no position until it
        // gets a message (librdkafka resets it too, so that a resume after
        // a seek does not go back to the old position).
        tp.app_offset.store(RD_KAFKA_OFFSET_INVALID, Ordering::Release);
        self.start_fetch(core, &tp, offset, epoch);
        true
    }

    /// Replaces the assignment (rd_kafka_assign()); None/empty: unassign.
    pub fn assign(&mut self, core: &mut Core, list: Vec<TopicPartition>) -> rd_kafka_resp_err_t {
        let new: BTreeMap<TpKey, TopicPartition> = list.into_iter().map(|t| ((t.topic.clone(), t.partition), t)).collect();
        let removed: Vec<TpKey> = self.assignment.keys().filter(|k| !new.contains_key(*k)).cloned().collect();
        self.commit_before_unassign(core, &removed);
        for k in removed {
            self.unassign_one(core, &k);
        }
        for (k, t) in new {
            // An assign() of a partition already assigned restarts it at
            // the given offset.
            self.assign_one(core, &k, t.offset, t.leader_epoch);
        }
        self.assignment_lost = false;
        self.group.assignment_changed(core, self.assignment.keys().cloned().collect());
        RD_KAFKA_RESP_ERR_NO_ERROR
    }

    /// Adds partitions to the assignment (rd_kafka_incremental_assign()).
    pub fn incremental_assign(&mut self, core: &mut Core, list: Vec<TopicPartition>) -> Result<(), KafkaError> {
        for t in &list {
            if self.assignment.contains_key(&(t.topic.clone(), t.partition)) {
                return Err(KafkaError::new(
                    RD_KAFKA_RESP_ERR__CONFLICT,
                    format!("{} [{}] is already part of the current assignment", t.topic, t.partition),
                ));
            }
        }
        for t in list {
            let k = (t.topic.clone(), t.partition);
            self.assign_one(core, &k, t.offset, t.leader_epoch);
        }
        self.assignment_lost = false;
        self.group.assignment_changed(core, self.assignment.keys().cloned().collect());
        Ok(())
    }

    /// Removes partitions from the assignment (rd_kafka_incremental_unassign()).
    pub fn incremental_unassign(&mut self, core: &mut Core, list: Vec<TopicPartition>) -> Result<(), KafkaError> {
        for t in &list {
            if !self.assignment.contains_key(&(t.topic.clone(), t.partition)) {
                return Err(KafkaError::new(
                    RD_KAFKA_RESP_ERR__INVALID_ARG,
                    format!("{} [{}] is not part of the current assignment", t.topic, t.partition),
                ));
            }
        }
        let removed: Vec<TpKey> = list.iter().map(|t| (t.topic.clone(), t.partition)).collect();
        self.commit_before_unassign(core, &removed);
        for k in removed {
            self.unassign_one(core, &k);
        }
        self.group.assignment_changed(core, self.assignment.keys().cloned().collect());
        Ok(())
    }

    /// With enable.auto.commit, the final stored offsets of partitions
    /// leaving the assignment are committed (the group waits for it before
    /// rejoining), unless the assignment was lost.
    fn commit_before_unassign(&mut self, core: &mut Core, keys: &[TpKey]) {
        if !self.shared.cfg.enable_auto_commit || self.shared.cfg.group_id.is_none() || self.assignment_lost || keys.is_empty() {
            return;
        }
        let list: Vec<TopicPartition> = keys
            .iter()
            .filter_map(|k| self.assignment.get(k))
            .filter_map(|tp| {
                let st = tp.stored_now();
                (st.offset >= 0 && st.offset != tp.committed.lock().offset).then(|| {
                    let mut t = TopicPartition::new(tp.topic.clone(), tp.partition).with_offset(st.offset);
                    t.leader_epoch = st.leader_epoch;
                    t.metadata = st.metadata;
                    t
                })
            })
            .collect();
        self.carry_offsets(&list);
        if !list.is_empty() {
            self.commit(core, Some(list), "unassign", CommitReply::Default, true);
        }
    }

    /// Remembers the final offsets of partitions leaving the assignment
    /// (with enable.auto.commit) until they are assigned again.
    ///
    /// Their commit fails when the coordinator refuses commits while the
    /// group rebalances (librdkafka's mock cluster does, unlike Kafka, which
    /// takes commits of the current generation until the new one is
    /// formed); the group's committed offset then lags behind what this
    /// member processed, and whoever gets the partition next processes the
    /// difference again. When the new assignment gives the partition back
    /// to this member and the committed offset is still behind the one
    /// remembered, fetching starts at the remembered offset and the next
    /// auto commit commits it: everything before it was delivered to (and,
    /// with enable.auto.commit, given up for commit by) this member, so no
    /// message is skipped that was not processed here. A committed offset
    /// beyond it (another member's progress meanwhile) wins. librdkafka
    /// forgets the stored offsets on unassign and starts from the committed
    /// offset: under churn its members process again what they processed
    /// just before the rebalance.
    ///
    /// Only a commit that failed leaves an offset carried (a successful
    /// commit drops it), and leaving the group forgets them all: an offset
    /// reset while the group was empty must win.
    fn carry_offsets(&mut self, final_offsets: &[TopicPartition]) {
        if !self.group.is_subscribed() {
            // Leaving (unsubscribe, close), not rebalancing.
            return;
        }
        for t in final_offsets {
            let meta = OffsetMeta { offset: t.offset, leader_epoch: t.leader_epoch, metadata: t.metadata.clone() };
            self.carried.insert((t.topic.clone(), t.partition), meta);
        }
    }

    /// The member left the group: offsets carried for a later assignment
    /// (carry_offsets) no longer apply.
    pub fn forget_carried(&mut self) {
        self.carried.clear();
    }

    fn assign_one(&mut self, core: &mut Core, k: &TpKey, offset: i64, epoch: i32) {
        let tp = self.toppar(core, &k.0, k.1);
        tp.fetchq.forward_to(Some(core.inst.consumer_q.clone()));
        tp.assigned.store(true, Ordering::Release);
        tp.paused.store(false, Ordering::Release);
        tp.store(RD_KAFKA_OFFSET_INVALID, -1, None);
        *tp.committed.lock() = OffsetMeta::invalid();
        tp.app_offset.store(RD_KAFKA_OFFSET_INVALID, Ordering::Release);
        self.assignment.insert(k.clone(), tp.clone());
        self.assigned_offsets.insert(k.clone(), offset);
        if offset != RD_KAFKA_OFFSET_INVALID || self.shared.cfg.group_id.is_none() || !self.group.is_subscribed() {
            // Only a group assignment starting at the committed offset
            // starts where this member left off (carry_offsets).
            self.carried.remove(k);
        }
        let start = if offset == RD_KAFKA_OFFSET_INVALID { RD_KAFKA_OFFSET_STORED } else { offset };
        self.start_fetch(core, &tp, start, epoch);
    }

    fn unassign_one(&mut self, core: &mut Core, k: &TpKey) {
        self.stop_fetch(core, k);
        self.assigned_offsets.remove(k);
        if let Some(tp) = self.assignment.remove(k) {
            tp.assigned.store(false, Ordering::Release);
            tp.paused.store(false, Ordering::Release);
            tp.bump_version();
            purge_partition(&core.inst.consumer_q, &tp);
        }
    }

    /// Pauses or resumes partitions; returns them with per-partition errors.
    pub fn pause_resume(&mut self, core: &mut Core, mut list: Vec<TopicPartition>, pause: bool) -> Vec<TopicPartition> {
        for t in &mut list {
            let k = (t.topic.clone(), t.partition);
            let Some(tp) = self.shared.toppar(&k.0, k.1) else {
                t.err = RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION;
                continue;
            };
            t.err = RD_KAFKA_RESP_ERR_NO_ERROR;
            if tp.paused.swap(pause, Ordering::AcqRel) == pause {
                continue;
            }
            if pause {
                // Whatever was fetched beyond the position is fetched again
                // on resume.
                if let Some(pf) = self.parts.get_mut(&k) {
                    let app = tp.resume_offset.load(Ordering::Acquire);
                    let v = tp.bump_version();
                    pf.version = v;
                    if pf.state == FetchState::Active && app >= 0 {
                        pf.offset = app;
                    }
                    pf.eof_at = -1;
                }
                purge_partition(&tp.fetchq, &tp);
                self.debug(core, "fetch", "PAUSE", &format!("Pause {} [{}]", k.0, k.1));
            } else {
                self.debug(core, "fetch", "RESUME", &format!("Resume {} [{}]", k.0, k.1));
            }
        }
        list
    }
}
