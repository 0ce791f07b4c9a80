//! Client handles: creation, destruction, identity, polling, logging.

use crate::engine::queue::{EventObj, EventPayload};
use crate::objects::types::*;
use crate::objects::util::{cstr, set_last_error, write_errstr};
use crate::engine::instance::{self, ClientKind, Instance, LIVE_INSTANCES};
use libc::{size_t, FILE};
use std::ffi::CString;
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

/// The object behind `rd_kafka_t *`.
pub struct ClientHandle {
    pub inst: Arc<Instance>,
}

impl ClientHandle {
    /// Borrows the client behind a handle; None for NULL.
    ///
    /// # Safety
    /// `rk` must be NULL or a live handle returned by rd_kafka_new().
    pub unsafe fn from_ptr<'a>(rk: *const rd_kafka_t) -> Option<&'a ClientHandle> {
        // SAFETY: caller contract.
        unsafe { (rk as *const ClientHandle).as_ref() }
    }
}

/// The instance behind a handle, if any.
///
/// # Safety
/// See [`ClientHandle::from_ptr`].
pub unsafe fn instance<'a>(rk: *const rd_kafka_t) -> Option<&'a Arc<Instance>> {
    // SAFETY: caller contract.
    unsafe { ClientHandle::from_ptr(rk) }.map(|h| &h.inst)
}

/// Converts a poll timeout in milliseconds (-1: wait forever).
pub fn timeout_of(ms: c_int) -> Option<Duration> {
    if ms < 0 { None } else { Some(Duration::from_millis(ms as u64)) }
}

/// Serves one event with the application's callbacks (as rd_kafka_poll()
/// does). Returns true when the event was handed to a callback or consumed.
pub fn serve_event(inst: &Arc<Instance>, ev: EventObj) -> bool {
    let rk = inst.rk.load(Ordering::Relaxed);
    let cbs = &inst.callbacks;
    match ev.ev_type {
        RD_KAFKA_EVENT_LOG => {
            if let EventPayload::Log { fac, msg, level, .. } = &ev.payload {
                match *inst.log_cb.lock() {
                    // SAFETY: the application's callback with valid strings.
                    Some(f) => unsafe { f(rk, *level, fac.as_ptr(), msg.as_ptr()) },
                    None => instance::print_log_line(
                        inst.name_str(),
                        *level,
                        &fac.to_string_lossy(),
                        &msg.to_string_lossy(),
                    ),
                }
            }
            true
        }
        RD_KAFKA_EVENT_ERROR => {
            let reason = if ev.errstr.as_bytes().is_empty() {
                CString::new(crate::error::describe(ev.err)).unwrap_or_default()
            } else {
                ev.errstr.clone()
            };
            match cbs.error_cb {
                // SAFETY: the application's callback.
                Some(f) => unsafe { f(rk, ev.err, reason.as_ptr(), inst.opaque) },
                None => inst.log(
                    instance::level::ERR,
                    "ERROR",
                    &format!("{}: {}", crate::error::describe(ev.err), reason.to_string_lossy()),
                ),
            }
            true
        }
        RD_KAFKA_EVENT_STATS => {
            if let (Some(f), EventPayload::Stats(json)) = (cbs.stats_cb, &ev.payload) {
                // The callback may keep the buffer (returns 1): give it one
                // from the C heap.
                let bytes = json.as_bytes();
                let buf = crate::objects::util::c_memdup_nul(bytes);
                if !buf.is_null() {
                    // SAFETY: the application's callback with our buffer.
                    let keep = unsafe { f(rk, buf, bytes.len(), inst.opaque) };
                    if keep == 0 {
                        // SAFETY: allocated above with malloc.
                        unsafe { libc::free(buf as *mut c_void) };
                    }
                }
            }
            true
        }
        RD_KAFKA_EVENT_DR => {
            let mut ev = ev;
            let mut rest = None;
            if let EventPayload::Messages { msgs, .. } = &mut ev.payload {
                let n = msgs.len();
                for i in 0..n {
                    let m = msgs[i];
                    if let Some(&ahead) = msgs.get(i + 4) {
                        crate::objects::message::prefetch_message(ahead);
                    }
                    // SAFETY: messages owned by the event, valid during the call.
                    unsafe {
                        if let Some(f) = cbs.dr_msg_cb {
                            f(rk, m, inst.opaque);
                        } else if let Some(f) = cbs.dr_cb {
                            let msg = &*m;
                            f(rk, msg.payload, msg.len, msg.err, inst.opaque, msg._private);
                        }
                    }
                    // rd_kafka_yield() from the callback: the reports not
                    // served yet wait, first in line, for the next poll.
                    if i + 1 < n && inst.main_q.yield_pending() {
                        rest = Some(msgs.split_off(i + 1));
                        break;
                    }
                }
            }
            if let Some(msgs) = rest {
                inst.main_q.push_front(EventObj::new(RD_KAFKA_EVENT_DR, EventPayload::Messages { msgs, next: 0 }));
            }
            true
        }
        crate::objects::event::EVENT_THROTTLE => {
            if let (Some(f), EventPayload::Throttle { broker_name, broker_id, throttle_ms }) = (cbs.throttle_cb, &ev.payload) {
                // SAFETY: the application's callback.
                unsafe { f(rk, broker_name.as_ptr(), *broker_id, *throttle_ms, inst.opaque) };
            }
            true
        }
        RD_KAFKA_EVENT_OAUTHBEARER_TOKEN_REFRESH => {
            if let (Some(f), EventPayload::OAuthConfig(cfg)) = (cbs.oauthbearer_token_refresh_cb, &ev.payload) {
                // SAFETY: the application's callback.
                unsafe { f(rk, cfg.as_ptr(), inst.opaque) };
            }
            true
        }
        RD_KAFKA_EVENT_REBALANCE => {
            super::consumer::serve_rebalance(inst, ev);
            true
        }
        RD_KAFKA_EVENT_OFFSET_COMMIT => {
            super::consumer::serve_offset_commit(inst, ev);
            true
        }
        _ => {
            // Other events (admin results without a queue of their own) have
            // no callback: they are dropped, as librdkafka drops them.
            drop(ev);
            true
        }
    }
}

