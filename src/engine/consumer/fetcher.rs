//! Fetching: one Fetch request in flight per broker at a time, carrying
//! every partition this broker leads (or is the preferred read replica
//! for) that may fetch; incremental fetch sessions (KIP-227) where the
//! broker offers them; decoding of the returned records into messages for
//! the partitions' queues.

use super::cloop::{leader_error, partition_error_event, ConsumerLoop, FetchState, TpKey};
use super::{Fetched, FetchedBatch};
use crate::engine::queue::{EventObj, EventPayload};
use crate::objects::message::{Consumed, MsgBuf};
use crate::objects::types::*;
use crate::engine::broker::OutRequest;
use crate::engine::core::Core;
use crate::engine::queue::Queue;
use crate::error::KafkaError;
use crate::protocol::record_batch::{ControlRecordType, TimestampType};
use crate::protocol::record_set::{AbortedTransactions, Batch, DecodeOptions, Records};
use crate::protocol::{self, fetch::FetchPartition};
use kafka_protocol::messages::fetch_request::{FetchPartition as ReqPartition, FetchRequest, FetchTopic, ForgottenTopic};
use kafka_protocol::messages::BrokerId;
use kafka_protocol::protocol::StrBytes;
use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Highest Fetch version used (topic names, not ids).
const FETCH_MAX_VERSION: i16 = 12;
const ERR_FETCH_SESSION_ID_NOT_FOUND: i32 = 70;
const ERR_INVALID_FETCH_SESSION_EPOCH: i32 = 71;

/// What a fetch session holds for a partition (what the broker knows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SessPart {
    offset: i64,
    epoch: i32,
    max_bytes: i32,
}

/// A KIP-227 fetch session with one broker.
#[derive(Default)]
struct Session {
    id: i32,
    epoch: i32,
    parts: BTreeMap<TpKey, SessPart>,
}

/// Fetch state per broker.
#[derive(Default)]
pub struct Fetcher {
    sessions: HashMap<i32, Session>,
    inflight: HashSet<i32>,
    /// Counters for statistics.
    pub fetch_requests: u64,
    pub rx_msgs: u64,
    pub rx_bytes: u64,
}

impl Fetcher {
    /// Forgets the session with a broker (connection lost, errors).
    pub fn reset_session(&mut self, broker: i32) {
        self.sessions.remove(&broker);
    }
}

/// Sends Fetch requests to brokers that have fetchable partitions and no
/// fetch in flight.
pub fn service(c: &mut ConsumerLoop, core: &mut Core) {
    super::validate::check_leader_epochs(c, core);
    let now = Instant::now();
    let mut by_broker: BTreeMap<i32, Vec<TpKey>> = BTreeMap::new();
    let mut need_md = Vec::new();
    let dbg = c.debug_on(core, "fetch");
    let mut dbg_msgs = Vec::new();
    for (k, pf) in c.parts.iter_mut() {
        if pf.state != FetchState::Active || pf.inflight || pf.tp.paused.load(Ordering::Acquire) {
            continue;
        }
        if pf.backoff_until.is_some_and(|t| t > now) {
            continue;
        }
        if !c.shared.below_limits(&pf.tp) {
            pf.tp.fetch_blocked.store(true, Ordering::Release);
            // Re-check: the application may have drained it meanwhile.
            if !c.shared.below_limits(&pf.tp) {
                continue;
            }
            pf.tp.fetch_blocked.store(false, Ordering::Release);
        }
        let leader = pf.preferred_replica.unwrap_or_else(|| core.metadata.leader(&k.0, k.1));
        if leader < 0 || core.slot_of(leader).is_none() {
            if dbg {
                dbg_msgs.push(format!("{} [{}]: leader {} is not known yet: asking for metadata", k.0, k.1, leader));
            }
            need_md.push(k.0.clone());
            continue;
        }
        by_broker.entry(leader).or_default().push(k.clone());
    }
    for msg in dbg_msgs {
        c.debug(core, "fetch", "FETCHLEADER", &msg);
    }
    for t in need_md {
        core.want_topic_metadata(&t);
    }
    for (bid, keys) in by_broker {
        if c.fetcher.inflight.contains(&bid) {
            continue;
        }
        let Some(slot) = core.slot_of(bid) else { continue };
        if !core.brokers[slot].is_up() {
            core.want_broker(slot);
            continue;
        }
        send_fetch(c, core, bid, slot, keys);
    }
}

