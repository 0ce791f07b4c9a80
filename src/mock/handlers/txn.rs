//! InitProducerId and the transaction coordinator: AddPartitionsToTxn,
//! AddOffsetsToTxn, TxnOffsetCommit, EndTxn (which writes the COMMIT or
//! ABORT markers).

use std::time::Instant;

use kafka_protocol::messages::add_partitions_to_txn_response::{
    AddPartitionsToTxnPartitionResult, AddPartitionsToTxnTopicResult,
};
use kafka_protocol::messages::txn_offset_commit_response::{
    TxnOffsetCommitResponsePartition, TxnOffsetCommitResponseTopic,
};
use kafka_protocol::messages::*;

use super::{Ctx, Reply, Req, coordinator_error, decode, next_error, respond};
use crate::mock::errors as e;
use crate::mock::server::Server;
use crate::mock::state::{COORD_GROUP, COORD_TXN, Committed, State, Txn, TxnOffset, TxnPartition};

const OPERATION_NOT_ATTEMPTED: i16 = 55;

pub fn init_producer_id(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<InitProducerIdRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let tid = body.transactional_id.as_ref().map(|t| t.to_string());
    let (cur_pid, cur_epoch) = if req.version >= 3 {
        (body.producer_id.0, body.producer_epoch)
    } else {
        (-1, -1)
    };
    let mut pid = (-1i64, -1i16);
    if err == e::NONE {
        match tid.as_deref() {
            None => {
                // Idempotent producer: a new id, or the same id with its
                // epoch bumped (KIP-360).
                pid = match st.producer_ids.get_mut(&cur_pid) {
                    Some(p)
                        if cur_pid >= 0 && p.transactional_id.is_none() && p.epoch == cur_epoch =>
                    {
                        p.epoch += 1;
                        (cur_pid, p.epoch)
                    }
                    _ => st.new_producer_id(None),
                };
            }
            Some("") => err = e::INVALID_REQUEST,
            Some(t) => {
                err = coordinator_error(st, COORD_TXN, t, req.broker);
                if err == e::NONE {
                    if let Some(existing) = st.txns.get(t).map(|x| (x.producer_id, x.epoch)) {
                        if cur_pid >= 0 && (cur_pid, cur_epoch) != existing {
                            err = e::INVALID_PRODUCER_EPOCH;
                        } else {
                            // Fence the previous incarnation: abort its open
                            // transaction and bump the epoch.
                            st.end_txn(t, false);
                            let p = st.producer_ids.get_mut(&existing.0).unwrap();
                            p.epoch += 1;
                            let ep = p.epoch;
                            let x = st.txns.get_mut(t).unwrap();
                            x.epoch = ep;
                            x.timeout_ms = body.transaction_timeout_ms;
                            pid = (existing.0, ep);
                        }
                    } else {
                        pid = st.new_producer_id(Some(t));
                        st.txns.insert(
                            t.to_string(),
                            Txn {
                                producer_id: pid.0,
                                epoch: pid.1,
                                ongoing: false,
                                partitions: Vec::new(),
                                offsets: Vec::new(),
                                timeout_ms: body.transaction_timeout_ms,
                                started: None,
                            },
                        );
                    }
                }
            }
        }
    }
    let resp = InitProducerIdResponse::default()
        .with_error_code(err)
        .with_producer_id(ProducerId(pid.0))
        .with_producer_epoch(pid.1);
    respond(req, &resp)
}

/// Mark a transaction as started.
fn begin(st: &mut State, tid: &str) {
    if let Some(t) = st.txns.get_mut(tid) {
        if !t.ongoing {
            t.ongoing = true;
            t.started = Some(Instant::now());
        }
    }
}

