//! Admin API: the C functions of topics and partitions (CreateTopics,
//! DeleteTopics, CreatePartitions, DescribeTopics). The request and result
//! objects are in `objects::admin::topics`.
#![allow(unused_variables)]

use crate::objects::admin::topics::*;
use crate::objects::types::*;
use crate::objects::util::write_errstr;
use crate::objects::values::UuidObj;
use super::common::*;
use libc::size_t;
use std::os::raw::{c_char, c_int};
use std::ptr;

/// Checks the replica list of one partition and copies it.
unsafe fn replica_list(broker_ids: *const i32, broker_id_cnt: size_t) -> Result<Vec<i32>, String> {
    if broker_id_cnt as u64 > BROKERS_MAX as u64 {
        return Err(format!("Too many brokers specified (RD_KAFKAP_BROKERS_MAX={})", BROKERS_MAX));
    }
    if broker_ids.is_null() && broker_id_cnt > 0 {
        return Err("Invalid NULL broker_ids".to_string());
    }
    // SAFETY: checked non-NULL for a non-zero count; caller contract.
    Ok(unsafe { c_array(broker_ids, broker_id_cnt) }.to_vec())
}

// ---------------------------------------------------------------------------
// C functions
// ---------------------------------------------------------------------------

/// The error code of a topic result.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_result_error(topicres: *const rd_kafka_topic_result_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__INVALID_ARG, {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicResultObj>(topicres) }.map_or(RD_KAFKA_RESP_ERR__INVALID_ARG, |r| r.err)
    })
}

/// The error text of a topic result, NULL when there is no error.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_result_error_string(topicres: *const rd_kafka_topic_result_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicResultObj>(topicres) }.map_or(ptr::null(), |r| opt_ptr(&r.errstr))
    })
}

/// The topic name of a topic result.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_topic_result_name(topicres: *const rd_kafka_topic_result_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicResultObj>(topicres) }.map_or(ptr::null(), |r| r.topic.as_ptr())
    })
}

/// Creates a topic to create: -1 partitions or replication factor mean the broker's default.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_new(topic: *const c_char, num_partitions: c_int, replication_factor: c_int, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_NewTopic_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: topic is NULL or a C string.
        let name = unsafe { owned(topic) };
        match NewTopic::new(name.as_deref(), num_partitions, replication_factor) {
            Ok(t) => Box::into_raw(Box::new(t)) as *mut rd_kafka_NewTopic_t,
            Err(msg) => {
                // SAFETY: errstr is NULL or valid for errstr_size bytes.
                unsafe { write_errstr(errstr, errstr_size, &msg) };
                ptr::null_mut()
            }
        }
    })
}

/// Frees a NewTopic (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_destroy(new_topic: *mut rd_kafka_NewTopic_t) {
    crate::ffi_guard!((), {
        if !new_topic.is_null() {
            // SAFETY: the handle came from rd_kafka_NewTopic_new.
            drop(unsafe { Box::from_raw(new_topic as *mut NewTopic) });
        }
    })
}

/// Frees each NewTopic of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_destroy_array(new_topics: *mut *mut rd_kafka_NewTopic_t, new_topic_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds new_topic_cnt handles.
        unsafe { destroy_handles::<NewTopic, _>(new_topics, new_topic_cnt) }
    })
}

/// Sets the replicas of the next partition (in order from 0) of a topic created with replication factor -1.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_set_replica_assignment(new_topic: *mut rd_kafka_NewTopic_t, partition: i32, broker_ids: *mut i32, broker_id_cnt: size_t, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle or NULL.
        let r = match unsafe { obj_mut::<NewTopic>(new_topic) } {
            None => Err("Invalid NULL NewTopic".to_string()),
            Some(t) => t.check_assignment(partition).and_then(|()| {
                // SAFETY: broker_ids holds broker_id_cnt ids.
                unsafe { replica_list(broker_ids, broker_id_cnt) }.map(|ids| t.replica_assignment.push(ids))
            }),
        };
        match r {
            Ok(()) => RD_KAFKA_RESP_ERR_NO_ERROR,
            Err(msg) => {
                // SAFETY: errstr is NULL or valid for errstr_size bytes.
                unsafe { write_errstr(errstr, errstr_size, &msg) };
                RD_KAFKA_RESP_ERR__INVALID_ARG
            }
        }
    })
}

