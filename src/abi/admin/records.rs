//! Admin API: the C functions of DeleteRecords, ListOffsets, ElectLeaders
//! and the topic-partition result they share. The objects are in
//! `objects::admin::records`.
#![allow(unused_variables)]

use crate::objects::admin::records::*;
use crate::objects::error::ErrorObject;
use crate::objects::tpl;
use crate::objects::types::*;
use super::common::*;
use libc::size_t;
use std::ptr;

/// The partition (topic, partition, err) of a partition result.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_result_partition(partition_result: *const rd_kafka_topic_partition_result_t) -> *const rd_kafka_topic_partition_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<TopicPartitionResultObj>(partition_result) }.map_or(ptr::null(), |r| r.tp.first())
    })
}

/// The error object of a partition result (its code is NO_ERROR on success).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_partition_result_error(partition_result: *const rd_kafka_topic_partition_result_t) -> *const rd_kafka_error_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<TopicPartitionResultObj>(partition_result) }
            .map_or(ptr::null(), |r| &*r.error as *const ErrorObject as *const rd_kafka_error_t)
    })
}

/// Creates a DeleteRecords request from partitions and the offsets to delete before (the list is copied).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteRecords_new(before_offsets: *const rd_kafka_topic_partition_list_t) -> *mut rd_kafka_DeleteRecords_t {
    crate::ffi_guard!(ptr::null_mut(), {
        if before_offsets.is_null() {
            return ptr::null_mut();
        }
        // SAFETY: a valid list.
        into_handle(DeleteRecords { offsets: unsafe { tpl::to_vec(before_offsets) } })
    })
}

/// Frees a DeleteRecords (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteRecords_destroy(del_records: *mut rd_kafka_DeleteRecords_t) {
    crate::ffi_guard!((), {
        // SAFETY: the handle came from rd_kafka_DeleteRecords_new.
        unsafe { drop_handle::<DeleteRecords>(del_records) }
    })
}

/// Frees each DeleteRecords of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteRecords_destroy_array(del_records: *mut *mut rd_kafka_DeleteRecords_t, del_record_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds del_record_cnt handles.
        unsafe { destroy_handles::<DeleteRecords, _>(del_records, del_record_cnt) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteRecords(rk: *mut rd_kafka_t, del_records: *mut *mut rd_kafka_DeleteRecords_t, del_record_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DELETERECORDS_RESULT, "rd_kafka_DeleteRecords") }
    })
}

/// The partitions of a DeleteRecords result with their new low watermarks and errors (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteRecords_result_offsets(result: *const rd_kafka_DeleteRecords_result_t) -> *const rd_kafka_topic_partition_list_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: result NULL or an event.
        unsafe { payload::<DeleteRecordsPayload>(result, RD_KAFKA_EVENT_DELETERECORDS_RESULT) }
            .and_then(|p| p.0.as_ref())
            .map_or(ptr::null(), OwnedTpl::as_ptr)
    })
}

/// The partition (with offset, error and leader epoch) of a ListOffsets result info.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListOffsetsResultInfo_topic_partition(result_info: *const rd_kafka_ListOffsetsResultInfo_t) -> *const rd_kafka_topic_partition_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle or NULL.
        unsafe { obj::<ListOffsetsResultInfoObj>(result_info) }.map_or(ptr::null(), |i| i.tp.first())
    })
}

/// The timestamp of the record at the offset of a ListOffsets result info.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListOffsetsResultInfo_timestamp(result_info: *const rd_kafka_ListOffsetsResultInfo_t) -> i64 {
    crate::ffi_guard!(-1, {
        // SAFETY: handle or NULL.
        unsafe { obj::<ListOffsetsResultInfoObj>(result_info) }.map_or(-1, |i| i.timestamp)
    })
}

/// The per-partition infos of a ListOffsets result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListOffsets_result_infos(result: *const rd_kafka_ListOffsets_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_ListOffsetsResultInfo_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { out_of(payload::<ListOffsetsPayload>(result, RD_KAFKA_EVENT_LISTOFFSETS_RESULT).map(|p| &p.0), cntp) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ListOffsets(rk: *mut rd_kafka_t, topic_partitions: *mut rd_kafka_topic_partition_list_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_LISTOFFSETS_RESULT, "rd_kafka_ListOffsets") }
    })
}

/// Creates a leader election request; NULL partitions means all partitions (the list is copied).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ElectLeaders_new(election_type: rd_kafka_ElectionType_t, partitions: *mut rd_kafka_topic_partition_list_t) -> *mut rd_kafka_ElectLeaders_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: partitions NULL or a valid list.
        let partitions = (!partitions.is_null()).then(|| unsafe { tpl::to_vec(partitions) });
        into_handle(ElectLeaders { election_type, partitions })
    })
}

/// Frees an ElectLeaders request (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ElectLeaders_destroy(elect_leaders: *mut rd_kafka_ElectLeaders_t) {
    crate::ffi_guard!((), {
        // SAFETY: the handle came from rd_kafka_ElectLeaders_new.
        unsafe { drop_handle::<ElectLeaders>(elect_leaders) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ElectLeaders(rk: *mut rd_kafka_t, elect_leaders: *mut rd_kafka_ElectLeaders_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_ELECTLEADERS_RESULT, "rd_kafka_ElectLeaders") }
    })
}

/// The per-partition results of an ElectLeaders result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_ElectLeaders_result_partitions(result: *const rd_kafka_ElectLeaders_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_topic_partition_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result NULL or an event; cntp NULL or writable.
        unsafe { out_of(payload::<ElectLeadersPayload>(result, RD_KAFKA_EVENT_ELECTLEADERS_RESULT).map(|p| &p.0), cntp) }
    })
}
