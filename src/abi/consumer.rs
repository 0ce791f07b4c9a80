//! The consumer API: subscriptions, assignments, consuming, offsets.
//!
//! These functions convert and validate; the event loop
//! ([`crate::engine::consumer`]) does the work. Calls that need the loop's
//! state send it a closure and wait for the answer
//! ([`crate::engine::consumer::api`], which also holds the decisions made
//! on the consumer's state); this file keeps serving the application's
//! callbacks (rebalance, offset commit, consume) and the conversions to
//! messages and events.

use super::client::{instance, serve_event, timeout_of};
use crate::engine::queue::{EventObj, EventPayload};
use crate::objects::message::MessageObj;
use super::queue::QueueHandle;
use crate::objects::tpl::{self, TopicPartition};
use crate::objects::types::*;
use crate::objects::util::{cstr, set_last_error};
use crate::engine::consumer::api::{self, call, call_async, LOOP_CALL};
use crate::engine::consumer::cloop::CommitReply;
use crate::engine::consumer::{self as cons, ConsumerShared, Item};
use crate::engine::instance::Instance;
use crate::engine::queue::Queue;
use crate::error::KafkaError;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// Consumer group state names, indexed by rd_kafka_consumer_group_state_t.
static GROUP_STATE_NAMES: [&std::ffi::CStr; 6] =
    [c"Unknown", c"PreparingRebalance", c"CompletingRebalance", c"Stable", c"Dead", c"Empty"];
/// Consumer group type names, indexed by rd_kafka_consumer_group_type_t.
static GROUP_TYPE_NAMES: [&std::ffi::CStr; 3] = [c"Unknown", c"Consumer", c"Classic"];
use libc::{size_t, ssize_t};
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;

// ----------------------------------------------------------------------
// Helpers
// ----------------------------------------------------------------------

/// The consumer state of a client handle (None for producers and NULL).
unsafe fn consumer_of<'a>(rk: *const rd_kafka_t) -> Option<(&'a Arc<Instance>, Arc<ConsumerShared>)> {
    // SAFETY: caller contract for handles.
    let inst = unsafe { instance(rk) }?;
    let c = inst.consumer.clone()?;
    Some((inst, c))
}

/// The consumer state of a group consumer: a consumer with a group.id, as
/// librdkafka's group calls need. Producers and consumers without a group
/// get _UNKNOWN_GROUP, as in librdkafka; a NULL handle _INVALID_ARG.
unsafe fn group_consumer_of<'a>(rk: *const rd_kafka_t) -> Result<(&'a Arc<Instance>, Arc<ConsumerShared>), rd_kafka_resp_err_t> {
    // SAFETY: caller contract for handles.
    let Some(inst) = (unsafe { instance(rk) }) else { return Err(RD_KAFKA_RESP_ERR__INVALID_ARG) };
    match inst.consumer.clone() {
        Some(c) if c.cfg.group_id.is_some() => Ok((inst, c)),
        _ => Err(RD_KAFKA_RESP_ERR__UNKNOWN_GROUP),
    }
}

/// [`group_consumer_of`] for calls that a closed consumer answers with
/// _DESTROY (subscribing, committing, reading the subscription or the
/// assignment), as librdkafka's do once its group handle is terminated.
unsafe fn open_group_consumer_of<'a>(rk: *const rd_kafka_t) -> Result<(&'a Arc<Instance>, Arc<ConsumerShared>), rd_kafka_resp_err_t> {
    // SAFETY: forwarded contract.
    let (inst, c) = unsafe { group_consumer_of(rk) }?;
    if c.closed.load(Ordering::Acquire) {
        return Err(RD_KAFKA_RESP_ERR__DESTROY);
    }
    Ok((inst, c))
}

fn topic_name(rkt: *const rd_kafka_topic_t) -> Option<String> {
    // SAFETY: caller passes a live topic handle or NULL.
    unsafe { crate::engine::topic::TopicState::from_ptr(rkt) }.map(|t| t.name.to_string_lossy().into_owned())
}

/// The instance that owns a topic handle.
fn topic_instance(rkt: *const rd_kafka_topic_t) -> Option<(Arc<Instance>, String)> {
    // SAFETY: caller passes a live topic handle or NULL.
    let t = unsafe { crate::engine::topic::TopicState::from_ptr(rkt) }?;
    Some((t.inst.upgrade()?, t.name.to_string_lossy().into_owned()))
}

/// The event a queue poll hands out for a consumed message: FETCH, or
/// ERROR for a consumer error (the message stays readable with
/// rd_kafka_event_message_next()).
pub fn message_event(m: Box<MessageObj>) -> EventObj {
    let err = m.msg.err;
    if err != RD_KAFKA_RESP_ERR_NO_ERROR {
        let text = m.payload().map(|p| String::from_utf8_lossy(p).into_owned()).unwrap_or_default();
        let mut ev = EventObj::error(err, &text, false);
        ev.payload = EventPayload::Messages { msgs: vec![m.into_raw()], next: 0 };
        return ev;
    }
    EventObj::new(RD_KAFKA_EVENT_FETCH, EventPayload::Messages { msgs: vec![m.into_raw()], next: 0 })
}

/// A consumer error event as a message (rd_kafka_consumer_poll()).
fn error_message(ev: &EventObj) -> Box<MessageObj> {
    let text = ev.errstr.to_string_lossy().into_owned();
    let text = if text.is_empty() { crate::error::describe(ev.err) } else { text };
    MessageObj::consumer_error(ptr::null_mut(), RD_KAFKA_PARTITION_UA, ev.err, RD_KAFKA_OFFSET_INVALID, Some(&text), -1)
}

