//! Topic-partition lists.
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
pub unsafe extern "C" fn rd_kafka_topic_partition_destroy(rktpar: *mut rd_kafka_topic_partition_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_set_leader_epoch(rktpar: *mut rd_kafka_topic_partition_t, leader_epoch: i32) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_get_leader_epoch(rktpar: *const rd_kafka_topic_partition_t) -> i32 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_new(size: c_int) -> *mut rd_kafka_topic_partition_list_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_destroy(rkparlist: *mut rd_kafka_topic_partition_list_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_add(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32) -> *mut rd_kafka_topic_partition_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_add_range(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, start: i32, stop: i32) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_del(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_del_by_idx(rktparlist: *mut rd_kafka_topic_partition_list_t, idx: c_int) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_copy(src: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_topic_partition_list_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_set_offset(rktparlist: *mut rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32, offset: i64) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_find(rktparlist: *const rd_kafka_topic_partition_list_t, topic: *const c_char, partition: i32) -> *mut rd_kafka_topic_partition_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_list_sort(rktparlist: *mut rd_kafka_topic_partition_list_t, cmp: Option<unsafe extern "C" fn(*const c_void, *const c_void, *mut c_void) -> c_int>, cmp_opaque: *mut c_void) {
    ffi_stub!(())
}
