//! Topic handles and the built-in partitioners.
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
pub unsafe extern "C" fn rd_kafka_topic_partition_available(rkt: *const rd_kafka_topic_t, partition: i32) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_consistent(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_consistent_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_murmur2(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_murmur2_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_fnv1a(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_fnv1a_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_new(rk: *mut rd_kafka_t, topic: *const c_char, conf: *mut rd_kafka_topic_conf_t) -> *mut rd_kafka_topic_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_destroy(rkt: *mut rd_kafka_topic_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_name(rkt: *const rd_kafka_topic_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_opaque(rkt: *const rd_kafka_topic_t) -> *mut c_void {
    ffi_stub!(ptr::null_mut())
}

/// Takes a reference on a topic handle for an object (a message) that points
/// to it. NULL is ignored.
pub fn topic_ref_acquire(rkt: *mut rd_kafka_topic_t) -> *mut rd_kafka_topic_t {
    rkt
}

/// Drops a reference taken with [`topic_ref_acquire`]. NULL is ignored.
pub fn topic_ref_release(rkt: *mut rd_kafka_topic_t) {
    let _ = rkt;
}
