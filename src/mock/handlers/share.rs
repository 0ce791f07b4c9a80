//! KIP-932 share group requests: ShareGroupHeartbeat (76),
//! ShareGroupDescribe (77), ShareFetch (78) and ShareAcknowledge (79). The
//! state machine lives in crate::mock::share.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use bytes::BytesMut;
use kafka_protocol::messages::*;

use super::{Ctx, Reply, Req, debug, decode, group_coordinator_error, next_error, respond, sb, uuid};
use crate::mock::consumer::Tp;
use crate::mock::errors as e;
use crate::mock::server::Server;
use crate::mock::share::{Acquired, ShareGroup};
use crate::mock::state::{State, Topic};

/// Longest a ShareFetch that acquired nothing is held before its (empty)
/// answer, so that an idle share consumer does not spin.
const EMPTY_FETCH_HOLD: Duration = Duration::from_millis(200);

fn group_mut<'a>(
    groups: &'a mut BTreeMap<String, ShareGroup>,
    cfg: crate::mock::share::ShareConfig,
    id: &str,
) -> &'a mut ShareGroup {
    groups
        .entry(id.to_string())
        .or_insert_with(|| ShareGroup::new(id, cfg))
}

pub fn share_group_heartbeat(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    use share_group_heartbeat_response::{Assignment, TopicPartitions};
    let Some(body) = decode::<ShareGroupHeartbeatRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let group = body.group_id.to_string();
    if err == e::NONE {
        err = group_coordinator_error(st, &group, req.broker);
    }
    let mut resp = ShareGroupHeartbeatResponse::default();
    if err == e::NONE {
        let topics = st.topic_snapshot();
        let cfg = st.share_cfg;
        let g = group_mut(&mut st.share_groups, cfg, &group);
        resp.heartbeat_interval_ms = g.cfg.heartbeat_interval_ms;
        let names = body
            .subscribed_topic_names
            .as_ref()
            .map(|v| v.iter().map(|t| t.to_string()).collect());
        match g.heartbeat(
            body.member_id.as_str(),
            body.member_epoch,
            names,
            &topics,
            Instant::now(),
        ) {
            Ok(r) => {
                debug(&format!(
                    "share group {group}: member {} epoch {} assignment {:?}",
                    r.member_id, r.epoch, r.assignment
                ));
                resp.member_id = Some(sb(&r.member_id));
                resp.member_epoch = r.epoch;
                if let Some(a) = r.assignment {
                    let mut by_topic: BTreeMap<[u8; 16], Vec<i32>> = BTreeMap::new();
                    for (t, p) in a {
                        by_topic.entry(t).or_default().push(p);
                    }
                    let mut asg = Assignment::default();
                    asg.topic_partitions = by_topic
                        .into_iter()
                        .map(|(t, ps)| {
                            let mut tp = TopicPartitions::default();
                            tp.topic_id = uuid(t);
                            tp.partitions = ps;
                            tp
                        })
                        .collect();
                    resp.assignment = Some(asg);
                }
            }
            Err(code) => err = code,
        }
    }
    if err != e::NONE {
        resp.error_message = Some(sb(e::name(err)));
        resp.member_epoch = -1;
    }
    resp.error_code = err;
    respond(req, &resp)
}

pub fn share_group_describe(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    use share_group_describe_response::{Assignment, DescribedGroup, Member, TopicPartitions};
    let Some(body) = decode::<ShareGroupDescribeRequest>(req) else {
        return Reply::Close;
    };
    let all_err = next_error(srv, req, ctx);
    let st = &srv.st;
    let mut resp = ShareGroupDescribeResponse::default();
    for gid in &body.group_ids {
        let id = gid.to_string();
        let mut d = DescribedGroup::default();
        d.group_id = gid.clone();
        d.authorized_operations = i32::MIN;
        let mut err = all_err;
        if err == e::NONE {
            err = group_coordinator_error(st, &id, req.broker);
        }
        match st.share_groups.get(&id) {
            Some(g) if err == e::NONE => {
                d.group_state = sb(if g.members.is_empty() { "Empty" } else { "Stable" });
                d.group_epoch = g.epoch;
                d.assignment_epoch = g.epoch;
                d.assignor_name = sb("simple");
                d.members = g
                    .members
                    .iter()
                    .map(|m| {
                        let mut by_topic: BTreeMap<[u8; 16], Vec<i32>> = BTreeMap::new();
                        for (t, p) in &m.assigned {
                            by_topic.entry(*t).or_default().push(*p);
                        }
                        let mut a = Assignment::default();
                        a.topic_partitions = by_topic
                            .into_iter()
                            .map(|(t, ps)| {
                                let mut tp = TopicPartitions::default();
                                tp.topic_id = uuid(t);
                                tp.topic_name = sb(st.topic_by_id(&t).map_or("", |x| &x.name)).into();
                                tp.partitions = ps;
                                tp
                            })
                            .collect();
                        let mut mm = Member::default();
                        mm.member_id = sb(&m.id);
                        mm.member_epoch = m.epoch;
                        mm.client_id = sb("");
                        mm.client_host = sb("");
                        mm.subscribed_topic_names = m.names.iter().map(|n| sb(n).into()).collect();
                        mm.assignment = a;
                        mm
                    })
                    .collect();
            }
            _ => {
                d.error_code = if err == e::NONE { e::GROUP_ID_NOT_FOUND } else { err };
                d.group_state = sb("Dead");
            }
        }
        resp.groups.push(d);
    }
    respond(req, &resp)
}