/// Serves the main queue for up to `timeout`; returns the number of events
/// served.
pub fn poll_main(inst: &Arc<Instance>, timeout: Option<Duration>) -> c_int {
    let mut served = 0;
    let mut wait = timeout;
    loop {
        match crate::engine::consumer::pop_item(&inst.main_q, wait) {
            Ok(crate::engine::consumer::Item::Event(ev)) => {
                if serve_event(inst, ev) {
                    served += 1;
                }
            }
            Ok(crate::engine::consumer::Item::Message(m)) => {
                // Consumer messages reach the main queue only when it is
                // forwarded to the consumer queue: served with consume_cb.
                let p = m.into_raw();
                if let Some(cb) = inst.callbacks.consume_cb {
                    // SAFETY: the application's callback with a live message.
                    unsafe { cb(p, inst.opaque) };
                }
                // SAFETY: ours.
                unsafe { crate::abi::message::rd_kafka_message_destroy(p) };
                served += 1;
            }
            Err(_) => break,
        }
        // After the first event, only drain what is already there.
        wait = Some(Duration::ZERO);
    }
    served
}

/// The opaque given to rd_kafka_conf_set_opaque().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_opaque(rk: *const rd_kafka_t) -> *mut c_void {
    // SAFETY: caller contract for handles.
    unsafe { instance(rk) }.map_or(ptr::null_mut(), |i| i.opaque)
}

/// Creates a producer or consumer client from `conf` (which it takes over on
/// success). On failure returns NULL, writes the reason to `errstr` and
/// leaves `conf` to the caller.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_new(type_: rd_kafka_type_t, conf: *mut rd_kafka_conf_t, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_t {
    crate::ffi_guard!(ptr::null_mut(), {
        let kind = match type_ {
            RD_KAFKA_PRODUCER => ClientKind::Producer,
            RD_KAFKA_CONSUMER => ClientKind::Consumer,
            _ => {
                // SAFETY: errstr is valid for errstr_size bytes (or NULL).
                unsafe { write_errstr(errstr, errstr_size, &format!("Invalid client type {type_}")) };
                set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
                return ptr::null_mut();
            }
        };
        // SAFETY: conf is NULL or a live configuration from rd_kafka_conf_new().
        match unsafe { super::conf_bridge::create_instance(kind, conf) } {
            Ok((inst, warnings)) => {
                let rk = Box::into_raw(Box::new(ClientHandle { inst: inst.clone() })) as *mut rd_kafka_t;
                inst.rk.store(rk, Ordering::Release);
                // SAFETY: the instance is fully set up; on_new interceptors
                // see the final handle.
                match unsafe { super::conf_bridge::after_create(&inst, rk, warnings) } {
                    Ok(()) => rk,
                    Err(msg) => {
                        // The application keeps its configuration.
                        // SAFETY: rk was created above and is not shared yet.
                        drop(unsafe { Box::from_raw(rk as *mut ClientHandle) });
                        drop(inst);
                        unsafe { write_errstr(errstr, errstr_size, &msg) };
                        set_last_error(RD_KAFKA_RESP_ERR__CRIT_SYS_RESOURCE);
                        ptr::null_mut()
                    }
                }
            }
            Err(msg) => {
                // SAFETY: see above.
                unsafe { write_errstr(errstr, errstr_size, &msg) };
                set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
                ptr::null_mut()
            }
        }
    })
}

