//! Produce: append record batches to partition logs, with idempotent
//! sequence checks and transaction bookkeeping.

use super::{Ctx, Reply, Req, debug, frame_raw, next_error};
use crate::mock::errors as e;
use crate::mock::server::Server;
use crate::mock::state::{State, now_ms};
use crate::protocol::{
    BatchHeader, LeaderIdAndEpoch, NodeEndpoint, ProducePartitionResponse, ProduceRequestData,
    ProduceRequestTopic, ProduceResponse, ProduceTopicResponse, decode_produce_request,
    encode_produce_response,
};

/// Append one partition's records; returns (error, base offset).
fn append(
    st: &mut State,
    broker: i32,
    topic: &str,
    partition: i32,
    records: Option<&bytes::Bytes>,
    txn_id: Option<&str>,
) -> (i16, i64) {
    let Some(records) = records else {
        return (e::CORRUPT_MESSAGE, -1);
    };
    let hdr = if records.len() > 16 && records[16] == 2 {
        BatchHeader::parse(records).ok()
    } else {
        None
    };
    let transactional = hdr.as_ref().is_some_and(|h| h.is_transactional());
    if let (Some(h), true) = (&hdr, transactional) {
        let Some(tid) = txn_id.filter(|t| !t.is_empty()) else {
            return (e::INVALID_REQUEST, -1);
        };
        let err = st.check_producer(tid, h.producer_id, h.producer_epoch);
        if err != e::NONE {
            return (err, -1);
        }
        let in_txn = st.txns.get(tid).is_some_and(|t| {
            t.ongoing
                && t.partitions
                    .iter()
                    .any(|p| p.topic == topic && p.partition == partition)
        });
        if !in_txn {
            return (e::INVALID_TXN_STATE, -1);
        }
    }
    let Some(part) = st.partition_mut(topic, partition) else {
        return (e::UNKNOWN_TOPIC_OR_PARTITION, -1);
    };
    let le = part.leader_epoch;
    match part.log.append(records, le, now_ms()) {
        Ok(a) => {
            if a.duplicate {
                return (e::NONE, a.base_offset);
            }
            st.data_version += 1;
            if transactional {
                if let Some(t) = txn_id.and_then(|t| st.txns.get_mut(t)) {
                    if let Some(tp) = t
                        .partitions
                        .iter_mut()
                        .find(|p| p.topic == topic && p.partition == partition)
                    {
                        if tp.first_offset < 0 {
                            tp.first_offset = a.base_offset;
                        }
                    }
                }
            }
            let _ = broker;
            (e::NONE, a.base_offset)
        }
        Err(code) => (code, -1),
    }
}

/// "pid P seq S+N" of a v2 batch, for the debug log.
fn batch_summary(records: Option<&bytes::Bytes>) -> String {
    match records.filter(|r| r.len() > 16 && r[16] == 2).and_then(|r| BatchHeader::parse(r).ok()) {
        Some(h) => format!(
            "pid {} epoch {} seq {}+{}",
            h.producer_id, h.producer_epoch, h.base_sequence, h.record_count
        ),
        None => "legacy".to_string(),
    }
}

/// A partition named twice in one request: Kafka keeps the request's
/// partitions in a map, so the last entry replaces the earlier ones (which
/// are neither written nor answered). Does the same: one entry per
/// partition (where it first appeared, with the last entry's records), one
/// topic entry per topic. Returns how many entries were dropped.
fn keep_last_entry_per_partition(body: &mut ProduceRequestData) -> usize {
    let total: usize = body.topics.iter().map(|t| t.partitions.len()).sum();
    let mut seen = std::collections::HashSet::with_capacity(total);
    let repeated = body.topics.iter().any(|t| {
        t.partitions
            .iter()
            .any(|p| !seen.insert((t.name.as_str(), t.topic_id, p.partition)))
    });
    if !repeated {
        return 0;
    }
    let mut topics: Vec<ProduceRequestTopic> = Vec::with_capacity(body.topics.len());
    for t in std::mem::take(&mut body.topics) {
        let idx = match topics.iter().position(|x| x.name == t.name && x.topic_id == t.topic_id) {
            Some(i) => i,
            None => {
                topics.push(ProduceRequestTopic {
                    name: t.name.clone(),
                    topic_id: t.topic_id,
                    partitions: Vec::new(),
                });
                topics.len() - 1
            }
        };
        let parts = &mut topics[idx].partitions;
        for p in t.partitions {
            match parts.iter_mut().find(|x| x.partition == p.partition) {
                Some(x) => *x = p,
                None => parts.push(p),
            }
        }
    }
    body.topics = topics;
    total - body.topics.iter().map(|t| t.partitions.len()).sum::<usize>()
}

