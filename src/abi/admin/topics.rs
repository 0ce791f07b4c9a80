//! Admin API: topics and partitions.
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
pub unsafe extern "C" fn rd_kafka_topic_result_error(topicres: *const rd_kafka_topic_result_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_result_error_string(topicres: *const rd_kafka_topic_result_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_result_name(topicres: *const rd_kafka_topic_result_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_new(topic: *const c_char, num_partitions: c_int, replication_factor: c_int, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_NewTopic_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_destroy(new_topic: *mut rd_kafka_NewTopic_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_destroy_array(new_topics: *mut *mut rd_kafka_NewTopic_t, new_topic_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_set_replica_assignment(new_topic: *mut rd_kafka_NewTopic_t, partition: i32, broker_ids: *mut i32, broker_id_cnt: size_t, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_set_config(new_topic: *mut rd_kafka_NewTopic_t, name: *const c_char, value: *const c_char) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreateTopics(rk: *mut rd_kafka_t, new_topics: *mut *mut rd_kafka_NewTopic_t, new_topic_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreateTopics_result_topics(result: *const rd_kafka_CreateTopics_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_topic_result_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopic_new(topic: *const c_char) -> *mut rd_kafka_DeleteTopic_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopic_destroy(del_topic: *mut rd_kafka_DeleteTopic_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopic_destroy_array(del_topics: *mut *mut rd_kafka_DeleteTopic_t, del_topic_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopics(rk: *mut rd_kafka_t, del_topics: *mut *mut rd_kafka_DeleteTopic_t, del_topic_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopics_result_topics(result: *const rd_kafka_DeleteTopics_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_topic_result_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_new(topic: *const c_char, new_total_cnt: size_t, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_NewPartitions_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_destroy(new_parts: *mut rd_kafka_NewPartitions_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_destroy_array(new_parts: *mut *mut rd_kafka_NewPartitions_t, new_parts_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_set_replica_assignment(new_parts: *mut rd_kafka_NewPartitions_t, new_partition_idx: i32, broker_ids: *mut i32, broker_id_cnt: size_t, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    ffi_stub!(RD_KAFKA_RESP_ERR__NOT_IMPLEMENTED)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreatePartitions(rk: *mut rd_kafka_t, new_parts: *mut *mut rd_kafka_NewPartitions_t, new_parts_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreatePartitions_result_topics(result: *const rd_kafka_CreatePartitions_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_topic_result_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicCollection_of_topic_names(topics: *mut *const c_char, topics_cnt: size_t) -> *mut rd_kafka_TopicCollection_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicCollection_destroy(topics: *mut rd_kafka_TopicCollection_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeTopics(rk: *mut rd_kafka_t, topics: *const rd_kafka_TopicCollection_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeTopics_result_topics(result: *const rd_kafka_DescribeTopics_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_TopicDescription_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_partitions(topicdesc: *const rd_kafka_TopicDescription_t, cntp: *mut size_t) -> *mut *const rd_kafka_TopicPartitionInfo_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_partition(partition: *const rd_kafka_TopicPartitionInfo_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_leader(partition: *const rd_kafka_TopicPartitionInfo_t) -> *const rd_kafka_Node_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_isr(partition: *const rd_kafka_TopicPartitionInfo_t, cntp: *mut size_t) -> *mut *const rd_kafka_Node_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_replicas(partition: *const rd_kafka_TopicPartitionInfo_t, cntp: *mut size_t) -> *mut *const rd_kafka_Node_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_authorized_operations(topicdesc: *const rd_kafka_TopicDescription_t, cntp: *mut size_t) -> *const rd_kafka_AclOperation_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_name(topicdesc: *const rd_kafka_TopicDescription_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_topic_id(topicdesc: *const rd_kafka_TopicDescription_t) -> *const rd_kafka_Uuid_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_is_internal(topicdesc: *const rd_kafka_TopicDescription_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_error(topicdesc: *const rd_kafka_TopicDescription_t) -> *const rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_TopicDescription_error"))
}