/// Tears down a client: stops its threads, drops queued events and frees
/// everything it owns.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_destroy(rk: *mut rd_kafka_t) {
    // SAFETY: forwarding the caller's handle.
    unsafe { rd_kafka_destroy_flags(rk, 0) }
}

/// rd_kafka_destroy() with RD_KAFKA_DESTROY_F_* flags.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_destroy_flags(rk: *mut rd_kafka_t, flags: c_int) {
    crate::ffi_guard!((), {
        if rk.is_null() {
            return;
        }
        // A consumer is closed first (revoking its assignment, committing
        // its offsets, leaving its group) unless told not to.
        // SAFETY: rk is live until the handle is dropped below.
        if let Some(inst) = unsafe { instance(rk) } {
            if let Some(c) = &inst.consumer {
                if flags & RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE == 0 {
                    super::consumer::close_blocking(inst, c);
                }
            }
        }
        // SAFETY: rk is live until the handle is dropped below.
        if let Some(inst) = unsafe { instance(rk) } {
            unsafe { super::conf_bridge::before_destroy(inst, rk) };
        }
        // SAFETY: the handle came from rd_kafka_new() and is destroyed once.
        let handle = unsafe { Box::from_raw(rk as *mut ClientHandle) };
        let inst = handle.inst.clone();
        // The handle stays valid until the loop has stopped: callbacks made
        // while shutting down (logs, last reports) still get a usable rk.
        inst.terminating.store(true, Ordering::SeqCst);
        if let Some(p) = &inst.producer {
            p.closing.store(true, Ordering::Release);
            p.wake_waiters();
        }
        super::conf_bridge::stop_engine(&inst);
        // A mock cluster made for this client (test.mock.num.brokers) stops
        // with it.
        drop(crate::mock::unregister_client_cluster(rk as *const std::os::raw::c_void));
        if let Some(p) = &inst.producer {
            p.drop_all_queued();
        }
        // Nothing queued for the application survives the instance.
        drop(inst.main_q.disable());
        drop(inst.consumer_q.disable());
        drop(inst.log_q.lock().disable());
        // SAFETY: the instance owns its configuration.
        unsafe { super::conf_bridge::destroy_instance(&inst) };
        inst.topics.lock().clear();
        inst.rk.store(ptr::null_mut(), Ordering::Release);
        drop(handle);
    })
}

/// The instance name, "<client.id>#<producer|consumer>-<n>".
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_name(rk: *const rd_kafka_t) -> *const c_char {
    // SAFETY: caller contract for handles.
    unsafe { instance(rk) }.map_or(ptr::null(), |i| i.name.as_ptr())
}

/// RD_KAFKA_PRODUCER or RD_KAFKA_CONSUMER.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_type(rk: *const rd_kafka_t) -> rd_kafka_type_t {
    // SAFETY: caller contract for handles.
    unsafe { instance(rk) }.map_or(RD_KAFKA_PRODUCER, |i| i.kind.c_value())
}

/// The group member id (a copy to free with rd_kafka_mem_free()), or NULL
/// when the consumer has not joined a group.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_memberid(rk: *const rd_kafka_t) -> *mut c_char {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        match unsafe { instance(rk) }.and_then(|i| i.member_id.lock().clone()) {
            Some(id) => crate::objects::util::c_strdup(&id),
            None => ptr::null_mut(),
        }
    })
}

/// The cluster id (a copy to free with rd_kafka_mem_free()), waiting up to
/// `timeout_ms` for metadata; NULL if unknown (or the broker is too old).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_clusterid(rk: *mut rd_kafka_t, timeout_ms: c_int) -> *mut c_char {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return ptr::null_mut() };
        match crate::engine::api::cluster_info(inst, timeout_ms).0 {
            Some(id) => crate::objects::util::c_strdup(&id),
            None => ptr::null_mut(),
        }
    })
}

