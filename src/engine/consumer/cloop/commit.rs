//! Committed offsets: fetching them from the coordinator (OffsetFetch)
//! and committing (OffsetCommit, with its retries and how the outcome
//! reaches the application).

use super::{coordinator_error, gid, tname, CommitReply, ConsumerLoop, TpKey};
use crate::engine::consumer::{group, GroupProtocol, OffsetMeta};
use crate::engine::queue::{EventObj, EventPayload};
use crate::objects::tpl::TopicPartition;
use crate::objects::types::*;
use crate::engine::core::{typed_request, Core};
use crate::error::KafkaError;
use kafka_protocol::messages::offset_commit_request::{OffsetCommitRequest, OffsetCommitRequestPartition, OffsetCommitRequestTopic};
use kafka_protocol::messages::offset_fetch_request::{OffsetFetchRequest, OffsetFetchRequestGroup, OffsetFetchRequestTopic, OffsetFetchRequestTopics};
use kafka_protocol::protocol::StrBytes;
use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

impl ConsumerLoop {
    // ------------------------------------------------------------------
    // Committed offsets (OffsetFetch)
    // ------------------------------------------------------------------

    /// Fetches the committed offsets of `parts` from the coordinator.
    pub fn fetch_committed(
        &mut self,
        core: &mut Core,
        parts: Vec<TpKey>,
        timeout: Duration,
        done: Box<dyn FnOnce(&mut ConsumerLoop, &mut Core, Result<Vec<TopicPartition>, KafkaError>)>,
    ) {
        let group = self.shared.cfg.group_id.clone().unwrap_or_default();
        let require_stable = self.shared.cfg.read_committed;
        // KIP-848 members identify themselves (OffsetFetch v9), so the
        // coordinator can refuse a member that is no longer current.
        let member = (self.group.protocol == GroupProtocol::Consumer && self.group.generation >= 0 && !self.group.member_id.is_empty())
            .then(|| (self.group.member_id.clone(), self.group.generation));
        self.with_coordinator(core, timeout, Box::new(move |_c, core, slot| {
            let slot = match slot {
                Ok(s) => s,
                Err(e) => {
                    core.consumer_do(Box::new(move |c, core| done(c, core, Err(e))));
                    return;
                }
            };
            let mut by_topic: BTreeMap<String, Vec<i32>> = BTreeMap::new();
            for (t, p) in &parts {
                by_topic.entry(t.clone()).or_default().push(*p);
            }
            let build = move |v: i16| {
                if v >= 8 {
                    // One group of the batched form (KIP-709).
                    let topics: Vec<OffsetFetchRequestTopics> = by_topic
                        .iter()
                        .map(|(t, ps)| OffsetFetchRequestTopics::default().with_name(tname(t)).with_partition_indexes(ps.clone()))
                        .collect();
                    let mut g = OffsetFetchRequestGroup::default().with_group_id(gid(&group)).with_topics(Some(topics));
                    if v >= 9 {
                        g = match &member {
                            Some((id, epoch)) => g.with_member_id(Some(StrBytes::from_string(id.clone()))).with_member_epoch(*epoch),
                            None => g.with_member_epoch(-1),
                        };
                    }
                    return OffsetFetchRequest::default().with_groups(vec![g]).with_require_stable(require_stable);
                }
                let topics: Vec<OffsetFetchRequestTopic> = by_topic
                    .iter()
                    .map(|(t, ps)| OffsetFetchRequestTopic::default().with_name(tname(t)).with_partition_indexes(ps.clone()))
                    .collect();
                let r = OffsetFetchRequest::default().with_group_id(gid(&group)).with_topics(Some(topics));
                if v >= 7 { r.with_require_stable(require_stable) } else { r }
            };
            let req = typed_request(build, 1, 9, timeout, move |core: &mut Core, r| {
                let res = r.and_then(|(resp, slot)| {
                    core.throttled(slot, resp.throttle_time_ms);
                    let committed = |name: &str, index: i32, offset: i64, epoch: i32, md: &Option<StrBytes>, err: i16| {
                        let mut tp = TopicPartition::new(name.to_string(), index);
                        tp.offset = if offset < 0 { RD_KAFKA_OFFSET_INVALID } else { offset };
                        tp.leader_epoch = epoch;
                        tp.metadata = md.as_ref().filter(|m| !m.is_empty()).map(|m| m.as_bytes().to_vec());
                        tp.err = err as i32;
                        tp
                    };
                    let mut out = Vec::new();
                    if let Some(g) = resp.groups.first() {
                        if g.error_code != 0 {
                            return Err(KafkaError::new(g.error_code as i32, crate::error::describe(g.error_code as i32)));
                        }
                        for t in &g.topics {
                            for p in &t.partitions {
                                out.push(committed(&t.name, p.partition_index, p.committed_offset, p.committed_leader_epoch, &p.metadata, p.error_code));
                            }
                        }
                        return Ok(out);
                    }
                    if resp.error_code != 0 {
                        return Err(KafkaError::new(resp.error_code as i32, crate::error::describe(resp.error_code as i32)));
                    }
                    for t in &resp.topics {
                        for p in &t.partitions {
                            out.push(committed(&t.name, p.partition_index, p.committed_offset, p.committed_leader_epoch, &p.metadata, p.error_code));
                        }
                    }
                    Ok(out)
                });
                core.consumer_do(Box::new(move |c, core| {
                    if let Err(e) = &res {
                        if coordinator_error(e.code) {
                            c.coordinator_dead(core, &e.message);
                        }
                    }
                    done(c, core, res)
                }));
            });
            core.send_to(slot, req);
        }));
    }

