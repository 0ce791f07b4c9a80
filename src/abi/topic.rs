//! Topic handles and the built-in partitioners.

use super::client::instance;
use crate::objects::types::*;
use crate::objects::util::{cstr, set_last_error};
use crate::engine::topic::{topic_for, TopicState};
use libc::size_t;
use std::os::raw::{c_char, c_int, c_void};
use std::ptr;
use std::sync::atomic::Ordering;

/// Longest topic name a handle can be created for (as librdkafka).
const MAX_TOPIC_NAME: usize = 512;

/// 1 if the partition currently has a leader, else 0 (only meaningful from
/// within a partitioner callback).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_available(rkt: *const rd_kafka_topic_t, partition: i32) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: caller passes a live topic handle or NULL.
        match unsafe { TopicState::from_ptr(rkt) } {
            Some(t) if partition >= 0 => t.available.lock().get(partition as usize).copied().unwrap_or(false) as c_int,
            _ => 0,
        }
    })
}

/// A handle to `topic` with `conf` (taken over; NULL: the default topic
/// configuration). The same topic returns the same handle, configured by
/// its first creation. NULL and rd_kafka_last_error() on failure.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_new(rk: *mut rd_kafka_t, topic: *const c_char, conf: *mut rd_kafka_topic_conf_t) -> *mut rd_kafka_topic_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller contract for handles and strings.
        let name = unsafe { cstr(topic) };
        let inst = unsafe { instance(rk) };
        let (Some(inst), Some(name)) = (inst, name.filter(|n| n.len() <= MAX_TOPIC_NAME)) else {
            if !conf.is_null() {
                // SAFETY: the caller gave us this configuration.
                unsafe { super::conf::rd_kafka_topic_conf_destroy(conf) };
            }
            set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
            return ptr::null_mut();
        };
        // SAFETY: conf is NULL or live and ours now.
        match unsafe { topic_for(inst, &name, conf) } {
            Ok(t) => {
                t.app_refs.fetch_add(1, Ordering::SeqCst);
                t.handle()
            }
            Err(msg) => {
                inst.log(crate::engine::instance::level::ERR, "TOPICCONF", &format!(
                    "Incompatible configuration settings for topic \"{name}\": {msg}"));
                set_last_error(RD_KAFKA_RESP_ERR__INVALID_ARG);
                ptr::null_mut()
            }
        }
    })
}

/// Releases a handle from rd_kafka_topic_new(). The topic itself stays known
/// to the client (messages may still refer to it).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_destroy(rkt: *mut rd_kafka_topic_t) {
    crate::ffi_guard!((), {
        // SAFETY: caller passes a live topic handle or NULL.
        if let Some(t) = unsafe { TopicState::from_ptr(rkt) } {
            let _ = t.app_refs.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| if n > 0 { Some(n - 1) } else { None });
        }
    })
}

/// The topic's name.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_name(rkt: *const rd_kafka_topic_t) -> *const c_char {
    // SAFETY: caller passes a live topic handle or NULL.
    unsafe { TopicState::from_ptr(rkt) }.map_or(ptr::null(), |t| t.name.as_ptr())
}

/// The opaque of the topic's configuration (rd_kafka_topic_conf_set_opaque()).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_opaque(rkt: *const rd_kafka_topic_t) -> *mut c_void {
    // SAFETY: caller passes a live topic handle or NULL.
    unsafe { TopicState::from_ptr(rkt) }.map_or(ptr::null_mut(), |t| t.opaque)
}

/// Random partition (retried once if the first pick has no leader).
#[unsafe(no_mangle)]
#[allow(unused_variables)] // the C signature is fixed; not every input is used
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
#[allow(unused_variables)] // the C signature is fixed; not every input is used
pub unsafe extern "C" fn rd_kafka_msg_partitioner_consistent(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    crate::ffi_guard!(0, {
        if partition_cnt <= 0 {
            return RD_KAFKA_PARTITION_UA;
        }
        // SAFETY: key is valid for keylen bytes (or NULL).
        crate::engine::partitioner::consistent(unsafe { crate::objects::util::bytes(key, keylen) }, partition_cnt)
    })
}

/// Like the consistent partitioner, but empty and NULL keys get a random partition.
#[unsafe(no_mangle)]
#[allow(unused_variables)] // the C signature is fixed; not every input is used
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
#[allow(unused_variables)] // the C signature is fixed; not every input is used
pub unsafe extern "C" fn rd_kafka_msg_partitioner_murmur2(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    crate::ffi_guard!(0, {
        if partition_cnt <= 0 {
            return RD_KAFKA_PARTITION_UA;
        }
        // SAFETY: key is valid for keylen bytes (or NULL).
        crate::engine::partitioner::murmur2_partition(unsafe { crate::objects::util::bytes(key, keylen) }, partition_cnt)
    })
}

/// Like the murmur2 partitioner, but NULL keys get a random partition.
#[unsafe(no_mangle)]
#[allow(unused_variables)] // the C signature is fixed; not every input is used
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
#[allow(unused_variables)] // the C signature is fixed; not every input is used
pub unsafe extern "C" fn rd_kafka_msg_partitioner_fnv1a(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    crate::ffi_guard!(0, {
        if partition_cnt <= 0 {
            return RD_KAFKA_PARTITION_UA;
        }
        // SAFETY: key is valid for keylen bytes (or NULL).
        crate::engine::partitioner::fnv1a_partition(unsafe { crate::objects::util::bytes(key, keylen) }, partition_cnt)
    })
}

/// Like the fnv1a partitioner, but NULL keys get a random partition.
#[unsafe(no_mangle)]
#[allow(unused_variables)] // the C signature is fixed; not every input is used
pub unsafe extern "C" fn rd_kafka_msg_partitioner_fnv1a_random(rkt: *const rd_kafka_topic_t, key: *const c_void, keylen: size_t, partition_cnt: i32, rkt_opaque: *mut c_void, msg_opaque: *mut c_void) -> i32 {
    if key.is_null() {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_random(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    } else {
        // SAFETY: forwarding the caller's arguments.
        unsafe { rd_kafka_msg_partitioner_fnv1a(rkt, key, keylen, partition_cnt, rkt_opaque, msg_opaque) }
    }
}
