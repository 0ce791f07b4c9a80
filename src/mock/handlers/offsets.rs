//! ListOffsets, OffsetCommit, OffsetFetch, OffsetForLeaderEpoch and
//! DeleteRecords.

use kafka_protocol::messages::delete_records_response::{
    DeleteRecordsPartitionResult, DeleteRecordsTopicResult,
};
use kafka_protocol::messages::list_offsets_response::{
    ListOffsetsPartitionResponse, ListOffsetsTopicResponse,
};
use kafka_protocol::messages::offset_commit_response::{
    OffsetCommitResponsePartition, OffsetCommitResponseTopic,
};
use kafka_protocol::messages::offset_fetch_response::{
    OffsetFetchResponseGroup, OffsetFetchResponsePartition, OffsetFetchResponsePartitions,
    OffsetFetchResponseTopic, OffsetFetchResponseTopics,
};
use kafka_protocol::messages::offset_for_leader_epoch_response::{
    EpochEndOffset, OffsetForLeaderTopicResult,
};
use kafka_protocol::messages::*;

use super::{Ctx, Reply, Req, decode, next_error, respond, sb};
use crate::mock::errors as e;
use crate::mock::server::Server;
use crate::mock::state::{COORD_GROUP, Committed, State};

pub fn list_offsets(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<ListOffsetsRequest>(req) else {
        return Reply::Close;
    };
    let all_err = next_error(srv, req, ctx);
    let v = req.version;
    let read_committed = v >= 2 && body.isolation_level == 1;
    let st = &mut srv.st;
    let mut topics = Vec::new();
    for t in &body.topics {
        let name = t.name.to_string();
        let mut parts = Vec::new();
        for p in &t.partitions {
            let mut r = ListOffsetsPartitionResponse::default()
                .with_partition_index(p.partition_index)
                .with_timestamp(-1)
                .with_offset(-1);
            let mut err = all_err;
            if err == e::NONE {
                err = match st.partition(&name, p.partition_index) {
                    None => e::UNKNOWN_TOPIC_OR_PARTITION,
                    Some(pt) if pt.leader != Some(req.broker) => e::NOT_LEADER_OR_FOLLOWER,
                    Some(pt) if v >= 4 => pt.check_epoch(p.current_leader_epoch),
                    Some(_) => e::NONE,
                };
            }
            if err == e::NONE {
                if let Some(inj) = st
                    .partition_mut(&name, p.partition_index)
                    .and_then(|pt| pt.errors.pop(2))
                {
                    err = inj.err as i16;
                }
            }
            if err == e::NONE {
                let pt = st.partition(&name, p.partition_index).unwrap();
                let log = &pt.log;
                let found: Option<(i64, i64)> = match p.timestamp {
                    -1 => Some((
                        if read_committed {
                            st.lso(&name, pt)
                        } else {
                            log.end_offset
                        },
                        -1,
                    )),
                    -2 | -4 => Some((log.start_offset, -1)),
                    -3 => Some(log.max_timestamp_offset().unwrap_or((-1, -1))),
                    ts if ts >= 0 => log.offset_for_timestamp(ts),
                    _ => None,
                };
                if let Some((off, ts)) = found {
                    r = r.with_offset(off).with_timestamp(ts);
                    if v >= 4 {
                        let epoch = if off >= 0 {
                            log.epoch_of(off).unwrap_or(pt.leader_epoch)
                        } else {
                            -1
                        };
                        r = r.with_leader_epoch(epoch);
                    }
                }
            }
            parts.push(r.with_error_code(err));
        }
        topics.push(
            ListOffsetsTopicResponse::default()
                .with_name(t.name.clone())
                .with_partitions(parts),
        );
    }
    respond(req, &ListOffsetsResponse::default().with_topics(topics))
}

/// Check the coordinator and membership for an offset commit; NONE when
/// the commit may proceed.
fn commit_check(st: &State, broker: i32, group: &str, member: &str, gen_id: i32) -> i16 {
    match st.coordinator(COORD_GROUP, group) {
        Some(c) if c == broker => {}
        Some(_) => return e::NOT_COORDINATOR,
        None => return e::COORDINATOR_NOT_AVAILABLE,
    }
    if let Some(g) = st.classic_groups.get(group) {
        return g.check_commit(member, gen_id);
    }
    if let Some(g) = st.consumer_groups.get(group) {
        return g.check_commit(member, gen_id);
    }
    e::NONE
}