/// Adds a topic configuration entry (the value may be NULL).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewTopic_set_config(new_topic: *mut rd_kafka_NewTopic_t, name: *const c_char, value: *const c_char) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle or NULL; strings NULL or NUL-terminated.
        match (unsafe { obj_mut::<NewTopic>(new_topic) }, unsafe { owned(name) }) {
            (Some(t), Some(n)) => {
                t.configs.push((n, unsafe { owned(value) }));
                RD_KAFKA_RESP_ERR_NO_ERROR
            }
            _ => RD_KAFKA_RESP_ERR__INVALID_ARG,
        }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreateTopics(rk: *mut rd_kafka_t, new_topics: *mut *mut rd_kafka_NewTopic_t, new_topic_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_CREATETOPICS_RESULT, "rd_kafka_CreateTopics") }
    })
}

/// The per-topic results of a CreateTopics result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreateTopics_result_topics(result: *const rd_kafka_CreateTopics_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_topic_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result is NULL or an event; cntp NULL or writable.
        unsafe { topic_results(result, RD_KAFKA_EVENT_CREATETOPICS_RESULT, cntp) }
    })
}

unsafe fn topic_results(result: *const rd_kafka_event_t, ev_type: c_int, cntp: *mut size_t) -> *mut *const rd_kafka_topic_result_t {
    // SAFETY: caller contract.
    match unsafe { payload::<TopicResultsPayload>(result, ev_type) } {
        Some(p) => unsafe { p.0.out(cntp) },
        None => {
            unsafe { set_cnt(cntp, 0) };
            ptr::null_mut()
        }
    }
}

/// Creates a topic to delete.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopic_new(topic: *const c_char) -> *mut rd_kafka_DeleteTopic_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: topic is NULL or a C string.
        match unsafe { owned(topic) } {
            Some(topic) => Box::into_raw(Box::new(DeleteTopic { topic })) as *mut rd_kafka_DeleteTopic_t,
            None => ptr::null_mut(),
        }
    })
}

/// Frees a DeleteTopic (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopic_destroy(del_topic: *mut rd_kafka_DeleteTopic_t) {
    crate::ffi_guard!((), {
        if !del_topic.is_null() {
            // SAFETY: the handle came from rd_kafka_DeleteTopic_new.
            drop(unsafe { Box::from_raw(del_topic as *mut DeleteTopic) });
        }
    })
}

/// Frees each DeleteTopic of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopic_destroy_array(del_topics: *mut *mut rd_kafka_DeleteTopic_t, del_topic_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds del_topic_cnt handles.
        unsafe { destroy_handles::<DeleteTopic, _>(del_topics, del_topic_cnt) }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopics(rk: *mut rd_kafka_t, del_topics: *mut *mut rd_kafka_DeleteTopic_t, del_topic_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DELETETOPICS_RESULT, "rd_kafka_DeleteTopics") }
    })
}

/// The per-topic results of a DeleteTopics result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DeleteTopics_result_topics(result: *const rd_kafka_DeleteTopics_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_topic_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result is NULL or an event; cntp NULL or writable.
        unsafe { topic_results(result, RD_KAFKA_EVENT_DELETETOPICS_RESULT, cntp) }
    })
}

/// Creates a request to grow a topic to new_total_cnt partitions.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_new(topic: *const c_char, new_total_cnt: size_t, errstr: *mut c_char, errstr_size: size_t) -> *mut rd_kafka_NewPartitions_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: topic is NULL or a C string.
        let name = unsafe { owned(topic) };
        match NewPartitions::new(name.as_deref(), new_total_cnt) {
            Ok(p) => Box::into_raw(Box::new(p)) as *mut rd_kafka_NewPartitions_t,
            Err(msg) => {
                // SAFETY: errstr is NULL or valid for errstr_size bytes.
                unsafe { write_errstr(errstr, errstr_size, &msg) };
                ptr::null_mut()
            }
        }
    })
}

/// Frees a NewPartitions (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_destroy(new_parts: *mut rd_kafka_NewPartitions_t) {
    crate::ffi_guard!((), {
        if !new_parts.is_null() {
            // SAFETY: the handle came from rd_kafka_NewPartitions_new.
            drop(unsafe { Box::from_raw(new_parts as *mut NewPartitions) });
        }
    })
}

/// Frees each NewPartitions of an array (not the array).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_destroy_array(new_parts: *mut *mut rd_kafka_NewPartitions_t, new_parts_cnt: size_t) {
    crate::ffi_guard!((), {
        // SAFETY: the array holds new_parts_cnt handles.
        unsafe { destroy_handles::<NewPartitions, _>(new_parts, new_parts_cnt) }
    })
}

