//! The consumer operations the C boundary (`abi::consumer`) calls: running
//! work on the loop's consumer state and waiting for the answer, and the
//! decisions those calls make on the consumer's state (the rebalance
//! protocol in use, the default rebalance, closing, commits, stored offsets,
//! positions, seeks, the legacy consumer's partitions, offset lookups).
//!
//! The C functions keep the argument and handle checks, the conversions to
//! and from C values and the application's callbacks: where a call must
//! serve events on the application's thread (closing), it is given the
//! function that serves them.

use super::cloop::{CommitReply, ConsumerLoop};
use super::{ConsumerShared, Item};
use crate::engine::core::{Command, Core};
use crate::engine::instance::Instance;
use crate::engine::queue::{EventObj, Queue};
use crate::error::KafkaError;
use crate::objects::tpl::TopicPartition;
use crate::objects::types::*;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// How long a call into the loop waits for its answer.
pub const LOOP_CALL: Duration = Duration::from_secs(30);

/// Runs `f` with the loop's consumer state and returns its result; None if
/// the loop is gone or did not answer within `timeout`.
pub fn call<T: Send + 'static>(inst: &Instance, timeout: Duration, f: impl FnOnce(&mut ConsumerLoop, &mut Core) -> T + Send + 'static) -> Option<T> {
    let (tx, rx) = crossbeam_channel::bounded(1);
    let sent = inst.command(Command::Run(Box::new(move |core| {
        core.consumer_do(Box::new(move |c, core| {
            let _ = tx.send(f(c, core));
        }));
    })));
    if !sent {
        return None;
    }
    rx.recv_timeout(timeout).ok()
}

/// Like [`call`] for work that answers later through the channel it is
/// given; waits up to `timeout` for that answer.
pub fn call_async<T: Send + 'static>(
    inst: &Instance,
    timeout: Option<Duration>,
    f: impl FnOnce(&mut ConsumerLoop, &mut Core, crossbeam_channel::Sender<T>) + Send + 'static,
) -> Option<T> {
    let (tx, rx) = crossbeam_channel::bounded(1);
    let sent = inst.command(Command::Run(Box::new(move |core| {
        core.consumer_do(Box::new(move |c, core| f(c, core, tx)));
    })));
    if !sent {
        return None;
    }
    match timeout {
        Some(t) => rx.recv_timeout(t).ok(),
        None => rx.recv().ok(),
    }
}

/// Runs `f` on the event loop with the core only (any client type); waits
/// up to `timeout` for the answer it sends.
pub fn core_call<T: Send + 'static>(
    inst: &Instance,
    timeout: Option<Duration>,
    f: impl FnOnce(&mut Core, crossbeam_channel::Sender<T>) + Send + 'static,
) -> Option<T> {
    let (tx, rx) = crossbeam_channel::bounded(1);
    if !inst.command(Command::Run(Box::new(move |core| f(core, tx)))) {
        return None;
    }
    match timeout {
        Some(t) => rx.recv_timeout(t).ok(),
        None => rx.recv().ok(),
    }
}

// ----------------------------------------------------------------------
// Rebalances and closing
// ----------------------------------------------------------------------

/// The rebalance protocol in use: "COOPERATIVE", "EAGER", or "NONE" (not
/// in a group yet, or the loop did not answer).
pub fn rebalance_protocol_name(inst: &Instance) -> &'static str {
    call(inst, LOOP_CALL, |c, _core| {
        if c.group.protocol == super::GroupProtocol::Consumer {
            // KIP-848 rebalances are always incremental.
            "COOPERATIVE"
        } else if c.group.protocol_name.is_none() && c.assignment.is_empty() {
            "NONE"
        } else if c.group.rebalance_protocol == crate::engine::assignor::RebalanceProtocol::Cooperative {
            "COOPERATIVE"
        } else {
            "EAGER"
        }
    })
    .unwrap_or("NONE")
}

/// What a REBALANCE event does when the application has no rebalance_cb:
/// assign what is assigned (`err` _ASSIGN_PARTITIONS), unassign what is
/// revoked, incrementally under the cooperative protocol.
pub fn default_rebalance(inst: &Instance, err: rd_kafka_resp_err_t, parts: Vec<TopicPartition>) {
    let cooperative = rebalance_protocol_name(inst) == "COOPERATIVE";
    let assign = err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS;
    let _ = call(inst, LOOP_CALL, move |c, core| match (cooperative, assign) {
        (true, true) => drop(c.incremental_assign(core, parts)),
        (true, false) => drop(c.incremental_unassign(core, parts)),
        (false, true) => drop(c.assign(core, parts)),
        (false, false) => drop(c.assign(core, Vec::new())),
    });
}