    // ------------------------------------------------------------------
    // Commits
    // ------------------------------------------------------------------

    /// Commits `offsets` (None: the stored offsets of the assignment that
    /// moved since the last commit). `sync_rejoin`: the group waits for the
    /// outcome before rejoining.
    pub fn commit(&mut self, core: &mut Core, offsets: Option<Vec<TopicPartition>>, reason: &str, reply: CommitReply, hold_group: bool) {
        let explicit = offsets.is_some();
        let list: Vec<TopicPartition> = match offsets {
            Some(v) => v.into_iter().filter(|t| t.offset >= 0 || t.offset == RD_KAFKA_OFFSET_INVALID).collect(),
            None => self
                .assignment
                .values()
                .filter_map(|tp| {
                    let st = tp.stored_now();
                    let committed = tp.committed.lock().offset;
                    (st.offset >= 0 && st.offset != committed).then(|| {
                        let mut t = TopicPartition::new(tp.topic.clone(), tp.partition).with_offset(st.offset);
                        t.leader_epoch = st.leader_epoch;
                        t.metadata = st.metadata.clone();
                        t
                    })
                })
                .collect(),
        };
        let list: Vec<TopicPartition> = list.into_iter().filter(|t| t.offset >= 0).collect();
        if list.is_empty() {
            // Nothing to commit: the application still gets an outcome.
            let _ = explicit;
            self.commit_done(core, RD_KAFKA_RESP_ERR__NO_OFFSET, Vec::new(), reply);
            return;
        }
        self.debug(core, "cgrp", "COMMIT", &format!("Committing offsets for {} partition(s): {reason}", list.len()));
        self.commits_inflight += 1;
        if hold_group {
            self.group.commit_holds += 1;
        }
        self.send_commit(core, list, reply, hold_group, 0);
    }

    fn send_commit(&mut self, core: &mut Core, list: Vec<TopicPartition>, reply: CommitReply, hold: bool, attempt: u32) {
        let group = self.shared.cfg.group_id.clone().unwrap_or_default();
        let (generation, member_id, instance_id) = self.group.commit_identity();
        let consumer_protocol = self.group.protocol == GroupProtocol::Consumer;
        let timeout = core.cfg.socket_timeout;
        self.with_coordinator(core, timeout, Box::new(move |_c, core, slot| {
            let slot = match slot {
                Ok(s) => s,
                Err(e) => {
                    core.consumer_do(Box::new(move |c, core| c.commit_finished(core, e.code, list, reply, hold)));
                    return;
                }
            };
            let sent = list.clone();
            let build = move |v: i16| {
                let mut by_topic: BTreeMap<&str, Vec<OffsetCommitRequestPartition>> = BTreeMap::new();
                for t in &sent {
                    let meta = t.metadata.as_ref().map(|m| StrBytes::from_string(String::from_utf8_lossy(m).into_owned()));
                    by_topic.entry(t.topic.as_str()).or_default().push(
                        OffsetCommitRequestPartition::default()
                            .with_partition_index(t.partition)
                            .with_committed_offset(t.offset)
                            .with_committed_leader_epoch(if v >= 6 { t.leader_epoch } else { -1 })
                            .with_committed_metadata(Some(meta.unwrap_or_default())),
                    );
                }
                let mut r = OffsetCommitRequest::default()
                    .with_group_id(gid(&group))
                    .with_generation_id_or_member_epoch(generation)
                    .with_member_id(StrBytes::from_string(member_id.clone()))
                    .with_topics(by_topic.into_iter().map(|(t, ps)| OffsetCommitRequestTopic::default().with_name(tname(t)).with_partitions(ps)).collect());
                if v >= 7 {
                    r = r.with_group_instance_id(instance_id.clone().map(StrBytes::from_string));
                }
                if v <= 4 {
                    r = r.with_retention_time_ms(-1);
                }
                r
            };
            // KIP-848 groups take commits from their members only with v9+
            // (the generation field then carries the member epoch).
            let max_version = if consumer_protocol { 9 } else { 8 };
            let req = typed_request(build, 2, max_version, timeout, move |core: &mut Core, r| {
                let r = r.map(|(resp, slot)| {
                    core.throttled(slot, resp.throttle_time_ms);
                    resp
                });
                core.consumer_do(Box::new(move |c, core| c.on_commit_response(core, list, r, reply, hold, attempt)));
            });
            core.send_to(slot, req);
        }));
    }