/// The offsets of a partition a share consumer may get: not control
/// records, and under read_committed not aborted transactions.
fn deliverable(topic: &Topic, p: i32, read_committed: bool) -> impl Fn(i64) -> bool + '_ {
    move |off| {
        let Some(pt) = topic.partitions.get(p as usize) else {
            return false;
        };
        let Some(i) = pt.log.find(off) else { return false };
        let b = &pt.log.batches[i];
        if b.first_offset > off || b.control {
            return false;
        }
        !(read_committed
            && b.transactional
            && pt.log.aborted.iter().any(|a| {
                a.producer_id == b.producer_id && a.first_offset <= off && off <= a.last_offset
            }))
    }
}

/// Last stable offset (as State::lso, from the parts of the state).
fn lso(
    txns: &std::collections::HashMap<String, crate::mock::state::Txn>,
    t: &Topic,
    pt: &crate::mock::state::Partition,
) -> i64 {
    let mut lso = pt.log.end_offset;
    for x in txns.values().filter(|x| x.ongoing) {
        for tp in &x.partitions {
            if tp.first_offset >= 0 && tp.partition == pt.id && tp.topic == t.name {
                lso = lso.min(tp.first_offset);
            }
        }
    }
    lso
}

/// The batches holding the acquired offsets, concatenated.
fn batches_for(topic: &Topic, p: i32, acq: &[Acquired]) -> bytes::Bytes {
    let mut out = BytesMut::new();
    let Some(pt) = topic.partitions.get(p as usize) else {
        return out.freeze();
    };
    let mut taken: BTreeSet<usize> = BTreeSet::new();
    for a in acq {
        if let Some(mut i) = pt.log.find(a.first) {
            while i < pt.log.batches.len() && pt.log.batches[i].first_offset <= a.last {
                taken.insert(i);
                i += 1;
            }
        }
    }
    for i in taken {
        out.extend_from_slice(&pt.log.batches[i].bytes);
    }
    out.freeze()
}

/// Apply a partition's acknowledgement batches; the first error wins.
fn apply_acks(
    g: &mut ShareGroup,
    topics: &[Topic],
    member: &str,
    tp: Tp,
    batches: &[(i64, i64, Vec<i8>)],
) -> i16 {
    if batches.is_empty() {
        return e::NONE;
    }
    let Some(t) = topics.iter().find(|t| t.id == tp.0) else {
        return e::UNKNOWN_TOPIC_ID;
    };
    let Some(pt) = t.partitions.get(tp.1 as usize) else {
        return e::UNKNOWN_TOPIC_OR_PARTITION;
    };
    let max = g.cfg.max_delivery_attempts;
    let (ls, le) = (pt.log.start_offset, pt.log.end_offset);
    let sp = g.part(tp, ls, le);
    let mut err = e::NONE;
    for (first, last, types) in batches {
        let r = sp.acknowledge(member, *first, *last, types, max);
        if err == e::NONE {
            err = r;
        }
    }
    err
}

