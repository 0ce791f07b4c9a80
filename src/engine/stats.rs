//! The statistics document emitted every `statistics.interval.ms`, with the
//! structure and field names of librdkafka's STATISTICS.md. Fields of
//! features not active in an instance are present with zero values.

use super::broker::{Broker, Window};
use super::core::Core;
use super::instance::ClientKind;
use serde_json::{json, Map, Value};
use std::time::{SystemTime, UNIX_EPOCH};

/// Request names as librdkafka prints them in the `req` object (and in
/// protocol error messages).
pub fn api_name(key: i16) -> String {
    match key {
        18 => "ApiVersion".to_string(),
        k => match kafka_protocol::messages::ApiKey::try_from(k) {
            Ok(a) => format!("{a:?}"),
            Err(_) => format!("Unknown-{k}"),
        },
    }
}

fn window(w: &Window) -> Value {
    let avg = if w.cnt > 0 { w.sum / w.cnt } else { 0 };
    let stddev = if w.cnt > 1 {
        let mean = w.sum as f64 / w.cnt as f64;
        let var = w.values.iter().map(|v| (*v as f64 - mean).powi(2)).sum::<f64>() / w.values.len().max(1) as f64;
        var.sqrt() as i64
    } else {
        0
    };
    json!({
        "min": w.min, "max": w.max, "avg": avg, "sum": w.sum, "cnt": w.cnt,
        "stddev": stddev, "hdrsize": 0, "outofrange": 0,
        "p50": w.percentile(50.0), "p75": w.percentile(75.0), "p90": w.percentile(90.0),
        "p95": w.percentile(95.0), "p99": w.percentile(99.0), "p99_99": w.percentile(99.99),
    })
}

fn broker_json(b: &Broker, now_us: i64) -> Value {
    let mut req = Map::new();
    for k in 0..=90i16 {
        if kafka_protocol::messages::ApiKey::try_from(k).is_ok() {
            req.insert(api_name(k), json!(b.stats.req_counts.get(&k).copied().unwrap_or(0)));
        }
    }
    let _ = now_us;
    json!({
        "name": b.name,
        "nodeid": b.id,
        "nodename": format!("{}:{}", if b.host.contains(':') { format!("[{}]", b.host) } else { b.host.clone() }, b.port),
        "source": if b.logical { "logical" } else if b.id < 0 { "configured" } else { "learned" },
        "state": b.state.name(),
        "stateage": b.state_since.elapsed().as_micros() as i64,
        "outbuf_cnt": b.waiting.len(),
        "outbuf_msg_cnt": 0,
        "waitresp_cnt": b.inflight.len(),
        "waitresp_msg_cnt": 0,
        "tx": b.stats.tx,
        "txbytes": b.stats.tx_bytes,
        "txerrs": b.stats.tx_errs,
        "txretries": b.stats.tx_retries,
        "txidle": -1,
        "req_timeouts": b.stats.req_timeouts,
        "rx": b.stats.rx,
        "rxbytes": b.stats.rx_bytes,
        "rxerrs": b.stats.rx_errs,
        "rxcorriderrs": b.stats.rx_corrid_errs,
        "rxpartial": 0,
        "rxidle": -1,
        "zbuf_grow": 0,
        "buf_grow": 0,
        "wakeups": 0,
        "connects": b.stats.connects,
        "disconnects": b.stats.disconnects,
        "int_latency": window(&b.stats.int_latency),
        "outbuf_latency": window(&b.stats.outbuf_latency),
        "rtt": window(&b.stats.rtt),
        "throttle": window(&b.stats.throttle),
        "req": req,
        "toppars": {},
    })
}

