//! Admin API: the C functions of consumer groups and their offsets
//! (DeleteGroups, ListConsumerGroups, DescribeConsumerGroups,
//! ListConsumerGroupOffsets, AlterConsumerGroupOffsets,
//! DeleteConsumerGroupOffsets). The request and result objects are in
//! `objects::admin::groups`.
#![allow(unused_variables)]

use crate::objects::admin::groups::*;
use crate::objects::tpl::{self, TopicPartition};
use crate::objects::types::*;
use super::common::*;
use libc::size_t;
use std::os::raw::{c_char, c_int};
use std::ptr;

unsafe fn group_results(result: *const rd_kafka_event_t, ev_type: c_int, cntp: *mut size_t) -> *mut *const rd_kafka_group_result_t {
    // SAFETY: caller contract.
    unsafe { out_of(payload::<GroupResultsPayload>(result, ev_type).map(|p| &p.0), cntp) }
}

/// Copies a C partition list argument (None for NULL).
unsafe fn tpl_arg(p: *const rd_kafka_topic_partition_list_t) -> Option<Vec<TopicPartition>> {
    // SAFETY: p is NULL or a valid list.
    (!p.is_null()).then(|| unsafe { tpl::to_vec(p) })
}

// ---------------------------------------------------------------------------
// C functions
// ---------------------------------------------------------------------------

/// The error of a group result, NULL on success.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_group_result_error(groupres: *const rd_kafka_group_result_t) -> *const rd_kafka_error_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<GroupResultObj>(groupres) }.map_or(ptr::null(), |g| error_ptr(&g.error))
    })
}

/// The group name of a group result.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_group_result_name(groupres: *const rd_kafka_group_result_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<GroupResultObj>(groupres) }.map_or(ptr::null(), |g| g.group.as_ptr())
    })
}

/// The partitions (offsets, per-partition errors) of a group result; NULL when there are none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_group_result_partitions(groupres: *const rd_kafka_group_result_t) -> *const rd_kafka_topic_partition_list_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<GroupResultObj>(groupres) }
            .and_then(|g| g.partitions.as_ref())
            .map_or(ptr::null(), OwnedTpl::as_ptr)
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroups(rk: *mut rd_kafka_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT, "rd_kafka_ListConsumerGroups") }
    })
}

/// The group id of a group listing.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupListing_group_id(grplist: *const rd_kafka_ConsumerGroupListing_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupListingObj>(grplist) }.map_or(ptr::null(), |l| l.group_id.as_ptr())
    })
}

/// 1 if the listed group is a simple consumer group (no protocol).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupListing_is_simple_consumer_group(grplist: *const rd_kafka_ConsumerGroupListing_t) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupListingObj>(grplist) }.is_some_and(|l| l.data.is_simple_consumer_group) as c_int
    })
}

/// The state of a listed group.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupListing_state(grplist: *const rd_kafka_ConsumerGroupListing_t) -> rd_kafka_consumer_group_state_t {
    crate::ffi_guard!(RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupListingObj>(grplist) }.map_or(RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN, |l| l.data.state)
    })
}

/// The type (classic or consumer protocol) of a listed group.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupListing_type(grplist: *const rd_kafka_ConsumerGroupListing_t) -> rd_kafka_consumer_group_type_t {
    crate::ffi_guard!(RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupListingObj>(grplist) }.map_or(RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN, |l| l.data.group_type)
    })
}

/// The groups a ListConsumerGroups result lists (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroups_result_valid(result: *const rd_kafka_ListConsumerGroups_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConsumerGroupListing_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { out_of(payload::<ListConsumerGroupsPayload>(result, RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT).map(|p| &p.valid), cntp) }
    })
}

/// The errors of the brokers that could not list their groups; NULL when there are none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroups_result_errors(result: *const rd_kafka_ListConsumerGroups_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_error_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { out_of(payload::<ListConsumerGroupsPayload>(result, RD_KAFKA_EVENT_LISTCONSUMERGROUPS_RESULT).map(|p| &p.errors), cntp) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeConsumerGroups(rk: *mut rd_kafka_t, groups: *mut *const c_char, groups_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT, "rd_kafka_DescribeConsumerGroups") }
    })
}

