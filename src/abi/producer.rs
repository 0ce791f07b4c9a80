//! The producer API (and, as stubs until their issue, transactions).

use super::client::{instance, poll_main};
use crate::objects::error::{not_implemented_error, ErrorObject};
use crate::objects::headers::HeadersObj;
use crate::objects::message::{MessageObj, MsgBuf, Produce};
use crate::engine::topic::{topic_for, TopicState};
use crate::objects::types::*;
use crate::objects::util::{bytes, cstr, set_last_error};
use crate::config::{Conf, TopicConf};
use crate::engine::instance::Instance;
use crate::engine::producer::{ProdTopic, ProducerShared};
use crate::error::KafkaError;
use crate::ffi_stub;
use libc::size_t;
use std::os::raw::{c_int, c_void};
use std::ptr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

/// The producer and its state of a topic handle (created on first use).
fn prod_topic<'a>(inst: &Instance, shared: &Arc<ProducerShared>, t: &'a TopicState, rkt: *mut rd_kafka_topic_t) -> &'a (Arc<ProducerShared>, Arc<ProdTopic>) {
    t.prod.get_or_init(|| {
        let name = t.name.to_string_lossy();
        let pt = shared.topic(&name, rkt as usize, || {
                // SAFETY: the instance and the topic own their live
                // configurations.
                let global = unsafe { Conf::from_ptr(inst.conf) };
                let tc = unsafe { TopicConf::from_ptr(*t.conf.lock()) };
                match (global, tc) {
                    (Some(g), Some(tc)) => crate::engine::settings::topic_settings(g, tc),
                    (Some(g), None) => crate::engine::settings::topic_settings(g, &TopicConf::new()),
                    _ => crate::engine::settings::topic_settings(&Conf::new(), &TopicConf::new()),
                }
            });
        (shared.clone(), pt)
    })
}

/// The payload buffer for the produce flags: copied (F_COPY), handed over
/// (F_FREE) or borrowed.
fn payload_buf(msgflags: c_int, payload: *mut c_void, len: size_t) -> MsgBuf {
    if payload.is_null() {
        return MsgBuf::Null;
    }
    if msgflags & RD_KAFKA_MSG_F_COPY != 0 {
        // SAFETY: the application's buffer of `len` bytes.
        MsgBuf::copy_of(Some(unsafe { bytes(payload, len) }))
    } else {
        MsgBuf::App { ptr: payload, len, free: msgflags & RD_KAFKA_MSG_F_FREE != 0 }
    }
}

/// Everything needed to produce one message.
struct Request {
    rkt: *mut rd_kafka_topic_t,
    partition: i32,
    msgflags: c_int,
    payload: *mut c_void,
    len: size_t,
    key: *const c_void,
    keylen: size_t,
    opaque: *mut c_void,
    headers: Option<Box<HeadersObj>>,
    timestamp: i64,
}

/// Produces one message; on failure the application keeps its payload (and
/// its headers, which are handed back).
fn produce_one(r: Request) -> Result<(), (rd_kafka_resp_err_t, Option<Box<HeadersObj>>)> {
    // SAFETY: rkt is a live topic handle (checked by the callers).
    let Some(t) = (unsafe { TopicState::from_ptr(r.rkt) }) else { return Err((RD_KAFKA_RESP_ERR__INVALID_ARG, r.headers)) };
    // After the first message the topic knows its producer: no reference
    // counting on the way.
    let (shared, pt) = match t.prod.get() {
        Some((shared, pt)) => (shared, pt),
        None => {
            let Some(inst) = t.inst.upgrade() else { return Err((RD_KAFKA_RESP_ERR__DESTROY, r.headers)) };
            let Some(shared) = inst.producer.as_ref() else { return Err((RD_KAFKA_RESP_ERR__INVALID_ARG, r.headers)) };
            if shared.closing.load(Ordering::Acquire) {
                return Err((RD_KAFKA_RESP_ERR__DESTROY, r.headers));
            }
            let (shared, pt) = prod_topic(&inst, shared, t, r.rkt);
            (shared, pt)
        }
    };
    if shared.closing.load(Ordering::Acquire) {
        return Err((RD_KAFKA_RESP_ERR__DESTROY, r.headers));
    }
    // SAFETY: the key is valid for keylen bytes (or NULL).
    let key = if r.key.is_null() { None } else { Some(unsafe { bytes(r.key, r.keylen) }) };
    let p = Produce {
        rkt: r.rkt,
        partition: r.partition,
        payload: MsgBuf::Null,
        key: MsgBuf::Null,
        headers: r.headers,
        opaque: r.opaque,
        timestamp: r.timestamp,
    };
    let m = if r.msgflags & RD_KAFKA_MSG_F_COPY != 0 || r.payload.is_null() {
        // SAFETY: the payload is valid for len bytes (or NULL).
        let value = if r.payload.is_null() { None } else { Some(unsafe { bytes(r.payload, r.len) }) };
        MessageObj::produce_copied_in(p, key, value, &shared.blocks)
    } else {
        MessageObj::produce_key_copied_in(Produce { payload: payload_buf(r.msgflags, r.payload, r.len), ..p }, key, &shared.blocks)
    };
    match shared.produce(pt, m, r.partition, r.msgflags & RD_KAFKA_MSG_F_BLOCK != 0) {
        Ok(()) => Ok(()),
        Err((e, mut m)) => {
            // The application still owns its payload and headers.
            m.disown_payload();
            let h = m.take_headers();
            Err((e.0, h))
        }
    }
}