/// Polls `q` for the next message, serving other events with their
/// callbacks (rebalances, commits, errors, logs, statistics) meanwhile.
fn poll_message(inst: &Arc<Instance>, q: &Arc<Queue>, timeout: Option<Duration>) -> Option<Box<MessageObj>> {
    // First a look without waiting (no clock reading), then the timed wait.
    let mut deadline: Option<Instant> = None;
    let mut first = true;
    loop {
        let left = if first {
            Some(Duration::ZERO)
        } else {
            timeout.map(|t| deadline.get_or_insert_with(|| Instant::now() + t).saturating_duration_since(Instant::now()))
        };
        match cons::pop_item(q, left) {
            Ok(Item::Message(m)) => return Some(m),
            Ok(Item::Event(ev)) => {
                if ev.ev_type == RD_KAFKA_EVENT_ERROR && ev.consumer_err {
                    return Some(error_message(&ev));
                }
                serve_event(inst, ev);
            }
            Err(crate::engine::queue::Polled::Timeout) if first && timeout != Some(Duration::ZERO) => first = false,
            Err(_) => return None,
        }
    }
}

/// Serves a REBALANCE event: the application's rebalance_cb, or the
/// default (assign what is assigned, unassign what is revoked).
pub fn serve_rebalance(inst: &Arc<Instance>, ev: EventObj) {
    // The event keeps owning the list: it is freed with the event after the
    // call, as librdkafka does.
    let EventPayload::Partitions(list) = ev.payload else { return };
    let rk = inst.rk.load(Ordering::Acquire);
    match inst.callbacks.rebalance_cb {
        // SAFETY: the application's callback with a list it may read.
        Some(cb) => unsafe { cb(rk, ev.err, list, inst.opaque) },
        None => {
            // SAFETY: list is owned by this event.
            let parts = unsafe { tpl::to_vec(list) };
            api::default_rebalance(inst, ev.err, parts);
        }
    }
    drop(ev);
}

/// Serves an OFFSET_COMMIT event with its callback (commit_queue()'s or
/// offset_commit_cb).
pub fn serve_offset_commit(inst: &Arc<Instance>, ev: EventObj) {
    let rk = inst.rk.load(Ordering::Acquire);
    let EventPayload::Partitions(list) = &ev.payload else { return };
    if let Some(cb) = ev.commit_cb {
        // SAFETY: the application's callback with the event's list.
        unsafe { cb(rk, ev.err, *list, ev.opaque) };
    } else if let Some(cb) = inst.callbacks.offset_commit_cb {
        // SAFETY: as above.
        unsafe { cb(rk, ev.err, *list, inst.opaque) };
    }
}

/// Copies messages into the application's array; returns how many.
unsafe fn hand_out(msgs: Vec<Box<MessageObj>>, out: *mut *mut rd_kafka_message_t) -> ssize_t {
    let n = msgs.len();
    for (i, m) in msgs.into_iter().enumerate() {
        // SAFETY: the caller's array has room for at least `n` entries.
        unsafe { *out.add(i) = m.into_raw() };
    }
    n as ssize_t
}

// ----------------------------------------------------------------------
// Subscription and the high-level consumer
// ----------------------------------------------------------------------

/// Subscribes to the topics in the list (names; "^regex" patterns match
/// topic names, re-evaluated as metadata changes). Replaces any previous
/// subscription; the group is joined in the background. Needs group.id
/// (else _UNKNOWN_GROUP); an invalid pattern gives _INVALID_ARG.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_subscribe(rk: *mut rd_kafka_t, topics: *const rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let (inst, _) = match unsafe { open_group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return e,
        };
        if topics.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        // SAFETY: topics is a valid list.
        let mut names: Vec<String> = unsafe { tpl::to_vec(topics) }.into_iter().map(|t| t.topic).filter(|t| !t.is_empty()).collect();
        names.sort();
        names.dedup();
        for n in &names {
            if n.starts_with('^') && regex::Regex::new(n).is_err() {
                return RD_KAFKA_RESP_ERR__INVALID_ARG;
            }
        }
        match call(inst, LOOP_CALL, move |c, core| cons::group::subscribe(c, core, names)) {
            Some(Ok(())) => RD_KAFKA_RESP_ERR_NO_ERROR,
            Some(Err(e)) => e.code,
            None => RD_KAFKA_RESP_ERR__DESTROY,
        }
    })
}

/// Drops the subscription: the assignment is revoked and the group left.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_unsubscribe(rk: *mut rd_kafka_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let (inst, _) = match unsafe { open_group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return e,
        };
        match call(inst, LOOP_CALL, cons::group::unsubscribe) {
            Some(()) => RD_KAFKA_RESP_ERR_NO_ERROR,
            None => RD_KAFKA_RESP_ERR__DESTROY,
        }
    })
}

/// The current subscription as a new list in `*topics` (free it with
/// rd_kafka_topic_partition_list_destroy()); empty when not subscribed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_subscription(rk: *mut rd_kafka_t, topics: *mut *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let (inst, _) = match unsafe { open_group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return e,
        };
        if topics.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        let Some(subs) = call(inst, LOOP_CALL, |c, _| c.group.subscription.clone()) else { return RD_KAFKA_RESP_ERR__DESTROY };
        let items: Vec<TopicPartition> = subs.into_iter().map(|t| TopicPartition::new(t, RD_KAFKA_PARTITION_UA)).collect();
        // SAFETY: topics is a valid out pointer.
        unsafe { *topics = tpl::from_slice(&items) };
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

/// The next message or consumer error of the consumer queue, waiting up to
/// `timeout_ms`; rebalance, commit and other callbacks are served while
/// waiting. NULL on timeout. A client without a consumer group (no
/// group.id, or a producer) gets an _UNKNOWN_GROUP error message. Destroy
/// the message with rd_kafka_message_destroy().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_poll(rk: *mut rd_kafka_t, timeout_ms: c_int) -> *mut rd_kafka_message_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        let (inst, shared) = match unsafe { consumer_of(rk) } {
            Some((inst, shared)) if shared.cfg.group_id.is_some() => (inst, shared),
            // As librdkafka: a client with no consumer group gets an
            // error message, not NULL (which would read as a timeout).
            Some(_) | None if !rk.is_null() => {
                let text = "rd_kafka_consumer_poll() requires a consumer with group.id configured";
                return MessageObj::consumer_error(ptr::null_mut(), RD_KAFKA_PARTITION_UA, RD_KAFKA_RESP_ERR__UNKNOWN_GROUP, RD_KAFKA_OFFSET_INVALID, Some(text), -1)
                    .into_raw();
            }
            _ => {
                set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
                return ptr::null_mut();
            }
        };
        shared.polled();
        let q = inst.consumer_q.clone();
        let r = poll_message(inst, &q, timeout_of(timeout_ms));
        shared.polled();
        match r {
            Some(m) => m.into_raw(),
            None => {
                set_last_error(RD_KAFKA_RESP_ERR__TIMED_OUT);
                ptr::null_mut()
            }
        }
    })
}