pub fn add_partitions_to_txn(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<AddPartitionsToTxnRequest>(req) else {
        return Reply::Close;
    };
    let mut all_err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let tid = body.v3_and_below_transactional_id.to_string();
    if all_err == e::NONE {
        all_err = coordinator_error(st, COORD_TXN, &tid, req.broker);
    }
    if all_err == e::NONE {
        all_err = st.check_producer(
            &tid,
            body.v3_and_below_producer_id.0,
            body.v3_and_below_producer_epoch,
        );
    }
    // Per-partition problems first: any makes the others not attempted.
    let mut errs: Vec<(String, Vec<(i32, i16)>)> = Vec::new();
    let mut any = false;
    for t in &body.v3_and_below_topics {
        let name = t.name.to_string();
        let topic = st.topic(&name);
        let ps = t
            .partitions
            .iter()
            .map(|&p| {
                let err = if all_err != e::NONE {
                    all_err
                } else {
                    match topic {
                        None => e::UNKNOWN_TOPIC_OR_PARTITION,
                        Some(x) if p < 0 || p as usize >= x.partitions.len() => {
                            e::UNKNOWN_TOPIC_OR_PARTITION
                        }
                        Some(x) => x.err,
                    }
                };
                any |= err != e::NONE;
                (p, err)
            })
            .collect();
        errs.push((name, ps));
    }
    if any && all_err == e::NONE {
        for (_, ps) in errs.iter_mut() {
            for (_, err) in ps.iter_mut() {
                if *err == e::NONE {
                    *err = OPERATION_NOT_ATTEMPTED;
                }
            }
        }
    } else if !any {
        begin(st, &tid);
        let txn = st.txns.get_mut(&tid).unwrap();
        for (name, ps) in &errs {
            for (p, _) in ps {
                if !txn
                    .partitions
                    .iter()
                    .any(|x| x.topic == *name && x.partition == *p)
                {
                    txn.partitions.push(TxnPartition {
                        topic: name.clone(),
                        partition: *p,
                        first_offset: -1,
                    });
                }
            }
        }
    }
    let results = errs
        .into_iter()
        .map(|(name, ps)| {
            AddPartitionsToTxnTopicResult::default()
                .with_name(TopicName(super::sb(&name)))
                .with_results_by_partition(
                    ps.into_iter()
                        .map(|(p, err)| {
                            AddPartitionsToTxnPartitionResult::default()
                                .with_partition_index(p)
                                .with_partition_error_code(err)
                        })
                        .collect(),
                )
        })
        .collect();
    respond(
        req,
        &AddPartitionsToTxnResponse::default().with_results_by_topic_v3_and_below(results),
    )
}

pub fn add_offsets_to_txn(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<AddOffsetsToTxnRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let tid = body.transactional_id.to_string();
    if err == e::NONE {
        err = coordinator_error(st, COORD_TXN, &tid, req.broker);
    }
    if err == e::NONE {
        err = st.check_producer(&tid, body.producer_id.0, body.producer_epoch);
    }
    if err == e::NONE {
        begin(st, &tid);
    }
    respond(
        req,
        &AddOffsetsToTxnResponse::default().with_error_code(err),
    )
}

pub fn txn_offset_commit(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<TxnOffsetCommitRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let tid = body.transactional_id.to_string();
    let group = body.group_id.to_string();
    if err == e::NONE {
        err = coordinator_error(st, COORD_GROUP, &group, req.broker);
    }
    if err == e::NONE {
        err = st.check_producer(&tid, body.producer_id.0, body.producer_epoch);
    }
    if err == e::NONE && !st.txns.get(&tid).is_some_and(|t| t.ongoing) {
        err = e::INVALID_TXN_STATE;
    }
    if err == e::NONE && req.version >= 3 && !body.member_id.is_empty() {
        if let Some(g) = st.classic_groups.get(&group) {
            err = g.check_commit(&body.member_id, body.generation_id);
        } else if let Some(g) = st.consumer_groups.get(&group) {
            err = g.check_commit(&body.member_id, body.generation_id);
        }
    }
    let mut topics = Vec::new();
    for t in &body.topics {
        let name = t.name.to_string();
        let mut parts = Vec::new();
        for p in &t.partitions {
            let mut perr = err;
            if perr == e::NONE && st.partition(&name, p.partition_index).is_none() {
                perr = e::UNKNOWN_TOPIC_OR_PARTITION;
            }
            if perr == e::NONE {
                let txn = st.txns.get_mut(&tid).unwrap();
                txn.offsets.retain(|o| {
                    !(o.group == group && o.topic == name && o.partition == p.partition_index)
                });
                txn.offsets.push(TxnOffset {
                    group: group.clone(),
                    topic: name.clone(),
                    partition: p.partition_index,
                    committed: Committed {
                        offset: p.committed_offset,
                        leader_epoch: p.committed_leader_epoch,
                        metadata: p.committed_metadata.as_ref().map(|m| m.to_string()),
                    },
                });
            }
            parts.push(
                TxnOffsetCommitResponsePartition::default()
                    .with_partition_index(p.partition_index)
                    .with_error_code(perr),
            );
        }
        topics.push(
            TxnOffsetCommitResponseTopic::default()
                .with_name(t.name.clone())
                .with_partitions(parts),
        );
    }
    respond(req, &TxnOffsetCommitResponse::default().with_topics(topics))
}

pub fn end_txn(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<EndTxnRequest>(req) else {
        return Reply::Close;
    };
    let mut err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let tid = body.transactional_id.to_string();
    if err == e::NONE {
        err = coordinator_error(st, COORD_TXN, &tid, req.broker);
    }
    if err == e::NONE {
        err = st.check_producer(&tid, body.producer_id.0, body.producer_epoch);
    }
    if err == e::NONE {
        // Ending a transaction that is not open is a no-op (a retry).
        st.end_txn(&tid, body.committed);
    }
    respond(req, &EndTxnResponse::default().with_error_code(err))
}
