//! The consumer API: subscriptions, assignments, consuming, offsets.
#![allow(unused_variables)]

use super::types::*;
use crate::ffi_stub;

/// Consumer group state names, indexed by rd_kafka_consumer_group_state_t.
static GROUP_STATE_NAMES: [&std::ffi::CStr; 6] =
    [c"Unknown", c"PreparingRebalance", c"CompletingRebalance", c"Stable", c"Dead", c"Empty"];
/// Consumer group type names, indexed by rd_kafka_consumer_group_type_t.
static GROUP_TYPE_NAMES: [&std::ffi::CStr; 3] = [c"Unknown", c"Consumer", c"Classic"];
#[allow(unused_imports)]
use libc::{addrinfo, mode_t, size_t, sockaddr, ssize_t, FILE};
#[allow(unused_imports)]
use std::os::raw::{c_char, c_int, c_uchar, c_void};
#[allow(unused_imports)]
use std::ptr;
#[allow(unused_imports)]
use super::error::not_implemented_error;

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_pause_partitions(rk: *mut rd_kafka_t, partitions: *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_resume_partitions(rk: *mut rd_kafka_t, partitions: *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_query_watermark_offsets(rk: *mut rd_kafka_t, topic: *const c_char, partition: i32, low: *mut i64, high: *mut i64, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_get_watermark_offsets(rk: *mut rd_kafka_t, topic: *const c_char, partition: i32, low: *mut i64, high: *mut i64) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_offsets_for_times(rk: *mut rd_kafka_t, offsets: *mut rd_kafka_topic_partition_list_t, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_start(rkt: *mut rd_kafka_topic_t, partition: i32, offset: i64) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_start_queue(rkt: *mut rd_kafka_topic_t, partition: i32, offset: i64, rkqu: *mut rd_kafka_queue_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_stop(rkt: *mut rd_kafka_topic_t, partition: i32) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_seek(rkt: *mut rd_kafka_topic_t, partition: i32, offset: i64, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_seek_partitions(rk: *mut rd_kafka_t, partitions: *mut rd_kafka_topic_partition_list_t, timeout_ms: c_int) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_seek_partitions"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume(rkt: *mut rd_kafka_topic_t, partition: i32, timeout_ms: c_int) -> *mut rd_kafka_message_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_batch(rkt: *mut rd_kafka_topic_t, partition: i32, timeout_ms: c_int, rkmessages: *mut *mut rd_kafka_message_t, rkmessages_size: size_t) -> ssize_t {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_callback(rkt: *mut rd_kafka_topic_t, partition: i32, timeout_ms: c_int, consume_cb: Option<unsafe extern "C" fn(*mut rd_kafka_message_t, *mut c_void)>, commit_opaque: *mut c_void) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_queue(rkqu: *mut rd_kafka_queue_t, timeout_ms: c_int) -> *mut rd_kafka_message_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_batch_queue(rkqu: *mut rd_kafka_queue_t, timeout_ms: c_int, rkmessages: *mut *mut rd_kafka_message_t, rkmessages_size: size_t) -> ssize_t {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consume_callback_queue(rkqu: *mut rd_kafka_queue_t, timeout_ms: c_int, consume_cb: Option<unsafe extern "C" fn(*mut rd_kafka_message_t, *mut c_void)>, commit_opaque: *mut c_void) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_offset_store(rkt: *mut rd_kafka_topic_t, partition: i32, offset: i64) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_offsets_store(rk: *mut rd_kafka_t, offsets: *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_offset_store_message(rkmessage: *mut rd_kafka_message_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_offset_store_message"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_subscribe(rk: *mut rd_kafka_t, topics: *const rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_unsubscribe(rk: *mut rd_kafka_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_subscription(rk: *mut rd_kafka_t, topics: *mut *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_poll(rk: *mut rd_kafka_t, timeout_ms: c_int) -> *mut rd_kafka_message_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_close(rk: *mut rd_kafka_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_close_queue(rk: *mut rd_kafka_t, rkqu: *mut rd_kafka_queue_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_consumer_close_queue"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_closed(rk: *mut rd_kafka_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_incremental_assign(rk: *mut rd_kafka_t, partitions: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_incremental_assign"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_incremental_unassign(rk: *mut rd_kafka_t, partitions: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_incremental_unassign"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_rebalance_protocol(rk: *mut rd_kafka_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_assign(rk: *mut rd_kafka_t, partitions: *const rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_assignment(rk: *mut rd_kafka_t, partitions: *mut *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_assignment_lost(rk: *mut rd_kafka_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_commit(rk: *mut rd_kafka_t, offsets: *const rd_kafka_topic_partition_list_t, async_: c_int) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_commit_message(rk: *mut rd_kafka_t, rkmessage: *const rd_kafka_message_t, async_: c_int) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_commit_queue(rk: *mut rd_kafka_t, offsets: *const rd_kafka_topic_partition_list_t, rkqu: *mut rd_kafka_queue_t, cb: Option<unsafe extern "C" fn(*mut rd_kafka_t, rd_kafka_resp_err_t, *mut rd_kafka_topic_partition_list_t, *mut c_void)>, commit_opaque: *mut c_void) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_committed(rk: *mut rd_kafka_t, partitions: *mut rd_kafka_topic_partition_list_t, timeout_ms: c_int) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_position(rk: *mut rd_kafka_t, partitions: *mut rd_kafka_topic_partition_list_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata(rk: *mut rd_kafka_t) -> *mut rd_kafka_consumer_group_metadata_t {
    ffi_stub!(ptr::null_mut())
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
        let Some(n) = (unsafe { super::util::cstr(name) }) else { return RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN };
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
        let Some(n) = (unsafe { super::util::cstr(name) }) else { return RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN };
        GROUP_TYPE_NAMES
            .iter()
            .position(|s| s.to_str().is_ok_and(|s| s.eq_ignore_ascii_case(&n)))
            .map_or(RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN, |i| i as c_int)
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_poll_set_consumer(rk: *mut rd_kafka_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}