/// Closes the consumer: the assignment is revoked (rebalance_cb is called
/// from this thread), final offsets are committed with enable.auto.commit,
/// and the group is left. Call before rd_kafka_destroy(). _UNKNOWN_GROUP
/// without a consumer group, _DESTROY if already closed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_close(rk: *mut rd_kafka_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let (inst, shared) = match unsafe { open_group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return e,
        };
        close_blocking(inst, &shared);
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

/// The blocking close, also used by rd_kafka_destroy(): the engine's,
/// serving the consumer queue's events (the rebalance callback, the final
/// commit's callbacks) on this thread.
pub fn close_blocking(inst: &Arc<Instance>, shared: &Arc<ConsumerShared>) {
    api::close_blocking(inst, shared, &mut |ev| {
        serve_event(inst, ev);
    });
}

/// Starts closing the consumer without blocking: rebalance events go to
/// `rkqu`, which the application serves until rd_kafka_consumer_closed()
/// returns 1. Returns NULL, or an error object: _INVALID_ARG without a
/// queue, _UNKNOWN_GROUP without a consumer group, _DESTROY once closed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_close_queue(rk: *mut rd_kafka_t, rkqu: *mut rd_kafka_queue_t) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        // SAFETY: rkqu is NULL or a live queue handle.
        let Some(h) = (unsafe { QueueHandle::from_ptr(rkqu) }) else {
            return crate::objects::error::ErrorObject::into_raw(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "Queue must be specified"));
        };
        let (inst, shared) = match unsafe { open_group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return crate::objects::error::ErrorObject::into_raw(KafkaError::from_code(e)),
        };
        api::close_to_queue(inst, &shared, h.q.clone());
        ptr::null_mut()
    })
}

/// 1 once the consumer is closed (rd_kafka_consumer_close() or
/// rd_kafka_consumer_close_queue() finished), else 0.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_closed(rk: *mut rd_kafka_t) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: caller contract for handles.
        match unsafe { consumer_of(rk) } {
            Some((_, s)) => s.closed.load(Ordering::Acquire) as c_int,
            None => 0,
        }
    })
}

/// Adds partitions to the assignment (cooperative rebalancing); fetching
/// starts at their offsets (INVALID: the committed offset). Returns NULL,
/// or an error object (e.g. _CONFLICT for a partition already assigned).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_incremental_assign(rk: *mut rd_kafka_t, partitions: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        let (inst, _) = match unsafe { group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return crate::objects::error::ErrorObject::into_raw(KafkaError::from_code(e)),
        };
        if partitions.is_null() {
            return crate::objects::error::ErrorObject::into_raw(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "partitions must not be NULL"));
        }
        // SAFETY: valid list.
        let list = unsafe { tpl::to_vec(partitions) };
        match call(inst, LOOP_CALL, move |c, core| c.incremental_assign(core, list)) {
            Some(Ok(())) => ptr::null_mut(),
            Some(Err(e)) => crate::objects::error::ErrorObject::into_raw(e),
            None => crate::objects::error::ErrorObject::into_raw(KafkaError::from_code(RD_KAFKA_RESP_ERR__DESTROY)),
        }
    })
}

/// Removes partitions from the assignment (cooperative rebalancing).
/// Returns NULL, or an error object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_incremental_unassign(rk: *mut rd_kafka_t, partitions: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        let (inst, _) = match unsafe { group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return crate::objects::error::ErrorObject::into_raw(KafkaError::from_code(e)),
        };
        if partitions.is_null() {
            return crate::objects::error::ErrorObject::into_raw(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "partitions must not be NULL"));
        }
        // SAFETY: valid list.
        let list = unsafe { tpl::to_vec(partitions) };
        match call(inst, LOOP_CALL, move |c, core| c.incremental_unassign(core, list)) {
            Some(Ok(())) => ptr::null_mut(),
            Some(Err(e)) => crate::objects::error::ErrorObject::into_raw(e),
            None => crate::objects::error::ErrorObject::into_raw(KafkaError::from_code(RD_KAFKA_RESP_ERR__DESTROY)),
        }
    })
}

/// The rebalance protocol in use: "COOPERATIVE", "EAGER", or "NONE" (not
/// in a group yet); NULL for a client without a consumer group or once the
/// consumer is closed.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_rebalance_protocol(rk: *mut rd_kafka_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // As librdkafka: NULL without a consumer group or once it is closed.
        // SAFETY: caller contract for handles.
        let Ok((inst, _)) = (unsafe { open_group_consumer_of(rk) }) else { return ptr::null() };
        match api::rebalance_protocol_name(inst) {
            "COOPERATIVE" => c"COOPERATIVE".as_ptr(),
            "EAGER" => c"EAGER".as_ptr(),
            _ => c"NONE".as_ptr(),
        }
    })
}

/// Replaces the assignment with `partitions` (NULL: unassign everything).
/// Each partition starts at its offset: absolute, logical, or INVALID for
/// the committed offset (auto.offset.reset when there is none).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_assign(rk: *mut rd_kafka_t, partitions: *const rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let (inst, _) = match unsafe { group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return e,
        };
        // SAFETY: NULL or a valid list.
        let list = unsafe { tpl::to_vec(partitions) };
        call(inst, LOOP_CALL, move |c, core| c.assign(core, list)).unwrap_or(RD_KAFKA_RESP_ERR__DESTROY)
    })
}

