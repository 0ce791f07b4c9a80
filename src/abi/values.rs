//! Small value types: the C functions of UUIDs (topic ids) and nodes
//! (brokers in admin results). The objects are in `objects::values`.

use crate::objects::types::*;
use crate::objects::values::{NodeObj, UuidObj};
use std::os::raw::{c_char, c_int};
use std::ptr;

/// The UUID as Kafka's base64 text (22 characters).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Uuid_base64str(uuid: *const rd_kafka_Uuid_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: caller passes a valid handle or NULL.
        unsafe { UuidObj::from_ptr(uuid) }.map_or(ptr::null(), |u| u.base64().as_ptr())
    })
}

/// The low 64 bits of the UUID.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Uuid_least_significant_bits(uuid: *const rd_kafka_Uuid_t) -> i64 {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { UuidObj::from_ptr(uuid) }.map_or(0, |u| u.lsb)
}

/// The high 64 bits of the UUID.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Uuid_most_significant_bits(uuid: *const rd_kafka_Uuid_t) -> i64 {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { UuidObj::from_ptr(uuid) }.map_or(0, |u| u.msb)
}

/// A new UUID from its two halves; free it with rd_kafka_Uuid_destroy().
#[unsafe(no_mangle)]
pub extern "C" fn rd_kafka_Uuid_new(most_significant_bits: i64, least_significant_bits: i64) -> *mut rd_kafka_Uuid_t {
    crate::ffi_guard!(ptr::null_mut(), { UuidObj::new(most_significant_bits, least_significant_bits).into_raw() })
}

/// A copy of a UUID; free it with rd_kafka_Uuid_destroy().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Uuid_copy(uuid: *const rd_kafka_Uuid_t) -> *mut rd_kafka_Uuid_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: caller passes a valid handle or NULL.
        unsafe { UuidObj::from_ptr(uuid) }.map_or(ptr::null_mut(), |u| UuidObj::new(u.msb, u.lsb).into_raw())
    })
}

/// Frees a UUID made by rd_kafka_Uuid_new() or rd_kafka_Uuid_copy().
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Uuid_destroy(uuid: *mut rd_kafka_Uuid_t) {
    crate::ffi_guard!((), {
        if !uuid.is_null() {
            // SAFETY: the handle came from UuidObj::into_raw.
            drop(unsafe { Box::from_raw(uuid as *mut UuidObj) });
        }
    })
}

/// The broker id of a node.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Node_id(node: *const rd_kafka_Node_t) -> c_int {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { NodeObj::from_ptr(node) }.map_or(-1, |n| n.id)
}

/// The host name of a node.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Node_host(node: *const rd_kafka_Node_t) -> *const c_char {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { NodeObj::from_ptr(node) }.map_or(ptr::null(), |n| n.host.as_ptr())
}

/// The port of a node.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Node_port(node: *const rd_kafka_Node_t) -> u16 {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { NodeObj::from_ptr(node) }.map_or(0, |n| n.port)
}

/// The rack of a node, NULL when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_Node_rack(node: *const rd_kafka_Node_t) -> *const c_char {
    // SAFETY: caller passes a valid handle or NULL.
    unsafe { NodeObj::from_ptr(node) }.and_then(|n| n.rack.as_ref()).map_or(ptr::null(), |r| r.as_ptr())
}
