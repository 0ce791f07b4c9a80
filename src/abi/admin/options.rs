//! Admin API: AdminOptions.
#![allow(unused_variables)]

use super::super::types::*;
use crate::ffi_stub;
#[allow(unused_imports)]
use libc::{addrinfo, mode_t, size_t, sockaddr, ssize_t, FILE};
#[allow(unused_imports)]
use std::os::raw::{c_char, c_int, c_uchar, c_void};
#[allow(unused_imports)]
use std::ptr;
#[allow(unused_imports)]
use super::super::error::not_implemented_error;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_new(rk: *mut rd_kafka_t, for_api: rd_kafka_admin_op_t) -> *mut rd_kafka_AdminOptions_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_destroy(options: *mut rd_kafka_AdminOptions_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_request_timeout(options: *mut rd_kafka_AdminOptions_t, timeout_ms: c_int, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_operation_timeout(options: *mut rd_kafka_AdminOptions_t, timeout_ms: c_int, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_validate_only(options: *mut rd_kafka_AdminOptions_t, true_or_false: c_int, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_broker(options: *mut rd_kafka_AdminOptions_t, broker_id: i32, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_require_stable_offsets(options: *mut rd_kafka_AdminOptions_t, true_or_false: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_AdminOptions_set_require_stable_offsets"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_include_authorized_operations(options: *mut rd_kafka_AdminOptions_t, true_or_false: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_AdminOptions_set_include_authorized_operations"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_match_consumer_group_states(options: *mut rd_kafka_AdminOptions_t, consumer_group_states: *const rd_kafka_consumer_group_state_t, consumer_group_states_cnt: size_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_AdminOptions_set_match_consumer_group_states"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_match_consumer_group_types(options: *mut rd_kafka_AdminOptions_t, consumer_group_types: *const rd_kafka_consumer_group_type_t, consumer_group_types_cnt: size_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_AdminOptions_set_match_consumer_group_types"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_isolation_level(options: *mut rd_kafka_AdminOptions_t, value: rd_kafka_IsolationLevel_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_AdminOptions_set_isolation_level"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AdminOptions_set_opaque(options: *mut rd_kafka_AdminOptions_t, ev_opaque: *mut c_void) {
    ffi_stub!(())
}