pub fn offset_commit(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<OffsetCommitRequest>(req) else {
        return Reply::Close;
    };
    let mut all_err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let group = body.group_id.to_string();
    if all_err == e::NONE {
        all_err = commit_check(
            st,
            req.broker,
            &group,
            &body.member_id,
            body.generation_id_or_member_epoch,
        );
    }
    let mut topics = Vec::new();
    for t in &body.topics {
        let name = t.name.to_string();
        let mut parts = Vec::new();
        for p in &t.partitions {
            let mut err = all_err;
            if err == e::NONE && st.partition(&name, p.partition_index).is_none() {
                err = e::UNKNOWN_TOPIC_OR_PARTITION;
            }
            if err == e::NONE {
                let pt = st.partition_mut(&name, p.partition_index).unwrap();
                pt.committed.insert(
                    group.clone(),
                    Committed {
                        offset: p.committed_offset,
                        leader_epoch: p.committed_leader_epoch,
                        metadata: p.committed_metadata.as_ref().map(|m| m.to_string()),
                    },
                );
            }
            parts.push(
                OffsetCommitResponsePartition::default()
                    .with_partition_index(p.partition_index)
                    .with_error_code(err),
            );
        }
        topics.push(
            OffsetCommitResponseTopic::default()
                .with_name(t.name.clone())
                .with_partitions(parts),
        );
    }
    respond(req, &OffsetCommitResponse::default().with_topics(topics))
}

/// One committed offset lookup: (offset, leader epoch, metadata, error).
fn committed(
    st: &State,
    group: &str,
    topic: &str,
    p: i32,
    require_stable: bool,
) -> (i64, i32, Option<String>, i16) {
    let Some(pt) = st.partition(topic, p) else {
        return (-1, -1, None, e::UNKNOWN_TOPIC_OR_PARTITION);
    };
    if require_stable
        && st.txns.values().any(|t| {
            t.ongoing
                && t.offsets
                    .iter()
                    .any(|o| o.group == group && o.topic == topic && o.partition == p)
        })
    {
        return (-1, -1, None, 88); // UNSTABLE_OFFSET_COMMIT
    }
    match pt.committed.get(group) {
        Some(c) => (c.offset, c.leader_epoch, c.metadata.clone(), e::NONE),
        None => (-1, -1, Some(String::new()), e::NONE),
    }
}

