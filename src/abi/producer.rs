//! The producer API and transactions.
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
pub unsafe extern "C" fn rd_kafka_produce(rkt: *mut rd_kafka_topic_t, partition: i32, msgflags: c_int, payload: *mut c_void, len: size_t, key: *const c_void, keylen: size_t, msg_opaque: *mut c_void) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_produceva(rk: *mut rd_kafka_t, vus: *const rd_kafka_vu_t, cnt: size_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_produceva"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_produce_batch(rkt: *mut rd_kafka_topic_t, partition: i32, msgflags: c_int, rkmessages: *mut rd_kafka_message_t, message_cnt: c_int) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_flush(rk: *mut rd_kafka_t, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_purge(rk: *mut rd_kafka_t, purge_flags: c_int) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_init_transactions(rk: *mut rd_kafka_t, timeout_ms: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_init_transactions"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_begin_transaction(rk: *mut rd_kafka_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_begin_transaction"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_send_offsets_to_transaction(rk: *mut rd_kafka_t, offsets: *const rd_kafka_topic_partition_list_t, cgmetadata: *const rd_kafka_consumer_group_metadata_t, timeout_ms: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_send_offsets_to_transaction"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_commit_transaction(rk: *mut rd_kafka_t, timeout_ms: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_commit_transaction"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_abort_transaction(rk: *mut rd_kafka_t, timeout_ms: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_abort_transaction"))
}