/// Sets the replicas of the next new partition (index from 0, in order).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_NewPartitions_set_replica_assignment(new_parts: *mut rd_kafka_NewPartitions_t, new_partition_idx: i32, broker_ids: *mut i32, broker_id_cnt: size_t, errstr: *mut c_char, errstr_size: size_t) -> rd_kafka_resp_err_t {
    crate::ffi_guard!(RD_KAFKA_RESP_ERR__FAIL, {
        // SAFETY: handle or NULL.
        let r = match unsafe { obj_mut::<NewPartitions>(new_parts) } {
            None => Err("Invalid NULL NewPartitions".to_string()),
            Some(p) if new_partition_idx as i64 != p.replica_assignment.len() as i64 => Err(format!(
                "Partitions must be added in order, starting at 0: expecting partition index {}, not {}",
                p.replica_assignment.len(),
                new_partition_idx
            )),
            // SAFETY: broker_ids holds broker_id_cnt ids.
            Some(p) => unsafe { replica_list(broker_ids, broker_id_cnt) }.map(|ids| p.replica_assignment.push(ids)),
        };
        match r {
            Ok(()) => RD_KAFKA_RESP_ERR_NO_ERROR,
            Err(msg) => {
                // SAFETY: errstr is NULL or valid for errstr_size bytes.
                unsafe { write_errstr(errstr, errstr_size, &msg) };
                RD_KAFKA_RESP_ERR__INVALID_ARG
            }
        }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreatePartitions(rk: *mut rd_kafka_t, new_parts: *mut *mut rd_kafka_NewPartitions_t, new_parts_cnt: size_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT, "rd_kafka_CreatePartitions") }
    })
}

/// The per-topic results of a CreatePartitions result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_CreatePartitions_result_topics(result: *const rd_kafka_CreatePartitions_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_topic_result_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result is NULL or an event; cntp NULL or writable.
        unsafe { topic_results(result, RD_KAFKA_EVENT_CREATEPARTITIONS_RESULT, cntp) }
    })
}

/// Creates a collection of topic names (copied) for DescribeTopics.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicCollection_of_topic_names(topics: *mut *const c_char, topics_cnt: size_t) -> *mut rd_kafka_TopicCollection_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: the array holds topics_cnt strings (each NULL or a C
        // string; NULL names become empty names, which DescribeTopics
        // rejects).
        let names = unsafe { c_array(topics as *const *const c_char, topics_cnt) }
            .iter()
            .map(|&p| unsafe { owned(p) }.unwrap_or_default())
            .collect();
        Box::into_raw(Box::new(TopicCollection { topics: names })) as *mut rd_kafka_TopicCollection_t
    })
}

/// Frees a TopicCollection (NULL is ignored).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicCollection_destroy(topics: *mut rd_kafka_TopicCollection_t) {
    crate::ffi_guard!((), {
        if !topics.is_null() {
            // SAFETY: the handle came from rd_kafka_TopicCollection_of_topic_names.
            drop(unsafe { Box::from_raw(topics as *mut TopicCollection) });
        }
    })
}

#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeTopics(rk: *mut rd_kafka_t, topics: *const rd_kafka_TopicCollection_t, options: *const rd_kafka_AdminOptions_t, rkqu: *mut rd_kafka_queue_t) {
    crate::ffi_guard!((), {
        // SAFETY: the caller passes a live queue and options (or NULL).
        unsafe { super::common::not_implemented(rkqu, options, RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT, "rd_kafka_DescribeTopics") }
    })
}

/// The topic descriptions of a DescribeTopics result (owned by the event).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_DescribeTopics_result_topics(result: *const rd_kafka_DescribeTopics_result_t, cntp: *mut size_t) -> *mut *const rd_kafka_TopicDescription_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: result is NULL or an event; cntp NULL or writable.
        match unsafe { payload::<DescribeTopicsPayload>(result, RD_KAFKA_EVENT_DESCRIBETOPICS_RESULT) } {
            Some(p) => unsafe { p.0.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null_mut()
            }
        }
    })
}

/// The partitions of a topic description.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_partitions(topicdesc: *const rd_kafka_TopicDescription_t, cntp: *mut size_t) -> *mut *const rd_kafka_TopicPartitionInfo_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle from a result event or NULL; cntp NULL or writable.
        match unsafe { obj::<TopicDescriptionObj>(topicdesc) } {
            Some(d) => unsafe { d.partitions.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null_mut()
            }
        }
    })
}

/// The partition id of a partition description.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_partition(partition: *const rd_kafka_TopicPartitionInfo_t) -> c_int {
    crate::ffi_guard!(-1, {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicPartitionInfoObj>(partition) }.map_or(-1, |p| p.partition)
    })
}

