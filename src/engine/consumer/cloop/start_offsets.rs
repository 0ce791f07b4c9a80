//! Where a partition starts fetching: its committed offset (with the
//! offsets carried over a rebalance) or a logical offset resolved with
//! ListOffsets, and auto.offset.reset when there is none or the position is
//! out of range.

use super::{leader_error, offset_str, push_partition_error, tname, ConsumerLoop, FetchState, TpKey};
use crate::engine::consumer::OffsetMeta;
use crate::objects::tpl::TopicPartition;
use crate::objects::types::*;
use crate::engine::core::{typed_request, Core};
use crate::engine::instance::{debug_bit, level};
use crate::error::KafkaError;
use kafka_protocol::messages::list_offsets_request::{ListOffsetsPartition, ListOffsetsRequest, ListOffsetsTopic};
use kafka_protocol::messages::BrokerId;
use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Failures of a start offset lookup that are retried without telling the
/// application: the leader moved (metadata is refreshed first), the
/// connection was lost (that is reported by itself), the request was
/// purged or the client is going away.
fn quiet_lookup_error(err: rd_kafka_resp_err_t) -> bool {
    leader_error(err)
        || matches!(
            err,
            RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE
                | RD_KAFKA_RESP_ERR__PURGE_INFLIGHT
                | RD_KAFKA_RESP_ERR__PURGE_QUEUE
                | RD_KAFKA_RESP_ERR__DESTROY
        )
}

impl ConsumerLoop {
    /// Looks up start offsets of partitions that need one: committed
    /// offsets from the coordinator, or BEGINNING/END from the leaders.
    pub(super) fn resolve_offsets(&mut self, core: &mut Core) {
        let now = Instant::now();
        let mut committed: Vec<TpKey> = Vec::new();
        let mut by_leader: HashMap<i32, Vec<(TpKey, i64)>> = HashMap::new();
        for (k, pf) in &self.parts {
            let FetchState::NeedOffset(o) = pf.state else { continue };
            if pf.backoff_until.is_some_and(|t| t > now) || pf.tp.paused.load(Ordering::Acquire) {
                continue;
            }
            if o == RD_KAFKA_OFFSET_STORED || o == RD_KAFKA_OFFSET_INVALID {
                if self.shared.cfg.group_id.is_some() {
                    committed.push(k.clone());
                } else {
                    by_leader.entry(core.metadata.leader(&k.0, k.1)).or_default().push((k.clone(), pf.tp.reset.load(Ordering::Acquire)));
                }
            } else {
                by_leader.entry(core.metadata.leader(&k.0, k.1)).or_default().push((k.clone(), o));
            }
        }
        if !committed.is_empty() && !self.offset_fetch_inflight {
            for k in &committed {
                if let Some(pf) = self.parts.get_mut(k) {
                    pf.state = FetchState::Resolving;
                }
            }
            self.offset_fetch_inflight = true;
            let versions: HashMap<TpKey, u64> = committed.iter().filter_map(|k| self.parts.get(k).map(|p| (k.clone(), p.version))).collect();
            self.fetch_committed(core, committed.clone(), core.cfg.socket_timeout, Box::new(move |c, core, r| {
                c.offset_fetch_inflight = false;
                c.on_start_committed(core, versions, r);
            }));
        }
        for (leader, list) in by_leader {
            let resolvable = leader >= 0 && core.slot_of(leader).is_some();
            // Policy "error" on a partition without a usable offset.
            let mut lookups = Vec::new();
            for (k, o) in list {
                if o == RD_KAFKA_OFFSET_INVALID {
                    self.offset_reset_error(core, &k, "no committed offset and auto.offset.reset is error");
                    continue;
                }
                if !resolvable {
                    core.want_topic_metadata(&k.0);
                    continue;
                }
                lookups.push((k, o));
            }
            if lookups.is_empty() {
                continue;
            }
            let slot = core.slot_of(leader).unwrap();
            // One request per partition, as librdkafka queries a start
            // offset (some brokers, librdkafka 2.0's mock among them, answer
            // multi-partition ListOffsets v4+ requests with malformed data).
            for lookup in lookups {
                let Some(pf) = self.parts.get_mut(&lookup.0) else { continue };
                pf.state = FetchState::Resolving;
                let versions: HashMap<TpKey, u64> = [(lookup.0.clone(), pf.version)].into_iter().collect();
                let read_committed = self.shared.cfg.read_committed;
                let asked = vec![lookup];
                let req = list_offsets_request(asked.clone(), read_committed, core.cfg.socket_timeout, move |core, r| {
                    core.consumer_do(Box::new(move |c, core| c.on_start_list_offsets(core, asked, versions, r)));
                });
                core.send_to(slot, req);
            }
        }
    }