fn send_fetch(c: &mut ConsumerLoop, core: &mut Core, bid: i32, slot: usize, keys: Vec<TpKey>) {
    let dbg = c.debug_on(core, "fetch");
    let cfg = &c.shared.cfg;
    let max_bytes = cfg.max_partition_fetch_bytes;
    // The fetch set as the broker will know it after this request.
    let mut next: BTreeMap<TpKey, SessPart> = BTreeMap::new();
    let mut versions: HashMap<TpKey, (u64, i64)> = HashMap::new();
    for k in &keys {
        let pf = c.parts.get_mut(k).unwrap();
        let epoch = core.metadata.topic(&k.0).and_then(|t| t.partitions.iter().find(|p| p.id == k.1)).map_or(-1, |p| p.leader_epoch);
        let max_bytes = if pf.fetch_size > 0 { pf.fetch_size } else { max_bytes };
        next.insert(k.clone(), SessPart { offset: pf.offset, epoch, max_bytes });
        versions.insert(k.clone(), (pf.version, pf.offset));
        pf.inflight = true;
    }
    let sess = c.fetcher.sessions.entry(bid).or_default();
    let full = sess.id == 0;
    let (send, forgotten): (Vec<(TpKey, SessPart)>, Vec<TpKey>) = if full {
        (next.iter().map(|(k, v)| (k.clone(), *v)).collect(), Vec::new())
    } else {
        let changed = next.iter().filter(|(k, v)| sess.parts.get(*k) != Some(*v)).map(|(k, v)| (k.clone(), *v)).collect();
        let gone = sess.parts.keys().filter(|k| !next.contains_key(*k)).cloned().collect();
        (changed, gone)
    };
    let (session_id, session_epoch) = (sess.id, sess.epoch);
    if dbg {
        let list: Vec<String> = send.iter().map(|((t, p), sp)| format!("{t} [{p}] at offset {}", sp.offset)).collect();
        let msg = format!("Fetch from broker {bid} ({} session {session_id} epoch {session_epoch}): {} partition(s) {}", if full { "full" } else { "incremental" }, send.len(), list.join(", "));
        core.inst.debug(crate::engine::instance::debug_bit("fetch"), "fetch", "FETCH", &msg);
    }
    sess.parts = next;
    c.fetcher.inflight.insert(bid);
    c.fetcher.fetch_requests += 1;
    let wait = cfg.fetch_wait_max.as_millis() as i32;
    let (min_bytes, total_max) = (cfg.fetch_min_bytes, cfg.fetch_max_bytes);
    let isolation = if cfg.read_committed { 1 } else { 0 };
    let rack = cfg.client_rack.clone().unwrap_or_default();
    let build = move |v: i16| {
        let mut topics: BTreeMap<&str, Vec<ReqPartition>> = BTreeMap::new();
        for ((t, p), sp) in &send {
            topics.entry(t.as_str()).or_default().push(
                ReqPartition::default()
                    .with_partition(*p)
                    .with_current_leader_epoch(if v >= 9 { sp.epoch } else { -1 })
                    .with_fetch_offset(sp.offset)
                    .with_last_fetched_epoch(-1)
                    .with_log_start_offset(-1)
                    .with_partition_max_bytes(sp.max_bytes),
            );
        }
        let mut forgot: BTreeMap<&str, Vec<i32>> = BTreeMap::new();
        for (t, p) in &forgotten {
            forgot.entry(t.as_str()).or_default().push(*p);
        }
        let mut r = FetchRequest::default()
            .with_replica_id(BrokerId(-1))
            .with_max_wait_ms(wait)
            .with_min_bytes(min_bytes)
            .with_max_bytes(total_max)
            .with_isolation_level(isolation)
            .with_topics(topics.into_iter().map(|(t, ps)| FetchTopic::default().with_topic(super::cloop::tname(t)).with_partitions(ps)).collect());
        if v >= 7 {
            // Brokers without sessions get a sessionless full fetch.
            r = r
                .with_session_id(session_id)
                .with_session_epoch(session_epoch)
                .with_forgotten_topics_data(
                    forgot.into_iter().map(|(t, ps)| ForgottenTopic::default().with_topic(super::cloop::tname(t)).with_partitions(ps)).collect(),
                );
        }
        if v >= 11 {
            r = r.with_rack_id(StrBytes::from_string(rack.clone()));
        }
        r
    };
    let client_id = core.cfg.client_id.clone();
    let _ = client_id;
    let timeout = core.cfg.socket_timeout + c.shared.cfg.fetch_wait_max;
    let encode = move |v: i16, corr: i32, cid: &str| -> Result<Vec<bytes::Bytes>, crate::engine::wire::WireError> {
        Ok(vec![crate::engine::wire::encode_request(&build(v), v, corr, cid)?])
    };
    let handler = move |core: &mut Core, r: Result<crate::engine::broker::Response, KafkaError>| {
        let decoded = r.and_then(|resp| {
            let mut frame = resp.frame;
            let size = frame.len() + 4;
            protocol::decode_response_header(protocol::keys::FETCH, resp.version, &mut frame)
                .and_then(|_| protocol::fetch::decode_fetch_response(resp.version, &frame))
                .map(|f| (f, resp.broker))
                .map_err(|e| {
                    // Not a record problem: the response itself cannot be
                    // read, the connection is closed and made again.
                    core.protocol_error(resp.broker, protocol::keys::FETCH, resp.version, size, &e.to_string());
                    KafkaError::new(RD_KAFKA_RESP_ERR__BAD_MSG, e.to_string())
                })
        });
        core.consumer_do(Box::new(move |c, core| on_fetch_response(c, core, bid, full, versions, decoded)));
    };
    let req = OutRequest {
        api_key: protocol::keys::FETCH,
        min_version: 4,
        max_version: FETCH_MAX_VERSION,
        encode: Box::new(encode),
        handler: Box::new(handler),
        timeout,
        enqueued: Instant::now(),
        expect_response: true,
    };
    core.send_to(slot, req);
}

