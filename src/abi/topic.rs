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

/// Random partition (retried once if the first pick has no leader).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    crate::ffi_guard!(0, {
        if partition_cnt <= 0 {
            return RD_KAFKA_PARTITION_UA;
        }
        let p = crate::engine::partitioner::random_partition(partition_cnt);
        // SAFETY: rkt is the handle the producer passes (or NULL).
        if unsafe { rd_kafka_topic_partition_available(rkt, p) } == 1 { p } else { crate::engine::partitioner::random_partition(partition_cnt) }
    })
}

/// CRC-32 of the key modulo the partition count (NULL and empty keys hash alike).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_consistent(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    crate::ffi_guard!(0, {
        if partition_cnt <= 0 {
            return RD_KAFKA_PARTITION_UA;
        }
        // SAFETY: key is valid for keylen bytes (or NULL).
        crate::engine::partitioner::consistent(unsafe { super::util::bytes(key, keylen) }, partition_cnt)
    })
}

/// Like the consistent partitioner, but empty and NULL keys get a random partition.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_consistent_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    if keylen == 0 {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_random(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    } else {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_consistent(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    }
}

/// Java-compatible murmur2 of the key modulo the partition count.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_murmur2(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    crate::ffi_guard!(0, {
        if partition_cnt <= 0 {
            return RD_KAFKA_PARTITION_UA;
        }
        // SAFETY: key is valid for keylen bytes (or NULL).
        crate::engine::partitioner::murmur2_partition(unsafe { super::util::bytes(key, keylen) }, partition_cnt)
    })
}

/// Like the murmur2 partitioner, but NULL keys get a random partition.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_murmur2_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    if key.is_null() {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_random(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    } else {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_murmur2(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    }
}

/// FNV-1a of the key modulo the partition count (as Sarama).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_fnv1a(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    crate::ffi_guard!(0, {
        if partition_cnt <= 0 {
            return RD_KAFKA_PARTITION_UA;
        }
        // SAFETY: key is valid for keylen bytes (or NULL).
        crate::engine::partitioner::fnv1a_partition(unsafe { super::util::bytes(key, keylen) }, partition_cnt)
    })
}

/// Like the fnv1a partitioner, but NULL keys get a random partition.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_msg_partitioner_fnv1a_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    if key.is_null() {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_random(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    } else {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_fnv1a(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    }
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
