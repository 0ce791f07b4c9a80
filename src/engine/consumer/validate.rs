//! Fetch position validation (KIP-320). When a partition's leader epoch
//! moves on (a new leader), the position is checked against the new
//! leader's log with OffsetForLeaderEpoch before fetching goes on: the
//! leader answers where the epoch of the last fetched record ends in its
//! log, and a position beyond that end means the log was truncated under
//! the consumer (an unclean leader election). The position is then reset by
//! auto.offset.reset, as for an out-of-range offset.

use super::cloop::{leader_error, ConsumerLoop, FetchState, TpKey};
use crate::objects::types::*;
use crate::engine::core::{typed_request, Core};
use crate::engine::instance::{debug_bit, level};
use kafka_protocol::messages::offset_for_leader_epoch_request::{
    OffsetForLeaderPartition, OffsetForLeaderTopic,
};
use kafka_protocol::messages::{BrokerId, OffsetForLeaderEpochRequest, TopicName};
use kafka_protocol::protocol::StrBytes;
use std::time::Instant;

/// What the leader's answer means for a position.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The position is in the leader's log: fetching goes on.
    Valid,
    /// The log ends before the position: it was truncated.
    Truncated { end_offset: i64, end_epoch: i32 },
    /// The leader is not ready or not the leader any more: look up the
    /// leader again and retry.
    Retry,
    /// The broker cannot validate (old broker, no epoch known): fetching
    /// goes on unchecked, as before KIP-320.
    Skip,
}

/// Judges the OffsetForLeaderEpoch answer for a position.
pub fn judge(position: i64, err: i32, end_epoch: i32, end_offset: i64) -> Verdict {
    match err {
        RD_KAFKA_RESP_ERR_NO_ERROR => {
            if end_offset >= 0 && end_offset < position {
                Verdict::Truncated { end_offset, end_epoch }
            } else {
                Verdict::Valid
            }
        }
        e if leader_error(e) => Verdict::Retry,
        _ => Verdict::Skip,
    }
}

/// Starts a validation for every fetching partition whose leader epoch in
/// the metadata moved past the one its position was checked against.
pub fn check_leader_epochs(c: &mut ConsumerLoop, core: &mut Core) {
    let now = Instant::now();
    let mut start = Vec::new();
    for (k, pf) in c.parts.iter_mut() {
        if pf.state != FetchState::Active || pf.inflight || pf.backoff_until.is_some_and(|t| t > now) {
            continue;
        }
        let Some((leader, cur)) = core
            .metadata
            .topic(&k.0)
            .and_then(|t| t.partitions.iter().find(|p| p.id == k.1))
            .map(|p| (p.leader, p.leader_epoch))
        else {
            continue;
        };
        if cur < 0 || leader < 0 {
            continue;
        }
        if pf.leader_epoch < 0 || pf.epoch < 0 {
            // First sight, or no epoch known for the position: nothing to
            // compare with.
            pf.leader_epoch = cur;
            continue;
        }
        if cur > pf.leader_epoch {
            start.push((k.clone(), leader, cur));
        }
    }
    for (k, leader, cur) in start {
        send(c, core, k, leader, cur);
    }
}