/// Produces one message to `rkt` (see the RD_KAFKA_MSG_F_* flags). Returns
/// 0, or -1 with rd_kafka_last_error() set (and the payload still the
/// application's).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_produce(rkt: *mut rd_kafka_topic_t, partition: i32, msgflags: c_int, payload: *mut c_void, len: size_t, key: *const c_void, keylen: size_t, msg_opaque: *mut c_void) -> c_int {
    crate::ffi_guard!(-1, {
        if rkt.is_null() {
            set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
            return -1;
        }
        let r = Request { rkt, partition, msgflags, payload, len, key, keylen, opaque: msg_opaque, headers: None, timestamp: 0 };
        match produce_one(r) {
            Ok(()) => 0,
            Err((e, _)) => {
                set_last_error(e);
                -1
            }
        }
    })
}

/// Produces one message described by an array of typed arguments
/// (topic or topic handle, partition, value, key, opaque, flags, timestamp,
/// headers). NULL on success, else an error object.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_produceva(rk: *mut rd_kafka_t, vus: *const rd_kafka_vu_t, cnt: size_t) -> *mut rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        let err = |code, msg: String| ErrorObject::into_raw(KafkaError::new(code, msg));
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return err(RD_KAFKA_RESP_ERR__INVALID_ARG, "Invalid client handle".into()) };
        if let Some(f) = inst.fatal.lock().as_ref() {
            return err(RD_KAFKA_RESP_ERR__FATAL, format!("Producer is in a fatal state: {}", f.message));
        }
        if vus.is_null() && cnt > 0 {
            return err(RD_KAFKA_RESP_ERR__INVALID_ARG, "NULL argument array".into());
        }
        // SAFETY: vus holds cnt entries.
        let args = if cnt == 0 { &[][..] } else { unsafe { std::slice::from_raw_parts(vus, cnt) } };
        let mut r = Request {
            rkt: ptr::null_mut(),
            partition: RD_KAFKA_PARTITION_UA,
            msgflags: 0,
            payload: ptr::null_mut(),
            len: 0,
            key: ptr::null(),
            keylen: 0,
            opaque: ptr::null_mut(),
            headers: None,
            timestamp: 0,
        };
        let mut own_headers: Option<Box<HeadersObj>> = None;
        let mut app_headers: *mut rd_kafka_headers_t = ptr::null_mut();
        let mut topic_arc = None;
        for vu in args {
            // SAFETY: the union member read is the one vtype names.
            unsafe {
                match vu.vtype {
                    RD_KAFKA_VTYPE_TOPIC => {
                        let Some(name) = cstr(vu.u.cstr) else { return err(RD_KAFKA_RESP_ERR__INVALID_ARG, "NULL topic name".into()) };
                        match topic_for(inst, &name, ptr::null_mut()) {
                            Ok(t) => {
                                r.rkt = t.handle();
                                topic_arc = Some(t);
                            }
                            Err(e) => return err(RD_KAFKA_RESP_ERR__INVALID_ARG, e),
                        }
                    }
                    RD_KAFKA_VTYPE_RKT => r.rkt = vu.u.rkt,
                    RD_KAFKA_VTYPE_PARTITION => r.partition = vu.u.i32,
                    RD_KAFKA_VTYPE_VALUE => {
                        r.payload = vu.u.mem.ptr;
                        r.len = vu.u.mem.size;
                    }
                    RD_KAFKA_VTYPE_KEY => {
                        r.key = vu.u.mem.ptr;
                        r.keylen = vu.u.mem.size;
                    }
                    RD_KAFKA_VTYPE_OPAQUE => r.opaque = vu.u.ptr,
                    RD_KAFKA_VTYPE_MSGFLAGS => r.msgflags = vu.u.i,
                    RD_KAFKA_VTYPE_TIMESTAMP => r.timestamp = vu.u.i64,
                    RD_KAFKA_VTYPE_HEADER => {
                        if !app_headers.is_null() {
                            return err(RD_KAFKA_RESP_ERR__CONFLICT, "VTYPE_HEADER and VTYPE_HEADERS are mutually exclusive".into());
                        }
                        let h = own_headers.get_or_insert_with(|| Box::new(HeadersObj::with_capacity(2)));
                        let name = cstr(vu.u.header.name).map(|n| n.into_owned()).unwrap_or_default();
                        let value = if vu.u.header.val.is_null() {
                            None
                        } else {
                            let n = if vu.u.header.size < 0 { libc::strlen(vu.u.header.val as *const _) } else { vu.u.header.size as usize };
                            Some(bytes(vu.u.header.val, n))
                        };
                        h.add(name.as_bytes(), value);
                    }
                    RD_KAFKA_VTYPE_HEADERS => {
                        if own_headers.is_some() {
                            return err(RD_KAFKA_RESP_ERR__CONFLICT, "VTYPE_HEADERS and VTYPE_HEADER are mutually exclusive".into());
                        }
                        app_headers = vu.u.headers;
                    }
                    other => return err(RD_KAFKA_RESP_ERR__INVALID_ARG, format!("Unsupported VTYPE {other}")),
                }
            }
        }
        if r.rkt.is_null() {
            return err(RD_KAFKA_RESP_ERR__INVALID_ARG, "Topic name or object required".into());
        }
        let app_owned = !app_headers.is_null();
        r.headers = if app_owned {
            // SAFETY: the application hands its headers over on success.
            unsafe { HeadersObj::from_raw(app_headers) }
        } else {
            own_headers
        };
        let _keep = topic_arc;
        match produce_one(r) {
            Ok(()) => ptr::null_mut(),
            Err((e, headers)) => {
                if app_owned {
                    // Failed: the application keeps its headers, at the
                    // address it passed (it destroys them itself).
                    if let Some(h) = headers {
                        let back = h.into_raw();
                        debug_assert_eq!(back, app_headers);
                    }
                }
                set_last_error(e);
                err(e, format!("Failed to produce message: {}", crate::error::describe(e)))
            }
        }
    })
}