fn on_fetch_response(
    c: &mut ConsumerLoop,
    core: &mut Core,
    bid: i32,
    was_full: bool,
    asked: HashMap<TpKey, (u64, i64)>,
    r: Result<(protocol::fetch::FetchResponse, usize), KafkaError>,
) {
    c.fetcher.inflight.remove(&bid);
    for k in asked.keys() {
        if let Some(pf) = c.parts.get_mut(k) {
            pf.inflight = false;
        }
    }
    let backoff = c.shared.cfg.fetch_error_backoff;
    let (resp, slot) = match r {
        Ok(x) => x,
        Err(e) => {
            c.fetcher.reset_session(bid);
            if e.code != RD_KAFKA_RESP_ERR__PURGE_INFLIGHT {
                c.debug(core, "fetch", "FETCHERR", &format!("Fetch from broker {bid} failed: {}", e.message));
                // An answer that could not be decoded (the connection is
                // closed for it, and that error is reported once while it
                // repeats): each partition it was for gets an error too,
                // once per attempt, as for undecodable records.
                let undecodable = e.code == RD_KAFKA_RESP_ERR__BAD_MSG;
                let mut out = Vec::new();
                for (k, &(version, offset)) in &asked {
                    if let Some(pf) = c.parts.get_mut(k) {
                        pf.backoff_until = Some(Instant::now() + backoff);
                        pf.preferred_replica = None;
                        if undecodable && pf.version == version && pf.state == FetchState::Active && pf.offset == offset {
                            let msg = format!("{} [{}]: Fetch response from broker {bid} could not be decoded: {}", k.0, k.1, e.message);
                            out.push((pf.tp.fetchq.clone(), partition_error_event(&pf.tp, version, RD_KAFKA_RESP_ERR__BAD_MSG, offset, &msg, bid)));
                        }
                    }
                }
                Queue::push_all(out);
                if leader_error(e.code) {
                    core.refresh_metadata_soon();
                }
            }
            return;
        }
    };
    core.throttled(slot, resp.throttle_time_ms);
    let top = resp.error_code as i32;
    if top == ERR_FETCH_SESSION_ID_NOT_FOUND || top == ERR_INVALID_FETCH_SESSION_EPOCH {
        c.debug(core, "fetch", "FETCHSESS", &format!("Fetch session with broker {bid} reset: {}", crate::error::describe(top)));
        c.fetcher.reset_session(bid);
        return;
    }
    if top != 0 {
        c.fetcher.reset_session(bid);
        for k in asked.keys() {
            if let Some(pf) = c.parts.get_mut(k) {
                pf.backoff_until = Some(Instant::now() + backoff);
            }
        }
        return;
    }
    if let Some(sess) = c.fetcher.sessions.get_mut(&bid) {
        if resp.session_id == 0 {
            // The broker keeps no session: every fetch is a full one.
            sess.id = 0;
            sess.epoch = 0;
            sess.parts.clear();
        } else {
            sess.epoch = if was_full || sess.id != resp.session_id { 1 } else { sess.epoch.wrapping_add(1).max(1) };
            sess.id = resp.session_id;
        }
    }
    let opts = DecodeOptions { check_crcs: c.shared.cfg.check_crcs, max_decompressed: c.shared.cfg.receive_max.max(1 << 20) * 4 };
    let mut refresh = false;
    // What this response brings for the application, enqueued at the end
    // in one go: one wake-up per response rather than one per partition.
    let mut out: Vec<(Arc<Queue>, EventObj)> = Vec::new();
    for t in resp.topics {
        for p in t.partitions {
            let k = (t.name.clone(), p.partition_index);
            let Some(&(version, offset)) = asked.get(&k) else { continue };
            let Some(pf) = c.parts.get_mut(&k) else { continue };
            if pf.version != version || pf.state != FetchState::Active || pf.offset != offset {
                // Seeked, paused or restarted meanwhile: outdated.
                if let Some(sess) = c.fetcher.sessions.get_mut(&bid) {
                    sess.parts.remove(&k);
                }
                continue;
            }
            if c.debug_on(core, "fetch") {
                let msg = format!(
                    "Fetch topic {} [{}] at offset {}: MessageSet size {}, error \"{}\", HighWatermark {}",
                    k.0, k.1, offset, p.records.as_ref().map_or(0, |r| r.len()), crate::error::describe(p.error_code as i32), p.high_watermark
                );
                c.debug(core, "fetch", "FETCH", &msg);
            }
            if handle_partition(c, core, bid, &k, p, opts, &mut out) {
                refresh = true;
            }
        }
    }
    Queue::push_all(out);
    if refresh {
        core.refresh_metadata_soon();
    }
}