/// Leader of a partition, or the error for it on this broker.
fn leader_check(topics: &[Topic], tp: Tp, broker: i32) -> (i16, i32, i32) {
    match topics.iter().find(|t| t.id == tp.0) {
        None => (e::UNKNOWN_TOPIC_ID, -1, -1),
        Some(t) => match t.partitions.get(tp.1 as usize) {
            None => (e::UNKNOWN_TOPIC_OR_PARTITION, -1, -1),
            Some(pt) => {
                let l = pt.leader.unwrap_or(-1);
                let err = if l == broker { e::NONE } else { e::NOT_LEADER_OR_FOLLOWER };
                (err, l, pt.leader_epoch)
            }
        },
    }
}

pub fn share_fetch(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    use share_fetch_response::{AcquiredRecords, PartitionData, ShareFetchableTopicResponse};
    let Some(body) = decode::<ShareFetchRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let now = Instant::now();
    let group = body.group_id.as_ref().map(|g| g.to_string()).unwrap_or_default();
    let member = body.member_id.as_ref().map(|m| m.to_string()).unwrap_or_default();
    let epoch = body.share_session_epoch;
    if err == e::NONE && (group.is_empty() || member.is_empty()) {
        err = e::INVALID_REQUEST;
    }
    let mut resp = ShareFetchResponse::default();
    let State {
        share_groups,
        share_cfg,
        topics,
        txns,
        ..
    } = &mut srv.st;
    if err == e::NONE {
        let g = group_mut(share_groups, *share_cfg, &group);
        resp.acquisition_lock_timeout_ms = g.cfg.record_lock_duration_ms;
        let r = g.session_request(&member, req.broker, epoch, true, now);
        debug(&format!("ShareFetch {group} member {member} session epoch {epoch}: {r:?}"));
        match r {
            Err(code) => err = code,
            Ok(()) => {
                let key = (member.clone(), req.broker);
                // Partitions of the request, with their acknowledgements.
                let mut asked: Vec<(Tp, Vec<(i64, i64, Vec<i8>)>)> = Vec::new();
                for t in &body.topics {
                    for p in &t.partitions {
                        let acks = p
                            .acknowledgement_batches
                            .iter()
                            .map(|b| (b.first_offset, b.last_offset, b.acknowledge_types.clone()))
                            .collect();
                        asked.push(((*t.topic_id.as_bytes(), p.partition_index), acks));
                    }
                }
                let mut out: BTreeMap<Tp, PartitionData> = BTreeMap::new();
                for (tp, acks) in &asked {
                    if !acks.is_empty() {
                        let mut pd = PartitionData::default();
                        pd.partition_index = tp.1;
                        pd.acknowledge_error_code = apply_acks(g, topics, &member, *tp, acks);
                        out.insert(*tp, pd);
                    }
                }
                if epoch == -1 {
                    g.close_session(&key);
                } else {
                    let s = g.sessions.get_mut(&key).expect("session just validated");
                    s.conn = Some(req.conn);
                    for (tp, _) in &asked {
                        s.partitions.insert(*tp);
                    }
                    for f in &body.forgotten_topics_data {
                        for p in &f.partitions {
                            s.partitions.remove(&(*f.topic_id.as_bytes(), *p));
                        }
                    }
                    let parts: Vec<Tp> = s.partitions.iter().copied().collect();
                    let mut budget = if body.max_records > 0 { body.max_records as usize } else { 500 };
                    let max_bytes = if body.max_bytes > 0 { body.max_bytes as usize } else { usize::MAX };
                    let mut bytes_total = 0usize;
                    let lock = g.lock_duration();
                    let max_locks = g.cfg.max_record_locks.max(0) as usize;
                    let read_committed = g.cfg.isolation_level == 1;
                    for tp in parts {
                        let (perr, lid, lep) = leader_check(topics, tp, req.broker);
                        if perr != e::NONE {
                            let pd = out.entry(tp).or_insert_with(|| {
                                let mut pd = PartitionData::default();
                                pd.partition_index = tp.1;
                                pd
                            });
                            pd.error_code = perr;
                            pd.current_leader.leader_id = lid;
                            pd.current_leader.leader_epoch = lep;
                            continue;
                        }
                        if budget == 0 || bytes_total >= max_bytes {
                            continue;
                        }
                        let t = topics.iter().find(|t| t.id == tp.0).unwrap();
                        let pt = &t.partitions[tp.1 as usize];
                        let end = if read_committed {
                            lso(txns, t, pt)
                        } else {
                            pt.log.end_offset
                        };
                        let (ls, le) = (pt.log.start_offset, pt.log.end_offset);
                        let sp = g.part(tp, ls, le);
                        let acq = sp.acquire(
                            &member,
                            now,
                            lock,
                            budget,
                            max_locks,
                            end,
                            &deliverable(t, tp.1, read_committed),
                        );
                        if acq.is_empty() {
                            continue;
                        }
                        budget = budget.saturating_sub(
                            acq.iter().map(|a| (a.last - a.first + 1) as usize).sum(),
                        );
                        let recs = batches_for(t, tp.1, &acq);
                        bytes_total += recs.len();
                        let pd = out.entry(tp).or_insert_with(|| {
                            let mut pd = PartitionData::default();
                            pd.partition_index = tp.1;
                            pd
                        });
                        pd.current_leader.leader_id = lid;
                        pd.current_leader.leader_epoch = lep;
                        pd.records = Some(recs);
                        pd.acquired_records = acq
                            .iter()
                            .map(|a| {
                                let mut r = AcquiredRecords::default();
                                r.first_offset = a.first;
                                r.last_offset = a.last;
                                r.delivery_count = a.deliveries;
                                r
                            })
                            .collect();
                    }
                }
                let got_records = out.values().any(|p| !p.acquired_records.is_empty());
                let had_acks = asked.iter().any(|(_, a)| !a.is_empty());
                if !got_records && !had_acks && epoch != -1 {
                    let wait = Duration::from_millis(body.max_wait_ms.max(0) as u64);
                    ctx.delay += wait.min(EMPTY_FETCH_HOLD);
                }
                let mut by_topic: BTreeMap<[u8; 16], Vec<PartitionData>> = BTreeMap::new();
                for (tp, pd) in out {
                    by_topic.entry(tp.0).or_default().push(pd);
                }
                resp.responses = by_topic
                    .into_iter()
                    .map(|(t, parts)| {
                        let mut r = ShareFetchableTopicResponse::default();
                        r.topic_id = uuid(t);
                        r.partitions = parts;
                        r
                    })
                    .collect();
            }
        }
    }
    if err != e::NONE {
        resp.error_message = Some(sb(e::name(err)));
    }
    resp.error_code = err;
    respond(req, &resp)
}

