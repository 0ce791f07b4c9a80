//! Admin API: consumer groups and their offsets.
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
pub unsafe extern "C" fn rd_kafka_group_result_error(groupres: *const rd_kafka_group_result_t) -> *const rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_group_result_error"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_group_result_name(groupres: *const rd_kafka_group_result_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_group_result_partitions(groupres: *const rd_kafka_group_result_t) -> *const rd_kafka_topic_partition_list_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroups(rk: *mut rd_kafka_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupListing_group_id(grplist: *const rd_kafka_ConsumerGroupListing_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupListing_is_simple_consumer_group(grplist: *const rd_kafka_ConsumerGroupListing_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupListing_state(grplist: *const rd_kafka_ConsumerGroupListing_t) -> rd_kafka_consumer_group_state_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupListing_type(grplist: *const rd_kafka_ConsumerGroupListing_t) -> rd_kafka_consumer_group_type_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroups_result_valid(result: *const rd_kafka_ListConsumerGroups_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConsumerGroupListing_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroups_result_errors(result: *const rd_kafka_ListConsumerGroups_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_error_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeConsumerGroups(rk: *mut rd_kafka_t, groups: *mut *const c_char, groups_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeConsumerGroups_result_groups(result: *const rd_kafka_DescribeConsumerGroups_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConsumerGroupDescription_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_group_id(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_error(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> *const rd_kafka_error_t {
    ffi_stub!(not_implemented_error(c"rd_kafka_ConsumerGroupDescription_error"))
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_is_simple_consumer_group(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> c_int {
    ffi_stub!(-1)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_partition_assignor(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_authorized_operations(grpdesc: *const rd_kafka_ConsumerGroupDescription_t, cntp: *mut size_t) -> *const rd_kafka_AclOperation_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_state(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> rd_kafka_consumer_group_state_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_coordinator(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> *const rd_kafka_Node_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_type(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> rd_kafka_consumer_group_type_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_member_count(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> size_t {
    ffi_stub!(0)
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_member(grpdesc: *const rd_kafka_ConsumerGroupDescription_t, idx: size_t) -> *const rd_kafka_MemberDescription_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_client_id(member: *const rd_kafka_MemberDescription_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_group_instance_id(member: *const rd_kafka_MemberDescription_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_consumer_id(member: *const rd_kafka_MemberDescription_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_host(member: *const rd_kafka_MemberDescription_t) -> *const c_char {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_assignment(member: *const rd_kafka_MemberDescription_t) -> *const rd_kafka_MemberAssignment_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberAssignment_partitions(assignment: *const rd_kafka_MemberAssignment_t) -> *const rd_kafka_topic_partition_list_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_target_assignment(member: *const rd_kafka_MemberDescription_t) -> *const rd_kafka_MemberAssignment_t {
    ffi_stub!(ptr::null())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteGroup_new(group: *const c_char) -> *mut rd_kafka_DeleteGroup_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteGroup_destroy(del_group: *mut rd_kafka_DeleteGroup_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteGroup_destroy_array(del_groups: *mut *mut rd_kafka_DeleteGroup_t, del_group_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteGroups(rk: *mut rd_kafka_t, del_groups: *mut *mut rd_kafka_DeleteGroup_t, del_group_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteGroups_result_groups(result: *const rd_kafka_DeleteGroups_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_group_result_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroupOffsets_new(group_id: *const c_char, partitions: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_ListConsumerGroupOffsets_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroupOffsets_destroy(list_grpoffsets: *mut rd_kafka_ListConsumerGroupOffsets_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroupOffsets_destroy_array(list_grpoffsets: *mut *mut rd_kafka_ListConsumerGroupOffsets_t, list_grpoffset_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroupOffsets(rk: *mut rd_kafka_t, list_grpoffsets: *mut *mut rd_kafka_ListConsumerGroupOffsets_t, list_grpoffsets_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroupOffsets_result_groups(result: *const rd_kafka_ListConsumerGroupOffsets_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_group_result_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConsumerGroupOffsets_new(group_id: *const c_char, partitions: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_AlterConsumerGroupOffsets_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConsumerGroupOffsets_destroy(alter_grpoffsets: *mut rd_kafka_AlterConsumerGroupOffsets_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConsumerGroupOffsets_destroy_array(alter_grpoffsets: *mut *mut rd_kafka_AlterConsumerGroupOffsets_t, alter_grpoffset_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConsumerGroupOffsets(rk: *mut rd_kafka_t, alter_grpoffsets: *mut *mut rd_kafka_AlterConsumerGroupOffsets_t, alter_grpoffsets_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConsumerGroupOffsets_result_groups(result: *const rd_kafka_AlterConsumerGroupOffsets_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_group_result_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteConsumerGroupOffsets_new(group: *const c_char, partitions: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_DeleteConsumerGroupOffsets_t {
    ffi_stub!(ptr::null_mut())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteConsumerGroupOffsets_destroy(del_grpoffsets: *mut rd_kafka_DeleteConsumerGroupOffsets_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteConsumerGroupOffsets_destroy_array(del_grpoffsets: *mut *mut rd_kafka_DeleteConsumerGroupOffsets_t, del_grpoffset_cnt: size_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteConsumerGroupOffsets(rk: *mut rd_kafka_t, del_grpoffsets: *mut *mut rd_kafka_DeleteConsumerGroupOffsets_t, del_grpoffsets_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    ffi_stub!(())
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteConsumerGroupOffsets_result_groups(result: *const rd_kafka_DeleteConsumerGroupOffsets_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_group_result_t {
    ffi_stub!(ptr::null_mut())
}