/// The current assignment as a new list in `*partitions`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_assignment(rk: *mut rd_kafka_t, partitions: *mut *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let (inst, _) = match unsafe { open_group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return e,
        };
        if partitions.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        let Some(items) = call(inst, LOOP_CALL, |c, _| api::assignment(c)) else {
            return RD_KAFKA_RESP_ERR__DESTROY;
        };
        // SAFETY: valid out pointer.
        unsafe { *partitions = tpl::from_slice(&items) };
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

/// 1 if the current assignment was lost (the member was kicked out of the
/// group and its partitions may already be consumed by others), else 0.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_assignment_lost(rk: *mut rd_kafka_t) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: caller contract for handles.
        let Some((inst, _)) = (unsafe { consumer_of(rk) }) else { return 0 };
        call(inst, LOOP_CALL, |c, _| c.assignment_lost as c_int).unwrap_or(0)
    })
}

// ----------------------------------------------------------------------
// Commits and offsets
// ----------------------------------------------------------------------

/// Commits `offsets` (each the offset of the next message to consume), or
/// with NULL the stored offsets of the current assignment. Async: returns
/// at once and the outcome goes to offset_commit_cb; sync: waits and
/// returns it (_NO_OFFSET when there was nothing to commit).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_commit(rk: *mut rd_kafka_t, offsets: *const rd_kafka_topic_partition_list_t, async_: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let (inst, _) = match unsafe { open_group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return e,
        };
        // SAFETY: NULL or a valid list.
        let list = (!offsets.is_null()).then(|| unsafe { tpl::to_vec(offsets) });
        if async_ != 0 {
            if api::commit(inst, list, CommitReply::Default) { RD_KAFKA_RESP_ERR_NO_ERROR } else { RD_KAFKA_RESP_ERR__DESTROY }
        } else {
            api::commit_sync(inst, list).0
        }
    })
}

/// Commits the position after `rkmessage` (its offset + 1) for its
/// partition.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_commit_message(rk: *mut rd_kafka_t, rkmessage: *const rd_kafka_message_t, async_: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: NULL or a live message.
        let Some(m) = (unsafe { MessageObj::from_ptr(rkmessage) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if m.msg.err != RD_KAFKA_RESP_ERR_NO_ERROR {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        let Some(topic) = topic_name(m.msg.rkt) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        let mut tp = TopicPartition::new(topic, m.msg.partition).with_offset(m.msg.offset + 1);
        tp.leader_epoch = m.leader_epoch;
        let list = tpl::from_slice(&[tp]);
        // SAFETY: list was just built.
        let r = unsafe { rd_kafka_commit(rk, list, async_) };
        // SAFETY: ours.
        unsafe { tpl::destroy_list(list) };
        r
    })
}

/// Commits like rd_kafka_commit() and reports the outcome as an
/// OFFSET_COMMIT event on `rkqu` (served with `cb` when given). With a
/// NULL queue the call waits, calls `cb` itself and returns the outcome.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_commit_queue(
    rk: *mut rd_kafka_t,
    offsets: *const rd_kafka_topic_partition_list_t,
    rkqu: *mut rd_kafka_queue_t,
    cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_resp_err_t, *mut rd_kafka_topic_partition_list_t, *mut c_void)>,
    commit_opaque: *mut c_void,
) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let (inst, _) = match unsafe { open_group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return e,
        };
        // SAFETY: NULL or a valid list.
        let list = (!offsets.is_null()).then(|| unsafe { tpl::to_vec(offsets) });
        // SAFETY: NULL or a live queue handle.
        match unsafe { QueueHandle::from_ptr(rkqu) } {
            Some(h) => {
                let reply = CommitReply::Queue(h.q.clone(), cb, commit_opaque as usize);
                if api::commit(inst, list, reply) { RD_KAFKA_RESP_ERR_NO_ERROR } else { RD_KAFKA_RESP_ERR__DESTROY }
            }
            None => {
                let q = Queue::new();
                if !api::commit(inst, list, CommitReply::Queue(q.clone(), cb, commit_opaque as usize)) {
                    return RD_KAFKA_RESP_ERR__DESTROY;
                }
                match q.pop(None) {
                    crate::engine::queue::Polled::Event(ev) => {
                        let err = ev.err;
                        if ev.commit_cb.is_some() {
                            serve_offset_commit(inst, ev);
                        }
                        err
                    }
                    _ => RD_KAFKA_RESP_ERR__DESTROY,
                }
            }
        }
    })
}

/// Fills in the committed offsets of `partitions` (INVALID where none),
/// asking the group coordinator; waits up to `timeout_ms`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_committed(rk: *mut rd_kafka_t, partitions: *mut rd_kafka_topic_partition_list_t, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let (inst, _) = match unsafe { open_group_consumer_of(rk) } {
            Ok(c) => c,
            Err(e) => return e,
        };
        if partitions.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        // SAFETY: valid list.
        let keys: Vec<(String, i32)> = unsafe { tpl::to_vec(partitions) }.into_iter().map(|t| (t.topic, t.partition)).collect();
        let timeout = timeout_of(timeout_ms).unwrap_or(Duration::from_secs(3600));
        let r = call_async(inst, Some(timeout + Duration::from_millis(100)), move |c, core, tx| {
            c.fetch_committed(core, keys, timeout, Box::new(move |_c, _core, r| {
                let _ = tx.send(r);
            }));
        });
        match r {
            Some(Ok(list)) => {
                // SAFETY: valid list.
                unsafe { tpl::update_from(partitions, &list, true, RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION) };
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            Some(Err(e)) => e.code,
            None => RD_KAFKA_RESP_ERR__TIMED_OUT,
        }
    })
}

/// Fills in the application's position in `partitions`: the offset of the
/// next message it will get (INVALID if none consumed yet).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_position(rk: *mut rd_kafka_t, partitions: *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if partitions.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        // SAFETY: valid list.
        let results = api::positions(inst, unsafe { tpl::to_vec(partitions) });
        // SAFETY: valid list.
        unsafe { tpl::update_from(partitions, &results, false, RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION) };
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

