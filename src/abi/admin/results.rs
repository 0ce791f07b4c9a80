//! Admin API: getting the typed result out of an admin result event.
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
pub unsafe extern "C" fn rd_kafka_event_CreateTopics_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_CreateTopics_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DeleteTopics_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DeleteTopics_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_CreatePartitions_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_CreatePartitions_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_AlterConfigs_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_AlterConfigs_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_IncrementalAlterConfigs_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_IncrementalAlterConfigs_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeConfigs_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeConfigs_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DeleteRecords_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DeleteRecords_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_ListConsumerGroups_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_ListConsumerGroups_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeConsumerGroups_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeConsumerGroups_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeTopics_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeTopics_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeCluster_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeCluster_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DeleteGroups_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DeleteGroups_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DeleteConsumerGroupOffsets_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DeleteConsumerGroupOffsets_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_CreateAcls_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_CreateAcls_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeAcls_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeAcls_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DeleteAcls_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DeleteAcls_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_ListConsumerGroupOffsets_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_ListConsumerGroupOffsets_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_AlterConsumerGroupOffsets_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_AlterConsumerGroupOffsets_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_ListOffsets_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_ListOffsets_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_DescribeUserScramCredentials_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_DescribeUserScramCredentials_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_AlterUserScramCredentials_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_AlterUserScramCredentials_result_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_event_ElectLeaders_result(rkev: *mut rd_kafka_event_t) -> *const rd_kafka_ElectLeaders_result_t {
    ffi_stub!(ptr::null())
}
