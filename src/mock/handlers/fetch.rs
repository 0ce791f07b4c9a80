//! Fetch: read batches from partition logs, honouring max wait / min bytes
//! (the request is held until data arrives or the wait is over), the
//! isolation level (read_committed stops at the last stable offset and
//! lists the aborted transactions), preferred read replicas and leader
//! epochs.

use std::time::{Duration, Instant};

use bytes::{Bytes, BytesMut};
use kafka_protocol::messages::FetchRequest;

use super::{Ctx, Reply, Req, debug, decode, frame_raw, next_error};
use crate::mock::errors as e;
use crate::mock::server::Server;
use crate::mock::state::State;
use crate::protocol::{
    AbortedTransaction, FetchPartition, FetchResponse, FetchTopic, LeaderIdAndEpoch, NodeEndpoint,
    encode_fetch_response,
};

/// A Fetch request held until it can be answered.
pub struct ParkedFetch {
    pub req: Req,
    pub body: FetchRequest,
    pub all_err: i16,
    pub deadline: Instant,
    pub delay: Duration,
}

pub fn fetch(srv: &mut Server, req: &Req, ctx: &mut Ctx) -> Reply {
    let Some(body) = decode::<FetchRequest>(req) else {
        return Reply::Close;
    };
    let all_err = next_error(srv, req, ctx);
    let wait = Duration::from_millis(body.max_wait_ms.max(0) as u64);
    let pf = ParkedFetch {
        req: req.clone(),
        deadline: Instant::now() + wait,
        body,
        all_err,
        delay: ctx.delay,
    };
    let last = wait.is_zero() || ctx.close;
    match evaluate(&mut srv.st, req.broker, &pf, true, last) {
        Some(b) => Reply::Frame(b),
        None => {
            // The loop sends it with the delay recorded in the parked fetch.
            ctx.delay = Duration::ZERO;
            Reply::Fetch(Box::new(pf))
        }
    }
}