    fn on_commit_response(
        &mut self,
        core: &mut Core,
        mut list: Vec<TopicPartition>,
        r: Result<kafka_protocol::messages::OffsetCommitResponse, KafkaError>,
        reply: CommitReply,
        hold: bool,
        attempt: u32,
    ) {
        let resp = match r {
            Ok(r) => r,
            Err(e) => {
                if coordinator_error(e.code) {
                    self.coordinator_dead(core, &e.message);
                    if attempt < 2 {
                        self.send_commit(core, list, reply, hold, attempt + 1);
                        return;
                    }
                }
                for t in &mut list {
                    t.err = e.code;
                }
                self.commit_finished(core, e.code, list, reply, hold);
                return;
            }
        };
        let mut errs: HashMap<(String, i32), i32> = HashMap::new();
        for t in &resp.topics {
            for p in &t.partitions {
                errs.insert((t.name.to_string(), p.partition_index), p.error_code as i32);
            }
        }
        let mut first_err = RD_KAFKA_RESP_ERR_NO_ERROR;
        let mut retry_coord = false;
        for t in &mut list {
            t.err = errs.get(&(t.topic.clone(), t.partition)).copied().unwrap_or(RD_KAFKA_RESP_ERR_NO_ERROR);
            if t.err != 0 && first_err == 0 {
                first_err = t.err;
            }
            if coordinator_error(t.err) || t.err == RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS {
                retry_coord = true;
            }
        }
        if retry_coord && attempt < 2 {
            if first_err != RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS {
                self.coordinator_dead(core, &crate::error::describe(first_err));
            }
            for t in &mut list {
                t.err = 0;
            }
            self.send_commit(core, list, reply, hold, attempt + 1);
            return;
        }
        for t in &list {
            if t.err == 0 {
                if let Some(tp) = self.shared.toppar(&t.topic, t.partition) {
                    *tp.committed.lock() = OffsetMeta { offset: t.offset, leader_epoch: t.leader_epoch, metadata: t.metadata.clone() };
                }
                let k = (t.topic.clone(), t.partition);
                if self.carried.get(&k).is_some_and(|o| o.offset <= t.offset) {
                    self.carried.remove(&k);
                }
            }
        }
        if matches!(
            first_err,
            RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS
                | RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION
                | RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID
                | RD_KAFKA_RESP_ERR_STALE_MEMBER_EPOCH
                | RD_KAFKA_RESP_ERR_FENCED_MEMBER_EPOCH
        ) {
            group::commit_group_error(self, core, first_err);
        }
        self.commit_finished(core, first_err, list, reply, hold);
    }

    fn commit_finished(&mut self, core: &mut Core, err: rd_kafka_resp_err_t, list: Vec<TopicPartition>, reply: CommitReply, hold: bool) {
        let msg = format!(
            "Committed offsets for {} partition(s) with generation {}: {}",
            list.len(),
            self.group.generation,
            crate::error::describe(err)
        );
        self.debug(core, "cgrp", "COMMIT", &msg);
        self.commits_inflight = self.commits_inflight.saturating_sub(1);
        if hold {
            self.group.commit_holds = self.group.commit_holds.saturating_sub(1);
        }
        self.commit_done(core, err, list, reply);
        group::commits_settled(self);
    }

    /// Reports a commit's outcome.
    fn commit_done(&mut self, core: &mut Core, err: rd_kafka_resp_err_t, list: Vec<TopicPartition>, reply: CommitReply) {
        // Only an offset_commit_cb gets the results of commits made without
        // a queue: enabling RD_KAFKA_EVENT_OFFSET_COMMIT alone puts none on
        // the consumer queue, as with librdkafka 2.16 (commit_queue() is the
        // event-API way to learn a commit's result).
        let want_event = core.inst.callbacks.offset_commit_cb.is_some();
        match reply {
            CommitReply::Sync(tx) => {
                if want_event {
                    core.inst.consumer_q.push(commit_event(err, &list, None, 0));
                }
                let _ = tx.send((err, list));
            }
            CommitReply::Queue(q, cb, opaque) => q.push(commit_event(err, &list, cb, opaque)),
            CommitReply::Default => {
                if want_event {
                    core.inst.consumer_q.push(commit_event(err, &list, None, 0));
                }
            }
        }
    }
}

/// The OFFSET_COMMIT event for a commit outcome.
fn commit_event(err: rd_kafka_resp_err_t, list: &[TopicPartition], cb: Option<crate::config::callbacks::OffsetCommitCb>, opaque: usize) -> EventObj {
    let mut ev = EventObj::new(RD_KAFKA_EVENT_OFFSET_COMMIT, EventPayload::Partitions(crate::objects::tpl::from_slice(list)));
    ev.err = err;
    ev.commit_cb = cb;
    ev.opaque = opaque as *mut std::os::raw::c_void;
    ev
}