/// The group descriptions of a DescribeConsumerGroups result, in request order (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeConsumerGroups_result_groups(result: *const rd_kafka_DescribeConsumerGroups_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ConsumerGroupDescription_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { out_of(payload::<DescribeConsumerGroupsPayload>(result, RD_KAFKA_EVENT_DESCRIBECONSUMERGROUPS_RESULT).map(|p| &p.0), cntp) }
    })
}

/// The group id of a group description.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_group_id(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupDescriptionObj>(grpdesc) }.map_or(ptr::null(), |d| d.group_id.as_ptr())
    })
}

/// The error of a group description, NULL when the group was described.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_error(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> *const rd_kafka_error_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupDescriptionObj>(grpdesc) }.map_or(ptr::null(), |d| error_ptr(&d.error))
    })
}

/// 1 if the described group is a simple consumer group.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_is_simple_consumer_group(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupDescriptionObj>(grpdesc) }.is_some_and(|d| d.is_simple_consumer_group) as c_int
    })
}

/// The partition assignor of the described group (NULL when unknown).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_partition_assignor(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupDescriptionObj>(grpdesc) }.map_or(ptr::null(), |d| opt_ptr(&d.partition_assignor))
    })
}

/// The operations the client may perform on the group; NULL when they were not requested.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_authorized_operations(grpdesc: *const rd_kafka_ConsumerGroupDescription_t, cntp: *mut size_t) -> *const rd_kafka_AclOperation_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL; cntp NULL or writable.
        match unsafe { obj::<ConsumerGroupDescriptionObj>(grpdesc) } {
            Some(d) => unsafe { d.authorized_operations.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null()
            }
        }
    })
}

/// The state of a described group.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_state(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> rd_kafka_consumer_group_state_t {
    crate::ffi_guard!(RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupDescriptionObj>(grpdesc) }.map_or(RD_KAFKA_CONSUMER_GROUP_STATE_UNKNOWN, |d| d.state)
    })
}

/// The coordinator of a described group (NULL when unknown).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_coordinator(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> *const rd_kafka_Node_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupDescriptionObj>(grpdesc) }
            .and_then(|d| d.coordinator.as_ref())
            .map_or(ptr::null(), |n| n.as_handle())
    })
}

/// The type (classic or consumer protocol) of a described group.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_type(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> rd_kafka_consumer_group_type_t {
    crate::ffi_guard!(RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupDescriptionObj>(grpdesc) }.map_or(RD_KAFKA_CONSUMER_GROUP_TYPE_UNKNOWN, |d| d.group_type)
    })
}

/// The number of members of a described group.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_member_count(grpdesc: *const rd_kafka_ConsumerGroupDescription_t) -> size_t {
    crate::ffi_guard!(0, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupDescriptionObj>(grpdesc) }.map_or(0, |d| d.members.len())
    })
}

/// Member `idx` of a described group, NULL when out of range.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ConsumerGroupDescription_member(grpdesc: *const rd_kafka_ConsumerGroupDescription_t, idx: size_t) -> *const rd_kafka_MemberDescription_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<ConsumerGroupDescriptionObj>(grpdesc) }
            .and_then(|d| d.members.get(idx))
            .map_or(ptr::null(), |m| m as *const MemberDescriptionObj as *const rd_kafka_MemberDescription_t)
    })
}

/// The client id of a group member.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_client_id(member: *const rd_kafka_MemberDescription_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<MemberDescriptionObj>(member) }.map_or(ptr::null(), |m| m.client_id.as_ptr())
    })
}

/// The group instance id (static membership) of a group member, NULL when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_group_instance_id(member: *const rd_kafka_MemberDescription_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<MemberDescriptionObj>(member) }.map_or(ptr::null(), |m| opt_ptr(&m.group_instance_id))
    })
}

/// The member id of a group member.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_consumer_id(member: *const rd_kafka_MemberDescription_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<MemberDescriptionObj>(member) }.map_or(ptr::null(), |m| m.consumer_id.as_ptr())
    })
}

/// The host of a group member.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_host(member: *const rd_kafka_MemberDescription_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<MemberDescriptionObj>(member) }.map_or(ptr::null(), |m| m.host.as_ptr())
    })
}