/// Stores offsets (as given: the next offset to consume, with leader epoch
/// and metadata) for the next commit. Needs enable.auto.offset.store=false
/// (else _INVALID_ARG); partitions not assigned get _STATE.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_offsets_store(rk: *mut rd_kafka_t, offsets: *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let Some((_, shared)) = (unsafe { consumer_of(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if offsets.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        if shared.cfg.enable_auto_offset_store {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        // SAFETY: valid list.
        let mut list = unsafe { tpl::to_vec(offsets) };
        let mut ok = 0;
        for t in &mut list {
            t.err = api::store_offset(&shared, &t.topic, t.partition, t.offset, t.leader_epoch, t.metadata.clone());
            if t.err == RD_KAFKA_RESP_ERR_NO_ERROR {
                ok += 1;
            }
        }
        let first_err = list.iter().map(|t| t.err).find(|e| *e != 0).unwrap_or(0);
        // Report per-partition errors in the caller's list.
        // SAFETY: valid list.
        for (e, t) in unsafe { tpl::elements(offsets) }.iter().zip(list.iter()) {
            let e = e as *const rd_kafka_topic_partition_t as *mut rd_kafka_topic_partition_t;
            // SAFETY: elements of the caller's mutable list.
            unsafe { (*e).err = t.err };
        }
        if ok == 0 && !list.is_empty() { first_err } else { RD_KAFKA_RESP_ERR_NO_ERROR }
    })
}

/// Stores `offset` + 1 (the position after that message) for the next
/// commit of a partition. Needs enable.auto.offset.store=false.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_offset_store(rkt: *mut rd_kafka_topic_t, partition: i32, offset: i64) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let Some((inst, topic)) = topic_instance(rkt) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        let Some(shared) = inst.consumer.clone() else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if shared.cfg.enable_auto_offset_store {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        api::store_offset(&shared, &topic, partition, offset + 1, -1, None)
    })
}

/// Stores the position after `rkmessage` (offset + 1, with its leader
/// epoch) for the next commit. Returns NULL or an error object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_offset_store_message(rkmessage: *mut rd_kafka_message_t) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: NULL or a live message.
        let Some(m) = (unsafe { MessageObj::from_ptr(rkmessage) }) else {
            return crate::objects::error::ErrorObject::into_raw(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "Invalid message"));
        };
        if m.msg.err != RD_KAFKA_RESP_ERR_NO_ERROR {
            return crate::objects::error::ErrorObject::into_raw(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "Message is an error event"));
        }
        let Some((inst, topic)) = topic_instance(m.msg.rkt) else {
            return crate::objects::error::ErrorObject::into_raw(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "Message has no topic"));
        };
        let Some(shared) = inst.consumer.clone() else {
            return crate::objects::error::ErrorObject::into_raw(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "Not a consumer message"));
        };
        if shared.cfg.enable_auto_offset_store {
            return crate::objects::error::ErrorObject::into_raw(KafkaError::new(
                RD_KAFKA_RESP_ERR__INVALID_ARG,
                "Operation not allowed: enable.auto.offset.store=true",
            ));
        }
        match api::store_offset(&shared, &topic, m.msg.partition, m.msg.offset + 1, m.leader_epoch, None) {
            RD_KAFKA_RESP_ERR_NO_ERROR => ptr::null_mut(),
            e => crate::objects::error::ErrorObject::into_raw(KafkaError::new(e, format!("{topic} [{}] is not assigned", m.msg.partition))),
        }
    })
}

/// The group metadata for transactional commits (send_offsets_to_
/// transaction()): group id, generation, member id, instance id. NULL if
/// this is not a group consumer.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata(rk: *mut rd_kafka_t) -> *mut rd_kafka_consumer_group_metadata_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        // NULL without a group or once closed, as librdkafka.
        let Ok((inst, shared)) = (unsafe { open_group_consumer_of(rk) }) else { return ptr::null_mut() };
        let Some(group) = shared.cfg.group_id.clone() else { return ptr::null_mut() };
        let (generation, member) = call(inst, LOOP_CALL, |c, _| (c.group.generation, c.group.member_id.clone())).unwrap_or((-1, String::new()));
        crate::objects::cgmeta::CgMetadataObj::new(&group, generation, &member, shared.cfg.group_instance_id.as_deref()).into_raw()
    })
}

/// Pauses fetching for the partitions (their messages already fetched are
/// dropped and fetched again on resume). Per-partition errors are set.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_pause_partitions(rk: *mut rd_kafka_t, partitions: *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    // SAFETY: forwarded contract.
    unsafe { pause_resume(rk, partitions, true) }
}

/// Resumes fetching for paused partitions. Per-partition errors are set.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_resume_partitions(rk: *mut rd_kafka_t, partitions: *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    // SAFETY: forwarded contract.
    unsafe { pause_resume(rk, partitions, false) }
}

unsafe fn pause_resume(rk: *mut rd_kafka_t, partitions: *mut rd_kafka_topic_partition_list_t, pause: bool) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if partitions.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        // SAFETY: valid list.
        let list = unsafe { tpl::to_vec(partitions) };
        if inst.consumer.is_none() {
            // Producers: accepted, nothing to pause (librdkafka pauses
            // production there; the producer does not support it yet).
            return RD_KAFKA_RESP_ERR_NO_ERROR;
        }
        let Some(res) = call(inst, LOOP_CALL, move |c, core| c.pause_resume(core, list, pause)) else { return RD_KAFKA_RESP_ERR__DESTROY };
        // SAFETY: valid list.
        for (e, t) in unsafe { tpl::elements(partitions) }.iter().zip(res.iter()) {
            let e = e as *const rd_kafka_topic_partition_t as *mut rd_kafka_topic_partition_t;
            // SAFETY: the caller's mutable list.
            unsafe { (*e).err = t.err };
        }
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

