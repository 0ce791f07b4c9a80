//! Consumer group metadata objects (for sending offsets to a transaction).
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
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_new(group_id: *const c_char) -> *mut rd_kafka_consumer_group_metadata_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_new_with_genid(group_id: *const c_char, generation_id: i32, member_id: *const c_char, group_instance_id: *const c_char) -> *mut rd_kafka_consumer_group_metadata_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_group_id(group_metadata: *const rd_kafka_consumer_group_metadata_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_group_instance_id(group_metadata: *const rd_kafka_consumer_group_metadata_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_member_id(group_metadata: *const rd_kafka_consumer_group_metadata_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_generation_id(group_metadata: *const rd_kafka_consumer_group_metadata_t) -> i32 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_destroy(arg0: *mut rd_kafka_consumer_group_metadata_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_write(cgmd: *const rd_kafka_consumer_group_metadata_t, bufferp: *mut *mut c_void, sizep: *mut size_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_consumer_group_metadata_write"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_consumer_group_metadata_read(cgmdp: *mut *mut rd_kafka_consumer_group_metadata_t, buffer: *const c_void, size: size_t) -> *mut rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_consumer_group_metadata_read"))
}