/// All (topic, partition) with a committed offset for a group.
fn all_committed(st: &State, group: &str) -> Vec<(String, Vec<i32>)> {
    st.topics
        .iter()
        .map(|t| {
            (
                t.name.clone(),
                t.partitions
                    .iter()
                    .filter(|p| p.committed.contains_key(group))
                    .map(|p| p.id)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, ps)| !ps.is_empty())
        .collect()
}

pub fn offset_fetch(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<OffsetFetchRequest>(req) else {
        return Reply::Close;
    };
    let inj = next_error(srv, req, ctx);
    let v = req.version;
    let st = &srv.st;
    let coord_err = |group: &str| -> i16 {
        if inj != e::NONE {
            return inj;
        }
        match st.coordinator(COORD_GROUP, group) {
            Some(c) if c == req.broker => e::NONE,
            Some(_) => e::NOT_COORDINATOR,
            None => e::COORDINATOR_NOT_AVAILABLE,
        }
    };
    let stable = v >= 7 && body.require_stable;
    if v >= 8 {
        let mut groups = Vec::new();
        for g in &body.groups {
            let gid = g.group_id.to_string();
            let gerr = coord_err(&gid);
            let wanted: Vec<(String, Vec<i32>)> = match &g.topics {
                Some(ts) => ts
                    .iter()
                    .map(|t| (t.name.to_string(), t.partition_indexes.clone()))
                    .collect(),
                None => all_committed(st, &gid),
            };
            let mut topics = Vec::new();
            if gerr == e::NONE {
                for (name, parts) in wanted {
                    let ps = parts
                        .iter()
                        .map(|&p| {
                            let (off, ep, md, err) = committed(st, &gid, &name, p, stable);
                            OffsetFetchResponsePartitions::default()
                                .with_partition_index(p)
                                .with_committed_offset(off)
                                .with_committed_leader_epoch(ep)
                                .with_metadata(md.map(|m| sb(&m)))
                                .with_error_code(err)
                        })
                        .collect();
                    topics.push(
                        OffsetFetchResponseTopics::default()
                            .with_name(TopicName(sb(&name)))
                            .with_partitions(ps),
                    );
                }
            }
            groups.push(
                OffsetFetchResponseGroup::default()
                    .with_group_id(g.group_id.clone())
                    .with_topics(topics)
                    .with_error_code(gerr),
            );
        }
        return respond(req, &OffsetFetchResponse::default().with_groups(groups));
    }
    let gid = body.group_id.to_string();
    let gerr = coord_err(&gid);
    let wanted: Vec<(String, Vec<i32>)> = match &body.topics {
        Some(ts) => ts
            .iter()
            .map(|t| (t.name.to_string(), t.partition_indexes.clone()))
            .collect(),
        None => all_committed(st, &gid),
    };
    let mut topics = Vec::new();
    for (name, parts) in wanted {
        let ps = parts
            .iter()
            .map(|&p| {
                let (off, ep, md, err) = if gerr != e::NONE {
                    (-1, -1, None, gerr)
                } else {
                    committed(st, &gid, &name, p, stable)
                };
                let mut r = OffsetFetchResponsePartition::default()
                    .with_partition_index(p)
                    .with_committed_offset(off)
                    .with_metadata(md.map(|m| sb(&m)))
                    .with_error_code(err);
                if v >= 5 {
                    r = r.with_committed_leader_epoch(ep);
                }
                r
            })
            .collect();
        topics.push(
            OffsetFetchResponseTopic::default()
                .with_name(TopicName(sb(&name)))
                .with_partitions(ps),
        );
    }
    let mut resp = OffsetFetchResponse::default().with_topics(topics);
    if v >= 2 {
        resp = resp.with_error_code(gerr);
    }
    respond(req, &resp)
}

pub fn offset_for_leader_epoch(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<OffsetForLeaderEpochRequest>(req) else {
        return Reply::Close;
    };
    let all_err = next_error(srv, req, ctx);
    let st = &srv.st;
    let mut topics = Vec::new();
    for t in &body.topics {
        let name = t.topic.to_string();
        let mut parts = Vec::new();
        for p in &t.partitions {
            let mut r = EpochEndOffset::default()
                .with_partition(p.partition)
                .with_leader_epoch(-1)
                .with_end_offset(-1);
            let mut err = all_err;
            if err == e::NONE {
                err = match st.partition(&name, p.partition) {
                    None => e::UNKNOWN_TOPIC_OR_PARTITION,
                    Some(pt) if pt.leader != Some(req.broker) => e::NOT_LEADER_OR_FOLLOWER,
                    Some(pt) => pt.check_epoch(p.current_leader_epoch),
                };
            }
            if err == e::NONE {
                let pt = st.partition(&name, p.partition).unwrap();
                if p.leader_epoch >= pt.leader_epoch {
                    r = r
                        .with_leader_epoch(pt.leader_epoch)
                        .with_end_offset(pt.log.end_offset);
                } else {
                    let end = pt.log.end_offset_for_epoch(p.leader_epoch);
                    r = r
                        .with_leader_epoch(if end < 0 { -1 } else { p.leader_epoch })
                        .with_end_offset(end);
                }
            }
            parts.push(r.with_error_code(err));
        }
        topics.push(
            OffsetForLeaderTopicResult::default()
                .with_topic(t.topic.clone())
                .with_partitions(parts),
        );
    }
    respond(
        req,
        &OffsetForLeaderEpochResponse::default().with_topics(topics),
    )
}

pub fn delete_records(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<DeleteRecordsRequest>(req) else {
        return Reply::Close;
    };
    let all_err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let mut topics = Vec::new();
    for t in &body.topics {
        let name = t.name.to_string();
        let mut parts = Vec::new();
        for p in &t.partitions {
            let mut r = DeleteRecordsPartitionResult::default()
                .with_partition_index(p.partition_index)
                .with_low_watermark(-1);
            let mut err = all_err;
            if err == e::NONE {
                err = match st.partition(&name, p.partition_index) {
                    None => e::UNKNOWN_TOPIC_OR_PARTITION,
                    Some(pt) if pt.leader != Some(req.broker) => e::NOT_LEADER_OR_FOLLOWER,
                    Some(_) => e::NONE,
                };
            }
            if err == e::NONE {
                let pt = st.partition_mut(&name, p.partition_index).unwrap();
                let off = if p.offset == -1 {
                    pt.log.end_offset
                } else {
                    p.offset
                };
                match pt.log.delete_before(off) {
                    Ok(()) => r = r.with_low_watermark(pt.log.start_offset),
                    Err(code) => err = code,
                }
            }
            parts.push(r.with_error_code(err));
        }
        topics.push(
            DeleteRecordsTopicResult::default()
                .with_name(t.name.clone())
                .with_partitions(parts),
        );
    }
    respond(req, &DeleteRecordsResponse::default().with_topics(topics))
}