/// The current assignment of a group member.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_assignment(member: *const rd_kafka_MemberDescription_t) -> *const rd_kafka_MemberAssignment_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<MemberDescriptionObj>(member) }
            .map_or(ptr::null(), |m| &m.assignment as *const MemberAssignmentObj as *const rd_kafka_MemberAssignment_t)
    })
}

/// The partitions of a member assignment.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberAssignment_partitions(assignment: *const rd_kafka_MemberAssignment_t) -> *const rd_kafka_topic_partition_list_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<MemberAssignmentObj>(assignment) }.map_or(ptr::null(), |a| a.partitions.as_ptr())
    })
}

/// The target assignment of a member of a consumer-protocol group; NULL otherwise.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_MemberDescription_target_assignment(member: *const rd_kafka_MemberDescription_t) -> *const rd_kafka_MemberAssignment_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<MemberDescriptionObj>(member) }
            .and_then(|m| m.target_assignment.as_ref())
            .map_or(ptr::null(), |a| a as *const MemberAssignmentObj as *const rd_kafka_MemberAssignment_t)
    })
}

/// Creates a group to delete.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteGroup_new(group: *const c_char) -> *mut rd_kafka_DeleteGroup_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: group is NULL or a C string.
        unsafe { owned(group) }.map_or(ptr::null_mut(), |group| into_handle(DeleteGroup { group }))
    })
}

/// Frees a DeleteGroup (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteGroup_destroy(del_group: *mut rd_kafka_DeleteGroup_t) {
    crate::ffi_guard!((), {
        // SAFETY: the handle came from rd_kafka_DeleteGroup_new.
        unsafe { drop_handle::<DeleteGroup>(del_group) }
    })
}

/// Frees each DeleteGroup of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteGroup_destroy_array(del_groups: *mut *mut rd_kafka_DeleteGroup_t, del_group_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds del_group_cnt handles.
        unsafe { destroy_handles::<DeleteGroup, _>(del_groups, del_group_cnt) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteGroups(rk: *mut rd_kafka_t, del_groups: *mut *mut rd_kafka_DeleteGroup_t, del_group_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DELETEGROUPS_RESULT, "rd_kafka_DeleteGroups") }
    })
}

/// The per-group results of a DeleteGroups result, in request order (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteGroups_result_groups(result: *const rd_kafka_DeleteGroups_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_group_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { group_results(result, RD_KAFKA_EVENT_DELETEGROUPS_RESULT, cntp) }
    })
}

/// Creates a request for a group's committed offsets; NULL partitions means all of them.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroupOffsets_new(group_id: *const c_char, partitions: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_ListConsumerGroupOffsets_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: group_id NULL or a C string; partitions NULL or a list.
        match unsafe { owned(group_id) } {
            Some(group_id) => into_handle(ListConsumerGroupOffsets { group_id, partitions: unsafe { tpl_arg(partitions) } }),
            None => ptr::null_mut(),
        }
    })
}

/// Frees a ListConsumerGroupOffsets (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroupOffsets_destroy(list_grpoffsets: *mut rd_kafka_ListConsumerGroupOffsets_t) {
    crate::ffi_guard!((), {
        // SAFETY: the handle came from rd_kafka_ListConsumerGroupOffsets_new.
        unsafe { drop_handle::<ListConsumerGroupOffsets>(list_grpoffsets) }
    })
}

/// Frees each ListConsumerGroupOffsets of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroupOffsets_destroy_array(list_grpoffsets: *mut *mut rd_kafka_ListConsumerGroupOffsets_t, list_grpoffset_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds list_grpoffset_cnt handles.
        unsafe { destroy_handles::<ListConsumerGroupOffsets, _>(list_grpoffsets, list_grpoffset_cnt) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroupOffsets(rk: *mut rd_kafka_t, list_grpoffsets: *mut *mut rd_kafka_ListConsumerGroupOffsets_t, list_grpoffsets_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT, "rd_kafka_ListConsumerGroupOffsets") }
    })
}