    /// The committed offsets arrived for partitions waiting to start.
    fn on_start_committed(&mut self, core: &mut Core, versions: HashMap<TpKey, u64>, r: Result<Vec<TopicPartition>, KafkaError>) {
        match r {
            Err(e) => {
                self.debug(core, "cgrp", "OFFSETFETCH", &format!("Committed offsets lookup failed: {}", e.message));
                for (k, v) in versions {
                    if let Some(pf) = self.parts.get_mut(&k) {
                        if pf.version == v && pf.state == FetchState::Resolving {
                            pf.state = FetchState::NeedOffset(RD_KAFKA_OFFSET_INVALID);
                            pf.backoff_until = Some(Instant::now() + Duration::from_millis(500));
                        }
                    }
                }
            }
            Ok(list) => {
                for t in list {
                    let k = (t.topic.clone(), t.partition);
                    let Some(pf) = self.parts.get_mut(&k) else { continue };
                    if versions.get(&k) != Some(&pf.version) || pf.state != FetchState::Resolving {
                        continue;
                    }
                    if t.err != RD_KAFKA_RESP_ERR_NO_ERROR {
                        pf.state = FetchState::NeedOffset(RD_KAFKA_OFFSET_INVALID);
                        pf.backoff_until = Some(Instant::now() + Duration::from_millis(500));
                        continue;
                    }
                    *pf.tp.committed.lock() = OffsetMeta { offset: t.offset, leader_epoch: t.leader_epoch, metadata: t.metadata.clone() };
                    if let Some(own) = self.carried.remove(&k).filter(|o| o.offset > t.offset) {
                        // See carry_offsets().
                        pf.state = FetchState::Active;
                        pf.offset = own.offset;
                        pf.epoch = own.leader_epoch;
                        pf.tp.resume_offset.store(own.offset, Ordering::Release);
                        pf.tp.store(own.offset, own.leader_epoch, own.metadata);
                        let msg = format!(
                            "Start fetching {} [{}] at offset {}, stored by this member when the partition was last revoked, \
                             beyond the committed offset {}: it is committed now",
                            k.0, k.1, own.offset, offset_str(t.offset)
                        );
                        self.debug(core, "cgrp", "FETCHSTART", &msg);
                        continue;
                    }
                    if t.offset >= 0 {
                        pf.state = FetchState::Active;
                        pf.offset = t.offset;
                        pf.epoch = t.leader_epoch;
                        pf.tp.resume_offset.store(t.offset, Ordering::Release);
                        let msg = format!("Start fetching {} [{}] at committed offset {}", k.0, k.1, t.offset);
                        self.debug(core, "cgrp", "FETCHSTART", &msg);
                    } else {
                        // No committed offset: auto.offset.reset decides.
                        let policy = pf.tp.reset.load(Ordering::Acquire);
                        pf.state = FetchState::NeedOffset(if policy == RD_KAFKA_OFFSET_INVALID { RD_KAFKA_OFFSET_INVALID } else { policy });
                        if policy == RD_KAFKA_OFFSET_INVALID {
                            self.offset_reset_error(core, &k, "no committed offset and auto.offset.reset is error");
                        }
                    }
                }
            }
        }
    }

    /// ListOffsets answered for partitions waiting to start.
    fn on_start_list_offsets(&mut self, core: &mut Core, asked: Vec<(TpKey, i64)>, versions: HashMap<TpKey, u64>, r: Result<Vec<TopicPartition>, KafkaError>) {
        let (results, failed): (HashMap<TpKey, TopicPartition>, Option<KafkaError>) = match r {
            Ok(v) => (v.into_iter().map(|t| ((t.topic.clone(), t.partition), t)).collect(), None),
            Err(e) => {
                self.debug(core, "fetch", "OFFSET", &format!("ListOffsets failed: {}", e.message));
                (HashMap::new(), Some(e))
            }
        };
        let mut refresh = false;
        for (k, logical) in asked {
            let Some(pf) = self.parts.get_mut(&k) else { continue };
            if versions.get(&k) != Some(&pf.version) || pf.state != FetchState::Resolving {
                continue;
            }
            // What the application is told when the lookup failed for
            // other reasons than a moved leader or a lost connection (those
            // are retried quietly after a metadata refresh): a broken
            // response, a partition-level error. The lookup is retried
            // after the backoff, and reported again if it fails again, as
            // librdkafka does.
            let report = match (&failed, results.get(&k)) {
                (Some(e), _) if !quiet_lookup_error(e.code) => Some((e.code, e.message.clone())),
                (None, None) => Some((RD_KAFKA_RESP_ERR__BAD_MSG, "the ListOffsets response does not list the partition".to_string())),
                (None, Some(t)) if t.err != RD_KAFKA_RESP_ERR_NO_ERROR && !quiet_lookup_error(t.err) => {
                    Some((t.err, crate::error::describe(t.err)))
                }
                _ => None,
            };
            if let Some((err, why)) = report {
                let msg = format!("{} [{}]: Failed to query logical offset {}: {why}", k.0, k.1, offset_str(logical));
                core.log(level::WARNING, "OFFSET", &msg);
                push_partition_error(&pf.tp, pf.version, err, RD_KAFKA_OFFSET_INVALID, &msg, -1);
            }
            match results.get(&k) {
                Some(t) if t.err == RD_KAFKA_RESP_ERR_NO_ERROR && t.offset >= 0 => {
                    let mut o = t.offset;
                    if logical <= RD_KAFKA_OFFSET_TAIL_BASE {
                        o = (o - (RD_KAFKA_OFFSET_TAIL_BASE - logical)).max(0);
                    }
                    pf.state = FetchState::Active;
                    pf.offset = o;
                    pf.epoch = t.leader_epoch;
                    pf.tp.resume_offset.store(o, Ordering::Release);
                    let msg = format!("{} [{}]: offset {} resolved to {}", k.0, k.1, offset_str(logical), o);
                    core.inst.debug(debug_bit("fetch"), "fetch", "OFFSET", &msg);
                }
                other => {
                    if other.is_none_or(|t| leader_error(t.err)) {
                        refresh = true;
                    }
                    pf.state = FetchState::NeedOffset(logical);
                    pf.backoff_until = Some(Instant::now() + self.shared.cfg.fetch_error_backoff.max(Duration::from_millis(100)));
                }
            }
        }
        if refresh {
            core.refresh_metadata_soon();
        }
    }