/// Starts closing the consumer; `done` is signalled when it is closed.
pub fn start_close(inst: &Arc<Instance>) -> Option<crossbeam_channel::Receiver<()>> {
    let (tx, rx) = crossbeam_channel::bounded(1);
    let sent = inst.command(Command::Run(Box::new(move |core| {
        core.consumer_do(Box::new(move |c, core| super::group::close(c, core, tx)));
    })));
    sent.then_some(rx)
}

/// The blocking close (rd_kafka_consumer_close(), rd_kafka_destroy()): the
/// events of the consumer queue (the rebalance) are handed to `serve` on
/// the calling thread until the loop is done; messages that arrive
/// meanwhile are dropped unseen (the final commit must not cover them);
/// then the commit events of the final commit are served.
pub fn close_blocking(inst: &Arc<Instance>, shared: &Arc<ConsumerShared>, serve: &mut dyn FnMut(EventObj)) {
    if shared.closed.load(Ordering::Acquire) {
        return;
    }
    if shared.closing.swap(true, Ordering::AcqRel) {
        // A close through a queue is under way: the application serves
        // that queue; wait for the close to finish.
        let deadline = Instant::now() + Duration::from_secs(60);
        while !shared.closed.load(Ordering::Acquire) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(5));
        }
        return;
    }
    let Some(done) = start_close(inst) else {
        shared.closed.store(true, Ordering::Release);
        return;
    };
    // Serve the consumer queue (the rebalance callback) until done; drop
    // messages that arrive meanwhile, unseen: the final commit must not
    // cover them.
    let q = inst.consumer_q.clone();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if done.try_recv().is_ok() || Instant::now() >= deadline {
            break;
        }
        shared.polled();
        if let Ok(ev) = super::pop_event_dropping_messages(&q, Some(Duration::from_millis(10))) {
            if !(ev.ev_type == RD_KAFKA_EVENT_ERROR && ev.consumer_err) {
                serve(ev);
            }
        }
    }
    shared.closed.store(true, Ordering::Release);
    // Commit callbacks of the final commit.
    while let Ok(Item::Event(ev)) = super::pop_item(&q, Some(Duration::ZERO)) {
        if ev.ev_type == RD_KAFKA_EVENT_OFFSET_COMMIT {
            serve(ev);
        }
    }
}

/// The close without blocking (rd_kafka_consumer_close_queue()): the
/// consumer queue is forwarded to `q`, which the application serves, and a
/// helper thread marks the consumer closed when the loop is done. A close
/// already under way goes on and ends it.
pub fn close_to_queue(inst: &Arc<Instance>, shared: &Arc<ConsumerShared>, q: Arc<Queue>) {
    if shared.closing.swap(true, Ordering::AcqRel) {
        // Already closing: that close goes on and ends it.
        return;
    }
    inst.consumer_q.forward_to(Some(q));
    let Some(done) = start_close(inst) else {
        shared.closed.store(true, Ordering::Release);
        return;
    };
    let shared2 = shared.clone();
    // A helper thread flips the closed flag when the loop is done.
    let spawned = std::thread::Builder::new().name("rdk:close".into()).spawn(move || {
        let _ = done.recv_timeout(Duration::from_secs(300));
        shared2.closed.store(true, Ordering::Release);
    });
    if spawned.is_err() {
        shared.closed.store(true, Ordering::Release);
    }
}

// ----------------------------------------------------------------------
// Assignment, commits and offsets
// ----------------------------------------------------------------------

/// The current assignment, each partition with the offset it was assigned
/// at (INVALID: the committed offset).
pub fn assignment(c: &ConsumerLoop) -> Vec<TopicPartition> {
    c.assignment
        .keys()
        .map(|k| {
            let mut t = TopicPartition::new(k.0.clone(), k.1);
            t.offset = c.assigned_offsets.get(k).copied().unwrap_or(RD_KAFKA_OFFSET_INVALID);
            t
        })
        .collect::<Vec<_>>()
}

/// Starts a manual commit of `offsets` (None: the stored offsets of the
/// assignment), answered through `reply`; false if the loop is gone.
pub fn commit(inst: &Arc<Instance>, offsets: Option<Vec<TopicPartition>>, reply: CommitReply) -> bool {
    inst.command(Command::Run(Box::new(move |core| {
        core.consumer_do(Box::new(move |c, core| c.commit(core, offsets, "manual commit", reply, false)));
    })))
}

/// A manual commit that waits for its outcome and the committed list.
pub fn commit_sync(inst: &Arc<Instance>, offsets: Option<Vec<TopicPartition>>) -> (rd_kafka_resp_err_t, Vec<TopicPartition>) {
    let (tx, rx) = crossbeam_channel::bounded(1);
    if !commit(inst, offsets, CommitReply::Sync(tx)) {
        return (RD_KAFKA_RESP_ERR__DESTROY, Vec::new());
    }
    rx.recv().unwrap_or((RD_KAFKA_RESP_ERR__DESTROY, Vec::new()))
}