fn send(c: &mut ConsumerLoop, core: &mut Core, k: TpKey, leader: i32, cur: i32) {
    let Some(slot) = core.slot_of(leader) else { return };
    let pf = c.parts.get_mut(&k).expect("partition being validated");
    pf.state = FetchState::Validating;
    let (position, epoch, version) = (pf.offset, pf.epoch, pf.version);
    let msg = format!(
        "{} [{}]: leader epoch {} -> {}: validating offset {} (epoch {}) with broker {leader}",
        k.0, k.1, pf.leader_epoch, cur, position, epoch
    );
    core.inst.debug(debug_bit("fetch"), "fetch", "VALIDATE", &msg);
    let (topic, partition) = k.clone();
    let build = move |v: i16| {
        let part = OffsetForLeaderPartition::default()
            .with_partition(partition)
            .with_current_leader_epoch(cur)
            .with_leader_epoch(epoch);
        let t = OffsetForLeaderTopic::default()
            .with_topic(TopicName(StrBytes::from_string(topic.clone())))
            .with_partitions(vec![part]);
        let r = OffsetForLeaderEpochRequest::default().with_topics(vec![t]);
        if v >= 3 { r.with_replica_id(BrokerId(-1)) } else { r }
    };
    let timeout = core.cfg.socket_timeout;
    let req = typed_request(build, 2, 4, timeout, move |core: &mut Core, r| {
        core.consumer_do(Box::new(move |c, core| {
            let answer = r.map(|(resp, _)| {
                resp.topics
                    .iter()
                    .flat_map(|t| t.partitions.iter())
                    .find(|p| p.partition == k.1)
                    .map_or((RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION, -1, -1), |p| {
                        (p.error_code as i32, p.leader_epoch, p.end_offset)
                    })
            });
            done(c, core, &k, version, position, cur, answer.map_err(|e| e.code));
        }));
    });
    core.send_to(slot, req);
}

fn done(c: &mut ConsumerLoop, core: &mut Core, k: &TpKey, version: u64, position: i64, cur: i32, answer: Result<(i32, i32, i64), i32>) {
    let backoff = c.shared.cfg.fetch_error_backoff;
    let Some(pf) = c.parts.get_mut(k) else { return };
    if pf.version != version || pf.state != FetchState::Validating || pf.offset != position {
        return; // seeked, paused or unassigned meanwhile
    }
    pf.state = FetchState::Active;
    let verdict = match answer {
        Ok((err, end_epoch, end_offset)) => judge(position, err, end_epoch, end_offset),
        Err(e) if e == RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE => Verdict::Skip,
        Err(_) => Verdict::Retry,
    };
    match verdict {
        Verdict::Valid | Verdict::Skip => {
            pf.leader_epoch = cur;
            let msg = format!("{} [{}]: offset {position} validated against leader epoch {cur}: {verdict:?}", k.0, k.1);
            core.inst.debug(debug_bit("fetch"), "fetch", "VALIDATE", &msg);
        }
        Verdict::Retry => {
            pf.backoff_until = Some(Instant::now() + backoff);
            core.refresh_metadata_soon();
        }
        Verdict::Truncated { end_offset, end_epoch } => {
            pf.leader_epoch = cur;
            let epoch = pf.epoch;
            let policy = pf.tp.reset.load(std::sync::atomic::Ordering::Acquire);
            let why = format!(
                "partition log truncation detected at offset {position} (leader epoch {epoch}): the leader's log ends at offset {end_offset} (epoch {end_epoch})"
            );
            if policy == RD_KAFKA_OFFSET_INVALID {
                c.offset_reset_error(core, k, &why);
            } else {
                pf.state = FetchState::NeedOffset(policy);
                let msg = format!("{} [{}]: {why}: resetting offset to {}", k.0, k.1, super::cloop::offset_str(policy));
                core.log(level::NOTICE, "OFFSET", &msg);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts() {
        assert_eq!(judge(100, 0, 3, 150), Verdict::Valid);
        assert_eq!(judge(100, 0, 3, 100), Verdict::Valid);
        assert_eq!(judge(100, 0, 2, 80), Verdict::Truncated { end_offset: 80, end_epoch: 2 });
        // -1: the leader knows no such epoch: nothing to compare.
        assert_eq!(judge(100, 0, -1, -1), Verdict::Valid);
        assert_eq!(judge(100, RD_KAFKA_RESP_ERR_FENCED_LEADER_EPOCH, -1, -1), Verdict::Retry);
        assert_eq!(judge(100, RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, -1, -1), Verdict::Retry);
        assert_eq!(judge(100, RD_KAFKA_RESP_ERR_UNSUPPORTED_VERSION, -1, -1), Verdict::Skip);
    }
}