/// Moves the fetch position of a partition being consumed to `offset`
/// (absolute or logical). With `timeout_ms` 0 it returns at once.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_seek(rkt: *mut rd_kafka_topic_t, partition: i32, offset: i64, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        let _ = timeout_ms;
        let Some((inst, topic)) = topic_instance(rkt) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if inst.consumer.is_none() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        let key = (topic, partition);
        match call(&inst, LOOP_CALL, move |c, core| c.seek(core, &key, offset, -1)) {
            Some(true) => RD_KAFKA_RESP_ERR_NO_ERROR,
            Some(false) => RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION,
            None => RD_KAFKA_RESP_ERR__DESTROY,
        }
    })
}

/// Seeks several partitions (offsets and leader epochs from the list);
/// per-partition errors are set. Returns NULL or an error object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_seek_partitions(rk: *mut rd_kafka_t, partitions: *mut rd_kafka_topic_partition_list_t, timeout_ms: c_int) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        let _ = timeout_ms;
        // SAFETY: caller contract for handles.
        let Some((inst, _)) = (unsafe { consumer_of(rk) }) else {
            return crate::objects::error::ErrorObject::into_raw(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "Not a consumer"));
        };
        if partitions.is_null() {
            return crate::objects::error::ErrorObject::into_raw(KafkaError::new(RD_KAFKA_RESP_ERR__INVALID_ARG, "partitions must not be NULL"));
        }
        // SAFETY: valid list.
        let list = unsafe { tpl::to_vec(partitions) };
        let res = call(inst, LOOP_CALL, move |c, core| api::seek_partitions(c, core, list));
        let Some(res) = res else { return crate::objects::error::ErrorObject::into_raw(KafkaError::from_code(RD_KAFKA_RESP_ERR__DESTROY)) };
        // SAFETY: valid list.
        for (e, t) in unsafe { tpl::elements(partitions) }.iter().zip(res.iter()) {
            let e = e as *const rd_kafka_topic_partition_t as *mut rd_kafka_topic_partition_t;
            // SAFETY: the caller's mutable list.
            unsafe { (*e).err = t.err };
        }
        ptr::null_mut()
    })
}

// ----------------------------------------------------------------------
// Watermarks and offsets for times
// ----------------------------------------------------------------------

/// Asks the partition leader for the low and high watermarks (waits up to
/// `timeout_ms`).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_query_watermark_offsets(rk: *mut rd_kafka_t, topic: *const c_char, partition: i32, low: *mut i64, high: *mut i64, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        // SAFETY: NULL or a NUL-terminated string.
        let Some(topic) = (unsafe { cstr(topic) }).map(|s| s.into_owned()) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if low.is_null() || high.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        let timeout = timeout_of(timeout_ms).unwrap_or(Duration::from_secs(3600));
        match api::query_watermarks(inst, topic, partition, timeout) {
            Ok((l, h)) => {
                // SAFETY: valid out pointers.
                unsafe {
                    *low = l;
                    *high = h;
                }
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            Err(e) => e,
        }
    })
}

/// The watermarks last seen when fetching the partition (no request is
/// made); -1 (or INVALID) for what is not known yet.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_get_watermark_offsets(rk: *mut rd_kafka_t, topic: *const c_char, partition: i32, low: *mut i64, high: *mut i64) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        // SAFETY: NULL or a NUL-terminated string.
        let Some(topic) = (unsafe { cstr(topic) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if low.is_null() || high.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        // A partition not seen yet has no cached offsets (librdkafka
        // starts tracking it and reports INVALID, without an error).
        let Some(tp) = inst.consumer.as_ref().and_then(|c| c.toppar(&topic, partition)) else {
            // SAFETY: valid out pointers.
            unsafe {
                *low = RD_KAFKA_OFFSET_INVALID;
                *high = RD_KAFKA_OFFSET_INVALID;
            }
            return RD_KAFKA_RESP_ERR_NO_ERROR;
        };
        let fix = |v: i64| if v < 0 { RD_KAFKA_OFFSET_INVALID } else { v };
        // SAFETY: valid out pointers.
        unsafe {
            *low = fix(tp.lo_offset.load(Ordering::Acquire));
            *high = fix(tp.hi_offset.load(Ordering::Acquire));
        }
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

/// Replaces the timestamps in `offsets` with the earliest offset whose
/// timestamp is at or after it (-1, END, when there is none), asking the
/// leaders; per-partition errors are set.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_offsets_for_times(rk: *mut rd_kafka_t, offsets: *mut rd_kafka_topic_partition_list_t, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if offsets.is_null() {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        // SAFETY: valid list.
        let parts: Vec<((String, i32), i64)> = unsafe { tpl::to_vec(offsets) }.into_iter().map(|t| ((t.topic, t.partition), t.offset)).collect();
        if parts.is_empty() {
            return RD_KAFKA_RESP_ERR_NO_ERROR;
        }
        let timeout = timeout_of(timeout_ms).unwrap_or(Duration::from_secs(3600));
        match api::list_offsets(inst, parts, timeout) {
            // Out of time: like librdkafka, the list is left as it was.
            Ok(res) if res.iter().any(|t| t.err == RD_KAFKA_RESP_ERR__TIMED_OUT) => RD_KAFKA_RESP_ERR__TIMED_OUT,
            Ok(res) => {
                // SAFETY: valid list.
                // A partition the brokers did not answer for keeps its
                // timestamp, without an error (as librdkafka leaves it).
                unsafe { tpl::update_from(offsets, &res, false, RD_KAFKA_RESP_ERR_NO_ERROR) };
                res.iter().map(|t| t.err).find(|e| *e != 0).unwrap_or(RD_KAFKA_RESP_ERR_NO_ERROR)
            }
            Err(e) => e.code,
        }
    })
}

// ----------------------------------------------------------------------
// The legacy (simple) consumer
// ----------------------------------------------------------------------