/// Build the response to a (possibly held) Fetch. Returns None when it
/// should keep waiting: no error, fewer than min bytes, and not `last`.
/// `first` is true on the request's first evaluation (injected partition
/// errors are consumed then).
pub fn evaluate(
    st: &mut State,
    broker: i32,
    pf: &ParkedFetch,
    first: bool,
    last: bool,
) -> Option<Bytes> {
    let req = &pf.req;
    let v = req.version;
    let body = &pf.body;
    let read_committed = v >= 4 && body.isolation_level == 1;
    let max_total = if body.max_bytes > 0 {
        body.max_bytes as usize
    } else {
        usize::MAX
    };
    let mut total = 0usize;
    let mut urgent = pf.all_err != e::NONE;
    let mut resp = FetchResponse {
        error_code: pf.all_err,
        session_id: 0,
        throttle_time_ms: st.broker(broker).map_or(0, |b| b.throttle_ms),
        ..Default::default()
    };
    let mut endpoints: Vec<NodeEndpoint> = Vec::new();
    for t in &body.topics {
        let tid = *t.topic_id.as_bytes();
        let name: Option<String> = if v >= 13 {
            st.topic_by_id(&tid).map(|x| x.name.clone())
        } else {
            Some(t.topic.to_string())
        };
        let mut ft = FetchTopic {
            name: if v >= 13 {
                String::new()
            } else {
                t.topic.to_string()
            },
            topic_id: tid,
            partitions: Vec::new(),
        };
        for p in &t.partitions {
            let mut fp = FetchPartition {
                partition_index: p.partition,
                records: Some(Bytes::new()),
                ..Default::default()
            };
            let mut err = pf.all_err;
            let lso_for;
            let part = name.as_deref().and_then(|n| st.partition(n, p.partition));
            if err == e::NONE {
                err = match (&name, part) {
                    (None, _) => e::UNKNOWN_TOPIC_ID,
                    (Some(_), None) => e::UNKNOWN_TOPIC_OR_PARTITION,
                    (Some(_), Some(pt)) => {
                        let on_follower = pt.follower_id == broker && pt.leader != Some(broker);
                        if pt.leader != Some(broker) && !on_follower {
                            e::NOT_LEADER_OR_FOLLOWER
                        } else if v >= 9 {
                            pt.check_epoch(p.current_leader_epoch)
                        } else {
                            e::NONE
                        }
                    }
                };
            }
            if err == e::NONE && first {
                let n = name.as_deref().unwrap();
                if let Some(inj) = st
                    .partition_mut(n, p.partition)
                    .and_then(|pt| pt.errors.pop(1))
                {
                    err = inj.err as i16;
                }
            }
            let part = name.as_deref().and_then(|n| st.partition(n, p.partition));
            if let (Some(n), Some(pt)) = (name.as_deref(), part) {
                let on_follower = pt.follower_id == broker && pt.leader != Some(broker);
                let (start, end) = if on_follower {
                    pt.follower_wmarks()
                } else {
                    (pt.log.start_offset, pt.log.end_offset)
                };
                let lso = st.lso(n, pt).min(end);
                lso_for = lso;
                fp.high_watermark = end;
                if v >= 4 {
                    fp.last_stable_offset = lso;
                }
                if v >= 5 {
                    fp.log_start_offset = start;
                }
                let preferred = v >= 11 && pt.leader == Some(broker) && pt.follower_id != -1;
                if preferred {
                    fp.preferred_read_replica = pt.follower_id;
                    urgent = true;
                }
                if err == e::NONE && !preferred {
                    let off = p.fetch_offset;
                    if off < start || off > end {
                        err = e::OFFSET_OUT_OF_RANGE;
                    } else {
                        let upper = if read_committed { lso } else { end };
                        let pmax = p.partition_max_bytes.max(0) as usize;
                        let mut data = BytesMut::new();
                        let mut last_off = -1;
                        if let Some(mut i) = pt.log.find(off) {
                            while i < pt.log.batches.len() {
                                let b = &pt.log.batches[i];
                                if b.first_offset >= upper {
                                    break;
                                }
                                let len = b.bytes.len();
                                let room_part = data.len() + len <= pmax;
                                let room_total = total + data.len() + len <= max_total;
                                // The first batch of the response always fits
                                // (KIP-74), so consumers never get stuck.
                                let first_of_response = total == 0 && data.is_empty();
                                if !first_of_response && !(room_part && room_total) {
                                    break;
                                }
                                data.extend_from_slice(&b.bytes);
                                last_off = b.last_offset;
                                i += 1;
                            }
                        }
                        if read_committed && !data.is_empty() {
                            let mut ab: Vec<AbortedTransaction> = pt
                                .log
                                .aborted
                                .iter()
                                .filter(|a| a.first_offset <= last_off && a.last_offset >= off)
                                .map(|a| AbortedTransaction {
                                    producer_id: a.producer_id,
                                    first_offset: a.first_offset,
                                })
                                .collect();
                            ab.sort_by_key(|a| a.first_offset);
                            fp.aborted_transactions = ab;
                        }
                        total += data.len();
                        fp.records = Some(data.freeze());
                    }
                }
                if err == e::NOT_LEADER_OR_FOLLOWER && v >= 12 {
                    let (lid, lep) = match st
                        .partition_mut(n, p.partition)
                        .and_then(|x| x.leader_responses.pop_front())
                    {
                        Some(l) => l,
                        None => {
                            let pt = st.partition(n, p.partition).unwrap();
                            (pt.leader.unwrap_or(-1), pt.leader_epoch)
                        }
                    };
                    fp.current_leader = Some(LeaderIdAndEpoch {
                        leader_id: lid,
                        leader_epoch: lep,
                    });
                    if v >= 16 && lid >= 0 && !endpoints.iter().any(|x| x.node_id == lid) {
                        if let Some(b) = st.broker(lid) {
                            endpoints.push(NodeEndpoint {
                                node_id: lid,
                                host: b.host.clone(),
                                port: b.port,
                                rack: b.rack.clone(),
                            });
                        }
                    }
                }
            } else {
                lso_for = -1;
            }
            let _ = lso_for;
            if err != e::NONE {
                urgent = true;
                fp.records = Some(Bytes::new());
            }
            fp.error_code = err;
            ft.partitions.push(fp);
        }
        resp.topics.push(ft);
    }
    resp.node_endpoints = endpoints;
    let min_bytes = body.min_bytes.max(1) as usize;
    if !last && !urgent && total < min_bytes {
        return None;
    }
    debug(&format!("fetch response: {total} bytes"));
    match encode_fetch_response(v, &resp) {
        Ok(b) => Some(frame_raw(req, &b)),
        Err(_) => Some(Bytes::new()),
    }
}