/// The group results (with committed offsets) of a ListConsumerGroupOffsets result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListConsumerGroupOffsets_result_groups(result: *const rd_kafka_ListConsumerGroupOffsets_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_group_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { group_results(result, RD_KAFKA_EVENT_LISTCONSUMERGROUPOFFSETS_RESULT, cntp) }
    })
}

/// Creates a request to commit offsets for a group (the list is copied).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConsumerGroupOffsets_new(group_id: *const c_char, partitions: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_AlterConsumerGroupOffsets_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: group_id NULL or a C string; partitions NULL or a list.
        match (unsafe { owned(group_id) }, unsafe { tpl_arg(partitions) }) {
            (Some(group_id), Some(partitions)) => into_handle(AlterConsumerGroupOffsets { group_id, partitions }),
            _ => ptr::null_mut(),
        }
    })
}

/// Frees an AlterConsumerGroupOffsets (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConsumerGroupOffsets_destroy(alter_grpoffsets: *mut rd_kafka_AlterConsumerGroupOffsets_t) {
    crate::ffi_guard!((), {
        // SAFETY: the handle came from rd_kafka_AlterConsumerGroupOffsets_new.
        unsafe { drop_handle::<AlterConsumerGroupOffsets>(alter_grpoffsets) }
    })
}

/// Frees each AlterConsumerGroupOffsets of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConsumerGroupOffsets_destroy_array(alter_grpoffsets: *mut *mut rd_kafka_AlterConsumerGroupOffsets_t, alter_grpoffset_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds alter_grpoffset_cnt handles.
        unsafe { destroy_handles::<AlterConsumerGroupOffsets, _>(alter_grpoffsets, alter_grpoffset_cnt) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConsumerGroupOffsets(rk: *mut rd_kafka_t, alter_grpoffsets: *mut *mut rd_kafka_AlterConsumerGroupOffsets_t, alter_grpoffsets_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT, "rd_kafka_AlterConsumerGroupOffsets") }
    })
}

/// The group results (per-partition errors) of an AlterConsumerGroupOffsets result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_AlterConsumerGroupOffsets_result_groups(result: *const rd_kafka_AlterConsumerGroupOffsets_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_group_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { group_results(result, RD_KAFKA_EVENT_ALTERCONSUMERGROUPOFFSETS_RESULT, cntp) }
    })
}

/// Creates a request to delete a group's committed offsets of some partitions (the list is copied).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteConsumerGroupOffsets_new(group: *const c_char, partitions: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_DeleteConsumerGroupOffsets_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: group NULL or a C string; partitions NULL or a list.
        match (unsafe { owned(group) }, unsafe { tpl_arg(partitions) }) {
            (Some(group), Some(partitions)) => into_handle(DeleteConsumerGroupOffsets { group, partitions }),
            _ => ptr::null_mut(),
        }
    })
}

/// Frees a DeleteConsumerGroupOffsets (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteConsumerGroupOffsets_destroy(del_grpoffsets: *mut rd_kafka_DeleteConsumerGroupOffsets_t) {
    crate::ffi_guard!((), {
        // SAFETY: the handle came from rd_kafka_DeleteConsumerGroupOffsets_new.
        unsafe { drop_handle::<DeleteConsumerGroupOffsets>(del_grpoffsets) }
    })
}

/// Frees each DeleteConsumerGroupOffsets of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteConsumerGroupOffsets_destroy_array(del_grpoffsets: *mut *mut rd_kafka_DeleteConsumerGroupOffsets_t, del_grpoffset_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds del_grpoffset_cnt handles.
        unsafe { destroy_handles::<DeleteConsumerGroupOffsets, _>(del_grpoffsets, del_grpoffset_cnt) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteConsumerGroupOffsets(rk: *mut rd_kafka_t, del_grpoffsets: *mut *mut rd_kafka_DeleteConsumerGroupOffsets_t, del_grpoffsets_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT, "rd_kafka_DeleteConsumerGroupOffsets") }
    })
}

/// The group result (per-partition errors) of a DeleteConsumerGroupOffsets result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteConsumerGroupOffsets_result_groups(result: *const rd_kafka_DeleteConsumerGroupOffsets_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_group_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { group_results(result, RD_KAFKA_EVENT_DELETECONSUMERGROUPOFFSETS_RESULT, cntp) }
    })
}