fn legacy_start(rkt: *mut rd_kafka_topic_t, partition: i32, offset: i64, q: Option<Arc<Queue>>) -> c_int {
    let Some((inst, topic)) = topic_instance(rkt) else {
        set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
        return -1;
    };
    if inst.consumer.is_none() || partition < 0 {
        set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
        return -1;
    }
    let r = call(&inst, LOOP_CALL, move |c, core| api::legacy_start(c, core, topic, partition, offset, q));
    match r {
        Some(Ok(())) => {
            set_last_error(RD_KAFKA_RESP_ERR_NO_ERROR);
            0
        }
        Some(Err(e)) => {
            set_last_error(e);
            -1
        }
        None => {
            set_last_error(RD_KAFKA_RESP_ERR__DESTROY);
            -1
        }
    }
}

/// Starts consuming one partition at `offset` (absolute, BEGINNING, END,
/// STORED or TAIL(n)) for rd_kafka_consume*(). Returns 0, or -1 with the
/// error in rd_kafka_last_error().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_start(rkt: *mut rd_kafka_topic_t, partition: i32, offset: i64) -> c_int {
    crate::ffi_guard!(-1, { legacy_start(rkt, partition, offset, None) })
}

/// Like rd_kafka_consume_start(), with the partition's messages going to
/// `rkqu` (read them with rd_kafka_consume_queue()).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_start_queue(rkt: *mut rd_kafka_topic_t, partition: i32, offset: i64, rkqu: *mut rd_kafka_queue_t) -> c_int {
    crate::ffi_guard!(-1, {
        // SAFETY: NULL or a live queue handle.
        let Some(h) = (unsafe { QueueHandle::from_ptr(rkqu) }) else {
            set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
            return -1;
        };
        legacy_start(rkt, partition, offset, Some(h.q.clone()))
    })
}

/// Stops consuming a partition started with rd_kafka_consume_start();
/// messages not yet read are dropped. Returns 0 or -1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_stop(rkt: *mut rd_kafka_topic_t, partition: i32) -> c_int {
    crate::ffi_guard!(-1, {
        let Some((inst, topic)) = topic_instance(rkt) else {
            set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
            return -1;
        };
        if inst.consumer.is_none() {
            set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
            return -1;
        }
        let k = (topic, partition);
        let r = call(&inst, LOOP_CALL, move |c, core| api::legacy_stop(c, core, k));
        match r {
            Some(true) => {
                set_last_error(RD_KAFKA_RESP_ERR_NO_ERROR);
                0
            }
            Some(false) => {
                set_last_error(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION);
                -1
            }
            None => {
                set_last_error(RD_KAFKA_RESP_ERR__DESTROY);
                -1
            }
        }
    })
}

/// The queue a legacy partition's messages are read from.
fn legacy_queue(rkt: *mut rd_kafka_topic_t, partition: i32) -> Option<(Arc<Instance>, Arc<Queue>)> {
    let (inst, topic) = topic_instance(rkt)?;
    let q = api::legacy_queue(&inst, &topic, partition)?;
    Some((inst, q))
}

/// The next message (or error) of a partition started with
/// rd_kafka_consume_start(), waiting up to `timeout_ms`; NULL on timeout
/// (rd_kafka_last_error() says why).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume(rkt: *mut rd_kafka_topic_t, partition: i32, timeout_ms: c_int) -> *mut rd_kafka_message_t {
    crate::ffi_guard!(ptr::null_mut(), {
        let Some((inst, q)) = legacy_queue(rkt, partition) else {
            set_last_error(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION);
            return ptr::null_mut();
        };
        match poll_message(&inst, &q, timeout_of(timeout_ms)) {
            Some(m) => {
                set_last_error(RD_KAFKA_RESP_ERR_NO_ERROR);
                m.into_raw()
            }
            None => {
                set_last_error(RD_KAFKA_RESP_ERR__TIMED_OUT);
                ptr::null_mut()
            }
        }
    })
}

/// Reads up to `rkmessages_size` messages of a started partition into
/// `rkmessages`, waiting up to `timeout_ms` for the first; returns the
/// count or -1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_batch(rkt: *mut rd_kafka_topic_t, partition: i32, timeout_ms: c_int, rkmessages: *mut *mut rd_kafka_message_t, rkmessages_size: size_t) -> ssize_t {
    crate::ffi_guard!(-1, {
        let Some((_, q)) = legacy_queue(rkt, partition) else {
            set_last_error(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION);
            return -1;
        };
        if rkmessages.is_null() {
            set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
            return -1;
        }
        let msgs = cons::pop_messages(&q, timeout_of(timeout_ms), rkmessages_size);
        // SAFETY: the caller's array holds rkmessages_size entries.
        unsafe { hand_out(msgs, rkmessages) }
    })
}

/// Calls `consume_cb` for the messages of a started partition (those that
/// arrive within `timeout_ms`); returns how many.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_callback(rkt: *mut rd_kafka_topic_t, partition: i32, timeout_ms: c_int, consume_cb: Option<unsafe extern "C" fn(*mut rd_kafka_message_t, *mut c_void)>, commit_opaque: *mut c_void) -> c_int {
    crate::ffi_guard!(-1, {
        let Some((inst, q)) = legacy_queue(rkt, partition) else {
            set_last_error(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION);
            return -1;
        };
        consume_callback_on(&inst, &q, timeout_ms, consume_cb, commit_opaque)
    })
}

fn consume_callback_on(inst: &Arc<Instance>, q: &Arc<Queue>, timeout_ms: c_int, cb: Option<unsafe extern "C" fn(*mut rd_kafka_message_t, *mut c_void)>, opaque: *mut c_void) -> c_int {
    let Some(cb) = cb else {
        set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
        return -1;
    };
    let max = inst.consumer.as_ref().map_or(0, |c| c.cfg.consume_cb_max);
    let max = if max == 0 { usize::MAX } else { max };
    let msgs = cons::pop_messages(q, timeout_of(timeout_ms), max);
    let n = msgs.len();
    for m in msgs {
        let p = m.into_raw();
        // SAFETY: the application's callback with a live message, which we
        // destroy afterwards (as librdkafka does).
        unsafe {
            cb(p, opaque);
            crate::abi::message::rd_kafka_message_destroy(p);
        }
    }
    n as c_int
}