/// The leader of a partition, NULL when it has none.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_leader(partition: *const rd_kafka_TopicPartitionInfo_t) -> *const rd_kafka_Node_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicPartitionInfoObj>(partition) }
            .and_then(|p| p.leader.as_ref())
            .map_or(ptr::null(), |n| n.as_handle())
    })
}

/// The in-sync replicas of a partition.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_isr(partition: *const rd_kafka_TopicPartitionInfo_t, cntp: *mut size_t) -> *mut *const rd_kafka_Node_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle from a result event or NULL; cntp NULL or writable.
        match unsafe { obj::<TopicPartitionInfoObj>(partition) } {
            Some(p) => unsafe { p.isr.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null_mut()
            }
        }
    })
}

/// The replicas of a partition.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicPartitionInfo_replicas(partition: *const rd_kafka_TopicPartitionInfo_t, cntp: *mut size_t) -> *mut *const rd_kafka_Node_t {
    crate::ffi_guard!(ptr::null_mut(), {
        // SAFETY: handle from a result event or NULL; cntp NULL or writable.
        match unsafe { obj::<TopicPartitionInfoObj>(partition) } {
            Some(p) => unsafe { p.replicas.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null_mut()
            }
        }
    })
}

/// The operations the client may perform on the topic; NULL when they were not requested.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_authorized_operations(topicdesc: *const rd_kafka_TopicDescription_t, cntp: *mut size_t) -> *const rd_kafka_AclOperation_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL; cntp NULL or writable.
        match unsafe { obj::<TopicDescriptionObj>(topicdesc) } {
            Some(d) => unsafe { d.authorized_operations.out(cntp) },
            None => {
                unsafe { set_cnt(cntp, 0) };
                ptr::null()
            }
        }
    })
}

/// The name of a described topic.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_name(topicdesc: *const rd_kafka_TopicDescription_t) -> *const c_char {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicDescriptionObj>(topicdesc) }.map_or(ptr::null(), |d| d.name.as_ptr())
    })
}

/// The topic id of a described topic.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_topic_id(topicdesc: *const rd_kafka_TopicDescription_t) -> *const rd_kafka_Uuid_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicDescriptionObj>(topicdesc) }
            .map_or(ptr::null(), |d| &*d.topic_id as *const UuidObj as *const rd_kafka_Uuid_t)
    })
}

/// 1 if the described topic is internal to Kafka.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_is_internal(topicdesc: *const rd_kafka_TopicDescription_t) -> c_int {
    crate::ffi_guard!(0, {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicDescriptionObj>(topicdesc) }.is_some_and(|d| d.is_internal) as c_int
    })
}

/// The error of a topic description, NULL when the topic was described.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn rd_kafka_TopicDescription_error(topicdesc: *const rd_kafka_TopicDescription_t) -> *const rd_kafka_error_t {
    crate::ffi_guard!(ptr::null(), {
        // SAFETY: handle from a result event or NULL.
        unsafe { obj::<TopicDescriptionObj>(topicdesc) }.map_or(ptr::null(), |d| error_ptr(&d.error))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_c_copies_arguments() {
        use crate::objects::admin::requests::{AdminRequest, CreateTopicsRequest, DescribeConsumerGroupsRequest};
        unsafe {
            let mut buf = [0 as c_char; 64];
            let t = rd_kafka_NewTopic_new(c"x".as_ptr(), 2, 3, buf.as_mut_ptr(), buf.len());
            assert_eq!(rd_kafka_NewTopic_set_config(t, c"cleanup.policy".as_ptr(), c"compact".as_ptr()), 0);
            let mut arr = [t, std::ptr::null_mut()];
            let req = CreateTopicsRequest::from_c(arr.as_mut_ptr(), 2, std::ptr::null());
            rd_kafka_NewTopic_destroy(t);
            assert_eq!(req.new_topics.len(), 1);
            assert_eq!(req.new_topics[0].configs, vec![("cleanup.policy".to_string(), Some("compact".to_string()))]);
            assert_eq!(req.options.for_api, RD_KAFKA_ADMIN_OP_ANY);

            let names = [c"g1".as_ptr(), std::ptr::null()];
            let req = DescribeConsumerGroupsRequest::from_c(names.as_ptr(), 2, std::ptr::null());
            assert_eq!(req.groups, vec!["g1".to_string(), String::new()]);
            let req = DescribeConsumerGroupsRequest::from_c(std::ptr::null(), 5, std::ptr::null());
            assert_eq!(req.validate().unwrap_err().message, "No groups to describe");
        }
    }
}