/// Renders the statistics JSON of an instance.
pub fn render(core: &Core) -> String {
    let inst = &core.inst;
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
    let age_us = core.started.elapsed().as_micros() as i64;
    let mut brokers = Map::new();
    let (mut tx, mut txb, mut rx, mut rxb) = (0u64, 0u64, 0u64, 0u64);
    for b in core.brokers.iter().filter(|b| !b.decommissioned) {
        tx += b.stats.tx;
        txb += b.stats.tx_bytes;
        rx += b.stats.rx;
        rxb += b.stats.rx_bytes;
        brokers.insert(b.name.clone(), broker_json(b, age_us));
    }
    let mut topics = Map::new();
    let empty = super::produce_loop::TopicStats::default();
    for (name, (t, updated)) in &core.metadata.topics {
        let ts = core.producer.as_ref().and_then(|p| p.stats.get(name)).unwrap_or(&empty);
        let queues = core.producer_partition_stats(name);
        let mut parts = Map::new();
        for p in &t.partitions {
            let mut pj = partition_json(p.id, p.leader, p.leader_epoch);
            let (txmsgs, txbytes) = ts.parts.get(&p.id).copied().unwrap_or((0, 0));
            let (qcnt, qbytes, inflight) = queues.get(&p.id).copied().unwrap_or((0, 0, 0));
            let o = pj.as_object_mut().unwrap();
            o.insert("msgq_cnt".into(), json!(qcnt));
            o.insert("msgq_bytes".into(), json!(qbytes));
            o.insert("msgs_inflight".into(), json!(inflight));
            o.insert("txmsgs".into(), json!(txmsgs));
            o.insert("txbytes".into(), json!(txbytes));
            o.insert("msgs".into(), json!(txmsgs + qcnt as u64));
            if let Some(c) = core.consumer.as_ref() {
                consumer_partition(c, name, p.id, o);
            }
            parts.insert(p.id.to_string(), pj);
        }
        parts.insert("-1".to_string(), partition_json(-1, -1, -1));
        topics.insert(
            name.clone(),
            json!({
                "topic": name,
                "age": updated.elapsed().as_micros() as i64,
                "metadata_age": updated.elapsed().as_millis() as i64,
                "batchsize": window(&ts.batchsize),
                "batchcnt": window(&ts.batchcnt),
                "partitions": parts,
            }),
        );
    }
    let client_id = &core.cfg.client_id;
    let mut doc = json!({
        "name": inst.name_str(),
        "client_id": client_id,
        "type": inst.kind.name(),
        "ts": age_us,
        "time": now.as_secs(),
        "age": age_us,
        "replyq": inst.main_q.len(),
        "msg_cnt": inst.producer.as_ref().map_or(0, |p| p.queued_msgs()),
        "msg_size": inst.producer.as_ref().map_or(0, |p| p.queued_bytes()),
        "msg_max": inst.producer.as_ref().map_or(0, |p| p.cfg.max_messages),
        "msg_size_max": inst.producer.as_ref().map_or(0, |p| p.cfg.max_bytes),
        "simple_cnt": 0,
        "metadata_cache_cnt": core.metadata.topics.len(),
        "brokers": brokers,
        "topics": topics,
        "tx": tx,
        "tx_bytes": txb,
        "rx": rx,
        "rx_bytes": rxb,
        "txmsgs": inst.producer.as_ref().map_or(0, |p| p.tx_msgs.load(std::sync::atomic::Ordering::Relaxed)),
        "txmsg_bytes": inst.producer.as_ref().map_or(0, |p| p.tx_msg_bytes.load(std::sync::atomic::Ordering::Relaxed)),
        "rxmsgs": core.consumer.as_ref().map_or(0, |c| c.fetcher.rx_msgs),
        "rxmsg_bytes": core.consumer.as_ref().map_or(0, |c| c.fetcher.rx_bytes),
    });
    let obj = doc.as_object_mut().unwrap();
    match inst.kind {
        ClientKind::Consumer => {
            let cg = core.consumer.as_ref().map(|c| {
                let state = if c.coord.id >= 0 { "up" } else if c.shared.cfg.group_id.is_some() { "query-coord" } else { "init" };
                json!({
                    "state": state, "stateage": 0, "join_state": c.group.join_state(), "rebalance_age": 0,
                    "rebalance_cnt": c.rebalance_cnt, "rebalance_reason": c.last_rebalance_reason,
                    "assignment_size": c.assignment.len(),
                })
            });
            obj.insert(
                "cgrp".into(),
                cg.unwrap_or_else(|| json!({
                    "state": "init", "stateage": 0, "join_state": "init", "rebalance_age": 0,
                    "rebalance_cnt": 0, "rebalance_reason": "", "assignment_size": 0,
                })),
            );
        }
        ClientKind::Producer => {
            let (state, pid, epoch) = core.producer_idemp_state();
            obj.insert(
                "eos".into(),
                json!({
                    "idemp_state": state, "idemp_stateage": 0, "txn_state": "Init", "txn_stateage": 0,
                    "txn_may_enq": false, "producer_id": pid, "producer_epoch": epoch, "epoch_cnt": 0,
                }),
            );
        }
    }
    doc.to_string()
}