/// The next message of a queue (a partition queue, the consumer queue or
/// one given to rd_kafka_consume_start_queue()), serving other events
/// meanwhile; NULL on timeout.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_queue(rkqu: *mut rd_kafka_queue_t, timeout_ms: c_int) -> *mut rd_kafka_message_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: NULL or a live queue handle.
        let Some(h) = (unsafe { QueueHandle::from_ptr(rkqu) }) else {
            set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
            return ptr::null_mut();
        };
        if let Some(c) = &h.inst.consumer {
            c.polled();
        }
        match poll_message(&h.inst, &h.q, timeout_of(timeout_ms)) {
            Some(m) => m.into_raw(),
            None => {
                set_last_error(RD_KAFKA_RESP_ERR__TIMED_OUT);
                ptr::null_mut()
            }
        }
    })
}

/// Reads up to `rkmessages_size` messages of a queue into `rkmessages`,
/// waiting up to `timeout_ms` for the first; returns the count or -1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_batch_queue(rkqu: *mut rd_kafka_queue_t, timeout_ms: c_int, rkmessages: *mut *mut rd_kafka_message_t, rkmessages_size: size_t) -> ssize_t {
    crate::ffi_guard!(-1, {
        // SAFETY: NULL or a live queue handle.
        let Some(h) = (unsafe { QueueHandle::from_ptr(rkqu) }) else {
            set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
            return -1;
        };
        if rkmessages.is_null() {
            set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
            return -1;
        }
        if let Some(c) = &h.inst.consumer {
            c.polled();
        }
        // Serve non-message events at the head first (rebalances, errors).
        let deadline = timeout_of(timeout_ms).map(|t| Instant::now() + t);
        let mut out: Vec<Box<MessageObj>> = Vec::new();
        loop {
            let left = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            let msgs = cons::pop_messages(&h.q, Some(Duration::ZERO), rkmessages_size - out.len());
            out.extend(msgs);
            if out.len() >= rkmessages_size {
                break;
            }
            if !out.is_empty() && left.is_some_and(|l| l.is_zero()) {
                break;
            }
            // Something other than messages at the head, or nothing yet.
            match cons::pop_item(&h.q, if out.is_empty() { left } else { Some(Duration::ZERO) }) {
                Ok(Item::Message(m)) => out.push(m),
                Ok(Item::Event(ev)) => {
                    if ev.ev_type == RD_KAFKA_EVENT_ERROR && ev.consumer_err {
                        out.push(error_message(&ev));
                    } else {
                        serve_event(&h.inst, ev);
                    }
                }
                Err(_) => break,
            }
            if !out.is_empty() && h.q.is_empty() {
                break;
            }
        }
        if let Some(c) = &h.inst.consumer {
            c.polled();
        }
        // SAFETY: the caller's array holds rkmessages_size entries.
        unsafe { hand_out(out, rkmessages) }
    })
}

/// Calls `consume_cb` for the messages of a queue that arrive within
/// `timeout_ms`; returns how many.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_callback_queue(rkqu: *mut rd_kafka_queue_t, timeout_ms: c_int, consume_cb: Option<unsafe extern "C" fn(*mut rd_kafka_message_t, *mut c_void)>, commit_opaque: *mut c_void) -> c_int {
    crate::ffi_guard!(-1, {
        // SAFETY: NULL or a live queue handle.
        let Some(h) = (unsafe { QueueHandle::from_ptr(rkqu) }) else {
            set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
            return -1;
        };
        consume_callback_on(&h.inst, &h.q, timeout_ms, consume_cb, commit_opaque)
    })
}

/// Sends the main queue's events (errors, logs, statistics) to the
/// consumer queue, so rd_kafka_consumer_poll() serves everything.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_poll_set_consumer(rk: *mut rd_kafka_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let Some((inst, shared)) = (unsafe { consumer_of(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if shared.cfg.group_id.is_none() {
            return RD_KAFKA_RESP_ERR__UNKNOWN_GROUP;
        }
        inst.main_q.forward_to(Some(inst.consumer_q.clone()));
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

/// The name of a consumer group state ("Stable", ...); NULL if out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_state_name(state: rd_kafka_consumer_group_state_t) -> *const c_char {
    match state {
        0..=5 => GROUP_STATE_NAMES[state as usize].as_ptr(),
        _ => ptr::null(),
    }
}

/// The state for a name (case-insensitive); UNKNOWN if not a state name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_state_code(name: *const c_char) -> rd_kafka_consumer_group_state_t {
    crate::ffi_guard!(RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN, {
        // SAFETY: name is NULL or a NUL-terminated string.
        let Some(n) = (unsafe { crate::objects::util::cstr(name) }) else { return RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN };
        GROUP_STATE_NAMES
            .iter()
            .position(|s| s.to_str().is_ok_and(|s| s.eq_ignore_ascii_case(&n)))
            .map_or(RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN, |i| i as c_int)
    })
}

/// The name of a consumer group type ("Consumer", "Classic"); NULL if out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_type_name(type_: rd_kafka_consumer_group_type_t) -> *const c_char {
    match type_ {
        0..=2 => GROUP_TYPE_NAMES[type_ as usize].as_ptr(),
        _ => ptr::null(),
    }
}

/// The type for a name (case-insensitive); UNKNOWN if not a type name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_type_code(name: *const c_char) -> rd_kafka_consumer_group_type_t {
    crate::ffi_guard!(RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN, {
        // SAFETY: name is NULL or a NUL-terminated string.
        let Some(n) = (unsafe { crate::objects::util::cstr(name) }) else { return RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN };
        GROUP_TYPE_NAMES
            .iter()
            .position(|s| s.to_str().is_ok_and(|s| s.eq_ignore_ascii_case(&n)))
            .map_or(RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN, |i| i as c_int)
    })
}