/// Produces an array of messages to `rkt`; each message's `err` says
/// whether it was accepted. Returns how many were.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_produce_batch(rkt: *mut rd_kafka_topic_t, partition: i32, msgflags: c_int, rkmessages: *mut rd_kafka_message_t, message_cnt: c_int) -> c_int {
    crate::ffi_guard!(0, {
        if rkt.is_null() || rkmessages.is_null() || message_cnt <= 0 {
            return 0;
        }
        // SAFETY: the application's array of message_cnt messages.
        let msgs = unsafe { std::slice::from_raw_parts_mut(rkmessages, message_cnt as usize) };
        let mut ok = 0;
        for m in msgs {
            let p = if msgflags & RD_KAFKA_MSG_F_PARTITION != 0 { m.partition } else { partition };
            let r = Request {
                rkt,
                partition: p,
                msgflags,
                payload: m.payload,
                len: m.len,
                key: m.key,
                keylen: m.key_len,
                opaque: m._private,
                headers: None,
                timestamp: 0,
            };
            match produce_one(r) {
                Ok(()) => {
                    m.err = RD_KAFKA_RESP_ERR_NO_ERROR;
                    ok += 1;
                }
                Err((e, _)) => m.err = e,
            }
        }
        ok
    })
}

/// Messages not yet delivered (queued or in flight) plus events waiting for
/// the application.
pub fn outq_len(inst: &Instance) -> usize {
    inst.producer.as_ref().map_or(0, |p| p.queued_msgs()) + inst.main_q.len()
}