/// The consumer fields of a partition's statistics.
fn consumer_partition(c: &super::consumer::cloop::ConsumerLoop, topic: &str, id: i32, o: &mut Map<String, Value>) {
    use std::sync::atomic::Ordering::Acquire;
    let Some(tp) = c.shared.toppar(topic, id) else { return };
    let key = (topic.to_string(), id);
    let pf = c.parts.get(&key);
    let state = match pf.map(|p| p.state) {
        Some(super::consumer::cloop::FetchState::Active) => "active",
        Some(super::consumer::cloop::FetchState::NeedOffset(_)) => "offset-query",
        Some(super::consumer::cloop::FetchState::Resolving) => "offset-wait",
        Some(super::consumer::cloop::FetchState::Stopped) => "stopped",
        Some(super::consumer::cloop::FetchState::Validating) => "validate-epoch-wait",
        None => "none",
    };
    let hi = tp.hi_offset.load(Acquire);
    let ls = tp.ls_offset.load(Acquire);
    let end = if c.shared.cfg.read_committed && ls >= 0 { ls } else { hi };
    let committed = tp.committed.lock().offset;
    let stored = tp.stored_now().offset;
    let lag = |o: i64| if end >= 0 && o >= 0 { (end - o).max(0) } else { -1 };
    o.insert("desired".into(), json!(c.assignment.contains_key(&key) || pf.is_some()));
    o.insert("fetchq_cnt".into(), json!(tp.queued_msgs.load(Acquire)));
    o.insert("fetchq_size".into(), json!(tp.queued_bytes.load(Acquire)));
    o.insert("fetch_state".into(), json!(state));
    o.insert("next_offset".into(), json!(pf.map_or(0, |p| p.offset)));
    o.insert("app_offset".into(), json!(tp.app_offset.load(Acquire)));
    o.insert("stored_offset".into(), json!(stored));
    o.insert("committed_offset".into(), json!(committed));
    o.insert("eof_offset".into(), json!(pf.map_or(-1001, |p| if p.eof_at >= 0 { p.eof_at } else { -1001 })));
    o.insert("lo_offset".into(), json!(tp.lo_offset.load(Acquire)));
    o.insert("hi_offset".into(), json!(hi));
    o.insert("ls_offset".into(), json!(ls));
    o.insert("consumer_lag".into(), json!(lag(committed)));
    o.insert("consumer_lag_stored".into(), json!(lag(stored)));
    // A consumer's msgs is its rxmsgs (librdkafka's legacy field).
    let rx = tp.rx_msgs.load(Acquire);
    o.insert("rxmsgs".into(), json!(rx));
    o.insert("rxbytes".into(), json!(tp.rx_bytes.load(Acquire)));
    o.insert("msgs".into(), json!(rx));
}

fn partition_json(id: i32, leader: i32, leader_epoch: i32) -> Value {
    json!({
        "partition": id, "broker": leader, "leader": leader, "desired": false, "unknown": false,
        "msgq_cnt": 0, "msgq_bytes": 0, "xmit_msgq_cnt": 0, "xmit_msgq_bytes": 0,
        "fetchq_cnt": 0, "fetchq_size": 0, "fetch_state": "none",
        "query_offset": -1001, "next_offset": 0, "app_offset": -1001, "stored_offset": -1001,
        "stored_leader_epoch": -1, "committed_offset": -1001, "committed_leader_epoch": -1,
        "eof_offset": -1001, "lo_offset": -1, "hi_offset": -1, "ls_offset": -1,
        "consumer_lag": -1, "consumer_lag_stored": -1, "leader_epoch": leader_epoch,
        "txmsgs": 0, "txbytes": 0, "rxmsgs": 0, "rxbytes": 0, "msgs": 0,
        "rx_ver_drops": 0, "msgs_inflight": 0, "next_ack_seq": 0, "next_err_seq": 0, "acked_msgid": 0,
    })
}