/// The controller's broker id, waiting up to `timeout_ms` for metadata; -1
/// if unknown.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_controllerid(rk: *mut rd_kafka_t, timeout_ms: c_int) -> i32 {
    crate::ffi_guard!(-1, {
        // SAFETY: caller contract for handles.
        match unsafe { instance(rk) } {
            Some(inst) => crate::engine::api::cluster_info(inst, timeout_ms).1,
            None => -1,
        }
    })
}

/// Serves the main queue: calls the delivery report, error, stats, throttle
/// and log callbacks for what is queued, waiting up to `timeout_ms` for the
/// first event. Returns the number of events served.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_poll(rk: *mut rd_kafka_t, timeout_ms: c_int) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: caller contract for handles.
        match unsafe { instance(rk) } {
            Some(inst) => poll_main(inst, timeout_of(timeout_ms)),
            None => 0,
        }
    })
}

/// Makes a blocking rd_kafka_poll() (or flush) on another thread return as
/// soon as possible.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_yield(rk: *mut rd_kafka_t) {
    // SAFETY: caller contract for handles.
    if let Some(inst) = unsafe { instance(rk) } {
        inst.main_q.wake_yield();
    }
}

/// calloc() from the library's allocator (the C heap).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mem_calloc(rk: *mut rd_kafka_t, num: size_t, size: size_t) -> *mut c_void {
    let _ = rk;
    // SAFETY: plain calloc.
    unsafe { libc::calloc(num, size) }
}

/// malloc() from the library's allocator (the C heap).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mem_malloc(rk: *mut rd_kafka_t, size: size_t) -> *mut c_void {
    let _ = rk;
    // SAFETY: plain malloc.
    unsafe { libc::malloc(size) }
}

/// Frees memory the library returned for the application to free.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_mem_free(rk: *mut rd_kafka_t, ptr_: *mut c_void) {
    let _ = rk;
    // SAFETY: the pointer came from the C heap (or is NULL).
    unsafe { libc::free(ptr_) }
}

/// Sends log lines to `rkqu` instead of the main queue (with `log.queue`
/// set); NULL restores the main queue.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_set_log_queue(rk: *mut rd_kafka_t, rkqu: *mut rd_kafka_queue_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return RD_KAFKA_RESP_ERR__INVALID_ARG };
        if !inst.log_queue_enabled {
            return RD_KAFKA_RESP_ERR__NOT_CONFIGURED;
        }
        // SAFETY: rkqu is NULL or a live queue handle.
        let q = match unsafe { super::queue::QueueHandle::from_ptr(rkqu) } {
            Some(h) => h.q.clone(),
            None => inst.main_q.clone(),
        };
        *inst.log_q.lock() = q;
        RD_KAFKA_RESP_ERR_NO_ERROR
    })
}

/// Adds bootstrap brokers ("host:port,..."); returns how many were added.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_brokers_add(rk: *mut rd_kafka_t, brokerlist: *const c_char) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: caller contract for handles and strings.
        let (Some(inst), Some(list)) = (unsafe { instance(rk) }, unsafe { cstr(brokerlist) }) else { return 0 };
        let (tx, rx) = crossbeam_channel::bounded(1);
        if !inst.command(crate::engine::core::Command::AddBrokers(list.into_owned(), tx)) {
            return 0;
        }
        rx.recv_timeout(Duration::from_secs(5)).map_or(0, |n| n as c_int)
    })
}

/// The ids of the brokers learned from metadata (a malloc()ed array of
/// `*cntp` ids to free with rd_kafka_mem_free()); NULL when none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_brokers_learned_ids(rk: *mut rd_kafka_t, cntp: *mut size_t) -> *mut i32 {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return ptr::null_mut() };
        let ids = crate::engine::api::learned_broker_ids(inst);
        if !cntp.is_null() {
            // SAFETY: cntp is a valid out-param.
            unsafe { *cntp = ids.len() };
        }
        if ids.is_empty() {
            return ptr::null_mut();
        }
        let bytes: Vec<u8> = ids.iter().flat_map(|i| i.to_ne_bytes()).collect();
        crate::objects::util::c_memdup(&bytes) as *mut i32
    })
}