/// The error code a consumer gets for records that cannot be decoded:
/// librdkafka's for codec problems (_BAD_COMPRESSION, _NOT_IMPLEMENTED),
/// _BAD_MSG for the rest (a record cut short is a bad message, not the
/// application's read underflow).
fn record_error_code(e: &protocol::ProtocolError) -> rd_kafka_resp_err_t {
    match e.rd_kafka_code() {
        RD_KAFKA_RESP_ERR__UNDERFLOW => RD_KAFKA_RESP_ERR__BAD_MSG,
        code => code,
    }
}

/// Handles one partition of a Fetch response; true if metadata should be
/// refreshed.
fn handle_partition(
    c: &mut ConsumerLoop,
    core: &mut Core,
    bid: i32,
    k: &TpKey,
    p: FetchPartition,
    opts: DecodeOptions,
    out: &mut Vec<(Arc<Queue>, EventObj)>,
) -> bool {
    let err = p.error_code as i32;
    let backoff = c.shared.cfg.fetch_error_backoff;
    let pf = c.parts.get_mut(k).unwrap();
    let tp = pf.tp.clone();
    if p.high_watermark >= 0 {
        tp.hi_offset.store(p.high_watermark, Ordering::Release);
    }
    if p.log_start_offset >= 0 {
        tp.lo_offset.store(p.log_start_offset, Ordering::Release);
    }
    if p.last_stable_offset >= 0 {
        tp.ls_offset.store(p.last_stable_offset, Ordering::Release);
    }
    if err != 0 {
        let from_follower = pf.preferred_replica.is_some();
        pf.preferred_replica = None;
        if let Some(sess) = c.fetcher.sessions.get_mut(&bid) {
            sess.parts.remove(k);
        }
        match err {
            RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE if !from_follower => {
                c.offset_out_of_range(core, k, bid);
                return false;
            }
            e if leader_error(e) || from_follower => {
                let msg = format!("{} [{}]: fetch failed: {}: looking up the leader again", k.0, k.1, crate::error::describe(e));
                c.debug(core, "fetch", "FETCHERR", &msg);
                c.parts.get_mut(k).unwrap().backoff_until = Some(Instant::now() + backoff.min(Duration::from_millis(500)));
                return true;
            }
            e => {
                let pf = c.parts.get_mut(k).unwrap();
                pf.backoff_until = Some(Instant::now() + backoff);
                let msg = format!("{} [{}]: Fetch failed at offset {}: {}", k.0, k.1, pf.offset, crate::error::describe(e));
                let (version, offset) = (pf.version, pf.offset);
                out.push((tp.fetchq.clone(), partition_error_event(&tp, version, e, offset, &msg, bid)));
                return false;
            }
        }
    }
    // KIP-392: fetch from a replica in our rack from now on.
    if p.preferred_read_replica >= 0 && p.preferred_read_replica != bid && core.slot_of(p.preferred_read_replica).is_some() {
        pf.preferred_replica = Some(p.preferred_read_replica);
        if let Some(sess) = c.fetcher.sessions.get_mut(&bid) {
            sess.parts.remove(k);
        }
    }
    let version = pf.version;
    let mut next = pf.offset;
    let mut msgs: VecDeque<Fetched> = c.shared.take_deque();
    let mut segs = Vec::new();
    let mut last_epoch = -1;
    let mut aborted = if c.shared.cfg.read_committed && !p.aborted_transactions.is_empty() {
        Some(AbortedTransactions::new(&p.aborted_transactions))
    } else {
        None
    };
    let rkt = tp.rkt as *mut rd_kafka_topic_t;
    let mut bytes_rx = 0usize;
    // Key and value bytes of the messages handed on (statistics).
    let mut payload_bytes = 0usize;
    let mut reader = p.record_set(opts);
    let records_len = p.records.as_ref().map_or(0, |r| r.len());
    // The first thing that cannot be decoded stops this partition's
    // processing: what came before it is delivered, the position stays at
    // it, the application gets one error, and the partition is fetched
    // again after fetch.error.backoff.ms (a corruption on the way heals,
    // a lasting one is reported once per backoff; seeking past it is the
    // application's choice). Skipping the batch would lose its messages.
    let mut failure: Option<(rd_kafka_resp_err_t, String)> = None;
    let mut complete_batches = 0usize;
    'batches: loop {
        let batch = match reader.next_batch() {
            Ok(Some(b)) => b,
            Ok(None) => break,
            Err(e) => {
                failure = Some((record_error_code(&e), format!("{} [{}]: corrupt record batch at offset {}: {e}", k.0, k.1, next)));
                break;
            }
        };
        complete_batches += 1;
        bytes_rx += batch.wire_size();
        let last = batch.last_offset();
        if last < next {
            continue;
        }
        if batch.is_control() {
            // Transaction markers: end aborted transactions, never shown.
            if let (Some(ab), Batch::V2(b)) = (aborted.as_mut(), &batch) {
                if let Ok(mut recs) = b.records(opts.max_decompressed) {
                    if let Some(Ok(r)) = recs.next() {
                        if matches!(r.control_type(), Ok(Some(ControlRecordType::Abort))) {
                            ab.on_abort_marker(batch.producer_id(), r.offset);
                        }
                    }
                }
            }
            next = last + 1;
            continue;
        }
        if aborted.as_ref().is_some_and(|ab| ab.is_aborted(&batch)) {
            next = last + 1;
            continue;
        }
        let leader_epoch = batch.partition_leader_epoch();
        let leader_epoch = if leader_epoch >= 0 { leader_epoch } else { -1 };
        let records = match batch.records(&opts) {
            Ok(r) => r,
            Err(e) => {
                let msg = format!("{} [{}]: cannot decode the record batch at offset {}: {e}", k.0, k.1, batch.base_offset().max(next));
                failure = Some((record_error_code(&e), msg));
                break;
            }
        };
        match records {
            // v2: the records stay where they are; the application's thread
            // makes messages of them (see Fetched).
            Records::V2(mut v2) => {
                let seg = segs.len() as u32;
                let mut used = false;
                let mut bad = None;
                while let Some(r) = v2.next_span() {
                    let span = match r {
                        Ok(span) => span,
                        Err(e) => {
                            bad = Some(e);
                            break;
                        }
                    };
                    if span.offset < next {
                        continue;
                    }
                    next = span.offset + 1;
                    used = true;
                    payload_bytes += span.key.as_ref().map_or(0, |r| r.len()) + span.value.as_ref().map_or(0, |r| r.len());
                    last_epoch = leader_epoch;
                    msgs.push_back(Fetched::Span { seg, leader_epoch, span });
                }
                if used {
                    segs.push(v2.data().clone());
                }
                if let Some(e) = bad {
                    let msg = format!("{} [{}]: bad record at offset {}: {e}", k.0, k.1, next);
                    failure = Some((RD_KAFKA_RESP_ERR__BAD_MSG, msg));
                    break 'batches;
                }
            }
            Records::List(list) => {
                for r in list {
                    if r.offset < next {
                        continue;
                    }
                    let tstype = match r.timestamp_type {
                        TimestampType::CreateTime => RD_KAFKA_TIMESTAMP_CREATE_TIME,
                        TimestampType::LogAppendTime => RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME,
                        TimestampType::NotAvailable => RD_KAFKA_TIMESTAMP_NOT_AVAILABLE,
                    };
                    let raw_headers = if r.headers.count() > 0 { MsgBuf::Bytes(r.headers.raw().clone()) } else { MsgBuf::Null };
                    next = r.offset + 1;
                    last_epoch = leader_epoch;
                    payload_bytes += r.key.as_ref().map_or(0, |b| b.len()) + r.value.as_ref().map_or(0, |b| b.len());
                    msgs.push_back(Fetched::Record(Box::new(Consumed {
                        rkt,
                        partition: k.1,
                        offset: r.offset,
                        key: r.key.map_or(MsgBuf::Null, MsgBuf::Bytes),
                        payload: r.value.map_or(MsgBuf::Null, MsgBuf::Bytes),
                        raw_headers,
                        timestamp: r.timestamp,
                        tstype,
                        broker_id: bid,
                        leader_epoch,
                        delivery_count: 0,
                    })));
                }
            }
        }
        // Compacted or filtered batches still move the position past them.
        next = next.max(last + 1);
    }
    // Records, but not one whole batch: the next batch is larger than what
    // was asked for. A broker sends the first batch whole even beyond the
    // partition's limit only for the first partition of a response, so the
    // limit grows (as librdkafka's does) up to fetch.max.bytes; a batch
    // announcing more than that can never be fetched: it is reported.
    let mut grow_to = None;
    if failure.is_none() && complete_batches == 0 && reader.has_partial_tail() && records_len > 0 {
        let pf = c.parts.get(k).unwrap();
        let asked = pf.fetch_size.max(c.shared.cfg.max_partition_fetch_bytes);
        let limit = c.shared.cfg.fetch_max_bytes.max(c.shared.cfg.max_partition_fetch_bytes);
        let need = p.records.as_ref().and_then(|r| r.get(8..12)).map_or(0, |b| i32::from_be_bytes([b[0], b[1], b[2], b[3]]) as i64 + 12);
        if asked < limit && need <= limit as i64 {
            grow_to = Some(asked.saturating_mul(2).min(limit).max(need.clamp(0, limit as i64) as i32));
        } else {
            let msg = format!(
                "{} [{}]: the record batch at offset {next} (announcing {need} bytes) is incomplete in the {records_len} bytes received at the largest fetch size ({limit} bytes)",
                k.0, k.1
            );
            failure = Some((RD_KAFKA_RESP_ERR__BAD_MSG, msg));
        }
    }
    let pf = c.parts.get_mut(k).unwrap();
    if next > pf.offset {
        // Progress: back to the configured fetch size.
        pf.fetch_size = 0;
    }
    pf.offset = next;
    if last_epoch >= 0 {
        pf.epoch = last_epoch;
    }
    if let Some(size) = grow_to {
        pf.fetch_size = size;
    }
    if failure.is_some() {
        pf.backoff_until = Some(Instant::now() + backoff);
    }
    let eof_due = failure.is_none() && pf.eof_at != next;
    c.fetcher.rx_msgs += msgs.len() as u64;
    tp.rx_msgs.fetch_add(msgs.len() as u64, Ordering::Relaxed);
    tp.rx_bytes.fetch_add(payload_bytes as u64, Ordering::Relaxed);
    c.fetcher.rx_bytes += bytes_rx as u64;
    let hwm = if c.shared.cfg.read_committed && p.last_stable_offset >= 0 { p.last_stable_offset } else { p.high_watermark };
    if !msgs.is_empty() {
        let b = FetchedBatch::new(tp.clone(), version, msgs, segs, bid);
        out.push((tp.fetchq.clone(), EventObj::new(RD_KAFKA_EVENT_FETCH, EventPayload::Fetched(b))));
    } else {
        c.shared.give_back_deque(msgs);
    }
    // The messages before a failure first, then its error.
    if let Some((err, msg)) = failure {
        c.debug(core, "fetch", "BACKOFF", &format!("{msg}: fetch backoff for {}ms", backoff.as_millis()));
        out.push((tp.fetchq.clone(), partition_error_event(&tp, version, err, next, &msg, bid)));
    }
    if let Some(size) = grow_to {
        let msg = format!("{} [{}]: the next record batch is larger than the bytes fetched: fetching up to {size} bytes", k.0, k.1);
        c.debug(core, "fetch", "FETCHSIZE", &msg);
    }
    // End of partition: reported once per offset reached.
    if c.shared.cfg.enable_partition_eof && hwm >= 0 && next >= hwm && eof_due {
        c.parts.get_mut(k).unwrap().eof_at = next;
        let msg = format!("Fetch from broker {bid} reached end of partition at offset {next} (HighwaterMark {})", p.high_watermark);
        out.push((tp.fetchq.clone(), partition_error_event(&tp, version, RD_KAFKA_RESP_ERR__PARTITION_EOF, next, &msg, bid)));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{Compression, ProtocolError};

    #[test]
    fn record_errors_are_reported_with_librdkafka_codes() {
        let codec = ProtocolError::Compression { codec: Compression::Gzip, message: "bad".into() };
        assert_eq!(record_error_code(&codec), RD_KAFKA_RESP_ERR__BAD_COMPRESSION);
        assert_eq!(record_error_code(&ProtocolError::UnsupportedCodec(7)), RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED);
        let crc = ProtocolError::Checksum { offset: 0, stored: 1, computed: 2 };
        assert_eq!(record_error_code(&crc), RD_KAFKA_RESP_ERR__BAD_MSG);
        // A record cut short is a bad message for the consumer.
        assert_eq!(record_error_code(&ProtocolError::Truncated { what: "record" }), RD_KAFKA_RESP_ERR__BAD_MSG);
    }
}