pub fn produce(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let v = req.version;
    let Ok(mut body) = decode_produce_request(v, &req.body) else {
        return Reply::Close;
    };
    let dropped = keep_last_entry_per_partition(&mut body);
    if dropped > 0 {
        debug(&format!("produce: {dropped} earlier entries of repeated partitions ignored, as by Kafka"));
    }
    let all_err = next_error(srv, req, ctx);
    let st = &mut srv.st;
    let mut resp = ProduceResponse::default();
    let mut endpoints: Vec<NodeEndpoint> = Vec::new();
    for t in &body.topics {
        let name = if v >= 13 {
            st.topic_by_id(&t.topic_id).map(|x| x.name.clone())
        } else {
            if st.topic(&t.name).is_none() && st.settings.auto_create_topics && all_err == e::NONE {
                let _ = st.topic_get_or_create(&t.name, -1);
            }
            Some(t.name.clone())
        };
        let mut tr = ProduceTopicResponse {
            name: t.name.clone(),
            topic_id: t.topic_id,
            partitions: Vec::new(),
        };
        for p in &t.partitions {
            let mut pr = ProducePartitionResponse {
                partition_index: p.partition,
                ..Default::default()
            };
            let part = name.as_deref().and_then(|n| st.partition(n, p.partition));
            let mut err = all_err;
            if err == e::NONE {
                err = match part {
                    None if v >= 13 && name.is_none() => e::UNKNOWN_TOPIC_ID,
                    None => e::UNKNOWN_TOPIC_OR_PARTITION,
                    Some(pt) if pt.leader != Some(req.broker) => e::NOT_LEADER_OR_FOLLOWER,
                    Some(_) => e::NONE,
                };
            }
            if err == e::NOT_LEADER_OR_FOLLOWER && v >= 10 {
                if let Some(pt) = part {
                    if let Some(l) = pt.leader {
                        pr.current_leader = Some(LeaderIdAndEpoch {
                            leader_id: l,
                            leader_epoch: pt.leader_epoch,
                        });
                        if !endpoints.iter().any(|n| n.node_id == l) {
                            if let Some(b) = st.broker(l) {
                                endpoints.push(NodeEndpoint {
                                    node_id: l,
                                    host: b.host.clone(),
                                    port: b.port,
                                    rack: b.rack.clone(),
                                });
                            }
                        }
                    }
                }
            }
            if err == e::NONE {
                let n = name.as_deref().unwrap();
                if let Some(pt) = st.partition_mut(n, p.partition) {
                    if let Some(inj) = pt.errors.pop(req.api_key) {
                        err = inj.err as i16;
                    }
                }
            }
            if err == e::NONE {
                let n = name.clone().unwrap();
                let (code, base) = append(
                    st,
                    req.broker,
                    &n,
                    p.partition,
                    p.records.as_ref(),
                    body.transactional_id.as_deref(),
                );
                err = code;
                if code == e::NONE {
                    pr.base_offset = base;
                    if v >= 5 {
                        pr.log_start_offset = st
                            .partition(&n, p.partition)
                            .map_or(-1, |x| x.log.start_offset);
                    }
                }
            }
            debug(&format!(
                "produce {}[{}] broker {} {} -> err {err} offset {}",
                t.name,
                p.partition,
                req.broker,
                batch_summary(p.records.as_ref()),
                pr.base_offset
            ));
            pr.error_code = err;
            tr.partitions.push(pr);
        }
        resp.topics.push(tr);
    }
    resp.node_endpoints = endpoints;
    if v >= 1 {
        resp.throttle_time_ms = st.broker(req.broker).map_or(0, |b| b.throttle_ms);
    }
    if body.acks == 0 {
        return Reply::Nothing;
    }
    match encode_produce_response(v, &resp) {
        Ok(b) => Reply::Frame(frame_raw(req, &b)),
        Err(_) => Reply::Close,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::ProduceRequestPartition;

    fn part(partition: i32, tag: &'static [u8]) -> ProduceRequestPartition {
        ProduceRequestPartition {
            partition,
            records: Some(bytes::Bytes::from_static(tag)),
        }
    }

    fn topic(name: &str, parts: Vec<ProduceRequestPartition>) -> ProduceRequestTopic {
        ProduceRequestTopic {
            name: name.to_string(),
            topic_id: [0; 16],
            partitions: parts,
        }
    }

    #[test]
    fn repeated_partition_keeps_the_last_entry() {
        let mut body = ProduceRequestData {
            transactional_id: None,
            acks: -1,
            timeout_ms: 1000,
            topics: vec![
                topic("a", vec![part(0, b"a0-1"), part(1, b"a1"), part(0, b"a0-2")]),
                topic("b", vec![part(0, b"b0")]),
                topic("a", vec![part(0, b"a0-3"), part(2, b"a2")]),
            ],
        };
        assert_eq!(keep_last_entry_per_partition(&mut body), 2);
        let got: Vec<(String, Vec<(i32, Vec<u8>)>)> = body
            .topics
            .iter()
            .map(|t| {
                (
                    t.name.clone(),
                    t.partitions
                        .iter()
                        .map(|p| (p.partition, p.records.as_ref().unwrap().to_vec()))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "a".to_string(),
                    vec![(0, b"a0-3".to_vec()), (1, b"a1".to_vec()), (2, b"a2".to_vec())]
                ),
                ("b".to_string(), vec![(0, b"b0".to_vec())]),
            ]
        );
        // Nothing repeated: untouched.
        let mut body2 = ProduceRequestData {
            transactional_id: None,
            acks: 1,
            timeout_ms: 1000,
            topics: vec![topic("x", vec![part(0, b"x0"), part(1, b"x1")])],
        };
        let before = body2.clone();
        assert_eq!(keep_last_entry_per_partition(&mut body2), 0);
        assert_eq!(body2, before);
    }
}