/// Replaces the log callback (deprecated: use the log_cb property).
#[unsafe(no_mangle)]
#[deprecated]
pub unsafe extern "C" fn rd_kafka_set_logger(rk: *mut rd_kafka_t, func: Option<unsafe extern "C" fn(*const rd_kafka_t, c_int, *const c_char, *const c_char)>) {
    // SAFETY: caller contract for handles.
    if let Some(inst) = unsafe { instance(rk) } {
        *inst.log_cb.lock() = func;
    }
}

/// Changes the maximum level of logged lines (syslog levels 0..7).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_set_log_level(rk: *mut rd_kafka_t, level: c_int) {
    // SAFETY: caller contract for handles.
    if let Some(inst) = unsafe { instance(rk) } {
        inst.log_level.store(level, Ordering::Relaxed);
    }
}

/// The default logger: one line per log on stderr.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_log_print(rk: *const rd_kafka_t, level: c_int, fac: *const c_char, buf: *const c_char) {
    crate::ffi_guard!((), {
        // SAFETY: caller passes valid strings or NULL.
        let name = unsafe { instance(rk) }.map(|i| i.name_str().to_string()).unwrap_or_default();
        let fac = unsafe { cstr(fac) }.unwrap_or_default();
        let buf = unsafe { cstr(buf) }.unwrap_or_default();
        instance::print_log_line(&name, level, &fac, &buf);
    })
}

/// A logger that writes to syslog(3) (facility LOG_USER, ident "rdkafka").
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_log_syslog(rk: *const rd_kafka_t, level: c_int, fac: *const c_char, buf: *const c_char) {
    crate::ffi_guard!((), {
        static OPENED: std::sync::Once = std::sync::Once::new();
        OPENED.call_once(|| {
            // SAFETY: openlog keeps the ident pointer: a static C string.
            unsafe { libc::openlog(c"rdkafka".as_ptr(), libc::LOG_PID | libc::LOG_CONS, libc::LOG_USER) }
        });
        // SAFETY: caller passes valid strings or NULL.
        let name = unsafe { instance(rk) }.map(|i| i.name_str().to_string()).unwrap_or_default();
        let line = format!(
            "{}: {}: {}",
            unsafe { cstr(fac) }.unwrap_or_default(),
            name,
            unsafe { cstr(buf) }.unwrap_or_default()
        );
        let line = CString::new(line.replace('\0', " ")).unwrap_or_default();
        // SAFETY: "%s" with one C string argument.
        unsafe { libc::syslog(level, c"%s".as_ptr(), line.as_ptr()) };
    })
}

/// Messages not yet delivered (queued or in flight) plus events waiting for
/// the application.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_outq_len(rk: *mut rd_kafka_t) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: caller contract for handles.
        match unsafe { instance(rk) } {
            Some(inst) => super::producer::outq_len(inst) as c_int,
            None => 0,
        }
    })
}

/// Writes a description of the client's internal state to `fp`.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_dump(fp: *mut FILE, rk: *mut rd_kafka_t) {
    crate::ffi_guard!((), {
        // SAFETY: caller contract for handles.
        let Some(inst) = (unsafe { instance(rk) }) else { return };
        if fp.is_null() {
            return;
        }
        let text = format!(
            "rd_kafka_t {:p}: {}\n producer.msg_cnt 0\n main queue: {} events\n consumer queue: {} events\n topics: {}\n",
            rk,
            inst.name_str(),
            inst.main_q.len(),
            inst.consumer_q.len(),
            inst.topics.lock().keys().cloned().collect::<Vec<_>>().join(", ")
        );
        let c = CString::new(text).unwrap_or_default();
        // SAFETY: fp is an open FILE of the application.
        unsafe { libc::fputs(c.as_ptr(), fp as *mut libc::FILE) };
    })
}

/// Number of threads the library runs for all client instances.
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_thread_cnt() -> c_int {
    crate::engine::THREADS.load(Ordering::SeqCst)
}

/// Waits until every client instance is destroyed (0) or the timeout
/// passes (-1).
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_wait_destroyed(timeout_ms: c_int) -> c_int {
    let deadline = std::time::Instant::now() + Duration::from_millis(timeout_ms.max(0) as u64);
    loop {
        if LIVE_INSTANCES.load(Ordering::SeqCst) == 0 && crate::engine::THREADS.load(Ordering::SeqCst) == 0 {
            return 0;
        }
        if std::time::Instant::now() >= deadline {
            return -1;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// librdkafka runs its built-in unit tests here; ferrokafka's unit tests run
/// with `cargo test`, so there is nothing to run: returns 0 (success).
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_unittest() -> c_int {
    0
}