pub fn share_acknowledge(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    use share_acknowledge_response::{PartitionData, ShareAcknowledgeTopicResponse};
    let Some(body) = decode::<ShareAcknowledgeRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let now = Instant::now();
    let group = body.group_id.as_ref().map(|g| g.to_string()).unwrap_or_default();
    let member = body.member_id.as_ref().map(|m| m.to_string()).unwrap_or_default();
    let epoch = body.share_session_epoch;
    if err == e::NONE && (group.is_empty() || member.is_empty()) {
        err = e::INVALID_REQUEST;
    }
    let mut resp = ShareAcknowledgeResponse::default();
    let State {
        share_groups,
        share_cfg,
        topics,
        ..
    } = &mut srv.st;
    if err == e::NONE {
        let g = group_mut(share_groups, *share_cfg, &group);
        let r = g.session_request(&member, req.broker, epoch, false, now);
        debug(&format!("ShareAcknowledge {group} member {member} session epoch {epoch}: {r:?}"));
        match r {
            Err(code) => err = code,
            Ok(()) => {
                for t in &body.topics {
                    let mut tr = ShareAcknowledgeTopicResponse::default();
                    tr.topic_id = t.topic_id;
                    for p in &t.partitions {
                        let tp = (*t.topic_id.as_bytes(), p.partition_index);
                        let acks: Vec<(i64, i64, Vec<i8>)> = p
                            .acknowledgement_batches
                            .iter()
                            .map(|b| (b.first_offset, b.last_offset, b.acknowledge_types.clone()))
                            .collect();
                        let mut pd = PartitionData::default();
                        pd.partition_index = p.partition_index;
                        let (lerr, lid, lep) = leader_check(topics, tp, req.broker);
                        pd.error_code = if lerr != e::NONE {
                            lerr
                        } else {
                            apply_acks(g, topics, &member, tp, &acks)
                        };
                        pd.current_leader.leader_id = lid;
                        pd.current_leader.leader_epoch = lep;
                        tr.partitions.push(pd);
                    }
                    resp.responses.push(tr);
                }
                if epoch == -1 {
                    g.close_session(&(member.clone(), req.broker));
                }
            }
        }
    }
    if err != e::NONE {
        resp.error_message = Some(sb(e::name(err)));
    }
    resp.error_code = err;
    respond(req, &resp)
}