/// Stores an offset for the next commit of a partition: _STATE if the
/// partition is neither assigned nor consumed with the legacy consumer,
/// _UNKNOWN_PARTITION if it was never seen.
pub fn store_offset(shared: &ConsumerShared, topic: &str, partition: i32, offset: i64, epoch: i32, metadata: Option<Vec<u8>>) -> rd_kafka_resp_err_t {
    match shared.toppar(topic, partition) {
        Some(tp) if tp.assigned.load(Ordering::Acquire) || tp.legacy.load(Ordering::Acquire) => {
            tp.store(offset, epoch, metadata);
            RD_KAFKA_RESP_ERR_NO_ERROR
        }
        Some(_) => RD_KAFKA_RESP_ERR__STATE,
        None => RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION,
    }
}

/// The application's position in `parts`: the offset (and leader epoch)
/// of the next message it will get. Any client may ask (librdkafka answers
/// a producer too): partitions it does not consume are _UNKNOWN_PARTITION.
pub fn positions(inst: &Instance, parts: Vec<TopicPartition>) -> Vec<TopicPartition> {
    let shared = inst.consumer.clone();
    parts
        .into_iter()
        .map(|mut t| {
            match shared.as_ref().and_then(|s| s.toppar(&t.topic, t.partition)) {
                Some(tp) => {
                    t.offset = tp.app_offset.load(Ordering::Acquire);
                    t.leader_epoch = tp.app_epoch.load(Ordering::Acquire);
                    t.err = RD_KAFKA_RESP_ERR_NO_ERROR;
                }
                None => {
                    t.offset = RD_KAFKA_OFFSET_INVALID;
                    t.err = RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION;
                }
            }
            t
        })
        .collect()
}

/// Seeks each partition of `list` to its offset and leader epoch; each
/// comes back with its error (_UNKNOWN_PARTITION if not consumed).
pub fn seek_partitions(c: &mut ConsumerLoop, core: &mut Core, list: Vec<TopicPartition>) -> Vec<TopicPartition> {
    list.into_iter()
        .map(|mut t| {
            let k = (t.topic.clone(), t.partition);
            t.err = if c.seek(core, &k, t.offset, t.leader_epoch) { 0 } else { RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION };
            t
        })
        .collect::<Vec<_>>()
}

// ----------------------------------------------------------------------
// Watermarks and offsets for times
// ----------------------------------------------------------------------

/// Sends ListOffsets for `parts` (partition, timestamp or logical offset)
/// to their leaders, looking leaders up first if needed; one answer with
/// every partition's result.
pub fn list_offsets(inst: &Arc<Instance>, parts: Vec<((String, i32), i64)>, timeout: Duration) -> Result<Vec<TopicPartition>, KafkaError> {
    let deadline = Instant::now() + timeout;
    let mut topics: Vec<String> = parts.iter().map(|((t, _), _)| t.clone()).collect();
    topics.sort();
    topics.dedup();
    // Leaders must be known: look them up first if not.
    let t2 = topics.clone();
    let known = core_call(inst, Some(LOOP_CALL), move |core, tx| {
        let _ = tx.send(t2.iter().all(|t| core.metadata.topic(t).is_some_and(|tm| tm.partitions.iter().all(|p| p.leader >= 0))));
    })
    .unwrap_or(false);
    if !known {
        crate::engine::api::query(inst, Some(topics), false, timeout)?;
    }
    let left = deadline.saturating_duration_since(Instant::now()).max(Duration::from_millis(1));
    // Any client can ask (a producer too, as kcat -Q does); a consumer's
    // isolation.level applies, read_committed (the default) otherwise.
    let read_committed = inst.consumer.as_ref().is_none_or(|c| c.cfg.read_committed);
    let r = core_call(inst, Some(left + Duration::from_millis(200)), move |core, tx| {
        let mut by_leader: std::collections::BTreeMap<i32, Vec<((String, i32), i64)>> = Default::default();
        let mut results = Vec::new();
        for (k, ts) in parts {
            let leader = core.metadata.leader(&k.0, k.1);
            if leader < 0 || core.slot_of(leader).is_none() {
                let mut t = TopicPartition::new(k.0.clone(), k.1);
                t.err = if core.metadata.topic(&k.0).is_some() { RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE } else { RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION };
                results.push(t);
                continue;
            }
            by_leader.entry(leader).or_default().push((k, ts));
        }
        if by_leader.is_empty() {
            let _ = tx.send(Ok(results));
            return;
        }
        let pending = Arc::new(parking_lot::Mutex::new((by_leader.len(), results, Some(tx))));
        for (leader, list) in by_leader {
            let slot = core.slot_of(leader).unwrap();
            let pending = pending.clone();
            let req = super::cloop::list_offsets_request(list.clone(), read_committed, left, move |_core, r| {
                let mut p = pending.lock();
                match r {
                    Ok(v) => p.1.extend(v),
                    Err(e) => {
                        // The call's timeout is the request's: a request
                        // still queued then is the call timing out, which
                        // librdkafka reports as _TIMED_OUT.
                        let code = if e.code == RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE { RD_KAFKA_RESP_ERR__TIMED_OUT } else { e.code };
                        for (k, _) in &list {
                            let mut t = TopicPartition::new(k.0.clone(), k.1);
                            t.err = code;
                            p.1.push(t);
                        }
                    }
                }
                p.0 -= 1;
                if p.0 == 0 {
                    let res = std::mem::take(&mut p.1);
                    if let Some(tx) = p.2.take() {
                        let _ = tx.send(Ok(res));
                    }
                }
            });
            core.send_to(slot, req);
        }
    });
    r.unwrap_or_else(|| Err(KafkaError::from_code(RD_KAFKA_RESP_ERR__TIMED_OUT)))
}

