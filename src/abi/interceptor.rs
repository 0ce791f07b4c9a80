//! Interceptors registered on a client (from its on_new interceptor).
//! They are kept in the client's configuration, next to the
//! configuration-level ones.

use crate::objects::types::*;
use crate::config::interceptors::Interceptors;
use crate::config::Conf;
use libc::size_t;
use std::os::raw::{c_char, c_int, c_void};

/// Adds to one of the client's interceptor lists.
unsafe fn add(rk: *mut rd_kafka_t, ic_name: *const c_char, f: impl FnOnce(&mut Interceptors, &str) -> rd_kafka_resp_err_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: caller contract for handles and strings; the client owns
        // its configuration.
        let (Some(inst), Some(name)) = (unsafe { super::client::instance(rk) }, unsafe { crate::objects::util::cstr(ic_name) }) else {
            return RD_KAFKA_RESP_ERR__INVALID_ARG;
        };
        match unsafe { Conf::from_ptr_mut(inst.conf) } {
            Some(c) => f(c.interceptors_mut(), &name),
            None => RD_KAFKA_RESP_ERR__INVALID_ARG,
        }
    })
}

/// Adds an interceptor called when the client is destroyed (use from an on_new interceptor).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_destroy(rk: *mut rd_kafka_t, ic_name: *const c_char, on_destroy: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    // SAFETY: caller contract for handles and strings.
    unsafe { add(rk, ic_name, |ics, name| match on_destroy {
        Some(f) => ics.on_destroy.add(name, f, ic_opaque),
        None => RD_KAFKA_RESP_ERR__INVALID_ARG,
    }) }
}

/// Adds an interceptor called for each message produced, before partitioning (use from an on_new interceptor).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_send(rk: *mut rd_kafka_t, ic_name: *const c_char, on_send: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_message_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    // SAFETY: caller contract for handles and strings.
    unsafe { add(rk, ic_name, |ics, name| match on_send {
        Some(f) => ics.on_send.add(name, f, ic_opaque),
        None => RD_KAFKA_RESP_ERR__INVALID_ARG,
    }) }
}

/// Adds an interceptor called for each message acknowledged (or failed) by the broker (use from an on_new interceptor).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_acknowledgement(rk: *mut rd_kafka_t, ic_name: *const c_char, on_acknowledgement: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_message_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    // SAFETY: caller contract for handles and strings.
    unsafe { add(rk, ic_name, |ics, name| match on_acknowledgement {
        Some(f) => ics.on_acknowledgement.add(name, f, ic_opaque),
        None => RD_KAFKA_RESP_ERR__INVALID_ARG,
    }) }
}

/// Adds an interceptor called for each message before it is returned to the application (use from an on_new interceptor).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_consume(rk: *mut rd_kafka_t, ic_name: *const c_char, on_consume: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_message_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    // SAFETY: caller contract for handles and strings.
    unsafe { add(rk, ic_name, |ics, name| match on_consume {
        Some(f) => ics.on_consume.add(name, f, ic_opaque),
        None => RD_KAFKA_RESP_ERR__INVALID_ARG,
    }) }
}

/// Adds an interceptor called with the result of each offset commit (use from an on_new interceptor).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_commit(rk: *mut rd_kafka_t, ic_name: *const c_char, on_commit: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const rd_kafka_topic_partition_list_t, rd_kafka_resp_err_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    // SAFETY: caller contract for handles and strings.
    unsafe { add(rk, ic_name, |ics, name| match on_commit {
        Some(f) => ics.on_commit.add(name, f, ic_opaque),
        None => RD_KAFKA_RESP_ERR__INVALID_ARG,
    }) }
}

/// Adds an interceptor called for each request sent to a broker (use from an on_new interceptor).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_request_sent(rk: *mut rd_kafka_t, ic_name: *const c_char, on_request_sent: Option<unsafe extern "C" fn(*mut rd_kafka_t, c_int, *const c_char, i32, i16, i16, i32, size_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    // SAFETY: caller contract for handles and strings.
    unsafe { add(rk, ic_name, |ics, name| match on_request_sent {
        Some(f) => ics.on_request_sent.add(name, f, ic_opaque),
        None => RD_KAFKA_RESP_ERR__INVALID_ARG,
    }) }
}

/// Adds an interceptor called for each response (or failure) received from a broker (use from an on_new interceptor).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_response_received(rk: *mut rd_kafka_t, ic_name: *const c_char, on_response_received: Option<unsafe extern "C" fn(*mut rd_kafka_t, c_int, *const c_char, i32, i16, i16, i32, size_t, i64, rd_kafka_resp_err_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    // SAFETY: caller contract for handles and strings.
    unsafe { add(rk, ic_name, |ics, name| match on_response_received {
        Some(f) => ics.on_response_received.add(name, f, ic_opaque),
        None => RD_KAFKA_RESP_ERR__INVALID_ARG,
    }) }
}

/// Adds an interceptor called by each thread the client starts, from that thread (use from an on_new interceptor).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_thread_start(rk: *mut rd_kafka_t, ic_name: *const c_char, on_thread_start: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_thread_type_t, *const c_char, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    // SAFETY: caller contract for handles and strings.
    unsafe { add(rk, ic_name, |ics, name| match on_thread_start {
        Some(f) => ics.on_thread_start.add(name, f, ic_opaque),
        None => RD_KAFKA_RESP_ERR__INVALID_ARG,
    }) }
}

/// Adds an interceptor called by each thread the client starts, before it exits (use from an on_new interceptor).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_thread_exit(rk: *mut rd_kafka_t, ic_name: *const c_char, on_thread_exit: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_thread_type_t, *const c_char, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    // SAFETY: caller contract for handles and strings.
    unsafe { add(rk, ic_name, |ics, name| match on_thread_exit {
        Some(f) => ics.on_thread_exit.add(name, f, ic_opaque),
        None => RD_KAFKA_RESP_ERR__INVALID_ARG,
    }) }
}

/// Adds an interceptor called when a broker connection changes state (use from an on_new interceptor).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_broker_state_change(rk: *mut rd_kafka_t, ic_name: *const c_char, on_broker_state_change: Option<unsafe extern "C" fn(*mut rd_kafka_t, i32, *const c_char, *const c_char, c_int, *const c_char, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    // SAFETY: caller contract for handles and strings.
    unsafe { add(rk, ic_name, |ics, name| match on_broker_state_change {
        Some(f) => ics.on_broker_state_change.add(name, f, ic_opaque),
        None => RD_KAFKA_RESP_ERR__INVALID_ARG,
    }) }
}