/// Waits until every produced message is delivered (or failed) and its
/// report served, sending without waiting for linger.ms meanwhile.
/// _TIMED_OUT if messages remain after `timeout_ms`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_flush(rk: *mut rd_kafka_t, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        let deadline = (timeout_ms >= 0).then(|| Instant::now() + Duration::from_millis(timeout_ms as u64));
        let shared = inst.producer.clone();
        if let Some(s) = &shared {
            s.flushing.fetch_add(1, Ordering::AcqRel);
            s.wake_loop();
        }
        let callbacks = inst.callbacks.dr_msg_cb.is_some() || inst.callbacks.dr_cb.is_some();
        loop {
            let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            let step = remaining.map_or(Duration::from_millis(100), |r| r.min(Duration::from_millis(100)));
            if callbacks {
                poll_main(inst, Some(step));
            } else if let Some(s) = &shared {
                if s.queued_msgs() > 0 {
                    s.wait_for_space(step);
                }
            }
            let left = if callbacks { outq_len(inst) } else { shared.as_ref().map_or(0, |s| s.queued_msgs()) };
            if left == 0 {
                break;
            }
            if remaining.is_some_and(|r| r.is_zero()) {
                break;
            }
        }
        if let Some(s) = &shared {
            s.flushing.fetch_sub(1, Ordering::AcqRel);
        }
        let left = if callbacks { outq_len(inst) } else { shared.as_ref().map_or(0, |s| s.queued_msgs()) };
        if left > 0 { RD_KAFKA_RESP_ERR__TIMED_OUT } else { RD_KAFKA_RESP_ERR_NO_ERROR }
    })
}

/// Purges messages: those waiting in queues (RD_KAFKA_PURGE_F_QUEUE) and/or
/// those sent and waiting for the broker (RD_KAFKA_PURGE_F_INFLIGHT); their
/// delivery reports carry _PURGE_QUEUE / _PURGE_INFLIGHT.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_purge(rk: *mut rd_kafka_t, purge_flags: c_int) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if inst.producer.is_none() {
            return RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED;
        }
        let known = RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT | RD_KAFKA_PURGE_F_NON_BLOCKING;
        if purge_flags & !known != 0 {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        }
        let (queue, inflight) = (purge_flags & RD_KAFKA_PURGE_F_QUEUE != 0, purge_flags & RD_KAFKA_PURGE_F_INFLIGHT != 0);
        if !queue && !inflight {
            return RD_KAFKA_RESP_ERR_NO_ERROR;
        }
        let (tx, rx) = crossbeam_channel::bounded(1);
        let sent = inst.command(crate::engine::core::Command::Run(Box::new(move |core| {
            core.producer_purge(queue, inflight);
            let _ = tx.send(());
        })));
        if sent && purge_flags & RD_KAFKA_PURGE_F_NON_BLOCKING == 0 {
            let _ = rx.recv_timeout(Duration::from_secs(30));
        }
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

#[unsafe(no_mangle)]
#[allow(unused_variables)]
pub unsafe extern "C" fn rd_kafka_init_transactions(rk: *mut rd_kafka_t, timeout_ms: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_init_transactions"))
}

#[unsafe(no_mangle)]
#[allow(unused_variables)]
pub unsafe extern "C" fn rd_kafka_begin_transaction(rk: *mut rd_kafka_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_begin_transaction"))
}

#[unsafe(no_mangle)]
#[allow(unused_variables)]
pub unsafe extern "C" fn rd_kafka_send_offsets_to_transaction(rk: *mut rd_kafka_t, offsets: *const rd_kafka_topic_partition_list_t, cgmetadata: *const rd_kafka_consumer_group_metadata_t, timeout_ms: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_send_offsets_to_transaction"))
}

#[unsafe(no_mangle)]
#[allow(unused_variables)]
pub unsafe extern "C" fn rd_kafka_commit_transaction(rk: *mut rd_kafka_t, timeout_ms: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_commit_transaction"))
}

#[unsafe(no_mangle)]
#[allow(unused_variables)]
pub unsafe extern "C" fn rd_kafka_abort_transaction(rk: *mut rd_kafka_t, timeout_ms: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_abort_transaction"))
}
