//! Admin API: DeleteRecords, ListOffsets, ElectLeaders.
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
pub unsafe extern "C" fn rd_kafka_topic_partition_result_partition(partition_result: *const rd_kafka_topic_partition_result_t) -> *const rd_kafka_topic_partition_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_result_error(partition_result: *const rd_kafka_topic_partition_result_t) -> *const rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_topic_partition_result_error"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteRecords_new(before_offsets: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_DeleteRecords_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteRecords_destroy(del_records: *mut rd_kafka_DeleteRecords_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteRecords_destroy_array(del_records: *mut *mut rd_kafka_DeleteRecords_t, del_record_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteRecords(rk: *mut rd_kafka_t, del_records: *mut *mut rd_kafka_DeleteRecords_t, del_record_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteRecords_result_offsets(result: *const rd_kafka_DeleteRecords_result_t) -> *const rd_kafka_topic_partition_list_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListOffsetsResultInfo_topic_partition(result_info: *const rd_kafka_ListOffsetsResultInfo_t) -> *const rd_kafka_topic_partition_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListOffsetsResultInfo_timestamp(result_info: *const rd_kafka_ListOffsetsResultInfo_t) -> i64 {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListOffsets_result_infos(result: *const rd_kafka_ListOffsets_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ListOffsetsResultInfo_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListOffsets(rk: *mut rd_kafka_t, topic_partitions: *mut rd_kafka_topic_partition_list_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ElectLeaders_new(election_type: rd_kafka_ElectionType_t, partitions: *mut rd_kafka_topic_partition_list_t) -> *mut rd_kafka_ElectLeaders_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ElectLeaders_destroy(elect_leaders: *mut rd_kafka_ElectLeaders_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ElectLeaders(rk: *mut rd_kafka_t, elect_leaders: *mut rd_kafka_ElectLeaders_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ElectLeaders_result_partitions(result: *const rd_kafka_ElectLeaders_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_topic_partition_result_t {
    ffi_stub!(ptr::null_mut())
}