/// The low and high watermarks of a partition, asked from its leader
/// (rd_kafka_query_watermark_offsets()): the first error of the two
/// lookups, _UNKNOWN_PARTITION when one had no answer.
pub fn query_watermarks(inst: &Arc<Instance>, topic: String, partition: i32, timeout: Duration) -> Result<(i64, i64), rd_kafka_resp_err_t> {
    let k = (topic, partition);
    let parts = vec![(k.clone(), RD_KAFKA_OFFSET_BEGINNING), (k.clone(), RD_KAFKA_OFFSET_END)];
    // Two lookups of one partition: ask separately to tell them apart.
    let lo = list_offsets(inst, vec![parts[0].clone()], timeout);
    let hi = list_offsets(inst, vec![parts[1].clone()], timeout);
    match (lo, hi) {
        (Ok(lo), Ok(hi)) => {
            let (Some(l), Some(h)) = (lo.first(), hi.first()) else { return Err(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION) };
            if l.err != 0 {
                return Err(l.err);
            }
            if h.err != 0 {
                return Err(h.err);
            }
            Ok((l.offset, h.offset))
        }
        (Err(e), _) | (_, Err(e)) => Err(e.code),
    }
}

// ----------------------------------------------------------------------
// The legacy (simple) consumer
// ----------------------------------------------------------------------

/// Starts consuming one partition with the legacy consumer at `offset`,
/// its messages going to `q` (None: the partition's own queue). Started
/// again, it restarts at the new offset; a partition of the group's
/// assignment is _CONFLICT.
pub fn legacy_start(c: &mut ConsumerLoop, core: &mut Core, topic: String, partition: i32, offset: i64, q: Option<Arc<Queue>>) -> Result<(), rd_kafka_resp_err_t> {
    let tp = c.toppar(core, &topic, partition);
    if c.parts.contains_key(&(topic.clone(), partition)) {
        // Started again (librdkafka accepts it): restart at the new
        // offset; partitions of the group's assignment are not ours.
        if !tp.legacy.load(Ordering::Acquire) {
            return Err(RD_KAFKA_RESP_ERR__CONFLICT);
        }
        super::purge_partition(&tp.fetchq, &tp);
    }
    tp.legacy.store(true, Ordering::Release);
    tp.fetchq.forward_to(q);
    c.start_fetch(core, &tp, offset, -1);
    Ok(())
}

/// Stops consuming a partition of the legacy consumer; its messages not
/// read yet are dropped. False only for a partition never seen.
pub fn legacy_stop(c: &mut ConsumerLoop, core: &mut Core, k: (String, i32)) -> bool {
    let Some(tp) = c.shared.toppar(&k.0, k.1) else { return false };
    // Stopping a partition already stopped succeeds (as in
    // librdkafka); only a partition never seen fails.
    if !tp.legacy.swap(false, Ordering::AcqRel) {
        return true;
    }
    c.stop_fetch(core, &k);
    tp.fetchq.forward_to(None);
    super::purge_partition(&tp.fetchq, &tp);
    true
}

/// The queue a legacy partition's messages are read from (None if the
/// partition is not consumed with the legacy consumer).
pub fn legacy_queue(inst: &Instance, topic: &str, partition: i32) -> Option<Arc<Queue>> {
    let tp = inst.consumer.as_ref()?.toppar(topic, partition)?;
    if !tp.legacy.load(Ordering::Acquire) {
        return None;
    }
    Some(tp.fetchq.clone())
}
