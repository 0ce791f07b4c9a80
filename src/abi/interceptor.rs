//! Interceptors registered on configurations and clients.
#![allow(unused_variables)]

use super::types::*;
use crate::ffi_stub;
#[allow(unused_imports)]
use libc::{addrinfo, mode_t, size_t, sockaddr, ssize_t, FILE};
#[allow(unused_imports)]
use std::os::raw::{c_char, c_int, c_uchar, c_void};
#[allow(unused_imports)]
use std::ptr;
#[allow(unused_imports)]
use super::error::not_implemented_error;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_destroy(rk: *mut rd_kafka_t, ic_name: *const c_char, on_destroy: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_send(rk: *mut rd_kafka_t, ic_name: *const c_char, on_send: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_message_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_acknowledgement(rk: *mut rd_kafka_t, ic_name: *const c_char, on_acknowledgement: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_message_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_consume(rk: *mut rd_kafka_t, ic_name: *const c_char, on_consume: Option<unsafe extern "C" fn(*mut rd_kafka_t, *mut rd_kafka_message_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_commit(rk: *mut rd_kafka_t, ic_name: *const c_char, on_commit: Option<unsafe extern "C" fn(*mut rd_kafka_t, *const rd_kafka_topic_partition_list_t, rd_kafka_resp_err_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_request_sent(rk: *mut rd_kafka_t, ic_name: *const c_char, on_request_sent: Option<unsafe extern "C" fn(*mut rd_kafka_t, c_int, *const c_char, i32, i16, i16, i32, size_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_response_received(rk: *mut rd_kafka_t, ic_name: *const c_char, on_response_received: Option<unsafe extern "C" fn(*mut rd_kafka_t, c_int, *const c_char, i32, i16, i16, i32, size_t, i64, rd_kafka_resp_err_t, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_thread_start(rk: *mut rd_kafka_t, ic_name: *const c_char, on_thread_start: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_thread_type_t, *const c_char, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_thread_exit(rk: *mut rd_kafka_t, ic_name: *const c_char, on_thread_exit: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_thread_type_t, *const c_char, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_interceptor_add_on_broker_state_change(rk: *mut rd_kafka_t, ic_name: *const c_char, on_broker_state_change: Option<unsafe extern "C" fn(*mut rd_kafka_t, i32, *const c_char, *const c_char, c_int, *const c_char, *mut c_void) -> rd_kafka_resp_err_t>, ic_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}