    /// Stops a partition whose offset cannot be reset (policy `error`) and
    /// tells the application.
    pub fn offset_reset_error(&mut self, core: &mut Core, k: &TpKey, why: &str) {
        let Some(pf) = self.parts.get_mut(k) else { return };
        pf.state = FetchState::Stopped;
        let tp = pf.tp.clone();
        let version = pf.version;
        let off = pf.offset;
        let msg = format!("{} [{}]: offset reset (at offset {}) to error: {why}", k.0, k.1, offset_str(off));
        core.log(level::ERR, "OFFSET", &msg);
        push_partition_error(&tp, version, RD_KAFKA_RESP_ERR__AUTO_OFFSET_RESET, off, &msg, -1);
    }

    /// Handles an out-of-range fetch position with auto.offset.reset.
    pub fn offset_out_of_range(&mut self, core: &mut Core, k: &TpKey, broker_id: i32) {
        let Some(pf) = self.parts.get_mut(k) else { return };
        let policy = pf.tp.reset.load(Ordering::Acquire);
        let off = pf.offset;
        if policy == RD_KAFKA_OFFSET_INVALID {
            self.offset_reset_error(core, k, "fetch offset out of range");
            return;
        }
        let _ = broker_id;
        pf.state = FetchState::NeedOffset(policy);
        let msg = format!("{} [{}]: fetch offset {} is out of range: resetting offset to {}", k.0, k.1, off, offset_str(policy));
        core.log(level::INFO, "OFFSET", &msg);
    }
}

/// A ListOffsets request for `(partition, logical offset or timestamp)`
/// pairs; `done` gets the offsets (with per-partition errors).
pub fn list_offsets_request(
    parts: Vec<(TpKey, i64)>,
    read_committed: bool,
    timeout: Duration,
    done: impl FnOnce(&mut Core, Result<Vec<TopicPartition>, KafkaError>) + 'static,
) -> crate::engine::broker::OutRequest {
    let build = move |v: i16| {
        let mut by_topic: BTreeMap<&str, Vec<ListOffsetsPartition>> = BTreeMap::new();
        for ((t, p), ts) in &parts {
            // Logical offsets map to the special timestamps: END -> latest
            // (-1), BEGINNING -> earliest (-2); TAIL(n) starts from latest.
            let ts = match *ts {
                RD_KAFKA_OFFSET_BEGINNING => -2,
                RD_KAFKA_OFFSET_END => -1,
                o if o <= RD_KAFKA_OFFSET_TAIL_BASE => -1,
                o => o,
            };
            by_topic.entry(t.as_str()).or_default().push(
                ListOffsetsPartition::default().with_partition_index(*p).with_timestamp(ts).with_current_leader_epoch(-1),
            );
        }
        let r = ListOffsetsRequest::default()
            .with_replica_id(BrokerId(-1))
            .with_topics(by_topic.into_iter().map(|(t, ps)| ListOffsetsTopic::default().with_name(tname(t)).with_partitions(ps)).collect());
        if v >= 2 { r.with_isolation_level(if read_committed { 1 } else { 0 }) } else { r }
    };
    typed_request(build, 1, 7, timeout, move |core: &mut Core, r| {
        let res = r.map(|(resp, slot)| {
            core.throttled(slot, resp.throttle_time_ms);
            let mut out = Vec::new();
            for t in &resp.topics {
                for p in &t.partitions {
                    let mut tp = TopicPartition::new(t.name.to_string(), p.partition_index);
                    tp.err = p.error_code as i32;
                    tp.offset = if p.offset >= 0 || tp.err != 0 { p.offset } else { RD_KAFKA_OFFSET_END };
                    tp.leader_epoch = p.leader_epoch;
                    out.push(tp);
                }
            }
            out
        });
        done(core, res)
    })
}
